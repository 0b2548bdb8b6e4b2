/**
 * What a migration does to its own transaction and session, on every target (PostgreSQL, the embedded
 * database, Hasura over the test server): the console's BEGIN … COMMIT blocks run as savepoints inside
 * the run's transaction, and what one file SETs for the session ends with that file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Step } from '../../../src/plan/types.js'
import type { ExecuteResult, Target, TransactionMode } from '../../../src/targets/target.js'
import { query } from '../../support/database.js'
import { environment } from '../hasura/helpers.js'
import {
  embeddedHarness,
  postgresHarness,
  relationExists,
  stateRows,
  type OpenedDatabase,
} from './support/harness.js'
import { planOf, up } from './support/steps.js'

interface Opened {
  target: Target
  db: Pick<OpenedDatabase, 'sql'>
  close(): Promise<void>
}

const HARNESSES: { name: string; timeouts: boolean; open(): Promise<Opened> }[] = [
  { name: 'postgres', timeouts: true, open: async () => wrap(await postgresHarness.open()) },
  // PGlite runs statements on the one JavaScript thread: no timer can cancel them
  { name: 'embedded', timeouts: false, open: async () => wrap(await embeddedHarness.open()) },
  {
    name: 'hasura',
    timeouts: true,
    async open() {
      const env = await environment(2)
      const target = await env.connect()
      return {
        target,
        db: { sql: (text, params) => query(env.db.url, text, params) },
        close: async () => {
          await target.close()
          await env.close()
        },
      }
    },
  },
]

function wrap(db: OpenedDatabase): Opened {
  return { target: db.target, db, close: () => db.close() }
}

const V = (n: number): bigint => 1700000000000n + BigInt(n)

const CONSOLE_PRIMARY_KEY = [
  'BEGIN TRANSACTION;',
  'ALTER TABLE "public"."pk" DROP CONSTRAINT "pk_pkey";',
  '',
  'ALTER TABLE "public"."pk"',
  '    ADD CONSTRAINT "pk_pkey" PRIMARY KEY ("id", "b");',
  'COMMIT TRANSACTION;',
].join('\n')

describe.each(HARNESSES)('$name target: a migration’s own transactions and session settings', (harness) => {
  const opened: Opened[] = []
  const open = async (): Promise<Opened> => {
    const o = await harness.open()
    opened.push(o)
    return o
  }
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close()
  })
  const run = (o: Opened, steps: Step[], transaction: TransactionMode = 'all', timeoutMs = 30_000) => {
    // the Hasura target plans against the state it read first, as a run does
    return o.target.readState('default').then(() =>
      o.target.execute({
        database: 'default',
        replan: planOf(steps),
        mode: 'apply',
        transaction,
        timeoutMs,
      }),
    )
  }
  const statuses = (r: ExecuteResult): string[] => r.steps.map((s) => `${s.version}:${s.status}`)
  const primaryKey = async (o: Opened): Promise<unknown> =>
    (
      await o.db.sql("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'pk_pkey'")
    )[0]?.def
  const recorded = async (o: Opened) => stateRows({ ...o.db } as OpenedDatabase)

  it.each(['all', 'per-migration'] as const)(
    'applies the console’s BEGIN TRANSACTION … COMMIT TRANSACTION as a savepoint, and says so (%s)',
    async (transaction) => {
      const o = await open()
      const r = await run(
        o,
        [
          up(V(1), 'CREATE TABLE pk (id int PRIMARY KEY, b int NOT NULL DEFAULT 0);'),
          up(V(2), CONSOLE_PRIMARY_KEY, { path: 'migrations/default/2_modify_pk/up.sql' }),
        ],
        transaction,
      )
      expect(r.error).toBeUndefined()
      expect(statuses(r)).toEqual([`${V(1)}:applied`, `${V(2)}:applied`])
      expect(r.steps[1].note).toBe(
        "its BEGIN … COMMIT block (lines 1–6) ran as a savepoint inside the run's transaction",
      )
      expect(await primaryKey(o)).toBe('PRIMARY KEY (id, b)')
      expect(await recorded(o)).toEqual([`${V(1)}:false`, `${V(2)}:false`])
    },
  )

  it('a later failing migration still rolls the whole run back, the block included (transaction: all)', async () => {
    const o = await open()
    const r = await run(o, [
      up(V(1), 'CREATE TABLE pk (id int PRIMARY KEY, b int NOT NULL DEFAULT 0);'),
      up(V(2), CONSOLE_PRIMARY_KEY),
      up(V(3), 'SELECT 1 / 0;', { path: 'migrations/default/3_fails/up.sql' }),
    ])
    expect(r.error).toMatchObject({
      sqlstate: '22012',
      version: `${V(3)}`,
      file: 'migrations/default/3_fails/up.sql',
    })
    expect(statuses(r)).toEqual([`${V(1)}:not-run`, `${V(2)}:not-run`, `${V(3)}:failed`])
    expect(await relationExists({ ...o.db } as OpenedDatabase, 'public.pk')).toBe(false)
    expect(await recorded(o)).toBeNull()
  })

  it('a failure inside the block is blamed on its file and line, and nothing commits', async () => {
    const o = await open()
    const file = [
      'CREATE TABLE early (id int);',
      'BEGIN;',
      'CREATE TABLE inside (id int);',
      'SELECT nope FROM inside;',
      'COMMIT;',
    ].join('\n')
    const r = await run(o, [up(V(1), 'CREATE TABLE first (id int);'), up(V(2), file, { path: 'm/2/up.sql' })])
    expect(r.error).toMatchObject({ sqlstate: '42703', version: `${V(2)}`, file: 'm/2/up.sql', line: 4 })
    for (const t of ['first', 'early', 'inside'])
      expect(await relationExists({ ...o.db } as OpenedDatabase, t)).toBe(false)
  })

  it('a block that ends in ROLLBACK discards only itself, as its author meant', async () => {
    const o = await open()
    const file = [
      'CREATE TABLE kept (id int);',
      'BEGIN;',
      'CREATE TABLE discarded (id int);',
      'ROLLBACK;',
      'CREATE TABLE after_block (id int);',
    ].join('\n')
    const r = await run(o, [up(V(1), file)])
    expect(r.error).toBeUndefined()
    const exists = (t: string) => relationExists({ ...o.db } as OpenedDatabase, t)
    expect([await exists('kept'), await exists('discarded'), await exists('after_block')]).toEqual([
      true,
      false,
      true,
    ])
    expect(r.steps[0].note).toContain('1 ended in ROLLBACK and was discarded')
  })

  it('refuses a COMMIT that would commit the earlier migrations, before anything runs', async () => {
    const o = await open()
    const r = await run(o, [
      up(V(1), 'CREATE TABLE first (id int);'),
      up(V(2), 'CREATE TABLE second (id int);\nCOMMIT;\nCREATE TABLE third (id int);', {
        path: 'm/2/up.sql',
      }),
    ])
    expect(r.error).toMatchObject({ kind: 'user', version: `${V(2)}`, file: 'm/2/up.sql', line: 2 })
    expect(r.error?.message).toBe(
      'm/2/up.sql:2: COMMIT without a BEGIN before it in this file would commit the earlier migrations of the run on its own',
    )
    expect(await relationExists({ ...o.db } as OpenedDatabase, 'first')).toBe(false)
  })

  it.each(['all', 'per-migration'] as const)(
    'what a file SETs for the session ends with the file: search_path, check_function_bodies, ROLE (%s)',
    async (transaction) => {
      const o = await open()
      const role = `hma_limited_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`
      try {
        const r = await run(
          o,
          [
            up(V(1), 'CREATE SCHEMA other;\nSET search_path = other;\nCREATE TABLE in_other (id int);'),
            up(V(2), 'CREATE TABLE in_public (id int);'),
            // a limited role could not write the state records that follow, nor own the next file's table
            up(V(3), `CREATE ROLE ${role} NOLOGIN;\nSET ROLE ${role};\nSELECT 1;`),
            up(V(4), 'CREATE TABLE owned (id int);'),
            up(V(5), "SELECT pg_catalog.set_config('check_function_bodies', 'false', false);"),
            up(
              V(6),
              "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT count(*)::int FROM missing_table';",
              {
                path: 'm/6/up.sql',
              },
            ),
          ],
          transaction,
        )
        // check_function_bodies is back on: the function's body is checked, as in a file of its own
        expect(r.error).toMatchObject({ version: `${V(6)}`, file: 'm/6/up.sql', sqlstate: '42P01' })
        if (transaction === 'per-migration') {
          const where = async (t: string) =>
            (
              await o.db.sql(
                'SELECT schemaname, tableowner = current_user AS ours FROM pg_tables WHERE tablename = $1',
                [t],
              )
            )[0]
          expect(await where('in_other')).toEqual({ schemaname: 'other', ours: true })
          expect(await where('in_public')).toEqual({ schemaname: 'public', ours: true })
          expect(await where('owned')).toEqual({ schemaname: 'public', ours: true })
          expect(await recorded(o)).toEqual([1, 2, 3, 4, 5].map((n) => `${V(n)}:false`))
        } else {
          expect(statuses(r).slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => `${V(n)}:not-run`))
        }
      } finally {
        await o.db.sql(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined)
      }
    },
  )

  it('an unterminated quote at the end of a file: the message quotes none of the action’s own SQL', async () => {
    const o = await open()
    const r = await run(o, [up(V(1), 'CREATE TABLE t (id int);\nSELECT "email\n', { path: 'm/1/up.sql' })])
    expect(r.error).toMatchObject({ sqlstate: '42601', file: 'm/1/up.sql', line: 2 })
    expect(r.error?.message).toMatch(/^unterminated quoted identifier at or near ""email…"$/)
  })

  it.runIf(harness.timeouts)(
    'a file that turns statement_timeout off does not free the next one from the `timeout` input',
    async () => {
      const o = await open()
      const r = await run(
        o,
        [up(V(1), 'SET statement_timeout = 0;\nSET lock_timeout = 0;'), up(V(2), 'SELECT pg_sleep(20);')],
        'all',
        800,
      )
      expect(r.error?.sqlstate).toBe('57014')
      expect(r.steps.map((s) => s.status)).not.toContain('applied')
    },
  )
})
