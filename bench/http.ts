/**
 * The action over HTTP (the Hasura API test server) against the action on PostgreSQL directly
 * (`database-url`): wall time of `dist/index.js` and the requests each makes, applying n generated
 * migrations to an empty database.
 *
 *   npm run bundle && node scripts/run-ts.mjs bench/http.ts [count=1000] [rounds=1]
 *
 * Starts a throw-away cluster (statement logging on, to count what the PostgreSQL target sends) and,
 * in this process, the Hasura API test server for each Hasura run. Writes bench/results/http.json.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import pg from 'pg'
import { startCluster } from '../__tests__/support/cluster.js'
import { startHasuraServer } from '../__tests__/support/hasura-server/index.js'
import { generateHasuraProject } from './generate.js'

const count = Number(process.argv[2] ?? 1000)
const rounds = Number(process.argv[3] ?? 1)
const root = resolve(process.cwd())
const dist = join(root, 'dist', 'index.js')
const SECRET = 'bench-admin-secret'

interface Measurement {
  target: 'hasura' | 'postgres'
  round: number
  wallMs: number
  /** HTTP requests the Hasura server received (0 for the PostgreSQL target). */
  httpRequests: number
  /** Queries PostgreSQL logged for the target database (PostgreSQL target only: the test server's own are not Hasura's). */
  pgQueries?: number
  applied: number
}

/** Runs dist/index.js as a runner does and returns its exit code, wall time and outputs. */
async function runAction(
  inputs: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; ms: number; outputs: string; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hma-bench-run-'))
  const output = join(dir, 'output')
  writeFileSync(output, '')
  writeFileSync(join(dir, 'summary'), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: cwd,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const started = performance.now()
  const child = spawn(process.execPath, [dist], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
  const ms = performance.now() - started
  const outputs = readFileSync(output, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return { code, ms, outputs, log }
}

function appliedCount(outputs: string): number {
  const m = /^applied-count<<(.+)\n(\d+)\n/m.exec(outputs)
  return m ? Number(m[2]) : NaN
}

let counter = 0
async function freshDatabase(admin: string): Promise<{ name: string; url: string }> {
  const name = `bench_http_${process.pid}_${counter++}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`DROP DATABASE IF EXISTS ${name}`)
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  const u = new URL(admin)
  u.pathname = `/${name}`
  return { name, url: u.toString() }
}

/** Statements and executes PostgreSQL logged for one database (log_line_prefix starts with `%d|`). */
function loggedQueries(logFile: string, database: string): number {
  const re = new RegExp(`^${database}\\|.*LOG:  (statement|execute [^:]*):`)
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => re.test(l)).length
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function main(): Promise<void> {
  const cluster = await startCluster({ log_statement: "'all'", log_line_prefix: "'%d|'" })
  const logFile = join(dirname(cluster.dataDir), 'server.log')
  const work = mkdtempSync(join(tmpdir(), 'hma-bench-http-'))
  const project = join(work, 'project')
  generateHasuraProject(project, count)
  const results: Measurement[] = []
  try {
    const version = await (async () => {
      const c = new pg.Client({ connectionString: cluster.url })
      await c.connect()
      const v = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v
      await c.end()
      return v
    })()
    for (let round = 0; round < rounds; round++) {
      {
        const db = await freshDatabase(cluster.url)
        const server = await startHasuraServer({ databaseUrl: db.url, adminSecret: SECRET })
        try {
          const r = await runAction(
            { 'project-dir': project, endpoint: server.url, 'admin-secret': SECRET },
            work,
          )
          if (r.code !== 0) throw new Error(`hasura run failed:\n${r.log}`)
          results.push({
            target: 'hasura',
            round,
            wallMs: r.ms,
            httpRequests: server.requests.length,
            applied: appliedCount(r.outputs),
          })
        } finally {
          await server.close()
        }
      }
      {
        const db = await freshDatabase(cluster.url)
        const r = await runAction({ 'project-dir': project, 'database-url': db.url }, work)
        if (r.code !== 0) throw new Error(`postgres run failed:\n${r.log}`)
        results.push({
          target: 'postgres',
          round,
          wallMs: r.ms,
          httpRequests: 0,
          pgQueries: loggedQueries(logFile, db.name),
          applied: appliedCount(r.outputs),
        })
      }
    }
    for (const r of results) {
      if (r.applied !== count) throw new Error(`${r.target} applied ${r.applied}, expected ${count}`)
    }

    const rows = (['hasura', 'postgres'] as const).map((target) => {
      const xs = results.filter((r) => r.target === target)
      return {
        target,
        wallMs: Math.round(median(xs.map((x) => x.wallMs))),
        minMs: Math.round(Math.min(...xs.map((x) => x.wallMs))),
        httpRequests: xs[0].httpRequests,
        pgQueries: xs[0].pgQueries,
      }
    })
    const label = {
      hasura: 'Hasura API test server (`endpoint`)',
      postgres: 'PostgreSQL directly (`database-url`)',
    }
    console.log(
      `\n${count} generated migrations (table + index + 3 rows each), empty database, PostgreSQL ${version}, ${rounds} round(s), median wall time of \`node dist/index.js\`:\n`,
    )
    console.log('| target | wall time | HTTP requests | queries PostgreSQL logged |')
    console.log('|---|---:|---:|---:|')
    for (const r of rows) {
      console.log(
        `| ${label[r.target]} | ${(r.wallMs / 1000).toFixed(2)} s | ${r.httpRequests} | ${r.pgQueries ?? '—'} |`,
      )
    }
    mkdirSync(join(root, 'bench', 'results'), { recursive: true })
    writeFileSync(
      join(root, 'bench', 'results', 'http.json'),
      JSON.stringify(
        {
          benchmark: 'http',
          date: new Date().toISOString(),
          migrations: count,
          rounds,
          node: process.version,
          postgres: version,
          rows,
          runs: results.map((r) => ({ ...r, wallMs: Math.round(r.wallMs) })),
        },
        null,
        2,
      ) + '\n',
    )
    console.log('\nwritten: bench/results/http.json')
  } finally {
    rmSync(work, { recursive: true, force: true })
    cluster.stop()
  }
}

await main()
