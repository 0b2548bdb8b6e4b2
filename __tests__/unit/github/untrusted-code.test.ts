/** The decision to refuse a fork's pull request in events that carry secrets, on real webhook payloads. */
import { describe, expect, it } from 'vitest'
import {
  decide,
  forkPullRequest,
  type ForkPullRequest,
  type RunShape,
  type WorkspaceFacts,
} from '../../../src/github/untrusted-code.js'
import { pullRequestPayload, webhookPayload, workflowRunPayload } from '../../support/webhook-payloads.js'

const GITHUB_SHA = 'ffac537e6cbbf934b08745a378932722df287a53'
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e' // the example's pull_request.base.sha
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' // the example's pull_request.head.sha
const MERGE = '1111111111111111111111111111111111111111'
const FORK = 'someone/Hello-World'

/** The example pull request (Codertocat/Hello-World into itself), from `from` when given. */
function pullRequest(from?: string | null) {
  const payload = pullRequestPayload('opened')
  if (from !== undefined) payload.pull_request.head.repo = from === null ? null : { full_name: from }
  ;(payload.pull_request as { merge_commit_sha?: string }).merge_commit_sha = MERGE
  return payload
}

function workflowRun(event: string, from: string | null) {
  const payload = workflowRunPayload()
  payload.workflow_run.event = event
  payload.workflow_run.head_repository = from === null ? null : { full_name: from }
  payload.repository.full_name = 'Codertocat/Hello-World'
  return payload
}

const fork = (eventName: string, payload: unknown) =>
  forkPullRequest({ eventName, payload, githubSha: GITHUB_SHA, repository: 'Codertocat/Hello-World' })

describe('forkPullRequest: which events can put a fork’s code in a job that has secrets', () => {
  it('pull_request_target from a fork: the fork, the base commits, the pull request’s own commits', () => {
    expect(fork('pull_request_target', pullRequest(FORK))).toEqual({
      event: 'pull_request_target',
      from: FORK,
      baseCommits: [GITHUB_SHA, BASE],
      head: HEAD,
      merge: MERGE,
    })
  })

  it('pull_request_target from a branch of the repository itself: nothing to guard', () => {
    expect(fork('pull_request_target', pullRequest())).toBeUndefined()
  })

  it.each([
    ['a deleted fork (head.repo null)', pullRequest(null)],
    ['a payload that cannot be read', {}],
  ])('pull_request_target with %s counts as a fork', (_name, payload) => {
    const found = fork('pull_request_target', payload)
    expect(found?.event).toBe('pull_request_target')
    expect(found?.from).toContain('does not name')
  })

  it.each(['pull_request', 'pull_request_target', 'pull_request_review'])(
    'workflow_run after %s of a fork',
    (event) => {
      const payload = workflowRun(event, FORK)
      expect(fork('workflow_run', payload)).toEqual({
        event: `workflow_run (after ${event})`,
        from: FORK,
        baseCommits: [GITHUB_SHA],
        head: payload.workflow_run.head_sha,
      })
    },
  )

  it('workflow_run of a pull request that names it: its base and head commits too', () => {
    const payload = workflowRun('pull_request', FORK)
    payload.workflow_run.pull_requests = [{ head: { sha: HEAD }, base: { sha: BASE } }]
    payload.workflow_run.head_sha = 'not a commit id'
    expect(fork('workflow_run', payload)).toMatchObject({ baseCommits: [GITHUB_SHA, BASE], head: HEAD })
  })

  it('workflow_run after a pull request of the repository itself: nothing to guard', () => {
    expect(fork('workflow_run', workflowRun('pull_request', 'Codertocat/Hello-World'))).toBeUndefined()
  })

  it.each(['push', 'workflow_dispatch', 'schedule', 'repository_dispatch'])(
    'workflow_run after %s is not a pull request, even from another repository',
    (event) => {
      expect(fork('workflow_run', workflowRun(event, FORK))).toBeUndefined()
    },
  )

  it.each([
    ['push', webhookPayload('push')],
    ['pull_request', pullRequest(FORK)],
    ['pull_request_review', pullRequest(FORK)],
    ['workflow_dispatch', webhookPayload('workflow_dispatch')],
    ['schedule', {}],
    ['issue_comment', {}],
    [undefined, {}],
  ])('%s: no secrets with a fork’s code, nothing to guard', (eventName, payload) => {
    expect(forkPullRequest({ eventName, payload, githubSha: GITHUB_SHA })).toBeUndefined()
  })

  it('issue_comment on a pull request (ChatOps): its head may be checked out, from a repository the event does not name', () => {
    const payload = webhookPayload('issue_comment', 'created')
    const issue = payload.issue as { number: number; pull_request?: unknown }
    // on an issue: no code comes with it
    expect(fork('issue_comment', payload)).toBeUndefined()
    issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' }
    expect(fork('issue_comment', payload)).toEqual({
      event: 'issue_comment (on a pull request)',
      from: `a repository the comment event does not name (pull request #${issue.number})`,
      baseCommits: [GITHUB_SHA],
    })
  })

  it('a GITHUB_SHA that is not a commit id is no base commit', () => {
    const found = forkPullRequest({
      eventName: 'pull_request_target',
      payload: pullRequest(FORK),
      githubSha: 'main',
    })
    expect(found?.baseCommits).toEqual([BASE])
  })
})

describe('decide', () => {
  const target = fork('pull_request_target', pullRequest(FORK))!
  const run = fork('workflow_run', workflowRun('pull_request', FORK))!
  const apply = (t: RunShape['target']): RunShape => ({ target: t, dryRun: false })

  const cases: [string, ForkPullRequest | undefined, RunShape, WorkspaceFacts, 'allowed' | 'refused'][] = [
    ['no fork', undefined, apply('postgres'), {}, 'allowed'],
    ['head commit, PostgreSQL', target, apply('postgres'), { head: HEAD }, 'refused'],
    ['head commit, Hasura', target, apply('hasura'), { head: HEAD }, 'refused'],
    ['merge commit', target, apply('postgres'), { head: MERGE }, 'refused'],
    ['rehearse', target, { target: 'postgres', dryRun: 'rehearse' }, { head: HEAD }, 'refused'],
    ['plan', target, { target: 'postgres', dryRun: 'plan' }, { head: HEAD }, 'allowed'],
    ['plan on Hasura', target, { target: 'hasura', dryRun: 'plan' }, { head: HEAD }, 'allowed'],
    ['embedded', target, apply('embedded'), { head: HEAD }, 'allowed'],
    ['embedded rehearse', target, { target: 'embedded', dryRun: 'rehearse' }, {}, 'allowed'],
    [
      'the base commit’s files',
      target,
      apply('postgres'),
      { head: GITHUB_SHA, sameAs: GITHUB_SHA },
      'allowed',
    ],
    [
      'the base commit, files changed',
      target,
      apply('postgres'),
      { head: GITHUB_SHA, problem: 'migrations is not as in the base commit ffac537' },
      'refused',
    ],
    [
      'no git repository',
      target,
      apply('postgres'),
      { problem: 'no git repository holds hasura' },
      'refused',
    ],
    ['unknown commit, no facts', target, apply('postgres'), {}, 'refused'],
    ['workflow_run, head', run, apply('hasura'), { head: run.head }, 'refused'],
    [
      'workflow_run, default branch',
      run,
      apply('hasura'),
      { head: GITHUB_SHA, sameAs: GITHUB_SHA },
      'allowed',
    ],
  ]

  it.each(cases)('%s → %s', (_name, f, shape, facts, expected) => {
    expect(decide({ fork: f, shape, trust: false, facts }).kind).toBe(expected)
  })

  it.each(cases.filter((c) => c[4] === 'refused'))(
    '%s, with trust-pull-request-code: true → trusted, and says why',
    (_name, f, shape, facts) => {
      const d = decide({ fork: f, shape, trust: true, facts })
      expect(d).toMatchObject({ kind: 'trusted', event: f!.event, from: FORK })
      expect(d.kind === 'trusted' && d.reason.length).toBeGreaterThan(10)
    },
  )

  it('trust changes nothing where nothing would be refused', () => {
    for (const [, f, shape, facts, expected] of cases.filter((c) => c[4] === 'allowed')) {
      expect(decide({ fork: f, shape, trust: true, facts }).kind).toBe(expected)
    }
  })

  it('the refusal names the event, the fork, why, and the three safe ways, on one line', () => {
    const d = decide({ fork: target, shape: apply('postgres'), trust: false, facts: { head: HEAD } })
    if (d.kind !== 'refused') throw new Error('expected a refusal')
    expect(d.event).toBe('pull_request_target')
    expect(d.message).toContain('this pull_request_target run has the repository')
    expect(d.message).toContain(FORK)
    expect(d.message).toContain("the checked-out commit ec26c3e is the pull request's head")
    expect(d.message).toContain('against PostgreSQL')
    expect(d.remedy).toContain('embedded database')
    expect(d.remedy).toContain('dry-run: plan')
    expect(d.remedy).toContain('pull_request workflow')
    expect(d.remedy).toContain('trust-pull-request-code: true')
    expect(d.message + d.remedy).not.toContain('\n')
  })

  it('says which commit it is: merge commit, a commit that is no base commit, or git’s problem', () => {
    const why = (facts: WorkspaceFacts) => {
      const d = decide({ fork: target, shape: apply('hasura'), trust: false, facts })
      return d.kind === 'refused' ? d.message : ''
    }
    expect(why({ head: MERGE })).toContain("commit 1111111 is the pull request's merge commit")
    expect(why({ head: 'abcdef0123456789abcdef0123456789abcdef01' })).toContain(
      'the checked-out commit abcdef0 is not a base commit',
    )
    expect(why({ problem: 'no git repository holds hasura, so its commit cannot be known' })).toContain(
      'no git repository holds hasura',
    )
    expect(why({})).toContain('the checked-out commit is unknown')
    expect(why({ head: HEAD })).toContain('against Hasura')
  })
})
