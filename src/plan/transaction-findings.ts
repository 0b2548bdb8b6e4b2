/**
 * Statements that do not fit the run's transaction: found with the real PostgreSQL parser (async:
 * the parser is WASM, loaded on first need). No I/O.
 */
import { analyzeSql } from '../sql/classify.js'
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

function runSqlText(type: string, args: unknown): string | undefined {
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
  for (const t of analysis.transactionControl) {
    if (t.scope !== 'transaction') continue // savepoints nest inside the run's transaction harmlessly
    findings.push(
      transactional
        ? {
            ...base,
            kind: 'transaction-control',
            severity: 'error',
            line: fileLine(t.statement.line),
            message: `top-level ${t.what}: every migration already runs inside the run's transaction, and ${t.what} would end it or pair with a COMMIT that does, committing or discarding earlier steps and their state records on its own; remove it${inYaml ? '' : `, or mark the file with '${MARKER}' if it must manage its own transactions`}`,
          }
        : {
            ...base,
            kind: 'transaction-control',
            severity: 'warning',
            line: fileLine(t.statement.line),
            message: `top-level ${t.what} in a no-transaction file: the file runs alone, so it affects only its own statements; make sure every BEGIN has its COMMIT, or the state record joins an open transaction`,
          },
    )
  }
  return findings
}
