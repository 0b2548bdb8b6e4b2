/** The user's Hasura project as the Hasura CLI reads it. Pure data: no I/O handles. */

export type ConfigVersion = 1 | 2 | 3

export interface ProjectConfig {
  version: ConfigVersion
  /** Absolute path of the project directory (holds config.yaml). */
  projectDir: string
  /** Absolute path of config.yaml. */
  configFile: string
  /** Directory names as configured (relative to projectDir). */
  migrationsDirectory: string
  metadataDirectory: string
  /** config >= 2 single-file mode (`metadata_file`), relative to projectDir. */
  metadataFile?: string
  seedsDirectory: string
  /** Present in config.yaml or the environment; the action ignores both and says so. */
  endpoint?: string
  adminSecret?: string
  /** `HASURA_GRAPHQL_*` variables that overrode a config.yaml key, e.g. `HASURA_GRAPHQL_MIGRATIONS_DIRECTORY`. */
  overrides: string[]
}

/** One SQL file of a migration (or a seed). */
export interface SqlFile {
  /** Relative to projectDir, posix separators: what annotations and messages show. */
  path: string
  text: string
  /** First line is exactly `-- hasura:no-transaction` (BOM, spaces and CRLF allowed). */
  noTransaction: boolean
  /** Bytes on disk, known without reading the text (a scanned file); else `text` decides. */
  size?: number
}

/** Config 1 `up.yaml` / `down.yaml`: a list of metadata API calls. */
export interface YamlStep {
  type: string
  args: unknown
  /** 1-based line of the list item in the file. */
  line: number
}
export interface YamlFile {
  path: string
  steps: YamlStep[]
}

export interface MigrationSide {
  sql?: SqlFile
  yaml?: YamlFile
}

export interface Migration {
  database: string
  /** Parsed as the CLI does (unsigned decimal, leading zeros dropped). */
  version: bigint
  name: string
  up?: MigrationSide
  down?: MigrationSide
}

export interface DatabaseMigrations {
  /** Source name: `default` for config 1/2. */
  name: string
  /** Directory scanned, relative to projectDir (posix). */
  directory: string
  /** Ascending by version; at most one entry per version. */
  migrations: Migration[]
  /**
   * Files named like migration files below a sub-directory of a version directory: the CLI reads only
   * the files directly inside a version directory, so these are never run (absent when there are none).
   */
  nestedFiles?: NestedMigrationFile[]
  /**
   * 0-byte migration files: they do not exist for the CLI (and are in no `Migration`); kept only so that
   * messages can say the file is empty rather than absent (absent when there are none).
   */
  emptyFiles?: MigrationFileRef[]
}

/** A file named like a migration file that the engine does not run. */
export interface MigrationFileRef {
  /** Relative to projectDir (posix). */
  path: string
  version: bigint
  direction: 'up' | 'down'
}

/** e.g. `migrations/default/1700000000000_add_a/b/up.sql`, from a `/` typed into a migration's name. */
export interface NestedMigrationFile extends MigrationFileRef {
  /** The version directory it is in (whose version it carries), relative to projectDir (posix). */
  versionDirectory: string
}

export interface SeedFile extends SqlFile {
  database: string
}
