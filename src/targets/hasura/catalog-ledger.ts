/**
 * catalog-with-ledger (config 3, a separate metadata database, LEDGER.md): after a run's transactions,
 * under the catalog-writer lease (runs of this action take turns, so none writes a catalog state read
 * before another's write), every unrecorded ledger change of the database — this run's, and any another
 * run committed but has not recorded — goes into the catalog state; then those rows are marked recorded
 * and the lease released.
 */
import { createHash } from 'node:crypto'
import { TargetError } from '../../errors.js'
import type { HasuraConnection } from './connection.js'
import { UnknownOutcomeError } from './http.js'
import type { DatabaseState, LedgerRow } from './read-state.js'
import { ledgerMarkSql, leaseSql, releaseSql } from './state-sql.js'

export const ledgerFingerprint = (
  r: Pick<LedgerRow, 'version' | 'applied' | 'dirty' | 'runId' | 'recorded'>,
): string =>
  createHash('md5')
    .update(
      [r.version, r.applied ? 't' : 'f', r.dirty ? 't' : 'f', r.runId, r.recorded ? 't' : 'f'].join('|'),
    )
    .digest('hex')

export interface LedgerRun {
  conn: HasuraConnection
  database: string
  state: DatabaseState
  runId: string
  /** Versions whose ledger rows this run wrote. */
  written: Set<bigint>
  timeoutMs: number
  info(message: string): void
}

export async function completeCatalog(run: LedgerRun): Promise<void> {
  const { conn, database: db, state } = run
  if (!state.ledger.some((r) => !r.recorded)) return
  const pending = await acquireCatalogWriter(run)
  let released = false
  try {
    if (pending.length) await recordInCatalog(run, pending)
    const sql = [...(pending.length ? [ledgerMarkSql(db, pending)] : []), releaseSql(run.runId)].join(';\n')
    try {
      await conn.runSql(db, sql, {
        write: true,
        what: `marking the ledger rows of database '${db}' recorded`,
        timeoutMs: run.timeoutMs,
      })
      released = true
      const done = new Set(pending.map((r) => `${r.version}:${r.runId}`))
      state.ledger = state.ledger
        .filter((r) => r.applied || !done.has(`${r.version}:${r.runId}`))
        .map((r) =>
          done.has(`${r.version}:${r.runId}`)
            ? { ...r, recorded: true, fp: ledgerFingerprint({ ...r, recorded: true }) }
            : r,
        )
    } catch (e) {
      // Harmless: the rows stay unrecorded and the next run records the same content again.
      run.info(
        `the catalog state is complete, but marking the ledger rows failed (${(e as Error).message}); the next run will redo that`,
      )
    }
  } finally {
    if (!released) {
      await conn
        .runSql(db, releaseSql(run.runId), { write: true, what: 'releasing the catalog-writer lease' })
        .catch(() => undefined)
    }
  }
}

/** Waits (up to the timeout) for the lease; returns the unrecorded rows read under it. */
async function acquireCatalogWriter(run: LedgerRun): Promise<LedgerRow[]> {
  const until = performance.now() + run.timeoutMs
  const leaseMs = Math.min(Math.max(run.timeoutMs * 3, 10_000), 60_000)
  for (let attempt = 1; ; attempt++) {
    const r = await run.conn.runSql(run.database, leaseSql(run.database, run.runId, leaseMs), {
      // Idempotent for the same holder, so it is safe to retry like a read.
      write: false,
      what: `taking the catalog-writer lease for database '${run.database}'`,
      timeoutMs: run.timeoutMs,
    })
    const row = Array.isArray(r.result) ? r.result[1] : undefined
    if (row?.[0] === 't') {
      const rows = JSON.parse(row[1] ?? '[]') as Record<string, unknown>[]
      return rows.map((x) => ({
        version: BigInt(String(x.version)),
        name: typeof x.name === 'string' ? x.name : '',
        applied: x.applied === true,
        dirty: x.dirty === true,
        recorded: false,
        runId: typeof x.run_id === 'string' ? x.run_id : '',
        fp: typeof x.fp === 'string' ? x.fp : '',
      }))
    }
    if (performance.now() > until) {
      throw new TargetError(
        `another run kept the catalog state busy for longer than the timeout; the versions this run committed are in the ledger and the next run records them`,
        { database: run.database },
      )
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)))
  }
}

async function recordInCatalog(run: LedgerRun, pending: LedgerRow[]): Promise<void> {
  const { conn, database: db, state } = run
  const earlier = pending.filter((r) => r.runId !== run.runId && !run.written.has(r.version))
  const catalog = await conn.getCatalogState()
  const base = typeof catalog.cli_state === 'object' && catalog.cli_state !== null ? catalog.cli_state : {}
  const next = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
  const obj = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  const settings = obj(next.settings)
  if (typeof settings.migration_mode !== 'string') settings.migration_mode = 'true'
  next.settings = settings
  const migrations = obj(next.migrations)
  const mine = obj(migrations[db])
  if (next.isStateCopyCompleted !== true) {
    for (const [v, d] of state.copied) if (!(v.toString() in mine)) mine[v.toString()] = d
  }
  next.isStateCopyCompleted = true
  for (const r of pending) {
    if (r.applied) mine[r.version.toString()] = r.dirty
    else delete mine[r.version.toString()]
  }
  migrations[db] = mine
  next.migrations = migrations
  const versions = pending.map((r) => r.version.toString()).join(', ')
  try {
    await conn.metadata(
      { type: 'set_catalog_state', args: { type: 'cli', state: next } },
      true,
      `recording versions ${versions} of database '${db}' in the catalog state (set_catalog_state)`,
    )
  } catch (e) {
    let landed = false
    if (e instanceof UnknownOutcomeError) {
      const after = await conn.getCatalogState().catch(() => undefined)
      const got = obj(obj(obj(after?.cli_state).migrations)[db])
      landed = pending.every((r) =>
        r.applied ? got[r.version.toString()] === r.dirty : !(r.version.toString() in got),
      )
    }
    if (!landed) {
      throw new TargetError(
        `versions ${versions} of database '${db}' are committed in the database, but recording them in the catalog state failed: ${(e as Error).message}. The next run completes the catalog state from the ledger (hasura_migrate_action.ledger) without running them again.`,
        { database: db },
      )
    }
  }
  if (earlier.length) {
    run.info(
      `completed the catalog state from the ledger: version(s) ${earlier.map((r) => r.version.toString()).join(', ')} of database '${db}' were committed by another run that had not recorded them; recorded now, not run again`,
    )
  }
}
