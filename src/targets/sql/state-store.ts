/**
 * Where the applied versions live, exactly as the Hasura CLI keeps them (reference §4.2–§4.4):
 * - `hdb_catalog.schema_migrations` (+ `migration_settings`) for config 1/2 — and for config 3 on a
 *   database without Hasura's catalog (a bare database has no `hdb_version` row to hold catalog state);
 * - `cli_state.migrations[<database>]` in `hdb_catalog.hdb_version` for config 3 when the database holds
 *   Hasura's catalog (it is Hasura's metadata database).
 * `read` never writes; `prepare` and the marks run inside the run's transaction, under its lock.
 */
import { TargetError } from '../../errors.js'
import { migrationModeDisabled as migrationModeMessage } from '../../execute/wording.js'
import { REMEDIES } from '../../report/remedies.js'
import type { AppliedState } from '../../plan/types.js'
import type { SqlSession } from './session.js'

export interface StateStore {
  /** For messages: where the state is. */
  readonly where: string
  read(session: SqlSession, database: string): Promise<AppliedState>
  /** Creates what is missing, fills the CLI's settings, checks migration mode. Writes. */
  prepare(session: SqlSession, database: string): Promise<void>
  markApplied(session: SqlSession, database: string, version: bigint): Promise<void>
  markRolledBack(session: SqlSession, database: string, version: bigint): Promise<void>
  /**
   * The same record as one self-contained statement (no parameters), so that it can travel in the
   * step's own query; undefined when it cannot be written safely as text.
   */
  statement(database: string, version: bigint, direction: 'up' | 'down'): string | undefined
}

/** A string literal, or undefined where doubling quotes is not enough (backslashes, NUL). */
function literal(text: string): string | undefined {
  return text.includes('\\') || text.includes('\u0000') ? undefined : `'${text.replace(/'/g, "''")}'`
}

function migrationModeDisabled(where: string, value: string): TargetError {
  return new TargetError(`${migrationModeMessage(where, value)}. ${REMEDIES.migrationMode}`)
}

/**
 * Existence checks read pg_class with the statement's snapshot. Not `to_regclass`: it looks names up
 * in the backend's catalog cache without taking a lock, and a run that waited for the advisory lock
 * has not processed the invalidations of the run it waited for, so it would miss the tables that run
 * just created (found by the race test).
 */
const RELATION_EXISTS = `EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'hdb_catalog' AND c.relname = %s)`

async function relationExists(
  session: SqlSession,
  name: 'schema_migrations' | 'migration_settings',
): Promise<boolean> {
  const rows = await session.query(`SELECT ${RELATION_EXISTS.replace('%s', '$1')} AS present`, [name])
  return rows[0]?.present === true
}

function parseVersion(key: string, where: string): bigint {
  if (!/^\d+$/.test(key)) throw new TargetError(`${where} holds '${key}', which is not a migration version`)
  return BigInt(key)
}

/** Rows of `hdb_catalog.schema_migrations`, or none when the table is absent. */
async function readSchemaMigrations(session: SqlSession): Promise<Map<bigint, boolean>> {
  const versions = new Map<bigint, boolean>()
  if (!(await relationExists(session, 'schema_migrations'))) return versions
  // One row of two lists: thousands of rows would cost the driver an object each.
  const [row] = await session.query(
    `SELECT coalesce(string_agg(version::text, ',') FILTER (WHERE dirty IS NOT TRUE), '') AS clean,
            coalesce(string_agg(version::text, ',') FILTER (WHERE dirty), '') AS dirty
       FROM hdb_catalog.schema_migrations`,
  )
  for (const [list, dirty] of [
    [row?.clean, false],
    [row?.dirty, true],
  ] as const) {
    if (typeof list === 'string' && list !== '')
      for (const v of list.split(',')) versions.set(BigInt(v), dirty)
  }
  return versions
}

/** §4.2/§4.3: the CLI's tables, statements and setting. */
export class SchemaMigrationsStore implements StateStore {
  readonly where = 'hdb_catalog.schema_migrations'

  async read(session: SqlSession): Promise<AppliedState> {
    return { versions: await readSchemaMigrations(session) }
  }

  async prepare(session: SqlSession): Promise<void> {
    const [facts] = await session.query(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'hdb_catalog') AS schema,
              ${RELATION_EXISTS.replace('%s', "'schema_migrations'")} AS migrations,
              ${RELATION_EXISTS.replace('%s', "'migration_settings'")} AS settings`,
    )
    const ddl: string[] = []
    // The CLI relies on Hasura having created the schema; a bare database needs it first.
    if (facts?.schema !== true) ddl.push('CREATE SCHEMA hdb_catalog')
    if (facts?.migrations !== true) {
      ddl.push(
        'CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null)',
      )
    }
    if (facts?.settings !== true) {
      ddl.push(
        'CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null)',
        "INSERT INTO hdb_catalog.migration_settings (setting, value) VALUES ('migration_mode', 'true')",
      )
    }
    for (const sql of ddl) await session.query(sql)
    const rows = await session.query(
      "SELECT value from hdb_catalog.migration_settings where setting='migration_mode'",
    )
    // Like the CLI: no row means the default, "true".
    const value = rows.length === 0 ? 'true' : String(rows[0]?.value)
    if (value !== 'true') throw migrationModeDisabled('hdb_catalog.migration_settings', value)
  }

  /**
   * The CLI's legacy statement (§4.2 `InsertVersion`): a plain INSERT, not the upsert of `SetVersion`,
   * so a version recorded behind our back (a CLI run that ignores our lock) fails loudly instead of
   * being silently applied twice.
   */
  statement(_database: string, version: bigint, direction: 'up' | 'down'): string {
    return direction === 'up'
      ? `INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (${version}, false)`
      : `DELETE FROM hdb_catalog.schema_migrations WHERE version = ${version}`
  }

  async markApplied(session: SqlSession, database: string, version: bigint): Promise<void> {
    await session.query(this.statement(database, version, 'up'))
  }

  async markRolledBack(session: SqlSession, database: string, version: bigint): Promise<void> {
    await session.query(this.statement(database, version, 'down'))
  }
}

/** `cli_state->'migrations'` as an object ('{}' when absent or not an object). */
const MIGRATIONS = `(CASE WHEN jsonb_typeof(cli_state->'migrations') = 'object' THEN cli_state->'migrations' ELSE '{}'::jsonb END)`
/** `cli_state->'migrations'->$1` as an object. */
const DATABASE = `(CASE WHEN jsonb_typeof(cli_state->'migrations'->$1::text) = 'object' THEN cli_state->'migrations'->$1::text ELSE '{}'::jsonb END)`
const SETTINGS = `(CASE WHEN jsonb_typeof(cli_state->'settings') = 'object' THEN cli_state->'settings' ELSE '{}'::jsonb END)`

const APPLIED = `UPDATE hdb_catalog.hdb_version
   SET cli_state = jsonb_set(cli_state, '{migrations}', ${MIGRATIONS} || jsonb_build_object($1::text, ${DATABASE} || jsonb_build_object($2::text, false)))`
const ROLLED_BACK = `UPDATE hdb_catalog.hdb_version SET cli_state = cli_state #- ARRAY['migrations', $1::text, $2::text]`

interface CliState {
  migrations?: unknown
  settings?: unknown
  isStateCopyCompleted?: unknown
}

/**
 * §4.4: catalog state in Hasura's metadata database. Every change is a read-modify-write of the one
 * `hdb_version` row, done in SQL with jsonb operators so that every key we do not touch (`settings`,
 * other databases, keys a newer CLI or server added) is kept byte for byte; the row is locked
 * (`FOR UPDATE`) by `prepare` for the rest of the transaction.
 */
export class CatalogStateStore implements StateStore {
  readonly where = 'cli_state in hdb_catalog.hdb_version'

  private async state(session: SqlSession, forUpdate: boolean): Promise<CliState> {
    const rows = await session.query(
      `SELECT cli_state::text AS state FROM hdb_catalog.hdb_version LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
    )
    if (rows.length === 0) {
      throw new TargetError(
        "hdb_catalog.hdb_version has no row: Hasura's catalog in this database is incomplete (start Hasura once against it, or use config 2 with hdb_catalog.schema_migrations)",
      )
    }
    const parsed: unknown = JSON.parse(String(rows[0]?.state))
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}
  }

  async read(session: SqlSession, database: string): Promise<AppliedState> {
    const state = await this.state(session, false)
    const versions = new Map<bigint, boolean>()
    const where = `cli_state.migrations["${database}"] in hdb_catalog.hdb_version`
    const migrations = state.migrations
    const own =
      typeof migrations === 'object' && migrations !== null
        ? (migrations as Record<string, unknown>)[database]
        : undefined
    if (typeof own === 'object' && own !== null) {
      for (const [key, dirty] of Object.entries(own as Record<string, unknown>)) {
        if (typeof dirty !== 'boolean')
          throw new TargetError(`${where} holds ${key}: ${JSON.stringify(dirty)}`)
        versions.set(parseVersion(key, where), dirty)
      }
    }
    // The CLI's one-time copy of config-2 state (§4.4 isStateCopyCompleted) has not happened yet: what
    // it would copy counts as applied already.
    if (state.isStateCopyCompleted !== true) {
      for (const [v, dirty] of await readSchemaMigrations(session)) versions.set(v, dirty)
    }
    return { versions }
  }

  async prepare(session: SqlSession, database: string): Promise<void> {
    const state = await this.state(session, true)
    if (state.isStateCopyCompleted !== true) {
      // The CLI's first config-3 command copies hdb_catalog.schema_migrations and migration_settings
      // into the catalog state, then marks the copy done either way.
      if (await relationExists(session, 'schema_migrations')) {
        await session.query(
          `UPDATE hdb_catalog.hdb_version
              SET cli_state = jsonb_set(cli_state, '{migrations}', ${MIGRATIONS} || jsonb_build_object($1::text, ${DATABASE} || copied.versions))
             FROM (SELECT jsonb_object_agg(version::text, dirty) AS versions FROM hdb_catalog.schema_migrations) copied
            WHERE copied.versions IS NOT NULL`,
          [database],
        )
      }
      if (await relationExists(session, 'migration_settings')) {
        await session.query(
          `UPDATE hdb_catalog.hdb_version
              SET cli_state = jsonb_set(cli_state, '{settings}', ${SETTINGS} || copied.settings)
             FROM (SELECT jsonb_object_agg(setting, value) AS settings FROM hdb_catalog.migration_settings) copied
            WHERE copied.settings IS NOT NULL`,
        )
      }
      await session.query(
        `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(cli_state, '{isStateCopyCompleted}', 'true')`,
      )
    }
    // The CLI's settings preparation: fill a missing migration_mode with "true".
    await session.query(
      `UPDATE hdb_catalog.hdb_version
          SET cli_state = jsonb_set(cli_state, '{settings}', ${SETTINGS} || '{"migration_mode":"true"}'::jsonb)
        WHERE NOT (${SETTINGS} ? 'migration_mode')`,
    )
    const rows = await session.query(
      `SELECT ${SETTINGS}->>'migration_mode' AS mode FROM hdb_catalog.hdb_version LIMIT 1`,
    )
    const mode = String(rows[0]?.mode)
    if (mode !== 'true') throw migrationModeDisabled('cli_state.settings in hdb_catalog.hdb_version', mode)
  }

  statement(database: string, version: bigint, direction: 'up' | 'down'): string | undefined {
    const db = literal(database)
    if (db === undefined) return undefined
    return (direction === 'up' ? APPLIED : ROLLED_BACK)
      .replaceAll('$1::text', `${db}::text`)
      .replaceAll('$2::text', `'${version}'::text`)
  }

  async markApplied(session: SqlSession, database: string, version: bigint): Promise<void> {
    await session.query(APPLIED, [database, version.toString()])
  }

  async markRolledBack(session: SqlSession, database: string, version: bigint): Promise<void> {
    await session.query(ROLLED_BACK, [database, version.toString()])
  }
}

/**
 * Config 3 keeps state in the catalog when this database holds one (`hdb_version` with `cli_state`:
 * a Hasura v2 metadata database); otherwise — config 1/2, or a bare database — in schema_migrations.
 */
export async function chooseStateStore(session: SqlSession, configVersion: 1 | 2 | 3): Promise<StateStore> {
  if (configVersion === 3) {
    const rows = await session.query(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'hdb_catalog' AND c.relname = 'hdb_version'
                         AND a.attname = 'cli_state' AND NOT a.attisdropped) AS catalog`,
    )
    if (rows[0]?.catalog === true) return new CatalogStateStore()
  }
  return new SchemaMigrationsStore()
}
