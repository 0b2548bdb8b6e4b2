/**
 * The safety rules with a catalog snapshot taken from a real PostgreSQL database: the types, nullability,
 * check constraints and function volatility the rules read come as the snapshot really writes them.
 */
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sessionSnapshotQuery } from '../../../src/catalog/snapshot-sources.js'
import { takeSnapshot } from '../../../src/catalog/snapshot.js'
import type { CatalogSnapshot } from '../../../src/catalog/types.js'
import { readConfig, readMigrations } from '../../../src/project/index.js'
import { lintMigrations, type SafetyFinding } from '../../../src/review/safety/index.js'
import { PgSession } from '../../../src/targets/postgres/pg-session.js'
import { createDatabase } from '../../support/database.js'
import { corpusDir, describeShared } from '../../support/shared.js'

const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/** A fresh database holding `sql`, and its catalog snapshot. */
async function snapshotOf(sql: string): Promise<CatalogSnapshot> {
  const db = await createDatabase('safety')
  cleanups.push(() => db.drop())
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    await client.query(sql)
    return await takeSnapshot(sessionSnapshotQuery(new PgSession(client, {})))
  } finally {
    await client.end()
  }
}

const lint = (sql: string, before: CatalogSnapshot): Promise<SafetyFinding[]> =>
  lintMigrations([{ database: 'default', version: 1n, file: 'up.sql', sql }], {
    catalogBefore: new Map([['default', before]]),
  })

const brief = (findings: SafetyFinding[]): string[] => findings.map((f) => `${f.rule}@${f.line}`)

describe('against a snapshot of a real database', () => {
  let before: CatalogSnapshot

  beforeAll(async () => {
    before = await snapshotOf(`
      CREATE SCHEMA "Sales";
      CREATE TABLE public.users (
        id serial PRIMARY KEY,
        name varchar(20),
        "Nick" varchar(10),
        score numeric(10, 2),
        email text,
        phone text,
        CONSTRAINT email_nn CHECK (email IS NOT NULL),
        CONSTRAINT nick_nn CHECK ("Nick" IS NOT NULL)
      );
      ALTER TABLE public.users ADD CONSTRAINT phone_nn CHECK (phone IS NOT NULL) NOT VALID;
      CREATE TABLE "Sales"."Orders" (id int, user_id int);
      CREATE FUNCTION public.new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
      CREATE FUNCTION public.region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$;
    `)
  })

  test('widenings read from format_type are free; narrowing and other types are not', async () => {
    const sql = [
      'ALTER TABLE users ALTER COLUMN name TYPE text;',
      'ALTER TABLE users ALTER COLUMN "Nick" TYPE varchar(40);',
      'ALTER TABLE users ALTER COLUMN score TYPE numeric(14,2);',
      'ALTER TABLE users ALTER COLUMN score TYPE numeric(14,4);',
      'ALTER TABLE users ALTER COLUMN id TYPE bigint;',
    ].join('\n')
    const found = await lint(sql, before)
    expect(brief(found)).toEqual(['change-column-type@4', 'change-column-type@5'])
    expect(found[0].message).toContain('from numeric(14,2) to numeric(14,4)')
    expect(found[1].message).toContain('from int4 to int8')
  })

  test('SET NOT NULL: proven by a validated check (quoted names too), not by a NOT VALID one', async () => {
    const sql = [
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE users ALTER COLUMN "Nick" SET NOT NULL;',
      'ALTER TABLE users ALTER COLUMN phone SET NOT NULL;',
      'ALTER TABLE users ALTER COLUMN id SET NOT NULL;',
    ].join('\n')
    expect(brief(await lint(sql, before))).toEqual(['set-not-null@3'])
  })

  test('function volatility from the catalog decides the default rule', async () => {
    const sql = [
      'ALTER TABLE users ADD COLUMN code text DEFAULT new_code();',
      'ALTER TABLE users ADD COLUMN region text DEFAULT region();',
    ].join('\n')
    expect(brief(await lint(sql, before))).toEqual(['add-column-volatile-default@1'])
  })

  test('quoted schema and table names match the catalog; absent tables are not assumed', async () => {
    const sql = 'CREATE INDEX ON "Sales"."Orders" (user_id);\nCREATE INDEX ON sales.orders (user_id);'
    const found = await lint(sql, before)
    expect(brief(found)).toEqual(['create-index-not-concurrently@1'])
    expect(found[0].message).toContain('Sales.Orders, an existing table')
  })
})

describeShared('a corpus project: the history applied, then its last migrations linted against it', () => {
  test('realworld-hasura: the last migrations against the schema the earlier ones built', async () => {
    const dir = corpusDir('andrewMacmurray__realworld-hasura')
    const migrations = readMigrations(readConfig(dir, {}), 'default').migrations.filter((m) => m.up?.sql)
    const cut = migrations.findIndex((m) => m.version === 1591123349453n) // rename favourites → likes
    expect(cut).toBeGreaterThan(0)
    const earlier = migrations.slice(0, cut).map((m) => readFileSync(`${dir}/${m.up!.sql!.path}`, 'utf8'))
    const before = await snapshotOf(earlier.join(';\n'))
    expect(before.relations.map((r) => r.name)).toContain('favourites')
    const found = await lintMigrations(
      migrations.slice(cut).map((m) => ({
        database: 'default',
        version: m.version,
        file: m.up!.sql!.path,
        sql: m.up!.sql!.text,
      })),
      { catalogBefore: new Map([['default', before]]) },
    )
    // likes is favourites renamed: an existing table. follows is created by 1591362644347 within
    // these files, so its column rename and its new CHECK (reported when each file is linted alone)
    // concern a table the run creates: nothing to say.
    expect(found.map((f) => `${f.version} ${f.rule}`)).toEqual([
      '1591123349453 rename-table',
      '1591123476154 add-unique-without-index',
    ])
  })
})
