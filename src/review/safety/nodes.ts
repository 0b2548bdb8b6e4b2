/** Reading the parse-tree nodes the safety rules look at: names, column definitions, constraints, options. */
import type { ColumnDef, Constraint, Node } from 'libpg-query'
import { formatType, typeFromAst, type ColumnType } from './column-types.js'
import { volatileCall } from './volatility.js'

/** The text of a list of `String` nodes (a qualified name, a column list). */
export const strings = (nodes: Node[] | undefined): string[] =>
  (nodes ?? []).flatMap((n) => ('String' in n ? [n.String.sval ?? ''] : []))

export const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

export function listStrings(o: Node): string[] {
  if ('List' in o) return strings(o.List.items)
  if ('String' in o) return [o.String.sval ?? '']
  return []
}

export function columnConstraints(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []))
}

export function columnNotNull(def: ColumnDef): boolean {
  return (
    def.is_not_null === true ||
    columnConstraints(def).some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY')
  )
}

/** What makes a new column's value differ row by row (so the table is rewritten), in words; else undefined. */
export function perRowValue(
  def: ColumnDef,
  constraints: Constraint[],
  type: ColumnType | undefined,
  volatilityOf: (name: string[]) => 'immutable' | 'stable' | 'volatile' | undefined,
): string | undefined {
  if (type && SERIAL_TYPES.has(type.name)) return `type ${type.name} (a nextval() default per row)`
  for (const c of constraints) {
    if (c.contype === 'CONSTR_IDENTITY') return 'an identity (a sequence value per row)'
    if (c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v') return 'a stored generated value'
    if (c.contype === 'CONSTR_DEFAULT') {
      const call = volatileCall(c.raw_expr, volatilityOf)
      if (call) return `a volatile default (${call}() is evaluated per row)`
    }
  }
  const call = volatileCall(def.raw_default, volatilityOf)
  return call ? `a volatile default (${call}() is evaluated per row)` : undefined
}

/** `CHECK (col IS NOT NULL)`: the column, else undefined. */
export function notNullCheckColumn(con: Constraint): string | undefined {
  if (con.contype !== 'CONSTR_CHECK' || !con.raw_expr || !('NullTest' in con.raw_expr)) return undefined
  const test = con.raw_expr.NullTest
  if (test.nulltesttype !== 'IS_NOT_NULL' || !test.arg || !('ColumnRef' in test.arg)) return undefined
  const fields = strings(test.arg.ColumnRef.fields)
  return fields.length === 1 ? fields[0] : undefined
}

/** `USING col` or `USING col::newtype`: no different from no USING at all. */
export function isColumnItself(using: Node, column: string, to: ColumnType): boolean {
  let expr = using
  if ('TypeCast' in expr) {
    const cast = expr.TypeCast
    if (!cast.arg || !cast.typeName) return false
    const t = typeFromAst(cast.typeName)
    if (formatType(t) !== formatType(to)) return false
    expr = cast.arg
  }
  if (!('ColumnRef' in expr)) return false
  const fields = strings(expr.ColumnRef.fields)
  return fields.length === 1 && fields[0] === column
}

/** `FULL false`, `CONCURRENTLY off`. */
export function isOff(arg: Node | undefined): boolean {
  if (!arg) return false
  if ('Boolean' in arg) return arg.Boolean.boolval !== true
  if ('Integer' in arg) return (arg.Integer.ival ?? 0) === 0
  const word = 'String' in arg ? arg.String.sval : undefined
  return word === 'false' || word === 'off'
}

export function dropKind(removeType: string): string {
  return removeType
    .replace(/^OBJECT_/, '')
    .replace(/_/g, ' ')
    .replace('MATVIEW', 'MATERIALIZED VIEW')
}
