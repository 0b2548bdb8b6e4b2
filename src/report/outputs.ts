/** The action's outputs (contract §4), computed from the Result alone. */
import { appliedAfter, appliedSteps, compareVersions } from './words.js'
import { redact, redactResult } from './redact.js'
import type { DatabaseResult, MetadataChangeResult, Result, SchemaChangesResult } from '../model.js'

export const OUTPUT_NAMES = [
  'applied-versions',
  'applied',
  'applied-count',
  'planned-versions',
  'pending-versions',
  'current-version',
  'metadata',
  'report',
  'comment-url',
  'metadata-problems',
  'schema-changes',
  'findings',
  'metadata-changes',
  'drift',
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]

export interface OutputOptions {
  /** URL of the pull-request comment written by this run, if any. */
  commentUrl?: string
  /** Values that must not appear in any output: masked in the Result's free text (`redactResult`). */
  secrets?: readonly (string | undefined)[]
}

/** Every output of the contract, always all of them (an unset output reads as `''` in a workflow anyway). */
export function outputsOf(result: Result, options: OutputOptions = {}): Record<OutputName, string> {
  const secrets = options.secrets ?? []
  const safe = redactResult(result, secrets)
  const applied = appliedSteps(safe)
  const perDatabase: Record<string, string[]> = {}
  for (const db of safe.databases) perDatabase[db.database] = []
  for (const step of applied) (perDatabase[step.database] ??= []).push(step.version)

  const outputs: Record<OutputName, string> = {
    'applied-versions': JSON.stringify(applied.map((s) => s.version)),
    applied: JSON.stringify(perDatabase),
    'applied-count': String(applied.length),
    'planned-versions': JSON.stringify(plannedVersions(safe)),
    'pending-versions': JSON.stringify(safe.databases.flatMap((d) => pendingAfter(safe, d))),
    'current-version': currentVersion(safe),
    metadata: safe.metadata.status,
    report: JSON.stringify(safe),
    // GitHub's answer, not ours: free text like any other
    'comment-url': redact(options.commentUrl ?? '', secrets),
    'metadata-problems': JSON.stringify(metadataProblems(safe)),
    'schema-changes': JSON.stringify(schemaChanges(safe)),
    findings: JSON.stringify(findingsOf(safe)),
    'metadata-changes': JSON.stringify(metadataChangesOf(safe)),
    // a run stopped before the check checked nothing
    drift: safe.drift?.status ?? 'not-checked',
  }
  return outputs
}

/** Contract §8.1: `{database, type, name, reason, file, line}` each (file and line when known). */
function metadataProblems(result: Result): Record<string, unknown>[] {
  return (result.metadataCheck?.problems ?? []).map((p) => ({
    database: p.database,
    type: p.type,
    name: p.name,
    reason: p.reason,
    ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
  }))
}

type SchemaChangesOutput = Pick<SchemaChangesResult, 'added' | 'dropped' | 'altered'>

/** Contract §8.2: database → `{added, dropped, altered}`, for the databases that executed something. */
function schemaChanges(result: Result): Record<string, SchemaChangesOutput> {
  const out: Record<string, SchemaChangesOutput> = {}
  for (const db of result.databases) {
    const c = db.schemaChanges
    if (c) out[db.database] = { added: c.added, dropped: c.dropped, altered: c.altered }
  }
  return out
}

/** The one shape of every finding (contract §8.3): a plan finding's kind is its rule. */
export interface FindingOutput {
  rule: string
  severity: string
  database: string
  version: string | null
  file: string | null
  line: number | null
  message: string
  silenced: boolean
}

export function findingsOf(result: Result): FindingOutput[] {
  return result.databases.flatMap((d) =>
    d.findings.map((f) => ({
      rule: f.rule ?? f.kind,
      severity: f.severity,
      database: f.database,
      version: f.version ?? null,
      file: f.file ?? null,
      line: f.line ?? null,
      message: f.message,
      silenced: f.silenced ?? false,
    })),
  )
}

/** Changes outside any source go under this key: no source has an empty name. */
export const GLOBAL_METADATA_KEY = ''

/** Per source its changes `{kind, name, change, before, after, widens}`; `""`: outside any source. */
export function metadataChangesOf(result: Result): Record<string, unknown[]> {
  const m = result.metadataChanges
  const out: Record<string, unknown[]> = {}
  if (!m) return out
  const short = (c: MetadataChangeResult) => ({
    kind: c.kind,
    name: c.name,
    change: c.change,
    before: c.before,
    after: c.after,
    widens: c.widens,
  })
  for (const s of m.sources) out[s.source] = s.changes.map(short)
  if (m.global.length > 0) out[GLOBAL_METADATA_KEY] = m.global.map(short)
  return out
}

/** The plan's versions in execution order across databases, each (database, version) once. */
function plannedVersions(result: Result): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const db of result.databases) {
    for (const step of db.planned) {
      const key = `${db.database}\u0000${step.version}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(step.version)
    }
  }
  return out
}

/** Local versions not applied after the run (for a dry run: after the plan would run), ascending. */
function pendingAfter(result: Result, db: DatabaseResult): string[] {
  const applied = appliedAfter(result, db)
  return db.status
    .filter((row) => row.local && !applied.has(row.version))
    .map((row) => row.version)
    .sort(compareVersions)
}

/** Newest applied version after the run; with several databases a JSON object database → version. */
function currentVersion(result: Result): string {
  if (result.databases.length === 0) return ''
  if (result.databases.length === 1) return result.databases[0].after.current ?? ''
  return JSON.stringify(Object.fromEntries(result.databases.map((d) => [d.database, d.after.current ?? ''])))
}
