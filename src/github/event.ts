/** What the triggering event says about the pull request to comment on. */
import { readFileSync } from 'node:fs'

/** The event payload GitHub wrote at `GITHUB_EVENT_PATH`; `{}` when there is none or it cannot be read. */
export function readEventPayload(path: string | undefined): unknown {
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return {}
  }
}

export type CommentMode = 'auto' | 'always' | 'never'

export interface PullRequestTarget {
  owner: string
  repo: string
  issueNumber: number
  /** The head commit the run checked (absent when the payload has none, e.g. `issue_comment`). */
  headSha?: string
  baseRef?: string
  /** The head branch lives in another repository: its token is read-only, the comment will fail. */
  fromFork: boolean
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])

interface Payload {
  number?: number
  pull_request?: {
    number?: number
    head?: { sha?: string; repo?: { full_name?: string } | null }
    base?: { ref?: string; sha?: string; repo?: { full_name?: string } }
  }
  issue?: { number?: number; pull_request?: unknown }
  repository?: { name?: string; owner?: { login?: string } }
}

/**
 * The pull request this run should comment on, or why not. `auto` comments on pull-request events;
 * `always` also on any other event whose payload names a pull request (a comment on one, say).
 */
export function commentTarget(options: {
  mode: CommentMode
  eventName: string | undefined
  payload: unknown
  /** `GITHUB_REPOSITORY` (`owner/repo`); the payload's repository is used when absent. */
  repository?: string
}): { target: PullRequestTarget } | { skip: string } {
  if (options.mode === 'never') return { skip: 'comment: never' }
  const event = options.eventName ?? ''
  if (options.mode === 'auto' && !PULL_REQUEST_EVENTS.has(event)) {
    return { skip: `not a pull-request event (${event || 'no event'})` }
  }
  const payload = (options.payload ?? {}) as Payload
  const pr = payload.pull_request
  const issueNumber =
    pr?.number ??
    (payload.issue?.pull_request ? payload.issue.number : undefined) ??
    (pr ? payload.number : undefined)
  if (!issueNumber) return { skip: `the ${event || 'triggering'} event names no pull request` }
  const [owner, repo] = (options.repository ?? '').split('/')
  const target: PullRequestTarget = {
    owner: owner || payload.repository?.owner?.login || '',
    repo: repo || payload.repository?.name || '',
    issueNumber,
    fromFork: !!(
      pr?.head?.repo?.full_name &&
      pr.base?.repo?.full_name &&
      pr.head.repo.full_name !== pr.base.repo.full_name
    ),
  }
  if (pr?.head?.sha) target.headSha = pr.head.sha
  if (pr?.base?.ref) target.baseRef = pr.base.ref
  if (!target.owner || !target.repo) return { skip: 'the repository is unknown (no GITHUB_REPOSITORY)' }
  return { target }
}

/** The pull request's base commit, on a pull-request event whose payload names it. */
export function pullRequestBase(
  eventName: string | undefined,
  payload: unknown,
): { sha: string; ref?: string } | undefined {
  if (!PULL_REQUEST_EVENTS.has(eventName ?? '')) return undefined
  const base = (payload as Payload | undefined)?.pull_request?.base
  if (typeof base?.sha !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(base.sha)) return undefined
  return { sha: base.sha, ...(base.ref ? { ref: base.ref } : {}) }
}
