import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { PlanError, planDatabase } from '../../../src/plan/index.js'
import type { AppliedState, PlanOptions, PlanRequest } from '../../../src/plan/index.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'
import { applyPlan, database, migration, summary } from './builder.js'

const options: PlanOptions = { outOfOrder: 'allow' }
const RUNS = { numRuns: 300 }

/** A project whose every version has up and down, and a state that is a subset of it (dirty: false). */
const projectAndState = fc
  .uniqueArray(fc.bigInt({ min: 1n, max: 60n }), { maxLength: 12 })
  .chain((versions) =>
    fc.record({
      versions: fc.constant(versions),
      applied: fc.subarray(versions),
    }),
  )
  .map(({ versions, applied }) => ({
    db: database(versions.map((v) => migration(v))),
    state: stateOf(applied),
    local: [...versions].sort(cmp),
  }))

/** Anything goes: missing halves, versions only on the target, dirty flags. */
const messyProjectAndState = fc
  .record({
    migrations: fc.uniqueArray(
      fc.record({ version: fc.bigInt({ min: 1n, max: 40n }), up: fc.boolean(), down: fc.boolean() }),
      { selector: (m) => m.version, maxLength: 10 },
    ),
    applied: fc.uniqueArray(fc.tuple(fc.bigInt({ min: 1n, max: 40n }), fc.boolean()), {
      selector: ([v]) => v,
      maxLength: 10,
    }),
  })
  .map(({ migrations, applied }) => ({
    db: database(
      migrations
        .filter((m) => m.up || m.down)
        .map((m) => migration(m.version, { up: m.up ? undefined : null, down: m.down ? undefined : null })),
    ),
    state: { versions: new Map(applied) },
  }))

const request: fc.Arbitrary<PlanRequest> = fc.oneof(
  fc.record({
    kind: fc.constant('up' as const),
    steps: fc.oneof(fc.constant('all' as const), fc.integer({ min: 1, max: 12 })),
  }),
  fc.record({
    kind: fc.constant('down' as const),
    steps: fc.oneof(fc.constant('all' as const), fc.integer({ min: 1, max: 12 })),
  }),
  fc.record({ kind: fc.constant('goto' as const), version: fc.bigInt({ min: 1n, max: 60n }) }),
)

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}
function stateOf(versions: bigint[]): AppliedState {
  return { versions: new Map(versions.map((v) => [v, false])) }
}
const appliedVersions = (s: AppliedState): bigint[] => [...s.versions.keys()].sort(cmp)

/** The plan, or undefined when it is refused (with a PlanError: anything else is a bug). */
function tryPlan(db: DatabaseMigrations, s: AppliedState, r: PlanRequest) {
  try {
    return planDatabase(db, s, r, options)
  } catch (e) {
    if (!(e instanceof PlanError)) throw e
    return undefined
  }
}

describe('planDatabase properties', () => {
  test('a plan never repeats a version, and only refuses with a PlanError', () => {
    fc.assert(
      fc.property(messyProjectAndState, request, ({ db, state }, r) => {
        const plan = tryPlan(db, state, r)
        if (!plan) return
        const versions = plan.steps.map((s) => s.version)
        expect(new Set(versions).size).toBe(versions.length)
      }),
      RUNS,
    )
  })

  test('every step is possible: ups of pending local versions, downs of applied ones', () => {
    fc.assert(
      fc.property(messyProjectAndState, request, ({ db, state }, r) => {
        const plan = tryPlan(db, state, r)
        if (!plan) return
        const local = new Map(db.migrations.map((m) => [m.version, m]))
        for (const s of plan.steps) {
          if (s.direction === 'up') {
            expect(state.versions.has(s.version)).toBe(false)
            expect(s.sql).toBe(local.get(s.version)?.up?.sql)
          } else {
            expect(state.versions.has(s.version)).toBe(true)
            expect(s.sql).toBe(local.get(s.version)?.down?.sql)
          }
        }
      }),
      RUNS,
    )
  })

  test('the plan is deterministic, whatever order the state lists versions in', () => {
    fc.assert(
      fc.property(messyProjectAndState, request, ({ db, state }, r) => {
        const reversed: AppliedState = { versions: new Map([...state.versions].reverse()) }
        let first: unknown
        let second: unknown
        try {
          first = planDatabase(db, state, r, options)
        } catch (e) {
          first = (e as Error).message
        }
        try {
          second = planDatabase(db, reversed, r, options)
        } catch (e) {
          second = (e as Error).message
        }
        expect(second).toEqual(first)
      }),
      RUNS,
    )
  })

  test('up all, then down all, leaves nothing applied', () => {
    fc.assert(
      fc.property(projectAndState, ({ db, state }) => {
        const upped = applyPlan(state, planDatabase(db, state, { kind: 'up', steps: 'all' }, options).steps)
        expect(appliedVersions(upped)).toEqual(db.migrations.map((m) => m.version))
        const downed = applyPlan(
          upped,
          planDatabase(db, upped, { kind: 'down', steps: 'all' }, options).steps,
        )
        expect(appliedVersions(downed)).toEqual([])
      }),
      RUNS,
    )
  })

  test('from an in-order state, up all then down by as many steps returns to the start', () => {
    const inOrder = fc.uniqueArray(fc.bigInt({ min: 1n, max: 60n }), { maxLength: 12 }).chain((versions) => {
      const sorted = [...versions].sort(cmp)
      return fc.nat({ max: sorted.length }).map((k) => ({ sorted, applied: sorted.slice(0, k) }))
    })
    fc.assert(
      fc.property(inOrder, ({ sorted, applied }) => {
        const db = database(sorted.map((v) => migration(v)))
        const start = stateOf(applied)
        const ups = planDatabase(db, start, { kind: 'up', steps: 'all' }, options).steps
        const upped = applyPlan(start, ups)
        if (ups.length === 0) return
        const downs = planDatabase(db, upped, { kind: 'down', steps: ups.length }, options).steps
        expect(summary(downs)).toEqual(
          summary(ups)
            .reverse()
            .map((s) => s.replace('up', 'down')),
        )
        expect(appliedVersions(applyPlan(upped, downs))).toEqual(applied)
      }),
      RUNS,
    )
  })

  test('up N is a prefix of up all', () => {
    fc.assert(
      fc.property(projectAndState, fc.integer({ min: 1, max: 12 }), ({ db, state }, n) => {
        const all = planDatabase(db, state, { kind: 'up', steps: 'all' }, options).steps
        const some = tryPlan(db, state, { kind: 'up', steps: n })
        if (n > all.length && all.length > 0) {
          expect(some).toBeUndefined() // more steps than pending is refused up front
          return
        }
        expect(some?.steps).toEqual(all.slice(0, n))
      }),
      RUNS,
    )
  })

  test('down N is a prefix of down all', () => {
    fc.assert(
      fc.property(projectAndState, fc.integer({ min: 1, max: 12 }), ({ db, state }, n) => {
        const all = planDatabase(db, state, { kind: 'down', steps: 'all' }, options).steps
        const some = tryPlan(db, state, { kind: 'down', steps: n })
        if (n > all.length && all.length > 0) {
          expect(some).toBeUndefined()
          return
        }
        expect(some?.steps).toEqual(all.slice(0, n))
      }),
      RUNS,
    )
  })

  test('goto V leaves exactly the local versions up to V applied', () => {
    const withTarget = projectAndState
      .filter(({ local }) => local.length > 0)
      .chain((p) => fc.constantFrom(...p.local).map((target) => ({ ...p, target })))
    fc.assert(
      fc.property(withTarget, ({ db, state, local, target }) => {
        const steps = planDatabase(db, state, { kind: 'goto', version: target }, options).steps
        expect(appliedVersions(applyPlan(state, steps))).toEqual(local.filter((v) => v <= target))
        // Rollbacks come first, newest first; then applies, oldest first.
        const firstUp = steps.findIndex((s) => s.direction === 'up')
        const downs = (firstUp < 0 ? steps : steps.slice(0, firstUp)).map((s) => s.version)
        const ups = firstUp < 0 ? [] : steps.slice(firstUp).map((s) => s.version)
        expect(steps.slice(firstUp < 0 ? steps.length : firstUp).every((s) => s.direction === 'up')).toBe(
          true,
        )
        expect(downs).toEqual([...downs].sort(cmp).reverse())
        expect(ups).toEqual([...ups].sort(cmp))
      }),
      RUNS,
    )
  })
})
