/**
 * The SQL of one `run_sql`: our statements and the users' files concatenated, with the offset of every
 * file part kept so that a PostgreSQL position (or a bisection) leads back to a file and a line.
 */
import { UserError } from '../../errors.js'
import type { Step } from '../../plan/types.js'
import { blankBom } from '../../sql/position.js'

/** A piece of SQL from the project: a migration file, a config 1 `run_sql` item, a seed file. */
export interface SqlPart {
  file: string
  text: string
  /** Config 1 YAML `run_sql` item: errors point at the item's line. */
  yamlLine?: number
}

export interface PlacedPart {
  part: SqlPart
  /** Index of the step (or seed file) it belongs to. */
  owner: number
  start: number
  end: number
}

/** Between pieces: ends a trailing `--` comment and an unterminated last statement. */
const SEPARATOR = '\n;\n'

export class Batch {
  private readonly pieces: string[] = []
  private length = 0
  readonly placed: PlacedPart[] = []

  add(sql: string): this {
    if (!sql) return this
    if (this.pieces.length) {
      this.pieces.push(SEPARATOR)
      this.length += SEPARATOR.length
    }
    this.pieces.push(sql)
    this.length += sql.length
    return this
  }

  addPart(part: SqlPart, owner: number, text = part.text): this {
    const body = blankBom(text)
    this.add(body)
    this.placed.push({ part, owner, start: this.length - body.length, end: this.length })
    return this
  }

  get sql(): string {
    return this.pieces.join('')
  }

  /** The part containing a 0-based offset of the batch. */
  partAt(offset: number): PlacedPart | undefined {
    return this.placed.find((p) => offset >= p.start && offset < p.end + 1)
  }
}

/**
 * The SQL of a step in execution order. Config 1 (legacy CLI, reference §2.6/§5.3): up runs the SQL file,
 * then the YAML items; down runs the YAML items, then the SQL file. Only `run_sql` items are SQL.
 */
export function stepParts(step: Step): SqlPart[] {
  const sql: SqlPart[] =
    step.sql && step.sql.text.trim() !== '' ? [{ file: step.sql.path, text: step.sql.text }] : []
  const yaml: SqlPart[] = (step.yaml?.steps ?? []).map((item) => {
    const file = step.yaml?.path ?? ''
    const where = { file, line: item.line, database: step.database, version: step.version.toString() }
    if (item.type !== 'run_sql') {
      throw new UserError(
        `${file}:${item.line}: a '${item.type}' step cannot run inside the migration transaction; only run_sql steps are supported in config 1 migrations`,
        where,
      )
    }
    const sql = (item.args as { sql?: unknown } | null | undefined)?.sql
    if (typeof sql !== 'string')
      throw new UserError(`${file}:${item.line}: this run_sql step has no 'args.sql' text`, where)
    return { file, text: sql, yamlLine: item.line }
  })
  return step.direction === 'up' ? [...sql, ...yaml] : [...yaml, ...sql]
}
