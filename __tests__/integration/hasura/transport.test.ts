/**
 * Transport that tells the truth: proxy HTML, lost connections, timeouts and broken JSON are reported as
 * what they are; after a lost write the state says whether it landed; reads are retried, writes never;
 * and the admin secret appears nowhere.
 */
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TargetError } from '../../../src/errors.js'
import { connectHasura } from '../../../src/targets/hasura/index.js'
import { query } from '../../support/database.js'
import { environment, migration, planUp, request, requestsSince, SECRET, type Env } from './helpers.js'

const local = [
  migration(1, 'CREATE TABLE a (id int);'),
  migration(2, 'CREATE TABLE b (id int); INSERT INTO b VALUES (2);'),
]

const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))

describe('Hasura target: faults on the wire', () => {
  let env: Env
  beforeEach(async () => {
    env = await environment(2)
  })
  afterEach(async () => {
    await env.close()
  })

  it('a proxy’s 502 HTML on the apply request: a clear error, nothing retried; the re-run converges', async () => {
    const target = await env.connect()
    const planned = await target.readState('default')
    env.server.faults.next({ kind: 'html', status: 502, match: { path: '/v2/query' } })
    env.server.faults.next({ kind: 'html', status: 502, match: { path: '/v2/query' }, when: 'before' })
    const from = env.server.requests.length
    const res = await target.execute(request('default', planUp('default', local), { state: planned }))
    expect(res.error?.kind).toBe('target')
    expect(res.error?.message).toContain(
      'HTTP 502 Bad Gateway — the server or a proxy answered HTML, not JSON ("502 Bad Gateway")',
    )
    // The answer was lost: the target re-read the state (a read, retried past the second 502) to say so.
    expect(res.error?.message).toContain('The state shows none of it committed (versions 1, 2)')
    expect(res.error?.remedy).toMatch(/Running again is safe/)
    expect(res.steps.map((s) => s.status)).toEqual(['not-run', 'not-run'])
    const seen = env.server.requests.slice(from)
    expect(seen.map((r) => [r.fault ?? '', r.status])).toEqual([
      ['html', 502],
      ['html', 502],
      ['', 200],
    ])
    const again = await (await env.connect()).execute(request('default', planUp('default', local)))
    expect(again.error).toBeUndefined()
    expect(again.steps.map((s) => s.status)).toEqual(['applied', 'applied'])
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM b')).toEqual([{ n: 1 }])
  })

  it('a 504 after the engine committed: the re-read state shows it landed, and the run succeeds', async () => {
    const target = await env.connect()
    const planned = await target.readState('default')
    env.server.faults.next({ kind: 'html', status: 504, match: { path: '/v2/query' }, when: 'after' })
    const req = request('default', planUp('default', local), { state: planned })
    const res = await target.execute(req)
    expect(res.error).toBeUndefined()
    expect(res.steps.map((s) => s.status)).toEqual(['applied', 'applied'])
    expect(
      req.events.filter((e) => e.type === 'info').map((e) => (e as { message: string }).message),
    ).toEqual([
      expect.stringMatching(
        /HTTP 504 Gateway Timeout — the server or a proxy answered HTML, not JSON \("504 Gateway Time-out"\); the state shows that the transaction committed$/,
      ) as unknown,
    ])
    expect([...res.stateAfter.versions.keys()]).toEqual([1n, 2n])
  })

  it('a connection lost after the commit is found out the same way; before it, nothing changed', async () => {
    const target = await env.connect()
    const planned = await target.readState('default')
    env.server.faults.next({ kind: 'close', match: { path: '/v2/query' } })
    const lost = await target.execute(request('default', planUp('default', local), { state: planned }))
    expect(lost.error?.message).toMatch(
      /the connection to http:\/\/127\.0\.0\.1:\d+ failed during applying 2 migration\(s\)/,
    )
    expect(await query(env.db.url, "SELECT to_regclass('a')::text AS a")).toEqual([{ a: null }])
    env.server.faults.next({ kind: 'close', match: { path: '/v2/query' }, when: 'after' })
    const landed = await target.execute(request('default', planUp('default', local)))
    expect(landed.error).toBeUndefined()
    expect(landed.steps.map((s) => s.status)).toEqual(['applied', 'applied'])
  })

  it('a request slower than the timeout: says so, and a later run sees what the server committed meanwhile', async () => {
    const target = await env.connect({ timeoutMs: 200 })
    const planned = await target.readState('default')
    env.server.faults.next({ kind: 'delay', ms: 1600, match: { path: '/v2/query' } })
    const res = await target.execute(
      request('default', planUp('default', local), { state: planned, timeoutMs: 200 }),
    )
    expect(res.error?.message).toMatch(
      /^no answer from http:\/\/127\.0\.0\.1:\d+ within 1\.2 s \(see the `timeout` input\) to applying 2 migration/,
    )
    expect(res.error?.message).toMatch(/if the request is still running on the server it may yet commit/)
    await new Promise((r) => setTimeout(r, 1200))
    const later = await (await env.connect()).execute(request('default', planUp('default', local)))
    expect(later.error).toBeUndefined()
    expect(later.steps).toEqual([])
    expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM b')).toEqual([{ n: 1 }])
  })

  it('the server’s own limits: a lock held elsewhere beyond the timeout fails the run cleanly', async () => {
    const holder = new pg.Client({ connectionString: env.db.url })
    await holder.connect()
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('hasura-migrate-action'), hashtext('default'))")
      const target = await env.connect()
      const res = await target.execute(request('default', planUp('default', local), { timeoutMs: 300 }))
      expect(res.error).toMatchObject({ kind: 'sql', sqlstate: '55P03' })
      expect(res.error?.message).toBe(
        'gave up after 0.3 s waiting for a lock (the `timeout` input): canceling statement due to lock timeout',
      )
      expect(res.steps.map((s) => s.status)).toEqual(['not-run', 'not-run'])
    } finally {
      await holder.end()
    }
    expect(await query(env.db.url, "SELECT to_regclass('a')::text AS a")).toEqual([{ a: null }])
  })

  it('reads are retried (3 attempts) with backoff; broken JSON is named as such', async () => {
    const target = await env.connect()
    env.server.faults.next({ kind: 'malformed-json', match: { path: '/v2/query' } })
    env.server.faults.next({ kind: 'close', match: { path: '/v2/query' } })
    const from = env.server.requests.length
    const state = await target.readState('default')
    expect(state.versions.size).toBe(0)
    expect(requestsSince(env.server, from)).toHaveLength(3)
    for (let i = 0; i < 3; i++)
      env.server.faults.next({ kind: 'malformed-json', match: { path: '/v2/query' } })
    await expect(target.readState('default')).rejects.toThrow(
      /reading the migration state of database 'default': HTTP 200 OK — the answer is not JSON \("\{\\"result_type\\":\\"CommandOk\\",\\"result\\":nu"\)/,
    )
  })

  it('an unreachable endpoint fails connecting with a hint', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port
        srv.close(() => resolve(p))
      })
    })
    await expect(
      connectHasura({
        endpoint: `http://127.0.0.1:${port}`,
        configVersion: 2,
        timeoutMs: 2000,
        retryDelaysMs: [10, 10],
      }),
    ).rejects.toThrow(
      /^connecting to the Hasura GraphQL Engine at http:\/\/127\.0\.0\.1:\d+ failed: .*\(ECONNREFUSED\)\. Check the endpoint/,
    )
  })
})

describe('Hasura target: the admin secret never leaks', () => {
  let env: Env
  beforeEach(async () => {
    env = await environment(2)
  })
  afterEach(async () => {
    await env.close()
  })

  it('is sent only as the X-Hasura-Admin-Secret header, never on /v1/version', async () => {
    const target = await env.connect()
    await target.execute(request('default', planUp('default', local)))
    for (const r of env.server.requests) {
      expect(json(r.body ?? '')).not.toContain(SECRET)
      expect(r.headers['x-hasura-admin-secret']).toBe(r.path === '/v1/version' ? undefined : SECRET)
    }
  })

  it('is absent from the error when the server refuses it, or when none is given', async () => {
    const wrong = `${SECRET}-wrong`
    const e1 = await connectHasura({
      endpoint: env.server.url,
      adminSecret: wrong,
      configVersion: 2,
      timeoutMs: 5000,
    }).then(
      () => new TargetError('connected'),
      (e: unknown) => e as TargetError,
    )
    expect(e1.message).toBe(
      `the Hasura GraphQL Engine at ${env.server.url} refused access: invalid x-hasura-admin-secret/x-hasura-access-key (the admin secret given was refused)`,
    )
    expect(e1.code).toBe('401')
    expect(json({ message: e1.message, where: e1.where, stack: e1.stack })).not.toContain(wrong)
    const e2 = await connectHasura({ endpoint: env.server.url, configVersion: 2, timeoutMs: 5000 }).then(
      () => new TargetError('connected'),
      (e: unknown) => e as TargetError,
    )
    expect(e2.message).toMatch(
      /refused access: x-hasura-admin-secret\/x-hasura-access-key required, but not found \(no admin secret was given\)/,
    )
  })

  it('is scrubbed from SQL errors and results, even when the database echoes it', async () => {
    const target = await env.connect()
    const leaky = [
      migration(
        1,
        `DO $$ BEGIN RAISE EXCEPTION 'secret is ${SECRET}' USING HINT = 'hint ${SECRET}'; END $$;`,
      ),
    ]
    const res = await target.execute(request('default', planUp('default', leaky)))
    expect(res.error?.message).toBe('secret is ***')
    expect(res.error?.hint).toBe('hint ***')
    expect(res.error?.statement).toBe(
      "DO $$ BEGIN RAISE EXCEPTION 'secret is ***' USING HINT = 'hint ***'; END $$",
    )
    expect(json(res)).not.toContain(SECRET)
  })

  it('a password in the endpoint URL is masked in what the target shows', async () => {
    const u = new URL(env.server.url)
    u.username = 'proxyuser'
    u.password = 'pw-Z8q1'
    const target = await connectHasura({
      endpoint: u.toString(),
      adminSecret: SECRET,
      configVersion: 2,
      timeoutMs: 5000,
    })
    expect(target.info.display).toBe(`http://proxyuser:***@${u.host}`)
    expect(json(target.info)).not.toContain('pw-Z8q1')
  })
})
