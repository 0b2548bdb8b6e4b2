/**
 * Finding which file and line failed in a transaction that ran many files as one `run_sql`, without
 * changing anything. PostgreSQL's `position` maps straight back to a file through the batch offsets; Hasura
 * does not pass it on, so then prefixes of the same SQL are rehearsed (ending in a rollback sentinel) and
 * bisected: O(log n) requests to the failing file, O(log m) more to its failing statement.
 */
import type { PgErrorFields } from '../../errors.js'
import type { SqlPart } from '../step-parts.js'
import type { Batch } from './batch.js'
import { lineAt, offsetOfPosition } from '../../sql/position.js'
import { parseStatements } from './statements.js'

export interface OwnedPart {
  part: SqlPart
  owner: number
  /** The part's SQL as it runs (its file's lines), which positions and prefixes refer to. */
  text: string
  /** Our statements that run right after it (restoring session settings). */
  after?: string
}

export interface Located {
  /** Index into the parts list; undefined when no part fails alone (our own statements failed). */
  partIndex?: number
  line?: number
  statement?: string
}

/**
 * Runs the first `count` parts (the last one cut at offset `cutAt`, when given) in a rehearsal; true when
 * that fails with an error other than the sentinel.
 */
export type PrefixProbe = (count: number, cutAt?: number) => Promise<boolean>

const STATEMENT_LIMIT = 2000

const clip = (s: string): string => {
  const t = s.trim()
  return t.length > STATEMENT_LIMIT ? `${t.slice(0, STATEMENT_LIMIT)}…` : t
}

/** Smallest k in 1..n for which `fails(k)`; n + 1 when none does (fails(n + 1) is known true). */
async function firstFailing(n: number, fails: (k: number) => Promise<boolean>): Promise<number> {
  let lo = 0
  let hi = n + 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (await fails(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/** The statement of `text` that contains `offset`, and its line. */
async function statementAt(text: string, offset: number): Promise<{ line: number; statement?: string }> {
  const parsed = await parseStatements(text)
  if (parsed.ok) {
    const s = [...parsed.statements].reverse().find((st) => st.offset <= offset)
    if (s) return { line: s.line, statement: clip(text.slice(s.offset, s.end)) }
  }
  return { line: lineAt(text, offset) }
}

export async function locateFailure(
  parts: OwnedPart[],
  pg: PgErrorFields,
  batch: Batch,
  probe: PrefixProbe,
): Promise<Located> {
  if (pg.position !== undefined) {
    const offset = offsetOfPosition(batch.sql, pg.position)
    const placed = batch.partAt(offset)
    if (placed) {
      const partIndex = parts.findIndex((p) => p.part === placed.part && p.owner === placed.owner)
      if (placed.part.yamlLine !== undefined) return { partIndex, line: placed.part.yamlLine }
      // the line of the error itself, as over a SQL session; the statement around it
      const at = offset - placed.start
      return { partIndex, ...(await statementAt(placed.text, at)), line: lineAt(placed.text, at) }
    }
  }
  if (!parts.length) return {}
  const k = parts.length === 1 ? 1 : await firstFailing(parts.length, (n) => probe(n))
  if (k > parts.length) return {}
  const partIndex = k - 1
  const { part, text } = parts[partIndex]
  if (part.yamlLine !== undefined) return { partIndex, line: part.yamlLine }
  const parsed = await parseStatements(text)
  if (!parsed.ok) {
    // The parser fails where PostgreSQL does for a syntax error: its cursor is the line.
    if (parsed.offset !== undefined && pg.sqlstate === '42601') {
      return {
        partIndex,
        ...(await statementAt(text, parsed.offset)),
        line: lineAt(text, parsed.offset),
      }
    }
    return { partIndex }
  }
  const statements = parsed.statements
  if (statements.length === 0) return { partIndex }
  const pick = (i: number): Located => {
    const s = statements[i]
    return { partIndex, line: s.line, statement: clip(text.slice(s.offset, s.end)) }
  }
  if (statements.length === 1) return pick(0)
  const j = await firstFailing(statements.length, (m) => probe(k, statements[m - 1].end))
  return j > statements.length ? { partIndex } : pick(j - 1)
}

/** A no-transaction file: Hasura names the one statement that failed; find it in the file. */
export function locateStatement(
  text: string,
  statement: string | undefined,
): { line?: number; statement?: string } {
  const s = statement?.trim()
  if (!s) return {}
  const at = text.indexOf(s)
  return at < 0 ? { statement: clip(s) } : { line: lineAt(text, at), statement: clip(s) }
}
