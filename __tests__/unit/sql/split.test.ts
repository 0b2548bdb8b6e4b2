import { describe, expect, test } from 'vitest'
import { splitStatements } from '../../../src/sql/index.js'
import type { SplitResult } from '../../../src/sql/index.js'

/** Every statement must be exactly the file's text at its offset, and its line must match the offset. */
function expectConsistent(text: string, result: SplitResult): void {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)]
  const actual = result.statements.map((s) => [text.slice(s.offset, s.offset + s.text.length), s.line])
  const expected = result.statements.map((s) => [
    s.text,
    lineStarts.filter((start) => start <= s.offset).length,
  ])
  expect(actual).toEqual(expected)
}

async function split(text: string): Promise<SplitResult> {
  const result = await splitStatements(text)
  expectConsistent(text, result)
  return result
}

const texts = (r: SplitResult): string[] => r.statements.map((s) => s.text)
const lines = (r: SplitResult): number[] => r.statements.map((s) => s.line)

describe('splitStatements', () => {
  test('plain statements: text without semicolon, 1-based lines, 0-based offsets', async () => {
    const text = 'CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\nSELECT 1'
    const r = await split(text)
    expect(r.statements).toEqual([
      { text: 'CREATE TABLE a (id int)', line: 1, offset: 0 },
      { text: 'INSERT INTO a VALUES (1)', line: 3, offset: 26 },
      { text: 'SELECT 1', line: 4, offset: 52 },
    ])
    expect(r.syntaxError).toBeUndefined()
  })

  test('a function body in dollar quotes keeps its semicolons and COMMIT', async () => {
    const body = [
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  INSERT INTO a VALUES (1);',
      '  COMMIT;',
      'END;',
      '$$;',
      'SELECT f();',
    ].join('\n')
    const r = await split(body)
    expect(texts(r)).toEqual([body.slice(0, body.indexOf('$$;') + 2), 'SELECT f()'])
    expect(lines(r)).toEqual([1, 7])
  })

  test('DO blocks, nested dollar tags and tagged bodies', async () => {
    const text = [
      "DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; RAISE NOTICE 'x;y'; END $outer$;",
      'DO $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql;',
      'SELECT $a$ $b$ ; $b$ $a$ AS s;',
    ].join('\n')
    const r = await split(text)
    expect(texts(r)).toEqual([
      "DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; RAISE NOTICE 'x;y'; END $outer$",
      'DO $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql',
      'SELECT $a$ $b$ ; $b$ $a$ AS s',
    ])
    expect(lines(r)).toEqual([1, 2, 3])
  })

  test('semicolons inside strings, E-strings with escapes, and quoted identifiers', async () => {
    const text =
      "INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT E'\\';', E'x\\\\';CREATE TABLE \"we;ird\" (id int);"
    const r = await split(text)
    expect(texts(r)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
      "SELECT E'\\';', E'x\\\\'",
      'CREATE TABLE "we;ird" (id int)',
    ])
  })

  test('comments: -- and nested /* */ before, inside and after statements', async () => {
    const text = [
      '-- leading; comment',
      '/* block /* nested; */ still comment; */',
      'SELECT 1 /* inside; */ + 2 -- trailing; comment',
      ';',
      '  /* between */ SELECT 3; -- after the last statement',
    ].join('\n')
    const r = await split(text)
    expect(r.statements).toEqual([
      { text: 'SELECT 1 /* inside; */ + 2', line: 3, offset: text.indexOf('SELECT 1') },
      { text: 'SELECT 3', line: 5, offset: text.indexOf('SELECT 3') },
    ])
  })

  test('a last statement without semicolon loses its trailing comment and whitespace', async () => {
    const r = await split('SELECT 1;\nSELECT 2 -- note\n/* more */\n\n')
    expect(texts(r)).toEqual(['SELECT 1', 'SELECT 2'])
  })

  test('BEGIN ATOMIC bodies (SQL-standard functions) are one statement', async () => {
    const text = [
      'CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT a + b;',
      'END;',
      'SELECT add(1, 2);',
    ].join('\n')
    const r = await split(text)
    expect(texts(r)).toEqual([text.slice(0, text.indexOf('END;') + 3), 'SELECT add(1, 2)'])
    expect(lines(r)).toEqual([1, 5])
  })

  test('CRLF files: lines count CRLF once, texts keep their inner CRLF', async () => {
    const text = 'SELECT 1;\r\n\r\nCREATE TABLE t (\r\n  id int\r\n);\r\n-- c\r\nSELECT 2;\r\n'
    const r = await split(text)
    expect(r.statements).toEqual([
      { text: 'SELECT 1', line: 1, offset: 0 },
      { text: 'CREATE TABLE t (\r\n  id int\r\n)', line: 3, offset: 13 },
      { text: 'SELECT 2', line: 7, offset: text.indexOf('SELECT 2') },
    ])
  })

  test('a UTF-8 BOM before the first statement is not part of it', async () => {
    const r = await split('\uFEFFSELECT 1;\nSELECT 2;')
    expect(r.statements).toEqual([
      { text: 'SELECT 1', line: 1, offset: 1 },
      { text: 'SELECT 2', line: 2, offset: 11 },
    ])
    expect(r.syntaxError).toBeUndefined()
  })

  test('non-ASCII text before statements: offsets are string indexes, not UTF-8 bytes', async () => {
    // é: 2 bytes, 😀: 4 bytes and 2 UTF-16 units, 中: 3 bytes — every statement after them would be
    // misplaced if byte offsets leaked through.
    const text = [
      '-- café 😀 中文',
      "INSERT INTO \"tëst\" VALUES ('😀😀', 'ü;ö');",
      'COMMENT ON TABLE "tëst" IS \'中文; 注释\';',
      'SELECT 3;',
    ].join('\n')
    const r = await split(text)
    expect(r.statements).toEqual([
      { text: "INSERT INTO \"tëst\" VALUES ('😀😀', 'ü;ö')", line: 2, offset: 14 },
      { text: 'COMMENT ON TABLE "tëst" IS \'中文; 注释\'', line: 3, offset: text.indexOf('COMMENT') },
      { text: 'SELECT 3', line: 4, offset: text.indexOf('SELECT 3') },
    ])
    expect(r.statements[0].offset).toBe(text.indexOf('INSERT'))
  })

  test('texts with nothing to run give no statements', async () => {
    for (const t of ['', '   \n\t', '-- only a comment', '/* a */ -- b\n', ';;', ' ; ; ', '\uFEFF']) {
      expect((await split(t)).statements, JSON.stringify(t)).toEqual([])
    }
  })

  test('thousands of statements keep exact lines (one pass, no quadratic counting)', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `INSERT INTO t VALUES (${i}, 'ä${i}');`).join('\n')
    const r = await split(text)
    expect(r.statements).toHaveLength(3000)
    expect(r.statements[2999]).toEqual({
      text: "INSERT INTO t VALUES (2999, 'ä2999')",
      line: 3000,
      offset: text.lastIndexOf('INSERT'),
    })
  })
})

describe('splitStatements on syntax errors', () => {
  test('the error has the line of the bad token; statements before it are kept', async () => {
    const text = 'CREATE TABLE a (id int);\n-- next one is wrong\nSELEC 1;\nSELECT 2;'
    const r = await split(text)
    expect(texts(r)).toEqual(['CREATE TABLE a (id int)'])
    expect(r.syntaxError).toEqual({
      message: 'syntax error at or near "SELEC"',
      line: 3,
      offset: text.indexOf('SELEC 1'),
    })
  })

  test('error line and offset after non-BMP characters (PostgreSQL counts characters, not bytes)', async () => {
    const text = "SELECT '😀😀';\nSELECT 'é'\n  FROM t WHERE;"
    const r = await split(text)
    expect(texts(r)).toEqual(["SELECT '😀😀'"])
    expect(r.syntaxError?.line).toBe(3)
    expect(r.syntaxError?.offset).toBe(text.lastIndexOf(';'))
  })

  test('an error inside a BEGIN ATOMIC body salvages only the statements before the function', async () => {
    const text = [
      'SELECT 1;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT 1;',
      '  SELEC 2;',
      'END;',
    ].join('\n')
    const r = await split(text)
    expect(texts(r)).toEqual(['SELECT 1'])
    expect(r.syntaxError).toMatchObject({ message: 'syntax error at or near "SELEC"', line: 5 })
  })

  test('an unterminated string is reported at its opening quote', async () => {
    const text = "SELECT 1;\nSELECT 'abc;\nSELECT 2;"
    const r = await split(text)
    expect(r.syntaxError).toMatchObject({
      message: expect.stringContaining('unterminated quoted string') as string,
      line: 2,
    })
    expect(r.syntaxError?.offset).toBe(text.indexOf("'abc"))
  })

  test('an error in the first statement keeps nothing', async () => {
    const r = await split('CREAT TABLE a (id int);\nSELECT 1;')
    expect(r.statements).toEqual([])
    expect(r.syntaxError).toMatchObject({ line: 1, offset: 0 })
  })

  test('T-SQL (an MS SQL source) is reported as a syntax error, not a crash', async () => {
    const r = await split('CREATE TABLE [dbo].[t] ([id] INT IDENTITY(1,1) PRIMARY KEY);\nGO\n')
    expect(r.statements).toEqual([])
    expect(r.syntaxError?.line).toBe(1)
  })

  test('a zero byte is an error at its line (the C parser would stop there silently)', async () => {
    const r = await split('SELECT 1;\nSELECT 2;\nSELECT \0 3;')
    expect(r.statements).toEqual([])
    expect(r.syntaxError).toMatchObject({ line: 3, offset: 27 })
  })
})
