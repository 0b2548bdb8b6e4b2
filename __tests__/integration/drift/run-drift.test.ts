/**
 * The drift stage in a whole run (in process, real PostgreSQL): a deploy records each applied file's
 * hash in the ledger with its version; a column added by hand is reported by name by the next plan;
 * `drift: fail` stops a run before anything runs; an edited applied file is reported with both hashes
 * and acknowledged once; rolling back removes the ledger row; state the Hasura CLI wrote is unverified
 * once, then adopted. On Hasura with a separate metadata database, the rows written with the migrations
 * are the catalog handover's, and end recorded.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionSnapshotQuery } from '../../../src/catalog/snapshot-sources.js'
import { readLedger, sha256Hex, type LedgerContents, type LedgerEntry } from '../../../src/drift/ledger.js'
import type { Result } from '../../../src/model.js'
import { renderText } from '../../../src/report/console.js'
import { annotationsOf } from '../../../src/report/annotations.js'
import { renderMarkdown } from '../../../src/report/markdown-report.js'
import { outputsOf } from '../../../src/report/outputs.js'
import { run } from '../../../src/run.js'
import type { RunIO } from '../../../src/run/context.js'
import { parseSettings, type InputName } from '../../../src/settings.js'
import { PgSession } from '../../../src/targets/postgres/pg-session.js'
import { createDatabase, query } from '../../support/database.js'
import { startHasuraServer } from '../../support/hasura-server/index.js'
import { tempProject } from '../../unit/project/temp-project.js'

const UP1 = 'CREATE TABLE users (id int PRIMARY KEY, name text);\n'
const UP2 = 'CREATE TABLE posts (id int PRIMARY KEY, author int REFERENCES users);\n'
const UP3 = 'CREATE INDEX posts_author ON posts (author);\n'

const put = (dir: string, file: string, text: string): void => {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(files: Record<string, string> = {}) {
  const db = await createDatabase('rundrift')
  cleanups.push(() => db.drop())
  const dir = tempProject({
    'config.yaml': 'version: 2\n',
    'migrations/1_users/up.sql': UP1,
    'migrations/1_users/down.sql': 'DROP TABLE users;',
    'migrations/2_posts/up.sql': UP2,
    'migrations/2_posts/down.sql': 'DROP TABLE posts;',
    ...files,
  })
  const lines: string[] = []
  const io: RunIO = {
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
    group: (_name, fn) => fn(),
    cwd: dir,
    env: { GITHUB_SHA: 'c0ffee' },
    runUrl: 'https://github.com/o/r/actions/runs/9',
  }
  const runWith = async (inputs: Partial<Record<InputName, string>> = {}): Promise<Result> => {
    lines.length = 0
    const settings = parseSettings((name) => ({ 'database-url': db.url, ...inputs })[name] ?? '', {})
    return run(settings, io)
  }
  const contents = async (): Promise<LedgerContents> => {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      return await readLedger(sessionSnapshotQuery(new PgSession(client, {})), 'default')
    } finally {
      await client.end()
    }
  }
  const ledger = async (): Promise<LedgerEntry[]> => (await contents()).entries
  return { db, dir, lines, runWith, ledger, contents }
}

describe('drift in a run on PostgreSQL', () => {
  it('a deploy records each hash; a column added by hand is reported by name, then stops drift: fail', async () => {
    const { db, dir, runWith, ledger, lines } = await setup()
    const first = await runWith()
    expect(first.error).toBeUndefined()
    expect(first.drift).toMatchObject({ status: 'none', mode: 'warn' })
    expect(await ledger()).toMatchObject([
      { version: 1n, sha256: sha256Hex(UP1), origin: 'applied', recorded: true, commit: 'c0ffee' },
      { version: 2n, sha256: sha256Hex(UP2), origin: 'applied', recorded: true },
    ])
    const again = await runWith()
    expect(again.status).toBe('nothing-to-do')
    expect(outputsOf(again).drift).toBe('none')

    await query(db.url, 'ALTER TABLE users ADD COLUMN hand_added integer')
    const plan = await runWith({ 'dry-run': 'plan' })
    expect(plan.error).toBeUndefined()
    expect(outputsOf(plan).drift).toBe('found')
    expect(plan.drift?.databases[0].schema).toEqual({
      entries: [{ where: 'only-in-target', kind: 'column', name: 'users.hand_added', detail: 'integer' }],
    })
    expect(lines.join('\n')).toContain('column users.hand_added integer — only in the target')
    const summary = renderMarkdown(plan, { surface: 'summary' })
    expect(summary).toContain('### Drift')
    expect(summary).toContain('`users.hand_added`')
    expect(renderText(plan)).toContain('Drift: found: 1 schema difference')

    // a pending migration is not run when drift: fail finds drift
    put(dir, 'migrations/3_index/up.sql', 'CREATE TABLE later (id int);')
    const stopped = await runWith({ drift: 'fail' })
    expect(stopped.status).toBe('failed')
    expect(stopped.error).toMatchObject({ kind: 'user', input: 'drift' })
    expect(stopped.error?.message).toMatch(
      /^drift found \(1 schema difference\) and drift is fail: nothing was run/,
    )
    expect(outputsOf(stopped).drift).toBe('found')
    expect(await query(db.url, "SELECT to_regclass('later') AS t")).toEqual([{ t: null }])
    expect((await ledger()).map((e) => e.version)).toEqual([1n, 2n])
    // drift: off reads nothing, and runs
    const off = await runWith({ drift: 'off' })
    expect(off.error).toBeUndefined()
    expect(off.drift).toEqual({ status: 'not-checked', mode: 'off', reason: 'drift: off', databases: [] })
    expect(outputsOf(off).drift).toBe('not-checked')
    expect((await ledger()).map((e) => e.version)).toEqual([1n, 2n, 3n])
  })

  it('an applied file edited since is reported with both hashes, then acknowledged once', async () => {
    const { dir, runWith, ledger } = await setup()
    expect((await runWith()).error).toBeUndefined()
    const edited = `-- users, with a comment now\n${UP1}`
    put(dir, 'migrations/1_users/up.sql', edited)

    const plan = await runWith({ 'dry-run': 'plan' })
    expect(plan.drift?.status).toBe('found')
    expect(plan.drift?.databases[0].edited).toMatchObject([
      {
        version: '1',
        file: 'migrations/1_users/up.sql',
        recorded: sha256Hex(UP1),
        local: sha256Hex(edited),
        origin: 'applied',
        runUrl: 'https://github.com/o/r/actions/runs/9',
        commit: 'c0ffee',
      },
    ])
    const [annotation] = annotationsOf(plan, {}).filter((a) => a.title?.startsWith('edited-after-apply'))
    expect(annotation).toMatchObject({ level: 'warning', file: 'migrations/1_users/up.sql' })
    expect(annotation.message).toContain(sha256Hex(UP1))
    expect(annotation.message).toContain(sha256Hex(edited))

    const accepted = await runWith({ 'accept-edited-migrations': '1, 7' })
    expect(accepted.error).toBeUndefined()
    expect(accepted.drift?.status).toBe('none')
    expect(accepted.drift?.databases[0]).toMatchObject({
      edited: [],
      accepted: [{ version: '1', local: sha256Hex(edited) }],
      unusedAcceptances: ['7'],
    })
    expect((await ledger())[0]).toMatchObject({ version: 1n, sha256: sha256Hex(edited), origin: 'accepted' })
    const later = await runWith({ 'dry-run': 'plan' })
    expect(later.drift?.status).toBe('none')
    expect(later.drift?.databases[0].accepted).toEqual([])
  })

  it('rolling back removes the ledger row, in per-migration transactions too', async () => {
    const { runWith, ledger } = await setup({
      'migrations/3_index/up.sql': UP3,
      'migrations/3_index/down.sql': 'DROP INDEX posts_author;',
    })
    expect((await runWith({ transaction: 'per-migration' })).error).toBeUndefined()
    expect((await ledger()).map((e) => e.version)).toEqual([1n, 2n, 3n])
    const down = await runWith({ direction: 'down', steps: '1' })
    expect(down.error).toBeUndefined()
    expect(down.databases[0].steps.map((s) => [s.direction, s.version, s.status])).toEqual([
      ['down', '3', 'applied'],
    ])
    expect((await ledger()).map((e) => e.version)).toEqual([1n, 2n])
    expect((await runWith({ 'dry-run': 'plan' })).drift?.status).toBe('none')
  })

  it('state the Hasura CLI wrote (no ledger) is unverified once, not drift; the next writing run adopts it', async () => {
    const { db, dir, runWith, ledger } = await setup()
    await query(
      db.url,
      `${UP1}${UP2}CREATE SCHEMA hdb_catalog;
       CREATE TABLE hdb_catalog.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
       INSERT INTO hdb_catalog.schema_migrations VALUES (1, false), (2, false);`,
    )
    const plan = await runWith({ 'dry-run': 'plan' })
    expect(plan.drift?.status).toBe('none')
    expect(plan.drift?.databases[0].unverified.map((u) => u.version)).toEqual(['1', '2'])
    expect(await ledger()).toEqual([])

    put(dir, 'migrations/3_index/up.sql', UP3)
    const apply = await runWith()
    expect(apply.error).toBeUndefined()
    expect(apply.drift?.databases[0].unverified).toHaveLength(2)
    expect((await ledger()).map((e) => [e.version, e.origin])).toEqual([
      [1n, 'adopted'],
      [2n, 'adopted'],
      [3n, 'applied'],
    ])
    const next = await runWith({ 'dry-run': 'plan' })
    expect(next.drift?.databases[0].unverified).toEqual([])
    expect(next.drift?.status).toBe('none')
  })

  it('a rehearsal writes no ledger row; before any migration, a table made by hand is drift', async () => {
    const { db, runWith, ledger } = await setup()
    await query(db.url, 'CREATE TABLE legacy (id int)')
    const rehearsed = await runWith({ 'dry-run': 'rehearse' })
    expect(rehearsed.error).toBeUndefined()
    expect(await ledger()).toEqual([])
    expect(rehearsed.drift?.databases[0].schema).toMatchObject({
      entries: [{ where: 'only-in-target', kind: 'table', name: 'legacy' }],
    })
  })
})

describe('the verified schema: no replay while the schema and the applied files are what a replay vouched for', () => {
  const schemaOf = (r: Result) => r.drift?.databases[0]?.schema

  it('after an apply the next run does not replay; a column added by hand is still found', async () => {
    const { db, runWith, contents, lines } = await setup()
    expect((await runWith()).error).toBeUndefined()
    expect((await contents()).verifiedSchema).toMatchObject({
      by: 'apply',
      runUrl: 'https://github.com/o/r/actions/runs/9',
    })

    const again = await runWith()
    expect(again.status).toBe('nothing-to-do')
    expect(again.drift?.status).toBe('none')
    expect(schemaOf(again)).toMatchObject({ entries: [], unchangedSince: { by: 'apply' } })
    expect(lines.join('\n')).toMatch(
      /schema unchanged since the apply of .+ \(https:\/\/github\.com\/o\/r\/actions\/runs\/9\)/,
    )

    await query(db.url, 'ALTER TABLE users ADD COLUMN hand_added integer')
    const found = await runWith()
    expect(found.drift?.status).toBe('found')
    expect(schemaOf(found)).toEqual({
      entries: [{ where: 'only-in-target', kind: 'column', name: 'users.hand_added', detail: 'integer' }],
    })
  })

  it('a check that replays records its digests in a run that writes, never in a plan; an edited applied file replays', async () => {
    const { dir, runWith, contents } = await setup()
    // drift: off checks nothing, so nothing is vouched for
    expect((await runWith({ drift: 'off' })).error).toBeUndefined()
    expect((await contents()).verifiedSchema).toBeUndefined()

    const plan = await runWith({ 'dry-run': 'plan' })
    expect(schemaOf(plan)).toEqual({ entries: [] })
    expect((await contents()).verifiedSchema).toBeUndefined()

    const replayed = await runWith()
    expect(replayed.status).toBe('nothing-to-do')
    expect(schemaOf(replayed)).toEqual({ entries: [] })
    const recorded = (await contents()).verifiedSchema
    expect(recorded).toMatchObject({ by: 'replay' })

    const cached = await runWith({ 'dry-run': 'plan' })
    expect(schemaOf(cached)).toMatchObject({ entries: [], unchangedSince: { by: 'replay' } })

    // the same schema, but an applied file that no longer replays to it: the applied-set digest differs
    put(dir, 'migrations/1_users/up.sql', `-- a comment now\n${UP1}`)
    const edited = await runWith({ 'dry-run': 'plan' })
    expect(edited.drift?.databases[0]?.edited).toHaveLength(1)
    expect(schemaOf(edited)).toEqual({ entries: [] })
    expect((await contents()).verifiedSchema).toEqual(recorded)
  })
})

describe('drift in a run on Hasura with a separate metadata database (the ledger hands over)', () => {
  it('rows written unrecorded in the migration transaction end recorded with their hash; a rollback removes them', async () => {
    const db = await createDatabase('rundrift_src')
    cleanups.push(() => db.drop())
    const meta = await createDatabase('rundrift_meta')
    cleanups.push(() => meta.drop())
    const server = await startHasuraServer({ databaseUrl: db.url, metadataDatabaseUrl: meta.url })
    cleanups.push(() => server.close())
    const dir = tempProject({
      'config.yaml': 'version: 3\n',
      'migrations/default/1_users/up.sql': UP1,
      'migrations/default/1_users/down.sql': 'DROP TABLE users;',
      'migrations/default/2_posts/up.sql': UP2,
      'migrations/default/2_posts/down.sql': 'DROP TABLE posts;',
    })
    const io: RunIO = {
      info: () => undefined,
      warning: () => undefined,
      debug: () => undefined,
      group: (_name, fn) => fn(),
      cwd: dir,
      env: {},
    }
    const runWith = (inputs: Partial<Record<InputName, string>> = {}): Promise<Result> =>
      run(
        parseSettings((name) => ({ endpoint: server.url, ...inputs })[name] ?? '', {}),
        io,
      )
    const rows = () =>
      query<{ version: string; sha256: string; recorded: boolean; sha256_origin: string }>(
        db.url,
        'SELECT version::text, sha256, recorded, sha256_origin FROM hasura_migrate_action.ledger ORDER BY version',
      )

    const deploy = await runWith()
    expect(deploy.error).toBeUndefined()
    expect(await rows()).toEqual([
      { version: '1', sha256: sha256Hex(UP1), recorded: true, sha256_origin: 'applied' },
      { version: '2', sha256: sha256Hex(UP2), recorded: true, sha256_origin: 'applied' },
    ])
    const plan = await runWith({ 'dry-run': 'plan' })
    expect(plan.drift?.databases[0]).toMatchObject({ edited: [], unverified: [], schema: { entries: [] } })
    // the project has no metadata: none was applied, so no digest is recorded to compare with
    expect(plan.drift?.metadata?.status).toBe('not-recorded')
    expect(plan.drift?.status).toBe('not-checked')

    const down = await runWith({ direction: 'down', steps: '1' })
    expect(down.error).toBeUndefined()
    expect((await rows()).map((r) => r.version)).toEqual(['1'])
  })
})
