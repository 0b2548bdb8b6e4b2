import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  headline,
  plural
} from "./chunk-KOT7UVMZ.js";
import {
  PLACE_TEXT,
  driftLine
} from "./chunk-DHH67BYS.js";
import {
  sha256Hex
} from "./chunk-LJAHAILJ.js";

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
function redact(text2, secrets) {
  const forms = secretForms(secrets);
  let out = text2;
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
  const mask = (text2) => {
    let out = text2;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
  const maskAround = (text2, keep) => {
    const [display, ...rest] = keep;
    if (display === void 0) return mask(text2);
    return text2.split(display).map((part) => maskAround(part, rest)).join(display);
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

// src/report/markdown-escape.ts
function text(value) {
  return value.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*[\]|~])/g, "\\$1").replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_");
}
function html(value) {
  return value.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function code(value, options = {}) {
  let body = value.replace(/\r?\n/g, " ");
  if (options.inTable) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body === "" ? " " : "";
  return `${ticks}${pad}${body}${pad}${ticks}`;
}
function fence(body, language = "") {
  const longest = Math.max(0, ...[...body.matchAll(/^[ \t]*(`{3,})/gm)].map((m) => m[1].length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  const content = body.replace(/\r\n/g, "\n").replace(/\n+$/, "");
  return `${ticks}${language}
${content}
${ticks}`;
}
function row(cells) {
  return `| ${cells.map((c) => c === "" ? " " : c).join(" | ")} |`;
}
function header(cells) {
  return [row(cells), `|${cells.map(() => "---").join("|")}|`];
}

// src/drift/integrity.ts
function localUpFiles(db, versions) {
  const wanted = new Set(versions);
  const out = [];
  for (const m of db.migrations) {
    const sql = m.up?.sql;
    if (!sql || !wanted.has(m.version)) continue;
    out.push({ version: m.version, name: m.name, file: sql.path, sha256: sha256Hex(sql.text) });
  }
  return out;
}
function checkIntegrity(ledger, applied, local, options = {}) {
  const appliedSet = new Set(applied);
  const rows = new Map(ledger.filter((r) => r.applied).map((r) => [r.version, r]));
  const accept = options.accept ?? /* @__PURE__ */ new Set();
  const report = {
    edited: [],
    accepted: [],
    unverified: [],
    stale: [],
    unusedAcceptances: []
  };
  const sorted = [...local].sort((a, b) => a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  for (const file of sorted) {
    if (!appliedSet.has(file.version)) continue;
    const row2 = rows.get(file.version);
    if (row2?.sha256 === void 0) {
      report.unverified.push({ version: file.version, name: file.name, file: file.file, sha256: file.sha256 });
      continue;
    }
    if (row2.sha256 === file.sha256) continue;
    const edited = {
      version: file.version,
      name: file.name,
      file: file.file,
      recorded: row2.sha256,
      local: file.sha256,
      origin: row2.origin,
      ...row2.appliedAt ? { appliedAt: row2.appliedAt } : {},
      ...row2.runUrl ? { runUrl: row2.runUrl } : {},
      ...row2.commit ? { commit: row2.commit } : {}
    };
    (accept.has(file.version) ? report.accepted : report.edited).push(edited);
  }
  for (const r of ledger) if (r.recorded && !appliedSet.has(r.version)) report.stale.push(r.version);
  const accepted = new Set(report.accepted.map((e) => e.version));
  report.unusedAcceptances = [...accept].filter((v) => !accepted.has(v)).sort((a, b) => a < b ? -1 : 1);
  return report;
}
var short = (hash) => hash.slice(0, 12);
function editedMessage(e) {
  const what = e.origin === "applied" ? "the file that ran" : e.origin === "adopted" ? "the file when the ledger first recorded this version" : "the file when its last edit was accepted";
  return `version ${e.version} was edited after it was applied: ${e.file} is sha256 ${short(e.local)}\u2026, ${what} was sha256 ${short(e.recorded)}\u2026; restore the file, or acknowledge the edit with accept-edited-migrations: ${e.version}`;
}

// src/report/drift-report.ts
function driftSummary(d) {
  const edited = d.databases.reduce((n, db) => n + db.edited.length, 0);
  const schema = d.databases.reduce((n, db) => n + ("entries" in db.schema ? db.schema.entries.length : 0), 0);
  const parts = [];
  if (edited) parts.push(`${plural(edited, "migration")} edited after apply`);
  if (schema) parts.push(plural(schema, "schema difference"));
  if (d.metadata?.status === "changed") parts.push("metadata changed outside the action");
  return parts.join(", ") || "none";
}
var showsDrift = (d) => d !== void 0 && (d.databases.length > 0 || d.metadata !== void 0);
function notCheckedParts(d) {
  const parts = d.databases.flatMap(
    (db) => "notChecked" in db.schema ? [`schema of ${db.database}: ${db.schema.notChecked}`] : []
  );
  if (d.metadata?.status === "not-recorded") parts.push("metadata: no digest recorded yet");
  return parts;
}
function driftStatusLine(d) {
  if (d.status === "found") return `found: ${driftSummary(d)}${d.mode === "fail" ? " (drift: fail)" : ""}`;
  if (d.status === "none") return "none: the target is what its applied migrations and metadata define";
  const why = d.reason ? [d.reason] : notCheckedParts(d);
  return `not checked${why.length ? ` (${why.join("; ")})` : ""}`;
}
function driftFact(result) {
  const d = result.drift;
  if (!showsDrift(d)) return void 0;
  if (d.status === "found") return { text: `drift: ${driftSummary(d)}`, warns: true };
  return { text: d.status === "none" ? "no drift" : "drift not checked", warns: false };
}
function driftLogLines(d) {
  const on = `database ${d.database}:`;
  const out = d.edited.map((e) => `${on} ${editedMessage(e)}`);
  for (const e of d.accepted)
    out.push(`${on} version ${e.version} was edited after apply; accepted, its new hash is recorded`);
  if (d.unverified.length > 0)
    out.push(
      `${on} ${plural(d.unverified.length, "applied version")} without a recorded hash (unverified, not drift); the next run that writes records them`
    );
  for (const v of d.unusedAcceptances)
    out.push(`${on} accept-edited-migrations names version ${v}, which is not edited`);
  if ("notChecked" in d.schema) out.push(`${on} schema drift not checked: ${d.schema.notChecked}`);
  else if (d.schema.unchangedSince) out.push(`${on} ${unchangedText(d.schema.unchangedSince)}`);
  else if (d.schema.entries.length === 0) out.push(`${on} the schema is what the applied migrations define`);
  else for (const s of d.schema.entries) out.push(`${on} ${driftLine(s)}`);
  return out;
}
function unchangedText(u) {
  const what = u.by === "apply" ? "the apply" : "the check";
  const when = [u.checkedAt ? `of ${u.checkedAt}` : "", u.runUrl ? `(${u.runUrl})` : ""].filter((p) => p).join(" ");
  return `schema unchanged since ${what}${when ? ` ${when}` : ""}, which a replay of the same applied migrations vouched for: not replayed`;
}
var STATUS_EMOJI = { found: "\u26A0\uFE0F", none: "\u2705", "not-checked": "\u2796" };
function driftMarkdown(result) {
  const d = result.drift;
  if (!showsDrift(d)) return void 0;
  const many = d.databases.length > 1;
  const blocks = ["### Drift", "", `**Drift:** ${STATUS_EMOJI[d.status]} ${text(driftStatusLine(d))}`];
  const edited = d.databases.flatMap((db) => db.edited.map((e) => ({ db: db.database, e })));
  if (edited.length > 0) {
    blocks.push("", "**Edited after apply**", "");
    blocks.push(
      ...header([
        ...many ? ["Database"] : [],
        "Version",
        "File",
        "sha256 recorded",
        "sha256 now",
        "Applied by"
      ])
    );
    for (const { db, e } of edited) {
      const by = e.runUrl ? `[run](${encodeURI(e.runUrl)})` : e.origin === "adopted" ? "adopted" : "";
      blocks.push(
        row([
          ...many ? [code(db, { inTable: true })] : [],
          code(e.version, { inTable: true }),
          code(e.file, { inTable: true }),
          code(e.recorded, { inTable: true }),
          code(e.local, { inTable: true }),
          by
        ])
      );
    }
  }
  const schema = d.databases.flatMap(
    (db) => "entries" in db.schema ? db.schema.entries.map((s) => ({ db: db.database, s })) : []
  );
  if (schema.length > 0) {
    blocks.push("", "**Schema changed outside the migrations**", "");
    blocks.push(...header([...many ? ["Database"] : [], "Kind", "Object", "Detail", "Where"]));
    for (const { db, s } of schema) {
      blocks.push(
        row([
          ...many ? [code(db, { inTable: true })] : [],
          text(s.kind),
          code(s.name, { inTable: true }),
          text(s.detail),
          text(PLACE_TEXT[s.where])
        ])
      );
    }
  }
  const m = d.metadata;
  if (m) {
    blocks.push("", `**Metadata:** ${text(m.message)}`);
    if (m.note) blocks.push("", `> ${text(m.note)}`);
    if (m.changes.length > 0) {
      blocks.push("");
      for (const c of m.changes)
        blocks.push(
          `- ${c.widens ? "\u{1F513} " : ""}${text(c.summary)}${c.details.length ? `: ${text(c.details.join("; "))}` : ""}`
        );
    }
  }
  const notes = [];
  for (const db of d.databases) {
    const on = many ? `${code(db.database)}: ` : "";
    if (db.unverified.length > 0)
      notes.push(
        `${on}${plural(db.unverified.length, "applied version")} without a recorded hash (applied by the Hasura CLI or before the ledger): unverified, not drift; the next run that writes records them`
      );
    for (const e of db.accepted)
      notes.push(
        `${on}version ${code(e.version)} was edited after apply and is accepted: its new hash is recorded`
      );
    for (const v of db.unusedAcceptances)
      notes.push(`${on}\`accept-edited-migrations\` names version ${code(v)}, which is not edited`);
    if ("notChecked" in db.schema) notes.push(`${on}schema drift not checked: ${text(db.schema.notChecked)}`);
  }
  if (notes.length > 0) blocks.push("", ...notes.map((n) => `- ${n}`));
  return blocks;
}
function driftText(result) {
  const d = result.drift;
  if (!showsDrift(d)) return [];
  const lines = [`Drift: ${driftStatusLine(d)}`];
  for (const db of d.databases) for (const l of driftLogLines(db)) lines.push(`  ${l}`);
  if (d.metadata) {
    lines.push(`  metadata: ${d.metadata.message}`);
    for (const c of d.metadata.changes) lines.push(`    ${c.widens ? "(widens) " : ""}${c.summary}`);
  }
  return lines;
}
function driftAnnotations(result, where) {
  return (result.drift?.databases ?? []).flatMap(
    (db) => db.edited.map((e) => ({
      level: "warning",
      message: `${editedMessage(e)} (sha256 recorded ${e.recorded}, now ${e.local})`,
      file: where(e.file),
      title: `edited-after-apply (${e.version})`
    }))
  );
}

// src/report/verdict.ts
var countedFindings = (result) => result.databases.flatMap((d) => d.findings.filter((f) => !f.silenced && f.severity !== "notice"));
var silencedFindings = (result) => result.databases.flatMap((d) => d.findings.filter((f) => f.silenced));
function findingsFact(result) {
  const counted = countedFindings(result).length;
  const silenced = silencedFindings(result).length;
  const checked = result.safety !== void 0 && result.safety.lint !== "off";
  if (counted === 0 && silenced === 0) return checked ? { text: "no findings" } : void 0;
  const text2 = counted === 0 ? "no findings" : plural(counted, "finding");
  return { text: silenced > 0 ? `${text2} (${silenced} silenced)` : text2, warns: counted > 0 };
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
function metadataProblemsFact(result) {
  const n = result.metadataCheck?.problems.length ?? 0;
  return n > 0 ? { text: plural(n, "metadata problem"), warns: true } : void 0;
}
var kinds = (n, kind) => kind === "index" ? plural(n, kind, "indexes") : plural(n, kind);
function schemaFact(result) {
  const changes = result.databases.flatMap((d) => d.schemaChanges ? [d.schemaChanges] : []);
  if (changes.length === 0) return void 0;
  const count = (list) => {
    const m = /* @__PURE__ */ new Map();
    for (const c of changes) for (const e of c[list]) m.set(e.kind, (m.get(e.kind) ?? 0) + 1);
    return m;
  };
  const parts = [
    ["+", "added"],
    ["\u2212", "dropped"]
  ].flatMap(([sign, list]) => [...count(list)].map(([kind, n]) => `${sign}${kinds(n, kind)}`));
  const altered = [...count("altered")].map(([kind, n]) => `${kinds(n, kind)} altered`);
  const all = [...parts, ...altered];
  return { text: all.length === 0 ? "schema: no change" : `schema ${all.join(", ")}` };
}
var VERDICT_FACTS = [
  metadataProblemsFact,
  findingsFact,
  schemaFact,
  metadataFact,
  driftFact
];
function verdict(result) {
  const facts = VERDICT_FACTS.map((f) => f(result)).filter((f) => f !== void 0);
  const text2 = [headline(result), ...facts.map((f) => f.text)].join(" \xB7 ");
  if (result.status === "failed") return { emoji: "\u274C", text: text2 };
  if (result.status === "cancelled") return { emoji: "\u26D4", text: text2 };
  const warns = facts.some((f) => f.warns) || result.warnings.length > 0 || result.metadata.status === "inconsistent" || result.trustedPullRequestCode !== void 0;
  return { emoji: warns ? "\u26A0\uFE0F" : "\u2705", text: text2 };
}

export {
  localUpFiles,
  checkIntegrity,
  text,
  html,
  code,
  fence,
  row,
  header,
  driftSummary,
  driftLogLines,
  driftMarkdown,
  driftText,
  driftAnnotations,
  redact,
  redactResult,
  allMetadataChanges,
  verdict
};
