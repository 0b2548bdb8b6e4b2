import { describe, expect, it } from 'vitest'
import { OUTPUT_NAMES, outputsOf } from '../../../src/report/outputs.js'
import type { Result } from '../../../src/model.js'
import * as fixtures from './results.js'

const json = (s: string): unknown => JSON.parse(s)

describe('outputsOf', () => {
  it('sets every output of the contract, as strings', () => {
    const out = outputsOf(fixtures.success())
    expect(Object.keys(out).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(Object.keys(out)).toHaveLength(14)
    for (const v of Object.values(out)) expect(typeof v).toBe('string')
  })

  it('a successful apply: the versions it ran, per database, its count, and the new current version', () => {
    const out = outputsOf(fixtures.success(), {
      commentUrl: 'https://github.com/acme/shop/pull/7#issuecomment-1',
    })
    expect(json(out['applied-versions'])).toEqual(['1700000000100', '1700000000200', '1700000000300'])
    expect(out.applied).toBe('{"default":["1700000000100","1700000000200","1700000000300"]}')
    expect(out['applied-count']).toBe('3')
    expect(json(out['planned-versions'])).toEqual(['1700000000100', '1700000000200', '1700000000300'])
    expect(out['pending-versions']).toBe('[]')
    expect(out['current-version']).toBe('1700000000300')
    expect(out.metadata).toBe('applied')
    expect(out['comment-url']).toBe('https://github.com/acme/shop/pull/7#issuecomment-1')
  })

  it("drift: the check's verdict; a run that stopped before the check checked nothing", () => {
    expect(outputsOf(fixtures.success()).drift).toBe('not-checked')
    const found: Result = {
      ...fixtures.success(),
      drift: { status: 'found', mode: 'warn', databases: [] },
    }
    expect(outputsOf(found).drift).toBe('found')
  })

  it('the report is the whole Result as compact JSON with schemaVersion 1', () => {
    const result = fixtures.failure()
    const out = outputsOf(result)
    expect(out.report).not.toContain('\n')
    expect(out.report.startsWith('{"schemaVersion":1,')).toBe(true)
    expect(json(out.report)).toEqual(JSON.parse(JSON.stringify(result)))
  })

  it('plan: nothing applied, the plan listed, pending is what the plan would leave (nothing)', () => {
    const out = outputsOf(fixtures.plan())
    expect(out['applied-versions']).toBe('[]')
    expect(out.applied).toBe('{"default":[]}')
    expect(out['applied-count']).toBe('0')
    expect(json(out['planned-versions'])).toEqual([
      '1690000000000',
      '1700000000100',
      '1700000000200',
      '1700000000300',
    ])
    expect(out['pending-versions']).toBe('[]')
    // nothing was written: the current version is still the one before
    expect(out['current-version']).toBe('1700000000000')
    expect(out.metadata).toBe('planned')
  })

  it('rehearse: executed and rolled back, so nothing counts as applied', () => {
    const out = outputsOf(fixtures.rehearse())
    expect(out['applied-versions']).toBe('[]')
    expect(out['applied-count']).toBe('0')
    expect(json(out['planned-versions'])).toHaveLength(3)
    expect(out['current-version']).toBe('1700000000000')
  })

  it('a partial plan: pending lists what stays unapplied after the plan would run', () => {
    const result = fixtures.plan()
    result.databases[0].planned = result.databases[0].planned.slice(0, 2)
    expect(json(outputsOf(result)['pending-versions'])).toEqual(['1700000000200', '1700000000300'])
  })

  it('a failure: only what committed counts; pending is what is left', () => {
    const out = outputsOf(fixtures.failure())
    expect(json(out['applied-versions'])).toEqual(['1700000000100'])
    expect(out['applied-count']).toBe('1')
    expect(json(out['pending-versions'])).toEqual(['1700000000200', '1700000000300'])
    expect(out['current-version']).toBe('1700000000100')
    expect(out.metadata).toBe('skipped')
  })

  it('metadata-problems: the contract shape of each problem; schema-changes: per database that executed', () => {
    const out = outputsOf(fixtures.inconsistentMetadata())
    expect(json(out['metadata-problems'])).toEqual([
      {
        database: 'default',
        type: 'table',
        name: 'table public.invoices in source default',
        reason: 'Inconsistent object: no such table/view exists in source: "public.invoices"',
        file: 'metadata/databases/default/tables/tables.yaml',
        line: 3,
      },
      expect.objectContaining({ type: 'object_relation', line: 7 }),
    ])
    expect(json(out['schema-changes'])).toEqual({
      default: { added: [{ kind: 'table', name: 'orders', detail: '4 columns' }], dropped: [], altered: [] },
    })
    const plain = outputsOf(fixtures.success())
    expect(plain['metadata-problems']).toBe('[]')
    expect(plain['schema-changes']).toBe('{}')
  })

  it('the embedded round trip lists each version once', () => {
    const result = fixtures.embeddedRoundTrip()
    expect(result.databases[0].steps).toHaveLength(12)
    const out = outputsOf(result)
    expect(json(out['applied-versions'])).toEqual([
      '1700000000000',
      '1700000000100',
      '1700000000200',
      '1700000000300',
    ])
    expect(out['applied-count']).toBe('4')
  })

  it('down: the rolled-back versions, newest first', () => {
    const out = outputsOf(fixtures.rollback())
    expect(json(out['applied-versions'])).toEqual(['1700000000300', '1700000000200'])
    expect(json(out['pending-versions'])).toEqual(['1700000000200', '1700000000300'])
    expect(out['current-version']).toBe('1700000000100')
  })

  it('several databases: execution order across databases, and current-version as a JSON object', () => {
    const out = outputsOf(fixtures.twoDatabases())
    expect(json(out['applied-versions'])).toEqual([
      '1700000000100',
      '1700000000200',
      '1700000000300',
      '1710000000500',
    ])
    expect(json(out.applied)).toEqual({
      default: ['1700000000100', '1700000000200', '1700000000300'],
      analytics: ['1710000000500'],
    })
    expect(out['current-version']).toBe('{"default":"1700000000300","analytics":"1710000000500"}')
    expect(json(out['pending-versions'])).toEqual(['1710000000900'])
  })

  it("nothing applied anywhere: current-version is ''", () => {
    const result = fixtures.hugePlan(3)
    expect(outputsOf(result)['current-version']).toBe('')
    const none: Result = { ...fixtures.failure(), databases: [] }
    const out = outputsOf(none)
    expect(out['current-version']).toBe('')
    expect(out['applied-versions']).toBe('[]')
    expect(out.applied).toBe('{}')
    expect(out['comment-url']).toBe('')
  })

  it('a 19-digit version comes back exactly as written and sorts numerically', () => {
    const result = fixtures.nothingToDo()
    const db = result.databases[0]
    db.status.push(
      { version: '9223372036854775807', name: 'max', local: true, applied: false },
      { version: '99', name: 'small', local: true, applied: false },
    )
    expect(json(outputsOf(result)['pending-versions'])).toEqual(['99', '9223372036854775807'])
  })

  it('skip-execution: the recorded versions count as applied', () => {
    const result = fixtures.success()
    result.skipExecution = true
    for (const s of result.databases[0].steps) s.note = 'recorded only (skip-execution)'
    expect(outputsOf(result)['applied-count']).toBe('3')
  })
})
