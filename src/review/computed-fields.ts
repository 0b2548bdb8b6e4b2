/**
 * Computed fields, as `buildComputedField` / `buildComputedFieldInfo` check them: the function exists
 * once (no overloads), takes the table's row (first input argument, or `table_argument`), is not
 * VOLATILE, takes its session argument as JSON, and if it returns rows, rows of a tracked table.
 */
import type { CatalogArgument, QualifiedName } from '../catalog/types.js'
import { dquote, inTable, qualifiedText, reasonsMessage } from './hasura-text.js'
import type { SourceState, TableInfo } from './source-state.js'
import { isJson, listOf, qualifiedName } from './tracked-metadata.js'

export function addComputedFields(state: SourceState, table: TableInfo): void {
  listOf(table.entry.computed_fields).forEach((cf, i) => {
    if (!isJson(cf) || typeof cf.name !== 'string' || !isJson(cf.definition)) return
    const path = [...table.path, 'computed_fields', i]
    const object = {
      type: 'computed_field',
      name: state.tableChildName('computed_field', cf.name, table.name),
      path,
    }
    const fn = qualifiedName(cf.definition.function)
    if (!fn) return
    const problem = computedFieldProblem(state, table.name, cf.name, fn, cf.definition)
    if (problem) {
      const reason = inTable(table.name, `in computed field ${dquote(cf.name)}: ${problem}`)
      state.report(object, reason, [...path, 'definition'])
      return
    }
    table.fields.set(cf.name, { kind: 'computed_field' })
    state.record(object, [], { table: table.name, field: cf.name })
  })
}

const INPUT_MODES = new Set(['in', 'inout', 'variadic'])

function computedFieldProblem(
  state: SourceState,
  table: QualifiedName,
  name: string,
  fn: QualifiedName,
  definition: Record<string, unknown>,
): string | undefined {
  const fnText = dquote(qualifiedText(fn))
  const overloads = state.catalog.functionsNamed(fn)
  if (overloads.length === 0) return `no such function exists: ${fnText}`
  if (overloads.length > 1) return `function ${fnText} is overloaded. Overloaded functions are not supported`
  const f = overloads[0]
  const errors: string[] = []
  if (f.volatility === 'volatile')
    errors.push(`the function ${fnText} is of type VOLATILE; cannot be added as a computed field`)
  const returnsTable = state.catalog.relation(f.returns.typeRef)
  if (returnsTable && !state.table(f.returns.typeRef)) {
    errors.push(
      `the function ${fnText} returning set of table ${dquote(qualifiedText(f.returns.typeRef))} is not tracked or not found in database`,
    )
  }
  const inputs = f.arguments.filter((a) => INPUT_MODES.has(a.mode))
  const tableArgument = definition.table_argument
  if (typeof tableArgument === 'string') {
    const arg = inputs.find((a) => a.name === tableArgument)
    if (!arg)
      return cannotAdd(name, table, [
        `${dquote(tableArgument)} is not an input argument of the function ${fnText}`,
      ])
    errors.push(
      ...tableArgumentErrors(
        state,
        arg,
        `${dquote(tableArgument)} argument of the function ${fnText}`,
        table,
      ),
    )
  } else if (inputs.length === 0) {
    errors.push(`the function ${fnText} has no input arguments`)
  } else {
    errors.push(...tableArgumentErrors(state, inputs[0], `first argument of the function ${fnText}`, table))
  }
  const sessionArgument = definition.session_argument
  if (typeof sessionArgument === 'string') {
    const arg = inputs.find((a) => a.name === sessionArgument)
    if (!arg)
      return cannotAdd(name, table, [
        ...errors,
        `${dquote(sessionArgument)} is not an input argument of the function ${fnText}`,
      ])
    if (!isJsonType(arg))
      errors.push(`${dquote(sessionArgument)} argument of the function ${fnText} is not of type JSON`)
  }
  return errors.length > 0 ? cannotAdd(name, table, errors) : undefined
}

function tableArgumentErrors(
  state: SourceState,
  arg: CatalogArgument,
  described: string,
  table: QualifiedName,
): string[] {
  const errors: string[] = []
  if (!state.catalog.isComposite(arg.typeRef)) errors.push(`${described} is not COMPOSITE type`)
  if (arg.typeRef.schema !== table.schema || arg.typeRef.name !== table.name) {
    errors.push(
      `${described} of type ${dquote(qualifiedText(arg.typeRef))} is not the table to which the computed field is being added`,
    )
  }
  return errors
}

const isJsonType = (arg: CatalogArgument): boolean =>
  arg.typeRef.schema === 'pg_catalog' && (arg.typeRef.name === 'json' || arg.typeRef.name === 'jsonb')

const cannotAdd = (name: string, table: QualifiedName, errors: string[]): string =>
  `the computed field ${dquote(name)} cannot be added to table ${dquote(qualifiedText(table))} ${reasonsMessage(errors)}`
