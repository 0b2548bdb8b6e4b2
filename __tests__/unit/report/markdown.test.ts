import { describe, expect, it } from 'vitest'
import { VOLATILE_MARK, renderMarkdown } from '../../../src/report/markdown-report.js'
import { code, fence, text } from '../../../src/report/markdown-escape.js'
import * as fixtures from './results.js'

/** Number of cells of a Markdown table row, honouring `\|` escapes. */
const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length - 2

describe('renderMarkdown', () => {
  it('is deterministic', () => {
    for (const make of Object.values(fixtures.ALL_FIXTURES)) {
      const a = renderMarkdown(make(), { surface: 'summary' })
      const b = renderMarkdown(make(), { surface: 'summary' })
      expect(a).toBe(b)
    }
  })

  it('the summary shows durations and the start time; the comment shows neither (they change every run)', () => {
    const summary = renderMarkdown(fixtures.success(), { surface: 'summary' })
    const comment = renderMarkdown(fixtures.success(), { surface: 'comment' })
    expect(summary).toContain('| 1.2 s |')
    expect(summary).toContain('2026-11-21T10:00:00.000Z')
    expect(comment).not.toContain('1.2 s')
    expect(comment).not.toContain('2026-11-21T10:00:00.000Z')
  })

  it('the comment links the run on a volatile line, left out of the content digest', () => {
    const comment = renderMarkdown(fixtures.success(), { surface: 'comment' })
    const last = comment.trimEnd().split('\n').at(-1)!
    expect(last).toContain('https://github.com/acme/shop/actions/runs/1234567890')
    expect(last.endsWith(VOLATILE_MARK)).toBe(true)
  })

  it('a failure names the version, file, line, statement, PostgreSQL fields and what to do next', () => {
    const md = renderMarkdown(fixtures.failure(), { surface: 'comment' })
    expect(md).toContain(
      '**Migration `1700000000200_create_table_public_orders` (up) failed** on database `default`',
    )
    expect(md).toContain(
      'At file `migrations/default/1700000000200_create_table_public_orders/up.sql`, line 7.',
    )
    expect(md).toContain('> **ERROR 42P01:** relation "public.customer" does not exist')
    expect(md).toContain('> **Hint:** Perhaps you meant to reference the table "public.customers".')
    expect(md).toContain('```sql\n' + fixtures.FAILING_STATEMENT + '\n```')
    expect(md).toContain('skip-execution: true')
    expect(md).toContain(
      'hasura migrate apply --skip-execution --version 1700000000200 --database-name default',
    )
    // the error comes before the tables
    expect(md.indexOf('What failed')).toBeLessThan(md.indexOf('### Steps'))
  })

  it('a failed version that is not next in line is recorded with the CLI, not with steps: 1', () => {
    const result = fixtures.failure()
    result.transaction = 'all'
    result.databases[0].after = result.databases[0].before
    result.databases[0].steps[0].status = 'not-run'
    result.databases[0].status[1].applied = false
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(md).not.toContain('steps: 1')
    expect(md).toContain('record only that version without running it')
    expect(md).toContain('nothing from this run was committed')
  })

  it('an "already exists" error says the migration was probably applied by hand', () => {
    const result = fixtures.failure()
    result.error = { ...result.error!, sqlstate: '42P07', message: 'relation "orders" already exists' }
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(md).toContain(
      'PostgreSQL says the object already exists: if version 1700000000200 was applied by hand',
    )
  })

  it('on the embedded database nothing stays and nothing was applied by hand: only the fix is advised', () => {
    const result = fixtures.failure()
    result.target = { kind: 'embedded', display: 'PGlite (in process)' }
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(md).toContain('the embedded database starts empty on every run')
    expect(md).not.toContain('stay applied')
    expect(md).not.toContain('skip-execution')
  })

  it('a file PostgreSQL cannot parse gets no "applied by hand" advice', () => {
    const result = fixtures.failure()
    result.error = { ...result.error!, sqlstate: '42601', message: 'syntax error at or near "SELEC"' }
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(md).not.toContain('skip-execution')
  })

  it('a dirty version gets its own recovery advice', () => {
    const result = fixtures.failure()
    result.databases[0].after.dirty = true
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(md).toContain('is marked dirty')
    expect(md).toContain('--skip-execution --version 1700000000100 --type down --database-name default')
  })

  it('inconsistent metadata: the objects in a table and the way out', () => {
    const md = renderMarkdown(fixtures.serverInconsistentMetadata(), { surface: 'comment' })
    expect(md).toContain('| Type | Name | Reason |')
    expect(md).toContain(
      '| object_relation | customer in table orders in source default | Inconsistent object: in table "orders": in relationship "customer": no such column exists: "customer_ref" |',
    )
    expect(md).toContain('`allow-inconsistent-metadata: true`')
    expect(md).toContain('The migration applied by this run stays applied')
  })

  it('a failed verification on the embedded database says what no migration creates, and what before is', () => {
    const md = renderMarkdown(fixtures.metadataVerificationFailed(), { surface: 'comment' })
    expect(md).toContain('### ❌ Metadata problems (1)')
    expect(md).toContain('no migration of this project creates public.invoices')
    expect(md).toContain('`verify-metadata: warn`')
    expect(md).toContain('Not checked: remote_schema `payments`')
    expect(md).toContain('(before: the schema after the 3 version(s) of the base commit ffac537)')
    // problems come before the state and the steps
    expect(md.indexOf('Metadata problems')).toBeLessThan(md.indexOf('### State'))
  })

  it('many problems and many schema changes are collapsed', () => {
    const result = fixtures.inconsistentMetadata()
    const [problem] = result.metadataCheck!.problems
    result.metadataCheck!.problems = Array.from({ length: 12 }, (_, i) => ({ ...problem, name: `t${i}` }))
    const entry = { kind: 'column', name: 'orders.x', detail: 'text' }
    result.databases[0].schemaChanges!.added = Array.from({ length: 16 }, () => entry)
    const md = renderMarkdown(result, { surface: 'comment' })
    expect(md).toContain('<details><summary>12 problems</summary>')
    expect(md).toContain('<details><summary>16 changes</summary>')
  })

  it('a passing check, a plan and off are one line each', () => {
    const result = fixtures.success()
    const check = {
      setting: 'error' as const,
      databases: ['default'],
      problems: [],
      notChecked: [],
      committedBeforeCheck: [],
    }
    result.metadataCheck = { ...check, status: 'passed' }
    expect(renderMarkdown(result, { surface: 'comment' })).toContain(
      '**Metadata verification:** ✅ every reference resolves in the migrated schema of `default`.',
    )
    result.metadataCheck = {
      ...check,
      status: 'not-checked',
      reason: 'a plan (dry-run: plan) has no migrated schema to check',
    }
    expect(renderMarkdown(result, { surface: 'comment' })).toContain(
      '**Metadata verification:** ➖ not checked: a plan (dry-run: plan) has no migrated schema to check.',
    )
  })

  it('the SQL of each planned migration is collapsed', () => {
    const md = renderMarkdown(fixtures.plan(), { surface: 'comment' })
    expect(md.match(/<details><summary><code>\d+_[a-z_]+<\/code> · up · /g)).toHaveLength(4)
    // and the findings, the one other collapsible section of this plan
    expect(md.match(/<\/details>/g)).toHaveLength(5)
  })

  it('text from the project cannot break a table, open HTML or escape a code fence', () => {
    const result = fixtures.plan()
    const db = result.databases[0]
    db.findings[0].message = 'a | b <script>alert(1)</script> **bold** `tick` [link](http://x)\nsecond line'
    db.planned[0].sql = 'SELECT 1;\n```\n## not a heading\n````\n'
    db.planned[0].name = 'pipe|name'
    const md = renderMarkdown(result, { surface: 'comment' })
    const findingRow = md.split('\n').find((l) => l.includes('a \\| b'))!
    expect(cells(findingRow)).toBe(5)
    expect(md).not.toContain('<script>')
    expect(md).toContain('&lt;script&gt;')
    expect(md).toContain('\\*\\*bold\\*\\*')
    // the fence is longer than any run of backticks in the SQL
    expect(md).toContain('`````sql\nSELECT 1;\n```\n## not a heading\n````\n`````')
    const planRow = md.split('\n').find((l) => l.includes('pipe\\|name'))!
    expect(cells(planRow)).toBe(5)
  })

  it('a long SQL file is cut in the comment and says where the rest is', () => {
    const result = fixtures.plan()
    result.databases[0].planned[0].sql = Array.from({ length: 500 }, (_, i) => `SELECT ${i};`).join('\n')
    const md = renderMarkdown(result, { surface: 'comment' })
    expect(md).toContain('SELECT 119;')
    expect(md).not.toContain('SELECT 120;')
    expect(md).toContain(
      '… cut here: 380 more lines in `migrations/default/1690000000000_add_column_customers_phone/up.sql`.',
    )
    expect(renderMarkdown(result, { surface: 'summary' })).toContain('SELECT 499;')
  })

  it('a custom maxLength is honoured, with the note', () => {
    const md = renderMarkdown(fixtures.success(), { surface: 'comment', maxLength: 600 })
    expect(md.length).toBeLessThan(600)
    expect(md).toContain('Report truncated')
  })

  it('a truncated collapsed section is closed, so the note is not hidden inside it', () => {
    const md = renderMarkdown(fixtures.hugePlan(1000, { findings: true }), {
      surface: 'comment',
      maxLength: 10_000,
    })
    expect(md.length).toBeLessThan(10_000)
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length)
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^> ✂️ \*\*Report truncated\*\*/)
  })

  it('the summary is measured in UTF-8 bytes against its 1 MiB limit', () => {
    const result = fixtures.hugePlan(2000, { findings: true })
    for (const f of result.databases[0].findings) f.message = 'ü'.repeat(400)
    const md = renderMarkdown(result, { surface: 'summary' })
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024)
  })
})

describe('Markdown helpers', () => {
  it('text keeps identifiers readable and escapes what Markdown would interpret', () => {
    expect(text('create_table_public_orders')).toBe('create_table_public_orders')
    expect(text('_lead and trail_')).toBe('\\_lead and trail\\_')
    expect(text('a|b *c* <d> & [e]')).toBe('a\\|b \\*c\\* &lt;d&gt; &amp; \\[e\\]')
  })

  it('code picks a fence longer than the backticks inside', () => {
    expect(code('plain')).toBe('`plain`')
    expect(code('has ` tick')).toBe('``has ` tick``')
    expect(code('`edge`')).toBe('`` `edge` ``')
    expect(code('a|b', { inTable: true })).toBe('`a\\|b`')
  })

  it('fence uses at least three backticks and more than the content has', () => {
    expect(fence('x')).toBe('```\nx\n```')
    expect(fence('```\ninner\n```', 'sql')).toBe('````sql\n```\ninner\n```\n````')
  })
})
