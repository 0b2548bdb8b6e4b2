/** Small, exact helpers for SQL text we build and for mapping positions back to the user's files. */

/** A standard-conforming string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** PostgreSQL rejects a byte-order mark inside a query; a space keeps every offset and line. */
export const blankBom = (text: string): string => (text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text)

/** 1-based line of a 0-based offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** PostgreSQL's `position` counts characters (code points) from 1; JavaScript indexes UTF-16 units from 0. */
export function offsetOfPosition(text: string, position: number): number {
  let chars = 1
  let i = 0
  while (i < text.length && chars < position) {
    const cp = text.codePointAt(i) ?? 0
    i += cp > 0xffff ? 2 : 1
    chars++
  }
  return i
}

/** UTF-8 byte offset → UTF-16 index (the parser reports bytes). */
export function offsetOfByte(text: string, byte: number): number {
  return Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').length
}

/** Skips whitespace and comments from `offset`: where the next token starts. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i)
      i = nl < 0 ? text.length : nl + 1
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 2
    } else return i
  }
}

/** A dollar-quote tag that does not occur in `body`, for wrapping our own DO blocks. */
export function dollarTag(body: string, base = 'hma'): string {
  let tag = `$${base}$`
  for (let n = 1; body.includes(tag); n++) tag = `$${base}${n}$`
  return tag
}
