/**
 * Taking a catalog snapshot: `SNAPSHOT_SQL` on any SQL target, then `parseSnapshot` turns its one text
 * cell into a `CatalogSnapshot` — codes mapped to words, lists sorted by code unit (not by any server's
 * collation), absent fields absent (never `null`) — so equal schemas give deep-equal snapshots.
 * `takeSnapshot` also rewrites view definitions read from PostgreSQL before 16 into the form later
 * servers print (see view-definition.ts); that needs the SQL parser, hence outside `parseSnapshot`.
 */
import { TargetError } from '../errors.js'
import { SNAPSHOT_SQL } from './snapshot-sql.js'
import { UNQUALIFIED_VIEWDEF_VERSION, unqualifyLegacyViewDefinition } from './view-definition.js'
import type {
  ArgumentMode,
  CatalogArgument,
  CatalogColumn,
  CatalogConstraint,
  CatalogFunction,
  CatalogIndex,
  CatalogRelation,
  CatalogSnapshot,
  CatalogTrigger,
  ConstraintKind,
  QualifiedName,
  RelationKind,
} from './types.js'

export { SNAPSHOT_SQL } from './snapshot-sql.js'

/** Runs `sql` (one statement, one row, one column) and answers that cell's text. */
export type SnapshotQuery = (sql: string) => Promise<string>

export async function takeSnapshot(query: SnapshotQuery): Promise<CatalogSnapshot> {
  const snapshot = parseSnapshot(await query(SNAPSHOT_SQL))
  if (snapshot.serverVersion < UNQUALIFIED_VIEWDEF_VERSION) {
    for (const relation of snapshot.relations) {
      if (relation.definition !== undefined)
        relation.definition = await unqualifyLegacyViewDefinition(relation.definition)
    }
  }
  return snapshot
}

// The JSON as SNAPSHOT_SQL builds it: PostgreSQL's codes, `null` where a thing is absent.
interface RawColumn {
  name: string
  type: string
  typeSchema: string
  typeName: string
  notNull: boolean
  generated: string
  expression: string | null
  identity: string
}
interface RawConstraint {
  name: string
  kind: string
  columns: string[]
  definition: string
  validated: boolean
  references: (QualifiedName & { columns: string[] }) | null
}
interface RawTrigger {
  name: string
  definition: string
  functionSchema: string
  functionName: string
  enabled: boolean
}
interface RawRelation {
  schema: string
  name: string
  kind: string
  columns: RawColumn[]
  constraints: RawConstraint[]
  indexes: CatalogIndex[]
  triggers: RawTrigger[]
  definition: string | null
  comment: string | null
}
interface RawArgument {
  name: string | null
  mode: string
  type: string
  typeSchema: string | null
  typeName: string | null
}
interface RawFunction {
  schema: string
  name: string
  kind: string
  arguments: RawArgument[]
  defaults: number
  identityArguments: string
  returnType: string
  returnSchema: string | null
  returnName: string | null
  setOf: boolean
  volatility: string
  language: string
  source: string
}
interface RawSnapshot {
  serverVersion: number
  schemas: string[]
  relations: RawRelation[]
  functions: RawFunction[]
  enums: { schema: string; name: string; values: string[] }[]
  sequences: { schema: string; name: string; ownedBy: (QualifiedName & { column: string }) | null }[]
  extensions: { name: string; schema: string; version: string }[]
}

const RELATION_KINDS: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
}
const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  p: 'primary key',
  u: 'unique',
  f: 'foreign key',
  c: 'check',
  x: 'exclusion',
}
const FUNCTION_KINDS: Record<string, CatalogFunction['kind']> = {
  f: 'function',
  p: 'procedure',
  a: 'aggregate',
  w: 'window',
}
const ARGUMENT_MODES: Record<string, ArgumentMode> = {
  i: 'in',
  o: 'out',
  b: 'inout',
  v: 'variadic',
  t: 'table',
}
const VOLATILITIES: Record<string, CatalogFunction['volatility']> = {
  i: 'immutable',
  s: 'stable',
  v: 'volatile',
}

/** Code-unit order: the same on every machine and server, unlike a collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const byName = <T extends { name: string }>(a: T, b: T): number => compareText(a.name, b.name)
const byQualifiedName = <T extends QualifiedName>(a: T, b: T): number =>
  compareText(a.schema, b.schema) || compareText(a.name, b.name)

function mapped<T>(table: Record<string, T>, code: string, what: string): T {
  const value = table[code]
  if (value === undefined) throw new TargetError(`reading the catalog snapshot: unknown ${what} '${code}'`)
  return value
}

/** `{schema, name}` of a type; an unknown type (a dropped one, in theory) keeps its text as its name. */
const typeRef = (schema: string | null, name: string | null, text: string): QualifiedName => ({
  schema: schema ?? '',
  name: name ?? text,
})

function column(raw: RawColumn): CatalogColumn {
  const c: CatalogColumn = {
    name: raw.name,
    type: raw.type,
    typeRef: typeRef(raw.typeSchema, raw.typeName, raw.type),
    nullable: !raw.notNull,
  }
  if (raw.expression !== null) {
    if (raw.generated === '') c.default = raw.expression
    else c.generated = raw.expression
  }
  if (raw.identity === 'a') c.identity = 'always'
  else if (raw.identity === 'd') c.identity = 'by default'
  return c
}

function constraint(raw: RawConstraint): CatalogConstraint {
  const c: CatalogConstraint = {
    name: raw.name,
    kind: mapped(CONSTRAINT_KINDS, raw.kind, 'constraint kind'),
    columns: raw.columns,
    definition: raw.definition,
    validated: raw.validated,
  }
  if (raw.references) c.references = raw.references
  return c
}

const trigger = (raw: RawTrigger): CatalogTrigger => ({
  name: raw.name,
  definition: raw.definition,
  function: { schema: raw.functionSchema, name: raw.functionName },
  enabled: raw.enabled,
})

const index = (raw: CatalogIndex): CatalogIndex => ({
  name: raw.name,
  unique: raw.unique,
  primary: raw.primary,
  columns: raw.columns,
  definition: raw.definition,
  valid: raw.valid,
})

function relation(raw: RawRelation): CatalogRelation {
  const r: CatalogRelation = {
    schema: raw.schema,
    name: raw.name,
    kind: mapped(RELATION_KINDS, raw.kind, 'relation kind'),
    columns: raw.columns.map(column),
    constraints: raw.constraints.map(constraint).sort(byName),
    indexes: raw.indexes.map(index).sort(byName),
    triggers: raw.triggers.map(trigger).sort(byName),
  }
  if (raw.definition !== null) r.definition = raw.definition
  if (raw.comment !== null) r.comment = raw.comment
  return r
}

/** The last `defaults` input arguments (in, inout, variadic) have a default. */
function argumentsOf(raw: RawFunction): CatalogArgument[] {
  const args = raw.arguments.map((a): CatalogArgument => {
    const arg: CatalogArgument = {
      mode: mapped(ARGUMENT_MODES, a.mode, 'argument mode'),
      type: a.type,
      typeRef: typeRef(a.typeSchema, a.typeName, a.type),
      hasDefault: false,
    }
    if (a.name !== null && a.name !== '') arg.name = a.name
    return arg
  })
  let left = raw.defaults
  for (let i = args.length - 1; i >= 0 && left > 0; i--) {
    if (args[i].mode === 'in' || args[i].mode === 'inout' || args[i].mode === 'variadic') {
      args[i].hasDefault = true
      left--
    }
  }
  return args
}

const func = (raw: RawFunction): CatalogFunction => ({
  schema: raw.schema,
  name: raw.name,
  kind: mapped(FUNCTION_KINDS, raw.kind, 'function kind'),
  arguments: argumentsOf(raw),
  identityArguments: raw.identityArguments,
  returns: {
    type: raw.returnType,
    typeRef: typeRef(raw.returnSchema, raw.returnName, raw.returnType),
    setOf: raw.setOf,
  },
  volatility: mapped(VOLATILITIES, raw.volatility, 'volatility'),
  language: raw.language,
  source: raw.source,
})

/** Parses and normalises the text `SNAPSHOT_SQL` answers. */
export function parseSnapshot(text: string): CatalogSnapshot {
  let raw: RawSnapshot
  try {
    raw = JSON.parse(text) as RawSnapshot
  } catch {
    throw new TargetError('reading the catalog snapshot: the database answered something that is not JSON')
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.relations)) {
    throw new TargetError('reading the catalog snapshot: the answer has no relations')
  }
  return {
    serverVersion: raw.serverVersion,
    schemas: [...raw.schemas].sort(compareText),
    relations: raw.relations.map(relation).sort(byQualifiedName),
    functions: raw.functions
      .map(func)
      .sort((a, b) => byQualifiedName(a, b) || compareText(a.identityArguments, b.identityArguments)),
    enums: raw.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values })).sort(byQualifiedName),
    sequences: raw.sequences
      .map((s) => ({ schema: s.schema, name: s.name, ...(s.ownedBy ? { ownedBy: s.ownedBy } : {}) }))
      .sort(byQualifiedName),
    extensions: raw.extensions
      .map((x) => ({ name: x.name, schema: x.schema, version: x.version }))
      .sort(byName),
  }
}
