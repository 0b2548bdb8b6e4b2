import { describe, expect, it } from 'vitest'
import { renderText, table } from '../../../src/report/console.js'
import * as fixtures from './results.js'

describe('renderText', () => {
  it('a plan table with aligned columns, no colour codes by default', () => {
    const out = renderText(fixtures.success())
    expect(out).not.toContain('\u001b[')
    const lines = out.split('\n')
    const head = lines.findIndex((l) => l.startsWith('VERSION'))
    expect(lines[head]).toBe(
      'VERSION        NAME                             DIRECTION  STATUS   FILE' +
        ' '.repeat('migrations/default/1700000000300_create_index_orders_customer_id/up.sql'.length - 4 + 2) +
        'NOTE',
    )
    expect(lines[head + 1]).toBe(
      '1700000000100  create_table_public_customers    up         applied  migrations/default/1700000000100_create_table_public_customers/up.sql',
    )
    // every column starts at the same offset in every row
    const statusAt = lines[head].indexOf('STATUS')
    for (const l of lines.slice(head + 1, head + 4)) expect(l.slice(statusAt, statusAt + 7)).toBe('applied')
    expect(out).toContain('Database default: 1700000000000 -> 1700000000300')
    expect(out).toContain('Target:  Hasura GraphQL Engine https://hasura.staging.example.com (v2.48.16)')
  })

  it('trusted pull-request code is said on the second line; a refusal gives its reason and what to do', () => {
    const trusted = renderText(fixtures.trustedPullRequest()).split('\n')
    expect(trusted[1]).toBe(
      "warning: pull-request code trusted (trust-pull-request-code: true): this pull_request_target run executed the project from the pull request of someone/shop (the checked-out commit ec26c3e is the pull request's head) with the repository's secrets",
    )
    const refused = renderText(fixtures.refusedPullRequest())
    expect(refused.split('\n')[0]).toBe("hasura-migrate-action: ❌ Refused to run a pull request's code")
    expect(refused).toContain("Error: refused to run a pull request's code against PostgreSQL")
    expect(refused).toContain('dry-run: plan')
  })

  it('the schema changes and the metadata check, each problem on its file and line', () => {
    const out = renderText(fixtures.metadataVerificationFailed())
    expect(out).toContain(
      'Schema changes default: 1 added, 0 dropped, 0 altered (before: the schema after the 3 version(s) of the base commit ffac537)',
    )
    expect(out).toMatch(/\+ {2}index {2}orders\.orders_customer_id_idx {2}btree \(customer_id\)/)
    expect(out).toContain('Metadata verification: failed')
    expect(out).toContain(
      '  metadata/databases/default/tables/tables.yaml:3: table table public.invoices in source default: Inconsistent object',
    )
    expect(out).toContain('    no migration of this project creates public.invoices')
    expect(out).toContain('  not checked: remote_schema payments (remote schemas are not checked)')
  })

  it('colours only when asked', () => {
    expect(renderText(fixtures.failure(), { color: true })).toContain('\u001b[31mfailed\u001b[0m')
  })

  it('a dry run lists the plan as planned, and the state the plan would leave', () => {
    const out = renderText(fixtures.plan())
    expect(out).toContain('Database default: 1700000000000 -> 1700000000300 (after the plan)')
    expect(out.match(/ up {9}planned {2}/g)).toHaveLength(4)
  })

  it('findings and the error block', () => {
    const out = renderText(fixtures.failure())
    expect(out).toContain('Error: relation "public.customer" does not exist')
    expect(out).toContain(
      '  at database default, version 1700000000200, migrations/default/1700000000200_create_table_public_orders/up.sql:7',
    )
    expect(out).toContain('  SQLSTATE 42P01')
    expect(out).toContain('    ALTER TABLE public.orders\n      ADD CONSTRAINT orders_customer_fk')
    expect(out).toContain('What to do next:\n  1. Fix migrations/default/')
    expect(renderText(fixtures.plan())).toContain(
      'Findings:\n  warning  out-of-order  migrations/default/1690000000000',
    )
  })

  it('nothing to do says so', () => {
    expect(renderText(fixtures.nothingToDo())).toContain('Nothing to apply.')
  })

  it('control characters from the project cannot reach the terminal', () => {
    const result = fixtures.success()
    result.databases[0].steps[0].name = 'evil\u001b[2Jname'
    expect(renderText(result)).not.toContain('\u001b')
  })
})

describe('table', () => {
  it('pads every column but the last, two spaces apart', () => {
    expect(
      table(
        ['A', 'BB'],
        [
          ['xxx', 'y'],
          ['z', ''],
        ],
      ),
    ).toEqual(['A    BB', 'xxx  y', 'z'])
  })
})
