/**
 * Hasura's error value (`QErr` in server/lib/hasura-base/src/Hasura/Base/Error.hs): every non-200 JSON answer
 * is `{"path","error","code"[,"internal"]}` with the HTTP status the server picks for the code.
 */
import type { DatabaseError } from 'pg'

export class QErr extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    public path = '$',
    readonly internal?: unknown,
  ) {
    super(message)
  }

  /** `includeInternal`: false on a server that hides internal errors from every role. */
  body(includeInternal = true): Record<string, unknown> {
    const b: Record<string, unknown> = { path: this.path, error: this.message, code: this.code }
    if (includeInternal && this.internal !== undefined) b.internal = this.internal
    return b
  }

  /** The same error reported at another JSON path (bulk items, `$.args`). */
  at(path: string): QErr {
    this.path = path
    return this
  }
}

export const err400 = (code: string, message: string, path = '$', internal?: unknown): QErr =>
  new QErr(400, code, message, path, internal)

/** `run_sql`'s `rawSqlErrHandler`: every PostgreSQL failure is `postgres-error` / "query execution failed". */
export function postgresError(e: unknown, statement: string, path: string): QErr {
  const pgErr = e as Partial<DatabaseError> & { message?: string }
  if (typeof pgErr.code !== 'string' || pgErr.code.length !== 5) {
    // Not an answer from PostgreSQL (a lost connection): Hasura reports these as unexpected 500s.
    return new QErr(500, 'unexpected', `database query error: ${pgErr.message ?? String(e)}`, path)
  }
  return err400('postgres-error', 'query execution failed', path, {
    arguments: [],
    error: {
      description: pgErr.detail ?? null,
      exec_status: 'FatalError',
      hint: pgErr.hint ?? null,
      message: pgErr.message ?? '',
      status_code: pgErr.code,
    },
    prepared: false,
    statement,
  })
}
