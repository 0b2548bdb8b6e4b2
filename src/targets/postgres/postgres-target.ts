/**
 * PostgreSQL directly over `pg` (the `database-url` input): one connection, the execution engine over it.
 * State is where the Hasura CLI keeps it (see `../sql/state-store.ts`).
 */
import pg from 'pg'
import type { CatalogSnapshot } from '../../catalog/types.js'
import { SqlDatabase } from '../sql/sql-database.js'
import type { ExecuteRequest, ExecuteResult, TargetState } from '../../execute/request.js'
import type { SeedRequest, SeedResult, Target, TargetCapabilities, TargetInfo, TextQuery } from '../target.js'
import { connectionError } from './connection-error.js'
import { PgSession } from './pg-session.js'
import { redactUrl } from './redact.js'

export interface PostgresOptions {
  url: string
  configVersion: 1 | 2 | 3
  /** Connect timeout, and the default statement/lock limit. */
  timeoutMs: number
  applicationName?: string
  /** Aborts whatever runs: the current statement is cancelled and the transaction rolled back. */
  signal?: AbortSignal
}

class PostgresTarget implements Target {
  readonly capabilities: TargetCapabilities = {
    ephemeral: false,
    yamlMetadataSteps: 'skip',
    holdsMetadata: false,
    readsByRehearsal: false,
  }
  private readonly database: SqlDatabase

  constructor(
    readonly info: TargetInfo,
    private current: PgSession | undefined,
    private readonly open: () => Promise<PgSession>,
    options: PostgresOptions,
    redact: (text: string) => string,
  ) {
    this.database = new SqlDatabase({
      configVersion: options.configVersion,
      session: () => this.session(),
      redact,
      ...(options.signal ? { signal: options.signal } : {}),
    })
  }

  /** The connection; a new one when the last was lost (a terminated backend, a network failure). */
  private async session(): Promise<PgSession> {
    if (this.current && !this.current.lost) return this.current
    await this.current?.close()
    this.current = await this.open()
    return this.current
  }

  readState(database: string): Promise<TargetState> {
    return this.database.readState(database)
  }

  snapshot(database: string): Promise<CatalogSnapshot> {
    return this.database.snapshot(database)
  }

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return this.database.execute(request)
  }

  applySeeds(request: SeedRequest): Promise<SeedResult> {
    return this.database.applySeeds(request)
  }

  readQuery(database: string): TextQuery {
    return this.database.readQuery(database)
  }

  writeSql(database: string, sql: string, what: string): Promise<void> {
    return this.database.writeSql(database, sql, what)
  }

  async close(): Promise<void> {
    await this.current?.close()
    this.current = undefined
  }
}

/** Connects (failing with a `TargetError` that never shows the password) and reads the server version. */
export async function connectPostgres(options: PostgresOptions): Promise<Target> {
  // pg fills what the URL leaves out from PGHOST, PGPASSWORD, … of this process's environment
  const { display, redact } = redactUrl(options.url, process.env)
  const config: pg.ClientConfig = {
    // The URL goes to pg as is. Beware: node-postgres treats sslmode=require (and prefer, verify-ca)
    // as verify-full, i.e. it checks the certificate; `uselibpqcompat=true&sslmode=require` gives
    // libpq's meaning (encrypt, do not verify), and `sslmode=no-verify` does the same.
    connectionString: options.url,
    application_name: options.applicationName ?? 'hasura-migrate-action',
    connectionTimeoutMillis: options.timeoutMs,
    keepAlive: true,
    // The session transport sends a migration before the previous one answered (`SqlSession.pipelined`).
    pipeline: true,
  }
  const open = async (): Promise<PgSession> => {
    let client: pg.Client
    try {
      client = new pg.Client(config)
    } catch (error) {
      throw connectionError(error, display, redact, options.timeoutMs)
    }
    const session = new PgSession(client, config)
    try {
      await client.connect()
    } catch (error) {
      await session.close()
      throw connectionError(error, display, redact, options.timeoutMs)
    }
    return session
  }
  const session = await open()
  let serverVersion: string | undefined
  try {
    const [row] = await session.query('SHOW server_version')
    // e.g. `15.18 (Debian 15.18-0+deb12u1)` → `PostgreSQL 15.18`
    const version = typeof row?.server_version === 'string' ? row.server_version.split(' ')[0] : undefined
    if (version) serverVersion = `PostgreSQL ${version}`
  } catch (error) {
    await session.close()
    throw connectionError(error, display, redact, options.timeoutMs)
  }
  const info: TargetInfo = { kind: 'postgres', display, ...(serverVersion ? { serverVersion } : {}) }
  return new PostgresTarget(info, session, open, options, redact)
}
