import type { AnnotationProperties } from '@actions/core'
import { describe, expect, it } from 'vitest'
import {
  annotationsOf,
  emitAnnotations,
  fileInRepository,
  type Annotation,
} from '../../../src/report/annotations.js'
import * as fixtures from './results.js'

function recorder() {
  const calls: { level: string; message: string; properties?: AnnotationProperties }[] = []
  const sink = {
    error: (message: string, properties?: AnnotationProperties) =>
      calls.push({ level: 'error', message, properties }),
    warning: (message: string, properties?: AnnotationProperties) =>
      calls.push({ level: 'warning', message, properties }),
    notice: (message: string, properties?: AnnotationProperties) =>
      calls.push({ level: 'notice', message, properties }),
  }
  return { calls, sink }
}

describe('annotationsOf', () => {
  it('the failing statement is one error on its file (relative to the repository) and line', () => {
    const list = annotationsOf(fixtures.failure())
    expect(list).toEqual([
      {
        level: 'error',
        file: 'hasura/migrations/default/1700000000200_create_table_public_orders/up.sql',
        line: 7,
        title: 'Migration 1700000000200_create_table_public_orders failed on default',
        message: [
          'ERROR 42P01: relation "public.customer" does not exist',
          'Detail: The referenced table is named in the FOREIGN KEY clause.',
          'Hint: Perhaps you meant to reference the table "public.customers".',
          `Statement: ${fixtures.FAILING_STATEMENT}`,
          // what to do next, as the summary's first advice says
          'Fix `migrations/default/1700000000200_create_table_public_orders/up.sql` and re-run: the versions committed before the failure (1700000000100) stay applied and are not run again.',
        ].join('\n'),
      },
    ])
  })

  it('each finding is annotated at its level, on its file', () => {
    expect(annotationsOf(fixtures.success())).toEqual([
      {
        level: 'warning',
        file: 'hasura/migrations/default/1700000000200_create_table_public_orders/down.sql',
        line: 1,
        title: 'placeholder-down (1700000000200)',
        message: expect.stringContaining('down.sql is the placeholder Hasura writes') as string,
      },
    ])
    expect(annotationsOf(fixtures.rehearse())).toMatchObject([
      { level: 'notice', title: 'no-transaction-file (1700000000300)' },
    ])
  })

  it('an error without a file is still annotated, naming the input', () => {
    const [a] = annotationsOf(fixtures.serverInconsistentMetadata())
    expect(a).toEqual({
      level: 'error',
      title: 'hasura-migrate-action: target error',
      message:
        'metadata is inconsistent: 2 inconsistent objects (the migrations were applied and stay applied)\nInput: allow-inconsistent-metadata\n' +
        'Fix what the inconsistent objects point at (something the metadata names that the database does not have), in the metadata or with a new migration, and re-run. The migration applied by this run stays applied and is not run again.',
    })
  })

  it('a failed verification: the error on the first problem, every other problem a warning on its file', () => {
    const list = annotationsOf(fixtures.inconsistentMetadata())
    expect(list).toMatchObject([
      { level: 'error', file: 'hasura/metadata/databases/default/tables/tables.yaml', line: 3 },
      {
        level: 'warning',
        file: 'hasura/metadata/databases/default/tables/public_orders.yaml',
        line: 7,
        title: 'metadata: object_relation customer in table orders in source default',
      },
    ])
    expect(list).toHaveLength(2)
  })

  it('a project at the repository root, or given as ./x/, or absolute inside the workspace', () => {
    expect(fileInRepository('.', 'migrations/1_x/up.sql')).toBe('migrations/1_x/up.sql')
    expect(fileInRepository('./hasura/', 'migrations/1_x/up.sql')).toBe('hasura/migrations/1_x/up.sql')
    expect(fileInRepository('apps/api/../db', 'migrations/1_x/up.sql')).toBe('apps/db/migrations/1_x/up.sql')
    expect(
      fileInRepository(
        '/home/runner/work/shop/shop/hasura',
        'migrations/1_x/up.sql',
        '/home/runner/work/shop/shop/',
      ),
    ).toBe('hasura/migrations/1_x/up.sql')
  })

  it('the same failure reported on the run and on its step is annotated once', () => {
    const result = fixtures.failure()
    expect(result.databases[0].steps[1].error).toBe(result.error)
    expect(annotationsOf(result).filter((a) => a.level === 'error')).toHaveLength(1)
  })
})

describe('emitAnnotations', () => {
  it('passes file, line and title as AnnotationProperties', () => {
    const { calls, sink } = recorder()
    emitAnnotations(annotationsOf(fixtures.failure()), sink)
    expect(calls).toHaveLength(1)
    expect(calls[0].level).toBe('error')
    expect(calls[0].properties).toEqual({
      title: 'Migration 1700000000200_create_table_public_orders failed on default',
      file: 'hasura/migrations/default/1700000000200_create_table_public_orders/up.sql',
      startLine: 7,
    })
  })

  it('past GitHub’s 10 per level, the last one says how many more there are', () => {
    const many: Annotation[] = Array.from({ length: 25 }, (_, i) => ({ level: 'warning', message: `w${i}` }))
    many.push({ level: 'error', message: 'boom' })
    const { calls, sink } = recorder()
    emitAnnotations(many, sink)
    const warnings = calls.filter((c) => c.level === 'warning')
    expect(warnings).toHaveLength(10)
    expect(warnings.slice(0, 9).map((c) => c.message)).toEqual([
      'w0',
      'w1',
      'w2',
      'w3',
      'w4',
      'w5',
      'w6',
      'w7',
      'w8',
    ])
    expect(warnings[9].message).toBe('16 more warnings: see the job summary.')
    expect(calls.filter((c) => c.level === 'error').map((c) => c.message)).toEqual(['boom'])
  })
})
