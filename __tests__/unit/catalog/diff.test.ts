/** Schema changes between two snapshots: one case per kind of object and change, and two properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffSnapshots, type SchemaChanges } from '../../../src/catalog/diff.js'
import type {
  CatalogColumn,
  CatalogFunction,
  CatalogRelation,
  CatalogSnapshot,
  RelationKind,
} from '../../../src/catalog/types.js'

const ref = (type: string) => ({ schema: 'pg_catalog', name: type })

const column = (name: string, type: string, extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name,
  type,
  typeRef: ref(type),
  nullable: true,
  ...extra,
})

const relation = (
  name: string,
  kind: RelationKind,
  columns: CatalogColumn[],
  extra: Partial<CatalogRelation> = {},
): CatalogRelation => ({
  schema: 'public',
  name,
  kind,
  columns,
  constraints: [],
  indexes: [],
  triggers: [],
  ...extra,
})

const fn = (name: string, types: string[], extra: Partial<CatalogFunction> = {}): CatalogFunction => ({
  schema: 'public',
  name,
  kind: 'function',
  arguments: types.map((type, i) => ({
    name: `a${i}`,
    mode: 'in',
    type,
    typeRef: ref(type),
    hasDefault: false,
  })),
  identityArguments: types.map((t, i) => `a${i} ${t}`).join(', '),
  returns: { type: 'integer', typeRef: ref('int4'), setOf: false },
  volatility: 'volatile',
  language: 'sql',
  source: 'SELECT 1',
  ...extra,
})

/** The "before" of every case. */
function base(): CatalogSnapshot {
  return {
    serverVersion: 150000,
    schemas: ['Sales', 'public'],
    relations: [
      relation(
        'Orders',
        'table',
        [column('id', 'bigint', { nullable: false, identity: 'always' }), column('status', 'text')],
        { schema: 'Sales' },
      ),
      relation('author_emails', 'view', [column('email', 'text')], {
        definition: ' SELECT email FROM authors;',
      }),
      relation(
        'authors',
        'table',
        [
          column('id', 'integer', { nullable: false, default: "nextval('authors_id_seq'::regclass)" }),
          column('email', 'text', { nullable: false }),
          column('created_at', 'timestamp with time zone', { default: 'now()' }),
        ],
        {
          constraints: [
            {
              name: 'authors_pkey',
              kind: 'primary key',
              columns: ['id'],
              definition: 'PRIMARY KEY (id)',
              validated: true,
            },
          ],
          indexes: [
            {
              name: 'authors_pkey',
              unique: true,
              primary: true,
              columns: ['id'],
              definition: 'CREATE UNIQUE INDEX authors_pkey ON public.authors USING btree (id)',
              valid: true,
            },
          ],
          triggers: [
            {
              name: 'authors_touch',
              definition:
                'CREATE TRIGGER authors_touch BEFORE UPDATE ON public.authors FOR EACH ROW EXECUTE FUNCTION touch()',
              function: { schema: 'public', name: 'touch' },
              enabled: true,
            },
          ],
        },
      ),
    ],
    functions: [fn('add', ['integer', 'integer'])],
    enums: [{ schema: 'public', name: 'mood', values: ['sad', 'ok'] }],
    sequences: [
      { schema: 'Sales', name: 'Orders_id_seq', ownedBy: { schema: 'Sales', name: 'Orders', column: 'id' } },
      {
        schema: 'public',
        name: 'authors_id_seq',
        ownedBy: { schema: 'public', name: 'authors', column: 'id' },
      },
    ],
    extensions: [{ name: 'plpgsql', schema: 'pg_catalog', version: '1.0' }],
  }
}

const rel = (s: CatalogSnapshot, name: string): CatalogRelation => {
  const r = s.relations.find((x) => x.name === name)
  if (!r) throw new Error(`no ${name}`)
  return r
}
const without = <T extends { name: string }>(xs: T[], name: string): T[] => xs.filter((x) => x.name !== name)

type Case = [string, (s: CatalogSnapshot) => void, Partial<SchemaChanges>]

const cases: Case[] = [
  [
    'a schema added',
    (s) => s.schemas.push('audit'),
    { added: [{ kind: 'schema', name: 'audit', detail: '' }] },
  ],
  [
    'a table added: the table alone, not its columns, keys or sequences',
    (s) => {
      s.relations.push(
        relation('posts', 'table', [column('id', 'integer', { nullable: false, identity: 'by default' })], {
          constraints: [
            {
              name: 'posts_pkey',
              kind: 'primary key',
              columns: ['id'],
              definition: 'PRIMARY KEY (id)',
              validated: true,
            },
          ],
        }),
      )
      s.sequences.push({
        schema: 'public',
        name: 'posts_id_seq',
        ownedBy: { schema: 'public', name: 'posts', column: 'id' },
      })
    },
    { added: [{ kind: 'table', name: 'posts', detail: '1 column' }] },
  ],
  [
    'a table dropped, in a schema other than public',
    (s) => {
      s.relations = without(s.relations, 'Orders')
      s.sequences = without(s.sequences, 'Orders_id_seq')
    },
    { dropped: [{ kind: 'table', name: 'Sales.Orders', detail: '2 columns' }] },
  ],
  [
    'a partitioned table added',
    (s) =>
      s.relations.push(
        relation('events', 'partitioned table', [column('at', 'date'), column('id', 'bigint')]),
      ),
    { added: [{ kind: 'table', name: 'events', detail: 'partitioned, 2 columns' }] },
  ],
  [
    "a column's type changed",
    (s) => (rel(s, 'authors').columns[0].type = 'bigint'),
    { altered: [{ kind: 'column', name: 'authors.id', detail: 'integer → bigint' }] },
  ],
  [
    'NOT NULL added',
    (s) => (rel(s, 'authors').columns[2].nullable = false),
    { altered: [{ kind: 'column', name: 'authors.created_at', detail: 'NOT NULL added' }] },
  ],
  [
    'NOT NULL dropped and a default removed, in one entry',
    (s) => {
      rel(s, 'authors').columns[1].nullable = true
      delete rel(s, 'authors').columns[2].default
    },
    {
      altered: [
        { kind: 'column', name: 'authors.created_at', detail: 'default now() → none' },
        { kind: 'column', name: 'authors.email', detail: 'NOT NULL dropped' },
      ],
    },
  ],
  [
    'identity and generation changed',
    (s) => {
      rel(s, 'Orders').columns[0].identity = 'by default'
      rel(s, 'Orders').columns[1].generated = "('x'::text)"
    },
    {
      altered: [
        { kind: 'column', name: 'Sales.Orders.id', detail: 'identity always → by default' },
        { kind: 'column', name: 'Sales.Orders.status', detail: "generated none → ('x'::text)" },
      ],
    },
  ],
  [
    'a serial column added: the column, not its sequence',
    (s) => {
      rel(s, 'Orders').columns.push(
        column('n', 'integer', { nullable: false, default: `nextval('"Sales"."Orders_n_seq"'::regclass)` }),
      )
      s.sequences.push({
        schema: 'Sales',
        name: 'Orders_n_seq',
        ownedBy: { schema: 'Sales', name: 'Orders', column: 'n' },
      })
    },
    {
      added: [
        {
          kind: 'column',
          name: 'Sales.Orders.n',
          detail: `integer NOT NULL DEFAULT nextval('"Sales"."Orders_n_seq"'::regclass)`,
        },
      ],
    },
  ],
  [
    'a column dropped',
    (s) => (rel(s, 'authors').columns = rel(s, 'authors').columns.slice(0, 2)),
    {
      dropped: [
        { kind: 'column', name: 'authors.created_at', detail: 'timestamp with time zone DEFAULT now()' },
      ],
    },
  ],
  [
    'a constraint added NOT VALID',
    (s) =>
      rel(s, 'authors').constraints.push({
        name: 'email_lower',
        kind: 'check',
        columns: ['email'],
        definition: 'CHECK ((email = lower(email))) NOT VALID',
        validated: false,
      }),
    {
      added: [
        {
          kind: 'constraint',
          name: 'authors.email_lower',
          detail: 'CHECK ((email = lower(email))) NOT VALID',
        },
      ],
    },
  ],
  [
    'an index added (partial), one changed and left invalid',
    (s) => {
      const a = rel(s, 'authors')
      a.indexes.push({
        name: 'authors_email_idx',
        unique: false,
        primary: false,
        columns: ['email'],
        definition:
          "CREATE INDEX authors_email_idx ON public.authors USING btree (email) WHERE (email <> ''::text)",
        valid: true,
      })
      a.indexes[0].definition = 'CREATE UNIQUE INDEX authors_pkey ON public.authors USING btree (id, email)'
      a.indexes[0].valid = false
    },
    {
      added: [
        {
          kind: 'index',
          name: 'authors.authors_email_idx',
          detail: "btree (email) WHERE (email <> ''::text)",
        },
      ],
      altered: [
        { kind: 'index', name: 'authors.authors_pkey', detail: 'btree (id) → btree (id, email); invalid' },
      ],
    },
  ],
  [
    "a view's definition changed",
    (s) => (rel(s, 'author_emails').definition = ' SELECT lower(email) AS email FROM authors;'),
    { altered: [{ kind: 'view', name: 'author_emails', detail: 'definition changed' }] },
  ],
  [
    'a view replaced by a table of the same name',
    (s) =>
      (s.relations = [
        ...without(s.relations, 'author_emails'),
        relation('author_emails', 'table', [column('email', 'text')]),
      ]),
    {
      added: [{ kind: 'table', name: 'author_emails', detail: '1 column' }],
      dropped: [{ kind: 'view', name: 'author_emails', detail: '1 column' }],
    },
  ],
  [
    'a materialized view added, a comment changed',
    (s) => {
      s.relations.push(
        relation('totals', 'materialized view', [column('n', 'bigint')], { definition: ' SELECT 1;' }),
      )
      rel(s, 'authors').comment = 'who writes'
    },
    {
      added: [{ kind: 'materialized view', name: 'totals', detail: '1 column' }],
      altered: [{ kind: 'table', name: 'authors', detail: 'comment changed' }],
    },
  ],
  [
    'an overload added, named by its argument types',
    (s) =>
      s.functions.push(
        fn('add', ['text', 'text'], { returns: { type: 'text', typeRef: ref('text'), setOf: false } }),
      ),
    { added: [{ kind: 'function', name: 'add(text, text)', detail: 'returns text, sql, volatile' }] },
  ],
  [
    "a function's body, return type, volatility and a default changed",
    (s) => {
      const f = s.functions[0]
      f.source = 'SELECT 2'
      f.returns = { type: 'bigint', typeRef: ref('int8'), setOf: true }
      f.volatility = 'immutable'
      f.arguments[1].hasDefault = true
    },
    {
      altered: [
        {
          kind: 'function',
          name: 'add(integer, integer)',
          detail:
            'arguments (a0 integer, a1 integer) → (a0 integer, a1 integer DEFAULT …); returns integer → SETOF bigint; volatile → immutable; body changed',
        },
      ],
    },
  ],
  [
    'a function dropped, a procedure added',
    (s) =>
      (s.functions = [
        fn('archive', ['integer'], { schema: 'Sales', kind: 'procedure', language: 'plpgsql' }),
      ]),
    {
      added: [{ kind: 'function', name: 'Sales.archive(integer)', detail: 'procedure, plpgsql, volatile' }],
      dropped: [
        { kind: 'function', name: 'add(integer, integer)', detail: 'returns integer, sql, volatile' },
      ],
    },
  ],
  [
    'an enum value added: an enum value entry',
    (s) => s.enums[0].values.push('happy'),
    { added: [{ kind: 'enum value', name: 'mood.happy', detail: "after 'ok'" }] },
  ],
  [
    'an enum added, values reordered in another',
    (s) => {
      s.enums.push({ schema: 'Sales', name: 'Status', values: ['new', "o'k"] })
      s.enums[0].values = ['ok', 'sad']
    },
    {
      added: [{ kind: 'enum', name: 'Sales.Status', detail: "'new', 'o''k'" }],
      altered: [{ kind: 'enum', name: 'mood', detail: "values 'sad', 'ok' → 'ok', 'sad'" }],
    },
  ],
  [
    'a trigger disabled, another added',
    (s) => {
      const a = rel(s, 'authors')
      a.triggers[0].enabled = false
      a.triggers.push({
        name: 'Audit it',
        definition:
          'CREATE TRIGGER "Audit it" AFTER INSERT ON public.authors FOR EACH STATEMENT EXECUTE FUNCTION audit()',
        function: { schema: 'public', name: 'audit' },
        enabled: true,
      })
    },
    {
      added: [
        {
          kind: 'trigger',
          name: 'authors.Audit it',
          detail: 'AFTER INSERT ON public.authors FOR EACH STATEMENT EXECUTE FUNCTION audit()',
        },
      ],
      altered: [{ kind: 'trigger', name: 'authors.authors_touch', detail: 'disabled' }],
    },
  ],
  [
    'a sequence added, another one no longer owned',
    (s) => {
      s.sequences.push({ schema: 'public', name: 'invoice_numbers' })
      delete s.sequences[1].ownedBy
    },
    {
      added: [{ kind: 'sequence', name: 'invoice_numbers', detail: '' }],
      altered: [{ kind: 'sequence', name: 'authors_id_seq', detail: 'owned by authors.id → none' }],
    },
  ],
  [
    'an extension added, another one updated',
    (s) => {
      s.extensions.push({ name: 'pgcrypto', schema: 'public', version: '1.3' })
      s.extensions[0].version = '1.1'
    },
    {
      added: [{ kind: 'extension', name: 'pgcrypto', detail: 'version 1.3, in schema public' }],
      altered: [{ kind: 'extension', name: 'plpgsql', detail: 'version 1.0 → 1.1' }],
    },
  ],
]

describe('diffSnapshots', () => {
  it.each(cases)('%s', (_, change, expected) => {
    const after = base()
    change(after)
    expect(diffSnapshots(base(), after)).toEqual({ added: [], dropped: [], altered: [], ...expected })
  })

  it('a constraint validated, another one redefined', () => {
    const before = base()
    rel(before, 'authors').constraints.push(
      {
        name: 'a_check',
        kind: 'check',
        columns: ['id'],
        definition: 'CHECK ((id > 0)) NOT VALID',
        validated: false,
      },
      { name: 'b_check', kind: 'check', columns: ['id'], definition: 'CHECK ((id > 0))', validated: true },
    )
    const after = base()
    rel(after, 'authors').constraints.push(
      { name: 'a_check', kind: 'check', columns: ['id'], definition: 'CHECK ((id > 0))', validated: true },
      { name: 'b_check', kind: 'check', columns: ['id'], definition: 'CHECK ((id > 1))', validated: true },
    )
    expect(diffSnapshots(before, after).altered).toEqual([
      { kind: 'constraint', name: 'authors.a_check', detail: 'now validated' },
      { kind: 'constraint', name: 'authors.b_check', detail: 'CHECK ((id > 0)) → CHECK ((id > 1))' },
    ])
  })

  it('lists the objects of a dropped schema, containers first', () => {
    const after = base()
    after.schemas = ['public']
    after.relations = without(after.relations, 'Orders')
    after.sequences = without(after.sequences, 'Orders_id_seq')
    expect(diffSnapshots(base(), after).dropped).toEqual([
      { kind: 'schema', name: 'Sales', detail: '' },
      { kind: 'table', name: 'Sales.Orders', detail: '2 columns' },
    ])
  })
})

// — properties, on snapshots drawn from a small pool so that two of them share objects —

const columnArb = (name: string): fc.Arbitrary<CatalogColumn> =>
  fc
    .record({
      type: fc.constantFrom('integer', 'bigint', 'text'),
      nullable: fc.boolean(),
      default: fc.option(fc.constantFrom('0', 'now()'), { nil: undefined }),
    })
    .map(({ type, nullable, default: d }) => column(name, type, { nullable, ...(d ? { default: d } : {}) }))

const relationArb = (schema: string, name: string): fc.Arbitrary<CatalogRelation> =>
  fc
    .record({
      kind: fc.constantFrom<RelationKind>('table', 'partitioned table', 'view', 'materialized view'),
      columns: fc.tuple(columnArb('id'), columnArb('name')).chain(([a, b]) => fc.subarray([a, b])),
      check: fc.option(
        fc.record({ body: fc.constantFrom('CHECK ((id > 0))', 'CHECK ((id > 1))'), validated: fc.boolean() }),
        { nil: undefined },
      ),
      index: fc.option(fc.record({ cols: fc.constantFrom('(id)', '(id, name)'), valid: fc.boolean() }), {
        nil: undefined,
      }),
      trigger: fc.option(fc.boolean(), { nil: undefined }),
      definition: fc.constantFrom(' SELECT 1;', ' SELECT 2;'),
      comment: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    })
    .map((r) =>
      relation(name, r.kind, r.columns, {
        schema,
        ...(r.kind.endsWith('view') ? { definition: r.definition } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        constraints: r.check
          ? [
              {
                name: `${name}_check`,
                kind: 'check',
                columns: ['id'],
                definition: r.check.validated ? r.check.body : `${r.check.body} NOT VALID`,
                validated: r.check.validated,
              },
            ]
          : [],
        indexes: r.index
          ? [
              {
                name: `${name}_idx`,
                unique: false,
                primary: false,
                columns: ['id'],
                definition: `CREATE INDEX ${name}_idx ON ${schema}.${name} USING btree ${r.index.cols}`,
                valid: r.index.valid,
              },
            ]
          : [],
        triggers:
          r.trigger === undefined
            ? []
            : [
                {
                  name: 't',
                  definition: `CREATE TRIGGER t AFTER INSERT ON ${name} FOR EACH ROW EXECUTE FUNCTION f()`,
                  function: { schema: 'public', name: 'f' },
                  enabled: r.trigger,
                },
              ],
      }),
    )

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.option(arb, { nil: undefined }).map((x) => (x ? [x] : []))

const snapshotArb: fc.Arbitrary<CatalogSnapshot> = fc
  .record({
    schemas: fc.subarray(['Sales', 'public']),
    relations: fc.tuple(
      optional(relationArb('public', 'a')),
      optional(relationArb('public', 'b')),
      optional(relationArb('Sales', 'a')),
    ),
    functions: fc.tuple(
      optional(fc.constantFrom('SELECT 1', 'SELECT 2').map((source) => fn('f', ['integer'], { source }))),
      optional(
        fc
          .constantFrom<CatalogFunction['volatility']>('stable', 'volatile')
          .map((volatility) => fn('f', ['text'], { volatility })),
      ),
    ),
    enum: optional(
      fc.shuffledSubarray(['a', 'b', 'c']).map((values) => ({ schema: 'public', name: 'e', values })),
    ),
    sequence: optional(
      fc.boolean().map((owned) => ({
        schema: 'public',
        name: 'a_id_seq',
        ...(owned ? { ownedBy: { schema: 'public', name: 'a', column: 'id' } } : {}),
      })),
    ),
    extension: optional(
      fc.constantFrom('1.0', '1.1').map((version) => ({ name: 'citext', schema: 'public', version })),
    ),
  })
  .map((r) => ({
    serverVersion: 150000,
    schemas: r.schemas,
    relations: r.relations.flat(),
    functions: r.functions.flat(),
    enums: r.enum,
    sequences: r.sequence,
    extensions: r.extension,
  }))

describe('diffSnapshots, properties', () => {
  it('finds nothing between a snapshot and itself', () => {
    fc.assert(
      fc.property(snapshotArb, (s) => {
        expect(diffSnapshots(s, structuredClone(s))).toEqual({ added: [], dropped: [], altered: [] })
      }),
    )
  })

  it('swaps added and dropped when the sides are swapped; alters the same objects', () => {
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (a, b) => {
        const forth = diffSnapshots(a, b)
        const back = diffSnapshots(b, a)
        expect(back.added).toEqual(forth.dropped)
        expect(back.dropped).toEqual(forth.added)
        const names = (x: SchemaChanges) => x.altered.map((c) => `${c.kind} ${c.name}`)
        expect(names(back)).toEqual(names(forth))
      }),
    )
  })
})
