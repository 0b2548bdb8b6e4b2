/**
 * bench/metadata-diff: the semantic metadata diff of each corpus project's metadata against itself
 * and against an empty base (everything added), in process, metadata already built. Goal: ≤ 50 ms for
 * the largest corpus metadata against itself.
 * Run: npm run bench:metadata-diff   (writes bench/results/metadata-diff.json)
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildMetadata, readConfig } from '../src/project/index.js'
import { diffMetadata } from '../src/review/metadata-diff.js'

const root = join(import.meta.dirname ?? process.cwd(), '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 21)
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const corpus = join(shared, 'corpus')
if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}: set HMA_SHARED_DIR`)
  process.exit(1)
}

function time(fn: () => unknown): { first: number; median: number } {
  const t0 = performance.now()
  fn()
  const first = performance.now() - t0
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { first, median: times[Math.floor(times.length / 2)] }
}

const results = []
for (const name of readdirSync(corpus).sort()) {
  const dir = join(corpus, name)
  if (!existsSync(join(dir, 'config.yaml'))) continue
  const built = await buildMetadata(readConfig(dir, {}))
  if (!built) continue
  const bytes = JSON.stringify(built.metadata).length
  // a structural copy: the diff must not profit from both sides being the same object
  const copy = JSON.parse(JSON.stringify(built.metadata)) as unknown
  const self = time(() => diffMetadata(built.metadata, copy))
  const fromEmpty = time(() => diffMetadata(undefined, built.metadata))
  results.push({ name, jsonBytes: bytes, self, fromEmpty })
}
results.sort((a, b) => b.jsonBytes - a.jsonBytes)

console.log(`| project | metadata JSON | vs itself: first / median of ${RUNS} | vs empty: first / median |`)
console.log('|---|---:|---:|---:|')
for (const r of results) {
  const f = (t: { first: number; median: number }) => `${t.first.toFixed(1)} / ${t.median.toFixed(1)} ms`
  console.log(`| ${r.name} | ${(r.jsonBytes / 1024).toFixed(0)} KiB | ${f(r.self)} | ${f(r.fromEmpty)} |`)
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(
  join(root, 'bench', 'results', 'metadata-diff.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, results }, null, 2) +
    '\n',
)
