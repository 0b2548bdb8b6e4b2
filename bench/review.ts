/**
 * bench/review: what the review (schema snapshots and changes, the safety rules, the metadata diff, the
 * metadata check) adds to the embedded pull-request check of the largest corpus project that applies on
 * plain PostgreSQL (mapofzones: 309 migrations, the pull request adding the last 10), in one run:
 *   (a) this build's dist/ against the dist/ of a baseline commit from before the review existed
 *       (BENCH_BASELINE, default f2099a8), both as whole processes, interleaved, BENCH_RUNS (7) times:
 *       best and median wall and CPU time. Everything else that changed since counts against us too.
 *   (b) the review's own share of this build's runs, from the debug log's `time <part>: N ms` lines
 *       (metadata changes, lint, each schema snapshot, the schema diff, the metadata check).
 * Goal: ≤ +10 % for (a) and (b).
 * Run: npm run bench:review   (needs the repository's history for the baseline; writes bench/results/review.json)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { best, median, percent, pullRequestRepository, runActionProcess } from './support/action-process.js'

const root = resolve(import.meta.dirname ?? process.cwd(), '..')
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const corpus = join(shared, 'corpus', 'mapofzones__database-hasura')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const BASELINE = process.env.BENCH_BASELINE ?? 'f2099a8'
const PR_MIGRATIONS = 10
/** The debug log's parts that are the review's (see `timedPart` in src/run/context.ts). */
const REVIEW_PART = /^(metadata changes|lint|schema snapshot of .+|schema changes of .+|metadata check)$/

if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus} (set HMA_SHARED_DIR)`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'hma-bench-review-'))

/** The baseline commit's dist/, extracted from git (never built: it is what users ran then). */
function baselineDist(): string {
  const into = join(work, 'baseline')
  mkdirSync(into)
  const archive = spawnSync('git', ['archive', '--format=tar', BASELINE, 'dist'], {
    cwd: root,
    maxBuffer: 1 << 30,
  })
  if (archive.status !== 0) {
    throw new Error(
      `git archive ${BASELINE} dist: ${archive.stderr.toString()} (a clone with the repository's history is needed)`,
    )
  }
  const tar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout })
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr.toString()}`)
  return join(into, 'dist')
}

/** Milliseconds per part of one run, from its `::debug::time <part>: N ms` lines (parts repeat: summed). */
function parts(stdout: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of stdout.matchAll(/^::debug::time (.+): (\d+) ms$/gm)) {
    out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[2]))
  }
  return out
}

try {
  const pr = pullRequestRepository(work, corpus, PR_MIGRATIONS)
  const builds = { baseline: baselineDist(), current: join(root, 'dist') }
  const wall: Record<string, number[]> = { baseline: [], current: [] }
  const cpu: Record<string, number[]> = { baseline: [], current: [] }
  const review: number[] = []
  const reviewParts = new Map<string, number[]>()
  const inputs = { 'project-dir': 'hasura' }
  // one unmeasured run each first: the file cache and git's objects warm for both alike
  for (const distDir of Object.values(builds))
    runActionProcess({ distDir, cwd: pr.workspace, work, inputs, env: pr.env })
  for (let i = 0; i < RUNS; i++) {
    for (const [name, distDir] of Object.entries(builds)) {
      const r = runActionProcess({ distDir, cwd: pr.workspace, work, inputs, env: pr.env })
      wall[name].push(r.wallMs)
      cpu[name].push(r.cpuMs)
      if (name !== 'current') continue
      let share = 0
      for (const [part, ms] of parts(r.stdout)) {
        if (!REVIEW_PART.test(part)) continue
        share += ms
        const key = part.replace(/ of .+$/, '')
        reviewParts.set(key, [...(reviewParts.get(key) ?? []), ms])
      }
      review.push(share)
    }
  }
  const row = (measure: string, xs: Record<string, number[]>) => ({
    measure,
    baseline: { best: Math.round(best(xs.baseline)), median: Math.round(median(xs.baseline)) },
    current: { best: Math.round(best(xs.current)), median: Math.round(median(xs.current)) },
    delta: {
      best: percent(best(xs.baseline), best(xs.current)),
      median: percent(median(xs.baseline), median(xs.current)),
    },
  })
  const rows = [row('wall', wall), row('CPU', cpu)]
  const share = {
    medianMs: median(review),
    ofMedianWall: `${((median(review) / median(wall.current)) * 100).toFixed(1)} %`,
    parts: Object.fromEntries([...reviewParts].map(([k, v]) => [k, median(v)])),
  }
  mkdirSync(join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(
    join(root, 'bench', 'results', 'review.json'),
    JSON.stringify({ runs: RUNS, baseline: BASELINE, rows, review: share, wall, cpu }, null, 2) + '\n',
  )
  console.log(
    `Embedded pull-request check, mapofzones (309 migrations, base + ${PR_MIGRATIONS}), ${RUNS} runs each:`,
  )
  console.log(`| time | baseline ${BASELINE} best / median | this build best / median | Δ best | Δ median |`)
  console.log('|---|---|---|---|---|')
  for (const r of rows) {
    console.log(
      `| ${r.measure} | ${r.baseline.best} / ${r.baseline.median} ms | ${r.current.best} / ${r.current.median} ms | ${r.delta.best} | ${r.delta.median} |`,
    )
  }
  const list = Object.entries(share.parts)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ')
  console.log(
    `The review's own parts (median): ${share.medianMs} ms, ${share.ofMedianWall} of the run (${list}).`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
