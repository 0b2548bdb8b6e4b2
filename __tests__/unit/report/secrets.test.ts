/**
 * Even if a secret leaked into any free-text string of the Result upstream, no surface shows it once the
 * secret is in the renderers' list (as the admin secret, the password and the token always are); and the
 * Result's own values (kinds, names, the target's display) are never rewritten, whatever the secret.
 */
import { describe, expect, it } from 'vitest'
import { annotationsOf } from '../../../src/report/annotations.js'
import { renderText } from '../../../src/report/console.js'
import { renderMarkdown } from '../../../src/report/markdown-report.js'
import { outputsOf } from '../../../src/report/outputs.js'
import { MIN_SECRET_LENGTH, redact, redactResult } from '../../../src/report/redact.js'
import type { Result } from '../../../src/model.js'
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

/**
 * The Result's own values: its vocabulary, names, versions, times, notes and the target's display (with
 * `***` already in the password's place). They never hold a secret, and the renderers show them as they
 * are; a leak puts text in every other (free-text) field.
 */
const OWN_VALUES = new Set([
  ...['status', 'mode', 'transaction', 'kind', 'severity', 'direction', 'display', 'serverVersion'],
  ...['projectDir', 'environment', 'startedAt', 'runUrl', 'database', 'directory', 'version', 'current'],
  ...['applied', 'appliedByAnotherRun', 'name', 'file', 'files', 'type', 'input', 'sqlstate', 'note'],
])

/** Every free-text string of the Result gets a secret (cycling through forms: raw and URL-encoded). */
function leak(result: Result): Result {
  let i = 0
  const pick = (): string => {
    const forms = [ADMIN_SECRET, PASSWORD, TOKEN, encodeURIComponent(PASSWORD)]
    return forms[i++ % forms.length]
  }
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && OWN_VALUES.has(key) ? v : `${v} ${pick()} leaked`
    if (Array.isArray(v)) return v.map((x) => walk(x, key))
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, k)]))
    }
    return v
  }
  return walk(result) as Result
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
    for (const form of [ADMIN_SECRET, PASSWORD, TOKEN, encodeURIComponent(PASSWORD)])
      expect(JSON.stringify(leaked)).toContain(JSON.stringify(form).slice(1, -1))
    expect(leaked.error!.statement).toContain(' leaked')
    expect(leaked.error!.message).toContain(' leaked')
    expect(leaked.databases[0].planned[0].sql).toContain(' leaked')
    expect(leaked.metadata.message).toContain(' leaked')
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
    const body = renderMarkdown(leaked, { surface: 'comment', secrets: SECRETS, maxLength: 10_000 })
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

  it('redactResult masks free text and leaves the original untouched', () => {
    const result = fixtures.failure()
    result.notices = [`seen ${TOKEN}`]
    expect(redactResult(result, [TOKEN]).notices).toEqual(['seen ***'])
    expect(result.notices).toEqual([`seen ${TOKEN}`])
  })
})

/**
 * The password CI services use most (`postgres`, as in `postgres:postgres@127.0.0.1`) spells the target's
 * kind, the scheme and the user name: masking it everywhere turned the summary into `Target: undefined`
 * and `***ql://***:***@…`. It is masked by its position in the display and everywhere in free text.
 */
describe('a password that spells our own words (postgres:postgres)', () => {
  const DISPLAY = 'postgres://postgres:***@127.0.0.1:5432/t1'
  const URL = 'postgres://postgres:postgres@127.0.0.1:5432/t1'
  const SECRETS_OF_RUN = [URL, 'postgres']

  function run(): Result {
    const result = fixtures.failure()
    result.target = { kind: 'postgres', display: DISPLAY, serverVersion: 'PostgreSQL 15.18' }
    result.projectDir = 'postgres-app'
    const db = result.databases[0]
    db.steps[0].name = 'enable_postgres_fdw'
    db.planned[0].sql = "CREATE EXTENSION postgres_fdw;\nSELECT 'postgres'::int;"
    result.error = {
      ...result.error!,
      message: 'invalid input syntax for type integer: "postgres"',
      statement: "SELECT 'postgres'::int",
      detail: `while connected to ${DISPLAY} as postgres`,
    }
    result.notices = [`pinged ${URL}`]
    return result
  }

  it("the summary names the target readably, with *** in the password's place only", () => {
    const summary = renderMarkdown(run(), { surface: 'summary', secrets: SECRETS_OF_RUN })
    expect(summary).toContain(`- **Target:** PostgreSQL \`${DISPLAY}\` (PostgreSQL 15.18)\n`)
    expect(summary).not.toContain('undefined')
    expect(summary).not.toContain('***ql://')
  })

  it('the report output keeps the kind, display and names, and masks the password in free text', () => {
    const report = JSON.parse(outputsOf(run(), { secrets: SECRETS_OF_RUN }).report) as Result
    expect(report.target).toEqual({ kind: 'postgres', display: DISPLAY, serverVersion: 'PostgreSQL 15.18' })
    expect(report.projectDir).toBe('postgres-app')
    expect(report.databases[0].steps[0].name).toBe('enable_postgres_fdw')
    expect(report.error!.message).toBe('invalid input syntax for type integer: "***"')
    expect(report.error!.statement).toBe("SELECT '***'::int")
    // a message quoting the display keeps it whole, and masks the rest
    expect(report.error!.detail).toBe(`while connected to ${DISPLAY} as ***`)
    expect(report.notices).toEqual(['pinged ***'])
    expect(report.databases[0].planned[0].sql).toBe("CREATE EXTENSION ***_fdw;\nSELECT '***'::int;")
  })

  it('no surface shows the password outside the display and the names', () => {
    const texts = {
      summary: renderMarkdown(run(), { surface: 'summary', secrets: SECRETS_OF_RUN }),
      comment: renderMarkdown(run(), { surface: 'comment', secrets: SECRETS_OF_RUN }),
      text: renderText(run(), { secrets: SECRETS_OF_RUN }),
      annotations: JSON.stringify(annotationsOf(run(), { secrets: SECRETS_OF_RUN })),
      report: outputsOf(run(), { secrets: SECRETS_OF_RUN }).report,
    }
    for (const [surface, text] of Object.entries(texts)) {
      // Markdown text escapes the display's asterisks
      const rest = text
        .split(DISPLAY)
        .join('')
        .split(DISPLAY.replace(/\*/g, '\\*'))
        .join('')
        .replace(/postgres-app|enable_postgres_fdw|"kind":"postgres"/g, '')
      expect(rest.match(/.{0,60}postgres.{0,60}/g), surface).toBeNull()
    }
    expect(texts.text.split('\n')).toContain(`Target:  PostgreSQL ${DISPLAY} (PostgreSQL 15.18)`)
    expect(texts.annotations).toContain('invalid input syntax for type integer: \\"***\\"')
  })
})
