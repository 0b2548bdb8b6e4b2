/**
 * Statement boundaries in one SQL file, from PostgreSQL's own parser (libpg-query, loaded on first use):
 * used only to point at the failing statement of a failed migration or seed.
 */
import { lineAt, offsetOfByte, skipTrivia } from './sql-text.js'

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

interface RawStmt {
  stmt_location?: number
  stmt_len?: number
}

let parser: Promise<typeof import('libpg-query')> | undefined

async function libpg(): Promise<typeof import('libpg-query')> {
  parser ??= import('libpg-query').then(async (m) => {
    await m.loadModule()
    return m
  })
  return parser
}

export async function parseStatements(text: string): Promise<Parsed> {
  const { parseSync } = await libpg()
  const bytes = Buffer.byteLength(text, 'utf8')
  try {
    const result = parseSync(text) as { stmts?: RawStmt[] }
    const statements = (result.stmts ?? []).map((s) => {
      const startByte = s.stmt_location ?? 0
      const endByte = s.stmt_len ? startByte + s.stmt_len : bytes
      const offset = skipTrivia(text, offsetOfByte(text, startByte))
      return { offset, line: lineAt(text, offset), end: offsetOfByte(text, endByte) }
    })
    return { ok: true, statements }
  } catch (e) {
    const details = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails
    const cursor = details?.cursorPosition
    return {
      ok: false,
      message: (e as Error).message,
      ...(typeof cursor === 'number' && cursor >= 0 ? { offset: offsetOfByte(text, cursor) } : {}),
    }
  }
}
