import { describe, expect, test } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { PlanError, planDatabase, remainingSteps } from '../../../src/plan/index.js'
import type { AppliedState, PlanOptions, PlanRequest } from '../../../src/plan/index.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'
import { database, migration, range, state, summary } from './builder.js'

const warn: PlanOptions = { outOfOrder: 'warn' }
const UP_ALL: PlanRequest = { kind: 'up', steps: 'all' }
const DOWN_ALL: PlanRequest = { kind: 'down', steps: 'all' }
const up = (steps: number): PlanRequest => ({ kind: 'up', steps })
const down = (steps: number): PlanRequest => ({ kind: 'down', steps })
const goto = (version: number | bigint): PlanRequest => ({ kind: 'goto', version: BigInt(version) })

function plan(db: DatabaseMigrations, s: AppliedState, request: PlanRequest, options = warn): string[] {
  return summary(planDatabase(db, s, request, options).steps)
}

/** The PlanError a plan throws (fails the test when it does not throw one). */
function planError(db: DatabaseMigrations, s: AppliedState, request: PlanRequest): PlanError {
  try {
    planDatabase(db, s, request, warn)
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError)
    expect(e).toBeInstanceOf(UserError)
    return e as PlanError
  }
  throw new Error('expected the plan to fail')
}

describe('planDatabase: modes', () => {
  const five = database(range(5))
  test.each<[string, AppliedState, PlanRequest, string[]]>([
    ['up all from nothing', state(), UP_ALL, ['up 1', 'up 2', 'up 3', 'up 4', 'up 5']],
    ['up all fills gaps, ascending', state(1, 3), UP_ALL, ['up 2', 'up 4', 'up 5']],
    ['up all with nothing pending', state(1, 2, 3, 4, 5), UP_ALL, []],
    ['up 2 takes the first two pending', state(1, 3), up(2), ['up 2', 'up 4']],
    ['up N exactly the pending count', state(1, 2), up(3), ['up 3', 'up 4', 'up 5']],
    ['up N with nothing pending is nothing to apply', state(1, 2, 3, 4, 5), up(3), []],
    [
      'down all walks applied versions, newest first',
      state(1, 2, 4),
      DOWN_ALL,
      ['down 4', 'down 2', 'down 1'],
    ],
    ['down 2 takes the newest two', state(1, 2, 4), down(2), ['down 4', 'down 2']],
    ['down all with nothing applied', state(), DOWN_ALL, []],
    ['down N with nothing applied is nothing to apply', state(), down(2), []],
    ['goto forward applies pending up to and including V', state(1), goto(3), ['up 2', 'up 3']],
    ['goto back rolls back above V, newest first', state(1, 2, 3, 4), goto(2), ['down 4', 'down 3']],
    [
      'goto both ways: roll back above, then apply pending up to V',
      state(1, 4, 5),
      goto(3),
      ['down 5', 'down 4', 'up 2', 'up 3'],
    ],
    ['goto the current version', state(1, 2, 3), goto(3), []],
    ['goto a version applied but pending below', state(2, 3), goto(3), ['up 1']],
  ])('%s', (_name, s, request, expected) => {
    expect(plan(five, s, request)).toEqual(expected)
  })

  test('goto a version applied on the target but absent locally', () => {
    const db = database([migration(1), migration(2), migration(5)])
    expect(plan(db, state(1, 3, 5), goto(3))).toEqual(['down 5', 'up 2'])
  })

  test('versions applied only on the target are ignored by up', () => {
    expect(plan(database(range(3)), state(1, 99), UP_ALL)).toEqual(['up 2', 'up 3'])
  })

  test('19- and 20-digit versions order numerically, not as text', () => {
    const db = database([migration('999999999999999999'), migration('1000000000000000000'), migration(2)])
    expect(plan(db, state(), UP_ALL)).toEqual(['up 2', 'up 999999999999999999', 'up 1000000000000000000'])
  })
})

describe('planDatabase: steps carry the files to run', () => {
  test('an up step has the up SQL, a down step the down SQL, with their transaction mode', () => {
    const db = database([migration(1, { upNoTransaction: true }), migration(2, { name: 'add_users' })])
    const p = planDatabase(db, state(), UP_ALL, warn)
    expect(p.database).toBe('default')
    expect(p.steps).toEqual([
      {
        database: 'default',
        version: 1n,
        name: 'm1',
        direction: 'up',
        sql: {
          path: 'migrations/default/1_m1/up.sql',
          text: 'CREATE TABLE t1 (id int);\n',
          noTransaction: true,
        },
        transactional: false,
      },
      {
        database: 'default',
        version: 2n,
        name: 'add_users',
        direction: 'up',
        sql: {
          path: 'migrations/default/2_add_users/up.sql',
          text: 'CREATE TABLE t2 (id int);\n',
          noTransaction: false,
        },
        transactional: true,
      },
    ])
    const back = planDatabase(db, state(1, 2), down(1), warn).steps[0]
    expect(back).toMatchObject({ version: 2n, direction: 'down', transactional: true })
    expect(back.sql?.path).toBe('migrations/default/2_add_users/down.sql')
  })

  test('config 1 YAML sides: yaml set, sql absent or both set', () => {
    const runSql = [{ type: 'run_sql', args: { sql: 'SELECT 1' }, line: 1 }]
    const db = database([
      migration(1, { up: null, down: null, upYaml: runSql, downYaml: runSql }),
      migration(2, { upYaml: runSql, downYaml: runSql }),
    ])
    const ups = planDatabase(db, state(), UP_ALL, warn).steps
    expect(ups[0].sql).toBeUndefined()
    expect(ups[0].yaml?.path).toBe('migrations/default/1_m1/up.yaml')
    expect(ups[0].transactional).toBe(true)
    expect(ups[1].sql?.path).toBe('migrations/default/2_m2/up.sql')
    expect(ups[1].yaml?.path).toBe('migrations/default/2_m2/up.yaml')
  })
})

describe('planDatabase: what fails before anything runs', () => {
  test('more up steps than pending (the CLI would apply 3, then fail "limit 2 short")', () => {
    const e = planError(database(range(5)), state(1, 2), up(5))
    expect(e.message).toBe('cannot apply 5 migrations: only 3 pending (limit 2 short)')
    expect(e.where).toEqual({ database: 'default', input: 'steps' })
  })

  test('more down steps than applied', () => {
    const e = planError(database(range(5)), state(1, 2, 3), down(4))
    expect(e.message).toBe('cannot roll back 4 migrations: only 3 applied (limit 1 short)')
    expect(e.where).toEqual({ database: 'default', input: 'steps' })
  })

  test('a pending version with only a down file: "<v> up migration not found"', () => {
    const db = database([migration(1), migration(2, { up: null }), migration(3)])
    const e = planError(db, state(1), UP_ALL)
    expect(e.message).toBe('2 up migration not found: expected migrations/default/2_m2/up.sql')
    expect(e.where).toEqual({ database: 'default', version: '2', file: 'migrations/default/2_m2/up.sql' })
    // Once version 2 is applied (recorded elsewhere), its missing up file no longer matters.
    expect(plan(db, state(1, 2), UP_ALL)).toEqual(['up 3'])
  })

  test('a down-only version beyond the requested step count does not matter', () => {
    const db = database([migration(1), migration(2), migration(3, { up: null })])
    expect(plan(db, state(), up(2))).toEqual(['up 1', 'up 2'])
  })

  test('a zero-byte up.sql is no file (as in the CLI)', () => {
    const db = database([migration(1, { up: '' })])
    const e = planError(db, state(), UP_ALL)
    expect(e.message).toBe(
      '1 up migration not found: migrations/default/1_m1/up.sql is empty, and the Hasura CLI treats an empty file as no file',
    )
    expect(e.where.file).toBe('migrations/default/1_m1/up.sql')
  })

  test('a version whose files are all zero bytes does not exist for the engine', () => {
    const db = database([migration(1), migration(2, { up: '', down: '' }), migration(3)])
    expect(plan(db, state(), UP_ALL)).toEqual(['up 1', 'up 3'])
  })

  test('rolling back a version without a down file: "<v> down migration not found"', () => {
    const db = database([migration(1), migration(2, { down: null }), migration(3)])
    const e = planError(db, state(1, 2, 3), DOWN_ALL)
    expect(e.message).toBe('2 down migration not found: expected migrations/default/2_m2/down.sql')
    expect(e.where).toEqual({ database: 'default', version: '2', file: 'migrations/default/2_m2/down.sql' })
    expect(plan(db, state(1, 2, 3), down(1))).toEqual(['down 3'])
  })

  test('the expected file follows the layout of its sibling', () => {
    const flat = database(
      [migration(7, { layout: 'flat', down: null }, 'migrations')],
      'default',
      'migrations',
    )
    expect(planError(flat, state(7), down(1)).where.file).toBe('migrations/7_m7.down.sql')
    const yamlOnly = database([
      migration(8, { up: null, down: null, upYaml: [{ type: 'x', args: {}, line: 1 }] }),
    ])
    expect(planError(yamlOnly, state(8), down(1)).where.file).toBe('migrations/default/8_m8/down.sql')
  })

  test('a zero-byte down.sql cannot roll back', () => {
    const db = database([migration(1, { down: '' })])
    expect(planError(db, state(1), down(1)).message).toBe(
      '1 down migration not found: migrations/default/1_m1/down.sql is empty, and the Hasura CLI treats an empty file as no file',
    )
  })

  test('rolling back a version applied on the target but absent locally', () => {
    const db = database(range(2))
    const e = planError(db, state(1, 2, 7), down(1))
    expect(e.message).toBe(
      '7 down migration not found: version 7 is applied on the target but migrations/default has no migration with that version',
    )
    expect(e.where).toMatchObject({ database: 'default', version: '7' })
  })

  test('goto a version that is neither local nor applied', () => {
    const e = planError(database(range(3)), state(1), goto(9))
    expect(e.message).toBe(
      'cannot go to version 9: migrations/default has no migration with that version and the target has not applied it',
    )
    expect(e.where).toEqual({ database: 'default', version: '9', input: 'target-version' })
  })

  test('goto back over a version without a down file', () => {
    const db = database([migration(1), migration(2), migration(3, { down: null })])
    expect(planError(db, state(1, 2, 3), goto(1)).message).toBe(
      '3 down migration not found: expected migrations/default/3_m3/down.sql',
    )
  })

  test('a version above 9223372036854775807 cannot be recorded', () => {
    const big = '9223372036854775808'
    const db = database([migration(1), migration(big)])
    const e = planError(db, state(), UP_ALL)
    expect(e.message).toBe(
      `version ${big} cannot be stored in the migration state table: its version column is a bigint (at most 9223372036854775807)`,
    )
    expect(e.where).toEqual({
      database: 'default',
      version: big,
      file: `migrations/default/${big}_m${big}/up.sql`,
    })
    // The largest bigint itself is fine, and so is a plan that stops before the big one.
    expect(plan(database([migration('9223372036854775807')]), state(), UP_ALL)).toEqual([
      'up 9223372036854775807',
    ])
    expect(plan(db, state(), up(1))).toEqual(['up 1'])
  })
})

describe('planDatabase: dirty', () => {
  const db = database(range(4))
  const dirty3 = (): AppliedState => state({ 1: false, 2: false, 3: true })

  test.each<[string, PlanRequest]>([
    ['up all', UP_ALL],
    ['down all', DOWN_ALL],
    ['goto', goto(4)],
  ])('%s fails on a dirty newest version, with the CLI message and a remedy', (_name, request) => {
    const e = planError(db, dirty3(), request)
    expect(e.message.startsWith('Dirty database version 3. Fix and force version.')).toBe(true)
    expect(e.message).toContain('skip-execution')
    expect(e.where).toEqual({ database: 'default', version: '3' })
  })

  test('step modes go on (as the CLI), with a warning', () => {
    const p = planDatabase(db, dirty3(), up(1), warn)
    expect(summary(p.steps)).toEqual(['up 4'])
    expect(p.findings.filter((f) => f.kind === 'dirty')).toEqual([
      {
        kind: 'dirty',
        severity: 'warning',
        database: 'default',
        version: 3n,
        message: expect.stringContaining('newest applied version 3 is marked dirty') as string,
      },
    ])
    expect(summary(planDatabase(db, dirty3(), down(1), warn).steps)).toEqual(['down 3'])
  })

  test('only the newest applied version is checked', () => {
    expect(plan(db, state({ 1: true, 2: false }), UP_ALL)).toEqual(['up 3', 'up 4'])
    expect(
      planDatabase(db, state({ 1: true, 2: false }), UP_ALL, warn).findings.map((f) => f.kind),
    ).not.toContain('dirty')
  })
})

describe('remainingSteps (replanning under the lock)', () => {
  test('drops ups another run applied and downs another run rolled back', () => {
    const db = database(range(5))
    const steps = planDatabase(db, state(1, 4, 5), goto(3), warn).steps
    expect(summary(steps)).toEqual(['down 5', 'down 4', 'up 2', 'up 3'])
    expect(summary(remainingSteps(steps, state(1, 2, 4)))).toEqual(['down 4', 'up 3'])
    expect(remainingSteps(steps, state(1, 2, 3))).toEqual([])
    expect(remainingSteps(steps, state(1, 4, 5))).toEqual(steps)
  })
})
