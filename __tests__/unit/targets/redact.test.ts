import { describe, expect, it } from 'vitest'
import { databaseUrlSecrets, redactUrl } from '../../../src/targets/postgres/redact.js'

describe('redactUrl', () => {
  it('hides the password in the URL and wherever it appears later, in every encoding', () => {
    const { display, redact } = redactUrl(
      'postgres://app:p%40ss%3Aw0rd@db.example.com:5432/app?sslmode=require',
    )
    expect(display).toBe('postgres://app:***@db.example.com:5432/app?sslmode=require')
    expect(redact('failed for p@ss:w0rd and p%40ss%3Aw0rd')).toBe('failed for *** and ***')
  })

  it("reads a raw '@' in the password as URL parsing (and pg) do: the userinfo ends at the last '@'", () => {
    const url = 'postgres://app:p@ss@db.example.com/app'
    expect(new URL(url).password).toBe('p%40ss')
    const { display, redact } = redactUrl(url)
    expect(display).toBe('postgres://app:***@db.example.com/app')
    expect(redact(`at ${url}: p@ss, p%40ss`)).toBe('at postgres://app:***@db.example.com/app: ***, ***')
    expect(databaseUrlSecrets(url)).toEqual(expect.arrayContaining([url, 'p@ss', 'p%40ss']))
  })

  it('masks every form URL parsing gives a password: serialised, decoded, query-decoded', () => {
    // '$' stays raw in a serialised userinfo but not in encodeURIComponent; '+' is a space in a query.
    expect(databaseUrlSecrets('postgres://app:p@$s@db/app')).toEqual(
      expect.arrayContaining(['p@$s', 'p%40$s', 'p%40%24s']),
    )
    expect(databaseUrlSecrets('postgresql://db/app?password=a+b%26c')).toEqual(
      expect.arrayContaining(['a+b%26c', 'a b&c']),
    )
  })

  it('hides a password query parameter', () => {
    const { display, redact } = redactUrl('postgresql://db/app?user=app&password=hunter22&sslmode=disable')
    expect(display).toBe('postgresql://db/app?user=app&password=***&sslmode=disable')
    expect(redact('x hunter22 y')).toBe('x *** y')
  })

  it('leaves a URL without a password as it is', () => {
    const { display, redact } = redactUrl('postgres://postgres@127.0.0.1:5432/postgres')
    expect(display).toBe('postgres://postgres@127.0.0.1:5432/postgres')
    expect(redact('postgres')).toBe('postgres')
  })

  it('redacts key=value strings too', () => {
    const { display, redact } = redactUrl("host=db user=app password='s3cr et' dbname=app")
    expect(display).toBe('host=db user=app password=*** dbname=app')
    expect(redact('s3cr et')).toBe('***')
  })
})
