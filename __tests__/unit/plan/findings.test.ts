import { describe, expect, test } from 'vitest'
import { planDatabase, roundTripBlockers, roundTripSkipReason } from '../../../src/plan/index.js'
import type { AppliedState, Finding, FindingKind, PlanOptions, PlanRequest } from '../../../src/plan/index.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'
import { database, migration, range, state } from './builder.js'

const UP_ALL: PlanRequest = { kind: 'up', steps: 'all' }
const PLACEHOLDER =
  '-- Could not auto-generate a down migration.\n-- Please write an appropriate down migration for the SQL below:\n-- DROP TABLE "public"."t";\n'

function findings(
  db: DatabaseMigrations,
  s: AppliedState,
  request: PlanRequest = UP_ALL,
  options: PlanOptions = { outOfOrder: 'warn' },
  kind?: FindingKind,
): Finding[] {
  const all = planDatabase(db, s, request, options).findings
  return kind ? all.filter((f) => f.kind === kind) : all
}

describe('out-of-order', () => {
  const db = database(range(6))
  const s = state(1, 5)

  test('warn: one warning naming every pending version below the newest applied one', () => {
    expect(findings(db, s, UP_ALL, { outOfOrder: 'warn' }, 'out-of-order')).toEqual([
      {
        kind: 'out-of-order',
        severity: 'warning',
        database: 'default',
        version: 2n,
        file: 'migrations/default/2_m2/up.sql',
        message:
          '3 pending versions are older than the newest applied version 5: 2, 3, 4; they are applied out of order',
      },
    ])
  })

  test('fail: the same finding as an error, saying how to let it through', () => {
    const [f] = findings(db, s, UP_ALL, { outOfOrder: 'fail' }, 'out-of-order')
    expect(f?.severity).toBe('error')
    expect(f?.message).toBe(
      '3 pending versions are older than the newest applied version 5: 2, 3, 4; out-of-order: fail stops the run (set out-of-order to warn or allow to apply them)',
    )
  })

  test('allow: nothing', () => {
    expect(findings(db, s, UP_ALL, { outOfOrder: 'allow' }, 'out-of-order')).toEqual([])
  })

  test('a single version is named in the singular', () => {
    const [f] = findings(db, state(1, 2, 4), { kind: 'up', steps: 1 }, { outOfOrder: 'warn' }, 'out-of-order')
    expect(f?.message).toBe(
      'pending version 3 is older than the newest applied version 4; it is applied out of order',
    )
  })

  test('only versions the plan applies count (up 1 takes 2 only; 6 is above)', () => {
    const [f] = findings(db, s, { kind: 'up', steps: 1 }, { outOfOrder: 'fail' }, 'out-of-order')
    expect(f?.message).toContain('pending version 2 is older')
    expect(findings(db, state(1, 2, 3, 4, 5), UP_ALL, { outOfOrder: 'fail' }, 'out-of-order')).toEqual([])
  })

  test('rollbacks never trip it, and goto judges against what stays applied', () => {
    expect(findings(db, s, { kind: 'down', steps: 1 }, { outOfOrder: 'fail' }, 'out-of-order')).toEqual([])
    // goto 3 rolls 5 back first: 2 and 3 then follow 1, in order.
    expect(findings(db, s, { kind: 'goto', version: 3n }, { outOfOrder: 'fail' }, 'out-of-order')).toEqual([])
    const [f] = findings(
      db,
      state(1, 3, 5),
      { kind: 'goto', version: 4n },
      { outOfOrder: 'fail' },
      'out-of-order',
    )
    expect(f?.message).toContain('pending version 2 is older than the newest applied version 3')
  })

  test('a version applied only on the target also counts as the newest applied', () => {
    const [f] = findings(database(range(2)), state(99), UP_ALL, { outOfOrder: 'warn' }, 'out-of-order')
    expect(f?.message).toContain('older than the newest applied version 99: 1, 2')
  })
})

describe('applied-missing-locally', () => {
  test('one warning listing the versions only the target has', () => {
    expect(
      findings(database(range(2)), state(1, 40, 30), UP_ALL, undefined, 'applied-missing-locally'),
    ).toEqual([
      {
        kind: 'applied-missing-locally',
        severity: 'warning',
        database: 'default',
        message:
          '2 versions are applied on the target but have no migration in migrations/default: 30, 40; they cannot be rolled back from here',
      },
    ])
    const [one] = findings(database(range(2)), state(7), UP_ALL, undefined, 'applied-missing-locally')
    expect(one?.version).toBe(7n)
  })

  test('a version whose files are all empty counts as missing, as in the CLI', () => {
    const db = database([migration(1, { up: '', down: '' })])
    expect(findings(db, state(1), UP_ALL, undefined, 'applied-missing-locally')).toHaveLength(1)
  })
})

describe('down files of the versions the plan applies', () => {
  const db = database([
    migration(1),
    migration(2, { down: null }),
    migration(3, { down: '' }),
    migration(4, { down: PLACEHOLDER }),
    migration(5, { down: '/* nothing */\n\n' }),
    migration(6, { down: '-- drop it\nDROP TABLE t6;' }),
  ])

  test('missing, empty (0 bytes) and comment-only downs are warned about, each with its file', () => {
    const got = findings(db, state()).filter((f) => f.kind.endsWith('-down'))
    expect(got.map((f) => [f.kind, f.severity, f.version, f.file])).toEqual([
      ['missing-down', 'warning', 2n, 'migrations/default/2_m2/up.sql'],
      ['empty-down', 'warning', 3n, 'migrations/default/3_m3/down.sql'],
      ['placeholder-down', 'warning', 4n, 'migrations/default/4_m4/down.sql'],
      ['placeholder-down', 'warning', 5n, 'migrations/default/5_m5/down.sql'],
    ])
    expect(got[0]?.message).toBe('version 2 has no down migration: it cannot be rolled back')
    expect(got[1]?.message).toBe(
      'version 3 has an empty (0-byte) down file, which the Hasura CLI ignores: it cannot be rolled back',
    )
  })

  test('only versions in the plan are looked at', () => {
    expect(findings(db, state(1, 2, 3, 4, 5)).filter((f) => f.kind.endsWith('-down'))).toEqual([])
  })

  test('rolling back with a comment-only down: warned that the schema stays', () => {
    const got = findings(db, state(1, 4, 6), { kind: 'down', steps: 'all' }).filter((f) =>
      f.kind.endsWith('-down'),
    )
    expect(got).toEqual([
      {
        kind: 'placeholder-down',
        severity: 'warning',
        database: 'default',
        version: 4n,
        file: 'migrations/default/4_m4/down.sql',
        message:
          'rolling back version 4 runs no SQL (its down file has only comments): the record goes, the schema stays',
      },
    ])
  })

  test('a YAML down with steps is a real down even beside a comment-only SQL file', () => {
    const yamlDb = database([
      migration(1, { down: '-- nothing', downYaml: [{ type: 'untrack_table', args: {}, line: 1 }] }),
    ])
    expect(findings(yamlDb, state()).filter((f) => f.kind.endsWith('-down'))).toEqual([])
  })
})

describe('no-transaction-file', () => {
  test('a notice for each marked file in the plan, in either direction', () => {
    const db = database([migration(1, { upNoTransaction: true, downNoTransaction: true }), migration(2)])
    expect(findings(db, state(), UP_ALL, undefined, 'no-transaction-file')).toEqual([
      {
        kind: 'no-transaction-file',
        severity: 'notice',
        database: 'default',
        version: 1n,
        file: 'migrations/default/1_m1/up.sql',
        line: 1,
        message:
          'up of version 1 is marked no-transaction: it runs alone, between transactions; what ran before it is committed first',
      },
    ])
    const back = findings(db, state(1, 2), { kind: 'down', steps: 'all' }, undefined, 'no-transaction-file')
    expect(back.map((f) => f.file)).toEqual(['migrations/default/1_m1/down.sql'])
  })
})

describe('roundTripBlockers', () => {
  test('every local version without a real down, whatever is applied', async () => {
    const db = database([
      migration(1),
      migration(2, { down: null }),
      migration(3, { down: '' }),
      migration(4, { down: PLACEHOLDER }),
      migration(5, { up: '', down: '' }), // not a migration for the engine
      migration(6, { up: null }), // nothing to undo
    ])
    expect(
      (await roundTripBlockers(db)).map((f) => [f.kind, f.severity, f.version, f.file, f.message]),
    ).toEqual([
      [
        'round-trip-impossible',
        'warning',
        2n,
        'migrations/default/2_m2/up.sql',
        'version 2 has no down migration: the round trip cannot roll it back',
      ],
      [
        'round-trip-impossible',
        'warning',
        3n,
        'migrations/default/3_m3/down.sql',
        'version 3 has an empty (0-byte) down file, which the Hasura CLI ignores: the round trip cannot roll it back',
      ],
      [
        'round-trip-impossible',
        'warning',
        4n,
        'migrations/default/4_m4/down.sql',
        'version 4 has a down file with only comments, which undoes nothing: the round trip cannot roll it back',
      ],
    ])
  })

  test('a down file PostgreSQL cannot parse, with its line; never an error, and a sound down is no blocker', async () => {
    const broken =
      '-- Could not auto-generate a down migration.\n-- alter table "public"."t7" add column "x" text;\nalter table "public"."t7" drop column "x\n'
    const db = database([
      migration(6),
      migration(7, { down: broken }),
      migration(8, { down: 'DROP TABLE t8;\nSELEC 1;\n' }),
    ])
    const found = await roundTripBlockers(db)
    expect(found.map((f) => [f.kind, f.severity, f.version, f.file, f.line])).toEqual([
      ['round-trip-impossible', 'warning', 7n, 'migrations/default/7_m7/down.sql', 3],
      ['round-trip-impossible', 'warning', 8n, 'migrations/default/8_m8/down.sql', 2],
    ])
    expect(found[0].message).toBe(
      'the down migration of version 7 has a syntax error at line 3: unterminated quoted identifier at or near ""x "; the round trip cannot roll it back (fix it before this version is ever rolled back)',
    )
    expect(found[1].message).toContain('syntax error at line 2: syntax error at or near "SELEC"')
    expect(roundTripSkipReason(found)).toBe(
      '2 versions 7, 8 cannot be rolled back (see the round-trip-impossible findings)',
    )
  })
})
