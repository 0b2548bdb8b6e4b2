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
function redactDeep(value, secrets) {
  const forms = secretForms(secrets);
  if (forms.length === 0) return value;
  const mask = (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
  const walk = (v) => {
    if (typeof v === "string") return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [mask(k), walk(inner)]));
    }
    return v;
  };
  return walk(value);
}

export {
  redact,
  redactDeep
};
