import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/report/redact.ts
var REDACTED = "***";
var MIN_SECRET_LENGTH = 3;
function formsOf(secret) {
  const forms = /* @__PURE__ */ new Set([secret]);
  try {
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURI(secret));
  } catch {
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms];
}
function secretForms(secrets) {
  const forms = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of formsOf(secret)) if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
function redact(text, secrets) {
  const forms = secretForms(secrets);
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED);
  return out;
}
var OWN_VALUES = /* @__PURE__ */ new Set([
  "status",
  "mode",
  "transaction",
  "kind",
  "severity",
  "direction",
  "display",
  "serverVersion",
  "projectDir",
  "environment",
  "startedAt",
  "runUrl",
  "database",
  "directory",
  "version",
  "current",
  "applied",
  "appliedByAnotherRun",
  "name",
  "file",
  "files",
  "type",
  "input",
  "sqlstate",
  "note"
]);
function redactResult(result, secrets) {
  const forms = secretForms(secrets);
  if (forms.length === 0) return result;
  const displays = [result.target.display, result.metadataTarget?.display].filter((d) => !!d);
  const mask = (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
  const maskAround = (text, keep) => {
    const [display, ...rest] = keep;
    if (display === void 0) return mask(text);
    return text.split(display).map((part) => maskAround(part, rest)).join(display);
  };
  const walk = (value, key) => {
    if (typeof value === "string")
      return key !== void 0 && OWN_VALUES.has(key) ? value : maskAround(value, displays);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, walk(inner, k)]));
    }
    return value;
  };
  return walk(result);
}

export {
  redact,
  redactResult
};
