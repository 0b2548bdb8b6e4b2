/**
 * Statements for the classifier, shared by the unit tests and the check against a real PostgreSQL
 * (__tests__/integration/sql), so the table is proven against the server and not only against itself.
 */

/** Statements PostgreSQL refuses inside a transaction block, with the name we report. */
export const NON_TRANSACTIONAL: [sql: string, what: string][] = [
  ['CREATE INDEX CONCURRENTLY idx ON t (a)', 'CREATE INDEX CONCURRENTLY'],
  ['create unique index concurrently if not exists idx on t using btree (a)', 'CREATE INDEX CONCURRENTLY'],
  ['DROP INDEX CONCURRENTLY IF EXISTS idx', 'DROP INDEX CONCURRENTLY'],
  ['REINDEX TABLE CONCURRENTLY t', 'REINDEX CONCURRENTLY'],
  ['REINDEX (VERBOSE, CONCURRENTLY) INDEX idx', 'REINDEX CONCURRENTLY'],
  ['REINDEX SCHEMA public', 'REINDEX SCHEMA'],
  ['REINDEX SYSTEM d', 'REINDEX SYSTEM'],
  ['REINDEX DATABASE d', 'REINDEX DATABASE'],
  ['VACUUM', 'VACUUM'],
  ['VACUUM (ANALYZE, VERBOSE) t', 'VACUUM'],
  ['vacuum full t', 'VACUUM'],
  ['CREATE DATABASE d', 'CREATE DATABASE'],
  ['DROP DATABASE IF EXISTS d WITH (FORCE)', 'DROP DATABASE'],
  ['ALTER DATABASE d SET TABLESPACE pg_default', 'ALTER DATABASE SET TABLESPACE'],
  ["CREATE TABLESPACE ts LOCATION '/tmp/ts'", 'CREATE TABLESPACE'],
  ['DROP TABLESPACE IF EXISTS ts', 'DROP TABLESPACE'],
  ["ALTER SYSTEM SET work_mem = '64MB'", 'ALTER SYSTEM'],
  ['ALTER SYSTEM RESET ALL', 'ALTER SYSTEM'],
  [
    "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p",
    'CREATE SUBSCRIPTION ... WITH (create_slot = true)',
  ],
  [
    "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (enabled = false, create_slot = on)",
    'CREATE SUBSCRIPTION ... WITH (create_slot = true)',
  ],
  ['DROP SUBSCRIPTION IF EXISTS s', 'DROP SUBSCRIPTION (of a subscription with a replication slot)'],
  ['ALTER SUBSCRIPTION s REFRESH PUBLICATION', 'ALTER SUBSCRIPTION ... REFRESH PUBLICATION'],
  ['ALTER SUBSCRIPTION s SET PUBLICATION p', 'ALTER SUBSCRIPTION ... PUBLICATION with refresh'],
  [
    'ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (refresh = true)',
    'ALTER SUBSCRIPTION ... PUBLICATION with refresh',
  ],
  ['ALTER SUBSCRIPTION s DROP PUBLICATION p', 'ALTER SUBSCRIPTION ... PUBLICATION with refresh'],
  [
    "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = 'on')",
    'ALTER SUBSCRIPTION ... PUBLICATION with refresh',
  ],
  ['ALTER SUBSCRIPTION s SET (failover = true)', 'ALTER SUBSCRIPTION ... SET (failover)'],
  ['ALTER SUBSCRIPTION s SET (two_phase = off)', 'ALTER SUBSCRIPTION ... SET (two_phase = false)'],
  ['CLUSTER', 'CLUSTER without a table'],
  ['CLUSTER VERBOSE', 'CLUSTER without a table'],
  ['DISCARD ALL', 'DISCARD ALL'],
  [
    'ALTER TABLE parent DETACH PARTITION child CONCURRENTLY',
    'ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY',
  ],
]

/** Statements that mention a trigger word but run fine inside a transaction block. */
export const TRANSACTIONAL: string[] = [
  'CREATE INDEX idx ON t (a)',
  'DROP INDEX IF EXISTS idx',
  'REINDEX TABLE t',
  'REINDEX INDEX idx',
  'ANALYZE t',
  'ANALYZE',
  'CLUSTER t USING idx',
  'CLUSTER t',
  'DISCARD PLANS',
  'DISCARD TEMP',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY mv',
  "ALTER TYPE mood ADD VALUE 'meh'",
  "ALTER DATABASE d SET work_mem = '1MB'",
  'ALTER DATABASE d RENAME TO e',
  'ALTER TABLESPACE ts SET (random_page_cost = 1.1)',
  "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)",
  "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = false)",
  'ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)',
  'ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (refresh = off)',
  'ALTER SUBSCRIPTION s DROP PUBLICATION p WITH (refresh = 0, copy_data)',
  "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = off, slot_name = NONE)",
  'ALTER SUBSCRIPTION s ENABLE',
  'ALTER SUBSCRIPTION s DISABLE',
  "ALTER SUBSCRIPTION s SET (synchronous_commit = 'off')",
  'ALTER TABLE parent DETACH PARTITION child',
  'ALTER TABLE parent DETACH PARTITION child FINALIZE',
  "SELECT 'VACUUM; COMMIT; CREATE INDEX CONCURRENTLY x ON t (a)'",
  'CREATE TABLE subscription (id int, "database" text, start_at date, "end" date)',
]

/**
 * Refused only when the catalog says so (the subscription has a replication slot, is enabled, ...):
 * a check against an empty test database cannot show the refusal.
 */
export const CATALOG_DEPENDENT = new Set<string>(
  NON_TRANSACTIONAL.map(([sql]) => sql).filter((sql) => /^(DROP|ALTER) SUBSCRIPTION/.test(sql)),
)
