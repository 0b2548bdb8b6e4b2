/** Config 1/2 on a v2 server: `hdb_catalog.schema_migrations` through run_sql, all-or-nothing, few requests. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { query } from '../../support/database.js'
import { environment, migration, planUp, request, requestsSince, type Env } from './helpers.js'

const local = [
  migration(1700000000001, 'CREATE TABLE t1 (id int primary key);'),
  migration(
    1700000000002,
    'CREATE TABLE t2 (id int primary key, t1_id int references t1(id));\nINSERT INTO t1 VALUES (1);',
  ),
  migration(1700000000003, '-- comment only first\nCREATE INDEX t2_t1 ON t2 (t1_id)'),
]

describe('Hasura target, config 2', () => {
  let env: Env
  beforeEach(async () => {
    env = await environment(2)
  })
  afterEach(async () => {
    await env.close()
  })

  it('applies every migration in one run_sql and records them as the CLI does; a second run applies nothing', async () => {
    const target = await env.connect()
    expect(target.info).toMatchObject({ kind: 'hasura', serverVersion: 'v2.48.16' })
    expect(target.generation).toBe('v2')
    const before = await target.readState('default')
    expect(before.versions.size).toBe(0)
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', local), { state: before }))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => [s.version, s.status])).toEqual(
      local.map((m) => [m.version.toString(), 'applied']),
    )
    expect(requestsSince(env.server, from)).toEqual(['/v2/query run_sql'])
    const body = env.server.requests[from].body as { args: Record<string, unknown> }
    expect(body.args).toMatchObject({ check_metadata_consistency: false })
    expect(body.args.source).toBeUndefined()
    expect([...res.stateAfter.versions]).toEqual(local.map((m) => [m.version, false]))

    // The CLI's table, exactly (§4.2/§4.3), and its rows.
    const cols = await query(
      env.db.url,
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'hdb_catalog' AND table_name IN ('schema_migrations','migration_settings') ORDER BY table_name, ordinal_position`,
    )
    expect(cols).toEqual([
      { table_name: 'migration_settings', column_name: 'setting', data_type: 'text', is_nullable: 'NO' },
      { table_name: 'migration_settings', column_name: 'value', data_type: 'text', is_nullable: 'NO' },
      { table_name: 'schema_migrations', column_name: 'version', data_type: 'bigint', is_nullable: 'NO' },
      { table_name: 'schema_migrations', column_name: 'dirty', data_type: 'boolean', is_nullable: 'NO' },
    ])
    expect(
      await query(
        env.db.url,
        'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
      ),
    ).toEqual(local.map((m) => ({ version: m.version.toString(), dirty: false })))
    expect(await query(env.db.url, 'SELECT setting, value FROM hdb_catalog.migration_settings')).toEqual([
      { setting: 'migration_mode', value: 'true' },
    ])
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM t1')).toEqual([{ n: 1 }])
    expect(res.steps.every((s) => s.durationMs >= 0)).toBe(true)

    const again = await env.connect()
    const state = await again.readState('default')
    const from2 = env.server.requests.length
    const second = await again.execute(request('default', planUp('default', local), { state }))
    expect(second.steps).toEqual([])
    expect(second.error).toBeUndefined()
    expect(requestsSince(env.server, from2)).toEqual([])
    expect([...state.versions.keys()]).toEqual(local.map((m) => m.version))
  })

  it('honours versions the CLI recorded (its upsert) and fills the gap', async () => {
    await query(
      env.db.url,
      `CREATE SCHEMA IF NOT EXISTS hdb_catalog;
      CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null);
      INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (1700000000002, 'false') ON CONFLICT(version) DO UPDATE SET dirty='false';
      CREATE TABLE t1 (id int primary key); CREATE TABLE t2 (id int primary key, t1_id int);`,
    )
    await query(env.db.url, 'DROP TABLE t1')
    const target = await env.connect()
    const state = await target.readState('default')
    expect([...state.versions]).toEqual([[1700000000002n, false]])
    const res = await target.execute(request('default', planUp('default', local), { state }))
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => s.version)).toEqual(['1700000000001', '1700000000003'])
    expect(
      await query(env.db.url, 'SELECT version::text FROM hdb_catalog.schema_migrations ORDER BY version'),
    ).toHaveLength(3)
  })

  it('runs 200 pending migrations in at most 12 requests in all (connect, read, apply)', async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      migration(
        1800000000000 + i,
        `CREATE TABLE many_${i} (id int primary key, note text default 'm${i}');\nINSERT INTO many_${i} VALUES (${i});`,
      ),
    )
    const from = env.server.requests.length
    const target = await env.connect()
    const planned = await target.readState('default')
    const res = await target.execute(request('default', planUp('default', many), { state: planned }))
    expect(res.error).toBeUndefined()
    const seen = requestsSince(env.server, from)
    expect(seen).toEqual([
      '/v1/version',
      '/v1/query export_metadata',
      '/v2/query run_sql',
      '/v2/query run_sql',
    ])
    expect(seen.length).toBeLessThanOrEqual(12)
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM hdb_catalog.schema_migrations')).toEqual([
      { n: 200 },
    ])
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM many_199')).toEqual([{ n: 1 }])
  })

  it('a failing migration changes nothing and is named by version, file and line', async () => {
    const withBad = [
      ...local,
      migration(
        1700000000004,
        'CREATE TABLE t4 (id int);\nINSERT INTO t4 VALUES (1);\n\nINSERT INTO t4 VALUES (1/0);\nCREATE TABLE t4b (id int);',
      ),
      migration(1700000000005, 'CREATE TABLE t5 (id int);'),
    ]
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', withBad), { state: planned }))
    // The failed transaction, then rehearsed prefixes: 2 to find the file among 5, 2 for its statement.
    const probes = requestsSince(env.server, from)
    expect(probes).toEqual(Array(5).fill('/v2/query run_sql'))
    const lastProbe = (env.server.requests.at(-1)!.body as { args: { sql: string } }).args.sql
    expect(lastProbe).toContain("RAISE EXCEPTION 'hasura-migrate-action:rehearsal-rollback'")
    expect(res.error).toMatchObject({
      kind: 'sql',
      message: 'division by zero',
      sqlstate: '22012',
      version: '1700000000004',
      file: 'migrations/default/1700000000004_m1700000000004/up.sql',
      line: 4,
      statement: 'INSERT INTO t4 VALUES (1/0)',
      database: 'default',
    })
    expect(res.steps.map((s) => [s.version, s.status, s.note ?? ''])).toEqual([
      ['1700000000001', 'not-run', 'rolled back'],
      ['1700000000002', 'not-run', 'rolled back'],
      ['1700000000003', 'not-run', 'rolled back'],
      ['1700000000004', 'failed', ''],
      ['1700000000005', 'not-run', ''],
    ])
    expect(res.steps[3].error).toEqual(res.error)
    expect(
      await query(
        env.db.url,
        "SELECT to_regclass('t1')::text AS t1, to_regclass('hdb_catalog.schema_migrations')::text AS sm",
      ),
    ).toEqual([{ t1: null, sm: null }])
    expect(res.stateAfter.versions.size).toBe(0)
  })

  it('points a syntax error at its line from the parser, without bisecting statements', async () => {
    const bad = [
      migration(1, 'CREATE TABLE a (id int);'),
      migration(2, 'CREATE TABLE b (id int);\nCREAT TABLE c (id int);'),
    ]
    const target = await env.connect()
    const planned = await target.readState('default')
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', bad), { state: planned }))
    // The transaction and two prefixes to find the file; the parser gives the line.
    expect(requestsSince(env.server, from)).toHaveLength(3)
    expect(res.error).toMatchObject({
      version: '2',
      line: 2,
      sqlstate: '42601',
      file: 'migrations/default/2_m2/up.sql',
    })
  })
})
