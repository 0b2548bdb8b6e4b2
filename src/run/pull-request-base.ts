/**
 * The migration versions the pull request's base commit has, read through git once per run: the lint
 * stage leaves them out and the embedded database runs them first (its "before" snapshot).
 */
import { resolve } from 'node:path'
import { isKnownError } from '../errors.js'
import { baseMigrationVersions } from '../github/base-versions.js'
import type { RunIO } from './context.js'
import type { ProjectRead } from './read.js'

export type PullRequestBase =
  | { commit: string; /** Database → the versions the base commit has. */ versions: Map<string, Set<bigint>> }
  | { none: string }

/** A loader that reads the base's versions on its first call and answers every later call from that read. */
export function pullRequestBaseLoader(
  project: ProjectRead,
  io: RunIO,
  baseCommit: string | undefined,
): () => Promise<PullRequestBase> {
  let read: Promise<PullRequestBase> | undefined
  const load = async (): Promise<PullRequestBase> => {
    if (!baseCommit) return { none: 'not a pull-request event' }
    try {
      const versions = await baseMigrationVersions({
        projectDir: resolve(io.cwd, project.config.projectDir),
        commit: baseCommit,
        migrationsDirectory: project.config.migrationsDirectory,
        configVersion: project.config.version,
        databases: project.databases,
      })
      return { commit: baseCommit, versions }
    } catch (e) {
      if (!isKnownError(e)) throw e
      return { none: e.message }
    }
  }
  return () => (read ??= load())
}
