/**
 * On a pull-request event, what the pull request changes under the project's migrations and metadata
 * directories (git, against the base branch) goes into the report as findings of the databases they
 * belong to. Advisory only: a git failure is a warning, never a failed run.
 */
import { isAbsolute, relative, resolve } from 'node:path'
import { readConfig } from '../project/index.js'
import type { Result } from '../model.js'
import { commentTarget, readEventPayload } from './event.js'
import { describeChanges, prChangeFindings, prChanges, type Exec } from './migration-changes.js'

export interface PullRequestChangesOptions {
  projectDir: string
  /** The `migrations-dir` input, when set (it overrides config.yaml's, as in the run). */
  migrationsDir?: string
  cwd: string
  env: NodeJS.ProcessEnv
  /** The event payload; read from `GITHUB_EVENT_PATH` when absent. */
  payload?: unknown
  info(message: string): void
  exec?: Exec
}

/** Adds the pull request's change findings to `result`; never throws. */
export async function addPullRequestChanges(
  result: Result,
  options: PullRequestChangesOptions,
): Promise<void> {
  if (result.databases.length === 0) return
  const found = commentTarget({
    mode: 'auto',
    eventName: options.env.GITHUB_EVENT_NAME,
    payload: options.payload ?? readEventPayload(options.env.GITHUB_EVENT_PATH),
    repository: options.env.GITHUB_REPOSITORY,
  })
  if ('skip' in found) return
  const { baseRef, headSha } = found.target
  if (!baseRef || !headSha) return
  try {
    const repoRoot = resolve(options.env.GITHUB_WORKSPACE || options.cwd)
    const project = resolve(options.cwd, options.projectDir)
    const config = readConfig(project, options.env)
    const inRepo = (dir: string) => posix(relative(repoRoot, resolve(project, dir)))
    const projectDir = posix(relative(repoRoot, project)) || '.'
    if (projectDir.startsWith('../') || projectDir === '..' || isAbsolute(projectDir)) {
      options.info(`pull-request changes not checked: ${project} is outside the workspace ${repoRoot}`)
      return
    }
    const migrationsDir = inRepo(options.migrationsDir ?? config.migrationsDirectory) || '.'
    const metadata = inRepo(config.metadataFile ?? config.metadataDirectory) || '.'
    const changes = await prChanges({
      repoRoot,
      baseRef,
      headSha,
      paths: { migrations: migrationsDir, metadata },
      exec: options.exec,
    })
    options.info(`pull request against '${baseRef}': ${describeChanges(changes)}`)
    result.warnings.push(...changes.warnings)
    result.notices.push(...changes.notes)
    const findings = prChangeFindings(changes, {
      migrationsDir,
      projectDir,
      baseRef,
      databaseOf: (d) => (config.version >= 3 ? d : 'default'),
    })
    for (const f of findings) {
      const db = result.databases.find((d) => d.database === f.database)
      if (db) db.findings.push(f)
    }
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e)
    result.warnings.push(
      `What this pull request changes was not checked against '${baseRef}': ${message}. The run itself is not affected.`,
    )
  }
}

function posix(path: string): string {
  return path.replace(/\\/g, '/')
}
