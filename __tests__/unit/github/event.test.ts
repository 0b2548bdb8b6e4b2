import { describe, expect, it } from 'vitest'
import { commentTarget } from '../../../src/github/event.js'
import { pullRequestPayload, webhookPayload } from '../../support/webhook-payloads.js'

describe('commentTarget (real webhook payloads)', () => {
  it('pull_request opened and synchronize: the number, head and base', () => {
    for (const action of ['opened', 'synchronize'] as const) {
      const found = commentTarget({
        mode: 'auto',
        eventName: 'pull_request',
        payload: pullRequestPayload(action),
        repository: 'Codertocat/Hello-World',
      })
      expect(found).toEqual({
        target: {
          owner: 'Codertocat',
          repo: 'Hello-World',
          issueNumber: 2,
          headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
          baseRef: 'master',
          fromFork: false,
        },
      })
    }
  })

  it('a pull request from a fork is flagged', () => {
    const payload = pullRequestPayload('opened')
    payload.pull_request.head.repo = { full_name: 'someone/Hello-World' }
    const found = commentTarget({ mode: 'auto', eventName: 'pull_request', payload })
    expect('target' in found && found.target.fromFork).toBe(true)
  })

  it('auto skips a push; always comments on a comment event of a pull request; never never', () => {
    const push = webhookPayload('push')
    expect(commentTarget({ mode: 'auto', eventName: 'push', payload: push })).toEqual({
      skip: 'not a pull-request event (push)',
    })
    expect(commentTarget({ mode: 'always', eventName: 'push', payload: push })).toEqual({
      skip: 'the push event names no pull request',
    })
    const onPr = webhookPayload('issue_comment', 'created')
    ;(onPr.issue as Record<string, unknown>).pull_request = { url: 'x' }
    const found = commentTarget({ mode: 'always', eventName: 'issue_comment', payload: onPr })
    expect('target' in found && found.target.issueNumber).toBe((onPr.issue as { number: number }).number)
    expect('target' in found && found.target.headSha).toBeUndefined()
    expect(
      commentTarget({ mode: 'never', eventName: 'pull_request', payload: pullRequestPayload('opened') }),
    ).toEqual({
      skip: 'comment: never',
    })
  })
})
