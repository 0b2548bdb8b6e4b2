import type { Migration, SqlFile, YamlFile } from '../project/types.js'

/** What the target says is applied, for one database. */
export interface AppliedState {
  /** version → dirty flag. */
  versions: Map<bigint, boolean>
}

export type Direction = 'up' | 'down'

export type PlanRequest =
  | { kind: 'up'; steps: number | 'all' }
  | { kind: 'down'; steps: number | 'all' }
  /** Roll back above the version, then apply pending up to and including it. */
  | { kind: 'goto'; version: bigint }

export type OutOfOrderPolicy = 'allow' | 'warn' | 'fail'

export interface PlanOptions {
  outOfOrder: OutOfOrderPolicy
}

/** One thing to run: a version in a direction, with the files to run. */
export interface Step {
  database: string
  version: bigint
  name: string
  direction: Direction
  /** The SQL to run (absent for a yaml-only config 1 side). */
  sql?: SqlFile
  /** Config 1 metadata steps (only `run_sql` can run outside Hasura). */
  yaml?: YamlFile
  /** False when the file carries the no-transaction marker: it runs alone, between transactions. */
  transactional: boolean
}

export type FindingKind =
  | 'out-of-order'
  | 'applied-missing-locally'
  | 'missing-down'
  | 'empty-down'
  | 'placeholder-down'
  | 'no-transaction-required'
  | 'no-transaction-file'
  | 'transaction-control'
  | 'transaction-block'
  | 'yaml-metadata-step'
  | 'round-trip-impossible'
  | 'nested-migration-file'
  | 'unsupported-embedded'
  | 'dirty'

export type Severity = 'error' | 'warning' | 'notice'

/** Something worth telling; severity `error` stops the run before anything executes. */
export interface Finding {
  kind: FindingKind
  severity: Severity
  database: string
  version?: bigint
  file?: string
  line?: number
  message: string
}

export interface DatabasePlan {
  database: string
  steps: Step[]
  findings: Finding[]
}

export type { Migration }
