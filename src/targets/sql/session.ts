/**
 * The one thing the session transport (`session-transport.ts`) needs from a PostgreSQL driver: a single session (connection) that
 * runs parameterised statements and multi-statement scripts. `pg` and PGlite each implement it.
 */
import type { DriverErrorFields } from '../../execute/error-report.js'

export type { DriverErrorFields } from '../../execute/error-report.js'

export interface ScriptOutcome {
  /** Statements of the script that completed before the error (all of them without an error). */
  completed: number
  error?: DriverErrorFields
}

export interface SqlSession {
  /**
   * Whether scripts may be sent before the previous one answered (each still runs alone, in order).
   * A network session saves a round trip per migration; an in-process one has none to save.
   */
  readonly pipelined?: boolean
  /** One statement, parameters as `$1`… (extended protocol). Rejects with the driver's error. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>
  /**
   * Several statements sent as one simple query, run in order (in one implicit transaction unless a
   * transaction block is open). Resolves with the error instead of rejecting, and says how many
   * statements completed first — which tells the failing statement when PostgreSQL gives no position.
   */
  script(text: string): Promise<ScriptOutcome>
  /** Interrupts the statement running now (best effort; a no-op where impossible). */
  cancel(): Promise<void>
  close(): Promise<void>
}

const SQLSTATE = /^[0-9A-Z]{5}$/

/** Connection-level failures: the session cannot be used again. */
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTCONN', 'ECONNABORTED'])

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** Normalises a `pg` or PGlite error (same field names: both follow the protocol's ErrorResponse). */
export function driverErrorFields(error: unknown): DriverErrorFields {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const message =
    str(e.message) ?? (error instanceof Error ? error.message : String(error)) ?? 'unknown database error'
  const code = str(e.code)
  const out: DriverErrorFields = { message }
  if (code && SQLSTATE.test(code)) out.sqlstate = code
  else if (code) out.code = code
  const detail = str(e.detail)
  if (detail) out.detail = detail
  const hint = str(e.hint)
  if (hint) out.hint = hint
  const where = str(e.where)
  if (where) out.where = where
  const position = Number(e.position)
  if (Number.isInteger(position) && position > 0) out.position = position
  const severity = str(e.severity)
  if (
    severity === 'FATAL' ||
    severity === 'PANIC' ||
    (out.sqlstate?.startsWith('08') ?? false) ||
    out.sqlstate === '57P01' ||
    out.sqlstate === '57P02' ||
    out.sqlstate === '57P03' ||
    (code !== undefined && LOST_CODES.has(code)) ||
    /Connection terminated|Client has encountered a connection error|Client was closed/i.test(message)
  ) {
    out.connectionLost = true
  }
  return out
}
