/** The comment glue as the action calls it: event file, token, GITHUB_API_URL, a Result. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commentOnPullRequest, type CommentSettings } from '../../../src/github/pull-request-comment.js'
import {
  ACTIONS_TOKEN,
  READ_ONLY_TOKEN,
  startGitHubStub,
  type GitHubStub,
} from '../../support/github-stub.js'
import { pullRequestPayload, webhookPayload } from '../../support/webhook-payloads.js'
import * as fixtures from '../../unit/report/results.js'
import { tempDir } from '../../support/temp-dir.js'

let stub: GitHubStub
let env: NodeJS.ProcessEnv
const dir = tempDir('hma-event-')

beforeAll(async () => {
  stub = await startGitHubStub()
  process.env.GITHUB_API_URL = stub.url
  const eventPath = join(dir, 'event.json')
  const payload = pullRequestPayload('synchronize')
  writeFileSync(eventPath, JSON.stringify(payload))
  stub.heads.set(payload.number, payload.pull_request.head.sha)
  env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  }
})
afterAll(() => stub.close())

const settings = (overrides: Partial<CommentSettings> = {}): CommentSettings => ({
  comment: 'auto',
  githubToken: ACTIONS_TOKEN,
  environment: 'rehearsal',
  projectDir: 'examples/project',
  secrets: [ACTIONS_TOKEN],
  ...overrides,
})

describe('commentOnPullRequest', () => {
  it('posts, then leaves an unchanged report alone, and returns the URL for the comment-url output', async () => {
    const first = await commentOnPullRequest(settings(), fixtures.embeddedRoundTrip(), env)
    expect(first.action).toBe('created')
    expect(first.url).toMatch(/^https:\/\/github\.com\/Codertocat\/Hello-World\/pull\/2#issuecomment-\d+$/)
    const again = await commentOnPullRequest(settings(), fixtures.embeddedRoundTrip(), env)
    expect(again).toMatchObject({ action: 'unchanged', url: first.url })
    const [c] = stub.comments.get(2)!
    expect(c.body.split('\n')[0]).toBe(
      '<!-- hasura-migrate-action project="examples/project" environment="rehearsal" -->',
    )
    expect(c.body).toContain('**Down round trip (embedded):** ✅ Passed')
  })

  it('a push event: no comment and no warning with auto; a warning with always', async () => {
    const eventPath = join(dir, 'push.json')
    writeFileSync(eventPath, JSON.stringify(webhookPayload('push')))
    const pushEnv = { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventPath }
    expect(await commentOnPullRequest(settings(), fixtures.success(), pushEnv)).toEqual({
      action: 'skipped',
      reason: 'not a pull-request event (push)',
    })
    const always = await commentOnPullRequest(settings({ comment: 'always' }), fixtures.success(), pushEnv)
    expect(always.warning).toBe(
      'No pull-request comment (comment: always): the push event names no pull request.',
    )
  })

  it('a fork (read-only token): a warning that never shows the token', async () => {
    const outcome = await commentOnPullRequest(
      settings({ githubToken: READ_ONLY_TOKEN, secrets: [READ_ONLY_TOKEN], environment: 'fork' }),
      fixtures.plan(),
      env,
    )
    expect(outcome.action).toBe('skipped')
    expect(outcome.warning).toContain('HTTP 403')
    expect(outcome.warning).not.toContain(READ_ONLY_TOKEN)
  })

  it('no token: a warning', async () => {
    const outcome = await commentOnPullRequest(settings({ githubToken: undefined }), fixtures.plan(), env)
    expect(outcome.warning).toContain('no GitHub token')
  })
})
