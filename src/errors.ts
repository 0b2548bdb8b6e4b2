/** Where a problem is: every user-facing error names at least one of these. */
export interface Where {
  /** Path relative to the project directory (posix separators), or as the user gave it. */
  file?: string
  line?: number
  column?: number
  /** An action input / CLI flag name, e.g. `steps`. */
  input?: string
  database?: string
  /** Decimal string. */
  version?: string
}

/** Base of every error we expect and explain; anything else is a bug and gets a stack trace. */
export abstract class KnownError extends Error {
  abstract readonly kind: 'user' | 'target' | 'sql' | 'cancelled' | 'refused'
  constructor(
    message: string,
    readonly where: Where = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Bad input, bad project files, an impossible plan: fix the repository or the workflow. */
export class UserError extends KnownError {
  readonly kind = 'user' as const
}

/** The target is unreachable, refuses us, or answers something we cannot read. */
export class TargetError extends KnownError {
  readonly kind = 'target' as const
  constructor(
    message: string,
    where: Where = {},
    /** HTTP status or pg SQLSTATE-less code, for the report. */
    readonly code?: string,
  ) {
    super(message, where)
  }
}

/** PostgreSQL's answer to a statement of a migration, seed or state write. */
export interface PgErrorFields {
  sqlstate?: string
  message: string
  detail?: string
  hint?: string
  /** 1-based character position inside the statement, as PostgreSQL reports it. */
  position?: number
  /** The failing statement's text (trimmed). */
  statement?: string
}

export class SqlError extends KnownError {
  readonly kind = 'sql' as const
  constructor(
    readonly pg: PgErrorFields,
    where: Where = {},
  ) {
    super(pg.message, where)
  }
}

/** SIGINT/SIGTERM arrived; open transactions were rolled back. */
export class CancelledError extends KnownError {
  readonly kind = 'cancelled' as const
}

/** The run would execute code the workflow has no reason to trust where it could do harm: nothing ran. */
export class RefusedError extends KnownError {
  readonly kind = 'refused' as const
  constructor(
    message: string,
    /** What to do instead, one sentence. */
    readonly remedy: string,
  ) {
    super(message)
  }
}

export const isKnownError = (e: unknown): e is KnownError => e instanceof KnownError

/** `file:line` style prefix for one-line messages. */
export function describeWhere(w: Where): string {
  const parts: string[] = []
  if (w.file) parts.push(w.line ? `${w.file}:${w.line}` : w.file)
  if (w.input) parts.push(`input '${w.input}'`)
  if (w.database && !w.file) parts.push(`database '${w.database}'`)
  if (w.version && !w.file) parts.push(`version ${w.version}`)
  return parts.join(', ')
}
