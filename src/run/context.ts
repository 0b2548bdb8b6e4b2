/** What the stages of a run (`src/run.ts`) share. */
import type { ErrorInfo } from '../model.js'
import type { DatabasePlan } from '../plan/types.js'
import type { DatabaseMigrations } from '../project/types.js'
import type { DatabaseResult } from '../model.js'
import type { TargetState } from '../targets/target.js'

export interface RunIO {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  cwd: string
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  runUrl?: string
}

/** A failure already described as ErrorInfo by a target (a failed step, seed or round trip). */
export class RunFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

/** One database of the run: its migrations, the state its plan was made from, the plan, its result. */
export interface DatabaseWork {
  migrations: DatabaseMigrations
  state: TargetState
  plan: DatabasePlan
  result: DatabaseResult
}
