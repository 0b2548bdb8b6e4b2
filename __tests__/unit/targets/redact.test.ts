import { describe, expect, it } from 'vitest'
import { databaseUrlSecrets, redactUrl } from '../../../src/targets/postgres/redact.js'

describe('redactUrl', () => {
  it('hides the password in the URL and wherever it appears later, in every encoding', () => {
    const { display, redact } = redactUrl(
      'postgres://app:p%40ss%3Aw0rd@db.example.com:5432/app?sslmode=require',
      {},
    )
    expect(display).toBe('postgres://app:***@db.example.com:5432/app?sslmode=require')
    expect(redact('failed for p@ss:w0rd and p%40ss%3Aw0rd')).toBe('failed for *** and ***')
  })

  it("reads a raw '@' in the password as URL parsing (and pg) do: the userinfo ends at the last '@'", () => {
    const url = 'postgres://app:p@ss@db.example.com/app'
    expect(new URL(url).password).toBe('p%40ss')
    const { display, redact } = redactUrl(url, {})
    expect(display).toBe('postgres://app:***@db.example.com/app')
    expect(redact(`at ${url}: p@ss, p%40ss`)).toBe('at postgres://app:***@db.example.com/app: ***, ***')
    expect(databaseUrlSecrets(url, {})).toEqual(expect.arrayContaining([url, 'p@ss', 'p%40ss']))
  })

  it('masks every form URL parsing gives a password: serialised, decoded, query-decoded', () => {
    // '$' stays raw in a serialised userinfo but not in encodeURIComponent; '+' is a space in a query.
    expect(databaseUrlSecrets('postgres://app:p@$s@db/app', {})).toEqual(
      expect.arrayContaining(['p@$s', 'p%40$s', 'p%40%24s']),
    )
    expect(databaseUrlSecrets('postgresql://db/app?password=a+b%26c', {})).toEqual(
      expect.arrayContaining(['a+b%26c', 'a b&c']),
    )
  })

  it('hides a password query parameter', () => {
    const { display, redact } = redactUrl(
      'postgresql://db/app?user=app&password=hunter22&sslmode=disable',
      {},
    )
    expect(display).toBe('postgresql://db/app?user=app&password=***&sslmode=disable')
    expect(redact('x hunter22 y')).toBe('x *** y')
  })

  it('leaves a URL without a password as it is', () => {
    const { display, redact } = redactUrl('postgres://postgres@127.0.0.1:5432/postgres', {})
    expect(display).toBe('postgres://postgres@127.0.0.1:5432/postgres')
    expect(redact('postgres')).toBe('postgres')
  })

  it('redacts key=value strings too', () => {
    const { display, redact } = redactUrl("host=db user=app password='s3cr et' dbname=app", {})
    expect(display).toBe('host=db user=app password=*** dbname=app')
    expect(redact('s3cr et')).toBe('***')
  })
})

/** A password no other part of these URLs contains, in the raw form pg sends. */
const PW = 'S0ck:p@ss/w#rd 9Qz'
const ENC = encodeURIComponent(PW)

describe('every URL form node-postgres reads: the password by its position in the display, masked everywhere', () => {
  const forms: { name: string; url: string; display: string }[] = [
    {
      name: 'TCP, password in the userinfo',
      url: `postgres://app:${ENC}@db.internal:5432/app`,
      display: 'postgres://app:***@db.internal:5432/app',
    },
    {
      name: 'unix socket by ?host= (Cloud SQL)',
      url: `postgresql://app:${ENC}@/app?host=/cloudsql/proj:region:inst`,
      display: 'postgresql://app:***@/app?host=/cloudsql/proj:region:inst',
    },
    {
      name: 'unix socket as a percent-encoded host',
      url: `postgresql://app:${ENC}@%2Fvar%2Frun%2Fpostgresql:5433/app`,
      display: 'postgresql://app:***@%2Fvar%2Frun%2Fpostgresql:5433/app',
    },
    {
      name: 'socket: with the credentials in the userinfo',
      url: `socket://app:${ENC}@/var/run/postgresql?db=app`,
      display: 'socket://app:***@/var/run/postgresql?db=app',
    },
    {
      name: 'socket: with the credentials in the query',
      url: `socket:/var/run/postgresql?db=app&user=app&password=${ENC}&port=5433`,
      display: 'socket:/var/run/postgresql?db=app&user=app&password=***&port=5433',
    },
    {
      name: 'password= in the query, with libpq sslmode',
      url: `postgresql://app@db.internal/app?password=${ENC}&uselibpqcompat=true&sslmode=require`,
      display: 'postgresql://app@db.internal/app?password=***&uselibpqcompat=true&sslmode=require',
    },
    {
      name: 'password= with a percent-encoded parameter name',
      url: `postgresql://app@db.internal/app?pass%77ord=${ENC}`,
      display: 'postgresql://app@db.internal/app?pass%77ord=***',
    },
    {
      name: 'an IPv6 host',
      url: `postgres://app:${ENC}@[::1]:5432/app`,
      display: 'postgres://app:***@[::1]:5432/app',
    },
  ]

  for (const form of forms) {
    it(form.name, () => {
      const { display, redact } = redactUrl(form.url, {})
      expect(display).toBe(form.display)
      expect(display).not.toContain('S0ck')
      const secrets = databaseUrlSecrets(form.url, {})
      expect(secrets).toEqual(expect.arrayContaining([form.url, PW, ENC]))
      expect(redact(`failed: ${PW} / ${ENC} / ${form.url}`)).not.toMatch(/S0ck|9Qz/)
    })
  }

  it('a query password written with + for its space, as URL parsing decodes it', () => {
    const url = 'postgresql://app@/app?host=/tmp&password=a+b%26c'
    expect(databaseUrlSecrets(url, {})).toEqual(expect.arrayContaining(['a+b%26c', 'a b&c']))
    expect(redactUrl(url, {}).display).toBe('postgresql://app@/app?host=/tmp&password=***')
  })

  it('a bare socket directory and database name holds no password and is shown as is', () => {
    expect(redactUrl('/var/run/postgresql app', {}).display).toBe('/var/run/postgresql app')
    expect(databaseUrlSecrets('/var/run/postgresql app', {})).toEqual(['/var/run/postgresql app'])
  })

  it('the user name, host and database stay readable when the password spells them (postgres:postgres)', () => {
    const url = 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
    const { display, redact } = redactUrl(url, {})
    expect(display).toBe('postgres://postgres:***@127.0.0.1:5432/postgres')
    expect(redact('role "postgres"')).toBe('role "***"')
  })
})

describe('the parts a URL leaves to PG* variables', () => {
  const env = { PGHOST: '/tmp/pg', PGPORT: '5433', PGUSER: 'app', PGDATABASE: 'appdb', PGPASSWORD: PW }

  it('are named in the display, PGPASSWORD as ***, and PGPASSWORD is masked in every form', () => {
    const { display, redact } = redactUrl('postgres:///app', env)
    expect(display).toBe('postgres:///app (PGHOST=/tmp/pg, PGPORT=5433, PGUSER=app, PGPASSWORD=***)')
    expect(redact(`x ${PW} ${ENC} y`)).toBe('x *** *** y')
    expect(databaseUrlSecrets('postgres:///app', env)).toEqual(expect.arrayContaining([PW, ENC]))
  })

  it('a bare socket directory takes the user, port and password from them', () => {
    expect(redactUrl('/tmp/pg app', env).display).toBe(
      '/tmp/pg app (PGPORT=5433, PGUSER=app, PGPASSWORD=***)',
    )
    expect(databaseUrlSecrets('/tmp/pg app', env)).toContain(PW)
  })

  it('PGPASSWORD is no secret of the run when the URL has a password of its own (pg never sends it)', () => {
    const url = 'postgres://app:own-pw-1@db/app'
    expect(databaseUrlSecrets(url, env)).not.toContain(PW)
    // the URL names no port: pg takes PGPORT, and the display says so
    expect(redactUrl(url, env).display).toBe('postgres://app:***@db/app (PGPORT=5433)')
  })

  it('without the variables, the display is the URL alone', () => {
    expect(redactUrl('postgres:///app', {}).display).toBe('postgres:///app')
    expect(databaseUrlSecrets('postgres:///app', {})).toEqual(['postgres:///app'])
  })
})
