import { describe, expect, it } from 'vitest'
import { redactUrl } from '../../../src/targets/postgres/redact.js'

describe('redactUrl', () => {
  it('hides the password in the URL and wherever it appears later, in every encoding', () => {
    const { display, redact } = redactUrl(
      'postgres://app:p%40ss%3Aw0rd@db.example.com:5432/app?sslmode=require',
    )
    expect(display).toBe('postgres://app:***@db.example.com:5432/app?sslmode=require')
    expect(redact('failed for p@ss:w0rd and p%40ss%3Aw0rd')).toBe('failed for *** and ***')
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
