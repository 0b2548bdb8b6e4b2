/**
 * How Hasura's server spells names and reasons in `inconsistent_objects`, so that a problem found here
 * reads exactly like the one the server would report.
 */
import type { QualifiedName } from '../catalog/types.js'

/** `QualifiedObject`'s text: the bare name in `public`, `schema.name` elsewhere. */
export const qualifiedText = (q: QualifiedName): string =>
  q.schema === 'public' ? q.name : `${q.schema}.${q.name}`

/** Haskell's `<<>` / `<>>`: the text between double quotes. */
export const dquote = (s: string): string => `"${s}"`

/** `in table "t": ` — `addTableContext`. */
export const inTable = (table: QualifiedName, reason: string): string =>
  `in table ${dquote(qualifiedText(table))}: ${reason}`

/** `makeReasonMessage`: one reason after "because", several as a bulleted list. */
export function reasonsMessage(reasons: string[]): string {
  if (reasons.length === 1) return `because ${reasons[0]}`
  return `for the following reasons:\n${reasons.map((r) => `  • ${r}\n`).join('')}`
}

/** What every entry of `inconsistent_objects` starts its reason with. */
export const inconsistent = (reason: string): string => `Inconsistent object: ${reason}`

/** The names Hasura gives PostgreSQL's scalar types (`PGScalarType`), from `pg_type.typname`. */
const SCALAR_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'bpchar',
  varchar: 'varchar',
}

/** A column type as Hasura names it in messages (`integer`, `varchar`, `text`, `mood`). */
export const scalarTypeText = (typeRef: QualifiedName): string =>
  typeRef.schema === 'pg_catalog' ? (SCALAR_NAMES[typeRef.name] ?? typeRef.name) : typeRef.name
