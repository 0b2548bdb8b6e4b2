/**
 * What every hostile-input run shares: distinctive secrets given on every run, a project tree written
 * into a fresh workspace, the captured text of a run (everything a user or a log could see), and the
 * checks a clean failure must pass.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ActionRun } from '../../support/action-runner.js'
import { query } from '../../support/database.js'
import { tempDir } from '../../support/temp-dir.js'

/** Given on every run; none may ever appear in anything captured. */
export const SECRETS = {
  adminSecret: 'hostile-ADMIN-secret-4Kq9Zr',
  dbPassword: 'hostile-DB-password-7Lm2Xw',
  githubToken: 'ghp_hostileTOKEN0123456789abcdefghijKL',
} as const

export const ALL_SECRETS: string[] = Object.values(SECRETS)

/** A stack frame line, as Node prints them. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/

/** A file's text, raw bytes, or a symbolic link to a target (relative to the link's directory). */
export type TreeEntry = string | Buffer | { symlink: string }
export type Tree = Record<string, TreeEntry>

export function writeTree(root: string, tree: Tree): void {
  const made = new Set<string>()
  for (const [rel, entry] of Object.entries(tree)) {
    const abs = join(root, rel)
    const dir = dirname(abs)
    if (!made.has(dir)) mkdirSync(dir, { recursive: true })
    made.add(dir)
    if (typeof entry === 'object' && !Buffer.isBuffer(entry)) symlinkSync(entry.symlink, abs)
    else writeFileSync(abs, entry)
  }
}

/** A workspace holding the project in `hasura/`; the run's cwd is the workspace. */
export function workspaceWith(tree: Tree): { workspace: string; projectDir: string; abs: string } {
  const workspace = tempDir('hma-hostile-')
  const abs = join(workspace, 'hasura')
  mkdirSync(abs, { recursive: true })
  writeTree(abs, tree)
  return { workspace, projectDir: 'hasura', abs }
}

/** The URL with the run's database password in the userinfo (the harness trusts any password). */
export function withPassword(url: string, password: string = SECRETS.dbPassword): string {
  const u = new URL(url)
  u.password = encodeURIComponent(password)
  return u.toString()
}

export function errorLines(r: ActionRun): string[] {
  return r.annotations.filter((a) => a.startsWith('::error'))
}

/** Anything the run left in the database: non-system schemas (hdb_catalog, cli_state, ...) and public objects. */
export async function writesIn(url: string): Promise<number> {
  const [row] = await query<{ schemas: number; objects: number }>(
    url,
    `SELECT (SELECT count(*) FROM pg_namespace
              WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%')::int AS schemas,
            (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public')::int
          + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public')::int AS objects`,
  )
  return row.schemas + row.objects
}
