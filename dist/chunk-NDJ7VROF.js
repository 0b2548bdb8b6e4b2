import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  parseStatements
} from "./chunk-CLNDQJZY.js";
import {
  LineCounter
} from "./chunk-57O7MMI3.js";

// src/sql/classify.ts
var TRIGGER_WORDS = /\b(?:concurrently|vacuum|database|tablespace|system|subscription|cluster|discard|reindex|begin|start|commit|end|rollback|abort|savepoint|release|prepare)\b/i;
var mayNeedAnalysis = (text) => TRIGGER_WORDS.test(text);
async function analyzeSql(text) {
  const analysis = { nonTransactional: [], transactionControl: [], parsed: false };
  if (!mayNeedAnalysis(text)) return analysis;
  const { statements, syntaxError } = await parseStatements(text);
  analysis.parsed = true;
  analysis.statementCount = statements.length;
  if (syntaxError) analysis.syntaxError = syntaxError;
  const lines = new LineCounter(text);
  for (const s of statements) {
    const statement = () => ({
      text: text.slice(s.start, s.end),
      line: lines.lineAt(s.start),
      offset: s.start
    });
    const what = nonTransactionalReason(s.node);
    if (what) analysis.nonTransactional.push({ statement: statement(), what });
    const control = transactionControl(s.node, text.slice(s.start, s.end));
    if (control) analysis.transactionControl.push({ statement: statement(), ...control });
  }
  return analysis;
}
function nonTransactionalReason(node) {
  if ("IndexStmt" in node) return node.IndexStmt.concurrent ? "CREATE INDEX CONCURRENTLY" : void 0;
  if ("DropStmt" in node) {
    const d = node.DropStmt;
    return d.concurrent && d.removeType === "OBJECT_INDEX" ? "DROP INDEX CONCURRENTLY" : void 0;
  }
  if ("ReindexStmt" in node) {
    const r = node.ReindexStmt;
    if (r.kind === "REINDEX_OBJECT_SCHEMA") return "REINDEX SCHEMA";
    if (r.kind === "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    if (r.kind === "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    return hasOption(r.params, "concurrently") ? "REINDEX CONCURRENTLY" : void 0;
  }
  if ("VacuumStmt" in node) return node.VacuumStmt.is_vacuumcmd ? "VACUUM" : void 0;
  if ("CreatedbStmt" in node) return "CREATE DATABASE";
  if ("DropdbStmt" in node) return "DROP DATABASE";
  if ("AlterDatabaseStmt" in node) {
    return hasOption(node.AlterDatabaseStmt.options, "tablespace") ? "ALTER DATABASE SET TABLESPACE" : void 0;
  }
  if ("CreateTableSpaceStmt" in node) return "CREATE TABLESPACE";
  if ("DropTableSpaceStmt" in node) return "DROP TABLESPACE";
  if ("AlterSystemStmt" in node) return "ALTER SYSTEM";
  if ("CreateSubscriptionStmt" in node) {
    const options = node.CreateSubscriptionStmt.options;
    const createsSlot = optionBoolean(options, "create_slot") ?? optionBoolean(options, "connect") ?? true;
    return createsSlot ? "CREATE SUBSCRIPTION ... WITH (create_slot = true)" : void 0;
  }
  if ("DropSubscriptionStmt" in node) return "DROP SUBSCRIPTION (of a subscription with a replication slot)";
  if ("AlterSubscriptionStmt" in node) return alterSubscriptionReason(node.AlterSubscriptionStmt);
  if ("ClusterStmt" in node) return node.ClusterStmt.relation ? void 0 : "CLUSTER without a table";
  if ("DiscardStmt" in node) return node.DiscardStmt.target === "DISCARD_ALL" ? "DISCARD ALL" : void 0;
  if ("AlterTableStmt" in node) {
    const detaches = (node.AlterTableStmt.cmds ?? []).some((c) => {
      if (!("AlterTableCmd" in c) || c.AlterTableCmd.subtype !== "AT_DetachPartition") return false;
      const def = c.AlterTableCmd.def;
      return def !== void 0 && "PartitionCmd" in def && def.PartitionCmd.concurrent === true;
    });
    return detaches ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY" : void 0;
  }
  return void 0;
}
function alterSubscriptionReason(a) {
  switch (a.kind) {
    case "ALTER_SUBSCRIPTION_REFRESH":
      return "ALTER SUBSCRIPTION ... REFRESH PUBLICATION";
    case "ALTER_SUBSCRIPTION_SET_PUBLICATION":
    case "ALTER_SUBSCRIPTION_ADD_PUBLICATION":
    case "ALTER_SUBSCRIPTION_DROP_PUBLICATION":
      return optionBoolean(a.options, "refresh") ?? true ? "ALTER SUBSCRIPTION ... PUBLICATION with refresh" : void 0;
    case "ALTER_SUBSCRIPTION_OPTIONS":
      if (hasOption(a.options, "failover")) return "ALTER SUBSCRIPTION ... SET (failover)";
      if (optionBoolean(a.options, "two_phase") === false)
        return "ALTER SUBSCRIPTION ... SET (two_phase = false)";
      return void 0;
    default:
      return void 0;
  }
}
function definitions(options) {
  return (options ?? []).flatMap((o) => "DefElem" in o ? [o.DefElem] : []);
}
var hasOption = (options, name) => definitions(options).some((d) => d.defname === name);
function optionBoolean(options, name) {
  const d = definitions(options).find((o) => o.defname === name);
  if (!d) return void 0;
  const arg = d.arg;
  if (!arg) return true;
  if ("Boolean" in arg) return arg.Boolean.boolval ?? false;
  if ("Integer" in arg) return (arg.Integer.ival ?? 0) !== 0;
  const word = "String" in arg ? arg.String.sval : "TypeName" in arg && arg.TypeName.names?.length === 1 ? arg.TypeName.names.flatMap((n) => "String" in n ? [n.String.sval] : [])[0] : void 0;
  const v = (word ?? "").toLowerCase();
  if (v === "true" || v === "on") return true;
  if (v === "false" || v === "off") return false;
  return void 0;
}
var TRANSACTION_COMMANDS = {
  TRANS_STMT_BEGIN: { what: "BEGIN", scope: "transaction" },
  TRANS_STMT_START: { what: "START TRANSACTION", scope: "transaction" },
  TRANS_STMT_COMMIT: { what: "COMMIT", scope: "transaction" },
  TRANS_STMT_ROLLBACK: { what: "ROLLBACK", scope: "transaction" },
  TRANS_STMT_PREPARE: { what: "PREPARE TRANSACTION", scope: "transaction" },
  TRANS_STMT_COMMIT_PREPARED: { what: "COMMIT PREPARED", scope: "transaction" },
  TRANS_STMT_ROLLBACK_PREPARED: { what: "ROLLBACK PREPARED", scope: "transaction" },
  TRANS_STMT_SAVEPOINT: { what: "SAVEPOINT", scope: "savepoint" },
  TRANS_STMT_RELEASE: { what: "RELEASE SAVEPOINT", scope: "savepoint" },
  TRANS_STMT_ROLLBACK_TO: { what: "ROLLBACK TO SAVEPOINT", scope: "savepoint" }
};
function transactionControl(node, text) {
  if (!("TransactionStmt" in node)) return void 0;
  const command = TRANSACTION_COMMANDS[node.TransactionStmt.kind ?? ""];
  if (!command) return void 0;
  const firstWord = /^[a-z]+/i.exec(text)?.[0]?.toUpperCase();
  if (firstWord === "END" || firstWord === "ABORT") return { ...command, what: firstWord };
  return command;
}

export {
  analyzeSql
};
