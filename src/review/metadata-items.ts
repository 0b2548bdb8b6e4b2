/**
 * A Hasura metadata object, however it was written, as flat maps of named items — one per table,
 * relationship, permission (table × operation × role), action, remote schema, … — per source and for
 * the objects outside any source. Two metadata objects that mean the same thing give equal maps: list
 * order never matters (items are keyed by name; set-like lists are sorted), key order never matters,
 * absent / `null` / `{}` read the same (Hasura's defaults), and permission `filter` / `check`
 * expressions compare by their canonical form.
 *
 * Shapes read: an export with `version: 3, sources: [...]`, and `version: 1 | 2` with top-level
 * `tables` / `functions`, which are the `default` PostgreSQL source.
 */
import { isPlainObject } from '../project/yaml.js'
import { boolExpKey, parseBoolExp } from './bool-exp.js'
import { canonicalJson, compare, sortedSet } from './canonical-json.js'

export type MetadataKind =
  | 'source'
  | 'table'
  | 'object_relationship'
  | 'array_relationship'
  | 'remote_relationship'
  | 'computed_field'
  | 'select_permission'
  | 'insert_permission'
  | 'update_permission'
  | 'delete_permission'
  | 'event_trigger'
  | 'function'
  | 'function_permission'
  | 'logical_model'
  | 'logical_model_permission'
  | 'native_query'
  | 'stored_procedure'
  | 'action'
  | 'action_permission'
  | 'custom_type'
  | 'remote_schema'
  | 'remote_schema_permission'
  | 'remote_schema_relationship'
  | 'query_collection'
  | 'allowlist'
  | 'rest_endpoint'
  | 'cron_trigger'
  | 'inherited_role'
  | 'setting'

export const TABLE_PERMISSION_KINDS = [
  'select_permission',
  'insert_permission',
  'update_permission',
  'delete_permission',
] as const
export type TablePermissionKind = (typeof TABLE_PERMISSION_KINDS)[number]

export interface MetadataItem {
  kind: MetadataKind
  /** Unique per kind in its scope: `public.users`, `public.users.posts`, `public.users/editor`. */
  name: string
  /** As written, with literal secrets (header values, connection strings) masked: for the report. */
  value: unknown
  /** As written: for comparisons only, never shown. */
  raw: unknown
  /** Equal for two items exactly when they mean the same. */
  key: string
  /** The object it belongs to (`public.users` for its permissions and relationships); sorts the report. */
  owner: string
  /** For permissions and inherited roles. */
  role?: string
}

export interface MetadataView {
  /** Source name → items by `kind name`; in the metadata's source order. */
  sources: Map<string, Map<string, MetadataItem>>
  /** Actions, custom types, remote schemas, allow lists, … */
  global: Map<string, MetadataItem>
  /** Sources read from config 1/2's top-level `tables` / `functions`: their settings are unknown. */
  legacy: Set<string>
}

export const itemId = (kind: MetadataKind, name: string): string => `${kind} ${name}`

/** The flat view of a metadata object; undefined (no metadata) is the empty view. */
export function metadataView(metadata: unknown): MetadataView {
  const view: MetadataView = { sources: new Map(), global: new Map(), legacy: new Set() }
  if (!isPlainObject(metadata)) return view
  if (Array.isArray(metadata.sources)) {
    for (const source of metadata.sources) {
      if (!isPlainObject(source)) continue
      const name = typeof source.name === 'string' ? source.name : 'default'
      addSource(view, name, source)
    }
  }
  if (metadata.tables !== undefined || metadata.functions !== undefined) {
    const legacy = { kind: 'postgres', tables: metadata.tables, functions: metadata.functions }
    addSource(view, 'default', legacy, view.sources.get('default'), true)
    view.legacy.add('default')
  }
  addGlobal(view.global, metadata)
  return view
}

const SOURCE_PARTS = new Set([
  'name',
  'tables',
  'functions',
  'logical_models',
  'native_queries',
  'stored_procedures',
])
const TABLE_PARTS = new Set([
  'object_relationships',
  'array_relationships',
  'remote_relationships',
  'computed_fields',
  'select_permissions',
  'insert_permissions',
  'update_permissions',
  'delete_permissions',
  'event_triggers',
])

function addSource(
  view: MetadataView,
  name: string,
  source: Record<string, unknown>,
  existing?: Map<string, MetadataItem>,
  legacy = false,
): void {
  const items = existing ?? new Map<string, MetadataItem>()
  view.sources.set(name, items)
  const add = adder(items)
  const postgres = source.kind === undefined || source.kind === 'postgres' || source.kind === 'citus'
  if (!existing && !legacy) add('source', name, omit(source, SOURCE_PARTS), name)

  const refs = (value: Record<string, unknown>) => itemKey(withNamesNormalised(value, postgres))
  for (const entry of list(source.tables)) {
    const table = objectName(entry.table, postgres)
    const own = omit(entry, TABLE_PARTS)
    add('table', table, own, table, undefined, refs(own))
    for (const rel of list(entry.object_relationships))
      add('object_relationship', `${table}.${str(rel.name)}`, rel, table, undefined, refs(rel))
    for (const rel of list(entry.array_relationships))
      add('array_relationship', `${table}.${str(rel.name)}`, rel, table, undefined, refs(rel))
    for (const rel of list(entry.remote_relationships))
      add('remote_relationship', `${table}.${str(rel.name)}`, rel, table, undefined, refs(rel))
    for (const field of list(entry.computed_fields))
      add('computed_field', `${table}.${str(field.name)}`, field, table, undefined, refs(field))
    for (const kind of TABLE_PERMISSION_KINDS) {
      for (const perm of list(entry[`${kind}s`]))
        add(kind, `${table}/${str(perm.role)}`, perm, table, str(perm.role), permissionKey(perm))
    }
    for (const trigger of list(entry.event_triggers))
      add('event_trigger', `${table}.${str(trigger.name)}`, trigger, table)
  }
  for (const entry of list(source.functions)) {
    // metadata v1 lists functions as bare `{schema, name}`
    const written = entry.function === undefined ? { function: entry } : entry
    const fn = objectName(written.function, postgres)
    const own = omit(written, new Set(['permissions']))
    add('function', fn, own, fn, undefined, refs(own))
    for (const perm of list(entry.permissions))
      add('function_permission', `${fn}/${str(perm.role)}`, perm, fn, str(perm.role))
  }
  for (const model of list(source.logical_models)) {
    const m = str(model.name)
    add('logical_model', m, omit(model, new Set(['select_permissions'])), m)
    for (const perm of list(model.select_permissions))
      add('logical_model_permission', `${m}/${str(perm.role)}`, perm, m, str(perm.role), permissionKey(perm))
  }
  for (const query of list(source.native_queries)) {
    const q = str(query.root_field_name ?? query.name)
    add('native_query', q, query, q)
  }
  for (const proc of list(source.stored_procedures)) {
    const p = objectName(proc.stored_procedure, postgres)
    add('stored_procedure', p, proc, p)
  }
}

/** Top-level keys that are not objects of their own kind: each is one `setting` item. */
const NOT_SETTINGS = new Set([
  'version',
  'sources',
  'tables',
  'functions',
  'actions',
  'custom_types',
  'remote_schemas',
  'query_collections',
  'allowlist',
  'cron_triggers',
  'rest_endpoints',
  'inherited_roles',
])
const CUSTOM_TYPE_CATEGORIES = ['objects', 'input_objects', 'enums', 'scalars'] as const

function addGlobal(items: Map<string, MetadataItem>, metadata: Record<string, unknown>): void {
  const add = adder(items)
  for (const action of list(metadata.actions)) {
    const a = str(action.name)
    add('action', a, omit(action, new Set(['permissions'])), a)
    for (const perm of list(action.permissions))
      add('action_permission', `${a}/${str(perm.role)}`, perm, a, str(perm.role))
  }
  const types = isPlainObject(metadata.custom_types) ? metadata.custom_types : {}
  for (const category of CUSTOM_TYPE_CATEGORIES) {
    for (const type of list(types[category])) {
      const t = str(type.name)
      add('custom_type', t, { category, ...type }, t)
    }
  }
  for (const schema of list(metadata.remote_schemas)) {
    const s = str(schema.name)
    add('remote_schema', s, omit(schema, new Set(['permissions', 'remote_relationships'])), s)
    for (const perm of list(schema.permissions))
      add('remote_schema_permission', `${s}/${str(perm.role)}`, perm, s, str(perm.role))
    for (const group of list(schema.remote_relationships)) {
      for (const rel of list(group.relationships)) {
        const name = `${s}.${str(group.type_name)}.${str(rel.name)}`
        add('remote_schema_relationship', name, { type_name: group.type_name, ...rel }, s)
      }
    }
  }
  for (const collection of list(metadata.query_collections)) {
    const c = str(collection.name)
    add('query_collection', c, collection, c, undefined, queryCollectionKey(collection))
  }
  for (const entry of list(metadata.allowlist)) {
    const c = str(entry.collection)
    add('allowlist', c, entry, c, undefined, allowlistKey(entry))
  }
  for (const trigger of list(metadata.cron_triggers))
    add('cron_trigger', str(trigger.name), trigger, str(trigger.name))
  for (const endpoint of list(metadata.rest_endpoints)) {
    const e = str(endpoint.name)
    add(
      'rest_endpoint',
      e,
      endpoint,
      e,
      undefined,
      itemKey({ ...endpoint, methods: sortedSet(endpoint.methods) }),
    )
  }
  for (const role of list(metadata.inherited_roles)) {
    const r = str(role.role_name)
    add('inherited_role', r, role, r, r, itemKey({ ...role, role_set: sortedSet(role.role_set) }))
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (NOT_SETTINGS.has(key) || value === undefined || value === null) continue
    add('setting', key, value, key, undefined, settingKey(key, value))
  }
}

type Add = (
  kind: MetadataKind,
  name: string,
  value: unknown,
  owner: string,
  role?: string,
  key?: string,
) => void

/** Adds items to `items`; a name given twice (Hasura refuses that) is kept as `name #2`, never lost. */
function adder(items: Map<string, MetadataItem>): Add {
  return (kind, name, value, owner, role, key) => {
    let unique = name
    for (let n = 2; items.has(itemId(kind, unique)); n++) unique = `${name} #${n}`
    const item: MetadataItem = {
      kind,
      name: unique,
      value: masked(value),
      raw: value,
      key: key ?? itemKey(value),
      owner,
    }
    if (role !== undefined) item.role = role
    items.set(itemId(kind, unique), item)
  }
}

/** A table's, function's or procedure's name: `schema.name` (a bare name is `public.` on PostgreSQL). */
export function objectName(name: unknown, postgres: boolean): string {
  if (typeof name === 'string') return postgres ? `public.${name}` : name
  if (Array.isArray(name)) return name.map(String).join('.')
  if (isPlainObject(name) && typeof name.name === 'string') {
    const space = name.schema ?? name.dataset ?? name.database
    if (typeof space === 'string') return `${space}.${name.name}`
    return postgres ? `public.${name.name}` : name.name
  }
  return canonicalJson(name)
}

/** The permission entry with its boolean expressions canonical and its set-like lists sorted. */
function permissionKey(entry: Record<string, unknown>): string {
  const perm = isPlainObject(entry.permission) ? entry.permission : {}
  const canonical: Record<string, unknown> = { ...perm }
  for (const key of ['filter', 'check']) canonical[key] = boolExpKey(parseBoolExp(perm[key]))
  for (const key of ['columns', 'computed_fields', 'query_root_fields', 'subscription_root_fields'])
    if (Array.isArray(perm[key])) canonical[key] = sortedSet(perm[key])
  return itemKey({ ...entry, permission: canonical })
}

function queryCollectionKey(collection: Record<string, unknown>): string {
  const definition = isPlainObject(collection.definition) ? collection.definition : {}
  const queries = [...list(definition.queries)].sort((a, b) => compare(str(a.name), str(b.name)))
  return itemKey({ ...collection, definition: { ...definition, queries } })
}

function allowlistKey(entry: Record<string, unknown>): string {
  const scope = isPlainObject(entry.scope) ? entry.scope : { global: true }
  const roles = Array.isArray(scope.roles) ? sortedSet(scope.roles) : scope.roles
  return itemKey({ ...entry, scope: { ...scope, roles } })
}

function settingKey(key: string, value: unknown): string {
  if (key === 'graphql_schema_introspection' && isPlainObject(value))
    return itemKey({ ...value, disabled_for_roles: sortedSet(value.disabled_for_roles) })
  return itemKey(value)
}

/** Keys whose value names a table or function, written `name` or `{schema, name}`. */
const NAME_KEYS = new Set(['table', 'remote_table', 'function', '_table'])

/** A copy with every table or function reference written `schema.name`, so both spellings compare equal. */
function withNamesNormalised(value: unknown, postgres: boolean, key?: string): unknown {
  if (key !== undefined && NAME_KEYS.has(key) && isName(value)) return objectName(value, postgres)
  if (Array.isArray(value)) return value.map((v) => withNamesNormalised(v, postgres))
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = withNamesNormalised(v, postgres, k)
  return out
}

const isName = (value: unknown): boolean =>
  typeof value === 'string' ||
  (isPlainObject(value) &&
    typeof value.name === 'string' &&
    Object.keys(value).every((k) => k === 'name' || k === 'schema'))

/** Canonical JSON where absent, `null` and `{}` are the same (Hasura's defaults). */
export function itemKey(value: unknown): string {
  return canonicalJson(withoutDefaults(value))
}

function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const inner = withoutDefaults(v)
    if (inner === null || inner === undefined) continue
    if (isPlainObject(inner) && Object.keys(inner).length === 0) continue
    out[k] = inner
  }
  return out
}

/** Keys whose literal string value is a credential. */
const SECRET_KEYS = new Set(['database_url', 'connection_string', 'jdbc_url', 'password', 'private_key'])
export const MASK = '***'

/** A copy with literal credentials masked: header `value`s and connection strings (env references stay). */
export function masked(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && SECRET_KEYS.has(key) ? MASK : value
  if (Array.isArray(value)) {
    const headers = key === 'headers'
    return value.map((v) =>
      headers && isPlainObject(v) && typeof v.value === 'string' ? { ...v, value: MASK } : masked(v),
    )
  }
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = masked(v, k)
  return out
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : []
}

function omit(value: Record<string, unknown>, keys: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) out[k] = v
  return out
}

const str = (value: unknown): string => (typeof value === 'string' ? value : canonicalJson(value))
