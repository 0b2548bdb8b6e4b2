/**
 * The migrations directory, scanned exactly as the Hasura CLI scans it (reference §2.2–§2.4):
 * flat `<version>_<name>.{up,down}.sql` files and `<version>_<name>/{up,down}.sql` directories mixed;
 * config 1 also `.yaml` steps; names of any characters; versions unsigned 64-bit (leading zeros
 * dropped, larger values ignored); 0-byte files do not exist; two files with the same version and
 * direction fail; anything else is silently ignored.
 */
import { isUtf8 } from 'node:buffer'
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { join } from 'node:path'
import { UserError, type Where } from '../errors.js'
import { compareNames, decodeUtf8, fileError, joinPosix, relativePosix, statFollow } from './files.js'
import { hasNoTransactionMarker } from './no-transaction-marker.js'
import type {
  DatabaseMigrations,
  Migration,
  MigrationFileRef,
  MigrationSide,
  NestedMigrationFile,
  ProjectConfig,
  SqlFile,
  YamlFile,
  YamlStep,
} from './types.js'
import { isPlainObject, parseYaml, rootSequenceItemLines } from './yaml.js'

/** Config 1 (`Parse`): any extension matches; only `.sql` and `.yaml` mean something. */
const CONFIG1_NAME = /^([0-9]+)_(.*)\.(down|up)\.(.*)$/
/** Config 2/3 (`Parsev2`): `.sql` only. */
const CONFIG2_NAME = /^([0-9]+)_(.*)\.(down|up)\.(sql)$/
/** A directory can only hold migrations when `<dir>.<file>` can match: it starts with `<digits>_`. */
const VERSION_DIR = /^[0-9]+_/
const UINT64_MAX = 18446744073709551615n

export const DEFAULT_DATABASE = 'default'

/** Where a migration file is, for errors: built only when one is thrown. */
const whereOf = (file: string, database: string, version: bigint): Where => ({
  file,
  database,
  version: version.toString(),
})

type Direction = 'up' | 'down'
type Kind = 'sql' | 'yaml'
interface ParsedName {
  version: bigint
  name: string
  side: Direction
  kind: Kind
}
/** How deep below a version directory migration files are looked for (they are never read). */
const MAX_NESTING = 4

/** Database (source) names: config 3 → the sub-directories of the migrations directory, in name order. */
export function listDatabases(config: ProjectConfig): string[] {
  if (config.version < 3) return [DEFAULT_DATABASE]
  const abs = join(config.projectDir, config.migrationsDirectory)
  const rel = relativePosix(config.projectDir, abs) || '.'
  let entries: Dirent[]
  try {
    entries = readdirSync(abs, { withFileTypes: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    throw fileError(e, rel)
  }
  const names: string[] = []
  for (const d of entries) {
    // Hidden directories (.git, .idea, ...) are never databases.
    if (d.name.startsWith('.')) continue
    if (
      d.isDirectory() ||
      (d.isSymbolicLink() && statFollow(join(abs, d.name), joinPosix(rel, d.name))?.isDirectory())
    )
      names.push(d.name)
  }
  return names.sort(compareNames)
}

/** Config 3 database names become directory names: refuse anything that is a path. */
export function assertDatabaseName(database: string): void {
  if (database === '' || database === '.' || database === '..' || /[/\\]/.test(database)) {
    throw new UserError(`'${database}' is not a database directory name`, { input: 'database', database })
  }
}

/** Every migration of one database, ascending by version. */
export function readMigrations(config: ProjectConfig, database: string): DatabaseMigrations {
  const migrationsAbs = join(config.projectDir, config.migrationsDirectory)
  let abs = migrationsAbs
  if (config.version >= 3) {
    assertDatabaseName(database)
    abs = join(migrationsAbs, database)
  }
  const directory = relativePosix(config.projectDir, abs) || '.'
  const result: DatabaseMigrations = { name: database, directory, migrations: [] }
  const scanner = new Scanner(config, database, abs, directory)

  let entries: Dirent[]
  try {
    entries = readdirSync(abs, { withFileTypes: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && config.version < 3) return result // the CLI creates it: nothing to apply
    if (code === 'ENOENT') {
      throw new UserError(
        `no migrations directory for database '${database}': expected ${directory} (config 3 keeps each database's migrations in ${relativePosix(config.projectDir, migrationsAbs) || '.'}/<database>)`,
        { file: directory, database },
      )
    }
    if (code === 'ENOTDIR')
      throw new UserError(`${directory} is not a directory`, { file: directory, database })
    throw fileError(e, directory, { database })
  }
  for (const d of entries) scanner.entry(d)
  result.migrations = scanner.sorted()
  if (scanner.nested.length > 0) result.nestedFiles = scanner.nested
  if (scanner.empty.length > 0) result.emptyFiles = scanner.empty
  return result
}

class Scanner {
  /** Keyed by the decimal version; `claims`: "up.sql"/"down.yaml"/... → the file that claimed the slot. */
  private readonly byVersion = new Map<bigint, { migration: Migration; claims: Record<string, string> }>()
  /** Migration files below a sub-directory of a version directory, in scan order. */
  readonly nested: NestedMigrationFile[] = []
  /** 0-byte migration files, which the CLI skips as if absent. */
  readonly empty: MigrationFileRef[] = []
  private readonly pattern: RegExp

  constructor(
    private readonly config: ProjectConfig,
    private readonly database: string,
    private readonly abs: string,
    private readonly rel: string,
  ) {
    this.pattern = config.version >= 2 ? CONFIG2_NAME : CONFIG1_NAME
  }

  entry(d: Dirent): void {
    const name = d.name
    let isDir = d.isDirectory()
    let isFile = d.isFile()
    if (d.isSymbolicLink()) {
      // The CLI resolves every entry's symlinks (filepath.EvalSymlinks); a loop or a dangling link fails.
      const st = statFollow(`${this.abs}/${name}`, joinPosix(this.rel, name), { database: this.database })
      if (!st) throw fileError(Object.assign(new Error(), { code: 'ENOENT' }), joinPosix(this.rel, name))
      isDir = st.isDirectory()
      isFile = st.isFile()
    }
    if (isDir) {
      if (VERSION_DIR.test(name)) this.versionDirectory(name)
    } else if (isFile) {
      const parsed = this.parse(name)
      if (parsed) this.file(parsed, name)
    }
  }

  /** `<version>_<name>/`: each regular file is parsed as `<dir>.<file>`; sub-directories are skipped. */
  private versionDirectory(dirName: string): void {
    let names: string[]
    try {
      // Names only: `file` stats just the names that can match, which gives type and size at once.
      names = readdirSync(`${this.abs}/${dirName}`)
    } catch (e) {
      throw fileError(e, joinPosix(this.rel, dirName), { database: this.database })
    }
    for (const name of names) {
      const parsed = this.parse(`${dirName}.${name}`)
      if (parsed) this.file(parsed, `${dirName}/${name}`)
      else this.subDirectory(dirName, name, 1)
    }
  }

  /**
   * A sub-directory of a version directory is skipped, as the CLI skips it; the migration files in it
   * (a `/` typed into the console's migration name puts them there) are noted, never read.
   */
  private subDirectory(versionDir: string, relInVersionDir: string, depth: number): void {
    const relInDir = `${versionDir}/${relInVersionDir}`
    const abs = `${this.abs}/${relInDir}`
    // Only names that cannot be migration files get here: rare, so a stat each costs nothing. Links
    // are not followed (one to `.` would find the version's own files again), and what cannot be
    // listed is left alone: the CLI never looks inside either.
    let names: string[]
    try {
      if (depth > MAX_NESTING || !lstatSync(abs).isDirectory()) return
      names = readdirSync(abs)
    } catch {
      return
    }
    for (const name of names.sort(compareNames)) {
      const parsed = this.parse(`${versionDir}.${name}`)
      if (!parsed) {
        this.subDirectory(versionDir, `${relInVersionDir}/${name}`, depth + 1)
        continue
      }
      try {
        const st = statSync(`${abs}/${name}`)
        if (!st.isFile() || st.size === 0) continue
      } catch {
        continue
      }
      this.nested.push({
        path: joinPosix(this.rel, `${relInDir}/${name}`),
        version: parsed.version,
        direction: parsed.side,
        versionDirectory: joinPosix(this.rel, versionDir),
      })
    }
  }

  /** What the CLI's regex makes of a name, for the files the scanner reads; undefined for any other name. */
  private parse(parseName: string): ParsedName | undefined {
    const m = this.pattern.exec(parseName)
    if (!m) return undefined
    const kind = m[4] === 'sql' ? 'sql' : m[4] === 'yaml' && this.config.version === 1 ? 'yaml' : undefined
    if (!kind) return undefined // config 1: `1_x.up.txt` registers nothing usable; we leave it out
    const version = BigInt(m[1])
    if (version > UINT64_MAX) return undefined // strconv.ParseUint fails: the CLI ignores the file
    return { version, name: m[2], side: m[3] as Direction, kind }
  }

  /** A migration file, `parsed` from what the CLI's regex sees; `relInDir` the path below the database directory. */
  private file(parsed: ParsedName, relInDir: string): void {
    const { version, kind, side } = parsed
    const abs = `${this.abs}/${relInDir}` // names from readdir: plain concatenation is enough
    const path = joinPosix(this.rel, relInDir)
    // Links are followed (the CLI's filepath.EvalSymlinks); a dangling one fails, a directory is skipped.
    const st = statFollow(abs, path, { file: path, database: this.database })
    if (!st) {
      const where = whereOf(path, this.database, version)
      throw fileError(Object.assign(new Error(), { code: 'ENOENT' }), path, where)
    }
    if (!st.isFile()) return
    if (st.size === 0) {
      this.empty.push({ path, version, direction: side }) // a 0-byte file does not exist for the CLI
      return
    }
    if (kind === 'sql') {
      // The text is read on first use: a run reads only the files it plans (a no-op run reads none).
      this.add(version, parsed.name, side, kind, path, {
        sql: new LazySqlFile(path, abs, this.database, version, st.size),
      })
      return
    }
    const where = whereOf(path, this.database, version)
    let bytes: Buffer
    try {
      bytes = readFileSync(abs)
    } catch (e) {
      throw fileError(e, path, where)
    }
    if (bytes.length === 0) return // emptied since the stat: as if absent
    if (!isUtf8(bytes)) decodeUtf8(bytes, where) // throws the UserError naming the file
    const yaml = readYamlSteps(bytes.toString('utf8'), path, where)
    if (yaml.steps.length === 0) return // an empty list is an empty file
    this.add(version, parsed.name, side, kind, path, { yaml })
  }

  private add(
    version: bigint,
    name: string,
    side: Direction,
    kind: Kind,
    path: string,
    files: MigrationSide,
  ): void {
    let entry = this.byVersion.get(version)
    if (!entry) {
      entry = { migration: { database: this.database, version, name }, claims: {} }
      this.byVersion.set(version, entry)
    }
    const slot = `${side}.${kind}`
    const previous = entry.claims[slot]
    if (previous !== undefined) {
      throw new UserError(
        `found duplicate migrations for version ${version}: ${previous} and ${path} (one version, one ${side} file)`,
        whereOf(path, this.database, version),
      )
    }
    entry.claims[slot] = path
    const migration = entry.migration
    // Merged halves with different names: the CLI's choice is random; the up file's name is stable.
    if (side === 'up' && !migration.up) migration.name = name
    migration[side] = { ...migration[side], ...files }
  }

  sorted(): Migration[] {
    return [...this.byVersion.values()]
      .map((e) => e.migration)
      .sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
  }
}

/** A config 1 `up.yaml`/`down.yaml`: a list of metadata API calls (`- type: run_sql, args: {...}`). */
export function readYamlSteps(text: string, path: string, where: Where = {}): YamlFile {
  const doc = parseYaml(text, path, undefined, where)
  if (doc === null) return { path, steps: [] }
  if (!Array.isArray(doc)) {
    throw new UserError(`${path}: expected a list of metadata API calls (- type: run_sql ...)`, {
      ...where,
      file: path,
      line: 1,
    })
  }
  const lines = rootSequenceItemLines(text, path)
  const steps: YamlStep[] = doc.map((item: unknown, i) => {
    const line = lines[i] ?? 1
    if (!isPlainObject(item) || typeof item.type !== 'string' || item.type === '') {
      throw new UserError(
        `${path}:${line}: each item must be a metadata API call with a 'type' (e.g. run_sql)`,
        {
          ...where,
          file: path,
          line,
        },
      )
    }
    return { type: item.type, args: item.args ?? null, line }
  })
  return { path, steps }
}

/**
 * A SqlFile whose `text` (and marker flag) are read from disk when first asked for. A class: the
 * accessors live on the prototype, so thousands of unread files cost one small object each.
 */
class LazySqlFile implements SqlFile {
  private loaded?: string

  constructor(
    readonly path: string,
    private readonly abs: string,
    private readonly database: string,
    private readonly version: bigint,
    readonly size?: number,
  ) {}

  get text(): string {
    if (this.loaded !== undefined) return this.loaded
    let bytes: Buffer
    try {
      bytes = readFileSync(this.abs)
    } catch (e) {
      throw fileError(e, this.path, whereOf(this.path, this.database, this.version))
    }
    // throws the UserError naming the file
    if (!isUtf8(bytes)) decodeUtf8(bytes, whereOf(this.path, this.database, this.version))
    return (this.loaded = bytes.toString('utf8'))
  }

  get noTransaction(): boolean {
    return hasNoTransactionMarker(this.text)
  }
}
