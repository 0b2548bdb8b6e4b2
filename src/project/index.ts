/** The user's Hasura project, read as the Hasura CLI reads it: pure, read-only, no network. */
export { CONFIG_FILE, readConfig } from './config.js'
export { ENV_FILE, mergeEnv, parseEnvFile, readEnvFile } from './dotenv.js'
export { buildMetadata, METADATA_KEY_ORDER, type BuiltMetadata } from './metadata.js'
export { DEFAULT_DATABASE, listDatabases, readMigrations } from './migrations.js'
export { hasNoTransactionMarker, NO_TRANSACTION_MARKER } from './no-transaction-marker.js'
export { listSeeds, seedsDirectory } from './seeds.js'
export type * from './types.js'
