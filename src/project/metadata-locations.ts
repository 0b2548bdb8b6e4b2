/**
 * Where a piece of the built metadata comes from: a path into the object `buildMetadata` returned
 * (`['sources', 0, 'tables', 3, 'select_permissions', 1, 'permission', 'filter', 'author_id']`) →
 * the file and line that hold it, through config 3 `!include`s and the per-file config 2 layout.
 *
 * Separate from `buildMetadata` so that reading stays as fast as it is: files are parsed for
 * positions only when a location is asked for, each at most once.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readUtf8, relativePosix } from './files.js'
import { metadataObjectFile } from './metadata.js'
import type { ProjectConfig } from './types.js'
import { yamlTree, type YamlNode } from './yaml-tree.js'

/** A key, a list index, or the list item whose `name` is this (custom types follow the SDL's order). */
export type MetadataPathSegment = string | number | { name: string }
export type MetadataPath = readonly MetadataPathSegment[]

export interface MetadataLocation {
  /** Relative to the project directory, posix separators. */
  file: string
  line: number
}

export type LocateMetadata = (path: MetadataPath) => MetadataLocation | undefined

const INCLUDE = '!include'

interface Loaded {
  rel: string
  dir: string
  tree: YamlNode | undefined
}

/**
 * A function from metadata paths to file:line for the project's layout. A path that goes further
 * than the files do (a key the metadata lacks) resolves to the deepest node that exists.
 */
export function metadataLocator(config: ProjectConfig): LocateMetadata {
  const cache = new Map<string, Loaded | undefined>()
  const load = (abs: string): Loaded | undefined => {
    if (cache.has(abs)) return cache.get(abs)
    let loaded: Loaded | undefined
    if (existsSync(abs) && statSync(abs).isFile()) {
      const rel = relativePosix(config.projectDir, abs)
      try {
        loaded = { rel, dir: dirname(abs), tree: yamlTree(readUtf8(abs, rel), rel) }
      } catch {
        loaded = undefined // unreadable now: no location rather than a failure
      }
    }
    cache.set(abs, loaded)
    return loaded
  }

  const wholeFile = wholeFileOf(config)
  if (wholeFile !== undefined) return (path) => walk(load(wholeFile), path, load)

  const metadataDir = join(config.projectDir, config.metadataDirectory)
  return (path) => {
    const [head, ...rest] = path
    if (typeof head !== 'string') return undefined
    if (head === 'sources' && config.version >= 3) {
      const databases = join(metadataDir, 'databases')
      return walk(load(join(databases, 'databases.yaml')), rest, load, databases)
    }
    if (head === 'actions' || head === 'custom_types') {
      // actions.yaml holds both under their own keys; actions list by name (the SDL gives the order).
      return walk(load(join(metadataDir, 'actions.yaml')), path, load)
    }
    const file = metadataObjectFile(config.version, head)
    return file === undefined ? undefined : walk(load(join(metadataDir, file)), rest, load)
  }
}

/** Config 1 and single-file mode: one file holds the whole metadata object. */
function wholeFileOf(config: ProjectConfig): string | undefined {
  if (config.version === 1) {
    const dir = join(config.projectDir, config.migrationsDirectory)
    for (const name of ['metadata.yaml', 'metadata.json']) {
      const abs = join(dir, name)
      if (existsSync(abs)) return abs
    }
    return join(dir, 'metadata.yaml')
  }
  return config.metadataFile ? join(config.projectDir, config.metadataFile) : undefined
}

/**
 * Follows `path` from the root of `file`. An `!include` scalar met on the way continues in the
 * included file, resolved from `includeBase` in the file that was included from databases.yaml's
 * directory, then from each included file's own directory (the CLI's rule).
 */
function walk(
  file: Loaded | undefined,
  path: MetadataPath,
  load: (abs: string) => Loaded | undefined,
  includeBase?: string,
): MetadataLocation | undefined {
  if (!file?.tree) return file ? { file: file.rel, line: 1 } : undefined
  let current: Loaded = file
  let base = includeBase
  let node: YamlNode = file.tree
  let line = node.line
  for (let i = 0; ; i++) {
    if (
      base !== undefined &&
      node.kind === 'scalar' &&
      (node.tag === INCLUDE || node.value.includes(INCLUDE))
    ) {
      const target = node.tag === INCLUDE ? node.value : includeTarget(node.value)
      const included = load(join(base, target))
      if (!included?.tree) break
      current = included
      base = included.dir
      node = included.tree
      line = node.line
    }
    if (i >= path.length) break
    const next = step(node, path[i])
    if (!next) break
    node = next.node
    line = next.line
  }
  return { file: current.rel, line }
}

function step(node: YamlNode, segment: MetadataPathSegment): { node: YamlNode; line: number } | undefined {
  if (typeof segment === 'string') {
    if (node.kind !== 'mapping') return undefined
    const entry = node.entries.get(segment)
    return entry && { node: entry.value, line: entry.line }
  }
  if (node.kind !== 'sequence') return undefined
  const item =
    typeof segment === 'number'
      ? node.items[segment]
      : node.items.find((it) => {
          const name = it.kind === 'mapping' ? it.entries.get('name')?.value : undefined
          return name?.kind === 'scalar' && name.value === segment.name
        })
  return item && { node: item, line: item.line }
}

/** `"!include s 4/tables/tables.yaml"`: words after the first, re-joined, `"` trimmed (the CLI's rule). */
const includeTarget = (value: string): string =>
  value
    .split(' ')
    .slice(1)
    .join(' ')
    .replace(/^"+|"+$/g, '')
