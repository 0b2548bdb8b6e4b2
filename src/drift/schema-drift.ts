/**
 * Schema drift: the target's schema against the schema its applied versions define (replay.ts). Pure.
 * Each difference is one item — only in the target (added by hand), only in the replay (dropped by hand),
 * or different (changed by hand) — named as the schema-change report names objects (`diffSnapshots`).
 *
 * What Hasura itself puts in a database is not drift: its schemas (`hdb_catalog`, v1's `hdb_views`, the
 * enterprise `hdb_pro_catalog`), the triggers its event triggers add to user tables, the `pgcrypto`
 * extension it creates for its catalog, and this action's own schema.
 */
import { diffSnapshots, type SchemaChange, type SchemaChangeKind } from '../catalog/diff.js'
import type { CatalogSnapshot, CatalogTrigger } from '../catalog/types.js'

export const HASURA_SCHEMAS: readonly string[] = [
  'hdb_catalog',
  'hdb_views',
  'hdb_pro_catalog',
  'hasura_migrate_action',
]
/** Hasura creates it (for `gen_random_uuid` on older servers) in a database that holds its catalog. */
const HASURA_EXTENSION = 'pgcrypto'

export type DriftPlace = 'only-in-target' | 'only-in-replay' | 'different'

export interface SchemaDriftItem {
  where: DriftPlace
  kind: SchemaChangeKind
  /** As in the schema changes: `users`, `users.hand_added`, `Sales.Orders.Orders_pkey`, `add(integer)`. */
  name: string
  /** What it is (`integer NOT NULL`), or for `different`, target against replay (`default 0 → 1`). */
  detail: string
}

const hasuraSchema = (schema: string): boolean => HASURA_SCHEMAS.includes(schema)

/** Event triggers: `notify_hasura_<name>_<OP>` calling Hasura's function in its own schema. */
const hasuraTrigger = (t: CatalogTrigger): boolean =>
  hasuraSchema(t.function.schema) || t.name.startsWith('notify_hasura_')

/** The snapshot without what Hasura and this action own. */
export function withoutHasura(s: CatalogSnapshot): CatalogSnapshot {
  return {
    ...s,
    schemas: s.schemas.filter((n) => !hasuraSchema(n)),
    relations: s.relations
      .filter((r) => !hasuraSchema(r.schema))
      .map((r) => ({ ...r, triggers: r.triggers.filter((t) => !hasuraTrigger(t)) })),
    functions: s.functions.filter((f) => !hasuraSchema(f.schema)),
    enums: s.enums.filter((e) => !hasuraSchema(e.schema)),
    sequences: s.sequences.filter((q) => !hasuraSchema(q.schema)),
    extensions: s.extensions.filter((x) => !hasuraSchema(x.schema)),
  }
}

/**
 * An extension's version is the embedded database's, not the migrations' (`CREATE EXTENSION` takes the
 * default one): a difference in version only is the two engines, not drift.
 */
const versionOnly = (c: SchemaChange): boolean =>
  c.kind === 'extension' && c.detail.split('; ').every((d) => d.startsWith('version '))

export function compareSchemas(target: CatalogSnapshot, replay: CatalogSnapshot): SchemaDriftItem[] {
  const t = withoutHasura(target)
  const r = withoutHasura(replay)
  if (!r.extensions.some((x) => x.name === HASURA_EXTENSION))
    t.extensions = t.extensions.filter((x) => x.name !== HASURA_EXTENSION)
  // replay → target: what the target has added is what only it holds
  const changes = diffSnapshots(r, t)
  return [
    ...changes.added.map((c) => item('only-in-target', c)),
    ...changes.dropped.map((c) => item('only-in-replay', c)),
    ...changes.altered.filter((c) => !versionOnly(c)).map((c) => item('different', c)),
  ]
}

const item = (where: DriftPlace, c: SchemaChange): SchemaDriftItem => ({ where, ...c })

/** Where a drift item is, in words. */
export const PLACE_TEXT: Record<DriftPlace, string> = {
  'only-in-target': 'only in the target',
  'only-in-replay': 'missing from the target',
  different: 'differs in the target (migrations → target)',
}

/** `column users.hand_added integer — only in the target`. */
export function driftLine(i: Pick<SchemaDriftItem, 'where' | 'name' | 'detail'> & { kind: string }): string {
  return `${i.kind} ${i.name}${i.detail ? ` ${i.detail}` : ''} — ${PLACE_TEXT[i.where]}`
}
