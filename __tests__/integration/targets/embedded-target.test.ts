/** What only the embedded target has: its contrib extensions, its version, its explanations. */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEmbedded, type EmbeddedDatabase } from '../../../src/targets/embedded/embedded-target.js'
import { repoRoot } from '../../support/shared.js'
import { run } from './support/contract.js'
import { up, versionsOf } from './support/steps.js'

describe('embedded target', () => {
  let db: EmbeddedDatabase
  beforeAll(async () => {
    db = await openEmbedded({ configVersion: 3, timeoutMs: 30_000 })
  })
  afterAll(async () => {
    await db.target.close()
  })

  it('names PGlite and its PostgreSQL version', () => {
    expect(db.target.info.kind).toBe('embedded')
    expect(db.target.info.display).toBe('PGlite, in memory')
    expect(db.target.info.serverVersion).toMatch(/^PostgreSQL 18\.\d+ \(PGlite \d+\.\d+\.\d+\)$/)
  })

  it('creates the contrib extensions typical Hasura projects use', async () => {
    const sql = [
      'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";',
      'CREATE EXTENSION citext; CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm;',
      'CREATE EXTENSION hstore; CREATE EXTENSION ltree;',
      'CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), alt uuid DEFAULT uuid_generate_v4(),',
      "  email citext UNIQUE, pw text DEFAULT crypt('x', gen_salt('bf')), path ltree, attrs hstore);",
      'CREATE INDEX users_email_trgm ON users USING gin ((email::text) gin_trgm_ops);',
      "INSERT INTO users (email) VALUES ('A@example.com');",
    ].join('\n')
    const r = await run(db.target, [up(1, sql)])
    expect(r.error).toBeUndefined()
    const rows = await db.session.query("SELECT count(*)::int AS n FROM users WHERE email = 'a@EXAMPLE.com'")
    expect(rows).toEqual([{ n: 1 }])
  })

  it('explains a missing extension and suggests `database-url`', async () => {
    const r = await run(db.target, [up(2, '-- geo\nCREATE EXTENSION postgis;')])
    expect(r.error).toMatchObject({
      sqlstate: '0A000',
      line: 2,
      message: 'extension "postgis" is not available',
    })
    expect(r.error?.remedy).toMatch(
      /^The embedded database \(PGlite\) has no "postgis" extension \(it has: pgcrypto, uuid-ossp, /,
    )
    expect(r.error?.remedy).toMatch(/`database-url`/)
  })

  it('explains a type that only an absent extension provides', async () => {
    const r = await run(db.target, [up(3, 'CREATE TABLE places (id int, at geography(Point, 4326));')])
    expect(r.error?.sqlstate).toBe('42704')
    expect(r.error?.remedy).toMatch(
      /needs the postgis extension, which the embedded database \(PGlite\) does not have/,
    )
  })

  it('leaves ordinary SQL errors alone', async () => {
    const r = await run(db.target, [up(4, 'SELECT nosuch;')])
    expect(r.error?.sqlstate).toBe('42703')
    expect(r.error?.remedy).toBeUndefined()
  })
})

it('gives each database a PostgreSQL of its own: a second one with the same versions and names applies too', async () => {
  const { target, session } = await openEmbedded({ configVersion: 3, timeoutMs: 30_000 })
  try {
    const steps = (database: string) => [
      up(1, 'CREATE SCHEMA app; CREATE TABLE app.t (id int);', { database }),
      up(2, `INSERT INTO app.t VALUES (${database === 's1' ? 1 : 2});`, { database }),
    ]
    const s1 = await run(target, steps('s1'), { database: 's1' })
    const s2 = await run(target, steps('s2'), { database: 's2' })
    expect(s1.error).toBeUndefined()
    expect(s2.error, 'the second database ran into the first one’s objects').toBeUndefined()
    expect(s2.appliedByAnotherRun).toEqual([])
    expect(s2.steps.map((s) => `${s.version}:${s.status}`)).toEqual(['1:applied', '2:applied'])
    expect(versionsOf(await target.readState('s1'))).toEqual(['1', '2'])
    expect(versionsOf(await target.readState('s2'))).toEqual(['1', '2'])
    // the session handed out is the first database's: it holds only that database's row
    expect(await session.query('SELECT id FROM app.t')).toEqual([{ id: 1 }])
  } finally {
    await target.close()
  }
})

it('only the embedded target loads PGlite, and only with a dynamic import()', () => {
  const dir = join(repoRoot, 'src', 'targets')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8')
    const staticImports = text.match(/^import (?!type )[^\n]*'@electric-sql\/pglite[^']*'/gm) ?? []
    expect(staticImports, file).toEqual([])
    if (/import\('@electric-sql\/pglite/.test(text)) expect(file.startsWith('embedded')).toBe(true)
  }
})
