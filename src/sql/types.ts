/** One top-level statement of a SQL file. */
export interface Statement {
  /**
   * Statement text from its first token to its last: no trailing semicolon, no leading or trailing
   * whitespace or comments (comments inside the statement are kept).
   */
  text: string
  /** 1-based line in the file where the statement starts. */
  line: number
  /** 0-based character offset of the statement start in the file text (a JavaScript string index). */
  offset: number
}

/** Why a statement cannot run inside a transaction block. */
export interface NonTransactionalStatement {
  statement: Statement
  /** e.g. `CREATE INDEX CONCURRENTLY`, `VACUUM`. */
  what: string
}

/** What a transaction command does, whatever its spelling (BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK/ABORT). */
export type TransactionCommand =
  | 'begin'
  | 'commit'
  | 'rollback'
  | 'prepare'
  | 'commit-prepared'
  | 'rollback-prepared'
  | 'savepoint'
  | 'release'
  | 'rollback-to'

/** A top-level BEGIN/COMMIT/ROLLBACK/SAVEPOINT in a migration file. */
export interface TransactionControlStatement {
  statement: Statement
  /** The command as written, e.g. `COMMIT`, `END`, `START TRANSACTION`, `ROLLBACK TO SAVEPOINT`. */
  what: string
  command: TransactionCommand
  /**
   * `transaction`: starts, ends or prepares a transaction (BEGIN, COMMIT, ROLLBACK, PREPARE TRANSACTION,
   * COMMIT/ROLLBACK PREPARED). `savepoint`: SAVEPOINT, RELEASE, ROLLBACK TO — these nest inside a
   * surrounding transaction and leave it intact.
   */
  scope: 'transaction' | 'savepoint'
  /** `COMMIT AND CHAIN` / `ROLLBACK AND CHAIN`: ends a transaction and starts the next at once. */
  chain?: boolean
  /** BEGIN with transaction modes (`ISOLATION LEVEL …`, `READ ONLY`, `DEFERRABLE`). */
  modes?: boolean
}

/** The text does not parse as PostgreSQL (or is not PostgreSQL at all: MS SQL, BigQuery, ...). */
export interface SqlSyntaxError {
  /** The parser's message, e.g. `syntax error at or near "SELEC"`. */
  message: string
  /** 1-based line of the error in the text, when the parser gave a position. */
  line?: number
  /** 0-based string index of the error in the text, when the parser gave a position. */
  offset?: number
}

/**
 * The statements of a text. On a syntax error, `statements` holds those that parse before it (possibly
 * none) and `syntaxError` says where parsing stopped.
 */
export interface SplitResult {
  statements: Statement[]
  syntaxError?: SqlSyntaxError
}

/** What in a SQL file matters for running it inside the run's transaction. */
export interface SqlAnalysis {
  nonTransactional: NonTransactionalStatement[]
  transactionControl: TransactionControlStatement[]
  syntaxError?: SqlSyntaxError
  /** False when the cheap keyword check ruled the file out and the parser never ran. */
  parsed: boolean
  /** How many top-level statements the parser found (before any syntax error); absent when not parsed. */
  statementCount?: number
}
