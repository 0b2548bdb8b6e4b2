/**
 * Starts one ephemeral PostgreSQL cluster for the whole test run (or uses DATABASE_URL), and hands its
 * admin URL to every test file. Never skips: a cluster that cannot start fails the run.
 */
import type { TestProject } from 'vitest/node'
import { startCluster, type Cluster } from './cluster.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}

/**
 * Each test project (fast, slow) runs this setup with a module of its own: they share one cluster
 * through the process, stopped after the last project is done.
 */
const registry = globalThis as { hmaTestCluster?: { cluster: Promise<Cluster>; users: number } }

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.DATABASE_URL)
    process.env.HMA_TEST_PG_URL = process.env.DATABASE_URL
    return () => {}
  }
  const shared = (registry.hmaTestCluster ??= { cluster: startCluster(), users: 0 })
  shared.users++
  const cluster = await shared.cluster
  project.provide('pgAdminUrl', cluster.url)
  process.env.HMA_TEST_PG_URL = cluster.url
  return () => {
    if (--shared.users > 0) return
    cluster.stop()
    registry.hmaTestCluster = undefined
  }
}
