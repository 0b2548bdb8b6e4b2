import { describe, expect, test } from 'vitest'
import { analyzeParsed, analyzeSql, mayNeedAnalysis } from '../../../src/sql/index.js'
import { NON_TRANSACTIONAL, TRANSACTIONAL } from './statement-cases.js'
import type { TransactionControlStatement } from '../../../src/sql/types.js'

describe('analyzeSql: statements that cannot run in a transaction block', () => {
  test.each(NON_TRANSACTIONAL)('%s → %s', async (sql, what) => {
    const text = `-- migration\nCREATE TABLE x (id int);\n\n${sql};\nSELECT 1;\n`
    const a = await analyzeSql(text)
    expect(a.parsed).toBe(true)
    expect(a.syntaxError).toBeUndefined()
    expect(a.nonTransactional).toEqual([
      { statement: { text: sql, line: 4, offset: text.indexOf(sql) }, what },
    ])
    expect(a.transactionControl).toEqual([])
  })

  test.each(TRANSACTIONAL)('%s → nothing', async (sql) => {
    const a = await analyzeSql(`${sql};\n`)
    expect(a.syntaxError).toBeUndefined()
    expect(a.nonTransactional).toEqual([])
    expect(a.transactionControl).toEqual([])
  })

  test('several in one file, each with its own line', async () => {
    const text = [
      'CREATE TABLE t (a int);',
      '-- hasura would run this in a transaction',
      'CREATE INDEX CONCURRENTLY i1 ON t (a);',
      "COMMENT ON TABLE t IS 'VACUUM me; later';",
      '',
      'VACUUM t;',
    ].join('\r\n')
    const a = await analyzeSql(text)
    expect(a.nonTransactional.map((n) => [n.what, n.statement.line, n.statement.text])).toEqual([
      ['CREATE INDEX CONCURRENTLY', 3, 'CREATE INDEX CONCURRENTLY i1 ON t (a)'],
      ['VACUUM', 6, 'VACUUM t'],
    ])
  })

  test('text inside function bodies, DO blocks and comments never counts', async () => {
    const text = [
      '/* CREATE INDEX CONCURRENTLY i ON t (a); */',
      '-- VACUUM;',
      "DO $$ BEGIN EXECUTE 'VACUUM'; EXECUTE 'CREATE DATABASE d'; END $$;",
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$',
      'BEGIN',
      "  EXECUTE 'DROP INDEX CONCURRENTLY i';",
      'END $body$;',
    ].join('\n')
    // the keyword check sees no trigger word outside them: decided without the parser
    expect(await analyzeSql(text)).toEqual({ nonTransactional: [], transactionControl: [], parsed: false })
    // and the parser agrees
    const a = await analyzeParsed(text)
    expect(a.parsed).toBe(true)
    expect(a.nonTransactional).toEqual([])
    expect(a.transactionControl).toEqual([])
  })

  test('unicode before the statement: exact line and offset', async () => {
    const text = 'INSERT INTO t VALUES (\'😀 ünïcödé 中文\');\n\nCREATE INDEX CONCURRENTLY "ïdx" ON t (a);'
    const a = await analyzeSql(text)
    expect(a.nonTransactional).toEqual([
      {
        statement: {
          text: 'CREATE INDEX CONCURRENTLY "ïdx" ON t (a)',
          line: 3,
          offset: text.indexOf('CREATE INDEX'),
        },
        what: 'CREATE INDEX CONCURRENTLY',
      },
    ])
  })
})

describe('analyzeSql: transaction control', () => {
  const cases: [sql: string, expected: Omit<TransactionControlStatement, 'statement'>][] = [
    ['BEGIN', { what: 'BEGIN', command: 'begin', scope: 'transaction' }],
    [
      'BEGIN ISOLATION LEVEL SERIALIZABLE',
      { what: 'BEGIN', command: 'begin', scope: 'transaction', modes: true },
    ],
    ['START TRANSACTION', { what: 'START TRANSACTION', command: 'begin', scope: 'transaction' }],
    [
      'START TRANSACTION READ ONLY',
      { what: 'START TRANSACTION', command: 'begin', scope: 'transaction', modes: true },
    ],
    ['COMMIT', { what: 'COMMIT', command: 'commit', scope: 'transaction' }],
    ['commit work', { what: 'COMMIT', command: 'commit', scope: 'transaction' }],
    ['COMMIT AND CHAIN', { what: 'COMMIT', command: 'commit', scope: 'transaction', chain: true }],
    ['END', { what: 'END', command: 'commit', scope: 'transaction' }],
    ['end transaction', { what: 'END', command: 'commit', scope: 'transaction' }],
    ['ROLLBACK', { what: 'ROLLBACK', command: 'rollback', scope: 'transaction' }],
    ['ROLLBACK AND CHAIN', { what: 'ROLLBACK', command: 'rollback', scope: 'transaction', chain: true }],
    ['ABORT', { what: 'ABORT', command: 'rollback', scope: 'transaction' }],
    ["PREPARE TRANSACTION 'x'", { what: 'PREPARE TRANSACTION', command: 'prepare', scope: 'transaction' }],
    ["COMMIT PREPARED 'x'", { what: 'COMMIT PREPARED', command: 'commit-prepared', scope: 'transaction' }],
    [
      "ROLLBACK PREPARED 'x'",
      { what: 'ROLLBACK PREPARED', command: 'rollback-prepared', scope: 'transaction' },
    ],
    ['SAVEPOINT sp', { what: 'SAVEPOINT', command: 'savepoint', scope: 'savepoint' }],
    ['RELEASE SAVEPOINT sp', { what: 'RELEASE SAVEPOINT', command: 'release', scope: 'savepoint' }],
    ['RELEASE sp', { what: 'RELEASE SAVEPOINT', command: 'release', scope: 'savepoint' }],
    [
      'ROLLBACK TO SAVEPOINT sp',
      { what: 'ROLLBACK TO SAVEPOINT', command: 'rollback-to', scope: 'savepoint' },
    ],
  ]
  test.each(cases)('%s → %o', async (sql, expected) => {
    const text = `CREATE TABLE t (id int);\n${sql};\n`
    const a = await analyzeSql(text)
    expect(a.transactionControl).toEqual([{ statement: { text: sql, line: 2, offset: 25 }, ...expected }])
    expect(a.nonTransactional).toEqual([])
  })

  test('a typical hand-written wrapper: BEGIN at the top, COMMIT at the bottom', async () => {
    const text = 'BEGIN;\n\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n\nCOMMIT;\n'
    const a = await analyzeSql(text)
    expect(a.transactionControl.map((t) => [t.what, t.statement.line])).toEqual([
      ['BEGIN', 1],
      ['COMMIT', 6],
    ])
  })

  test('COMMIT/ROLLBACK inside procedures, functions and DO bodies are not top-level', async () => {
    const text = [
      'CREATE PROCEDURE p() LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  INSERT INTO t VALUES (1);',
      '  COMMIT;',
      '  ROLLBACK;',
      'END $$;',
      'DO $do$ BEGIN COMMIT; END $do$;',
      'CALL p();',
      "SELECT 'BEGIN; COMMIT;';",
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;',
    ].join('\n')
    const a = await analyzeSql(text)
    expect(a.parsed).toBe(true)
    expect(a.transactionControl).toEqual([])
    expect(a.syntaxError).toBeUndefined()
  })
})

describe('analyzeSql: keyword check and syntax errors', () => {
  test('a file without any trigger word is decided without the parser', async () => {
    const a = await analyzeSql(
      'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\nSELEC broken;',
    )
    expect(a).toEqual({ nonTransactional: [], transactionControl: [], parsed: false })
  })

  test('trigger words are whole words only, in any case', () => {
    expect(mayNeedAnalysis('CREATE TABLE t (start_date date, ended_at date, database_id int)')).toBe(false)
    expect(mayNeedAnalysis('create index Concurrently i on t (a)')).toBe(true)
    expect(mayNeedAnalysis('SELECT 1;\nend;')).toBe(true)
    expect(mayNeedAnalysis('vacuum')).toBe(true)
  })

  test('trigger words count only as code: not in comments, strings, quoted names or bodies', () => {
    for (const text of [
      '-- COMMIT\nSELECT 1',
      '/* VACUUM /* nested */ BEGIN */ SELECT 1',
      "SELECT 'begin', 'it''s the end'",
      'SELECT "end", "a""vacuum"',
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql',
      'CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END $fn$ LANGUAGE plpgsql',
      "DO $x$ BEGIN EXECUTE 'VACUUM'; END $x$",
      // a tag in another case does not close the body: the COMMIT is inside it
      'SELECT $a$ x $A$; COMMIT; $a$',
    ])
      expect(mayNeedAnalysis(text), text).toBe(false)
    for (const text of [
      'BEGIN;\nSELECT 1;\nCOMMIT;',
      '/* a comment */ CREATE INDEX CONCURRENTLY i ON t (a)',
      "SELECT 'x'; VACUUM",
      // SQL-standard bodies are code: their BEGIN ATOMIC is not quoted
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END',
      // $ inside a name or a parameter does not open a body
      'SELECT a$b$ FROM t; COMMIT; SELECT $b$',
      'SELECT $1; COMMIT',
    ])
      expect(mayNeedAnalysis(text), text).toBe(true)
  })

  test('whatever the scan cannot read exactly as PostgreSQL does is left to the parser', () => {
    // a backslash means different things in E'' and in standard strings: `'\'` ends here, not later
    expect(mayNeedAnalysis("SELECT '\\'; CREATE INDEX CONCURRENTLY i ON t (a); SELECT 'x'")).toBe(true)
    expect(mayNeedAnalysis("SELECT E'\\' begin'")).toBe(true)
    // never closed: PostgreSQL would refuse the file; the parser says where
    expect(mayNeedAnalysis("SELECT 'begin")).toBe(true)
    expect(mayNeedAnalysis('SELECT $$ begin')).toBe(true)
    expect(mayNeedAnalysis('/* /* begin */')).toBe(true)
  })

  test('a syntax error keeps what came before it, with the error line', async () => {
    const text = 'CREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;\nSELEC 1;\nVACUUM;'
    const a = await analyzeSql(text)
    expect(a.nonTransactional.map((n) => n.what)).toEqual(['CREATE INDEX CONCURRENTLY'])
    expect(a.transactionControl.map((n) => n.what)).toEqual(['BEGIN'])
    expect(a.syntaxError).toEqual({ message: 'syntax error at or near "SELEC"', line: 3, offset: 45 })
  })
})
