/** How the planner sees a project's migrations: as the Hasura CLI's engine does. */
import type { DatabaseMigrations, Migration, MigrationSide } from '../project/types.js'
import { isOnlyTrivia } from '../sql/trivia.js'
import type { Direction } from './types.js'

/** The largest version the state table's `bigint` column holds. */
export const MAX_STORABLE_VERSION = 9223372036854775807n

/**
 * The side the engine would run, or undefined. A zero-byte SQL file and a YAML file with no steps are
 * skipped by the CLI as if absent (reference §2.4), so they do not count.
 */
export function effectiveSide(side: MigrationSide | undefined): MigrationSide | undefined {
  if (!side || !sideCounts(side)) return undefined
  const out: MigrationSide = {}
  if (sqlCounts(side)) out.sql = side.sql
  if (yamlCounts(side)) out.yaml = side.yaml
  return out
}

// The size where the scan knew it: a no-op run over thousands of versions reads no file.
const sqlCounts = (side: MigrationSide): boolean => !!side.sql && (side.sql.size ?? side.sql.text.length) > 0
const yamlCounts = (side: MigrationSide): boolean => !!side.yaml && side.yaml.steps.length > 0
const sideCounts = (side: MigrationSide | undefined): boolean =>
  !!side && (sqlCounts(side) || yamlCounts(side))

/** Versions the engine knows locally: at least one side that is not empty. */
export function localMigrations(db: DatabaseMigrations): Map<bigint, Migration> {
  const local = new Map<bigint, Migration>()
  for (const m of db.migrations) {
    if (sideCounts(m.up) || sideCounts(m.down)) local.set(m.version, m)
  }
  return local
}

/**
 * What a migration's down side amounts to. `empty`: a zero-byte down.sql (ignored by the CLI).
 * `placeholder`: SQL that is only comments and whitespace, like Hasura's
 * `-- Could not auto-generate a down migration.`; it runs, but undoes nothing.
 */
export type DownStatus = 'real' | 'missing' | 'empty' | 'placeholder'

export function downStatus(m: Migration | undefined, db?: DatabaseMigrations): DownStatus {
  const down = effectiveSide(m?.down)
  if (!down) {
    if (m?.down?.sql || m?.down?.yaml) return 'empty'
    return m && db && emptyFileOf(db, m.version, 'down') ? 'empty' : 'missing'
  }
  if (!down.yaml && down.sql && isOnlyTrivia(down.sql.text)) return 'placeholder'
  return 'real'
}

/** The 0-byte file the scan found for a version's side, which the CLI ignores, if any. */
export const emptyFileOf = (
  db: DatabaseMigrations,
  version: bigint,
  direction: Direction,
): string | undefined => db.emptyFiles?.find((f) => f.version === version && f.direction === direction)?.path

/** The file a side is read from (SQL first), relative to the project directory. */
export const sidePath = (side: MigrationSide | undefined): string | undefined =>
  side?.sql?.path ?? side?.yaml?.path

/**
 * Where the file for `direction` is, or would be: the existing file (a 0-byte one included), else the
 * sibling of the other direction's file, else `<dir>/<version>_<name>/<direction>.sql`.
 */
export function expectedPath(
  db: DatabaseMigrations,
  m: Migration | undefined,
  version: bigint,
  direction: Direction,
): string {
  const own = sidePath(direction === 'up' ? m?.up : m?.down) ?? emptyFileOf(db, version, direction)
  if (own) return own
  const other = sidePath(direction === 'up' ? m?.down : m?.up)
  if (other) {
    const sibling = other.replace(/(^|[./])(?:up|down)\.(?:sql|yaml)$/, `$1${direction}.sql`)
    if (sibling !== other) return sibling
  }
  return `${db.directory}/${version}_${m?.name ?? '<name>'}/${direction}.sql`
}
