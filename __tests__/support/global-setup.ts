/**
 * Starts one ephemeral PostgreSQL cluster for the whole test run (or uses DATABASE_URL), and hands its
 * admin URL to every test file. Never skips: a cluster that cannot start fails the run.
 */
import type { TestProject } from 'vitest/node'
import { startCluster } from './cluster.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.DATABASE_URL)
    process.env.HMA_TEST_PG_URL = process.env.DATABASE_URL
    return () => {}
  }
  const cluster = await startCluster()
  project.provide('pgAdminUrl', cluster.url)
  process.env.HMA_TEST_PG_URL = cluster.url
  return () => cluster.stop()
}
