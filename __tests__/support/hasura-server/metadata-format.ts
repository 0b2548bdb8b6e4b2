/**
 * Metadata formats: v1/v2 (`tables`, `functions` at the top, one Postgres database) and v3 (`sources`).
 * The server stores v3; a v1-generation server exports v2.
 */
import type { Metadata } from './catalog.js'
import { err400 } from './qerr.js'

export interface QualifiedName {
  schema: string
  name: string
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function qualified(v: unknown): QualifiedName {
  if (typeof v === 'string') return { schema: 'public', name: v }
  if (isObject(v) && typeof v.name === 'string') {
    return { schema: typeof v.schema === 'string' ? v.schema : 'public', name: v.name }
  }
  throw err400('parse-failed', 'expecting a table or function name', '$.args')
}

/** How Hasura prints a table or function name in messages: bare in `public`, else `schema.name`. */
export const qualifiedText = (q: QualifiedName): string =>
  q.schema === 'public' ? q.name : `${q.schema}.${q.name}`

export interface Source {
  name: string
  kind: string
  tables: Record<string, unknown>[]
  functions?: Record<string, unknown>[]
  configuration: Record<string, unknown>
  [k: string]: unknown
}

export function sourcesOf(m: Metadata): Source[] {
  return Array.isArray(m.sources) ? (m.sources as Source[]) : []
}

function normalizeTable(t: unknown): Record<string, unknown> {
  if (!isObject(t)) throw err400('parse-failed', 'expecting an object for table', '$.args')
  return { ...t, table: qualified(t.table) }
}

function normalizeFunction(f: unknown): Record<string, unknown> {
  if (isObject(f) && 'function' in f) return { ...f, function: qualified(f.function) }
  return { function: qualified(f) }
}

const V2_KEYS = ['tables', 'functions', 'version']

/** v1/v2 metadata → v3, keeping the configuration of the existing `default` source. */
export function toV3(m: Metadata, current: Metadata): Metadata {
  if (m.version === 3) {
    return {
      ...m,
      sources: sourcesOf(m).map((s) => ({
        ...s,
        kind: s.kind ?? 'postgres',
        tables: (s.tables ?? []).map(normalizeTable),
        ...(s.functions ? { functions: s.functions.map(normalizeFunction) } : {}),
      })),
    }
  }
  const existing = sourcesOf(current).find((s) => s.name === 'default')
  if (!existing) throw err400('not-exists', 'source with name "default" does not exist', '$.args')
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => !V2_KEYS.includes(k)))
  const source: Source = {
    name: 'default',
    kind: 'postgres',
    tables: (Array.isArray(m.tables) ? m.tables : []).map(normalizeTable),
    configuration: existing.configuration,
  }
  if (Array.isArray(m.functions) && m.functions.length) source.functions = m.functions.map(normalizeFunction)
  return { version: 3, sources: [source], ...rest }
}

/** What a v1.x server exports: `{"version":2,"tables":[…]}`. */
export function toV2(m: Metadata): Metadata {
  const def = sourcesOf(m).find((s) => s.name === 'default')
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'sources' && k !== 'version'))
  const out: Metadata = { version: 2, tables: def?.tables ?? [] }
  if (def?.functions?.length) out.functions = def.functions
  return { ...out, ...rest }
}
