/**
 * The metadata database as Hasura v2 keeps it: `hdb_catalog.hdb_version` (one row: `hasura_uuid`,
 * `cli_state`, `console_state`) and `hdb_catalog.hdb_metadata` (the metadata JSON and its resource version).
 * Definitions follow server/src-rsr/initialise.sql and a current catalog dump.
 */
import type pg from 'pg'
import { QErr } from './qerr.js'

type Queryable = Pick<pg.ClientBase, 'query'>

/** The catalog version string a current v2 server writes into `hdb_version.version`. */
export const CATALOG_VERSION = '48'

const INIT_SQL = `
CREATE SCHEMA IF NOT EXISTS hdb_catalog;
CREATE OR REPLACE FUNCTION hdb_catalog.gen_hasura_uuid() RETURNS uuid AS 'select gen_random_uuid()' LANGUAGE SQL;
CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_version (
    hasura_uuid UUID PRIMARY KEY DEFAULT hdb_catalog.gen_hasura_uuid(),
    version TEXT NOT NULL,
    upgraded_on TIMESTAMPTZ NOT NULL,
    cli_state JSONB NOT NULL DEFAULT '{}'::jsonb,
    console_state JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX IF NOT EXISTS hdb_version_one_row ON hdb_catalog.hdb_version((version IS NOT NULL));
CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_metadata (
    id INTEGER PRIMARY KEY,
    metadata JSON NOT NULL,
    resource_version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO hdb_catalog.hdb_version (version, upgraded_on)
  SELECT '${CATALOG_VERSION}', now() WHERE NOT EXISTS (SELECT 1 FROM hdb_catalog.hdb_version);
`

/** Every source database gets this much of the source catalog (`init_pg_source.sql`). */
export const SOURCE_INIT_SQL = `
CREATE SCHEMA IF NOT EXISTS hdb_catalog;
CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_source_catalog_version (version TEXT NOT NULL, upgraded_on TIMESTAMPTZ NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS hdb_source_catalog_version_one_row ON hdb_catalog.hdb_source_catalog_version((version IS NOT NULL));
INSERT INTO hdb_catalog.hdb_source_catalog_version (version, upgraded_on)
  SELECT '3', now() WHERE NOT EXISTS (SELECT 1 FROM hdb_catalog.hdb_source_catalog_version);
`

export type Metadata = Record<string, unknown>

export interface StoredMetadata {
  metadata: Metadata
  resourceVersion: number
}

export async function initCatalog(db: Queryable, initialMetadata: Metadata): Promise<void> {
  await db.query(INIT_SQL)
  await db.query(
    'INSERT INTO hdb_catalog.hdb_metadata (id, metadata) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
    [JSON.stringify(initialMetadata)],
  )
}

export async function readMetadata(db: Queryable): Promise<StoredMetadata> {
  const r = await db.query<{ metadata: Metadata; resource_version: number }>(
    'SELECT metadata, resource_version FROM hdb_catalog.hdb_metadata WHERE id = 1',
  )
  const row = r.rows[0]
  if (!row) return { metadata: { version: 3, sources: [] }, resourceVersion: 0 }
  return { metadata: row.metadata, resourceVersion: row.resource_version }
}

/** `setMetadataInCatalog`: checks the referenced resource version, then stores and bumps it (409 otherwise). */
export async function writeMetadata(
  db: Queryable,
  metadata: Metadata,
  expectedResourceVersion?: number,
): Promise<number> {
  const r = await db.query<{ resource_version: number }>(
    `UPDATE hdb_catalog.hdb_metadata SET metadata = $1, resource_version = resource_version + 1
      WHERE id = 1 AND ($2::int IS NULL OR resource_version = $2::int) RETURNING resource_version`,
    [JSON.stringify(metadata), expectedResourceVersion ?? null],
  )
  const row = r.rows[0]
  if (!row) {
    throw new QErr(
      409,
      'conflict',
      `metadata resource version referenced (${expectedResourceVersion}) did not match current version`,
    )
  }
  return row.resource_version
}

export interface CatalogState {
  id: string
  cli_state: unknown
  console_state: unknown
}

export async function getCatalogState(db: Queryable): Promise<CatalogState> {
  const r = await db.query<CatalogState>(
    'SELECT hasura_uuid::text AS id, cli_state, console_state FROM hdb_catalog.hdb_version',
  )
  const row = r.rows[0]
  if (!row) throw new QErr(500, 'unexpected', 'hdb_version row is missing')
  return row
}

/** `set_catalog_state`: stores the value verbatim, whole-object replace, no merge, no concurrency check. */
export async function setCatalogState(db: Queryable, type: 'cli' | 'console', state: unknown): Promise<void> {
  const column = type === 'cli' ? 'cli_state' : 'console_state'
  await db.query(`UPDATE hdb_catalog.hdb_version SET ${column} = $1::jsonb`, [JSON.stringify(state)])
}
