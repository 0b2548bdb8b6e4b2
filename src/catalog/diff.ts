/**
 * What changed between two catalog snapshots: objects added, dropped and altered, each one entry
 * `{kind, name, detail}` with a short human detail. Pure. Used for the schema changes of a run (before
 * → after) and for drift (replay → target: "added" is only in the target, "dropped" only in the replay).
 *
 * Names: a relation, type, sequence or function is `schema.name`, without `public.` (`authors`,
 * `Sales.Orders`); what belongs to a relation — column, constraint, index, trigger — is
 * `<relation>.<name>` (`authors.email`, `Sales.Orders.Orders_pkey`); a function adds its input
 * argument types, as `DROP FUNCTION` names it (`add(integer, integer)`), so renaming an argument or
 * changing a default alters that function; an enum value is `<enum>.<value>`. Names are unquoted.
 *
 * A relation added or dropped is one entry: its columns, constraints, indexes and triggers are not
 * listed again, nor the sequences its columns own (a serial's sequence goes with its column too).
 * Objects in an added or dropped schema are listed: dropping a schema drops them all.
 * An object's detail is the same whether it was added or dropped, so diff(b, a) is diff(a, b) with
 * `added` and `dropped` swapped.
 */
import { compareText } from './snapshot.js'
import type {
  CatalogArgument,
  CatalogColumn,
  CatalogConstraint,
  CatalogEnum,
  CatalogExtension,
  CatalogFunction,
  CatalogIndex,
  CatalogRelation,
  CatalogSequence,
  CatalogSnapshot,
  CatalogTrigger,
  QualifiedName,
} from './types.js'

export type SchemaChangeKind =
  | 'schema'
  | 'table'
  | 'view'
  | 'materialized view'
  | 'column'
  | 'constraint'
  | 'index'
  | 'function'
  | 'enum'
  | 'enum value'
  | 'trigger'
  | 'sequence'
  | 'extension'

export interface SchemaChange {
  kind: SchemaChangeKind
  name: string
  /** Short and human: `integer → bigint`, `NOT NULL added`, `default now() → none`. */
  detail: string
}

export interface SchemaChanges {
  added: SchemaChange[]
  dropped: SchemaChange[]
  altered: SchemaChange[]
}

/** The order entries are listed in: containers first, then what they contain. */
const KIND_ORDER: readonly SchemaChangeKind[] = [
  'extension',
  'schema',
  'enum',
  'enum value',
  'sequence',
  'table',
  'view',
  'materialized view',
  'column',
  'constraint',
  'index',
  'trigger',
  'function',
]

/** `authors` for `public.authors`, `Sales.Orders` otherwise. */
export const displayName = (q: QualifiedName): string =>
  q.schema === 'public' ? q.name : `${q.schema}.${q.name}`

const relationChangeKind = (r: CatalogRelation): SchemaChangeKind =>
  r.kind === 'view' ? 'view' : r.kind === 'materialized view' ? 'materialized view' : 'table'

interface Paired<T> {
  added: T[]
  dropped: T[]
  both: [before: T, after: T][]
}

function pair<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): Paired<T> {
  const old = new Map(before.map((b) => [key(b), b]))
  const out: Paired<T> = { added: [], dropped: [], both: [] }
  const seen = new Set<string>()
  for (const a of after) {
    const k = key(a)
    seen.add(k)
    const b = old.get(k)
    if (b === undefined) out.added.push(a)
    else out.both.push([b, a])
  }
  for (const [k, b] of old) if (!seen.has(k)) out.dropped.push(b)
  return out
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
const or = (text: string | undefined, none = 'none'): string => text ?? none

// — what an object is, in a few words (the same text whether it was added or dropped) —

function describeRelation(r: CatalogRelation): string {
  const columns = plural(r.columns.length, 'column')
  if (r.kind === 'partitioned table') return `partitioned, ${columns}`
  if (r.kind === 'foreign table') return `foreign, ${columns}`
  return columns
}

const parenthesised = (expr: string): string => (expr.startsWith('(') ? expr : `(${expr})`)

function describeColumn(c: CatalogColumn): string {
  const parts = [c.type]
  if (!c.nullable) parts.push('NOT NULL')
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`)
  if (c.identity) parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`)
  if (c.generated !== undefined) parts.push(`GENERATED ALWAYS AS ${parenthesised(c.generated)}`)
  return parts.join(' ')
}

/** `pg_get_constraintdef` without the ` NOT VALID` that `validated` already says. */
const constraintBody = (c: CatalogConstraint): string => c.definition.replace(/ NOT VALID$/, '')

const describeConstraint = (c: CatalogConstraint): string =>
  c.validated ? c.definition : `${constraintBody(c)} NOT VALID`

/** `btree (lower(email)) WHERE …` out of `CREATE UNIQUE INDEX x ON t USING btree (lower(email)) WHERE …`. */
function indexBody(i: CatalogIndex): string {
  const on = i.definition.indexOf(' ON ')
  const using = i.definition.indexOf(' USING ', on < 0 ? 0 : on)
  return using < 0 ? i.definition : i.definition.slice(using + ' USING '.length)
}

function describeIndex(i: CatalogIndex): string {
  const prefix = i.primary ? 'primary key, ' : i.unique ? 'unique, ' : ''
  return `${prefix}${indexBody(i)}${i.valid ? '' : ' (invalid)'}`
}

/** `BEFORE UPDATE ON … EXECUTE FUNCTION touch()`: the definition without `CREATE TRIGGER <name>`. */
const triggerBody = (t: CatalogTrigger): string =>
  t.definition.replace(/^CREATE (?:CONSTRAINT )?TRIGGER (?:"(?:[^"]|"")*"|\S+) /, '')

const describeTrigger = (t: CatalogTrigger): string => `${triggerBody(t)}${t.enabled ? '' : ' (disabled)'}`

const returnsOf = (f: CatalogFunction): string => `${f.returns.setOf ? 'SETOF ' : ''}${f.returns.type}`

function describeFunction(f: CatalogFunction): string {
  const parts: string[] = []
  if (f.kind !== 'function') parts.push(f.kind)
  if (f.kind !== 'procedure') parts.push(`returns ${returnsOf(f)}`)
  parts.push(f.language, f.volatility)
  return parts.join(', ')
}

const argumentText = (a: CatalogArgument): string =>
  [a.mode === 'in' ? '' : a.mode.toUpperCase(), a.name ?? '', a.type, a.hasDefault ? 'DEFAULT …' : '']
    .filter((p) => p !== '')
    .join(' ')

const signatureOf = (f: CatalogFunction): string => `(${f.arguments.map(argumentText).join(', ')})`

const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`

const describeEnum = (e: CatalogEnum): string => e.values.map(quoted).join(', ')

const ownerText = (s: CatalogSequence): string | undefined =>
  s.ownedBy && `owned by ${displayName(s.ownedBy)}.${s.ownedBy.column}`

const describeExtension = (x: CatalogExtension): string => `version ${x.version}, in schema ${x.schema}`

// — keys —

const relationKey = (r: CatalogRelation): string => `${relationChangeKind(r)}\0${r.schema}\0${r.name}`
const qualifiedKey = (q: QualifiedName): string => `${q.schema}\0${q.name}`

/** Overloads differ by their input argument types only (PostgreSQL's own rule), not by names or OUT ones. */
const inputTypes = (f: CatalogFunction): string =>
  f.arguments
    .filter((a) => a.mode === 'in' || a.mode === 'inout' || a.mode === 'variadic')
    .map((a) => a.type)
    .join(', ')

/** `add(integer, integer)`, as `DROP FUNCTION` names it: the same on both sides of a change. */
const functionName = (f: CatalogFunction): string => `${displayName(f)}(${inputTypes(f)})`
const functionKey = (f: CatalogFunction): string => `${f.schema}\0${functionName(f)}`

/** One entry per changed thing; `before → after` for a value that changed. */
function changed(label: string, before: string | undefined, after: string | undefined): string[] {
  return before === after ? [] : [`${label}${or(before)} → ${or(after)}`]
}

class Changes {
  readonly result: SchemaChanges = { added: [], dropped: [], altered: [] }

  added(kind: SchemaChangeKind, name: string, detail: string): void {
    this.result.added.push({ kind, name, detail })
  }
  dropped(kind: SchemaChangeKind, name: string, detail: string): void {
    this.result.dropped.push({ kind, name, detail })
  }
  altered(kind: SchemaChangeKind, name: string, details: string[]): void {
    if (details.length > 0) this.result.altered.push({ kind, name, detail: details.join('; ') })
  }

  /** Added and dropped as pairs of one kind: each described by `describe`. */
  addedAndDropped<T>(
    kind: SchemaChangeKind,
    p: Paired<T>,
    name: (t: T) => string,
    describe: (t: T) => string,
  ) {
    for (const t of p.added) this.added(kind, name(t), describe(t))
    for (const t of p.dropped) this.dropped(kind, name(t), describe(t))
  }

  sorted(): SchemaChanges {
    const order = (a: SchemaChange, b: SchemaChange): number =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.name, b.name)
    return {
      added: this.result.added.sort(order),
      dropped: this.result.dropped.sort(order),
      altered: this.result.altered.sort(order),
    }
  }
}

function columnChanges(before: CatalogColumn, after: CatalogColumn): string[] {
  const details = before.type === after.type ? [] : [`${before.type} → ${after.type}`]
  if (before.nullable && !after.nullable) details.push('NOT NULL added')
  if (!before.nullable && after.nullable) details.push('NOT NULL dropped')
  details.push(...changed('default ', before.default, after.default))
  details.push(...changed('identity ', before.identity, after.identity))
  details.push(...changed('generated ', before.generated, after.generated))
  return details
}

function constraintChanges(before: CatalogConstraint, after: CatalogConstraint): string[] {
  const details = changed('', constraintBody(before), constraintBody(after))
  if (before.kind !== after.kind) details.unshift(`${before.kind} → ${after.kind}`)
  if (!before.validated && after.validated) details.push('now validated')
  if (before.validated && !after.validated) details.push('no longer validated')
  return details
}

function indexChanges(before: CatalogIndex, after: CatalogIndex): string[] {
  const details = before.definition === after.definition ? [] : [`${indexBody(before)} → ${indexBody(after)}`]
  if (!before.valid && after.valid) details.push('now valid')
  if (before.valid && !after.valid) details.push('invalid')
  return details
}

function triggerChanges(before: CatalogTrigger, after: CatalogTrigger): string[] {
  const details = changed('', triggerBody(before), triggerBody(after))
  if (before.enabled && !after.enabled) details.push('disabled')
  if (!before.enabled && after.enabled) details.push('enabled')
  return details
}

const columnList = (r: CatalogRelation): string => r.columns.map((c) => `${c.name} ${c.type}`).join(', ')

function relationChanges(out: Changes, before: CatalogRelation, after: CatalogRelation): void {
  const name = displayName(after)
  const kind = relationChangeKind(after)
  const details: string[] = []
  if (before.kind !== after.kind) details.push(`${before.kind} → ${after.kind}`)
  if (before.definition !== after.definition) details.push('definition changed')
  if (kind !== 'table' && columnList(before) !== columnList(after)) {
    details.push(`columns (${columnList(before)}) → (${columnList(after)})`)
  }
  if (before.comment !== after.comment) details.push('comment changed')
  out.altered(kind, name, details)

  const member = (n: { name: string }): string => `${name}.${n.name}`
  if (kind === 'table') {
    const columns = pair(before.columns, after.columns, (c) => c.name)
    out.addedAndDropped('column', columns, member, describeColumn)
    for (const [b, a] of columns.both) out.altered('column', member(a), columnChanges(b, a))
  }
  const constraints = pair(before.constraints, after.constraints, (c) => c.name)
  out.addedAndDropped('constraint', constraints, member, describeConstraint)
  for (const [b, a] of constraints.both) out.altered('constraint', member(a), constraintChanges(b, a))
  const indexes = pair(before.indexes, after.indexes, (i) => i.name)
  out.addedAndDropped('index', indexes, member, describeIndex)
  for (const [b, a] of indexes.both) out.altered('index', member(a), indexChanges(b, a))
  const triggers = pair(before.triggers, after.triggers, (t) => t.name)
  out.addedAndDropped('trigger', triggers, member, describeTrigger)
  for (const [b, a] of triggers.both) out.altered('trigger', member(a), triggerChanges(b, a))
}

function functionChanges(before: CatalogFunction, after: CatalogFunction): string[] {
  const details: string[] = []
  if (before.kind !== after.kind) details.push(`${before.kind} → ${after.kind}`)
  details.push(...changed('arguments ', signatureOf(before), signatureOf(after)))
  details.push(...changed('returns ', returnsOf(before), returnsOf(after)))
  details.push(...changed('', before.volatility, after.volatility))
  details.push(...changed('language ', before.language, after.language))
  if (before.source !== after.source) details.push('body changed')
  return details
}

/** Where a value sits in its enum: the same text whichever side it is on. */
const valuePlace = (values: string[], i: number): string =>
  i === 0 ? 'first' : `after ${quoted(values[i - 1])}`

function enumChanges(out: Changes, before: CatalogEnum, after: CatalogEnum): void {
  const name = displayName(after)
  const was = new Set(before.values)
  const is = new Set(after.values)
  after.values.forEach((v, i) => {
    if (!was.has(v)) out.added('enum value', `${name}.${v}`, valuePlace(after.values, i))
  })
  before.values.forEach((v, i) => {
    if (!is.has(v)) out.dropped('enum value', `${name}.${v}`, valuePlace(before.values, i))
  })
  const kept = (values: string[], other: Set<string>): string[] => values.filter((v) => other.has(v))
  const order = (values: string[]): string => values.map(quoted).join(', ')
  out.altered(
    'enum',
    name,
    changed('values ', order(kept(before.values, is)), order(kept(after.values, was))),
  )
}

/** Sequences owned by a column that comes or goes (alone or with its table) come and go with it. */
function ownedByChanged(
  sequence: CatalogSequence,
  relations: CatalogRelation[],
  columns: Set<string>,
): boolean {
  const owner = sequence.ownedBy
  if (!owner) return false
  return (
    relations.some((r) => r.schema === owner.schema && r.name === owner.name) ||
    columns.has(`${owner.schema}\0${owner.name}\0${owner.column}`)
  )
}

export function diffSnapshots(before: CatalogSnapshot, after: CatalogSnapshot): SchemaChanges {
  const out = new Changes()

  out.addedAndDropped(
    'schema',
    pair(before.schemas, after.schemas, (s) => s),
    (s) => s,
    () => '',
  )

  const extensions = pair(before.extensions, after.extensions, (x) => x.name)
  out.addedAndDropped('extension', extensions, (x) => x.name, describeExtension)
  for (const [b, a] of extensions.both) {
    out.altered('extension', a.name, [
      ...changed('version ', b.version, a.version),
      ...changed('schema ', b.schema, a.schema),
    ])
  }

  const relations = pair(before.relations, after.relations, relationKey)
  for (const r of relations.added) out.added(relationChangeKind(r), displayName(r), describeRelation(r))
  for (const r of relations.dropped) out.dropped(relationChangeKind(r), displayName(r), describeRelation(r))
  for (const [b, a] of relations.both) relationChanges(out, b, a)

  const functions = pair(before.functions, after.functions, functionKey)
  out.addedAndDropped('function', functions, functionName, describeFunction)
  for (const [b, a] of functions.both) out.altered('function', functionName(a), functionChanges(b, a))

  const enums = pair(before.enums, after.enums, qualifiedKey)
  out.addedAndDropped('enum', enums, displayName, describeEnum)
  for (const [b, a] of enums.both) enumChanges(out, b, a)

  // Columns added to or dropped from a table that stays: their sequences are not listed apart.
  const columnKeys = (side: 'added' | 'dropped'): Set<string> =>
    new Set(
      relations.both.flatMap(([b, a]) => {
        const p = pair(b.columns, a.columns, (c) => c.name)
        return p[side].map((c) => `${a.schema}\0${a.name}\0${c.name}`)
      }),
    )
  const sequences = pair(before.sequences, after.sequences, qualifiedKey)
  const addedColumns = columnKeys('added')
  const droppedColumns = columnKeys('dropped')
  for (const s of sequences.added) {
    if (!ownedByChanged(s, relations.added, addedColumns))
      out.added('sequence', displayName(s), or(ownerText(s), ''))
  }
  for (const s of sequences.dropped) {
    if (!ownedByChanged(s, relations.dropped, droppedColumns))
      out.dropped('sequence', displayName(s), or(ownerText(s), ''))
  }
  for (const [b, a] of sequences.both)
    out.altered('sequence', displayName(a), changed('', ownerText(b), ownerText(a)))

  return out.sorted()
}
