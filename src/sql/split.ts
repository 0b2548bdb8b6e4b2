import { parseStatements } from './parser.js'
import { LineCounter } from './position.js'
import type { SplitResult } from './types.js'

/**
 * Splits a SQL text into its top-level statements with the real PostgreSQL parser: semicolons inside
 * strings, quoted identifiers, dollar-quoted bodies, comments and BEGIN ATOMIC bodies do not split.
 * On a syntax error the statements before it are returned with the error's line (see `SplitResult`).
 */
export async function splitStatements(text: string): Promise<SplitResult> {
  const { statements, syntaxError } = await parseStatements(text)
  const lines = new LineCounter(text)
  const result: SplitResult = {
    statements: statements.map((s) => ({
      text: text.slice(s.start, s.end),
      line: lines.lineAt(s.start),
      offset: s.start,
    })),
  }
  if (syntaxError) result.syntaxError = syntaxError
  return result
}
