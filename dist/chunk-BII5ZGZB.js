import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  headline,
  plural
} from "./chunk-NO5B44HM.js";

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

// src/report/verdict.ts
var countedFindings = (result) => result.databases.flatMap((d) => d.findings.filter((f) => !f.silenced && f.severity !== "notice"));
var silencedFindings = (result) => result.databases.flatMap((d) => d.findings.filter((f) => f.silenced));
function findingsFact(result) {
  const counted = countedFindings(result).length;
  const silenced = silencedFindings(result).length;
  const checked = result.safety !== void 0 && result.safety.lint !== "off";
  if (counted === 0 && silenced === 0) return checked ? { text: "no findings" } : void 0;
  const text = counted === 0 ? "no findings" : plural(counted, "finding");
  return { text: silenced > 0 ? `${text} (${silenced} silenced)` : text, warns: counted > 0 };
}
var allMetadataChanges = (result) => {
  const m = result.metadataChanges;
  return m ? [...m.sources.flatMap((s) => s.changes), ...m.global] : [];
};
function metadataFact(result) {
  const m = result.metadataChanges;
  if (!m || m.base.from === "none") return void 0;
  const changes = allMetadataChanges(result);
  if (changes.length === 0) return { text: "metadata: no changes" };
  const permissions = changes.filter((c) => c.kind.endsWith("_permission")).length;
  const others = changes.length - permissions;
  const parts = [
    ...permissions > 0 ? [plural(permissions, "permission change")] : [],
    ...others > 0 ? [plural(others, permissions > 0 ? "other change" : "change")] : []
  ];
  const widening = changes.filter((c) => c.widens).length;
  const widen = widening > 0 ? ` (${widening} ${widening === 1 ? "widens" : "widen"} access)` : "";
  return { text: `metadata: ${parts.join(", ")}${widen}`, warns: widening > 0 };
}
var VERDICT_FACTS = [findingsFact, metadataFact];
function verdict(result) {
  const facts = VERDICT_FACTS.map((f) => f(result)).filter((f) => f !== void 0);
  const text = [headline(result), ...facts.map((f) => f.text)].join(" \xB7 ");
  if (result.status === "failed") return { emoji: "\u274C", text };
  if (result.status === "cancelled") return { emoji: "\u26D4", text };
  const warns = facts.some((f) => f.warns) || result.warnings.length > 0 || result.metadata.status === "inconsistent" || result.trustedPullRequestCode !== void 0;
  return { emoji: warns ? "\u26A0\uFE0F" : "\u2705", text };
}

export {
  redact,
  redactResult,
  allMetadataChanges,
  verdict
};
