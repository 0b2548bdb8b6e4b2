/**
 * Tracked tables: each must exist in the source, an enum table must have Hasura's enum shape, and the
 * columns its configuration renames must exist. A table that fails is left out of the schema, and with
 * it everything defined on it (the server reports only the table).
 */
import type { CatalogRelation, QualifiedName } from '../catalog/types.js'
import { dquote, inTable, qualifiedText, reasonsMessage, scalarTypeText } from './hasura-text.js'
import type { Field, SourceState } from './source-state.js'
import { isJson, type TrackedEntry } from './tracked-metadata.js'

export function addTrackedTables(state: SourceState, tables: TrackedEntry[]): void {
  for (const { name, entry, path } of tables) {
    const object = { type: 'table', name: state.tableObjectName(name), path }
    const relation = state.catalog.relation(name)
    if (!relation) {
      state.report(object, `no such table/view exists in source: ${dquote(qualifiedText(name))}`, [
        ...path,
        'table',
      ])
      continue
    }
    if (entry.is_enum === true) {
      const reasons = enumShapeProblems(relation)
      if (reasons.length > 0) {
        const text = `the table ${dquote(qualifiedText(name))} cannot be used as an enum ${reasonsMessage(reasons)}`
        state.report(object, text, [...path, 'is_enum'])
        continue
      }
    }
    const configProblem = configurationProblem(relation, name, entry.configuration)
    if (configProblem) {
      state.report(object, configProblem.reason, [...path, ...configProblem.path])
      continue
    }
    const fields = new Map<string, Field>(relation.columns.map((c) => [c.name, { kind: 'column' }]))
    state.tables.set(`${name.schema}\u0000${name.name}`, { name, relation, fields, entry, path })
  }
}

const TEXT = { schema: 'pg_catalog', name: 'text' }
const isText = (q: QualifiedName): boolean => q.schema === TEXT.schema && q.name === TEXT.name

/**
 * `fetchAndValidateEnumValues` without the rows: a single-column `text` primary key, and at most one
 * other column, of type `text` (its comment). Whether the rows are valid GraphQL enum values needs the
 * data, not the schema, and is left to the server.
 */
function enumShapeProblems(relation: CatalogRelation): string[] {
  const reasons: string[] = []
  const pk = relation.constraints.find((c) => c.kind === 'primary key')
  const column = (name: string) => relation.columns.find((c) => c.name === name)
  let pkColumn: string | undefined
  if (!pk) reasons.push('the table must have a primary key')
  else if (pk.columns.length > 1)
    reasons.push(
      `the table’s primary key must not span multiple columns (${[...pk.columns].sort().join(', ')})`,
    )
  else {
    const col = column(pk.columns[0])
    if (col && !isText(col.typeRef)) reasons.push(typeMismatch('primary key', col.name, col.typeRef))
    else pkColumn = pk.columns[0]
  }
  // As the server does: when the primary key is unusable, every column is judged as a comment column.
  const rest = relation.columns.filter((c) => c.name !== pkColumn)
  if (rest.length === 1 && !isText(rest[0].typeRef))
    reasons.push(typeMismatch('comment column', rest[0].name, rest[0].typeRef))
  if (rest.length > 1)
    reasons.push(
      `the table must have exactly one primary key and optionally one comment column, not ${rest.length} columns (${rest
        .map((c) => c.name)
        .sort()
        .join(', ')})`,
    )
  return reasons
}

const typeMismatch = (what: string, column: string, type: QualifiedName): string =>
  `the table’s ${what} (${dquote(column)}) must have type ${dquote('text')}, not type ${dquote(scalarTypeText(type))}`

/** `configuration.custom_column_names` and `configuration.column_config` must name columns of the table. */
function configurationProblem(
  relation: CatalogRelation,
  table: QualifiedName,
  configuration: unknown,
): { reason: string; path: (string | number)[] } | undefined {
  if (!isJson(configuration)) return undefined
  const columns = new Set(relation.columns.map((c) => c.name))
  for (const key of ['custom_column_names', 'column_config'] as const) {
    const map = configuration[key]
    if (!isJson(map)) continue
    for (const column of Object.keys(map)) {
      if (!columns.has(column)) {
        return {
          reason: inTable(table, `column ${dquote(column)} does not exist`),
          path: ['configuration', key, column],
        }
      }
    }
  }
  return undefined
}
