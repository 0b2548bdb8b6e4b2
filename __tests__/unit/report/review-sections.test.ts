/** The verdict line and the review sections (findings, metadata changes) on every surface. */
import { describe, expect, it } from 'vitest'
import type { FindingResult, MetadataChangeResult, Result } from '../../../src/model.js'
import { annotationsOf } from '../../../src/report/annotations.js'
import { renderText } from '../../../src/report/console.js'
import { renderMarkdown } from '../../../src/report/markdown-report.js'
import { findingsOf, metadataChangesOf } from '../../../src/report/outputs.js'
import { verdict } from '../../../src/report/verdict.js'
import * as fixtures from './results.js'

const safety = (rule: string, line: number, silenced = false): FindingResult => ({
  kind: 'safety',
  rule,
  severity: 'warning',
  database: 'default',
  version: '1700000000200',
  file: 'migrations/default/1700000000200_create_table_public_orders/up.sql',
  line,
  message: `${rule} at line ${line}`,
  silenced,
})

const change = (
  name: string,
  kind: string,
  widening: string[] = [],
  extra: Partial<MetadataChangeResult> = {},
): MetadataChangeResult => ({
  kind,
  name,
  change: 'changed',
  before: { a: 1 },
  after: { a: 2 },
  widens: widening.length > 0,
  widening,
  summary: `${kind} ${name} changed`,
  details: ['filter relaxed: {a} → {}'],
  ...extra,
})

function reviewed(): Result {
  const r = fixtures.rehearse()
  r.databases[0].findings = [safety('drop-column', 3), safety('rename-column', 5, true)]
  r.safety = { lint: 'warn', files: 2, withCatalog: ['default'], notes: [] }
  r.metadataChanges = {
    base: { from: 'base-commit', commit: '0123456789abcdef0123456789abcdef01234567' },
    sources: [
      {
        source: 'default',
        changes: [
          change('public.orders/user', 'select_permission', ['filter relaxed: {a} → {}']),
          change('public.orders/editor', 'select_permission'),
        ],
      },
    ],
    global: [change('place_order', 'action', [], { change: 'added', before: null })],
  }
  return r
}

describe('the verdict', () => {
  it('names what the run did, then a fact per section; ⚠️ when one warns', () => {
    expect(verdict(reviewed())).toEqual({
      emoji: '⚠️',
      text: 'Rehearsed 2 of 3 migrations: executed and rolled back, nothing committed · 1 finding (1 silenced) · metadata: 2 permission changes, 1 other change (1 widens access)',
    })
  })

  it('✅ when the checks ran and found nothing; ❌ for a failure', () => {
    const clean = fixtures.rehearse()
    clean.safety = { lint: 'warn', files: 3, withCatalog: [], notes: [] }
    clean.metadataChanges = { base: { from: 'server', display: 'https://h' }, sources: [], global: [] }
    expect(verdict(clean)).toEqual({
      emoji: '✅',
      text: 'Rehearsed 2 of 3 migrations: executed and rolled back, nothing committed · no findings · metadata: no changes',
    })
    expect(verdict(fixtures.failure()).emoji).toBe('❌')
  })
})

describe('the review sections', () => {
  it('come in the contract order, before the run details; widening is on the item itself', () => {
    const md = renderMarkdown(reviewed(), { surface: 'comment' })
    const at = (s: string) => md.indexOf(s)
    expect(md.split('\n')[0]).toMatch(
      /^### ⚠️ Rehearsed 2 of 3 migrations.* · 1 finding \(1 silenced\) · metadata:/,
    )
    expect(at('### Findings (1 warning, 1 silenced)')).toBeGreaterThan(0)
    expect(at('### Findings')).toBeLessThan(at('### Metadata changes (3 changes, 1 widens access)'))
    expect(at('### Metadata changes')).toBeLessThan(at('### State'))
    expect(md).toContain('| 🔇 silenced | `rename-column` |')
    expect(md).toContain(
      '- ✏️ ⚠️ **widens access:** select_permission public.orders/user changed: filter relaxed: {a} → {}',
    )
    expect(md).toContain('- ✏️ select_permission public.orders/editor changed: filter relaxed')
    expect(md).toContain('**Outside the databases**')
    expect(md).toContain('base commit `0123456`')
  })

  it('shrink to counts when nothing else makes the comment fit, keeping what widens', () => {
    const r = reviewed()
    r.databases[0].findings.push(...Array.from({ length: 400 }, (_, i) => safety('drop-table', i + 10)))
    const md = renderMarkdown(r, { surface: 'comment', maxLength: 6000 })
    expect(md).toContain('### Findings (401 warnings, 1 silenced)\n\nListed in the job summary')
    expect(md).toContain('- ⚠️ **widens access:** select_permission public.orders/user changed')
    expect(md).not.toContain('select_permission public.orders/editor')
  })

  it('metadata problems and schema changes shrink to their counts too, naming the output that lists them', () => {
    const r = fixtures.inconsistentMetadata()
    const check = r.metadataCheck!
    const [problem] = check.problems
    check.problems = Array.from({ length: 300 }, (_, i) => ({
      ...problem,
      name: `table public.t${i} in source default`,
    }))
    const changes = r.databases[0].schemaChanges!
    changes.added = Array.from({ length: 300 }, (_, i) => ({
      kind: 'table',
      name: `t${i}`,
      detail: '1 column',
    }))
    const md = renderMarkdown(r, { surface: 'comment', maxLength: 6000 })
    expect(md).toContain('### ❌ Metadata problems (300)')
    expect(md).toContain('in the `metadata-problems` output (left out here to fit the size limit)')
    expect(md).not.toContain('public.t299')
    expect(md).toContain('300 added, 0 dropped, 0 altered')
    expect(md).toContain('in the `schema-changes` output (left out here to fit the size limit)')
    expect(md.length).toBeLessThanOrEqual(6000)
    // the summary has the room: every item is listed there
    const summary = renderMarkdown(r, { surface: 'summary' })
    expect(summary).toContain('public.t299')
    expect(summary).toContain('`t299`')
  })

  it('render nothing for what the run did not produce', () => {
    const md = renderMarkdown(fixtures.nothingToDo(), { surface: 'comment' })
    expect(md).not.toContain('### Findings')
    expect(md).not.toContain('### Metadata changes')
  })

  it('outputs: one shape for every finding, metadata changes per source and under ""', () => {
    const r = reviewed()
    r.databases[0].findings.push({
      kind: 'out-of-order',
      severity: 'warning',
      database: 'default',
      version: '1',
      message: 'older',
    })
    expect(findingsOf(r).map((f) => [f.rule, f.silenced, f.file === null])).toEqual([
      ['drop-column', false, false],
      ['rename-column', true, false],
      ['out-of-order', false, true],
    ])
    const out = metadataChangesOf(r)
    expect(Object.keys(out)).toEqual(['default', ''])
    expect(out[''][0]).toEqual({
      kind: 'action',
      name: 'place_order',
      change: 'added',
      before: null,
      after: { a: 2 },
      widens: false,
    })
  })

  it('annotations: the rule is the title, its documentation in the message; silenced ones are not raised', () => {
    const safetyAnnotations = annotationsOf(reviewed()).filter((a) => a.title === 'drop-column')
    expect(safetyAnnotations).toHaveLength(1)
    expect(safetyAnnotations[0].message).toContain('docs/safety-rules.md#drop-column')
    expect(annotationsOf(reviewed()).some((a) => a.title === 'rename-column')).toBe(false)
  })

  it('the CLI prints the verdict, the findings and the metadata changes', () => {
    const out = renderText(reviewed())
    expect(out.split('\n')[0]).toContain('⚠️ Rehearsed 2 of 3 migrations')
    expect(out).toMatch(/silenced +rename-column/)
    expect(out).toContain('WIDENS ACCESS (filter relaxed: {a} → {}): select_permission public.orders/user')
  })
})
