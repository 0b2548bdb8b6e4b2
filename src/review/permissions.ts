/**
 * Permissions of every role and operation, as `buildPermInfo` checks them, in its order: the boolean
 * expressions, the `set` presets, the column list (`*` or names), a select's computed fields. Each
 * permission is one object: the first reference that does not resolve is its reason.
 */
import type { MetadataPath } from '../project/metadata-locations.js'
import { resolveBoolExp, type Unresolved } from './bool-exp-references.js'
import { dquote, inTable, qualifiedText } from './hasura-text.js'
import type { Dependency, SourceState, TableInfo } from './source-state.js'
import { isJson, listOf, type Json } from './tracked-metadata.js'

type Operation = 'insert' | 'select' | 'update' | 'delete'
const OPERATIONS: Operation[] = ['insert', 'select', 'update', 'delete']

/** What each operation checks, in the server's order. */
const CHECKS: Record<Operation, ('filter' | 'check' | 'set' | 'columns' | 'computed_fields')[]> = {
  insert: ['check', 'set', 'columns'],
  select: ['filter', 'columns', 'computed_fields'],
  update: ['filter', 'check', 'set', 'columns'],
  delete: ['filter'],
}

/** `askColumnType`'s remark when a listed name is a relationship or computed field. */
const NOT_A_COLUMN: Record<Operation, string> = {
  insert: '',
  select: 'permissions for relationships are automatically inferred',
  update: "relationships can't be used in update",
  delete: '',
}

export function addPermissions(state: SourceState, table: TableInfo): void {
  for (const op of OPERATIONS) {
    const key = `${op}_permissions`
    listOf(table.entry[key]).forEach((item, i) => {
      if (!isJson(item) || typeof item.role !== 'string') return
      const type = `${op}_permission`
      const path = [...table.path, key, i]
      const object = { type, name: state.tableChildName(type, item.role, table.name), path }
      const deps: Dependency[] = []
      const permission = isJson(item.permission) ? item.permission : {}
      const problem =
        item.role === 'admin'
          ? { reason: 'cannot define permission for admin role', path: [...path, 'role'] }
          : permissionProblem(state, table, op, permission, [...path, 'permission'], deps)
      if (problem) {
        const reason = inTable(table.name, `in permission for role ${dquote(item.role)}: ${problem.reason}`)
        state.report(object, reason, problem.path)
        return
      }
      state.record(object, deps)
    })
  }
}

function permissionProblem(
  state: SourceState,
  table: TableInfo,
  op: Operation,
  permission: Json,
  path: MetadataPath,
  deps: Dependency[],
): Unresolved | undefined {
  for (const check of CHECKS[op]) {
    const at = [...path, check]
    const value = permission[check]
    let problem: Unresolved | undefined
    if (check === 'filter' || check === 'check') problem = resolveBoolExp(state, table, value, at, deps)
    else if (check === 'set' && isJson(value)) {
      const notFound = `column %s not found in table ${dquote(qualifiedText(table.name))}`
      problem = columnsProblem(table, Object.keys(value), at, notFound, deps, true)
    } else if (check === 'columns' && Array.isArray(value)) {
      problem = columnsProblem(
        table,
        value.filter((c) => typeof c === 'string'),
        at,
        NOT_A_COLUMN[op],
        deps,
        false,
      )
    } else if (check === 'computed_fields') {
      problem = computedFieldsProblem(table, listOf(value), at, deps)
    }
    if (problem) return problem
  }
  return undefined
}

/** `askColumnType` for each name: it must be a column of the table. */
function columnsProblem(
  table: TableInfo,
  columns: string[],
  at: MetadataPath,
  remark: string,
  deps: Dependency[],
  byKey: boolean,
): Unresolved | undefined {
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]
    const path = [...at, byKey ? c : i]
    const field = table.fields.get(c)
    if (!field) return { reason: `column ${dquote(c)} does not exist`, path }
    if (field.kind !== 'column') {
      const kind = field.kind === 'relationship' ? 'relationship' : 'computed field'
      const tail = remark.replace('%s', dquote(c))
      return { reason: `expecting a database column; but, ${dquote(c)} is a ${kind}; ${tail}`, path }
    }
    deps.push({ kind: 'field', field: 'column', table: table.name, name: c, path })
  }
  return undefined
}

function computedFieldsProblem(
  table: TableInfo,
  names: unknown[],
  at: MetadataPath,
  deps: Dependency[],
): Unresolved | undefined {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]
    if (typeof name !== 'string') continue
    const field = table.fields.get(name)
    if (!field) return { reason: `computed field ${dquote(name)} does not exist`, path: [...at, i] }
    if (field.kind !== 'computed_field') {
      return {
        reason: `expecting a computed field; but, ${dquote(name)} is a ${field.kind}; `,
        path: [...at, i],
      }
    }
    deps.push({ kind: 'field', field: 'computed_field', table: table.name, name, path: [...at, i] })
  }
  return undefined
}
