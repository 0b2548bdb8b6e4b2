/**
 * A small statement splitter and position helpers for the SQL targets.
 *
 * Synchronous, for locating an error after the fact. What a no-transaction file executes is split by the
 * real parser (`src/sql`); this lexer knows quotes, E'' strings, quoted identifiers, dollar quotes and
 * nested comments, but not `BEGIN ATOMIC` bodies.
 */
import { lineAt } from '../../sql/position.js'
import type { Statement } from '../../sql/types.js'

const isIdentStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c)
const isIdentChar = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c)

/** Top-level statements of `text`, as PostgreSQL would run them (empty and comment-only ones dropped). */
export function splitStatements(text: string): Statement[] {
  const out: Statement[] = []
  let start = -1
  let lastEnd = -1
  const push = (): void => {
    if (start >= 0) out.push({ text: text.slice(start, lastEnd), line: lineAt(text, start), offset: start })
    start = -1
  }
  const token = (from: number, to: number): void => {
    if (start < 0) start = from
    lastEnd = to
  }
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]
    const next = text[i + 1]
    if (c === '-' && next === '-') {
      const eol = text.indexOf('\n', i)
      i = eol < 0 ? n : eol + 1
    } else if (c === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++
          i += 2
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--
          i += 2
        } else i++
      }
    } else if (c === ';') {
      push()
      i++
    } else if (c === "'" || c === '"') {
      const from = i
      const escapes = c === "'" && i > 0 && /[eE]/.test(text[i - 1]) && !isIdentChar(text[i - 2] ?? ' ')
      i++
      while (i < n) {
        if (escapes && text[i] === '\\') i += 2
        else if (text[i] === c) {
          if (text[i + 1] === c) i += 2
          else {
            i++
            break
          }
        } else i++
      }
      token(from, i)
    } else if (c === '$' && !isIdentChar(text[i - 1] ?? ' ')) {
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 200))
      if (m) {
        const tag = m[0]
        const close = text.indexOf(tag, i + tag.length)
        const end = close < 0 ? n : close + tag.length
        token(i, end)
        i = end
      } else {
        token(i, i + 1)
        i++
      }
    } else if (/\s/.test(c)) {
      i++
    } else {
      let j = i + 1
      if (isIdentStart(c)) while (j < n && isIdentChar(text[j])) j++
      token(i, j)
      i = j
    }
  }
  push()
  return out
}

/** The statement containing string index `offset`, or the last one starting before it. */
export function statementAtOffset(statements: Statement[], offset: number): Statement | undefined {
  let found: Statement | undefined
  for (const s of statements) {
    if (s.offset <= offset) found = s
    else break
  }
  return found
}
