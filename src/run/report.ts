/** The Result a run starts from, and the status it ends with (stage 7, report). */
import type { Result } from '../model.js'
import type { Settings } from '../settings.js'
import { targetInfoOf } from '../targets/open.js'
import type { RunIO } from './context.js'

export function emptyResult(settings: Settings, io: RunIO): Result {
  return {
    schemaVersion: 1,
    status: 'nothing-to-do',
    mode: settings.dryRun === false ? 'apply' : settings.dryRun,
    skipExecution: settings.skipExecution,
    transaction: settings.transaction,
    projectDir: settings.projectDir,
    configVersion: 3,
    environment: settings.environment,
    target: targetInfoOf(settings.target),
    databases: [],
    metadata: { status: 'skipped', inconsistentObjects: [] },
    seeds: { status: 'skipped', files: [] },
    notices: [],
    warnings: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
    runUrl: io.runUrl,
  }
}

export function finalStatus(settings: Settings, result: Result): Result['status'] {
  if (settings.dryRun === 'plan') return 'planned'
  if (settings.dryRun === 'rehearse') return 'rehearsed'
  const did =
    result.databases.some((d) => d.steps.some((s) => s.status === 'applied' || s.status === 'skipped')) ||
    result.metadata.status === 'applied' ||
    result.metadata.status === 'inconsistent' ||
    result.seeds.status === 'applied'
  return did ? 'applied' : 'nothing-to-do'
}

/** The run's end: a failure's status, and how long it took. */
export function finish(result: Result, started: number): Result {
  if (result.error) result.status = result.error.kind === 'cancelled' ? 'cancelled' : 'failed'
  result.durationMs = Date.now() - started
  return result
}
