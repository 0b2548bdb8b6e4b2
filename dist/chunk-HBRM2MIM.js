import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  analyzeSql,
  asSavepoints,
  transactionBlocks
} from "./chunk-UVJRPVMI.js";
import {
  UserError
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
var asWritten = (part) => ({
  ...part,
  sql: part.text,
  blocks: [],
  changesSettings: mayChangeSettings(part.text)
});
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
  LOCK_NAMESPACE,
  lockTimeoutMs,
  runnableParts,
  RESTORE_SETTINGS,
  blocksNote
};
