/**
 * What the execution engine is asked to do and what it answers: one database's steps, run under the
 * run's lock on whatever target, with live progress. Shared by every target (`src/targets/target.ts`).
 */
import type { ErrorInfo, ExecutionMode, StepResult, TransactionMode } from '../model.js'
import type { AppliedState, Step } from '../plan/types.js'

/**
 * The state a plan was made from, as a target read it: the applied versions, and what else the target
 * needs to know to write there (where the state lives), opaque to everyone but that target. It is
 * passed back to `execute` explicitly: a target keeps nothing between `readState` and `execute`.
 */
export interface TargetState extends AppliedState {
  readonly source?: unknown
}

/** Live progress, for the log. Every step that starts also finishes, once. */
export type StepEvent =
  | { type: 'step-started'; step: Step }
  | { type: 'step-finished'; result: StepResult }
  | { type: 'info'; message: string }

/**
 * Inside the open unit of work, after its last step and its state record, before it commits (or, in a
 * rehearsal, before it rolls back): read-only queries in the same transaction.
 */
export interface UnitOfWorkSession {
  /** The versions this unit applied (or rolled back), in order. */
  readonly steps: readonly Step[]
  /** Whether this is the last unit of the run: nothing more of this database runs after it. */
  readonly last: boolean
  /** One read-only statement whose result is one row of one text cell; its text. */
  query(sql: string): Promise<string>
}

/**
 * What `UnitOfWorkSession.query` throws when this transport cannot read inside the open unit (its
 * message says why): the unit is unharmed and goes on to commit; the caller reads after it instead.
 */
export class UnitUnreadable extends Error {}

/**
 * A check the caller runs before a unit of work commits. Returning an ErrorInfo aborts the unit: it is
 * rolled back and the error becomes the run's. Transports that cannot hold a transaction open across
 * requests (Hasura's `run_sql`) answer `query` from a rehearsal of the same unit first.
 */
export type BeforeCommit = (unit: UnitOfWorkSession) => Promise<ErrorInfo | undefined>

/**
 * Several checks of one unit, in order: the first error aborts it. They share one answer per statement
 * (the unit is read-only to them), so two that take the catalog snapshot read it once.
 */
export function composeBeforeCommit(...checks: (BeforeCommit | undefined)[]): BeforeCommit | undefined {
  const present = checks.filter((c): c is BeforeCommit => c !== undefined)
  if (present.length <= 1) return present[0]
  return async (unit) => {
    const answers = new Map<string, Promise<string>>()
    const shared: UnitOfWorkSession = {
      steps: unit.steps,
      last: unit.last,
      query: (sql) => {
        const known = answers.get(sql)
        if (known) return known
        const answer = unit.query(sql)
        answers.set(sql, answer)
        return answer
      },
    }
    for (const check of present) {
      const error = await check(shared)
      if (error) return error
    }
    return undefined
  }
}

/**
 * What the caller's ledger (the action's own table, beside the CLI's state) records in the units that
 * write the state — apply and skip-execution, never a rehearsal — so that it commits exactly when they
 * do. Each target writes it with its state records; the rows themselves are the ledger's
 * (`src/drift/ledger-records.ts`).
 */
export interface LedgerWrites {
  /** One id per run. */
  runId: string
  runUrl?: string
  /** The commit the run applies. */
  commit?: string
  /** Applied versions without a recorded hash: the local file's, recorded once (in the first unit). */
  adopt: readonly { version: bigint; name: string; sha256: string }[]
  /** Versions whose edit was acknowledged: the local file's hash, recorded in the first unit. */
  accept: readonly { version: bigint; sha256: string }[]
  /** Rows of versions the state no longer holds, removed in the first unit. */
  stale: readonly bigint[]
}

/** Whether the ledger has rows to record besides the steps' (adopted, accepted or stale versions). */
export const hasLedgerRows = (l: LedgerWrites | undefined): boolean =>
  l !== undefined && l.adopt.length + l.accept.length + l.stale.length > 0

export interface ExecuteRequest {
  database: string
  /**
   * Recomputes the steps from a state read under the run's lock. The engine calls it once it holds
   * the lock, so a run that lost a race applies only what is still pending (usually nothing).
   */
  replan(state: AppliedState): Step[]
  /** The state the caller planned with (from `readState`); read afresh when absent. */
  state?: TargetState
  mode: ExecutionMode
  transaction: TransactionMode
  /** Limit for one statement and for lock waits. */
  timeoutMs: number
  /** Aborted on SIGINT/SIGTERM: roll back what is open, run nothing more. */
  signal?: AbortSignal
  onEvent?(event: StepEvent): void
  beforeCommit?: BeforeCommit
  /** Ledger rows to write with the state (each step's hash, and the first unit's extra rows). */
  ledger?: LedgerWrites
}

export interface ExecuteResult {
  database: string
  /** One entry per step of the final plan, in order, each with its status. */
  steps: StepResult[]
  /** Versions the caller's first plan had that another run applied before we got the lock. */
  appliedByAnotherRun: bigint[]
  /** State after the run (after rollback for rehearse/failure). */
  stateAfter: AppliedState
  /** The failure that stopped the run, if any (the failing step also carries it). */
  error?: ErrorInfo
}
