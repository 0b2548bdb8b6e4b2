/**
 * `skip-execution` records versions without running their SQL (adopting a database the SQL already
 * reached by hand): how that SQL would run is then nobody's concern. Neither a statement that cannot run
 * in a transaction nor a safety rule may stop it, and nothing of the SQL runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../src/run.js'
import type { RunIO } from '../../../src/run/context.js'
import { parseSettings, type InputName } from '../../../src/settings.js'
import { createDatabase, query } from '../../support/database.js'
import { write } from '../../support/git-repo.js'
import { tempDir } from '../../support/temp-dir.js'

const io = (cwd: string): RunIO => ({
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn(),
  cwd,
  env: {},
})

const runWith = (cwd: string, inputs: Partial<Record<InputName, string>>) =>
  run(
    parseSettings((name) => inputs[name] ?? '', {}),
    io(cwd),
  )

describe('skip-execution', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  let root: string

  beforeAll(async () => {
    db = await createDatabase('skipexec')
    root = tempDir('hma-skip-execution-')
    write(root, 'hasura/config.yaml', 'version: 2\n')
    // applied by hand long ago: an index built CONCURRENTLY in a file without the no-transaction marker,
    // and a dropped column (a safety rule's finding)
    write(
      root,
      'hasura/migrations/1700000000000_by_hand/up.sql',
      'CREATE TABLE t (a int, b int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\nALTER TABLE t DROP COLUMN b;\n',
    )
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('a file that could not run in a transaction is no reason to refuse', async () => {
    const applied = await runWith(root, { 'project-dir': 'hasura', 'database-url': db.url })
    // without skip-execution the plan refuses it before anything runs
    expect(applied.error?.message).toContain(
      'CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
    )

    const r = await runWith(root, {
      'project-dir': 'hasura',
      'database-url': db.url,
      'skip-execution': 'true',
      lint: 'error',
    })
    expect(r.error).toBeUndefined()
    // only what is true whatever ran: the version has no down file
    expect(r.databases[0].findings.map((f) => f.kind)).toEqual(['missing-down'])
    expect(r.safety?.notes.join(' ')).toContain('without running their SQL')
    expect(r.databases[0].steps.map((s) => [s.version, s.status])).toEqual([['1700000000000', 'skipped']])
    const recorded = await query(
      db.url,
      'SELECT version::text AS v, dirty FROM hdb_catalog.schema_migrations',
    )
    expect(recorded).toEqual([{ v: '1700000000000', dirty: false }])
    // and none of its SQL ran
    expect(await query(db.url, "SELECT 1 FROM pg_tables WHERE tablename = 't'")).toEqual([])
  })
})
