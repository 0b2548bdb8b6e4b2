/**
 * The verify stage in-process (`src/run/verify.ts` through `run()`): where the check runs in each
 * transaction mode and what the report says had committed, the plain read when nothing migrates, the
 * schema changes from the same snapshot (PostgreSQL: the target before; embedded: the pull request's
 * base, or the empty database), and `off` / `plan`.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../src/model.js'
import { run } from '../../../src/run.js'
import type { RunIO } from '../../../src/run/context.js'
import { parseSettings, type InputName } from '../../../src/settings.js'
import { createDatabase, query } from '../../support/database.js'
import { commit, originAndClone, write } from '../../support/git-repo.js'
import { tempDir } from '../../support/temp-dir.js'
import { tempProject } from '../../unit/project/temp-project.js'

const dropped: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(dropped.map((d) => d()))
})

const TABLES = 'metadata/databases/default/tables'
const DATABASES_YAML = `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: "!include default/tables/tables.yaml"
`

/** A config 3 project: the migrations given, and metadata tracking `tables` (`name` or `name: columns`). */
function files(migrations: Record<string, string>, tables: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {
    'config.yaml': 'version: 3\n',
    'metadata/version.yaml': 'version: 3\n',
    'metadata/databases/databases.yaml': DATABASES_YAML,
    [`${TABLES}/tables.yaml`]: Object.keys(tables)
      .map((t) => `- "!include public_${t}.yaml"\n`)
      .join(''),
  }
  for (const [table, columns] of Object.entries(tables)) {
    const permission =
      columns.length === 0
        ? ''
        : `select_permissions:\n  - role: user\n    permission:\n      columns: [${columns.join(', ')}]\n      filter: {}\n`
    out[`${TABLES}/public_${table}.yaml`] = `table:\n  name: ${table}\n  schema: public\n${permission}`
  }
  for (const [path, sql] of Object.entries(migrations)) out[`migrations/default/${path}`] = sql
  return out
}

async function runIn(
  dir: string,
  inputs: Partial<Record<InputName, string>>,
  env: NodeJS.ProcessEnv = {},
): Promise<Result> {
  const io: RunIO = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    group: (_name, fn) => fn(),
    cwd: dir,
    env,
  }
  return run(
    parseSettings((name) => inputs[name] ?? '', {}),
    io,
  )
}

async function database() {
  const db = await createDatabase('verify_stage')
  dropped.push(() => db.drop())
  return db
}

const publicTables = async (url: string): Promise<string[]> =>
  (
    await query<{ t: string }>(
      url,
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
  ).map((r) => r.t)

describe('verify stage on PostgreSQL', () => {
  const project = tempProject(
    files(
      {
        '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY, name text);',
        '2_article/up.sql': 'CREATE TABLE article (id int PRIMARY KEY);',
      },
      { author: ['id', 'email'], article: [] },
    ),
  )

  it('transaction all: the check fails inside the transaction, nothing is applied', async () => {
    const db = await database()
    const result = await runIn(project, { 'database-url': db.url })
    expect(result.error).toMatchObject({
      kind: 'metadata',
      database: 'default',
      file: `${TABLES}/public_author.yaml`,
    })
    expect(result.error?.message).toContain('"email" does not exist')
    expect(result.error?.message).toContain('nothing was applied')
    expect(result.metadataCheck).toMatchObject({ status: 'failed', committedBeforeCheck: [] })
    expect(result.databases[0].steps.map((s) => s.status)).toEqual(['not-run', 'not-run'])
    expect(await publicTables(db.url)).toEqual([])
    // the schema changes are those the rolled-back transaction would have made
    expect(result.databases[0].schemaChanges?.added.map((a) => a.name)).toEqual(['article', 'author'])
  })

  it('per-migration: the check runs before the last commit, and the report names what had committed', async () => {
    const db = await database()
    const result = await runIn(project, { 'database-url': db.url, transaction: 'per-migration' })
    expect(result.error?.kind).toBe('metadata')
    expect(result.error?.message).toContain('1 had already committed and stay applied')
    expect(result.metadataCheck?.committedBeforeCheck).toEqual([{ database: 'default', version: '1' }])
    expect(await publicTables(db.url)).toEqual(['author'])
  })

  it('rehearse checks inside the rehearsal; plan says it has nothing to check', async () => {
    const db = await database()
    const rehearsed = await runIn(project, { 'database-url': db.url, 'dry-run': 'rehearse' })
    expect(rehearsed.error?.kind).toBe('metadata')
    expect(await publicTables(db.url)).toEqual([])
    const planned = await runIn(project, { 'database-url': db.url, 'dry-run': 'plan' })
    expect(planned.error).toBeUndefined()
    expect(planned.metadataCheck).toMatchObject({ status: 'not-checked' })
    expect(planned.metadataCheck?.reason).toMatch(/plan.*no migrated schema/)
  })

  it('warn applies and reports; off checks nothing but still reports the schema changes (contract §8.2)', async () => {
    const warned = await runIn(project, { 'database-url': (await database()).url, 'verify-metadata': 'warn' })
    expect(warned.error).toBeUndefined()
    expect(warned.metadataCheck?.status).toBe('warned')
    expect(warned.metadataCheck?.problems.map((p) => p.type)).toEqual(['select_permission'])
    const off = await runIn(project, { 'database-url': (await database()).url, 'verify-metadata': 'off' })
    expect(off.error).toBeUndefined()
    expect(off.metadataCheck?.status).toBe('off')
    expect(off.metadataCheck?.problems).toEqual([])
    expect(off.databases[0].schemaChanges?.added.length).toBeGreaterThan(0)
  })

  it('the schema changes of a second run are its own: before is the target as it was', async () => {
    const dir = tempProject(
      files(
        { '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY, name text);' },
        { author: ['id'] },
      ),
    )
    const db = await database()
    expect((await runIn(dir, { 'database-url': db.url })).error).toBeUndefined()
    write(dir, 'migrations/default/2_email/up.sql', 'ALTER TABLE author ADD COLUMN email text NOT NULL;')
    const second = await runIn(dir, { 'database-url': db.url })
    expect(second.error).toBeUndefined()
    expect(second.metadataCheck?.status).toBe('passed')
    expect(second.databases[0].schemaChanges).toEqual({
      added: [{ kind: 'column', name: 'author.email', detail: 'text NOT NULL' }],
      dropped: [],
      altered: [],
      before: 'target',
    })
    // nothing to migrate and no metadata going anywhere: nothing is read
    const third = await runIn(dir, { 'database-url': db.url })
    expect(third.metadataCheck?.status).toBe('not-checked')
    expect(third.databases[0].schemaChanges).toBeUndefined()
  })

  it('trailing CREATE INDEX CONCURRENTLY files: checked before them, nothing is applied', async () => {
    const dir = tempProject(
      files(
        {
          '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY, name text);',
          '2_index/up.sql':
            '-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY author_name ON author (name);',
        },
        { author: ['id', 'email'] },
      ),
    )
    const db = await database()
    const result = await runIn(dir, { 'database-url': db.url })
    expect(result.error?.kind).toBe('metadata')
    expect(result.error?.message).toContain('nothing was applied (checked before the no-transaction file(s)')
    expect(result.metadataCheck?.committedBeforeCheck).toEqual([])
    expect(result.databases[0].steps.map((s) => s.status)).toEqual(['not-run', 'not-run'])
    expect(await publicTables(db.url)).toEqual([])
  })

  it('a last no-transaction file that creates a table has committed when checked: the run fails after it, saying so', async () => {
    const dir = tempProject(
      files(
        {
          '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY, name text);',
          '2_tag/up.sql': '-- hasura:no-transaction\nCREATE TABLE tag (id int);',
        },
        { author: ['id', 'email'], tag: [] },
      ),
    )
    const db = await database()
    const result = await runIn(dir, { 'database-url': db.url })
    expect(result.error?.kind).toBe('metadata')
    expect(result.error?.message).toContain('1, 2 had already committed and stay applied')
    expect(result.metadataCheck?.committedBeforeCheck.map((c) => c.version)).toEqual(['1', '2'])
    expect(result.databases[0].steps.map((s) => s.status)).toEqual(['applied', 'applied'])
  })
})

describe('verify stage on the embedded database', () => {
  it("a pull request: before is the base commit's versions, and a table it drops is said to be dropped", async () => {
    const { dev } = originAndClone('hma-verify-base-')
    const tracked = { author: ['id'], legacy: [] }
    for (const [path, text] of Object.entries(
      files(
        {
          '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY);',
          '1_author/down.sql': 'DROP TABLE author;',
          '2_legacy/up.sql': 'CREATE TABLE legacy (id int);',
          '2_legacy/down.sql': 'DROP TABLE legacy;',
        },
        tracked,
      ),
    ))
      write(dev, path, text)
    const base = commit(dev, 'base')
    write(dev, 'migrations/default/3_tag/up.sql', 'CREATE TABLE tag (id int); DROP TABLE legacy;')
    write(dev, 'migrations/default/3_tag/down.sql', 'CREATE TABLE legacy (id int); DROP TABLE tag;')
    commit(dev, 'the pull request')
    const eventPath = join(tempDir('hma-verify-event-'), 'event.json')
    writeFileSync(
      eventPath,
      JSON.stringify({ pull_request: { number: 1, base: { sha: base, ref: 'main' } } }),
    )
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
    const result = await runIn(dev, {}, env)
    expect(result.error?.kind).toBe('metadata')
    expect(result.metadataCheck?.problems).toHaveLength(1)
    expect(result.metadataCheck?.problems[0].note).toMatch(
      /exists at the pull request's base: a migration of this pull request drops it/,
    )
    const changes = result.databases[0].schemaChanges
    expect(changes).toMatchObject({
      before: 'base',
      added: [{ kind: 'table', name: 'tag' }],
      dropped: [{ kind: 'table', name: 'legacy' }],
    })
    expect(changes?.note).toContain(`base commit ${base.slice(0, 7)}`)
    // the base's versions ran first, then the pull request's
    expect(result.databases[0].steps.map((s) => s.version)).toEqual(['1', '2', '3'])
  })

  it('without a base, before is the empty database; a table no migration creates is said to be so', async () => {
    const dir = tempProject(
      files(
        { '1_author/up.sql': 'CREATE TABLE author (id int PRIMARY KEY);' },
        { author: ['id'], ghost: [] },
      ),
    )
    const result = await runIn(dir, {})
    expect(result.error?.kind).toBe('metadata')
    expect(result.metadataCheck?.problems[0].note).toMatch(/^no migration of this project creates ghost/)
    expect(result.databases[0].schemaChanges).toMatchObject({ before: 'empty', added: [{ name: 'author' }] })
    expect(result.databases[0].schemaChanges?.note).toMatch(/empty database; there is no pull-request base/)
  })
})
