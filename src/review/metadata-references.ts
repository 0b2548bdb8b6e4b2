/**
 * What a project's metadata points at in each database: the schemas, tables, columns and functions a
 * migration must not drop or rename while the metadata still uses them (the safety rule
 * `referenced-by-metadata`). Read from the metadata alone, without a catalog: tracked tables and
 * functions, relationship columns and remote tables, computed-field functions, permission columns,
 * presets and every column of a `filter` / `check` (through relationships and `_exists`), event-trigger
 * columns and custom column names. Pure.
 */
import type { QualifiedName } from '../catalog/types.js'
import type { DatabaseObject } from './safety/types.js'
import { isJson, listOf, qualifiedName, trackedSources, type Json } from './tracked-metadata.js'

export type ReferencedBy = (database: string, object: DatabaseObject) => boolean

const PERMISSION_KEYS = [
  'select_permissions',
  'insert_permissions',
  'update_permissions',
  'delete_permissions',
]

const key = (o: DatabaseObject): string => {
  switch (o.kind) {
    case 'schema':
      return `schema\u0000${o.schema}`
    case 'table':
      return `table\u0000${o.schema}\u0000${o.name}`
    case 'column':
      return `column\u0000${o.schema}\u0000${o.table}\u0000${o.column}`
    case 'function':
      return `function\u0000${o.schema}\u0000${o.name}`
  }
}

/** One source's tracked tables, each with its relationships (name → remote table, when known). */
class SourceReferences {
  readonly keys = new Set<string>()
  private readonly relationships = new Map<string, Map<string, QualifiedName | undefined>>()
  private readonly computed = new Map<string, Set<string>>()

  add(o: DatabaseObject): void {
    this.keys.add(key(o))
    this.keys.add(key({ kind: 'schema', schema: o.schema }))
  }

  table(t: QualifiedName): void {
    this.add({ kind: 'table', schema: t.schema, name: t.name })
  }

  column(t: QualifiedName, column: unknown): void {
    if (typeof column === 'string') this.add({ kind: 'column', schema: t.schema, table: t.name, column })
  }

  columns(t: QualifiedName, list: unknown): void {
    for (const c of Array.isArray(list) ? list : [list]) this.column(t, c)
  }

  learn(t: QualifiedName, entry: Json): void {
    const rels = new Map<string, QualifiedName | undefined>()
    for (const rel of [...listOf(entry.object_relationships), ...listOf(entry.array_relationships)]) {
      if (isJson(rel) && typeof rel.name === 'string') rels.set(rel.name, remoteTable(rel))
    }
    this.relationships.set(tableKey(t), rels)
    const computed = listOf(entry.computed_fields).flatMap((c) =>
      isJson(c) && typeof c.name === 'string' ? [c.name] : [],
    )
    this.computed.set(tableKey(t), new Set(computed))
  }

  /** Every column a boolean expression names, following relationships into their remote tables. */
  boolExp(t: QualifiedName, exp: unknown, depth = 0): void {
    if (!isJson(exp) || depth > 32) return
    for (const [k, value] of Object.entries(exp)) {
      if (k === '_and' || k === '_or') {
        for (const item of Array.isArray(value) ? value : [value]) this.boolExp(t, item, depth + 1)
      } else if (k === '_not') this.boolExp(t, value, depth + 1)
      else if (k === '_exists') {
        const other = isJson(value) ? qualifiedName(value._table) : undefined
        if (other) {
          this.table(other)
          this.boolExp(other, (value as Json)._where, depth + 1)
        }
      } else if (k.startsWith('_')) continue
      else if (this.relationships.get(tableKey(t))?.has(k)) {
        const remote = this.relationships.get(tableKey(t))?.get(k)
        if (remote) this.boolExp(remote, value, depth + 1)
      } else if (!this.computed.get(tableKey(t))?.has(k)) this.column(t, k)
    }
  }
}

const tableKey = (t: QualifiedName): string => `${t.schema}\u0000${t.name}`

/** A relationship's remote table, when the metadata says it (a foreign key on this table's column does not). */
function remoteTable(rel: Json): QualifiedName | undefined {
  const using = isJson(rel.using) ? rel.using : {}
  if (isJson(using.manual_configuration)) return qualifiedName(using.manual_configuration.remote_table)
  if (isJson(using.foreign_key_constraint_on)) return qualifiedName(using.foreign_key_constraint_on.table)
  return undefined
}

function relationshipColumns(refs: SourceReferences, t: QualifiedName, rel: Json): void {
  const using = isJson(rel.using) ? rel.using : {}
  const fk = using.foreign_key_constraint_on
  if (typeof fk === 'string' || Array.isArray(fk)) refs.columns(t, fk)
  else if (isJson(fk)) {
    const remote = qualifiedName(fk.table)
    if (remote) {
      refs.table(remote)
      refs.columns(remote, fk.columns ?? fk.column)
    }
  }
  const manual = using.manual_configuration
  if (isJson(manual)) {
    const remote = qualifiedName(manual.remote_table)
    if (remote) refs.table(remote)
    if (isJson(manual.column_mapping)) {
      for (const [local, other] of Object.entries(manual.column_mapping)) {
        refs.column(t, local)
        if (remote) refs.column(remote, other)
      }
    }
  }
}

function tableReferences(refs: SourceReferences, t: QualifiedName, entry: Json): void {
  refs.table(t)
  for (const rel of [...listOf(entry.object_relationships), ...listOf(entry.array_relationships)]) {
    if (isJson(rel)) relationshipColumns(refs, t, rel)
  }
  for (const c of listOf(entry.computed_fields)) {
    const fn = isJson(c) && isJson(c.definition) ? qualifiedName(c.definition.function) : undefined
    if (fn) refs.add({ kind: 'function', schema: fn.schema, name: fn.name })
  }
  for (const list of PERMISSION_KEYS) {
    for (const p of listOf(entry[list])) {
      const permission = isJson(p) && isJson(p.permission) ? p.permission : undefined
      if (!permission) continue
      if (Array.isArray(permission.columns)) refs.columns(t, permission.columns)
      if (isJson(permission.set)) refs.columns(t, Object.keys(permission.set))
      refs.boolExp(t, permission.filter)
      refs.boolExp(t, permission.check)
    }
  }
  for (const trigger of listOf(entry.event_triggers)) {
    const definition = isJson(trigger) && isJson(trigger.definition) ? trigger.definition : {}
    for (const op of ['insert', 'update', 'delete']) {
      const spec = definition[op]
      if (isJson(spec) && Array.isArray(spec.columns)) refs.columns(t, spec.columns)
    }
  }
  const configuration = isJson(entry.configuration) ? entry.configuration : {}
  for (const names of [configuration.column_config, configuration.custom_column_names]) {
    if (isJson(names)) refs.columns(t, Object.keys(names))
  }
}

/**
 * `referenced(database, object)` for the safety rules. A config 3 source is the database of the same
 * name; config 1 and 2 metadata has one source, `default`.
 */
export function metadataReferences(metadata: Json | undefined): ReferencedBy {
  const sources = new Map<string, SourceReferences>()
  for (const source of metadata ? trackedSources(metadata) : []) {
    const refs = new SourceReferences()
    for (const t of source.tables) refs.learn(t.name, t.entry)
    for (const t of source.tables) tableReferences(refs, t.name, t.entry)
    for (const f of source.functions) refs.add({ kind: 'function', schema: f.name.schema, name: f.name.name })
    sources.set(source.name, refs)
  }
  return (database, object) => sources.get(database)?.keys.has(key(object)) ?? false
}
