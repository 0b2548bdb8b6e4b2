/**
 * The classifier's table checked against a real PostgreSQL: every statement we call non-transactional
 * is refused inside a transaction block (SQLSTATE 25001), and none we let through is.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { analyzeSql } from '../../../src/sql/index.js'
import { createDatabase } from '../../support/database.js'
import { CATALOG_DEPENDENT, NON_TRANSACTIONAL, TRANSACTIONAL } from '../../unit/sql/statement-cases.js'

const SETUP = `
  CREATE TABLE t (a int);
  CREATE INDEX idx ON t (a);
  CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
  CREATE UNIQUE INDEX mv_x ON mv (x);
  CREATE TYPE mood AS ENUM ('ok');
  CREATE TABLE parent (a int) PARTITION BY RANGE (a);
  CREATE TABLE child PARTITION OF parent FOR VALUES FROM (0) TO (10);
`

let db: Awaited<ReturnType<typeof createDatabase>>
let client: pg.Client

beforeAll(async () => {
  db = await createDatabase('classify')
  client = new pg.Client({ connectionString: db.url })
  await client.connect()
  await client.query(SETUP)
})

afterAll(async () => {
  await client?.end()
  await db?.drop()
})

/** SQLSTATE of running the statement inside BEGIN … ROLLBACK, or 'ok'. */
async function insideTransaction(sql: string): Promise<string> {
  await client.query('BEGIN')
  try {
    await client.query(sql)
    return 'ok'
  } catch (e) {
    return (e as { code?: string }).code ?? 'unknown'
  } finally {
    await client.query('ROLLBACK')
  }
}

describe('classification agrees with PostgreSQL', () => {
  test.each(NON_TRANSACTIONAL.filter(([sql]) => !CATALOG_DEPENDENT.has(sql)))(
    '%s is refused in a transaction block',
    async (sql) => {
      expect((await analyzeSql(sql)).nonTransactional).toHaveLength(1)
      expect(await insideTransaction(sql)).toBe('25001')
    },
  )

  test.each(TRANSACTIONAL)('%s is not refused for being in a transaction block', async (sql) => {
    expect((await analyzeSql(sql)).nonTransactional).toHaveLength(0)
    expect(await insideTransaction(sql)).not.toBe('25001')
  })
})

describe('why a marked file with several statements is flagged', () => {
  test('PostgreSQL runs a multi-statement query string as one implicit transaction block', async () => {
    await client.query('CREATE INDEX CONCURRENTLY alone ON t (a);')
    await expect(
      client.query('SELECT 1; CREATE INDEX CONCURRENTLY together ON t (a);'),
    ).rejects.toMatchObject({
      code: '25001',
    })
    await expect(client.query('VACUUM t; SELECT 1')).rejects.toMatchObject({ code: '25001' })
  })
})
