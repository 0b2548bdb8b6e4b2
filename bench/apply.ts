/**
 * bench/apply: the action (dist/cli.js, the whole process) against psql -1 -f (the floor), node-pg-migrate
 * and dbmate, on the same generated migrations, each from an empty database, one cluster. Each try runs
 * every tool once, in turn (a noisy minute on a shared machine then hits all of them); the table shows
 * the best of BENCH_TRIES (5) tries, and the JSON the medians too.
 * Also: a no-op run with 5,000 applied on the schema they define (drift: off, and the default drift: warn:
 * its first run, which replays, and the later ones, which need not), and the embedded up
 * pass of 1,000 (PGlite start included) next to PGlite alone running the same files
 * (bench/pglite-floor.mjs), the floor of any PGlite-based runner.
 * Run: npm run bench:apply   (writes bench/results/apply.json and prints a markdown table)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startCluster } from '../__tests__/support/cluster.js'
import { requirePgProgram } from '../__tests__/support/pg-binaries.js'
import {
  generateDbmate,
  generateHasuraProject,
  generateNodePgMigrate,
  generatePsqlFile,
  migrationSql,
  versionOf,
} from './generate.js'

const root = join(import.meta.dirname ?? process.cwd(), '..')
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number)
const TRIES = Number(process.env.BENCH_TRIES ?? 5)

const cluster = await startCluster({ max_locks_per_transaction: '256' })
const work = mkdtempSync(join(tmpdir(), 'hma-bench-'))
let dbCounter = 0

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: cluster.url })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

async function freshDatabase(): Promise<string> {
  const name = `bench_${dbCounter++}`
  await admin(`CREATE DATABASE ${name}`)
  const u = new URL(cluster.url)
  u.pathname = '/' + name
  return u.toString()
}

function timed(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`)
  return ms
}

const psql = requirePgProgram('psql')
const node = process.execPath
const cli = join(root, 'dist', 'cli.js')
const npm = (bin: string): string => join(root, 'node_modules', '.bin', bin)

/** dbmate's npm package ships one binary package per platform and the lockfile cannot hold them all: install on demand. */
function dbmateBinary(): string {
  const prefix = join(root, '.tmp', 'bench-tools')
  const bin = join(prefix, 'node_modules', '.bin', 'dbmate')
  if (!existsSync(bin)) {
    const r = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'dbmate@2.36.0'],
      {
        encoding: 'utf8',
      },
    )
    if (r.status !== 0) throw new Error(`installing dbmate failed: ${r.stderr.slice(-1000)}`)
  }
  return bin
}
const dbmate = dbmateBinary()

const best = (xs: number[]): number => Math.min(...xs)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

/** Each tool once per try, in turn, so that a noisy minute on a shared machine hits all of them alike. */
async function interleaved(
  tools: Record<keyof Omit<Row, 'n' | 'medians'>, (url: string) => number>,
): Promise<Omit<Row, 'n'>> {
  const times = Object.fromEntries(Object.keys(tools).map((k) => [k, [] as number[]])) as Record<
    keyof typeof tools,
    number[]
  >
  for (let i = 0; i < TRIES; i++) {
    for (const [name, run] of Object.entries(tools))
      times[name as keyof typeof tools].push(run(await freshDatabase()))
  }
  const pick = (f: (xs: number[]) => number): Record<keyof typeof tools, number> =>
    Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, f(xs)])) as Record<
      keyof typeof tools,
      number
    >
  return { ...pick(best), medians: pick(median) }
}

interface Row {
  n: number
  action: number
  psql: number
  nodePgMigrate: number
  dbmate: number
  medians: { action: number; psql: number; nodePgMigrate: number; dbmate: number }
}
const rows: Row[] = []
for (const n of SIZES) {
  const dir = join(work, `n${n}`)
  mkdirSync(dir, { recursive: true })
  generateHasuraProject(join(dir, 'hasura'), n)
  generatePsqlFile(join(dir, 'all.sql'), n)
  generateNodePgMigrate(join(dir, 'npm'), n)
  generateDbmate(join(dir, 'dbmate'), n)
  const row: Row = {
    n,
    ...(await interleaved({
      psql: (url) =>
        timed(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', join(dir, 'all.sql'), url]),
      action: (url) =>
        timed(node, [cli, '--project-dir', join(dir, 'hasura'), '--database-url', url, '--json']),
      nodePgMigrate: (url) =>
        timed(
          npm('node-pg-migrate'),
          ['up', '-m', join(dir, 'npm'), '--single-transaction', '--no-check-order'],
          {
            DATABASE_URL: url,
          },
        ),
      dbmate: (url) =>
        timed(dbmate, [
          '--url',
          url + '?sslmode=disable',
          '--migrations-dir',
          join(dir, 'dbmate'),
          '--no-dump-schema',
          'up',
        ]),
    })),
  }
  rows.push(row)
  console.error(`n=${n}: ${JSON.stringify(row)}`)
}

// A no-op run: 5,000 versions applied, nothing pending — the whole process, start to exit.
const NOOP = Number(process.env.BENCH_NOOP ?? 5000)
const noopDir = join(work, 'noop')
generateHasuraProject(noopDir, NOOP)
const noopUrl = await freshDatabase()
// the schema the 5,000 define, as a deploy left it: a no-op deploy's drift check finds none
generatePsqlFile(join(work, 'noop.sql'), NOOP)
timed(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', join(work, 'noop.sql'), noopUrl])
{
  const c = new pg.Client({ connectionString: noopUrl })
  await c.connect()
  await c.query(
    'CREATE SCHEMA hdb_catalog; CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null)',
  )
  const values = Array.from({ length: NOOP }, (_, i) => `(${versionOf(i)}, false)`).join(',')
  await c.query(`INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES ${values}`)
  await c.end()
}
const noopRun = (drift: 'off' | 'warn'): number =>
  timed(node, [cli, '--project-dir', noopDir, '--database-url', noopUrl, '--json', '--drift', drift])
const noopTimes: number[] = []
for (let i = 0; i < TRIES; i++) noopTimes.push(noopRun('off'))
const noop = best(noopTimes)
// The default, drift: warn. The first run adopts the 5,000 versions' hashes, replays them on PGlite and
// records the verified schema; every later no-op deploy reads the ledger, hashes the 5,000 files and
// takes the catalog snapshot, and replays nothing while the schema's digest is the recorded one.
const noopFirstWarn = noopRun('warn')
const noopWarnTimes: number[] = []
for (let i = 0; i < TRIES; i++) noopWarnTimes.push(noopRun('warn'))
const noopWarn = best(noopWarnTimes)
// Node starting and exiting, nothing else: what any Node tool pays before its first line (this VM's pace).
const nodeAloneTimes = Array.from({ length: TRIES }, () => timed(node, ['-e', '0']))
const nodeAlone = best(nodeAloneTimes)

// Embedded: the up pass of 1,000 (no down files, so no round trip), PGlite start included.
const EMB = Number(process.env.BENCH_EMBEDDED ?? 1000)
const embDir = join(work, 'embedded')
generateHasuraProject(embDir, EMB)
for (let i = 0; i < EMB; i++)
  writeFileSync(join(embDir, 'migrations', 'default', `${versionOf(i)}_create_bench_t${i}`, 'down.sql'), '')
// PGlite alone on the same files (bench/pglite-floor.mjs), in turn with the action: the embedded floor.
const embeddedTimes: number[] = []
const floorTimes: number[] = []
for (let i = 0; i < Math.min(TRIES, 3); i++) {
  embeddedTimes.push(timed(node, [cli, '--project-dir', embDir, '--json']))
  floorTimes.push(
    timed(node, [
      join(root, 'bench', 'pglite-floor.mjs'),
      join(embDir, 'migrations', 'default'),
      join(root, 'dist', 'pglite-datadir.tar.gz'),
    ]),
  )
}
const embedded = best(embeddedTimes)
const pgliteFloor = best(floorTimes)
const at = rows.find((r) => r.n === EMB)

const fmt = (ms: number): string => (ms / 1000).toFixed(2) + ' s'
const lines = [
  `| migrations | this action | psql -1 -f (floor) | node-pg-migrate | dbmate | action / psql (best) | action / psql (median) |`,
  `|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows.map(
    (r) =>
      `| ${r.n} | ${fmt(r.action)} | ${fmt(r.psql)} | ${fmt(r.nodePgMigrate)} | ${fmt(r.dbmate)} | ${(r.action / r.psql).toFixed(2)} | ${(r.medians.action / r.medians.psql).toFixed(2)} |`,
  ),
  '',
  `No-op run with ${NOOP} applied (whole process, drift: off): ${fmt(noop)} (median ${fmt(median(noopTimes))}; \`node -e 0\` alone: ${fmt(nodeAlone)})`,
  `No-op run with ${NOOP} applied, drift: warn (the default): ${fmt(noopWarn)} (median ${fmt(median(noopWarnTimes))}); the first one, which replays and records: ${fmt(noopFirstWarn)}`,
  `Embedded up pass of ${EMB} (PGlite start included): ${fmt(embedded)}` +
    (at
      ? ` = ${(embedded / at.action).toFixed(2)} × this action's apply on the server, ${(embedded / at.psql).toFixed(2)} × psql's`
      : ''),
  `PGlite alone, start included, the same up files in one transaction: ${fmt(pgliteFloor)}` +
    (at ? ` = ${(pgliteFloor / at.action).toFixed(2)} × this action's apply on the server` : '') +
    `; the embedded run takes ${(embedded / pgliteFloor).toFixed(2)} × that`,
]
console.log(lines.join('\n'))
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(
  join(root, 'bench', 'results', 'apply.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      tries: TRIES,
      rows,
      noop,
      noopWarn,
      noopFirstWarn,
      nodeAlone,
      embedded,
      pgliteFloor,
      medians: {
        noop: median(noopTimes),
        noopWarn: median(noopWarnTimes),
        embedded: median(embeddedTimes),
        pgliteFloor: median(floorTimes),
      },
      sample: migrationSql(0).up,
    },
    null,
    2,
  ) + '\n',
)
cluster.stop()
