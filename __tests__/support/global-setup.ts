/**
 * Starts one ephemeral PostgreSQL cluster for the whole test run (or uses DATABASE_URL), and hands its
 * admin URL to every test file. Never skips: a cluster that cannot start fails the run.
 *
 * The run gets a temp directory of its own (TMPDIR for every test file and what they start), so that
 * what a run leaves behind is exactly what is left in it: after the run, anything still there, any
 * process still running with it, and any database left on the server fail the run, by name.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startCluster, type Cluster } from './cluster.js'
import { databasesOn, entriesIn, processesOf } from './leftovers.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}

interface Run {
  tmp: string
  /** TMPDIR as it was before the run, restored after it. */
  outerTmp: string | undefined
  adminUrl: string
  cluster?: Cluster
  databasesBefore: string[]
}

async function beginRun(): Promise<Run> {
  const outerTmp = process.env.TMPDIR
  const tmp = mkdtempSync(join(tmpdir(), 'hma-test-run-'))
  // the cluster's server runs as `nobody` when we are root: it must reach its data directory in here
  chmodSync(tmp, 0o755)
  process.env.TMPDIR = tmp
  let cluster: Cluster | undefined
  try {
    if (!process.env.DATABASE_URL) cluster = await startCluster()
    const adminUrl = process.env.DATABASE_URL ?? cluster!.url
    return { tmp, outerTmp, adminUrl, cluster, databasesBefore: await databasesOn(adminUrl) }
  } catch (e) {
    cluster?.stop()
    restoreTmp(tmp, outerTmp)
    throw e
  }
}

function restoreTmp(tmp: string, outerTmp: string | undefined): void {
  rmSync(tmp, { recursive: true, force: true })
  if (outerTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = outerTmp
}

/** Everything the run left behind, one line each; the cluster and the temp directory are gone after. */
async function endRun(run: Run): Promise<string[]> {
  const before = new Set(run.databasesBefore)
  const databases = (await databasesOn(run.adminUrl)).filter((name) => !before.has(name))
  run.cluster?.stop()
  const problems = [
    ...databases.map((name) => `database ${name}`),
    ...processesOf(run.tmp).map((p) => `process ${p}`),
    ...entriesIn(run.tmp).map((entry) => `temp ${join(run.tmp, entry)}`),
  ]
  restoreTmp(run.tmp, run.outerTmp)
  return problems
}

/**
 * Each test project (fast, reliability, projects) runs this setup with a module of its own: they share
 * one run (temp directory, cluster) through the process, checked and stopped after the last project.
 */
const registry = globalThis as { hmaTestRun?: { run: Promise<Run>; users: number } }

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry.hmaTestRun ??= { run: beginRun(), users: 0 })
  shared.users++
  const run = await shared.run
  project.provide('pgAdminUrl', run.adminUrl)
  process.env.HMA_TEST_PG_URL = run.adminUrl
  return async () => {
    if (--shared.users > 0) return
    registry.hmaTestRun = undefined
    const problems = await endRun(run)
    if (problems.length === 0) return
    // Vitest reports a teardown's error but still exits 0: the exit code is set here
    process.exitCode = 1
    console.error(
      `\nFAILED: the test run left ${problems.length} thing(s) behind; each test must remove what it creates, also when it fails (the run's temp directory is removed now):\n  ${problems.join('\n  ')}\n`,
    )
  }
}
