/** What only a real server can show: races, killed connections, cancellation, limits, secrets. */
import { createServer } from 'node:net'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Step } from '../../../src/plan/types.js'
import { LOCK_NAMESPACE } from '../../../src/targets/lock.js'
import { connectPostgres } from '../../../src/targets/postgres/postgres-target.js'
import type { ExecuteResult, StepEvent, Target } from '../../../src/targets/target.js'
import { adminUrl, urlFor } from '../../support/database.js'
import { startCluster, type Cluster } from '../../support/cluster.js'
import { run } from './support/contract.js'
import {
  HASURA_CATALOG_SQL,
  postgresHarness,
  relationExists,
  snapshot,
  stateRows,
  type OpenedDatabase,
} from './support/harness.js'
import { up, versionsOf } from './support/steps.js'

const opened: OpenedDatabase[] = []
async function open(): Promise<OpenedDatabase> {
  const db = await postgresHarness.open()
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close()
})

const V = (n: number): bigint => 1700000000000n + BigInt(n)

/** Resolves when `predicate` holds, polling (never a fixed sleep as an assertion). */
async function waitUntil(
  predicate: () => Promise<boolean> | boolean,
  what: string,
  limitMs = 20_000,
): Promise<void> {
  const until = Date.now() + limitMs
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function logCounts(db: OpenedDatabase): Promise<Record<string, number>> {
  const rows = await db.sql(
    'SELECT version::text AS v, count(*)::int AS n FROM run_log GROUP BY version ORDER BY version',
  )
  return Object.fromEntries(rows.map((r) => [String(r.v), Number(r.n)]))
}

describe('races: concurrent runs on one database', () => {
  it.each(['all', 'per-migration'] as const)(
    'four runs at once apply every version exactly once; the others report "applied by another run" (%s)',
    async (transaction) => {
      const db = await open()
      await db.exec('CREATE TABLE run_log (version bigint NOT NULL)')
      const steps: Step[] = [1, 2, 3, 4, 5].map((n) =>
        up(
          V(n),
          `CREATE TABLE race_${n} (id int);\nINSERT INTO run_log VALUES (${V(n)});\nSELECT pg_sleep(0.02);`,
        ),
      )
      // Hold the lock so that all four plan before any applies; then let them race for it.
      await db.sql('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
      const targets = await Promise.all([1, 2, 3, 4].map(() => db.another!()))
      const waiting = new Set<number>()
      const runs = targets.map((target, k) =>
        run(target, steps, {
          transaction,
          onEvent: (e) => {
            if (e.type === 'info' && /holds the migration lock/.test(e.message)) waiting.add(k)
          },
        }),
      )
      await waitUntil(() => waiting.size === 4, 'all four runs wait for the lock')
      await db.sql('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
      const results = await Promise.all(runs)

      for (const r of results) expect(r.error).toBeUndefined()
      const all = steps.map((s) => `${s.version}`)
      expect(await logCounts(db)).toEqual(Object.fromEntries(all.map((v) => [v, 1])))
      expect(await stateRows(db)).toEqual(all.map((v) => `${v}:false`))
      const winners = results.filter((r) => r.steps.length > 0)
      const losers = results.filter((r) => r.steps.length === 0)
      expect(winners).toHaveLength(1)
      expect(winners[0]?.steps.map((s) => s.status)).toEqual(all.map(() => 'applied'))
      expect(losers).toHaveLength(3)
      for (const r of losers) expect(r.appliedByAnotherRun.map(String)).toEqual(all)
    },
  )
})

describe('races with different plans', () => {
  it.each([
    [2, 'all'],
    [2, 'per-migration'],
    [3, 'all'],
    [3, 'per-migration'],
  ] as const)(
    'a run that waited and still has work finds the state the other created (config %s, %s)',
    async (configVersion, transaction) => {
      const db = await open()
      await db.exec('CREATE TABLE run_log (version bigint NOT NULL)')
      if (configVersion === 3) await db.exec(HASURA_CATALOG_SQL)
      const steps = [1, 2, 3, 4, 5].map((n) => up(V(n), `INSERT INTO run_log VALUES (${V(n)});`))
      await db.sql('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
      const [a, b] = await Promise.all([db.another!(configVersion), db.another!(configVersion)])
      const waiting = new Set<string>()
      const onEvent = (who: string) => (e: StepEvent) => {
        if (e.type === 'info' && /holds the migration lock/.test(e.message)) waiting.add(who)
      }
      const runs = [
        run(a, steps.slice(0, 3), { transaction, onEvent: onEvent('a') }),
        run(b, steps, { transaction, onEvent: onEvent('b') }),
      ]
      await waitUntil(() => waiting.size === 2, 'both runs wait for the lock')
      await db.sql('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
      const results = await Promise.all(runs)
      for (const r of results) expect(r.error).toBeUndefined()
      const all = steps.map((s) => `${s.version}`)
      expect(await logCounts(db)).toEqual(Object.fromEntries(all.map((v) => [v, 1])))
      const applied = results.flatMap((r) =>
        r.steps.filter((s) => s.status === 'applied').map((s) => s.version),
      )
      expect(applied.sort()).toEqual(all)
      const reported = results.flatMap((r) => r.appliedByAnotherRun.map(String))
      expect(reported.sort()).toEqual(all.slice(0, 3))
      expect(versionsOf(await a.readState('default'))).toEqual(all)
    },
  )
})

describe('a connection killed in the middle of a run', () => {
  it.each(['all', 'per-migration'] as const)(
    'reports it, and a re-run converges without running anything twice (%s)',
    async (transaction) => {
      const db = await open()
      await db.exec(
        'CREATE TABLE run_log (version bigint NOT NULL); CREATE TABLE control (slow boolean); INSERT INTO control VALUES (true)',
      )
      const steps = [
        up(V(1), `CREATE TABLE k1 (id int);\nINSERT INTO run_log VALUES (${V(1)});`),
        up(
          V(2),
          `INSERT INTO run_log VALUES (${V(2)});\nSELECT pg_sleep(CASE WHEN (SELECT slow FROM control) THEN 60 ELSE 0 END);`,
        ),
        up(V(3), `INSERT INTO run_log VALUES (${V(3)});`),
      ]
      let sleeping = false
      const result = run(db.target, steps, {
        transaction,
        onEvent: (e) => {
          if (e.type === 'step-started' && e.step.version === V(2)) sleeping = true
        },
      })
      let killed = false
      await waitUntil(async () => {
        if (!sleeping) return false
        const rows = await db.sql(
          "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'hma-test' AND state = 'active' AND query LIKE '%pg_sleep(CASE%'",
        )
        killed = rows.some((r) => r.ok === true)
        return killed
      }, 'the sleeping migration is terminated')
      const r = await result
      expect(r.error).toMatchObject({ kind: 'target', version: `${V(2)}`, sqlstate: '57P01' })
      expect(r.error?.message).toMatch(/^the connection to the database was lost/)
      expect(r.steps.find((s) => s.version === `${V(2)}`)?.status).toBe('failed')
      if (transaction === 'all') {
        expect(await stateRows(db)).toBeNull()
        expect(await logCounts(db)).toEqual({})
      } else {
        expect(await stateRows(db)).toEqual([`${V(1)}:false`])
        expect(await logCounts(db)).toEqual({ [`${V(1)}`]: 1 })
      }

      await db.exec('UPDATE control SET slow = false')
      // The same target: it reconnects.
      const again = await run(db.target, steps, { transaction })
      expect(again.error).toBeUndefined()
      expect(await logCounts(db)).toEqual({ [`${V(1)}`]: 1, [`${V(2)}`]: 1, [`${V(3)}`]: 1 })
      expect(await stateRows(db)).toEqual([1, 2, 3].map((n) => `${V(n)}:false`))
    },
  )
})

describe('cancellation', () => {
  it(
    'an abort cancels the running statement at once, rolls back and leaves the target usable',
    { timeout: 30_000 },
    async () => {
      const db = await open()
      const controller = new AbortController()
      const steps = [
        up(V(1), 'CREATE TABLE c1 (id int);'),
        up(V(2), 'SELECT pg_sleep(60);'),
        up(V(3), 'CREATE TABLE c3 (id int);'),
      ]
      const r = await run(db.target, steps, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'step-started' && e.step.version === V(2)) setTimeout(() => controller.abort(), 200)
        },
      })
      expect(r.error).toMatchObject({ kind: 'cancelled' })
      expect(r.error?.message).toBe(`cancelled after version ${V(1)}; the open transaction was rolled back`)
      expect(r.steps.map((s) => [s.status, s.note])).toEqual([
        ['not-run', 'rolled back'],
        ['not-run', 'cancelled'],
        ['not-run', undefined],
      ])
      expect(await stateRows(db)).toBeNull()
      const sleeping = await db.sql(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND state = 'active'",
      )
      expect(sleeping[0]?.n).toBe(0)
      expect((await db.target.readState('default')).versions.size).toBe(0)
    },
  )
})

describe('pipelining: migrations sent ahead of the answers', () => {
  const order = (events: StepEvent[]): string[] =>
    events.flatMap((e) =>
      e.type === 'step-started'
        ? [`start ${e.step.version - V(0)}`]
        : e.type === 'step-finished'
          ? [`end ${BigInt(e.result.version) - V(0)}`]
          : [],
    )

  it('sends every step before the first answers, and answers in order', async () => {
    const db = await open()
    const events: StepEvent[] = []
    const steps = [1, 2, 3].map((n) => up(V(n), `CREATE TABLE p${n} (id int);`))
    const r = await run(db.target, steps, { onEvent: (e) => events.push(e) })
    expect(r.error).toBeUndefined()
    expect(order(events)).toEqual(['start 1', 'start 2', 'start 3', 'end 1', 'end 2', 'end 3'])
    expect(r.steps.map((s) => s.status)).toEqual(['applied', 'applied', 'applied'])
    expect(await stateRows(db)).toEqual([1, 2, 3].map((n) => `${V(n)}:false`))
  })

  it.each([
    ['a run-time error (no position)', 'CREATE TABLE f (id int);\nSELECT 1;\nSELECT 1 / 0;', 3, '22012'],
    ['a syntax error', 'CREATE TABLE f (id int);\nCREATE TABLE (;', 2, '42601'],
  ])(
    '%s in step 150 of 300 is blamed on its version, file and line; nothing stays',
    async (_what, sql, line, sqlstate) => {
      const db = await open()
      const before = await snapshot(db)
      const steps = Array.from({ length: 300 }, (_, k) =>
        up(
          V(k + 1),
          k + 1 === 150 ? sql : `CREATE TABLE q${k + 1} (id int);\nINSERT INTO q${k + 1} VALUES (1);`,
        ),
      )
      const r = await run(db.target, steps)
      expect(r.error).toMatchObject({
        kind: 'sql',
        sqlstate,
        version: `${V(150)}`,
        file: steps[149].sql!.path,
        line,
      })
      expect(r.steps[148]).toMatchObject({ status: 'not-run', note: 'rolled back' })
      expect(r.steps[149]).toMatchObject({ status: 'failed' })
      expect(r.steps.slice(150).every((s) => s.status === 'not-run' && s.note === undefined)).toBe(true)
      expect(await snapshot(db)).toBe(before)
      expect(await stateRows(db)).toBeNull()
    },
  )

  it('never sends a step with transaction commands ahead: behind a failure it could revive the transaction', async () => {
    const db = await open()
    const events: StepEvent[] = []
    const steps = [
      up(V(1), 'SAVEPOINT sp;'),
      up(V(2), 'CREATE TABLE kept (id int);'),
      up(V(3), 'SELECT 1 / 0;'),
      up(V(4), 'ROLLBACK TO SAVEPOINT sp;\nCREATE TABLE leaked (id int);'),
    ]
    const r = await run(db.target, steps, { onEvent: (e) => events.push(e) })
    expect(r.error).toMatchObject({ sqlstate: '22012', version: `${V(3)}` })
    expect(order(events)).toEqual(['start 1', 'end 1', 'start 2', 'start 3', 'end 2', 'end 3'])
    expect(await relationExists(db, 'leaked')).toBe(false)
    expect(await relationExists(db, 'kept')).toBe(false)
  })

  it('refuses a COMMIT or ROLLBACK of the run’s transaction before anything runs, pipelined or not', async () => {
    const db = await open()
    const steps = [
      up(V(1), 'CREATE TABLE kept (id int);'),
      up(V(2), 'SELECT 1;'),
      up(V(3), 'ROLLBACK;\nCREATE TABLE leaked (id int);'),
    ]
    const r = await run(db.target, steps)
    expect(r.error).toMatchObject({ kind: 'user', version: `${V(3)}`, line: 1 })
    expect(r.error?.message).toContain('ROLLBACK without a BEGIN before it in this file would discard')
    expect(await relationExists(db, 'leaked')).toBe(false)
    expect(await relationExists(db, 'kept')).toBe(false)
    expect(await stateRows(db)).toBeNull()
  })
})

describe('timeouts', () => {
  it('a statement over the `timeout` fails with a message naming it', async () => {
    const db = await open()
    const r = await run(db.target, [up(V(1), 'SELECT pg_sleep(10);')], { timeoutMs: 300 })
    expect(r.error).toMatchObject({ kind: 'sql', sqlstate: '57014', version: `${V(1)}`, line: 1 })
    expect(r.error?.message).toMatch(/^statement timed out after 0\.3 s \(the `timeout` input\)/)
    expect(r.error?.remedy).toMatch(/`timeout`/)
  })

  it('a lock wait over the `timeout` fails with a message naming it', async () => {
    const db = await open()
    await db.exec('CREATE TABLE locked (id int)')
    const holder = new pg.Client({ connectionString: db.url })
    await holder.connect()
    try {
      await holder.query('BEGIN; LOCK TABLE locked IN ACCESS EXCLUSIVE MODE')
      const r = await run(db.target, [up(V(1), 'ALTER TABLE locked ADD COLUMN x int;')], { timeoutMs: 300 })
      expect(r.error).toMatchObject({ sqlstate: '55P03', version: `${V(1)}` })
      expect(r.error?.message).toMatch(/^gave up after 0\.3 s waiting for a lock \(the `timeout` input\)/)
    } finally {
      await holder.end()
    }
  })

  it("waiting for another run's lock says so, and gives up after the `timeout`", async () => {
    const db = await open()
    await db.sql('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
    const events: StepEvent[] = []
    for (const transaction of ['all', 'per-migration'] as const) {
      const r = await run(db.target, [up(V(1), 'CREATE TABLE w (id int);')], {
        transaction,
        timeoutMs: 300,
        onEvent: (e) => events.push(e),
      })
      expect(r.error).toMatchObject({ kind: 'target' })
      expect(r.error?.message).toBe(
        "gave up after 0.3 s waiting for another run's migration lock on database 'default' (the `timeout` input)",
      )
      expect(r.steps).toEqual([])
    }
    expect(events.filter((e) => e.type === 'info')).toHaveLength(2)
  })
})

describe('the lock table (SQLSTATE 53200)', () => {
  let cluster: Cluster | undefined
  afterAll(() => cluster?.stop())

  it(
    'says plainly what happened and both fixes; per-migration then succeeds',
    { timeout: 120_000 },
    async () => {
      cluster = await startCluster({ max_locks_per_transaction: '10', max_connections: '20' })
      const steps = Array.from({ length: 300 }, (_, n) =>
        up(V(n + 1), `CREATE TABLE many_${n} (id int PRIMARY KEY, v text);`),
      )
      const admin = new pg.Client({ connectionString: cluster.url })
      await admin.connect()
      try {
        await admin.query('CREATE DATABASE locks_all')
        await admin.query('CREATE DATABASE locks_each')
      } finally {
        await admin.end()
      }
      const all = await connectPostgres({
        url: urlFor('locks_all', cluster.url),
        configVersion: 2,
        timeoutMs: 60_000,
      })
      const each = await connectPostgres({
        url: urlFor('locks_each', cluster.url),
        configVersion: 2,
        timeoutMs: 60_000,
      })
      try {
        const r = await run(all, steps)
        expect(r.error?.sqlstate).toBe('53200')
        expect(r.error?.message).toMatch(
          /^out of shared memory: PostgreSQL's lock table is full \(SQLSTATE 53200\)/,
        )
        expect(r.error?.remedy).toBe(
          'Raise max_locks_per_transaction on the server (a restart is needed), or set `transaction: per-migration` so that each migration commits on its own.',
        )
        expect(r.steps.filter((s) => s.status === 'applied')).toEqual([])
        expect((await all.readState('default')).versions.size).toBe(0)

        const ok = await run(each, steps, { transaction: 'per-migration' })
        expect(ok.error).toBeUndefined()
        expect(ok.stateAfter.versions.size).toBe(300)
      } finally {
        await all.close()
        await each.close()
      }
    },
  )
})

describe('secrets', () => {
  const password = 'S3cr3t-Pa55w0rd!x'
  const encoded = encodeURIComponent(password)
  const withPassword = (url: string): string => url.replace('postgres@', `postgres:${encoded}@`)

  const expectClean = (text: string): void => {
    expect(text).not.toContain(password)
    expect(text).not.toContain(encoded)
    expect(text).not.toContain('S3cr3t')
  }

  it('an unknown database: a TargetError naming the redacted URL', async () => {
    const url = withPassword(urlFor('no_such_database_here'))
    const error = await connectPostgres({ url, configVersion: 2, timeoutMs: 10_000 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'target', code: '3D000', where: { input: 'database-url' } })
    const message = (error as Error).message
    expectClean(message)
    expect(message).toContain('postgres://postgres:***@127.0.0.1')
    expect(message).toMatch(/database "no_such_database_here" does not exist/)
  })

  it('a refused connection: a TargetError naming the redacted URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const address = srv.address()
        srv.close(() => resolve(typeof address === 'object' && address ? address.port : 1))
      })
    })
    const url = `postgres://postgres:${encoded}@127.0.0.1:${port}/postgres?sslmode=disable`
    const error = await connectPostgres({ url, configVersion: 2, timeoutMs: 10_000 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'target', code: 'ECONNREFUSED' })
    expectClean((error as Error).message)
    expect((error as Error).message).toContain(
      `postgres://postgres:***@127.0.0.1:${port}/postgres?sslmode=disable: connection refused`,
    )
  })

  it('appears in no display, result or error, even when the SQL echoes it', async () => {
    const db = await open()
    const target: Target = await connectPostgres({
      url: withPassword(db.url!),
      configVersion: 2,
      timeoutMs: 10_000,
    })
    try {
      expect(target.info.display).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/tgt_/)
      expectClean(target.info.display)
      const r: ExecuteResult = await run(target, [up(V(1), `SELECT '${password}'::int;`)])
      expect(r.error?.sqlstate).toBe('22P02')
      expectClean(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
      expect(r.error?.message).toBe('invalid input syntax for type integer: "***"')
    } finally {
      await target.close()
    }
  })
})

it('reports the server version', async () => {
  const target = await connectPostgres({ url: adminUrl(), configVersion: 2, timeoutMs: 10_000 })
  try {
    expect(target.info.kind).toBe('postgres')
    expect(target.info.serverVersion).toMatch(/^PostgreSQL \d+\.\d+$/)
  } finally {
    await target.close()
  }
})
