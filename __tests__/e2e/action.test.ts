/** dist/index.js run as GitHub runs it, against the harness's real PostgreSQL and the embedded database. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_NAMESPACE } from '../../src/targets/lock.js'
import { capturedTexts, runDistAction } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { repoRoot } from '../support/shared.js'
import { tempDir } from '../support/temp-dir.js'

const EXAMPLE = join(repoRoot, 'examples', 'project')
const EXAMPLE_VERSIONS = ['1700000000000', '1700000100000', '1700000200000', '1700000300000']

describe('the action on the example project', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    db = await createDatabase('e2e')
  })
  afterAll(async () => {
    await db.drop()
  })

  it('dry-run plan with no target prints the plan and writes nothing', async () => {
    const r = await runDistAction({ inputs: { 'project-dir': 'examples/project', 'dry-run': 'plan' } })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(JSON.parse(r.outputs['planned-versions'])).toEqual(EXAMPLE_VERSIONS)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
    expect(r.outputs['applied-count']).toBe('0')
    expect(r.outputs.metadata).toBe('skipped')
    const report = JSON.parse(r.outputs.report) as { schemaVersion: number; status: string }
    expect(report).toMatchObject({ schemaVersion: 1, status: 'planned' })
    for (const v of EXAMPLE_VERSIONS) expect(r.summary).toContain(v)
  })

  it('with no target rehearses on the embedded database: apply, round trip, all versions once', async () => {
    const r = await runDistAction({ inputs: { 'project-dir': 'examples/project' } })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(EXAMPLE_VERSIONS)
    const report = JSON.parse(r.outputs.report) as {
      target: { kind: string; serverVersion?: string }
      roundTrip?: { status: string }
    }
    expect(report.target.kind).toBe('embedded')
    expect(report.target.serverVersion).toMatch(/PostgreSQL 1\d/)
    expect(report.roundTrip?.status).toBe('passed')
  }, 120_000)

  it('on the embedded database, creates the contrib extensions the project names', async () => {
    const workspace = tempDir('hma-ext-')
    const dir = join(workspace, 'hasura')
    mkdirSync(join(dir, 'migrations/default/1_uuids'), { recursive: true })
    writeFileSync(join(dir, 'config.yaml'), 'version: 3\n')
    writeFileSync(
      join(dir, 'migrations/default/1_uuids/up.sql'),
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\nCREATE EXTENSION earthdistance CASCADE;\n' +
        'CREATE TABLE ids (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), at cube);\nINSERT INTO ids DEFAULT VALUES;\n',
    )
    writeFileSync(
      join(dir, 'migrations/default/1_uuids/down.sql'),
      'DROP TABLE ids;\nDROP EXTENSION earthdistance;\nDROP EXTENSION cube;\nDROP EXTENSION "uuid-ossp";\n',
    )
    const r = await runDistAction({ cwd: workspace, inputs: { 'project-dir': 'hasura' } })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(['1'])
    expect((JSON.parse(r.outputs.report) as { roundTrip?: { status: string } }).roundTrip?.status).toBe(
      'passed',
    )
  }, 120_000)

  it('on the embedded database, starts from the data directory the bundle ships (not a fresh initdb)', async () => {
    // initdb draws a new system identifier each time; copies of one data directory share it.
    const workspace = tempDir('hma-datadir-')
    const dir = join(workspace, 'hasura')
    mkdirSync(join(dir, 'migrations/default/1_sysid'), { recursive: true })
    writeFileSync(join(dir, 'config.yaml'), 'version: 3\n')
    writeFileSync(
      join(dir, 'migrations/default/1_sysid/up.sql'),
      "DO $$ BEGIN RAISE EXCEPTION 'system identifier %', (SELECT system_identifier FROM pg_control_system()); END $$;\n",
    )
    const identifier = async (): Promise<string> => {
      const r = await runDistAction({ cwd: workspace, inputs: { 'project-dir': 'hasura' } })
      expect(r.code).toBe(1)
      const report = JSON.parse(r.outputs.report) as { error?: { message: string } }
      const found = /system identifier (\d+)/.exec(report.error?.message ?? '')
      expect(found, r.stdout).not.toBeNull()
      return found![1]
    }
    expect(await identifier()).toBe(await identifier())
  }, 120_000)

  it('applies to PostgreSQL in one run, records CLI state, and a second run applies nothing', async () => {
    const inputs = { 'project-dir': 'examples/project', 'database-url': db.url }
    const first = await runDistAction({ inputs })
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(JSON.parse(first.outputs['applied-versions'])).toEqual(EXAMPLE_VERSIONS)
    expect(JSON.parse(first.outputs.applied)).toEqual({ default: EXAMPLE_VERSIONS })
    expect(first.outputs['current-version']).toBe('1700000300000')
    expect(JSON.parse(first.outputs['pending-versions'])).toEqual([])
    const rows = await query<{ version: string; dirty: boolean }>(
      db.url,
      'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
    )
    expect(rows).toEqual(EXAMPLE_VERSIONS.map((version) => ({ version, dirty: false })))
    const idx = await query(db.url, "SELECT 1 FROM pg_indexes WHERE indexname = 'articles_published_at_idx'")
    expect(idx).toHaveLength(1)

    // Another run holds the run lock: a run with nothing to apply neither waits for it nor times out.
    const holder = new pg.Client({ connectionString: db.url })
    await holder.connect()
    try {
      await holder.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, 'default'])
      const second = await runDistAction({ inputs: { ...inputs, timeout: '1' } })
      expect(second.code, second.stdout + second.stderr).toBe(0)
      expect(JSON.parse(second.outputs['applied-versions'])).toEqual([])
      expect(JSON.parse(second.outputs.report)).toMatchObject({ status: 'nothing-to-do' })
    } finally {
      await holder.end()
    }
  })

  it('rolls back with direction down and steps', async () => {
    const r = await runDistAction({
      inputs: { 'project-dir': 'examples/project', 'database-url': db.url, direction: 'down', steps: '2' },
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(['1700000300000', '1700000200000'])
    expect(r.outputs['current-version']).toBe('1700000100000')
    const fn = await query(db.url, "SELECT 1 FROM pg_proc WHERE proname = 'article_word_count'")
    expect(fn).toHaveLength(0)
  })
})

describe('the action on bad input', () => {
  it('fails with one ::error:: line naming the input, and no stack trace', async () => {
    const r = await runDistAction({ inputs: { 'project-dir': 'examples/project', direction: 'sideways' } })
    expect(r.code).toBe(1)
    const errors = r.annotations.filter((a) => a.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain("input 'direction'")
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
  })

  it('with several problems that block the plan: one ::error:: (the first, counting the rest), the others as warnings on their files', async () => {
    const workspace = tempDir('hma-blocking-')
    const dir = join(workspace, 'hasura')
    mkdirSync(dir)
    writeFileSync(join(dir, 'config.yaml'), 'version: 3\n')
    for (const [version, table] of [
      ['1', 'a'],
      ['2', 'b'],
    ]) {
      const m = join(dir, `migrations/default/${version}_index_${table}`)
      mkdirSync(m, { recursive: true })
      writeFileSync(
        join(m, 'up.sql'),
        `CREATE TABLE ${table} (id int);\nCREATE INDEX CONCURRENTLY ON ${table} (id);\n`,
      )
    }
    const r = await runDistAction({ cwd: workspace, inputs: { 'project-dir': 'hasura', 'dry-run': 'plan' } })
    expect(r.code).toBe(1)
    const errors = r.annotations.filter((a) => a.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('file=hasura/migrations/default/1_index_a/up.sql')
    expect(errors[0]).toContain('(and 1 more problem in the findings)')
    const warnings = r.annotations.filter((a) => a.startsWith('::warning'))
    expect(
      warnings.filter((w) => w.includes('file=hasura/migrations/default/2_index_b/up.sql,line=2')),
    ).toHaveLength(1)
  })

  it('fails clearly when the project has no config.yaml', async () => {
    const empty = tempDir('hma-noconfig-')
    const r = await runDistAction({ inputs: { 'project-dir': empty, 'dry-run': 'plan' } })
    expect(r.code).toBe(1)
    const errors = r.annotations.filter((a) => a.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('config.yaml')
  })

  it('names the file and line of a failing migration and leaves the database untouched', async () => {
    const db = await createDatabase('e2e_fail')
    try {
      const workspace = tempDir('hma-fail-')
      const dir = join(workspace, 'hasura')
      cpSync(EXAMPLE, dir, { recursive: true })
      writeFileSync(
        join(dir, 'migrations/default/1700000200000_article_word_count/up.sql'),
        'CREATE TABLE public.ok_before (id int);\n\nSELECT no_such_column\n  FROM public.articles;\n',
      )
      const r = await runDistAction({
        cwd: workspace,
        inputs: { 'project-dir': 'hasura', 'database-url': db.url },
      })
      expect(r.code).toBe(1)
      const errors = r.annotations.filter((a) => a.startsWith('::error'))
      expect(errors).toHaveLength(1)
      // annotations name the file relative to the workspace (the repository root)
      expect(errors[0]).toContain('file=hasura/migrations/default/1700000200000_article_word_count/up.sql')
      expect(errors[0]).toContain('line=3')
      expect(errors[0]).toContain('no_such_column')
      const tables = await query(db.url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")
      expect(tables).toHaveLength(0)
      const state = await query(db.url, "SELECT to_regclass('hdb_catalog.schema_migrations') AS t")
      expect(state[0]?.t).toBeNull()
      expect(r.summary).toContain('no_such_column')
    } finally {
      await db.drop()
    }
  })

  // The second password holds a raw '@', which URL parsing (and pg) accept: the userinfo ends at the last '@'.
  for (const secret of ['Zx9-unlikely-PASSWORD-7Qv', 'Zx9@unlikely-PASSWORD-7Qv']) {
    it(`never prints the database password, even when authentication fails (${secret.includes('@') ? "with a raw '@'" : 'plain'})`, async () => {
      const url = `postgres://nobody_here:${secret}@127.0.0.1:1/nowhere`
      const r = await runDistAction({ inputs: { 'project-dir': 'examples/project', 'database-url': url } })
      expect(r.code).toBe(1)
      const everything = capturedTexts(r).join('\n')
      expect(everything).toContain('127.0.0.1') // the message names the server...
      for (const part of secret.split('@')) expect(everything).not.toContain(part) // ...and no piece of the password
      expect(r.annotations.filter((a) => a.startsWith('::error'))).toHaveLength(1)
    })
  }
})
