/**
 * bench/drift: the schema-drift replay (every up file of the mapofzones corpus project, 309 migrations, run
 * on a fresh embedded database, then its catalog snapshot) against PGlite alone running the same files
 * (bench/pglite-floor.mjs). Both are timed as whole processes started from the data directory
 * `npm run bundle` ships, in turn, BENCH_RUNS (5) times each: best and median. Goal: ≤ 1.3× the floor.
 * Run: npm run bench:drift   (writes bench/results/drift.json; needs dist/pglite-datadir.tar.gz)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { isNotChecked, replaySchema, type ReplayFile } from '../src/drift/replay.js'
import { loadExtensions } from '../src/targets/embedded/extensions.js'
import { PgliteSession } from '../src/targets/embedded/pglite-session.js'

const root = resolve(import.meta.dirname ?? process.cwd(), '..')
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const migrationsDir = join(shared, 'corpus', 'mapofzones__database-hasura', 'migrations')
const datadir = join(root, 'dist', 'pglite-datadir.tar.gz')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

function upFiles(): ReplayFile[] {
  return readdirSync(migrationsDir)
    .filter((d) => /^\d+_/.test(d) && existsSync(join(migrationsDir, d, 'up.sql')))
    .map((d) => ({ version: BigInt(d.split('_')[0]), dir: d }))
    .sort((a, b) => (a.version < b.version ? -1 : 1))
    .map(({ version, dir }) => ({
      version,
      file: `migrations/${dir}/up.sql`,
      text: readFileSync(join(migrationsDir, dir, 'up.sql'), 'utf8'),
    }))
}

/** One replay in this process, from the shipped data directory as the bundled action starts PGlite. */
async function replayOnce(): Promise<void> {
  const files = upFiles()
  const result = await replaySchema(files, async (names) => {
    const extensions = await loadExtensions(names)
    const loadDataDir = new Blob([gunzipSync(readFileSync(datadir))])
    const session = new PgliteSession(await PGlite.create({ extensions, loadDataDir }))
    return { session, close: () => session.close() }
  })
  if (isNotChecked(result)) throw new Error(`the replay did not run: ${result.notChecked}`)
  console.log(JSON.stringify({ files: files.length, relations: result.snapshot.relations.length }))
}

if (process.argv.includes('--once')) {
  await replayOnce()
  process.exit(0)
}

if (!existsSync(migrationsDir)) {
  console.error(`corpus not found at ${migrationsDir} (set HMA_SHARED_DIR)`)
  process.exit(1)
}
if (!existsSync(datadir)) {
  console.error(`${datadir} is missing: run npm run bundle first`)
  process.exit(1)
}

function timed(args: string[]): { ms: number; stdout: string } {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-2000)}`)
  return { ms, stdout: r.stdout }
}

// run-ts bundled this file into .tmp/drift.mjs: the child replays with the same code
const bundled = join(root, '.tmp', 'drift.mjs')
const best = (xs: number[]): number => Math.min(...xs)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

const replayTimes: number[] = []
const floorTimes: number[] = []
let shape = ''
for (let i = 0; i < RUNS; i++) {
  const r = timed([bundled, '--once'])
  shape = r.stdout.trim()
  replayTimes.push(r.ms)
  floorTimes.push(timed([join(root, 'bench', 'pglite-floor.mjs'), migrationsDir, datadir]).ms)
}
const result = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  corpus: 'mapofzones__database-hasura',
  replayed: JSON.parse(shape) as unknown,
  replayMs: { best: Math.round(best(replayTimes)), median: Math.round(median(replayTimes)) },
  floorMs: { best: Math.round(best(floorTimes)), median: Math.round(median(floorTimes)) },
  ratio: {
    best: Number((best(replayTimes) / best(floorTimes)).toFixed(2)),
    median: Number((median(replayTimes) / median(floorTimes)).toFixed(2)),
  },
}
console.log(
  `Drift replay of mapofzones/database-hasura (${shape}): best ${result.replayMs.best} ms, median ${result.replayMs.median} ms; ` +
    `PGlite alone: best ${result.floorMs.best} ms, median ${result.floorMs.median} ms; ratio ${result.ratio.best} (best), ${result.ratio.median} (median); goal ≤ 1.3`,
)
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(join(root, 'bench', 'results', 'drift.json'), JSON.stringify(result, null, 2) + '\n')
