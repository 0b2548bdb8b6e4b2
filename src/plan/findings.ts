/** What is worth telling about a plan, before it runs. Pure: no I/O. */
import type { DatabaseMigrations, Migration } from '../project/types.js'
import { downStatus, emptyFileOf, localMigrations, sidePath } from './migrations.js'
import type { AppliedState, Finding, PlanOptions, Step } from './types.js'

const list = (versions: bigint[]): string => versions.join(', ')

/** Every finding `planDatabase` attaches to a plan (the SQL-level ones come from `transactionFindings`). */
export function planFindings(
  db: DatabaseMigrations,
  state: AppliedState,
  steps: Step[],
  options: PlanOptions,
): Finding[] {
  const local = localMigrations(db)
  return [
    ...outOfOrderFindings(db, state, steps, options),
    ...appliedMissingLocallyFindings(db, state, local),
    ...downFileFindings(db, steps, local),
    ...noTransactionFileFindings(steps),
    ...nestedFileFindings(db, local),
  ]
}

/**
 * Pending versions the plan applies below the newest version that stays applied: the CLI fills such
 * gaps silently; here the `out-of-order` input decides (allow: nothing, warn: warning, fail: error).
 */
export function outOfOrderFindings(
  db: DatabaseMigrations,
  state: AppliedState,
  steps: Step[],
  options: PlanOptions,
): Finding[] {
  if (options.outOfOrder === 'allow') return []
  const rolledBack = new Set(steps.filter((s) => s.direction === 'down').map((s) => s.version))
  let newest: bigint | undefined
  for (const v of state.versions.keys()) {
    if (!rolledBack.has(v) && (newest === undefined || v > newest)) newest = v
  }
  if (newest === undefined) return []
  const below = steps.filter((s) => s.direction === 'up' && s.version < newest)
  if (below.length === 0) return []
  const versions = below.map((s) => s.version)
  const first = below[0]
  const fail = options.outOfOrder === 'fail'
  const what =
    below.length === 1
      ? `pending version ${versions[0]} is older than the newest applied version ${newest}`
      : `${below.length} pending versions are older than the newest applied version ${newest}: ${list(versions)}`
  const consequence = fail
    ? `out-of-order: fail stops the run (set out-of-order to warn or allow to apply ${below.length === 1 ? 'it' : 'them'})`
    : `${below.length === 1 ? 'it is' : 'they are'} applied out of order`
  const finding: Finding = {
    kind: 'out-of-order',
    severity: fail ? 'error' : 'warning',
    database: db.name,
    version: first.version,
    message: `${what}; ${consequence}`,
  }
  const file = first.sql?.path ?? first.yaml?.path
  if (file) finding.file = file
  return [finding]
}

/** Versions the target has applied that no local file knows (a deleted or squashed migration?). */
export function appliedMissingLocallyFindings(
  db: DatabaseMigrations,
  state: AppliedState,
  local: Map<bigint, Migration> = localMigrations(db),
): Finding[] {
  const missing = [...state.versions.keys()]
    .filter((v) => !local.has(v))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (missing.length === 0) return []
  const finding: Finding = {
    kind: 'applied-missing-locally',
    severity: 'warning',
    database: db.name,
    message:
      missing.length === 1
        ? `version ${missing[0]} is applied on the target but has no migration in ${db.directory}; it cannot be rolled back from here`
        : `${missing.length} versions are applied on the target but have no migration in ${db.directory}: ${list(missing)}; they cannot be rolled back from here`,
  }
  if (missing.length === 1) finding.version = missing[0]!
  return [finding]
}

/** What is wrong with a down side that is not real, in words (`DownStatus` → kind and text). */
export const DOWN_PROBLEM = {
  missing: { kind: 'missing-down', text: 'has no down migration' },
  empty: { kind: 'empty-down', text: 'has an empty (0-byte) down file, which the Hasura CLI ignores' },
  placeholder: { kind: 'placeholder-down', text: 'has a down file with only comments, which undoes nothing' },
} as const

/**
 * For versions the plan applies: whether they can be rolled back. For versions it rolls back: a
 * placeholder down removes the state record while leaving the schema as it was.
 */
export function downFileFindings(
  db: DatabaseMigrations,
  steps: Step[],
  local: Map<bigint, Migration> = localMigrations(db),
): Finding[] {
  const findings: Finding[] = []
  for (const step of steps) {
    const m = local.get(step.version)
    const status = downStatus(m, db)
    if (status === 'real') continue
    if (step.direction === 'up') {
      const problem = DOWN_PROBLEM[status]
      const finding: Finding = {
        kind: problem.kind,
        severity: 'warning',
        database: db.name,
        version: step.version,
        message: `version ${step.version} ${problem.text}: it cannot be rolled back`,
      }
      const file =
        sidePath(m?.down) ?? emptyFileOf(db, step.version, 'down') ?? step.sql?.path ?? step.yaml?.path
      if (file) finding.file = file
      findings.push(finding)
    } else if (status === 'placeholder') {
      findings.push({
        kind: 'placeholder-down',
        severity: 'warning',
        database: db.name,
        version: step.version,
        file: step.sql!.path,
        message: `rolling back version ${step.version} runs no SQL (its down file has only comments): the record goes, the schema stays`,
      })
    }
  }
  return findings
}

/**
 * Migration files one directory too deep (`<version>_add_a/b/up.sql`, from a `/` typed into the
 * console's migration name): the CLI never runs them, and neither does this action; say so.
 */
export function nestedFileFindings(
  db: DatabaseMigrations,
  local: Map<bigint, Migration> = localMigrations(db),
): Finding[] {
  const nested = [...(db.nestedFiles ?? [])].sort((a, b) =>
    a.version !== b.version ? (a.version < b.version ? -1 : 1) : a.path < b.path ? -1 : 1,
  )
  return nested.map((f) => {
    const m = local.get(f.version)
    const own = sidePath(f.direction === 'up' ? m?.up : m?.down)
    const name = f.path.slice(f.path.lastIndexOf('/') + 1)
    const consequence = own
      ? `version ${f.version} runs ${own}, not this file; merge the two or delete this one`
      : `version ${f.version} ${m ? `has no ${f.direction} migration` : 'does not exist'}; move it to ${f.versionDirectory}/${name}`
    return {
      kind: 'nested-migration-file' as const,
      severity: 'warning' as const,
      database: db.name,
      version: f.version,
      file: f.path,
      message: `${f.path} is never run: the Hasura CLI reads only the files directly inside a version directory (a '/' typed into a migration's name puts them deeper), so ${consequence}`,
    }
  })
}

/** Files marked `-- hasura:no-transaction`: they split the run's transaction. */
export function noTransactionFileFindings(steps: Step[]): Finding[] {
  return steps
    .filter((s) => !s.transactional && s.sql)
    .map((s) => ({
      kind: 'no-transaction-file' as const,
      severity: 'notice' as const,
      database: s.database,
      version: s.version,
      file: s.sql!.path,
      line: 1,
      message: `${s.direction} of version ${s.version} is marked no-transaction: it runs alone, between transactions; what ran before it is committed first`,
    }))
}

/** The CLI checks dirtiness only for up all, down all and goto; step modes go on, with this warning. */
export function dirtyStepModeFinding(db: DatabaseMigrations, version: bigint): Finding {
  return {
    kind: 'dirty',
    severity: 'warning',
    database: db.name,
    version,
    message: `the newest applied version ${version} is marked dirty; like the Hasura CLI, a run with a step count goes on regardless`,
  }
}
