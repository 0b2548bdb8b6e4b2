/**
 * Config 3: catalog state (§4.4). Two cases: Hasura's catalog in the source database (cli_state changed
 * in the migration transaction), and a separate metadata database (set_catalog_state afterwards, with
 * the ledger covering a crash in between).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, query } from '../../support/database.js'
import { environment, migration, planUp, request, requestsSince, type Env } from './helpers.js'

const local = [
  migration(1700000000001, 'CREATE TABLE t1 (id int primary key);'),
  migration(1700000000002, 'CREATE TABLE runs (n int); INSERT INTO runs VALUES (1);'),
  migration(1700000000003, 'CREATE TABLE t3 (id int);'),
]
const versions = Object.fromEntries(local.map((m) => [m.version.toString(), false]))

async function catalog(url: string): Promise<{ id: string; cli_state: unknown; console_state: unknown }> {
  const rows = await query<{ id: string; cli_state: unknown; console_state: unknown }>(
    url,
    'SELECT hasura_uuid::text AS id, cli_state, console_state FROM hdb_catalog.hdb_version',
  )
  return rows[0]
}

async function setCliState(env: Env, state: unknown): Promise<void> {
  const r = await fetch(`${env.server.url}/v1/metadata`, {
    method: 'POST',
    headers: { 'x-hasura-admin-secret': 'hma-Secret-9f2c41e7' },
    body: JSON.stringify({ type: 'set_catalog_state', args: { type: 'cli', state } }),
  })
  expect(r.status).toBe(200)
}

describe('Hasura target, config 3, catalog in the source database', () => {
  let env: Env
  afterEach(async () => {
    await env.close()
  })

  it('writes cli_state exactly as the CLI does, inside the migration transaction, keeping other keys', async () => {
    env = await environment(3)
    await setCliState(env, { custom: { keep: [1, 2] }, migrations: { other: { '5': false } } })
    await query(env.db.url, `UPDATE hdb_catalog.hdb_version SET console_state = '{"console":"x"}'`)
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', local), { state: planned }))
    expect(res.error).toBeUndefined()
    expect(requestsSince(env.server, from)).toEqual(['/v2/query run_sql'])
    expect((env.server.requests[from].body as { args: { source: string } }).args.source).toBe('default')
    const c = await catalog(env.db.url)
    expect(c.cli_state).toEqual({
      custom: { keep: [1, 2] },
      migrations: { other: { '5': false }, default: versions },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
    expect(c.console_state).toEqual({ console: 'x' })
    // No ledger: the state is where the CLI keeps it.
    expect(await query(env.db.url, "SELECT to_regclass('hasura_migrate_action.ledger')::text AS l")).toEqual([
      { l: null },
    ])

    const again = await env.connect()
    expect([...(await again.readState('default')).versions.keys()]).toEqual(local.map((m) => m.version))
    const second = await again.execute(request('default', planUp('default', local)))
    expect(second.steps).toEqual([])
  })

  it('golden: a fresh server ends with exactly the CLI’s cli_state', async () => {
    env = await environment(3)
    const target = await env.connect()
    const res = await target.execute(request('default', planUp('default', local)))
    expect(res.error).toBeUndefined()
    expect((await catalog(env.db.url)).cli_state).toEqual({
      migrations: { default: versions },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
  })

  it('honours versions the CLI recorded and copies schema_migrations once (isStateCopyCompleted)', async () => {
    env = await environment(3)
    await query(
      env.db.url,
      `CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null);
       INSERT INTO hdb_catalog.schema_migrations VALUES (1700000000001, false);
       CREATE TABLE t1 (id int primary key);`,
    )
    await setCliState(env, {
      migrations: { default: { '1700000000002': false } },
      settings: { migration_mode: 'true' },
    })
    await query(env.db.url, 'CREATE TABLE runs (n int); INSERT INTO runs VALUES (1);')
    const target = await env.connect()
    const state = await target.readState('default')
    expect([...state.versions.keys()].sort()).toEqual([1700000000001n, 1700000000002n])
    const res = await target.execute(request('default', planUp('default', local), { state }))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => s.version)).toEqual(['1700000000003'])
    expect((await catalog(env.db.url)).cli_state).toEqual({
      migrations: { default: versions },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
  })

  it('refuses to run when migration mode is off, like the CLI', async () => {
    env = await environment(3)
    await setCliState(env, { settings: { migration_mode: 'false' } })
    const target = await env.connect()
    const res = await target.execute(request('default', planUp('default', local)))
    expect(res.error?.message).toMatch(/^Migration mode is disabled/)
    expect(res.steps.every((s) => s.status === 'not-run')).toBe(true)
    expect(await query(env.db.url, "SELECT to_regclass('t1')::text AS t")).toEqual([{ t: null }])
  })
})

describe('Hasura target, config 3, separate metadata database (ledger)', () => {
  let env: Env
  let meta: Awaited<ReturnType<typeof createDatabase>>
  afterEach(async () => {
    await env.close()
    await meta.drop()
  })

  it('applies in one transaction, then records the catalog state and marks the ledger', async () => {
    meta = await createDatabase('hmeta')
    env = await environment(3, { metadataDatabaseUrl: meta.url })
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', local), { state: planned }))
    expect(res.error).toBeUndefined()
    // The transaction; the catalog-writer lease (with the unrecorded rows); the catalog state; mark + release.
    expect(requestsSince(env.server, from)).toEqual([
      '/v2/query run_sql',
      '/v2/query run_sql',
      '/v1/metadata get_catalog_state',
      '/v1/metadata set_catalog_state',
      '/v2/query run_sql',
    ])
    expect(
      await query(env.db.url, 'SELECT count(*)::int AS n FROM hasura_migrate_action.catalog_writer'),
    ).toEqual([{ n: 0 }])
    expect((await catalog(meta.url)).cli_state).toEqual({
      migrations: { default: versions },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
    expect(await query(env.db.url, "SELECT to_regclass('hdb_catalog.hdb_version')::text AS v")).toEqual([
      { v: null },
    ])
    expect(
      await query(
        env.db.url,
        'SELECT database, version::text, name, applied, dirty, recorded FROM hasura_migrate_action.ledger ORDER BY version',
      ),
    ).toEqual(
      local.map((m) => ({
        database: 'default',
        version: m.version.toString(),
        name: m.name,
        applied: true,
        dirty: false,
        recorded: true,
      })),
    )
    const second = await (await env.connect()).execute(request('default', planUp('default', local)))
    expect(second.steps).toEqual([])
    expect(second.error).toBeUndefined()
  })

  it('a crash between the transaction and set_catalog_state is completed from the ledger, not re-run', async () => {
    meta = await createDatabase('hmeta')
    env = await environment(3, { metadataDatabaseUrl: meta.url })
    env.server.faults.next({ kind: 'close', match: { type: 'set_catalog_state' } })
    const first = await (await env.connect()).execute(request('default', planUp('default', local)))
    expect(first.steps.map((s) => s.status)).toEqual(['applied', 'applied', 'applied'])
    expect(first.error?.kind).toBe('target')
    expect(first.error?.message).toMatch(
      /are committed in the database, but recording them in the catalog state failed/,
    )
    expect(first.error?.message).toMatch(/completes the catalog state from the ledger/)
    expect((await catalog(meta.url)).cli_state).toEqual({})

    const target = await env.connect()
    const state = await target.readState('default')
    expect([...state.versions.keys()]).toEqual(local.map((m) => m.version))
    const req = request('default', planUp('default', local), { state })
    const second = await target.execute(req)
    expect(second.error).toBeUndefined()
    expect(second.steps).toEqual([])
    expect(req.events).toContainEqual({
      type: 'info',
      message:
        "completed the catalog state from the ledger: version(s) 1700000000001, 1700000000002, 1700000000003 of database 'default' were committed by another run that had not recorded them; recorded now, not run again",
    })
    expect((await catalog(meta.url)).cli_state).toEqual({
      migrations: { default: versions },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM runs')).toEqual([{ n: 1 }])
    expect(
      await query(
        env.db.url,
        'SELECT count(*)::int AS n FROM hasura_migrate_action.ledger WHERE NOT recorded',
      ),
    ).toEqual([{ n: 0 }])
  })

  it('never recovers a version a user removed from the catalog state', async () => {
    meta = await createDatabase('hmeta')
    env = await environment(3, { metadataDatabaseUrl: meta.url })
    await (await env.connect()).execute(request('default', planUp('default', local)))
    await setCliState(env, {
      migrations: { default: { '1700000000001': false, '1700000000003': false } },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
    const state = await (await env.connect()).readState('default')
    expect([...state.versions.keys()]).toEqual([1700000000001n, 1700000000003n])
  })
})

describe('Hasura target, config 3, several databases', () => {
  it('sends run_sql with the source and keeps each database’s versions apart', async () => {
    const s2 = await createDatabase('hs2')
    const env = await environment(3, { sources: [{ name: 's2', databaseUrl: s2.url }] })
    try {
      const target = await env.connect()
      expect(await target.listDatabases()).toEqual([
        { name: 'default', kind: 'postgres' },
        { name: 's2', kind: 'postgres' },
      ])
      const res = await target.execute(request('s2', planUp('s2', local.slice(0, 1))))
      expect(res.error).toBeUndefined()
      expect(await query(s2.url, "SELECT to_regclass('t1')::text AS t")).toEqual([{ t: 't1' }])
      expect(await query(env.db.url, "SELECT to_regclass('t1')::text AS t")).toEqual([{ t: null }])
      // s2 does not hold the catalog: its state goes through set_catalog_state into the default database's catalog.
      expect((await catalog(env.db.url)).cli_state).toEqual({
        migrations: { s2: { '1700000000001': false } },
        settings: { migration_mode: 'true' },
        isStateCopyCompleted: true,
      })
    } finally {
      await env.close()
      await s2.drop()
    }
  })
})
