#!/usr/bin/env node
import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  INPUT_NAMES,
  cancellationSignal,
  oneLine,
  parseSettings,
  run
} from "./chunk-LWGH7BUI.js";
import "./chunk-2IS4YLRH.js";
import "./chunk-LKB7VIHT.js";
import "./chunk-EWGMX6GJ.js";
import {
  allMetadataChanges,
  driftText,
  redact,
  redactResult,
  verdict
} from "./chunk-QX3LRMBR.js";
import {
  ACTION_NAME,
  STEP_STATUS_WORD,
  appliedAfter,
  fileLine,
  formatDuration,
  newest,
  nextSteps,
  normalizeDir,
  targetKindLabel
} from "./chunk-KOT7UVMZ.js";
import "./chunk-FDYABMPG.js";
import "./chunk-AI57RCQL.js";
import "./chunk-DHH67BYS.js";
import "./chunk-CRTDMUKX.js";
import {
  toErrorInfo
} from "./chunk-UGAAY2VO.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-LJAHAILJ.js";
import "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-U7PA5OP3.js";
import "./chunk-OBJDCIQA.js";
import {
  isKnownError
} from "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/report/console.ts
var ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 };
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(headers), ...rows.map(line)];
}
function renderText(result, options = {}) {
  const r = redactResult(result, options.secrets ?? []);
  const paint = options.color ? (style, s) => `\x1B[${ANSI[style]}m${s}\x1B[0m` : (_style, s) => s;
  const lines = [];
  const statusStyle = r.status === "failed" || r.status === "cancelled" ? "red" : "green";
  const v = verdict(r);
  lines.push(
    `${paint("bold", `${ACTION_NAME}:`)} ${v.emoji} ${paint(statusStyle, oneLine2(v.text))}${r.environment ? ` [${oneLine2(r.environment)}]` : ""}`
  );
  const trusted = r.trustedPullRequestCode;
  if (trusted) {
    lines.push(
      `${paint("yellow", "warning:")} pull-request code trusted (trust-pull-request-code: true): this ${oneLine2(trusted.event)} run executed the project from the pull request of ${oneLine2(trusted.from)} (${oneLine2(trusted.reason)}) with the repository's secrets`
    );
  }
  const target = `${targetKindLabel(r.target)} ${oneLine2(r.target.display)}${r.target.serverVersion ? ` (${oneLine2(r.target.serverVersion)})` : ""}`;
  const facts = [["Target", target]];
  if (r.metadataTarget) {
    facts.push([
      "Metadata target",
      `${targetKindLabel(r.metadataTarget)} ${oneLine2(r.metadataTarget.display)}`
    ]);
  }
  facts.push(["Project", `${normalizeDir(r.projectDir)} (config v${r.configVersion})`]);
  facts.push([
    "Mode",
    [
      r.mode,
      `transaction ${r.transaction}`,
      ...r.skipExecution ? ["skip-execution"] : [],
      formatDuration(r.durationMs)
    ].join(", ")
  ]);
  const width = Math.max(...facts.map(([k]) => k.length)) + 1;
  for (const [k, v2] of facts) lines.push(`${`${k}:`.padEnd(width)} ${v2}`);
  lines.push(...metadataCheckLines(r));
  const findings = r.databases.flatMap((d) => d.findings);
  if (findings.length > 0) {
    lines.push("", "Findings:");
    const rows = findings.map((f) => [
      f.silenced ? "silenced" : f.severity,
      f.rule ?? f.kind,
      ...r.databases.length > 1 ? [f.database] : [],
      fileLine(f.file, f.line) ?? f.version ?? "",
      oneLine2(f.message)
    ]);
    for (const l of table([], rows).slice(1)) lines.push(`  ${l}`);
  }
  if (r.safety && r.safety.lint !== "off") {
    lines.push(
      `Safety rules: ${r.safety.files} up file(s) checked (lint: ${r.safety.lint}; docs/safety-rules.md)`
    );
    for (const n of r.safety.notes) lines.push(`  ${oneLine2(n)}`);
  }
  lines.push(...schemaChangeLines(r), ...metadataChangeLines(r));
  for (const db of r.databases) {
    const after = r.mode === "apply" ? db.after.current : newest(appliedAfter(r, db));
    const label = r.mode === "apply" ? "" : " (after the plan)";
    lines.push(
      "",
      `Database ${db.database}: ${db.before.current ?? "none"}${db.before.dirty ? " (dirty)" : ""} -> ${after ?? "none"}${label}`
    );
    if (db.appliedByAnotherRun.length > 0) {
      lines.push(`Applied by another run (not run again): ${db.appliedByAnotherRun.join(", ")}`);
    }
    const rows = db.steps.length > 0 ? db.steps.map((s) => [
      s.version,
      s.name,
      s.direction,
      STEP_STATUS_WORD[s.status],
      s.file ?? "",
      s.note ?? ""
    ]) : db.planned.map((p) => [
      p.version,
      p.name,
      p.direction,
      r.mode === "apply" ? "pending" : "planned",
      p.file ?? "",
      p.transactional ? "" : "no-transaction"
    ]);
    if (rows.length > 0) {
      const withNote = rows.some((row) => row[5] !== "");
      const headers = ["VERSION", "NAME", "DIRECTION", "STATUS", "FILE", ...withNote ? ["NOTE"] : []];
      const body = table(
        headers,
        rows.map((row) => row.slice(0, headers.length).map(oneLine2))
      );
      lines.push("", ...body.map((l, i) => i === 0 ? paint("dim", l) : colourStatus(l, paint)));
    } else if (r.status === "nothing-to-do" || r.mode === "apply" && !r.error) {
      lines.push("Nothing to apply.");
    }
  }
  lines.push(
    "",
    `Metadata: ${r.metadata.status}${r.metadata.message ? `: ${oneLine2(r.metadata.message)}` : ""}`
  );
  for (const o of r.metadata.inconsistentObjects) {
    lines.push(`  inconsistent ${oneLine2(o.type)} ${oneLine2(o.name)}: ${oneLine2(o.reason)}`);
  }
  lines.push(...driftText(r).map(oneLine2));
  lines.push(`Seeds: ${r.seeds.status}${r.seeds.files.length > 0 ? `: ${r.seeds.files.join(", ")}` : ""}`);
  if (r.roundTrip) {
    lines.push(
      `Down round trip: ${r.roundTrip.status}${r.roundTrip.reason ? `: ${oneLine2(r.roundTrip.reason)}` : ""}`
    );
  }
  for (const w of r.warnings) lines.push(`${paint("yellow", "warning:")} ${oneLine2(w)}`);
  for (const n of r.notices) lines.push(`${paint("cyan", "notice:")} ${oneLine2(n)}`);
  if (r.error) {
    const e = r.error;
    lines.push("", paint("red", `Error: ${oneLine2(e.message)}`));
    const where = [
      e.database && `database ${e.database}`,
      e.version && `version ${e.version}`,
      fileLine(e.file, e.line),
      e.input && `input '${e.input}'`
    ].filter(Boolean);
    if (where.length > 0) lines.push(`  at ${where.join(", ")}`);
    if (e.sqlstate) lines.push(`  SQLSTATE ${e.sqlstate}`);
    if (e.detail) lines.push(`  Detail: ${oneLine2(e.detail)}`);
    if (e.hint) lines.push(`  Hint: ${oneLine2(e.hint)}`);
    if (e.statement) {
      lines.push("  Statement:");
      for (const l of e.statement.replace(/\r\n/g, "\n").split("\n")) lines.push(`    ${l}`);
    }
    const next = nextSteps(r);
    if (next.length > 0) {
      lines.push("", "What to do next:");
      next.forEach((n, i) => lines.push(`  ${i + 1}. ${n.replace(/`/g, "")}`));
    }
  }
  return lines.join("\n") + "\n";
}
function metadataChangeLines(r) {
  const m = r.metadataChanges;
  if (!m) return [];
  if (m.base.from === "none") return ["", `Metadata changes: not compared (${oneLine2(m.base.reason)})`];
  const base = m.base.from === "server" ? `the server ${m.base.display}` : `base commit ${m.base.commit.slice(0, 7)}`;
  const all = allMetadataChanges(r);
  const out = ["", `Metadata changes against ${base}: ${all.length}${m.note ? ` (${oneLine2(m.note)})` : ""}`];
  const groups = [
    ...m.sources.map((s) => [`database ${s.source}`, s.changes]),
    ["outside the databases", m.global]
  ];
  for (const [label, changes] of groups) {
    if (changes.length === 0) continue;
    out.push(`  ${label}:`);
    for (const c of changes) {
      const details = c.details.length > 0 ? `: ${c.details.join("; ")}` : "";
      const widens = c.widens ? `WIDENS ACCESS (${c.widening.join("; ")}): ` : "";
      out.push(`    ${c.change.padEnd(7)} ${oneLine2(`${widens}${c.summary}${details}`)}`);
    }
  }
  return out;
}
function schemaChangeLines(r) {
  const out = [];
  for (const d of r.databases) {
    const c = d.schemaChanges;
    if (!c) continue;
    const before = c.before === "target" ? "" : ` (before: ${oneLine2(c.note ?? c.before)})`;
    out.push(
      "",
      `Schema changes ${d.database}: ${c.added.length} added, ${c.dropped.length} dropped, ${c.altered.length} altered${before}`
    );
    const rows = [
      ...c.added.map((e) => ["+", e.kind, e.name, e.detail]),
      ...c.dropped.map((e) => ["-", e.kind, e.name, e.detail]),
      ...c.altered.map((e) => ["~", e.kind, e.name, e.detail])
    ];
    const shown = rows.length > CONSOLE_CHANGES ? rows.slice(0, CONSOLE_CHANGES) : rows;
    for (const l of table(
      [],
      shown.map((row) => row.map(oneLine2))
    ).slice(1))
      out.push(`  ${l}`);
    if (rows.length > shown.length) out.push(`  \u2026 ${rows.length - shown.length} more (see --json)`);
  }
  return out;
}
var CONSOLE_CHANGES = 30;
function metadataCheckLines(r) {
  const check = r.metadataCheck;
  if (!check) return [];
  const head = `Metadata verification: ${check.status}${check.reason ? `: ${oneLine2(check.reason)}` : ""}`;
  const out = ["", head];
  if (check.committedBeforeCheck.length > 0) {
    out.push(
      `  already committed when checked: ${check.committedBeforeCheck.map((c) => c.version).join(", ")}`
    );
  }
  for (const p of check.problems) {
    const where = fileLine(p.file, p.line);
    out.push(`  ${where ? `${where}: ` : ""}${oneLine2(p.type)} ${oneLine2(p.name)}: ${oneLine2(p.reason)}`);
    if (p.note) out.push(`    ${oneLine2(p.note)}`);
  }
  for (const n of check.notChecked)
    out.push(`  not checked: ${n.kind} ${oneLine2(n.name)} (${oneLine2(n.reason)})`);
  return out;
}
function oneLine2(s) {
  return s.replace(/\r?\n/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
}
function colourStatus(line, paint) {
  return line.replace(/\bfailed\b/, (m) => paint("red", m)).replace(/\bnot run\b/, (m) => paint("dim", m)).replace(/\b(applied|rehearsed)\b/, (m) => paint("green", m));
}

// src/cli.ts
var USAGE = `hasura-migrate \u2014 apply a Hasura project's migrations, metadata and seeds

usage: hasura-migrate [--project-dir DIR] [--database-url URL | --endpoint URL --admin-secret S] [options]

Every option is an input of the action, as a long flag: ${INPUT_NAMES.map((n) => "--" + n).join(" ")}
  --json        print the result as JSON instead of a table
  --help        this text
With neither --database-url nor --endpoint, the project is rehearsed on an embedded PostgreSQL.`;
function parseArgs(argv) {
  const inputs = /* @__PURE__ */ new Map();
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!INPUT_NAMES.includes(name)) throw new Error(`unknown option --${name} (see --help)`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === void 0) throw new Error(`option --${name} needs a value`);
      inputs.set(name, value);
    } else throw new Error(`unexpected argument '${arg}' (options are --name value; see --help)`);
  }
  return { inputs, json, help };
}
async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${e.message}
`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  let settings;
  try {
    settings = parseSettings((name) => args.inputs.get(name) ?? "");
  } catch (e) {
    process.stderr.write(`error: ${oneLine(toErrorInfo(e))}
`);
    return 1;
  }
  const secrets = settings.secrets;
  const result = await run(settings, {
    info: (m) => {
      if (!args.json) process.stderr.write(redact(m, secrets) + "\n");
    },
    warning: (m) => process.stderr.write(`warning: ${redact(m, secrets)}
`),
    debug: (m) => {
      if (process.env.HASURA_MIGRATE_DEBUG) process.stderr.write(redact(m, secrets) + "\n");
    },
    group: async (name, fn) => {
      if (!args.json) process.stderr.write(`\u25B8 ${name}
`);
      return fn();
    },
    cwd: process.cwd(),
    env: process.env,
    signal: cancellationSignal()
  });
  const safe = redactResult(result, secrets);
  process.stdout.write((args.json ? JSON.stringify(safe, null, 2) : renderText(safe)) + "\n");
  if (safe.error) {
    process.stderr.write(`error: ${oneLine(safe.error, nextSteps(safe)[0])}
`);
    return 1;
  }
  return 0;
}
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(
      `internal error: ${isKnownError(e) ? e.message : e instanceof Error ? e.stack ?? e.message : String(e)}
`
    );
    process.exitCode = 1;
  }
);
