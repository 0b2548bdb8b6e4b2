/** What to do next, one sentence each: the one home of every remedy a run's errors carry. */
export const REMEDIES = {
  rerunSafe:
    'Running again is safe: a run waits for the lock and re-checks the state before it changes anything.',
  lockTable:
    'Raise max_locks_per_transaction on the server (a restart is needed), or set `transaction: per-migration` so that each migration commits on its own.',
  statementTimeout: 'Raise the `timeout` input, or make the statement faster.',
  lockWait:
    'Another session holds a lock on an object this statement needs (see pg_locks / pg_stat_activity); wait for it to finish, or raise the `timeout` input.',
  runLockWait:
    'Another run is applying migrations to this database; wait for it, or raise the `timeout` input.',
  connectionLost:
    'Run again: what committed is recorded and will not run twice; what was in the open transaction was rolled back.',
  migrationMode:
    "Migration mode was switched off (in the Hasura console) so that schema changes are not tracked as migrations; switch it back on in the console, or run UPDATE hdb_catalog.migration_settings SET value = 'true' WHERE setting = 'migration_mode' (config 3: set cli_state.settings.migration_mode to \"true\" in hdb_catalog.hdb_version).",
  unresolvedMetadata:
    'Fix the metadata (the file and line are named), or add a migration that creates what it names; set `verify-metadata: warn` to report such problems without failing (e.g. for objects another service creates).',
  hiddenDatabaseErrors:
    "This Hasura server leaves the database's own error out of its answers (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false), so which statement failed and why cannot be told: set it to true on the server (the default; it shows them to the admin only), or run the action with `database-url`.",
  seeds: 'No seed was applied (they run in one transaction): fix the seed file and run again.',
  /** A no-transaction file that failed half-way, its version recorded dirty. */
  dirtyVersion: (version: bigint | string): string =>
    `Statements before the failing one stay committed and version ${version} is recorded dirty: fix the database by hand, then record the version (skip-execution) or remove it from the state.`,
} as const
