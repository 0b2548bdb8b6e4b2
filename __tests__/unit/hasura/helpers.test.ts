/** Pure parts of the Hasura target: URLs, positions, batches, bisection, the state probe's cells. */
import { describe, expect, it } from 'vitest'
import type { Step } from '../../../src/plan/types.js'
import { Batch } from '../../../src/targets/hasura/batch.js'
import { doneByAnotherRun } from '../../../src/execute/engine.js'
import { displayEndpoint, HasuraHttp } from '../../../src/targets/hasura/http.js'
import { locateFailure, locateStatement, type OwnedPart } from '../../../src/targets/hasura/locate.js'
import { inconsistentObjectsOf } from '../../../src/targets/hasura/metadata.js'
import { xmlCellJson } from '../../../src/targets/hasura/state-sql.js'
import { ByteOffsets } from '../../../src/sql/offsets.js'
import { blankBom, lineAt, offsetOfPosition } from '../../../src/sql/position.js'
import { skipTrivia } from '../../../src/sql/trivia.js'
import { dollarTag } from '../../../src/targets/hasura/sql-text.js'

describe('HasuraHttp URLs and redaction', () => {
  it('joins the endpoint path prefix with each API path (§1.3)', () => {
    const h = new HasuraHttp({ endpoint: 'https://h.example/x/', timeoutMs: 1000 })
    expect(h.url('query')).toBe('https://h.example/x/v1/query')
    expect(h.url('v2Query')).toBe('https://h.example/x/v2/query')
    expect(h.url('metadata')).toBe('https://h.example/x/v1/metadata')
    expect(h.url('version')).toBe('https://h.example/x/v1/version')
    const custom = new HasuraHttp({
      endpoint: 'https://h.example',
      timeoutMs: 1000,
      apiPaths: { v2Query: '/custom/v2' },
    })
    expect(custom.url('v2Query')).toBe('https://h.example/custom/v2')
  })

  it('masks credentials and the secret', () => {
    expect(displayEndpoint('https://u:p%40ss@h.example/x/')).toBe('https://u:***@h.example/x')
    const h = new HasuraHttp({
      endpoint: 'https://u:p%40ss@h.example',
      adminSecret: 's3cr3t!',
      timeoutMs: 1000,
    })
    expect(h.redact('a s3cr3t! b p@ss c')).toBe('a *** b *** c')
    expect(h.url('query')).toBe('https://h.example/v1/query')
  })

  it('refuses what is not an http(s) URL, naming the input', () => {
    expect(() => new HasuraHttp({ endpoint: 'localhost:8080', timeoutMs: 1 })).toThrow(
      /must be an http\(s\) URL/,
    )
    expect(() => new HasuraHttp({ endpoint: 'not a url', timeoutMs: 1 })).toThrow(
      'the Hasura endpoint is not a URL',
    )
  })
})

describe('SQL text positions', () => {
  it('maps PostgreSQL character positions to string offsets, also past astral characters', () => {
    const text = 'SELECT \u{1F600} x; SELECT y'
    // PostgreSQL counts the emoji as one character; JavaScript as two units.
    expect(text.slice(offsetOfPosition(text, 11))).toBe('; SELECT y')
    expect(new ByteOffsets('é;x').toIndex(3)).toBe(2)
    expect(lineAt('a\nb\nc', 4)).toBe(3)
    expect(skipTrivia('  -- c\n /* d */ SELECT', 0)).toBe(16)
    expect(blankBom('\uFEFFSELECT 1')).toBe(' SELECT 1')
    expect(dollarTag('x $hma$ y')).toBe('$hma1$')
  })

  it('reads query_to_xml cells, entities included', () => {
    expect(xmlCellJson('<row xmlns:xsi="x">\n  <j>[{"a":"x&lt;&amp;&gt;\\"\'"}]</j>\n</row>')).toEqual([
      { a: 'x<&>"\'' },
    ])
    expect(xmlCellJson(null)).toBeUndefined()
    expect(xmlCellJson('')).toBeUndefined()
  })
})

describe('Batch', () => {
  it('keeps every part’s offsets in the concatenated SQL', () => {
    const b = new Batch()
      .add('SELECT 1')
      .addPart({ file: 'a.sql', text: 'A1;\nA2' }, 0)
      .add('-- ours')
      .addPart({ file: 'b.sql', text: '\uFEFFB' }, 1)
    const sql = b.sql
    expect(sql).toBe('SELECT 1\n;\nA1;\nA2\n;\n-- ours\n;\n B')
    expect(sql.slice(b.placed[0].start, b.placed[0].end)).toBe('A1;\nA2')
    expect(b.partAt(sql.indexOf('A2'))?.part.file).toBe('a.sql')
    expect(b.partAt(sql.indexOf('B'))?.part.file).toBe('b.sql')
    expect(b.partAt(0)).toBeUndefined()
  })
})

describe('locateFailure', () => {
  const parts = (n: number): OwnedPart[] =>
    Array.from({ length: n }, (_, i) => ({
      part: { file: `f${i}.sql`, text: `SELECT ${i};\nSELECT ${i}/1;\n\nSELECT 'x${i}';` },
      owner: i,
      text: `SELECT ${i};\nSELECT ${i}/1;\n\nSELECT 'x${i}';`,
    }))

  it('bisects to the failing file, then its statement, in O(log n) rehearsals', async () => {
    const ps = parts(200)
    const calls: [number, number | undefined][] = []
    // Part 137 fails at its third statement.
    const probe = (count: number, cutAt?: number): Promise<boolean> => {
      calls.push([count, cutAt])
      if (count < 138) return Promise.resolve(false)
      if (count > 138 || cutAt === undefined) return Promise.resolve(true)
      return Promise.resolve(cutAt >= ps[137].part.text.indexOf("SELECT 'x"))
    }
    const located = await locateFailure(ps, { message: 'boom', sqlstate: 'XX000' }, new Batch(), probe)
    expect(located).toEqual({ partIndex: 137, line: 4, statement: "SELECT 'x137'" })
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(Math.log2(201)) + 2)
  })

  it('maps a position straight to the file and line, with no rehearsal', async () => {
    const ps = parts(3)
    const b = new Batch().add('SELECT lock')
    for (const p of ps) b.addPart(p.part, p.owner)
    const at = b.placed[2].start + ps[2].part.text.indexOf('SELECT 2/1')
    const located = await locateFailure(ps, { message: 'x', position: at + 1 }, b, () => {
      throw new Error('no rehearsal expected')
    })
    expect(located).toEqual({ partIndex: 2, line: 2, statement: 'SELECT 2/1' })
  })

  it('says nothing about a file when no prefix fails the same way (our own statements failed)', async () => {
    const located = await locateFailure(parts(4), { message: 'x' }, new Batch(), () => Promise.resolve(false))
    expect(located).toEqual({})
  })

  it('finds a no-transaction file’s failing statement by its text', () => {
    expect(locateStatement('A;\nB;\nC', 'B')).toEqual({ line: 2, statement: 'B' })
  })
})

describe('small pure helpers', () => {
  it('names inconsistent objects, also v1.3 ones without a name', () => {
    expect(
      inconsistentObjectsOf([
        {
          type: 'table',
          name: 'table t in source default',
          reason: 'r',
          definition: { schema: 'public', name: 't' },
        },
        {
          type: 'table',
          reason: 'no such table/view exists in postgres: "t1"',
          definition: { schema: 'pub', name: 't1' },
        },
      ]),
    ).toEqual([
      { type: 'table', name: 'table t in source default', reason: 'r' },
      { type: 'table', name: 'pub.t1', reason: 'no such table/view exists in postgres: "t1"' },
    ])
  })

  it('reports versions another run applied, not those this run applied', () => {
    const s = (v: bigint): Step => ({
      database: 'd',
      version: v,
      name: 'n',
      direction: 'up',
      transactional: true,
    })
    expect(
      doneByAnotherRun(
        [s(1n), s(2n), s(3n)],
        {
          versions: new Map([
            [1n, false],
            [2n, false],
          ]),
        },
        [s(2n), s(3n)],
      ),
    ).toEqual([1n])
  })
})
