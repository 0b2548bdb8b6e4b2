/**
 * dist/index.js with every `database-url` form node-postgres connects with, against a server of our own
 * that checks passwords (the harness trusts everyone) and listens on TCP (IPv4 and IPv6) and a unix
 * socket. Each run applies a migration, records how it connected, and fails the next one with an error
 * that echoes the password: the password must show nowhere, the target must read as written.
 */
import { chownSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { startCluster, userOptions, type Cluster } from '../support/cluster.js'
import { query } from '../support/database.js'
import { scanForSecrets } from '../reliability/support/record.js'
import { workspaceWith } from '../reliability/support/hostile.js'

/** A login whose password needs every kind of URL encoding, and one whose password is the word `postgres`. */
const DISTINCTIVE = { user: 'url_forms', password: 'Sock:p@ss/w#rd-7Qz' }
const WORD = { user: 'ci', password: 'postgres' }
type Credentials = typeof DISTINCTIVE

let cluster: Cluster
/** The server's own socket directory, as it reports it. */
let socketDir: string
/** The superuser over the socket, the one login this server trusts. */
let admin: string
let counter = 0

beforeAll(async () => {
  cluster = await startCluster({
    password_encryption: "'scram-sha-256'",
    listen_addresses: "'127.0.0.1,::1'",
  })
  const [row] = await query<{ unix_socket_directories: string }>(cluster.url, 'SHOW unix_socket_directories')
  socketDir = row.unix_socket_directories.split(',')[0].trim()
  await query(cluster.url, "ALTER ROLE postgres PASSWORD 'postgres'")
  for (const c of [DISTINCTIVE, WORD]) {
    await query(cluster.url, `CREATE ROLE ${c.user} LOGIN PASSWORD '${c.password}'`)
  }
  const hba = join(cluster.dataDir, 'pg_hba.conf')
  writeFileSync(
    hba,
    [
      'local all postgres trust',
      'local all all scram-sha-256',
      'host all all 127.0.0.1/32 scram-sha-256',
      'host all all ::1/128 scram-sha-256',
    ].join('\n') + '\n',
  )
  const user = userOptions()
  if (user.uid !== undefined) chownSync(hba, user.uid, user.gid ?? user.uid)
  await query(cluster.url, 'SELECT pg_reload_conf()')
  admin = `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${cluster.port}`
  // every login now needs its password: the trust of the harness's URL is gone
  await expect(query(cluster.url, 'SELECT 1')).rejects.toThrow(/password/)
}, 120_000)
afterAll(() => cluster?.stop())

async function database(owner: string): Promise<string> {
  const name = `forms_${counter++}`
  await query(admin, `CREATE DATABASE ${name} OWNER ${owner}`)
  return name
}

/** The superuser on one database of this server. */
const adminOf = (db: string): string => admin.replace('/postgres?', `/${db}?`)

/** Migration 1 records how the run connected; migration 2 fails with an error that quotes the password. */
function project(password: string) {
  return workspaceWith({
    'config.yaml': 'version: 3\n',
    'migrations/default/1_connection/up.sql':
      'CREATE TABLE connection AS SELECT host(inet_server_addr()) AS address, current_user AS login;\n',
    'migrations/default/2_echo/up.sql': `SELECT '${password}'::int;\n`,
  })
}

interface Form {
  name: string
  /** The URL for a database and a login, and what the report must show of it. */
  url(db: string, c: Credentials): string
  display(db: string, c: Credentials): string
  /** PG* variables of the runner's environment (the e2e runner starts from a clean one). */
  env?(c: Credentials): Record<string, string>
  /** The server address the connection used: null for the unix socket. */
  address: string | null
}

const port = (): number => cluster.port
const enc = encodeURIComponent

const FORMS: Form[] = [
  {
    name: 'unix socket by ?host= and ?port=',
    url: (db, c) => `postgresql://${c.user}:${enc(c.password)}@/${db}?host=${socketDir}&port=${port()}`,
    display: (db, c) => `postgresql://${c.user}:***@/${db}?host=${socketDir}&port=${port()}`,
    address: null,
  },
  {
    name: 'unix socket by ?host= with the port and password in PGPORT and PGPASSWORD (Cloud SQL)',
    url: (db, c) => `postgresql://${c.user}@/${db}?host=${socketDir}`,
    display: (db, c) => `postgresql://${c.user}@/${db}?host=${socketDir} (PGPORT=${port()}, PGPASSWORD=***)`,
    env: (c) => ({ PGPORT: String(port()), PGPASSWORD: c.password }),
    address: null,
  },
  {
    name: 'unix socket as a percent-encoded host',
    url: (db, c) => `postgresql://${c.user}:${enc(c.password)}@${enc(socketDir)}:${port()}/${db}`,
    display: (db, c) => `postgresql://${c.user}:***@${enc(socketDir)}:${port()}/${db}`,
    address: null,
  },
  {
    name: 'socket: with the login in the userinfo',
    url: (db, c) => `socket://${c.user}:${enc(c.password)}@${socketDir}?db=${db}&port=${port()}`,
    display: (db, c) => `socket://${c.user}:***@${socketDir}?db=${db}&port=${port()}`,
    address: null,
  },
  {
    name: 'socket: with the login in the query',
    url: (db, c) => `socket:${socketDir}?db=${db}&port=${port()}&user=${c.user}&password=${enc(c.password)}`,
    display: (db, c) => `socket:${socketDir}?db=${db}&port=${port()}&user=${c.user}&password=***`,
    address: null,
  },
  {
    name: 'a bare socket directory and database, the rest in PGPORT, PGUSER and PGPASSWORD',
    url: (db) => `${socketDir} ${db}`,
    display: (db, c) => `${socketDir} ${db} (PGPORT=${port()}, PGUSER=${c.user}, PGPASSWORD=***)`,
    env: (c) => ({ PGPORT: String(port()), PGUSER: c.user, PGPASSWORD: c.password }),
    address: null,
  },
  {
    name: 'postgres:///db with the host, port, user and password in PG* variables',
    url: (db) => `postgres:///${db}`,
    display: (db, c) =>
      `postgres:///${db} (PGHOST=127.0.0.1, PGPORT=${port()}, PGUSER=${c.user}, PGPASSWORD=***)`,
    env: (c) => ({ PGHOST: '127.0.0.1', PGPORT: String(port()), PGUSER: c.user, PGPASSWORD: c.password }),
    address: '127.0.0.1',
  },
  {
    name: 'TCP with password= in the query and libpq sslmode',
    url: (db, c) =>
      `postgresql://${c.user}@127.0.0.1:${port()}/${db}?password=${enc(c.password)}&uselibpqcompat=true&sslmode=disable`,
    display: (db, c) =>
      `postgresql://${c.user}@127.0.0.1:${port()}/${db}?password=***&uselibpqcompat=true&sslmode=disable`,
    address: '127.0.0.1',
  },
  {
    name: 'an IPv6 host',
    url: (db, c) => `postgres://${c.user}:${enc(c.password)}@[::1]:${port()}/${db}`,
    display: (db, c) => `postgres://${c.user}:***@[::1]:${port()}/${db}`,
    address: '::1',
  },
]

async function runForm(form: Form, c: Credentials) {
  const db = await database(c.user)
  const { workspace, projectDir } = project(c.password)
  const run = await runDistAction({
    cwd: workspace,
    inputs: { 'project-dir': projectDir, 'database-url': form.url(db, c), transaction: 'per-migration' },
    env: form.env?.(c) ?? {},
  })
  return { db, run, display: form.display(db, c) }
}

/** Applied the first migration over the intended connection, failed the second, and reports it all readably. */
async function expectApplied(run: ActionRun, db: string, display: string, form: Form, c: Credentials) {
  expect(run.code, run.stdout + run.stderr).toBe(1)
  expect(JSON.parse(run.outputs['applied-versions'])).toEqual(['1'])
  const [row] = await query<{ address: string | null; login: string }>(
    adminOf(db),
    'SELECT address, login FROM connection',
  )
  expect(row).toEqual({ address: form.address, login: c.user })
  const report = JSON.parse(run.outputs.report) as {
    target: { kind: string; display: string }
    error: { message: string }
  }
  expect(report.target.kind).toBe('postgres')
  expect(report.target.display).toBe(display)
  expect(report.error.message).toBe('invalid input syntax for type integer: "***"')
  expect(run.summary).toContain(`- **Target:** PostgreSQL \`${display}\``)
}

describe('every database-url form node-postgres connects with works, the password masked in each', () => {
  for (const form of FORMS) {
    it(`${form.name}: a distinctive password`, async () => {
      const c = DISTINCTIVE
      const { db, run, display } = await runForm(form, c)
      await expectApplied(run, db, display, form, c)
      expect(scanForSecrets(capturedTexts(run), [c.password, 'p@ss/w#rd'])).toEqual([])
      expect(run.stdout).toContain(`::add-mask::${c.password}`)
    }, 60_000)

    it(`${form.name}: the password postgres`, async () => {
      const c = WORD
      const { db, run, display } = await runForm(form, c)
      await expectApplied(run, db, display, form, c)
      for (const text of capturedTexts(run)) {
        // where `postgres` is not the password: the display (Markdown escapes its asterisks) and the kind
        const rest = text
          .split(display)
          .join('')
          .split(display.replace(/\*/g, '\\*'))
          .join('')
          .split('"kind":"postgres"')
          .join('')
        expect(rest.match(/.{0,80}postgres.{0,80}/g)).toBeNull()
      }
    }, 60_000)
  }
})

describe('postgres:postgres, the credentials CI services use most', () => {
  it('the summary names the target readably and masks the password everywhere else', async () => {
    const db = await database('postgres')
    const { workspace, projectDir } = project('postgres')
    const url = `postgres://postgres:postgres@127.0.0.1:${port()}/${db}`
    const run = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': projectDir, 'database-url': url, transaction: 'per-migration' },
    })
    expect(run.code, run.stdout + run.stderr).toBe(1)
    const display = `postgres://postgres:***@127.0.0.1:${port()}/${db}`
    const target = run.summary.split('\n').find((l) => l.startsWith('- **Target:**'))
    expect(target).toMatch(
      new RegExp(
        `^- \\*\\*Target:\\*\\* PostgreSQL \`${display.replace(/[.*]/g, '\\$&')}\` \\(PostgreSQL 1\\d\\.\\d+\\)$`,
      ),
    )
    const report = JSON.parse(run.outputs.report) as {
      target: { kind: string; display: string }
      error: { message: string; statement?: string }
      databases: { steps: { name: string; status: string }[] }[]
    }
    expect(report.target).toMatchObject({ kind: 'postgres', display })
    expect(report.databases[0].steps.map((s) => [s.name, s.status])).toEqual([
      ['connection', 'applied'],
      ['echo', 'failed'],
    ])
    // the server's message quotes the password: masked there, in the statement, in the SQL shown
    expect(report.error.message).toBe('invalid input syntax for type integer: "***"')
    expect(report.error.statement).toBe("SELECT '***'::int")
    expect(run.summary).toContain('invalid input syntax for type integer: "\\*\\*\\*"')
    expect(run.summary).not.toContain('undefined')
    expect(run.stdout).toContain('::add-mask::postgres\n')
    for (const text of capturedTexts(run)) {
      const rest = text
        .split(display)
        .join('')
        .split(display.replace(/\*/g, '\\*'))
        .join('')
        .split('"kind":"postgres"')
        .join('')
      expect(rest.match(/.{0,80}postgres.{0,80}/g)).toBeNull()
    }
  }, 60_000)

  it('a failed login names the target readably and masks the password in the server message', async () => {
    const db = await database('postgres')
    const { workspace, projectDir } = project('postgres')
    const run = await runDistAction({
      cwd: workspace,
      inputs: {
        'project-dir': projectDir,
        'database-url': `postgres://ci:wrong-pw-4Xz@127.0.0.1:${port()}/${db}`,
      },
      env: {},
    })
    expect(run.code).toBe(1)
    const report = JSON.parse(run.outputs.report) as {
      target: { display: string }
      error: { message: string }
    }
    const display = `postgres://ci:***@127.0.0.1:${port()}/${db}`
    expect(report.target.display).toBe(display)
    expect(report.error.message).toBe(
      `PostgreSQL at ${display} refused the login: password authentication failed for user "ci". Check the user and password of the \`database-url\` input (or PGUSER and PGPASSWORD, where it leaves them out).`,
    )
    expect(scanForSecrets(capturedTexts(run), ['wrong-pw-4Xz'])).toEqual([])
  }, 60_000)
})

describe('what node-postgres cannot use is refused in one line, before anything connects', () => {
  it('a URL that leaves the password out, with no PGPASSWORD: the server asks, the line says where to put it', async () => {
    const db = await database(DISTINCTIVE.user)
    const { workspace, projectDir } = project('x')
    const url = `postgresql://${DISTINCTIVE.user}@/${db}?host=${socketDir}&port=${port()}`
    const run = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': projectDir, 'database-url': url },
    })
    expect(run.code).toBe(1)
    const errors = run.annotations.filter((a) => a.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      `PostgreSQL at ${url} asks for a password and none was given: put it in the \`database-url\` input`,
    )
    expect(
      await query(
        adminOf(db),
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname <> 'pg_catalog' AND schemaname <> 'information_schema'",
      ),
    ).toEqual([{ n: 0 }])
  }, 60_000)

  it('a socket directory with no server in it: the line says so, with the socket it tried', async () => {
    const { workspace, projectDir } = project('x')
    const dir = join(socketDir, 'no-server-here')
    const url = `postgresql://${DISTINCTIVE.user}:${enc(DISTINCTIVE.password)}@/app?host=${dir}&port=${port()}`
    const run = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': projectDir, 'database-url': url },
    })
    expect(run.code).toBe(1)
    const report = JSON.parse(run.outputs.report) as {
      target: { display: string }
      error: { message: string }
    }
    const display = `postgresql://${DISTINCTIVE.user}:***@/app?host=${dir}&port=${port()}`
    expect(report.target.display).toBe(display)
    expect(report.error.message).toBe(
      `cannot connect to PostgreSQL at ${display}: no server socket there (connect ENOENT ${dir}/.s.PGSQL.${port()}). Is the server running, and is its socket directory on this runner?`,
    )
    expect(scanForSecrets(capturedTexts(run), [DISTINCTIVE.password, 'p@ss/w#rd'])).toEqual([])
  }, 60_000)

  it('a libpq key=value string: the input named, the password not shown, nothing connected', async () => {
    const { workspace, projectDir } = project('x')
    const url = `host=${socketDir} port=${port()} dbname=postgres user=${DISTINCTIVE.user} password=${DISTINCTIVE.password}`
    const run = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': projectDir, 'database-url': url },
    })
    expect(run.code).toBe(1)
    const errors = run.annotations.filter((a) => a.startsWith('::error'))
    expect(errors).toEqual([
      "::error::input 'database-url' is a key=value connection string, which node-postgres does not read: write it as a URL, e.g. postgresql://user:password@host:5432/dbname",
    ])
    expect(scanForSecrets(capturedTexts(run), [DISTINCTIVE.password])).toEqual([])
    expect(run.stdout).toContain(`::add-mask::${DISTINCTIVE.password}`)
  }, 60_000)
})
