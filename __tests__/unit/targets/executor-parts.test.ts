import { describe, expect, it } from 'vitest'
import { explainEmbeddedFailure } from '../../../src/targets/embedded/explain.js'
import { lockSql } from '../../../src/targets/hasura/state-sql.js'
import { connectionError } from '../../../src/targets/postgres/connection-error.js'
import { doneByAnotherRun } from '../../../src/execute/engine.js'
import { sqlErrorInfo, withoutAppendedSql } from '../../../src/execute/error-report.js'
import {
  controlsTransaction,
  recordFailed,
  timeoutSettings,
} from '../../../src/targets/sql/session-transport.js'
import { locateError } from '../../../src/targets/sql/locate-error.js'
import { down, up } from '../../integration/targets/support/steps.js'

describe('doneByAnotherRun', () => {
  it('lists the first plan’s versions that the state under the lock shows done', () => {
    const first = [up(1), up(2), up(3), down(9)]
    const state = {
      versions: new Map([
        [1n, false],
        [2n, false],
      ]),
    }
    expect(doneByAnotherRun(first, state, [up(3)])).toEqual([1n, 2n, 9n])
    expect(doneByAnotherRun(first, { versions: new Map([[9n, false]]) }, first)).toEqual([])
  })
})

describe('recordFailed', () => {
  const text = "SELECT 1;\nSELECT '😀' -- end"
  const sent = `${text}\n;\nINSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (1, false)`
  it('places a positioned error by where it points', () => {
    const inRecord = [...sent].length - 10
    expect(recordFailed(text, sent, { completed: 2, error: { message: 'm', position: inRecord } })).toBe(true)
    expect(recordFailed(text, sent, { completed: 1, error: { message: 'm', position: 12 } })).toBe(false)
  })
  it('places a run-time error by the statements that completed', () => {
    expect(recordFailed(text, sent, { completed: 2, error: { message: 'm' } })).toBe(true)
    expect(recordFailed(text, sent, { completed: 1, error: { message: 'm' } })).toBe(false)
  })
})

describe('timeoutSettings', () => {
  it('gives lock waits a little less than statements, so a lock wait fails with the lock message', () => {
    expect(timeoutSettings(600_000, 'LOCAL')).toBe(
      'SET LOCAL statement_timeout = 600000; SET LOCAL lock_timeout = 599000',
    )
    expect(timeoutSettings(300, 'SESSION')).toBe(
      'SET SESSION statement_timeout = 300; SET SESSION lock_timeout = 270',
    )
    expect(timeoutSettings(0, 'LOCAL')).toBe('SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0')
  })

  it('is the rule of the Hasura target too, after it waited for the run lock with the whole limit', () => {
    expect(lockSql('default', 300).split(';\n')).toEqual([
      'SET LOCAL lock_timeout = 300',
      "SELECT pg_advisory_xact_lock(hashtext('hasura-migrate-action'), hashtext('default'))",
      'SET LOCAL statement_timeout = 300',
      'SET LOCAL lock_timeout = 270',
      'LOCK TABLE pg_catalog.pg_namespace, pg_catalog.pg_class, pg_catalog.pg_type IN ACCESS SHARE MODE',
    ])
  })
})

describe('locateError', () => {
  it('uses the position when PostgreSQL gives one, else the statements that completed', () => {
    const text = 'SELECT 1;\n\nSELECT x\n  FROM nowhere;\nSELECT 3;'
    expect(
      locateError(text, { completed: 1, error: { message: 'm', position: text.indexOf('nowhere') + 1 } }),
    ).toEqual({
      line: 4,
      statement: 'SELECT x\n  FROM nowhere',
    })
    expect(locateError(text, { completed: 2, error: { message: 'm' } })).toEqual({
      line: 5,
      statement: 'SELECT 3',
    })
  })
})

describe('messages', () => {
  it('53200 names both fixes', () => {
    const info = sqlErrorInfo(
      {
        sqlstate: '53200',
        message: 'out of shared memory',
        hint: 'You might need to increase max_locks_per_transaction.',
      },
      { database: 'default', version: '1', timeoutMs: 1000 },
    )
    expect(info.message).toMatch(/lock table is full/)
    expect(info.remedy).toMatch(/max_locks_per_transaction/)
    expect(info.remedy).toMatch(/`transaction: per-migration`/)
    expect(info.hint).toBe('You might need to increase max_locks_per_transaction.')
  })

  it('connection errors name the redacted URL and the sslmode caveat', () => {
    const e = connectionError(
      new Error('self-signed certificate in certificate chain'),
      'postgres://u:***@h/db',
      (s) => s,
      5000,
    )
    expect(e.message).toMatch(
      /^cannot connect to PostgreSQL at postgres:\/\/u:\*\*\*@h\/db: self-signed certificate/,
    )
    expect(e.message).toMatch(/uselibpqcompat=true&sslmode=require/)
    expect(e.where.input).toBe('database-url')
  })

  it('explainEmbeddedFailure recognises what PGlite lacks only', () => {
    expect(
      explainEmbeddedFailure({
        kind: 'sql',
        sqlstate: '0A000',
        message: 'extension "timescaledb" is not available',
      }),
    ).toMatch(/no "timescaledb" extension/)
    expect(
      explainEmbeddedFailure({
        kind: 'sql',
        sqlstate: '42883',
        message: 'function create_hypertable(unknown, unknown) does not exist',
      }),
    ).toMatch(/timescaledb/)
    expect(
      explainEmbeddedFailure({ kind: 'sql', sqlstate: '42P01', message: 'relation "x" does not exist' }),
    ).toBeUndefined()
  })
})

describe('controlsTransaction', () => {
  it.each([
    'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;',
    'create table t (id int);\ncommit;',
    'START TRANSACTION ISOLATION LEVEL SERIALIZABLE;',
    'SELECT 1; ROLLBACK',
    '/* first */ END;',
    'SAVEPOINT s; RELEASE SAVEPOINT s;',
    "PREPARE TRANSACTION 'x';",
    'ABORT;',
  ])('true for a top-level transaction command: %s', async (sql) => {
    expect(await controlsTransaction(sql)).toBe(true)
  })

  it.each([
    'CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;',
    'DO $body$ BEGIN PERFORM 1; END $body$;',
    'CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;',
    "INSERT INTO log VALUES ('commit; rollback');",
    '-- begin here\nCREATE TABLE starts (id int);',
    'CREATE TABLE "commit" (id int);',
    'SELECT 1;',
  ])('false where the words are inside bodies, strings, comments or names: %s', async (sql) => {
    expect(await controlsTransaction(sql)).toBe(false)
  })
})

describe('withoutAppendedSql', () => {
  const appended = '\n;\nINSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (1, false)'
  it('cuts what PostgreSQL quotes of our statements after an unterminated quote', () => {
    expect(
      withoutAppendedSql(`unterminated quoted identifier at or near ""email\n${appended}"`, appended),
    ).toBe('unterminated quoted identifier at or near ""email…"')
  })
  it('leaves any other message alone', () => {
    expect(withoutAppendedSql('column "nme" does not exist', appended)).toBe('column "nme" does not exist')
    expect(withoutAppendedSql('syntax error at or near "SELEC"', '')).toBe('syntax error at or near "SELEC"')
  })
})
