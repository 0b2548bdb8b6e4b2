import { describe, expect, test } from 'vitest'
import { isOnlyTrivia, lineAt, lineOfPosition, locate, offsetOfPosition } from '../../../src/sql/index.js'

describe('lineAt / locate', () => {
  const text = 'a\nbc\r\n\r\nd😀e\n'
  test.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [5, 2], // the \n of a CRLF still belongs to line 2
    [6, 3],
    [8, 4],
    [text.length, 5],
    [text.length + 10, 5],
  ])('offset %i is on line %i', (offset, line) => {
    expect(lineAt(text, offset)).toBe(line)
  })

  test('a lone CR is not a line break', () => {
    expect(lineAt('a\rb\rc', 4)).toBe(1)
  })

  test('columns count characters, so a surrogate pair is one column', () => {
    expect(locate(text, text.indexOf('e'))).toEqual({ line: 4, column: 3 })
    expect(locate(text, 0)).toEqual({ line: 1, column: 1 })
    expect(locate(text, 3)).toEqual({ line: 2, column: 2 })
  })
})

describe('PostgreSQL error positions', () => {
  // PostgreSQL's `position` is a 1-based character index into the query as sent.
  test('ASCII: position 1 is the first character', () => {
    expect(offsetOfPosition('SELECT x FROM t', 8)).toBe(7)
    expect(offsetOfPosition('SELECT x FROM t', 1)).toBe(0)
  })

  test('characters outside the BMP count once although they take two string units', () => {
    const q = "SELECT '😀😀', nope"
    // 'n' is the 14th character (position 14) but at string index 15.
    expect(q.indexOf('nope')).toBe(15)
    expect(offsetOfPosition(q, 14)).toBe(15)
  })

  test('out-of-range positions are clamped', () => {
    expect(offsetOfPosition('abc', 0)).toBe(0)
    expect(offsetOfPosition('abc', 99)).toBe(3)
  })

  test('lineOfPosition maps a position inside a statement to the file line', () => {
    const statement = "INSERT INTO t\r\nVALUES ('ü😀',\n  nope)"
    const position = [...statement].indexOf('n') + 1
    expect(lineOfPosition(statement, 12, position)).toBe(14)
    expect(lineOfPosition(statement, 12, 1)).toBe(12)
  })
})

describe('isOnlyTrivia', () => {
  test.each([
    ['', true],
    ['  \n\t\r\f\v', true],
    [
      '-- Could not auto-generate a down migration.\n-- Please write an appropriate down migration for the SQL below:\n-- DROP TABLE "public"."t";',
      true,
    ],
    ['/* a /* nested */ still */\n-- x', true],
    ['\uFEFF-- with a BOM\n', true],
    ['/* unterminated', true],
    ['-- x\nSELECT 1;', false],
    ['/* a /* nested */ */ DROP TABLE t', false],
    ['/* a */ ;', false],
    ['-', false],
  ])('%j → %s', (text, expected) => {
    expect(isOnlyTrivia(text)).toBe(expected)
  })
})
