/**
 * The scan that blanks comments, strings, quoted names and dollar-quoted bodies, and the keyword check
 * built on it: on generated texts mixing all of them, a text the parser finds a top-level transaction
 * statement in is never one the check lets through unparsed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeParsed, mayNeedAnalysis } from '../../../src/sql/index.js'
import { unquotedCode } from '../../../src/sql/unquoted-code.js'

describe('unquotedCode', () => {
  it('keeps the code and puts one space for each comment, string, quoted name and body', () => {
    expect(unquotedCode('SELECT \'a\'\'b\', "x""y" -- c\nFROM t /* d /* e */ */;')).toBe(
      'SELECT  ,    FROM t  ;',
    )
    expect(unquotedCode('CREATE FUNCTION f() AS $fn$ BEGIN END $fn$ LANGUAGE plpgsql')).toBe(
      'CREATE FUNCTION f() AS   LANGUAGE plpgsql',
    )
    expect(unquotedCode('SELECT $1, a$b$ FROM t')).toBe('SELECT $1, a$b$ FROM t')
  })

  it('gives up on a backslash in a string and on anything never closed', () => {
    expect(unquotedCode("SELECT '\\'")).toBeUndefined()
    expect(unquotedCode("SELECT E'\\n'")).toBeUndefined()
    expect(unquotedCode("SELECT 'x")).toBeUndefined()
    expect(unquotedCode('SELECT "x')).toBeUndefined()
    expect(unquotedCode('SELECT $$ x')).toBeUndefined()
    expect(unquotedCode('/* /* x */')).toBeUndefined()
    // a backslash outside strings is an operator character, and inside a name just a character
    expect(unquotedCode('SELECT "a\\b"')).toBe('SELECT  ')
  })
})

const WORDS = ['begin', 'COMMIT', 'end', 'vacuum', 'concurrently', 'start', 'rollback', 'x', 'savepoint s']
const word = fc.constantFrom(...WORDS)
const tag = fc.constantFrom('', 't', 'T', 'fn_1')

/** Pieces of migrations: statements PostgreSQL reports, and every kind of text that hides words. */
const piece = fc.oneof(
  fc.constantFrom(
    'BEGIN;',
    'COMMIT;',
    'END;',
    'START TRANSACTION;',
    'SAVEPOINT s;',
    'ROLLBACK;',
    'VACUUM;',
    'CREATE INDEX CONCURRENTLY i ON t (a);',
    'SELECT 1;',
    'SELECT $1;',
    'SELECT a$b$ FROM t;',
    'CREATE TABLE t (id int);',
  ),
  word.map((w) => `-- ${w}\n`),
  word.map((w) => `/* ${w} /* ${w} */ */`),
  word.map((w) => `SELECT '${w}''s';`),
  word.map((w) => `SELECT E'\\'${w}';`),
  word.map((w) => `SELECT "${w}""";`),
  fc.tuple(tag, word, word).map(([t, a, b]) => `DO $${t}$ ${a}; ${b} $${t}$;`),
  fc.tuple(tag, word).map(([t, w]) => `SELECT $${t}$ ${w} $${t.toUpperCase()}x$ $${t}$;`),
  fc.constant('CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;'),
)

describe('mayNeedAnalysis against the parser', () => {
  it('never passes over a text in which the parser finds a statement to report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.constantFrom(' ', '\n'), async (pieces, sep) => {
        const text = pieces.join(sep)
        const parsed = await analyzeParsed(text)
        const found = parsed.nonTransactional.length + parsed.transactionControl.length
        if (found > 0) expect(mayNeedAnalysis(text), text).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})
