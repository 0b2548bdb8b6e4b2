import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, parseSettings, secretsOf } from '../../src/settings.js'
import { redactUrl } from '../../src/targets/postgres/redact.js'
import { repoRoot } from '../support/shared.js'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
}
const action = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml

const reader =
  (values: Partial<Record<InputName, string>>) =>
  (name: InputName): string =>
    values[name] ?? ''

function errorOf(values: Partial<Record<InputName, string>>, env: NodeJS.ProcessEnv = {}): UserError {
  try {
    parseSettings(reader(values), env)
  } catch (e) {
    if (e instanceof UserError) return e
    throw e
  }
  throw new Error('expected a UserError')
}

describe('action.yml and the settings code stay in step', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, each with a description and the same default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    for (const name of INPUT_NAMES) {
      expect(action.inputs[name].description.length, name).toBeGreaterThan(10)
      expect(String(action.inputs[name].default ?? ''), name).toBe(INPUT_DEFAULTS[name])
    }
  })

  it('reads every declared input', () => {
    const asked = new Set<string>()
    parseSettings((name) => {
      asked.add(name)
      return ''
    }, {})
    expect([...asked].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})

describe('parseSettings', () => {
  it('applies the defaults of action.yml when nothing is set (as `node dist/index.js` runs)', () => {
    const s = parseSettings(reader({}), {})
    expect(s).toMatchObject({
      projectDir: '.',
      databases: { kind: 'default' },
      target: { kind: 'embedded' },
      request: { kind: 'up', steps: 'all' },
      dryRun: false,
      skipExecution: false,
      transaction: 'all',
      outOfOrder: 'warn',
      metadata: 'auto',
      allowInconsistentMetadata: false,
      seeds: false,
      comment: 'auto',
      environment: '',
      timeoutMs: 600_000,
      trustPullRequestCode: false,
      drift: 'warn',
      acceptEditedMigrations: [],
    })
    expect(s.githubToken).toBeUndefined()
  })

  it('drift and accept-edited-migrations: a mode, and versions separated by commas or spaces', () => {
    const s = parseSettings(reader({ drift: 'fail', 'accept-edited-migrations': '1700000000001, 2 3' }), {})
    expect(s.drift).toBe('fail')
    expect(s.acceptEditedMigrations).toEqual([1700000000001n, 2n, 3n])
    expect(errorOf({ drift: 'strict' }).message).toBe(
      "input 'drift' must be one of warn, fail, off (got 'strict')",
    )
    const e = errorOf({ 'accept-edited-migrations': '1, v2' })
    expect(e.message).toContain("input 'accept-edited-migrations' must list migration versions")
    expect(e.message).toContain("'v2'")
  })

  it('chooses the target from explicit settings only', () => {
    expect(parseSettings(reader({ 'database-url': 'postgres://u:p@h/db' }), {}).target.kind).toBe('postgres')
    expect(parseSettings(reader({ endpoint: 'https://h.example' }), {}).target.kind).toBe('hasura')
    expect(parseSettings(reader({}), { HASURA_GRAPHQL_ENDPOINT: 'https://env.example' }).target).toEqual({
      kind: 'hasura',
      endpoint: 'https://env.example',
      adminSecret: undefined,
    })
    const both = parseSettings(
      reader({ 'database-url': 'postgres://h/db', endpoint: 'https://h.example' }),
      {},
    )
    expect(both.target).toMatchObject({ kind: 'postgres', endpoint: 'https://h.example' })
  })

  it('parses modes', () => {
    expect(parseSettings(reader({ 'dry-run': 'true' }), {}).dryRun).toBe('plan')
    expect(parseSettings(reader({ 'dry-run': 'plan' }), {}).dryRun).toBe('plan')
    expect(parseSettings(reader({ 'dry-run': 'rehearse' }), {}).dryRun).toBe('rehearse')
    expect(parseSettings(reader({ direction: 'down', steps: '2' }), {}).request).toEqual({
      kind: 'down',
      steps: 2,
    })
    expect(parseSettings(reader({ direction: 'down', steps: 'all' }), {}).request).toEqual({
      kind: 'down',
      steps: 'all',
    })
    expect(parseSettings(reader({ 'target-version': '0001700000000000' }), {}).request).toEqual({
      kind: 'goto',
      version: 1700000000000n,
    })
    expect(parseSettings(reader({ seeds: 'a.sql, b.sql' }), {}).seeds).toEqual(['a.sql', 'b.sql'])
    expect(parseSettings(reader({ database: 'a, b' }), {}).databases).toEqual({
      kind: 'list',
      names: ['a', 'b'],
    })
    expect(parseSettings(reader({ timeout: '5' }), {}).timeoutMs).toBe(5000)
    expect(parseSettings(reader({ 'trust-pull-request-code': 'true' }), {}).trustPullRequestCode).toBe(true)
    expect(parseSettings(reader({}), {}).verifyMetadata).toBe('error')
    expect(parseSettings(reader({ 'verify-metadata': 'warn' }), {}).verifyMetadata).toBe('warn')
  })

  it.each<[Partial<Record<InputName, string>>, string]>([
    [{ direction: 'sideways' }, "input 'direction' must be one of up, down (got 'sideways')"],
    [{ steps: '0' }, "input 'steps' must be a positive integer or all (got '0')"],
    [{ steps: '-1' }, "input 'steps'"],
    [{ direction: 'down' }, "input 'steps' is required for direction down"],
    [{ 'target-version': 'v1' }, "input 'target-version' must be a version number"],
    [{ 'target-version': '9223372036854775808' }, 'above 9223372036854775807'],
    [{ 'target-version': '1', steps: '2' }, "input 'target-version' cannot be combined"],
    [{ 'dry-run': 'maybe' }, "input 'dry-run' must be false, true, plan or rehearse (got 'maybe')"],
    [{ 'skip-execution': 'yes' }, "input 'skip-execution' must be true or false (got 'yes')"],
    [{ transaction: 'none' }, "input 'transaction' must be one of all, per-migration"],
    [{ 'out-of-order': 'ignore' }, "input 'out-of-order' must be one of warn, allow, fail"],
    [{ metadata: 'only' }, "input 'metadata' must be one of auto, apply, skip"],
    [{ metadata: 'apply' }, "input 'metadata' is apply but no endpoint"],
    [{ 'allow-inconsistent-metadata': '1' }, "input 'allow-inconsistent-metadata' must be true or false"],
    [{ comment: 'sometimes' }, "input 'comment' must be one of auto, always, never"],
    [
      { 'verify-metadata': 'strict' },
      "input 'verify-metadata' must be one of error, warn, off (got 'strict')",
    ],
    [
      { 'trust-pull-request-code': 'yes' },
      "input 'trust-pull-request-code' must be true or false (got 'yes')",
    ],
    [{ timeout: '0' }, "input 'timeout' must be a positive number of seconds (got '0')"],
    [{ timeout: '1m' }, "input 'timeout'"],
    [{ endpoint: 'localhost:8080' }, "input 'endpoint' must start with http:// or https://"],
    [{ endpoint: 'not a url' }, "input 'endpoint' is not a valid URL"],
    [
      { 'database-url': 'mysql://u:pw@h/db' },
      "input 'database-url' must start with postgres:// or postgresql://",
    ],
    [
      { 'database-url': 'postgres://h/db', database: 'all' },
      "input 'database' cannot be all with 'database-url'",
    ],
    [{ 'database-url': 'postgres://h/db', database: 'a,b' }, "input 'database' must select exactly one"],
    [{ environment: 'a"b' }, "input 'environment' must not contain quotes"],
    [
      { 'skip-execution': 'true', 'dry-run': 'rehearse', 'database-url': 'postgres://h/d' },
      "input 'skip-execution' cannot be combined",
    ],
    [{ 'skip-execution': 'true' }, "input 'skip-execution' needs a target"],
  ])('rejects %j with a message naming the input', (values, expected) => {
    const e = errorOf(values)
    expect(e.message).toContain(expected)
    expect(e.message).not.toContain('\n')
  })

  it('reports all input errors together', () => {
    const e = errorOf({ direction: 'x', timeout: 'y', comment: 'z' })
    expect(e.message).toMatch(/^3 input errors: /)
    expect(e.message).toContain("input 'direction'")
    expect(e.message).toContain("input 'timeout'")
    expect(e.message).toContain("input 'comment'")
  })

  it('never echoes a database URL or its password in an error', () => {
    const e = errorOf({ 'database-url': 'mysql://app:Sup3r-S3cret-PW@db.internal/app' })
    expect(e.message).not.toContain('Sup3r-S3cret-PW')
    expect(e.message).not.toContain('db.internal')
  })

  it('finds the secrets to mask in inputs that fail validation (they are masked before it)', () => {
    const values = {
      'database-url': 'postgres://app:Db-pw-QQ1@db/app',
      'admin-secret': 'adm1n-s3cret-QQQ',
      direction: 'sideways',
    }
    expect(errorOf(values).message).toContain("input 'direction'")
    expect(secretsOf(reader(values), { GITHUB_TOKEN: 'ghs_env-token' })).toEqual(
      expect.arrayContaining(['Db-pw-QQ1', 'adm1n-s3cret-QQQ', 'ghs_env-token']),
    )
  })

  it('masks a password in the endpoint, but not the endpoint itself', () => {
    const s = parseSettings(reader({ endpoint: 'https://ops:En9-p%40ss@hasura.example.com' }), {})
    expect(s.secrets).toEqual(expect.arrayContaining(['En9-p%40ss', 'En9-p@ss']))
    expect(s.secrets.some((x) => x.includes('hasura.example.com'))).toBe(false)
  })

  it('collects every form of every secret for masking', () => {
    const s = parseSettings(
      reader({
        'database-url': 'postgres://app:p%40ss%2Fw0rd-XYZ@db/app',
        'admin-secret': 'adm1n-s3cret-QQQ',
        'github-token': 'ghs_t0ken-ABC',
      }),
      {},
    )
    expect(s.secrets).toEqual(
      expect.arrayContaining([
        'postgres://app:p%40ss%2Fw0rd-XYZ@db/app',
        'p%40ss%2Fw0rd-XYZ',
        'p@ss/w0rd-XYZ',
        'adm1n-s3cret-QQQ',
        'ghs_t0ken-ABC',
      ]),
    )
    expect(redactUrl('postgres://app:p%40ss@db:5432/app?sslmode=require', {}).display).toBe(
      'postgres://app:***@db:5432/app?sslmode=require',
    )
  })

  it('accepts the unix-socket and other libpq URL forms node-postgres connects with', () => {
    for (const url of [
      'postgresql://app@/app?host=/cloudsql/proj:region:inst',
      'postgresql://app:pw-123@%2Fvar%2Frun%2Fpostgresql/app',
      'socket:/var/run/postgresql?db=app',
      '/var/run/postgresql app',
      'postgres:///app',
      'postgres://app:pw-123@[::1]:5432/app',
    ]) {
      const s = parseSettings(reader({ 'database-url': url }), {})
      expect(s.target, url).toEqual({ kind: 'postgres', databaseUrl: url })
    }
  })

  it('masks PGPASSWORD when the URL leaves the password to it, from the first moment', () => {
    const env = { PGPASSWORD: 'Env-pw-77x', PGHOST: '/tmp' }
    const values = { 'database-url': 'postgresql://app@/app', direction: 'sideways' }
    expect(secretsOf(reader(values), env)).toContain('Env-pw-77x')
    expect(parseSettings(reader({ 'database-url': 'postgres:///app' }), env).secrets).toContain('Env-pw-77x')
    // a URL with a password of its own: pg never sends PGPASSWORD
    expect(
      parseSettings(reader({ 'database-url': 'postgres://app:own-pw-1@db/app' }), env).secrets,
    ).not.toContain('Env-pw-77x')
  })

  it('takes the token from GITHUB_TOKEN when the input holds the unexpanded default', () => {
    expect(
      parseSettings(reader({ 'github-token': '${{ github.token }}' }), { GITHUB_TOKEN: 'ghs_x' }).githubToken,
    ).toBe('ghs_x')
  })
})
