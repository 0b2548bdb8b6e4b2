/**
 * bench/verify: what `verify-metadata: error` costs next to `off` (no snapshot at all), on the largest
 * corpus project that applies on plain PostgreSQL (mapofzones: 309 migrations, config 2 metadata):
 *   (a) the embedded pull-request check (a git repository whose base commit has all but the last 10
 *       migrations: the base's versions run, the "before" snapshot, the pull request's, the check);
 *   (b) a `database-url` apply from an empty database.
 * Each is dist/index.js as a whole process, `off` and `error` in turn, BENCH_RUNS (5) times: best and
 * median of the wall time, and of the CPU time (user + system, from /usr/bin/time), which a busy shared
 * machine disturbs far less. Goal: ≤ +10 % each.
 * Run: npm run bench:verify   (writes bench/results/verify.json and prints a markdown table)
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { startCluster } from '../__tests__/support/cluster.js'

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
const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@example.com',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

/** The project in a repository: a base commit without the newest migrations, then a commit adding them. */
function pullRequestRepository(): { workspace: string; baseSha: string } {
  const workspace = join(work, 'repo')
  const project = join(workspace, 'hasura')
  cpSync(corpus, project, { recursive: true })
  const migrations = join(project, 'migrations')
  const newest = readdirSync(migrations)
    .filter((d) => /^\d+_/.test(d))
    .sort()
    .slice(-PR_MIGRATIONS)
  const held = join(work, 'held')
  mkdirSync(held)
  for (const d of newest) cpSync(join(migrations, d), join(held, d), { recursive: true })
  for (const d of newest) rmSync(join(migrations, d), { recursive: true })
  git(workspace, 'init', '-q')
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'base')
  const baseSha = git(workspace, 'rev-parse', 'HEAD')
  for (const d of newest) cpSync(join(held, d), join(migrations, d), { recursive: true })
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'the pull request')
  return { workspace, baseSha }
}

const TIME = '/usr/bin/time'
const cpu: number[] = []

/** Wall milliseconds; the child's CPU milliseconds go to `cpu` (NaN without /usr/bin/time). */
function action(cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}): number {
  const files = mkdtempSync(join(work, 'run-'))
  for (const f of ['output', 'summary', 'env', 'path', 'state']) writeFileSync(join(files, f), '')
  const input = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const t0 = process.hrtime.bigint()
  const usage = join(files, 'usage')
  const withTime = existsSync(TIME)
  const command = withTime ? TIME : process.execPath
  const args = [join(root, 'dist', 'index.js')]
  const r = spawnSync(command, withTime ? ['-o', usage, '-f', '%U %S', process.execPath, ...args] : args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: cwd,
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      GITHUB_ENV: join(files, 'env'),
      GITHUB_PATH: join(files, 'path'),
      GITHUB_STATE: join(files, 'state'),
      INPUT_COMMENT: 'never',
      ...input,
      ...env,
    },
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`the action failed: ${(r.stdout + r.stderr).slice(-3000)}`)
  const [user, system] = withTime
    ? readFileSync(usage, 'utf8').trim().split(/\s+/).slice(-2).map(Number)
    : [NaN, NaN]
  cpu.push((user + system) * 1000)
  return ms
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

const best = (xs: number[]): number => Math.min(...xs)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

try {
  const { workspace, baseSha } = pullRequestRepository()
  const eventPath = join(work, 'event.json')
  writeFileSync(
    eventPath,
    JSON.stringify({ pull_request: { number: 1, base: { sha: baseSha, ref: 'main' } } }),
  )
  const prEnv = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
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
  const delta = (off: number, on: number): string => `${(((on - off) / off) * 100).toFixed(1)} %`
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
