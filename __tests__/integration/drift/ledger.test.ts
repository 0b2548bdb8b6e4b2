/**
 * The ledger on every SQL target — PostgreSQL, the embedded database and Hasura's `run_sql` — written in
 * the caller's transaction, read back, upgraded from the table the Hasura target already creates, and
 * compared with local files: an edited applied file is reported with both hashes; state the Hasura CLI
 * wrote without a ledger is unverified, not drift.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionSnapshotQuery } from '../../../src/catalog/snapshot-sources.js'
import { checkIntegrity, type LocalUpFile } from '../../../src/drift/integrity.js'
import {
  acceptEditsSql,
  adoptVersionsSql,
  ENSURE_LEDGER_SQL,
  readLedger,
  recordMetadataSql,
  recordVerifiedSchemaSql,
  recordVersionSql,
  removeStaleSql,
  removeVersionSql,
  sha256Hex,
  type TextQuery,
} from '../../../src/drift/ledger.js'
import { openEmbedded } from '../../../src/targets/embedded/embedded-target.js'
import { HasuraConnection } from '../../../src/targets/hasura/connection.js'
import { HasuraHttp } from '../../../src/targets/hasura/http.js'
import { stateFromCatalog } from '../../../src/targets/hasura/read-state.js'
import { probeSql, recordSql, SENTINEL_SQL } from '../../../src/targets/hasura/state-sql.js'
import { PgSession } from '../../../src/targets/postgres/pg-session.js'
import { createDatabase } from '../../support/database.js'
import { startHasuraServer } from '../../support/hasura-server/index.js'

/** One database as the tests use it: a script that commits, one that must roll back, a one-cell read. */
interface Backend {
  commit(sql: string): Promise<void>
  /** Runs `sql` in a transaction that then fails: nothing of it may stay. */
  rollBack(sql: string): Promise<void>
  query: TextQuery
}

const run = { runId: 'run-1', runUrl: 'https://github.com/o/r/actions/runs/1', commit: 'c0ffee' }
const UP1 = 'CREATE TABLE users (id int PRIMARY KEY);'
const UP2 = "CREATE TABLE posts (id int PRIMARY KEY, title text DEFAULT 'x');"
const local = (version: bigint, text: string): LocalUpFile => ({
  version,
  name: `v${version}`,
  file: `migrations/default/${version}_v${version}/up.sql`,
  sha256: sha256Hex(text),
})

/** The ledger as the Hasura target created it in its first release (no origin, commit or resource version). */
const FIRST_RELEASE_DDL = `CREATE SCHEMA IF NOT EXISTS hasura_migrate_action;
CREATE TABLE IF NOT EXISTS hasura_migrate_action.ledger (
  database text NOT NULL, version bigint NOT NULL, name text NOT NULL, sha256 text, applied boolean NOT NULL,
  dirty boolean NOT NULL DEFAULT false, applied_at timestamptz NOT NULL DEFAULT now(), run_url text,
  run_id text NOT NULL, recorded boolean NOT NULL DEFAULT false, PRIMARY KEY (database, version)
)`

const cleanups: (() => Promise<void>)[] = []
const backends: Record<string, Backend> = {}

beforeAll(async () => {
  const db = await createDatabase('ledger')
  cleanups.push(() => db.drop())
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  cleanups.push(() => client.end())
  backends.postgres = {
    commit: async (sql) => void (await client.query(`BEGIN; ${sql}; COMMIT`)),
    rollBack: async (sql) => {
      await client.query(`BEGIN; ${sql}`)
      await client.query('ROLLBACK')
    },
    query: sessionSnapshotQuery(new PgSession(client, {})),
  }

  const embedded = await openEmbedded({ configVersion: 2, timeoutMs: 30_000, extensions: [] })
  cleanups.push(() => embedded.target.close())
  const s = embedded.session
  const must = async (sql: string) => {
    const o = await s.script(sql)
    if (o.error) throw new Error(o.error.message)
  }
  backends.embedded = {
    commit: (sql) => must(`BEGIN; ${sql}; COMMIT`),
    rollBack: async (sql) => {
      await must(`BEGIN; ${sql}`)
      await must('ROLLBACK')
    },
    query: async (sql) => String(Object.values((await s.query(sql))[0] ?? {})[0]),
  }

  const hdb = await createDatabase('ledger_hasura')
  cleanups.push(() => hdb.drop())
  const server = await startHasuraServer({ databaseUrl: hdb.url, adminSecret: 's3cret' })
  cleanups.push(() => server.close())
  const conn = new HasuraConnection(
    new HasuraHttp({ endpoint: server.url, adminSecret: 's3cret', timeoutMs: 20_000 }),
    'v2',
    3,
  )
  backends.hasura = {
    commit: async (sql) => void (await conn.runSql('default', sql, { write: true, what: 'test write' })),
    rollBack: async (sql) => {
      // run_sql runs its body in one transaction: a failing last statement rolls all of it back
      await expect(
        conn.runSql('default', `${sql};\n${SENTINEL_SQL}`, { write: true, what: 'test rollback' }),
      ).rejects.toThrow()
    },
    query: async (sql) => {
      const r = await conn.runSql('default', sql, { readOnly: true, write: false, what: 'test read' })
      return String(r.result?.[1]?.[0] ?? '')
    },
  }
})

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

describe.each(['postgres', 'embedded', 'hasura'])('the ledger on %s', (name) => {
  const b = () => backends[name]

  it('a database the action never wrote to has no ledger, and reads as empty', async () => {
    expect(await readLedger(b().query, 'default')).toEqual({ exists: false, entries: [] })
  })

  it('is created idempotently; a record rolled back with its migration leaves nothing', async () => {
    await b().commit(ENSURE_LEDGER_SQL)
    await b().commit(ENSURE_LEDGER_SQL)
    const record = recordVersionSql({
      database: 'default',
      version: 1n,
      name: 'v1',
      sha256: sha256Hex(UP1),
      recorded: true,
      ...run,
    })
    await b().rollBack(`${UP1}\n${record}`)
    expect(await readLedger(b().query, 'default')).toEqual({ exists: true, entries: [] })
  })

  it('records each applied version with its migration, and reads it back', async () => {
    for (const [v, text] of [
      [1n, UP1],
      [2n, UP2],
    ] as const) {
      const record = recordVersionSql({
        database: 'default',
        version: v,
        name: `v${v}`,
        sha256: sha256Hex(text),
        recorded: true,
        ...run,
      })
      await b().commit(`${ENSURE_LEDGER_SQL};\n${text}\n${record}`)
    }
    const { entries } = await readLedger(b().query, 'default')
    expect(
      entries.map((e) => [e.version, e.name, e.sha256, e.origin, e.applied, e.recorded, e.commit, e.runUrl]),
    ).toEqual([
      [1n, 'v1', sha256Hex(UP1), 'applied', true, true, 'c0ffee', run.runUrl],
      [2n, 'v2', sha256Hex(UP2), 'applied', true, true, 'c0ffee', run.runUrl],
    ])
    expect(checkIntegrity(entries, [1n, 2n], [local(1n, UP1), local(2n, UP2)]).edited).toEqual([])
  })

  it('an applied file edited since is reported with both hashes; accepting it re-records the hash', async () => {
    const edited = `${UP2} -- a comment fixed`
    let { entries } = await readLedger(b().query, 'default')
    const report = checkIntegrity(entries, [1n, 2n], [local(1n, UP1), local(2n, edited)])
    expect(report.edited).toMatchObject([
      {
        version: 2n,
        file: 'migrations/default/2_v2/up.sql',
        recorded: sha256Hex(UP2),
        local: sha256Hex(edited),
      },
    ])
    await b().commit(acceptEditsSql('default', [{ version: 2n, sha256: sha256Hex(edited) }], run))
    ;({ entries } = await readLedger(b().query, 'default'))
    expect(entries.find((e) => e.version === 2n)).toMatchObject({
      sha256: sha256Hex(edited),
      origin: 'accepted',
    })
    expect(checkIntegrity(entries, [1n, 2n], [local(1n, UP1), local(2n, edited)]).edited).toEqual([])
  })

  it('rolling a version back removes its row; adopting records unverified ones once, never overwriting', async () => {
    await b().commit(removeVersionSql('default', 2n))
    let { entries } = await readLedger(b().query, 'default')
    expect(entries.map((e) => e.version)).toEqual([1n])
    // version 3 applied by the Hasura CLI: unverified, then adopted
    const report = checkIntegrity(entries, [1n, 3n], [local(1n, UP1), local(3n, 'SELECT 3')])
    expect(report.unverified.map((u) => u.version)).toEqual([3n])
    const adopt = adoptVersionsSql(
      'default',
      [{ ...report.unverified[0] }, { version: 1n, name: 'v1', sha256: 'not-this' }],
      run,
    )
    await b().commit(adopt)
    ;({ entries } = await readLedger(b().query, 'default'))
    expect(entries.map((e) => [e.version, e.origin, e.sha256])).toEqual([
      [1n, 'applied', sha256Hex(UP1)],
      [3n, 'adopted', sha256Hex('SELECT 3')],
    ])
    expect(checkIntegrity(entries, [1n, 3n], [local(1n, UP1), local(3n, 'SELECT 3')]).unverified).toEqual([])
    // the CLI rolled 3 back: its recorded row is stale, and goes
    expect(checkIntegrity(entries, [1n], [local(1n, UP1)]).stale).toEqual([3n])
    await b().commit(removeStaleSql('default', [3n]))
    expect((await readLedger(b().query, 'default')).entries.map((e) => e.version)).toEqual([1n])
  })

  it("records the server's metadata digest apart from every database's versions", async () => {
    await b().commit(recordMetadataSql({ digest: 'd1', resourceVersion: 4, ...run }))
    await b().commit(recordMetadataSql({ digest: 'd2', resourceVersion: 6, ...run }))
    const read = await readLedger(b().query, 'default')
    expect(read.metadata).toMatchObject({
      digest: 'd2',
      resourceVersion: 6,
      runUrl: run.runUrl,
      commit: 'c0ffee',
    })
    expect(read.entries.map((e) => e.version)).toEqual([1n])
    expect((await readLedger(b().query, 'other')).entries).toEqual([])
  })
})

describe('the ledger the Hasura target already keeps (a separate metadata database)', () => {
  it('is extended in place: its rows read as applied hashes, and its own reading still works', async () => {
    const db = await createDatabase('ledger_upgrade')
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      const query: TextQuery = sessionSnapshotQuery(new PgSession(client, {}))
      // the table and a row exactly as the Hasura target wrote them, before this design
      await client.query(FIRST_RELEASE_DDL)
      const change = {
        version: 5n,
        name: 'five',
        sha256: sha256Hex(UP1),
        from: 'absent',
        to: 'applied',
      } as const
      await client.query(recordSql('catalog-with-ledger', 'default', change, 'old-run'))
      await client.query(ENSURE_LEDGER_SQL)
      await client.query(recordMetadataSql({ digest: 'd', ...run }))
      const verified = { schemaDigest: 's', appliedDigest: 'a', by: 'apply' as const }
      await client.query(recordVerifiedSchemaSql({ database: 'default', ...verified, ...run }))
      const columns = await client.query<{ attname: string }>(
        `SELECT attname FROM pg_attribute WHERE attrelid = 'hasura_migrate_action.ledger'::regclass AND attnum > 0 ORDER BY attnum`,
      )
      expect(columns.rows.map((r) => r.attname).slice(-4)).toEqual([
        'sha256_origin',
        'git_commit',
        'resource_version',
        'applied_set_sha256',
      ])

      const { entries, verifiedSchema } = await readLedger(query, 'default')
      expect(verifiedSchema).toMatchObject(verified)
      // another database's verified schema is its own
      expect((await readLedger(query, 'other')).verifiedSchema).toBeUndefined()
      expect(entries).toMatchObject([
        { version: 5n, sha256: sha256Hex(UP1), origin: 'applied', recorded: false },
      ])
      // the Hasura target's own probe reads its source's rows only: the metadata and verified schema rows are not among them
      const probe = (await client.query(probeSql('default', true))).rows[0] as Record<string, string | null>
      const state = stateFromCatalog('default', { id: 'x', cli_state: {} }, probe)
      expect(state.ledger.map((r) => r.version)).toEqual([5n])
      expect([...state.applied.versions.keys()]).toEqual([5n])
    } finally {
      await client.end()
      await db.drop()
    }
  })
})

describe('state the Hasura CLI wrote, without a ledger', () => {
  it('is unverified, not drift', async () => {
    const db = await createDatabase('ledger_cli')
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      await client.query(`CREATE SCHEMA hdb_catalog;
        CREATE TABLE hdb_catalog.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
        INSERT INTO hdb_catalog.schema_migrations VALUES (1, false), (2, false);`)
      const query: TextQuery = sessionSnapshotQuery(new PgSession(client, {}))
      const ledger = await readLedger(query, 'default')
      expect(ledger.exists).toBe(false)
      const report = checkIntegrity(ledger.entries, [1n, 2n], [local(1n, UP1), local(2n, UP2)])
      expect(report.edited).toEqual([])
      expect(report.unverified.map((u) => u.version)).toEqual([1n, 2n])
    } finally {
      await client.end()
      await db.drop()
    }
  })
})
