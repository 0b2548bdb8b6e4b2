/**
 * Hostile input (issue 6 item 3): dist/index.js run as GitHub runs it, fed broken, malicious or merely
 * unusual projects and inputs. A bad input must fail cleanly — exit 1, exactly one `::error` line that
 * names the culprit, no stack trace, nothing written to the target, no secret printed. An unusual but
 * valid input must be applied exactly as the Hasura CLI reads it. Every case is recorded for RELIABILITY.md.
 */
import { chownSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { startCluster, userOptions, type Cluster } from '../support/cluster.js'
import { createDatabase, query } from '../support/database.js'
import { repoRoot } from '../support/shared.js'
import {
  ALL_SECRETS,
  errorLines,
  SECRETS,
  STACK_TRACE,
  withPassword,
  workspaceWith,
  writesIn,
  type Tree,
} from './support/hostile.js'
import { record, scanForSecrets } from './support/record.js'

const DIST = join(repoRoot, 'dist', 'index.js')

/** A small valid config 3 project with metadata: each case breaks one thing in it. */
const BASE: Tree = {
  'config.yaml': 'version: 3\nmetadata_directory: metadata\n',
  'migrations/default/1700000000000_init/up.sql': 'CREATE TABLE public.hostile_t (id int PRIMARY KEY);\n',
  'migrations/default/1700000000000_init/down.sql': 'DROP TABLE public.hostile_t;\n',
  'metadata/version.yaml': 'version: 3\n',
  'metadata/actions.yaml':
    'actions: []\ncustom_types:\n  enums: []\n  input_objects: []\n  objects: []\n  scalars: []\n',
  'metadata/databases/databases.yaml': [
    '- name: default',
    '  kind: postgres',
    '  configuration:',
    '    connection_info:',
    '      database_url:',
    '        from_env: HASURA_GRAPHQL_DATABASE_URL',
    '  tables: "!include default/tables/tables.yaml"',
    '',
  ].join('\n'),
  'metadata/databases/default/tables/tables.yaml': '- "!include public_hostile_t.yaml"\n',
  'metadata/databases/default/tables/public_hostile_t.yaml': 'table:\n  name: hostile_t\n  schema: public\n',
}

interface FailCase {
  name: string
  /** Merged over BASE (or alone with `replace`). */
  tree?: Tree
  replace?: boolean
  /** Paths of BASE to leave out. */
  without?: string[]
  inputs?: Record<string, string>
  /** Replaces the fresh database's URL (an unreachable target, a wrong value). */
  databaseUrl?: string
  /** Extra secrets this case hands to the action. */
  secrets?: string[]
  /** Each must occur in the one ::error line: the file, line, input or version it names. */
  names: string[]
}

/** Lines of a YAML file that no YAML parser accepts. */
const BROKEN_YAML = 'key: [unclosed\n  other: {\n'

const FAILURES: FailCase[] = [
  // ── unparsable YAML, one per file kind the action reads ──
  {
    name: 'bad YAML in config.yaml',
    tree: { 'config.yaml': `version: 3\n${BROKEN_YAML}` },
    names: ['config.yaml', 'line'],
  },
  {
    name: 'bad YAML in databases.yaml',
    tree: { 'metadata/databases/databases.yaml': `- name: default\n  ${BROKEN_YAML}` },
    names: ['metadata/databases/databases.yaml:'],
  },
  {
    name: 'bad YAML in tables.yaml',
    tree: {
      'metadata/databases/default/tables/tables.yaml': `- "!include public_hostile_t.yaml"\n${BROKEN_YAML}`,
    },
    names: ['metadata/databases/default/tables/tables.yaml:'],
  },
  {
    name: 'bad YAML in a table yaml',
    tree: {
      'metadata/databases/default/tables/public_hostile_t.yaml': `table:\n  name: hostile_t\n${BROKEN_YAML}`,
    },
    names: ['metadata/databases/default/tables/public_hostile_t.yaml:'],
  },
  {
    name: 'bad YAML in version.yaml',
    tree: { 'metadata/version.yaml': BROKEN_YAML },
    names: ['metadata/version.yaml:'],
  },
  {
    name: 'bad YAML in actions.yaml',
    tree: { 'metadata/actions.yaml': `actions: []\n${BROKEN_YAML}` },
    names: ['metadata/actions.yaml:'],
  },
  {
    name: 'bad YAML in a config 1 up.yaml migration',
    replace: true,
    tree: {
      'config.yaml': 'endpoint: http://localhost:8080\n',
      'migrations/1700000000000_init.up.sql': 'CREATE TABLE public.hostile_t (id int);\n',
      'migrations/1700000000001_second.up.yaml': `- type: run_sql\n  args: {sql: "SELECT 1"\n`,
    },
    names: ['migrations/1700000000001_second.up.yaml'],
  },
  {
    name: 'config.yaml version out of range',
    tree: { 'config.yaml': 'version: 7\n' },
    names: ['config.yaml', 'version'],
  },
  // ── includes that leave the project or never end ──
  {
    name: '!include pointing outside the project (../../etc/passwd)',
    tree: {
      'metadata/databases/databases.yaml':
        '- name: default\n  kind: postgres\n  tables: "!include ../../etc/passwd"\n',
    },
    names: ['metadata/databases/databases.yaml:3', 'outside'],
  },
  {
    name: '!include deep outside the project from tables.yaml',
    tree: {
      'metadata/databases/default/tables/tables.yaml': '- "!include ../../../../../../../../etc/passwd"\n',
    },
    names: ['metadata/databases/default/tables/tables.yaml:1', 'outside'],
  },
  {
    name: '!include tag form with an absolute path',
    tree: { 'metadata/databases/default/tables/tables.yaml': '- !include /etc/passwd\n' },
    names: ['metadata/databases/default/tables/tables.yaml:1'],
  },
  {
    name: '!include loop between two files',
    tree: {
      'metadata/databases/default/tables/tables.yaml': '- "!include a.yaml"\n',
      'metadata/databases/default/tables/a.yaml': '- "!include b.yaml"\n',
      'metadata/databases/default/tables/b.yaml': '- "!include a.yaml"\n',
    },
    names: ['loop', 'a.yaml'],
  },
  {
    name: '!include of itself',
    tree: { 'metadata/databases/default/tables/tables.yaml': '- "!include tables.yaml"\n' },
    names: ['metadata/databases/default/tables/tables.yaml:1', 'loop'],
  },
  {
    name: '!include through a symbolic link that leads outside the project',
    tree: { 'metadata/databases/default/tables/public_hostile_t.yaml': { symlink: '/etc/passwd' } },
    names: ['metadata/databases/default/tables/tables.yaml:1', 'outside'],
  },
  // ── the migrations directory ──
  {
    name: 'symbolic link loop in the migrations directory',
    tree: { 'migrations/default/1700000000001_loop': { symlink: '1700000000001_loop' } },
    names: ['migrations/default/1700000000001_loop', 'loop'],
  },
  {
    name: 'symbolic link loop as a migration file',
    tree: { 'migrations/default/1700000000001_loop/up.sql': { symlink: 'up.sql' } },
    names: ['migrations/default/1700000000001_loop/up.sql'],
  },
  {
    name: 'dangling symbolic link as a migration file',
    tree: { 'migrations/default/1700000000001_gone/up.sql': { symlink: 'nowhere.sql' } },
    names: ['migrations/default/1700000000001_gone/up.sql'],
  },
  {
    name: 'config 3 without the database directory',
    without: [
      'migrations/default/1700000000000_init/up.sql',
      'migrations/default/1700000000000_init/down.sql',
    ],
    tree: { 'migrations/other/1700000000000_init/up.sql': 'SELECT 1;\n' },
    inputs: { database: 'default' },
    names: ["database 'default'", 'migrations/'],
  },
  {
    name: 'config 3 without any migrations directory',
    without: [
      'migrations/default/1700000000000_init/up.sql',
      'migrations/default/1700000000000_init/down.sql',
    ],
    names: ['migrations'],
  },
  {
    name: 'invalid UTF-8 in a planned migration',
    tree: {
      'migrations/default/1700000000001_latin1/up.sql': Buffer.from([
        ...Buffer.from('INSERT INTO public.hostile_t VALUES (1); -- caf'),
        0xe9,
        0xff,
        0x0a,
      ]),
    },
    names: ['migrations/default/1700000000001_latin1/up.sql', 'UTF-8'],
  },
  {
    name: 'a version above 9223372036854775807',
    tree: { 'migrations/default/9223372036854775808_too_big/up.sql': 'SELECT 1;\n' },
    names: ['9223372036854775808'],
  },
  {
    name: 'duplicate versions: leading zeros make 1 and 01 the same',
    tree: {
      'migrations/default/1_a.up.sql': 'SELECT 1;\n',
      'migrations/default/01_b.up.sql': 'SELECT 2;\n',
    },
    names: ['duplicate', 'version 1', 'migrations/default/'],
  },
  {
    name: 'duplicate versions: two directories',
    tree: {
      'migrations/default/1700000000000_again/up.sql': 'SELECT 1;\n',
    },
    names: ['duplicate', '1700000000000'],
  },
  {
    name: 'a statement that cannot run in a transaction, without the marker',
    tree: {
      'migrations/default/1700000000001_idx/up.sql':
        'CREATE INDEX CONCURRENTLY hostile_idx ON public.hostile_t (id);\n',
    },
    names: ['migrations/default/1700000000001_idx/up.sql', 'hasura:no-transaction'],
  },
  {
    name: 'the no-transaction marker on the second line does not count',
    tree: {
      'migrations/default/1700000000001_idx/up.sql':
        '-- creates an index\n-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY hostile_idx ON public.hostile_t (id);\n',
    },
    names: ['migrations/default/1700000000001_idx/up.sql', 'hasura:no-transaction'],
  },
  {
    name: 'more steps than available',
    inputs: { steps: '5' },
    names: ['steps'],
  },
  // ── every input that validates, given a wrong value ──
  { name: 'input endpoint: not a URL', inputs: { endpoint: 'not a url' }, names: ["input 'endpoint'"] },
  {
    name: 'input endpoint: wrong scheme',
    inputs: { endpoint: 'ftp://127.0.0.1/' },
    names: ["input 'endpoint'"],
  },
  {
    name: 'input database-url: wrong scheme with a password',
    databaseUrl: `mysql://root:${SECRETS.dbPassword}@127.0.0.1:3306/db`,
    names: ["input 'database-url'"],
  },
  {
    name: 'input database-url: not a URL with a password',
    databaseUrl: `host=127.0.0.1 user=postgres password=${SECRETS.dbPassword}`,
    names: ["input 'database-url'"],
  },
  {
    name: 'input project-dir: missing directory',
    inputs: { 'project-dir': 'no/such/dir' },
    names: ['project-dir'],
  },
  {
    name: 'input migrations-dir: missing directory',
    inputs: { 'migrations-dir': 'nowhere' },
    names: ['nowhere'],
  },
  { name: 'input database: unknown database', inputs: { database: 'nope' }, names: ["'nope'"] },
  { name: 'input database: a path', inputs: { database: '../../etc' }, names: ['../../etc'] },
  { name: 'input database: all with database-url', inputs: { database: 'all' }, names: ["input 'database'"] },
  {
    name: 'input database: two with database-url',
    inputs: { database: 'default,other' },
    names: ["input 'database'"],
  },
  { name: 'input direction', inputs: { direction: 'sideways' }, names: ["input 'direction'", 'sideways'] },
  { name: 'input direction down without steps', inputs: { direction: 'down' }, names: ["input 'steps'"] },
  { name: 'input steps: zero', inputs: { steps: '0' }, names: ["input 'steps'"] },
  { name: 'input steps: negative', inputs: { steps: '-1' }, names: ["input 'steps'"] },
  {
    name: 'input target-version: not digits',
    inputs: { 'target-version': 'v1' },
    names: ["input 'target-version'"],
  },
  {
    name: 'input target-version: above 9223372036854775807',
    inputs: { 'target-version': '99999999999999999999' },
    names: ["input 'target-version'", '99999999999999999999'],
  },
  {
    name: 'input target-version with direction',
    inputs: { 'target-version': '1700000000000', direction: 'down', steps: '1' },
    names: ["input 'target-version'"],
  },
  { name: 'input dry-run', inputs: { 'dry-run': 'maybe' }, names: ["input 'dry-run'"] },
  { name: 'input skip-execution', inputs: { 'skip-execution': 'yes' }, names: ["input 'skip-execution'"] },
  {
    name: 'input skip-execution with rehearse',
    inputs: { 'skip-execution': 'true', 'dry-run': 'rehearse' },
    names: ["input 'skip-execution'"],
  },
  { name: 'input transaction', inputs: { transaction: 'none' }, names: ["input 'transaction'"] },
  { name: 'input out-of-order', inputs: { 'out-of-order': 'ignore' }, names: ["input 'out-of-order'"] },
  { name: 'input metadata', inputs: { metadata: 'sometimes' }, names: ["input 'metadata'"] },
  {
    name: 'input metadata apply without an endpoint',
    inputs: { metadata: 'apply' },
    names: ["input 'metadata'"],
  },
  {
    name: 'input allow-inconsistent-metadata',
    inputs: { 'allow-inconsistent-metadata': 'perhaps' },
    names: ["input 'allow-inconsistent-metadata'"],
  },
  {
    name: 'input seeds: a missing seed file',
    inputs: { seeds: 'no_such_seed.sql' },
    names: ['no_such_seed.sql'],
  },
  {
    name: 'input seeds: a path outside the seeds',
    inputs: { seeds: '../../../etc/passwd' },
    names: ['../../../etc/passwd'],
  },
  { name: 'input comment', inputs: { comment: 'sometimes' }, names: ["input 'comment'"] },
  { name: 'input environment', inputs: { environment: 'prod"><script>' }, names: ["input 'environment'"] },
  { name: 'input timeout: zero', inputs: { timeout: '0' }, names: ["input 'timeout'"] },
  { name: 'input timeout: a fraction', inputs: { timeout: '1.5' }, names: ["input 'timeout'"] },
  {
    name: 'several bad inputs at once: one error line listing them',
    inputs: { direction: 'sideways', transaction: 'none', timeout: 'soon' },
    names: ['3 input errors', "'direction'", "'transaction'", "'timeout'"],
  },
  // ── unreachable targets and wrong credentials, URLs with credentials in every position ──
  {
    name: 'unreachable database-url (password in userinfo)',
    databaseUrl: `postgres://postgres:${SECRETS.dbPassword}@127.0.0.1:1/postgres`,
    names: ['127.0.0.1'],
  },
  {
    name: 'unreachable database-url (password in the query)',
    databaseUrl: `postgres://127.0.0.1:1/postgres?user=postgres&password=${SECRETS.dbPassword}`,
    names: ['127.0.0.1'],
  },
  {
    name: 'unreachable database-url (percent-encoded password with URL metacharacters)',
    databaseUrl: `postgres://postgres:${encodeURIComponent('p@ss:w/rd?#%' + SECRETS.dbPassword)}@127.0.0.1:1/postgres`,
    secrets: ['p@ss:w/rd?#%' + SECRETS.dbPassword],
    names: ['127.0.0.1'],
  },
  {
    name: 'unreachable endpoint with database-url',
    inputs: { endpoint: 'http://127.0.0.1:1' },
    names: ['127.0.0.1:1'],
  },
  {
    name: 'unreachable endpoint with credentials in its userinfo',
    inputs: { endpoint: `http://hasura:${SECRETS.adminSecret}x@127.0.0.1:1/prefix` },
    secrets: [`${SECRETS.adminSecret}x`],
    names: ['127.0.0.1:1'],
  },
  {
    name: 'database-url naming a database that does not exist',
    databaseUrl: 'FRESH/no_such_database_hostile',
    names: ['no_such_database_hostile'],
  },
  {
    name: 'database-url naming a role that does not exist',
    databaseUrl: 'FRESH-ROLE',
    names: ['nobody_hostile'],
  },
]

interface Measured {
  run: ActionRun
  errors: string[]
  leaked: string[]
  stackTrace: boolean
  writes: number
}

async function runCase(c: FailCase): Promise<Measured> {
  const tree: Tree = c.replace ? { ...c.tree } : { ...BASE, ...c.tree }
  for (const p of c.without ?? []) delete tree[p]
  const { workspace, projectDir } = workspaceWith(tree)
  const db = await createDatabase('hostile')
  try {
    let databaseUrl = withPassword(db.url)
    if (c.databaseUrl?.startsWith('FRESH/')) {
      const u = new URL(databaseUrl)
      u.pathname = c.databaseUrl.slice('FRESH'.length)
      databaseUrl = u.toString()
    } else if (c.databaseUrl === 'FRESH-ROLE') {
      const u = new URL(databaseUrl)
      u.username = 'nobody_hostile'
      databaseUrl = u.toString()
    } else if (c.databaseUrl) databaseUrl = c.databaseUrl
    const run = await runDistAction({
      cwd: workspace,
      inputs: {
        'project-dir': projectDir,
        'database-url': databaseUrl,
        'admin-secret': SECRETS.adminSecret,
        'github-token': SECRETS.githubToken,
        ...c.inputs,
      },
    })
    return {
      run,
      errors: errorLines(run),
      leaked: scanForSecrets(capturedTexts(run), [...ALL_SECRETS, ...(c.secrets ?? [])]),
      stackTrace: STACK_TRACE.test(run.stdout + '\n' + run.stderr),
      writes: await writesIn(db.url),
    }
  } finally {
    await db.drop()
  }
}

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle first`)
})

describe('hostile input fails cleanly: exit 1, one ::error naming it, no stack, no writes, no secret', () => {
  for (const c of FAILURES) {
    it(c.name, async () => {
      const m = await runCase(c)
      const named = m.errors.length === 1 && c.names.every((n) => m.errors[0].includes(n))
      const clean = m.run.code === 1 && named && !m.stackTrace && m.writes === 0 && m.leaked.length === 0
      record({
        suite: 'hostile',
        name: c.name,
        outcome: clean ? 'clean-failure' : 'unclean-failure',
        writes: m.writes,
        stackTrace: m.stackTrace,
        secretsLeaked: m.leaked.length,
        detail: clean ? undefined : `exit ${m.run.code}; errors: ${m.errors.join(' | ').slice(0, 400)}`,
      })
      const context = m.run.stdout + m.run.stderr
      expect(m.run.code, context).toBe(1)
      expect(m.errors, context).toHaveLength(1)
      for (const n of c.names) expect(m.errors[0]).toContain(n)
      expect(m.stackTrace, context).toBe(false)
      expect(m.leaked).toEqual([])
      expect(m.writes).toBe(0)
    })
  }
})

/** A server of our own that checks passwords (the harness trusts everyone), for wrong-credential cases. */
describe('credentials: wrong ones fail cleanly, right ones in any URL position work, none is printed', () => {
  const ROLE = 'hostile_login'
  const PASSWORD = `p@ss:w/rd?#%&=${SECRETS.dbPassword}`
  let cluster: Cluster
  let adminDb: string

  beforeAll(async () => {
    cluster = await startCluster({ password_encryption: "'scram-sha-256'" })
    const hba = join(cluster.dataDir, 'pg_hba.conf')
    writeFileSync(
      hba,
      'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n',
    )
    const user = userOptions()
    if (user.uid !== undefined) chownSync(hba, user.uid, user.gid ?? user.uid)
    await query(cluster.url, 'SELECT pg_reload_conf()')
    await query(cluster.url, `CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD.replace(/'/g, "''")}'`)
    await query(cluster.url, `CREATE DATABASE hostile_auth OWNER ${ROLE}`)
    const u = new URL(cluster.url)
    u.pathname = '/hostile_auth'
    adminDb = u.toString()
  })
  afterAll(() => cluster?.stop())

  const hostPort = (): string => `127.0.0.1:${cluster.port}`

  async function runAuth(name: string, databaseUrl: string, tree: Tree, extraSecrets: string[]) {
    const { workspace, projectDir } = workspaceWith(tree)
    const run = await runDistAction({
      cwd: workspace,
      inputs: {
        'project-dir': projectDir,
        'database-url': databaseUrl,
        'admin-secret': SECRETS.adminSecret,
        'github-token': SECRETS.githubToken,
      },
    })
    const leaked = scanForSecrets(capturedTexts(run), [...ALL_SECRETS, PASSWORD, ...extraSecrets])
    const stackTrace = STACK_TRACE.test(run.stdout + '\n' + run.stderr)
    return { name, run, leaked, stackTrace, errors: errorLines(run), writes: await writesIn(adminDb) }
  }

  const wrong = [
    {
      name: 'wrong password in the userinfo',
      url: () =>
        `postgres://${ROLE}:${encodeURIComponent('wrong-' + SECRETS.dbPassword)}@${hostPort()}/hostile_auth`,
    },
    {
      name: 'wrong password in the query (password=)',
      url: () =>
        `postgres://${hostPort()}/hostile_auth?user=${ROLE}&password=${encodeURIComponent('wrong-' + SECRETS.dbPassword)}`,
    },
  ]
  for (const w of wrong) {
    it(w.name, async () => {
      const m = await runAuth(w.name, w.url(), BASE, ['wrong-' + SECRETS.dbPassword])
      const clean =
        m.run.code === 1 &&
        m.errors.length === 1 &&
        m.errors[0].includes('password authentication failed') &&
        !m.stackTrace &&
        m.leaked.length === 0 &&
        m.writes === 0
      record({
        suite: 'hostile',
        name: w.name,
        outcome: clean ? 'clean-failure' : 'unclean-failure',
        writes: m.writes,
        stackTrace: m.stackTrace,
        secretsLeaked: m.leaked.length,
      })
      expect(m.run.code, m.run.stdout).toBe(1)
      expect(m.errors).toHaveLength(1)
      expect(m.errors[0]).toContain('password authentication failed')
      expect(m.errors[0]).toContain(ROLE)
      expect(m.stackTrace).toBe(false)
      expect(m.leaked).toEqual([])
      expect(m.writes).toBe(0)
    })
  }

  it('right password with URL metacharacters, an SQL error: the file is named, the password never', async () => {
    const url = `postgres://${ROLE}:${encodeURIComponent(PASSWORD)}@${hostPort()}/hostile_auth`
    const m = await runAuth(
      'sql error behind a percent-encoded password',
      url,
      {
        ...BASE,
        'migrations/default/1700000000001_broken/up.sql': `SELECT '${PASSWORD.replace(/'/g, "''")}' FROM no_such_table;\n`,
      },
      [],
    )
    const clean =
      m.run.code === 1 && m.errors.length === 1 && !m.stackTrace && m.leaked.length === 0 && m.writes === 0
    record({
      suite: 'hostile',
      name: 'sql error behind a percent-encoded password (the migration even quotes the password)',
      outcome: clean ? 'clean-failure' : 'unclean-failure',
      writes: m.writes,
      stackTrace: m.stackTrace,
      secretsLeaked: m.leaked.length,
    })
    expect(m.run.code, m.run.stdout).toBe(1)
    expect(m.errors).toHaveLength(1)
    expect(m.errors[0]).toContain('1700000000001_broken/up.sql')
    expect(m.errors[0]).toContain('no_such_table')
    expect(m.stackTrace).toBe(false)
    expect(m.leaked).toEqual([])
    expect(m.writes).toBe(0)
  })

  it('right user and password in the query (user=, password=) applies', async () => {
    const url = `postgres://${hostPort()}/hostile_auth?user=${ROLE}&password=${encodeURIComponent(PASSWORD)}`
    const m = await runAuth('credentials in the query', url, BASE, [])
    const rows = await query<{ version: string; dirty: boolean }>(
      adminDb,
      'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
    )
    const ok = m.run.code === 0 && m.leaked.length === 0 && rows.length === 1
    record({
      suite: 'hostile',
      name: 'credentials in the query string (user=, password=) apply',
      outcome: ok ? 'passed' : 'failed',
      secretsLeaked: m.leaked.length,
    })
    expect(m.run.code, m.run.stdout + m.run.stderr).toBe(0)
    expect(m.leaked).toEqual([])
    expect(rows).toEqual([{ version: '1700000000000', dirty: false }])
    expect(
      (JSON.parse(m.run.outputs.report) as { target: { display: string } }).target.display,
    ).not.toContain(encodeURIComponent(PASSWORD))
  })
})

interface OkRun {
  run: ActionRun
  rows: { version: string; dirty: boolean }[]
  leaked: string[]
  /** Wall time of the action process. */
  ms: number
  maxRssKb?: number
}

/** A wrapper entry reporting the action process's peak memory on exit (stderr, after everything else). */
function measuringEntry(): string {
  const { workspace } = workspaceWith({})
  const entry = join(workspace, 'measure.mjs')
  writeFileSync(
    entry,
    `process.on('exit', () => process.stderr.write('HMA_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'))\n` +
      `await import(${JSON.stringify(pathToFileURL(DIST).href)})\n`,
  )
  return entry
}

async function runOk(tree: Tree, check: (r: OkRun, dbUrl: string) => Promise<void> | void, name: string) {
  const { workspace, projectDir } = workspaceWith(tree)
  const db = await createDatabase('hostile_ok')
  try {
    const started = Date.now()
    const run = await runDistAction({
      cwd: workspace,
      entry: measuringEntry(),
      timeoutMs: 300_000,
      inputs: {
        'project-dir': projectDir,
        'database-url': withPassword(db.url),
        'admin-secret': SECRETS.adminSecret,
        'github-token': SECRETS.githubToken,
      },
    })
    const ms = Date.now() - started
    const rss = /HMA_MAXRSS_KB=(\d+)/.exec(run.stderr)
    const rows =
      run.code === 0
        ? await query<{ version: string; dirty: boolean }>(
            db.url,
            'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version',
          )
        : []
    const r: OkRun = {
      run,
      rows,
      leaked: scanForSecrets(capturedTexts(run), ALL_SECRETS),
      ms,
      maxRssKb: rss ? Number(rss[1]) : undefined,
    }
    let failure: unknown
    try {
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(r.leaked).toEqual([])
      await check(r, db.url)
    } catch (e) {
      failure = e
    }
    record({
      suite: 'hostile',
      name,
      outcome: failure ? 'failed' : 'passed',
      secretsLeaked: r.leaked.length,
      detail: `${ms} ms, peak RSS ${r.maxRssKb ? Math.round(r.maxRssKb / 1024) : '?'} MB`,
    })
    if (failure) throw failure as Error
    return r
  } finally {
    await db.drop()
  }
}

const CONFIG3 = { 'config.yaml': 'version: 3\n' }
const versionsOf = (r: OkRun) => r.rows.map((row) => row.version)
const appliedOutput = (r: OkRun): string[] => JSON.parse(r.run.outputs['applied-versions']) as string[]

describe('unusual but valid input is applied exactly as the CLI reads it', () => {
  it('19-digit versions, up to 9223372036854775807, come back exactly as written', async () => {
    await runOk(
      {
        ...CONFIG3,
        'migrations/default/1234567890123456789_nineteen/up.sql': 'CREATE TABLE public.t19 (id int);\n',
        'migrations/default/9223372036854775807_largest/up.sql': 'CREATE TABLE public.tmax (id int);\n',
      },
      (r) => {
        expect(versionsOf(r)).toEqual(['1234567890123456789', '9223372036854775807'])
        expect(r.rows.every((row) => !row.dirty)).toBe(true)
        expect(appliedOutput(r)).toEqual(['1234567890123456789', '9223372036854775807'])
        expect(r.run.outputs['current-version']).toBe('9223372036854775807')
      },
      '19-digit versions up to 9223372036854775807',
    )
  })

  it('leading zeros; 0-byte, non-matching, .yaml and over-uint64 files ignored as the CLI ignores them', async () => {
    await runOk(
      {
        ...CONFIG3,
        'migrations/default/0001_lead.up.sql': 'CREATE TABLE public.lead (id int);\n',
        'migrations/default/000000000000000000000000042_many_zeros/up.sql':
          'CREATE TABLE public.zeros (id int);\n',
        'migrations/default/3_empty.up.sql': '',
        'migrations/default/4_yaml.up.yaml': '- type: run_sql\n  args: {sql: "SELECT broken"}\n',
        'migrations/default/5_no_direction.sql': 'SELECT broken;\n',
        'migrations/default/README.md': '# not a migration\n',
        'migrations/default/18446744073709551616_over_uint64.up.sql': 'SELECT broken syntax;\n',
        'migrations/default/squashed_1_to_2/1_old/up.sql': 'SELECT broken syntax;\n',
      },
      async (r, url) => {
        expect(versionsOf(r)).toEqual(['1', '42'])
        const tables = await query(
          url,
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
        )
        expect(tables).toEqual([{ tablename: 'lead' }, { tablename: 'zeros' }])
      },
      'leading zeros; empty, non-matching and over-uint64 files ignored',
    )
  })

  it('BOM and CRLF files, with the no-transaction marker after a BOM and before a CRLF', async () => {
    await runOk(
      {
        ...CONFIG3,
        'migrations/default/1_bom/up.sql': '\uFEFFCREATE TABLE public.bom_t (\r\n  id int\r\n);\r\n',
        'migrations/default/2_bom_marker/up.sql':
          '\uFEFF-- hasura:no-transaction\r\nCREATE INDEX CONCURRENTLY bom_idx ON public.bom_t (id);\r\n',
        'migrations/default/3_crlf_marker/up.sql':
          '  -- hasura:no-transaction  \r\nCREATE INDEX CONCURRENTLY crlf_idx ON public.bom_t (id);\r\n',
        'migrations/default/4_crlf/up.sql':
          'INSERT INTO public.bom_t VALUES (1);\r\nINSERT INTO public.bom_t VALUES (2);\r\n',
      },
      async (r, url) => {
        expect(versionsOf(r)).toEqual(['1', '2', '3', '4'])
        const idx = await query(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'bom_t' ORDER BY 1")
        expect(idx).toEqual([{ indexname: 'bom_idx' }, { indexname: 'crlf_idx' }])
        expect(await query(url, 'SELECT id FROM public.bom_t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
      },
      'BOM and CRLF files, no-transaction marker after a BOM and before a CRLF',
    )
  })

  it('names with spaces, dots and unicode', async () => {
    const names = ['add users.v2 (final)', 'ñandú 🚀 名前', 'dots.in.the.name']
    await runOk(
      {
        ...CONFIG3,
        [`migrations/default/1700000000001_${names[0]}/up.sql`]:
          'CREATE TABLE public."with space" (id int);\n',
        [`migrations/default/1700000000002_${names[1]}/up.sql`]: 'CREATE TABLE public."ñandú" (id int);\n',
        [`migrations/default/1700000000003_${names[2]}.up.sql`]: 'CREATE TABLE public.dots (id int);\n',
      },
      (r) => {
        expect(versionsOf(r)).toEqual(['1700000000001', '1700000000002', '1700000000003'])
        const report = JSON.parse(r.run.outputs.report) as { databases: { steps: { name: string }[] }[] }
        expect(report.databases[0].steps.map((s) => s.name)).toEqual(names)
      },
      'names with spaces, dots and unicode',
    )
  })

  it('a 50 MB migration', async () => {
    const row = `('${'x'.repeat(200)}')`
    const count = Math.ceil((50 * 1024 * 1024) / (row.length + 2))
    const sql = `INSERT INTO public.big (payload) VALUES\n${Array.from({ length: count }, () => row).join(',\n')};\n`
    expect(sql.length).toBeGreaterThan(50 * 1024 * 1024)
    const r = await runOk(
      {
        ...CONFIG3,
        'migrations/default/1_table/up.sql': 'CREATE TABLE public.big (payload text);\n',
        'migrations/default/2_fifty_megabytes/up.sql': sql,
      },
      async (r, url) => {
        expect(versionsOf(r)).toEqual(['1', '2'])
        const [n] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM public.big')
        expect(n.n).toBe(count)
      },
      'a 50 MB migration (one INSERT … VALUES)',
    )
    console.info(`50 MB migration: ${r.ms} ms, peak RSS ${r.maxRssKb} kB`)
  }, 180_000)

  it('a migrations directory with 100,000 entries', async () => {
    const tree: Tree = { ...CONFIG3 }
    for (let i = 0; i < 99_990; i++) {
      // never a migration: no direction, a wrong extension, or no version
      const kind = i % 3
      tree[
        `migrations/default/${kind === 0 ? `${i}_note.txt` : kind === 1 ? `${i}_x.up.txt` : `readme_${i}.md`}`
      ] = ''
    }
    const versions: string[] = []
    for (let i = 1; i <= 10; i++) {
      const v = String(1700000000000 + i)
      versions.push(v)
      tree[`migrations/default/${v}_m${i}/up.sql`] = `CREATE TABLE public.m${i} (id int);\n`
    }
    const r = await runOk(
      tree,
      (r) => {
        expect(versionsOf(r)).toEqual(versions)
        expect(appliedOutput(r)).toEqual(versions)
      },
      'a migrations directory with 100,000 entries',
    )
    console.info(`100,000 entries: ${r.ms} ms, peak RSS ${r.maxRssKb} kB`)
  }, 180_000)
})
