/** `SqlSession` over one `pg` client. */
import pg from 'pg'
import { driverErrorFields, type ScriptOutcome, type SqlSession } from '../sql/session.js'

/** pg's Query handles each protocol message in a method; counting CommandComplete needs this one. */
interface QueryInternals {
  handleCommandComplete(message: unknown, connection: unknown): void
}

export class PgSession implements SqlSession {
  /** Set once the connection failed: the target opens a new one for the next operation. */
  lost = false
  /** A client created with `pipeline: true` writes queries without waiting for the last answer. */
  readonly pipelined: boolean

  constructor(
    private readonly client: pg.Client,
    private readonly config: pg.ClientConfig,
  ) {
    this.pipelined = client.pipeline
    // Without a listener an error on an idle connection (a terminated backend) kills the process.
    client.on('error', () => {
      this.lost = true
    })
    client.on('end', () => {
      this.lost = true
    })
  }

  /** The server process of this session, for `pg_cancel_backend`. */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number }).processID
  }

  async query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    try {
      const result = await this.client.query<Record<string, unknown>>(sql, params)
      return result.rows
    } catch (error) {
      if (driverErrorFields(error).connectionLost) this.lost = true
      throw error
    }
  }

  /** Sent as one simple query (no parameters): PostgreSQL accepts several statements in it. */
  script(text: string): Promise<ScriptOutcome> {
    return new Promise((resolve) => {
      let completed = 0
      let settled = false
      const settle = (outcome: ScriptOutcome): void => {
        if (settled) return
        settled = true
        if (outcome.error?.connectionLost) this.lost = true
        resolve(outcome)
      }
      const query = new pg.Query({ text }) as pg.Query & QueryInternals
      const handleCommandComplete = query.handleCommandComplete.bind(query)
      query.handleCommandComplete = (message, connection) => {
        completed++
        handleCommandComplete(message, connection)
      }
      query.on('error', (error: unknown) => settle({ completed, error: driverErrorFields(error) }))
      query.on('end', () => settle({ completed }))
      this.client.query(query)
    })
  }

  /** `pg_cancel_backend` from a second, short-lived connection: the running statement fails with 57014. */
  async cancel(): Promise<void> {
    const pid = this.backendPid
    if (pid === undefined || this.lost) return
    const canceller = new pg.Client(this.config)
    canceller.on('error', () => undefined)
    try {
      await canceller.connect()
      await canceller.query('SELECT pg_cancel_backend($1)', [pid])
    } catch {
      // Best effort: the run still stops before the next statement.
    } finally {
      await canceller.end().catch(() => undefined)
    }
  }

  async close(): Promise<void> {
    this.lost = true
    await this.client.end().catch(() => undefined)
  }
}
