/**
 * Whether this run may execute the project against a real database, when the triggering event gives the
 * job the repository's secrets but the files may come from a fork's pull request (`pull_request_target`,
 * `workflow_run` after a pull request, or `issue_comment` on one). Pure: the event, the facts git established about the
 * workspace, and the settings in; a decision out.
 */
import type { DryRun, TargetSettings } from '../settings.js'

/** Triggering events after which a `workflow_run` may hand on a pull request's files (artifacts, its head). */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
])

/** A pull request from another repository, in an event that runs with this repository's secrets. */
export interface ForkPullRequest {
  /** `pull_request_target`, `workflow_run` (after `pull_request`), or `issue_comment` on a pull request. */
  event: string
  /** The fork's `owner/name`, or a phrase when GitHub does not say (a deleted fork). */
  from: string
  /** Commits of the base branch the event names (`GITHUB_SHA`, the pull request's `base.sha`). */
  baseCommits: string[]
  /** The pull request's own commits: its head, and its merge commit when GitHub made one. */
  head?: string
  merge?: string
}

interface PullRequestSide {
  sha?: string
  repo?: { full_name?: string } | null
}

interface Payload {
  pull_request?: { head?: PullRequestSide; base?: PullRequestSide; merge_commit_sha?: string | null }
  workflow_run?: {
    event?: string
    head_sha?: string
    head_repository?: { full_name?: string } | null
    pull_requests?: { head?: { sha?: string }; base?: { sha?: string } }[]
  }
  repository?: { full_name?: string }
  /** `issue_comment`: the issue or pull request commented on (`pull_request` is set on a pull request's). */
  issue?: { number?: number; pull_request?: unknown }
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const sha = (value: unknown): string | undefined =>
  typeof value === 'string' && SHA.test(value.toLowerCase()) ? value.toLowerCase() : undefined
const unique = (values: (string | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== undefined)),
]

/**
 * The fork's pull request this event may have put in the workspace, or undefined when the event cannot
 * bring one with secrets (`push`, `pull_request` itself, `schedule`, …) or the pull request is the
 * repository's own. A payload that does not say where the code comes from counts as a fork.
 */
export function forkPullRequest(options: {
  eventName: string | undefined
  payload: unknown
  /** `GITHUB_SHA`: for both events, the tip of the base (or default) branch when the run started. */
  githubSha?: string
  /** `GITHUB_REPOSITORY`, when the payload does not name the repository. */
  repository?: string
}): ForkPullRequest | undefined {
  const payload = (options.payload ?? {}) as Payload
  const event = options.eventName ?? ''
  const repository = payload.repository?.full_name ?? options.repository
  if (event === 'pull_request_target') {
    const pr = payload.pull_request
    const head = pr?.head?.repo?.full_name
    const base = pr?.base?.repo?.full_name ?? repository
    if (head && base && head === base) return undefined
    return {
      event,
      from: head ?? 'a repository GitHub does not name (deleted, or not in the event)',
      baseCommits: unique([sha(options.githubSha), sha(pr?.base?.sha)]),
      head: sha(pr?.head?.sha),
      merge: sha(pr?.merge_commit_sha),
    }
  }
  if (event === 'workflow_run') {
    const run = payload.workflow_run
    // a run that is not a pull request's (push, schedule, dispatch) checked out the repository's own code
    if (run?.event !== undefined && !PULL_REQUEST_EVENTS.has(run.event)) return undefined
    const head = run?.head_repository?.full_name
    if (head && repository && head === repository) return undefined
    const prs = run?.pull_requests ?? []
    return {
      event: `workflow_run (after ${run?.event ?? 'a pull request'})`,
      from: head ?? 'a repository GitHub does not name (deleted, or not in the event)',
      baseCommits: unique([sha(options.githubSha), ...prs.map((p) => sha(p.base?.sha))]),
      head: sha(run?.head_sha) ?? prs.map((p) => sha(p.head?.sha)).find(Boolean),
    }
  }
  if (event === 'issue_comment') {
    const issue = payload.issue
    // a comment on an issue brings no code; on a pull request, a ChatOps workflow may check its head out,
    // and the event does not say which repository that head is in: it counts as a fork's
    if (!issue?.pull_request) return undefined
    return {
      event: 'issue_comment (on a pull request)',
      from: `a repository the comment event does not name (pull request #${issue.number ?? '?'})`,
      baseCommits: unique([sha(options.githubSha)]),
    }
  }
  return undefined
}

/** What the action runs the project against, and how. */
export interface RunShape {
  target: TargetSettings['kind']
  dryRun: DryRun
}

/**
 * A plan only reads the state, and the embedded database is thrown away: neither runs the project's
 * code where it could reach anything. Everything else executes it.
 */
export function executesOnRealTarget(shape: RunShape): boolean {
  return shape.target !== 'embedded' && shape.dryRun !== 'plan'
}

/** What git established about the files the run reads. */
export interface WorkspaceFacts {
  /** The commit checked out where the project is (`git rev-parse HEAD`), when there is one. */
  head?: string
  /** A base commit whose files the project's files are, byte for byte, when one is. */
  sameAs?: string
  /** Why no base commit could be matched (one phrase), when none was. */
  problem?: string
}

export type Decision =
  | { kind: 'allowed' }
  /** The code would have been refused; `trust-pull-request-code: true` let it run. */
  | { kind: 'trusted'; event: string; from: string; reason: string }
  | { kind: 'refused'; event: string; message: string; remedy: string }

export const TRUST_INPUT = 'trust-pull-request-code'

export function decide(options: {
  fork: ForkPullRequest | undefined
  shape: RunShape
  trust: boolean
  /** Needed only when `fork` is set and the run executes on a real target. */
  facts?: WorkspaceFacts
}): Decision {
  const { fork, shape, facts } = options
  if (!fork || !executesOnRealTarget(shape)) return { kind: 'allowed' }
  if (facts?.sameAs) return { kind: 'allowed' }
  const reason = whyPullRequestCode(fork, facts ?? {})
  if (options.trust) return { kind: 'trusted', event: fork.event, from: fork.from, reason }
  const target = shape.target === 'hasura' ? 'Hasura' : 'PostgreSQL'
  return {
    kind: 'refused',
    event: fork.event,
    message:
      `refused to run a pull request's code against ${target}: this ${fork.event} run has the repository's secrets, ` +
      `and the project's files may be those of the pull request from ${fork.from} (${reason}); ` +
      `running them would run a stranger's SQL with the database owner's rights — even a rehearsal can read data and send it out`,
    remedy:
      `Check a fork's migrations on the embedded database (no database-url or endpoint), read the plan with dry-run: plan, ` +
      `or run the check from a pull_request workflow, which gets no secrets; to run reviewed code anyway, set ${TRUST_INPUT}: true`,
  }
}

function whyPullRequestCode(fork: ForkPullRequest, facts: WorkspaceFacts): string {
  const head = facts.head
  if (head && head === fork.head) return `the checked-out commit ${short(head)} is the pull request's head`
  if (head && head === fork.merge)
    return `the checked-out commit ${short(head)} is the pull request's merge commit`
  if (facts.problem) return facts.problem
  return head
    ? `the checked-out commit ${short(head)} is not a base commit`
    : 'the checked-out commit is unknown'
}

export const short = (commit: string): string => commit.slice(0, 7)
