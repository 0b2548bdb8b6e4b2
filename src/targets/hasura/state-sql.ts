/**
 * The SQL that reads and writes migration state inside a database, for the three places it lives:
 * - `schema-migrations`: `hdb_catalog.schema_migrations` (+ `migration_settings`), config 1/2 (§4.2–§4.3);
 * - `catalog-in-source`: config 3 when the database also holds Hasura's catalog: `cli_state` of the
 *   `hdb_catalog.hdb_version` row, changed in SQL with the row locked and every other key kept (§4.4);
 * - `catalog-with-ledger`: config 3 with a separate metadata database: the catalog is written with
 *   `set_catalog_state` after the transaction, and `hasura_migrate_action.ledger` (LEDGER.md) records each
 *   change inside it, so a crash in between is completed, never re-run.
 */
import { LOCK_NAMESPACE, lockTimeoutMs } from '../lock.js'
import { RESTORE_SETTINGS } from '../step-parts.js'
import { ENSURE_LEDGER_SQL } from '../../drift/ledger.js'
import { dollarTag, lit, xmlCellJson } from './sql-text.js'

export type StoreKind = 'schema-migrations' | 'catalog-in-source' | 'catalog-with-ledger'

/** Messages our own statements raise; the client recognises them in Hasura's `postgres-error`. */
export const SIGNALS = {
  stateChanged: 'hasura-migrate-action:state-changed',
  migrationModeDisabled: 'hasura-migrate-action:migration-mode-disabled',
  notRecorded: 'hasura-migrate-action:state-not-recorded',
  rehearsal: 'hasura-migrate-action:rehearsal-rollback',
  captured: 'hasura-migrate-action:before-commit',
} as const

/**
 * The run's lock, then a lock on the catalogs we look names up in: taking a relation lock makes the backend
 * process pending catalog invalidations, so objects another run committed while we waited (the ledger's
 * schema, the CLI's tables) are seen — waiting on an advisory lock alone leaves stale negative cache
 * entries, and CREATE … IF NOT EXISTS would then fail with a duplicate key.
 */
export const lockSql = (database: string, timeoutMs?: number): string => {
  const ms = timeoutMs === undefined ? undefined : Math.max(1, Math.round(timeoutMs))
  // lock_timeout bounds the wait for the run's lock (55P03); statement_timeout is set after it, for the rest.
  return [
    ...(ms ? [`SET LOCAL lock_timeout = ${ms}`] : []),
    `SELECT pg_advisory_xact_lock(hashtext(${lit(LOCK_NAMESPACE)}), hashtext(${lit(database)}))`,
    // then a lock wait in a migration gives up a little before the statement limit (`lockTimeoutMs`)
    ...(ms ? [`SET LOCAL statement_timeout = ${ms}`, `SET LOCAL lock_timeout = ${lockTimeoutMs(ms)}`] : []),
    'LOCK TABLE pg_catalog.pg_namespace, pg_catalog.pg_class, pg_catalog.pg_type IN ACCESS SHARE MODE',
  ].join(';\n')
}

/** Ends what a migration file set for the session, then sets the run's limits again (as lockSql does). */
export const restoreSettingsSql = (timeoutMs?: number): string => {
  const ms = timeoutMs === undefined ? undefined : Math.max(1, Math.round(timeoutMs))
  return [
    RESTORE_SETTINGS,
    ...(ms ? [`SET LOCAL statement_timeout = ${ms}`, `SET LOCAL lock_timeout = ${lockTimeoutMs(ms)}`] : []),
  ].join(';\n')
}

/**
 * The `timeout` input also binds the server (lockSql): it gives up on a statement or a lock wait about when
 * the client would, instead of committing long after a reported timeout. The HTTP deadline of such a
 * request is a little later, so that the server's own error is what we report.
 */
export const deadline = (timeoutMs: number): number => timeoutMs + Math.max(1000, Math.round(timeoutMs / 10))

/** Ends a rehearsal: the error rolls everything back, and tells us all before it succeeded. */
export const SENTINEL_SQL = `DO $hma$ BEGIN RAISE EXCEPTION '${SIGNALS.rehearsal}' USING ERRCODE = 'P0001'; END $hma$`

const raise = (signal: string, detail: string): string =>
  `RAISE EXCEPTION '${signal}' USING ERRCODE = 'P0001', DETAIL = ${lit(detail)};`

function doBlock(body: string, declare = ''): string {
  const tag = dollarTag(body)
  return `DO ${tag}${declare ? ` DECLARE ${declare}` : ''} BEGIN\n${body}\nEND ${tag}`
}

const versionList = (vs: bigint[]): string => vs.map((v) => v.toString()).join(', ')
const keyArray = (vs: bigint[]): string => `ARRAY[${vs.map((v) => lit(v.toString())).join(', ')}]::text[]`

export const LEDGER_TABLE = 'hasura_migrate_action.ledger'
/** One row while a run writes the catalog state: runs of this action take turns (LEDGER.md). */
export const CATALOG_WRITER_TABLE = 'hasura_migrate_action.catalog_writer'

/** The ledger (every column: LEDGER.md) and the catalog-writer lease, created or completed. */
export const LEDGER_DDL = `${ENSURE_LEDGER_SQL};
CREATE TABLE IF NOT EXISTS ${CATALOG_WRITER_TABLE} (
  id int PRIMARY KEY CHECK (id = 1),
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
)`

/** What identifies a ledger row's content for the optimistic check (`run_id` changes on every write). */
export const LEDGER_FINGERPRINT = `md5(concat_ws('|', l.version, l.applied, l.dirty, l.run_id, l.recorded))`

// ---- reading: one read-only statement that never fails on a missing table ---------------------------

/**
 * `query_to_xml` runs its query only when CASE reaches it, so a table that does not exist is simply NULL
 * and one read-only request reads everything (a plain reference to a missing table fails the statement).
 */
function ifTable(regclass: string, query: string): string {
  return `CASE WHEN to_regclass(${lit(regclass)}) IS NULL THEN NULL ELSE query_to_xml(${lit(query)}, true, true, '')::text END`
}

export function probeSql(database: string, withCatalog: boolean): string {
  const cols = [
    `${ifTable('hdb_catalog.schema_migrations', `SELECT coalesce(json_agg(json_build_array(version::text, dirty)), '[]')::text AS j FROM hdb_catalog.schema_migrations`)} AS sm`,
    `${ifTable('hdb_catalog.migration_settings', `SELECT json_build_array(value)::text AS j FROM hdb_catalog.migration_settings WHERE setting = 'migration_mode'`)} AS mm`,
  ]
  if (withCatalog) {
    cols.push(
      `${ifTable('hdb_catalog.hdb_version', `SELECT json_build_object('id', hasura_uuid::text, 'cli_state', cli_state)::text AS j FROM hdb_catalog.hdb_version`)} AS hv`,
      `${ifTable(
        LEDGER_TABLE,
        `SELECT coalesce(json_agg(json_build_object('version', version::text, 'name', name, 'applied', applied, 'dirty', dirty, 'recorded', recorded, 'run_id', run_id, 'fp', ${LEDGER_FINGERPRINT})), '[]')::text AS j FROM ${LEDGER_TABLE} l WHERE database = ${lit(database)}`,
      )} AS lg`,
    )
  }
  return `SELECT ${cols.join(',\n  ')}`
}

export { xmlCellJson }

// ---- writing --------------------------------------------------------------------------------------

/** A version's state: not recorded, recorded clean, or recorded dirty (a no-transaction file under way). */
export type VersionMark = 'absent' | 'applied' | 'dirty'

/** One state change a transaction makes, with what it expects to find. */
export interface Change {
  version: bigint
  name: string
  sha256?: string
  from: VersionMark
  to: VersionMark
}

export const markOf = (versions: Map<bigint, boolean>, v: bigint): VersionMark =>
  !versions.has(v) ? 'absent' : versions.get(v) ? 'dirty' : 'applied'

const byMark = (changes: Change[], pick: (c: Change) => VersionMark, mark: VersionMark): bigint[] =>
  changes.filter((c) => pick(c) === mark).map((c) => c.version)

export interface GuardContext {
  database: string
  /** catalog-in-source: the hdb_version row, and whether the CLI's one-off state copy was done. */
  catalogId?: string
  copyCompleted?: boolean
  /** catalog-with-ledger: fingerprints of the changed versions' ledger rows, as read before the run. */
  ledgerFingerprints?: Record<string, string>
}

const SETTINGS_DDL = `IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'hdb_catalog') THEN
  CREATE SCHEMA hdb_catalog;
END IF;
IF to_regclass('hdb_catalog.schema_migrations') IS NULL THEN
  CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null);
END IF;
IF to_regclass('hdb_catalog.migration_settings') IS NULL THEN
  CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null);
  INSERT INTO hdb_catalog.migration_settings (setting, value) VALUES ('migration_mode', 'true');
END IF;`

/** Conditions that are true when the recorded state differs from `pick(change)` for some change. */
function differs(
  kind: StoreKind,
  database: string,
  changes: Change[],
  pick: (c: Change) => VersionMark,
  catalogId?: string,
): string[] {
  const absent = byMark(changes, pick, 'absent')
  const applied = byMark(changes, pick, 'applied')
  const dirty = byMark(changes, pick, 'dirty')
  const conds: string[] = []
  if (kind === 'schema-migrations') {
    const sm = 'hdb_catalog.schema_migrations'
    if (absent.length) conds.push(`EXISTS (SELECT 1 FROM ${sm} WHERE version IN (${versionList(absent)}))`)
    if (applied.length) {
      conds.push(
        `(SELECT count(*) FROM ${sm} WHERE NOT dirty AND version IN (${versionList(applied)})) <> ${applied.length}`,
      )
    }
    if (dirty.length) {
      conds.push(
        `(SELECT count(*) FROM ${sm} WHERE dirty AND version IN (${versionList(dirty)})) <> ${dirty.length}`,
      )
    }
    return conds
  }
  const mig = `(SELECT coalesce(cli_state->'migrations'->${lit(database)}, '{}'::jsonb) FROM hdb_catalog.hdb_version WHERE hasura_uuid = ${lit(catalogId ?? '')}::uuid)`
  if (absent.length) conds.push(`coalesce(${mig} ?| ${keyArray(absent)}, true)`)
  if (applied.length) conds.push(`NOT coalesce(${mig} ?& ${keyArray(applied)}, false)`)
  for (const v of dirty) conds.push(`(${mig}->${lit(v.toString())}) IS DISTINCT FROM 'true'::jsonb`)
  return conds
}

/**
 * The statement after the lock: creates the CLI's tables where missing (exactly its definitions), checks
 * migration mode, and re-checks under the lock that every version the run changes is still as it was
 * read — otherwise the transaction fails with \`state-changed\` and the run re-plans.
 */
export function guardSql(kind: StoreKind, g: GuardContext, changes: Change[]): string {
  const changed = (conds: string[]): string =>
    conds.length
      ? `IF ${conds.join('\n  OR ')} THEN\n  ${raise(SIGNALS.stateChanged, 'the state of a planned version changed')}\nEND IF;`
      : ''
  if (kind === 'schema-migrations') {
    return doBlock(
      [
        SETTINGS_DDL,
        `IF coalesce((SELECT value FROM hdb_catalog.migration_settings WHERE setting = 'migration_mode'), 'true') <> 'true' THEN
  ${raise(SIGNALS.migrationModeDisabled, 'hdb_catalog.migration_settings')}
END IF;`,
        changed(differs(kind, g.database, changes, (c) => c.from)),
      ].join('\n'),
    )
  }
  if (kind === 'catalog-in-source') {
    return doBlock(
      [
        `SELECT cli_state INTO st FROM hdb_catalog.hdb_version WHERE hasura_uuid = ${lit(g.catalogId ?? '')}::uuid FOR UPDATE;
IF NOT FOUND THEN
  ${raise(SIGNALS.stateChanged, 'the hdb_version row changed')}
END IF;
IF coalesce(st#>>'{settings,migration_mode}', 'true') <> 'true' THEN
  ${raise(SIGNALS.migrationModeDisabled, 'cli_state.settings.migration_mode')}
END IF;
IF coalesce((st->>'isStateCopyCompleted') = 'true', false) <> ${g.copyCompleted ? 'true' : 'false'} THEN
  ${raise(SIGNALS.stateChanged, 'isStateCopyCompleted changed')}
END IF;`,
        changed(differs(kind, g.database, changes, (c) => c.from, g.catalogId)),
      ].join('\n'),
      'st jsonb;',
    )
  }
  const versions = changes.map((c) => c.version)
  const snapshot = JSON.stringify(g.ledgerFingerprints ?? {})
  const current = versions.length
    ? `coalesce((SELECT jsonb_object_agg(l.version::text, ${LEDGER_FINGERPRINT}) FROM ${LEDGER_TABLE} l WHERE l.database = ${lit(g.database)} AND l.version IN (${versionList(versions)})), '{}'::jsonb)`
    : `'{}'::jsonb`
  return `${LEDGER_DDL};\n${doBlock(`IF ${current} <> ${lit(snapshot)}::jsonb THEN
  ${raise(SIGNALS.stateChanged, 'the ledger rows of the planned versions changed')}
END IF;`)}`
}

/** Records one change in the step's transaction (schema_migrations, ledger; the catalog row changes once, at the end). */
export function recordSql(
  kind: StoreKind,
  database: string,
  c: Change,
  runId: string,
  runUrl?: string,
): string {
  if (kind === 'schema-migrations') {
    const sm = 'hdb_catalog.schema_migrations'
    if (c.to === 'absent') return `DELETE FROM ${sm} WHERE version = ${c.version}`
    // The legacy CLI's plain INSERT (§4.2 InsertVersion), not SetVersion's upsert: a version recorded
    // behind our back fails the transaction instead of being applied twice.
    if (c.from === 'absent')
      return `INSERT INTO ${sm} (version, dirty) VALUES (${c.version}, ${c.to === 'dirty'})`
    return `UPDATE ${sm} SET dirty = ${c.to === 'dirty'} WHERE version = ${c.version}`
  }
  if (kind === 'catalog-with-ledger') {
    const applied = c.to !== 'absent'
    return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, applied, dirty, applied_at, run_url, run_id, recorded)
VALUES (${lit(database)}, ${c.version}, ${lit(c.name)}, ${c.sha256 ? lit(c.sha256) : 'NULL'}, ${applied}, ${c.to === 'dirty'}, now(), ${runUrl ? lit(runUrl) : 'NULL'}, ${lit(runId)}, false)
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256, applied = EXCLUDED.applied,
  dirty = EXCLUDED.dirty, applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, recorded = false`
  }
  return ''
}

/** The one \`hdb_version\` row, changed in place: settings filled as the CLI does, copy flag set, versions added/removed. */
export function catalogUpdateSql(
  database: string,
  catalogId: string,
  changes: Change[],
  migrationMode: string,
  copied: Map<bigint, boolean> = new Map(),
): string {
  const db = lit(database)
  const addEntries: [string, boolean][] = [...copied].map(([v, d]) => [v.toString(), d])
  for (const c of changes) if (c.to !== 'absent') addEntries.push([c.version.toString(), c.to === 'dirty'])
  const remove = changes.filter((c) => c.to === 'absent').map((c) => c.version)
  const obj = (expr: string): string =>
    `(CASE WHEN jsonb_typeof(${expr}) = 'object' THEN ${expr} ELSE '{}'::jsonb END)`
  const migrations = obj(`cli_state->'migrations'`)
  const mine = obj(`cli_state->'migrations'->${db}`)
  const settings = obj(`cli_state->'settings'`)
  const removed = remove.length ? ` - ${keyArray(remove)}` : ''
  return `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(jsonb_set(jsonb_set(cli_state,
    '{settings}', ${settings} || jsonb_build_object('migration_mode', coalesce(cli_state#>'{settings,migration_mode}', to_jsonb(${lit(migrationMode)}::text)))),
    '{isStateCopyCompleted}', 'true'::jsonb),
    '{migrations}', ${migrations} || jsonb_build_object(${db}, (${mine} || ${lit(JSON.stringify(Object.fromEntries(addEntries)))}::jsonb)${removed}))
  WHERE hasura_uuid = ${lit(catalogId)}::uuid`
}

/**
 * Last statement of every writing transaction: the state must now say exactly what this run recorded.
 * A file ending inside an unterminated string or comment could otherwise swallow our state statements.
 */
export function verifySql(
  kind: StoreKind,
  database: string,
  changes: Change[],
  runId: string,
  catalogId?: string,
): string {
  if (!changes.length) return ''
  let conds: string[]
  if (kind === 'catalog-with-ledger') {
    conds = [
      `(SELECT count(*) FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND run_id = ${lit(runId)} AND version IN (${versionList(changes.map((c) => c.version))})) <> ${changes.length}`,
    ]
  } else conds = differs(kind, database, changes, (c) => c.to, catalogId)
  return doBlock(`IF ${conds.join('\n  OR ')} THEN
  ${raise(SIGNALS.notRecorded, 'the state statements of this run did not take effect')}
END IF;`)
}

/**
 * Takes (or renews) the catalog-writer lease for `holder` and returns, in the same request, whether it is
 * ours and the database's unrecorded ledger rows as they are now.
 */
export function leaseSql(database: string, holder: string, leaseMs: number): string {
  return `INSERT INTO ${CATALOG_WRITER_TABLE} AS w (id, holder, expires_at)
VALUES (1, ${lit(holder)}, clock_timestamp() + ${Math.max(1, Math.round(leaseMs))} * interval '1 millisecond')
ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
  WHERE w.expires_at < clock_timestamp() OR w.holder = EXCLUDED.holder;
SELECT coalesce((SELECT holder = ${lit(holder)} FROM ${CATALOG_WRITER_TABLE} WHERE id = 1), false) AS acquired,
  (SELECT coalesce(json_agg(json_build_object('version', version::text, 'name', name, 'applied', applied, 'dirty', dirty,
     'recorded', recorded, 'run_id', run_id, 'fp', ${LEDGER_FINGERPRINT})), '[]')
   FROM ${LEDGER_TABLE} l WHERE database = ${lit(database)} AND NOT recorded)::text AS rows`
}

export const releaseSql = (holder: string): string =>
  `DELETE FROM ${CATALOG_WRITER_TABLE} WHERE holder = ${lit(holder)}`

/** Marks the ledger rows whose content is now in the catalog state; rolled-back rows are then gone. */
export function ledgerMarkSql(
  database: string,
  rows: { version: bigint; runId: string; applied: boolean }[],
): string {
  const db = lit(database)
  const pairs = (rs: typeof rows): string => rs.map((r) => `(${r.version}, ${lit(r.runId)})`).join(', ')
  const applied = rows.filter((r) => r.applied)
  const removed = rows.filter((r) => !r.applied)
  const out: string[] = []
  if (applied.length) {
    out.push(
      `UPDATE ${LEDGER_TABLE} SET recorded = true WHERE database = ${db} AND (version, run_id) IN (${pairs(applied)})`,
    )
  }
  if (removed.length) {
    out.push(
      `DELETE FROM ${LEDGER_TABLE} WHERE database = ${db} AND (version, run_id) IN (${pairs(removed)})`,
    )
  }
  return out.join(';\n')
}

/** Server-side step timings: a mark after each step, read back by the transaction's last statement. */
export const MARK_SQL = `SELECT set_config('hasura_migrate_action.marks', coalesce(current_setting('hasura_migrate_action.marks', true), '') || ' ' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint, true)`
export const READ_MARKS_SQL = `SELECT current_setting('hasura_migrate_action.marks', true) AS marks`

/**
 * Ends a rehearsal like SENTINEL_SQL, carrying the one text cell `sql` answers in the error's detail:
 * a read inside a transaction that Hasura's `run_sql` commits on its own can only come back this way.
 */
export function captureSql(sql: string): string {
  const body = `EXECUTE ${lit(sql)} INTO r;
RAISE EXCEPTION '${SIGNALS.captured}' USING ERRCODE = 'P0001', DETAIL = coalesce(r, '');`
  return doBlock(body, 'r text;')
}
