/** Steps and plans from literals: the targets' tests do not read projects or call the planner. */
import type { AppliedState, Direction, Step } from '../../../../src/plan/types.js'
import type { SeedFile, YamlStep } from '../../../../src/project/types.js'

export interface StepOptions {
  name?: string
  database?: string
  /** False: the file starts with the `-- hasura:no-transaction` marker. */
  transactional?: boolean
  path?: string
  yaml?: { path?: string; steps: YamlStep[] }
}

function step(
  direction: Direction,
  version: number | bigint | string,
  sql: string | undefined,
  o: StepOptions,
): Step {
  const v = BigInt(version)
  const name = o.name ?? `m${v}`
  const database = o.database ?? 'default'
  const transactional = o.transactional ?? true
  const s: Step = { database, version: v, name, direction, transactional }
  if (sql !== undefined) {
    const text = transactional ? sql : `-- hasura:no-transaction\n${sql}`
    s.sql = {
      path: o.path ?? `migrations/${database}/${v}_${name}/${direction}.sql`,
      text,
      noTransaction: !transactional,
    }
  }
  if (o.yaml) {
    s.yaml = { path: o.yaml.path ?? `migrations/${v}_${name}.${direction}.yaml`, steps: o.yaml.steps }
  }
  return s
}

export const up = (version: number | bigint | string, sql?: string, o: StepOptions = {}): Step =>
  step('up', version, sql, o)
export const down = (version: number | bigint | string, sql?: string, o: StepOptions = {}): Step =>
  step('down', version, sql, o)

/**
 * A stand-in planner: the given steps that are still to do in `state` (up: not applied; down:
 * applied), in order — what the real planner returns for "these versions".
 */
export function planOf(steps: Step[]): (state: AppliedState) => Step[] {
  return (state) => steps.filter((s) => (s.direction === 'up') !== state.versions.has(s.version))
}

export function seed(path: string, text: string, database = 'default'): SeedFile {
  return { path, text, noTransaction: false, database }
}

/** Applied versions as sorted decimal strings. */
export const versionsOf = (state: AppliedState): string[] =>
  [...state.versions.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String)
