/**
 * `SnapshotQuery` over each kind of target: a SQL session (PostgreSQL, the embedded database) or a
 * Hasura server's `run_sql` (read-only; its answer is a header row, then rows of text).
 */
import { TargetError } from '../errors.js'
import type { HasuraConnection } from '../targets/hasura/connection.js'
import type { SqlSession } from '../targets/sql/session.js'
import type { SnapshotQuery } from './snapshot.js'

const noCell = (): TargetError => new TargetError('reading the catalog snapshot: the query answered no row')

export function sessionSnapshotQuery(session: SqlSession): SnapshotQuery {
  return async (sql) => {
    const [row] = await session.query(sql)
    const cell = row ? Object.values(row)[0] : undefined
    if (typeof cell !== 'string') throw noCell()
    return cell
  }
}

export function runSqlSnapshotQuery(connection: HasuraConnection, database: string): SnapshotQuery {
  return async (sql) => {
    const answer = await connection.runSql(database, sql, {
      readOnly: true,
      write: false,
      what: `reading the schema of database '${database}'`,
    })
    const cell = answer.result?.[1]?.[0]
    if (typeof cell !== 'string') throw noCell()
    return cell
  }
}
