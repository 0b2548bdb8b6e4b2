/** Small builders for planner tests: a project's migrations and a target's state as literals. */
import type { AppliedState, Step } from '../../../src/plan/types.js'
import type { DatabaseMigrations, Migration, MigrationSide, YamlStep } from '../../../src/project/types.js'

type Version = number | bigint | string

export interface MigrationSpec {
  name?: string
  /** SQL text; `null` for no file. Default: a CREATE TABLE / DROP TABLE pair. */
  up?: string | null
  down?: string | null
  upNoTransaction?: boolean
  downNoTransaction?: boolean
  /** Config 1 YAML steps. */
  upYaml?: YamlStep[]
  downYaml?: YamlStep[]
  /** `dir`: `<v>_<name>/up.sql` (default); `flat`: `<v>_<name>.up.sql`. */
  layout?: 'dir' | 'flat'
}

export const DIRECTORY = 'migrations/default'

export function migration(version: Version, spec: MigrationSpec = {}, directory = DIRECTORY): Migration {
  const v = BigInt(version)
  const name = spec.name ?? `m${v}`
  const path = (direction: 'up' | 'down', ext: 'sql' | 'yaml'): string =>
    spec.layout === 'flat'
      ? `${directory}/${v}_${name}.${direction}.${ext}`
      : `${directory}/${v}_${name}/${direction}.${ext}`
  const side = (
    direction: 'up' | 'down',
    text: string | null,
    noTx: boolean,
    yaml?: YamlStep[],
  ): MigrationSide | undefined => {
    const s: MigrationSide = {}
    if (text !== null) s.sql = { path: path(direction, 'sql'), text, noTransaction: noTx }
    if (yaml) s.yaml = { path: path(direction, 'yaml'), steps: yaml }
    return s.sql || s.yaml ? s : undefined
  }
  const m: Migration = { database: 'default', version: v, name }
  const up = side(
    'up',
    spec.up === undefined ? `CREATE TABLE t${v} (id int);\n` : spec.up,
    spec.upNoTransaction ?? false,
    spec.upYaml,
  )
  const down = side(
    'down',
    spec.down === undefined ? `DROP TABLE t${v};\n` : spec.down,
    spec.downNoTransaction ?? false,
    spec.downYaml,
  )
  if (up) m.up = up
  if (down) m.down = down
  return m
}

export function database(
  migrations: Migration[],
  name = 'default',
  directory = DIRECTORY,
): DatabaseMigrations {
  return { name, directory, migrations: [...migrations].sort((a, b) => (a.version < b.version ? -1 : 1)) }
}

/** `state(1, 2)` or `state({ 1: false, 3: true })` (version → dirty). */
export function state(...applied: Version[]): AppliedState
export function state(applied: Record<string, boolean>): AppliedState
export function state(...args: unknown[]): AppliedState {
  if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
    return { versions: new Map(Object.entries(args[0]).map(([v, dirty]) => [BigInt(v), dirty as boolean])) }
  }
  return { versions: new Map((args as Version[]).map((v) => [BigInt(v), false])) }
}

/** The state after a plan ran successfully. */
export function applyPlan(before: AppliedState, steps: Step[]): AppliedState {
  const versions = new Map(before.versions)
  for (const s of steps) {
    if (s.direction === 'up') versions.set(s.version, false)
    else versions.delete(s.version)
  }
  return { versions }
}

/** `['down 5', 'up 4']`: the plan at a glance. */
export const summary = (steps: Step[]): string[] => steps.map((s) => `${s.direction} ${s.version}`)

/** The local versions 1..n, each with up and down. */
export const range = (n: number): Migration[] => Array.from({ length: n }, (_, i) => migration(i + 1))
