/**
 * The SQL of one `run_sql`: our statements and the users' files concatenated, with the offset of every
 * file part kept so that a PostgreSQL position (or a bisection) leads back to a file and a line.
 */
import { blankBom } from '../../sql/position.js'
import type { SqlPart } from '../step-parts.js'

export interface PlacedPart {
  part: SqlPart
  /** Index of the step (or seed file) it belongs to. */
  owner: number
  /** What was placed: the part's SQL as it runs (same lines as the file). */
  text: string
  /** Our statements placed right after it (outside start..end). */
  after?: string
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

  addPart(part: SqlPart, owner: number, text = part.text, after?: string): this {
    const body = blankBom(text)
    this.add(body)
    this.placed.push({
      part,
      owner,
      text,
      ...(after ? { after } : {}),
      start: this.length - body.length,
      end: this.length,
    })
    if (after) this.add(after)
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
