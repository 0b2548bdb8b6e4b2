/**
 * The run's guard against executing a fork's pull request with the repository's secrets: reads the
 * event GitHub wrote, asks git about the project's files only when the answer matters, and decides.
 */
import { resolve } from 'node:path'
import type { ProjectConfig } from '../project/types.js'
import type { Settings } from '../settings.js'
import { baseFilesFacts } from './base-files.js'
import { readEventPayload } from './event.js'
import { decide, executesOnRealTarget, forkPullRequest, type Decision } from './untrusted-code.js'

export async function checkPullRequestCode(
  settings: Settings,
  config: ProjectConfig,
  env: NodeJS.ProcessEnv,
): Promise<Decision> {
  const fork = forkPullRequest({
    eventName: env.GITHUB_EVENT_NAME,
    payload: readEventPayload(env.GITHUB_EVENT_PATH),
    githubSha: env.GITHUB_SHA,
    repository: env.GITHUB_REPOSITORY,
  })
  const shape = { target: settings.target.kind, dryRun: settings.dryRun }
  const trust = settings.trustPullRequestCode
  if (!fork || !executesOnRealTarget(shape)) return decide({ fork, shape, trust })
  const within = (path: string) => resolve(config.projectDir, path)
  const facts = await baseFilesFacts({
    projectDir: config.projectDir,
    // every file the run may read: config.yaml and the directories it names (as overridden by the inputs)
    paths: [
      config.configFile,
      within(config.migrationsDirectory),
      within(config.metadataFile ?? config.metadataDirectory),
      within(config.seedsDirectory),
    ],
    baseCommits: fork.baseCommits,
  })
  return decide({ fork, shape, trust, facts })
}
