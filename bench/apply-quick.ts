/**
 * Quick apply benchmark of the PostgreSQL target against `psql -1 -f` on the same generated files.
 *
 *   npx esbuild bench/apply-quick.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.tmp/apply-quick.mjs && node .tmp/apply-quick.mjs [count] [rounds]
 *
 * Uses DATABASE_URL (an admin URL) or starts a throw-away cluster like the test harness. Every
 * measurement runs on a fresh database; the median of the rounds is printed.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Step } from '../src/plan/types.js'
import { connectPostgres } from '../src/targets/postgres/postgres-target.js'
import type { TransactionMode } from '../src/targets/target.js'
import { startCluster } from '../__tests__/support/cluster.js'

const count = Number(process.argv[2] ?? 1000)
const rounds = Number(process.argv[3] ?? 3)

function migration(n: number): string {
  return [
    `CREATE TABLE t_${n} (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
    `CREATE INDEX t_${n}_name ON t_${n} (name);`,
    `INSERT INTO t_${n} (name) VALUES ('a'), ('b'), ('c');`,
  ].join('\n')
}

const versions = Array.from({ length: count }, (_, n) => 1700000000000n + BigInt(n))
const steps: Step[] = versions.map((v, n) => ({
  database: 'default',
  version: v,
  name: `m${n}`,
  direction: 'up',
  transactional: true,
  sql: { path: `migrations/default/${v}_m${n}/up.sql`, text: migration(n), noTransaction: false },
}))

const STATE_DDL = [
  'CREATE SCHEMA hdb_catalog;',
  'CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null);',
  'CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null);',
  "INSERT INTO hdb_catalog.migration_settings (setting, value) VALUES ('migration_mode', 'true');",
].join('\n')

function dbUrl(admin: string, name: string): string {
  const u = new URL(admin)
  u.pathname = `/${name}`
  return u.toString()
}

let counter = 0
async function freshDatabase(admin: string): Promise<string> {
  const name = `bench_${process.pid}_${counter++}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`DROP DATABASE IF EXISTS ${name}`)
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  return dbUrl(admin, name)
}

function psql(url: string, file: string): number {
  const started = performance.now()
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', file, '-d', url], {
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`)
  return performance.now() - started
}

async function target(url: string, transaction: TransactionMode): Promise<number> {
  const t = await connectPostgres({ url, configVersion: 2, timeoutMs: 600_000 })
  try {
    const started = performance.now()
    const r = await t.execute({
      database: 'default',
      replan: (state) => steps.filter((s) => !state.versions.has(s.version)),
      mode: 'apply',
      transaction,
      timeoutMs: 600_000,
    })
    const ms = performance.now() - started
    if (r.error) throw new Error(`target failed: ${r.error.message}`)
    if (r.stateAfter.versions.size !== count) throw new Error('not all versions recorded')
    return ms
  } finally {
    await t.close()
  }
}

/** What one more round trip per step costs: `count` trivial queries on one connection. */
async function roundTrips(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  const started = performance.now()
  for (let i = 0; i < count; i++) await c.query('SELECT 1')
  const ms = performance.now() - started
  await c.end()
  return ms
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function main(): Promise<void> {
  const cluster = process.env.DATABASE_URL ? undefined : await startCluster()
  const admin = process.env.DATABASE_URL ?? cluster!.url
  const dir = mkdtempSync(join(tmpdir(), 'hma-bench-'))
  try {
    const filesOnly = join(dir, 'files.sql')
    writeFileSync(filesOnly, steps.map((s) => s.sql!.text).join('\n'))
    const withState = join(dir, 'with-state.sql')
    writeFileSync(
      withState,
      STATE_DDL +
        '\n' +
        steps
          .map(
            (s) =>
              `${s.sql!.text}\nINSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (${s.version}, false);`,
          )
          .join('\n'),
    )
    const results: Record<string, number[]> = {
      'psql -1 -f (files only)': [],
      'psql -1 -f (files + state inserts)': [],
      'target, transaction: all': [],
      'target, transaction: per-migration': [],
      [`${count} extra round trips (SELECT 1)`]: [],
    }
    for (let r = 0; r < rounds; r++) {
      results['psql -1 -f (files only)'].push(psql(await freshDatabase(admin), filesOnly))
      results['psql -1 -f (files + state inserts)'].push(psql(await freshDatabase(admin), withState))
      results['target, transaction: all'].push(await target(await freshDatabase(admin), 'all'))
      results['target, transaction: per-migration'].push(
        await target(await freshDatabase(admin), 'per-migration'),
      )
      results[`${count} extra round trips (SELECT 1)`].push(await roundTrips(await freshDatabase(admin)))
    }
    const base = median(results['psql -1 -f (files only)'])
    const baseMin = Math.min(...results['psql -1 -f (files only)'])
    console.log(
      `${count} migrations (table with serial key, index, 3-row insert), ${rounds} rounds (median, min):`,
    )
    for (const [name, xs] of Object.entries(results)) {
      const m = median(xs)
      const min = Math.min(...xs)
      console.log(
        `  ${name.padEnd(40)} median ${m.toFixed(0).padStart(6)} ms ${(m / base).toFixed(2)}x   min ${min.toFixed(0).padStart(6)} ms ${(min / baseMin).toFixed(2)}x   [${xs.map((x) => x.toFixed(0)).join(', ')}]`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    cluster?.stop()
  }
}

await main()
