/**
 * Metadata on Hasura (§8.1): `replace_metadata` in the form the project's config version calls for, with
 * the resource version read just before, so a concurrent change is refused by the server (409) instead of
 * overwritten; then `reload_metadata` and `get_inconsistent_metadata`. Inconsistent objects come back
 * named; whether that fails the run is the caller's decision (`allow-inconsistent-metadata`).
 */
import { TargetError } from '../../errors.js'
import type { InconsistentObject, MetadataResult } from '../../model.js'
import type { HasuraConnection } from './connection.js'
import { HasuraApiError, UnknownOutcomeError } from './http.js'

export interface ApplyMetadataOptions {
  configVersion: 1 | 2 | 3
  allowInconsistent: boolean
  dryRun: boolean
}

interface RawInconsistent {
  type?: unknown
  name?: unknown
  reason?: unknown
  definition?: unknown
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Hasura's objects, as the report shows them (v1.3 servers give no `name`: the definition says what it is). */
export function inconsistentObjectsOf(list: unknown): InconsistentObject[] {
  if (!Array.isArray(list)) return []
  return (list as RawInconsistent[]).map((o) => {
    const def = o.definition
    const described = isObject(def)
      ? typeof def.name === 'string'
        ? `${typeof def.schema === 'string' && def.schema !== 'public' ? `${def.schema}.` : ''}${def.name}`
        : JSON.stringify(def).slice(0, 80)
      : typeof def === 'string'
        ? def
        : ''
    return {
      type: typeof o.type === 'string' ? o.type : 'unknown',
      name: typeof o.name === 'string' ? o.name : described,
      reason: typeof o.reason === 'string' ? o.reason : '',
    }
  })
}

async function resourceVersion(conn: HasuraConnection): Promise<number | undefined> {
  if (conn.generation !== 'v2') return undefined
  const ex = await conn.metadata<{ resource_version?: unknown }>(
    { type: 'export_metadata', version: 2, args: {} },
    false,
    'reading the metadata resource version (export_metadata)',
  )
  return typeof ex.resource_version === 'number' ? ex.resource_version : undefined
}

function replaceBody(metadata: Record<string, unknown>, o: ApplyMetadataOptions, rv: number | undefined) {
  const withRv = rv === undefined ? {} : { resource_version: rv }
  if (o.configVersion === 3) {
    return {
      type: 'replace_metadata',
      version: 2,
      ...withRv,
      args: { allow_inconsistent_metadata: o.allowInconsistent, metadata },
    }
  }
  if (o.configVersion === 2) return { type: 'replace_metadata', ...withRv, args: metadata }
  // Config 1, legacy CLI v1.x: clear, then replace, in one bulk (one transaction on v1 servers).
  return {
    type: 'bulk',
    args: [
      { type: 'clear_metadata', args: {} },
      { type: 'replace_metadata', args: metadata },
    ],
  }
}

export async function applyMetadataOnHasura(
  conn: HasuraConnection,
  metadata: Record<string, unknown>,
  o: ApplyMetadataOptions,
): Promise<MetadataResult> {
  if (o.dryRun)
    return {
      status: 'planned',
      message: 'dry run: the metadata was built, not applied',
      inconsistentObjects: [],
    }
  let rv: number | undefined
  try {
    rv = o.configVersion === 1 ? undefined : await resourceVersion(conn)
  } catch (e) {
    if (!(e instanceof TargetError)) throw e
    return { status: 'failed', message: `nothing was applied: ${e.message}`, inconsistentObjects: [] }
  }
  const body = replaceBody(metadata, o, rv)
  const what = 'applying the metadata (replace_metadata)'
  // Config 1 is a bulk on /v1/query; the others go to the metadata API.
  const send = (): Promise<unknown> =>
    o.configVersion === 1 ? conn.http.write('query', body, what) : conn.metadata(body, true, what)
  try {
    await send()
  } catch (e) {
    if (e instanceof HasuraApiError && e.status === 409) {
      return {
        status: 'failed',
        message: `the metadata on the server changed while this run applied it (resource version ${rv} is no longer current): nothing was replaced; run again`,
        inconsistentObjects: [],
      }
    }
    if (e instanceof HasuraApiError && e.body.code === 'unexpected' && Array.isArray(e.body.internal)) {
      return {
        status: 'inconsistent',
        message: 'the server refused the metadata because it is inconsistent, and kept its previous metadata',
        inconsistentObjects: inconsistentObjectsOf(e.body.internal),
      }
    }
    if (e instanceof UnknownOutcomeError) {
      const after = await resourceVersion(conn).catch(() => undefined)
      const changed =
        rv === undefined || after === undefined
          ? 'whether it was applied is unknown'
          : after === rv
            ? 'the server still has its previous metadata'
            : `the server's metadata changed (resource version ${rv} → ${after}), most likely by this request`
      return { status: 'failed', message: `${e.message}; ${changed}; run again`, inconsistentObjects: [] }
    }
    if (e instanceof TargetError) return { status: 'failed', message: e.message, inconsistentObjects: [] }
    throw e
  }
  let ic: { is_consistent?: unknown; inconsistent_objects?: unknown }
  try {
    await conn.metadata(
      { type: 'reload_metadata', args: {} },
      true,
      'reloading the metadata (reload_metadata)',
    )
    ic = await conn.metadata<{ is_consistent?: unknown; inconsistent_objects?: unknown }>(
      { type: 'get_inconsistent_metadata', args: {} },
      false,
      'listing inconsistent metadata (get_inconsistent_metadata)',
    )
  } catch (e) {
    if (!(e instanceof TargetError)) throw e
    return {
      status: 'failed',
      message: `the metadata was applied, but checking it failed: ${e.message}`,
      inconsistentObjects: [],
    }
  }
  const objects = inconsistentObjectsOf(ic.inconsistent_objects)
  if (objects.length) {
    return {
      status: 'inconsistent',
      message: `the metadata was applied; ${objects.length} object(s) are inconsistent`,
      inconsistentObjects: objects,
    }
  }
  return { status: 'applied', inconsistentObjects: [] }
}

/**
 * Connects the sources a config 3 project's metadata declares and the server lacks (`pg_add_source`,
 * `<kind>_add_source`), as `hasura deploy` applies metadata before migrations: `run_sql` with a `source`
 * needs the source to exist. Returns the names connected.
 */
export async function connectSourcesOnHasura(
  conn: HasuraConnection,
  metadata: Record<string, unknown>,
): Promise<string[]> {
  if (conn.generation !== 'v2') return []
  const wanted = Array.isArray(metadata.sources) ? (metadata.sources as Record<string, unknown>[]) : []
  const current = await conn.metadata<{ sources?: { name?: unknown }[] }>(
    { type: 'export_metadata', args: {} },
    false,
    'listing the connected databases (export_metadata)',
  )
  const have = new Set((current.sources ?? []).map((s) => s.name))
  const added: string[] = []
  for (const s of wanted) {
    if (typeof s.name !== 'string' || have.has(s.name)) continue
    const kind = typeof s.kind === 'string' ? s.kind : 'postgres'
    const type = kind === 'postgres' ? 'pg_add_source' : `${kind}_add_source`
    const args: Record<string, unknown> = { name: s.name, configuration: s.configuration }
    if (s.customization !== undefined) args.customization = s.customization
    try {
      await conn.metadata({ type, args }, true, `connecting database '${s.name}' (${type})`)
    } catch (e) {
      if (e instanceof HasuraApiError && e.body.code === 'already-exists') continue
      throw e
    }
    added.push(s.name)
  }
  return added
}
