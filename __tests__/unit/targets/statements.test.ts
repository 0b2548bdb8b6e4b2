import { describe, expect, it } from 'vitest'
import { lineAt, offsetOfPosition } from '../../../src/sql/position.js'
import { splitStatements } from '../../../src/targets/sql/statements.js'

describe('splitStatements (local splitter)', () => {
  it('splits on top-level semicolons only, with start lines and offsets', () => {
    const text = [
      '-- hasura:no-transaction',
      "CREATE INDEX CONCURRENTLY i ON t (a); SELECT ';' -- x;",
      ", $$;$$, $tag$ a; $$ ; $tag$, \"we;ird\", E'it\\'s;' ;",
      '/* outer /* nested; */ still; */ DO $body$ BEGIN PERFORM 1; END $body$;',
      ';;  -- only a comment ;',
      'SELECT a$b$c FROM t',
    ].join('\n')
    const statements = splitStatements(text)
    expect(statements.map((s) => [s.line, s.text])).toEqual([
      [2, 'CREATE INDEX CONCURRENTLY i ON t (a)'],
      [2, "SELECT ';' -- x;\n, $$;$$, $tag$ a; $$ ; $tag$, \"we;ird\", E'it\\'s;'"],
      [4, 'DO $body$ BEGIN PERFORM 1; END $body$'],
      [6, 'SELECT a$b$c FROM t'],
    ])
    for (const s of statements) expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text)
  })

  it('returns nothing for comments and whitespace', () => {
    expect(splitStatements('  -- a\n/* b */\n;\n')).toEqual([])
  })

  it('keeps an unterminated string to the end (PostgreSQL reports the error)', () => {
    expect(splitStatements("SELECT 1; SELECT 'oops;").map((s) => s.text)).toEqual([
      'SELECT 1',
      "SELECT 'oops;",
    ])
  })
})

describe('positions', () => {
  it('maps PostgreSQL character positions to string indexes across astral characters', () => {
    const q = "select '😀é'; select nosuch"
    // PostgreSQL counts 😀 as one character: `nosuch` is at position 21.
    expect(q.slice(offsetOfPosition(q, 21))).toBe('nosuch')
    expect(offsetOfPosition(q, 1)).toBe(0)
    expect(offsetOfPosition(q, 10_000)).toBe(q.length)
  })

  it('counts lines by \\n', () => {
    expect(lineAt('a\r\nb\nc', 0)).toBe(1)
    expect(lineAt('a\r\nb\nc', 3)).toBe(2)
    expect(lineAt('a\r\nb\nc', 5)).toBe(3)
  })
})
