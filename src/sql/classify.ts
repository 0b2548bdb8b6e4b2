/**
 * Which top-level statements of a migration cannot run inside the run's transaction, and which would
 * end or start transactions of their own. Decided on the real parse tree, so text inside strings,
 * comments and function/DO bodies never counts.
 */
import type { DefElem, Node } from 'libpg-query'
import { parseStatements } from './parser.js'
import { LineCounter } from './position.js'
import type { SqlAnalysis, Statement, TransactionControlStatement } from './types.js'
import { unquotedCode } from './unquoted-code.js'

/**
 * Every statement classified below contains one of these words as code (not inside a string, comment or
 * function body); a file without any of them is decided without loading the parser (most migrations,
 * including those whose only BEGIN and END are a function's).
 */
const TRIGGER_WORDS =
  /\b(?:concurrently|vacuum|database|tablespace|system|subscription|cluster|discard|reindex|begin|start|commit|end|rollback|abort|savepoint|release|prepare)\b/i

/** Whether a text could hold a statement `analyzeSql` reports (false: it certainly holds none). */
export function mayNeedAnalysis(text: string): boolean {
  if (!TRIGGER_WORDS.test(text)) return false
  const code = unquotedCode(text)
  return code === undefined || TRIGGER_WORDS.test(code)
}

/** Analysed texts: the plan and every target ask about the same files; shared, so never changed by a caller. */
const analyses = new Map<string, Promise<SqlAnalysis>>()

export function analyzeSql(text: string): Promise<SqlAnalysis> {
  let analysis = analyses.get(text)
  if (!analysis) {
    analysis = mayNeedAnalysis(text)
      ? analyzeParsed(text)
      : Promise.resolve({ nonTransactional: [], transactionControl: [], parsed: false })
    analyses.set(text, analysis)
  }
  return analysis
}

/** The analysis by the parser, whatever the keyword check would say (uncached). */
export async function analyzeParsed(text: string): Promise<SqlAnalysis> {
  const analysis: SqlAnalysis = { nonTransactional: [], transactionControl: [], parsed: false }
  const { statements, syntaxError } = await parseStatements(text)
  analysis.parsed = true
  analysis.statementCount = statements.length
  if (syntaxError) analysis.syntaxError = syntaxError
  const lines = new LineCounter(text)
  for (const s of statements) {
    const statement = (): Statement => ({
      text: text.slice(s.start, s.end),
      line: lines.lineAt(s.start),
      offset: s.start,
    })
    const what = nonTransactionalReason(s.node)
    if (what) analysis.nonTransactional.push({ statement: statement(), what })
    const control = transactionControl(s.node, text.slice(s.start, s.end))
    if (control) analysis.transactionControl.push({ statement: statement(), ...control })
  }
  return analysis
}

/**
 * PostgreSQL's own name (as in its "cannot run inside a transaction block" error) for a statement that
 * calls PreventInTransactionBlock, or undefined. Some depend on the catalog, which a parse cannot see:
 * those are reported when they usually apply (a subscription with a replication slot); REINDEX/CLUSTER
 * of a partitioned table and CALL of a procedure that commits are not detected.
 */
export function nonTransactionalReason(node: Node): string | undefined {
  if ('IndexStmt' in node) return node.IndexStmt.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined
  if ('DropStmt' in node) {
    const d = node.DropStmt
    return d.concurrent && d.removeType === 'OBJECT_INDEX' ? 'DROP INDEX CONCURRENTLY' : undefined
  }
  if ('ReindexStmt' in node) {
    const r = node.ReindexStmt
    if (r.kind === 'REINDEX_OBJECT_SCHEMA') return 'REINDEX SCHEMA'
    if (r.kind === 'REINDEX_OBJECT_SYSTEM') return 'REINDEX SYSTEM'
    if (r.kind === 'REINDEX_OBJECT_DATABASE') return 'REINDEX DATABASE'
    return hasOption(r.params, 'concurrently') ? 'REINDEX CONCURRENTLY' : undefined
  }
  if ('VacuumStmt' in node) return node.VacuumStmt.is_vacuumcmd ? 'VACUUM' : undefined // ANALYZE alone is fine
  if ('CreatedbStmt' in node) return 'CREATE DATABASE'
  if ('DropdbStmt' in node) return 'DROP DATABASE'
  if ('AlterDatabaseStmt' in node) {
    return hasOption(node.AlterDatabaseStmt.options, 'tablespace')
      ? 'ALTER DATABASE SET TABLESPACE'
      : undefined
  }
  if ('CreateTableSpaceStmt' in node) return 'CREATE TABLESPACE'
  if ('DropTableSpaceStmt' in node) return 'DROP TABLESPACE'
  if ('AlterSystemStmt' in node) return 'ALTER SYSTEM'
  if ('CreateSubscriptionStmt' in node) {
    const options = node.CreateSubscriptionStmt.options
    // create_slot defaults to true, and to false with connect = false.
    const createsSlot = optionBoolean(options, 'create_slot') ?? optionBoolean(options, 'connect') ?? true
    return createsSlot ? 'CREATE SUBSCRIPTION ... WITH (create_slot = true)' : undefined
  }
  if ('DropSubscriptionStmt' in node) return 'DROP SUBSCRIPTION (of a subscription with a replication slot)'
  if ('AlterSubscriptionStmt' in node) return alterSubscriptionReason(node.AlterSubscriptionStmt)
  if ('ClusterStmt' in node) return node.ClusterStmt.relation ? undefined : 'CLUSTER without a table'
  if ('DiscardStmt' in node) return node.DiscardStmt.target === 'DISCARD_ALL' ? 'DISCARD ALL' : undefined
  if ('AlterTableStmt' in node) {
    const detaches = (node.AlterTableStmt.cmds ?? []).some((c) => {
      if (!('AlterTableCmd' in c) || c.AlterTableCmd.subtype !== 'AT_DetachPartition') return false
      const def = c.AlterTableCmd.def
      return def !== undefined && 'PartitionCmd' in def && def.PartitionCmd.concurrent === true
    })
    return detaches ? 'ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY' : undefined
  }
  return undefined
}

type AlterSubscription = Extract<Node, { AlterSubscriptionStmt: unknown }>['AlterSubscriptionStmt']

function alterSubscriptionReason(a: AlterSubscription): string | undefined {
  switch (a.kind) {
    case 'ALTER_SUBSCRIPTION_REFRESH':
      return 'ALTER SUBSCRIPTION ... REFRESH PUBLICATION'
    case 'ALTER_SUBSCRIPTION_SET_PUBLICATION':
    case 'ALTER_SUBSCRIPTION_ADD_PUBLICATION':
    case 'ALTER_SUBSCRIPTION_DROP_PUBLICATION':
      // refresh defaults to true.
      return (optionBoolean(a.options, 'refresh') ?? true)
        ? 'ALTER SUBSCRIPTION ... PUBLICATION with refresh'
        : undefined
    case 'ALTER_SUBSCRIPTION_OPTIONS':
      if (hasOption(a.options, 'failover')) return 'ALTER SUBSCRIPTION ... SET (failover)'
      if (optionBoolean(a.options, 'two_phase') === false)
        return 'ALTER SUBSCRIPTION ... SET (two_phase = false)'
      return undefined
    default:
      return undefined
  }
}

function definitions(options: Node[] | undefined): DefElem[] {
  return (options ?? []).flatMap((o) => ('DefElem' in o ? [o.DefElem] : []))
}

const hasOption = (options: Node[] | undefined, name: string): boolean =>
  definitions(options).some((d) => d.defname === name)

/** A boolean option's value as PostgreSQL's defGetBoolean reads it; undefined when absent or unreadable. */
function optionBoolean(options: Node[] | undefined, name: string): boolean | undefined {
  const d = definitions(options).find((o) => o.defname === name)
  if (!d) return undefined
  const arg = d.arg
  if (!arg) return true // `WITH (connect)` means true
  // Protobuf JSON leaves out false and 0, hence the defaults.
  if ('Boolean' in arg) return arg.Boolean.boolval ?? false
  if ('Integer' in arg) return (arg.Integer.ival ?? 0) !== 0
  // A bare word (`refresh = off`) arrives as a type name; defGetString reads it as its text.
  const word =
    'String' in arg
      ? arg.String.sval
      : 'TypeName' in arg && arg.TypeName.names?.length === 1
        ? arg.TypeName.names.flatMap((n) => ('String' in n ? [n.String.sval] : []))[0]
        : undefined
  const v = (word ?? '').toLowerCase()
  if (v === 'true' || v === 'on') return true
  if (v === 'false' || v === 'off') return false
  return undefined
}

type Control = Pick<TransactionControlStatement, 'what' | 'command' | 'scope' | 'chain' | 'modes'>

const TRANSACTION_COMMANDS: Record<string, Pick<Control, 'what' | 'command' | 'scope'>> = {
  TRANS_STMT_BEGIN: { what: 'BEGIN', command: 'begin', scope: 'transaction' },
  TRANS_STMT_START: { what: 'START TRANSACTION', command: 'begin', scope: 'transaction' },
  TRANS_STMT_COMMIT: { what: 'COMMIT', command: 'commit', scope: 'transaction' },
  TRANS_STMT_ROLLBACK: { what: 'ROLLBACK', command: 'rollback', scope: 'transaction' },
  TRANS_STMT_PREPARE: { what: 'PREPARE TRANSACTION', command: 'prepare', scope: 'transaction' },
  TRANS_STMT_COMMIT_PREPARED: { what: 'COMMIT PREPARED', command: 'commit-prepared', scope: 'transaction' },
  TRANS_STMT_ROLLBACK_PREPARED: {
    what: 'ROLLBACK PREPARED',
    command: 'rollback-prepared',
    scope: 'transaction',
  },
  TRANS_STMT_SAVEPOINT: { what: 'SAVEPOINT', command: 'savepoint', scope: 'savepoint' },
  TRANS_STMT_RELEASE: { what: 'RELEASE SAVEPOINT', command: 'release', scope: 'savepoint' },
  TRANS_STMT_ROLLBACK_TO: { what: 'ROLLBACK TO SAVEPOINT', command: 'rollback-to', scope: 'savepoint' },
}

/** A top-level transaction command, named as written where PostgreSQL has synonyms (END, ABORT). */
export function transactionControl(node: Node, text: string): Control | undefined {
  if (!('TransactionStmt' in node)) return undefined
  const t = node.TransactionStmt
  const command = TRANSACTION_COMMANDS[t.kind ?? '']
  if (!command) return undefined
  const out: Control = { ...command }
  const firstWord = /^[a-z]+/i.exec(text)?.[0]?.toUpperCase()
  if (firstWord === 'END' || firstWord === 'ABORT') out.what = firstWord
  if (t.chain) out.chain = true
  if (command.command === 'begin' && (t.options?.length ?? 0) > 0) out.modes = true
  return out
}
