/** The Hasura GraphQL Engine target (`hasura-target.ts`) and the names its callers use. */
export { connectHasura, type ConnectHasuraOptions, type HasuraTarget } from './hasura-target.js'
export type { ApiPaths } from './http.js'
export type { ApplyMetadataOptions } from './metadata.js'
export type { ServerGeneration } from './connection.js'
