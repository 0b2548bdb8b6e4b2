/**
 * The ledger rows a writing unit of work carries (`LedgerWrites`), as SQL a target places beside its own
 * state records: the table and the run's extra rows (adopted, accepted, stale) in the first unit, and each
 * step's row with the step.
 */
import type { LedgerWrites } from '../execute/request.js'
import type { Step } from '../plan/types.js'
import {
  acceptEditsSql,
  adoptVersionsSql,
  ENSURE_LEDGER_SQL,
  recordVersionSql,
  removeStaleSql,
  removeVersionSql,
  sha256Hex,
  type RunIdentity,
} from './ledger.js'

const identity = (w: LedgerWrites): RunIdentity => ({
  runId: w.runId,
  ...(w.runUrl ? { runUrl: w.runUrl } : {}),
  ...(w.commit ? { commit: w.commit } : {}),
})

/** The table, created or completed; in the first unit also the run's adopted, accepted and stale rows. */
export function ledgerUnitSql(database: string, w: LedgerWrites, first: boolean): string {
  const run = identity(w)
  const parts = [ENSURE_LEDGER_SQL]
  if (first) {
    parts.push(
      adoptVersionsSql(database, w.adopt, run),
      acceptEditsSql(database, w.accept, run),
      removeStaleSql(database, w.stale),
    )
  }
  return parts.filter((p) => p !== '').join(';\n')
}

/**
 * A step's row: an up step records its file's hash; a down step deletes its row where the state is
 * written in the same transaction (`recorded`) — elsewhere the target's own handover row says it.
 * Nothing for an up side without SQL (a config 1 `up.yaml`): integrity checks SQL files only.
 */
export function ledgerStepSql(step: Step, w: LedgerWrites, recorded: boolean): string | undefined {
  if (step.direction === 'down') return recorded ? removeVersionSql(step.database, step.version) : undefined
  if (!step.sql) return undefined
  return recordVersionSql({
    database: step.database,
    version: step.version,
    name: step.name,
    sha256: sha256Hex(step.sql.text),
    recorded,
    ...identity(w),
  })
}
