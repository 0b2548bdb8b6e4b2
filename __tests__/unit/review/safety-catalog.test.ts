import { describe, expect, test } from 'vitest'
import type { CatalogFunction } from '../../../src/catalog/types.js'
import { lintMigrations } from '../../../src/review/safety/index.js'
import { brief, catalog, column, lintFiles, lintOne, relation } from './safety-support.js'

const users = relation('users', [
  column('id', 'integer', false),
  column('name', 'character varying(20)'),
  column('score', 'numeric(10,2)'),
  column('email', 'text'),
  column('age', 'integer'),
])
const before = catalog([users])

describe('with the catalog before the run', () => {
  test('a table in the catalog is "an existing table"', async () => {
    const [finding] = await lintOne('CREATE INDEX ON users (email);', { catalog: before })
    expect(finding.message).toMatch(/^CREATE INDEX on public.users, an existing table, without CONCURRENTLY/)
  })

  test('a table neither in the catalog nor created by the run is not assumed: nothing to say', async () => {
    const sql = 'CREATE INDEX ON other (a);\nDROP TABLE IF EXISTS other;\nALTER TABLE other DROP COLUMN a;'
    expect(brief(await lintOne(sql, { catalog: before }))).toEqual([])
  })

  test('a column the table does not have: nothing (the statement fails, or IF EXISTS skips it)', async () => {
    const sql =
      'ALTER TABLE users DROP COLUMN IF EXISTS nope;\nALTER TABLE users ALTER COLUMN nope SET NOT NULL;'
    expect(brief(await lintOne(sql, { catalog: before }))).toEqual([])
  })

  test('an existing table dropped and created again by the run is a new table from then on', async () => {
    const sql = 'DROP TABLE users;\nCREATE TABLE users (id int);\nCREATE INDEX ON users (id);'
    expect(brief(await lintOne(sql, { catalog: before }))).toEqual(['drop-table@1'])
  })

  test('a schema not in the catalog was not there before the run', async () => {
    expect(brief(await lintOne('DROP SCHEMA IF EXISTS scratch;', { catalog: before }))).toEqual([])
    expect(brief(await lintOne('DROP SCHEMA public;', { catalog: before }))).toEqual(['drop-schema@1'])
  })
})

describe('column type changes against the catalog', () => {
  test.each([
    ['varchar(20) → text', 'name TYPE text'],
    ['varchar(20) → varchar (no limit)', 'name TYPE varchar'],
    ['varchar(20) → varchar(50)', 'name TYPE varchar(50)'],
    ['varchar(20) → character varying(20) (the same)', 'name TYPE character varying(20)'],
    ['text → varchar (no limit)', 'email TYPE varchar'],
    ['numeric(10,2) → numeric(12,2)', 'score TYPE numeric(12,2)'],
    ['numeric(10,2) → numeric', 'score TYPE numeric'],
    ['numeric(10,2) → decimal(12,2)', 'score TYPE decimal(12,2)'],
  ])('%s: no rewrite, no finding', async (_what, change) => {
    expect(brief(await lintOne(`ALTER TABLE users ALTER COLUMN ${change};`, { catalog: before }))).toEqual([])
  })

  test.each([
    ['varchar(20) → varchar(10)', 'name TYPE varchar(10)', 'from varchar(20) to varchar(10)'],
    ['text → varchar(10)', 'email TYPE varchar(10)', 'from text to varchar(10)'],
    ['numeric(10,2) → numeric(10,3)', 'score TYPE numeric(10,3)', 'from numeric(10,2) to numeric(10,3)'],
    ['integer → bigint', 'age TYPE bigint', 'from int4 to int8'],
    ['text → text[]', 'email TYPE text[]', 'from text to text[]'],
  ])('%s: reported with both types', async (_what, change, types) => {
    const found = await lintOne(`ALTER TABLE users ALTER COLUMN ${change};`, { catalog: before })
    expect(brief(found)).toEqual(['change-column-type@1'])
    expect(found[0].message).toContain(types)
    expect(found[0].message).not.toContain('unknown without a catalog')
  })

  test('a column the run added to an existing table: its type is known from the run', async () => {
    const sql =
      'ALTER TABLE users ADD COLUMN nick varchar(10);\nALTER TABLE users ALTER COLUMN nick TYPE text;'
    expect(brief(await lintOne(sql, { catalog: before }))).toEqual([])
  })

  test('without a catalog the old type is unknown, and the message says a widening would be free', async () => {
    const [finding] = await lintOne('ALTER TABLE users ALTER COLUMN name TYPE text;')
    expect(finding.rule).toBe('change-column-type')
    expect(finding.message).toContain(
      'to text (its current type is unknown without a catalog snapshot: only a widening such as varchar(n) to text or to a longer varchar is free)',
    )
  })
})

describe('SET NOT NULL against the catalog', () => {
  test('a column already NOT NULL: nothing to scan', async () => {
    expect(
      brief(await lintOne('ALTER TABLE users ALTER COLUMN id SET NOT NULL;', { catalog: before })),
    ).toEqual([])
  })

  test('a validated CHECK (col IS NOT NULL) in the catalog proves it; an unvalidated one does not', async () => {
    const check = (name: string, column: string, validated: boolean) => ({
      name,
      kind: 'check' as const,
      columns: [column],
      definition: `CHECK ((${column} IS NOT NULL))`,
      validated,
    })
    const quoted = {
      ...check('nick_nn', 'Nick', true),
      definition: 'CHECK (("Nick" IS NOT NULL))',
    }
    const cat = catalog([
      relation(
        'people',
        [column('email', 'text'), column('phone', 'text'), column('Nick', 'text')],
        [check('email_nn', 'email', true), check('phone_nn', 'phone', false), quoted],
      ),
    ])
    const sql = [
      'ALTER TABLE people ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE people ALTER COLUMN phone SET NOT NULL;',
      'ALTER TABLE people ALTER COLUMN "Nick" SET NOT NULL;',
    ].join('\n')
    expect(brief(await lintOne(sql, { catalog: cat }))).toEqual(['set-not-null@2'])
  })
})

describe('function volatility from the catalog', () => {
  const fn = (name: string, volatility: CatalogFunction['volatility']): CatalogFunction => ({
    schema: 'public',
    name,
    kind: 'function',
    arguments: [],
    identityArguments: '',
    returns: { type: 'text', typeRef: { schema: 'pg_catalog', name: 'text' }, setOf: false },
    volatility,
    language: 'sql',
    source: "SELECT 'x'",
  })

  test('a volatile user function as a default rewrites the table; a stable one does not', async () => {
    const cat = { ...before, functions: [fn('new_code', 'volatile'), fn('region', 'stable')] }
    const sql = [
      'ALTER TABLE users ADD COLUMN code text DEFAULT new_code();',
      'ALTER TABLE users ADD COLUMN region text DEFAULT public.region();',
    ].join('\n')
    const found = await lintOne(sql, { catalog: cat })
    expect(brief(found)).toEqual(['add-column-volatile-default@1'])
    expect(found[0].message).toContain('a volatile default (new_code() is evaluated per row)')
  })
})

describe('several databases in one run', () => {
  test('each database has its own catalog and its own picture of the run', async () => {
    const found = await lintMigrations(
      [
        { database: 'default', version: 1n, file: 'a/1/up.sql', sql: 'CREATE TABLE t (a int);' },
        {
          database: 'other',
          version: 1n,
          file: 'b/1/up.sql',
          sql: 'CREATE INDEX ON t (a);\nCREATE INDEX ON users (a);',
        },
        { database: 'default', version: 2n, file: 'a/2/up.sql', sql: 'CREATE INDEX ON t (a);' },
      ],
      { catalogBefore: new Map([['other', catalog([relation('t', [column('a', 'integer')])])]]) },
    )
    // other: t is in its catalog; users is not. default: t was created by the run.
    expect(found.map((f) => `${f.database} ${f.file}:${f.line} ${f.rule}`)).toEqual([
      'other b/1/up.sql:1 create-index-not-concurrently',
    ])
  })

  test("files are read in the order given: a later CREATE TABLE does not make an earlier file's table new", async () => {
    const found = await lintFiles(['CREATE INDEX ON t (a);', 'CREATE TABLE IF NOT EXISTS t (a int);'])
    expect(brief(found)).toEqual(['create-index-not-concurrently@1'])
  })
})
