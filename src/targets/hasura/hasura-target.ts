/**
 * The Hasura GraphQL Engine target: migrations, seeds and metadata over Hasura's HTTP APIs, with the
 * state exactly where the Hasura CLI keeps it (§4), detected the way the CLI detects the server (§3).
 */
import { runSqlSnapshotQuery } from '../../catalog/snapshot-sources.js'
import { takeSnapshot } from '../../catalog/snapshot.js'
import type { CatalogSnapshot } from '../../catalog/types.js'
import { serverMetadataOf, type ServerMetadata } from '../../drift/metadata-digest.js'
import { TargetError, UserError } from '../../errors.js'
import { execute } from '../../execute/engine.js'
import { redactInfo, toErrorInfo } from '../../execute/error-report.js'
import type { ConfigVersion } from '../../project/types.js'
import type { MetadataResult } from '../../model.js'
import type { ExecuteRequest, ExecuteResult, TargetState } from '../../execute/request.js'
import type { SeedRequest, SeedResult, Target, TargetCapabilities, TargetInfo, TextQuery } from '../target.js'
import { HasuraConnection, type ServerGeneration } from './connection.js'
import { HasuraApiError, HasuraHttp, type ApiPaths } from './http.js'
import { applyMetadataOnHasura, connectSourcesOnHasura, type ApplyMetadataOptions } from './metadata.js'
import { RunSqlTransport, targetState } from './run-sql-transport.js'
import { applySeedsOnHasura } from './seeds.js'

export interface ConnectHasuraOptions {
  endpoint: string
  adminSecret?: string
  configVersion: ConfigVersion
  /** Limit for each request. */
  timeoutMs: number
  apiPaths?: Partial<ApiPaths>
  signal?: AbortSignal
  /** Link to the workflow run, kept in the ledger (config 3 with a separate metadata database). */
  runUrl?: string
  /** Waits between read attempts (default 250 ms, 1 s). */
  retryDelaysMs?: number[]
  fetch?: typeof fetch
}

export interface HasuraTarget extends Target {
  readonly generation: ServerGeneration
  /** The databases (sources) the server has, in server order (config 3 `--all-databases`). */
  listDatabases(): Promise<{ name: string; kind: string }[]>
  /** Connects the sources the project's metadata declares and the server lacks; call before migrations. */
  connectSources(metadata: Record<string, unknown>): Promise<string[]>
  applyMetadata(metadata: Record<string, unknown>, options: ApplyMetadataOptions): Promise<MetadataResult>
  /** The server's metadata as it stands (`export_metadata`), read only. */
  exportMetadata(): Promise<ServerMetadata>
  /** Runs `sql` on a database (source) in one transaction, through `run_sql`. */
  writeSql(database: string, sql: string, what: string): Promise<void>
  readQuery(database: string): TextQuery
}

interface ExportedMetadata {
  version?: unknown
  sources?: { name?: unknown; kind?: unknown }[]
}

const CONNECT_HINT =
  "Check the endpoint (the server's base URL, not its /v1/graphql URL) and that the server is up and healthy."

export async function connectHasura(options: ConnectHasuraOptions): Promise<HasuraTarget> {
  const http = new HasuraHttp(options)
  let serverVersion: string | undefined
  try {
    const v = await http.read<{ version?: unknown }>(
      'version',
      undefined,
      'reading the server version (/v1/version)',
    )
    if (typeof v.version === 'string') serverVersion = v.version
  } catch (e) {
    throw new TargetError(
      http.redact(
        `connecting to the Hasura GraphQL Engine at ${http.display} failed: ${(e as Error).message}. ${CONNECT_HINT}`,
      ),
      { input: 'endpoint' },
      e instanceof TargetError ? e.code : undefined,
    )
  }
  let exported: ExportedMetadata
  try {
    exported = await http.read<ExportedMetadata>(
      'query',
      { type: 'export_metadata', args: {} },
      'detecting the server generation (export_metadata)',
    )
  } catch (e) {
    if (e instanceof HasuraApiError && (e.status === 401 || e.body.code === 'access-denied')) {
      const given =
        options.adminSecret === undefined ? 'no admin secret was given' : 'the admin secret given was refused'
      throw new TargetError(
        http.redact(
          `the Hasura GraphQL Engine at ${http.display} refused access: ${e.body.error} (${given})`,
        ),
        { input: 'admin-secret' },
        String(e.status),
      )
    }
    throw e
  }
  const generation: ServerGeneration = exported.version === 3 ? 'v2' : 'v1'
  const cv = options.configVersion
  if (cv >= 3 && generation !== 'v2') {
    throw new UserError(
      `config v3 can only be used with servers having metadata version >= 3 (the server at ${http.display} answered metadata version ${String(exported.version)}): upgrade the server, or use config 2`,
    )
  }
  if (cv === 1 && generation === 'v2') {
    throw new UserError(
      'config v1 is deprecated from v1.4 and cannot be used with a v2 Hasura server: run `hasura scripts update-project-v2` (and then update-project-v3)',
    )
  }
  if (cv < 3 && generation === 'v2') {
    const names = (exported.sources ?? []).map((s) => s.name)
    if (names.length === 0) {
      throw new UserError(
        `no connected databases found on hasura (${http.display}): connect the default database first`,
      )
    }
    if (names.length !== 1 || names[0] !== 'default') {
      throw new UserError(
        'Looks like you are trying to use hasura with multiple databases, which requires some changes on your project directory: run `hasura scripts update-project-v3` to use config v3',
      )
    }
  }
  const info: TargetInfo = {
    kind: 'hasura',
    display: http.display,
    ...(serverVersion ? { serverVersion } : {}),
  }
  return new HasuraServerTarget(new HasuraConnection(http, generation, cv), info, options.runUrl)
}

/** One Hasura GraphQL Engine: migrations through the execution engine over `run_sql`, seeds, metadata. */
class HasuraServerTarget implements HasuraTarget {
  readonly capabilities: TargetCapabilities = {
    ephemeral: false,
    yamlMetadataSteps: 'refuse',
    holdsMetadata: true,
    readsByRehearsal: true,
  }

  constructor(
    private readonly conn: HasuraConnection,
    readonly info: TargetInfo,
    private readonly runUrl?: string,
  ) {}

  get generation(): ServerGeneration {
    return this.conn.generation
  }

  async readState(database: string): Promise<TargetState> {
    return targetState(await this.conn.readState(database))
  }

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return execute(new RunSqlTransport(this.conn, request.database, this.runUrl), request)
  }

  async applySeeds(request: SeedRequest): Promise<SeedResult> {
    try {
      return await applySeedsOnHasura(this.conn, request)
    } catch (e) {
      return {
        status: 'failed',
        files: request.files.map((f) => f.path),
        error: redactInfo(toErrorInfo(e, request.database), (s) => this.conn.http.redact(s)),
      }
    }
  }

  snapshot(database: string): Promise<CatalogSnapshot> {
    return takeSnapshot(runSqlSnapshotQuery(this.conn, database))
  }

  async exportMetadata(): Promise<ServerMetadata> {
    const v2 = this.conn.generation === 'v2'
    const answer = await this.conn.metadata(
      { type: 'export_metadata', ...(v2 ? { version: 2 } : {}), args: {} },
      false,
      "reading the server's metadata (export_metadata)",
    )
    return serverMetadataOf(answer)
  }

  async listDatabases(): Promise<{ name: string; kind: string }[]> {
    const m = await this.conn.metadata<ExportedMetadata>(
      { type: 'export_metadata', args: {} },
      false,
      'listing the databases (export_metadata)',
    )
    if (this.conn.generation === 'v1') return [{ name: 'default', kind: 'postgres' }]
    return (m.sources ?? []).map((s) => ({
      name: String(s.name),
      kind: typeof s.kind === 'string' ? s.kind : 'postgres',
    }))
  }

  connectSources(metadata: Record<string, unknown>): Promise<string[]> {
    return connectSourcesOnHasura(this.conn, metadata)
  }

  applyMetadata(metadata: Record<string, unknown>, options: ApplyMetadataOptions): Promise<MetadataResult> {
    return applyMetadataOnHasura(this.conn, metadata, options)
  }

  async writeSql(database: string, sql: string, what: string): Promise<void> {
    await this.conn.runSql(database, sql, { write: true, what })
  }

  readQuery(database: string): TextQuery {
    return async (sql) => {
      const answer = await this.conn.runSql(database, sql, {
        readOnly: true,
        write: false,
        what: `reading database '${database}' for the drift check`,
      })
      const cell = answer.result?.[1]?.[0]
      return typeof cell === 'string' ? cell : ''
    }
  }

  async close(): Promise<void> {
    // Nothing is held open between requests.
  }
}
