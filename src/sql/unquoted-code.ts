/**
 * A SQL text with its comments, string literals, quoted identifiers and dollar-quoted bodies each
 * replaced by one space: what is left is the code PostgreSQL's scanner reads as keywords and names. A
 * cheap, conservative pre-check before the parser (`mayNeedAnalysis`): whenever the scan could read the
 * text differently from PostgreSQL, it gives up (undefined) and the parser decides.
 */
import { blockCommentEnd } from './trivia.js'

const QUOTE = 39 // '
const DOUBLE_QUOTE = 34 // "
const BACKSLASH = 92
const DOLLAR = 36
const DASH = 45
const SLASH = 47
const STAR = 42

/** Letters, digits, `_`, `$` and every non-ASCII character continue an identifier (as in PostgreSQL). */
function continuesIdentifier(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === DOLLAR ||
    c > 127
  )
}

/** A dollar quote's opening tag at `at` (`$$` or `$name$`), or undefined. */
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y

/**
 * The code outside quotes and comments, or undefined when the text has a construct this scan does not
 * read exactly as PostgreSQL does: a backslash inside a string (its meaning depends on `E''` and on
 * `standard_conforming_strings`), or a quote, body or comment that never ends.
 */
export function unquotedCode(text: string): string | undefined {
  const parts: string[] = []
  let from = 0
  let i = 0
  const n = text.length
  const skipTo = (end: number): void => {
    parts.push(text.slice(from, i), ' ')
    i = end
    from = end
  }
  while (i < n) {
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (c === DASH && next === DASH) {
      const eol = text.indexOf('\n', i + 2)
      skipTo(eol < 0 ? n : eol + 1)
    } else if (c === SLASH && next === STAR) {
      const end = blockCommentEnd(text, i)
      if (end === undefined) return undefined
      skipTo(end)
    } else if (c === QUOTE || c === DOUBLE_QUOTE) {
      const end = quotedEnd(text, i, c)
      if (end === undefined) return undefined
      skipTo(end)
    } else if (c === DOLLAR && (i === 0 || !continuesIdentifier(text.charCodeAt(i - 1)))) {
      DOLLAR_TAG.lastIndex = i
      const tag = DOLLAR_TAG.exec(text)?.[0]
      if (tag === undefined) {
        i++ // a parameter ($1) or an operator character
        continue
      }
      const close = text.indexOf(tag, i + tag.length)
      if (close < 0) return undefined
      skipTo(close + tag.length)
    } else {
      i++
    }
  }
  parts.push(text.slice(from))
  return parts.join('')
}

/** After the closing quote of the string or identifier opened at `start`; `''` and `""` continue it. */
function quotedEnd(text: string, start: number, quote: number): number | undefined {
  let i = start + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH && quote === QUOTE) return undefined
    if (c === quote) {
      if (text.charCodeAt(i + 1) !== quote) return i + 1
      i += 2
    } else i++
  }
  return undefined
}
