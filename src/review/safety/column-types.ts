/**
 * Column types as the safety rules compare them: from a parse tree (`ALTER COLUMN … TYPE varchar(30)`)
 * or from the catalog's `format_type` text (`character varying(20)`), and which changes PostgreSQL
 * makes without rewriting or scanning the table (binary-coercible widenings).
 */
import type { TypeName } from 'libpg-query'

export interface ColumnType {
  /** Internal name for built-in types (`varchar`, `numeric`, `int4`), else `schema.name` or `name` as written. */
  name: string
  /** Type modifiers: a length, or a precision and scale. */
  mods: number[]
  array: boolean
}

/** `format_type` spellings → internal names, for the types these rules compare. */
const CATALOG_NAMES: Record<string, string> = {
  'character varying': 'varchar',
  character: 'bpchar',
  'bit varying': 'varbit',
  bit: 'bit',
  numeric: 'numeric',
  text: 'text',
  integer: 'int4',
  bigint: 'int8',
  smallint: 'int2',
  boolean: 'bool',
  real: 'float4',
  'double precision': 'float8',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
}

/** The type of `format_type` text, e.g. `character varying(20)`, `numeric(10,2)`, `text[]`, `public.mood`. */
export function typeFromCatalog(text: string): ColumnType {
  let rest = text.trim()
  const array = rest.endsWith('[]')
  while (rest.endsWith('[]')) rest = rest.slice(0, -2)
  let mods: number[] = []
  // `timestamp(3) with time zone` puts its modifier inside the name.
  const modMatch = /\(([\d,\s]+)\)/.exec(rest)
  if (modMatch) {
    mods = modMatch[1].split(',').map((m) => Number(m.trim()))
    rest = (rest.slice(0, modMatch.index) + rest.slice(modMatch.index + modMatch[0].length)).trim()
  }
  const unquoted = rest.replace(/"/g, '')
  return { name: CATALOG_NAMES[unquoted] ?? unquoted, mods, array }
}

/** The type a parse tree names (built-in names as PostgreSQL's grammar maps them: `pg_catalog.varchar`). */
export function typeFromAst(type: TypeName): ColumnType {
  const names = (type.names ?? []).flatMap((n) => ('String' in n ? [n.String.sval ?? ''] : []))
  const parts = names[0] === 'pg_catalog' ? names.slice(1) : names
  const mods = (type.typmods ?? []).flatMap((m) =>
    'A_Const' in m && m.A_Const.ival ? [m.A_Const.ival.ival ?? 0] : [],
  )
  return { name: parts.join('.'), mods, array: (type.arrayBounds?.length ?? 0) > 0 }
}

/** `varchar(30)`, `text[]`: for messages. */
export const formatType = (t: ColumnType): string =>
  `${t.name}${t.mods.length > 0 ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`

const sameType = (a: ColumnType, b: ColumnType): boolean =>
  a.name === b.name && a.array === b.array && a.mods.join(',') === b.mods.join(',')

/** Length-limited types whose limit can grow, or go, without touching a row. */
const LENGTH_TYPES = new Set(['varchar', 'varbit'])

/**
 * Whether PostgreSQL changes `from` to `to` without rewriting or scanning the table: the same type, a
 * longer or removed length limit, `varchar`↔`text` without a limit, a numeric with more precision and
 * the same scale (or none). Anything else is treated as a rewrite.
 */
export function changesWithoutRewrite(from: ColumnType, to: ColumnType): boolean {
  if (sameType(from, to)) return true
  if (from.array || to.array) return false
  if ((from.name === 'varchar' || from.name === 'text') && (to.name === 'text' || to.name === 'varchar')) {
    if (to.name === 'text' || to.mods.length === 0) return true
    return from.name === 'varchar' && from.mods.length === 1 && to.mods[0] >= from.mods[0]
  }
  if (LENGTH_TYPES.has(from.name) && to.name === from.name) {
    if (to.mods.length === 0) return true
    return from.mods.length === 1 && to.mods[0] >= from.mods[0]
  }
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true
    if (from.mods.length === 0) return false
    const [fromPrecision, fromScale = 0] = from.mods
    const [toPrecision, toScale = 0] = to.mods
    return toScale === fromScale && toPrecision >= fromPrecision
  }
  return false
}
