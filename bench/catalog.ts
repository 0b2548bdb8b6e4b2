/**
 * bench/catalog: the catalog snapshot (one query) of a real schema — the mapofzones corpus project's
 * migrations applied with psql to a fresh database — timed with `takeSnapshot` over a `pg` connection,
 * best and median of BENCH_RUNS (20). Goal: ≤ 150 ms. BENCH_DATABASE_URL: a server to use (a database
 * is created on it and dropped); otherwise a throw-away cluster is started.
 * Run: npm run bench:catalog   (writes bench/results/catalog.json)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { sessionSnapshotQuery } from '../src/catalog/snapshot-sources.js'
import { takeSnapshot } from '../src/catalog/snapshot.js'
import { PgSession } from '../src/targets/postgres/pg-session.js'
import { startCluster, type Cluster } from '../__tests__/support/cluster.js'
import { requirePgProgram } from '../__tests__/support/pg-binaries.js'

const root = join(import.meta.dirname ?? process.cwd(), '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const project = join(shared, 'corpus', 'mapofzones__database-hasura')
const migrationsDir = join(project, 'migrations')
if (!existsSync(migrationsDir)) {
  console.error(`corpus not found at ${migrationsDir} (set HMA_SHARED_DIR)`)
  process.exit(1)
}

let cluster: Cluster | undefined
const serverUrl = process.env.BENCH_DATABASE_URL ?? (cluster = await startCluster()).url
const database = `bench_catalog_${process.pid}`

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

const best = (xs: number[]): number => Math.min(...xs)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

await admin(`CREATE DATABASE ${database}`)
const url = new URL(serverUrl)
url.pathname = '/' + database
try {
  // Config v2: one directory per version, ascending by version (the directory name's prefix).
  const upFiles = readdirSync(migrationsDir)
    .filter((d) => /^\d+_/.test(d) && existsSync(join(migrationsDir, d, 'up.sql')))
    .sort((a, b) => (BigInt(a.split('_')[0]) < BigInt(b.split('_')[0]) ? -1 : 1))
    .map((d) => join(migrationsDir, d, 'up.sql'))
  const psql = spawnSync(
    requirePgProgram('psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...upFiles.flatMap((f) => ['-f', f]), url.toString()],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  )
  if (psql.status !== 0) throw new Error(`applying the migrations failed: ${psql.stderr.slice(-2000)}`)

  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    const query = sessionSnapshotQuery(new PgSession(client, {}))
    const snapshot = await takeSnapshot(query) // warm-up: connection, catalog caches
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      await takeSnapshot(query)
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
    const objects = {
      migrations: upFiles.length,
      relations: snapshot.relations.length,
      columns: snapshot.relations.reduce((n, r) => n + r.columns.length, 0),
      indexes: snapshot.relations.reduce((n, r) => n + r.indexes.length, 0),
      functions: snapshot.functions.length,
      enums: snapshot.enums.length,
      sequences: snapshot.sequences.length,
    }
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      serverVersion: snapshot.serverVersion,
      runs: RUNS,
      bestMs: Number(best(times).toFixed(1)),
      medianMs: Number(median(times).toFixed(1)),
      objects,
    }
    console.log(
      `Catalog snapshot of mapofzones/database-hasura (${Object.entries(objects)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}): best ${result.bestMs} ms, median ${result.medianMs} ms of ${RUNS}`,
    )
    mkdirSync(join(root, 'bench', 'results'), { recursive: true })
    writeFileSync(join(root, 'bench', 'results', 'catalog.json'), JSON.stringify(result, null, 2) + '\n')
  } finally {
    await client.end()
  }
} finally {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  cluster?.stop()
}
