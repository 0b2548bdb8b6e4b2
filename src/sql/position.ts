/**
 * Turning positions into file lines. Lines are counted by `\n` only (CRLF counts once; a lone `\r` is
 * not a line break, as in GitHub's file view).
 */
import { codePointToIndex } from './offsets.js'

/** 1-based line of the 0-based string index `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** 1-based line and column (in characters) of the 0-based string index `offset`. */
export function locate(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length)
  const lineStart = text.lastIndexOf('\n', end - 1) + 1
  return { line: lineAt(text, end), column: [...text.slice(lineStart, end)].length + 1 }
}

/**
 * String index in `query` of PostgreSQL's error `position`: a 1-based character (code point) index
 * into the query string as sent. Out-of-range positions are clamped.
 */
export function offsetOfPosition(query: string, pgPosition: number): number {
  return codePointToIndex(query, Math.max(0, pgPosition - 1))
}

/**
 * File line of an error position reported for one statement sent on its own: `statementLine` is where
 * the statement starts in the file (`Statement.line`), `statementText` exactly what was sent.
 */
export function lineOfPosition(statementText: string, statementLine: number, pgPosition: number): number {
  return statementLine + lineAt(statementText, offsetOfPosition(statementText, pgPosition)) - 1
}

/** `lineAt` for many ascending offsets of one text, in one pass. */
export class LineCounter {
  private offset = 0
  private line = 1

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0
      this.line = 1
    }
    const end = Math.min(offset, this.text.length)
    for (
      let i = this.text.indexOf('\n', this.offset);
      i >= 0 && i < end;
      i = this.text.indexOf('\n', i + 1)
    ) {
      this.line++
    }
    this.offset = Math.max(this.offset, end)
    return this.line
  }
}

/** A BOM is not whitespace to PostgreSQL; a space of the same length keeps every offset. */
export const blankBom = (text: string): string => (text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text)
