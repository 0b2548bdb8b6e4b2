/**
 * Stage 3, plan: per database, the state as the target has it (passed on to execute), the plan, and the
 * findings that block it. Nothing is written.
 */
import { UserError } from '../errors.js'
import type { Result } from '../model.js'
import { planDatabase, roundTripBlockers, transactionFindings } from '../plan/index.js'
import type { DatabasePlan, Finding, PlanRequest } from '../plan/types.js'
import type { DatabaseMigrations } from '../project/types.js'
import { findingResult, plannedStep, statusRows, versionState } from '../result-builder.js'
import type { Settings } from '../settings.js'
import type { Target } from '../targets/target.js'
import type { DatabaseWork } from './context.js'
import type { ProjectRead } from './read.js'

export interface Planned {
  work: DatabaseWork[]
  /** What was asked, for this target (the embedded database starts empty: always up from scratch). */
  request: PlanRequest
}

/**
 * `unconnected`: databases the Hasura server does not have yet and the run connects from the project's
 * metadata after the safety rules (nothing is written before them): their state is empty until then.
 */
export async function planDatabases(
  settings: Settings,
  project: ProjectRead,
  target: Target,
  result: Result,
  unconnected: ReadonlySet<string> = new Set(),
): Promise<Planned> {
  const ephemeral = target.capabilities.ephemeral
  const request = ephemeral ? ephemeralRequest(settings, result) : settings.request
  const work: DatabaseWork[] = []
  for (const migrations of project.local) {
    work.push(await planOne(migrations, target, request, settings, unconnected.has(migrations.name)))
  }
  result.databases = work.map((w) => w.result)
  const blocking = work.flatMap((w) => w.plan.findings).filter((f) => f.severity === 'error')
  if (blocking.length > 0) throw findingError(blocking)
  return { work, request }
}

/** An ephemeral database (the embedded one) starts empty every run: it proves the project from scratch. */
export function ephemeralRequest(settings: Settings, result: Result): PlanRequest {
  if (settings.request.kind === 'down') {
    result.notices.push(
      'direction down on the embedded database, which starts empty: every migration is applied and then rolled back instead',
    )
    return { kind: 'up', steps: 'all' }
  }
  return settings.request
}

async function planOne(
  migrations: DatabaseMigrations,
  target: Target,
  request: PlanRequest,
  settings: Settings,
  unconnected: boolean,
): Promise<DatabaseWork> {
  const state = unconnected
    ? { versions: new Map<bigint, boolean>() }
    : await target.readState(migrations.name)
  const plan = planDatabase(migrations, state, request, { outOfOrder: settings.outOfOrder })
  // skip-execution records versions without running their SQL: how it would run is not a finding
  if (!settings.skipExecution) {
    plan.findings.push(...(await transactionFindings(plan.steps)))
    if (target.capabilities.yamlMetadataSteps === 'skip') plan.findings.push(...yamlFindings(plan))
  }
  if (target.capabilities.ephemeral && request.kind === 'up' && request.steps === 'all') {
    const blockers = await roundTripBlockers(migrations)
    if (blockers.length > 0) plan.findings.push(...blockers)
  }
  const before = versionState(state)
  return {
    migrations,
    state,
    plan,
    result: {
      database: migrations.name,
      directory: migrations.directory,
      before,
      after: before,
      status: statusRows(migrations, state),
      planned: plan.steps.map(plannedStep),
      steps: [],
      findings: plan.findings.map(findingResult),
      appliedByAnotherRun: [],
    },
  }
}

/**
 * Config 1 `up.yaml` steps other than run_sql are calls to Hasura's metadata API. Over SQL there is no
 * Hasura to send them to: the SQL runs and they are skipped, as the project's metadata is without an
 * endpoint — said per step, so that nobody takes a recorded version for its tracking done.
 */
export function yamlFindings(plan: DatabasePlan): Finding[] {
  const out: Finding[] = []
  for (const step of plan.steps) {
    for (const item of step.yaml?.steps ?? []) {
      if (item.type === 'run_sql') continue
      out.push({
        kind: 'yaml-metadata-step',
        severity: 'warning',
        database: step.database,
        version: step.version,
        file: step.yaml!.path,
        line: item.line,
        message: `metadata action '${item.type}' is a call to Hasura's metadata API, not SQL: skipped here (the migration's SQL runs); only Hasura (an endpoint) can apply it`,
      })
    }
  }
  return out
}

/** The first blocking finding is the run's one error; it says how many more there are (each is annotated). */
export function findingError([f, ...more]: Finding[]): UserError {
  const also =
    more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'} in the findings)` : ''
  return new UserError(`${f.message}${also}`, {
    database: f.database,
    version: f.version?.toString(),
    file: f.file,
    line: f.line,
  })
}
