/**
 * Tracked functions, as `buildFunctionInfo` checks them: the function exists once, is not VARIADIC,
 * returns rows of a table (which must be tracked), is VOLATILE if exposed as a mutation, and takes its
 * session argument as `json`.
 */
import type { CatalogFunction } from '../catalog/types.js'
import { dquote, qualifiedText, reasonsMessage } from './hasura-text.js'
import type { Dependency, SourceState } from './source-state.js'
import { isJson, type TrackedEntry } from './tracked-metadata.js'

const INPUT_MODES = new Set(['in', 'inout', 'variadic'])

export function addTrackedFunctions(state: SourceState, functions: TrackedEntry[]): void {
  for (const { name, entry, path } of functions) {
    const object = {
      type: 'function',
      name: `function ${qualifiedText(name)} in source ${state.source}`,
      path,
    }
    const fnText = dquote(qualifiedText(name))
    const overloads = state.catalog.functionsNamed(name)
    if (overloads.length !== 1) {
      const reason =
        overloads.length === 0
          ? `no such function exists: ${fnText}`
          : `function ${fnText} is overloaded. Overloaded functions are not supported`
      state.report(object, reason, [...path, 'function'])
      continue
    }
    const config = isJson(entry.configuration) ? entry.configuration : {}
    const errors = functionErrors(state, overloads[0], config)
    if (errors.length > 0) {
      state.report(object, `the function ${fnText} cannot be tracked ${reasonsMessage(errors)}`, [
        ...path,
        'function',
      ])
      continue
    }
    const returns = overloads[0].returns.typeRef
    const deps: Dependency[] = [{ kind: 'table', table: returns }]
    state.record(object, deps)
  }
}

function functionErrors(state: SourceState, f: CatalogFunction, config: Record<string, unknown>): string[] {
  const errors: string[] = []
  if (f.arguments.some((a) => a.mode === 'variadic'))
    errors.push('function with "VARIADIC" parameters are not supported')
  const returns = f.returns.typeRef
  if (!state.catalog.isComposite(returns)) errors.push('the function does not return a "COMPOSITE" type')
  if (!state.catalog.relation(returns)) errors.push('the function does not return a table')
  if (config.exposed_as === 'mutation' && f.volatility !== 'volatile') {
    errors.push(
      'the function was requested to be exposed as a mutation, but is not marked VOLATILE. Maybe the function was given the wrong volatility when it was defined?',
    )
  }
  const session = config.session_argument
  if (typeof session === 'string') {
    const arg = f.arguments.find((a) => INPUT_MODES.has(a.mode) && a.name === session)
    if (!arg) errors.push(`given session argument ${dquote(session)} not the input argument of the function`)
    else if (!(arg.typeRef.schema === 'pg_catalog' && arg.typeRef.name === 'json')) {
      errors.push(`given session argument ${dquote(session)} is not of type json`)
    }
  }
  return errors
}
