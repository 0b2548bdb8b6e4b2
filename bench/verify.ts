/**
 * bench/verify: what `verify-metadata: error` costs next to `off` (which still takes the snapshots of the
 * schema changes: only the check is left out), on the largest
 * corpus project that applies on plain PostgreSQL (mapofzones: 309 migrations, config 2 metadata):
 *   (a) the embedded pull-request check (a git repository whose base commit has all but the last 10
 *       migrations: the base's versions run, the "before" snapshot, the pull request's, the check);
 *   (b) a `database-url` apply from an empty database.
 * Each is dist/index.js as a whole process, `off` and `error` in turn, BENCH_RUNS (5) times: best and
 * median of the wall time, and of the CPU time (user + system, from /usr/bin/time), which a busy shared
 * machine disturbs far less. Goal: ≤ +10 % each.
 * Run: npm run bench:verify   (writes bench/results/verify.json and prints a markdown table)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { startCluster } from '../__tests__/support/cluster.js'
import { best, median, percent, pullRequestRepository, runActionProcess } from './support/action-process.js'

const root = resolve(import.meta.dirname ?? process.cwd(), '..')
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const corpus = join(shared, 'corpus', 'mapofzones__database-hasura')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const PR_MIGRATIONS = 10

if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus} (set HMA_SHARED_DIR)`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'hma-bench-verify-'))
const cpu: number[] = []

/** Wall milliseconds; the child's CPU milliseconds go to `cpu`. */
function action(cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}): number {
  const r = runActionProcess({ distDir: join(root, 'dist'), cwd, work, inputs, env })
  cpu.push(r.cpuMs)
  return r.wallMs
}

const cluster = await startCluster({ max_locks_per_transaction: '256' })
let dbCounter = 0
async function freshDatabase(): Promise<string> {
  const name = `bench_verify_${dbCounter++}`
  const c = new pg.Client({ connectionString: cluster.url })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  const u = new URL(cluster.url)
  u.pathname = '/' + name
  return u.toString()
}

try {
  const { workspace, env: prEnv } = pullRequestRepository(work, corpus, PR_MIGRATIONS)
  const times: Record<string, number[]> = {}
  const cpuTimes: Record<string, number[]> = {}
  const record = (key: string, ms: number): void => {
    ;(times[key] ??= []).push(ms)
    ;(cpuTimes[key] ??= []).push(cpu.at(-1)!)
  }
  for (let i = 0; i < RUNS; i++) {
    for (const v of ['off', 'error']) {
      record(`embedded ${v}`, action(workspace, { 'project-dir': 'hasura', 'verify-metadata': v }, prEnv))
      const inputs = { 'project-dir': 'hasura', 'database-url': await freshDatabase(), 'verify-metadata': v }
      record(`pg ${v}`, action(workspace, inputs))
    }
  }
  const delta = percent
  const rows = (['embedded', 'pg'] as const).flatMap((kind) =>
    (['wall', 'CPU'] as const).map((measure) => {
      const source = measure === 'wall' ? times : cpuTimes
      const off = source[`${kind} off`]
      const on = source[`${kind} error`]
      return {
        case:
          kind === 'embedded'
            ? 'embedded pull-request check (309 migrations, base + 10)'
            : 'database-url apply (309 migrations)',
        measure,
        off: { best: Math.round(best(off)), median: Math.round(median(off)) },
        error: { best: Math.round(best(on)), median: Math.round(median(on)) },
        delta: { best: delta(best(off), best(on)), median: delta(median(off), median(on)) },
      }
    }),
  )
  mkdirSync(join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(
    join(root, 'bench', 'results', 'verify.json'),
    JSON.stringify({ runs: RUNS, rows, times, cpuTimes }, null, 2) + '\n',
  )
  console.log('| case | time | off best / median | error best / median | Δ best | Δ median |')
  console.log('|---|---|---|---|---|---|')
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.measure} | ${r.off.best} / ${r.off.median} ms | ${r.error.best} / ${r.error.median} ms | ${r.delta.best} | ${r.delta.median} |`,
    )
  }
} finally {
  cluster.stop()
  rmSync(work, { recursive: true, force: true })
}
