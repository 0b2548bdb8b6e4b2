/**
 * The migration versions a project had at a commit (a pull request's base), per database, read with
 * git without touching the checkout: what the pull request's own migrations are is everything else.
 */
import { realpathSync } from 'node:fs'
import { posix } from 'node:path'
import { UserError } from '../errors.js'
import { ObjectStore, repositoryPrefix, TREE } from './git-objects.js'
import { short } from './untrusted-code.js'

export interface BaseVersionsOptions {
  /** The project directory in the checkout (absolute). */
  projectDir: string
  commit: string
  /** Relative to the project directory, as config.yaml (or the `migrations-dir` input) says. */
  migrationsDirectory: string
  /** Config 3 keeps each database's migrations in a directory of its name; 1 and 2 have `default` only. */
  configVersion: number
  databases: string[]
  /** Reads the objects; default a store of its own, closed when done. */
  store?: ObjectStore
  env?: NodeJS.ProcessEnv
}

/** A migration's directory or (config 1) file name starts with its version. */
const VERSION = /^([0-9]+)_/

/** Throws a UserError when the commit is not in the checkout. */
export async function baseMigrationVersions(options: BaseVersionsOptions): Promise<Map<string, Set<bigint>>> {
  const project = realpathSync(options.projectDir)
  const store = options.store ?? new ObjectStore(project, options.env)
  try {
    return await versionsAt(
      store,
      await repositoryPrefix(project, "the pull request's base", options.env),
      options,
    )
  } finally {
    if (!options.store) store.close()
  }
}

async function versionsAt(
  store: ObjectStore,
  prefix: string,
  options: BaseVersionsOptions,
): Promise<Map<string, Set<bigint>>> {
  const commit = options.commit.toLowerCase()
  const root = await store.commitTree(commit)
  if (!root) {
    throw new UserError(
      `the base commit ${short(commit)} is not in the checkout: set \`fetch-depth: 0\` on actions/checkout`,
    )
  }
  const out = new Map<string, Set<bigint>>()
  for (const database of options.databases) {
    const dir = posix.normalize(
      options.configVersion >= 3
        ? posix.join(options.migrationsDirectory, database)
        : options.migrationsDirectory,
    )
    const entry = await store.entryAt(root, posix.normalize(posix.join(prefix, dir)))
    const tree = entry?.mode === TREE ? await store.tree(entry.id) : undefined
    const versions = new Set<bigint>()
    for (const name of tree?.keys() ?? []) {
      const m = VERSION.exec(name)
      if (m) versions.add(BigInt(m[1]))
    }
    out.set(database, versions)
  }
  return out
}
