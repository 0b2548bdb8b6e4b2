import { existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Finds a PostgreSQL server program on PATH or under /usr/lib/postgresql/<newest>/bin. */
export function findPgProgram(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
  for (const v of versions) {
    const p = join(root, v, 'bin', name)
    if (existsSync(p)) return p
  }
  return undefined
}

export function requirePgProgram(name: string): string {
  const p = findPgProgram(name)
  if (!p) {
    throw new Error(
      `PostgreSQL program '${name}' not found on PATH or under /usr/lib/postgresql/*/bin. ` +
        `Install PostgreSQL (apt-get install postgresql) or set DATABASE_URL to a server the tests may use.`,
    )
  }
  return p
}
