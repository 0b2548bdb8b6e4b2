import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { RULE_IDS, RULES, RULES_DOC, ruleUrl, type RuleId } from '../../../src/review/safety/index.js'
import { repoRoot } from '../../support/shared.js'
import { brief, catalog, column, lintFiles, lintOne, relation } from './safety-support.js'

/**
 * Each rule: SQL that triggers it on a table the run did not create (no catalog: assumed to exist
 * before the run), and the safe way to do the same, which reports nothing.
 */
const CASES: { rule: RuleId; unsafe: string; safe: string; also?: RuleId[] }[] = [
  { rule: 'drop-table', unsafe: 'DROP TABLE users;', safe: 'CREATE TABLE t (a int);\nDROP TABLE t;' },
  {
    rule: 'drop-column',
    unsafe: 'ALTER TABLE users DROP COLUMN email;',
    safe: 'ALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN tmp;',
  },
  { rule: 'drop-schema', unsafe: 'DROP SCHEMA reporting;', safe: 'CREATE SCHEMA s;\nDROP SCHEMA s;' },
  {
    rule: 'drop-type',
    unsafe: 'DROP TYPE public.mood;',
    // A function's result type dropped and created again: the redefinition pattern.
    safe: 'DROP TYPE IF EXISTS stats_t;\nCREATE TYPE stats_t AS (n int);',
  },
  { rule: 'truncate', unsafe: 'TRUNCATE users;', safe: 'CREATE TABLE t (a int);\nTRUNCATE t;' },
  { rule: 'drop-cascade', unsafe: 'DROP VIEW user_stats CASCADE;', safe: 'DROP VIEW user_stats;' },
  {
    rule: 'change-column-type',
    unsafe: 'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
    safe: 'CREATE TABLE t (age int);\nALTER TABLE t ALTER COLUMN age TYPE bigint;',
  },
  {
    rule: 'add-column-volatile-default',
    unsafe: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    safe: 'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();',
  },
  {
    rule: 'add-column-required',
    unsafe: 'ALTER TABLE users ADD COLUMN code text NOT NULL;',
    safe: "ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT '';",
  },
  {
    rule: 'set-not-null',
    unsafe: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    safe: [
      'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT email_nn;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ].join('\n'),
  },
  {
    rule: 'constraint-without-not-valid',
    unsafe: 'ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id);',
    safe: [
      'ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
      'ALTER TABLE orders VALIDATE CONSTRAINT orders_user;',
    ].join('\n'),
  },
  {
    rule: 'add-unique-without-index',
    unsafe: 'ALTER TABLE users ADD CONSTRAINT users_email UNIQUE (email);',
    safe: 'ALTER TABLE users ADD CONSTRAINT users_email UNIQUE USING INDEX users_email_idx;',
  },
  {
    rule: 'create-index-not-concurrently',
    unsafe: 'CREATE INDEX users_email_idx ON users (email);',
    safe: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
  },
  {
    rule: 'reindex-not-concurrently',
    unsafe: 'REINDEX TABLE users;',
    safe: 'REINDEX TABLE CONCURRENTLY users;',
  },
  { rule: 'vacuum-full', unsafe: 'VACUUM FULL users;', safe: 'VACUUM (ANALYZE) users;' },
  {
    rule: 'cluster',
    unsafe: 'CLUSTER users USING users_pkey;',
    safe: 'CREATE TABLE t (a int PRIMARY KEY);\nCLUSTER t USING t_pkey;',
  },
  { rule: 'lock-table', unsafe: 'LOCK TABLE users;', safe: 'CREATE TABLE t (a int);\nLOCK TABLE t;' },
  {
    rule: 'rename-table',
    unsafe: 'ALTER TABLE users RENAME TO accounts;',
    safe: 'CREATE TABLE t (a int);\nALTER TABLE t RENAME TO u;',
  },
  {
    rule: 'rename-column',
    unsafe: 'ALTER TABLE users RENAME COLUMN email TO mail;',
    safe: 'ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users RENAME COLUMN tmp TO note;',
  },
]

describe('each rule: the unsafe statement and its safe counterpart (no catalog)', () => {
  test('every rule but the metadata and ignore ones has a case', () => {
    const covered = new Set<string>(CASES.map((c) => c.rule))
    expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual(['referenced-by-metadata', 'unknown-ignore-rule'])
  })

  test.each(CASES)('$rule', async ({ rule, unsafe, safe }) => {
    const found = await lintOne(unsafe)
    expect(brief(found)).toEqual([`${rule}@1`])
    expect(found[0]).toMatchObject({
      rule,
      severity: RULES[rule].severity,
      database: 'default',
      version: 1n,
      file: 'migrations/default/1_m/up.sql',
      silenced: false,
    })
    expect(brief(await lintOne(safe))).toEqual([])
  })

  test('without a catalog, the message says the table is assumed to exist before the run', async () => {
    const [finding] = await lintOne('CREATE INDEX i ON users (email);')
    expect(finding.message).toBe(
      "CREATE INDEX i on public.users, a table this run did not create (assumed to exist before it: no catalog snapshot was taken), without CONCURRENTLY: writes to the table (Hasura mutations included) wait until the index is built; use CREATE INDEX CONCURRENTLY, alone in a file whose first line is '-- hasura:no-transaction'",
    )
  })
})

describe('destructive changes', () => {
  test('DROP TABLE of several tables: one finding each, and CASCADE once', async () => {
    expect(brief(await lintOne('DROP TABLE a, s.b CASCADE;'))).toEqual([
      'drop-table@1',
      'drop-table@1',
      'drop-cascade@1',
    ])
  })

  test('dropping a view or materialized view loses no data: only the metadata rule looks at it', async () => {
    expect(brief(await lintOne('DROP VIEW v;\nDROP MATERIALIZED VIEW m;'))).toEqual([])
  })

  test('DROP COLUMN … CASCADE and TRUNCATE … CASCADE name what cascades', async () => {
    const found = await lintOne('ALTER TABLE a DROP COLUMN c CASCADE;\nTRUNCATE a, b CASCADE;')
    expect(brief(found)).toEqual(['drop-column@1', 'drop-cascade@1', 'truncate@2', 'drop-cascade@2'])
    expect(found[3].message).toBe(
      'TRUNCATE public.a, public.b CASCADE also empties every table with a foreign key to them, without naming them',
    )
  })

  test('a table dropped by the run is not assumed to exist again', async () => {
    expect(brief(await lintOne('DROP TABLE a;\nDROP TABLE IF EXISTS a;\nCREATE INDEX ON a (x);'))).toEqual([
      'drop-table@1',
    ])
  })

  test('a table created in an earlier file of the run is not an existing table', async () => {
    const found = await lintFiles(['CREATE TABLE t (a int);', 'CREATE INDEX ON t (a);\nDROP TABLE t;'])
    expect(brief(found)).toEqual([])
  })
})

describe('table rewrites and long locks', () => {
  test.each([
    ['a serial column', 'ALTER TABLE users ADD COLUMN n bigserial;'],
    ['an identity column', 'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;'],
    ['a stored generated column', 'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (a + 1) STORED;'],
    ['random()', 'ALTER TABLE users ADD COLUMN r float8 DEFAULT random();'],
    ['clock_timestamp()', 'ALTER TABLE users ADD COLUMN t timestamptz DEFAULT clock_timestamp();'],
    [
      'a volatile call inside an expression',
      'ALTER TABLE users ADD COLUMN s text DEFAULT md5(random()::text);',
    ],
    [
      'uuid-ossp in its own schema',
      'ALTER TABLE users ADD COLUMN u uuid DEFAULT extensions.uuid_generate_v4();',
    ],
  ])('ADD COLUMN with %s rewrites the table', async (_what, sql) => {
    expect(brief(await lintOne(sql))).toEqual(['add-column-volatile-default@1'])
  })

  test.each([
    ['now()', 'ALTER TABLE users ADD COLUMN t timestamptz NOT NULL DEFAULT now();'],
    ['CURRENT_TIMESTAMP', 'ALTER TABLE users ADD COLUMN t timestamptz DEFAULT CURRENT_TIMESTAMP;'],
    ['a constant', "ALTER TABLE users ADD COLUMN s text NOT NULL DEFAULT 'new';"],
    ['a virtual generated column', 'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (a + 1) VIRTUAL;'],
  ])('ADD COLUMN with %s does not', async (_what, sql) => {
    expect(brief(await lintOne(sql))).toEqual([])
  })

  test('a function the run creates is as volatile as it says (VOLATILE by default)', async () => {
    const sql = [
      'CREATE FUNCTION pick() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      'CREATE FUNCTION fixed() RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$;',
      'ALTER TABLE users ADD COLUMN a int DEFAULT pick();',
      'ALTER TABLE users ADD COLUMN b int DEFAULT fixed();',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual(['add-column-volatile-default@3'])
  })

  test('ADD COLUMN … PRIMARY KEY: required, per-row value and index findings together', async () => {
    expect(brief(await lintOne('ALTER TABLE users ADD COLUMN id int PRIMARY KEY;'))).toEqual([
      'add-column-required@1',
      'add-unique-without-index@1',
    ])
    expect(brief(await lintOne('ALTER TABLE users ADD COLUMN id serial PRIMARY KEY;'))).toEqual([
      'add-column-volatile-default@1',
      'add-unique-without-index@1',
    ])
  })

  test('ADD COLUMN IF NOT EXISTS of a column the run already added does nothing', async () => {
    const sql =
      'ALTER TABLE users ADD COLUMN t int;\nALTER TABLE users ADD COLUMN IF NOT EXISTS t int NOT NULL;'
    expect(brief(await lintOne(sql))).toEqual([])
  })

  test('a CHECK constraint without NOT VALID, and a NOT NULL proof that is not validated yet', async () => {
    const sql = [
      'ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0);',
      'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual(['constraint-without-not-valid@1', 'set-not-null@3'])
  })

  test('a CHECK (col IS NOT NULL) added valid proves the column (its own scan is the finding)', async () => {
    const sql = [
      'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual(['constraint-without-not-valid@1'])
  })

  test('the proof carries over to a later file of the run', async () => {
    const found = await lintFiles([
      'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ])
    expect(brief(found)).toEqual([])
  })

  test('PRIMARY KEY without USING INDEX also scans for NOT NULL, and says so', async () => {
    const [finding] = await lintOne('ALTER TABLE users ADD PRIMARY KEY (id);')
    expect(finding.rule).toBe('add-unique-without-index')
    expect(finding.message).toContain('(and its columns are scanned for NOT NULL)')
    expect(finding.message).toContain('ADD CONSTRAINT … PRIMARY KEY USING INDEX')
  })

  test('a FOREIGN KEY on a table the run creates checks no rows', async () => {
    const sql =
      'CREATE TABLE orders (user_id int);\nALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);'
    expect(brief(await lintOne(sql))).toEqual([])
  })

  test('REINDEX: an index the run created is not reported; a schema or database always is', async () => {
    const sql = [
      'CREATE INDEX t_idx ON users (a);',
      'REINDEX INDEX t_idx;',
      'REINDEX INDEX other_idx;',
      'REINDEX SCHEMA public;',
      'REINDEX (CONCURRENTLY) INDEX other_idx;',
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual([
      'create-index-not-concurrently@1',
      'reindex-not-concurrently@3',
      'reindex-not-concurrently@4',
    ])
  })

  test('VACUUM FULL without tables and CLUSTER without a table cover the whole database', async () => {
    const found = await lintOne('VACUUM FULL;\nCLUSTER;\nVACUUM (FULL false) users;')
    expect(brief(found)).toEqual(['vacuum-full@1', 'cluster@2'])
    expect(found[0].message).toContain('rewrites every table of the database')
  })

  test('LOCK TABLE names its mode', async () => {
    const found = await lintOne('LOCK TABLE users IN SHARE MODE;')
    expect(found[0].message).toBe(
      "LOCK TABLE public.users IN SHARE MODE: held until the run's transaction ends; make sure the rest of the run is short",
    )
  })

  test('column type changes: USING an expression is reported, USING the column itself is not different', async () => {
    const cat = catalog([
      relation('users', [column('name', 'character varying(20)'), column('age', 'integer')]),
    ])
    const sql = [
      'ALTER TABLE users ALTER COLUMN name TYPE text USING name::text;',
      "ALTER TABLE users ALTER COLUMN age TYPE text USING age || ' years';",
    ].join('\n')
    const found = await lintOne(sql, { catalog: cat })
    expect(brief(found)).toEqual(['change-column-type@2'])
    expect(found[0].message).toContain('from int4 to text with a USING expression')
  })
})

describe('renames', () => {
  test('ALTER TABLE … SET SCHEMA and ALTER SCHEMA … RENAME move tables too', async () => {
    const found = await lintOne(
      'ALTER TABLE users SET SCHEMA archive;\nALTER SCHEMA reporting RENAME TO reports;',
    )
    expect(brief(found)).toEqual(['rename-table@1', 'rename-table@2'])
    expect(found[0].message).toMatch(/^moves public.users to schema archive: Hasura's GraphQL API/)
  })

  test('a renamed table is still the same existing table under its new name', async () => {
    expect(
      brief(await lintOne('ALTER TABLE users RENAME TO accounts;\nCREATE INDEX ON accounts (a);')),
    ).toEqual(['rename-table@1', 'create-index-not-concurrently@2'])
  })

  test('views: renaming one is reported (Hasura tracks views as tables); CREATE OR REPLACE keeps it existing', async () => {
    const sql = 'CREATE OR REPLACE VIEW v AS SELECT 1 AS a;\nALTER VIEW v RENAME TO w;'
    expect(brief(await lintOne(sql))).toEqual(['rename-table@2'])
    expect(brief(await lintOne('CREATE VIEW v AS SELECT 1 AS a;\nALTER VIEW v RENAME TO w;'))).toEqual([])
  })
})

describe('what the walker does not look at', () => {
  test('statements inside function bodies and DO blocks', async () => {
    const sql = [
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; END $$;',
      "DO $$ BEGIN EXECUTE 'TRUNCATE users'; END $$;",
    ].join('\n')
    expect(brief(await lintOne(sql))).toEqual([])
  })

  test('data-only files are not parsed and report nothing', async () => {
    expect(brief(await lintOne("INSERT INTO users (name) VALUES ('drop table x');"))).toEqual([])
  })

  test('a file with a syntax error: the statements before it are still checked', async () => {
    expect(brief(await lintOne('DROP TABLE a;\nSELEC 1;\nDROP TABLE b;'))).toEqual(['drop-table@1'])
  })
})

describe('names: schemas and the search path', () => {
  test('unqualified names are in public; SET search_path moves them', async () => {
    const sql = [
      'CREATE TABLE app.t (a int);',
      'SET search_path TO app, public;',
      'CREATE INDEX ON t (a);',
      'CREATE INDEX ON users (a);',
    ].join('\n')
    const found = await lintOne(sql)
    // t is found in app (created by the run); users is in no schema the run knows: assumed in app.
    expect(brief(found)).toEqual(['create-index-not-concurrently@4'])
    expect(found[0].message).toContain('app.users')
  })

  test('CREATE SCHEMA … CREATE TABLE puts its tables in that schema', async () => {
    expect(brief(await lintOne('CREATE SCHEMA s CREATE TABLE t (a int);\nCREATE INDEX ON s.t (a);'))).toEqual(
      [],
    )
  })

  test('quoted identifiers keep their case; unquoted ones fold to lower case', async () => {
    const sql = 'CREATE TABLE "Users" (a int);\nCREATE INDEX ON "Users" (a);\nCREATE INDEX ON Users (a);'
    expect(brief(await lintOne(sql))).toEqual(['create-index-not-concurrently@3'])
  })
})

describe('docs/safety-rules.md', () => {
  const doc = readFileSync(join(repoRoot, RULES_DOC), 'utf8')

  test('ruleUrl points at the rule’s anchor in the documentation', () => {
    expect(ruleUrl('set-not-null')).toBe('docs/safety-rules.md#set-not-null')
  })

  test.each(RULE_IDS)(
    '%s: a section whose heading is the id (its anchor), and a row in the table',
    (rule) => {
      const headings = doc.split('\n').filter((l) => l === `## ${rule}`)
      expect(headings).toHaveLength(1)
      const section = doc.slice(doc.indexOf(`## ${rule}\n`)).split('\n## ')[0]
      expect(section).toContain('**Detects**')
      expect(section).toContain('**Why it matters.**')
      expect(section).toContain('**Safely.**')
      if (rule !== 'unknown-ignore-rule') expect(section).toContain(`-- hasura-migrate:ignore ${rule}`)
      const row = doc.split('\n').find((l) => l.startsWith(`| [\`${rule}\`](#${rule})`))
      expect(row).toContain(RULES[rule].severity === 'error' ? '**error**' : 'warning')
    },
  )
})
