/**
 * `pg_get_viewdef` on PostgreSQL before 16 qualifies every column of a one-relation view
 * (`SELECT t.a FROM t`): the stored query still held two placeholder entries (OLD, NEW) in its range
 * table, and the deparser qualifies whenever there is not exactly one. From 16 on it prints
 * `SELECT a FROM t`. This rewrites the older text into the newer form, so that a view compares equal
 * whichever server it was read from. Only the outermost query changes: subqueries are always qualified.
 */
import type { Node } from 'libpg-query'
import { ByteOffsets } from '../sql/offsets.js'
import { parseStatements } from '../sql/parser.js'

/** The first server version whose `pg_get_viewdef` prints the newer form. */
export const UNQUALIFIED_VIEWDEF_VERSION = 160000

type Tree = Record<string, unknown>

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null

/** Byte offsets of the qualified column references in `node`, not looking into subqueries. */
function qualifiedColumnRefs(node: unknown, out: number[]): void {
  if (Array.isArray(node)) {
    for (const item of node) qualifiedColumnRefs(item, out)
    return
  }
  if (!isTree(node)) return
  for (const [key, value] of Object.entries(node)) {
    if (key === 'SelectStmt') continue
    if (key === 'ColumnRef' && isTree(value)) {
      const fields = Array.isArray(value.fields) ? (value.fields as Tree[]) : []
      const located = typeof value.location === 'number'
      if (fields.length === 2 && 'String' in fields[0] && 'String' in fields[1] && located)
        out.push(value.location as number)
      continue
    }
    qualifiedColumnRefs(value, out)
  }
}

/** The one relation, subquery or function the outermost query reads from, if it reads from exactly one. */
function singleRelationSelect(statement: Node): Tree | undefined {
  const select = (statement as { SelectStmt?: Tree }).SelectStmt
  if (!select || (select.op !== undefined && select.op !== 'SETOP_NONE')) return undefined
  const from = select.fromClause
  if (!Array.isArray(from) || from.length !== 1 || !isTree(from[0]) || 'JoinExpr' in from[0]) return undefined
  return select
}

/** End (string index) of the identifier, quoted or not, that starts at `i`. */
function identifierEnd(text: string, i: number): number {
  if (text[i] === '"') {
    let j = i + 1
    while (j < text.length) {
      if (text[j] === '"' && text[j + 1] === '"') j += 2
      else if (text[j] === '"') return j + 1
      else j++
    }
    return j
  }
  let j = i
  while (j < text.length && /[\p{L}\p{N}_$]/u.test(text[j])) j++
  return j
}

/** The definition as PostgreSQL 16 and later print it; unchanged when it has no such qualifiers. */
export async function unqualifyLegacyViewDefinition(definition: string): Promise<string> {
  const { statements, syntaxError } = await parseStatements(definition)
  if (syntaxError || statements.length !== 1) return definition
  const select = singleRelationSelect(statements[0].node)
  if (!select) return definition
  const locations: number[] = []
  // Below the outermost SelectStmt, every SelectStmt is a subquery (or a WITH query): left as it is.
  qualifiedColumnRefs(Object.values(select), locations)
  const bytes = new ByteOffsets(definition)
  const starts = locations.sort((a, b) => a - b).map((b) => bytes.toIndex(b))
  let text = definition
  for (const start of starts.reverse()) {
    const end = identifierEnd(text, start)
    if (text[end] === '.') text = text.slice(0, start) + text.slice(end + 1)
  }
  return text
}
