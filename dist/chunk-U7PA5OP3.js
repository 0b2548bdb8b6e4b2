import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  isPlainObject
} from "./chunk-OBJDCIQA.js";

// src/review/canonical-json.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value).filter((k) => value[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function sortedSet(value) {
  if (!Array.isArray(value)) return value;
  const byKey = new Map(value.map((v) => [canonicalJson(v), v]));
  return [...byKey.keys()].sort(compare).map((k) => byKey.get(k));
}
var compare = (a, b) => a < b ? -1 : a > b ? 1 : 0;

export {
  canonicalJson,
  sortedSet,
  compare
};
