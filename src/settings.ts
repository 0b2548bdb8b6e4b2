/**
 * Inputs (action) or flags (CLI) → one validated, typed Settings. Every input is read here and nowhere
 * else; all input errors are gathered into one UserError; secrets are reported for masking at once.
 */
import { UserError } from './errors.js'
import type { OutOfOrderPolicy, PlanRequest } from './plan/types.js'
import { databaseUrlProblem } from './targets/postgres/connection-url.js'
import { databaseUrlSecrets, passwordForms } from './targets/postgres/redact.js'
import type { TransactionMode, VerifyMetadataSetting } from './model.js'

/** The action's inputs and the code's defaults; a test keeps this equal to action.yml. */
export const INPUT_DEFAULTS = {
  endpoint: '',
  'admin-secret': '',
  'database-url': '',
  'project-dir': '.',
  'migrations-dir': '',
  database: '',
  direction: 'up',
  steps: '',
  'target-version': '',
  'dry-run': 'false',
  'skip-execution': 'false',
  transaction: 'all',
  'out-of-order': 'warn',
  metadata: 'auto',
  'allow-inconsistent-metadata': 'false',
  seeds: 'false',
  'github-token': '${{ github.token }}',
  comment: 'auto',
  environment: '',
  timeout: '600',
  'trust-pull-request-code': 'false',
  drift: 'warn',
  'accept-edited-migrations': '',
  'verify-metadata': 'error',
  lint: 'warn',
} as const

export type InputName = keyof typeof INPUT_DEFAULTS
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[]

export type TargetSettings =
  | { kind: 'postgres'; databaseUrl: string; endpoint?: string; adminSecret?: string }
  | { kind: 'hasura'; endpoint: string; adminSecret?: string }
  | { kind: 'embedded' }

export type DatabaseSelection = { kind: 'default' } | { kind: 'all' } | { kind: 'list'; names: string[] }

export type DryRun = false | 'plan' | 'rehearse'

export type LintMode = 'warn' | 'error' | 'off'

export interface Settings {
  /** As given (relative to the working directory); shown in reports and the comment marker. */
  projectDir: string
  migrationsDir?: string
  databases: DatabaseSelection
  target: TargetSettings
  request: PlanRequest
  dryRun: DryRun
  skipExecution: boolean
  transaction: TransactionMode
  outOfOrder: OutOfOrderPolicy
  metadata: 'auto' | 'apply' | 'skip'
  allowInconsistentMetadata: boolean
  /** false: none; true: every seed file; a list: these files, in order. */
  seeds: boolean | string[]
  githubToken?: string
  comment: 'auto' | 'always' | 'never'
  environment: string
  timeoutMs: number
  /**
   * Execute a fork's pull request against a real target even when the event gives the run the
   * repository's secrets (`pull_request_target`, `workflow_run`): for teams that review first.
   */
  trustPullRequestCode: boolean
  /** Drift and integrity before anything runs: report (`warn`), stop the run (`fail`), or skip (`off`). */
  drift: 'warn' | 'fail' | 'off'
  /** Applied versions whose edited up file the user acknowledged: their new hash is recorded. */
  acceptEditedMigrations: bigint[]
  /** The metadata checked against the migrated schema before anything commits: fail, report, or not at all. */
  verifyMetadata: VerifyMetadataSetting
  /** Migration safety rules: `warn` reports, `error` fails the run before anything is written, `off`. */
  lint: LintMode
  /** Every secret value (and derived forms) to mask and redact. */
  secrets: string[]
}

/** Reads a raw input value ('' when unset). */
export type InputReader = (name: InputName) => string

/** The inputs that hold secrets, each with its environment fallback. */
function secretInputs(read: InputReader, env: NodeJS.ProcessEnv) {
  const raw = (name: InputName): string => read(name).trim()
  const token = raw('github-token')
  return {
    endpoint: raw('endpoint') || (env.HASURA_GRAPHQL_ENDPOINT ?? '').trim(),
    adminSecret: raw('admin-secret') || (env.HASURA_GRAPHQL_ADMIN_SECRET ?? '').trim(),
    databaseUrl: raw('database-url'),
    // the unexpanded default `${{ github.token }}` is no token
    githubToken: (token.startsWith('${{') ? '' : token) || env.GITHUB_TOKEN || '',
  }
}

/**
 * Every secret the inputs hold, in every form a log might show, and PGPASSWORD when the `database-url`
 * leaves the password to it. The action masks these before it validates anything, so that not even a
 * failed validation can print one.
 */
export function secretsOf(read: InputReader, env: NodeJS.ProcessEnv = process.env): string[] {
  const { endpoint, adminSecret, databaseUrl, githubToken } = secretInputs(read, env)
  const out: string[] = []
  if (adminSecret) out.push(adminSecret)
  if (databaseUrl) out.push(...databaseUrlSecrets(databaseUrl, env))
  // A password in the endpoint is never sent (requests strip it), but it must not be shown either.
  if (endpoint) out.push(...passwordForms(endpoint))
  if (githubToken) out.push(githubToken)
  return out
}

const BOOL_TRUE = ['true', 'True', 'TRUE']
const BOOL_FALSE = ['false', 'False', 'FALSE']

/** Builds Settings; `env` supplies HASURA_GRAPHQL_* fallbacks and GITHUB_TOKEN. */
export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const errors: string[] = []
  const raw = (name: InputName): string => read(name).trim()
  const value = (name: InputName): string => {
    const v = raw(name)
    const def = INPUT_DEFAULTS[name]
    return v === '' && !def.startsWith('${{') ? def : v
  }
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T => {
    const v = value(name)
    if ((allowed as readonly string[]).includes(v)) return v as T
    errors.push(`input '${name}' must be one of ${allowed.join(', ')} (got '${v}')`)
    return allowed[0]
  }
  const bool = (name: InputName): boolean => {
    const v = value(name)
    if (BOOL_TRUE.includes(v)) return true
    if (BOOL_FALSE.includes(v)) return false
    errors.push(`input '${name}' must be true or false (got '${v}')`)
    return false
  }

  const { endpoint, adminSecret, databaseUrl, githubToken } = secretInputs(read, env)

  if (endpoint) {
    const problem = checkUrl(endpoint, ['http:', 'https:'])
    if (problem) errors.push(`input 'endpoint' ${problem}`)
  }
  if (databaseUrl) {
    const problem = databaseUrlProblem(databaseUrl)
    if (problem) errors.push(`input 'database-url' ${problem}`)
  }
  const target: TargetSettings = databaseUrl
    ? {
        kind: 'postgres',
        databaseUrl,
        endpoint: endpoint || undefined,
        adminSecret: adminSecret || undefined,
      }
    : endpoint
      ? { kind: 'hasura', endpoint, adminSecret: adminSecret || undefined }
      : { kind: 'embedded' }

  const projectDir = value('project-dir')
  const migrationsDir = raw('migrations-dir') || undefined

  const databaseInput = raw('database')
  let databases: DatabaseSelection = { kind: 'default' }
  if (databaseInput === 'all') databases = { kind: 'all' }
  else if (databaseInput) {
    const names = databaseInput
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (names.length === 0)
      errors.push(`input 'database' must name a database, a comma-separated list or all`)
    databases = { kind: 'list', names }
  }

  const direction = oneOf('direction', ['up', 'down'] as const)
  const stepsRaw = raw('steps')
  const targetVersionRaw = raw('target-version')
  let steps: number | 'all' = 'all'
  if (stepsRaw && stepsRaw !== 'all') {
    if (/^[1-9][0-9]{0,8}$/.test(stepsRaw)) steps = Number(stepsRaw)
    else errors.push(`input 'steps' must be a positive integer or all (got '${stepsRaw}')`)
  }
  let request: PlanRequest = { kind: direction, steps }
  if (targetVersionRaw) {
    if (!/^[0-9]+$/.test(targetVersionRaw)) {
      errors.push(`input 'target-version' must be a version number (digits only, got '${targetVersionRaw}')`)
    } else if (BigInt(targetVersionRaw) > MAX_BIGINT) {
      errors.push(
        `input 'target-version' ${targetVersionRaw} is above 9223372036854775807 and cannot be stored`,
      )
    }
    if (direction !== 'up' || stepsRaw) {
      errors.push(
        `input 'target-version' cannot be combined with 'direction' or 'steps' (leave them at their defaults)`,
      )
    }
    if (/^[0-9]+$/.test(targetVersionRaw)) request = { kind: 'goto', version: BigInt(targetVersionRaw) }
  } else if (direction === 'down' && !stepsRaw) {
    errors.push(
      `input 'steps' is required for direction down (a positive integer or all), or give 'target-version'`,
    )
  }

  const dryRunRaw = value('dry-run')
  let dryRun: DryRun = false
  if (BOOL_TRUE.includes(dryRunRaw) || dryRunRaw === 'plan') dryRun = 'plan'
  else if (dryRunRaw === 'rehearse') dryRun = 'rehearse'
  else if (!BOOL_FALSE.includes(dryRunRaw)) {
    errors.push(`input 'dry-run' must be false, true, plan or rehearse (got '${dryRunRaw}')`)
  }

  const skipExecution = bool('skip-execution')
  if (skipExecution && dryRun === 'rehearse') {
    errors.push(
      `input 'skip-execution' cannot be combined with 'dry-run: rehearse' (there is nothing to rehearse)`,
    )
  }
  if (skipExecution && target.kind === 'embedded' && dryRun === false) {
    errors.push(
      `input 'skip-execution' needs a target (database-url or endpoint): the embedded database is empty every run`,
    )
  }
  const transaction = oneOf('transaction', ['all', 'per-migration'] as const)
  const outOfOrder = oneOf('out-of-order', ['warn', 'allow', 'fail'] as const)
  const metadata = oneOf('metadata', ['auto', 'apply', 'skip'] as const)
  if (metadata === 'apply' && !endpoint) {
    errors.push(
      `input 'metadata' is apply but no endpoint is given (set 'endpoint' or HASURA_GRAPHQL_ENDPOINT)`,
    )
  }
  const allowInconsistentMetadata = bool('allow-inconsistent-metadata')

  const seedsRaw = value('seeds')
  let seeds: boolean | string[]
  if (BOOL_TRUE.includes(seedsRaw)) seeds = true
  else if (BOOL_FALSE.includes(seedsRaw)) seeds = false
  else {
    seeds = seedsRaw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  }

  const comment = oneOf('comment', ['auto', 'always', 'never'] as const)
  const environment = value('environment')
  if (/["<>\n]/.test(environment))
    errors.push(`input 'environment' must not contain quotes, angle brackets or newlines`)

  const timeoutRaw = value('timeout')
  let timeoutMs = 600_000
  if (/^[1-9][0-9]{0,6}$/.test(timeoutRaw)) timeoutMs = Number(timeoutRaw) * 1000
  else errors.push(`input 'timeout' must be a positive number of seconds (got '${timeoutRaw}')`)

  const trustPullRequestCode = bool('trust-pull-request-code')
  const drift = oneOf('drift', ['warn', 'fail', 'off'] as const)
  const acceptEditedMigrations: bigint[] = []
  for (const item of raw('accept-edited-migrations')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    if (/^[0-9]+$/.test(item) && BigInt(item) <= MAX_BIGINT) acceptEditedMigrations.push(BigInt(item))
    else
      errors.push(
        `input 'accept-edited-migrations' must list migration versions separated by commas (got '${item}')`,
      )
  }
  const verifyMetadata = oneOf('verify-metadata', ['error', 'warn', 'off'] as const)
  const lint = oneOf('lint', ['warn', 'error', 'off'] as const)

  if (target.kind === 'postgres' && databases.kind === 'all') {
    errors.push(
      `input 'database' cannot be all with 'database-url': one URL is one database; select exactly one`,
    )
  } else if (target.kind === 'postgres' && databases.kind === 'list' && databases.names.length > 1) {
    errors.push(
      `input 'database' must select exactly one database with 'database-url' (got ${databases.names.length})`,
    )
  }

  if (errors.length > 0) {
    throw new UserError(
      errors.length === 1 ? errors[0] : `${errors.length} input errors: ${errors.join('; ')}`,
      { input: errors.length === 1 ? /input '([^']+)'/.exec(errors[0])?.[1] : undefined },
    )
  }
  return {
    projectDir,
    migrationsDir,
    databases,
    target,
    request,
    dryRun,
    skipExecution,
    transaction,
    outOfOrder,
    metadata,
    allowInconsistentMetadata,
    seeds,
    githubToken: githubToken || undefined,
    comment,
    environment,
    timeoutMs,
    trustPullRequestCode,
    drift,
    acceptEditedMigrations,
    verifyMetadata,
    lint,
    secrets: [...new Set(secretsOf(read, env).filter((s) => s.length >= 3))],
  }
}

const MAX_BIGINT = 9223372036854775807n

/** Never echo the URL itself: it may hold a password. */
function checkUrl(value: string, protocols: string[]): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `is not a valid URL (expected ${protocols.map((p) => p + '//…').join(' or ')})`
  }
  if (!protocols.includes(url.protocol)) {
    return `must start with ${protocols.map((p) => p + '//').join(' or ')} (got ${url.protocol}//…)`
  }
  return undefined
}
