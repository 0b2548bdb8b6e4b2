/** Metadata on the Hasura target: replace with the resource version, reload, inconsistencies named. */
import { afterEach, describe, expect, it } from 'vitest'
import { query } from '../../support/database.js'
import { environment, migration, planUp, request, requestsSince, SECRET, type Env } from './helpers.js'

const source = (tables: unknown[]) => ({
  name: 'default',
  kind: 'postgres',
  tables,
  configuration: {
    connection_info: {
      database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' },
      isolation_level: 'read-committed',
      pool_settings: { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 },
      use_prepared_statements: true,
    },
  },
})

const v3 = (tables: unknown[]) => ({ version: 3, sources: [source(tables)] })

async function exported(
  env: Env,
): Promise<{ resource_version: number; metadata: { sources: { tables: unknown[] }[] } }> {
  const r = await fetch(`${env.server.url}/v1/metadata`, {
    method: 'POST',
    headers: { 'x-hasura-admin-secret': SECRET },
    body: JSON.stringify({ type: 'export_metadata', version: 2, args: {} }),
  })
  return (await r.json()) as { resource_version: number; metadata: { sources: { tables: unknown[] }[] } }
}

describe('Hasura target: metadata', () => {
  let env: Env
  afterEach(async () => {
    await env.close()
  })

  it('config 3: replace_metadata v2 with the resource version, then reload and the consistency check', async () => {
    env = await environment(3)
    await query(env.db.url, 'CREATE TABLE author (id int primary key)')
    const target = await env.connect()
    const from = env.server.requests.length
    const res = await target.applyMetadata(v3([{ table: { schema: 'public', name: 'author' } }]), {
      configVersion: 3,
      allowInconsistent: false,
      dryRun: false,
    })
    expect(res).toEqual({ status: 'applied', inconsistentObjects: [] })
    expect(requestsSince(env.server, from)).toEqual([
      '/v1/metadata export_metadata',
      '/v1/metadata replace_metadata',
      '/v1/metadata reload_metadata',
      '/v1/metadata get_inconsistent_metadata',
    ])
    const replace = env.server.requests[from + 1].body as Record<string, unknown>
    expect(replace).toMatchObject({
      type: 'replace_metadata',
      version: 2,
      resource_version: 1,
      args: { allow_inconsistent_metadata: false },
    })
    expect((await exported(env)).metadata.sources[0].tables).toEqual([
      { table: { schema: 'public', name: 'author' } },
    ])
  })

  it('inconsistent metadata: the server keeps its metadata unless allowed; objects are named either way', async () => {
    env = await environment(3)
    const target = await env.connect()
    const before = await exported(env)
    const meta = v3([
      { table: { schema: 'public', name: 'missing' } },
      { table: { schema: 'pub', name: 'gone' } },
    ])
    const refused = await target.applyMetadata(meta, {
      configVersion: 3,
      allowInconsistent: false,
      dryRun: false,
    })
    const objects = [
      {
        type: 'table',
        name: 'table missing in source default',
        reason: 'Inconsistent object: no such table/view exists in source: "missing"',
      },
      {
        type: 'table',
        name: 'table pub.gone in source default',
        reason: 'Inconsistent object: no such table/view exists in source: "pub.gone"',
      },
    ]
    expect(refused).toEqual({
      status: 'inconsistent',
      message: 'the server refused the metadata because it is inconsistent, and kept its previous metadata',
      inconsistentObjects: objects,
    })
    expect(await exported(env)).toEqual(before)
    const allowed = await target.applyMetadata(meta, {
      configVersion: 3,
      allowInconsistent: true,
      dryRun: false,
    })
    expect(allowed).toEqual({
      status: 'inconsistent',
      message: 'the metadata was applied; 2 object(s) are inconsistent',
      inconsistentObjects: objects,
    })
    expect((await exported(env)).metadata.sources[0].tables).toHaveLength(2)
  })

  it('a concurrent metadata change between our read and our replace is refused (409), not overwritten', async () => {
    env = await environment(3)
    await query(env.db.url, 'CREATE TABLE a (id int); CREATE TABLE b (id int)')
    let interfered = false
    const sneaky: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { type?: string }) : {}
      if (body.type === 'replace_metadata' && !interfered) {
        interfered = true
        await fetch(`${env.server.url}/v1/metadata`, {
          method: 'POST',
          headers: { 'x-hasura-admin-secret': SECRET },
          body: JSON.stringify({
            type: 'replace_metadata',
            version: 2,
            args: { metadata: v3([{ table: 'b' }]) },
          }),
        })
      }
      return fetch(input, init)
    }
    const target = await env.connect({ fetch: sneaky })
    const res = await target.applyMetadata(v3([{ table: 'a' }]), {
      configVersion: 3,
      allowInconsistent: false,
      dryRun: false,
    })
    expect(res).toEqual({
      status: 'failed',
      message:
        'the metadata on the server changed while this run applied it (resource version 1 is no longer current): nothing was replaced; run again',
      inconsistentObjects: [],
    })
    expect((await exported(env)).metadata.sources[0].tables).toEqual([
      { table: { schema: 'public', name: 'b' } },
    ])
  })

  it('config 2: the v1 form of replace_metadata', async () => {
    env = await environment(2)
    await query(env.db.url, 'CREATE TABLE author (id int primary key)')
    const target = await env.connect()
    const from = env.server.requests.length
    const res = await target.applyMetadata(
      { version: 2, tables: [{ table: { schema: 'public', name: 'author' } }] },
      { configVersion: 2, allowInconsistent: false, dryRun: false },
    )
    expect(res).toEqual({ status: 'applied', inconsistentObjects: [] })
    expect(env.server.requests[from + 1].body).toMatchObject({
      type: 'replace_metadata',
      resource_version: 1,
      args: { version: 2, tables: [{ table: { schema: 'public', name: 'author' } }] },
    })
  })

  it('dry run: planned, nothing sent', async () => {
    env = await environment(3)
    const target = await env.connect()
    const from = env.server.requests.length
    const res = await target.applyMetadata(v3([]), {
      configVersion: 3,
      allowInconsistent: false,
      dryRun: true,
    })
    expect(res.status).toBe('planned')
    expect(requestsSince(env.server, from)).toEqual([])
  })

  it('a fresh server: connect the project’s sources first, then migrations can run', async () => {
    env = await environment(3, { connectDefaultSource: false })
    const target = await env.connect()
    expect(await target.listDatabases()).toEqual([])
    const failed = await target.execute(
      request('default', planUp('default', [migration(1, 'CREATE TABLE x (id int)')])),
    )
    expect(failed.error?.message).toMatch(/source with name "default" does not exist/)
    expect(await target.connectSources(v3([]))).toEqual(['default'])
    expect(await target.connectSources(v3([]))).toEqual([])
    const res = await target.execute(
      request('default', planUp('default', [migration(1, 'CREATE TABLE x (id int)')])),
    )
    expect(res.error).toBeUndefined()
    expect(await query(env.db.url, "SELECT to_regclass('x')::text AS x")).toEqual([{ x: 'x' }])
  })
})
