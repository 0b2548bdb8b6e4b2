/**
 * Event triggers depend on the columns they list for each operation (`columns` and `payload`; `*`
 * means every column, whatever they are), as `getTrigDefDeps` records them.
 */
import type { Dependency, SourceState, TableInfo } from './source-state.js'
import { isJson, listOf } from './tracked-metadata.js'

const OPERATIONS = ['insert', 'update', 'delete'] as const

export function addEventTriggers(state: SourceState, table: TableInfo): void {
  listOf(table.entry.event_triggers).forEach((trigger, i) => {
    if (!isJson(trigger) || typeof trigger.name !== 'string') return
    const path = [...table.path, 'event_triggers', i]
    const object = {
      type: 'event_trigger',
      name: state.tableChildName('event_trigger', trigger.name, table.name),
      path,
    }
    const definition = isJson(trigger.definition) ? trigger.definition : {}
    const deps: Dependency[] = []
    for (const op of OPERATIONS) {
      const spec = definition[op]
      if (!isJson(spec)) continue
      for (const key of ['columns', 'payload'] as const) {
        listOf(spec[key]).forEach((column, j) => {
          if (typeof column !== 'string') return
          const at = [...path, 'definition', op, key, j]
          deps.push({ kind: 'field', field: 'column', table: table.name, name: column, path: at })
        })
      }
    }
    state.record(object, deps)
  })
}
