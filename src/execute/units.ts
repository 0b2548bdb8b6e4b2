/**
 * Units of work: which steps share a transaction. `all`: consecutive steps that can run in a
 * transaction share one, and a no-transaction file runs alone between them; `per-migration`: one per
 * step. Skip-execution records every step in a transaction (nothing of the file runs). A rehearsal is
 * one transaction that rolls back; a no-transaction file is not rehearsed.
 */
import type { ExecutionMode, TransactionMode } from '../model.js'
import type { Step } from '../plan/types.js'

export type Unit =
  { kind: 'transaction'; steps: number[]; last: boolean } | { kind: 'outside'; step: number; last: boolean }

export function unitsOf(steps: Step[], mode: ExecutionMode, transaction: TransactionMode): Unit[] {
  const out: Unit[] = []
  const perStep = transaction === 'per-migration' && mode !== 'rehearse'
  steps.forEach((step, i) => {
    const inTransaction = step.transactional || mode === 'skip-execution'
    if (!inTransaction && mode === 'rehearse') return
    const last = out[out.length - 1]
    if (!inTransaction) out.push({ kind: 'outside', step: i, last: false })
    else if (!perStep && last?.kind === 'transaction') last.steps.push(i)
    else out.push({ kind: 'transaction', steps: [i], last: false })
  })
  if (out.length) out[out.length - 1].last = true
  return out
}
