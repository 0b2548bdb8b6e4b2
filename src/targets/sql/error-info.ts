/** Turns what PostgreSQL said into the report's `ErrorInfo`, with plain words for the failures people hit. */
import { isKnownError } from '../../errors.js'
import type { ErrorInfo } from '../../report/result.js'
import type { DriverErrorFields } from './session.js'

export interface ErrorContext {
  database: string
  version?: string
  file?: string
  line?: number
  statement?: string
  timeoutMs: number
}

export const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

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
      info.remedy =
        'Raise max_locks_per_transaction on the server (a restart is needed), or set `transaction: per-migration` so that each migration commits on its own.'
      break
    case '57014':
      if (/statement timeout/i.test(fields.message)) {
        info.message = `statement timed out after ${seconds(ctx.timeoutMs)} (the \`timeout\` input): ${fields.message}`
        info.remedy = 'Raise the `timeout` input, or make the statement faster.'
      }
      break
    case '55P03':
      info.message = `gave up after ${seconds(ctx.timeoutMs)} waiting for a lock (the \`timeout\` input): ${fields.message}`
      info.remedy =
        'Another session holds a lock on an object this statement needs (see pg_locks / pg_stat_activity); wait for it to finish, or raise the `timeout` input.'
      break
  }
  if (fields.connectionLost) {
    info.kind = 'target'
    info.message = `the connection to the database was lost: ${fields.message}`
    info.remedy =
      'Run again: what committed is recorded and will not run twice; what was in the open transaction was rolled back.'
  }
  return info
}

/** Any other failure (our own errors carry their kind; the rest are bugs). */
export function errorInfoOf(error: unknown, database: string, redact: (s: string) => string): ErrorInfo {
  if (isKnownError(error)) {
    return drop({
      kind: error.kind,
      message: redact(error.message),
      database: error.where.database ?? database,
      version: error.where.version,
      file: error.where.file,
      line: error.where.line,
      input: error.where.input,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return { kind: 'internal', message: redact(message), database }
}

/** The same error with the secret removed from every text field. */
export function redactInfo(info: ErrorInfo, redact: (s: string) => string): ErrorInfo {
  const out: ErrorInfo = { ...info }
  for (const key of ['message', 'detail', 'hint', 'statement', 'remedy', 'file', 'input'] as const) {
    const value = out[key]
    if (value !== undefined) out[key] = redact(value)
  }
  return out
}
