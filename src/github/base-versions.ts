/**
 * The migration versions that exist at a pull request's base commit, per database, read with git
 * (`ls-tree`, no checkout changed). On the embedded database, which starts empty, they are applied
 * first so that the schema changes describe the pull request's own migrations (contract §8.2).
 * Never throws: without a base, the answer says why.
 */
import { getExecOutput } from '@actions/exec'
import { realpathSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { readEventPayload } from './event.js'
import { parseMigrationPath, type Exec } from './migration-changes.js'

export interface BaseVersions {
  /** The base commit (hex id). */
  commit: string
  /** Database → the up versions the base commit has. */
  versions: Map<string, Set<bigint>>
}

export type BaseVersionsAnswer = BaseVersions | { none: string }

export interface BaseVersionsOptions {
  /** Absolute project directory. */
  projectDir: string
  /** The migrations directory, relative to the project directory. */
  migrationsDir: string
  configVersion: 1 | 2 | 3
  env: NodeJS.ProcessEnv
  /** The event payload; read from `GITHUB_EVENT_PATH` when absent. */
  payload?: unknown
  exec?: Exec
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

const defaultExec: Exec = (command, args, options) =>
  getExecOutput(command, args, { cwd: options.cwd, ignoreReturnCode: true, silent: true })

/** The pull request's base commit as the event names it, or why there is none. */
export function baseCommitOf(env: NodeJS.ProcessEnv, payload: unknown): string | { none: string } {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (!PULL_REQUEST_EVENTS.has(event)) return { none: `not a pull-request event (${event || 'none'})` }
  const sha = (payload as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha
  if (typeof sha !== 'string' || !SHA.test(sha.toLowerCase()))
    return { none: 'the event names no base commit' }
  return sha.toLowerCase()
}

export async function readBaseVersions(options: BaseVersionsOptions): Promise<BaseVersionsAnswer> {
  const payload = options.payload ?? readEventPayload(options.env.GITHUB_EVENT_PATH)
  const commit = baseCommitOf(options.env, payload)
  if (typeof commit !== 'string') return commit
  const exec = options.exec ?? defaultExec
  try {
    const project = realpathSync(options.projectDir)
    const git = (...args: string[]) => exec('git', args, { cwd: project })
    const top = await git('rev-parse', '--show-toplevel')
    if (top.exitCode !== 0) return { none: 'no git repository holds the project' }
    const root = realpathSync(top.stdout.trim())
    const short = commit.slice(0, 7)
    if ((await git('cat-file', '-e', `${commit}^{commit}`)).exitCode !== 0) {
      // actions/checkout fetches one commit by default: the base is not there yet
      const fetched = await git('fetch', '--no-tags', '--depth=1', 'origin', commit)
      if (fetched.exitCode !== 0)
        return { none: `the base commit ${short} is not in the checkout and could not be fetched` }
    }
    const migrations = relative(root, resolve(project, options.migrationsDir)).split(sep).join('/') || '.'
    if (migrations === '..' || migrations.startsWith('../'))
      return { none: 'the migrations directory is outside the git repository' }
    const tree = await git('ls-tree', '-r', '--name-only', '-z', commit, '--', migrations)
    if (tree.exitCode !== 0) return { none: `the files of the base commit ${short} could not be listed` }
    const versions = new Map<string, Set<bigint>>()
    for (const path of tree.stdout.split('\0').filter((p) => p !== '')) {
      const m = parseMigrationPath(path, migrations)
      if (!m || m.direction !== 'up') continue
      const database = options.configVersion >= 3 ? m.directory : 'default'
      if (options.configVersion >= 3 && !database) continue
      let set = versions.get(database)
      if (!set) versions.set(database, (set = new Set()))
      set.add(BigInt(m.version))
    }
    return { commit, versions }
  } catch (e) {
    return { none: `git failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` }
  }
}
