/**
 * Metadata verified against the migrated schema: every reference from the metadata into a database —
 * tracked tables and functions, relationships, computed fields, permissions, event triggers, table
 * configuration, enum tables, action types' relationships — resolved against that database's catalog,
 * and each one that does not resolve reported as Hasura's server would report it.
 *
 * Pure: the metadata as `buildMetadata` built it, one catalog snapshot per source name; `locate`
 * (from `metadataLocator`) adds the file and line of each problem.
 */
import type { CatalogSnapshot } from '../catalog/types.js'
import type { LocateMetadata } from '../project/metadata-locations.js'
import { CatalogLookup } from './catalog-index.js'
import { addComputedFields } from './computed-fields.js'
import { customTypesProblem } from './custom-types.js'
import { addEventTriggers } from './event-triggers.js'
import { addTrackedFunctions } from './functions.js'
import { addPermissions } from './permissions.js'
import { addRelationships } from './relationships.js'
import { SourceState } from './source-state.js'
import { addTrackedTables } from './tables.js'
import { isJson, listOf, trackedSources, type Json, type TrackedSource } from './tracked-metadata.js'
import type { MetadataProblem, MetadataVerification, NotChecked } from './types.js'

export type { MetadataProblem, MetadataVerification, NotChecked } from './types.js'

/** Source kinds whose catalog is PostgreSQL's. */
const POSTGRES_KINDS = new Set(['postgres', 'pg', 'citus', 'cockroach'])

export interface VerifyOptions {
  locate?: LocateMetadata
}

export function verifyMetadata(
  metadata: Json,
  catalogs: ReadonlyMap<string, CatalogSnapshot>,
  options: VerifyOptions = {},
): MetadataVerification {
  const notChecked: NotChecked[] = []
  const states = new Map<string, SourceState>()
  const problems: MetadataProblem[] = []
  for (const source of trackedSources(metadata)) {
    const catalog = catalogs.get(source.name)
    if (!POSTGRES_KINDS.has(source.kind)) {
      notChecked.push({
        kind: 'source',
        name: source.name,
        reason: `a ${source.kind} source: only PostgreSQL sources are checked`,
      })
      continue
    }
    if (!catalog) {
      notChecked.push({ kind: 'source', name: source.name, reason: 'no catalog was taken of this database' })
      continue
    }
    const state = verifySource(source, new CatalogLookup(catalog), notChecked)
    states.set(source.name, state)
    problems.push(...state.problems)
  }
  const customTypes = customTypesProblem(metadata, (name) => states.get(name))
  if (customTypes) problems.push(customTypes)
  for (const schema of listOf(metadata.remote_schemas)) {
    if (isJson(schema) && typeof schema.name === 'string') {
      notChecked.push({ kind: 'remote_schema', name: schema.name, reason: 'remote schemas are not checked' })
    }
  }
  const locate = options.locate
  if (locate) {
    for (const p of problems) {
      const at = locate(p.path)
      if (at) Object.assign(p, at)
    }
  }
  return { problems, notChecked }
}

/** The schema-cache build order: tables, their relationships and computed fields, then what uses them. */
function verifySource(source: TrackedSource, catalog: CatalogLookup, notChecked: NotChecked[]): SourceState {
  const state = new SourceState(source.name, catalog)
  addTrackedTables(state, source.tables)
  const tables = [...state.tables.values()]
  for (const table of tables) addRelationships(state, table)
  for (const table of tables) addComputedFields(state, table)
  addTrackedFunctions(state, source.functions)
  for (const table of tables) {
    addPermissions(state, table)
    addEventTriggers(state, table)
    for (const rel of listOf(table.entry.remote_relationships)) {
      if (!isJson(rel) || typeof rel.name !== 'string') continue
      const name = state.tableChildName('remote_relationship', rel.name, table.name)
      notChecked.push({ kind: 'remote_relationship', name, reason: 'remote relationships are not checked' })
    }
  }
  state.resolveDependencies()
  return state
}
