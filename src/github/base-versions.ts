/**
 * The migration versions a project had at a commit (a pull request's base), per database, read with
 * git without touching the checkout: what the pull request's own migrations are is everything else.
 */
import { realpathSync } from 'node:fs'
import { posix } from 'node:path'
import { UserError } from '../errors.js'
import { gitIn, type Git } from './base-files.js'
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
  git?: Git
}

/** A migration's directory or (config 1) file name starts with its version. */
const VERSION = /^([0-9]+)_/

/** Throws a UserError when the commit is not in the checkout. */
export async function baseMigrationVersions(options: BaseVersionsOptions): Promise<Map<string, Set<bigint>>> {
  const project = realpathSync(options.projectDir)
  const git = options.git ?? gitIn(project)
  const exists = await git(['cat-file', '-e', `${options.commit}^{commit}`])
  if (exists.code !== 0) {
    throw new UserError(
      `the base commit ${short(options.commit)} is not in the checkout: set \`fetch-depth: 0\` on actions/checkout`,
    )
  }
  const out = new Map<string, Set<bigint>>()
  for (const database of options.databases) {
    const dir = posix.normalize(
      options.configVersion >= 3
        ? posix.join(options.migrationsDirectory, database)
        : options.migrationsDirectory,
    )
    // `ls-tree` takes paths relative to the directory it runs in, the project's
    const r = await git(['ls-tree', '--name-only', '-z', options.commit, '--', `${dir}/`])
    const versions = new Set<bigint>()
    if (r.code === 0) {
      for (const path of r.stdout.toString('utf8').split('\0')) {
        const m = VERSION.exec(posix.basename(path))
        if (m) versions.add(BigInt(m[1]))
      }
    }
    out.set(database, versions)
  }
  return out
}
