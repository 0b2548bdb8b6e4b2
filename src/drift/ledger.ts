/**
 * The action's ledger, `hasura_migrate_action.ledger`, on every SQL target (PostgreSQL, the embedded
 * database, Hasura through `run_sql`): one row per applied version with the SHA-256 of its up file, plus one
 * row for the metadata the server reported after the action applied it. Design and columns: LEDGER.md.
 *
 * Every statement here is one self-contained statement (literals, no parameters), so it can travel in a
 * migration's own query, a script, or a `run_sql` body, and runs in the caller's transaction.
 */
import { createHash } from 'node:crypto'
import { dollarTag, lit, xmlCellJson } from '../targets/hasura/sql-text.js'

export const LEDGER_SCHEMA = 'hasura_migrate_action'
export const LEDGER_TABLE = `${LEDGER_SCHEMA}.ledger`

/**
 * The metadata row's key: Hasura source names are never empty, so `database = ''` cannot be a
 * migration's, and the Hasura target, which reads only its own source's rows, never sees it.
 */
export const METADATA_DATABASE = ''
export const METADATA_VERSION = 0n

/**
 * A verified schema's row, one per database, also under `database = ''` (so no source's rows include it,
 * and a release that reads only version rows skips it): its version is derived from the database's name,
 * never 0 and below 2^53 (the row is read through JSON), and its `name` is the database's, which a read checks.
 */
export function verifiedSchemaVersion(database: string): bigint {
  return BigInt(`0x${createHash('sha256').update(database, 'utf8').digest('hex').slice(0, 12)}`) + 1n
}

/** What a row's `sha256` is the hash of; absent (NULL) in rows written before this column existed. */
export type HashOrigin =
  /** The up file that ran (every row written when a version is applied). */
  | 'applied'
  /** The local file when the ledger first met a version applied without it (by the CLI, or before the ledger). */
  | 'adopted'
  /** The local file, re-recorded after its edit was acknowledged (`accept-edited-migrations`). */
  | 'accepted'

/** Columns added after the table's first release, each nullable: `ADD COLUMN` keeps existing rows. */
const ADDED_COLUMNS: readonly (readonly [name: string, type: string])[] = [
  ['sha256_origin', 'text'],
  ['git_commit', 'text'],
  ['resource_version', 'bigint'],
  ['applied_set_sha256', 'text'],
]

const TABLE_BODY = `database text NOT NULL,
  version bigint NOT NULL,
  name text NOT NULL,
  sha256 text,
  applied boolean NOT NULL,
  dirty boolean NOT NULL DEFAULT false,
  applied_at timestamptz NOT NULL DEFAULT now(),
  run_url text,
  run_id text NOT NULL,
  recorded boolean NOT NULL DEFAULT false,
  ${ADDED_COLUMNS.map(([n, t]) => `${n} ${t}`).join(',\n  ')},
  PRIMARY KEY (database, version)`

const relationExists = (name: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ${lit(LEDGER_SCHEMA)} AND c.relname = ${lit(name)})`

/** Read from the catalog tables, not through `regclass`: a run that waited for the lock may hold stale name caches. */
const columnExists = (column: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ${lit(LEDGER_SCHEMA)} AND c.relname = 'ledger'
              AND a.attname = ${lit(column)} AND NOT a.attisdropped)`

/**
 * Creates the schema and table, or adds the columns an older table lacks; a no-op (and no lock on the
 * table) when all is there. One DO block: one statement on every driver. Run it under the run's lock.
 */
export const ENSURE_LEDGER_SQL = (() => {
  const body = `IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ${lit(LEDGER_SCHEMA)}) THEN
  CREATE SCHEMA ${LEDGER_SCHEMA};
END IF;
IF NOT ${relationExists('ledger')} THEN
  CREATE TABLE ${LEDGER_TABLE} (
  ${TABLE_BODY}
  );
ELSE
${ADDED_COLUMNS.map(
  ([n, t]) => `  IF NOT ${columnExists(n)} THEN
    ALTER TABLE ${LEDGER_TABLE} ADD COLUMN ${n} ${t};
  END IF;`,
).join('\n')}
END IF;`
  const tag = dollarTag(body)
  return `DO ${tag} BEGIN\n${body}\nEND ${tag}`
})()

/** The SHA-256 (hex) of a file's text as the action reads it (UTF-8): what every ledger row records. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export interface RunIdentity {
  /** One id per run (the Hasura target's `run_id`). */
  runId: string
  /** The workflow run's URL. */
  runUrl?: string
  /** The commit the run applied (`GITHUB_SHA`). */
  commit?: string
}

export interface VersionRecord extends RunIdentity {
  database: string
  version: bigint
  name: string
  /** `sha256Hex` of the up file. */
  sha256: string
  /** A no-transaction file under way. */
  dirty?: boolean
  /**
   * Whether the CLI's state already holds the version when this commits: true wherever the state is
   * written in the same transaction (`schema_migrations`, a catalog in the migrated database); false for a
   * catalog behind `set_catalog_state`, whose rows the Hasura target marks after it (LEDGER.md).
   */
  recorded: boolean
  origin?: HashOrigin
}

const orNull = (s: string | undefined): string => (s === undefined ? 'NULL' : lit(s))

/** Records an applied version (or re-records its hash) in the caller's transaction. */
export function recordVersionSql(r: VersionRecord): string {
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit)
VALUES (${lit(r.database)}, ${r.version}, ${lit(r.name)}, ${lit(r.sha256)}, ${lit(r.origin ?? 'applied')}, true, ${r.dirty === true}, now(), ${orNull(r.runUrl)}, ${lit(r.runId)}, ${r.recorded}, ${orNull(r.commit)})
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256,
  sha256_origin = EXCLUDED.sha256_origin, applied = true, dirty = EXCLUDED.dirty, applied_at = EXCLUDED.applied_at,
  run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, recorded = EXCLUDED.recorded, git_commit = EXCLUDED.git_commit`
}

/**
 * Rolling a version back removes its row, in the rollback's transaction. Only for targets whose state is
 * written in that transaction: the Hasura target with a separate metadata database writes an
 * `applied = false` row instead and deletes it once the catalog state no longer holds the version.
 */
export const removeVersionSql = (database: string, version: bigint): string =>
  `DELETE FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND version = ${version}`

/**
 * Rows of versions the CLI's state no longer holds (rolled back or deleted with the Hasura CLI), which
 * would otherwise judge a later re-apply by the old file. Recorded rows only: an unrecorded one is a
 * commit the catalog state has yet to hear of (LEDGER.md).
 */
export function removeStaleSql(database: string, versions: readonly bigint[]): string {
  if (versions.length === 0) return ''
  return `DELETE FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND recorded
  AND version IN (${versions.map((v) => v.toString()).join(', ')})`
}

/**
 * Records the hash of versions the ledger meets already applied (trust on first use): reported once as
 * unverified, then verified like any other. Never overwrites a row.
 */
export function adoptVersionsSql(
  database: string,
  files: readonly { version: bigint; name: string; sha256: string }[],
  run: RunIdentity,
): string {
  if (files.length === 0) return ''
  const rows = files.map(
    (f) =>
      `(${lit(database)}, ${f.version}, ${lit(f.name)}, ${lit(f.sha256)}, 'adopted', true, false, now(), ${orNull(run.runUrl)}, ${lit(run.runId)}, true, ${orNull(run.commit)})`,
  )
  return `INSERT INTO ${LEDGER_TABLE} (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit)
VALUES ${rows.join(',\n  ')}
ON CONFLICT (database, version) DO NOTHING`
}

/**
 * Re-records the hash of versions whose edit the user acknowledged. Only the hash, its origin and the run
 * change: `recorded`, `applied` and `dirty` are the state's business.
 */
export function acceptEditsSql(
  database: string,
  files: readonly { version: bigint; sha256: string }[],
  run: RunIdentity,
): string {
  return files
    .map(
      (
        f,
      ) => `UPDATE ${LEDGER_TABLE} SET sha256 = ${lit(f.sha256)}, sha256_origin = 'accepted', run_url = ${orNull(run.runUrl)}, git_commit = ${orNull(run.commit)}
  WHERE database = ${lit(database)} AND version = ${f.version}`,
    )
    .join(';\n')
}

export interface MetadataRecord extends RunIdentity {
  /** `metadataDigest` of the server's `export_metadata` after applying. */
  digest: string
  /** The server's `resource_version` that export answered with. */
  resourceVersion?: number
}

/** Records what the server reported after the action applied the metadata (one row, replaced each time). */
export function recordMetadataSql(m: MetadataRecord): string {
  const rv = m.resourceVersion === undefined ? 'NULL' : String(Math.trunc(m.resourceVersion))
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit, resource_version)
VALUES (${lit(METADATA_DATABASE)}, ${METADATA_VERSION}, 'metadata', ${lit(m.digest)}, 'applied', true, false, now(), ${orNull(m.runUrl)}, ${lit(m.runId)}, true, ${orNull(m.commit)}, ${rv})
ON CONFLICT (database, version) DO UPDATE SET sha256 = EXCLUDED.sha256, sha256_origin = EXCLUDED.sha256_origin,
  applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, git_commit = EXCLUDED.git_commit,
  resource_version = EXCLUDED.resource_version`
}

/** How a verified schema's digest was vouched for: a drift check's replay, or an apply after a clean check. */
export type VerifiedBy = 'replay' | 'apply'

export interface VerifiedSchemaRecord extends RunIdentity {
  database: string
  /** `schemaDigest` of the target's snapshot. */
  schemaDigest: string
  /** `appliedSetDigest` of the applied versions' up files it was verified against. */
  appliedDigest: string
  by: VerifiedBy
}

/**
 * Records a target schema that a replay of the applied versions vouched for (one row per database,
 * replaced each time): a later check that finds the same two digests needs no replay.
 */
export function recordVerifiedSchemaSql(r: VerifiedSchemaRecord): string {
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit, applied_set_sha256)
VALUES (${lit(METADATA_DATABASE)}, ${verifiedSchemaVersion(r.database)}, ${lit(r.database)}, ${lit(r.schemaDigest)}, ${lit(r.by)}, true, false, now(), ${orNull(r.runUrl)}, ${lit(r.runId)}, true, ${orNull(r.commit)}, ${lit(r.appliedDigest)})
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256,
  sha256_origin = EXCLUDED.sha256_origin, applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url,
  run_id = EXCLUDED.run_id, git_commit = EXCLUDED.git_commit, applied_set_sha256 = EXCLUDED.applied_set_sha256`
}

// ---- reading ------------------------------------------------------------------------------------

/** Runs one statement that answers one row of one text cell, and returns that text. */
export type TextQuery = (sql: string) => Promise<string>

/** One migration row as integrity checks read it. */
export interface LedgerEntry {
  version: bigint
  name: string
  sha256?: string
  /** `applied` for rows written before the origin was recorded. */
  origin: HashOrigin
  applied: boolean
  dirty: boolean
  recorded: boolean
  appliedAt?: string
  runUrl?: string
  commit?: string
}

/** The metadata row as read back. */
export interface RecordedMetadata {
  digest: string
  resourceVersion?: number
  appliedAt?: string
  runUrl?: string
  commit?: string
}

/** The database's verified schema row as read back. */
export interface VerifiedSchema {
  schemaDigest: string
  appliedDigest: string
  by: VerifiedBy
  checkedAt?: string
  runUrl?: string
  commit?: string
}

export interface LedgerContents {
  /** Whether the table exists at all (a database the action never wrote to has none). */
  exists: boolean
  entries: LedgerEntry[]
  metadata?: RecordedMetadata
  verifiedSchema?: VerifiedSchema
}

/**
 * One read-only statement: `database`'s rows and the metadata row. `to_jsonb` of the row reads a table
 * of any release alike (a column it lacks is simply absent), and `query_to_xml` runs the inner query only
 * when the table exists, so a database without one answers instead of failing.
 */
export function readLedgerSql(database: string): string {
  const inner = `SELECT coalesce(json_agg(to_jsonb(l)), '[]')::text AS j FROM ${LEDGER_TABLE} l
 WHERE l.database IN (${lit(database)}, ${lit(METADATA_DATABASE)})`
  return `SELECT coalesce(CASE WHEN ${relationExists('ledger')} THEN query_to_xml(${lit(inner)}, true, true, '')::text END, '') AS ledger`
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const ORIGINS: readonly HashOrigin[] = ['applied', 'adopted', 'accepted']

/** Parses what `readLedgerSql` answered. Rows that are not versions (none are written so) are skipped. */
export function parseLedger(cell: string, database: string): LedgerContents {
  const rows = xmlCellJson(cell)
  if (!Array.isArray(rows)) return { exists: cell !== '', entries: [] }
  const out: LedgerContents = { exists: true, entries: [] }
  for (const raw of rows as Record<string, unknown>[]) {
    const version =
      typeof raw.version === 'number' || typeof raw.version === 'string' ? String(raw.version) : ''
    if (!/^\d+$/.test(version)) continue
    if (raw.database === METADATA_DATABASE) {
      const digest = text(raw.sha256)
      if (!digest) continue
      if (BigInt(version) === verifiedSchemaVersion(database) && raw.name === database) {
        const applied = text(raw.applied_set_sha256)
        if (applied)
          out.verifiedSchema = {
            schemaDigest: digest,
            appliedDigest: applied,
            by: raw.sha256_origin === 'apply' ? 'apply' : 'replay',
            ...optional({
              checkedAt: text(raw.applied_at),
              runUrl: text(raw.run_url),
              commit: text(raw.git_commit),
            }),
          }
        continue
      }
      if (BigInt(version) !== METADATA_VERSION) continue
      const rv = raw.resource_version
      out.metadata = {
        digest,
        ...(typeof rv === 'number' || typeof rv === 'string' ? { resourceVersion: Number(rv) } : {}),
        ...optional({
          appliedAt: text(raw.applied_at),
          runUrl: text(raw.run_url),
          commit: text(raw.git_commit),
        }),
      }
      continue
    }
    if (raw.database !== database) continue
    const origin = ORIGINS.find((o) => o === raw.sha256_origin) ?? 'applied'
    out.entries.push({
      version: BigInt(version),
      name: text(raw.name) ?? '',
      ...optional({
        sha256: text(raw.sha256),
        appliedAt: text(raw.applied_at),
        runUrl: text(raw.run_url),
        commit: text(raw.git_commit),
      }),
      origin,
      applied: raw.applied === true,
      dirty: raw.dirty === true,
      recorded: raw.recorded === true,
    })
  }
  out.entries.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
  return out
}

function optional<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >
}

export async function readLedger(query: TextQuery, database: string): Promise<LedgerContents> {
  return parseLedger(await query(readLedgerSql(database)), database)
}
