/**
 * The review stages of a run, in-process on real databases: the safety rules before anything executes
 * (with the catalog of the PostgreSQL target before the run; on the embedded database, only a pull
 * request's own migrations), and the metadata changes against the pull request's base commit.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FindingResult, Result } from '../../../src/model.js'
import { findingsOf, metadataChangesOf } from '../../../src/report/outputs.js'
import { run } from '../../../src/run.js'
import type { RunIO } from '../../../src/run/context.js'
import { parseSettings, type InputName } from '../../../src/settings.js'
import { createDatabase, query } from '../../support/database.js'
import { commit, git, write } from '../../support/git-repo.js'
import { tempDir } from '../../support/temp-dir.js'

const M = 'hasura/migrations/default'

const io = (cwd: string, env: NodeJS.ProcessEnv = {}): RunIO => ({
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn(),
  cwd,
  env,
})

const runWith = (cwd: string, inputs: Partial<Record<InputName, string>>, env: NodeJS.ProcessEnv = {}) =>
  run(
    parseSettings((name) => inputs[name] ?? '', {}),
    io(cwd, env),
  )

const brief = (r: Result): string[] =>
  r.databases
    .flatMap((d) => d.findings)
    .filter((f: FindingResult) => f.kind === 'safety')
    .map((f) => `${f.rule}@${f.version}:${f.line}${f.silenced ? ' (silenced)' : ''}`)

/** Metadata tracking public.users, whose `email` the anonymous role may select. */
const DATABASES_YAML = `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: PG_DATABASE_URL
  tables:
  - table: {schema: public, name: users}
    select_permissions:
    - role: anonymous
      permission: {columns: [id, email], filter: {}}
`

function project(root: string, second: string, secondDown = 'SELECT 1;\n'): void {
  write(root, 'hasura/config.yaml', 'version: 3\n')
  write(root, 'hasura/metadata/version.yaml', 'version: 3\n')
  write(root, 'hasura/metadata/databases/databases.yaml', DATABASES_YAML)
  write(
    root,
    `${M}/1700000000000_users/up.sql`,
    'CREATE TABLE users (id int PRIMARY KEY, email text, name text);\n',
  )
  write(root, `${M}/1700000000000_users/down.sql`, 'DROP TABLE users;\n')
  write(root, `${M}/1700000000100_change/up.sql`, second)
  write(root, `${M}/1700000000100_change/down.sql`, secondDown)
}

const CHANGE = [
  'ALTER TABLE users DROP COLUMN name;',
  'CREATE INDEX users_email ON users (email);',
  'CREATE TABLE posts (id int);',
  'CREATE INDEX posts_id ON posts (id);',
].join('\n')

describe('lint on PostgreSQL: the catalog before the run says which tables are new', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  let root: string

  beforeAll(async () => {
    db = await createDatabase('lint')
    root = tempDir('hma-lint-pg-')
    project(root, CHANGE + '\n')
    // version 1700000000000 applied, as the CLI records it
    const r = await runWith(root, {
      'project-dir': 'hasura',
      'database-url': db.url,
      'target-version': '1700000000000',
      metadata: 'skip',
    })
    expect(r.error).toBeUndefined()
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('lint: warn reports, the run applies; an index on the new table is no finding', async () => {
    const r = await runWith(root, { 'project-dir': 'hasura', 'database-url': db.url, 'dry-run': 'rehearse' })
    expect(r.error).toBeUndefined()
    expect(brief(r)).toEqual(['drop-column@1700000000100:1', 'create-index-not-concurrently@1700000000100:2'])
    expect(r.safety).toEqual({ lint: 'warn', files: 1, withCatalog: ['default'], notes: [] })
    expect(findingsOf(r)[0]).toEqual({
      rule: 'drop-column',
      severity: 'warning',
      database: 'default',
      version: '1700000000100',
      file: 'migrations/default/1700000000100_change/up.sql',
      line: 1,
      message: expect.stringContaining('drops column name of public.users') as string,
      silenced: false,
    })
  })

  it('lint: error fails before anything is written: no lock, no ledger, no state row', async () => {
    const before = await query(db.url, `SELECT n.nspname FROM pg_namespace n ORDER BY 1`)
    const state = await query(db.url, `SELECT count(*)::int AS n FROM hdb_catalog.schema_migrations`)
    const r = await runWith(root, { 'project-dir': 'hasura', 'database-url': db.url, lint: 'error' })
    expect(r.status).toBe('failed')
    expect(r.error).toMatchObject({
      kind: 'user',
      version: '1700000000100',
      file: 'migrations/default/1700000000100_change/up.sql',
      line: 1,
    })
    expect(r.error?.message).toMatch(
      /^safety rule drop-column: .*\(and 1 more in the findings\) — lint: error/,
    )
    expect(r.databases[0].steps).toEqual([])
    expect(await query(db.url, `SELECT n.nspname FROM pg_namespace n ORDER BY 1`)).toEqual(before)
    expect(await query(db.url, `SELECT count(*)::int AS n FROM hdb_catalog.schema_migrations`)).toEqual(state)
    const columns = await query(
      db.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY 1`,
    )
    expect(columns.map((c) => c.column_name)).toEqual(['email', 'id', 'name'])
  })

  it('a file that silences its rules passes lint: error, and the report still lists them', async () => {
    const file = join(root, M, '1700000000100_change/up.sql')
    writeFileSync(file, `-- hasura-migrate:ignore drop-column, create-index-not-concurrently\n${CHANGE}\n`)
    try {
      const r = await runWith(root, {
        'project-dir': 'hasura',
        'database-url': db.url,
        lint: 'error',
        'dry-run': 'rehearse',
      })
      expect(r.error).toBeUndefined()
      expect(brief(r)).toEqual([
        'drop-column@1700000000100:2 (silenced)',
        'create-index-not-concurrently@1700000000100:3 (silenced)',
      ])
    } finally {
      writeFileSync(file, CHANGE + '\n')
    }
  })

  it('dropping a column the metadata uses is an error finding; lint: off checks nothing', async () => {
    const file = join(root, M, '1700000000100_change/up.sql')
    writeFileSync(file, 'ALTER TABLE users DROP COLUMN email;\n')
    try {
      const r = await runWith(root, { 'project-dir': 'hasura', 'database-url': db.url, 'dry-run': 'plan' })
      expect(brief(r)).toEqual(['drop-column@1700000000100:1', 'referenced-by-metadata@1700000000100:1'])
      expect(r.databases[0].findings[1].severity).toBe('error')
      const off = await runWith(root, {
        'project-dir': 'hasura',
        'database-url': db.url,
        'dry-run': 'plan',
        lint: 'off',
      })
      expect(brief(off)).toEqual([])
      expect(off.safety?.lint).toBe('off')
    } finally {
      writeFileSync(file, CHANGE + '\n')
    }
  })
})

describe('on the embedded database with a pull request: its own migrations, its metadata against the base', () => {
  let repo: string
  let baseSha: string
  let eventPath: string

  beforeAll(() => {
    repo = tempDir('hma-lint-pr-')
    git(repo, 'init', '-q', '-b', 'main')
    project(repo, 'CREATE TABLE tags (id int);\n', 'DROP TABLE tags;\n')
    write(
      repo,
      'hasura/metadata/databases/databases.yaml',
      DATABASES_YAML.replace(/ {4}select_permissions:[\s\S]*$/, ''),
    )
    baseSha = commit(repo, 'base')
    write(
      repo,
      `${M}/1700000000200_pr/up.sql`,
      'ALTER TABLE users DROP COLUMN name;\nCREATE INDEX users_email ON users (email);\n',
    )
    write(repo, `${M}/1700000000200_pr/down.sql`, 'SELECT 1;\n')
    write(repo, 'hasura/metadata/databases/databases.yaml', DATABASES_YAML)
    commit(repo, 'pull request')
    eventPath = join(tempDir('hma-lint-event-'), 'event.json')
    writeFileSync(
      eventPath,
      JSON.stringify({ pull_request: { number: 7, base: { ref: 'main', sha: baseSha } } }),
    )
  })

  it("only the pull request's migrations are checked, and its metadata is compared with the base commit's", async () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
    const r = await runWith(repo, { 'project-dir': 'hasura' }, env)
    expect(r.error).toBeUndefined()
    expect(brief(r)).toEqual(['drop-column@1700000000200:1', 'create-index-not-concurrently@1700000000200:2'])
    expect(r.safety?.withCatalog).toEqual([])
    expect(r.safety?.notes.join('\n')).toContain(`the 2 that exist at the base commit ${baseSha.slice(0, 7)}`)
    expect(r.safety?.notes.join('\n')).toContain('No catalog of the database before the run')

    expect(r.metadataChanges?.base).toEqual({ from: 'base-commit', commit: baseSha })
    expect(metadataChangesOf(r)).toEqual({
      default: [
        expect.objectContaining({
          kind: 'select_permission',
          name: 'public.users/anonymous',
          change: 'added',
          before: null,
          widens: true,
        }),
      ],
    })
    const [change] = r.metadataChanges!.sources[0].changes
    expect(change.unauthenticated).toBe(true)
  })

  it('the debug log says how long each stage and each part of the review took', async () => {
    const lines: string[] = []
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
    const settings = parseSettings((name) => (name === 'project-dir' ? 'hasura' : ''), {})
    const r = await run(settings, { ...io(repo, env), debug: (m) => lines.push(m) })
    expect(r.error).toBeUndefined()
    const parts = lines.flatMap((l) => /^time (.+): \d+ ms$/.exec(l)?.[1] ?? [])
    for (const stage of ['read', 'open', 'metadata changes', 'plan', 'lint', 'drift', 'execute', 'seeds'])
      expect(parts).toContain(stage)
    // before: between the base's versions and the pull request's; after: inside the last unit
    expect(parts.filter((p) => p === 'schema snapshot of default')).toHaveLength(2)
    expect(parts).toContain('schema changes of default')
    expect(parts).toContain('metadata check')
  })

  it('on a push there is no base to compare the metadata with, and every migration is checked', async () => {
    const r = await runWith(repo, { 'project-dir': 'hasura' })
    expect(r.error).toBeUndefined()
    expect(r.metadataChanges?.base.from).toBe('none')
    // the run created users itself: dropping its column is nothing to warn about
    expect(brief(r)).toEqual([])
  })
})
