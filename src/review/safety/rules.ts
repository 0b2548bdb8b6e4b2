/**
 * The migration safety rules: stable ids (they appear in `-- hasura-migrate:ignore` comments, in the
 * `findings` output and in the documentation's anchors), each with its severity and a one-line summary.
 */

export const RULES = {
  'drop-table': { severity: 'warning', summary: 'drops a table that existed before the run' },
  'drop-column': { severity: 'warning', summary: 'drops a column that existed before the run' },
  'drop-schema': { severity: 'warning', summary: 'drops a schema that existed before the run' },
  'drop-type': { severity: 'warning', summary: 'drops a type or domain that existed before the run' },
  truncate: { severity: 'warning', summary: 'empties a table that existed before the run' },
  'drop-cascade': { severity: 'warning', summary: 'drops with CASCADE: dependent objects go silently' },
  'change-column-type': {
    severity: 'warning',
    summary: 'changes a column type in a way that rewrites or scans the table',
  },
  'add-column-volatile-default': {
    severity: 'warning',
    summary: 'adds a column whose value is computed per row, rewriting the table',
  },
  'add-column-required': {
    severity: 'warning',
    summary: 'adds a NOT NULL column without a default to an existing table',
  },
  'set-not-null': {
    severity: 'warning',
    summary: 'sets NOT NULL without a valid CHECK that proves it, scanning the table under an exclusive lock',
  },
  'constraint-without-not-valid': {
    severity: 'warning',
    summary: 'adds a FOREIGN KEY or CHECK constraint without NOT VALID, scanning the table',
  },
  'add-unique-without-index': {
    severity: 'warning',
    summary: 'adds a PRIMARY KEY or UNIQUE constraint that builds its index under an exclusive lock',
  },
  'create-index-not-concurrently': {
    severity: 'warning',
    summary: 'builds an index on an existing table without CONCURRENTLY, blocking writes',
  },
  'reindex-not-concurrently': {
    severity: 'warning',
    summary: 'rebuilds an index without CONCURRENTLY, blocking writes',
  },
  'vacuum-full': { severity: 'warning', summary: 'VACUUM FULL rewrites tables under an exclusive lock' },
  cluster: { severity: 'warning', summary: 'CLUSTER rewrites a table under an exclusive lock' },
  'lock-table': { severity: 'warning', summary: 'locks a table explicitly' },
  'rename-table': { severity: 'warning', summary: 'renames or moves a table or view' },
  'rename-column': { severity: 'warning', summary: 'renames a column' },
  'referenced-by-metadata': {
    severity: 'error',
    summary: "drops or renames something the project's metadata still references",
  },
  'unknown-ignore-rule': {
    severity: 'warning',
    summary: 'a hasura-migrate:ignore comment names a rule that does not exist',
  },
} as const satisfies Record<string, { severity: 'warning' | 'error'; summary: string }>

export type RuleId = keyof typeof RULES

export const RULE_IDS = Object.keys(RULES) as RuleId[]

export const isRuleId = (name: string): name is RuleId => Object.hasOwn(RULES, name)

/** The rules' documentation, relative to the repository root. */
export const RULES_DOC = 'docs/safety-rules.md'

/** Where a rule is explained: the documentation's anchor, relative to the repository root. */
export const ruleUrl = (rule: RuleId): string => `${RULES_DOC}#${rule}`
