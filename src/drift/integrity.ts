/**
 * Integrity of applied migrations: is each applied version's local up file still the one that ran?
 * Pure: compares the ledger's hashes (ledger.ts) with the local files. A version with no hash in the
 * ledger (applied by the Hasura CLI, or before the ledger) is unverified, never drift.
 */
import type { DatabaseMigrations } from '../project/types.js'
import { sha256Hex, type HashOrigin, type LedgerEntry } from './ledger.js'

export interface LocalUpFile {
  version: bigint
  name: string
  /** Relative to the project directory (posix). */
  file: string
  sha256: string
}

/**
 * The up SQL files of `versions` (the applied ones), hashed. Only those are read: a run that checks
 * integrity reads what is applied, never the whole directory.
 */
export function localUpFiles(db: DatabaseMigrations, versions: Iterable<bigint>): LocalUpFile[] {
  const wanted = new Set(versions)
  const out: LocalUpFile[] = []
  for (const m of db.migrations) {
    const sql = m.up?.sql
    if (!sql || !wanted.has(m.version)) continue
    out.push({ version: m.version, name: m.name, file: sql.path, sha256: sha256Hex(sql.text) })
  }
  return out
}

/** `edited-after-apply`: the file that ran is not the file in the repository now. */
export interface EditedAfterApply {
  version: bigint
  name: string
  file: string
  /** The hash the ledger holds. */
  recorded: string
  /** The hash of the local file. */
  local: string
  /** What the recorded hash is of: the file that ran, or the local file when adopted or accepted. */
  origin: HashOrigin
  appliedAt?: string
  runUrl?: string
  commit?: string
}

export interface UnverifiedVersion {
  version: bigint
  name: string
  file: string
  /** The local file's hash: what adopting the version records. */
  sha256: string
}

export interface IntegrityReport {
  edited: EditedAfterApply[]
  /** Edited versions the user acknowledged: not drift; a writing run re-records their hash. */
  accepted: EditedAfterApply[]
  unverified: UnverifiedVersion[]
  /** Recorded ledger rows of versions the state no longer holds (rolled back by another tool). */
  stale: bigint[]
  /** Versions the acknowledgement names that are not edited (a typo, or already accepted). */
  unusedAcceptances: bigint[]
}

export interface IntegrityOptions {
  /** Versions whose edit is acknowledged (`accept-edited-migrations`). */
  accept?: ReadonlySet<bigint>
}

/**
 * @param ledger  the database's ledger rows (`readLedger(...).entries`)
 * @param applied the versions the CLI's state holds (dirty ones included)
 * @param local   the local up files of (at least) the applied versions
 */
export function checkIntegrity(
  ledger: readonly LedgerEntry[],
  applied: Iterable<bigint>,
  local: readonly LocalUpFile[],
  options: IntegrityOptions = {},
): IntegrityReport {
  const appliedSet = new Set(applied)
  const rows = new Map(ledger.filter((r) => r.applied).map((r) => [r.version, r]))
  const accept = options.accept ?? new Set<bigint>()
  const report: IntegrityReport = {
    edited: [],
    accepted: [],
    unverified: [],
    stale: [],
    unusedAcceptances: [],
  }
  const sorted = [...local].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
  for (const file of sorted) {
    if (!appliedSet.has(file.version)) continue
    const row = rows.get(file.version)
    if (row?.sha256 === undefined) {
      report.unverified.push({ version: file.version, name: file.name, file: file.file, sha256: file.sha256 })
      continue
    }
    if (row.sha256 === file.sha256) continue
    const edited: EditedAfterApply = {
      version: file.version,
      name: file.name,
      file: file.file,
      recorded: row.sha256,
      local: file.sha256,
      origin: row.origin,
      ...(row.appliedAt ? { appliedAt: row.appliedAt } : {}),
      ...(row.runUrl ? { runUrl: row.runUrl } : {}),
      ...(row.commit ? { commit: row.commit } : {}),
    }
    ;(accept.has(file.version) ? report.accepted : report.edited).push(edited)
  }
  for (const r of ledger) if (r.recorded && !appliedSet.has(r.version)) report.stale.push(r.version)
  const accepted = new Set(report.accepted.map((e) => e.version))
  report.unusedAcceptances = [...accept].filter((v) => !accepted.has(v)).sort((a, b) => (a < b ? -1 : 1))
  return report
}

const short = (hash: string): string => hash.slice(0, 12)

/** One line for the report and the annotation on the file (of the core's or the Result's record). */
export function editedMessage(
  e: Pick<EditedAfterApply, 'file' | 'recorded' | 'local' | 'origin'> & { version: bigint | string },
): string {
  const what =
    e.origin === 'applied'
      ? 'the file that ran'
      : e.origin === 'adopted'
        ? 'the file when the ledger first recorded this version'
        : 'the file when its last edit was accepted'
  return `version ${e.version} was edited after it was applied: ${e.file} is sha256 ${short(e.local)}…, ${what} was sha256 ${short(e.recorded)}…; restore the file, or acknowledge the edit with accept-edited-migrations: ${e.version}`
}

/** Parses the acknowledgement input: comma- or space-separated versions. */
export function parseAcceptedVersions(input: string): { versions: Set<bigint>; invalid: string[] } {
  const versions = new Set<bigint>()
  const invalid: string[] = []
  for (const item of input.split(/[\s,]+/).filter((s) => s !== '')) {
    if (/^\d+$/.test(item)) versions.add(BigInt(item))
    else invalid.push(item)
  }
  return { versions, invalid }
}
