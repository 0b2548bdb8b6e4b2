/**
 * Stage 4, execute: each database's plan through its target, one database after another, each atomic on
 * its own; a failure stops the rest. On an ephemeral target, `up all` is followed by the round trip.
 * `beforeCommit` is where a check inside each unit of work before it commits plugs in (verification);
 * `split` runs some versions first, in a call of their own, and something between (the embedded
 * database's pull-request base, then the pull request's own migrations).
 */
import { hasLedgerRows, type BeforeCommit, type LedgerWrites } from '../execute/request.js'
import type { ExecutionMode, Result, StepResult } from '../model.js'
import { planDatabase, remainingSteps, roundTripSkipReason } from '../plan/index.js'
import { statusRows, versionState } from '../result-builder.js'
import type { Settings } from '../settings.js'
import type { Target } from '../targets/target.js'
import { RunFailure, type DatabaseWork, type RunIO } from './context.js'
import type { Planned } from './plan.js'
import type { Step } from '../plan/types.js'

export interface ExecuteOptions {
  /** A check inside each unit of work of a database before it commits (see `BeforeCommit`). */
  beforeCommit?: (w: DatabaseWork) => BeforeCommit | undefined
  /** Versions of the plan to run first, then `between` (before the rest runs). */
  split?: (w: DatabaseWork) => { first: ReadonlySet<bigint>; between(): Promise<void> } | undefined
  /** What each database's writing units record in the action's ledger (`src/run/drift.ts`). */
  ledger?: (database: string) => LedgerWrites | undefined
}

export async function executeMigrations(
  settings: Settings,
  { work, request }: Planned,
  target: Target,
  result: Result,
  io: RunIO,
  options: ExecuteOptions = {},
): Promise<void> {
  if (settings.dryRun === 'plan') {
    for (const w of work) w.result.after = w.result.before
    return
  }
  const ephemeral = target.capabilities.ephemeral
  const mode = executionMode(settings, ephemeral)
  for (const w of work) {
    await io.group(`Migrations: ${w.migrations.name}`, () =>
      executeSplit(w, target, settings, mode, io, options),
    )
    if (ephemeral && request.kind === 'up' && request.steps === 'all') {
      await io.group(`Round trip: ${w.migrations.name}`, () => roundTrip(w, target, settings, result, io))
    }
  }
  if (settings.dryRun === 'rehearse' && ephemeral) markRehearsed(result)
}

export function executionMode(settings: Settings, ephemeral: boolean): ExecutionMode {
  // an ephemeral database is thrown away: a rehearsal there may run everything
  if (ephemeral) return 'apply'
  if (settings.dryRun === 'rehearse') return 'rehearse'
  return settings.skipExecution ? 'skip-execution' : 'apply'
}

/** The plan in one call, or (`split`) its first versions, `between`, then the rest. */
async function executeSplit(
  w: DatabaseWork,
  target: Target,
  settings: Settings,
  mode: ExecutionMode,
  io: RunIO,
  options: ExecuteOptions,
): Promise<void> {
  const beforeCommit = options.beforeCommit?.(w)
  const ledger = mode === 'rehearse' ? undefined : options.ledger?.(w.migrations.name)
  const split = w.plan.steps.length > 0 ? options.split?.(w) : undefined
  if (!split) return executeOne(w, target, settings, mode, io, w.plan.steps, beforeCommit, ledger)
  const first = w.plan.steps.filter((s) => split.first.has(s.version))
  await executeOne(w, target, settings, mode, io, first, undefined, ledger)
  await split.between()
  const rest = w.plan.steps.filter((s) => !split.first.has(s.version))
  // the state read at planning time is stale after the first call: the engine reads it again
  await executeOne(w, target, settings, mode, io, rest, beforeCommit, ledger, false)
}

async function executeOne(
  w: DatabaseWork,
  target: Target,
  settings: Settings,
  mode: ExecutionMode,
  io: RunIO,
  steps: Step[],
  beforeCommit?: BeforeCommit,
  ledger?: LedgerWrites,
  planState = true,
): Promise<void> {
  // Under the lock only what is left of this plan runs: of an empty plan, nothing (a no-op never waits
  // for the lock) — unless the ledger has rows to record (an edit acknowledged, versions to adopt).
  if (steps.length === 0 && !hasLedgerRows(ledger)) return
  const out = await target.execute({
    database: w.migrations.name,
    // under the lock: what is left of this plan (re-planning a count could fail after a partly lost race)
    replan: (state) => remainingSteps(steps, state),
    ...(planState ? { state: w.state } : {}),
    mode,
    ...(beforeCommit ? { beforeCommit } : {}),
    ...(ledger ? { ledger } : {}),
    transaction: settings.transaction,
    timeoutMs: settings.timeoutMs,
    signal: io.signal,
    onEvent: (e) => {
      if (e.type === 'step-finished') io.info(stepLine(e.result))
      else if (e.type === 'info') io.info(e.message)
    },
  })
  w.result.steps.push(...out.steps)
  w.result.appliedByAnotherRun = out.appliedByAnotherRun.map(String)
  w.result.after = versionState(out.stateAfter)
  w.result.status = statusRows(w.migrations, out.stateAfter)
  if (out.appliedByAnotherRun.length > 0) {
    io.info(`${out.appliedByAnotherRun.length} version(s) applied by another run meanwhile`)
  }
  if (out.error) {
    throw new RunFailure(out.error)
  }
}

/** Embedded: roll everything back and apply it again, proving the down files. */
async function roundTrip(
  w: DatabaseWork,
  target: Target,
  settings: Settings,
  result: Result,
  io: RunIO,
): Promise<void> {
  if (w.migrations.migrations.length === 0) return
  const blockers = w.plan.findings.filter((f) => f.kind === 'round-trip-impossible')
  if (blockers.length > 0) {
    const reason = roundTripSkipReason(blockers)
    io.info(`round trip skipped: ${reason}`)
    setRoundTrip(result, 'skipped', reason)
    return
  }
  const options = { outOfOrder: 'allow' as const }
  for (const request of [
    { kind: 'down', steps: 'all' },
    { kind: 'up', steps: 'all' },
  ] as const) {
    const out = await target.execute({
      database: w.migrations.name,
      replan: (state) => planDatabase(w.migrations, state, request, options).steps,
      mode: 'apply',
      transaction: settings.transaction,
      timeoutMs: settings.timeoutMs,
      signal: io.signal,
      onEvent: (e) => {
        if (e.type === 'step-finished') io.info(stepLine(e.result))
      },
    })
    if (out.error) {
      w.result.steps.push(...out.steps.filter((s) => s.status === 'failed'))
      setRoundTrip(result, 'failed', `the ${request.kind} pass failed at version ${out.error.version ?? '?'}`)
      throw new RunFailure(out.error)
    }
    w.result.after = versionState(out.stateAfter)
  }
  setRoundTrip(result, 'passed')
}

/** Several databases fold into one round-trip entry: the worst status wins. */
function setRoundTrip(result: Result, status: 'passed' | 'skipped' | 'failed', reason?: string): void {
  const rank = { passed: 0, skipped: 1, failed: 2 }
  if (!result.roundTrip || rank[status] >= rank[result.roundTrip.status]) {
    result.roundTrip = reason ? { status, reason } : { status }
  }
}

export function markRehearsed(result: Result): void {
  for (const db of result.databases) {
    for (const s of db.steps) if (s.status === 'applied') s.status = 'rehearsed'
    db.after = db.before
  }
}

export function stepLine(s: StepResult): string {
  const note = s.note ? ` (${s.note})` : ''
  return `${s.status.padEnd(9)} ${s.direction.padEnd(4)} ${s.version} ${s.name} ${s.durationMs} ms${note}`
}
