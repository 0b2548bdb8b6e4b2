/**
 * The schema a target's applied versions define: their up files replayed, in order, on a fresh embedded
 * database (PGlite), then snapshotted. Each file runs as the Hasura CLI runs a migration, in a
 * transaction of its own; a file with statements that refuse a transaction block (`CREATE INDEX
 * CONCURRENTLY`, …) runs statement by statement. When the replay cannot finish, the answer says why
 * (`notChecked`) and never throws for it: drift is then "not checked", which never fails a run.
 */
import { createHash } from 'node:crypto'
import { sessionSnapshotQuery } from '../catalog/snapshot-sources.js'
import { takeSnapshot } from '../catalog/snapshot.js'
import type { CatalogSnapshot } from '../catalog/types.js'
import { runSqlText } from '../plan/transaction-findings.js'
import type { DatabaseMigrations } from '../project/types.js'
import { splitStatements } from '../sql/split.js'
import { openEmbedded } from '../targets/embedded/embedded-target.js'
import { mentionedExtensions } from '../targets/embedded/extensions.js'
import type { DriverErrorFields, SqlSession } from '../targets/sql/session.js'

export interface ReplayFile {
  version: bigint
  /** Relative to the project directory (posix), for messages. */
  file: string
  text: string
}

export interface ReplayNotChecked {
  notChecked: string
  version?: bigint
  file?: string
  /** The extension the embedded database lacks, when that is why. */
  extension?: string
}

export type ReplayResult = { snapshot: CatalogSnapshot } | ReplayNotChecked

export const isNotChecked = (r: ReplayResult): r is ReplayNotChecked => 'notChecked' in r

/**
 * What to replay for a database's applied versions (version → dirty), ascending: each up SQL file, or a
 * config 1 `up.yaml`'s `run_sql` steps (its other steps are metadata). A version applied but absent here,
 * or dirty (half applied), makes the replay say nothing true: then why, instead.
 */
export function replayFilesFor(
  db: DatabaseMigrations,
  applied: ReadonlyMap<bigint, boolean>,
): { files: ReplayFile[] } | ReplayNotChecked {
  const local = new Map(db.migrations.map((m) => [m.version, m]))
  const files: ReplayFile[] = []
  for (const version of [...applied.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (applied.get(version)) return { notChecked: `version ${version} is dirty (half applied)`, version }
    const up = local.get(version)?.up
    if (up?.sql) files.push({ version, file: up.sql.path, text: up.sql.text })
    else if (up?.yaml) {
      const sql = up.yaml.steps.flatMap((s) => runSqlText(s.type, s.args) ?? [])
      if (sql.length > 0) files.push({ version, file: up.yaml.path, text: sql.join(';\n') })
    } else {
      return {
        notChecked: `version ${version} is applied but has no up migration in ${db.directory}`,
        version,
      }
    }
  }
  return { files }
}

const NO_TRANSACTION_BLOCK = '25001'

/** `extension "postgis" is not available` (PostgreSQL 15+), `could not open extension control file ".../postgis.control"`. */
function missingExtension(e: DriverErrorFields): string | undefined {
  const text = `${e.message}\n${e.detail ?? ''}`
  const named = /extension "([^"]+)" is not available/.exec(text) ?? /\/([^/"]+)\.control"/.exec(text)
  return named?.[1]
}

async function runFile(session: SqlSession, text: string): Promise<DriverErrorFields | undefined> {
  const whole = await session.script(text)
  if (!whole.error) return undefined
  if (whole.error.sqlstate !== NO_TRANSACTION_BLOCK) return whole.error
  // the failed script was one implicit transaction: nothing of it stayed, so every statement runs again
  const { statements } = await splitStatements(text)
  for (const s of statements) {
    const one = await session.script(s.text)
    if (one.error) return one.error
  }
  return undefined
}

/** A fresh embedded database for one replay. */
export interface ReplayDatabase {
  session: SqlSession
  close(): Promise<void>
}

/** Starts a fresh embedded database with the given contrib extensions loaded. */
export type OpenReplayDatabase = (extensions: readonly string[]) => Promise<ReplayDatabase>

const openReplayDatabase: OpenReplayDatabase = async (extensions) => {
  const embedded = await openEmbedded({ configVersion: 3, timeoutMs: 0, extensions })
  return { session: embedded.session, close: () => embedded.target.close() }
}

/**
 * Replays `files` (ascending by version) on a fresh embedded database and snapshots it. The embedded
 * database loads only the contrib extensions the files name.
 */
export async function replaySchema(
  files: readonly ReplayFile[],
  open: OpenReplayDatabase = openReplayDatabase,
): Promise<ReplayResult> {
  const embedded = await open(mentionedExtensions(files.map((f) => f.text)))
  try {
    for (const f of files) {
      const error = await runFile(embedded.session, f.text)
      if (!error) continue
      const extension = missingExtension(error)
      const where = { version: f.version, file: f.file }
      if (extension) {
        return {
          notChecked: `the embedded database has no extension "${extension}" (created by ${f.file})`,
          extension,
          ...where,
        }
      }
      return { notChecked: `replaying ${f.file} on the embedded database failed: ${error.message}`, ...where }
    }
    return { snapshot: await takeSnapshot(sessionSnapshotQuery(embedded.session)) }
  } finally {
    await embedded.close()
  }
}

/**
 * One replay per set of files in a run: the drift check of a plan and of the run that follows it, or of
 * several databases with the same migrations, replay once.
 */
export class ReplayCache {
  private readonly replays = new Map<string, Promise<ReplayResult>>()

  constructor(
    private readonly replay: (files: readonly ReplayFile[]) => Promise<ReplayResult> = replaySchema,
  ) {}

  get(files: readonly ReplayFile[]): Promise<ReplayResult> {
    const hash = createHash('sha256')
    for (const f of files) hash.update(`${f.version}\0${f.text.length}\0`).update(f.text, 'utf8')
    const key = hash.digest('hex')
    let result = this.replays.get(key)
    if (!result) {
      result = this.replay(files)
      this.replays.set(key, result)
    }
    return result
  }
}
