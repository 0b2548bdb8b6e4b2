/** Conversions from the core's values (bigint, Map, errors) to the JSON-ready Result model. */
import type { AppliedState, Finding, Step } from './plan/types.js'
import type { DatabaseMigrations } from './project/types.js'
import type { ErrorInfo, FindingResult, PlannedStep, StatusRow, VersionState } from './model.js'

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
