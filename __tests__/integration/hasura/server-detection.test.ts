/** Server detection (§3) and the v1.x server path (run_sql and metadata on /v1/query). */
import { afterEach, describe, expect, it } from 'vitest'
import { connectHasura } from '../../../src/targets/hasura/index.js'
import { createDatabase, query } from '../../support/database.js'
import { environment, migration, planUp, request, requestsSince, SECRET, type Env } from './helpers.js'

const local = [migration(1, 'CREATE TABLE a (id int);'), migration(2, 'CREATE TABLE b (id int);')]

describe('Hasura target: server detection', () => {
  let env: Env
  afterEach(async () => {
    await env.close()
  })

  it('config 2 on a v1.x server: /v1/query for run_sql, same state table', async () => {
    env = await environment(2, { serverGeneration: 'v1' })
    const target = await env.connect()
    expect(target.generation).toBe('v1')
    expect(target.info.serverVersion).toBe('v1.3.3')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', local)))
    expect(res.error).toBeUndefined()
    expect(requestsSince(env.server, from)).toEqual(['/v1/query run_sql', '/v1/query run_sql'])
    expect(
      await query(env.db.url, 'SELECT version::int AS v FROM hdb_catalog.schema_migrations ORDER BY 1'),
    ).toEqual([{ v: 1 }, { v: 2 }])
    const meta = await target.applyMetadata(
      { version: 2, tables: [{ table: 'a' }] },
      { configVersion: 2, allowInconsistent: false, dryRun: false },
    )
    expect(meta.status).toBe('applied')
    expect(requestsSince(env.server, from).slice(2)).toEqual([
      '/v1/query replace_metadata',
      '/v1/query reload_metadata',
      '/v1/query get_inconsistent_metadata',
    ])
  })

  it('config 3 needs a server with metadata version 3', async () => {
    env = await environment(3, { serverGeneration: 'v1' })
    await expect(env.connect()).rejects.toThrow(
      /^config v3 can only be used with servers having metadata version >= 3/,
    )
  })

  it('config 2 on a v2 server with several databases is refused as the CLI refuses it', async () => {
    const s2 = await createDatabase('hs2')
    env = await environment(2, { sources: [{ name: 's2', databaseUrl: s2.url }] })
    try {
      await expect(env.connect()).rejects.toThrow(
        /^Looks like you are trying to use hasura with multiple databases/,
      )
    } finally {
      await s2.drop()
    }
  })

  it('config 1 on a v2 server is refused as the CLI refuses it', async () => {
    env = await environment(1)
    await expect(env.connect()).rejects.toThrow(/^config v1 is deprecated from v1\.4/)
  })

  it('migration mode off in hdb_catalog.migration_settings stops the run before anything runs', async () => {
    env = await environment(2)
    await query(
      env.db.url,
      `CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null);
       INSERT INTO hdb_catalog.migration_settings VALUES ('migration_mode', 'false');`,
    )
    const res = await (await env.connect()).execute(request('default', planUp('default', local)))
    expect(res.error?.message).toMatch(
      /^Migration mode is disabled \(migration_mode = 'false' in hdb_catalog\.migration_settings\)/,
    )
    expect(await query(env.db.url, "SELECT to_regclass('a')::text AS a")).toEqual([{ a: null }])
  })

  it('an endpoint with a path prefix keeps it for every API (§1.3)', async () => {
    env = await environment(2)
    const seen: string[] = []
    const recording: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url
      seen.push(url)
      return fetch(url.replace('/hasura/', '/'), init)
    }
    await connectHasura({
      endpoint: `${env.server.url}/hasura/`,
      adminSecret: SECRET,
      configVersion: 2,
      timeoutMs: 5000,
      fetch: recording,
    })
    expect(seen).toEqual([`${env.server.url}/hasura/v1/version`, `${env.server.url}/hasura/v1/query`])
  })
})
