/** Conversions from the core's values (bigint, Map, errors) to the JSON-ready Result model. */
import { isKnownError, RefusedError, SqlError } from './errors.js'
import type { AppliedState, Finding, Step } from './plan/types.js'
import type { DatabaseMigrations } from './project/types.js'
import type { ErrorInfo, FindingResult, PlannedStep, StatusRow, VersionState } from './report/result.js'

export function versionState(state: AppliedState): VersionState {
  const applied = [...state.versions.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const newest = applied.at(-1)
  return {
    current: newest === undefined ? null : newest.toString(),
    applied: applied.map(String),
    dirty: newest === undefined ? false : state.versions.get(newest) === true,
  }
}

/** The `hasura migrate status` table: union of local and applied versions, ascending. */
export function statusRows(db: DatabaseMigrations, state: AppliedState): StatusRow[] {
  const names = new Map(db.migrations.map((m) => [m.version, m.name]))
  const all = new Set<bigint>([...names.keys(), ...state.versions.keys()])
  return [...all]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((v) => ({
      version: v.toString(),
      name: names.get(v) ?? '-',
      local: names.has(v),
      applied: state.versions.has(v),
    }))
}

export function plannedStep(step: Step): PlannedStep {
  return {
    version: step.version.toString(),
    name: step.name,
    direction: step.direction,
    file: step.sql?.path ?? step.yaml?.path,
    transactional: step.transactional,
    sql: step.sql?.text,
  }
}

export function findingResult(f: Finding): FindingResult {
  return {
    kind: f.kind,
    severity: f.severity,
    database: f.database,
    version: f.version?.toString(),
    file: f.file,
    line: f.line,
    message: f.message,
  }
}

/** Any thrown value → ErrorInfo; unknown errors become `internal` (a bug: the caller logs the stack). */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (isKnownError(e)) {
    const info: ErrorInfo = {
      kind: e.kind,
      message: e.message,
      database: e.where.database,
      version: e.where.version,
      file: e.where.file,
      line: e.where.line,
      input: e.where.input,
    }
    if (e instanceof SqlError) {
      info.sqlstate = e.pg.sqlstate
      info.detail = e.pg.detail
      info.hint = e.pg.hint
      info.statement = e.pg.statement
    }
    if (e instanceof RefusedError) info.remedy = e.remedy
    return stripUndefined(info)
  }
  const message = e instanceof Error ? e.message : String(e)
  return { kind: 'internal', message }
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

/** A one-line `::error::` message: where, then what. */
/** The error as one line; `next` (the first of the report's next steps) says what to do when the error has no remedy of its own. */
export function oneLine(error: ErrorInfo, next = error.remedy): string {
  const where: string[] = []
  if (error.file) where.push(error.line ? `${error.file}:${error.line}` : error.file)
  else {
    if (error.database) where.push(`database '${error.database}'`)
    if (error.version) where.push(`version ${error.version}`)
  }
  if (error.file && error.version) where.push(`version ${error.version}`)
  const sqlstate = error.sqlstate ? ` [SQLSTATE ${error.sqlstate}]` : ''
  const prefix = where.length ? `${where.join(', ')}: ` : ''
  const tail = next ? ` — ${next}` : ''
  return `${prefix}${error.message}${sqlstate}${tail}`.replace(/\s*\n\s*/g, ' ')
}
