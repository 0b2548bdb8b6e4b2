/** Where an error in what a step ran is in the user's files. */
import type { ScriptOutcome } from './session.js'
import { lineAt, offsetOfPosition } from '../../sql/position.js'
import { splitStatements, statementAtOffset } from './statements.js'

/** The file line and the statement of an error in `text` (sent as one script starting at file line `firstLine`). */
export function locateError(
  text: string,
  outcome: ScriptOutcome,
  firstLine = 1,
): { line?: number; statement?: string } {
  const statements = splitStatements(text)
  const position = outcome.error?.position
  if (position !== undefined) {
    const offset = offsetOfPosition(text, position)
    const statement = statementAtOffset(statements, offset)
    return { line: firstLine + lineAt(text, offset) - 1, ...(statement ? { statement: statement.text } : {}) }
  }
  // No position (a run-time error): the statements that completed tell which one failed.
  const statement = statements[outcome.completed]
  return statement ? { line: firstLine + statement.line - 1, statement: statement.text } : {}
}
