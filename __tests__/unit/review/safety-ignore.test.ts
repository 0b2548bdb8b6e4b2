import { describe, expect, test } from 'vitest'
import { readIgnoreComments } from '../../../src/review/safety/index.js'
import { brief, lintFiles, lintOne } from './safety-support.js'

describe('-- hasura-migrate:ignore: per-file silencing', () => {
  test('a silenced rule is still returned, marked silenced; other rules are not', async () => {
    const sql = '-- hasura-migrate:ignore drop-table\nDROP TABLE legacy;\nTRUNCATE users;\n'
    const found = await lintOne(sql)
    expect(brief(found)).toEqual(['drop-table@2 (silenced)', 'truncate@3'])
    expect(found[0].severity).toBe('warning')
  })

  test('several rules, separated by commas or spaces, on several lines, anywhere in the file', async () => {
    const sql = [
      'DROP TABLE legacy;',
      'ALTER TABLE users DROP COLUMN old CASCADE;',
      'TRUNCATE audit;',
      '  -- hasura-migrate:ignore drop-table,drop-column   drop-cascade',
      '--hasura-migrate:ignore truncate',
    ].join('\r\n')
    expect(brief(await lintOne(sql))).toEqual([
      'drop-table@1 (silenced)',
      'drop-column@2 (silenced)',
      'drop-cascade@2 (silenced)',
      'truncate@3 (silenced)',
    ])
  })

  test('only the file that holds the comment is silenced', async () => {
    const found = await lintFiles(['-- hasura-migrate:ignore drop-table\nDROP TABLE a;', 'DROP TABLE b;'])
    expect(found.map((f) => [f.version, f.silenced])).toEqual([
      [1n, true],
      [2n, false],
    ])
  })

  test('a comment after a statement, or another directive, is not a silencing comment line', async () => {
    const sql = 'DROP TABLE a; -- hasura-migrate:ignore drop-table\n-- hasura-migrate:ignored drop-table\n'
    expect(brief(await lintOne(sql))).toEqual(['drop-table@1'])
  })

  test('an unknown rule id is a finding at the comment line; the known ids beside it still apply', async () => {
    const sql = '\n-- hasura-migrate:ignore drop-tables, drop-column\nALTER TABLE users DROP COLUMN email;\n'
    const found = await lintOne(sql)
    expect(brief(found)).toEqual(['unknown-ignore-rule@2', 'drop-column@3 (silenced)'])
    expect(found[0]).toMatchObject({
      severity: 'warning',
      silenced: false,
      message:
        "hasura-migrate:ignore names 'drop-tables', which is no safety rule: nothing is silenced by it (the rule ids are in docs/safety-rules.md)",
    })
  })

  test('a directive that names no rule is a finding too, and it cannot silence itself', async () => {
    const found = await lintOne('-- hasura-migrate:ignore\n-- hasura-migrate:ignore unknown-ignore-rule, x\n')
    expect(brief(found)).toEqual(['unknown-ignore-rule@1', 'unknown-ignore-rule@2'])
    expect(found[0].message).toBe(
      'hasura-migrate:ignore names no rule: list the rule ids to silence (see docs/safety-rules.md)',
    )
  })

  test('readIgnoreComments: the rules and the unknown names with their lines', () => {
    const read = readIgnoreComments('select 1;\n-- hasura-migrate:ignore lock-table bogus\n')
    expect([...read.rules]).toEqual(['lock-table'])
    expect(read.unknown).toEqual([{ name: 'bogus', line: 2 }])
  })
})

describe('line numbers: the line where the statement starts', () => {
  test('after comments and blank lines, for statements over several lines', async () => {
    const sql = [
      '-- a migration',
      '/* a block',
      '   comment */',
      '',
      'ALTER TABLE users',
      '  ADD COLUMN a int,',
      '  DROP COLUMN b;',
      '',
      'CREATE TABLE t (a int); DROP TABLE legacy;',
      'INSERT INTO t VALUES (1); /* x */ CREATE INDEX ON users',
      '  (a);',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual([
      'drop-column@5',
      'drop-table@9',
      'create-index-not-concurrently@10',
    ])
  })

  test('with CRLF line ends and a byte-order mark', async () => {
    const sql = '\uFEFF-- comment\r\n\r\nDROP TABLE a;\r\n\r\nDROP\r\n  TABLE b;\r\n'
    expect(brief(await lintOne(sql))).toEqual(['drop-table@3', 'drop-table@5'])
  })

  test('after a dollar-quoted body over many lines', async () => {
    const sql = [
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  -- DROP TABLE users;',
      '  RETURN 1;',
      'END $$;',
      'TRUNCATE users;',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual(['truncate@6'])
  })
})
