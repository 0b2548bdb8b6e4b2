import { describe, expect, it } from 'vitest'
import {
  composeComment,
  contentDigest,
  identityLine,
  parseComment,
  stateLine,
} from '../../../src/github/comment-marker.js'
import { sameAuthor } from '../../../src/github/sticky-comment.js'
import { VOLATILE_MARK } from '../../../src/report/markdown-report.js'

describe('comment marker', () => {
  it('line 1 is exactly the documented identity', () => {
    expect(identityLine('hasura', 'staging')).toBe(
      '<!-- hasura-migrate-action project="hasura" environment="staging" -->',
    )
    expect(identityLine('.', '')).toBe('<!-- hasura-migrate-action project="." environment="" -->')
    expect(identityLine('./hasura/', 'staging')).toBe(identityLine('hasura', 'staging'))
  })

  it('a value cannot end the attribute or the HTML comment', () => {
    const line = identityLine('a"b', 'x --> <b>y</b>')
    expect(line).toBe(
      '<!-- hasura-migrate-action project="a&quot;b" environment="x --&gt; &lt;b&gt;y&lt;/b&gt;" -->',
    )
    expect(line.indexOf('-->')).toBe(line.length - 3)
  })

  it('round trip: compose then parse gives the identity, digest and sha', () => {
    const { text, digest } = composeComment({
      projectDir: 'hasura',
      environment: 'prod',
      body: 'report',
      headSha: 'abc',
    })
    expect(text).toBe(`${identityLine('hasura', 'prod')}\n${stateLine(digest, 'abc')}\nreport`)
    expect(parseComment(text)).toEqual({ identity: identityLine('hasura', 'prod'), digest, sha: 'abc' })
    expect(parseComment(text.replace(/\n/g, '\r\n'))?.digest).toBe(digest)
  })

  it('not ours: the identity must be line 1', () => {
    expect(parseComment(`hi\n${identityLine('hasura', 'prod')}`)).toBeUndefined()
    expect(parseComment('<!-- Sticky Pull Request Comment -->')).toBeUndefined()
    expect(parseComment(null)).toBeUndefined()
  })

  it('the digest ignores volatile lines and nothing else', () => {
    const a = contentDigest(`report\n<sub>run 1</sub>${VOLATILE_MARK}`)
    const b = contentDigest(`report\n<sub>run 2</sub>${VOLATILE_MARK}`)
    expect(a).toBe(b)
    expect(contentDigest('report\nx')).not.toBe(contentDigest('report\ny'))
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe('sameAuthor', () => {
  it('matches the login, and a bot whether or not the [bot] suffix is given', () => {
    expect(sameAuthor({ login: 'github-actions[bot]', type: 'Bot' }, 'github-actions[bot]')).toBe(true)
    expect(sameAuthor({ login: 'github-actions[bot]', type: 'Bot' }, 'github-actions')).toBe(true)
    expect(sameAuthor({ login: 'octocat', type: 'User' }, 'octocat')).toBe(true)
  })
  it('does not match another author, or a person named like a bot', () => {
    expect(sameAuthor({ login: 'other-ci[bot]', type: 'Bot' }, 'github-actions[bot]')).toBe(false)
    expect(sameAuthor({ login: 'github-actions', type: 'User' }, 'github-actions[bot]')).toBe(false)
    expect(sameAuthor(null, 'github-actions[bot]')).toBe(false)
  })
})
