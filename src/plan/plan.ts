/**
 * The steps that bring one database to the requested state: the Hasura CLI's `migrate apply`
 * semantics (reference §6), with the contract's differences — step counts beyond what exists and goto
 * in both directions are decided before anything runs. Pure: no I/O.
 */
import type { DatabaseMigrations, Migration } from '../project/types.js'
import { PlanError } from './errors.js'
import { dirtyStepModeFinding, planFindings } from './findings.js'
import {
  MAX_STORABLE_VERSION,
  effectiveSide,
  emptyFileOf,
  expectedPath,
  localMigrations,
} from './migrations.js'
import type { AppliedState, DatabasePlan, Direction, PlanOptions, PlanRequest, Step } from './types.js'

const ascending = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export function planDatabase(
  db: DatabaseMigrations,
  state: AppliedState,
  request: PlanRequest,
  options: PlanOptions,
): DatabasePlan {
  const local = localMigrations(db)
  const applied = [...state.versions.keys()].sort(ascending)
  const pending = [...local.keys()].filter((v) => !state.versions.has(v)).sort(ascending)
  const newest = applied.at(-1)
  const newestDirty = newest !== undefined && state.versions.get(newest) === true
  const stepMode = request.kind !== 'goto' && request.steps !== 'all'
  if (newestDirty && !stepMode) throw dirtyError(db, newest)

  let downs: bigint[] = []
  let ups: bigint[] = []
  switch (request.kind) {
    case 'up':
      ups = take(db, pending, request.steps, (n, available) => {
        return `cannot apply ${plural(n, 'migration')}: only ${available} pending (limit ${n - available} short)`
      })
      break
    case 'down':
      downs = take(db, [...applied].reverse(), request.steps, (n, available) => {
        return `cannot roll back ${plural(n, 'migration')}: only ${available} applied (limit ${n - available} short)`
      })
      break
    case 'goto': {
      const target = request.version
      if (!local.has(target) && !state.versions.has(target)) {
        throw new PlanError(
          `cannot go to version ${target}: ${db.directory} has no migration with that version and the target has not applied it`,
          { database: db.name, version: target.toString(), input: 'target-version' },
        )
      }
      downs = applied.filter((v) => v > target).reverse()
      ups = pending.filter((v) => v <= target)
      break
    }
  }

  const steps = [
    ...downs.map((v) => toStep(db, local.get(v), v, 'down')),
    ...ups.map((v) => toStep(db, local.get(v), v, 'up')),
  ]
  const findings = planFindings(db, state, steps, options)
  if (newestDirty && stepMode) findings.unshift(dirtyStepModeFinding(db, newest))
  return { database: db.name, steps, findings }
}

/**
 * The first `steps` of `available`. Asking for more than exist fails before anything runs (the CLI
 * would run what exists, then fail); nothing available is "nothing to apply", as in the CLI.
 */
function take(
  db: DatabaseMigrations,
  available: bigint[],
  steps: number | 'all',
  tooMany: (n: number, available: number) => string,
): bigint[] {
  if (steps === 'all' || available.length === 0) return available
  if (steps > available.length) {
    throw new PlanError(tooMany(steps, available.length), { database: db.name, input: 'steps' })
  }
  return available.slice(0, steps)
}

function toStep(
  db: DatabaseMigrations,
  m: Migration | undefined,
  version: bigint,
  direction: Direction,
): Step {
  const where = { database: db.name, version: version.toString() }
  const side = effectiveSide(direction === 'up' ? m?.up : m?.down)
  if (!side) throw missingFileError(db, m, version, direction)
  if (version > MAX_STORABLE_VERSION) {
    throw new PlanError(
      `version ${version} cannot be stored in the migration state table: its version column is a bigint (at most ${MAX_STORABLE_VERSION})`,
      { ...where, file: expectedPath(db, m, version, direction) },
    )
  }
  const step: Step = {
    database: db.name,
    version,
    name: m?.name ?? '-',
    direction,
    transactional: !(side.sql?.noTransaction ?? false),
  }
  if (side.sql) step.sql = side.sql
  if (side.yaml) step.yaml = side.yaml
  return step
}

/** The CLI's `<v> up|down migration not found`, with why and which file is expected. */
function missingFileError(
  db: DatabaseMigrations,
  m: Migration | undefined,
  version: bigint,
  direction: Direction,
): PlanError {
  const file = expectedPath(db, m, version, direction)
  const side = direction === 'up' ? m?.up : m?.down
  let why: string
  if (!m)
    why = `version ${version} is applied on the target but ${db.directory} has no migration with that version`
  else if (side?.sql || side?.yaml || emptyFileOf(db, version, direction))
    why = `${file} is empty, and the Hasura CLI treats an empty file as no file`
  else why = `expected ${file}`
  const nested = db.nestedFiles?.find((f) => f.version === version && f.direction === direction)
  if (nested) why += ` (${nested.path} is one directory too deep: the Hasura CLI does not read it)`
  return new PlanError(`${version} ${direction} migration not found: ${why}`, {
    database: db.name,
    version: version.toString(),
    file,
  })
}

function dirtyError(db: DatabaseMigrations, version: bigint): PlanError {
  return new PlanError(
    `Dirty database version ${version}. Fix and force version. ` +
      `A run stopped part-way through it: repair the database by hand, then drop the dirty ` +
      `record without running SQL (direction: down, steps: 1, skip-execution: true — or ` +
      `hasura migrate apply --version ${version} --type down --skip-execution) and apply again`,
    { database: db.name, version: version.toString() },
  )
}

/**
 * The steps of an earlier plan that are still needed in `state` (read again under the run's lock):
 * ups not yet applied, downs still applied. Another run that got there first leaves fewer, or none.
 */
export function remainingSteps(steps: Step[], state: AppliedState): Step[] {
  return steps.filter((s) => (s.direction === 'up') !== state.versions.has(s.version))
}
