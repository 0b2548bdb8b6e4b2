/**
 * `run_sql` (server/src-lib/Hasura/Backends/Postgres/DDL/RunSQL.hs): the SQL runs as one simple query in
 * a transaction of its own on a pooled connection (`no_transaction` splits it and runs each statement
 * alone); the answer is the last statement's result in PostgreSQL's text format.
 */
import type pg from 'pg'
import { err400, postgresError } from './qerr.js'
import { isObject } from './metadata-format.js'
import { splitStatements } from './split-statements.js'

export interface RunSqlArgs {
  sql: string
  source: string
  cascade: boolean
  check_metadata_consistency?: boolean
  read_only: boolean
  no_transaction: boolean
}

export type RunSqlResult =
  { result_type: 'CommandOk'; result: null } | { result_type: 'TuplesOk'; result: (string | null)[][] }

/** Values exactly as PostgreSQL prints them (`t`/`f`, numbers as text), like libpq's text results. */
const TEXT_TYPES = { getTypeParser: () => (value: string) => value }

const DDL_PATTERN = /\balter\b|\bdrop\b|\breplace\b|\bcreate function\b|\bcomment on\b/i

export function parseRunSqlArgs(args: unknown, path: string): RunSqlArgs {
  if (!isObject(args)) throw err400('parse-failed', 'expecting an object for RunSQL', path)
  if (typeof args.sql !== 'string') throw err400('parse-failed', 'key "sql" not found', path)
  const bool = (k: string): boolean | undefined => {
    const v = args[k]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'boolean') throw err400('parse-failed', `expected Boolean for "${k}"`, `${path}.${k}`)
    return v
  }
  return {
    sql: args.sql,
    source: typeof args.source === 'string' ? args.source : 'default',
    cascade: bool('cascade') ?? false,
    check_metadata_consistency: bool('check_metadata_consistency'),
    read_only: bool('read_only') ?? false,
    no_transaction: bool('no_transaction') ?? false,
  }
}

/** Whether the server diffs the catalogue after this SQL (and may refuse dropping tracked tables). */
export const needsMetadataCheck = (a: RunSqlArgs): boolean =>
  !a.read_only && (a.check_metadata_consistency ?? DDL_PATTERN.test(a.sql))

function toResult(r: pg.QueryResult<unknown[]> | pg.QueryResult<unknown[]>[]): RunSqlResult {
  const last = Array.isArray(r) ? r[r.length - 1] : r
  if (!last || !last.fields || last.fields.length === 0) return { result_type: 'CommandOk', result: null }
  const header = last.fields.map((f) => f.name)
  const rows = last.rows.map((row) => row.map((v) => (v === null ? null : (v as string))))
  return { result_type: 'TuplesOk', result: [header, ...rows] }
}

/** Runs SQL inside whatever transaction `client` is in; PostgreSQL failures become `postgres-error`. */
export async function execSql(client: pg.ClientBase, sql: string, path: string): Promise<RunSqlResult> {
  try {
    const r = await client.query<unknown[]>({ text: sql, rowMode: 'array', types: TEXT_TYPES })
    return toResult(r)
  } catch (e) {
    throw postgresError(e, sql, path)
  }
}

/** `no_transaction: true`: each statement commits on its own; a failure leaves earlier ones committed. */
export async function execStatementsAlone(
  client: pg.ClientBase,
  sql: string,
  path: string,
): Promise<RunSqlResult> {
  let result: RunSqlResult = { result_type: 'CommandOk', result: null }
  for (const statement of splitStatements(sql)) result = await execSql(client, statement, path)
  return result
}

/**
 * One request's transaction: BEGIN (READ ONLY when asked), the SQL, `beforeCommit` (the metadata check),
 * COMMIT — or ROLLBACK on any failure.
 */
export async function inTransaction<T>(
  client: pg.ClientBase,
  readOnly: boolean,
  work: () => Promise<T>,
): Promise<T> {
  await client.query(
    readOnly ? 'BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY' : 'BEGIN ISOLATION LEVEL READ COMMITTED',
  )
  try {
    const r = await work()
    await client.query('COMMIT')
    return r
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  }
}
