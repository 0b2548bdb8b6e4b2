import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  ByteOffsets,
  codePointToIndex,
  lineAt
} from "./chunk-PQOAXLNL.js";

// src/sql/trivia.ts
var isSpace = (c) => c === 32 || c >= 9 && c <= 13;
function skipTrivia(text, from = 0) {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const eol = text.indexOf("\n", i + 2);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      i = skipBlockComment(text, i);
    } else {
      return i;
    }
  }
  return text.length;
}
function skipBlockComment(text, start) {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 47 && next === 42) {
      depth++;
      i += 2;
    } else if (c === 42 && next === 47) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text.length;
}
function isOnlyTrivia(text) {
  const from = text.charCodeAt(0) === 65279 ? 1 : 0;
  return skipTrivia(text, from) === text.length;
}

// src/sql/parser.ts
var library;
function loadLibrary() {
  library ??= import("./chunk-4C6C6JIY.js").then((m) => {
    const candidate = m;
    return typeof candidate.hasSqlDetails === "function" ? candidate : candidate.default ?? candidate;
  });
  return library;
}
var SALVAGE_ATTEMPTS = 3;
async function parseStatements(text) {
  if (isOnlyTrivia(text)) return { statements: [] };
  const source = text.charCodeAt(0) === 65279 ? " " + text.slice(1) : text;
  const zero = source.indexOf("\0");
  if (zero >= 0) {
    return {
      statements: [],
      syntaxError: {
        message: "the text contains a zero byte (NUL)",
        line: lineAt(source, zero),
        offset: zero
      }
    };
  }
  const lib = await loadLibrary();
  try {
    return { statements: await toStatements(lib, source, await lib.parse(source)) };
  } catch (error) {
    const syntaxError = describeError(lib, source, error);
    const statements = await salvage(lib, source, syntaxError.offset);
    return { statements, syntaxError };
  }
}
async function toStatements(lib, source, result) {
  const bytes = new ByteOffsets(source);
  const out = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const location = raw.stmt_location ?? 0;
    const firstByte = bytes.toIndex(location);
    const rawEnd = raw.stmt_len ? bytes.toIndex(location + raw.stmt_len) : source.length;
    const start = skipTrivia(source, firstByte);
    const end = await endOfLastToken(lib, source, start, rawEnd);
    out.push({ node: raw.stmt, start, end });
  }
  return out;
}
async function endOfLastToken(lib, source, start, rawEnd) {
  let end = rawEnd;
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  const body = source.slice(start, end);
  if (!body.includes("--") && !body.includes("/*")) return end;
  try {
    const tokens = (await lib.scan(body)).tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i];
      if (t.tokenName !== "SQL_COMMENT" && t.tokenName !== "C_COMMENT")
        return start + new ByteOffsets(body).toIndex(t.end);
    }
    return end;
  } catch {
    return end;
  }
}
function describeError(lib, source, error) {
  if (lib.hasSqlDetails(error) && error.sqlDetails) {
    const offset = codePointToIndex(source, error.sqlDetails.cursorPosition);
    return { message: error.message, line: lineAt(source, offset), offset };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
async function salvage(lib, source, errorOffset) {
  if (errorOffset === void 0) return [];
  let semicolons;
  try {
    const bytes = new ByteOffsets(source);
    semicolons = (await lib.scan(source)).tokens.filter((t) => t.text === ";").map((t) => bytes.toIndex(t.start)).filter((i) => i < errorOffset);
  } catch {
    return [];
  }
  for (const cut of semicolons.slice(-SALVAGE_ATTEMPTS).reverse()) {
    const prefix = source.slice(0, cut + 1);
    if (isOnlyTrivia(prefix.slice(0, cut))) return [];
    try {
      return await toStatements(lib, prefix, await lib.parse(prefix));
    } catch {
    }
  }
  return [];
}

export {
  isOnlyTrivia,
  parseStatements
};
