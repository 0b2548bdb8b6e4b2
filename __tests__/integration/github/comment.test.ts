/**
 * The sticky comment against a GitHub API server over real HTTP, through the real Octokit of
 * `@actions/github` (pointed at the stub with GITHUB_API_URL before it is imported, as on a runner),
 * with real `pull_request` payloads.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { composeComment, identityLine, parseComment } from '../../../src/github/comment-marker.js'
import type { Octokit, StickyCommentOptions } from '../../../src/github/sticky-comment.js'
import { upsertStickyComment } from '../../../src/github/sticky-comment.js'
import { commentTarget, type PullRequestTarget } from '../../../src/github/event.js'
import { COMMENT_LIMIT, renderMarkdown } from '../../../src/report/markdown-report.js'
import {
  ACTIONS_TOKEN,
  OTHER_BOT_TOKEN,
  READ_ONLY_TOKEN,
  USER_TOKEN,
  startGitHubStub,
  type GitHubStub,
} from '../../support/github-stub.js'
import { pullRequestPayload } from '../../support/webhook-payloads.js'
import * as fixtures from '../../unit/report/results.js'

let stub: GitHubStub
let getOctokit: (token: string) => Octokit
let target: PullRequestTarget

beforeAll(async () => {
  stub = await startGitHubStub()
  process.env.GITHUB_API_URL = stub.url
  // @actions/github reads GITHUB_API_URL when it is imported
  ;({ getOctokit } = await import('@actions/github'))
  const payload = pullRequestPayload('opened')
  const found = commentTarget({ mode: 'auto', eventName: 'pull_request', payload })
  if (!('target' in found)) throw new Error(found.skip)
  target = found.target
})
afterAll(async () => {
  await stub.close()
})

let issue = 0
/** Each test gets a pull request of its own on the stub (same repository as the payload). */
beforeEach(() => {
  issue = target.issueNumber + Math.floor(Math.random() * 1e6) + 1
  stub.heads.set(issue, target.headSha!)
  stub.modes.graphqlDown = false
  stub.modes.hideNewFromListing = false
})

function options(overrides: Partial<StickyCommentOptions> = {}): StickyCommentOptions {
  return {
    octokit: getOctokit(ACTIONS_TOKEN),
    owner: target.owner,
    repo: target.repo,
    issueNumber: issue,
    projectDir: 'hasura',
    environment: 'staging',
    body: renderMarkdown(fixtures.plan(), { surface: 'comment' }),
    headSha: target.headSha,
    ...overrides,
  }
}

const onIssue = () => stub.comments.get(issue) ?? []

describe('upsertStickyComment', () => {
  it('the real payload names the repository, the pull request and its head', () => {
    expect(target).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
      issueNumber: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      baseRef: 'master',
      fromFork: false,
    })
  })

  it('creates one comment whose first line is the identity of the contract', async () => {
    const outcome = await upsertStickyComment(options())
    expect(outcome.action).toBe('created')
    expect(outcome.warning).toBeUndefined()
    const [c] = onIssue()
    expect(onIssue()).toHaveLength(1)
    expect(outcome.url).toBe(c.html_url)
    expect(c.body.split('\n')[0]).toBe(
      '<!-- hasura-migrate-action project="hasura" environment="staging" -->',
    )
    expect(c.body.split('\n')[1]).toMatch(
      /^<!-- hasura-migrate-action-state digest="sha256:[0-9a-f]{64}" sha="ec26c3e57ca3a959ca5aad62de7213c562f8c821" -->$/,
    )
    expect(c.body).toContain('### ⚠️ Plan: 4 migrations to apply')
    expect(c.user.login).toBe('github-actions[bot]')
  })

  it('the same content again: no write at all', async () => {
    await upsertStickyComment(options())
    const before = stub.writes().length
    const outcome = await upsertStickyComment(options())
    expect(outcome.action).toBe('unchanged')
    expect(outcome.url).toBe(onIssue()[0].html_url)
    expect(stub.writes().length).toBe(before)
  })

  it('only the run link changed: still unchanged (it is not part of the digest)', async () => {
    await upsertStickyComment(options())
    const result = fixtures.plan()
    result.runUrl = 'https://github.com/acme/shop/actions/runs/999'
    const outcome = await upsertStickyComment(
      options({ body: renderMarkdown(result, { surface: 'comment' }) }),
    )
    expect(outcome.action).toBe('unchanged')
  })

  it('new content updates the same comment in place', async () => {
    const first = await upsertStickyComment(options())
    const id = onIssue()[0].id
    const outcome = await upsertStickyComment(
      options({ body: renderMarkdown(fixtures.failure(), { surface: 'comment' }) }),
    )
    expect(outcome).toEqual({ action: 'updated', url: first.url, deleted: 0 })
    expect(onIssue()).toHaveLength(1)
    expect(onIssue()[0].id).toBe(id)
    expect(onIssue()[0].body).toContain('Failed at version 1700000000200')
  })

  it('one comment per (project, environment); ./hasura/ is the same project as hasura', async () => {
    await upsertStickyComment(options())
    await upsertStickyComment(options({ environment: 'production' }))
    await upsertStickyComment(options({ projectDir: './hasura/' }))
    await upsertStickyComment(options({ projectDir: 'services/other' }))
    expect(onIssue().map((c) => parseComment(c.body)!.identity)).toEqual([
      identityLine('hasura', 'staging'),
      identityLine('hasura', 'production'),
      identityLine('services/other', 'staging'),
    ])
  })

  it("never edits another tool's or a person's comment that carries the same marker", async () => {
    const copied = composeComment({ projectDir: 'hasura', environment: 'staging', body: 'other tool' }).text
    const otherBot = stub.seed(issue, OTHER_BOT_TOKEN, copied)
    const person = stub.seed(issue, USER_TOKEN, `${copied}\n\n> quoting the bot`)
    const outcome = await upsertStickyComment(options())
    expect(outcome.action).toBe('created')
    expect(onIssue()).toHaveLength(3)
    expect(onIssue().find((c) => c.id === otherBot.id)!.body).toBe(copied)
    expect(onIssue().find((c) => c.id === person.id)!.body).toBe(`${copied}\n\n> quoting the bot`)
    expect(
      stub.writes().some((w) => w.path.endsWith(`/${otherBot.id}`) || w.path.endsWith(`/${person.id}`)),
    ).toBe(false)
  })

  it('a comment of ours that only mentions the marker below line 1 is not the sticky one', async () => {
    const mention = stub.seed(issue, ACTIONS_TOKEN, `hello\n${identityLine('hasura', 'staging')}`)
    await upsertStickyComment(options())
    expect(onIssue()).toHaveLength(2)
    expect(onIssue()[0].body).toBe(mention.body)
  })

  it('two runs creating at once: the oldest comment stays with the content, the younger copy goes', async () => {
    stub.modes.raceCreateAs = {
      token: ACTIONS_TOKEN,
      body: composeComment({ projectDir: 'hasura', environment: 'staging', body: 'the other run' }).text,
    }
    const outcome = await upsertStickyComment(options())
    expect(onIssue()).toHaveLength(1)
    const [kept] = onIssue()
    expect(outcome).toEqual({ action: 'updated', url: kept.html_url, deleted: 1 })
    expect(kept.body).toContain('### ⚠️ Plan')
  })

  it('duplicates left by an earlier race are cleaned up, keeping the oldest', async () => {
    const old = composeComment({ projectDir: 'hasura', environment: 'staging', body: 'old' }).text
    const first = stub.seed(issue, ACTIONS_TOKEN, old)
    stub.seed(issue, ACTIONS_TOKEN, old)
    stub.seed(issue, ACTIONS_TOKEN, old)
    const outcome = await upsertStickyComment(options())
    expect(outcome).toMatchObject({ action: 'updated', deleted: 2, url: first.html_url })
    expect(onIssue().map((c) => c.id)).toEqual([first.id])
  })

  it('a listing that does not show the new comment yet still leaves a single copy', async () => {
    const old = stub.seed(
      issue,
      ACTIONS_TOKEN,
      composeComment({ projectDir: 'hasura', environment: 'staging', body: 'old' }).text,
    )
    // GraphQL is down and GET /user is 403 for the installation token: the identity is unknown until we write
    stub.modes.graphqlDown = true
    stub.modes.hideNewFromListing = true
    const outcome = await upsertStickyComment(options())
    expect(onIssue().map((c) => c.id)).toEqual([old.id])
    expect(outcome.action).toBe('updated')
    expect(onIssue()[0].body).toContain('### ⚠️ Plan')
  })

  it('without GraphQL, an installation token finds its comment through the author of what it writes', async () => {
    await upsertStickyComment(options())
    stub.modes.graphqlDown = true
    const outcome = await upsertStickyComment(
      options({ body: renderMarkdown(fixtures.success(), { surface: 'comment' }) }),
    )
    expect(onIssue()).toHaveLength(1)
    expect(outcome.action).toBe('updated')
    expect(stub.requests.some((r) => r.path === '/user')).toBe(true)
  })

  it("a person's token works too (identity from GraphQL viewer)", async () => {
    const first = await upsertStickyComment(options({ octokit: getOctokit(USER_TOKEN) }))
    const again = await upsertStickyComment(options({ octokit: getOctokit(USER_TOKEN) }))
    expect([first.action, again.action]).toEqual(['created', 'unchanged'])
    expect(onIssue()[0].user.login).toBe('octocat')
  })

  it('finds its comment on a later page of a long conversation', async () => {
    await upsertStickyComment(options())
    for (let i = 0; i < 230; i++) stub.seed(issue, USER_TOKEN, `comment ${i}`)
    const outcome = await upsertStickyComment(
      options({ body: renderMarkdown(fixtures.rehearse(), { surface: 'comment' }) }),
    )
    expect(outcome.action).toBe('updated')
    expect(onIssue()).toHaveLength(231)
    expect(
      stub.requests.filter((r) => r.path.includes('/comments?') && r.path.includes('page=3')).length,
    ).toBe(1)
  })

  it('a run for an older head commit does not overwrite the comment of a newer one', async () => {
    await upsertStickyComment(options())
    const newer = pullRequestPayload('synchronize')
    newer.pull_request.head.sha = '1111111111111111111111111111111111111111'
    stub.heads.set(issue, newer.pull_request.head.sha)
    const before = stub.writes().length
    const outcome = await upsertStickyComment(
      options({ body: renderMarkdown(fixtures.failure(), { surface: 'comment' }), headSha: target.headSha }),
    )
    expect(outcome.action).toBe('skipped')
    expect(outcome.warning).toContain("this run checked ec26c3e, but the pull request's head is now 1111111")
    expect(stub.writes().length).toBe(before)
    expect(onIssue()[0].body).toContain('### ⚠️ Plan')
  })

  it('a fork pull request (read-only token): a warning, no throw', async () => {
    const outcome = await upsertStickyComment(options({ octokit: getOctokit(READ_ONLY_TOKEN) }))
    expect(outcome.action).toBe('skipped')
    expect(outcome.warning).toContain('HTTP 403: Resource not accessible by integration')
    expect(outcome.warning).toContain('fork')
    expect(outcome.warning).not.toContain(READ_ONLY_TOKEN)
    expect(onIssue()).toHaveLength(0)
  })

  it('no token: a warning', async () => {
    const outcome = await upsertStickyComment(options({ octokit: undefined }))
    expect(outcome).toMatchObject({ action: 'skipped' })
    expect(outcome.warning).toContain('no GitHub token')
  })

  it('any other API error (an unknown pull request): a warning, no throw', async () => {
    const outcome = await upsertStickyComment(options({ issueNumber: 999_999_999 }))
    expect(outcome.action).toBe('skipped')
    expect(outcome.warning).toContain('HTTP 404')
  })

  it('a body over the limit is refused before GitHub is asked to store it', async () => {
    const outcome = await upsertStickyComment(options({ body: 'x'.repeat(COMMENT_LIMIT) }))
    expect(outcome.action).toBe('skipped')
    expect(outcome.warning).toContain("over GitHub's limit")
    expect(onIssue()).toHaveLength(0)
  })

  it('the biggest rendered report still fits with the hidden lines', async () => {
    const body = renderMarkdown(fixtures.hugePlan(1000, { findings: true }), { surface: 'comment' })
    const outcome = await upsertStickyComment(
      options({ body, environment: 'a'.repeat(200), projectDir: 'b'.repeat(300) }),
    )
    expect(outcome.action).toBe('created')
    expect(onIssue()[0].body.length).toBeLessThan(COMMENT_LIMIT)
  })
})
