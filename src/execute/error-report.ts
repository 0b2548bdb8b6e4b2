/**
 * The one converter from what went wrong to the report's `ErrorInfo`: our own typed errors, and what
 * PostgreSQL said (through a driver or through Hasura's `postgres-error`), with plain words and a
 * remedy (`src/report/remedies.ts`) for the failures people hit.
 */
import { isKnownError, RefusedError, SqlError, type PgErrorFields } from '../errors.js'
import type { ErrorInfo } from '../model.js'
import { REMEDIES } from '../report/remedies.js'
import { seconds } from './wording.js'

/** What PostgreSQL (or the driver) said when a statement failed. */
export interface DriverErrorFields extends PgErrorFields {
  /** Driver error code without an SQLSTATE, e.g. `ECONNRESET`. */
  code?: string
  /** Context lines (`where`): e.g. `PL/pgSQL function inline_code_block line 3 at RAISE`. */
  where?: string
  /** The connection is gone (terminated, reset, closed): nothing more can run on this session. */
  connectionLost?: boolean
}

export interface ErrorContext {
  database: string
  version?: string
  file?: string
  line?: number
  statement?: string
  timeoutMs: number
}

function drop<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

/**
 * After an unterminated quote, PostgreSQL's message quotes the rest of the query "at or near" the error:
 * our state statements, sent after the user's file in the same query, must not appear as if they were
 * the file's. The message is cut where the user's text ended.
 */
export function withoutAppendedSql(message: string, appended: string): string {
  const ours = appended.trim()
  if (ours.length < 4) return message
  // the quoted rest starts with what followed the file: our separator, then our statements
  const probe = ours.slice(0, Math.min(ours.length, 40))
  const at = message.indexOf(probe)
  if (at < 0) return message
  let cut = at
  while (cut > 0 && /[\s;]/.test(message[cut - 1])) cut--
  const quoted = /at or near "/.test(message.slice(0, cut))
  return `${message.slice(0, cut)}${quoted ? '…"' : '…'}`
}

/** An error PostgreSQL reported for a statement of a migration, a seed, or our own state statements. */
export function sqlErrorInfo(fields: DriverErrorFields, ctx: ErrorContext): ErrorInfo {
  const info: ErrorInfo = drop({
    kind: 'sql',
    message: fields.message,
    database: ctx.database,
    version: ctx.version,
    file: ctx.file,
    line: ctx.line,
    sqlstate: fields.sqlstate,
    detail: fields.detail,
    hint: fields.hint,
    statement: ctx.statement,
  })
  switch (fields.sqlstate) {
    case '53200':
      info.message = `out of shared memory: PostgreSQL's lock table is full (SQLSTATE 53200). One transaction holds a lock on every table, index and sequence it creates or changes, and this run's transaction holds more than max_locks_per_transaction allows (${fields.message})`
      info.remedy = REMEDIES.lockTable
      break
    case '57014':
      if (/statement timeout/i.test(fields.message)) {
        info.message = `statement timed out after ${seconds(ctx.timeoutMs)} (the \`timeout\` input): ${fields.message}`
        info.remedy = REMEDIES.statementTimeout
      }
      break
    case '55P03':
      info.message = `gave up after ${seconds(ctx.timeoutMs)} waiting for a lock (the \`timeout\` input): ${fields.message}`
      info.remedy = REMEDIES.lockWait
      break
  }
  if (fields.connectionLost) {
    info.kind = 'target'
    info.message = `the connection to the database was lost: ${fields.message}`
    info.remedy = REMEDIES.connectionLost
  }
  return info
}

/** Any thrown value; `database` fills in where the error does not say. Unknown errors are `internal` (a bug). */
export function toErrorInfo(error: unknown, database?: string): ErrorInfo {
  if (isKnownError(error)) {
    const info: ErrorInfo = drop({
      kind: error.kind,
      message: error.message,
      database: error.where.database ?? database,
      version: error.where.version,
      file: error.where.file,
      line: error.where.line,
      input: error.where.input,
    })
    if (error instanceof SqlError) {
      Object.assign(
        info,
        drop({
          sqlstate: error.pg.sqlstate,
          detail: error.pg.detail,
          hint: error.pg.hint,
          statement: error.pg.statement,
        }),
      )
    }
    if (error instanceof RefusedError) info.remedy = error.remedy
    return info
  }
  const message = error instanceof Error ? error.message : String(error)
  return drop({ kind: 'internal', message, database })
}

/** The same error with a secret removed from every text field (at the edge of a target's answer). */
export function redactInfo(info: ErrorInfo, redact: (s: string) => string): ErrorInfo {
  const out: ErrorInfo = { ...info }
  for (const key of ['message', 'detail', 'hint', 'statement', 'remedy', 'file', 'input'] as const) {
    const value = out[key]
    if (value !== undefined) out[key] = redact(value)
  }
  return out
}
