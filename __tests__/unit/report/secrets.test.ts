/**
 * Defence in depth: even if a secret leaked into any string of the Result upstream, no surface shows it
 * once the secret is in the renderers' list (as the admin secret, the password and the token always are).
 */
import { describe, expect, it } from 'vitest'
import { annotationsOf } from '../../../src/report/annotations.js'
import { renderText } from '../../../src/report/console.js'
import { renderMarkdown } from '../../../src/report/markdown.js'
import { outputsOf } from '../../../src/report/outputs.js'
import { MIN_SECRET_LENGTH, redact, redactDeep } from '../../../src/report/redact.js'
import type { Result } from '../../../src/report/result.js'
import * as fixtures from './results.js'

const ADMIN_SECRET = 'adm1n-S3CRET-q8Zr4w'
const PASSWORD = 'p@ss wörd/Ø&%=x'
const TOKEN = 'ghs_T0kEn4b9f2c7d1e0a5B6'
const SECRETS = [ADMIN_SECRET, PASSWORD, TOKEN]

/** Forms in which a leaked secret could show up in a rendered text. */
const FORMS = [
  ADMIN_SECRET,
  PASSWORD,
  TOKEN,
  encodeURIComponent(PASSWORD),
  JSON.stringify(PASSWORD).slice(1, -1),
  // a secret broken by escaping would still leak: look for distinctive halves too
  'S3CRET-q8Zr4w',
  'ss wörd',
  'T0kEn4b9f2c7',
]

/** Fields whose value selects wording (an enum); a leak puts text in free-text fields, not in these. */
const ENUM_KEYS = new Set(['status', 'mode', 'kind', 'severity', 'direction', 'transaction'])

/** Every free-text string of the Result gets a secret (cycling through forms: raw and URL-encoded). */
function leak(result: Result): Result {
  let i = 0
  const pick = (): string => {
    const forms = [ADMIN_SECRET, PASSWORD, TOKEN, encodeURIComponent(PASSWORD)]
    return forms[i++ % forms.length]
  }
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && ENUM_KEYS.has(key) ? v : `${v} ${pick()} leaked`
    if (Array.isArray(v)) return v.map((x) => walk(x, key))
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, k)]))
    }
    return v
  }
  const leaked = walk(result) as Result
  leaked.databases = [...leaked.databases, { ...leaked.databases[0], database: `db-${TOKEN}` }]
  return leaked
}

function expectClean(surface: string, text: string): void {
  for (const form of FORMS) {
    if (text.includes(form)) throw new Error(`${surface} shows the secret form ${JSON.stringify(form)}`)
  }
}

describe('secrets are redacted from every surface', () => {
  const cases = Object.entries(fixtures.ALL_FIXTURES).map(([name, make]) => [name, make] as const)

  it('the leak reaches every free-text field (the test would catch a renderer that skips one)', () => {
    const leaked = leak(fixtures.failure())
    expect(leaked.error!.statement).toContain(PASSWORD)
    expect(leaked.target.display).toContain(' leaked')
    expect(leaked.databases[0].steps[0].name).toContain(' leaked')
    // unredacted, the renderers would show them
    expect(JSON.stringify(leaked)).toContain(TOKEN)
    expect(renderMarkdown(leaked, { surface: 'summary' })).toContain(TOKEN)
  })

  for (const [name, make] of cases) {
    it(`${name}: summary, comment, text, annotations and outputs`, () => {
      const leaked = leak(name === 'hugePlan' ? fixtures.hugePlan(20) : make())
      expectClean('summary', renderMarkdown(leaked, { surface: 'summary', secrets: SECRETS }))
      expectClean('comment', renderMarkdown(leaked, { surface: 'comment', secrets: SECRETS }))
      expectClean('text', renderText(leaked, { secrets: SECRETS, color: true }))
      expectClean('annotations', JSON.stringify(annotationsOf(leaked, { secrets: SECRETS })))
      const outputs = outputsOf(leaked, { secrets: SECRETS, commentUrl: `https://x/${TOKEN}` })
      for (const [output, value] of Object.entries(outputs)) expectClean(`output ${output}`, value)
      expect(JSON.parse(outputs.report)).toMatchObject({ schemaVersion: 1 })
    })
  }

  it('a truncated comment cannot cut a secret in half and leave a piece of it', () => {
    const leaked = leak(fixtures.hugePlan(1000, { findings: true }))
    const body = renderMarkdown(leaked, { surface: 'comment', secrets: SECRETS })
    expect(body).toContain('Report truncated')
    expectClean('truncated comment', body)
  })
})

describe('redact', () => {
  it('masks the raw, URL-encoded and JSON-escaped forms', () => {
    expect(redact(`a ${PASSWORD} b ${encodeURIComponent(PASSWORD)} c`, [PASSWORD])).toBe('a *** b *** c')
    expect(redact(JSON.stringify({ x: 'say "hi"\\now' }), ['say "hi"\\now'])).toBe('{"x":"***"}')
  })

  it('ignores empty and very short values rather than destroying the text', () => {
    expect(MIN_SECRET_LENGTH).toBe(3)
    expect(redact('ab ab', ['', undefined, 'ab'])).toBe('ab ab')
    expect(redact('abc abcd', ['abc'])).toBe('*** ***d')
  })

  it('masks a longer secret whole even when a shorter one is inside it', () => {
    expect(redact('xx-secret-long-xx', ['secret', 'secret-long'])).toBe('xx-***-xx')
  })

  it('redactDeep masks keys and values and leaves the original untouched', () => {
    const value = { [TOKEN]: [TOKEN, 1, null, { y: `pre${TOKEN}` }] }
    expect(redactDeep(value, [TOKEN])).toEqual({ '***': ['***', 1, null, { y: 'pre***' }] })
    expect(Object.keys(value)).toEqual([TOKEN])
  })
})
