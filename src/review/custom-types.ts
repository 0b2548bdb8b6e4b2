/**
 * Relationships from action output types into tables (`custom_types.objects[].relationships[]`), as
 * `validateCustomTypeDefinitions` checks them: the remote table is tracked (in the relationship's
 * source), each mapped field is a scalar field of the type and each mapped column a column of the
 * table. All failures make one `custom_types` inconsistency, as on the server.
 */
import type { MetadataPath } from '../project/metadata-locations.js'
import { dquote, inconsistent, qualifiedText, reasonsMessage } from './hasura-text.js'
import type { SourceState } from './source-state.js'
import { DEFAULT_SOURCE, isJson, listOf, qualifiedName, type Json } from './tracked-metadata.js'
import type { MetadataProblem } from './types.js'

/** `stateOf(source)` is undefined for a source that is not checked: its relationships are skipped. */
export function customTypesProblem(
  metadata: Json,
  stateOf: (source: string) => SourceState | undefined,
): MetadataProblem | undefined {
  const customTypes = isJson(metadata.custom_types) ? metadata.custom_types : undefined
  if (!customTypes) return undefined
  const errors: { reason: string; path: MetadataPath; database: string }[] = []
  for (const type of listOf(customTypes.objects)) {
    if (!isJson(type) || typeof type.name !== 'string') continue
    const typeName = type.name
    const scalarFields = new Set(
      listOf(type.fields)
        .filter(isJson)
        .filter((f) => typeof f.type === 'string' && !f.type.includes('['))
        .map((f) => String(f.name)),
    )
    for (const rel of listOf(type.relationships)) {
      if (!isJson(rel) || typeof rel.name !== 'string') continue
      const source = typeof rel.source === 'string' ? rel.source : DEFAULT_SOURCE
      const state = stateOf(source)
      const remote = qualifiedName(rel.remote_table)
      if (!state || !remote) continue
      const path: MetadataPath = [
        'custom_types',
        'objects',
        { name: typeName },
        'relationships',
        { name: rel.name },
      ]
      const of = `for relationship ${dquote(rel.name)}`
      const table = state.table(remote)
      if (!table) {
        errors.push({
          reason: `the remote table ${dquote(qualifiedText(remote))} ${of} of object type ${dquote(typeName)} does not exist`,
          path: [...path, 'remote_table'],
          database: source,
        })
        continue
      }
      const mapping = isJson(rel.field_mapping) ? rel.field_mapping : {}
      for (const [field, column] of Object.entries(mapping)) {
        const at = [...path, 'field_mapping', field]
        if (!scalarFields.has(field)) {
          errors.push({
            reason: `the field ${dquote(field)} ${of} in object type ${dquote(typeName)} does not exist`,
            path: at,
            database: source,
          })
        }
        if (typeof column === 'string' && table.fields.get(column)?.kind !== 'column') {
          errors.push({
            reason: `the column ${dquote(column)} of remote table ${dquote(qualifiedText(remote))} ${of} of object type ${dquote(typeName)} does not exist`,
            path: at,
            database: source,
          })
        }
      }
    }
  }
  if (errors.length === 0) return undefined
  return {
    database: errors[0].database,
    type: 'custom_types',
    name: 'custom_types custom_types',
    reason: inconsistent(
      `validation for the given custom types failed ${reasonsMessage(errors.map((e) => e.reason))}`,
    ),
    path: errors[0].path,
  }
}
