import type { CatalogSnapshot } from '../../catalog/types.js'
import type { RuleId } from './rules.js'

/** One planned up file, in the order the run applies it. */
export interface MigrationSql {
  database: string
  version: bigint
  /** Relative to the project directory, as findings show it. */
  file: string
  sql: string
}

/** Something in the database the project's metadata can point at (names unquoted, as in the catalog). */
export type DatabaseObject =
  | { kind: 'schema'; schema: string }
  /** A table, view, materialized view or foreign table. */
  | { kind: 'table'; schema: string; name: string }
  | { kind: 'column'; schema: string; table: string; column: string }
  | { kind: 'function'; schema: string; name: string }

export interface LintContext {
  /** Per database: its catalog before the run's migrations. Absent: what the run did not create is assumed to exist. */
  catalogBefore?: ReadonlyMap<string, CatalogSnapshot>
  /** Whether the project's metadata for `database` still points at the object. */
  referenced?: (database: string, object: DatabaseObject) => boolean
}

export type SafetySeverity = 'warning' | 'error'

/** A migration safety finding, in the one shape every finding of the review has. */
export interface SafetyFinding {
  rule: RuleId
  severity: SafetySeverity
  database: string
  version: bigint
  file: string
  /** 1-based line of the statement (or, for `unknown-ignore-rule`, of the comment). */
  line: number
  message: string
  /** True when the file names the rule in a `-- hasura-migrate:ignore` comment: reported, not counted. */
  silenced: boolean
}
