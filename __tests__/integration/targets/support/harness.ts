/**
 * A fresh database behind a target, plus a way to look at it: the same contract suite drives the
 * PostgreSQL target (a new database on the harness's server) and the embedded one (a new PGlite).
 */
import pg from 'pg'
import { openEmbedded } from '../../../../src/targets/embedded/embedded-target.js'
import { connectHasura } from '../../../../src/targets/hasura/index.js'
import { connectPostgres } from '../../../../src/targets/postgres/postgres-target.js'
import type { Target } from '../../../../src/targets/target.js'
import { createDatabase } from '../../../support/database.js'
import { startHasuraServer } from '../../../support/hasura-server/index.js'

export type Row = Record<string, unknown>

export interface OpenedDatabase {
  target: Target
  /** One statement on the same database (a separate connection where there can be one). */
  sql(text: string, params?: unknown[]): Promise<Row[]>
  /** Several statements (setup). */
  exec(text: string): Promise<void>
  /** A second, independent target on the same database (not for the embedded one). */
  another?(configVersion?: 1 | 2 | 3): Promise<Target>
  url?: string
  close(): Promise<void>
}

export interface TargetHarness {
  name: string
  /** Several sessions on one database: races and killed connections can be tested. */
  concurrent: boolean
  /**
   * Every database name is a database of its own (the embedded target): a state another source's
   * name keeps in this database's Hasura catalog is not what that source reads.
   */
  databasePerName?: boolean
  open(options?: { configVersion?: 1 | 2 | 3; timeoutMs?: number }): Promise<OpenedDatabase>
  /** What `info.serverVersion` looks like. */
  serverVersion: RegExp
  /**
   * Over SQL the target needs no Hasura: config 1 (and its YAML steps) and config 3 with the catalog
   * in the database itself. A Hasura v2 server refuses config 1, and keeps config 3's catalog in its
   * own metadata database.
   */
  sqlOnly: boolean
}

export const postgresHarness: TargetHarness = {
  name: 'postgres',
  concurrent: true,
  serverVersion: /^PostgreSQL \d+\.\d+/,
  sqlOnly: true,
  async open({ configVersion = 2, timeoutMs = 30_000 } = {}) {
    const db = await createDatabase('tgt')
    const targets: Target[] = []
    const make = async (cv = configVersion): Promise<Target> => {
      const t = await connectPostgres({
        url: db.url,
        configVersion: cv,
        timeoutMs,
        applicationName: 'hma-test',
      })
      targets.push(t)
      return t
    }
    const target = await make()
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    return {
      target,
      url: db.url,
      sql: async (text, params) => (await client.query<Row>(text, params)).rows,
      exec: async (text) => {
        await client.query(text)
      },
      another: make,
      async close() {
        for (const t of targets) await t.close()
        await client.end()
        await db.drop()
      },
    }
  },
}

export const embeddedHarness: TargetHarness = {
  name: 'embedded',
  concurrent: false,
  serverVersion: /^PostgreSQL \d+\.\d+/,
  sqlOnly: true,
  databasePerName: true,
  async open({ configVersion = 2, timeoutMs = 30_000 } = {}) {
    // no contrib extension: the contract needs none, and each one loaded slows every start
    const { target, session } = await openEmbedded({ configVersion, timeoutMs, extensions: [] })
    return {
      target,
      sql: (text, params) => session.query(text, params),
      exec: async (text) => {
        const outcome = await session.script(text)
        if (outcome.error) throw new Error(outcome.error.message)
      },
      close: () => target.close(),
    }
  },
}

/** The repository's Hasura test server on a database of its own, its metadata in another (as on Hasura Cloud). */
export const hasuraHarness: TargetHarness = {
  name: 'hasura',
  concurrent: true,
  serverVersion: /^v\d+\.\d+/,
  sqlOnly: false,
  async open({ configVersion = 2, timeoutMs = 30_000 } = {}) {
    const db = await createDatabase('tgt')
    const metadata = await createDatabase('meta')
    const server = await startHasuraServer({ databaseUrl: db.url, metadataDatabaseUrl: metadata.url })
    const targets: Target[] = []
    const client = new pg.Client({ connectionString: db.url })
    const make = async (cv = configVersion): Promise<Target> => {
      const t = await connectHasura({
        endpoint: server.url,
        configVersion: cv,
        timeoutMs,
        retryDelaysMs: [20],
      })
      targets.push(t)
      return t
    }
    try {
      await client.connect()
      const target = await make()
      return {
        target,
        url: db.url,
        sql: async (text, params) => (await client.query<Row>(text, params)).rows,
        exec: async (text) => {
          await client.query(text)
        },
        another: make,
        async close() {
          for (const t of targets) await t.close()
          await client.end()
          await server.close()
          await db.drop()
          await metadata.drop()
        },
      }
    } catch (e) {
      await client.end().catch(() => undefined)
      await server.close()
      await db.drop()
      await metadata.drop()
      throw e
    }
  },
}

/**
 * Everything a migration can leave in a database, as sorted lines: schemas, relations, columns,
 * indexes, constraints, functions, extensions. Equal snapshots = the same schema.
 */
export const SNAPSHOT_SQL = `
SELECT string_agg(line, E'\\n' ORDER BY line) AS snapshot FROM (
  SELECT 'schema ' || nspname AS line FROM pg_namespace
   WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'
  UNION ALL
  SELECT format('rel %s.%s %s', n.nspname, c.relname, c.relkind) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  UNION ALL
  SELECT format('col %s.%s.%s %s %s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  UNION ALL
  SELECT format('constraint %s %s', conname, pg_get_constraintdef(co.oid)) FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT format('function %s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT 'extension ' || extname FROM pg_extension
) lines`

export async function snapshot(db: OpenedDatabase): Promise<string> {
  const [row] = await db.sql(SNAPSHOT_SQL)
  return typeof row?.snapshot === 'string' ? row.snapshot : ''
}

/** `hdb_catalog.schema_migrations` rows as `version:dirty`, or null when the table does not exist. */
export async function stateRows(db: OpenedDatabase): Promise<string[] | null> {
  const [exists] = await db.sql("SELECT to_regclass('hdb_catalog.schema_migrations') IS NOT NULL AS present")
  if (exists?.present !== true) return null
  const rows = await db.sql(
    'SELECT version::text AS v, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
  )
  return rows.map((r) => `${String(r.v)}:${String(r.dirty)}`)
}

export async function relationExists(db: OpenedDatabase, name: string): Promise<boolean> {
  const [row] = await db.sql('SELECT to_regclass($1) IS NOT NULL AS present', [name])
  return row?.present === true
}

/**
 * Hasura v2's catalog row as its metadata database has it (server `initialise.sql` and pg_dumps of v2
 * metadata databases: `gen_hasura_uuid()` default, one-row index).
 */
export const HASURA_CATALOG_SQL = `
CREATE SCHEMA IF NOT EXISTS hdb_catalog;
CREATE FUNCTION hdb_catalog.gen_hasura_uuid() RETURNS uuid LANGUAGE sql AS $$select gen_random_uuid()$$;
CREATE TABLE hdb_catalog.hdb_version (
    hasura_uuid uuid DEFAULT hdb_catalog.gen_hasura_uuid() NOT NULL PRIMARY KEY,
    version text NOT NULL,
    upgraded_on timestamp with time zone NOT NULL,
    cli_state jsonb DEFAULT '{}'::jsonb NOT NULL,
    console_state jsonb DEFAULT '{}'::jsonb NOT NULL
);
CREATE UNIQUE INDEX hdb_version_one_row ON hdb_catalog.hdb_version((version IS NOT NULL));
INSERT INTO hdb_catalog.hdb_version (version, upgraded_on) VALUES ('48', now());`
