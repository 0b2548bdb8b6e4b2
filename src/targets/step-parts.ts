/**
 * What a step runs, for every target: its SQL parts in the CLI's order, and each part as it runs inside
 * the run's transaction — its own BEGIN … COMMIT blocks as savepoints, and whether session settings it
 * may change must be restored after it. Targets decide how to send them, never what they are.
 */
import { UserError } from '../errors.js'
import type { Step } from '../plan/types.js'
import { analyzeSql } from '../sql/classify.js'
import { mayChangeSettings } from '../sql/session-settings.js'
import { asSavepoints, transactionBlocks, type TransactionBlock } from '../sql/transaction-blocks.js'

/** A piece of SQL from the project: a migration file, a config 1 `run_sql` item, a seed file. */
export interface SqlPart {
  /** File to blame, relative to the project directory. */
  file: string
  text: string
  /** Config 1 YAML `run_sql` item: errors point at the item's line. */
  yamlLine?: number
}

/** A part ready to run inside the run's transaction. */
export interface RunnablePart extends SqlPart {
  /** `text` with its BEGIN … COMMIT blocks as savepoints; every line where it was in `text`. */
  sql: string
  blocks: TransactionBlock[]
  /** It may change session settings (SET, set_config, SET ROLE …): restore them after it. */
  changesSettings: boolean
}

/**
 * Config 1 metadata steps other than `run_sql` (`track_table`, …) need Hasura's metadata API. A SQL
 * target has none to send them to and skips them (the plan warns), as it skips the project's metadata;
 * inside the Hasura target's migration transaction they cannot run, and are refused.
 */
export type YamlMetadataSteps = 'refuse' | 'skip'

/**
 * The SQL of a step in execution order. Config 1 (legacy CLI): up runs the SQL file, then the YAML
 * items; down runs the YAML items, then the SQL file. Only `run_sql` items are SQL.
 */
export function stepParts(step: Step, yamlMetadata: YamlMetadataSteps = 'refuse'): SqlPart[] {
  const sql: SqlPart[] =
    step.sql && step.sql.text.trim() !== '' ? [{ file: step.sql.path, text: step.sql.text }] : []
  const yaml: SqlPart[] = []
  for (const item of step.yaml?.steps ?? []) {
    const file = step.yaml?.path ?? ''
    const where = { file, line: item.line, database: step.database, version: step.version.toString() }
    if (item.type !== 'run_sql') {
      if (yamlMetadata === 'skip') continue
      throw new UserError(
        `${file}:${item.line}: a '${item.type}' step is a call to Hasura's metadata API, not SQL; only run_sql steps can run inside the migration transaction`,
        where,
      )
    }
    const text = (item.args as { sql?: unknown } | null | undefined)?.sql
    if (typeof text !== 'string')
      throw new UserError(`${file}:${item.line}: this run_sql step has no 'args.sql' text`, where)
    yaml.push({ file, text, yamlLine: item.line })
  }
  return step.direction === 'up' ? [...sql, ...yaml] : [...yaml, ...sql]
}

/**
 * A part as it runs inside the run's transaction. Refuses a transaction command no savepoint can stand
 * for (the plan reports the same before anything runs; a target driven directly gets it here).
 */
export async function runnablePart(
  part: SqlPart,
  where: { database: string; version?: bigint },
): Promise<RunnablePart> {
  const analysis = await analyzeSql(part.text)
  // A syntax error fails the whole text before any of it runs: send it as written.
  if (analysis.syntaxError) return asWritten(part)
  const found = transactionBlocks(analysis.transactionControl)
  if (found.kind === 'none') return asWritten(part)
  if (found.kind === 'unsafe') {
    const line = part.yamlLine ?? found.statement.line
    throw new UserError(`${part.file}:${line}: ${found.reason}`, {
      file: part.file,
      line,
      database: where.database,
      ...(where.version !== undefined ? { version: where.version.toString() } : {}),
    })
  }
  return { ...asWritten(part), sql: asSavepoints(part.text, found.blocks), blocks: found.blocks }
}

/** The parts of a step, each ready to run inside the run's transaction; a no-transaction file's as written. */
export async function runnableParts(step: Step, yamlMetadata: YamlMetadataSteps): Promise<RunnablePart[]> {
  const parts = stepParts(step, yamlMetadata)
  if (!step.transactional) return parts.map(asWritten)
  const where = { database: step.database, version: step.version }
  return Promise.all(parts.map((part) => runnablePart(part, where)))
}

/** A part that runs as written: it has no blocks, or runs outside a transaction (no-transaction file). */
function asWritten(part: SqlPart): RunnablePart {
  return { ...part, sql: part.text, blocks: [], changesSettings: mayChangeSettings(part.text) }
}

/**
 * Ends what a part set for the session, so that it does not reach the next file (each file is its own
 * request for the Hasura CLI) nor the state statements. The target sets its timeouts again after it.
 */
export const RESTORE_SETTINGS = 'RESET ALL; RESET ROLE; RESET SESSION AUTHORIZATION'

/** The step's note when its file's own blocks ran as savepoints, e.g. `its BEGIN … COMMIT block (lines 1–9) ran as a savepoint …`. */
export function blocksNote(parts: RunnablePart[]): string | undefined {
  const blocks = parts.flatMap((p) => p.blocks)
  if (blocks.length === 0) return undefined
  const lines = blocks.map((b) => `${b.begin.line}–${b.end.line}`).join(', ')
  const one = blocks.length === 1
  const discarded = blocks.filter((b) => b.discarded).length
  const rolledBack = discarded
    ? `; ${discarded} ended in ROLLBACK and ${discarded === 1 ? 'was' : 'were'} discarded`
    : ''
  return `its ${one ? 'BEGIN … COMMIT block' : `${blocks.length} BEGIN … COMMIT blocks`} (lines ${lines}) ran as ${one ? 'a savepoint' : 'savepoints'} inside the run's transaction${rolledBack}`
}
