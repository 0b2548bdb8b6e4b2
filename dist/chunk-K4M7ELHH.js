import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  parseStatements
} from "./chunk-CLNDQJZY.js";
import {
  LineCounter
} from "./chunk-57O7MMI3.js";

// src/targets/lock.ts
var LOCK_NAMESPACE = "hasura-migrate-action";
function lockTimeoutMs(statementMs) {
  const ms = Math.max(0, Math.round(statementMs));
  return ms === 0 ? 0 : Math.max(1, ms - Math.min(1e3, Math.floor(ms / 10)));
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

export {
  LOCK_NAMESPACE,
  lockTimeoutMs,
  splitStatements
};
