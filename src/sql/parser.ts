/**
 * The real PostgreSQL parser (libpg-query, PostgreSQL 18 grammar, WASM), loaded on first use so runs
 * whose files never need it do not pay for it.
 */
import type { Node } from 'libpg-query'
import { ByteOffsets, codePointToIndex } from './offsets.js'
import { lineAt } from './position.js'
import { isOnlyTrivia, isSpace, skipTrivia } from './trivia.js'
import type { SqlSyntaxError } from './types.js'

type LibPgQuery = typeof import('libpg-query')

let library: Promise<LibPgQuery> | undefined

function loadLibrary(): Promise<LibPgQuery> {
  // Bundled, a CommonJS module's dynamic import can come back as `{ default: exports }`: use whichever has the API.
  library ??= import('libpg-query').then((m) => {
    const candidate = m as LibPgQuery & { default?: LibPgQuery }
    return typeof candidate.hasSqlDetails === 'function' ? candidate : (candidate.default ?? candidate)
  })
  return library
}

/** Whether the WASM parser has been asked for in this process (for tests of the lazy loading). */
export const parserRequested = (): boolean => library !== undefined

/** A top-level statement: its parse tree and where its first and last tokens are in the text. */
export interface ParsedStatement {
  node: Node
  /** String index of the first token. */
  start: number
  /** String index just after the last token (before any trailing comment and the semicolon). */
  end: number
}

export interface ParseOutcome {
  statements: ParsedStatement[]
  syntaxError?: SqlSyntaxError
}

/** How many earlier semicolons to try when salvaging the statements before a syntax error. */
const SALVAGE_ATTEMPTS = 3

/** Parses a whole SQL text into top-level statements. */
export async function parseStatements(text: string): Promise<ParseOutcome> {
  if (isOnlyTrivia(text)) return { statements: [] }
  // A BOM is not whitespace to PostgreSQL; a space of the same length keeps every offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text
  const zero = source.indexOf('\0')
  if (zero >= 0) {
    // The parser reads a C string: it would silently stop at the zero byte.
    return {
      statements: [],
      syntaxError: {
        message: 'the text contains a zero byte (NUL)',
        line: lineAt(source, zero),
        offset: zero,
      },
    }
  }
  const lib = await loadLibrary()
  try {
    return { statements: await toStatements(lib, source, await lib.parse(source)) }
  } catch (error) {
    const syntaxError = describeError(lib, source, error)
    const statements = await salvage(lib, source, syntaxError.offset)
    return { statements, syntaxError }
  }
}

type ParseResult = Awaited<ReturnType<LibPgQuery['parse']>>

async function toStatements(
  lib: LibPgQuery,
  source: string,
  result: ParseResult,
): Promise<ParsedStatement[]> {
  const bytes = new ByteOffsets(source)
  const out: ParsedStatement[] = []
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue
    const location = raw.stmt_location ?? 0
    const firstByte = bytes.toIndex(location)
    // stmt_len 0 (absent) means "to the end of the text". Lookups stay in ascending order (see ByteOffsets).
    const rawEnd = raw.stmt_len ? bytes.toIndex(location + raw.stmt_len) : source.length
    const start = skipTrivia(source, firstByte)
    const end = await endOfLastToken(lib, source, start, rawEnd)
    out.push({ node: raw.stmt, start, end })
  }
  return out
}

/** Drops trailing whitespace, and trailing comments (asking the real scanner where they are). */
async function endOfLastToken(
  lib: LibPgQuery,
  source: string,
  start: number,
  rawEnd: number,
): Promise<number> {
  let end = rawEnd
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--
  const body = source.slice(start, end)
  if (!body.includes('--') && !body.includes('/*')) return end
  try {
    const tokens = (await lib.scan(body)).tokens
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i]
      if (t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT')
        return start + new ByteOffsets(body).toIndex(t.end)
    }
    return end
  } catch {
    return end
  }
}

function describeError(lib: LibPgQuery, source: string, error: unknown): SqlSyntaxError {
  if (lib.hasSqlDetails(error) && error.sqlDetails) {
    // cursorPosition: 0-based, in characters (PostgreSQL converts its byte position).
    const offset = codePointToIndex(source, error.sqlDetails.cursorPosition)
    return { message: error.message, line: lineAt(source, offset), offset }
  }
  return { message: error instanceof Error ? error.message : String(error) }
}

/**
 * The statements before a syntax error: parse the text up to one of the last top-level semicolons
 * before it (a semicolon inside a BEGIN ATOMIC body makes that prefix fail; then an earlier one).
 */
async function salvage(
  lib: LibPgQuery,
  source: string,
  errorOffset: number | undefined,
): Promise<ParsedStatement[]> {
  if (errorOffset === undefined) return []
  let semicolons: number[]
  try {
    const bytes = new ByteOffsets(source)
    semicolons = (await lib.scan(source)).tokens
      .filter((t) => t.text === ';')
      .map((t) => bytes.toIndex(t.start))
      .filter((i) => i < errorOffset)
  } catch {
    return []
  }
  for (const cut of semicolons.slice(-SALVAGE_ATTEMPTS).reverse()) {
    const prefix = source.slice(0, cut + 1)
    if (isOnlyTrivia(prefix.slice(0, cut))) return []
    try {
      return await toStatements(lib, prefix, await lib.parse(prefix))
    } catch {
      // try an earlier semicolon
    }
  }
  return []
}
