/**
 * Golden files of what people read: the job summary and the pull-request comment for each kind of run.
 * `UPDATE_GOLDEN=1 npx vitest run __tests__/unit/report/golden.test.ts` rewrites them; review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { COMMENT_LIMIT, renderMarkdown } from '../../../src/report/markdown-report.js'
import type { Result } from '../../../src/model.js'
import * as fixtures from './results.js'

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'golden')
const UPDATE = process.env.UPDATE_GOLDEN === '1'

function golden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name)
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1 and review it`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
    return
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

const cases: [string, () => Result][] = [
  ['success', fixtures.success],
  ['nothing-to-do', fixtures.nothingToDo],
  ['plan', fixtures.plan],
  ['rehearse', fixtures.rehearse],
  ['failure', fixtures.failure],
  ['inconsistent-metadata', fixtures.inconsistentMetadata],
  ['metadata-verification-failed', fixtures.metadataVerificationFailed],
  ['two-databases', fixtures.twoDatabases],
  ['embedded-round-trip', fixtures.embeddedRoundTrip],
  ['rollback', fixtures.rollback],
  ['refused-pull-request', fixtures.refusedPullRequest],
  ['trusted-pull-request', fixtures.trustedPullRequest],
]

describe('rendered Markdown matches the golden files', () => {
  for (const [name, make] of cases) {
    it(`${name}: summary`, () => golden(`${name}.summary.md`, renderMarkdown(make(), { surface: 'summary' })))
    it(`${name}: comment`, () => golden(`${name}.comment.md`, renderMarkdown(make(), { surface: 'comment' })))
  }
  it('a plan too big for one comment: SQL dropped, tables shortened, then the findings only counted', () => {
    const body = renderMarkdown(fixtures.hugePlan(1000, { findings: true }), { surface: 'comment' })
    expect(body.length).toBeLessThan(COMMENT_LIMIT)
    expect(body).not.toContain('Report truncated')
    expect(body).not.toContain('```sql')
    expect(body).toContain('| … 880 more rows |')
    expect(body).toContain('### Findings (1000 warnings)\n\nListed in the job summary')
    golden('huge-plan.comment.md', body)
  })
  it('what still does not fit is cut, with a note', () => {
    const body = renderMarkdown(fixtures.hugePlan(1000, { findings: true }), {
      surface: 'comment',
      maxLength: 10_000,
    })
    expect(body.length).toBeLessThan(10_000)
    expect(body).toContain('**Report truncated** to fit GitHub')
  })
  it('a long plan loses its SQL and status rows first, and keeps every plan row while it can', () => {
    const body = renderMarkdown(fixtures.hugePlan(300), { surface: 'comment' })
    expect(body.length).toBeLessThan(COMMENT_LIMIT)
    expect(body).not.toContain('Report truncated')
    expect(body).toContain('300 versions not shown')
    expect(body.match(/^\| `16\d+` \| create_table_public_events_\d+ \| up \|/gm)).toHaveLength(300)
  })
  it('a plan that fits once its SQL is left out keeps every plan and status row', () => {
    const body = renderMarkdown(fixtures.hugePlan(150), { surface: 'comment' })
    expect(body.length).toBeLessThan(COMMENT_LIMIT)
    expect(body).not.toContain('Report truncated')
    expect(body).toContain('Left out to fit the size limit')
    expect(body.match(/^\| `16\d+` \| create_table_public_events_\d+ \| up \|/gm)).toHaveLength(150)
    expect(
      body.match(/^\| `16\d+` \| create_table_public_events_\d+ \| Present \| Pending \|$/gm),
    ).toHaveLength(150)
    golden('large-plan.comment.md', body)
  })
})
