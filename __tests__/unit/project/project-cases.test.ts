/**
 * Shapes seen in real projects, read exactly as the Hasura CLI reads them: what the project model holds
 * for each (config values, versions, names, files, what is ignored) and what the planner makes of it.
 * The same projects run through dist/index.js in __tests__/e2e/project-cases.test.ts.
 */
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  planDatabase,
  roundTripBlockers,
  roundTripSkipReason,
  type AppliedState,
  type PlanRequest,
} from '../../../src/plan/index.js'
import {
  buildMetadata,
  listDatabases,
  listSeeds,
  readConfig,
  readMigrations,
} from '../../../src/project/index.js'
import type { ProjectConfig } from '../../../src/project/types.js'
import {
  BROKEN_DOWN_FILE,
  BROKEN_DOWN_LINE,
  COMMENTED_VERSION,
  CONFIG1_ENDPOINT_ONLY,
  CONFIG3_NO_DEFAULT,
  CONFIG3_TWO_DATABASES,
  DOWN_WITH_SYNTAX_ERROR,
  EMPTY_AND_PLACEHOLDER_DOWNS,
  METADATA_DOT_SLASH,
  NESTED_VERSION_DIRECTORY,
  NO_SEEDS_DIRECTORY,
  SHORT_AND_DIGIT_VERSIONS,
  TEMPLATE_TEXT_IN_SQL,
  type ProjectTree,
} from '../../support/project-cases.js'
import { errorOf, tempProject } from './temp-project.js'

const UP_ALL: PlanRequest = { kind: 'up', steps: 'all' }
const NOTHING_APPLIED: AppliedState = { versions: new Map() }
// No HASURA_GRAPHQL_* variable of the machine running the tests may leak into what the project says.
const NO_ENV = {}

function project(tree: ProjectTree): { dir: string; config: ProjectConfig } {
  const dir = tempProject(tree)
  return { dir, config: readConfig(dir, NO_ENV) }
}

const versionsOf = (config: ProjectConfig, database = 'default') =>
  readMigrations(config, database).migrations.map((m) => [m.version, m.name])

const plan = (
  config: ProjectConfig,
  database = 'default',
  state: AppliedState = NOTHING_APPLIED,
  request: PlanRequest = UP_ALL,
) => planDatabase(readMigrations(config, database), state, request, { outOfOrder: 'warn' })

describe('config.yaml as real projects write it', () => {
  it('`version: 2 # a trailing comment` is config 2: the YAML migration config 1 would run is ignored', () => {
    const { config } = project(COMMENTED_VERSION)
    expect(config.version).toBe(2)
    expect(versionsOf(config)).toEqual([[1700000000000n, 'accounts']])
    // read as config 1, the same tree holds the YAML step: the version is what decides
    expect(versionsOf({ ...config, version: 1 })).toEqual([
      [1700000000000n, 'accounts'],
      [1700000000001n, 'legacy'],
    ])
  })

  it('a config 1 project whose only key is an endpoint with a path: config 1, migrations/ and migrations/metadata.yaml', async () => {
    const { config } = project(CONFIG1_ENDPOINT_ONLY)
    expect(config).toMatchObject({
      version: 1,
      endpoint: 'https://hasura.example.com/some/path/',
      migrationsDirectory: 'migrations',
      metadataDirectory: 'metadata',
      seedsDirectory: 'seeds',
    })
    expect(config.adminSecret).toBeUndefined()
    const db = readMigrations(config, 'default')
    expect(db.directory).toBe('migrations')
    expect(db.migrations.map((m) => [m.version, m.name])).toEqual([
      [1600000000000n, 'authors'],
      [1600000000001n, 'books'],
    ])
    const books = db.migrations[1]
    expect(books.up?.yaml?.steps.map((s) => [s.type, s.line])).toEqual([['run_sql', 1]])
    expect(books.down?.yaml?.path).toBe('migrations/1600000000001_books.down.yaml')
    // metadata.yaml sits among the migrations without being one, and is the project's metadata
    const built = await buildMetadata(config)
    expect(built?.files).toEqual(['migrations/metadata.yaml'])
    expect(built?.metadata).toEqual({
      version: 2,
      tables: [
        { table: { schema: 'public', name: 'authors' } },
        { table: { schema: 'public', name: 'books' } },
      ],
    })
  })

  it('`metadata_directory: ./metadata` reads the same metadata as `metadata`; an endpoint with a trailing slash parses', async () => {
    const { config } = project(METADATA_DOT_SLASH)
    expect(config).toMatchObject({
      version: 3,
      endpoint: 'http://localhost:8080/',
      metadataDirectory: './metadata',
    })
    const dotSlash = await buildMetadata(config)
    const plain = await buildMetadata({ ...config, metadataDirectory: 'metadata' })
    expect(dotSlash).toEqual(plain)
    expect(dotSlash?.files).toEqual([
      'metadata/version.yaml',
      'metadata/databases/databases.yaml',
      'metadata/databases/default/tables/tables.yaml',
      'metadata/databases/default/tables/public_articles.yaml',
    ])
    expect(dotSlash?.metadata).toMatchObject({
      version: 3,
      sources: [{ name: 'default', tables: [{ table: { name: 'articles', schema: 'public' } }] }],
    })
  })
})

describe('config 3 without a default database', () => {
  it('the database directories decide, not databases.yaml: the only one is mydb', async () => {
    const { config } = project(CONFIG3_NO_DEFAULT)
    expect(listDatabases(config)).toEqual(['mydb'])
    expect(versionsOf(config, 'mydb')).toEqual([[1700000000000n, 'events']])
    expect(readMigrations(config, 'mydb').directory).toBe('migrations/mydb')
    // databases.yaml names another source; that is the metadata's business
    const built = await buildMetadata(config)
    expect((built?.metadata.sources as { name: string }[]).map((s) => s.name)).toEqual(['other'])
    // the CLI's migrate apply refuses a database without a directory
    expect(errorOf(() => readMigrations(config, 'other')).message).toContain(
      "no migrations directory for database 'other': expected migrations/other",
    )
  })

  it('an empty databases.yaml changes nothing about the migrations', () => {
    const { config } = project({ ...CONFIG3_NO_DEFAULT, 'metadata/databases/databases.yaml': '[]\n' })
    expect(listDatabases(config)).toEqual(['mydb'])
    expect(versionsOf(config, 'mydb')).toEqual([[1700000000000n, 'events']])
  })

  it('two database directories: both listed, in name order', () => {
    const { config } = project(CONFIG3_TWO_DATABASES)
    expect(listDatabases(config)).toEqual(['mydb', 'reports'])
  })
})

describe('a version directory holding a sub-directory (a `/` in the migration name)', () => {
  it('the version does not exist; its files are noted, never read, and each gets a warning', () => {
    const { config } = project(NESTED_VERSION_DIRECTORY)
    const db = readMigrations(config, 'default')
    expect(db.migrations.map((m) => m.version)).toEqual([1700000000000n, 1700000000002n])
    expect(db.nestedFiles).toEqual([
      expect.objectContaining({
        path: 'migrations/default/1700000000001_add_a/b/down.sql',
        version: 1700000000001n,
        direction: 'down',
        versionDirectory: 'migrations/default/1700000000001_add_a',
      }),
      expect.objectContaining({ path: 'migrations/default/1700000000001_add_a/b/up.sql', direction: 'up' }),
    ])
    const p = plan(config)
    expect(p.steps.map((s) => s.version)).toEqual([1700000000000n, 1700000000002n])
    const nested = p.findings.filter((f) => f.kind === 'nested-migration-file')
    expect(nested.map((f) => [f.severity, f.version, f.file])).toEqual([
      ['warning', 1700000000001n, 'migrations/default/1700000000001_add_a/b/down.sql'],
      ['warning', 1700000000001n, 'migrations/default/1700000000001_add_a/b/up.sql'],
    ])
    expect(nested[1].message).toBe(
      "migrations/default/1700000000001_add_a/b/up.sql is never run: the Hasura CLI reads only the files directly inside a version directory (a '/' typed into a migration's name puts them deeper), so version 1700000000001 does not exist; move it to migrations/default/1700000000001_add_a/up.sql",
    )
  })

  it('a version whose down is at its level and whose up is deeper: the CLI`s "up migration not found", pointing at the deeper file', () => {
    const { config } = project({
      'config.yaml': 'version: 3\n',
      'migrations/default/1700000000003_half/down.sql': 'DROP TABLE half;\n',
      'migrations/default/1700000000003_half/x/y/up.sql': 'CREATE TABLE half (id int);\n',
    })
    const db = readMigrations(config, 'default')
    expect(db.migrations.map((m) => [m.version, !!m.up, !!m.down])).toEqual([[1700000000003n, false, true]])
    expect(errorOf(() => plan(config)).message).toBe(
      '1700000000003 up migration not found: expected migrations/default/1700000000003_half/up.sql (migrations/default/1700000000003_half/x/y/up.sql is one directory too deep: the Hasura CLI does not read it)',
    )
  })

  it('a version with its own up file and a stray deeper copy runs its own; the copy is flagged', () => {
    const { config } = project({
      'config.yaml': 'version: 3\n',
      'migrations/default/1700000000004_both/up.sql': 'CREATE TABLE both_here (id int);\n',
      'migrations/default/1700000000004_both/old/up.sql': 'CREATE TABLE stale (id int);\n',
      'migrations/default/1700000000004_both/old/notes.md': 'not a migration file',
      'migrations/default/1700000000004_both/old/empty/up.sql': '', // 0 bytes: nothing to say
    })
    const p = plan(config)
    expect(p.steps.map((s) => s.sql?.path)).toEqual(['migrations/default/1700000000004_both/up.sql'])
    expect(p.findings.filter((f) => f.kind === 'nested-migration-file').map((f) => f.message)).toEqual([
      "migrations/default/1700000000004_both/old/up.sql is never run: the Hasura CLI reads only the files directly inside a version directory (a '/' typed into a migration's name puts them deeper), so version 1700000000004 runs migrations/default/1700000000004_both/up.sql, not this file; merge the two or delete this one",
    ])
  })

  it('a link inside a version directory back to it is not followed: nothing is flagged twice', () => {
    const { config } = project({
      'config.yaml': 'version: 3\n',
      'migrations/default/1700000000005_linked/up.sql': 'CREATE TABLE linked (id int);\n',
    })
    symlinkSync('.', join(config.projectDir, 'migrations/default/1700000000005_linked/again'))
    const db = readMigrations(config, 'default')
    expect(db.migrations.map((m) => m.up?.sql?.path)).toEqual([
      'migrations/default/1700000000005_linked/up.sql',
    ])
    expect(db.nestedFiles).toBeUndefined()
  })

  it('squash leftovers (squashed_<from>_to_<to>/) are not version directories: nothing is flagged', () => {
    const { config } = project({
      'config.yaml': 'version: 3\n',
      'migrations/default/squashed_1_to_2/1_a/up.sql': 'SELECT 1;\n',
      'migrations/default/2_squashed/up.sql': 'SELECT 2;\n',
    })
    const db = readMigrations(config, 'default')
    expect(db.migrations.map((m) => m.version)).toEqual([2n])
    expect(db.nestedFiles).toBeUndefined()
  })
})

describe('versions', () => {
  it('`100_init` runs before 13-digit versions (numeric order, not the directory names` order); a name may be digits', () => {
    const { config } = project(SHORT_AND_DIGIT_VERSIONS)
    expect(versionsOf(config)).toEqual([
      [100n, 'init'],
      [1000000000001n, 'accounts'],
      [1629384848608n, '1629384398751'],
    ])
    expect(plan(config).steps.map((s) => `${s.version} ${s.name}`)).toEqual([
      '100 init',
      '1000000000001 accounts',
      '1629384848608 1629384398751',
    ])
  })
})

describe('down files', () => {
  it('a 0-byte down does not exist (it is only remembered for messages); a comment-only down undoes nothing: both block the round trip', async () => {
    const { config } = project(EMPTY_AND_PLACEHOLDER_DOWNS)
    const db = readMigrations(config, 'default')
    expect(db.migrations.map((m) => [m.version, m.down?.sql?.path ?? null])).toEqual([
      [1700000000000n, null],
      [1700000000001n, 'migrations/default/1700000000001_comment_down/down.sql'],
    ])
    const zeroDown = 'migrations/default/1700000000000_zero_down/down.sql'
    expect(db.emptyFiles).toEqual([{ path: zeroDown, version: 1700000000000n, direction: 'down' }])
    expect(plan(config).findings.map((f) => [f.kind, f.version, f.file, f.message])).toEqual([
      [
        'empty-down',
        1700000000000n,
        zeroDown,
        'version 1700000000000 has an empty (0-byte) down file, which the Hasura CLI ignores: it cannot be rolled back',
      ],
      [
        'placeholder-down',
        1700000000001n,
        'migrations/default/1700000000001_comment_down/down.sql',
        'version 1700000000001 has a down file with only comments, which undoes nothing: it cannot be rolled back',
      ],
    ])
    const blockers = await roundTripBlockers(db)
    expect(blockers.map((f) => [f.kind, f.severity, f.version, f.file])).toEqual([
      ['round-trip-impossible', 'warning', 1700000000000n, zeroDown],
      [
        'round-trip-impossible',
        'warning',
        1700000000001n,
        'migrations/default/1700000000001_comment_down/down.sql',
      ],
    ])
    // rolling back: the comment-only down runs (nothing), the 0-byte one is "down migration not found"
    const applied: AppliedState = {
      versions: new Map([
        [1700000000000n, false],
        [1700000000001n, false],
      ]),
    }
    const one = plan(config, 'default', applied, { kind: 'down', steps: 1 })
    expect(one.steps.map((s) => [s.version, s.sql?.path])).toEqual([
      [1700000000001n, 'migrations/default/1700000000001_comment_down/down.sql'],
    ])
    expect(one.findings.map((f) => f.kind)).toEqual(['placeholder-down'])
    expect(errorOf(() => plan(config, 'default', applied, { kind: 'down', steps: 2 })).message).toBe(
      `1700000000000 down migration not found: ${zeroDown} is empty, and the Hasura CLI treats an empty file as no file`,
    )
  })

  it('a version whose files are all 0 bytes does not exist; a 0-byte up beside a real down is "up migration not found"', () => {
    const { config } = project({
      'config.yaml': 'version: 3\n',
      'migrations/default/1700000000000_created/up.sql': '',
      'migrations/default/1700000000000_created/down.sql': '',
      'migrations/default/1700000000001_half/up.sql': '',
      'migrations/default/1700000000001_half/down.sql': 'DROP TABLE half;\n',
    })
    expect(readMigrations(config, 'default').migrations.map((m) => m.version)).toEqual([1700000000001n])
    expect(errorOf(() => plan(config)).message).toBe(
      '1700000000001 up migration not found: migrations/default/1700000000001_half/up.sql is empty, and the Hasura CLI treats an empty file as no file',
    )
  })

  it('a down with a syntax error: nothing at plan time for an up run; a round-trip blocker with its line on the embedded database', async () => {
    const { config } = project(DOWN_WITH_SYNTAX_ERROR)
    const db = readMigrations(config, 'default')
    // the CLI reads a down only when it runs it: an up plan says nothing about it
    expect(plan(config).findings).toEqual([])
    const blockers = await roundTripBlockers(db)
    expect(blockers).toEqual([
      {
        kind: 'round-trip-impossible',
        severity: 'warning',
        database: 'default',
        version: 1700000000001n,
        file: BROKEN_DOWN_FILE,
        line: BROKEN_DOWN_LINE,
        message: `the down migration of version 1700000000001 has a syntax error at line ${BROKEN_DOWN_LINE}: unterminated quoted identifier at or near ""email "; the round trip cannot roll it back (fix it before this version is ever rolled back)`,
      },
    ])
    expect(roundTripSkipReason(blockers)).toBe(
      'version 1700000000001 cannot be rolled back (see the round-trip-impossible findings)',
    )
  })
})

describe('template text in SQL and metadata', () => {
  it('`{{ACTION_BASE_URL}}` stays as written in the SQL and in the action handler (Hasura resolves it, not the CLI)', async () => {
    const dir = tempProject(TEMPLATE_TEXT_IN_SQL)
    const config = readConfig(dir, { ACTION_BASE_URL: 'http://substituted.example' })
    const [webhooks] = readMigrations(config, 'default').migrations
    expect(webhooks.up?.sql?.text).toBe(
      TEMPLATE_TEXT_IN_SQL['migrations/default/1700000000000_webhooks/up.sql'],
    )
    const built = await buildMetadata(config)
    const actions = built?.metadata.actions as { name: string; definition: Record<string, unknown> }[]
    expect(actions.map((a) => [a.name, a.definition.handler, a.definition.kind])).toEqual([
      ['ping', '{{ACTION_BASE_URL}}/ping', 'synchronous'],
    ])
    expect(JSON.stringify(built?.metadata)).not.toContain('substituted.example')
  })
})

describe('seeds', () => {
  it('no seeds directory: no seed files; a named seed that does not exist fails naming it', () => {
    const { config } = project(NO_SEEDS_DIRECTORY)
    expect(listSeeds(config, 'default')).toEqual([])
    const e = errorOf(() => listSeeds(config, 'default', ['initial_colors.sql']))
    expect(e.message).toBe(
      "seed file 'initial_colors.sql' not found: expected seeds/default/initial_colors.sql",
    )
    expect(e.where).toMatchObject({ input: 'seeds', database: 'default' })
  })
})
