/** Small, exact helpers for the SQL text the Hasura target builds (positions: `src/sql/position.ts`). */

/** A standard-conforming string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A dollar-quote tag that does not occur in `body`, for wrapping our own DO blocks. */
export function dollarTag(body: string, base = 'hma'): string {
  let tag = `$${base}$`
  for (let n = 1; body.includes(tag); n++) tag = `$${base}${n}$`
  return tag
}
