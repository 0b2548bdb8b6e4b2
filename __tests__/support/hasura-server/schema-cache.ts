/**
 * The part of Hasura's schema cache build that decides consistency: every tracked table, function and
 * relationship is checked against the source database, and what does not resolve becomes an
 * inconsistent object with Hasura's reason text (fixtures: replace_metadata_allow_inconsistent_inconsistent,
 * inconsistent_objects/expectation, get_inconsistent_metadata_test/*.golden.json).
 */
import type pg from 'pg'
import type { Metadata } from './catalog.js'
import {
  isObject,
  qualified,
  qualifiedText,
  sourcesOf,
  type QualifiedName,
  type Source,
} from './metadata-format.js'

export interface InconsistentObject {
  definition: unknown
  reason: string
  name: string
  type: string
}

/** A source's pool, or why it cannot be used. */
export type SourceResolver = (source: Source) => pg.Pool | { error: string }

interface Catalog {
  relations: Set<string>
  functions: Set<string>
  /** `schema.table:col1,col2` → referenced table. */
  foreignKeys: Map<string, QualifiedName>
}

const key = (q: QualifiedName): string => `${q.schema}.${q.name}`

async function loadCatalog(pool: pg.Pool): Promise<Catalog> {
  const rel = await pool.query<{ s: string; n: string }>(
    `SELECT n.nspname AS s, c.relname AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','v','m','f','p')`,
  )
  const fn = await pool.query<{ s: string; n: string }>(
    'SELECT n.nspname AS s, p.proname AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace',
  )
  const fk = await pool.query<{ s: string; t: string; cols: string; rs: string; rt: string }>(
    `SELECT cn.nspname AS s, c.relname AS t, string_agg(a.attname, ',' ORDER BY a.attname) AS cols,
            fn.nspname AS rs, f.relname AS rt
       FROM pg_constraint r
       JOIN pg_class c ON c.oid = r.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class f ON f.oid = r.confrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
       JOIN pg_attribute a ON a.attrelid = r.conrelid AND a.attnum = ANY (r.conkey)
      WHERE r.contype = 'f'
      GROUP BY r.oid, cn.nspname, c.relname, fn.nspname, f.relname`,
  )
  return {
    relations: new Set(rel.rows.map((r) => `${r.s}.${r.n}`)),
    functions: new Set(fn.rows.map((r) => `${r.s}.${r.n}`)),
    foreignKeys: new Map(fk.rows.map((r) => [`${r.s}.${r.t}:${r.cols}`, { schema: r.rs, name: r.rt }])),
  }
}

const columnsOf = (v: unknown): string[] | undefined => {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v) && v.every((c) => typeof c === 'string')) return v
  if (isObject(v)) return columnsOf(v.column ?? v.columns)
  return undefined
}

/** The relationship's definition as Hasura reports it: table references spelled out as {schema,name}. */
function relationshipDefinition(
  rel: Record<string, unknown>,
  source: string,
  table: QualifiedName,
): Record<string, unknown> {
  let using = rel.using
  if (
    isObject(using) &&
    isObject(using.foreign_key_constraint_on) &&
    'table' in using.foreign_key_constraint_on
  ) {
    const fkOn = using.foreign_key_constraint_on
    using = { ...using, foreign_key_constraint_on: { ...fkOn, table: qualified(fkOn.table) } }
  }
  return { using, name: rel.name, source, comment: rel.comment ?? null, table }
}

function remoteTableOf(rel: Record<string, unknown>): QualifiedName | undefined {
  const using = isObject(rel.using) ? rel.using : {}
  if (isObject(using.manual_configuration) && using.manual_configuration.remote_table !== undefined) {
    return qualified(using.manual_configuration.remote_table)
  }
  if (isObject(using.foreign_key_constraint_on) && using.foreign_key_constraint_on.table !== undefined) {
    return qualified(using.foreign_key_constraint_on.table)
  }
  return undefined
}

async function checkSource(source: Source, resolve: SourceResolver): Promise<InconsistentObject[]> {
  const out: InconsistentObject[] = []
  const pool = resolve(source)
  if (!('query' in pool)) {
    return [
      {
        definition: source.name,
        reason: `Inconsistent object: ${pool.error}`,
        name: `source ${source.name}`,
        type: 'source',
      },
    ]
  }
  let catalog: Catalog
  try {
    catalog = await loadCatalog(pool)
  } catch (e) {
    const reason = `Inconsistent object: connection error: ${(e as Error).message}`
    return [{ definition: source.name, reason, name: `source ${source.name}`, type: 'source' }]
  }
  const tracked = new Set<string>()
  const tables = (source.tables ?? []).map((t) => ({ entry: t, name: qualified(t.table) }))
  for (const { name } of tables) {
    if (catalog.relations.has(key(name))) tracked.add(key(name))
    else {
      const qt = qualifiedText(name)
      out.push({
        definition: name,
        reason: `Inconsistent object: no such table/view exists in source: "${qt}"`,
        name: `table ${qt} in source ${source.name}`,
        type: 'table',
      })
    }
  }
  for (const { entry, name } of tables) {
    if (!tracked.has(key(name))) continue
    const qt = qualifiedText(name)
    const kinds = [
      ['object_relationships', 'object_relation'],
      ['array_relationships', 'array_relation'],
    ] as const
    for (const [field, type] of kinds) {
      const rels = Array.isArray(entry[field]) ? (entry[field] as Record<string, unknown>[]) : []
      for (const rel of rels) {
        const reason = relationshipProblem(rel, type, name, catalog, tracked, source.name)
        if (!reason) continue
        out.push({
          definition: relationshipDefinition(rel, source.name, name),
          reason: `Inconsistent object: ${reason}`,
          name: `${type} ${String(rel.name)} in table ${qt} in source ${source.name}`,
          type,
        })
      }
    }
  }
  for (const f of source.functions ?? []) {
    const name = qualified(f.function)
    if (!catalog.functions.has(key(name))) {
      const qf = qualifiedText(name)
      out.push({
        definition: f,
        // handleMultipleFunctions in graphql-engine's server sources (not in the fixtures).
        reason: `Inconsistent object: no such function exists: "${qf}"`,
        name: `function ${qf} in source ${source.name}`,
        type: 'function',
      })
    }
  }
  return out
}

function relationshipProblem(
  rel: Record<string, unknown>,
  type: 'object_relation' | 'array_relation',
  table: QualifiedName,
  catalog: Catalog,
  tracked: Set<string>,
  source: string,
): string | undefined {
  const prefix = `in table "${qualifiedText(table)}": in relationship "${String(rel.name)}": `
  let remote = remoteTableOf(rel)
  if (!remote && type === 'object_relation') {
    const using = isObject(rel.using) ? rel.using : {}
    const cols = columnsOf(using.foreign_key_constraint_on)
    if (!cols) return `${prefix}no foreign key constraint or manual configuration given`
    remote = catalog.foreignKeys.get(`${key(table)}:${[...cols].sort().join(',')}`)
    if (!remote) return `${prefix}no foreign constraint exists on the given column(s)`
  }
  if (!remote) return undefined
  if (!catalog.relations.has(key(remote))) {
    return `${prefix}table "${qualifiedText(remote)}" does not exist in source: ${source}`
  }
  if (!tracked.has(key(remote))) return `table "${qualifiedText(remote)}" is not tracked`
  return undefined
}

export async function inconsistentObjects(
  m: Metadata,
  resolve: SourceResolver,
): Promise<InconsistentObject[]> {
  const all: InconsistentObject[] = []
  for (const s of sourcesOf(m)) all.push(...(await checkSource(s, resolve)))
  return all
}

/** Tracked tables of a source that no longer exist, and the relationships elsewhere that point at them. */
export async function droppedTrackedTables(
  source: Source,
  db: Pick<pg.ClientBase, 'query'>,
): Promise<{ dropped: QualifiedName[]; dependents: string[] }> {
  const tables = (source.tables ?? []).map((t) => ({ entry: t, name: qualified(t.table) }))
  if (!tables.length) return { dropped: [], dependents: [] }
  const r = await db.query<{ k: string }>(
    `SELECT n.nspname || '.' || c.relname AS k FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','v','m','f','p')`,
  )
  const present = new Set(r.rows.map((row) => row.k))
  const dropped = tables.filter((t) => !present.has(key(t.name))).map((t) => t.name)
  const droppedKeys = new Set(dropped.map(key))
  const dependents: string[] = []
  for (const { entry, name } of tables) {
    if (droppedKeys.has(key(name))) continue
    for (const field of ['object_relationships', 'array_relationships']) {
      const rels = Array.isArray(entry[field]) ? (entry[field] as Record<string, unknown>[]) : []
      for (const rel of rels) {
        const remote = remoteTableOf(rel)
        if (remote && droppedKeys.has(key(remote))) {
          dependents.push(
            `relationship ${qualifiedText(name)}.${String(rel.name)} in source "${source.name}"`,
          )
        }
      }
    }
  }
  return { dropped, dependents }
}
