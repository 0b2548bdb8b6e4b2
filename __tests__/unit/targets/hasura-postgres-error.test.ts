/**
 * Reading PostgreSQL's error out of Hasura's `postgres-error` answer, and telling when the server left it
 * out (`HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false`): then there is nothing of PostgreSQL's to read.
 */
import { describe, expect, it } from 'vitest'
import { databaseErrorHidden, pgErrorOf } from '../../../src/targets/hasura/connection.js'
import { HasuraApiError } from '../../../src/targets/hasura/http.js'

const answer = (body: Record<string, unknown>) =>
  new HasuraApiError('running SQL: HTTP 400', 400, body as unknown as HasuraApiError['body'])

describe('a postgres-error answer', () => {
  it("with internal errors shown: PostgreSQL's own fields", () => {
    const e = answer({
      code: 'postgres-error',
      error: 'query execution failed',
      path: '$',
      internal: {
        arguments: [],
        error: {
          description: null,
          exec_status: 'FatalError',
          hint: null,
          message: 'relation "no_such_table" does not exist',
          status_code: '42P01',
        },
        prepared: false,
        statement: 'SELECT * FROM no_such_table',
      },
    })
    expect(databaseErrorHidden(e)).toBe(false)
    expect(pgErrorOf(e)).toEqual({
      sqlstate: '42P01',
      message: 'relation "no_such_table" does not exist',
      detail: undefined,
      hint: undefined,
      batchStatement: 'SELECT * FROM no_such_table',
    })
  })

  it('with internal errors hidden: nothing of PostgreSQL to read, and said so', () => {
    const e = answer({ code: 'postgres-error', error: 'query execution failed', path: '$' })
    expect(databaseErrorHidden(e)).toBe(true)
    expect(pgErrorOf(e)).toBeUndefined()
  })

  it('another code is neither', () => {
    const e = answer({ code: 'not-exists', error: 'source with name "x" does not exist', path: '$' })
    expect(databaseErrorHidden(e)).toBe(false)
    expect(pgErrorOf(e)).toBeUndefined()
    expect(databaseErrorHidden(new Error('x'))).toBe(false)
  })
})
