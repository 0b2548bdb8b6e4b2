import type { CatalogSnapshot } from '../catalog/types.js'
import type { ErrorInfo, TargetInfo } from '../model.js'
import type { SeedFile } from '../project/types.js'
import type { ExecuteRequest, ExecuteResult, TargetState } from '../execute/request.js'
import type { YamlMetadataSteps } from './step-parts.js'

export type { ExecutionMode, TargetInfo, TargetKind, TransactionMode } from '../model.js'
export type { ExecuteRequest, ExecuteResult, StepEvent, TargetState } from '../execute/request.js'

/** What a target can do, which the run asks instead of testing which target it is. */
export interface TargetCapabilities {
  /** It starts empty and is thrown away after the run (the embedded database): a rehearsal may apply. */
  ephemeral: boolean
  /**
   * Config 1 metadata steps (`track_table` … in `up.yaml`): `skip`, with a warning per step (no Hasura
   * to send them to), or `refuse` (Hasura cannot run them inside the migration transaction).
   */
  yamlMetadataSteps: YamlMetadataSteps
  /** It is also where the project's metadata goes (a Hasura endpoint). */
  holdsMetadata: boolean
  /**
   * A `beforeCommit` query is answered by a rehearsal of the whole unit (Hasura's `run_sql` cannot hold a
   * transaction open across requests): a read inside a unit costs as much as running it again.
   */
  readsByRehearsal: boolean
}

export interface SeedRequest {
  database: string
  files: SeedFile[]
  mode: 'apply' | 'rehearse'
  timeoutMs: number
  signal?: AbortSignal
}

export interface SeedResult {
  status: 'applied' | 'rehearsed' | 'failed'
  files: string[]
  error?: ErrorInfo
}

/**
 * Where migrations run. The plan decides what runs; a target knows only how to run it, and how to
 * read and write the migration state exactly where the Hasura CLI keeps it.
 */
export interface Target {
  readonly info: TargetInfo
  readonly capabilities: TargetCapabilities
  /** Applied versions for one database. Must not write anything (dry runs use it). */
  readState(database: string): Promise<TargetState>
  /** Runs the steps under the race lock; never throws for a migration failure (it is in the result). */
  execute(request: ExecuteRequest): Promise<ExecuteResult>
  applySeeds(request: SeedRequest): Promise<SeedResult>
  /**
   * The database's catalog as it stands, read only, outside any unit of work. On the embedded database
   * (`capabilities.ephemeral`), which starts empty, that is what this run has created so far.
   */
  snapshot?(database: string): Promise<CatalogSnapshot>
  /**
   * A read-only statement answering one row of one text cell, on one database: how the drift check
   * reads the ledger. Absent where there is nothing to drift (the embedded database starts empty).
   */
  readQuery?(database: string): TextQuery
  /**
   * Runs `sql` (self-contained statements) in one transaction of its own on one database, outside any
   * run's unit of work: how the drift check records a verified schema. Absent on the embedded database.
   */
  writeSql?(database: string, sql: string, what: string): Promise<void>
  close(): Promise<void>
}

/** Runs one read-only statement that answers one row of one text cell; its text. */
export type TextQuery = (sql: string) => Promise<string>
