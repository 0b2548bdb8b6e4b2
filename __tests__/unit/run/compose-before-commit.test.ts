/** Two checks before one commit: in order, the first error aborts, and a statement is read once for both. */
import { describe, expect, it } from 'vitest'
import {
  composeBeforeCommit,
  type BeforeCommit,
  type UnitOfWorkSession,
} from '../../../src/execute/request.js'

describe('composeBeforeCommit', () => {
  const unit = (asked: string[]): UnitOfWorkSession => ({
    steps: [],
    last: true,
    query: (sql) => {
      asked.push(sql)
      return Promise.resolve(`answer to ${sql}`)
    },
  })

  it('is the one check, or none, when there are not two', () => {
    const check: BeforeCommit = () => Promise.resolve(undefined)
    expect(composeBeforeCommit(undefined, check)).toBe(check)
    expect(composeBeforeCommit(undefined, undefined)).toBeUndefined()
  })

  it('runs both in order on one answer per statement; an error stops the rest', async () => {
    const asked: string[] = []
    const seen: string[] = []
    const reading =
      (name: string): BeforeCommit =>
      async (u) => {
        seen.push(`${name}: ${await u.query('SELECT snapshot')}`)
        return undefined
      }
    await expect(composeBeforeCommit(reading('a'), reading('b'))?.(unit(asked))).resolves.toBeUndefined()
    expect(asked).toEqual(['SELECT snapshot'])
    expect(seen).toEqual(['a: answer to SELECT snapshot', 'b: answer to SELECT snapshot'])

    const error = { kind: 'user', message: 'metadata does not match' } as const
    const failing: BeforeCommit = () => Promise.resolve(error)
    seen.length = 0
    await expect(composeBeforeCommit(failing, reading('b'))?.(unit([]))).resolves.toBe(error)
    expect(seen).toEqual([])
  })
})
