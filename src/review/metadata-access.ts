/**
 * Whether one metadata change widens access, and why, per kind. Widening: a permission granted to a
 * role (on a table, logical model, function, action or remote schema), a table permission relaxed
 * (permission-changes.ts), a remote schema permission whose schema is not a subset of the old one, a
 * role joining an inherited role, queries becoming allowed (allow list entries, roles, or queries
 * added to an allow-listed collection), GraphQL introspection re-enabled for a role, a new function
 * (Hasura exposes it to every role that may select its return table unless `infer_function_permissions`
 * is off) and a new remote schema (every role may query it unless remote schema permissions are on).
 * Removals never widen, except removing introspection restrictions.
 */
import type { DocumentNode } from 'graphql'
import { isPlainObject } from '../project/yaml.js'
import { canonicalJson } from './canonical-json.js'
import { itemKey, type MetadataItem, type MetadataKind } from './metadata-items.js'
import { permissionChanges, permissionGrants, type Assessment } from './permission-changes.js'

export type { Assessment } from './permission-changes.js'

/** What of the GraphQL parser a remote schema permission's diff uses: `import('graphql')`, loaded on need. */
export type SdlParser = Pick<typeof import('graphql'), 'parse' | 'print'>

export interface AccessContext {
  /** The allow-list entries (collection names) of the metadata after the change. */
  allowListed: ReadonlySet<string>
  /** Needed only when a remote schema permission changed (`diffMetadataLoadingParser` loads it then). */
  sdl?: SdlParser
}

const ROW_PERMISSIONS = new Set<MetadataKind>([
  'select_permission',
  'insert_permission',
  'update_permission',
  'delete_permission',
  'logical_model_permission',
])
const GRANTS = new Set<MetadataKind>([
  ...ROW_PERMISSIONS,
  'function_permission',
  'action_permission',
  'remote_schema_permission',
])

export function assess(
  kind: MetadataKind,
  before: MetadataItem | undefined,
  after: MetadataItem | undefined,
  ctx: AccessContext,
): Assessment {
  if (!before && after) return assessAdded(kind, after)
  if (before && !after) return assessRemoved(kind, before)
  if (before && after) return assessChanged(kind, before, after, ctx)
  return { details: [], widening: [] }
}

function assessAdded(kind: MetadataKind, after: MetadataItem): Assessment {
  const role = after.role ?? ''
  if (ROW_PERMISSIONS.has(kind)) {
    const grants = permissionGrants(after.value)
    return { details: grants, widening: [`role ${role} gains this permission`] }
  }
  if (GRANTS.has(kind)) return { details: [], widening: [`role ${role} gains this permission`] }
  switch (kind) {
    case 'inherited_role': {
      const set = roleSet(after.value)
      return {
        details: [`inherits from ${set.join(', ') || 'no role'}`],
        widening: set.length > 0 ? [`role ${role} gets the permissions of ${set.join(', ')}`] : [],
      }
    }
    case 'allowlist':
      return {
        details: [],
        widening: [`queries of collection ${after.name} become allowed (${scopeText(after.value)})`],
      }
    case 'function':
      return {
        details: [],
        widening: [
          'exposed to every role that may select the table it returns, unless infer_function_permissions is off',
        ],
      }
    case 'remote_schema':
      return {
        details: [],
        widening: ['every role may query it, unless remote schema permissions are enabled'],
      }
    default:
      return { details: [], widening: [] }
  }
}

function assessRemoved(kind: MetadataKind, before: MetadataItem): Assessment {
  if (kind === 'setting' && before.name === 'graphql_schema_introspection') {
    const roles = disabledIntrospection(before.value)
    if (roles.length > 0)
      return { details: [], widening: [`GraphQL introspection enabled again for ${roles.join(', ')}`] }
  }
  return { details: [], widening: [] }
}

function assessChanged(
  kind: MetadataKind,
  before: MetadataItem,
  after: MetadataItem,
  ctx: AccessContext,
): Assessment {
  if (ROW_PERMISSIONS.has(kind)) return permissionChanges(before.value, after.value)
  switch (kind) {
    case 'remote_schema_permission':
      return remoteSchemaPermission(before.value, after.value, ctx.sdl)
    case 'inherited_role': {
      const b = roleSet(before.value)
      const a = roleSet(after.value)
      const added = a.filter((r) => !b.includes(r))
      const removed = b.filter((r) => !a.includes(r))
      const details = [
        ...(added.length > 0 ? [`roles added: ${added.join(', ')}`] : []),
        ...(removed.length > 0 ? [`roles removed: ${removed.join(', ')}`] : []),
      ]
      return {
        details,
        widening: added.length > 0 ? [`role ${after.name} now also inherits ${added.join(', ')}`] : [],
      }
    }
    case 'allowlist': {
      const b = scopeRoles(before.value)
      const a = scopeRoles(after.value)
      const detail = `scope: ${scopeText(before.value)} → ${scopeText(after.value)}`
      const widens = a === 'all' ? b !== 'all' : b !== 'all' && a.some((r) => !b.includes(r))
      return {
        details: [detail],
        widening: widens ? [`queries of ${after.name} allowed for more roles`] : [],
      }
    }
    case 'query_collection': {
      const b = queries(before.value)
      const a = queries(after.value)
      const added = [...a.keys()].filter((q) => !b.has(q))
      const removed = [...b.keys()].filter((q) => !a.has(q))
      const changed = [...a.keys()].filter((q) => b.has(q) && b.get(q) !== a.get(q))
      const details = [
        ...(added.length > 0 ? [`queries added: ${added.join(', ')}`] : []),
        ...(changed.length > 0 ? [`queries changed: ${changed.join(', ')}`] : []),
        ...(removed.length > 0 ? [`queries removed: ${removed.join(', ')}`] : []),
      ]
      const widens = ctx.allowListed.has(after.name) && added.length + changed.length > 0
      return {
        details,
        widening: widens ? [`the allow list now admits ${[...added, ...changed].join(', ')}`] : [],
      }
    }
    case 'setting':
      if (after.name === 'graphql_schema_introspection') {
        const b = disabledIntrospection(before.value)
        const a = disabledIntrospection(after.value)
        const enabled = b.filter((r) => !a.includes(r))
        return {
          details: changedPaths(before.raw, after.raw),
          widening:
            enabled.length > 0 ? [`GraphQL introspection enabled again for ${enabled.join(', ')}`] : [],
        }
      }
      return { details: changedPaths(before.raw, after.raw), widening: [] }
    default:
      return { details: changedPaths(before.raw, after.raw), widening: [] }
  }
}

/** Narrower or equal when every type member of the new schema is, as printed, in the old one. */
function remoteSchemaPermission(before: unknown, after: unknown, sdl: SdlParser | undefined): Assessment {
  if (!sdl)
    throw new Error('a remote schema permission changed and no GraphQL parser was given to compare it')
  const b = schemaMembers(before, sdl)
  const a = schemaMembers(after, sdl)
  if (!a || !b)
    return { details: ['schema changed'], widening: ['the schema given to the role changed (not readable)'] }
  const added = [...a].filter((m) => !b.has(m))
  const removed = [...b].filter((m) => !a.has(m))
  const details = [
    ...(added.length > 0 ? [`added or changed: ${added.join(', ')}`] : []),
    ...(removed.length > 0 ? [`removed: ${removed.join(', ')}`] : []),
  ]
  return { details, widening: added.length > 0 ? [`the role's schema gains ${added.join(', ')}`] : [] }
}

/** `Type.field` signatures (arguments, presets and all) of the SDL in a remote schema permission. */
function schemaMembers(entry: unknown, { parse, print }: SdlParser): Set<string> | undefined {
  const definition = isPlainObject(entry) && isPlainObject(entry.definition) ? entry.definition : {}
  if (typeof definition.schema !== 'string') return undefined
  let doc: DocumentNode
  try {
    doc = parse(definition.schema)
  } catch {
    return undefined
  }
  const members = new Set<string>()
  for (const node of doc.definitions) {
    if (!('name' in node) || !node.name) continue
    const type = node.name.value
    if ('fields' in node && node.fields) {
      for (const field of node.fields) members.add(`${type}.${print(field).replace(/\s+/g, ' ')}`)
    } else if ('values' in node && node.values) {
      for (const value of node.values) members.add(`${type}.${value.name.value}`)
    } else if ('types' in node && node.types) {
      for (const member of node.types) members.add(`${type}|${member.name.value}`)
    } else {
      members.add(type)
    }
  }
  return members
}

/** Paths (`definition.handler`) whose values differ; at most a few, then a count. */
export function changedPaths(before: unknown, after: unknown): string[] {
  const paths: string[] = []
  walk(before, after, '', paths)
  const MAX = 6
  if (paths.length <= MAX) return paths.length > 0 ? [`changed: ${paths.join(', ')}`] : []
  return [`changed: ${paths.slice(0, MAX).join(', ')} and ${paths.length - MAX} more`]
}

function walk(before: unknown, after: unknown, path: string, out: string[]): void {
  if (itemKey(before) === itemKey(after)) return
  const b = objectOrEmpty(before)
  const a = objectOrEmpty(after)
  if (b && a) {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)]))
      walk(b[key], a[key], path ? `${path}.${key}` : key, out)
    return
  }
  out.push(path || 'value')
}

/** A mapping, or `{}` for absent / null (Hasura's default); undefined for anything else. */
function objectOrEmpty(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return {}
  return isPlainObject(value) ? value : undefined
}

function roleSet(value: unknown): string[] {
  return isPlainObject(value) && Array.isArray(value.role_set) ? value.role_set.map(String).sort() : []
}

function scopeRoles(value: unknown): string[] | 'all' {
  const scope = isPlainObject(value) && isPlainObject(value.scope) ? value.scope : undefined
  if (!scope || scope.global !== false) return 'all'
  return Array.isArray(scope.roles) ? scope.roles.map(String) : []
}

function scopeText(value: unknown): string {
  const roles = scopeRoles(value)
  return roles === 'all' ? 'every role' : `roles ${roles.join(', ') || 'none'}`
}

function queries(value: unknown): Map<string, string> {
  const definition = isPlainObject(value) && isPlainObject(value.definition) ? value.definition : {}
  const out = new Map<string, string>()
  if (Array.isArray(definition.queries))
    for (const q of definition.queries) if (isPlainObject(q)) out.set(String(q.name), canonicalJson(q.query))
  return out
}

function disabledIntrospection(value: unknown): string[] {
  return isPlainObject(value) && Array.isArray(value.disabled_for_roles)
    ? value.disabled_for_roles.map(String)
    : []
}
