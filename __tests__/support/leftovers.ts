/**
 * What a test run leaves behind: files in its own temp directory, processes it started (they inherit
 * that directory as TMPDIR), databases on the test server. The global setup takes a snapshot before the
 * run and fails the run when anything new is still there after it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'

/** Entries of the run's temp directory (every test file's temp dirs, the cluster's data directory). */
export function entriesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

/**
 * Processes, other than Vitest's own, whose environment has TMPDIR set to the run's temp directory: a
 * PostgreSQL server, a dist/ run or a git a test started and did not stop. Linux only (/proc); elsewhere
 * none are found.
 */
export function processesOf(runTmp: string): string[] {
  const marker = `\0TMPDIR=${runTmp}\0`
  const found: string[] = []
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
  } catch {
    return []
  }
  for (const pid of pids) {
    try {
      if (!`\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(marker)) continue
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
      if (/node_modules[/\\](vitest|tinypool)[/\\]/.test(args)) continue
      found.push(`${pid} ${args.slice(0, 160)}`)
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}

/** Names of the server's databases (the test files create theirs with createDatabase). */
export async function databasesOn(adminUrl: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    const r = await c.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname')
    return r.rows.map((row) => row.datname)
  } finally {
    await c.end()
  }
}
