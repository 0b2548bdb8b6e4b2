/** Small, exact helpers for the SQL text the Hasura target builds (positions: `src/sql/position.ts`). */

/** A standard-conforming string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A dollar-quote tag that does not occur in `body`, for wrapping our own DO blocks. */
export function dollarTag(body: string, base = 'hma'): string {
  let tag = `$${base}$`
  for (let n = 1; body.includes(tag); n++) tag = `$${base}${n}$`
  return tag
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The JSON text inside `<j>…</j>` of a `query_to_xml` cell; `undefined` for no table or no row. */
export function xmlCellJson(cell: string | null | undefined): unknown {
  if (!cell) return undefined
  const m = /<j>([\s\S]*?)<\/j>/.exec(cell)
  if (!m) return undefined
  const text = (m[1] ?? '').replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return XML_ENTITIES[e] ?? all
  })
  return JSON.parse(text) as unknown
}
