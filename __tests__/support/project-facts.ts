/**
 * What a Hasura project holds, read from its directory listing the way the Hasura CLI scans it — and
 * independently of the action's own reader, so that a reader bug cannot hide in the expectations the
 * real-project tests derive from it. Only what those tests need: config version, the migrations
 * directory, databases, versions with their up/down files, and where the metadata is.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { load } from 'js-yaml'

export interface SideFile {
  /** Relative to the project directory, `/`-separated. */
  path: string
  kind: 'sql' | 'yaml'
  /** SQL text, or the `run_sql` texts of a config 1 YAML file in order. */
  sql: string[]
  /** The file counts for the CLI: a non-empty SQL file, a YAML list with at least one item. */
  counts: boolean
  /** Undoes something: SQL other than comments and whitespace, or a YAML list with items. */
  real: boolean
}

export interface VersionFacts {
  version: bigint
  /** As the action reports versions: decimal, no leading zeros. */
  text: string
  name: string
  up: SideFile[]
  down: SideFile[]
}

export interface DatabaseFacts {
  name: string
  /** Relative to the project directory. */
  directory: string
  /** Every version with a file that counts, ascending. */
  versions: VersionFacts[]
}

export interface ProjectFacts {
  /** Where the project is (absolute). */
  dir: string
  /** A short name for test titles: `corpus/<folder>` or `fixtures/<path>`. */
  label: string
  hasConfig: boolean
  configVersion: 1 | 2 | 3
  migrationsDirectory: string
  /** Config 1/2: `default` only; config 3: one per sub-directory of the migrations directory, by name. */
  databases: DatabaseFacts[]
  /** The metadata files a CLI would read, or undefined when the project has none. */
  metadata?: MetadataFacts
}

export interface MetadataFacts {
  /** The file a test breaks to prove that metadata is read: the deepest one reading must reach. */
  deepest: string
  format: 'yaml' | 'json'
}

const FLAT = /^([0-9]+)_(.*)\.(up|down)\.(sql|yaml)$/
const DIRECTORY = /^([0-9]+)_(.*)$/

const posix = (p: string): string => p.split('\\').join('/')

/** `--` and nested `/* *\/` comments and whitespace, and nothing else. */
export function onlyComments(sql: string): boolean {
  let rest = sql.replace(/^\uFEFF/, '')
  for (;;) {
    const before = rest
    rest = rest.replace(/^\s+/, '').replace(/^--[^\n]*(\n|$)/, '')
    if (rest.startsWith('/*')) {
      let depth = 0
      let i = 0
      for (; i < rest.length; i++) {
        if (rest.startsWith('/*', i)) {
          depth++
          i++
        } else if (rest.startsWith('*/', i)) {
          depth--
          i++
          if (depth === 0) break
        }
      }
      rest = rest.slice(i + 1)
    }
    if (rest === before) return rest === ''
  }
}

function readSide(projectDir: string, abs: string, kind: 'sql' | 'yaml'): SideFile {
  const path = posix(relative(projectDir, abs))
  const text = readFileSync(abs, 'utf8')
  if (kind === 'sql') {
    return { path, kind, sql: [text], counts: text.length > 0, real: text.length > 0 && !onlyComments(text) }
  }
  const items = (load(text) ?? []) as { type?: string; args?: { sql?: unknown } }[]
  const sql = items
    .filter((i) => i.type === 'run_sql')
    .map((i) => (typeof i.args?.sql === 'string' ? i.args.sql : ''))
  return { path, kind, sql, counts: items.length > 0, real: items.length > 0 }
}

/** The versions in one migrations directory, as the CLI's scanner finds them (reference §2.2–§2.4). */
function scanVersions(projectDir: string, dir: string, configVersion: number): VersionFacts[] {
  const byVersion = new Map<bigint, VersionFacts>()
  const add = (digits: string, name: string, direction: string, abs: string, ext: string): void => {
    if (ext === 'yaml' && configVersion >= 2) return
    const version = BigInt(digits)
    const entry = byVersion.get(version) ?? { version, text: version.toString(), name, up: [], down: [] }
    byVersion.set(version, entry)
    entry[direction as 'up' | 'down'].push(readSide(projectDir, abs, ext as 'sql' | 'yaml'))
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) {
      const d = DIRECTORY.exec(entry.name)
      if (!d) continue
      for (const file of readdirSync(abs, { withFileTypes: true })) {
        const f = FLAT.exec(`${entry.name}.${file.name}`)
        if (f && file.isFile()) add(f[1], d[2], f[3], join(abs, file.name), f[4])
      }
    } else {
      const f = FLAT.exec(entry.name)
      if (f) add(f[1], f[2], f[3], abs, f[4])
    }
  }
  return [...byVersion.values()]
    .map((v) => ({
      ...v,
      // up: SQL then YAML (reference §2.6)
      up: v.up.filter((s) => s.counts).sort((a, b) => a.kind.localeCompare(b.kind)),
      down: v.down.filter((s) => s.counts),
    }))
    .filter((v) => v.up.length > 0 || v.down.length > 0)
    .sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
}

function firstFile(dir: string, test: (name: string) => boolean): string | undefined {
  if (!existsSync(dir)) return undefined
  return readdirSync(dir)
    .filter(test)
    .sort()
    .map((n) => join(dir, n))
    .find((p) => statSync(p).isFile())
}

/** Where the metadata is, and the file reading it must reach last (an `!include` two levels down, in config 3). */
function metadataFacts(
  projectDir: string,
  config: Record<string, unknown>,
  version: number,
  migrations: string,
) {
  const rel = (abs: string): string => posix(relative(projectDir, abs))
  const whole = (abs: string | undefined): MetadataFacts | undefined =>
    abs && statSync(abs).size > 0
      ? { deepest: rel(abs), format: abs.endsWith('.json') ? 'json' : 'yaml' }
      : undefined
  if (version === 1) {
    const dir = join(projectDir, migrations)
    return whole(firstFile(dir, (n) => n === 'metadata.yaml') ?? firstFile(dir, (n) => n === 'metadata.json'))
  }
  if (typeof config.metadata_file === 'string') {
    const abs = join(projectDir, config.metadata_file)
    return existsSync(abs) ? whole(abs) : undefined
  }
  const dir = join(
    projectDir,
    typeof config.metadata_directory === 'string' ? config.metadata_directory : 'metadata',
  )
  if (!existsSync(dir)) return undefined
  const yamlFile = (n: string): boolean => n.endsWith('.yaml')
  let deepest: string | undefined
  if (version === 3) {
    // follow the first `!include` from databases.yaml, then the first from the file it names
    let file = firstFile(join(dir, 'databases'), (n) => n === 'databases.yaml')
    for (let depth = 0; file && depth < 2; depth++) {
      const included = /!include\s+([^"'\n]+)/.exec(readFileSync(file, 'utf8'))?.[1]?.trim()
      if (!included || !existsSync(join(dirname(file), included))) break
      file = join(dirname(file), included)
    }
    deepest = file
  } else {
    deepest = firstFile(dir, (n) => n === 'tables.yaml')
  }
  deepest ??= firstFile(dir, yamlFile)
  return deepest ? { deepest: rel(deepest), format: 'yaml' as const } : undefined
}

export function readProjectFacts(dir: string, label: string): ProjectFacts {
  const configPath = join(dir, 'config.yaml')
  const hasConfig = existsSync(configPath)
  const config = (hasConfig ? (load(readFileSync(configPath, 'utf8')) ?? {}) : {}) as Record<string, unknown>
  const configVersion = (Number(config.version ?? 1) || 1) as 1 | 2 | 3
  const migrationsDirectory =
    typeof config.migrations_directory === 'string' ? config.migrations_directory : 'migrations'
  const migrationsAbs = join(dir, migrationsDirectory)
  let databases: DatabaseFacts[] = []
  if (hasConfig && existsSync(migrationsAbs)) {
    const names =
      configVersion < 3
        ? [{ name: 'default', directory: migrationsDirectory }]
        : readdirSync(migrationsAbs, { withFileTypes: true })
            .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
            .map((d) => ({ name: d.name, directory: `${migrationsDirectory}/${d.name}` }))
            .sort((a, b) => (a.name < b.name ? -1 : 1))
    databases = names.map((d) => ({
      ...d,
      versions: scanVersions(dir, join(dir, d.directory), configVersion),
    }))
  }
  const metadata = hasConfig ? metadataFacts(dir, config, configVersion, migrationsDirectory) : undefined
  return {
    dir,
    label,
    hasConfig,
    configVersion,
    migrationsDirectory,
    databases,
    ...(metadata ? { metadata } : {}),
  }
}

/** Every directory under `root` that holds a `config.yaml`, sorted. */
export function projectDirsUnder(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name))
      else if (e.name === 'config.yaml') out.push(dir)
    }
  }
  walk(root)
  return out.sort()
}
