/**
 * Hand-built catalog snapshots for the metadata-verifier tests: tables by `schema.name` with columns
 * by type name, primary and foreign keys, functions by argument and return types.
 */
import type {
  CatalogArgument,
  CatalogColumn,
  CatalogConstraint,
  CatalogFunction,
  CatalogRelation,
  CatalogSnapshot,
  QualifiedName,
  RelationKind,
} from '../../src/catalog/types.js'

/** `int4`, `text` → pg_catalog; `public.author` (a row type) or `public.mood` as written. */
export function typeRef(type: string): QualifiedName {
  const dot = type.indexOf('.')
  return dot < 0
    ? { schema: 'pg_catalog', name: type }
    : { schema: type.slice(0, dot), name: type.slice(dot + 1) }
}

export function qualified(name: string): QualifiedName {
  const dot = name.indexOf('.')
  return dot < 0 ? { schema: 'public', name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) }
}

export interface TableSpec {
  /** column → type name (`int4`, `text`, `public.mood`). */
  columns: Record<string, string>
  primaryKey?: string[]
  foreignKeys?: { name?: string; columns: string[]; references: string; referencedColumns: string[] }[]
  kind?: RelationKind
}

export function relation(name: string, spec: TableSpec): CatalogRelation {
  const q = qualified(name)
  const columns: CatalogColumn[] = Object.entries(spec.columns).map(([n, t]) => ({
    name: n,
    type: t,
    typeRef: typeRef(t),
    nullable: !(spec.primaryKey ?? []).includes(n),
  }))
  const constraints: CatalogConstraint[] = []
  if (spec.primaryKey) {
    constraints.push({
      name: `${q.name}_pkey`,
      kind: 'primary key',
      columns: spec.primaryKey,
      definition: `PRIMARY KEY (${spec.primaryKey.join(', ')})`,
      validated: true,
    })
  }
  for (const fk of spec.foreignKeys ?? []) {
    const ref = qualified(fk.references)
    constraints.push({
      name: fk.name ?? `${q.name}_${fk.columns.join('_')}_fkey`,
      kind: 'foreign key',
      columns: fk.columns,
      definition: `FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES ${fk.references}(${fk.referencedColumns.join(', ')})`,
      validated: true,
      references: { ...ref, columns: fk.referencedColumns },
    })
  }
  constraints.sort((a, b) => (a.name < b.name ? -1 : 1))
  return { ...q, kind: spec.kind ?? 'table', columns, constraints, indexes: [], triggers: [] }
}

export interface FunctionSpec {
  arguments: { name?: string; type: string; mode?: CatalogArgument['mode'] }[]
  returns: string
  setOf?: boolean
  volatility?: CatalogFunction['volatility']
}

export function fn(name: string, spec: FunctionSpec): CatalogFunction {
  const q = qualified(name)
  return {
    ...q,
    kind: 'function',
    arguments: spec.arguments.map((a) => ({
      name: a.name,
      mode: a.mode ?? 'in',
      type: a.type,
      typeRef: typeRef(a.type),
      hasDefault: false,
    })),
    identityArguments: spec.arguments.map((a) => a.type).join(', '),
    returns: { type: spec.returns, typeRef: typeRef(spec.returns), setOf: spec.setOf ?? false },
    volatility: spec.volatility ?? 'stable',
    language: 'sql',
    source: 'select 1',
  }
}

export function snapshot(relations: CatalogRelation[], functions: CatalogFunction[] = []): CatalogSnapshot {
  const byName = (a: QualifiedName, b: QualifiedName) =>
    a.schema === b.schema ? (a.name < b.name ? -1 : 1) : a.schema < b.schema ? -1 : 1
  return {
    serverVersion: 150000,
    schemas: [...new Set(relations.map((r) => r.schema))].sort(),
    relations: [...relations].sort(byName),
    functions: [...functions].sort(byName),
    enums: [],
    sequences: [],
    extensions: [],
  }
}
