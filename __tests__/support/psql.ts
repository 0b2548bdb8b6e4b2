/**
 * The reference every real-project test compares the action with: `psql -1 -v ON_ERROR_STOP=1` applying
 * the same files to a fresh database, and `pg_dump --schema-only` of what is left.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { findPgProgram } from './pg-binaries.js'

const run = promisify(execFile)
const PSQL = findPgProgram('psql') ?? '/usr/bin/psql'
const PG_DUMP = findPgProgram('pg_dump') ?? '/usr/bin/pg_dump'
const BIG = 256 * 1024 * 1024

/** What a test needs of a database: its name (dumps mention it) and its URL. */
export interface NamedDatabase {
  name: string
  url: string
}

function psqlArgs(url: string, files: string[]): string[] {
  const args = ['-X', '-q', '-A', '-t', '-1', '-v', 'ON_ERROR_STOP=1', '-d', url]
  for (const f of files) args.push('-f', f)
  return args
}

/** `psql -1 -v ON_ERROR_STOP=1 -f … -f …`, then (same transaction) this session's lock count. Throws on failure. */
export async function psqlOne(url: string, files: string[]): Promise<{ ms: number; locks: number }> {
  const started = Date.now()
  const args = psqlArgs(url, files)
  args.push('-c', 'SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()')
  const { stdout } = await run(PSQL, args, { maxBuffer: BIG })
  const locks = Number(stdout.trim().split('\n').pop())
  return { ms: Date.now() - started, locks }
}

export type PsqlOutcome =
  | { ok: true; ms: number }
  /** `file` and `line` as psql names them (`psql:<file>:<line>: ERROR: …`); absent for an error at COMMIT. */
  | { ok: false; ms: number; file?: string; line?: number; message: string }

/** The same run as `psqlOne`, reporting where psql stopped instead of throwing. */
export async function psqlOutcome(url: string, files: string[]): Promise<PsqlOutcome> {
  const started = Date.now()
  try {
    await run(PSQL, psqlArgs(url, files), { maxBuffer: BIG, env: { ...process.env, LC_MESSAGES: 'C' } })
    return { ok: true, ms: Date.now() - started }
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? e)
    const at = /^psql:(.*):(\d+): ERROR: {2}(.*)$/m.exec(stderr)
    const ms = Date.now() - started
    if (at) return { ok: false, ms, file: at[1], line: Number(at[2]), message: at[3] }
    return { ok: false, ms, message: stderr.trim().split('\n')[0] ?? 'psql failed' }
  }
}

/**
 * Schema-only dump; normalised only for the per-dump random `\restrict` key and the database name. By
 * default without the state the CLI keeps (`hdb_catalog`) and the action's own ledger.
 */
export async function dumpSchema(
  db: NamedDatabase,
  exclude: string[] = ['--exclude-schema=hdb_catalog', '--exclude-schema=hasura_migrate_action'],
): Promise<string> {
  const args = ['--schema-only', '--no-owner', '--no-privileges', ...exclude, '-d', db.url]
  const { stdout } = await run(PG_DUMP, args, { maxBuffer: BIG })
  return stdout
    .replace(/^\\(un)?restrict \S+$/gm, '\\$1restrict <key>')
    .replace(/^--.*$/gm, (line) => line.replaceAll(db.name, '<database>'))
}
