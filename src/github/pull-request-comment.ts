/**
 * The action's pull-request comment, end to end: which pull request (from the event), the body (the
 * comment surface of the report), the client (from the token), the upsert. Never throws.
 */
import { renderMarkdown } from '../report/markdown-report.js'
import { redact } from '../report/redact.js'
import type { Result } from '../model.js'
import { upsertStickyComment, type StickyCommentOutcome } from './sticky-comment.js'
import { commentTarget, readEventPayload, type CommentMode } from './event.js'

/** The part of the action's Settings the comment needs. */
export interface CommentSettings {
  comment: CommentMode
  githubToken?: string
  environment: string
  projectDir: string
  secrets: readonly string[]
}

export interface CommentOnPullRequestOutcome extends StickyCommentOutcome {
  /** Why no comment was attempted (not a pull request, `comment: never`): for the log, not a warning. */
  reason?: string
}

export async function commentOnPullRequest(
  settings: CommentSettings,
  result: Result,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CommentOnPullRequestOutcome> {
  try {
    const found = commentTarget({
      mode: settings.comment,
      eventName: env.GITHUB_EVENT_NAME,
      payload: readEventPayload(env.GITHUB_EVENT_PATH),
      repository: env.GITHUB_REPOSITORY,
    })
    if ('skip' in found) {
      return settings.comment === 'always'
        ? {
            action: 'skipped',
            reason: found.skip,
            warning: `No pull-request comment (comment: always): ${found.skip}.`,
          }
        : { action: 'skipped', reason: found.skip }
    }
    const { target } = found
    const body = renderMarkdown(result, { surface: 'comment', secrets: settings.secrets })
    // imported here: @actions/github reads GITHUB_API_URL and the event when it is first imported
    const octokit = settings.githubToken
      ? (await import('@actions/github')).getOctokit(settings.githubToken)
      : undefined
    const outcome = await upsertStickyComment({
      octokit,
      owner: target.owner,
      repo: target.repo,
      issueNumber: target.issueNumber,
      projectDir: settings.projectDir,
      environment: settings.environment,
      body,
      headSha: target.headSha,
    })
    return outcome.warning ? { ...outcome, warning: redact(outcome.warning, settings.secrets) } : outcome
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      action: 'skipped',
      warning: redact(`The pull-request comment was not written: ${message}`, settings.secrets),
    }
  }
}
