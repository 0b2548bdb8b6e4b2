/**
 * Object and array relationships, as `defaultBuildObjectRelationshipInfo` / `…Array…` build them:
 * a foreign key is found by its exact set of columns (on this table for an object relationship, on the
 * remote table pointing back for an array one); a manual configuration is not checked when built, only
 * through its dependencies on both sides' columns.
 */
import type { QualifiedName } from '../catalog/types.js'
import type { MetadataPath } from '../project/metadata-locations.js'
import { dquote, inTable, qualifiedText } from './hasura-text.js'
import type { Dependency, SourceState, TableInfo } from './source-state.js'
import { isJson, listOf, qualifiedName, type Json } from './tracked-metadata.js'

const KINDS = [
  ['object_relationships', 'object_relation'],
  ['array_relationships', 'array_relation'],
] as const

export function addRelationships(state: SourceState, table: TableInfo): void {
  for (const [key, type] of KINDS) {
    listOf(table.entry[key]).forEach((rel, i) => {
      if (!isJson(rel) || typeof rel.name !== 'string') return
      const path = [...table.path, key, i]
      const object = { type, name: state.tableChildName(type, rel.name, table.name), path }
      const built = buildRelationship(state, table, rel, type, path)
      if (typeof built === 'string') {
        const where = using(path, rel)
        state.report(object, inTable(table.name, `in relationship ${dquote(rel.name)}: ${built}`), where)
        return
      }
      if (!built) return
      table.fields.set(rel.name, { kind: 'relationship', remote: built.remote })
      state.record(object, built.deps, { table: table.name, field: rel.name })
    })
  }
}

const using = (path: MetadataPath, rel: Json): MetadataPath =>
  isJson(rel.using) && rel.using.foreign_key_constraint_on !== undefined
    ? [...path, 'using', 'foreign_key_constraint_on']
    : [...path, 'using']

type Built = { remote: QualifiedName; deps: Dependency[] }

/** The relationship's remote table and dependencies, or why it cannot be built; undefined if malformed. */
function buildRelationship(
  state: SourceState,
  table: TableInfo,
  rel: Json,
  type: 'object_relation' | 'array_relation',
  path: MetadataPath,
): Built | string | undefined {
  const use = isJson(rel.using) ? rel.using : undefined
  if (!use) return undefined
  const fkPath = [...path, 'using', 'foreign_key_constraint_on']
  if (isJson(use.manual_configuration))
    return manual(table, use.manual_configuration, [...path, 'using', 'manual_configuration'])
  const fkOn = use.foreign_key_constraint_on
  if (type === 'object_relation') {
    const columns = columnList(fkOn)
    if (columns) {
      const fks = state.catalog.foreignKeysOf(table.name).filter((fk) => sameSet(fk.columns, columns))
      if (fks.length === 0) return 'no foreign constraint exists on the given column(s)'
      if (fks.length > 1) return 'more than one foreign key constraint exists on the given column(s)'
      const remote = fks[0].references
      if (!remote) return undefined
      const ref = { schema: remote.schema, name: remote.name }
      return { remote: ref, deps: [{ kind: 'table', table: ref, path: fkPath }] }
    }
  }
  if (!isJson(fkOn)) return undefined
  const remote = qualifiedName(fkOn.table)
  const columns = columnList(fkOn.columns ?? fkOn.column)
  if (!remote || !columns) return undefined
  if (!state.catalog.relation(remote)) {
    return `table ${dquote(qualifiedText(remote))} does not exist in source: ${state.source}`
  }
  const fks = state.catalog
    .foreignKeysBetween(remote, table.name)
    .filter((fk) => sameSet(fk.columns, columns))
  if (fks.length === 0) return 'no foreign constraint exists on the given column(s)'
  if (fks.length > 1) return 'more than one foreign key constraint exists on the given column(s)'
  const deps: Dependency[] = [{ kind: 'table', table: remote, path: [...fkPath, 'table'] }]
  for (const c of columns) deps.push({ kind: 'field', field: 'column', table: remote, name: c, path: fkPath })
  return { remote, deps }
}

function manual(table: TableInfo, config: Json, path: MetadataPath): Built | undefined {
  const remote = qualifiedName(config.remote_table)
  const mapping = config.column_mapping
  if (!remote || !isJson(mapping)) return undefined
  const mappingPath = [...path, 'column_mapping']
  const deps: Dependency[] = []
  for (const left of Object.keys(mapping)) {
    deps.push({ kind: 'field', field: 'column', table: table.name, name: left, path: [...mappingPath, left] })
  }
  deps.push({ kind: 'table', table: remote, path: [...path, 'remote_table'] })
  for (const [left, right] of Object.entries(mapping)) {
    if (typeof right !== 'string') continue
    deps.push({ kind: 'field', field: 'column', table: remote, name: right, path: [...mappingPath, left] })
  }
  return { remote, deps }
}

/** A column, or a list of them. */
function columnList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === 'string')) return v
  return undefined
}

const sameSet = (a: string[], b: string[]): boolean => {
  const sa = new Set(a)
  const sb = new Set(b)
  return sa.size === sb.size && [...sa].every((x) => sb.has(x))
}
