/**
 * Schema drift on real PostgreSQL against the replay on the embedded database: each change made by hand
 * is reported by name, a clean database reports none (whatever Hasura added to it), and a replay that
 * cannot run says why instead of failing.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionSnapshotQuery } from '../../../src/catalog/snapshot-sources.js'
import { takeSnapshot } from '../../../src/catalog/snapshot.js'
import type { CatalogSnapshot } from '../../../src/catalog/types.js'
import { isNotChecked, ReplayCache, replaySchema, type ReplayFile } from '../../../src/drift/replay.js'
import { compareSchemas, driftLine } from '../../../src/drift/schema-drift.js'
import { PgSession } from '../../../src/targets/postgres/pg-session.js'
import { createDatabase } from '../../support/database.js'

const MIGRATIONS: [bigint, string][] = [
  [
    1n,
    `CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, score int DEFAULT 0,
       CONSTRAINT users_email_key UNIQUE (email));`,
  ],
  [
    2n,
    `CREATE TABLE posts (id serial PRIMARY KEY, user_id int REFERENCES users (id), title text,
       CONSTRAINT title_len CHECK (char_length(title) < 200));`,
  ],
  [3n, `CREATE FUNCTION user_score(u users) RETURNS int LANGUAGE sql STABLE AS $$ SELECT u.score $$;`],
  // two statements that refuse a transaction block: the replay runs them one by one
  [
    4n,
    `-- hasura:no-transaction
CREATE INDEX CONCURRENTLY posts_user_idx ON posts (user_id);
CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);`,
  ],
  [5n, `CREATE EXTENSION IF NOT EXISTS citext;\nALTER TABLE users ADD COLUMN handle citext;`],
]
const files: ReplayFile[] = MIGRATIONS.map(([version, text]) => ({
  version,
  file: `migrations/default/${version}_m/up.sql`,
  text,
}))

/** What Hasura and this action put in a database: never drift. */
const HASURA_OWNED = `
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA hdb_catalog;
CREATE TABLE hdb_catalog.hdb_version (hasura_uuid uuid DEFAULT gen_random_uuid() PRIMARY KEY, version text);
CREATE FUNCTION hdb_catalog."notify_hasura_new_user_INSERT"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER "notify_hasura_new_user_INSERT" AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION hdb_catalog."notify_hasura_new_user_INSERT"();
CREATE SCHEMA hdb_views;
CREATE FUNCTION hdb_views."notify_hasura_old_user_UPDATE"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER "notify_hasura_old_user_UPDATE" AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION hdb_views."notify_hasura_old_user_UPDATE"();
CREATE SCHEMA hasura_migrate_action;
CREATE TABLE hasura_migrate_action.ledger (database text, version bigint, PRIMARY KEY (database, version));
`

const cleanups: (() => Promise<void>)[] = []
let replayed: CatalogSnapshot

/** A fresh database with the migrations applied (as the CLI would: one file at a time), then `byHand`. */
async function target(byHand: string): Promise<CatalogSnapshot> {
  const db = await createDatabase('drift')
  cleanups.push(() => db.drop())
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    for (const f of files) {
      if (f.text.startsWith('-- hasura:no-transaction')) {
        for (const statement of f.text.split(';\n')) await client.query(statement)
      } else await client.query(f.text)
    }
    await client.query(HASURA_OWNED)
    if (byHand) await client.query(byHand)
    return await takeSnapshot(sessionSnapshotQuery(new PgSession(client, {})))
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  const result = await replaySchema(files)
  if (isNotChecked(result)) throw new Error(`the replay did not run: ${result.notChecked}`)
  replayed = result.snapshot
})

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

describe('schema drift', () => {
  it('a database exactly as its migrations left it (plus what Hasura owns) has none', async () => {
    expect(replayed.relations.map((r) => r.name)).toEqual(['posts', 'users'])
    expect(replayed.relations[0].indexes.map((i) => i.name)).toEqual([
      'posts_pkey',
      'posts_title_idx',
      'posts_user_idx',
    ])
    expect(compareSchemas(await target(''), replayed)).toEqual([])
  })

  const cases: [string, string, string][] = [
    [
      'a column added by hand',
      'ALTER TABLE users ADD COLUMN hand_added int',
      'column users.hand_added integer — only in the target',
    ],
    ['a table added by hand', 'CREATE TABLE audit (id int)', 'table audit 1 column — only in the target'],
    [
      'an index added by hand',
      'CREATE INDEX users_score_idx ON users (score)',
      'index users.users_score_idx btree (score) — only in the target',
    ],
    [
      'a default changed by hand',
      'ALTER TABLE users ALTER COLUMN score SET DEFAULT 1',
      'column users.score default 0 → 1 — differs in the target (migrations → target)',
    ],
    [
      'a constraint dropped by hand',
      'ALTER TABLE posts DROP CONSTRAINT title_len',
      'constraint posts.title_len CHECK ((char_length(title) < 200)) — missing from the target',
    ],
    [
      'a function body changed by hand',
      'CREATE OR REPLACE FUNCTION user_score(u users) RETURNS int LANGUAGE sql STABLE AS $$ SELECT u.score + 1 $$',
      'function user_score(users) body changed — differs in the target (migrations → target)',
    ],
  ]
  it.each(cases)('reports %s, by name', async (_, byHand, line) => {
    const drift = compareSchemas(await target(byHand), replayed)
    expect(drift.map(driftLine)).toEqual([line])
  })

  it('replays once per set of files in a run', async () => {
    let replays = 0
    const cache = new ReplayCache(() => {
      replays++
      return Promise.resolve({ snapshot: replayed })
    })
    await Promise.all([cache.get(files), cache.get([...files])])
    await cache.get(files.slice(1))
    expect(replays).toBe(2)
  })
})

describe('a replay that cannot run', () => {
  it('names the extension the embedded database lacks', async () => {
    const result = await replaySchema([
      ...files.slice(0, 1),
      {
        version: 9n,
        file: 'migrations/default/9_gis/up.sql',
        text: 'CREATE EXTENSION IF NOT EXISTS postgis;',
      },
    ])
    expect(result).toEqual({
      notChecked:
        'the embedded database has no extension "postgis" (created by migrations/default/9_gis/up.sql)',
      extension: 'postgis',
      version: 9n,
      file: 'migrations/default/9_gis/up.sql',
    })
  })

  it('names the historic file that fails', async () => {
    const result = await replaySchema([
      { version: 1n, file: 'migrations/default/1_bad/up.sql', text: 'ALTER TABLE nowhere ADD COLUMN x int;' },
    ])
    expect(isNotChecked(result)).toBe(true)
    expect(result).toMatchObject({
      notChecked:
        'replaying migrations/default/1_bad/up.sql on the embedded database failed: relation "nowhere" does not exist',
      version: 1n,
    })
  })
})
