/**
 * Issue 6 item 2 — eight runs of one project at once (dist/index.js, as eight jobs of a workflow would),
 * on the PostgreSQL target and on the Hasura target, in both transaction modes. Contract §5: no version
 * is applied twice, every run succeeds, and a run that finds its plan applied by another run says so.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase } from '../support/database.js'
import { startHasuraServer, type HasuraServer } from '../support/hasura-server/index.js'
import {
  createAppliedLog,
  generateProject,
  readFacts,
  STACK_FRAME,
  tally,
  type StateStore,
} from './support/generated-project.js'
import { record } from './support/record.js'

const RUNS = 8
const COUNT = 20
/** A slow migration early on keeps the winner busy while the others read the state and plan. */
const SLOW = 3

interface RunReport {
  status: string
  databases: { appliedByAnotherRun: string[] }[]
}

describe('eight concurrent runs of one project', () => {
  const dbs: { drop(): Promise<void> }[] = []
  const servers: HasuraServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
    for (const d of dbs) await d.drop()
  })

  for (const target of ['pg', 'hasura'] as const) {
    for (const mode of ['all', 'per-migration'] as const) {
      it(`${target} target, transaction: ${mode} — every version once, every run exits 0, the losers say so`, async () => {
        const name = `${target}: ${RUNS} concurrent runs, transaction ${mode}`
        try {
          const db = await createDatabase('race')
          dbs.push(db)
          await createAppliedLog(db.url)
          const project = generateProject({
            count: COUNT,
            configVersion: target === 'pg' ? 2 : 3,
            extra: { [SLOW]: 'SELECT pg_sleep(1);' },
          })
          const store: StateStore = target === 'pg' ? 'schema_migrations' : 'catalog'
          let inputs: Record<string, string>
          if (target === 'pg') {
            inputs = { 'project-dir': project.projectDir, 'database-url': db.url, transaction: mode }
          } else {
            const server = await startHasuraServer({ databaseUrl: db.url })
            servers.push(server)
            inputs = { 'project-dir': project.projectDir, endpoint: server.url, transaction: mode }
          }

          const runs: ActionRun[] = await Promise.all(
            Array.from({ length: RUNS }, () => runDistAction({ cwd: project.workspace, inputs })),
          )

          for (const r of runs) {
            expect(r.code, r.stdout + r.stderr).toBe(0)
            expect(r.annotations.filter((a) => a.startsWith('::error'))).toEqual([])
            expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
          }
          const applied = runs.map((r) => JSON.parse(r.outputs['applied-versions']) as string[])
          // each version executed by exactly one run
          expect(applied.flat().sort()).toEqual(project.versions)

          let reported = 0
          for (const [i, r] of runs.entries()) {
            const report = JSON.parse(r.outputs.report) as RunReport
            const byAnother = report.databases[0]?.appliedByAnotherRun ?? []
            const planned = JSON.parse(r.outputs['planned-versions']) as string[]
            // what this run planned and did not run itself, another run did — and the report says so
            const notMine = planned.filter((v) => !applied[i].includes(v))
            expect(byAnother.slice().sort(), r.stdout).toEqual(notMine.sort())
            expect(JSON.parse(r.outputs['pending-versions'])).toEqual([])
            if (byAnother.length > 0) {
              reported++
              expect(r.summary.toLowerCase()).toContain('applied by another run')
              for (const v of byAnother) expect(r.summary).toContain(v)
              expect(report.status).toMatch(/^(applied|nothing-to-do)$/)
            }
          }
          // the race really happened: at least one run planned versions another run then applied
          expect(reported).toBeGreaterThan(0)

          const facts = await readFacts(db.url, store)
          expect([...facts.logged.entries()].sort()).toEqual(project.versions.map((v) => [v, 1]))
          const t = tally(facts, project.versions)
          expect(t).toEqual({ doubleApplies: 0, lostMigrations: 0, inconsistent: [] })
          record({
            suite: 'races',
            name,
            outcome: 'passed',
            doubleApplies: t.doubleApplies,
            lostMigrations: t.lostMigrations,
            detail: `${RUNS} runs: ${applied.filter((a) => a.length > 0).length} applied versions, ${reported} reported versions applied by another run`,
          })
        } catch (e) {
          record({ suite: 'races', name, outcome: 'failed', detail: String(e).slice(0, 300) })
          throw e
        }
      }, 180_000)
    }
  }
})
