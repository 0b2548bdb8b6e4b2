/** JSON text that is equal for equal values whatever their key order: what "unchanged" means here. */
import { isPlainObject } from '../project/yaml.js'

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** A list as a set: duplicates dropped, sorted by canonical JSON; anything else as it is. */
export function sortedSet(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  const byKey = new Map<string, unknown>((value as unknown[]).map((v) => [canonicalJson(v), v]))
  return [...byKey.keys()].sort(compare).map((k) => byKey.get(k))
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
