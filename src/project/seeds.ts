/**
 * Seed files as `hasura seed apply` picks them (reference §9): config 3 `<seeds>/<database>`, else
 * `<seeds>`; every `.sql`/`.SQL` file of a recursive walk in lexical order, or the files named
 * explicitly (relative to that directory, order kept).
 */
import { readdirSync, type Dirent } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { UserError } from '../errors.js'
import { compareNames, fileError, goExt, joinPosix, readUtf8, relativePosix, statFollow } from './files.js'
import { assertDatabaseName } from './migrations.js'
import { hasNoTransactionMarker } from './no-transaction-marker.js'
import type { ProjectConfig, SeedFile } from './types.js'

const SEED_EXTENSIONS = ['.sql', '.SQL']

/** Absolute seeds directory of one database. */
export function seedsDirectory(config: ProjectConfig, database: string): string {
  const root = join(config.projectDir, config.seedsDirectory)
  if (config.version < 3) return root
  assertDatabaseName(database)
  return join(root, database)
}

/**
 * The seed files to run, in order. Without `names`: every `.sql`/`.SQL` file below the directory
 * (an absent directory gives `[]`; the caller decides whether "no seeds" is an error, as the CLI's
 * `no SQL files found in <dir>` or `--all-databases`' "No seed data to plant").
 */
export function listSeeds(config: ProjectConfig, database: string, names?: string[]): SeedFile[] {
  const dirAbs = seedsDirectory(config, database)
  const dirRel = relativePosix(config.projectDir, dirAbs) || '.'
  const seed = (abs: string, rel: string): SeedFile => {
    const text = readUtf8(abs, rel, { database })
    return { path: rel, text, noTransaction: hasNoTransactionMarker(text), database }
  }

  if (names && names.length > 0) {
    return names.map((name) => {
      const ext = goExt(name)
      if (!SEED_EXTENSIONS.includes(ext)) {
        throw new UserError(
          `seed file '${name}': expected extension to be one of .sql, .SQL but got '${ext}' (as the Hasura CLI)`,
          { input: 'seeds', database },
        )
      }
      // filepath.Join: an absolute name is still taken below the seeds directory.
      const abs = join(dirAbs, name)
      const inside = relative(dirAbs, abs)
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        throw new UserError(`seed file '${name}' is outside the seeds directory ${dirRel}`, {
          input: 'seeds',
          database,
        })
      }
      const rel = relativePosix(config.projectDir, abs)
      const st = statFollow(abs, rel, { input: 'seeds', database })
      if (!st)
        throw new UserError(`seed file '${name}' not found: expected ${rel}`, { input: 'seeds', database })
      if (!st.isFile())
        throw new UserError(`seed file '${name}' (${rel}) is not a file`, { input: 'seeds', database })
      return seed(abs, rel)
    })
  }

  const files: SeedFile[] = []
  const walk = (abs: string, rel: string): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(abs, { withFileTypes: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && abs === dirAbs) return
      throw fileError(e, rel, { database })
    }
    entries.sort((a, b) => compareNames(a.name, b.name))
    for (const d of entries) {
      const childAbs = join(abs, d.name)
      const childRel = joinPosix(rel, d.name)
      // filepath.Walk does not follow symlinked directories; a symlinked file is read through the link.
      if (d.isDirectory()) walk(childAbs, childRel)
      else if (SEED_EXTENSIONS.includes(goExt(d.name))) {
        if (d.isSymbolicLink() && !statFollow(childAbs, childRel, { database })?.isFile()) continue
        if (d.isFile() || d.isSymbolicLink()) files.push(seed(childAbs, childRel))
      }
    }
  }
  walk(dirAbs, dirRel)
  return files
}
