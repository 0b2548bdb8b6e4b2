import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  seconds
} from "./chunk-FPUQZJKU.js";
import {
  blockCommentEnd,
  parseStatements
} from "./chunk-ISGRHWTH.js";
import {
  LineCounter
} from "./chunk-PQOAXLNL.js";
import {
  RefusedError,
  SqlError,
  UserError,
  isKnownError
} from "./chunk-SWCUOCRD.js";

// src/report/remedies.ts
var REMEDIES = {
  rerunSafe: "Running again is safe: a run waits for the lock and re-checks the state before it changes anything.",
  lockTable: "Raise max_locks_per_transaction on the server (a restart is needed), or set `transaction: per-migration` so that each migration commits on its own.",
  statementTimeout: "Raise the `timeout` input, or make the statement faster.",
  lockWait: "Another session holds a lock on an object this statement needs (see pg_locks / pg_stat_activity); wait for it to finish, or raise the `timeout` input.",
  runLockWait: "Another run is applying migrations to this database; wait for it, or raise the `timeout` input.",
  connectionLost: "Run again: what committed is recorded and will not run twice; what was in the open transaction was rolled back.",
  migrationMode: `Migration mode was switched off (in the Hasura console) so that schema changes are not tracked as migrations; switch it back on in the console, or run UPDATE hdb_catalog.migration_settings SET value = 'true' WHERE setting = 'migration_mode' (config 3: set cli_state.settings.migration_mode to "true" in hdb_catalog.hdb_version).`,
  unresolvedMetadata: "Fix the metadata (the file and line are named), or add a migration that creates what it names; set `verify-metadata: warn` to report such problems without failing (e.g. for objects another service creates).",
  hiddenDatabaseErrors: "This Hasura server leaves the database's own error out of its answers (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false), so which statement failed and why cannot be told: set it to true on the server (the default; it shows them to the admin only), or run the action with `database-url`.",
  seeds: "No seed was applied (they run in one transaction): fix the seed file and run again.",
  /** A no-transaction file that failed half-way, its version recorded dirty. */
  dirtyVersion: (version) => `Statements before the failing one stay committed and version ${version} is recorded dirty: fix the database by hand, then record the version (skip-execution) or remove it from the state.`
};

// src/execute/error-report.ts
function drop(o) {
  for (const k of Object.keys(o)) if (o[k] === void 0) delete o[k];
  return o;
}
function withoutAppendedSql(message, appended) {
  const ours = appended.trim();
  if (ours.length < 4) return message;
  const probe = ours.slice(0, Math.min(ours.length, 40));
  const at = message.indexOf(probe);
  if (at < 0) return message;
  let cut = at;
  while (cut > 0 && /[\s;]/.test(message[cut - 1])) cut--;
  const quoted = /at or near "/.test(message.slice(0, cut));
  return `${message.slice(0, cut)}${quoted ? '\u2026"' : "\u2026"}`;
}
function sqlErrorInfo(fields, ctx) {
  const info = drop({
    kind: "sql",
    message: fields.message,
    database: ctx.database,
    version: ctx.version,
    file: ctx.file,
    line: ctx.line,
    sqlstate: fields.sqlstate,
    detail: fields.detail,
    hint: fields.hint,
    statement: ctx.statement
  });
  switch (fields.sqlstate) {
    case "53200":
      info.message = `out of shared memory: PostgreSQL's lock table is full (SQLSTATE 53200). One transaction holds a lock on every table, index and sequence it creates or changes, and this run's transaction holds more than max_locks_per_transaction allows (${fields.message})`;
      info.remedy = REMEDIES.lockTable;
      break;
    case "57014":
      if (/statement timeout/i.test(fields.message)) {
        info.message = `statement timed out after ${seconds(ctx.timeoutMs)} (the \`timeout\` input): ${fields.message}`;
        info.remedy = REMEDIES.statementTimeout;
      }
      break;
    case "55P03":
      info.message = `gave up after ${seconds(ctx.timeoutMs)} waiting for a lock (the \`timeout\` input): ${fields.message}`;
      info.remedy = REMEDIES.lockWait;
      break;
  }
  if (fields.connectionLost) {
    info.kind = "target";
    info.message = `the connection to the database was lost: ${fields.message}`;
    info.remedy = REMEDIES.connectionLost;
  }
  return info;
}
function toErrorInfo(error, database) {
  if (isKnownError(error)) {
    const info = drop({
      kind: error.kind,
      message: error.message,
      database: error.where.database ?? database,
      version: error.where.version,
      file: error.where.file,
      line: error.where.line,
      input: error.where.input
    });
    if (error instanceof SqlError) {
      Object.assign(
        info,
        drop({
          sqlstate: error.pg.sqlstate,
          detail: error.pg.detail,
          hint: error.pg.hint,
          statement: error.pg.statement
        })
      );
    }
    if (error instanceof RefusedError) info.remedy = error.remedy;
    return info;
  }
  const message = error instanceof Error ? error.message : String(error);
  return drop({ kind: "internal", message, database });
}
function redactInfo(info, redact) {
  const out = { ...info };
  for (const key of ["message", "detail", "hint", "statement", "remedy", "file", "input"]) {
    const value = out[key];
    if (value !== void 0) out[key] = redact(value);
  }
  return out;
}

// src/sql/split.ts
async function splitStatements(text) {
  const { statements, syntaxError } = await parseStatements(text);
  const lines = new LineCounter(text);
  const result = {
    statements: statements.map((s) => ({
      text: text.slice(s.start, s.end),
      line: lines.lineAt(s.start),
      offset: s.start
    }))
  };
  if (syntaxError) result.syntaxError = syntaxError;
  return result;
}

// src/sql/unquoted-code.ts
var QUOTE = 39;
var DOUBLE_QUOTE = 34;
var BACKSLASH = 92;
var DOLLAR = 36;
var DASH = 45;
var SLASH = 47;
var STAR = 42;
function continuesIdentifier(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95 || c === DOLLAR || c > 127;
}
var DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
function unquotedCode(text) {
  const parts = [];
  let from = 0;
  let i = 0;
  const n = text.length;
  const skipTo = (end) => {
    parts.push(text.slice(from, i), " ");
    i = end;
    from = end;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === DASH && next === DASH) {
      const eol = text.indexOf("\n", i + 2);
      skipTo(eol < 0 ? n : eol + 1);
    } else if (c === SLASH && next === STAR) {
      const end = blockCommentEnd(text, i);
      if (end === void 0) return void 0;
      skipTo(end);
    } else if (c === QUOTE || c === DOUBLE_QUOTE) {
      const end = quotedEnd(text, i, c);
      if (end === void 0) return void 0;
      skipTo(end);
    } else if (c === DOLLAR && (i === 0 || !continuesIdentifier(text.charCodeAt(i - 1)))) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text)?.[0];
      if (tag === void 0) {
        i++;
        continue;
      }
      const close = text.indexOf(tag, i + tag.length);
      if (close < 0) return void 0;
      skipTo(close + tag.length);
    } else {
      i++;
    }
  }
  parts.push(text.slice(from));
  return parts.join("");
}
function quotedEnd(text, start, quote) {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && quote === QUOTE) return void 0;
    if (c === quote) {
      if (text.charCodeAt(i + 1) !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return void 0;
}

// src/sql/classify.ts
var TRIGGER_WORDS = /\b(?:concurrently|vacuum|database|tablespace|system|subscription|cluster|discard|reindex|begin|start|commit|end|rollback|abort|savepoint|release|prepare)\b/i;
function mayNeedAnalysis(text) {
  if (!TRIGGER_WORDS.test(text)) return false;
  const code = unquotedCode(text);
  return code === void 0 || TRIGGER_WORDS.test(code);
}
var analyses = /* @__PURE__ */ new Map();
function analyzeSql(text) {
  let analysis = analyses.get(text);
  if (!analysis) {
    analysis = mayNeedAnalysis(text) ? analyzeParsed(text) : Promise.resolve({ nonTransactional: [], transactionControl: [], parsed: false });
    analyses.set(text, analysis);
  }
  return analysis;
}
async function analyzeParsed(text) {
  const analysis = { nonTransactional: [], transactionControl: [], parsed: false };
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
  TRANS_STMT_BEGIN: { what: "BEGIN", command: "begin", scope: "transaction" },
  TRANS_STMT_START: { what: "START TRANSACTION", command: "begin", scope: "transaction" },
  TRANS_STMT_COMMIT: { what: "COMMIT", command: "commit", scope: "transaction" },
  TRANS_STMT_ROLLBACK: { what: "ROLLBACK", command: "rollback", scope: "transaction" },
  TRANS_STMT_PREPARE: { what: "PREPARE TRANSACTION", command: "prepare", scope: "transaction" },
  TRANS_STMT_COMMIT_PREPARED: { what: "COMMIT PREPARED", command: "commit-prepared", scope: "transaction" },
  TRANS_STMT_ROLLBACK_PREPARED: {
    what: "ROLLBACK PREPARED",
    command: "rollback-prepared",
    scope: "transaction"
  },
  TRANS_STMT_SAVEPOINT: { what: "SAVEPOINT", command: "savepoint", scope: "savepoint" },
  TRANS_STMT_RELEASE: { what: "RELEASE SAVEPOINT", command: "release", scope: "savepoint" },
  TRANS_STMT_ROLLBACK_TO: { what: "ROLLBACK TO SAVEPOINT", command: "rollback-to", scope: "savepoint" }
};
function transactionControl(node, text) {
  if (!("TransactionStmt" in node)) return void 0;
  const t = node.TransactionStmt;
  const command = TRANSACTION_COMMANDS[t.kind ?? ""];
  if (!command) return void 0;
  const out = { ...command };
  const firstWord = /^[a-z]+/i.exec(text)?.[0]?.toUpperCase();
  if (firstWord === "END" || firstWord === "ABORT") out.what = firstWord;
  if (t.chain) out.chain = true;
  if (command.command === "begin" && (t.options?.length ?? 0) > 0) out.modes = true;
  return out;
}

// src/sql/transaction-blocks.ts
var savepointName = (n) => `hasura_migrate_block_${n}`;
var lineOf = (s) => `line ${s.line}`;
function transactionBlocks(control) {
  const commands = control.filter((c) => c.scope === "transaction");
  if (commands.length === 0) return { kind: "none" };
  const blocks = [];
  let open;
  const unsafe = (c, reason) => ({
    kind: "unsafe",
    statement: c.statement,
    what: c.what,
    reason
  });
  for (const c of commands) {
    switch (c.command) {
      case "begin":
        if (open) return unsafe(c, `${c.what} inside the block its file began at ${lineOf(open.statement)}`);
        if (c.modes)
          return unsafe(
            c,
            `${c.what} with transaction modes (isolation level, read only, deferrable): a block inside the run's transaction cannot have modes of its own`
          );
        open = c;
        break;
      case "commit":
      case "rollback": {
        const discards = c.command === "rollback";
        if (!open)
          return unsafe(
            c,
            discards ? `${c.what} without a BEGIN before it in this file would discard the earlier migrations of the run` : `${c.what} without a BEGIN before it in this file would commit the earlier migrations of the run on its own`
          );
        if (c.chain) return unsafe(c, `${c.what} AND CHAIN starts a new transaction the run cannot nest`);
        blocks.push({ begin: open.statement, end: c.statement, discarded: discards });
        open = void 0;
        break;
      }
      default:
        return unsafe(
          c,
          `${c.what} needs a transaction of its own and cannot run inside the run's transaction`
        );
    }
  }
  if (open)
    return unsafe(
      open,
      `${open.what} has no COMMIT in its file: the block would stay open into the next migration`
    );
  return { kind: "blocks", blocks };
}
function asSavepoints(text, blocks) {
  const replacements = blocks.flatMap((b, k) => {
    const name = savepointName(k + 1);
    return [
      { statement: b.begin, sql: `SAVEPOINT ${name}` },
      { statement: b.end, sql: b.discarded ? `ROLLBACK TO SAVEPOINT ${name}` : `RELEASE SAVEPOINT ${name}` }
    ];
  });
  let out = "";
  let at = 0;
  for (const { statement, sql } of replacements) {
    const end = statement.offset + statement.text.length;
    const breaks = statement.text.split("\n").length - 1;
    out += text.slice(at, statement.offset) + sql + "\n".repeat(breaks);
    at = end;
  }
  return out + text.slice(at);
}

// src/execute/request.ts
var UnitUnreadable = class extends Error {
};
function composeBeforeCommit(...checks) {
  const present = checks.filter((c) => c !== void 0);
  if (present.length <= 1) return present[0];
  return async (unit) => {
    const answers = /* @__PURE__ */ new Map();
    const shared = {
      steps: unit.steps,
      last: unit.last,
      query: (sql) => {
        const known = answers.get(sql);
        if (known) return known;
        const answer = unit.query(sql);
        answers.set(sql, answer);
        return answer;
      }
    };
    for (const check of present) {
      const error = await check(shared);
      if (error) return error;
    }
    return void 0;
  };
}
var hasLedgerRows = (l) => l !== void 0 && l.adopt.length + l.accept.length + l.stale.length > 0;

// src/sql/session-settings.ts
var STATEMENT_SET = /(?:^|;)\s*(?:SET|RESET)\s/im;
var QUOTED_SET = /['"$]\s*(?:SET|RESET)\s/i;
var SET_CONFIG = /\bset_config\s*\(/i;
var mayChangeSettings = (text) => STATEMENT_SET.test(text) || SET_CONFIG.test(text) || QUOTED_SET.test(text);

// src/targets/step-parts.ts
function stepParts(step, yamlMetadata = "refuse") {
  const sql = step.sql && step.sql.text.trim() !== "" ? [{ file: step.sql.path, text: step.sql.text }] : [];
  const yaml = [];
  for (const item of step.yaml?.steps ?? []) {
    const file = step.yaml?.path ?? "";
    const where = { file, line: item.line, database: step.database, version: step.version.toString() };
    if (item.type !== "run_sql") {
      if (yamlMetadata === "skip") continue;
      throw new UserError(
        `${file}:${item.line}: a '${item.type}' step is a call to Hasura's metadata API, not SQL; only run_sql steps can run inside the migration transaction`,
        where
      );
    }
    const text = item.args?.sql;
    if (typeof text !== "string")
      throw new UserError(`${file}:${item.line}: this run_sql step has no 'args.sql' text`, where);
    yaml.push({ file, text, yamlLine: item.line });
  }
  return step.direction === "up" ? [...sql, ...yaml] : [...yaml, ...sql];
}
async function runnablePart(part, where) {
  const analysis = await analyzeSql(part.text);
  if (analysis.syntaxError) return asWritten(part);
  const found = transactionBlocks(analysis.transactionControl);
  if (found.kind === "none") return asWritten(part);
  if (found.kind === "unsafe") {
    const line = part.yamlLine ?? found.statement.line;
    throw new UserError(`${part.file}:${line}: ${found.reason}`, {
      file: part.file,
      line,
      database: where.database,
      ...where.version !== void 0 ? { version: where.version.toString() } : {}
    });
  }
  return { ...asWritten(part), sql: asSavepoints(part.text, found.blocks), blocks: found.blocks };
}
async function runnableParts(step, yamlMetadata) {
  const parts = stepParts(step, yamlMetadata);
  if (!step.transactional) return parts.map(asWritten);
  const where = { database: step.database, version: step.version };
  return Promise.all(parts.map((part) => runnablePart(part, where)));
}
function asWritten(part) {
  return { ...part, sql: part.text, blocks: [], changesSettings: mayChangeSettings(part.text) };
}
var RESTORE_SETTINGS = "RESET ALL; RESET ROLE; RESET SESSION AUTHORIZATION";
function blocksNote(parts) {
  const blocks = parts.flatMap((p) => p.blocks);
  if (blocks.length === 0) return void 0;
  const lines = blocks.map((b) => `${b.begin.line}\u2013${b.end.line}`).join(", ");
  const one = blocks.length === 1;
  const discarded = blocks.filter((b) => b.discarded).length;
  const rolledBack = discarded ? `; ${discarded} ended in ROLLBACK and ${discarded === 1 ? "was" : "were"} discarded` : "";
  return `its ${one ? "BEGIN \u2026 COMMIT block" : `${blocks.length} BEGIN \u2026 COMMIT blocks`} (lines ${lines}) ran as ${one ? "a savepoint" : "savepoints"} inside the run's transaction${rolledBack}`;
}

export {
  REMEDIES,
  withoutAppendedSql,
  sqlErrorInfo,
  toErrorInfo,
  redactInfo,
  analyzeSql,
  transactionBlocks,
  runnablePart,
  runnableParts,
  RESTORE_SETTINGS,
  blocksNote,
  UnitUnreadable,
  composeBeforeCommit,
  hasLedgerRows,
  splitStatements
};
