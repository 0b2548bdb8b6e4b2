/** YAML reading with the Go CLI's conventions (first document only, merge keys) and errors that name file:line. */
import { CORE_SCHEMA, EVENT_ID, loadAll, mergeTag, parseEvents, YAMLException, type Schema } from 'js-yaml'
import { UserError, type Where } from '../errors.js'

/** gopkg.in/yaml.v3 honours `<<` merge keys; js-yaml's core schema needs the tag added. */
export const YAML_SCHEMA: Schema = CORE_SCHEMA.withTags(mergeTag)

/**
 * Parses the first YAML document of `text` (as yaml.v3's Unmarshal does); `null` for an empty or
 * comment-only file. Syntax errors become a UserError with the file and line.
 */
export function parseYaml(
  text: string,
  file: string,
  schema: Schema = YAML_SCHEMA,
  where: Where = {},
): unknown {
  let docs: unknown[]
  try {
    docs = loadAll(text, { schema, filename: file })
  } catch (e) {
    throw yamlError(e, file, where)
  }
  return docs.length === 0 || docs[0] === undefined ? null : docs[0]
}

export function yamlError(e: unknown, file: string, where: Where = {}): UserError {
  if (e instanceof YAMLException) {
    const line = e.mark ? e.mark.line + 1 : undefined
    const at = line ? `${file}:${line}` : file
    return new UserError(`${at}: invalid YAML: ${e.reason}`, { ...where, file, line })
  }
  return new UserError(`${file}: invalid YAML: ${e instanceof Error ? e.message : String(e)}`, {
    ...where,
    file,
  })
}

/**
 * 1-based line of each item of the document's root sequence (empty when the root is not a
 * sequence). Only call on text that `parseYaml` accepted.
 */
export function rootSequenceItemLines(text: string, file: string): number[] {
  const events = parseEvents(text, { filename: file })
  const lines: number[] = []
  let depth = 0 // 1 = inside the document, 2 = inside the root collection
  let rootIsSequence = false
  let offset = 0
  // Offsets only grow: count newlines incrementally instead of rescanning from the start.
  let seenOffset = 0
  let seenLine = 1
  const line = (at: number): number => {
    for (; seenOffset < at; seenOffset++) if (text.charCodeAt(seenOffset) === 10) seenLine++
    return seenLine
  }
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        if (depth === 0 && lines.length === 0) depth = 1
        else return lines // only the first document counts
        continue
      case EVENT_ID.POP:
        depth--
        if (depth === 0) return lines
        continue
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        offset = firstOffset(ev.start, ev.anchorStart, ev.tagStart)
        break
      case EVENT_ID.SCALAR:
        offset = firstOffset(ev.valueStart, ev.anchorStart, ev.tagStart)
        break
      case EVENT_ID.ALIAS:
        offset = ev.anchorStart
        break
    }
    if (depth === 1) rootIsSequence = ev.type === EVENT_ID.SEQUENCE
    else if (depth === 2 && rootIsSequence) lines.push(line(offset))
    if (ev.type === EVENT_ID.SEQUENCE || ev.type === EVENT_ID.MAPPING) depth++
  }
  return lines
}

const firstOffset = (...offsets: number[]): number => Math.min(...offsets.filter((o) => o >= 0))

/** Line of the first top-level `key:` (case-insensitive, as viper reads keys); undefined if absent. */
export function topLevelKeyLine(text: string, key: string): number | undefined {
  const re = new RegExp(`^(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[ \\t]*:`, 'i')
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i] ?? '')) return i + 1
  return undefined
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
