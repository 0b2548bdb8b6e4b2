/**
 * Statements that do not fit the run's transaction: found with the real PostgreSQL parser (async:
 * the parser is WASM, loaded on first need). No I/O.
 */
import { analyzeSql } from '../sql/classify.js'
import { transactionBlocks } from '../sql/transaction-blocks.js'
import type { SqlAnalysis } from '../sql/types.js'
import type { Finding, Step } from './types.js'

const MARKER = '-- hasura:no-transaction'

export async function transactionFindings(steps: Step[]): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const step of steps) {
    if (step.sql) {
      const analysis = await analyzeSql(step.sql.text)
      findings.push(...fromAnalysis(step, step.sql.path, analysis, (line) => line))
    }
    // Config 1 YAML migrations: run_sql calls run inside the same transaction as everything else.
    for (const call of step.yaml?.steps ?? []) {
      const sql = runSqlText(call.type, call.args)
      if (sql === undefined) continue
      const analysis = await analyzeSql(sql)
      // Lines inside a YAML string do not map to file lines: point at the list item.
      findings.push(...fromAnalysis(step, step.yaml!.path, analysis, () => call.line, true))
    }
  }
  return findings
}

export function runSqlText(type: string, args: unknown): string | undefined {
  if (type !== 'run_sql' || typeof args !== 'object' || args === null) return undefined
  const sql = (args as { sql?: unknown }).sql
  return typeof sql === 'string' ? sql : undefined
}

function fromAnalysis(
  step: Step,
  file: string,
  analysis: SqlAnalysis,
  fileLine: (line: number) => number,
  inYaml = false,
): Finding[] {
  const base = { database: step.database, version: step.version, file }
  const findings: Finding[] = []
  // The marker applies to SQL files only; a YAML migration's run_sql always shares the transaction.
  const transactional = inYaml || step.transactional
  if (transactional) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: 'no-transaction-required',
        severity: 'error',
        line: fileLine(n.statement.line),
        message: inYaml
          ? `${n.what} cannot run inside a transaction block, and run_sql steps of a YAML migration share the run's transaction: move it to a SQL migration whose first line is '${MARKER}'`
          : `${n.what} cannot run inside a transaction block: add '${MARKER}' as the first line of ${file} so it runs alone, outside the run's transaction`,
      })
    }
  }
  const others = (analysis.statementCount ?? 1) - 1
  if (!transactional && others > 0) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: 'no-transaction-file',
        severity: 'warning',
        line: fileLine(n.statement.line),
        message: `${n.what} shares ${file} with ${others} other statement${others === 1 ? '' : 's'}: sent as one query (as Hasura's run_sql does), PostgreSQL runs them as one implicit transaction block and refuses it; keep it alone in its file`,
      })
    }
  }
  if (transactional) {
    const finding = blockFinding(analysis, fileLine, inYaml)
    if (finding) findings.push({ ...base, ...finding })
  } else {
    for (const t of analysis.transactionControl) {
      if (t.scope !== 'transaction') continue // savepoints nest inside any transaction harmlessly
      findings.push({
        ...base,
        kind: 'transaction-control',
        severity: 'warning',
        line: fileLine(t.statement.line),
        message: `top-level ${t.what} in a no-transaction file: the file runs alone, so it affects only its own statements; make sure every BEGIN has its COMMIT, or the state record joins an open transaction`,
      })
    }
  }
  return findings
}

/**
 * A file's own BEGIN … COMMIT inside the run's transaction: its blocks run as savepoints (a notice), or
 * a command no savepoint can stand for stops the plan. A file that does not parse fails as a whole when
 * it runs, before any of its statements: nothing to say about its blocks.
 */
function blockFinding(
  analysis: SqlAnalysis,
  fileLine: (line: number) => number,
  inYaml: boolean,
): Pick<Finding, 'kind' | 'severity' | 'line' | 'message'> | undefined {
  if (analysis.syntaxError) return undefined
  const blocks = transactionBlocks(analysis.transactionControl)
  if (blocks.kind === 'none') return undefined
  if (blocks.kind === 'unsafe') {
    return {
      kind: 'transaction-control',
      severity: 'error',
      line: fileLine(blocks.statement.line),
      message: `${blocks.reason}; remove it${inYaml ? '' : `, or mark the file with '${MARKER}' if it must manage its own transactions`}`,
    }
  }
  const lines = blocks.blocks.map((b) => `${fileLine(b.begin.line)}–${fileLine(b.end.line)}`).join(', ')
  const one = blocks.blocks.length === 1
  return {
    kind: 'transaction-block',
    severity: 'notice',
    line: fileLine(blocks.blocks[0].begin.line),
    message: `the file's own BEGIN … COMMIT ${one ? 'block' : 'blocks'} (lines ${lines}) ${one ? 'runs as a savepoint' : 'run as savepoints'} inside the run's transaction: ${one ? 'it stays' : 'each stays'} atomic, and a later failure in the run still rolls ${one ? 'it' : 'them'} back with everything else`,
  }
}
