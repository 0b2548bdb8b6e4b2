/** The snapshot query's raw JSON made into a normalised value: words for codes, absent for null, sorted. */
import { describe, expect, it } from 'vitest'
import { parseSnapshot } from '../../../src/catalog/snapshot.js'
import { TargetError } from '../../../src/errors.js'

const int4 = { typeSchema: 'pg_catalog', typeName: 'int4', type: 'integer' }

const raw = {
  serverVersion: 150004,
  schemas: ['public', 'Sales', 'a'],
  relations: [
    {
      schema: 'public',
      name: 't',
      kind: 'p',
      columns: [
        { name: 'b', ...int4, notNull: false, generated: 's', expression: '(a * 2)', identity: '' },
        { name: 'a', ...int4, notNull: true, generated: '', expression: null, identity: 'd' },
        { name: 'c', ...int4, notNull: false, generated: '', expression: '0', identity: '' },
      ],
      constraints: [
        {
          name: 'z',
          kind: 'c',
          columns: ['a'],
          definition: 'CHECK ((a > 0))',
          validated: false,
          references: null,
        },
        { name: 'Y', kind: 'x', columns: ['a'], definition: 'EXCLUDE …', validated: true, references: null },
      ],
      indexes: [],
      triggers: [],
      definition: null,
      comment: null,
    },
    {
      schema: 'Sales',
      name: 'v',
      kind: 'v',
      columns: [],
      constraints: [],
      indexes: [],
      triggers: [],
      definition: ' SELECT 1;',
      comment: 'a view',
    },
  ],
  functions: [
    {
      schema: 'public',
      name: 'f',
      kind: 'f',
      arguments: [
        { name: 'x', mode: 'i', ...int4 },
        { name: 'out1', mode: 'o', ...int4 },
        { name: '', mode: 'i', ...int4 },
      ],
      defaults: 1,
      identityArguments: 'x integer, integer',
      returnType: 'record',
      returnSchema: 'pg_catalog',
      returnName: 'record',
      setOf: false,
      volatility: 's',
      language: 'sql',
      source: 'select 1',
    },
  ],
  enums: [{ schema: 'public', name: 'e', values: ['b', 'a'] }],
  sequences: [
    { schema: 'public', name: 's2', ownedBy: null },
    { schema: 'public', name: 's1', ownedBy: { schema: 'public', name: 't', column: 'a' } },
  ],
  extensions: [
    { name: 'plpgsql', schema: 'pg_catalog', version: '1.0' },
    { name: 'citext', schema: 'public', version: '1.6' },
  ],
}

describe('parseSnapshot', () => {
  const s = parseSnapshot(JSON.stringify(raw))

  it('sorts by code unit, not by a collation (upper case first)', () => {
    expect(s.schemas).toEqual(['Sales', 'a', 'public'])
    expect(s.relations.map((r) => `${r.schema}.${r.name}`)).toEqual(['Sales.v', 'public.t'])
    expect(s.relations[1].constraints.map((c) => c.name)).toEqual(['Y', 'z'])
    expect(s.sequences.map((x) => x.name)).toEqual(['s1', 's2'])
    expect(s.extensions.map((x) => x.name)).toEqual(['citext', 'plpgsql'])
  })

  it('keeps positional orders: columns and enum values', () => {
    expect(s.relations[1].columns.map((c) => c.name)).toEqual(['b', 'a', 'c'])
    expect(s.enums[0].values).toEqual(['b', 'a'])
  })

  it('maps codes to words and leaves absent what is absent', () => {
    const [b, a, c] = s.relations[1].columns
    expect(s.relations[1].kind).toBe('partitioned table')
    expect(b).toEqual({
      name: 'b',
      type: 'integer',
      typeRef: { schema: 'pg_catalog', name: 'int4' },
      nullable: true,
      generated: '(a * 2)',
    })
    expect(a).toEqual({
      name: 'a',
      type: 'integer',
      typeRef: { schema: 'pg_catalog', name: 'int4' },
      nullable: false,
      identity: 'by default',
    })
    expect(c.default).toBe('0')
    expect(s.relations[1].constraints[1]).toEqual({
      name: 'z',
      kind: 'check',
      columns: ['a'],
      definition: 'CHECK ((a > 0))',
      validated: false,
    })
    expect(s.relations[1]).not.toHaveProperty('definition')
    expect(s.relations[1]).not.toHaveProperty('comment')
    expect(s.relations[0]).toMatchObject({ kind: 'view', definition: ' SELECT 1;', comment: 'a view' })
    expect(s.sequences[1]).toEqual({ schema: 'public', name: 's2' })
  })

  it('gives defaults to the last input arguments, skipping OUT ones, and drops empty names', () => {
    const [f] = s.functions
    expect(f.arguments.map((x) => [x.name, x.mode, x.hasDefault])).toEqual([
      ['x', 'in', false],
      ['out1', 'out', false],
      [undefined, 'in', true],
    ])
    expect(f.arguments[2]).not.toHaveProperty('name')
    expect(f.volatility).toBe('stable')
  })

  it('refuses what is not a snapshot, with a clear message', () => {
    expect(() => parseSnapshot('<html>')).toThrow(TargetError)
    expect(() => parseSnapshot('{}')).toThrow(/the answer has no relations/)
    expect(() =>
      parseSnapshot(JSON.stringify({ ...raw, relations: [{ ...raw.relations[0], kind: 'q' }] })),
    ).toThrow(/unknown relation kind 'q'/)
  })
})
