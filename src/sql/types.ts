/** One top-level statement of a SQL file. */
export interface Statement {
  /** Statement text without the trailing semicolon, leading whitespace/comments trimmed. */
  text: string
  /** 1-based line in the file where the statement starts. */
  line: number
  /** 0-based character offset of the statement start in the file text. */
  offset: number
}

/** Why a statement cannot run inside a transaction block. */
export interface NonTransactionalStatement {
  statement: Statement
  /** e.g. `CREATE INDEX CONCURRENTLY`, `VACUUM`. */
  what: string
}

/** A top-level BEGIN/COMMIT/ROLLBACK/SAVEPOINT in a migration file. */
export interface TransactionControlStatement {
  statement: Statement
  what: string
}
