/**
 * The sticky pull-request comment: one per (project directory, environment), found among the token's
 * own comments, updated in place, never duplicated, never re-posted unchanged, never overwritten by a
 * run for an older commit. A comment that cannot be written is a warning, never a failure.
 */
import type { getOctokit } from '@actions/github'
import { COMMENT_LIMIT } from '../report/markdown-report.js'
import { composeComment, identityLine, parseComment } from './comment-marker.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface StickyCommentOptions {
  /** Undefined when there is no token: the comment is skipped with a warning. */
  octokit: Octokit | undefined
  owner: string
  repo: string
  issueNumber: number
  projectDir: string
  environment: string
  /** The report (from `renderMarkdown(result, { surface: 'comment' })`), without the hidden lines. */
  body: string
  /** The pull request head this run checked; a run for an older head does not write. */
  headSha?: string
}

export interface StickyCommentOutcome {
  url?: string
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
  /** For the job summary: why nothing was written, or what could not be cleaned up. */
  warning?: string
  /** Duplicates of ours removed (left by a race between two runs). */
  deleted?: number
}

interface Comment {
  id: number
  body?: string | null
  html_url: string
  user: { login: string; type?: string } | null
}

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentOutcome> {
  const { octokit } = options
  if (!octokit) {
    return {
      action: 'skipped',
      warning:
        'The pull-request comment was not written: no GitHub token (set the `github-token` input, or leave it at its default `${{ github.token }}`).',
    }
  }
  try {
    return await upsert(octokit, options)
  } catch (error) {
    return { action: 'skipped', warning: explain(error) }
  }
}

async function upsert(octokit: Octokit, options: StickyCommentOptions): Promise<StickyCommentOutcome> {
  const { owner, repo, issueNumber } = options
  if (options.headSha) {
    const { data: pull } = await octokit.rest.pulls.get({ owner, repo, pull_number: issueNumber })
    if (pull.head.sha !== options.headSha) {
      return {
        action: 'skipped',
        warning: `The pull-request comment was not updated: this run checked ${short(options.headSha)}, but the pull request's head is now ${short(pull.head.sha)}; the run for the newer commit writes the comment.`,
      }
    }
  }
  const identity = identityLine(options.projectDir, options.environment)
  const { text, digest } = composeComment(options)
  if (text.length >= COMMENT_LIMIT) {
    throw new Error(`the comment is ${text.length} characters, over GitHub's limit of ${COMMENT_LIMIT - 1}`)
  }
  let me = await whoAmI(octokit)
  let ours = me ? await ourComments(octokit, options, identity, me) : []

  if (ours.length === 0) {
    const { data: created } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body: text,
    })
    // an identity we could not ask for is the author of what we just wrote
    me ??= created.user?.login
    // another run may have created one at the same time: the oldest stays, younger copies go
    ours = me ? await ourComments(octokit, options, identity, me) : [created]
    const keep = ours[0] ?? created
    const extras = ours.filter((c) => c.id !== keep.id)
    // a listing that does not show our new comment yet must not leave it behind as a second copy
    if (keep.id !== created.id && !ours.some((c) => c.id === created.id)) extras.push(created)
    const deleted = await deleteAll(octokit, options, extras)
    if (keep.id !== created.id && parseComment(keep.body)?.digest !== digest) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text })
    }
    return { action: keep.id === created.id ? 'created' : 'updated', url: keep.html_url, deleted }
  }

  const [keep, ...extra] = ours
  const deleted = await deleteAll(octokit, options, extra)
  if (parseComment(keep.body)?.digest === digest) {
    return { action: 'unchanged', url: keep.html_url, deleted }
  }
  const { data: updated } = await octokit.rest.issues.updateComment({
    owner,
    repo,
    comment_id: keep.id,
    body: text,
  })
  return { action: 'updated', url: updated.html_url, deleted }
}

/**
 * The token's login. GITHUB_TOKEN is an installation token: `GET /user` answers 403 for it, but
 * GraphQL's `viewer` works for every kind of token (it says `github-actions[bot]`).
 */
async function whoAmI(octokit: Octokit): Promise<string | undefined> {
  try {
    const data = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    if (data.viewer.login) return data.viewer.login
  } catch {
    // GraphQL may be unavailable (an old GitHub Enterprise Server, a proxy); try REST
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch {
    return undefined
  }
}

/** Is this login the token's own? A bot's login reads `name[bot]` in REST and may read `name` in GraphQL. */
export function sameAuthor(user: Comment['user'], me: string): boolean {
  if (!user) return false
  if (user.login === me) return true
  const bare = (s: string) => s.replace(/\[bot\]$/, '')
  return user.type === 'Bot' && bare(user.login) === bare(me)
}

/** Our comments with exactly this identity on line 1, oldest first. */
async function ourComments(
  octokit: Octokit,
  options: StickyCommentOptions,
  identity: string,
  me: string,
): Promise<Comment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  })) as Comment[]
  return all
    .filter((c) => sameAuthor(c.user, me) && parseComment(c.body)?.identity === identity)
    .sort((a, b) => a.id - b.id)
}

async function deleteAll(
  octokit: Octokit,
  options: StickyCommentOptions,
  comments: Comment[],
): Promise<number> {
  let n = 0
  for (const c of comments) {
    try {
      await octokit.rest.issues.deleteComment({ owner: options.owner, repo: options.repo, comment_id: c.id })
      n++
    } catch (error) {
      // another run deleting the same duplicate is fine
      if (statusOf(error) !== 404) throw error
    }
  }
  return n
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status
  }
  return undefined
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

/** One sentence for the summary; never the token (Octokit's messages do not contain it). */
function explain(error: unknown): string {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  const base = 'The pull-request comment was not written'
  if (status === 403 || status === 404) {
    return `${base} (HTTP ${status}: ${message}). A pull request from a fork gets a read-only token; otherwise give the job \`permissions: pull-requests: write\`. The report is in this job summary.`
  }
  if (status === 401) return `${base} (HTTP 401: the GitHub token was refused).`
  return `${base}: ${status ? `HTTP ${status}: ` : ''}${message}.`
}
