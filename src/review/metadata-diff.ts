/**
 * The semantic diff of two Hasura metadata objects: per source, and for the objects outside any
 * source, which tables, functions, relationships, permissions, actions, … were added, removed or
 * changed — each change flagged when it widens access, with the reasons on the item itself.
 *
 * Pure: takes two metadata objects (a project's `buildMetadata`, a server's `export_metadata`, config
 * 2's `version: 2` with top-level `tables` or v3's `sources`; `undefined` for none) and returns values.
 * What counts as the same and what widens: metadata-items.ts, bool-exp.ts, metadata-access.ts,
 * permission-changes.ts.
 */
import { assess, type AccessContext, type SdlParser } from './metadata-access.js'
import { isPlainObject } from '../project/yaml.js'
import { compare } from './canonical-json.js'
import type { MetadataChangeResult } from '../model.js'
import { metadataView, type MetadataItem, type MetadataKind } from './metadata-items.js'

export type { MetadataKind } from './metadata-items.js'

export type MetadataChangeType = MetadataChangeResult['change']

export type MetadataChange = MetadataChangeResult<MetadataKind>

export interface SourceChanges {
  source: string
  changes: MetadataChange[]
}

export interface MetadataChanges {
  /** Sources with at least one change: the after metadata's order, then sources only before had. */
  sources: SourceChanges[]
  /** Actions, custom types, remote schemas, query collections, allow list, cron triggers, settings, … */
  global: MetadataChange[]
}

export interface MetadataDiffOptions {
  /** `HASURA_GRAPHQL_UNAUTHORIZED_ROLE` of the server, when known. */
  unauthorizedRole?: string
  /** The GraphQL parser, to compare a changed remote schema permission's schema (see `diffMetadataLoadingParser`). */
  sdl?: SdlParser
}

/** Roles treated as unauthenticated when the server's setting is unknown. */
export const DEFAULT_UNAUTHENTICATED_ROLES = ['anonymous', 'public'] as const

export function diffMetadata(
  before: unknown,
  after: unknown,
  options: MetadataDiffOptions = {},
): MetadataChanges {
  const b = metadataView(before)
  const a = metadataView(after)
  const unauthenticated = new Set<string>(
    options.unauthorizedRole ? [options.unauthorizedRole] : DEFAULT_UNAUTHENTICATED_ROLES,
  )
  const allowListed = new Set([...a.global.values()].filter((i) => i.kind === 'allowlist').map((i) => i.name))
  const sdl = options.sdl
  const diff = (from: Map<string, MetadataItem>, to: Map<string, MetadataItem>) =>
    diffItems(from, to, { unauthenticated, allowListed, ...(sdl ? { sdl } : {}) })

  const sources: SourceChanges[] = []
  const names = [...a.sources.keys(), ...[...b.sources.keys()].filter((s) => !a.sources.has(s))]
  for (const source of names) {
    const none = new Map<string, MetadataItem>()
    let from = b.sources.get(source) ?? none
    let to = a.sources.get(source) ?? none
    // config 2 says nothing of the source's settings: they are not "added" or "removed" against v3's
    if (a.legacy.has(source) || b.legacy.has(source)) [from, to] = [withoutSource(from), withoutSource(to)]
    const changes = diff(from, to)
    if (changes.length > 0) sources.push({ source, changes })
  }
  return { sources, global: diff(b.global, a.global) }
}

/**
 * `diffMetadata`, loading the GraphQL parser (388 KB, so no run loads it for nothing) only when both sides
 * have remote schema permissions, the one kind whose change it compares.
 */
export async function diffMetadataLoadingParser(
  before: unknown,
  after: unknown,
  options: MetadataDiffOptions = {},
): Promise<MetadataChanges> {
  const needed = !options.sdl && hasRemoteSchemaPermissions(before) && hasRemoteSchemaPermissions(after)
  const sdl = needed ? await loadSdlParser() : options.sdl
  return diffMetadata(before, after, { ...options, ...(sdl ? { sdl } : {}) })
}

async function loadSdlParser(): Promise<SdlParser> {
  const { parse, print } = await import('graphql')
  return { parse, print }
}

function hasRemoteSchemaPermissions(metadata: unknown): boolean {
  const schemas = isPlainObject(metadata) ? metadata.remote_schemas : undefined
  return (
    Array.isArray(schemas) &&
    schemas.some((r) => isPlainObject(r) && Array.isArray(r.permissions) && r.permissions.length > 0)
  )
}

function withoutSource(items: Map<string, MetadataItem>): Map<string, MetadataItem> {
  return new Map([...items].filter(([, item]) => item.kind !== 'source'))
}

/** Every change of `changes`, sources first. */
export function allChanges(changes: MetadataChanges): MetadataChange[] {
  return [...changes.sources.flatMap((s) => s.changes), ...changes.global]
}

interface DiffContext extends AccessContext {
  unauthenticated: ReadonlySet<string>
}

function diffItems(
  before: Map<string, MetadataItem>,
  after: Map<string, MetadataItem>,
  ctx: DiffContext,
): MetadataChange[] {
  const out: { owner: string; change: MetadataChange }[] = []
  for (const [id, item] of after) {
    const old = before.get(id)
    if (old && old.key === item.key) continue
    out.push({ owner: item.owner, change: makeChange(old, item, ctx) })
  }
  for (const [id, item] of before) {
    if (!after.has(id)) out.push({ owner: item.owner, change: makeChange(item, undefined, ctx) })
  }
  out.sort(
    (x, y) =>
      compare(x.owner, y.owner) ||
      KIND_ORDER.indexOf(x.change.kind) - KIND_ORDER.indexOf(y.change.kind) ||
      compare(x.change.name, y.change.name),
  )
  return out.map((o) => o.change)
}

function makeChange(
  before: MetadataItem | undefined,
  after: MetadataItem | undefined,
  ctx: DiffContext,
): MetadataChange {
  const item = (after ?? before)!
  const change: MetadataChangeType = !before ? 'added' : !after ? 'removed' : 'changed'
  const { details, widening } = assess(item.kind, before, after, ctx)
  const role = item.role
  const open = role !== undefined && ctx.unauthenticated.has(role) && change !== 'removed'
  const reasons =
    open && widening.length > 0
      ? [`${role} is the unauthenticated role: anyone, without logging in`, ...widening]
      : widening
  const out: MetadataChange = {
    kind: item.kind,
    name: item.name,
    change,
    before: before?.value ?? null,
    after: after?.value ?? null,
    widens: reasons.length > 0,
    widening: reasons,
    summary: summaryOf(item, change),
    details,
  }
  if (role !== undefined) out.role = role
  if (open) out.unauthenticated = true
  return out
}

/** Report order within an owner: the object itself, then what hangs off it. */
const KIND_ORDER: MetadataKind[] = [
  'source',
  'table',
  'function',
  'logical_model',
  'native_query',
  'stored_procedure',
  'object_relationship',
  'array_relationship',
  'remote_relationship',
  'computed_field',
  'select_permission',
  'insert_permission',
  'update_permission',
  'delete_permission',
  'function_permission',
  'logical_model_permission',
  'event_trigger',
  'action',
  'action_permission',
  'custom_type',
  'remote_schema',
  'remote_schema_permission',
  'remote_schema_relationship',
  'query_collection',
  'allowlist',
  'rest_endpoint',
  'cron_trigger',
  'inherited_role',
  'setting',
]

const LABELS: Partial<Record<MetadataKind, string>> = {
  allowlist: 'allow-list entry',
  setting: 'setting',
}

export function kindLabel(kind: MetadataKind): string {
  return LABELS[kind] ?? kind.replace(/_/g, ' ')
}

function summaryOf(item: MetadataItem, change: MetadataChangeType): string {
  const label = kindLabel(item.kind)
  if (item.kind.endsWith('_permission') && item.role !== undefined) {
    const how = change === 'added' ? 'granted to' : change === 'removed' ? 'revoked from' : 'changed for'
    return `${label} on ${item.owner} ${how} role ${item.role}`
  }
  if (item.kind === 'table' || item.kind === 'function') {
    const how = change === 'added' ? 'tracked' : change === 'removed' ? 'untracked' : 'changed'
    return `${label} ${item.name} ${how}`
  }
  return `${label} ${item.name} ${change}`
}
