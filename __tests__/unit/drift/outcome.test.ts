/** The `drift` output and `drift: fail`: found wins, "not checked" never fails a run. */
import { describe, expect, it } from 'vitest'
import type { IntegrityReport } from '../../../src/drift/integrity.js'
import { driftFails, driftOutput, type DriftReport } from '../../../src/drift/outcome.js'

const clean: IntegrityReport = { edited: [], accepted: [], unverified: [], stale: [], unusedAcceptances: [] }
const edited: IntegrityReport = {
  ...clean,
  edited: [{ version: 1n, name: 'a', file: 'f', recorded: 'x', local: 'y', origin: 'applied' }],
}
const item = { where: 'only-in-target', kind: 'column', name: 'users.x', detail: 'integer' } as const

describe('drift outcome', () => {
  const cases: [string, DriftReport, 'none' | 'found' | 'not-checked'][] = [
    ['nothing', { databases: [{ database: 'default', integrity: clean, schema: { items: [] } }] }, 'none'],
    [
      'unverified versions only',
      {
        databases: [
          {
            database: 'default',
            integrity: { ...clean, unverified: [{ version: 1n, name: 'a', file: 'f', sha256: 'x' }] },
          },
        ],
      },
      'none',
    ],
    ['an edited file', { databases: [{ database: 'default', integrity: edited }] }, 'found'],
    [
      'a schema item',
      { databases: [{ database: 'default', integrity: clean, schema: { items: [item] } }] },
      'found',
    ],
    [
      'schema not checked',
      { databases: [{ database: 'default', integrity: clean, schema: { notChecked: 'no postgis' } }] },
      'not-checked',
    ],
    [
      'not checked, but an edit found',
      { databases: [{ database: 'default', integrity: edited, schema: { notChecked: 'no postgis' } }] },
      'found',
    ],
    [
      'metadata changed',
      { databases: [], metadata: { status: 'changed', current: { digest: 'b' }, recorded: { digest: 'a' } } },
      'found',
    ],
    [
      'metadata not recorded yet',
      { databases: [], metadata: { status: 'not-recorded', current: { digest: 'b' } } },
      'not-checked',
    ],
  ]
  it.each(cases)('%s', (_, report, output) => {
    expect(driftOutput(report)).toBe(output)
    expect(driftFails(report, 'fail')).toBe(output === 'found')
    expect(driftFails(report, 'warn')).toBe(false)
  })
})
