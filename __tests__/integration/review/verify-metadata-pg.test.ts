/**
 * The metadata verifier on snapshots of real PostgreSQL databases: the blog project's schema built by
 * SQL verifies clean, every broken reference of the unit table gives the same one problem on the real
 * catalog as on the hand-built one, a migration that drops what metadata uses is caught, and for the
 * cases it models, the Hasura test server's `inconsistent_objects` says the same.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeSnapshot } from '../../../src/catalog/snapshot.js'
import type { CatalogSnapshot } from '../../../src/catalog/types.js'
import { metadataLocator } from '../../../src/project/metadata-locations.js'
import { buildMetadata } from '../../../src/project/metadata.js'
import { verifyMetadata } from '../../../src/review/verify-metadata.js'
import { createDatabase, query } from '../../support/database.js'
import { inconsistentObjects } from '../../support/hasura-server/schema-cache.js'
import { CASES, lineOf } from '../../unit/review/blog-cases.js'
import { BLOG_FILES, BLOG_SQL, TABLES } from '../../unit/review/blog-project.js'
import { configFor, tempProject } from '../../unit/project/temp-project.js'

type Db = Awaited<ReturnType<typeof createDatabase>>
const databases: Db[] = []
let blog: Db
let blogCatalog: CatalogSnapshot

async function snapshotOf(url: string): Promise<CatalogSnapshot> {
  return takeSnapshot(async (sql) => {
    const [row] = await query(url, sql)
    return String(Object.values(row ?? {})[0])
  })
}

async function freshDatabase(sql: string): Promise<Db> {
  const db = await createDatabase('verify')
  databases.push(db)
  await query(db.url, sql)
  return db
}

async function verify(files: Record<string, string>, catalog: CatalogSnapshot) {
  const dir = tempProject(files)
  const config = configFor(dir, 3)
  const built = await buildMetadata(config)
  if (!built) throw new Error('the project has no metadata')
  const result = verifyMetadata(built.metadata, new Map([['default', catalog]]), {
    locate: metadataLocator(config),
  })
  return { ...result, metadata: built.metadata }
}

const shape = (p: { type: string; name: string; reason: string }) => ({
  type: p.type,
  name: p.name,
  reason: p.reason,
})

beforeAll(async () => {
  blog = await freshDatabase(BLOG_SQL)
  blogCatalog = await snapshotOf(blog.url)
})

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()))
})

describe('verifyMetadata on a real database', () => {
  it('the blog schema built by SQL verifies clean', async () => {
    expect((await verify(BLOG_FILES, blogCatalog)).problems).toEqual([])
  })

  it.each(CASES)('same problem as on the hand-built catalog: $title', async (c) => {
    const edited = BLOG_FILES[c.file].replace(c.from, c.to)
    const result = await verify({ ...BLOG_FILES, [c.file]: edited }, blogCatalog)
    expect(result.problems.map(({ path: _path, ...p }) => p)).toEqual([
      {
        database: 'default',
        type: c.type,
        name: c.name,
        reason: c.reason,
        file: c.file,
        line: lineOf(edited, c.at ?? c.to),
      },
    ])
  })

  it('a migration dropping a column that two permissions use is caught, with both', async () => {
    const db = await freshDatabase(`${BLOG_SQL}\nALTER TABLE public.article DROP COLUMN published;`)
    const result = await verify(BLOG_FILES, await snapshotOf(db.url))
    const author = BLOG_FILES[`${TABLES}/public_author.yaml`]
    const article = BLOG_FILES[`${TABLES}/public_article.yaml`]
    expect(result.problems.map(({ path: _path, ...p }) => p)).toEqual([
      {
        database: 'default',
        type: 'select_permission',
        name: 'select_permission user in table author in source default',
        reason:
          'Inconsistent object: in table "author": in permission for role "user": "published" does not exist',
        file: `${TABLES}/public_author.yaml`,
        line: lineOf(author, '              published:'),
      },
      {
        database: 'default',
        type: 'update_permission',
        name: 'update_permission user in table article in source default',
        reason:
          'Inconsistent object: in table "article": in permission for role "user": "published" does not exist',
        file: `${TABLES}/public_article.yaml`,
        line: lineOf(article, '              published:'),
      },
    ])
  })

  it('a migration dropping a foreign key breaks the relationships on it and what uses them', async () => {
    const db = await freshDatabase(
      `${BLOG_SQL}\nALTER TABLE public.article DROP CONSTRAINT article_author_id_fkey;`,
    )
    const result = await verify(BLOG_FILES, await snapshotOf(db.url))
    const noFk = 'no foreign constraint exists on the given column(s)'
    expect(result.problems.map(shape)).toEqual([
      {
        type: 'array_relation',
        name: 'array_relation articles in table author in source default',
        reason: `Inconsistent object: in table "author": in relationship "articles": ${noFk}`,
      },
      {
        type: 'object_relation',
        name: 'object_relation author in table article in source default',
        reason: `Inconsistent object: in table "article": in relationship "author": ${noFk}`,
      },
      {
        type: 'select_permission',
        name: 'select_permission user in table author in source default',
        reason:
          'Inconsistent object: in table "author": in permission for role "user": "articles" does not exist',
      },
      {
        type: 'insert_permission',
        name: 'insert_permission user in table article in source default',
        reason:
          'Inconsistent object: in table "article": in permission for role "user": "author" does not exist',
      },
    ])
  })
})

/** Metadata edits the Hasura test server's schema cache also models: tables, relationships, functions. */
const AGREEMENT = CASES.filter((c) =>
  [
    'a tracked table that does not exist',
    'an object relationship on a column without a foreign key',
    'an array relationship to a table that does not exist',
    'a tracked function that does not exist',
  ].includes(c.title),
)

describe("agreement with the Hasura test server's inconsistent_objects", () => {
  it('has all the cases it names', () => {
    expect(AGREEMENT).toHaveLength(4)
  })

  it.each(AGREEMENT)('$title', async (c) => {
    const edited = BLOG_FILES[c.file].replace(c.from, c.to)
    const result = await verify({ ...BLOG_FILES, [c.file]: edited }, blogCatalog)
    const pool = new pg.Pool({ connectionString: blog.url, max: 1 })
    try {
      const server = await inconsistentObjects(result.metadata, () => pool)
      expect(result.problems.map(shape)).toEqual(server.map(shape))
    } finally {
      await pool.end()
    }
  })
})
