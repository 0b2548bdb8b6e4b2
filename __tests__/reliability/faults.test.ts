/**
 * Issue 6 item 1 — faults in the middle of a run, against dist/index.js as GitHub runs it: the database
 * server crashing, the action killed or cancelled, a Hasura server (or its proxy) misbehaving, a lock
 * held by someone else. Each fault must end the run cleanly (exit 1, one `::error::` line, no stack
 * trace, nothing half-applied), and a plain re-run must converge: every version applied exactly once
 * (log rows), nothing lost (the state store holds every version, every table exists).
 *
 * Runs are interrupted at a point in the run (the line of the step before the slow one), not on a clock.
 */
import pg from 'pg'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SIGNALS } from '../../src/targets/hasura/state-sql.js'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { startCluster, type Cluster } from '../support/cluster.js'
import { createDatabase, query, urlFor } from '../support/database.js'
import { startHasuraServer, type Fault, type HasuraServer } from '../support/hasura-server/index.js'
import {
  createAppliedLog,
  generateProject,
  readFacts,
  STACK_FRAME,
  tally,
  type GeneratedProject,
  type StateStore,
} from './support/generated-project.js'
import { record } from './support/record.js'

type Mode = 'all' | 'per-migration'

const COUNT = 30
/** The slow migration: a fault lands while it runs. */
const SLOW = 15

const errorsOf = (r: ActionRun): string[] => r.annotations.filter((a) => a.startsWith('::error'))
const everything = (r: ActionRun): string => `${r.stdout}\n${r.stderr}`

/** The step line the action prints when a step finished (`applied   up   <version> …`). */
const stepLine = (version: string): RegExp => new RegExp(`^\\S+\\s+up\\s+${version} `, 'm')

/** Calls `act` once, when the step before the slow migration has finished (the slow one is running). */
function atSlowStep(project: GeneratedProject, act: (kill: (s: NodeJS.Signals) => void) => void) {
  let fired = false
  const line = stepLine(project.versions[SLOW - 1])
  return (output: string, kill: (s: NodeJS.Signals) => void): void => {
    if (fired || !line.test(output)) return
    fired = true
    act(kill)
  }
}

function pgInputs(project: GeneratedProject, url: string, mode: Mode, extra: Record<string, string> = {}) {
  return { 'project-dir': project.projectDir, 'database-url': url, transaction: mode, ...extra }
}

/** A clean failure: exit 1, exactly one `::error::` line, no stack trace anywhere. */
function expectCleanFailure(r: ActionRun): string {
  expect(r.code, everything(r)).toBe(1)
  const errors = errorsOf(r)
  expect(errors, everything(r)).toHaveLength(1)
  expect(everything(r)).not.toMatch(STACK_FRAME)
  expect(r.summary).not.toMatch(STACK_FRAME)
  return errors[0]
}

interface Convergence {
  doubleApplies: number
  lostMigrations: number
}

/**
 * What a fault left must be whole steps only (each version recorded ⇔ logged ⇔ its table exists; in
 * `all` mode nothing at all), and a plain re-run must bring every version exactly once.
 */
async function expectConvergence(
  url: string,
  store: StateStore,
  project: GeneratedProject,
  mode: Mode,
  rerun: () => Promise<ActionRun>,
  options: { committedBefore?: 'none' | 'prefix' | 'any' } = {},
): Promise<Convergence> {
  const before = await readFacts(url, store)
  const left = tally(before, project.versions)
  expect(left.inconsistent, 'half-applied versions after the fault').toEqual([])
  expect(left.doubleApplies).toBe(0)
  const expected = options.committedBefore ?? (mode === 'all' ? 'none' : 'prefix')
  if (expected === 'none') expect([...before.recorded]).toEqual([])
  if (expected === 'prefix') {
    // per-migration: what committed is the steps before the interrupted one, in order
    expect([...before.recorded].sort()).toEqual(project.versions.slice(0, before.recorded.size))
  }

  const again = await rerun()
  expect(again.code, everything(again)).toBe(0)
  expect(errorsOf(again)).toEqual([])
  const applied = JSON.parse(again.outputs['applied-versions']) as string[]
  expect(applied).toEqual(project.versions.filter((v) => !before.recorded.has(v)))
  expect(JSON.parse(again.outputs['pending-versions'])).toEqual([])

  const after = readFacts(url, store)
  const t = tally(await after, project.versions)
  expect([...(await after).logged.entries()].sort()).toEqual(project.versions.map((v) => [v, 1]))
  expect(t).toEqual({ doubleApplies: 0, lostMigrations: 0, inconsistent: [] })
  return { doubleApplies: t.doubleApplies, lostMigrations: t.lostMigrations }
}

/** A test that leaves a `faults` record whatever happens: the record the body makes, or a failed one. */
function scenario(title: string, name: string, body: () => Promise<void>): void {
  it(
    title,
    async () => {
      try {
        await body()
      } catch (e) {
        record({ suite: 'faults', name, outcome: 'failed', detail: String(e).slice(0, 300) })
        throw e
      }
    },
    120_000,
  )
}

async function pgVersion(url: string): Promise<string> {
  const [row] = await query<{ v: string }>(url, "SELECT current_setting('server_version') AS v")
  return row?.v ?? ''
}

describe('PostgreSQL target: the database server crashes mid-transaction', () => {
  let cluster: Cluster
  beforeAll(async () => {
    // commits must be durable at the moment of the crash (the shared test cluster runs with synchronous_commit off)
    cluster = await startCluster({ synchronous_commit: 'on' })
  }, 120_000)
  afterAll(() => cluster?.stop())

  for (const mode of ['all', 'per-migration'] as const) {
    scenario(
      `transaction: ${mode} — fails cleanly, restarts, the re-run converges`,
      `pg: server crash (pg_ctl stop -m immediate) mid-transaction, transaction ${mode}`,
      async () => {
        const name = `crash_${mode.replace('-', '_')}`
        await query(cluster.url, `CREATE DATABASE ${name}`)
        const url = urlFor(name, cluster.url)
        await createAppliedLog(url)
        const project = generateProject({
          count: COUNT,
          configVersion: 2,
          extra: { [SLOW]: 'SELECT pg_sleep(2);' },
        })
        const version = await pgVersion(url)
        let crashed = false
        const r = await runDistAction({
          cwd: project.workspace,
          inputs: pgInputs(project, url, mode),
          onOutput: atSlowStep(project, () => {
            cluster.crash()
            crashed = true
          }),
        })
        expect(crashed, everything(r)).toBe(true)
        cluster.restart()
        const error = expectCleanFailure(r)
        // the cause is named: the connection to the server went away
        expect(error).toMatch(/connection|terminat|shut ?down/i)
        const report = JSON.parse(r.outputs.report) as { status: string }
        expect(report.status).toBe('failed')

        const c = await expectConvergence(url, 'schema_migrations', project, mode, () =>
          runDistAction({ cwd: project.workspace, inputs: pgInputs(project, url, mode) }),
        )
        record({
          suite: 'faults',
          name: `pg: server crash (pg_ctl stop -m immediate) mid-transaction, transaction ${mode}`,
          outcome: 'survived',
          ...c,
          stackTrace: false,
          postgresVersion: version,
          detail: error.slice(0, 300),
        })
      },
    )
  }
})

describe('PostgreSQL target: the action process is killed or cancelled mid-apply', () => {
  const dbs: { drop(): Promise<void> }[] = []
  afterAll(async () => {
    for (const d of dbs) await d.drop()
  })

  async function freshDatabase(): Promise<{ url: string; project: GeneratedProject }> {
    const db = await createDatabase('faults')
    dbs.push(db)
    await createAppliedLog(db.url)
    const project = generateProject({
      count: COUNT,
      configVersion: 2,
      extra: { [SLOW]: 'SELECT pg_sleep(5);' },
    })
    return { url: db.url, project }
  }

  for (const mode of ['all', 'per-migration'] as const) {
    scenario(
      `SIGKILL, transaction: ${mode} — the re-run converges`,
      `pg: action killed (SIGKILL) mid-apply, transaction ${mode}`,
      async () => {
        const { url, project } = await freshDatabase()
        const r = await runDistAction({
          cwd: project.workspace,
          inputs: pgInputs(project, url, mode),
          onOutput: atSlowStep(project, (kill) => kill('SIGKILL')),
        })
        expect(r.signal, everything(r)).toBe('SIGKILL')
        // the killed run's server session may still be running the slow step: the re-run waits for its lock
        const c = await expectConvergence(url, 'schema_migrations', project, mode, () =>
          runDistAction({ cwd: project.workspace, inputs: pgInputs(project, url, mode) }),
        )
        record({
          suite: 'faults',
          name: `pg: action killed (SIGKILL) mid-apply, transaction ${mode}`,
          outcome: 'survived',
          ...c,
          postgresVersion: await pgVersion(url),
        })
      },
    )
  }

  for (const [signal, mode] of [
    ['SIGTERM', 'all'],
    ['SIGTERM', 'per-migration'],
    ['SIGINT', 'all'],
    ['SIGINT', 'per-migration'],
  ] as const) {
    scenario(
      `${signal}, transaction: ${mode} — stops cleanly, reports cancelled after the last version, re-run converges`,
      `pg: job cancelled (${signal}) mid-apply, transaction ${mode}`,
      async () => {
        const { url, project } = await freshDatabase()
        const last = project.versions[SLOW - 1]
        const r = await runDistAction({
          cwd: project.workspace,
          inputs: pgInputs(project, url, mode),
          onOutput: atSlowStep(project, (kill) => kill(signal)),
        })
        expect(r.signal, everything(r)).toBeNull()
        const error = expectCleanFailure(r)
        expect(error).toContain(`cancelled after version ${last}`)
        const report = JSON.parse(r.outputs.report) as { status: string; error?: { kind: string } }
        expect(report.status).toBe('cancelled')
        expect(report.error?.kind).toBe('cancelled')
        expect(error).toContain(`title=Migration ${project.versions[SLOW]}_step_${SLOW} cancelled on default`)
        expect(r.summary).toContain('### ⛔ What was cancelled')
        expect(r.summary).toContain(`cancelled after version ${last}`)
        expect(r.summary).not.toContain('What failed')
        expect(r.stderr).toContain(`received ${signal}`)
        if (mode === 'all') {
          expect(error).toContain('rolled back')
          expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
        } else {
          expect(JSON.parse(r.outputs['applied-versions'])).toEqual(project.versions.slice(0, SLOW))
        }
        const c = await expectConvergence(url, 'schema_migrations', project, mode, () =>
          runDistAction({ cwd: project.workspace, inputs: pgInputs(project, url, mode) }),
        )
        if (mode === 'per-migration') {
          // exactly the steps before the cancelled one had committed
          expect(c.lostMigrations).toBe(0)
        }
        record({
          suite: 'faults',
          name: `pg: job cancelled (${signal}) mid-apply, transaction ${mode}`,
          outcome: 'survived',
          ...c,
          stackTrace: false,
          postgresVersion: await pgVersion(url),
          detail: error.slice(0, 300),
        })
      },
    )
  }
})

/** Holds ACCESS EXCLUSIVE on `public.contended` from a session of the test until `release()`. */
async function holdLock(url: string): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  await c.query('BEGIN')
  await c.query('LOCK TABLE public.contended IN ACCESS EXCLUSIVE MODE')
  return {
    async release() {
      await c.query('ROLLBACK')
      await c.end()
    },
  }
}

/** The migration at this index alters the table another session holds locked. */
const CONTENDED = 10
const LOCK_PROJECT = { count: 20, extra: { [CONTENDED]: 'ALTER TABLE public.contended ADD COLUMN c int;' } }

async function contendedColumns(url: string): Promise<string[]> {
  const rows = await query<{ c: string }>(
    url,
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'contended' ORDER BY ordinal_position",
  )
  return rows.map((r) => r.c)
}

describe('lock contention: another session holds ACCESS EXCLUSIVE on a table a migration alters', () => {
  const dbs: { drop(): Promise<void> }[] = []
  const servers: HasuraServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
    for (const d of dbs) await d.drop()
  })

  const cases = [
    { target: 'pg', mode: 'all' },
    { target: 'pg', mode: 'per-migration' },
    { target: 'hasura', mode: 'all' },
  ] as const
  for (const { target, mode } of cases) {
    scenario(
      `${target} target, transaction: ${mode}, timeout 3 s — bounded, names the lock, nothing half-applied`,
      `${target}: lock contention (ACCESS EXCLUSIVE held elsewhere), timeout 3 s, transaction ${mode}`,
      async () => {
        const db = await createDatabase('flock')
        dbs.push(db)
        await createAppliedLog(db.url)
        await query(db.url, 'CREATE TABLE public.contended (id int)')
        const project = generateProject({ ...LOCK_PROJECT, configVersion: target === 'pg' ? 2 : 3 })
        const store: StateStore = target === 'pg' ? 'schema_migrations' : 'catalog'
        let inputs: Record<string, string>
        if (target === 'pg') {
          inputs = pgInputs(project, db.url, mode, { timeout: '3' })
        } else {
          const server = await startHasuraServer({ databaseUrl: db.url })
          servers.push(server)
          inputs = {
            'project-dir': project.projectDir,
            endpoint: server.url,
            transaction: mode,
            timeout: '3',
          }
        }
        const lock = await holdLock(db.url)
        let r: ActionRun
        try {
          r = await runDistAction({ cwd: project.workspace, inputs })
        } finally {
          await lock.release()
        }
        const error = expectCleanFailure(r)
        expect(error).toMatch(/lock/i)
        expect(error).toMatch(/timeout/i)
        // the PostgreSQL target knows which statement waited; over HTTP, `all` is one request
        if (target === 'pg') expect(error).toContain(project.versions[CONTENDED])
        expect(await contendedColumns(db.url)).toEqual(['id'])
        const c = await expectConvergence(db.url, store, project, mode, () =>
          runDistAction({ cwd: project.workspace, inputs }),
        )
        if (mode === 'per-migration') {
          // whole steps only: exactly those before the blocked one committed (checked before the re-run)
          expect(JSON.parse(r.outputs['applied-versions'])).toEqual(project.versions.slice(0, CONTENDED))
        } else {
          expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
        }
        expect(await contendedColumns(db.url)).toEqual(['id', 'c'])
        record({
          suite: 'faults',
          name: `${target}: lock contention (ACCESS EXCLUSIVE held elsewhere), timeout 3 s, transaction ${mode}`,
          outcome: 'survived',
          ...c,
          stackTrace: false,
          postgresVersion: await pgVersion(db.url),
          detail: error.slice(0, 300),
        })
      },
    )
  }
})

/**
 * Marks the request that applies the migrations: reads never insert into the log, and only the request
 * that commits reads the step marks back (a rehearsal the metadata check reads ends in an exception).
 */
const APPLY = ['INSERT INTO public.applied_log', 'hasura_migrate_action.marks']
const LATE_MS = 5_000

interface HasuraFaultCase {
  name: string
  fault: Fault
  /** How the run ends: the request was answered wrongly, so the run fails, or it found out that it landed. */
  expect: 'fails' | 'recovers'
  /** A part of the `::error::` line. */
  message?: RegExp
}

const HASURA_FAULTS: HasuraFaultCase[] = [
  {
    name: 'the connection closes before the request reaches the engine',
    fault: { kind: 'close', when: 'before', match: { text: APPLY } },
    expect: 'fails',
    message: /connection .*failed/i,
  },
  {
    name: 'the connection closes after the engine committed',
    fault: { kind: 'close', when: 'after', match: { text: APPLY } },
    expect: 'recovers',
  },
  {
    name: 'a proxy answers 502 HTML instead of forwarding',
    fault: { kind: 'html', status: 502, when: 'before', match: { text: APPLY } },
    expect: 'fails',
    message: /502.*HTML/i,
  },
  {
    name: 'a proxy answers 504 HTML after the engine committed',
    fault: { kind: 'html', status: 504, when: 'after', match: { text: APPLY } },
    expect: 'recovers',
  },
  {
    name: 'the engine starts the request later than the timeout (the run has given up by then)',
    fault: { kind: 'delay', ms: LATE_MS, when: 'before', match: { text: APPLY } },
    expect: 'fails',
    // the HTTP deadline is the `timeout` plus a margin, so that the server's own timeout error wins
    message: /no answer .*within \d+(\.\d)? s \(see the `timeout` input\)/i,
  },
  {
    name: 'the answer comes later than the timeout (the engine committed)',
    fault: { kind: 'delay', ms: LATE_MS, when: 'after', match: { text: APPLY } },
    expect: 'recovers',
  },
  {
    name: 'the answer is malformed JSON (nothing ran)',
    fault: { kind: 'malformed-json', when: 'before', match: { text: APPLY } },
    expect: 'fails',
    message: /not JSON/i,
  },
  {
    name: 'the answer is malformed JSON (the engine committed)',
    fault: { kind: 'malformed-json', when: 'after', match: { text: APPLY } },
    expect: 'recovers',
  },
]

/** Waits until no session of the engine is still running a migration request (a late one included). */
async function quiet(url: string, since: number): Promise<void> {
  await sleep(Math.max(0, since + LATE_MS + 500 - Date.now()))
  for (let i = 0; i < 100; i++) {
    const rows = await query(
      url,
      "SELECT 1 FROM pg_stat_activity WHERE state <> 'idle' AND pid <> pg_backend_pid() AND query LIKE '%INSERT INTO public.applied_log%'",
    )
    if (rows.length === 0) return
    await sleep(100)
  }
  throw new Error('a migration request is still running')
}

describe('Hasura target: the server or a proxy misbehaves during the migration request', () => {
  const dbs: { drop(): Promise<void> }[] = []
  const servers: HasuraServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
    for (const d of dbs) await d.drop()
  })

  for (const c of HASURA_FAULTS) {
    scenario(
      `${c.fault.kind} (${c.fault.when}): ${c.name} — ${c.expect === 'fails' ? 'a clear error' : 'the run finds out it landed'}, the re-run converges`,
      `hasura: ${c.fault.kind} ${c.fault.when} — ${c.name}`,
      async () => {
        const db = await createDatabase('fhasura')
        dbs.push(db)
        await createAppliedLog(db.url)
        const server = await startHasuraServer({ databaseUrl: db.url })
        servers.push(server)
        const project = generateProject({ count: 20, configVersion: 3 })
        const inputs = { 'project-dir': project.projectDir, endpoint: server.url, timeout: '2' }
        server.faults.next(c.fault)
        const started = Date.now()
        const r = await runDistAction({ cwd: project.workspace, inputs })
        expect(server.faults.pending, 'the fault fired').toBe(0)
        expect(everything(r)).not.toMatch(STACK_FRAME)
        let detail: string
        if (c.expect === 'fails') {
          const error = expectCleanFailure(r)
          expect(error).toMatch(c.message!)
          // the report says what is known about the lost request and that a re-run is safe
          expect(error).toMatch(/none of it committed|could not tell/)
          expect(error).toContain('Running again is safe')
          detail = `clean failure, then converged: ${error}`
        } else {
          expect(r.code, everything(r)).toBe(0)
          expect(errorsOf(r)).toEqual([])
          expect(JSON.parse(r.outputs['applied-versions'])).toEqual(project.versions)
          expect(r.stdout).toContain('the state shows that the transaction committed')
          detail = 'recovered: the run re-read the state and found its transaction committed'
        }
        // a re-run at once, while a late request may still be on its way; then wait for it to finish
        const rerun = async (): Promise<ActionRun> => {
          const again = await runDistAction({ cwd: project.workspace, inputs })
          await quiet(db.url, started)
          return again
        }
        const conv = await expectConvergence(db.url, 'catalog', project, 'all', rerun, {
          committedBefore: c.expect === 'fails' ? 'none' : 'any',
        })
        record({
          suite: 'faults',
          name: `hasura: ${c.fault.kind} ${c.fault.when} — ${c.name}`,
          outcome: 'survived',
          ...conv,
          stackTrace: false,
          postgresVersion: await pgVersion(db.url),
          detail: detail.slice(0, 300),
        })
      },
    )
  }
})

describe('Hasura target: the server or a proxy misbehaves during the rehearsal the metadata check reads', () => {
  const dbs: { drop(): Promise<void> }[] = []
  const servers: HasuraServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
    for (const d of dbs) await d.drop()
  })

  // the capture request: the unit rehearsed with the snapshot at its end, read back through an error
  const CAPTURE = [SIGNALS.captured]
  const faults: { name: string; fault: Fault }[] = [
    {
      name: 'the connection closes before it',
      fault: { kind: 'close', when: 'before', match: { text: CAPTURE } },
    },
    {
      name: 'the connection closes after it',
      fault: { kind: 'close', when: 'after', match: { text: CAPTURE } },
    },
    {
      name: 'a proxy answers 502 HTML',
      fault: { kind: 'html', status: 502, when: 'before', match: { text: CAPTURE } },
    },
    {
      name: 'the answer is malformed JSON',
      fault: { kind: 'malformed-json', when: 'after', match: { text: CAPTURE } },
    },
  ]
  for (const c of faults) {
    scenario(
      `${c.fault.kind} (${c.fault.when}): ${c.name} — the read is retried, the run applies everything once`,
      `hasura: ${c.fault.kind} ${c.fault.when} during the check's rehearsal — ${c.name}`,
      async () => {
        const db = await createDatabase('fcapture')
        dbs.push(db)
        await createAppliedLog(db.url)
        const server = await startHasuraServer({ databaseUrl: db.url })
        servers.push(server)
        const project = generateProject({ count: 20, configVersion: 3 })
        const inputs = { 'project-dir': project.projectDir, endpoint: server.url }
        server.faults.next(c.fault)
        const r = await runDistAction({ cwd: project.workspace, inputs })
        expect(server.faults.pending, 'the fault fired').toBe(0)
        expect(everything(r)).not.toMatch(STACK_FRAME)
        // a rehearsal always rolls back: lost or garbled, it is simply read again
        expect(r.code, everything(r)).toBe(0)
        expect(errorsOf(r)).toEqual([])
        expect(JSON.parse(r.outputs['applied-versions'])).toEqual(project.versions)
        const facts = await readFacts(db.url, 'catalog')
        const t = tally(facts, project.versions)
        expect(t).toEqual({ doubleApplies: 0, lostMigrations: 0, inconsistent: [] })
        expect([...facts.logged.entries()].sort()).toEqual(project.versions.map((v) => [v, 1]))
        record({
          suite: 'faults',
          name: `hasura: ${c.fault.kind} ${c.fault.when} during the check's rehearsal — ${c.name}`,
          outcome: 'survived',
          doubleApplies: 0,
          lostMigrations: 0,
          stackTrace: false,
          postgresVersion: await pgVersion(db.url),
          detail: 'the read was retried; the run applied every version once',
        })
      },
    )
  }
})

describe('Hasura target: the job is cancelled while a migration request is in flight', () => {
  const dbs: { drop(): Promise<void> }[] = []
  const servers: HasuraServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
    for (const d of dbs) await d.drop()
  })

  for (const mode of ['all', 'per-migration'] as const) {
    scenario(
      `SIGTERM, transaction: ${mode} — stops cleanly, reports cancelled, the re-run converges`,
      `hasura: job cancelled (SIGTERM) during a migration request, transaction ${mode}`,
      async () => {
        const db = await createDatabase('fcancel')
        dbs.push(db)
        await createAppliedLog(db.url)
        const server = await startHasuraServer({ databaseUrl: db.url })
        servers.push(server)
        const project = generateProject({
          count: 20,
          configVersion: 3,
          extra: { [SLOW]: 'SELECT pg_sleep(2);' },
        })
        const inputs = { 'project-dir': project.projectDir, endpoint: server.url, transaction: mode }
        const slowTable = `t_${project.versions[SLOW]}`
        let kill: ((s: NodeJS.Signals) => void) | undefined
        // the request that commits (a rehearsal the metadata check reads comes first, and cannot commit)
        const sent = (): boolean =>
          server.requests.some((q) =>
            [`CREATE TABLE public.${slowTable}`, APPLY[1]].every((t) =>
              JSON.stringify(q.body ?? '').includes(t),
            ),
          )
        const started = Date.now()
        const running = runDistAction({
          cwd: project.workspace,
          inputs,
          onOutput: (_, k) => (kill = k),
        })
        // the moment the request with the slow migration reached the server, cancel the job
        let cancelled = false
        const watch = setInterval(() => {
          if (!cancelled && kill && sent()) {
            cancelled = true
            kill('SIGTERM')
          }
        }, 20)
        const r = await running
        clearInterval(watch)
        expect(cancelled, everything(r)).toBe(true)
        const error = expectCleanFailure(r)
        expect(error).toMatch(/cancelled/i)
        const report = JSON.parse(r.outputs.report) as { status: string }
        expect(report.status).toBe('cancelled')
        // the request had been sent: Hasura runs it to its end, so the report must not claim a rollback
        expect(error).toContain('after the request was sent: the server may still finish it and commit')
        expect(r.summary).toContain('Cancelled: no further requests were sent')
        expect(r.summary).toContain('may still have committed')
        expect(r.summary).not.toContain('rolled back')
        await quiet(db.url, started)
        // whatever the orphaned request did, it did whole: all or nothing in `all`, whole steps otherwise
        const left = await readFacts(db.url, 'catalog')
        if (mode === 'all') expect([0, project.versions.length]).toContain(left.recorded.size)
        else expect(left.recorded.size).toBeGreaterThanOrEqual(SLOW)
        const c = await expectConvergence(
          db.url,
          'catalog',
          project,
          mode,
          () => runDistAction({ cwd: project.workspace, inputs }),
          { committedBefore: 'any' },
        )
        record({
          suite: 'faults',
          name: `hasura: job cancelled (SIGTERM) during a migration request, transaction ${mode}`,
          outcome: 'survived',
          ...c,
          stackTrace: false,
          postgresVersion: await pgVersion(db.url),
          detail: error.slice(0, 300),
        })
      },
    )
  }

  scenario(
    'SIGTERM during dry-run: rehearse — reports cancelled, says nothing was committed, and nothing was',
    'hasura: job cancelled (SIGTERM) during a rehearsal request',
    async () => {
      const db = await createDatabase('fcancelr')
      dbs.push(db)
      await createAppliedLog(db.url)
      const server = await startHasuraServer({ databaseUrl: db.url })
      servers.push(server)
      const project = generateProject({
        count: 20,
        configVersion: 3,
        extra: { [SLOW]: 'SELECT pg_sleep(2);' },
      })
      const inputs = { 'project-dir': project.projectDir, endpoint: server.url, 'dry-run': 'rehearse' }
      const slowTable = `t_${project.versions[SLOW]}`
      let kill: ((s: NodeJS.Signals) => void) | undefined
      const sent = (): boolean =>
        server.requests.some((q) => JSON.stringify(q.body ?? '').includes(`CREATE TABLE public.${slowTable}`))
      const started = Date.now()
      const running = runDistAction({ cwd: project.workspace, inputs, onOutput: (_, k) => (kill = k) })
      let cancelled = false
      const watch = setInterval(() => {
        if (!cancelled && kill && sent()) {
          cancelled = true
          kill('SIGTERM')
        }
      }, 20)
      const r = await running
      clearInterval(watch)
      expect(cancelled, everything(r)).toBe(true)
      const error = expectCleanFailure(r)
      expect(error).toMatch(/cancelled/i)
      expect((JSON.parse(r.outputs.report) as { status: string }).status).toBe('cancelled')
      // a rehearsal always rolls back, even when the server finishes it after the client went away
      expect(error).not.toContain('may still finish it and commit')
      expect(r.summary).not.toContain('may still have committed')
      expect(r.summary).toContain('no request that writes was in flight')
      await quiet(db.url, started)
      const left = await readFacts(db.url, 'catalog')
      expect(left.recorded.size).toBe(0)
      expect(left.logged.size).toBe(0)
      record({
        suite: 'faults',
        name: 'hasura: job cancelled (SIGTERM) during a rehearsal request',
        outcome: 'survived',
        doubleApplies: 0,
        lostMigrations: 0,
        stackTrace: false,
        postgresVersion: await pgVersion(db.url),
        detail: error.slice(0, 300),
      })
    },
  )
})
