/**
 * A migration's own `BEGIN … COMMIT` blocks (the Hasura console writes them, e.g. for "modify primary key")
 * kept atomic inside the run's transaction: each block becomes a savepoint. BEGIN → `SAVEPOINT`, COMMIT/END →
 * `RELEASE SAVEPOINT`, ROLLBACK/ABORT → `ROLLBACK TO SAVEPOINT` (the block is discarded, nothing before it;
 * the savepoint left behind ends with the transaction). One statement for one, so that statement counts
 * and lines stay those of the file. What no savepoint can express is refused, with the reason.
 * Pure: works on the analysis of `analyzeSql`.
 */
import type { Statement, TransactionControlStatement } from './types.js'

export interface TransactionBlock {
  /** The statement that opened the block (BEGIN / START TRANSACTION). */
  begin: Statement
  /** The statement that closed it (COMMIT / END / ROLLBACK / ABORT). */
  end: Statement
  /** Closed by ROLLBACK/ABORT: its statements are discarded, as their author asked. */
  discarded: boolean
}

export type TransactionBlocks =
  /** No top-level BEGIN/COMMIT/ROLLBACK: the text runs as written. */
  | { kind: 'none' }
  /** Balanced blocks: `asSavepoints` gives the text to run. */
  | { kind: 'blocks'; blocks: TransactionBlock[] }
  /** A transaction command inside the run's transaction that no savepoint can stand for. */
  | { kind: 'unsafe'; statement: Statement; what: string; reason: string }

/** Savepoint names no migration is likely to use itself. */
const savepointName = (n: number): string => `hasura_migrate_block_${n}`

const lineOf = (s: Statement): string => `line ${s.line}`

export function transactionBlocks(control: readonly TransactionControlStatement[]): TransactionBlocks {
  const commands = control.filter((c) => c.scope === 'transaction')
  if (commands.length === 0) return { kind: 'none' }

  const blocks: TransactionBlock[] = []
  let open: TransactionControlStatement | undefined
  const unsafe = (c: TransactionControlStatement, reason: string): TransactionBlocks => ({
    kind: 'unsafe',
    statement: c.statement,
    what: c.what,
    reason,
  })

  for (const c of commands) {
    switch (c.command) {
      case 'begin':
        if (open) return unsafe(c, `${c.what} inside the block its file began at ${lineOf(open.statement)}`)
        if (c.modes)
          return unsafe(
            c,
            `${c.what} with transaction modes (isolation level, read only, deferrable): a block inside the run's transaction cannot have modes of its own`,
          )
        open = c
        break
      case 'commit':
      case 'rollback': {
        const discards = c.command === 'rollback'
        if (!open)
          return unsafe(
            c,
            discards
              ? `${c.what} without a BEGIN before it in this file would discard the earlier migrations of the run`
              : `${c.what} without a BEGIN before it in this file would commit the earlier migrations of the run on its own`,
          )
        if (c.chain) return unsafe(c, `${c.what} AND CHAIN starts a new transaction the run cannot nest`)
        blocks.push({ begin: open.statement, end: c.statement, discarded: discards })
        open = undefined
        break
      }
      default:
        return unsafe(
          c,
          `${c.what} needs a transaction of its own and cannot run inside the run's transaction`,
        )
    }
  }
  if (open)
    return unsafe(
      open,
      `${open.what} has no COMMIT in its file: the block would stay open into the next migration`,
    )
  return { kind: 'blocks', blocks }
}

/**
 * The text with each block's BEGIN and COMMIT (or ROLLBACK) replaced by savepoint commands, keeping
 * their line breaks so that every later line keeps its number.
 */
export function asSavepoints(text: string, blocks: readonly TransactionBlock[]): string {
  const replacements = blocks.flatMap((b, k) => {
    const name = savepointName(k + 1)
    return [
      { statement: b.begin, sql: `SAVEPOINT ${name}` },
      { statement: b.end, sql: b.discarded ? `ROLLBACK TO SAVEPOINT ${name}` : `RELEASE SAVEPOINT ${name}` },
    ]
  })
  let out = ''
  let at = 0
  for (const { statement, sql } of replacements) {
    const end = statement.offset + statement.text.length
    const breaks = statement.text.split('\n').length - 1
    out += text.slice(at, statement.offset) + sql + '\n'.repeat(breaks)
    at = end
  }
  return out + text.slice(at)
}
