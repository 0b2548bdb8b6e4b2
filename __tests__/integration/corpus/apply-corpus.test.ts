/**
 * Issue 3's acceptance on real projects (../shared/corpus): dist/index.js applies each runnable project
 * to a fresh database, and the schema it leaves is exactly the one `psql -1` leaves from the same up
 * files; state, re-runs, rollbacks and a failure in the middle behave as the contract says.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { readConfig, readMigrations } from '../../../src/project/index.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'
import { runDistAction, type ActionRun } from '../../support/action-runner.js'
import { startCluster, type Cluster } from '../../support/cluster.js'
import { createDatabase, query, urlFor } from '../../support/database.js'
import { dumpSchema as dump, psqlOne } from '../../support/psql.js'
import { corpusDir, describeShared } from '../../support/shared.js'

// the big projects take seconds each; a loaded 2-core machine can make that tens of seconds
vi.setConfig({ testTimeout: 180_000 })

type Db = Awaited<ReturnType<typeof createDatabase>>
const databases: Db[] = []
async function freshDatabase(prefix: string): Promise<Db> {
  const db = await createDatabase(prefix)
  databases.push(db)
  return db
}

function readProject(dir: string): DatabaseMigrations {
  return readMigrations(readConfig(dir, {}), 'default')
}

/** The up SQL files in version order, as absolute paths (readMigrations already drops 0-byte files). */
function upFiles(dir: string, migrations: DatabaseMigrations): string[] {
  return migrations.migrations.filter((m) => m.up?.sql).map((m) => join(dir, m.up!.sql!.path))
}

async function stateRows(db: Db): Promise<{ version: string; dirty: boolean }[]> {
  return query(db.url, 'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version')
}

type TimedRun = ActionRun & { ms: number }

async function action(
  dir: string,
  db: Db | undefined,
  inputs: Record<string, string> = {},
): Promise<TimedRun> {
  const started = Date.now()
  const r = await runDistAction({
    inputs: { 'project-dir': dir, metadata: 'skip', ...(db ? { 'database-url': db.url } : {}), ...inputs },
    timeoutMs: 170_000,
  })
  return { ...r, ms: Date.now() - started }
}

function errorLines(r: ActionRun): string[] {
  return r.annotations.filter((a) => a.startsWith('::error'))
}

/** psql -1's schema for each runnable project on the harness cluster, kept for later comparisons. */
const psqlDumps = new Map<string, string>()

const log = (line: string): void => console.log(`[corpus] ${line}`)

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()))
})

interface RunnableProject {
  folder: string
  configVersion: number
  count: number
  /** Newest first, the first version whose down is missing (config 2/3: a down.yaml does not count). */
  firstMissingDown: string
  /** The newest versions that all have a real down: rolled back and re-applied, compared with psql. */
  realDownTail: number
}

const RUNNABLE: RunnableProject[] = [
  {
    folder: 'andrewMacmurray__realworld-hasura',
    configVersion: 3,
    count: 21,
    firstMissingDown: '1602056993085',
    realDownTail: 0,
  },
  {
    folder: 'Lucy-Family-Institute__pace-admin',
    configVersion: 2,
    count: 156,
    firstMissingDown: '1627389884638',
    realDownTail: 5,
  },
  {
    folder: 'mapofzones__database-hasura',
    configVersion: 2,
    count: 309,
    firstMissingDown: '1664041740843',
    realDownTail: 11,
  },
]

for (const project of RUNNABLE) {
  describeShared(`corpus: ${project.folder} applied by the action and by psql -1`, () => {
    const dir = corpusDir(project.folder)
    let migrations: DatabaseMigrations
    let versions: string[]
    let viaAction: Db
    let viaPsql: Db
    let actionDump: string

    beforeAll(async () => {
      migrations = readProject(dir)
      versions = migrations.migrations.map((m) => m.version.toString())
      viaAction = await freshDatabase('corpus_action')
      viaPsql = await freshDatabase('corpus_psql')
    })

    it('reads the project as the corpus README counts it', () => {
      expect(readConfig(dir, {}).version).toBe(project.configVersion)
      expect(versions).toHaveLength(project.count)
      // every version has an up file, so the up files are exactly the versions, ascending
      expect(upFiles(dir, migrations)).toHaveLength(project.count)
      const sorted = [...migrations.migrations].sort((a, b) => (a.version < b.version ? -1 : 1))
      expect(sorted.map((m) => m.version.toString())).toEqual(versions)
    })

    it('applies every version, leaving the schema psql -1 leaves, and records them clean', async () => {
      const r = await action(dir, viaAction)
      expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0)
      expect(JSON.parse(r.outputs['applied-versions'])).toEqual(versions)
      expect(r.outputs['applied-count']).toBe(String(project.count))
      expect(r.outputs['current-version']).toBe(versions.at(-1))
      expect(errorLines(r)).toEqual([])

      const p = await psqlOne(viaPsql.url, upFiles(dir, migrations))
      const [limits] = await query<{ locks: string; conns: string }>(
        viaPsql.url,
        "SELECT current_setting('max_locks_per_transaction') AS locks, current_setting('max_connections') AS conns",
      )
      log(
        `${project.folder}: ${project.count} versions — action ${r.ms} ms (process), psql -1 ${p.ms} ms, ` +
          `${p.locks} locks held by the single psql transaction at its end ` +
          `(max_locks_per_transaction ${limits.locks}, max_connections ${limits.conns})`,
      )

      actionDump = await dump(viaAction)
      const psqlDump = await dump(viaPsql)
      psqlDumps.set(project.folder, psqlDump)
      expect(actionDump.length).toBeGreaterThan(1000)
      expect(actionDump).toBe(psqlDump)

      expect(await stateRows(viaAction)).toEqual(versions.map((version) => ({ version, dirty: false })))
    })

    it('a second run applies nothing', async () => {
      const r = await action(dir, viaAction)
      expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0)
      expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
      expect(JSON.parse(r.outputs.report)).toMatchObject({ status: 'nothing-to-do' })
      expect(await stateRows(viaAction)).toHaveLength(project.count)
    })

    it('direction down, steps all fails before anything runs, naming the version without a down', async () => {
      const r = await action(dir, viaAction, { direction: 'down', steps: 'all' })
      expect(r.code).toBe(1)
      const errors = errorLines(r)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`${project.firstMissingDown} down migration not found`)
      expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
      expect(await dump(viaAction)).toBe(actionDump)
      expect(await stateRows(viaAction)).toEqual(versions.map((version) => ({ version, dirty: false })))
    })

    if (project.realDownTail > 0) {
      it(`rolls back the ${project.realDownTail} newest versions as psql runs their downs, then re-applies them`, async () => {
        const n = project.realDownTail
        const tail = migrations.migrations.slice(-n).reverse()
        for (const m of tail) expect(m.down?.sql?.text.trim(), `${m.version} has a down`).toBeTruthy()

        const down = await action(dir, viaAction, { direction: 'down', steps: String(n) })
        expect(down.code, down.stdout.slice(-3000) + down.stderr).toBe(0)
        expect(JSON.parse(down.outputs['applied-versions'])).toEqual(tail.map((m) => m.version.toString()))
        const kept = versions.slice(0, -n)
        expect(await stateRows(viaAction)).toEqual(kept.map((version) => ({ version, dirty: false })))

        // the project's downs are not all exact inverses (mapofzones' leave functions behind): compare
        // with the same down files run by psql, not with a database that never had the tail
        await psqlOne(
          viaPsql.url,
          tail.map((m) => join(dir, m.down!.sql!.path)),
        )
        expect(await dump(viaAction)).toBe(await dump(viaPsql))

        const up = await action(dir, viaAction)
        expect(up.code, up.stdout.slice(-3000) + up.stderr).toBe(0)
        expect(JSON.parse(up.outputs['applied-versions'])).toEqual(versions.slice(-n))
        await psqlOne(viaPsql.url, tail.map((m) => join(dir, m.up!.sql!.path)).reverse())
        expect(await dump(viaAction)).toBe(await dump(viaPsql))
        expect(await stateRows(viaAction)).toEqual(versions.map((version) => ({ version, dirty: false })))
      })
    }
  })
}

describeShared('corpus: Mission-Prerna__nl-hasura-migrations fails in the middle (TimescaleDB)', () => {
  const dir = corpusDir('Mission-Prerna__nl-hasura-migrations')
  const failing = '1696046171403'
  const failingFile = join(dir, 'migrations/default/1696046171403_create_assessments_hypertable/up.sql')
  let migrations: DatabaseMigrations
  let before: string[]

  beforeAll(() => {
    migrations = readProject(dir)
    const index = migrations.migrations.findIndex((m) => m.version.toString() === failing)
    before = migrations.migrations.slice(0, index).map((m) => m.version.toString())
  })

  it('reads 467 versions, the TimescaleDB one the 319th', () => {
    expect(migrations.migrations).toHaveLength(467)
    expect(before).toHaveLength(318)
  })

  it('transaction all: fails at that version, naming its file and line, and leaves the database as it was', async () => {
    const db = await freshDatabase('corpus_np_all')
    const empty = await dump(db, [])
    const r = await action(dir, db, { transaction: 'all' })
    log(`Mission-Prerna, transaction all: failed after ${r.ms} ms (process)`)
    expect(r.code).toBe(1)
    const errors = errorLines(r)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`file=${failingFile},line=1::`)
    expect(errors[0]).toContain('create_hypertable')
    expect(errors[0]).toContain('1696046171403_create_assessments_hypertable')
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
    // the whole dump, hdb_catalog included: not even the state table is left behind
    expect(await dump(db, [])).toBe(empty)
    const state = await query(db.url, "SELECT to_regclass('hdb_catalog.schema_migrations') AS t")
    expect(state[0]?.t).toBeNull()
    const tables = await query(db.url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")
    expect(tables).toHaveLength(0)
  })

  it('transaction per-migration: everything before it stays applied and recorded, as psql -1 leaves it', async () => {
    const db = await freshDatabase('corpus_np_each')
    const r = await action(dir, db, { transaction: 'per-migration' })
    expect(r.code).toBe(1)
    const errors = errorLines(r)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`file=${failingFile},line=1::`)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(before)
    expect(await stateRows(db)).toEqual(before.map((version) => ({ version, dirty: false })))

    const viaPsql = await freshDatabase('corpus_np_psql')
    const p = await psqlOne(viaPsql.url, upFiles(dir, migrations).slice(0, before.length))
    log(
      `Mission-Prerna, 318 versions before the failure: action per-migration ${r.ms} ms (process), ` +
        `psql -1 ${p.ms} ms, ${p.locks} locks held by the psql transaction`,
    )
    expect(await dump(db)).toBe(await dump(viaPsql))
  })
})

describeShared('corpus: nhost__hasura-backend-plus has no config.yaml', () => {
  it('fails with exit 1 and one ::error:: line naming config.yaml and the directory', async () => {
    const dir = corpusDir('nhost__hasura-backend-plus')
    const r = await action(dir, undefined, { 'dry-run': 'plan' })
    expect(r.code).toBe(1)
    const errors = errorLines(r)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`no config.yaml in ${dir.replace(/\/$/, '')}`)
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
  })
})

describeShared('corpus: HSLdevcom__jore4-hasura (needs PostGIS) — plan only', () => {
  const dir = corpusDir('HSLdevcom__jore4-hasura')

  interface Report {
    status: string
    target: { kind: string }
    databases: { database: string; directory: string; planned: { version: string }[] }[]
  }

  it('plans every database of migrations/generic: 27 + 24 + 28 versions, nothing applied', async () => {
    const r = await action(dir, undefined, { 'dry-run': 'plan', database: 'all' })
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0)
    const report = JSON.parse(r.outputs.report) as Report
    expect(report.status).toBe('planned')
    expect(report.target.kind).toBe('embedded')
    expect(report.databases.map((d) => [d.database, d.directory, d.planned.length])).toEqual([
      ['default', 'migrations/generic/default', 27],
      ['main', 'migrations/generic/main', 24],
      ['timetables', 'migrations/generic/timetables', 28],
    ])
    expect(JSON.parse(r.outputs['planned-versions'])).toHaveLength(79)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
    expect(JSON.parse(r.outputs.applied)).toEqual({ default: [], main: [], timetables: [] })
    // far-future repeatable versions stay in version order after the timestamps
    const main = report.databases[1].planned.map((s) => s.version)
    expect(main).toEqual([...main].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)))
  })

  it('plans the hsl tree too, its leading-zero version 0999999999999 read as 999999999999', async () => {
    const r = await action(dir, undefined, {
      'dry-run': 'plan',
      database: 'main',
      'migrations-dir': 'migrations/hsl',
    })
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0)
    const report = JSON.parse(r.outputs.report) as Report
    expect(report.databases.map((d) => [d.database, d.planned.length])).toEqual([['main', 12]])
    expect(report.databases[0].planned[0].version).toBe('999999999999')
  })
})

describeShared('corpus: mapofzones__database-hasura on a server with a small lock table', () => {
  const folder = 'mapofzones__database-hasura'
  const dir = corpusDir(folder)
  let cluster: Cluster
  const onCluster = async (name: string): Promise<Db> => {
    await query(cluster.url, `CREATE DATABASE ${name}`)
    return { name, url: urlFor(name, cluster.url), drop: async () => {} }
  }

  beforeAll(async () => {
    // the harness's 64 x 300 slots hold mapofzones' ~760 locks easily: shrink the table until one
    // transaction cannot, as on a small managed server with a big project
    cluster = await startCluster({
      max_connections: '5',
      superuser_reserved_connections: '0',
      max_locks_per_transaction: '10',
      autovacuum_max_workers: '1',
      max_worker_processes: '0',
      max_wal_senders: '0',
    })
  })
  afterAll(() => cluster?.stop())

  it('transaction all fails with a clear 53200 and leaves nothing; per-migration applies it all', async () => {
    const migrations = readProject(dir)
    const versions = migrations.migrations.map((m) => m.version.toString())

    const psqlDb = await onCluster('psql_one')
    // not the action's doing: psql -1 runs out of the same table
    await expect(psqlOne(psqlDb.url, upFiles(dir, migrations))).rejects.toMatchObject({
      stderr: expect.stringContaining('out of shared memory') as unknown,
    })

    const all = await onCluster('action_all')
    const empty = await dump(all, [])
    const r = await action(dir, all)
    expect(r.code).toBe(1)
    const errors = errorLines(r)
    expect(errors).toHaveLength(1)
    // the file where the table ran out, which depends on the server's exact sizes: one of the up files
    expect(upFiles(dir, migrations)).toContain(/,file=([^,]+),line=\d+::/.exec(errors[0])?.[1])
    expect(errors[0]).toContain('53200')
    expect(errors[0]).toContain('max_locks_per_transaction')
    expect(errors[0]).toContain('set `transaction: per-migration`')
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
    expect(await dump(all, [])).toBe(empty)
    log(`${folder} with max_locks_per_transaction 10: ${errors[0].slice(0, 400)}`)

    const each = await onCluster('action_each')
    const ok = await action(dir, each, { transaction: 'per-migration' })
    expect(ok.code, ok.stdout.slice(-3000) + ok.stderr).toBe(0)
    expect(JSON.parse(ok.outputs['applied-versions'])).toEqual(versions)
    expect(await stateRows(each)).toEqual(versions.map((version) => ({ version, dirty: false })))
    log(`${folder} with transaction per-migration on the small lock table: ${ok.ms} ms (process)`)

    let reference = psqlDumps.get(folder)
    if (!reference) {
      const viaPsql = await freshDatabase('corpus_psql')
      await psqlOne(viaPsql.url, upFiles(dir, migrations))
      reference = await dump(viaPsql)
    }
    expect(await dump(each)).toBe(reference)
  })
})
