import { parse } from 'pg-connection-string'
import { describe, expect, it } from 'vitest'
import { databaseUrlProblem, environmentUsed } from '../../../src/targets/postgres/connection-url.js'

const PW = 'Zq7-s3cret'

describe('databaseUrlProblem accepts every form node-postgres connects with', () => {
  // [url, where pg connects: host, port, database, user]
  const accepted: [
    string,
    { host: string | null; port?: string | null; database?: string | null; user?: string },
  ][] = [
    [`postgres://app:${PW}@db.internal:5432/app`, { host: 'db.internal', port: '5432', database: 'app' }],
    [`postgresql://app:${PW}@db.internal/app`, { host: 'db.internal', database: 'app' }],
    [`POSTGRES://app:${PW}@db.internal/app`, { host: 'db.internal', database: 'app' }],
    [
      'postgresql://app@/app?host=/cloudsql/proj:region:inst',
      { host: '/cloudsql/proj:region:inst', user: 'app' },
    ],
    [`postgresql://app:${PW}@/app?host=/tmp&port=5433`, { host: '/tmp', port: '5433', database: 'app' }],
    [
      `postgresql://app:${PW}@%2Fvar%2Frun%2Fpostgresql/app`,
      { host: '/var/run/postgresql', database: 'app' },
    ],
    ['socket:/var/run/postgresql?db=app', { host: '/var/run/postgresql', database: 'app' }],
    [`socket://app:${PW}@/var/run/postgresql?db=app`, { host: '/var/run/postgresql', user: 'app' }],
    ['/var/run/postgresql app', { host: '/var/run/postgresql', database: 'app' }],
    ['postgres:///app', { host: '', database: 'app' }],
    ['postgres://', { host: '', database: null }],
    [`postgres://app:${PW}@[::1]:5432/app`, { host: '::1', port: '5432' }],
    [`postgresql://app@db/app?password=${PW}&sslmode=disable`, { host: 'db' }],
    [`postgresql://app:${PW}@db/app?uselibpqcompat=true&sslmode=require`, { host: 'db' }],
    [`postgres://app:p@ss@db/app`, { host: 'db', user: 'app' }],
  ]
  for (const [url, where] of accepted) {
    it(url, () => {
      expect(databaseUrlProblem(url)).toBeUndefined()
      // the same parser pg uses reads it, and reads it as meant
      expect(parse(url)).toMatchObject(where)
    })
  }
})

describe('databaseUrlProblem refuses what node-postgres cannot use, in one line without the URL', () => {
  const refused: [string, string | RegExp][] = [
    [
      `host=db.internal dbname=app password=${PW}`,
      'is a key=value connection string, which node-postgres does not read: write it as a URL, e.g. postgresql://user:password@host:5432/dbname',
    ],
    [
      `mysql://app:${PW}@db.internal/app`,
      'must start with postgres:// or postgresql:// (or socket: for a unix socket), got mysql://…',
    ],
    [`postgres:app`, /^is not a valid URL \(expected postgresql:\/\/user:password@host:5432\/dbname\)$/],
    [`//db.internal/app`, /^is not a valid URL/],
    [`db.internal:5432/app`, /^is not a valid URL/],
    [`app:${PW}@db.internal/app`, /^is not a valid URL/],
    [
      `postgres://app:${PW}#x@db.internal/app`,
      /^is not a valid URL .*percent-encode special characters .* # as %23/,
    ],
    [`postgres://app:${PW}@h1:5432,h2:5432/app`, /^is not a valid URL/],
    [`postgres://app:${PW}@h1,h2/app`, /^names several hosts, and node-postgres connects to one host only/],
    [`postgres://app:${PW}@db/app?port=fivefour`, 'has a port that is not a number'],
    [
      `postgres://app:${PW}@db/app?sslrootcert=/no/such/ca.pem`,
      'names a certificate file that cannot be read: /no/such/ca.pem (ENOENT)',
    ],
    [
      `postgres://app:${PW}@db/app?sslmode=requre`,
      "has sslmode=requre, which node-postgres does not know (it would verify the server's certificate): use one of disable, prefer, require, verify-ca, verify-full, no-verify",
    ],
    [`postgres://app:${PW}@db/app?sslmode=allow`, /^has sslmode=allow, which node-postgres does not know/],
    [
      `postgres://app:${PW}@db/app?uselibpqcompat=true&sslmode=verify-ca`,
      /^cannot be used by node-postgres: SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert/,
    ],
  ]
  for (const [url, message] of refused) {
    it(url, () => {
      const problem = databaseUrlProblem(url)
      if (typeof message === 'string') expect(problem).toBe(message)
      else expect(problem).toMatch(message)
      expect(problem).not.toContain(PW)
      expect(problem).not.toContain('db.internal')
      expect(problem).not.toContain('\n')
    })
  }
})

describe('environmentUsed: the PG* variables pg fills the missing parts from', () => {
  const env = { PGHOST: '/tmp/pg', PGPORT: '5433', PGUSER: 'app', PGDATABASE: 'appdb', PGPASSWORD: PW }
  const names = (url: string): string[] => environmentUsed(url, env).map((p) => p.variable)

  it('every part a URL leaves out, in pg order', () => {
    expect(names('postgres://')).toEqual(['PGHOST', 'PGPORT', 'PGUSER', 'PGDATABASE', 'PGPASSWORD'])
    expect(environmentUsed('postgres:///app', env)).toEqual([
      { variable: 'PGHOST', value: '/tmp/pg' },
      { variable: 'PGPORT', value: '5433' },
      { variable: 'PGUSER', value: 'app' },
      { variable: 'PGPASSWORD', value: PW },
    ])
  })

  it('none that the URL gives itself, wherever it gives it', () => {
    expect(names(`postgres://app:${PW}@db:5432/app`)).toEqual([])
    expect(names(`postgresql://app@/app?host=/run&port=5432&password=x`)).toEqual([])
    expect(names('postgresql://app@%2Frun/app')).toEqual(['PGPORT', 'PGPASSWORD'])
    expect(names('socket:/run?db=app')).toEqual(['PGPORT', 'PGUSER', 'PGPASSWORD'])
    expect(names('/run app')).toEqual(['PGPORT', 'PGUSER', 'PGPASSWORD'])
  })

  it('none that is unset or empty, and none for a URL pg cannot parse', () => {
    expect(environmentUsed('postgres:///app', { PGHOST: '', PGUSER: 'app' })).toEqual([
      { variable: 'PGUSER', value: 'app' },
    ])
    expect(environmentUsed('postgres://a:b#c@h/d', env)).toEqual([])
  })
})
