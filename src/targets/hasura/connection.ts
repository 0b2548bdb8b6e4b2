/**
 * One detected Hasura server: which APIs to use for `run_sql` and metadata (§4.1, §5.1, §8.1), the
 * request bodies the CLI sends, and the state read in as few requests as possible.
 */
import { TargetError, type PgErrorFields } from '../../errors.js'
import { REMEDIES } from '../../report/remedies.js'
import type { ConfigVersion } from '../../project/types.js'
import { HasuraApiError, type HasuraHttp } from './http.js'
import {
  probeRow,
  probeSql,
  stateFromCatalog,
  stateFromSchemaMigrations,
  type CatalogStateAnswer,
  type DatabaseState,
} from './read-state.js'

export type ServerGeneration = 'v1' | 'v2'

export interface RunSqlOptions {
  readOnly?: boolean
  noTransaction?: boolean
  /** A write is sent once; a read (or a rehearsal, which always rolls back) is retried. */
  write: boolean
  what: string
  timeoutMs?: number
}

export interface TuplesResult {
  result_type: 'TuplesOk' | 'CommandOk'
  result: (string | null)[][] | null
}

/**
 * Whether Hasura left the database's own error out of a `postgres-error` answer: it does, for the admin
 * too, on a server run with `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false`.
 */
export function databaseErrorHidden(e: unknown): boolean {
  return e instanceof HasuraApiError && e.body.code === 'postgres-error' && e.body.internal === undefined
}

/** Why a server's answers cannot be read, said once. */
export const HIDDEN_ERROR =
  "the server leaves the database's error out of its answers (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false)"

/** A rehearsal ends in an error it recognises as its own: on such a server every ending looks the same. */
export function rehearsalUnreadable(what: 'migration' | 'seed'): TargetError {
  return new TargetError(
    `dry-run: rehearse cannot tell its own rollback from a failing ${what} here: ${HIDDEN_ERROR}. Nothing was applied. ${REMEDIES.hiddenDatabaseErrors}`,
  )
}

/**
 * PostgreSQL's answer inside Hasura's `postgres-error`, or undefined for any other failure — and for one
 * whose database error the server hides (`databaseErrorHidden`): its "query execution failed" says nothing.
 */
export function pgErrorOf(e: unknown): (PgErrorFields & { batchStatement?: string }) | undefined {
  if (!(e instanceof HasuraApiError) || e.body.code !== 'postgres-error' || databaseErrorHidden(e))
    return undefined
  const internal = e.body.internal as
    { error?: Record<string, unknown>; statement?: unknown; position?: unknown } | undefined
  const err = internal?.error ?? {}
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
  const position = Number(err.position ?? internal?.position)
  return {
    sqlstate: str(err.status_code),
    message: str(err.message) ?? e.body.error,
    detail: str(err.description),
    hint: str(err.hint),
    ...(Number.isInteger(position) && position > 0 ? { position } : {}),
    batchStatement: str(internal?.statement),
  }
}

export class HasuraConnection {
  constructor(
    readonly http: HasuraHttp,
    readonly generation: ServerGeneration,
    readonly configVersion: ConfigVersion,
  ) {}

  /** `run_sql` as the CLI sends it: `/v2/query` on v2 servers, `source` for config 3, no metadata check. */
  async runSql(database: string, sql: string, o: RunSqlOptions): Promise<TuplesResult> {
    const args: Record<string, unknown> = { sql }
    if (this.configVersion === 3) args.source = database
    if (this.configVersion >= 2) args.check_metadata_consistency = false
    if (o.readOnly) args.read_only = true
    if (o.noTransaction) args.no_transaction = true
    const api = this.generation === 'v2' ? 'v2Query' : 'query'
    const body = { type: 'run_sql', args }
    return o.write
      ? this.http.write<TuplesResult>(api, body, o.what, o.timeoutMs)
      : this.http.read<TuplesResult>(api, body, o.what, o.timeoutMs)
  }

  /** Metadata API: `/v1/metadata` on v2 servers, `/v1/query` on v1 servers. */
  metadata<T = unknown>(body: Record<string, unknown>, write: boolean, what: string): Promise<T> {
    const api = this.generation === 'v2' ? 'metadata' : 'query'
    return write ? this.http.write<T>(api, body, what) : this.http.read<T>(api, body, what)
  }

  getCatalogState(): Promise<CatalogStateAnswer> {
    return this.metadata<CatalogStateAnswer>(
      { type: 'get_catalog_state', args: {} },
      false,
      'reading the catalog state (get_catalog_state)',
    )
  }

  /** One read-only `run_sql` (config 1/2); config 3 adds `get_catalog_state`. */
  async readState(database: string): Promise<DatabaseState> {
    const what = `reading the migration state of database '${database}'`
    if (this.configVersion < 3) {
      const r = await this.runSql(database, probeSql(database, false), { readOnly: true, write: false, what })
      return stateFromSchemaMigrations(database, probeRow(r))
    }
    // The ledger before the catalog: a row seen recorded was written to the catalog before it was marked,
    // so the catalog read after it has it (catalog writers take turns, see LEDGER.md).
    const r = await this.runSql(database, probeSql(database, true), { readOnly: true, write: false, what })
    const catalog = await this.getCatalogState()
    return stateFromCatalog(database, catalog, probeRow(r))
  }
}
