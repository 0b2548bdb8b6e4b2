/** dist/index.js on a real pull_request payload, commenting through the GitHub API stub. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import {
  ACTIONS_TOKEN,
  OTHER_BOT_TOKEN,
  READ_ONLY_TOKEN,
  startGitHubStub,
  type GitHubStub,
} from '../support/github-stub.js'
import { repoRoot } from '../support/shared.js'
import { pullRequestPayload, type PullRequestPayload } from '../support/webhook-payloads.js'
import { tempDir } from '../support/temp-dir.js'

const EXAMPLE = join(repoRoot, 'examples', 'project')
const marker = (environment: string) =>
  `<!-- hasura-migrate-action project="hasura" environment="${environment}" -->`
const log = (r: ActionRun): string => r.stdout + r.stderr

describe('the pull-request comment, end to end', () => {
  let stub: GitHubStub
  let payload: PullRequestPayload
  let workspace: string
  let project: string

  beforeEach(async () => {
    stub = await startGitHubStub()
    payload = pullRequestPayload('synchronize')
    stub.heads.set(payload.number, payload.pull_request.head.sha)
    workspace = tempDir('hma-e2e-comment-')
    project = join(workspace, 'hasura')
    cpSync(EXAMPLE, project, { recursive: true })
  })
  afterEach(async () => {
    await stub.close()
  })

  /** A plan-only run on the embedded target: no database is started, the plan is the report. */
  const run = (inputs: Record<string, string> = {}, token = ACTIONS_TOKEN) =>
    runDistAction({
      cwd: workspace,
      eventName: 'pull_request',
      event: payload,
      env: { GITHUB_API_URL: stub.url, GITHUB_REPOSITORY: `${stub.owner}/${stub.repo}` },
      inputs: { 'project-dir': 'hasura', 'dry-run': 'plan', 'github-token': token, ...inputs },
    })

  const comments = () => stub.comments.get(payload.number) ?? []
  const writesSince = (from: number) =>
    stub.requests.slice(from).filter((r) => r.method !== 'GET' && r.path !== '/graphql')

  it('creates one comment, edits the same one for a new plan, and leaves it alone when nothing changed', async () => {
    const first = await run()
    expect(first.code, log(first)).toBe(0)
    expect(comments()).toHaveLength(1)
    const [created] = comments()
    expect(created.user.login).toBe('github-actions[bot]')
    expect(created.body.split('\n')[0]).toBe(marker(''))
    expect(created.body).toContain('1700000300000')
    expect(first.outputs['comment-url']).toBe(created.html_url)
    expect(writesSince(0).map((r) => r.method)).toEqual(['POST'])

    // a new migration in the pull request: a different plan, the same comment
    const added = join(project, 'migrations/default/1700000500000_add_tags')
    mkdirSync(added)
    writeFileSync(join(added, 'up.sql'), 'CREATE TABLE public.tags (id serial PRIMARY KEY, label text);\n')
    writeFileSync(join(added, 'down.sql'), 'DROP TABLE public.tags;\n')
    const before = stub.requests.length
    const second = await run()
    expect(second.code, log(second)).toBe(0)
    expect(writesSince(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/${stub.owner}/${stub.repo}/issues/comments/${created.id}`,
    ])
    expect(comments()).toHaveLength(1)
    expect(comments()[0].id).toBe(created.id)
    expect(comments()[0].body).toContain('1700000500000')
    expect(comments()[0].body.split('\n')[0]).toBe(marker(''))
    expect(second.outputs['comment-url']).toBe(created.html_url)

    // the same plan again: no write at all
    const beforeThird = stub.requests.length
    const third = await run()
    expect(third.code, log(third)).toBe(0)
    expect(stub.requests.length).toBeGreaterThan(beforeThird)
    expect(writesSince(beforeThird)).toEqual([])
    expect(comments()).toHaveLength(1)
  })

  it('another environment gets a comment of its own; another bot’s comment with our marker stays untouched', async () => {
    const foreignBody = `${marker('staging')}\nnot ours: written by another app`
    const foreign = stub.seed(payload.number, OTHER_BOT_TOKEN, foreignBody)

    const staging = await run({ environment: 'staging' })
    expect(staging.code, log(staging)).toBe(0)
    const production = await run({ environment: 'production' })
    expect(production.code, log(production)).toBe(0)

    const all = comments()
    expect(all).toHaveLength(3)
    expect(all[0]).toMatchObject({ id: foreign.id, body: foreignBody, user: { login: 'other-ci[bot]' } })
    const ours = all.filter((c) => c.user.login === 'github-actions[bot]')
    expect(ours.map((c) => c.body.split('\n')[0])).toEqual([marker('staging'), marker('production')])
    expect(staging.outputs['comment-url']).toBe(ours[0].html_url)
    expect(production.outputs['comment-url']).toBe(ours[1].html_url)
    // nothing was ever sent to the other app's comment
    expect(stub.requests.some((r) => r.path.endsWith(`/comments/${foreign.id}`))).toBe(false)

    // staging again with a changed plan edits the staging comment only
    const added = join(project, 'migrations/default/1700000500000_add_tags')
    mkdirSync(added)
    writeFileSync(join(added, 'up.sql'), 'CREATE TABLE public.tags (id serial PRIMARY KEY);\n')
    writeFileSync(join(added, 'down.sql'), 'DROP TABLE public.tags;\n')
    const from = stub.requests.length
    const again = await run({ environment: 'staging' })
    expect(again.code, log(again)).toBe(0)
    expect(writesSince(from).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/${stub.owner}/${stub.repo}/issues/comments/${ours[0].id}`,
    ])
    expect(comments().find((c) => c.id === ours[1].id)?.body).toBe(ours[1].body)
    expect(comments().find((c) => c.id === foreign.id)?.body).toBe(foreignBody)
  })

  it('a read-only token (403) still exits 0, with the warning in the job summary and no comment-url', async () => {
    const r = await run({}, READ_ONLY_TOKEN)
    expect(r.code, log(r)).toBe(0)
    expect(comments()).toHaveLength(0)
    expect(r.outputs['comment-url']).toBe('')
    expect(r.summary).toContain('The pull-request comment was not written (HTTP 403')
    expect(r.annotations.some((a) => a.startsWith('::warning') && a.includes('HTTP 403'))).toBe(true)
    expect(r.stdout).toContain(`::add-mask::${READ_ONLY_TOKEN}`)
    expect(capturedTexts(r).join('\n')).not.toContain(READ_ONLY_TOKEN)
  })
})
