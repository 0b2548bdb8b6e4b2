/**
 * Stage 1, read: the project, every file the run will use, and whether it may run at all. Everything is
 * read before anything is written: a broken metadata file or a missing seed fails here, not after the
 * migrations have committed.
 */
import { resolve } from 'node:path'
import { RefusedError, UserError } from '../errors.js'
import { checkPullRequestCode } from '../github/pull-request-code.js'
import type { Result } from '../model.js'
import {
  buildMetadata,
  listDatabases,
  listSeeds,
  readConfig,
  readMigrations,
  type BuiltMetadata,
} from '../project/index.js'
import type { DatabaseMigrations, ProjectConfig, SeedFile } from '../project/types.js'
import type { Settings } from '../settings.js'
import { runnablePart } from '../targets/step-parts.js'
import type { RunIO } from './context.js'

export interface ProjectRead {
  config: ProjectConfig
  databases: string[]
  local: DatabaseMigrations[]
  /** Undefined with `metadata: skip`. */
  built?: BuiltMetadata
  seedFiles: SeedFile[]
}

export async function readProject(settings: Settings, io: RunIO, result: Result): Promise<ProjectRead> {
  const config = readConfig(resolve(io.cwd, settings.projectDir), io.env)
  if (settings.migrationsDir) config.migrationsDirectory = settings.migrationsDir
  result.configVersion = config.version
  noteIgnoredConfig(config, result)
  // before anything connects: a fork's pull request must not run with the repository's secrets
  const decision = await checkPullRequestCode(settings, config, io.env)
  if (decision.kind === 'refused') throw new RefusedError(decision.message, decision.remedy)
  if (decision.kind === 'trusted') {
    const { event, from, reason } = decision
    result.trustedPullRequestCode = { event, from, reason }
    io.warning(
      `trust-pull-request-code: true — executing the pull request of ${from} (${reason}) with the repository's secrets`,
    )
  }
  const databases = selectDatabases(config, settings)
  const local = databases.map((db) => readMigrations(config, db))
  const built = settings.metadata === 'skip' ? undefined : await buildMetadata(config)
  const seedFiles = settings.seeds === false ? [] : readSeedFiles(config, settings.seeds, databases)
  // seeds run after the migrations commit: a transaction command no savepoint can stand for fails now
  for (const f of seedFiles) await runnablePart({ file: f.path, text: f.text }, { database: f.database })
  return { config, databases, local, ...(built ? { built } : {}), seedFiles }
}

/** config.yaml's endpoint is usually a laptop URL: the target comes from explicit settings only. */
function noteIgnoredConfig(config: ProjectConfig, result: Result): void {
  const keys = [config.endpoint ? 'endpoint' : '', config.adminSecret ? 'admin_secret' : ''].filter(Boolean)
  if (keys.length) {
    result.notices.push(
      `config.yaml's ${keys.join(' and ')} ${keys.length > 1 ? 'are' : 'is'} ignored: the target comes from the action's inputs (endpoint, admin-secret, database-url) only`,
    )
  }
}

export function selectDatabases(config: ProjectConfig, settings: Settings): string[] {
  const available = listDatabases(config)
  const sel = settings.databases
  if (config.version < 3) {
    if (sel.kind === 'list' && (sel.names.length !== 1 || sel.names[0] !== 'default')) {
      throw new UserError(
        `config version ${config.version} projects have one database, 'default' (got '${sel.names.join(',')}')`,
        { input: 'database' },
      )
    }
    return ['default']
  }
  if (sel.kind === 'all') {
    if (available.length === 0) throw noDatabases(config)
    return available
  }
  if (sel.kind === 'list') {
    const missing = sel.names.filter((n) => !available.includes(n))
    if (missing.length) {
      throw new UserError(
        `no migrations directory for database ${missing.map((m) => `'${m}'`).join(', ')} in ${config.migrationsDirectory}/ (found: ${available.join(', ') || 'none'})`,
        { input: 'database' },
      )
    }
    return sel.names
  }
  if (available.length === 1) return available
  if (available.length === 0) throw noDatabases(config)
  throw new UserError(
    `the project has several databases (${available.join(', ')}): set 'database' to one of them, a comma-separated list, or all`,
    { input: 'database' },
  )
}

function noDatabases(config: ProjectConfig): UserError {
  return new UserError(
    `no database directories in ${config.migrationsDirectory}/ (config version 3 keeps migrations in ${config.migrationsDirectory}/<database>/)`,
    { file: config.migrationsDirectory },
  )
}

/** Every SQL text of the run: migrations both ways (files and config 1 run_sql items) and seeds. */
export function* projectSql(local: DatabaseMigrations[], seeds: SeedFile[]): Generator<string> {
  for (const db of local) {
    for (const m of db.migrations) {
      for (const side of [m.up, m.down]) {
        if (side?.sql) yield side.sql.text
        for (const step of side?.yaml?.steps ?? []) {
          const sql = (step.args as { sql?: unknown } | null)?.sql
          if (typeof sql === 'string') yield sql
        }
      }
    }
  }
  for (const seed of seeds) yield seed.text
}

/** The seed files the `seeds` input asks for, across the selected databases. */
function readSeedFiles(config: ProjectConfig, seeds: true | string[], databases: string[]): SeedFile[] {
  const names = seeds === true ? undefined : seeds
  return databases.flatMap((db) => listSeeds(config, db, names))
}
