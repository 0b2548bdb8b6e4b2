/**
 * Hasura boolean expressions (permission `filter` / `check`) as logic: a canonical form, so that two
 * spellings of the same condition compare equal, and a conservative test of whether one condition
 * admits no more rows than another.
 *
 * Canonical form: a mapping with several keys is the conjunction of its keys; `_and` lists are
 * flattened, deduplicated and sorted, so key order, list order and `_and: [x]` versus `x` do not
 * matter; `{}` and `_and: []` are true, `_or: []` is false (as Hasura evaluates them). A key whose
 * value holds only comparison operators (`_eq`, `_in`, …) is a column (or computed field)
 * comparison, one atom per operator; any other key is a relationship and keeps its inner expression
 * whole (`{rel: {a, b}}` on an array relationship is "one related row with a and b", not two
 * conditions), so `{rel: {}}` ("a related row exists") is never dropped as true.
 */
import { isPlainObject } from '../project/yaml.js'
import { canonicalJson, compare, sortedSet } from './canonical-json.js'

export type BoolExp =
  | { t: 'true' }
  | { t: 'false' }
  | { t: 'and'; items: BoolExp[] }
  | { t: 'or'; items: BoolExp[] }
  | { t: 'not'; item: BoolExp }
  | { t: 'cmp'; column: string; op: string; value: unknown }
  | { t: 'rel'; name: string; inner: BoolExp }
  | { t: 'exists'; table: string; inner: BoolExp }
  /** Anything this reader does not understand: equal only to itself. */
  | { t: 'opaque'; value: unknown }

const TRUE: BoolExp = { t: 'true' }
const FALSE: BoolExp = { t: 'false' }
const LOGICAL = new Set(['_and', '_or', '_not', '_exists'])
/** Operators whose value is a set: `_in: [b, a]` is `_in: [a, b]`. */
const SET_OPERATORS = new Set(['_in', '_nin', '_has_keys_any', '_has_keys_all'])

/** The canonical tree of a boolean expression as written in metadata (absent = `{}` = true). */
export function parseBoolExp(value: unknown): BoolExp {
  if (value === undefined || value === null) return TRUE
  if (!isPlainObject(value)) return { t: 'opaque', value }
  const parts: BoolExp[] = []
  for (const [key, inner] of Object.entries(value)) parts.push(parseKey(key, inner))
  return and(parts)
}

function parseKey(key: string, inner: unknown): BoolExp {
  switch (key) {
    case '_and':
      return Array.isArray(inner) ? and(inner.map(parseBoolExp)) : and([parseBoolExp(inner)])
    case '_or':
      return Array.isArray(inner) ? or(inner.map(parseBoolExp)) : or([parseBoolExp(inner)])
    case '_not':
      return not(parseBoolExp(inner))
    case '_exists': {
      if (!isPlainObject(inner)) return { t: 'opaque', value: { _exists: inner } }
      return { t: 'exists', table: tableKey(inner._table), inner: parseBoolExp(inner._where) }
    }
  }
  if (isPlainObject(inner) && isComparison(inner)) {
    return and(
      Object.entries(inner).map(([op, v]) => ({
        t: 'cmp',
        column: key,
        op,
        value: SET_OPERATORS.has(op) ? sortedSet(v) : v,
      })),
    )
  }
  if (isPlainObject(inner)) return { t: 'rel', name: key, inner: parseBoolExp(inner) }
  return { t: 'opaque', value: { [key]: inner } }
}

/** Every key an operator (`_eq`, `_ilike`, `_st_within`, `_ceq`, …), none of them logical. */
function isComparison(inner: Record<string, unknown>): boolean {
  const keys = Object.keys(inner)
  return keys.length > 0 && keys.every((k) => k.startsWith('_') && !LOGICAL.has(k))
}

function and(items: BoolExp[]): BoolExp {
  const flat: BoolExp[] = []
  for (const item of items) {
    if (item.t === 'false') return FALSE
    if (item.t === 'true') continue
    if (item.t === 'and') flat.push(...item.items)
    else flat.push(item)
  }
  return combine('and', flat, TRUE)
}

function or(items: BoolExp[]): BoolExp {
  const flat: BoolExp[] = []
  for (const item of items) {
    if (item.t === 'true') return TRUE
    if (item.t === 'false') continue
    if (item.t === 'or') flat.push(...item.items)
    else flat.push(item)
  }
  return combine('or', flat, FALSE)
}

function combine(t: 'and' | 'or', items: BoolExp[], empty: BoolExp): BoolExp {
  const byKey = new Map<string, BoolExp>()
  for (const item of items) byKey.set(boolExpKey(item), item)
  if (byKey.size === 0) return empty
  if (byKey.size === 1) return [...byKey.values()][0]
  const sorted = [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, v]) => v)
  return { t, items: sorted }
}

function not(item: BoolExp): BoolExp {
  if (item.t === 'true') return FALSE
  if (item.t === 'false') return TRUE
  if (item.t === 'not') return item.item
  return { t: 'not', item }
}

const keys = new WeakMap<BoolExp, string>()

/** A string equal for two expressions exactly when their canonical forms are equal. */
export function boolExpKey(e: BoolExp): string {
  let key = keys.get(e)
  if (key === undefined) {
    key = computeKey(e)
    keys.set(e, key)
  }
  return key
}

function computeKey(e: BoolExp): string {
  switch (e.t) {
    case 'true':
    case 'false':
      return e.t
    case 'and':
    case 'or':
      return `${e.t}(${e.items.map(boolExpKey).join(',')})`
    case 'not':
      return `not(${boolExpKey(e.item)})`
    case 'cmp':
      return `cmp(${JSON.stringify(e.column)},${e.op},${canonicalJson(e.value)})`
    case 'rel':
      return `rel(${JSON.stringify(e.name)},${boolExpKey(e.inner)})`
    case 'exists':
      return `exists(${JSON.stringify(e.table)},${boolExpKey(e.inner)})`
    case 'opaque':
      return `opaque(${canonicalJson(e.value)})`
  }
}

/** Whether two written expressions mean the same condition (by canonical form). */
export function sameBoolExp(a: unknown, b: unknown): boolean {
  return boolExpKey(parseBoolExp(a)) === boolExpKey(parseBoolExp(b))
}

/**
 * Whether every row `after` admits, `before` admitted too — proved syntactically, so a `false` means
 * "not proven", never "wider": adding a conjunct narrows; removing one, replacing the expression or
 * emptying it (`{}`) is not proven narrower. Beyond conjunct sets it knows `_or` (a condition implying
 * one branch implies the disjunction), `_not` (contraposition), relationships and `_exists` (by their
 * inner conditions), `_eq v` ⇒ `_in [..v..]`, `_in` subsets and tighter numeric bounds.
 */
export function isNarrowerOrEqual(before: unknown, after: unknown): boolean {
  return implies(parseBoolExp(after), parseBoolExp(before))
}

/** a ⇒ b, conservatively. */
export function implies(a: BoolExp, b: BoolExp): boolean {
  if (b.t === 'true' || a.t === 'false') return true
  if (boolExpKey(a) === boolExpKey(b)) return true
  if (b.t === 'and') return b.items.every((item) => implies(a, item))
  if (a.t === 'or') return a.items.every((item) => implies(item, b))
  if (a.t === 'and' && a.items.some((item) => implies(item, b))) return true
  if (b.t === 'or') return b.items.some((item) => implies(a, item))
  if (a.t === 'not' && b.t === 'not') return implies(b.item, a.item)
  if (a.t === 'rel' && b.t === 'rel') return a.name === b.name && implies(a.inner, b.inner)
  if (a.t === 'exists' && b.t === 'exists') return a.table === b.table && implies(a.inner, b.inner)
  if (a.t === 'cmp' && b.t === 'cmp') return a.column === b.column && comparisonImplies(a, b)
  return false
}

type Cmp = Extract<BoolExp, { t: 'cmp' }>

function comparisonImplies(a: Cmp, b: Cmp): boolean {
  const aValues = valuesOf(a)
  const bValues = valuesOf(b)
  if (aValues && bValues) {
    const allowed = new Set(bValues.map(canonicalJson))
    return aValues.every((v) => allowed.has(canonicalJson(v)))
  }
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    const [x, y] = [a.value, b.value]
    if (a.op === b.op) {
      if (a.op === '_gt' || a.op === '_gte') return x >= y
      if (a.op === '_lt' || a.op === '_lte') return x <= y
    }
    if (a.op === '_gt' && b.op === '_gte') return x >= y
    if (a.op === '_gte' && b.op === '_gt') return x > y
    if (a.op === '_lt' && b.op === '_lte') return x <= y
    if (a.op === '_lte' && b.op === '_lt') return x < y
    if (a.op === '_eq') {
      if (b.op === '_gt') return x > y
      if (b.op === '_gte') return x >= y
      if (b.op === '_lt') return x < y
      if (b.op === '_lte') return x <= y
    }
  }
  return false
}

/** The values an `_eq` / `_in` comparison admits. */
function valuesOf(c: Cmp): unknown[] | undefined {
  if (c.op === '_eq') return [c.value]
  if (c.op === '_in' && Array.isArray(c.value)) return c.value as unknown[]
  return undefined
}

/** `_exists._table` as `schema.name` (a bare name is in `public`). */
function tableKey(table: unknown): string {
  if (typeof table === 'string') return `public.${table}`
  if (isPlainObject(table) && typeof table.name === 'string')
    return `${typeof table.schema === 'string' ? table.schema : 'public'}.${table.name}`
  return canonicalJson(table)
}
