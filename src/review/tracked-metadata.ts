/**
 * The metadata's sources with their tracked tables and functions, whatever the format: metadata v3
 * (`sources[]`), or v1/v2 (`tables`, `functions` at the top: one PostgreSQL source, `default`).
 */
import type { QualifiedName } from '../catalog/types.js'
import type { MetadataPath } from '../project/metadata-locations.js'

export type Json = Record<string, unknown>

export interface TrackedEntry {
  name: QualifiedName
  entry: Json
  path: MetadataPath
}

export interface TrackedSource {
  name: string
  kind: string
  tables: TrackedEntry[]
  functions: TrackedEntry[]
}

export const DEFAULT_SOURCE = 'default'

export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** `"t"` or `{schema, name}` (schema `public` when left out); undefined when it is neither. */
export function qualifiedName(v: unknown): QualifiedName | undefined {
  if (typeof v === 'string') return { schema: 'public', name: v }
  if (isJson(v) && typeof v.name === 'string') {
    return { schema: typeof v.schema === 'string' ? v.schema : 'public', name: v.name }
  }
  return undefined
}

export function trackedSources(metadata: Json): TrackedSource[] {
  if (Array.isArray(metadata.sources)) {
    return metadata.sources.filter(isJson).map((s, i) => ({
      name: typeof s.name === 'string' ? s.name : DEFAULT_SOURCE,
      kind: typeof s.kind === 'string' ? s.kind : 'postgres',
      tables: entries(s.tables, ['sources', i, 'tables'], 'table'),
      functions: entries(s.functions, ['sources', i, 'functions'], 'function'),
    }))
  }
  if (metadata.tables === undefined && metadata.functions === undefined) return []
  return [
    {
      name: DEFAULT_SOURCE,
      kind: 'postgres',
      tables: entries(metadata.tables, ['tables'], 'table'),
      functions: entries(metadata.functions, ['functions'], 'function'),
    },
  ]
}

/** Entries naming their object under `key`; a v1 function entry may be the bare `{schema, name}`. */
function entries(list: unknown, path: MetadataPath, key: 'table' | 'function'): TrackedEntry[] {
  const out: TrackedEntry[] = []
  listOf(list).forEach((item, i) => {
    if (!isJson(item)) return
    const name = qualifiedName(item[key] ?? (key === 'function' ? item : undefined))
    if (name) out.push({ name, entry: item, path: [...path, i] })
  })
  return out
}
