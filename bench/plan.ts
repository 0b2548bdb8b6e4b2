/**
 * bench/plan: read + plan (config, migrations scan with file contents, plan, transaction findings) of the
 * largest corpus project and of a generated 10,000-migration project, in process. Goal: < 300 ms for 10,000.
 * Run: npm run bench:plan   (writes bench/results/plan.json)
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { planDatabase, transactionFindings } from '../src/plan/index.js'
import { listDatabases, readConfig, readMigrations } from '../src/project/index.js'
import { generateHasuraProject } from './generate.js'

const root = join(import.meta.dirname ?? process.cwd(), '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)

async function readAndPlan(projectDir: string): Promise<{ ms: number; migrations: number }> {
  const t0 = process.hrtime.bigint()
  const config = readConfig(projectDir, {})
  let migrations = 0
  for (const db of listDatabases(config)) {
    const local = readMigrations(config, db)
    migrations += local.migrations.length
    const plan = planDatabase(
      local,
      { versions: new Map() },
      { kind: 'up', steps: 'all' },
      { outOfOrder: 'warn' },
    )
    await transactionFindings(plan.steps)
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, migrations }
}

async function measure(
  name: string,
  dir: string,
): Promise<{ name: string; migrations: number; first: number; median: number }> {
  const first = await readAndPlan(dir)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push((await readAndPlan(dir)).ms)
  times.sort((a, b) => a - b)
  return { name, migrations: first.migrations, first: first.ms, median: times[Math.floor(times.length / 2)] }
}

const results = []
const shared = process.env.HMA_SHARED_DIR ?? resolve(root, '..', 'shared')
const largest = join(shared, 'corpus', 'Mission-Prerna__nl-hasura-migrations')
if (existsSync(largest))
  results.push(await measure('Mission-Prerna/nl-hasura-migrations (corpus, 467)', largest))
else console.error(`corpus not found at ${largest}: measuring the generated project only`)

const generated = join(mkdtempSync(join(tmpdir(), 'hma-bench-plan-')), 'p10k')
generateHasuraProject(generated, 10_000)
results.push(await measure('generated, 10,000 migrations', generated))

console.log('| project | migrations | first run | median of ' + RUNS + ' |')
console.log('|---|---:|---:|---:|')
for (const r of results)
  console.log(`| ${r.name} | ${r.migrations} | ${r.first.toFixed(0)} ms | ${r.median.toFixed(0)} ms |`)
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(
  join(root, 'bench', 'results', 'plan.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n',
)
