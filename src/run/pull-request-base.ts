/**
 * What the pull request's base commit has, read through git once per run: its migration versions (the
 * lint stage leaves them out; the embedded database runs them first, for its "before" snapshot) and its
 * metadata (the base of the metadata changes when no server says what is applied). The reads start when
 * the run starts, before the targets open: git's processes then run beside the embedded database's start,
 * and one `git cat-file --batch` answers every object of both.
 */
import { resolve } from 'node:path'
import { isKnownError } from '../errors.js'
import { readBaseMetadata, type BaseMetadata } from '../github/base-metadata.js'
import { baseMigrationVersions } from '../github/base-versions.js'
import { ObjectStore } from '../github/git-objects.js'
import type { Settings } from '../settings.js'
import type { RunIO } from './context.js'
import type { ProjectRead } from './read.js'

export type PullRequestBase =
  | { commit: string; /** Database → the versions the base commit has. */ versions: Map<string, Set<bigint>> }
  | { none: string }

export interface PullRequestBaseReads {
  /** The base's migration versions, or why there are none. Never rejects for a user error. */
  versions: () => Promise<PullRequestBase>
  /** The base's metadata; rejects with the reason it cannot be read (the caller warns). */
  metadata: () => Promise<BaseMetadata>
  /** Ends git's process: the run calls it when it ends. */
  close: () => void
}

export interface PullRequestBaseWanted {
  versions: boolean
  metadata: boolean
}

/** Starts the reads that are `wanted` now; one not wanted starts on its first call. */
export function readPullRequestBase(
  project: ProjectRead,
  settings: Settings,
  io: RunIO,
  baseCommit: string | undefined,
  wanted: PullRequestBaseWanted,
): PullRequestBaseReads {
  const projectDir = resolve(io.cwd, project.config.projectDir)
  // one git process for every read of the run, started on the first; the run closes it (`close`)
  const store = new ObjectStore(projectDir)
  let versions: Promise<PullRequestBase> | undefined
  let metadata: Promise<BaseMetadata> | undefined

  const readVersions = async (): Promise<PullRequestBase> => {
    if (!baseCommit) return { none: 'not a pull-request event' }
    try {
      const read = await baseMigrationVersions({
        projectDir,
        commit: baseCommit,
        migrationsDirectory: project.config.migrationsDirectory,
        configVersion: project.config.version,
        databases: project.databases,
        store,
      })
      return { commit: baseCommit, versions: read }
    } catch (e) {
      if (!isKnownError(e)) throw e
      return { none: e.message }
    }
  }
  const readMetadata = (commit: string): Promise<BaseMetadata> =>
    readBaseMetadata({
      projectDir: resolve(io.cwd, settings.projectDir),
      commit,
      env: io.env,
      ...(settings.migrationsDir ? { migrationsDir: settings.migrationsDir } : {}),
      store,
    })

  const reads = {
    versions: () => (versions ??= readVersions()),
    metadata: () => {
      if (!baseCommit) return Promise.reject(new Error('not a pull-request event'))
      return (metadata ??= readMetadata(baseCommit))
    },
    close: () => store.close(),
  }
  if (baseCommit) {
    // started now, before the targets open; a read's failure waits for the caller that asks for it
    if (wanted.versions) reads.versions().catch(() => undefined)
    if (wanted.metadata) reads.metadata().catch(() => undefined)
  }
  return reads
}
