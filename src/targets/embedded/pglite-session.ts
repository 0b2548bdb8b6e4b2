/** `SqlSession` over an in-process PGlite database (single connection, no server). */
import type { PGlite } from '@electric-sql/pglite'
import { driverErrorFields, type ScriptOutcome, type SqlSession } from '../sql/session.js'

const encoder = new TextEncoder()

/** A protocol Query ('Q') message: PGlite's `exec` hides how many statements completed before an error. */
function simpleQuery(text: string): Uint8Array {
  const body = encoder.encode(text)
  const message = new Uint8Array(1 + 4 + body.length + 1)
  message[0] = 0x51
  new DataView(message.buffer).setInt32(1, 4 + body.length + 1)
  message.set(body, 5)
  return message
}

export class PgliteSession implements SqlSession {
  constructor(private readonly db: PGlite) {}

  async query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    const result = await this.db.query<Record<string, unknown>>(sql, params)
    return result.rows
  }

  async script(text: string): Promise<ScriptOutcome> {
    let completed = 0
    try {
      const { messages } = await this.db.execProtocol(simpleQuery(text), { throwOnError: false })
      for (const message of messages) {
        if (message.name === 'commandComplete') completed++
        else if (message.name === 'error') return { completed, error: driverErrorFields(message) }
      }
      return { completed }
    } catch (error) {
      return { completed, error: driverErrorFields(error) }
    }
  }

  /** The database runs in this thread: a statement cannot be interrupted; the run stops after it. */
  async cancel(): Promise<void> {}

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close()
  }
}
