import type { AppliedState, Step } from '../plan/types.js'
import type { SeedFile } from '../project/types.js'
import type { ErrorInfo, StepResult } from '../report/result.js'

export type TargetKind = 'postgres' | 'hasura' | 'embedded'

/** `apply` runs and commits; `rehearse` runs and always rolls back; `skip-execution` writes state only. */
export type ExecutionMode = 'apply' | 'rehearse' | 'skip-execution'

/** `all`: per database one transaction for every step and its state record. */
export type TransactionMode = 'all' | 'per-migration'

export interface TargetInfo {
  kind: TargetKind
  /** Where, with credentials redacted (e.g. `postgres://app:***@db:5432/app`). */
  display: string
  /** e.g. `PostgreSQL 15.18`, `v2.48.16`. */
  serverVersion?: string
}

/** Live progress, for the log. */
export type StepEvent =
  | { type: 'step-started'; step: Step }
  | { type: 'step-finished'; result: StepResult }
  | { type: 'info'; message: string }

export interface ExecuteRequest {
  database: string
  /**
   * Recomputes the steps from a state read under the run's lock. The target calls it once it holds
   * the lock, so a run that lost a race applies only what is still pending (usually nothing).
   */
  replan(state: AppliedState): Step[]
  mode: ExecutionMode
  transaction: TransactionMode
  /** Limit for one statement and for lock waits. */
  timeoutMs: number
  /** Aborted on SIGINT/SIGTERM: roll back what is open, run nothing more. */
  signal?: AbortSignal
  onEvent?(event: StepEvent): void
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

export interface SeedRequest {
  database: string
  files: SeedFile[]
  mode: 'apply' | 'rehearse'
  timeoutMs: number
  signal?: AbortSignal
}

export interface SeedResult {
  status: 'applied' | 'rehearsed' | 'failed'
  files: string[]
  error?: ErrorInfo
}

/**
 * Where migrations run. The plan decides what runs; a target knows only how to run it, and how to
 * read and write the migration state exactly where the Hasura CLI keeps it.
 */
export interface Target {
  readonly info: TargetInfo
  /** Applied versions for one database. Must not write anything (dry runs use it). */
  readState(database: string): Promise<AppliedState>
  /** Runs the steps under the race lock; never throws for a migration failure (it is in the result). */
  execute(request: ExecuteRequest): Promise<ExecuteResult>
  applySeeds(request: SeedRequest): Promise<SeedResult>
  close(): Promise<void>
}
