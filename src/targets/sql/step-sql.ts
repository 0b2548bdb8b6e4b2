/** What a step runs, in order, and where an error in it is in the user's files. */
import { UserError } from '../../errors.js'
import type { Step } from '../../plan/types.js'
import type { ScriptOutcome } from './session.js'
import { lineAt, offsetOfPosition } from '../../sql/position.js'
import { splitStatements, statementAtOffset } from './statements.js'

export interface SqlPart {
  /** File to blame, relative to the project directory. */
  file: string
  text: string
  /** Config 1 YAML `run_sql` item: errors point at the item's line. */
  yamlLine?: number
}

/**
 * The SQL of a step in execution order. Config 1 (legacy CLI, reference §2.6/§5.3): up runs the SQL
 * file, then the YAML items; down runs the YAML items, then the SQL file. Only `run_sql` items can run
 * outside Hasura; the plan rejects the others, and this refuses them too.
 */
export function stepParts(step: Step): SqlPart[] {
  const sql: SqlPart[] =
    step.sql && step.sql.text.trim() !== '' ? [{ file: step.sql.path, text: step.sql.text }] : []
  const yaml: SqlPart[] = (step.yaml?.steps ?? []).map((item) => {
    const file = step.yaml?.path ?? ''
    const args = item.args as { sql?: unknown } | null | undefined
    if (item.type !== 'run_sql') {
      throw new UserError(
        `${file}:${item.line}: a '${item.type}' step needs Hasura's metadata API; only run_sql steps can run directly on PostgreSQL (set an endpoint to run this migration through Hasura)`,
        { file, line: item.line, database: step.database, version: step.version.toString() },
      )
    }
    if (typeof args?.sql !== 'string') {
      throw new UserError(`${file}:${item.line}: this run_sql step has no 'args.sql' text`, {
        file,
        line: item.line,
        database: step.database,
        version: step.version.toString(),
      })
    }
    return { file, text: args.sql, yamlLine: item.line }
  })
  return step.direction === 'up' ? [...sql, ...yaml] : [...yaml, ...sql]
}

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
