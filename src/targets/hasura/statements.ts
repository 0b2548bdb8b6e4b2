/**
 * Statement boundaries in one SQL file, from PostgreSQL's own parser (libpg-query, loaded on first use):
 * used only to point at the failing statement of a failed migration or seed.
 */
import { splitStatements } from '../../sql/split.js'

export interface FileStatement {
  /** 0-based offset of the statement's first token in the file. */
  offset: number
  /** 1-based line of that token. */
  line: number
  /** End offset (exclusive), before the semicolon. */
  end: number
}

export type Parsed =
  { ok: true; statements: FileStatement[] } | { ok: false; offset?: number; message: string }

/** Delegates to `src/sql` (one lazily loaded parser for the whole program). */
export async function parseStatements(text: string): Promise<Parsed> {
  const { statements, syntaxError } = await splitStatements(text)
  if (syntaxError) {
    return {
      ok: false,
      message: syntaxError.message,
      ...(syntaxError.offset !== undefined ? { offset: syntaxError.offset } : {}),
    }
  }
  return {
    ok: true,
    statements: statements.map((st) => ({
      offset: st.offset,
      line: st.line,
      end: st.offset + st.text.length,
    })),
  }
}
