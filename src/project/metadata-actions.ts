/**
 * `actions.graphql` + `actions.yaml` → `actions` and `custom_types`, as the CLI builds them with its
 * cli-ext helper (reference §8.2 "Actions": cli-ext sdl/from + cli/internal/metadataobject/actions):
 * the SDL gives each action's type, arguments and output type and every custom type's fields;
 * actions.yaml adds handler, kind, permissions, headers... by name. An action or type listed in
 * actions.yaml but missing from the SDL is an error. Key order and omissions follow the CLI's Go
 * structs (`Action`, `ActionDef`, `CustomTypeDef`).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { DefinitionNode, FieldDefinitionNode, StringValueNode } from 'graphql'
import { UserError } from '../errors.js'
import { readUtf8, relativePosix } from './files.js'
import { isPlainObject, parseYaml } from './yaml.js'

const OPERATION_TYPES = new Set(['Query', 'Mutation'])
const TYPE_LISTS = ['enums', 'input_objects', 'objects', 'scalars'] as const
type TypeList = (typeof TYPE_LISTS)[number]

/** ActionDef fields copied from actions.yaml (the CLI copies them over whatever the SDL gave). */
const COPIED_DEFINITION_KEYS = [
  'kind',
  'handler',
  'forward_client_headers',
  'headers',
  'timeout',
  'request_transform',
  'response_transform',
] as const

export interface ActionsResult {
  actions?: unknown[]
  custom_types?: Record<TypeList, unknown[]>
}

/** Undefined when neither file exists. */
export async function buildActions(
  projectDir: string,
  metadataDir: string,
  files: string[],
): Promise<ActionsResult | undefined> {
  const sdlAbs = join(metadataDir, 'actions.graphql')
  const yamlAbs = join(metadataDir, 'actions.yaml')
  const sdlRel = relativePosix(projectDir, sdlAbs)
  const yamlRel = relativePosix(projectDir, yamlAbs)
  const hasSdl = existsSync(sdlAbs)
  const hasYaml = existsSync(yamlAbs)
  if (!hasSdl && !hasYaml) return undefined

  let fromSdl: SdlMetadata = {
    actions: [],
    types: { enums: [], input_objects: [], objects: [], scalars: [] },
  }
  if (hasSdl) {
    files.push(sdlRel)
    fromSdl = await sdlToMetadata(readUtf8(sdlAbs, sdlRel), sdlRel)
  }
  let declared: Record<string, unknown> = {}
  if (hasYaml) {
    files.push(yamlRel)
    const doc = parseYaml(readUtf8(yamlAbs, yamlRel), yamlRel)
    if (doc !== null && !isPlainObject(doc)) {
      throw new UserError(`${yamlRel}: expected a mapping with 'actions' and 'custom_types'`, {
        file: yamlRel,
        line: 1,
      })
    }
    declared = doc ?? {}
  }
  const missing = (what: string, name: string) =>
    new UserError(
      `${yamlRel}: ${what} ${name} is not present in ${sdlRel}${hasSdl ? '' : ' (the file does not exist)'}`,
      { file: yamlRel },
    )

  // Actions: ActionDef{kind, type, handler, arguments, output_type, forward_client_headers, headers,
  // timeout, request_transform, response_transform}, then permissions, comment.
  const actions = fromSdl.actions.map((a) => ({ ...a, extra: emptyRecord() }))
  for (const item of listOf(declared.actions)) {
    if (!isPlainObject(item)) continue
    const found = actions.find((a) => a.name === item.name)
    if (!found) throw missing('action', String(item.name))
    const definition = isPlainObject(item.definition) ? item.definition : {}
    for (const key of COPIED_DEFINITION_KEYS) found.extra[key] = definition[key]
    found.extra.permissions = item.permissions
    found.extra.comment = item.comment
  }
  const builtActions = actions.map((a) => {
    const x = a.extra
    const def: Record<string, unknown> = {
      kind: stringOr(x.kind),
      type: a.type,
      handler: stringOr(x.handler),
    }
    if (a.arguments.length > 0) def.arguments = a.arguments
    if (a.output_type) def.output_type = a.output_type
    if (x.forward_client_headers === true) def.forward_client_headers = true
    if (x.headers !== undefined) def.headers = x.headers
    if (typeof x.timeout === 'number' && x.timeout !== 0) def.timeout = x.timeout
    if (x.request_transform !== undefined) def.request_transform = x.request_transform
    if (x.response_transform !== undefined) def.response_transform = x.response_transform
    const action: Record<string, unknown> = { name: a.name, definition: def }
    if (x.permissions !== undefined) action.permissions = x.permissions
    if (x.comment !== undefined && x.comment !== null) action.comment = x.comment
    return action
  })

  // Custom types: CustomTypeDef{name, description, fields, values, relationships}; actions.yaml's
  // description and relationships replace the SDL's for every type it lists.
  const declaredTypes = isPlainObject(declared.custom_types) ? declared.custom_types : {}
  const customTypes = {} as Record<TypeList, unknown[]>
  let typeCount = 0
  for (const list of TYPE_LISTS) {
    const types = fromSdl.types[list]
    for (const item of listOf(declaredTypes[list])) {
      if (!isPlainObject(item)) continue
      const found = types.find((t) => t.name === item.name)
      if (!found) throw missing('custom type', String(item.name))
      found.description = typeof item.description === 'string' ? item.description : null
      found.relationships = item.relationships
    }
    customTypes[list] = types.map((t) => {
      const out: Record<string, unknown> = { name: t.name }
      if (t.description !== null) out.description = t.description
      if (t.fields && t.fields.length > 0) out.fields = t.fields
      if (t.values && t.values.length > 0) out.values = t.values
      if (t.relationships !== undefined) out.relationships = t.relationships
      return out
    })
    typeCount += types.length
  }

  const result: ActionsResult = {}
  if (builtActions.length > 0) result.actions = builtActions
  if (typeCount > 0) result.custom_types = customTypes
  return result
}

const emptyRecord = (): Record<string, unknown> => ({})
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const stringOr = (v: unknown): string => (typeof v === 'string' ? v : '')

interface SdlAction {
  name: string
  type: 'query' | 'mutation'
  arguments: { name: string; type: string; description: string | null }[]
  output_type: string
}
interface SdlType {
  name: string
  description: string | null
  fields?: { name: string; type: string; description: string | null }[]
  values?: { value: string; description: string | null }[]
  relationships?: unknown
}
interface SdlMetadata {
  actions: SdlAction[]
  types: Record<TypeList, SdlType[]>
}

const describe = (d: { description?: StringValueNode }): string | null =>
  d.description ? d.description.value.trim() : null

/**
 * cli-ext `getAllActionsFromSdl` + `getAllTypesFromSdl`. The GraphQL parser is loaded here, only for
 * projects with actions: it is most of the code a run would otherwise load at start.
 */
async function sdlToMetadata(sdl: string, file: string): Promise<SdlMetadata> {
  const out: SdlMetadata = { actions: [], types: { enums: [], input_objects: [], objects: [], scalars: [] } }
  if (sdl.trim() === '') return out
  const { GraphQLError, Kind, parse, print } = await import('graphql')
  let definitions: readonly DefinitionNode[]
  try {
    definitions = parse(sdl, { noLocation: false }).definitions
  } catch (e) {
    if (e instanceof GraphQLError) {
      const line = e.locations?.[0]?.line
      throw new UserError(`${file}${line ? `:${line}` : ''}: invalid GraphQL: ${e.message}`, { file, line })
    }
    throw e
  }
  const unsupported = (d: DefinitionNode, what: string): never => {
    const line = d.loc?.startToken.line
    throw new UserError(`${file}${line ? `:${line}` : ''}: ${what} is not supported in actions.graphql`, {
      file,
      line,
    })
  }
  for (const d of definitions) {
    const name = 'name' in d && d.name ? d.name.value : undefined
    if (name === undefined)
      return unsupported(d, d.kind === Kind.SCHEMA_DEFINITION ? 'a schema definition' : d.kind)
    if (OPERATION_TYPES.has(name)) {
      // `type Mutation {...}` and `extend type Mutation {...}` (what `metadata export` writes) alike.
      if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION)
        return unsupported(d, `${name} as ${d.kind}`)
      for (const f of d.fields ?? [])
        out.actions.push(actionOf(f, name === 'Query' ? 'query' : 'mutation', print))
      continue
    }
    switch (d.kind) {
      case Kind.SCALAR_TYPE_DEFINITION:
        out.types.scalars.push({ name, description: describe(d) })
        break
      case Kind.ENUM_TYPE_DEFINITION:
        out.types.enums.push({
          name,
          description: describe(d),
          values: (d.values ?? []).map((v) => ({ value: v.name.value, description: describe(v) })),
        })
        break
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        out.types.input_objects.push({
          name,
          description: describe(d),
          fields: (d.fields ?? []).map((f) => ({
            name: f.name.value,
            type: print(f.type),
            description: describe(f),
          })),
        })
        break
      case Kind.OBJECT_TYPE_DEFINITION:
        out.types.objects.push({
          name,
          description: describe(d),
          fields: (d.fields ?? []).map((f) => ({
            name: f.name.value,
            type: print(f.type),
            description: describe(f),
          })),
        })
        break
      case Kind.INTERFACE_TYPE_DEFINITION:
        break // cli-ext drops interfaces (they come back without a name and are filtered out)
      default:
        return unsupported(d, `${d.kind} '${name}'`)
    }
  }
  return out
}

function actionOf(
  f: FieldDefinitionNode,
  type: 'query' | 'mutation',
  print: (node: FieldDefinitionNode['type']) => string,
): SdlAction {
  return {
    name: f.name.value,
    type,
    arguments: (f.arguments ?? []).map((a) => ({
      name: a.name.value,
      type: print(a.type),
      description: describe(a),
    })),
    output_type: print(f.type),
  }
}
