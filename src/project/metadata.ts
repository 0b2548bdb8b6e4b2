/**
 * The metadata object `hasura metadata apply` would send, built from the project (reference §8.2–§8.4):
 * config 1 `migrations/metadata.{yaml,json}`; config 2 and 3 the metadata directory (per-file objects,
 * config 3 `databases/databases.yaml` with `!include`); config ≥ 2 single-file mode (`metadata_file`).
 *
 * Config 2 is built for a v2 server (what the action targets): `version` is forced to 2 whatever
 * version.yaml says, exactly as the CLI does against a server with metadata v3.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors.js'
import { lineAt } from '../sql/position.js'
import { readUtf8, relativePosix } from './files.js'
import { buildActions } from './metadata-actions.js'
import { buildSources } from './metadata-sources.js'
import type { ProjectConfig } from './types.js'
import { isPlainObject, parseYaml } from './yaml.js'

/** The CLI's serialisation order (struct `Metadata` in projectmetadata/handler.go). */
export const METADATA_KEY_ORDER = [
  'version',
  'sources',
  'tables',
  'functions',
  'actions',
  'custom_types',
  'remote_schemas',
  'query_collections',
  'allowlist',
  'cron_triggers',
  'network',
  'api_limits',
  'rest_endpoints',
  'inherited_roles',
  'opentelemetry',
  'backend_configs',
  'graphql_schema_introspection',
  'metrics_config',
] as const

type Shape = 'list' | 'map'
interface ObjectFile {
  file: string
  key: string
  shape: Shape
  /** Left out of the metadata when empty (the CLI's rest_endpoints and metrics_config). */
  omitEmpty?: boolean
}

/** Files every config ≥ 2 directory reads. */
const COMMON_OBJECTS: ObjectFile[] = [
  { file: 'remote_schemas.yaml', key: 'remote_schemas', shape: 'list' },
  { file: 'query_collections.yaml', key: 'query_collections', shape: 'list' },
  { file: 'allow_list.yaml', key: 'allowlist', shape: 'list' },
  { file: 'cron_triggers.yaml', key: 'cron_triggers', shape: 'list' },
  { file: 'network.yaml', key: 'network', shape: 'map' },
]
const CONFIG2_OBJECTS: ObjectFile[] = [
  { file: 'tables.yaml', key: 'tables', shape: 'list' },
  { file: 'functions.yaml', key: 'functions', shape: 'list' },
  ...COMMON_OBJECTS,
]
const CONFIG3_OBJECTS: ObjectFile[] = [
  ...COMMON_OBJECTS,
  { file: 'rest_endpoints.yaml', key: 'rest_endpoints', shape: 'list', omitEmpty: true },
  { file: 'inherited_roles.yaml', key: 'inherited_roles', shape: 'list' },
  { file: 'api_limits.yaml', key: 'api_limits', shape: 'map' },
  { file: 'graphql_schema_introspection.yaml', key: 'graphql_schema_introspection', shape: 'map' },
  { file: 'opentelemetry.yaml', key: 'opentelemetry', shape: 'map' },
  { file: 'backend_configs.yaml', key: 'backend_configs', shape: 'map' },
  { file: 'metrics_config.yaml', key: 'metrics_config', shape: 'map', omitEmpty: true },
]

/** The per-object file (in the metadata directory) that holds top-level key `key`, for a config ≥ 2 directory. */
export function metadataObjectFile(version: ProjectConfig['version'], key: string): string | undefined {
  if (key === 'version') return 'version.yaml'
  return (version === 2 ? CONFIG2_OBJECTS : CONFIG3_OBJECTS).find((o) => o.key === key)?.file
}

export interface BuiltMetadata {
  metadata: Record<string, unknown>
  /** Every file read, relative to the project directory (posix), in reading order. */
  files: string[]
}

/** The project's metadata, or undefined when it has none at all (no file of any layout exists). */
export async function buildMetadata(config: ProjectConfig): Promise<BuiltMetadata | undefined> {
  if (config.version === 1) return buildConfig1(config)
  if (config.metadataFile) return buildSingleFile(config, config.metadataFile)
  return buildDirectory(config)
}

/** Config 1: one export object in the migrations directory, `metadata.yaml` preferred over `metadata.json`. */
function buildConfig1(config: ProjectConfig): BuiltMetadata | undefined {
  const dir = join(config.projectDir, config.migrationsDirectory)
  for (const name of ['metadata.yaml', 'metadata.json']) {
    const abs = join(dir, name)
    if (existsSync(abs) && statSync(abs).isFile()) return readWholeFile(config, abs)
  }
  return undefined
}

function buildSingleFile(config: ProjectConfig, metadataFile: string): BuiltMetadata | undefined {
  const abs = join(config.projectDir, metadataFile)
  // The CLI creates a missing metadata_file empty: nothing to apply.
  if (!existsSync(abs)) return undefined
  return readWholeFile(config, abs)
}

/** A whole-metadata file, sent as it is (YAML converted to JSON); an empty file is no metadata. */
function readWholeFile(config: ProjectConfig, abs: string): BuiltMetadata | undefined {
  const rel = relativePosix(config.projectDir, abs)
  const text = readUtf8(abs, rel)
  const doc = abs.endsWith('.json') ? parseJson(text, rel) : parseYaml(text, rel)
  if (doc === null) return undefined
  if (!isPlainObject(doc)) {
    throw new UserError(`${rel}: expected the metadata object ({"version": ..., ...})`, {
      file: rel,
      line: 1,
    })
  }
  return { metadata: doc, files: [rel] }
}

function parseJson(text: string, rel: string): unknown {
  if (text.trim() === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')
    const line = jsonErrorLine(text, message)
    throw new UserError(`${rel}${line ? `:${line}` : ''}: invalid JSON: ${message}`, { file: rel, line })
  }
}

/** JSON.parse names a position only on some Node versions; JSON is YAML, so the YAML parser can point at it. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message)
  if (pos) return lineAt(text, Number(pos[1]))
  try {
    parseYaml(text, '')
  } catch (e) {
    if (e instanceof UserError) return e.where.line
  }
  return undefined
}

async function buildDirectory(config: ProjectConfig): Promise<BuiltMetadata | undefined> {
  const dir = join(config.projectDir, config.metadataDirectory)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined
  const files: string[] = []
  const parts: Record<string, unknown> = {}

  if (config.version === 2) {
    parts.version = 2
  } else {
    const version = readObjectFile(config, dir, { file: 'version.yaml', key: 'version', shape: 'map' }, files)
    if (isPlainObject(version) && version.version !== undefined && version.version !== null) {
      parts.version = version.version
    }
    const sources = buildSources({ projectDir: config.projectDir, metadataDir: dir, files })
    if (sources !== undefined) parts.sources = sources
  }
  for (const object of config.version === 2 ? CONFIG2_OBJECTS : CONFIG3_OBJECTS) {
    const value = readObjectFile(config, dir, object, files)
    if (value === undefined) continue
    if (object.omitEmpty && isEmpty(value)) continue
    parts[object.key] = value
  }
  const actions = await buildActions(config.projectDir, dir, files)
  if (actions?.actions) parts.actions = actions.actions
  if (actions?.custom_types) parts.custom_types = actions.custom_types

  if (files.length === 0) return undefined
  const metadata: Record<string, unknown> = {}
  for (const key of METADATA_KEY_ORDER) if (key in parts) metadata[key] = parts[key]
  return { metadata, files }
}

const isEmpty = (v: unknown): boolean =>
  Array.isArray(v) ? v.length === 0 : isPlainObject(v) ? Object.keys(v).length === 0 : v === null

/**
 * One per-object file: undefined when it is missing (the CLI skips it) or holds no document
 * (the CLI fails on some empty files with a bare "EOF"; an empty file contributes nothing here).
 */
function readObjectFile(config: ProjectConfig, dir: string, object: ObjectFile, files: string[]): unknown {
  const abs = join(dir, object.file)
  if (!existsSync(abs)) return undefined
  const rel = relativePosix(config.projectDir, abs)
  const doc = parseYaml(readUtf8(abs, rel), rel)
  files.push(rel)
  if (doc === null) return undefined
  if (object.shape === 'list' && !Array.isArray(doc)) {
    throw new UserError(`${rel}: expected a list (the '${object.key}' metadata object)`, {
      file: rel,
      line: 1,
    })
  }
  if (object.shape === 'map' && !isPlainObject(doc)) {
    throw new UserError(`${rel}: expected a mapping (the '${object.key}' metadata object)`, {
      file: rel,
      line: 1,
    })
  }
  return doc
}
