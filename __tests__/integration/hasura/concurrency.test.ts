/** Four runs at once against one database: every version applied exactly once, every run succeeds. */
import { afterEach, describe, expect, it } from 'vitest'
import type { TransactionMode } from '../../../src/targets/target.js'
import { createDatabase, query } from '../../support/database.js'
import { environment, migration, planUp, request, type Env } from './helpers.js'

const local = [
  migration(
    1,
    'CREATE TABLE applied_log (version bigint, at timestamptz default clock_timestamp()); INSERT INTO applied_log (version) VALUES (1); SELECT pg_sleep(0.05);',
  ),
  ...[2, 3, 4, 5, 6].map((v) =>
    migration(
      v,
      `CREATE TABLE t${v} (id int); INSERT INTO applied_log (version) VALUES (${v}); SELECT pg_sleep(0.02);`,
    ),
  ),
]

async function race(env: Env, transaction: TransactionMode): Promise<void> {
  const targets = await Promise.all([1, 2, 3, 4].map(() => env.connect()))
  // Everyone reads the same empty state first: the race is real.
  const states = await Promise.all(targets.map((t) => t.readState('default')))
  const results = await Promise.all(
    targets.map((t, i) =>
      t.execute(request('default', planUp('default', local), { transaction, state: states[i] })),
    ),
  )
  for (const r of results) expect(r.error, JSON.stringify(r.error)).toBeUndefined()
  // Everyone planned all six: at least three runs lost a race, re-planned, and said so.
  expect(results.filter((r) => r.appliedByAnotherRun.length > 0).length).toBeGreaterThanOrEqual(3)
  const appliedBy = results.flatMap((r) =>
    r.steps.filter((s) => s.status === 'applied').map((s) => s.version),
  )
  expect(appliedBy.sort()).toEqual(['1', '2', '3', '4', '5', '6'])
  for (const r of results) {
    const mine = new Set(r.steps.filter((s) => s.status === 'applied').map((s) => s.version))
    const others = r.appliedByAnotherRun.map(String)
    expect([...mine, ...others].sort()).toEqual(['1', '2', '3', '4', '5', '6'])
    expect([...r.stateAfter.versions.keys()].length).toBe(6)
  }
  expect(
    await query(
      env.db.url,
      'SELECT version::int AS v, count(*)::int AS n FROM applied_log GROUP BY version ORDER BY version',
    ),
  ).toEqual([1, 2, 3, 4, 5, 6].map((v) => ({ v, n: 1 })))
}

describe('Hasura target: concurrent runs', () => {
  let env: Env
  let meta: Awaited<ReturnType<typeof createDatabase>> | undefined
  afterEach(async () => {
    await env.close()
    await meta?.drop()
    meta = undefined
  })

  for (const transaction of ['all', 'per-migration'] as const) {
    it(`config 2, transaction: ${transaction}`, async () => {
      env = await environment(2)
      await race(env, transaction)
      expect(await query(env.db.url, 'SELECT count(*)::int AS n FROM hdb_catalog.schema_migrations')).toEqual(
        [{ n: 6 }],
      )
    })

    it(`config 3 with a separate metadata database (ledger), transaction: ${transaction}`, async () => {
      meta = await createDatabase('hmeta')
      env = await environment(3, { metadataDatabaseUrl: meta.url })
      await race(env, transaction)
      const rows = await query<{ cli_state: { migrations: { default: Record<string, boolean> } } }>(
        meta.url,
        'SELECT cli_state FROM hdb_catalog.hdb_version',
      )
      expect(Object.keys(rows[0].cli_state.migrations.default).sort()).toEqual(['1', '2', '3', '4', '5', '6'])
    })
  }

  for (const transaction of ['all', 'per-migration'] as const) {
    it(`config 3 with the catalog in the source database, transaction: ${transaction}`, async () => {
      env = await environment(3)
      await race(env, transaction)
      const rows = await query<{ cli_state: { migrations: { default: Record<string, boolean> } } }>(
        env.db.url,
        'SELECT cli_state FROM hdb_catalog.hdb_version',
      )
      expect(Object.keys(rows[0].cli_state.migrations.default).sort()).toEqual(['1', '2', '3', '4', '5', '6'])
    })
  }
})
