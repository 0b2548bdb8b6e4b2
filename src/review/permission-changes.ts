/**
 * What changed in one role's permission on a table (or logical model), aspect by aspect, and which of
 * those changes widen access. The rule: a change widens unless it is provably narrower or neutral —
 * columns or computed fields added, a filter / check not proven narrower (see bool-exp.ts), a row limit
 * raised or removed, aggregations enabled, root fields unrestricted or added, a preset removed or
 * changed (the client may now choose that value), backend-only dropped, input validation removed or
 * changed, and any other permission field changed.
 */
import { isPlainObject } from '../project/yaml.js'
import { isNarrowerOrEqual, sameBoolExp } from './bool-exp.js'
import { canonicalJson } from './canonical-json.js'
import { itemKey } from './metadata-items.js'

export interface Assessment {
  /** What changed, one phrase each, for people. */
  details: string[]
  /** Why the change widens access, one phrase each; empty when it does not. */
  widening: string[]
}

const KNOWN = new Set([
  'columns',
  'computed_fields',
  'filter',
  'check',
  'limit',
  'allow_aggregations',
  'query_root_fields',
  'subscription_root_fields',
  'set',
  'backend_only',
  'validate_input',
])

/** Compares the `permission` objects of two entries of the same table, operation and role. */
export function permissionChanges(beforeEntry: unknown, afterEntry: unknown): Assessment {
  const before = permissionOf(beforeEntry)
  const after = permissionOf(afterEntry)
  const out: Assessment = { details: [], widening: [] }
  const changed = (detail: string, widens: boolean) => {
    out.details.push(detail)
    if (widens) out.widening.push(detail)
  }

  compareColumns('columns', before.columns, after.columns, changed)
  compareColumns('computed fields', before.computed_fields, after.computed_fields, changed)
  for (const key of ['filter', 'check'] as const) {
    if (!(key in before) && !(key in after)) continue
    if (sameBoolExp(before[key], after[key])) continue
    const narrower = isNarrowerOrEqual(before[key], after[key])
    const removed = isTrue(after[key])
    const what = removed ? `${key} removed (every row)` : narrower ? `${key} narrowed` : `${key} relaxed`
    changed(`${what}: ${show(before[key] ?? {})} → ${show(after[key] ?? {})}`, !narrower)
  }
  compareLimit(before.limit, after.limit, changed)
  if (Boolean(before.allow_aggregations) !== Boolean(after.allow_aggregations)) {
    const enabled = Boolean(after.allow_aggregations)
    changed(enabled ? 'aggregations enabled' : 'aggregations disabled', enabled)
  }
  for (const key of ['query_root_fields', 'subscription_root_fields'] as const)
    compareRootFields(key, before[key], after[key], changed)
  comparePresets(before.set, after.set, changed)
  if (Boolean(before.backend_only) !== Boolean(after.backend_only)) {
    const dropped = !after.backend_only
    changed(dropped ? 'no longer backend-only' : 'made backend-only', dropped)
  }
  if (itemKey(before.validate_input) !== itemKey(after.validate_input)) {
    const added = before.validate_input === undefined || before.validate_input === null
    const removed = after.validate_input === undefined || after.validate_input === null
    changed(
      added ? 'input validation added' : removed ? 'input validation removed' : 'input validation changed',
      !added,
    )
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (KNOWN.has(key) || itemKey(before[key]) === itemKey(after[key])) continue
    changed(`${key}: ${show(before[key])} → ${show(after[key])}`, true)
  }
  const comment = (e: unknown) => (isPlainObject(e) ? e.comment : undefined)
  if (itemKey(comment(beforeEntry)) !== itemKey(comment(afterEntry))) changed('comment changed', false)
  return out
}

/** What a new permission grants, one phrase each (columns, filter, limit, …). */
export function permissionGrants(entry: unknown): string[] {
  const p = permissionOf(entry)
  const grants: string[] = []
  if (p.columns !== undefined) grants.push(`columns ${columnList(p.columns)}`)
  if (Array.isArray(p.computed_fields) && p.computed_fields.length > 0)
    grants.push(`computed fields ${columnList(p.computed_fields)}`)
  for (const key of ['filter', 'check'] as const)
    if (key in p) grants.push(`${key} ${isTrue(p[key]) ? '{} (every row)' : show(p[key])}`)
  if (typeof p.limit === 'number') grants.push(`limit ${p.limit}`)
  if (p.allow_aggregations) grants.push('aggregations')
  if (p.backend_only) grants.push('backend-only')
  if (isPlainObject(p.set) && Object.keys(p.set).length > 0) grants.push(`presets ${show(p.set)}`)
  return grants
}

type Changed = (detail: string, widens: boolean) => void

function compareColumns(label: string, before: unknown, after: unknown, changed: Changed): void {
  if (canonicalJson(asSet(before)) === canonicalJson(asSet(after))) return
  if (after === '*') {
    changed(`${label}: all (was ${columnList(before)})`, true)
    return
  }
  if (before === '*') {
    changed(`${label}: only ${columnList(after)} (was all)`, false)
    return
  }
  const b = new Set(strings(before))
  const a = new Set(strings(after))
  const added = [...a].filter((c) => !b.has(c))
  const removed = [...b].filter((c) => !a.has(c))
  if (added.length > 0) changed(`${label} added: ${added.join(', ')}`, true)
  if (removed.length > 0) changed(`${label} removed: ${removed.join(', ')}`, false)
}

function compareLimit(before: unknown, after: unknown, changed: Changed): void {
  const b = typeof before === 'number' ? before : undefined
  const a = typeof after === 'number' ? after : undefined
  if (b === a) return
  if (a === undefined) changed(`row limit removed (was ${b})`, true)
  else if (b === undefined) changed(`row limit ${a} added`, false)
  else changed(`row limit ${a > b ? 'raised' : 'lowered'}: ${b} → ${a}`, a > b)
}

/** An absent list means every root field. */
function compareRootFields(key: string, before: unknown, after: unknown, changed: Changed): void {
  const label = key.replace(/_/g, ' ')
  if (canonicalJson(asSet(before)) === canonicalJson(asSet(after))) return
  if (!Array.isArray(after)) {
    changed(`${label}: all (was ${strings(before).join(', ') || 'none'})`, true)
    return
  }
  if (!Array.isArray(before)) {
    changed(`${label}: only ${strings(after).join(', ') || 'none'} (was all)`, false)
    return
  }
  const b = new Set(strings(before))
  const added = strings(after).filter((f) => !b.has(f))
  const removed = strings(before).filter((f) => !after.includes(f))
  if (added.length > 0) changed(`${label} added: ${added.join(', ')}`, true)
  if (removed.length > 0) changed(`${label} removed: ${removed.join(', ')}`, false)
}

function comparePresets(before: unknown, after: unknown, changed: Changed): void {
  const b = isPlainObject(before) ? before : {}
  const a = isPlainObject(after) ? after : {}
  for (const column of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[column]) === canonicalJson(a[column])) continue
    if (!(column in a)) changed(`preset removed: ${column} (was ${show(b[column])})`, true)
    else if (!(column in b)) changed(`preset added: ${column} = ${show(a[column])}`, false)
    else changed(`preset changed: ${column} ${show(b[column])} → ${show(a[column])}`, true)
  }
}

function permissionOf(entry: unknown): Record<string, unknown> {
  return isPlainObject(entry) && isPlainObject(entry.permission) ? entry.permission : {}
}

const isTrue = (exp: unknown): boolean => sameBoolExp(exp, {})

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : canonicalJson(v))) : []

const asSet = (value: unknown): unknown => (Array.isArray(value) ? [...strings(value)].sort() : value)

function columnList(value: unknown): string {
  if (value === '*') return 'all'
  const names = strings(value)
  return names.length > 0 ? names.join(', ') : 'none'
}

const MAX_SHOWN = 300

/** Compact JSON for a detail line, cut at a readable length (the full value is in before/after). */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null'
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}
