/**
 * The Hasura API test server answers Hasura's own server test cases (server/tests-py/queries/…) with
 * Hasura's statuses and bodies, so what the client is tested against has Hasura's shapes, not ours.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, query } from '../../support/database.js'
import { startHasuraServer, type HasuraServer } from '../../support/hasura-server/index.js'
import { describeShared, fixturesDir } from '../../support/shared.js'

const SECRET = 'fixture-secret-3f9a'

interface Case {
  url: string
  status: number
  query: unknown
  response?: unknown
  headers?: Record<string, string>
  description?: string
}

const queries = (rel: string): string => fixturesDir(join('server/tests-py/queries', rel))

function cases(rel: string): Case[] {
  const text = readFileSync(queries(rel), 'utf8').replaceAll(
    '{{REMOTE_SCHEMAS_WEBHOOK_DOMAIN}}',
    'http://localhost:5000',
  )
  try {
    const doc = load(text) as Case | Case[]
    return Array.isArray(doc) ? doc : [doc]
  } catch {
    // A few of Hasura's files close flow mappings at an indentation PyYAML tolerates and js-yaml does not:
    // indent the continuation lines of every multi-line flow collection one step deeper.
    let depth = 0
    const fixed = text
      .split('\n')
      .map((line) => {
        const out = depth > 0 ? `      ${line}` : line
        for (const ch of line.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
          if (ch === '{' || ch === '[') depth++
          else if (ch === '}' || ch === ']') depth--
        }
        return out
      })
      .join('\n')
    const doc = load(fixed) as Case[]
    return doc
  }
}

async function post(server: HasuraServer, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hasura-admin-secret': SECRET, ...headers },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text) as unknown }
}

/** Inconsistent objects come back in hash-map order; compare them as sets. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise)
  if (v && typeof v === 'object') {
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]))
    for (const k of ['inconsistent_objects', 'internal']) {
      const list = o[k]
      if (Array.isArray(list) && list.every((x) => x && typeof x === 'object' && 'name' in x)) {
        o[k] = [...(list as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      }
    }
    return o
  }
  return v
}

async function replay(server: HasuraServer, c: Case): Promise<void> {
  const r = await post(server, c.url, c.query, c.headers)
  const label = `${c.description ?? ''} ${JSON.stringify(c.query).slice(0, 120)}`
  expect(r.status, label).toBe(c.status)
  if (c.response !== undefined) expect(normalise(r.body), label).toEqual(normalise(c.response))
}

/** The run_sql items of a setup/teardown bulk (its track_table & co. are not part of these cases). */
function sqlOf(rel: string): string[] {
  const doc = load(readFileSync(queries(rel), 'utf8')) as { type: string; args: unknown }
  const items = doc.type === 'bulk' ? (doc.args as { type: string; args: { sql: string } }[]) : [doc as never]
  return items.filter((i) => i.type === 'run_sql').map((i) => i.args.sql)
}

describeShared('Hasura test server replays Hasura server cases', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  let other: Awaited<ReturnType<typeof createDatabase>>
  let server: HasuraServer

  beforeAll(async () => {
    db = await createDatabase('hsrv')
    other = await createDatabase('hsrv_pg1')
    server = await startHasuraServer({
      databaseUrl: db.url,
      adminSecret: SECRET,
      env: { HASURA_GRAPHQL_PG_SOURCE_URL_1: other.url },
    })
  })
  afterAll(async () => {
    await server.close()
    await db.drop()
    await other.drop()
  })

  describe('v1/run_sql', () => {
    beforeAll(async () => {
      for (const sql of sqlOf('v1/run_sql/setup.yaml')) await query(db.url, sql)
    })
    afterAll(async () => {
      for (const sql of sqlOf('v1/run_sql/teardown.yaml')) await query(db.url, sql)
    })
    for (const file of [
      'sql_no_tx.yaml',
      'sql_select_query_read_only.yaml',
      'sql_select_query_v2.yaml',
      'sql_query_as_user_error.yaml',
      'sql_query_as_user_error_v2.yaml',
      'sql_rename_table.yaml',
    ]) {
      it(file, async () => {
        for (const c of cases(`v1/run_sql/${file}`)) await replay(server, c)
      })
    }
  })

  describe('v1/metadata', () => {
    beforeAll(async () => {
      await query(
        db.url,
        `CREATE TABLE author (id serial primary key, name text unique);
         CREATE TABLE article (id serial primary key, title text, content text, author_id int references author(id));
         CREATE TABLE text_result (result text);
         CREATE FUNCTION search_articles(search text) RETURNS SETOF article AS
           $$ SELECT * FROM article WHERE title ilike ('%' || search || '%') $$ LANGUAGE sql STABLE;
         CREATE FUNCTION fetch_articles(author_row author, search text) RETURNS SETOF article AS
           $$ SELECT * FROM article WHERE author_id = author_row.id $$ LANGUAGE sql STABLE;
         CREATE FUNCTION get_session_var(hasura_session json) RETURNS SETOF text_result AS
           $$ SELECT hasura_session->>'x-hasura-role' AS result $$ LANGUAGE sql STABLE;`,
      )
    })
    for (const file of [
      'replace_metadata.yaml',
      'replace_metadata_wo_rs.yaml',
      'replace_metadata_v2.yaml',
      'replace_metadata_allow_inconsistent.yaml',
      'replace_metadata_allow_inconsistent_inconsistent.yaml',
      'replace_metadata_no_tables.yaml',
      'reload_metadata.yaml',
      'metadata_as_user_err.yaml',
      'pg_add_source.yaml',
    ]) {
      it(file, async () => {
        for (const c of cases(`v1/metadata/${file}`)) await replay(server, c)
      })
    }
  })

  it('inconsistent_objects: a tracked table dropped behind the engine’s back', async () => {
    const own = await createDatabase('hsrv_io')
    const srv = await startHasuraServer({ databaseUrl: own.url, adminSecret: SECRET })
    try {
      for (const sql of sqlOf('inconsistent_objects/setup.yaml')) await query(own.url, sql)
      const tables = [
        {
          table: { schema: 'public', name: 'author' },
          array_relationships: [
            {
              name: 'articles',
              using: { foreign_key_constraint_on: { table: 'article', column: 'author_id' } },
            },
          ],
        },
        {
          table: { schema: 'public', name: 'article' },
          object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
        },
      ]
      const r = await post(srv, '/v1/query', { type: 'replace_metadata', args: { version: 2, tables } })
      expect(r).toEqual({ status: 200, body: { message: 'success' } })
      await query(own.url, 'DROP TABLE article')
      const reload = await post(srv, '/v1/metadata', { type: 'reload_metadata', args: {} })
      const expected = load(
        readFileSync(queries('inconsistent_objects/expectation.yaml'), 'utf8'),
      ) as unknown[]
      expect(normalise(reload.body)).toEqual(
        normalise({ message: 'success', is_consistent: false, inconsistent_objects: expected }),
      )
      const ic = await post(srv, '/v1/metadata', { type: 'get_inconsistent_metadata', args: {} })
      expect(normalise(ic.body)).toEqual(normalise({ is_consistent: false, inconsistent_objects: expected }))
    } finally {
      await srv.close()
      await own.drop()
    }
  })
})

describe('Hasura test server: catalog state, auth, paths, resource versions', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  let server: HasuraServer

  beforeAll(async () => {
    db = await createDatabase('hsrv2')
    server = await startHasuraServer({ databaseUrl: db.url, adminSecret: SECRET })
  })
  afterAll(async () => {
    await server.close()
    await db.drop()
  })

  it('keeps catalog state in hdb_catalog.hdb_version, whole-object replace (§4.4)', async () => {
    const fresh = await post(server, '/v1/metadata', { type: 'get_catalog_state', args: {} })
    expect(fresh.status).toBe(200)
    const id = (fresh.body as { id: string }).id
    expect(fresh.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      cli_state: {},
      console_state: {},
    })
    const bad = await post(server, '/v1/metadata', {
      type: 'set_catalog_state',
      args: { type: 'some_state', state: {} },
    })
    expect(bad).toEqual({
      status: 400,
      body: {
        code: 'parse-failed',
        error:
          'parsing Hasura.RQL.Types.Metadata.Common.CatalogStateType failed, expected one of the tags ["cli","console"], but found tag "some_state"',
        path: '$.args.type',
      },
    })
    const state = { migrations: { default: { '1': false } }, settings: { migration_mode: 'true' } }
    expect(
      await post(server, '/v1/metadata', { type: 'set_catalog_state', args: { type: 'cli', state } }),
    ).toEqual({
      status: 200,
      body: { message: 'success' },
    })
    await post(server, '/v1/metadata', {
      type: 'set_catalog_state',
      args: { type: 'cli', state: { other: 1 } },
    })
    const after = await post(server, '/v1/metadata', { type: 'get_catalog_state', args: {} })
    expect(after.body).toEqual({ id, cli_state: { other: 1 }, console_state: {} })
    const rows = await query(db.url, 'SELECT hasura_uuid::text AS id, cli_state FROM hdb_catalog.hdb_version')
    expect(rows).toEqual([{ id, cli_state: { other: 1 } }])
  })

  it('refuses a missing or wrong admin secret with Hasura’s 401 bodies; /v1/version is public', async () => {
    const wrong = await post(
      server,
      '/v2/query',
      { type: 'run_sql', args: { sql: 'select 1' } },
      { 'x-hasura-admin-secret': 'nope' },
    )
    expect(wrong).toEqual({
      status: 401,
      body: { path: '$', error: 'invalid x-hasura-admin-secret/x-hasura-access-key', code: 'access-denied' },
    })
    const res = await fetch(server.url + '/v1/metadata', {
      method: 'POST',
      body: '{"type":"export_metadata","args":{}}',
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      path: '$',
      error: 'x-hasura-admin-secret/x-hasura-access-key required, but not found',
      code: 'access-denied',
    })
    const v = await fetch(server.url + '/v1/version')
    expect(await v.json()).toEqual({ version: 'v2.48.16', server_type: 'ce' })
    expect(await (await fetch(server.url + '/healthz')).text()).toBe('OK')
  })

  it('reports postgres errors at $ on /v2/query and bulk items at $[i] (each its own transaction)', async () => {
    const single = await post(server, '/v2/query', {
      type: 'run_sql',
      args: { sql: 'select * from nowhere' },
    })
    expect(single).toEqual({
      status: 400,
      body: {
        path: '$',
        error: 'query execution failed',
        code: 'postgres-error',
        internal: {
          arguments: [],
          error: {
            description: null,
            exec_status: 'FatalError',
            hint: null,
            message: 'relation "nowhere" does not exist',
            status_code: '42P01',
          },
          prepared: false,
          statement: 'select * from nowhere',
        },
      },
    })
    const bulk = await post(server, '/v2/query', {
      type: 'bulk',
      args: [
        { type: 'run_sql', args: { sql: 'create table bulk_a (id int)' } },
        { type: 'run_sql', args: { sql: 'create table bulk_a (id int)' } },
      ],
    })
    expect(bulk.status).toBe(400)
    expect((bulk.body as { path: string }).path).toBe('$[1]')
    expect(await query(db.url, "SELECT to_regclass('bulk_a')::text AS t")).toEqual([{ t: 'bulk_a' }])
    const v1 = await post(server, '/v1/query', {
      type: 'bulk',
      args: [
        { type: 'run_sql', args: { sql: 'create table bulk_b (id int)' } },
        { type: 'run_sql', args: { sql: 'select 1/0' } },
      ],
    })
    expect((v1.body as { path: string; code: string }).path).toBe('$.args[1].args')
    expect(await query(db.url, "SELECT to_regclass('bulk_b')::text AS t")).toEqual([{ t: 'bulk_b' }])
  })

  it('answers export_metadata v2 with the resource version and refuses a stale one with 409', async () => {
    const ex = await post(server, '/v1/metadata', { type: 'export_metadata', version: 2, args: {} })
    const { resource_version: rv, metadata } = ex.body as {
      resource_version: number
      metadata: { version: number }
    }
    expect(metadata.version).toBe(3)
    const ok = await post(server, '/v1/metadata', {
      type: 'replace_metadata',
      version: 2,
      resource_version: rv,
      args: { allow_inconsistent_metadata: false, metadata },
    })
    expect(ok).toEqual({ status: 200, body: { is_consistent: true, inconsistent_objects: [] } })
    const stale = await post(server, '/v1/metadata', {
      type: 'replace_metadata',
      version: 2,
      resource_version: rv,
      args: { allow_inconsistent_metadata: false, metadata },
    })
    expect(stale).toEqual({
      status: 409,
      body: {
        path: '$',
        error: `metadata resource version referenced (${rv}) did not match current version`,
        code: 'conflict',
      },
    })
  })

  it('refuses to untrack-drop a table other tracked objects depend on unless cascade (metadata check)', async () => {
    await query(
      db.url,
      'CREATE TABLE dep_a (id int primary key); CREATE TABLE dep_b (id int, a_id int references dep_a(id))',
    )
    const tables = [
      {
        table: 'dep_a',
        array_relationships: [
          { name: 'bs', using: { foreign_key_constraint_on: { table: 'dep_b', column: 'a_id' } } },
        ],
      },
      { table: 'dep_b' },
    ]
    await post(server, '/v1/query', { type: 'replace_metadata', args: { version: 2, tables } })
    const refused = await post(server, '/v2/query', { type: 'run_sql', args: { sql: 'DROP TABLE dep_b' } })
    expect(refused).toEqual({
      status: 400,
      body: {
        path: '$',
        error:
          'cannot drop due to the following dependent objects: relationship dep_a.bs in source "default"',
        code: 'dependency-error',
      },
    })
    // The CLI's flag: no metadata check, so the drop goes through.
    const unchecked = await post(server, '/v2/query', {
      type: 'run_sql',
      args: { sql: 'DROP TABLE dep_b', check_metadata_consistency: false },
    })
    expect(unchecked.body).toEqual({ result_type: 'CommandOk', result: null })
  })
})

describe('Hasura test server as a v1.x server', () => {
  it('exports metadata version 2, has no /v1/metadata, runs a whole bulk in one transaction', async () => {
    const db = await createDatabase('hsrv_v1')
    const server = await startHasuraServer({ databaseUrl: db.url, serverGeneration: 'v1' })
    try {
      const ex = await post(server, '/v1/query', { type: 'export_metadata', args: {} })
      expect(ex).toEqual({ status: 200, body: { version: 2, tables: [] } })
      expect((await post(server, '/v1/metadata', { type: 'export_metadata', args: {} })).status).toBe(404)
      const bulk = await post(server, '/v1/query', {
        type: 'bulk',
        args: [
          { type: 'run_sql', args: { sql: 'create table v1_a (id int)' } },
          { type: 'run_sql', args: { sql: 'select 1/0' } },
        ],
      })
      expect(bulk.status).toBe(400)
      expect((bulk.body as { path: string }).path).toBe('$.args[1].args')
      expect(await query(db.url, "SELECT to_regclass('v1_a')::text AS t")).toEqual([{ t: null }])
      const sel = await post(server, '/v1/query', {
        type: 'select',
        args: {
          table: { schema: 'hdb_catalog', name: 'hdb_version' },
          columns: ['hasura_uuid', 'cli_state'],
        },
      })
      expect(sel.body).toEqual([{ hasura_uuid: expect.any(String) as unknown, cli_state: {} }])
    } finally {
      await server.close()
      await db.drop()
    }
  })
})
