/**
 * One run: project → state → plan → execute → metadata → seeds, into a Result. Nothing else lives here:
 * reading, planning, executing and reporting are in their own modules. Never throws: every failure,
 * expected or not, ends up in `result.error` (an unexpected one is also logged with its stack).
 */
import { resolve } from 'node:path'
import { RefusedError, UserError } from './errors.js'
import { checkPullRequestCode } from './github/pull-request-code.js'
import {
  planDatabase,
  remainingSteps,
  roundTripBlockers,
  roundTripSkipReason,
  transactionFindings,
} from './plan/index.js'
import type { DatabasePlan, Finding, PlanRequest } from './plan/types.js'
import {
  buildMetadata,
  listDatabases,
  listSeeds,
  readConfig,
  readMigrations,
  type BuiltMetadata,
} from './project/index.js'
import type { DatabaseMigrations, ProjectConfig, SeedFile } from './project/types.js'
import type { DatabaseResult, ErrorInfo, Result, StepResult } from './model.js'
import { toErrorInfo } from './execute/error-report.js'
import { findingResult, plannedStep, statusRows, versionState } from './result-builder.js'
import type { Settings } from './settings.js'
import { openTargets, targetInfoOf, type Targets } from './targets/open.js'
import type { ExecutionMode, Target, TargetState } from './targets/target.js'

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
class RunFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

interface DatabaseWork {
  migrations: DatabaseMigrations
  state: TargetState
  plan: DatabasePlan
  result: DatabaseResult
}

export async function run(settings: Settings, io: RunIO): Promise<Result> {
  const started = Date.now()
  const result = emptyResult(settings, io)
  let targets: Targets | undefined
  try {
    const config = readConfig(resolve(io.cwd, settings.projectDir), io.env)
    if (settings.migrationsDir) config.migrationsDirectory = settings.migrationsDir
    result.configVersion = config.version
    noteIgnoredConfig(config, result)
    // before anything connects: a fork's pull request must not run with the repository's secrets
    const decision = await checkPullRequestCode(settings, config, io.env)
    if (decision.kind === 'refused') throw new RefusedError(decision.message, decision.remedy)
    if (decision.kind === 'trusted') {
      const { event, from, reason } = decision
      result.trustedPullRequestCode = { event, from, reason }
      io.warning(
        `trust-pull-request-code: true — executing the pull request of ${from} (${reason}) with the repository's secrets`,
      )
    }

    const databases = selectDatabases(config, settings)
    const local = databases.map((db) => readMigrations(config, db))
    // Everything the run reads is read before anything is written: a broken metadata file or a
    // missing seed must fail here, not after the migrations have committed.
    const built = settings.metadata === 'skip' ? undefined : await buildMetadata(config)
    const seedFiles = settings.seeds === false ? [] : readSeedFiles(config, settings.seeds, databases)
    targets = await openTargets(settings, config, io, () => projectSql(local, seedFiles))
    result.target = targets.migrations.info
    if (targets.metadata && !targets.migrations.capabilities.holdsMetadata)
      result.metadataTarget = targets.metadata.info
    await connectSources(config, settings, built, targets, result)
    const embedded = targets.migrations.capabilities.ephemeral
    const request = embedded ? embeddedRequest(settings, result) : settings.request

    const work: DatabaseWork[] = []
    for (const migrations of local) {
      work.push(await planOne(migrations, targets.migrations, request, settings, embedded))
    }
    result.databases = work.map((w) => w.result)
    const blocking = work.flatMap((w) => w.plan.findings).filter((f) => f.severity === 'error')
    if (blocking.length > 0) throw findingError(blocking)

    if (settings.dryRun === 'plan') {
      for (const w of work) w.result.after = w.result.before
      result.status = 'planned'
    } else {
      const mode: ExecutionMode = embedded
        ? 'apply' // the embedded database is thrown away: a rehearsal there may run everything
        : settings.dryRun === 'rehearse'
          ? 'rehearse'
          : settings.skipExecution
            ? 'skip-execution'
            : 'apply'
      // databases one after another, each atomic on its own; a failure throws and stops the rest
      for (const w of work) {
        await io.group(`Migrations: ${w.migrations.name}`, () =>
          executeOne(w, targets!.migrations, settings, mode, io),
        )
        if (embedded && request.kind === 'up' && request.steps === 'all') {
          await io.group(`Round trip: ${w.migrations.name}`, () =>
            roundTrip(w, targets!.migrations, settings, result, io),
          )
        }
      }
      if (settings.dryRun === 'rehearse' && embedded) markRehearsed(result)
    }

    await applyMetadata(config, settings, built, targets, result, io)
    await applySeeds(config, settings, seedFiles, targets.migrations, databases, result, io)
    result.status = finalStatus(settings, result)
  } catch (e) {
    result.error = e instanceof RunFailure ? e.info : toErrorInfo(e)
    if (result.error.kind === 'internal' && e instanceof Error && e.stack) io.debug(e.stack)
  } finally {
    if (targets) await targets.close().catch((e: unknown) => io.debug(`closing targets: ${String(e)}`))
  }
  if (result.error) result.status = result.error.kind === 'cancelled' ? 'cancelled' : 'failed'
  result.durationMs = Date.now() - started
  return result
}

/** A fresh Hasura server has no sources yet: connect the ones the metadata declares first, as `hasura deploy` does. */
async function connectSources(
  config: ProjectConfig,
  settings: Settings,
  built: BuiltMetadata | undefined,
  targets: Targets,
  result: Result,
): Promise<void> {
  if (config.version < 3 || settings.metadata === 'skip' || settings.dryRun !== false) return
  if (!targets.metadata || !targets.migrations.capabilities.holdsMetadata) return
  if (!built) return
  const added = await targets.metadata.connectSources(built.metadata)
  if (added.length)
    result.notices.push(`connected database(s) ${added.join(', ')} from the project's metadata first`)
}

function emptyResult(settings: Settings, io: RunIO): Result {
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

/** config.yaml's endpoint is usually a laptop URL: the target comes from explicit settings only. */
function noteIgnoredConfig(config: ProjectConfig, result: Result): void {
  const keys = [config.endpoint ? 'endpoint' : '', config.adminSecret ? 'admin_secret' : ''].filter(Boolean)
  if (keys.length) {
    result.notices.push(
      `config.yaml's ${keys.join(' and ')} ${keys.length > 1 ? 'are' : 'is'} ignored: the target comes from the action's inputs (endpoint, admin-secret, database-url) only`,
    )
  }
}

function selectDatabases(config: ProjectConfig, settings: Settings): string[] {
  const available = listDatabases(config)
  const sel = settings.databases
  if (config.version < 3) {
    if (sel.kind === 'list' && (sel.names.length !== 1 || sel.names[0] !== 'default')) {
      throw new UserError(
        `config version ${config.version} projects have one database, 'default' (got '${sel.names.join(',')}')`,
        { input: 'database' },
      )
    }
    return ['default']
  }
  if (sel.kind === 'all') {
    if (available.length === 0) throw noDatabases(config)
    return available
  }
  if (sel.kind === 'list') {
    const missing = sel.names.filter((n) => !available.includes(n))
    if (missing.length) {
      throw new UserError(
        `no migrations directory for database ${missing.map((m) => `'${m}'`).join(', ')} in ${config.migrationsDirectory}/ (found: ${available.join(', ') || 'none'})`,
        { input: 'database' },
      )
    }
    return sel.names
  }
  if (available.length === 1) return available
  if (available.length === 0) throw noDatabases(config)
  throw new UserError(
    `the project has several databases (${available.join(', ')}): set 'database' to one of them, a comma-separated list, or all`,
    { input: 'database' },
  )
}

function noDatabases(config: ProjectConfig): UserError {
  return new UserError(
    `no database directories in ${config.migrationsDirectory}/ (config version 3 keeps migrations in ${config.migrationsDirectory}/<database>/)`,
    { file: config.migrationsDirectory },
  )
}

/** The embedded database starts empty every run: it proves the project from scratch. */
function embeddedRequest(settings: Settings, result: Result): PlanRequest {
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
  embedded: boolean,
): Promise<DatabaseWork> {
  const state = await target.readState(migrations.name)
  const plan = planDatabase(migrations, state, request, { outOfOrder: settings.outOfOrder })
  plan.findings.push(...(await transactionFindings(plan.steps)))
  if (target.capabilities.yamlMetadataSteps === 'skip') plan.findings.push(...yamlFindings(plan))
  if (embedded && request.kind === 'up' && request.steps === 'all') {
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
function yamlFindings(plan: DatabasePlan): Finding[] {
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
function findingError([f, ...more]: Finding[]): UserError {
  const also =
    more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'} in the findings)` : ''
  return new UserError(`${f.message}${also}`, {
    database: f.database,
    version: f.version?.toString(),
    file: f.file,
    line: f.line,
  })
}

async function executeOne(
  w: DatabaseWork,
  target: Target,
  settings: Settings,
  mode: ExecutionMode,
  io: RunIO,
): Promise<void> {
  // Under the lock only what is left of this plan runs: of an empty plan, nothing (a no-op never waits for the lock).
  if (w.plan.steps.length === 0) return
  const out = await target.execute({
    database: w.migrations.name,
    // under the lock: what is left of this plan (re-planning a count could fail after a partly lost race)
    replan: (state) => remainingSteps(w.plan.steps, state),
    state: w.state,
    mode,
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

function markRehearsed(result: Result): void {
  for (const db of result.databases) {
    for (const s of db.steps) if (s.status === 'applied') s.status = 'rehearsed'
    db.after = db.before
  }
}

async function applyMetadata(
  config: ProjectConfig,
  settings: Settings,
  built: BuiltMetadata | undefined,
  targets: Targets,
  result: Result,
  io: RunIO,
): Promise<void> {
  if (settings.metadata === 'skip') {
    result.metadata = { status: 'skipped', message: 'metadata: skip', inconsistentObjects: [] }
    return
  }
  if (!built) {
    result.metadata = { status: 'skipped', message: 'the project has no metadata', inconsistentObjects: [] }
    return
  }
  if (!targets.metadata) {
    result.metadata = {
      status: 'skipped',
      message: 'no endpoint: metadata is applied only to a Hasura GraphQL Engine',
      inconsistentObjects: [],
    }
    return
  }
  if (settings.dryRun !== false) {
    result.metadata = {
      status: 'planned',
      message: `${built.files.length} metadata file(s) would be applied`,
      inconsistentObjects: [],
    }
    return
  }
  const hasura = targets.metadata
  const outcome = await io.group('Metadata', () =>
    hasura.applyMetadata(built.metadata, {
      configVersion: config.version,
      allowInconsistent: settings.allowInconsistentMetadata,
      dryRun: false,
    }),
  )
  result.metadata = outcome
  if (outcome.status === 'inconsistent' && !settings.allowInconsistentMetadata) {
    result.metadata = { ...outcome, status: 'failed' }
    const names = outcome.inconsistentObjects.map((o) => `${o.type} ${o.name}`).slice(0, 5)
    throw new UserError(
      `metadata is inconsistent (${outcome.inconsistentObjects.length} object(s): ${names.join('; ')}); the migrations stay applied — fix the metadata, or set allow-inconsistent-metadata: true`,
      { file: config.metadataFile ?? config.metadataDirectory },
    )
  }
  if (outcome.status === 'failed') {
    throw new UserError(
      `metadata apply failed: ${outcome.message ?? 'unknown error'}; the migrations stay applied`,
      {
        file: config.metadataFile ?? config.metadataDirectory,
      },
    )
  }
}

/** Every SQL text of the run: migrations both ways (files and config 1 run_sql items) and seeds. */
function* projectSql(local: DatabaseMigrations[], seeds: SeedFile[]): Generator<string> {
  for (const db of local) {
    for (const m of db.migrations) {
      for (const side of [m.up, m.down]) {
        if (side?.sql) yield side.sql.text
        for (const step of side?.yaml?.steps ?? []) {
          const sql = (step.args as { sql?: unknown } | null)?.sql
          if (typeof sql === 'string') yield sql
        }
      }
    }
  }
  for (const seed of seeds) yield seed.text
}

/** The seed files the `seeds` input asks for, across the selected databases. */
function readSeedFiles(config: ProjectConfig, seeds: true | string[], databases: string[]): SeedFile[] {
  const names = seeds === true ? undefined : seeds
  return databases.flatMap((db) => listSeeds(config, db, names))
}

async function applySeeds(
  config: ProjectConfig,
  settings: Settings,
  files: SeedFile[],
  target: Target,
  databases: string[],
  result: Result,
  io: RunIO,
): Promise<void> {
  if (settings.seeds === false) return
  if (files.length === 0) {
    result.seeds = { status: 'skipped', files: [] }
    result.notices.push(`no seed files found in ${config.seedsDirectory}/`)
    return
  }
  if (settings.dryRun === 'plan') {
    result.seeds = { status: 'planned', files: files.map((f) => f.path) }
    return
  }
  const mode = settings.dryRun === 'rehearse' ? 'rehearse' : 'apply'
  for (const db of databases) {
    const dbFiles = files.filter((f) => f.database === db)
    if (dbFiles.length === 0) continue
    const out = await io.group(`Seeds: ${db}`, () =>
      target.applySeeds({
        database: db,
        files: dbFiles,
        mode,
        timeoutMs: settings.timeoutMs,
        signal: io.signal,
      }),
    )
    result.seeds = { status: out.status, files: [...result.seeds.files, ...out.files] }
    if (out.error) throw new RunFailure(out.error)
  }
}

function finalStatus(settings: Settings, result: Result): Result['status'] {
  if (settings.dryRun === 'plan') return 'planned'
  if (settings.dryRun === 'rehearse') return 'rehearsed'
  const did =
    result.databases.some((d) => d.steps.some((s) => s.status === 'applied' || s.status === 'skipped')) ||
    result.metadata.status === 'applied' ||
    result.metadata.status === 'inconsistent' ||
    result.seeds.status === 'applied'
  return did ? 'applied' : 'nothing-to-do'
}

function stepLine(s: StepResult): string {
  const note = s.note ? ` (${s.note})` : ''
  return `${s.status.padEnd(9)} ${s.direction.padEnd(4)} ${s.version} ${s.name} ${s.durationMs} ms${note}`
}
