import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  analyzeSql,
  transactionBlocks
} from "./chunk-UGAAY2VO.js";

// src/plan/transaction-findings.ts
var MARKER = "-- hasura:no-transaction";
async function transactionFindings(steps) {
  const findings = [];
  for (const step of steps) {
    if (step.sql) {
      const analysis = await analyzeSql(step.sql.text);
      findings.push(...fromAnalysis(step, step.sql.path, analysis, (line) => line));
    }
    for (const call of step.yaml?.steps ?? []) {
      const sql = runSqlText(call.type, call.args);
      if (sql === void 0) continue;
      const analysis = await analyzeSql(sql);
      findings.push(...fromAnalysis(step, step.yaml.path, analysis, () => call.line, true));
    }
  }
  return findings;
}
function runSqlText(type, args) {
  if (type !== "run_sql" || typeof args !== "object" || args === null) return void 0;
  const sql = args.sql;
  return typeof sql === "string" ? sql : void 0;
}
function fromAnalysis(step, file, analysis, fileLine, inYaml = false) {
  const base = { database: step.database, version: step.version, file };
  const findings = [];
  const transactional = inYaml || step.transactional;
  if (transactional) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: "no-transaction-required",
        severity: "error",
        line: fileLine(n.statement.line),
        message: inYaml ? `${n.what} cannot run inside a transaction block, and run_sql steps of a YAML migration share the run's transaction: move it to a SQL migration whose first line is '${MARKER}'` : `${n.what} cannot run inside a transaction block: add '${MARKER}' as the first line of ${file} so it runs alone, outside the run's transaction`
      });
    }
  }
  const others = (analysis.statementCount ?? 1) - 1;
  if (!transactional && others > 0) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: "no-transaction-file",
        severity: "warning",
        line: fileLine(n.statement.line),
        message: `${n.what} shares ${file} with ${others} other statement${others === 1 ? "" : "s"}: sent as one query (as Hasura's run_sql does), PostgreSQL runs them as one implicit transaction block and refuses it; keep it alone in its file`
      });
    }
  }
  if (transactional) {
    const finding = blockFinding(analysis, fileLine, inYaml);
    if (finding) findings.push({ ...base, ...finding });
  } else {
    for (const t of analysis.transactionControl) {
      if (t.scope !== "transaction") continue;
      findings.push({
        ...base,
        kind: "transaction-control",
        severity: "warning",
        line: fileLine(t.statement.line),
        message: `top-level ${t.what} in a no-transaction file: the file runs alone, so it affects only its own statements; make sure every BEGIN has its COMMIT, or the state record joins an open transaction`
      });
    }
  }
  return findings;
}
function blockFinding(analysis, fileLine, inYaml) {
  if (analysis.syntaxError) return void 0;
  const blocks = transactionBlocks(analysis.transactionControl);
  if (blocks.kind === "none") return void 0;
  if (blocks.kind === "unsafe") {
    return {
      kind: "transaction-control",
      severity: "error",
      line: fileLine(blocks.statement.line),
      message: `${blocks.reason}; remove it${inYaml ? "" : `, or mark the file with '${MARKER}' if it must manage its own transactions`}`
    };
  }
  const lines = blocks.blocks.map((b) => `${fileLine(b.begin.line)}\u2013${fileLine(b.end.line)}`).join(", ");
  const one = blocks.blocks.length === 1;
  return {
    kind: "transaction-block",
    severity: "notice",
    line: fileLine(blocks.blocks[0].begin.line),
    message: `the file's own BEGIN \u2026 COMMIT ${one ? "block" : "blocks"} (lines ${lines}) ${one ? "runs as a savepoint" : "run as savepoints"} inside the run's transaction: ${one ? "it stays" : "each stays"} atomic, and a later failure in the run still rolls ${one ? "it" : "them"} back with everything else`
  };
}

export {
  transactionFindings,
  runSqlText
};
