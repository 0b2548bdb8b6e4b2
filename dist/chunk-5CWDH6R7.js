import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  analyzeSql,
  asSavepoints,
  transactionBlocks
} from "./chunk-UVJRPVMI.js";
import {
  UserError,
  isKnownError
} from "./chunk-WO7LJKSH.js";

// src/targets/lock.ts
var LOCK_NAMESPACE = "hasura-migrate-action";
function lockTimeoutMs(statementMs) {
  const ms = Math.max(0, Math.round(statementMs));
  return ms === 0 ? 0 : Math.max(1, ms - Math.min(1e3, Math.floor(ms / 10)));
}

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

// src/targets/sql/error-info.ts
var seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
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
      info.remedy = "Raise max_locks_per_transaction on the server (a restart is needed), or set `transaction: per-migration` so that each migration commits on its own.";
      break;
    case "57014":
      if (/statement timeout/i.test(fields.message)) {
        info.message = `statement timed out after ${seconds(ctx.timeoutMs)} (the \`timeout\` input): ${fields.message}`;
        info.remedy = "Raise the `timeout` input, or make the statement faster.";
      }
      break;
    case "55P03":
      info.message = `gave up after ${seconds(ctx.timeoutMs)} waiting for a lock (the \`timeout\` input): ${fields.message}`;
      info.remedy = "Another session holds a lock on an object this statement needs (see pg_locks / pg_stat_activity); wait for it to finish, or raise the `timeout` input.";
      break;
  }
  if (fields.connectionLost) {
    info.kind = "target";
    info.message = `the connection to the database was lost: ${fields.message}`;
    info.remedy = "Run again: what committed is recorded and will not run twice; what was in the open transaction was rolled back.";
  }
  return info;
}
function errorInfoOf(error, database, redact) {
  if (isKnownError(error)) {
    return drop({
      kind: error.kind,
      message: redact(error.message),
      database: error.where.database ?? database,
      version: error.where.version,
      file: error.where.file,
      line: error.where.line,
      input: error.where.input
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "internal", message: redact(message), database };
}
function redactInfo(info, redact) {
  const out = { ...info };
  for (const key of ["message", "detail", "hint", "statement", "remedy", "file", "input"]) {
    const value = out[key];
    if (value !== void 0) out[key] = redact(value);
  }
  return out;
}

export {
  LOCK_NAMESPACE,
  lockTimeoutMs,
  runnableParts,
  RESTORE_SETTINGS,
  blocksNote,
  seconds,
  withoutAppendedSql,
  sqlErrorInfo,
  errorInfoOf,
  redactInfo
};
