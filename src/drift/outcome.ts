/**
 * A run's drift verdict from its parts (integrity, schema, metadata): the `drift` output and whether
 * `drift: fail` stops the run. Pure.
 */
import type { IntegrityReport } from './integrity.js'
import type { MetadataDrift } from './metadata-digest.js'
import type { SchemaDriftItem } from './schema-drift.js'

export type DriftMode = 'warn' | 'fail' | 'off'
export type DriftOutput = 'none' | 'found' | 'not-checked'

/** A schema found unchanged since a check (or an apply) that a replay vouched for: no replay needed. */
export interface UnchangedSince {
  checkedAt?: string
  runUrl?: string
  by: 'replay' | 'apply'
}

/** Schema drift of one database: its items (none, when unchanged since), or why it was not checked. */
export type SchemaDriftResult =
  { items: SchemaDriftItem[]; unchangedSince?: UnchangedSince } | { notChecked: string }

export interface DatabaseDrift {
  database: string
  integrity: IntegrityReport
  /** Absent where schema drift does not apply (the embedded target). */
  schema?: SchemaDriftResult
}

export interface DriftReport {
  databases: DatabaseDrift[]
  /** Absent without an endpoint. */
  metadata?: MetadataDrift
}

const found = (d: DatabaseDrift): boolean =>
  d.integrity.edited.length > 0 ||
  (d.schema !== undefined && 'items' in d.schema && d.schema.items.length > 0)

/** `found` when anything drifted; else `not-checked` when a part could not be checked; else `none`. */
export function driftOutput(report: DriftReport): DriftOutput {
  if (report.databases.some(found) || report.metadata?.status === 'changed') return 'found'
  const unchecked =
    report.databases.some((d) => d.schema !== undefined && 'notChecked' in d.schema) ||
    report.metadata?.status === 'not-recorded'
  return unchecked ? 'not-checked' : 'none'
}

/** `drift: fail` stops the run, before anything runs, when drift was found; "not checked" never does. */
export const driftFails = (report: DriftReport, mode: DriftMode): boolean =>
  mode === 'fail' && driftOutput(report) === 'found'
