/**
 * A permission's boolean expression (`filter`, `check`) resolved against a table's fields, as
 * `annBoolExp` / `annColExp` do: `_and`, `_or`, `_not`, `_exists` (a tracked `_table`, `_where` on it),
 * columns, computed fields, and relationships into the remote table's fields, recursively.
 */
import type { MetadataPath } from '../project/metadata-locations.js'
import { dquote, qualifiedText } from './hasura-text.js'
import type { Dependency, SourceState, TableInfo } from './source-state.js'
import { isJson, qualifiedName } from './tracked-metadata.js'

export interface Unresolved {
  reason: string
  path: MetadataPath
}

/** Adds what the expression depends on to `deps`; the first reference that does not resolve, if any. */
export function resolveBoolExp(
  state: SourceState,
  table: TableInfo,
  exp: unknown,
  path: MetadataPath,
  deps: Dependency[],
): Unresolved | undefined {
  if (!isJson(exp)) return undefined
  for (const [key, value] of Object.entries(exp)) {
    const at = [...path, key]
    const problem = resolveKey(state, table, key, value, at, deps)
    if (problem) return problem
  }
  return undefined
}

function resolveKey(
  state: SourceState,
  table: TableInfo,
  key: string,
  value: unknown,
  at: MetadataPath,
  deps: Dependency[],
): Unresolved | undefined {
  switch (key) {
    case '_and':
    case '_or': {
      const items = Array.isArray(value) ? value : [value]
      for (let i = 0; i < items.length; i++) {
        const problem = resolveBoolExp(state, table, items[i], Array.isArray(value) ? [...at, i] : at, deps)
        if (problem) return problem
      }
      return undefined
    }
    case '_not':
      return resolveBoolExp(state, table, value, at, deps)
    case '_exists': {
      if (!isJson(value)) return undefined
      const name = qualifiedName(value._table)
      if (!name) return undefined
      const other = state.table(name)
      if (!other)
        return { reason: `table ${dquote(qualifiedText(name))} does not exist`, path: [...at, '_table'] }
      deps.push({ kind: 'table', table: name, path: [...at, '_table'] })
      return resolveBoolExp(state, other, value._where, [...at, '_where'], deps)
    }
  }
  const field = table.fields.get(key)
  if (!field) return { reason: `${dquote(key)} does not exist`, path: at }
  deps.push({ kind: 'field', field: field.kind, table: table.name, name: key, path: at })
  if (field.kind !== 'relationship' || !field.remote) return undefined
  const remote = state.table(field.remote)
  if (!remote) return { reason: `table ${dquote(qualifiedText(field.remote))} does not exist`, path: at }
  return resolveBoolExp(state, remote, value, at, deps)
}
