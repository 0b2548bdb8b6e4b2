/** Words, numbers and facts shared by every surface (Markdown, plain text, annotations). */
import type { TargetInfo } from '../model.js'
import type { DatabaseResult, ErrorInfo, Result, RunStatus, StepResult, StepStatus } from '../model.js'
import { MAY_STILL_COMMIT } from '../execute/wording.js'

export const ACTION_NAME = 'hasura-migrate-action'

/** Where a safety rule is explained, in the action's repository (its ids are the anchors). */
export const ruleDoc = (rule: string): string => `${ACTION_NAME}: docs/safety-rules.md#${rule}`

export const RUN_STATUS_EMOJI: Record<RunStatus, string> = {
  applied: '✅',
  'nothing-to-do': '✅',
  planned: '📋',
  rehearsed: '🧪',
  failed: '❌',
  cancelled: '⛔',
}

export const STEP_STATUS_EMOJI: Record<StepStatus, string> = {
  applied: '✅',
  rehearsed: '🧪',
  failed: '❌',
  'not-run': '⏸️',
  skipped: '➖',
}

export const STEP_STATUS_WORD: Record<StepStatus, string> = {
  applied: 'applied',
  rehearsed: 'rehearsed',
  failed: 'failed',
  'not-run': 'not run',
  skipped: 'skipped',
}

export function targetKindLabel(info: TargetInfo): string {
  switch (info.kind) {
    case 'hasura':
      return 'Hasura GraphQL Engine'
    case 'postgres':
      return 'PostgreSQL'
    case 'embedded':
      return 'embedded PostgreSQL'
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Stable, human durations: `0 ms`, `850 ms`, `1.2 s`, `2 min 03 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`
}

/** `1700000000000_create_users`, the name a migration has on disk. */
export function migrationLabel(version: string, name: string): string {
  return name && name !== '-' ? `${version}_${name}` : version
}

/** Steps that changed the target: executed or recorded, each (database, version) once. */
export function appliedSteps(result: Result): StepResult[] {
  if (result.mode !== 'apply') return []
  const seen = new Set<string>()
  const out: StepResult[] = []
  for (const db of result.databases) {
    for (const step of db.steps) {
      // `skipped` = recorded without running its SQL (skip-execution): the contract counts it as applied
      if (step.status !== 'applied' && step.status !== 'skipped') continue
      const key = `${step.database}\u0000${step.version}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(step)
    }
  }
  return out
}

/** Whether every step of the run went down (a rollback), for the headline's verb. */
export function isRollback(result: Result): boolean {
  const steps = result.databases.flatMap((d) => (d.steps.length > 0 ? d.steps : d.planned))
  return steps.length > 0 && steps.every((s) => s.direction === 'down')
}

/** Planned steps, each (database, version, direction) once, in execution order. */
export function plannedCount(result: Result): number {
  return result.databases.reduce((n, d) => n + d.planned.length, 0)
}

/** One line that says what happened. */
export function headline(result: Result): string {
  const applied = appliedSteps(result).length
  const planned = plannedCount(result)
  const down = isRollback(result)
  switch (result.status) {
    case 'applied':
      if (result.skipExecution) {
        return `Recorded ${plural(applied, 'migration')} as ${down ? 'rolled back' : 'applied'} without running SQL (skip-execution)`
      }
      return `${down ? 'Rolled back' : 'Applied'} ${plural(applied, 'migration')}`
    case 'nothing-to-do':
      return 'Nothing to apply: up to date'
    case 'planned':
      return `Plan: ${plural(planned, 'migration')} to ${down ? 'roll back' : 'apply'} (dry run, nothing written)`
    case 'rehearsed': {
      const steps = result.databases.flatMap((d) => d.steps)
      const rehearsed = steps.filter((s) => s.status === 'rehearsed').length
      const count =
        steps.length === 0 || rehearsed === planned
          ? plural(planned, 'migration')
          : `${rehearsed} of ${plural(planned, 'migration')}`
      return `Rehearsed ${count}: executed and rolled back, nothing committed`
    }
    case 'failed': {
      if (result.error?.kind === 'refused') return "Refused to run a pull request's code"
      const v = result.error?.version
      if (v) return `Failed at version ${v}`
      return applied > 0 ? `Failed after applying ${plural(applied, 'migration')}` : 'Failed'
    }
    case 'cancelled':
      // over HTTP a request already sent runs to its end on the server: only the client stopped
      return result.target.kind === 'hasura'
        ? 'Cancelled: no further requests were sent'
        : 'Cancelled: open transactions were rolled back'
  }
}

/** Path relative to the repository root for a path relative to the project directory. */
export function repoPath(projectDir: string, file: string): string {
  const dir = normalizeDir(projectDir)
  const joined = dir === '.' ? file : `${dir}/${file}`
  return normalizePosix(joined)
}

/** `./hasura/` → `hasura`, `` → `.`; backslashes become slashes. */
export function normalizeDir(dir: string): string {
  const n = normalizePosix(dir.replace(/\\/g, '/'))
  return n === '' ? '.' : n
}

function normalizePosix(p: string): string {
  const absolute = p.startsWith('/')
  const out: string[] = []
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else if (part === '..' && absolute) continue
    else out.push(part)
  }
  const joined = out.join('/')
  return absolute ? `/${joined}` : joined || '.'
}

/** `file:line` for messages. */
export function fileLine(file: string | undefined, line: number | undefined): string | undefined {
  if (!file) return undefined
  return line ? `${file}:${line}` : file
}

/** Versions that became applied on a database during the run (after − before), ascending. */
export function committedDuringRun(db: DatabaseResult): string[] {
  const before = new Set(db.before.applied)
  return db.after.applied.filter((v) => !before.has(v))
}

/** Versions that stopped being applied during the run (rolled back), ascending. */
export function removedDuringRun(db: DatabaseResult): string[] {
  const after = new Set(db.after.applied)
  return db.before.applied.filter((v) => !after.has(v))
}

/** SQLSTATEs meaning "it is already there": the change was most likely applied by hand. */
const ALREADY_EXISTS = new Set(['42P07', '42701', '42710', '42P06', '42723', '42P04'])

export function looksAppliedByHand(error: ErrorInfo): boolean {
  return error.kind === 'sql' && !!error.sqlstate && ALREADY_EXISTS.has(error.sqlstate)
}

/** Recovery advice, one sentence each, most likely first. */
export function nextSteps(result: Result): string[] {
  const error = result.error
  const out: string[] = []
  if (error?.remedy) out.push(error.remedy)
  const dirty = result.databases.filter((d) => d.after.dirty && d.after.current)
  if (error) {
    const db = error.database ?? (result.databases.length === 1 ? result.databases[0].database : undefined)
    const dbFlag = db && result.configVersion === 3 ? ` --database-name ${db}` : ''
    const metadataFailed = result.metadata.status === 'failed' && !error.version
    const applied = appliedSteps(result).length
    const kept =
      applied === 0
        ? ''
        : applied === 1
          ? ' The migration applied by this run stays applied and is not run again.'
          : ` The ${applied} migrations applied by this run stay applied and are not run again.`
    if (metadataFailed && result.metadata.inconsistentObjects.length > 0) {
      out.push(
        `Fix what the inconsistent objects point at (something the metadata names that the database does not have), in the metadata or with a new migration, and re-run.${kept}`,
        'To accept inconsistent metadata on purpose, set `allow-inconsistent-metadata: true`.',
      )
    } else if (metadataFailed) {
      out.push(`Fix the metadata error above and re-run.${kept}`)
    } else
      switch (error.kind) {
        case 'sql': {
          const where = error.file ? `\`${error.file}\`` : 'the migration'
          const committed = result.databases.flatMap((d) => committedDuringRun(d))
          const embedded = result.target.kind === 'embedded'
          out.push(
            embedded
              ? `Fix ${where} and re-run: the embedded database starts empty on every run.`
              : committed.length === 0
                ? `Fix ${where} and re-run: nothing from this run was committed, so the re-run starts from the same state.`
                : `Fix ${where} and re-run: the versions committed before the failure (${committed.join(', ')}) stay applied and are not run again.`,
          )
          // a file PostgreSQL cannot parse was certainly not applied by hand; nothing is by hand on the embedded database
          if (error.version && error.sqlstate !== '42601' && !embedded)
            out.push(recordByHandAdvice(result, error, error.version, dbFlag))
          break
        }
        case 'target':
          out.push(
            'Check that the target is reachable from the runner and that the credentials are right, then re-run; nothing was changed by a request that failed.',
          )
          break
        case 'user':
          out.push('Fix the input or file named above and re-run; nothing was executed.')
          break
        case 'cancelled':
          out.push(
            result.target.kind !== 'hasura'
              ? 'The run was cancelled: open transactions were rolled back. Re-run when ready.'
              : error.message.includes(MAY_STILL_COMMIT)
                ? 'The run was cancelled: a request already sent to Hasura may still have committed. Re-run when ready: the re-run re-reads the state and applies nothing twice.'
                : // a read or a rehearsal in flight: the server finishes it, and it changes nothing
                  'The run was cancelled while no request that writes was in flight: nothing was committed beyond the versions listed as applied. Re-run when ready.',
          )
          break
        case 'refused':
          break // the remedy above says what to do instead
        case 'internal':
          out.push('This is a bug in hasura-migrate-action: please report it with the log of this run.')
          break
      }
  }
  for (const d of dirty) {
    const v = d.after.current!
    const flag = result.configVersion === 3 ? ` --database-name ${d.database}` : ''
    out.push(
      `Version ${v} on \`${d.database}\` is marked dirty (a Hasura CLI run failed midway). Check by hand that its changes are complete, then clear the flag: \`hasura migrate apply --skip-execution --version ${v} --type down${flag}\` followed by \`hasura migrate apply --skip-execution --version ${v}${flag}\`.`,
    )
  }
  return out
}

/** How to record a version whose changes someone already made by hand, without running it. */
function recordByHandAdvice(result: Result, error: ErrorInfo, version: string, dbFlag: string): string {
  const db = result.databases.find((d) => d.database === error.database) ?? result.databases[0]
  const failed = db?.steps.find((s) => s.version === version && s.status === 'failed')
  const down = failed?.direction === 'down'
  const lead = looksAppliedByHand(error)
    ? `PostgreSQL says the object already exists: if version ${version} was applied by hand`
    : down
      ? `If the changes of version ${version} were already undone by hand`
      : `If the changes of version ${version} are already in the database (applied by hand)`
  const cli = `\`hasura migrate apply --skip-execution --version ${version}${down ? ' --type down' : ''}${dbFlag}\``
  // `steps: 1` records exactly this version only when it is the next one in line after the run.
  const applied = new Set(db?.after.applied ?? [])
  const next = down
    ? db?.after.current === version
    : !(db?.status ?? []).some(
        (r) => r.local && !applied.has(r.version) && compareVersions(r.version, version) < 0,
      )
  const action = down
    ? '`skip-execution: true`, `direction: down` and `steps: 1`'
    : '`skip-execution: true` and `steps: 1`'
  return next
    ? `${lead}, record it without running it: run once with ${action}, or ${cli}; then re-run normally.`
    : `${lead}, record only that version without running it: ${cli}; then re-run normally.`
}

/**
 * What is applied once the run is over. A dry run changed nothing, so its "after" is what the plan
 * would leave: the state before, plus the planned ups, minus the planned downs.
 */
export function appliedAfter(result: Result, db: DatabaseResult): Set<string> {
  if (result.mode === 'apply') return new Set(db.after.applied)
  const applied = new Set(db.before.applied)
  for (const step of db.planned) {
    if (step.direction === 'up') applied.add(step.version)
    else applied.delete(step.version)
  }
  return applied
}

/** Newest of a set of versions, or null. */
export function newest(versions: Iterable<string>): string | null {
  let best: string | null = null
  for (const v of versions) if (best === null || compareVersions(v, best) > 0) best = v
  return best
}

/** Numeric order for decimal versions (a 19-digit version sorts after an 18-digit one). */
export function compareVersions(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  return a < b ? -1 : a > b ? 1 : 0
}
