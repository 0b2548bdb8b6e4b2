/**
 * The shared model: the one Result every reporter reads (outputs, summary, PR comment, annotations, CLI
 * table), and the words targets, the execution engine and the run share. Types only, importing nothing
 * but the plan's: every module may depend on it, it depends on none of them.
 * JSON-ready: versions are decimal strings, no bigint, no Map.
 */
import type { Direction, FindingKind, Severity } from './plan/types.js'

export type TargetKind = 'postgres' | 'hasura' | 'embedded'

export interface TargetInfo {
  kind: TargetKind
  /** Where, with credentials redacted (e.g. `postgres://app:***@db:5432/app`). */
  display: string
  /** e.g. `PostgreSQL 15.18`, `v2.48.16`. */
  serverVersion?: string
}

/** `apply` runs and commits; `rehearse` runs and always rolls back; `skip-execution` writes state only. */
export type ExecutionMode = 'apply' | 'rehearse' | 'skip-execution'

/** `all`: per database one transaction for every step and its state record. */
export type TransactionMode = 'all' | 'per-migration'

export type StepStatus = 'applied' | 'failed' | 'not-run' | 'rehearsed' | 'skipped'

export interface ErrorInfo {
  /** `metadata`: the metadata names what the migrated schema lacks (verify-metadata: error). */
  kind: 'user' | 'target' | 'sql' | 'metadata' | 'cancelled' | 'refused' | 'internal'
  message: string
  database?: string
  version?: string
  /** Relative to the project directory. */
  file?: string
  line?: number
  input?: string
  sqlstate?: string
  detail?: string
  hint?: string
  /** The failing statement. */
  statement?: string
  /** What to do next, one sentence. */
  remedy?: string
}

export interface StepResult {
  database: string
  version: string
  name: string
  direction: Direction
  /** SQL file relative to the project directory. */
  file?: string
  status: StepStatus
  durationMs: number
  /** False for a file marked `-- hasura:no-transaction`. */
  transactional: boolean
  /** e.g. `not rehearsed (no-transaction)`, `recorded only (skip-execution)`. */
  note?: string
  error?: ErrorInfo
}

/** Findings about a pull request's changes to migrations (`src/github/migration-changes.ts`), beside the plan's. */
export type ChangeFindingKind = 'merge-order' | 'edited-migration' | 'deleted-migration'

/** A migration safety finding (`src/review/safety/`); its `rule` says which. */
export type SafetyFindingKind = 'safety'

export interface FindingResult {
  kind: FindingKind | ChangeFindingKind | SafetyFindingKind
  severity: Severity
  database: string
  version?: string
  file?: string
  line?: number
  message: string
  /** The safety rule (docs/safety-rules.md), for `kind: 'safety'`. */
  rule?: string
  /** The file silences the rule (`-- hasura-migrate:ignore <rule>`): reported, never failing the run. */
  silenced?: boolean
}

/** How the migration safety rules ran (`lint` input). */
export interface SafetyCheck {
  lint: 'warn' | 'error' | 'off'
  /** Up files the rules read. */
  files: number
  /** Databases whose catalog before the run was read (the rules then know which tables are new). */
  withCatalog: string[]
  /** What the rules could not know, one sentence each (no catalog, only the pull request's own files). */
  notes: string[]
}

/** One metadata object added, removed or changed (`src/review/metadata-diff.ts` narrows `kind`). */
export interface MetadataChangeResult<Kind extends string = string> {
  /** `table`, `select_permission`, `object_relationship`, `action`, … */
  kind: Kind
  /** `public.users`, `public.users.author` (relationship), `public.users/editor` (role's permission). */
  name: string
  change: 'added' | 'removed' | 'changed'
  /** The item as written before (literal secrets masked); null when added. */
  before: unknown
  /** The item as written after (literal secrets masked); null when removed. */
  after: unknown
  widens: boolean
  /** Why it widens access, one phrase each; empty exactly when `widens` is false. */
  widening: string[]
  /** One line for people: "select permission on public.users granted to role user". */
  summary: string
  /** What changed, one phrase each: "columns added: email", "filter relaxed: {…} → {}". */
  details: string[]
  /** The role, for permissions and inherited roles. */
  role?: string
  /** The role is the unauthenticated one (anyone, without logging in) and still has access after. */
  unauthenticated?: true
}

export interface MetadataChangesResult {
  /** What the project's metadata was compared with. */
  base:
    | { from: 'server'; display: string }
    | { from: 'base-commit'; commit: string }
    | { from: 'none'; reason: string }
  sources: { source: string; changes: MetadataChangeResult[] }[]
  /** Outside any source: actions, custom types, remote schemas, allow lists, cron triggers, … */
  global: MetadataChangeResult[]
  /** Something the comparison could not do as usual (the base commit lacked the project, …). */
  note?: string
}

export interface VersionState {
  /** Newest applied version, or null. */
  current: string | null
  /** Applied versions, ascending. */
  applied: string[]
  /** The newest applied version is marked dirty. */
  dirty: boolean
}

/** A row of the `hasura migrate status`-like table. */
export interface StatusRow {
  version: string
  name: string
  local: boolean
  applied: boolean
}

export interface PlannedStep {
  version: string
  name: string
  direction: Direction
  file?: string
  transactional: boolean
  /** SQL text, for the collapsed sections of the report (may be truncated by renderers). */
  sql?: string
}

export interface DatabaseResult {
  database: string
  /** Migrations directory, relative to the project directory. */
  directory: string
  before: VersionState
  after: VersionState
  status: StatusRow[]
  planned: PlannedStep[]
  steps: StepResult[]
  findings: FindingResult[]
  appliedByAnotherRun: string[]
  /** What this run changed in the schema (contract §8.2), when it executed or rehearsed something. */
  schemaChanges?: SchemaChangesResult
}

/** One object of a schema change: `{kind: 'column', name: 'users.email', detail: 'text NOT NULL'}`. */
export interface SchemaChangeEntry {
  kind: string
  name: string
  detail: string
}

export interface SchemaChangesResult {
  added: SchemaChangeEntry[]
  dropped: SchemaChangeEntry[]
  altered: SchemaChangeEntry[]
  /**
   * What "before" is: the target's schema before the run (`target`); on the embedded database, the
   * schema after the versions at the pull request's base commit (`base`), or the empty database (`empty`).
   */
  before: 'target' | 'base' | 'empty'
  /** Said in the report about `before`, e.g. which base commit, or why there is none. */
  note?: string
}

/** A metadata reference that does not resolve in the migrated schema, in Hasura's words. */
export interface MetadataProblemResult {
  database: string
  type: string
  name: string
  reason: string
  /** The metadata file and line that hold the reference, relative to the project directory. */
  file?: string
  line?: number
  /** On the embedded database: what the object is to this project (e.g. no migration creates it). */
  note?: string
}

export type VerifyMetadataSetting = 'error' | 'warn' | 'off'

export interface MetadataCheckResult {
  setting: VerifyMetadataSetting
  /** `warned`: problems found and reported (`warn`); `not-checked`: see `reason`. */
  status: 'passed' | 'failed' | 'warned' | 'not-checked' | 'off'
  reason?: string
  /** The databases whose schema was checked. */
  databases: string[]
  problems: MetadataProblemResult[]
  /** What the check could not look at (non-PostgreSQL sources, remote schemas), and why. */
  notChecked: { kind: string; name: string; reason: string }[]
  /**
   * Versions that had already committed when the check ran (`transaction: per-migration`, a
   * no-transaction file, several databases, or a Hasura unit that runs outside a transaction).
   */
  committedBeforeCheck: { database: string; version: string }[]
}

export interface InconsistentObject {
  type: string
  name: string
  reason: string
}

export interface MetadataResult {
  status: 'applied' | 'inconsistent' | 'skipped' | 'planned' | 'failed'
  /** Why skipped / what happened, one sentence. */
  message?: string
  inconsistentObjects: InconsistentObject[]
}

export interface SeedsResult {
  status: 'applied' | 'rehearsed' | 'planned' | 'skipped' | 'failed'
  files: string[]
}

export interface TrustedPullRequestCode {
  /** `pull_request_target`, or `workflow_run (after pull_request)`. */
  event: string
  /** The fork's `owner/name`. */
  from: string
  /** Why the project's files count as the pull request's, e.g. the checked-out commit is its head. */
  reason: string
}

/** An applied version whose local up file is not the one the ledger recorded. */
export interface EditedMigration {
  version: string
  name: string
  /** Relative to the project directory. */
  file: string
  /** SHA-256 (hex) the ledger holds. */
  recorded: string
  /** SHA-256 (hex) of the local file. */
  local: string
  /** What the recorded hash is of: the file that ran, the file when first adopted, or when last accepted. */
  origin: 'applied' | 'adopted' | 'accepted'
  appliedAt?: string
  runUrl?: string
  commit?: string
}

/** One object whose schema differs from what the applied versions define. */
export interface SchemaDriftEntry {
  where: 'only-in-target' | 'only-in-replay' | 'different'
  /** `table`, `column`, `index`, `function`, … */
  kind: string
  /** As the schema changes name objects: `users.hand_added`. */
  name: string
  detail: string
}

export interface DatabaseDrift {
  database: string
  /** Edited after apply: drift. */
  edited: EditedMigration[]
  /** Edited, acknowledged with `accept-edited-migrations`: not drift. */
  accepted: EditedMigration[]
  /** Applied without a recorded hash (by the Hasura CLI, or before the ledger): listed once, never drift. */
  unverified: { version: string; name: string; file: string }[]
  /** Versions `accept-edited-migrations` names that are not edited here. */
  unusedAcceptances: string[]
  /** Schema drift: its entries, or why it was not checked. */
  schema:
    | {
        entries: SchemaDriftEntry[]
        /** Found unchanged since an earlier check or apply that a replay vouched for (no replay this run). */
        unchangedSince?: { checkedAt?: string; runUrl?: string; by: 'replay' | 'apply' }
      }
    | { notChecked: string }
}

export interface MetadataDriftResult {
  status: 'unchanged' | 'changed' | 'not-recorded'
  /** One sentence. */
  message: string
  /** The semantic changes from what was applied to the server's, one line each. */
  changes: { source?: string; summary: string; widens: boolean; details: string[] }[]
  /** Where the "applied" side of the changes comes from, when not the applied commit. */
  note?: string
}

export type DriftStatus = 'none' | 'found' | 'not-checked'

/** The drift check before anything runs (the `drift` input and output). */
export interface DriftResult {
  status: DriftStatus
  mode: 'warn' | 'fail' | 'off'
  /** Why nothing was checked (`drift: off`, the embedded database). */
  reason?: string
  databases: DatabaseDrift[]
  /** With an endpoint. */
  metadata?: MetadataDriftResult
}

export type RunMode = 'apply' | 'plan' | 'rehearse'

export type RunStatus = 'applied' | 'nothing-to-do' | 'planned' | 'rehearsed' | 'failed' | 'cancelled'

export interface Result {
  schemaVersion: 1
  status: RunStatus
  mode: RunMode
  skipExecution: boolean
  transaction: TransactionMode
  /** Relative project directory as given by the user. */
  projectDir: string
  configVersion: 1 | 2 | 3
  environment: string
  target: TargetInfo
  /** Where metadata went, when different from the migrations target. */
  metadataTarget?: TargetInfo
  databases: DatabaseResult[]
  metadata: MetadataResult
  seeds: SeedsResult
  /**
   * Set when `trust-pull-request-code: true` let this run execute a fork's pull request with the
   * repository's secrets, which it would otherwise have refused.
   */
  trustedPullRequestCode?: TrustedPullRequestCode
  /** Drift and integrity, checked before anything runs; absent when the run stopped before the check. */
  drift?: DriftResult
  /** The metadata checked against the migrated schema before anything committed (contract §8.1). */
  metadataCheck?: MetadataCheckResult
  /** The migration safety rules: absent when they did not run (the run stopped before its plan). */
  safety?: SafetyCheck
  /** The project's metadata against the server's or the pull request's base (contract §8.4). */
  metadataChanges?: MetadataChangesResult
  /** Embedded target: the down round trip. */
  roundTrip?: { status: 'passed' | 'skipped' | 'failed'; reason?: string }
  notices: string[]
  warnings: string[]
  error?: ErrorInfo
  startedAt: string
  durationMs: number
  /** Link to the workflow run, when on GitHub. */
  runUrl?: string
}
