/**
 * `verify-metadata` through dist/index.js: the blog project (every kind of metadata reference) with one
 * reference broken at a time, on the embedded database and on PostgreSQL (`database-url`). Each fails
 * naming the object, at its metadata file and line, and the PostgreSQL database is byte for byte what
 * it was (`pg_dump`); the consistent project passes on both. On Hasura (the test server), a failing
 * check applies nothing and costs at most twice the requests of the same run without it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { startHasuraServer } from '../support/hasura-server/index.js'
import { dumpSchema } from '../support/psql.js'
import { SIGNALS } from '../../src/targets/hasura/state-sql.js'
import { workspaceWith } from '../reliability/support/hostile.js'
import { CASES, type Case } from '../unit/review/blog-cases.js'
import { BLOG_FILES, BLOG_SQL } from '../unit/review/blog-project.js'

const MIGRATION = {
  'migrations/default/1700000000000_blog/up.sql': BLOG_SQL,
  'migrations/default/1700000000000_blog/down.sql':
    'DROP FUNCTION public.search_articles(text); DROP FUNCTION public.author_initials(public.author);\nDROP FUNCTION public.author_display_name(public.author);\nDROP TABLE public.tag, public.article, public.status, public.author;\n',
}

const dropped: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(dropped.map((drop) => drop()))
})

function blogWorkspace(edit?: Case): string {
  const files: Record<string, string> = { ...BLOG_FILES, ...MIGRATION }
  if (edit) files[edit.file] = files[edit.file].replace(edit.from, edit.to)
  return workspaceWith(files).workspace
}

interface Problem {
  database: string
  type: string
  name: string
  reason: string
  file?: string
  line?: number
}

const problemsOf = (r: ActionRun): Problem[] =>
  JSON.parse(r.outputs['metadata-problems'] || '[]') as Problem[]
const errorsOf = (r: ActionRun): string[] => r.annotations.filter((a) => a.startsWith('::error'))
const log = (r: ActionRun): string => r.stdout + r.stderr

async function freshDatabase() {
  const db = await createDatabase('verify_e2e')
  dropped.push(() => db.drop())
  // something already there, so that "unchanged" means more than "still empty"
  await query(db.url, 'CREATE TABLE public.existing (id integer PRIMARY KEY); CREATE SCHEMA other;')
  return db
}

function expectNamed(r: ActionRun, c: Case): void {
  expect(r.code, log(r)).toBe(1)
  expect(errorsOf(r)).toHaveLength(1)
  expect(errorsOf(r)[0]).toContain(c.name)
  expect(problemsOf(r)).toContainEqual(
    expect.objectContaining({ database: 'default', type: c.type, name: c.name, file: c.file }),
  )
  expect(r.summary).toContain('Metadata problems')
}

describe('verify-metadata: error, one unresolved reference of each kind', () => {
  it.each(CASES)('embedded database: $title', async (c) => {
    const r = await runDistAction({ cwd: blogWorkspace(c), inputs: { 'project-dir': 'hasura' } })
    expectNamed(r, c)
  })

  it.each(CASES)('PostgreSQL, nothing applied (pg_dump unchanged): $title', async (c) => {
    const db = await freshDatabase()
    const before = await dumpSchema(db, [])
    const r = await runDistAction({
      cwd: blogWorkspace(c),
      inputs: { 'project-dir': 'hasura', 'database-url': db.url },
    })
    expectNamed(r, c)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual([])
    expect(await dumpSchema(db, [])).toBe(before)
  })
})

describe('verify-metadata: the consistent project', () => {
  it('passes on the embedded database, with the schema it creates', async () => {
    const r = await runDistAction({ cwd: blogWorkspace(), inputs: { 'project-dir': 'hasura' } })
    expect(r.code, log(r)).toBe(0)
    expect(problemsOf(r)).toEqual([])
    const changes = JSON.parse(r.outputs['schema-changes']) as Record<string, { added: { name: string }[] }>
    expect(changes.default.added.map((a) => a.name)).toEqual(
      expect.arrayContaining(['article', 'author', 'status', 'tag']),
    )
  })

  it('passes on PostgreSQL and applies; warn reports a problem and applies; off checks nothing', async () => {
    const db = await freshDatabase()
    const ok = await runDistAction({
      cwd: blogWorkspace(),
      inputs: { 'project-dir': 'hasura', 'database-url': db.url },
    })
    expect(ok.code, log(ok)).toBe(0)
    expect(JSON.parse(ok.outputs['applied-versions'])).toEqual(['1700000000000'])
    const report = JSON.parse(ok.outputs.report) as { metadataCheck: { status: string } }
    expect(report.metadataCheck.status).toBe('passed')

    const [broken] = CASES
    const warned = await runDistAction({
      cwd: blogWorkspace(broken),
      inputs: {
        'project-dir': 'hasura',
        'database-url': (await freshDatabase()).url,
        'verify-metadata': 'warn',
      },
    })
    expect(warned.code, log(warned)).toBe(0)
    expect(problemsOf(warned).map((p) => p.name)).toEqual([broken.name])
    expect(JSON.parse(warned.outputs['applied-versions'])).toEqual(['1700000000000'])

    const off = await runDistAction({
      cwd: blogWorkspace(broken),
      inputs: {
        'project-dir': 'hasura',
        'database-url': (await freshDatabase()).url,
        'verify-metadata': 'off',
      },
    })
    expect(off.code, log(off)).toBe(0)
    expect(problemsOf(off)).toEqual([])
    // nothing is checked, but what the run changed in the schema is still reported (contract §8.2)
    const changes = JSON.parse(off.outputs['schema-changes']) as Record<string, { added: unknown[] }>
    expect(changes.default.added.length).toBeGreaterThan(0)
  })
})

describe('verify-metadata on Hasura (the test server)', () => {
  it('a failing check applies nothing, within twice the requests of the same run without the check', async () => {
    const runOn = async (verify: 'error' | 'off') => {
      const db = await createDatabase('verify_hasura')
      dropped.push(() => db.drop())
      const server = await startHasuraServer({
        databaseUrl: db.url,
        env: { HASURA_GRAPHQL_DATABASE_URL: db.url },
      })
      dropped.unshift(() => server.close())
      const from = server.requests.length
      // metadata: skip on the run without the check, so that both stop at the same point: after the migrations
      const r = await runDistAction({
        cwd: blogWorkspace(CASES[0]),
        inputs: {
          'project-dir': 'hasura',
          endpoint: server.url,
          'verify-metadata': verify,
          ...(verify === 'off' ? { metadata: 'skip' } : {}),
        },
      })
      return { r, db, requests: server.requests.length - from, server }
    }
    const checked = await runOn('error')
    expect(checked.r.code, log(checked.r)).toBe(1)
    expect(errorsOf(checked.r)[0]).toContain(CASES[0].name)
    const tables = await query(checked.db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    expect(tables).toEqual([])
    const [state] = await query<{ cli_state: { migrations?: Record<string, unknown> } }>(
      checked.db.url,
      'SELECT cli_state FROM hdb_catalog.hdb_version',
    )
    expect(state.cli_state.migrations?.default ?? {}).toEqual({})
    expect(JSON.parse(checked.r.outputs['applied-versions'])).toEqual([])
    const unchecked = await runOn('off')
    expect(unchecked.r.code, log(unchecked.r)).toBe(0)
    expect(checked.requests).toBeLessThanOrEqual(2 * unchecked.requests)
  })
})

describe('on a Hasura server that hides database errors (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false)', () => {
  const hidingServer = async () => {
    const db = await createDatabase('verify_hidden')
    dropped.push(() => db.drop())
    const server = await startHasuraServer({
      databaseUrl: db.url,
      env: { HASURA_GRAPHQL_DATABASE_URL: db.url },
      adminInternalErrors: false,
    })
    dropped.unshift(() => server.close())
    return { db, server }
  }
  const publicTables = async (url: string) =>
    (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
      .map((t) => t.tablename)
      .sort()
  const warningsOf = (r: ActionRun): string =>
    r.annotations.filter((a) => a.startsWith('::warning')).join('\n')

  it('applies the consistent project, checks it after the commit, and says so', async () => {
    const { db, server } = await hidingServer()
    const r = await runDistAction({
      cwd: blogWorkspace(),
      inputs: { 'project-dir': 'hasura', endpoint: server.url },
    })
    expect(r.code, log(r)).toBe(0)
    expect(problemsOf(r)).toEqual([])
    const report = JSON.parse(r.outputs.report) as {
      metadataCheck: { status: string; committedBeforeCheck: { version: string }[] }
    }
    expect(report.metadataCheck.status).toBe('passed')
    expect(report.metadataCheck.committedBeforeCheck.map((c) => c.version)).toEqual(['1700000000000'])
    expect(warningsOf(r)).toContain('read after the migrations committed')
    expect(warningsOf(r)).toContain('HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false')
    const changes = JSON.parse(r.outputs['schema-changes']) as Record<string, { added: { name: string }[] }>
    expect(changes.default.added.map((a) => a.name)).toEqual(
      expect.arrayContaining(['article', 'author', 'status', 'tag']),
    )
    expect(await publicTables(db.url)).toEqual(['article', 'author', 'status', 'tag'])
  })

  it('a broken reference fails the run once the migrations have committed, naming the object', async () => {
    const { db, server } = await hidingServer()
    const [broken] = CASES
    const r = await runDistAction({
      cwd: blogWorkspace(broken),
      inputs: { 'project-dir': 'hasura', endpoint: server.url },
    })
    expect(r.code, log(r)).toBe(1)
    expect(errorsOf(r)[0]).toContain(broken.name)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(['1700000000000'])
    expect(await publicTables(db.url)).toEqual(['article', 'author', 'status', 'tag'])
  })

  it('dry-run: rehearse says it cannot tell its rollback from a failure, and applies nothing', async () => {
    const { db, server } = await hidingServer()
    const r = await runDistAction({
      cwd: blogWorkspace(),
      inputs: { 'project-dir': 'hasura', endpoint: server.url, 'dry-run': 'rehearse' },
    })
    expect(r.code, log(r)).toBe(1)
    expect(errorsOf(r)[0]).toContain(
      'dry-run: rehearse cannot tell its own rollback from a failing migration',
    )
    expect(errorsOf(r)[0]).toContain('HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS')
    expect(await publicTables(db.url)).toEqual([])
  })

  it('a failing migration fails without guessing which statement, names the setting, and applies nothing', async () => {
    const { db, server } = await hidingServer()
    const workspace = workspaceWith({
      ...BLOG_FILES,
      ...MIGRATION,
      'migrations/default/1700000000000_blog/up.sql': `${BLOG_SQL}\nSELECT * FROM no_such_table;\n`,
    }).workspace
    const from = server.requests.length
    const r = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': 'hasura', endpoint: server.url },
    })
    expect(r.code, log(r)).toBe(1)
    expect(r.summary).toContain('HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false')
    // no rehearsal of prefixes to find the statement: each would fail the same, unreadable way
    const sent = server.requests.slice(from).map((q) => JSON.stringify(q.body ?? ''))
    expect(sent.filter((b) => b.includes(SIGNALS.rehearsal))).toEqual([])
    expect(await publicTables(db.url)).toEqual([])
  })
})
