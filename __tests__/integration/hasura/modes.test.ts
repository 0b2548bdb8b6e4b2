/** Rehearse, skip-execution, per-migration, down, no-transaction files and seeds on the Hasura target. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { query } from '../../support/database.js'
import {
  downStep,
  environment,
  migration,
  planUp,
  request,
  requestsSince,
  upStep,
  type Env,
} from './helpers.js'

const local = [
  migration(1, 'CREATE TABLE a (id int primary key);', { down: 'DROP TABLE a;' }),
  migration(2, 'CREATE TABLE b (id int primary key);\nINSERT INTO b VALUES (1);', { down: 'DROP TABLE b;' }),
  migration(3, 'CREATE TABLE c (id int primary key);', { down: 'DROP TABLE c;' }),
]

const tables = async (env: Env): Promise<unknown> =>
  query(
    env.db.url,
    "SELECT to_regclass('a')::text AS a, to_regclass('b')::text AS b, to_regclass('c')::text AS c",
  )
const recorded = async (env: Env): Promise<string[]> =>
  (
    await query<{ v: string }>(
      env.db.url,
      "SELECT version::text AS v FROM hdb_catalog.schema_migrations WHERE to_regclass('hdb_catalog.schema_migrations') IS NOT NULL ORDER BY version",
    ).catch(() => [])
  ).map((r) => r.v)

describe('Hasura target: execution modes (config 2)', () => {
  let env: Env
  beforeEach(async () => {
    env = await environment(2)
  })
  afterEach(async () => {
    await env.close()
  })

  it('rehearse: runs everything in one request that always rolls back', async () => {
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(
      request('default', planUp('default', local), { state: planned, mode: 'rehearse' }),
    )
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => s.status)).toEqual(['rehearsed', 'rehearsed', 'rehearsed'])
    expect(requestsSince(env.server, from)).toEqual(['/v2/query run_sql'])
    expect(await tables(env)).toEqual([{ a: null, b: null, c: null }])
    expect(await query(env.db.url, "SELECT to_regclass('hdb_catalog.schema_migrations')::text AS t")).toEqual(
      [{ t: null }],
    )
    expect(res.stateAfter.versions.size).toBe(0)
  })

  it('rehearse: a failure is named, and nothing changes; a no-transaction file is "not rehearsed"', async () => {
    const withNoTx = [
      ...local,
      migration(4, '-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY c_id ON c (id);', {
        noTransaction: true,
      }),
      migration(5, 'CREATE TABLE e (id int);\nSELECT * FROM nope;'),
    ]
    const target = await env.connect()
    const res = await target.execute(request('default', planUp('default', withNoTx), { mode: 'rehearse' }))
    expect(res.error).toMatchObject({
      version: '5',
      line: 2,
      sqlstate: '42P01',
      message: 'relation "nope" does not exist',
    })
    // as on every target: what ran before the failure was rehearsed
    expect(res.steps.map((s) => [s.status, s.note ?? ''])).toEqual([
      ['rehearsed', ''],
      ['rehearsed', ''],
      ['rehearsed', ''],
      ['not-run', 'not rehearsed (no-transaction)'],
      ['failed', ''],
    ])
    expect(await tables(env)).toEqual([{ a: null, b: null, c: null }])
  })

  it('skip-execution: records the versions without running their SQL', async () => {
    const target = await env.connect()
    const res = await target.execute(request('default', planUp('default', local), { mode: 'skip-execution' }))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => [s.status, s.note])).toEqual(
      Array(3).fill(['skipped', 'recorded only (skip-execution)']),
    )
    expect(await tables(env)).toEqual([{ a: null, b: null, c: null }])
    expect(await recorded(env)).toEqual(['1', '2', '3'])
  })

  it('per-migration: one request per step; a failure keeps what committed before it', async () => {
    const bad = [...local, migration(4, 'CREATE TABLE d (id int);\nINSERT INTO d VALUES (1/0);')]
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(
      request('default', planUp('default', bad), { state: planned, transaction: 'per-migration' }),
    )
    expect(res.steps.map((s) => s.status)).toEqual(['applied', 'applied', 'applied', 'failed'])
    expect(res.error).toMatchObject({ version: '4', line: 2, sqlstate: '22012' })
    // 4 transactions, then 2 rehearsed prefixes of the failing file to find its statement.
    expect(requestsSince(env.server, from)).toHaveLength(6)
    expect(await recorded(env)).toEqual(['1', '2', '3'])
    expect([...res.stateAfter.versions.keys()]).toEqual([1n, 2n, 3n])
    expect(await query(env.db.url, "SELECT to_regclass('d')::text AS d")).toEqual([{ d: null }])
  })

  it('down: runs the down files and removes the records', async () => {
    const target = await env.connect()
    await target.execute(request('default', planUp('default', local)))
    const down = [downStep('default', local[2]), downStep('default', local[1])]
    const res = await target.execute(request('default', (s) => down.filter((d) => s.versions.has(d.version))))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => [s.version, s.direction, s.status])).toEqual([
      ['3', 'down', 'applied'],
      ['2', 'down', 'applied'],
    ])
    expect(await tables(env)).toEqual([{ a: 'a', b: null, c: null }])
    expect(await recorded(env)).toEqual(['1'])
  })

  it('a no-transaction file runs alone, between transactions that mark it dirty and then clean', async () => {
    const withNoTx = [
      ...local,
      migration(4, '-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY c_id ON c (id);', {
        noTransaction: true,
      }),
      migration(5, 'CREATE TABLE e (id int);'),
    ]
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', withNoTx), { state: planned }))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => [s.status, s.note ?? ''])).toEqual([
      ['applied', ''],
      ['applied', ''],
      ['applied', ''],
      ['applied', 'ran outside a transaction'],
      ['applied', ''],
    ])
    expect(requestsSince(env.server, from)).toHaveLength(5)
    const noTx = env.server.requests[from + 2].body as { args: { no_transaction?: boolean; sql: string } }
    expect(noTx.args.no_transaction).toBe(true)
    expect(noTx.args.sql).toContain('CREATE INDEX CONCURRENTLY')
    expect(await query(env.db.url, "SELECT indexname FROM pg_indexes WHERE indexname = 'c_id'")).toEqual([
      { indexname: 'c_id' },
    ])
    expect(
      await query(
        env.db.url,
        'SELECT version::int AS v, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
      ),
    ).toEqual([1, 2, 3, 4, 5].map((v) => ({ v, dirty: false })))
  })

  it('a failing no-transaction file leaves its version dirty and says which statement failed', async () => {
    const withNoTx = [
      local[0],
      migration(
        2,
        '-- hasura:no-transaction\nCREATE TABLE x (id int);\nCREATE INDEX CONCURRENTLY x_id ON nope (id);',
        { noTransaction: true },
      ),
    ]
    const target = await env.connect()
    const res = await target.execute(request('default', planUp('default', withNoTx)))
    expect(res.steps.map((s) => s.status)).toEqual(['applied', 'failed'])
    expect(res.error).toMatchObject({
      version: '2',
      line: 3,
      statement: 'CREATE INDEX CONCURRENTLY x_id ON nope (id)',
    })
    expect(res.error?.remedy).toMatch(/version 2 is recorded dirty/)
    expect(
      await query(
        env.db.url,
        'SELECT version::int AS v, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
      ),
    ).toEqual([
      { v: 1, dirty: false },
      { v: 2, dirty: true },
    ])
    expect([...res.stateAfter.versions]).toEqual([
      [1n, false],
      [2n, true],
    ])
    expect(await query(env.db.url, "SELECT to_regclass('x')::text AS x")).toEqual([{ x: 'x' }])
  })

  it('seeds: every file in one transaction; a failure names the file and line and applies none', async () => {
    const target = await env.connect()
    await target.execute(request('default', planUp('default', local)))
    const files = [
      {
        database: 'default',
        path: 'seeds/default/1_a.sql',
        text: 'INSERT INTO a VALUES (1), (2);',
        noTransaction: false,
      },
      {
        database: 'default',
        path: 'seeds/default/2_c.sql',
        text: 'INSERT INTO c VALUES (1);\nINSERT INTO c VALUES (1);',
        noTransaction: false,
      },
    ]
    const failed = await target.applySeeds({ database: 'default', files, mode: 'apply', timeoutMs: 10_000 })
    expect(failed).toMatchObject({
      status: 'failed',
      error: { file: 'seeds/default/2_c.sql', line: 2, sqlstate: '23505' },
    })
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM a')).toEqual([{ n: 0 }])
    const rehearsed = await target.applySeeds({
      database: 'default',
      files: files.slice(0, 1),
      mode: 'rehearse',
      timeoutMs: 10_000,
    })
    expect(rehearsed).toEqual({ status: 'rehearsed', files: ['seeds/default/1_a.sql'] })
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM a')).toEqual([{ n: 0 }])
    const from = env.server.requests.length
    const applied = await target.applySeeds({
      database: 'default',
      files: files.slice(0, 1),
      mode: 'apply',
      timeoutMs: 10_000,
    })
    expect(applied).toEqual({ status: 'applied', files: ['seeds/default/1_a.sql'] })
    expect(requestsSince(env.server, from)).toEqual(['/v2/query run_sql'])
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM a')).toEqual([{ n: 2 }])
  })

  it('cancelled before a request: nothing more is sent, the error says so', async () => {
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const controller = new AbortController()
    controller.abort()
    const res = await target.execute(
      request('default', planUp('default', local), { state: planned, signal: controller.signal }),
    )
    expect(res.error).toMatchObject({ kind: 'cancelled' })
    expect(requestsSince(env.server, from)).toEqual([])
    expect(res.steps.map((s) => s.status)).toEqual(['not-run', 'not-run', 'not-run'])
  })

  it('a step built for config 1 with a YAML run_sql item runs it after the SQL file', async () => {
    const step = upStep('default', migration(9, 'CREATE TABLE y (id int);'))
    step.yaml = {
      path: 'migrations/9_m9.up.yaml',
      steps: [{ type: 'run_sql', args: { sql: 'INSERT INTO y VALUES (9)' }, line: 1 }],
    }
    const target = await env.connect()
    const res = await target.execute(request('default', () => [step]))
    expect(res.error).toBeUndefined()
    expect(await query(env.db.url, 'SELECT id FROM y')).toEqual([{ id: 9 }])
  })
})
