/**
 * Whitespace and comments as PostgreSQL's scanner sees them: `--` to the end of the line and `/* *\/`
 * blocks, which nest. Used to step over what sits between statements and to find where a comment ends,
 * never to split statements.
 */

/** PostgreSQL's whitespace: space, tab, newline, carriage return, form feed, vertical tab. */
export const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

/** Index of the first character at or after `from` that is neither whitespace nor inside a comment. */
export function skipTrivia(text: string, from = 0): number {
  let i = from
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      i++
    } else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 45) {
      const eol = text.indexOf('\n', i + 2)
      i = eol < 0 ? text.length : eol + 1
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      i = skipBlockComment(text, i)
    } else {
      return i
    }
  }
  return text.length
}

/** `start` is at `/*`; returns the index after the matching `*\/` (or the end: an unterminated comment). */
function skipBlockComment(text: string, start: number): number {
  return blockCommentEnd(text, start) ?? text.length
}

/** `start` is at `/*`; the index after the `*\/` that closes it (comments nest), or undefined if none does. */
export function blockCommentEnd(text: string, start: number): number | undefined {
  let depth = 0
  let i = start
  while (i < text.length) {
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (c === 47 && next === 42) {
      depth++
      i += 2
    } else if (c === 42 && next === 47) {
      depth--
      i += 2
      if (depth === 0) return i
    } else {
      i++
    }
  }
  return undefined
}

/** True when the text holds nothing but whitespace and comments (a UTF-8 BOM at the start allowed). */
export function isOnlyTrivia(text: string): boolean {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0
  return skipTrivia(text, from) === text.length
}
