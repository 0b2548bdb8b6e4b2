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

/**
 * Runs one part of a run and writes how long it took to the debug log (`time <part>: <ms> ms`), so that
 * a slow run says where its time went.
 */
export async function timedPart<T>(
  io: Pick<RunIO, 'debug'>,
  part: string,
  work: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now()
  try {
    return await work()
  } finally {
    tookSince(io, part, t0)
  }
}

/** The debug line of `timedPart`, for a part that is not a function of its own (`t0` from `performance.now()`). */
export function tookSince(io: Pick<RunIO, 'debug'>, part: string, t0: number): void {
  io.debug(`time ${part}: ${Math.round(performance.now() - t0)} ms`)
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
