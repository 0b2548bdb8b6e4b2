import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  allMetadataChanges,
  code,
  driftMarkdown,
  fence,
  header,
  html,
  redactResult,
  row,
  text,
  verdict
} from "./chunk-QX3LRMBR.js";
import {
  ACTION_NAME,
  STEP_STATUS_EMOJI,
  STEP_STATUS_WORD,
  appliedAfter,
  compareVersions,
  fileLine,
  formatDuration,
  migrationLabel,
  newest,
  nextSteps,
  normalizeDir,
  plural,
  targetKindLabel
} from "./chunk-KOT7UVMZ.js";

// src/report/markdown-report.ts
var COMMENT_LIMIT = 65536;
var COMMENT_MARKER_RESERVE = 1536;
var SUMMARY_LIMIT = 1024 * 1024;
var VOLATILE_MARK = "<!-- hasura-migrate-action:volatile -->";
var SQL_LIMITS = {
  comment: { lines: 120, chars: 8e3 },
  summary: { lines: 2e3, chars: 1e5 }
};
var STATUS_OPEN_ROWS = 15;
var STATUS_COMPACT_APPLIED = 5;
var LEVELS = ["full", "no-sql", "compact", "elided", "counts"];
function renderMarkdown(result, options) {
  const safe = redactResult(result, options.secrets ?? []);
  const surface = options.surface;
  const limit = options.maxLength ?? (surface === "comment" ? COMMENT_LIMIT - COMMENT_MARKER_RESERVE : SUMMARY_LIMIT - 1024);
  const measure = surface === "comment" ? (s) => s.length : (s) => Buffer.byteLength(s, "utf8");
  for (const level of LEVELS) {
    const out = join(sections(safe, surface, level));
    if (measure(out) < limit) return out;
  }
  return truncate(sections(safe, surface, "counts"), limit, measure, surface);
}
function join(list) {
  return list.map((s) => s.blocks.join("\n")).join("\n\n") + "\n";
}
function truncate(list, limit, measure, surface) {
  const where = surface === "comment" ? "GitHub's comment size limit. The full report is in the job summary and in the `report` output" : "GitHub's job summary size limit. The full report is in the `report` output";
  const note = (omitted) => `> \u2702\uFE0F **Report truncated** to fit ${where} (${plural(omitted, "more line")} not shown).`;
  const reserve = measure(note(Number.MAX_SAFE_INTEGER)) + 4;
  const total = list.reduce((n, s) => n + s.blocks.length, 0);
  const parts = [];
  let used = 0;
  let kept = 0;
  outer: for (const section of list) {
    const taken = [];
    const closeCost = section.close ? measure(section.close) : 0;
    for (const block of section.blocks) {
      const sep = taken.length > 0 ? 1 : parts.length > 0 ? 2 : 0;
      const cost = sep + measure(block);
      if (used + cost + closeCost + reserve > limit) {
        if (taken.length > 0) parts.push(taken.join("\n") + (section.close ?? ""));
        break outer;
      }
      taken.push(block);
      used += cost;
      kept++;
    }
    if (taken.length > 0) parts.push(taken.join("\n"));
  }
  return parts.join("\n\n") + "\n\n" + note(total - kept) + "\n";
}
var leftOut = (output) => `Listed in the job summary and in the ${output} output (left out here to fit the size limit).`;
var REVIEW_SECTIONS = {
  problems: [metadataProblemsSection],
  findings: [findingsSection],
  schema: [schemaChangesSection],
  metadata: [metadataChangesSection],
  drift: [
    (result, context) => {
      const blocks = driftMarkdown(result);
      if (!blocks) return void 0;
      return { blocks: context.brief ? [...blocks.slice(0, 3), "", leftOut("`drift`")] : blocks };
    }
  ]
};
function sections(result, surface, level) {
  const list = [headerSection(result, surface)];
  if (result.error) list.push(errorSection(result));
  const context = { surface, brief: level === "counts" };
  for (const slot of ["problems", "findings", "schema", "metadata", "drift"]) {
    for (const render of REVIEW_SECTIONS[slot]) {
      const section = render(result, context);
      if (section) list.push(section);
    }
  }
  list.push(stateSection(result));
  const steps = stepsSection(result, surface, level);
  if (steps) list.push(steps);
  const verified = metadataCheckLine(result);
  if (verified) list.push(verified);
  list.push(metadataSection(result));
  list.push(seedsSection(result));
  if (result.roundTrip) list.push(roundTripSection(result));
  const messages = messagesSection(result);
  if (messages) list.push(messages);
  list.push(...statusSections(result, level));
  const sql = sqlSections(result, surface, level);
  list.push(...sql);
  if (surface === "comment") list.push(footerSection(result));
  return list;
}
function databasesLabel(result) {
  if (result.databases.length === 0) return "";
  return result.databases.map((d) => code(d.database)).join(", ");
}
function targetLine(info) {
  if (!info.display) return `${targetKindLabel(info)} (not connected)`;
  const version = info.serverVersion ? ` (${text(info.serverVersion)})` : "";
  return `${targetKindLabel(info)} ${code(info.display)}${version}`;
}
function headerSection(result, surface) {
  const env = result.environment ? ` \xB7 ${text(result.environment)}` : "";
  const v = verdict(result);
  const blocks = [`### ${v.emoji} ${text(v.text)}${env}`, ""];
  const trusted = result.trustedPullRequestCode;
  if (trusted) blocks.push(`> \u26A0\uFE0F ${trustedLine(trusted)}`, "");
  blocks.push(`- **Target:** ${targetLine(result.target)}`);
  if (result.metadataTarget) blocks.push(`- **Metadata target:** ${targetLine(result.metadataTarget)}`);
  const dbs = databasesLabel(result);
  const project = `${code(normalizeDir(result.projectDir))} (config v${result.configVersion})`;
  blocks.push(
    `- **Project:** ${project}${dbs ? ` \xB7 **${result.databases.length > 1 ? "Databases" : "Database"}:** ${dbs}` : ""}`
  );
  const mode = [
    modeLabel(result),
    `transaction ${code(result.transaction)}`,
    ...result.skipExecution ? ["skip-execution (SQL not run)"] : [],
    ...surface === "summary" ? [`took ${formatDuration(result.durationMs)}`] : []
  ];
  blocks.push(`- **Mode:** ${mode.join(" \xB7 ")}`);
  if (surface === "summary") blocks.push(`- **Started:** ${text(result.startedAt)}`);
  return { blocks };
}
function trustedLine(t) {
  return `**Pull-request code trusted** (${code("trust-pull-request-code: true")}): this ${code(t.event)} run executed the project from the pull request of ${code(t.from)} (${text(t.reason)}) with the repository's secrets.`;
}
function modeLabel(result) {
  switch (result.mode) {
    case "apply":
      return "apply";
    case "plan":
      return "dry run (plan only, nothing written)";
    case "rehearse":
      return "rehearsal (executed in transactions that were rolled back)";
  }
}
function errorSection(result) {
  const error = result.error;
  const cancelled = error.kind === "cancelled";
  const blocks = [cancelled ? "### \u26D4 What was cancelled" : "### \u274C What failed", ""];
  const step = findFailedStep(result);
  const subject = error.version ? `${cancelled ? "Cancelled during migration" : "Migration"} ${code(migrationLabel(error.version, step?.name ?? ""))}${step ? ` (${step.direction})` : ""}${cancelled ? "" : " failed"}` : result.metadata.status === "failed" ? `The metadata was not applied${result.metadata.inconsistentObjects.length > 0 ? ": it is inconsistent (the objects are listed under Metadata)" : ""}` : kindTitle(error.kind);
  blocks.push(`**${subject}**${error.database ? ` on database ${code(error.database)}` : ""}`);
  const where = [];
  if (error.file) where.push(`file ${code(error.file)}${error.line ? `, line ${error.line}` : ""}`);
  if (error.input) where.push(`input ${code(error.input)}`);
  if (where.length > 0) blocks.push("", `At ${where.join(", ")}.`);
  blocks.push("");
  const lead = error.kind === "sql" ? `**ERROR${error.sqlstate ? ` ${text(error.sqlstate)}` : ""}:**` : "**Error:**";
  blocks.push(`> ${lead} ${text(error.message)}`);
  if (error.detail) blocks.push(">", `> **Detail:** ${text(error.detail)}`);
  if (error.hint) blocks.push(">", `> **Hint:** ${text(error.hint)}`);
  if (error.statement)
    blocks.push("", "Failing statement:", "", fence(clip(error.statement, SQL_LIMITS.comment), "sql"));
  const committed = result.databases.filter((d) => d.steps.some((s) => s.status === "applied"));
  if (result.mode === "apply" && committed.length > 0) {
    const list = committed.flatMap(
      (d) => d.steps.filter((s) => s.status === "applied").map((s) => `${code(s.version)} on ${code(d.database)}`)
    );
    blocks.push(
      "",
      `Applied before the ${cancelled ? "cancellation" : "failure"} and left in place: ${list.join(", ")}.`
    );
  }
  const next = nextSteps(result);
  if (next.length > 0) {
    blocks.push("", "**What to do next**", "");
    next.forEach((line, i) => blocks.push(`${i + 1}. ${line}`));
  }
  return { blocks };
}
function clip(sql, limits) {
  const all = sql.replace(/\r\n/g, "\n");
  let out = all.split("\n").slice(0, limits.lines).join("\n");
  if (out.length > limits.chars) out = out.slice(0, limits.chars);
  return out.length < all.length ? `${out}
-- \u2026 (cut)` : out;
}
function kindTitle(kind) {
  switch (kind) {
    case "user":
      return "The project or the inputs are not valid";
    case "target":
      return "The target could not be used";
    case "sql":
      return "A statement failed";
    case "metadata":
      return "The metadata names what the migrated schema does not have";
    case "cancelled":
      return "The run was cancelled";
    case "refused":
      return "Refused: this run would execute a pull request's code with the repository's secrets";
    default:
      return "Internal error";
  }
}
function findFailedStep(result) {
  const error = result.error;
  for (const db of result.databases) {
    for (const s of db.steps) {
      if (s.status !== "failed") continue;
      if (!error?.version || s.version === error.version && (!error.database || s.database === error.database)) {
        return s;
      }
    }
  }
  return void 0;
}
function versionCell(version, dirty = false) {
  if (version === null) return "none";
  return `${code(version, { inTable: true })}${dirty ? " (dirty)" : ""}`;
}
function stateSection(result) {
  const dry = result.mode !== "apply";
  const blocks = ["### State", ""];
  if (result.databases.length === 0) {
    blocks.push("No database state was read.");
    return { blocks };
  }
  blocks.push(...header(["Database", "Before", dry ? "After the plan" : "After", "Versions applied"]));
  for (const db of result.databases) {
    const applied = appliedAfter(result, db);
    const after = dry ? newest(applied) : db.after.current;
    blocks.push(
      row([
        code(db.database, { inTable: true }),
        versionCell(db.before.current, db.before.dirty),
        versionCell(after, dry ? db.before.dirty && after === db.before.current : db.after.dirty),
        String(applied.size)
      ])
    );
  }
  for (const db of result.databases) {
    if (db.appliedByAnotherRun.length > 0) {
      blocks.push(
        "",
        `Applied by another run before this one got the lock on ${code(db.database)} (not run again): ${db.appliedByAnotherRun.map((v) => code(v)).join(", ")}.`
      );
    }
  }
  return { blocks };
}
function stepsSection(result, surface, level) {
  const many = result.databases.length > 1;
  const steps = result.databases.flatMap((d) => d.steps);
  if (steps.length > 0) {
    const withDuration = surface === "summary";
    const blocks = [
      result.mode === "rehearse" ? "### Steps (rolled back)" : "### Steps",
      "",
      ...header([
        ...many ? ["Database"] : [],
        "Version",
        "Name",
        "Direction",
        "Status",
        ...withDuration ? ["Duration"] : [],
        "Note"
      ])
    ];
    const columns = (many ? 1 : 0) + (withDuration ? 6 : 5);
    for (const s of elide(steps, level, (x) => x.status === "failed")) {
      if (isGap(s)) {
        blocks.push(gapRow(s, columns));
        continue;
      }
      blocks.push(
        row([
          ...many ? [code(s.database, { inTable: true })] : [],
          code(s.version, { inTable: true }),
          text(s.name),
          s.direction,
          `${STEP_STATUS_EMOJI[s.status]} ${STEP_STATUS_WORD[s.status]}`,
          ...withDuration ? [s.status === "not-run" ? "\u2014" : formatDuration(s.durationMs)] : [],
          stepNote(s)
        ])
      );
    }
    return { blocks };
  }
  const planned = result.databases.flatMap((d) => d.planned.map((p) => ({ db: d.database, p })));
  if (planned.length > 0) {
    const blocks = [
      "### Plan",
      "",
      ...header([...many ? ["Database"] : [], "Version", "Name", "Direction", "File", "Note"])
    ];
    for (const item of elide(planned, level, () => false)) {
      if (isGap(item)) {
        blocks.push(gapRow(item, many ? 6 : 5));
        continue;
      }
      const { db, p } = item;
      blocks.push(
        row([
          ...many ? [code(db, { inTable: true })] : [],
          code(p.version, { inTable: true }),
          text(p.name),
          p.direction,
          p.file ? code(p.file, { inTable: true }) : "\u2014",
          p.transactional ? "" : "no-transaction: runs alone"
        ])
      );
    }
    return { blocks };
  }
  if (result.status === "nothing-to-do") {
    const total = result.databases.reduce((n, d) => n + d.status.filter((r) => r.local).length, 0);
    return {
      blocks: [
        "### Steps",
        "",
        `Nothing to apply: all ${plural(total, "local migration")} are already applied.`
      ]
    };
  }
  return void 0;
}
var ELIDE_HEAD = 100;
var ELIDE_TAIL = 20;
var isGap = (x) => typeof x === "object" && x !== null && "gap" in x;
function elide(items, level, keep) {
  if (level !== "elided" && level !== "counts" || items.length <= ELIDE_HEAD + ELIDE_TAIL + 10) return items;
  const out = [];
  items.forEach((item, i) => {
    if (i < ELIDE_HEAD || i >= items.length - ELIDE_TAIL || keep(item)) {
      out.push(item);
      return;
    }
    const last = out[out.length - 1];
    if (isGap(last)) last.gap++;
    else out.push({ gap: 1 });
  });
  return out;
}
function gapRow(gap, columns) {
  return row([`\u2026 ${plural(gap.gap, "more row")}`, ...Array.from({ length: columns - 1 }, () => "")]);
}
function stepNote(s) {
  const parts = [];
  if (s.note) parts.push(text(s.note));
  if (!s.transactional && !s.note?.includes("no-transaction")) parts.push("no-transaction");
  if (s.error && s.status === "failed") parts.push(text(s.error.message));
  return parts.join("; ");
}
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
var SEVERITY_LABEL = {
  error: "\u274C error",
  warning: "\u26A0\uFE0F warning",
  notice: "\u2139\uFE0F notice"
};
function findingsSection(result, context) {
  const findings = result.databases.flatMap((d) => d.findings);
  const safety = result.safety;
  if (findings.length === 0 && (!safety || safety.lint === "off")) return void 0;
  const many = result.databases.length > 1;
  const counted = findings.filter((f) => !f.silenced);
  const silenced = findings.length - counted.length;
  const counts = ["error", "warning", "notice"].map((s) => [s, counted.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => plural(n, s));
  if (silenced > 0) counts.push(`${silenced} silenced`);
  const title = `### Findings${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
  const checked = safety && safety.lint !== "off" ? safetyLine(safety) : void 0;
  if (findings.length === 0) return { blocks: [title, "", checked] };
  if (context.brief) {
    return {
      blocks: [title, "", leftOut("`findings`")]
    };
  }
  const sorted = counted.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map(({ f }) => f).concat(findings.filter((f) => f.silenced));
  const blocks = [
    title,
    "",
    `<details${counted.some((f) => f.severity !== "notice") ? " open" : ""}><summary>${html(plural(findings.length, "finding"))}</summary>`,
    "",
    ...header(["Severity", "Rule", ...many ? ["Database"] : [], "Version", "File", "Message"])
  ];
  for (const f of sorted) blocks.push(findingRow(f, many));
  if (checked) blocks.push("", checked);
  blocks.push("", "</details>");
  return { blocks, close: "\n\n</details>" };
}
function safetyLine(safety) {
  const mode = safety.lint === "error" ? " (`lint: error`: an unsilenced finding stops the run)" : "";
  const notes = safety.notes.map((n) => ` ${text(n)}`).join("");
  return `Safety rules checked ${plural(safety.files, "up file")}${mode}; the rules are explained in ${code("docs/safety-rules.md")} of ${ACTION_NAME}.${notes}`;
}
function findingRow(f, many) {
  const where = fileLine(f.file, f.line);
  return row([
    f.silenced ? "\u{1F507} silenced" : SEVERITY_LABEL[f.severity],
    code(f.rule ?? f.kind, { inTable: true }),
    ...many ? [code(f.database, { inTable: true })] : [],
    f.version ? code(f.version, { inTable: true }) : "",
    where ? code(where, { inTable: true }) : "",
    text(f.message)
  ]);
}
var CHANGE_WORD = {
  added: "\u2795",
  removed: "\u2796",
  changed: "\u270F\uFE0F"
};
function metadataChangesSection(result, context) {
  const m = result.metadataChanges;
  if (!m) return void 0;
  if (m.base.from === "none") {
    return { blocks: ["### Metadata changes", "", `Not compared: ${text(m.base.reason)}.`] };
  }
  const all = allMetadataChanges(result);
  const widening = all.filter((c) => c.widens).length;
  const base = m.base.from === "server" ? `the server's current metadata (${code(m.base.display)})` : `the metadata at the pull request's base commit ${code(m.base.commit.slice(0, 7))}`;
  const counts = [
    plural(all.length, "change"),
    ...widening > 0 ? [`${widening} ${widening === 1 ? "widens" : "widen"} access`] : []
  ];
  const title = `### Metadata changes (${counts.join(", ")})`;
  const note = m.note ? ` ${text(m.note)}.` : "";
  if (all.length === 0) return { blocks: ["### Metadata changes", "", `No changes against ${base}.${note}`] };
  const intro = `Compared with ${base}.${note}`;
  if (context.brief) {
    const widens = all.filter((c) => c.widens).map((c) => `- \u26A0\uFE0F **widens access:** ${text(c.summary)}`);
    return {
      blocks: [
        title,
        "",
        intro,
        "",
        ...widens,
        ...widens.length ? [""] : [],
        "The full list is in the job summary and in the `metadata-changes` output (left out here to fit the size limit)."
      ]
    };
  }
  const blocks = [
    title,
    "",
    intro,
    "",
    `<details${widening > 0 ? " open" : ""}><summary>${html(plural(all.length, "change"))}${widening > 0 ? html(`, ${widening} widening access`) : ""}</summary>`
  ];
  const group = (label, changes) => {
    if (changes.length === 0) return;
    blocks.push("", `**${label}**`, "");
    for (const c of changes) blocks.push(changeLine(c));
  };
  for (const s of m.sources) group(`Database ${code(s.source)}`, s.changes);
  group("Outside the databases", m.global);
  blocks.push("", "</details>");
  return { blocks, close: "\n\n</details>" };
}
var reasons = (c) => c.widening.filter((w) => !c.details.includes(w));
function changeLine(c) {
  const details = c.details.length > 0 ? `: ${text(c.details.join("; "))}` : "";
  const widens = c.widens ? `\u26A0\uFE0F **widens access:** ` : "";
  const why = c.widens && reasons(c).length > 0 ? ` \u2014 ${text(reasons(c).join("; "))}` : "";
  return `- ${CHANGE_WORD[c.change]} ${widens}${text(c.summary)}${details}${why}`;
}
function metadataSection(result) {
  const m = result.metadata;
  const word = {
    applied: "\u2705 Applied and consistent",
    inconsistent: "\u26A0\uFE0F Applied, but inconsistent (allowed by `allow-inconsistent-metadata`)",
    skipped: "\u2796 Skipped",
    planned: "\u{1F4CB} Would be applied (dry run)",
    failed: "\u274C Failed"
  };
  const line = `**Metadata:** ${word[m.status]}${m.message ? `: ${text(m.message)}` : ""}`;
  const blocks = ["### Metadata", "", line];
  if (m.inconsistentObjects.length > 0) {
    blocks.push("", `${plural(m.inconsistentObjects.length, "inconsistent object")}:`, "");
    blocks.push(...header(["Type", "Name", "Reason"]));
    for (const o of m.inconsistentObjects) blocks.push(row([text(o.type), text(o.name), text(o.reason)]));
  }
  return { blocks };
}
var PROBLEMS_OPEN_ROWS = 10;
var CHANGES_OPEN_ROWS = 15;
function metadataProblemsSection(result, context) {
  const check = result.metadataCheck;
  if (!check || check.problems.length === 0) return void 0;
  const many = new Set(check.problems.map((p) => p.database)).size > 1;
  const title = check.status === "failed" ? `### \u274C Metadata problems (${check.problems.length})` : `### \u26A0\uFE0F Metadata problems (${check.problems.length}, reported by \`verify-metadata: warn\`)`;
  const committed = check.committedBeforeCheck;
  const when = result.target.kind === "embedded" ? "after the migrations ran on the embedded database" : result.mode === "rehearse" ? "inside the rehearsal, before it rolled back" : committed.length === 0 ? "after the last migration, before anything committed" : `after the last migration; ${plural(committed.length, "version")} had already committed: ${committed.map((c) => code(c.version)).join(", ")}`;
  const lead = `The metadata names what the migrated schema does not have (checked ${when}):`;
  const table = [
    ...header([...many ? ["Database"] : [], "Type", "Name", "Reason", "File"]),
    ...check.problems.map((p) => {
      const where = fileLine(p.file, p.line);
      return row([
        ...many ? [code(p.database, { inTable: true })] : [],
        text(p.type),
        text(p.name),
        text(p.note ? `${p.reason} \u2014 ${p.note}` : p.reason),
        where ? code(where, { inTable: true }) : ""
      ]);
    })
  ];
  const tail = check.notChecked.length > 0 ? ["", notCheckedText(check)] : [];
  if (context.brief) return { blocks: [title, "", lead, "", leftOut("`metadata-problems`")] };
  if (check.problems.length <= PROBLEMS_OPEN_ROWS) return { blocks: [title, "", lead, "", ...table, ...tail] };
  return {
    blocks: [
      title,
      "",
      lead,
      "",
      `<details><summary>${plural(check.problems.length, "problem")}</summary>`,
      "",
      ...table,
      "",
      "</details>",
      ...tail
    ]
  };
}
function notCheckedText(check) {
  return `Not checked: ${check.notChecked.map((n) => `${text(n.kind)} ${code(n.name)} (${text(n.reason)})`).join("; ")}.`;
}
function metadataCheckLine(result) {
  const check = result.metadataCheck;
  if (!check || check.problems.length > 0) return void 0;
  const dbs = check.databases.map((d) => code(d)).join(", ");
  const line = {
    passed: `\u2705 every reference resolves in the migrated schema${dbs ? ` of ${dbs}` : ""}`,
    failed: "\u274C failed",
    warned: "\u26A0\uFE0F problems reported",
    "not-checked": `\u2796 not checked${check.reason ? `: ${text(check.reason)}` : ""}`,
    off: "\u2796 off (`verify-metadata: off`)"
  }[check.status];
  const skipped = check.notChecked.length > 0 ? ` ${notCheckedText(check)}` : "";
  return { blocks: [`**Metadata verification:** ${line}.${skipped}`] };
}
function schemaChangesSection(result, context) {
  const dbs = result.databases.filter((d) => d.schemaChanges);
  if (dbs.length === 0) return void 0;
  const many = result.databases.length > 1;
  const rows = [];
  const lines = [];
  for (const d of dbs) {
    const c = d.schemaChanges;
    const before = c.before === "target" ? "" : c.before === "base" ? ` (before: ${text(c.note ?? "the pull request's base")})` : ` (before: ${text(c.note ?? "the empty database")})`;
    const total = c.added.length + c.dropped.length + c.altered.length;
    lines.push(
      `${many ? `${code(d.database)}: ` : ""}${total === 0 ? "no change" : `${c.added.length} added, ${c.dropped.length} dropped, ${c.altered.length} altered`}${before}.`
    );
    for (const [change, list] of [
      ["\u2795 added", c.added],
      ["\u2796 dropped", c.dropped],
      ["\u270F\uFE0F altered", c.altered]
    ]) {
      for (const e of list) {
        rows.push(
          row([
            ...many ? [code(d.database, { inTable: true })] : [],
            change,
            text(e.kind),
            code(e.name, { inTable: true }),
            text(e.detail)
          ])
        );
      }
    }
  }
  const rolledBack = result.mode === "rehearse" || result.error?.kind === "metadata" && result.metadataCheck?.committedBeforeCheck.length === 0;
  const title = rolledBack ? "### Schema changes (rolled back)" : "### Schema changes";
  const blocks = [title, "", ...lines.flatMap((l, i) => i > 0 ? ["", l] : [l])];
  if (rows.length === 0) return { blocks };
  if (context.brief) return { blocks: [...blocks, "", leftOut("`schema-changes`")] };
  const table = [...header([...many ? ["Database"] : [], "Change", "Kind", "Name", "Detail"]), ...rows];
  if (rows.length <= CHANGES_OPEN_ROWS) return { blocks: [...blocks, "", ...table] };
  return {
    blocks: [
      ...blocks,
      "",
      `<details><summary>${plural(rows.length, "change")}</summary>`,
      "",
      ...table,
      "",
      "</details>"
    ],
    close: "\n\n</details>"
  };
}
function seedsSection(result) {
  const s = result.seeds;
  const word = {
    applied: "\u2705 Applied",
    rehearsed: "\u{1F9EA} Rehearsed (rolled back)",
    planned: "\u{1F4CB} Would be applied (dry run)",
    skipped: "\u2796 Skipped",
    failed: "\u274C Failed"
  };
  const files = s.files.length > 0 ? `: ${s.files.map((f) => code(f)).join(", ")}` : "";
  return { blocks: [`**Seeds:** ${word[s.status]}${files}`] };
}
function roundTripSection(result) {
  const rt = result.roundTrip;
  const word = {
    passed: "\u2705 Passed: every down migration ran and the up migrations applied again cleanly",
    skipped: "\u2796 Skipped",
    failed: "\u274C Failed"
  }[rt.status];
  return { blocks: [`**Down round trip (embedded):** ${word}${rt.reason ? `: ${text(rt.reason)}` : ""}`] };
}
function messagesSection(result) {
  if (result.warnings.length === 0 && result.notices.length === 0) return void 0;
  const blocks = ["### Notes", ""];
  for (const w of result.warnings) blocks.push(`- \u26A0\uFE0F ${text(w)}`);
  for (const n of result.notices) blocks.push(`- \u2139\uFE0F ${text(n)}`);
  return { blocks };
}
function statusSections(result, level) {
  const list = [];
  const withRows = result.databases.filter((d) => d.status.length > 0);
  if (withRows.length === 0) return list;
  list.push({ blocks: ["### Migration status"] });
  for (const db of withRows) list.push(statusTable(db, level, withRows.length > 1));
  return list;
}
function statusTable(db, level, many) {
  const rows = [...db.status].sort((a, b) => compareVersions(a.version, b.version));
  const applied = rows.filter((r) => r.applied).length;
  const pending = rows.filter((r) => r.local && !r.applied).length;
  const missing = rows.filter((r) => !r.local).length;
  const counts = [
    plural(rows.length, "version"),
    `${applied} applied`,
    `${pending} pending`,
    ...missing > 0 ? [`${missing} not present locally`] : []
  ].join(", ");
  const label = `${many ? `${db.database}: ` : ""}${counts}`;
  let shown = rows;
  let hidden = 0;
  if (level === "compact" || level === "elided" || level === "counts") {
    const touched = /* @__PURE__ */ new Set([...db.steps.map((s) => s.version), ...db.planned.map((p) => p.version)]);
    const keepApplied = new Set(
      rows.filter((r) => r.local && r.applied).slice(-STATUS_COMPACT_APPLIED).map((r) => r.version)
    );
    shown = rows.filter(
      (r) => !r.local || !touched.has(r.version) && (!r.applied || keepApplied.has(r.version))
    );
    hidden = rows.length - shown.length;
  }
  const table = shown.length > 0 ? [...header(["Version", "Name", "Local", "Target"]), ...shown.map(statusRow)] : [];
  if (hidden > 0) {
    if (table.length > 0) table.push("");
    table.push(`${plural(hidden, "version")} not shown: the ones listed above and the older applied ones.`);
  }
  const open = rows.length <= STATUS_OPEN_ROWS && level === "full";
  if (open) {
    return {
      blocks: [...many ? [`**${text(db.database)}:** ${counts}`, ""] : [`${counts}.`, ""], ...table]
    };
  }
  return {
    blocks: [`<details><summary>${html(label)}</summary>`, "", ...table, "", "</details>"],
    close: "\n\n</details>"
  };
}
function statusRow(r) {
  return row([
    code(r.version, { inTable: true }),
    r.name && r.name !== "-" ? text(r.name) : "-",
    r.local ? "Present" : "Not Present",
    r.applied ? "Applied" : r.local ? "Pending" : "Not Applied"
  ]);
}
function sqlSections(result, surface, level) {
  const planned = result.databases.flatMap(
    (d) => d.planned.filter((p) => p.sql !== void 0).map((p) => ({ d, p }))
  );
  if (planned.length === 0) return [];
  const title = `### SQL of the ${plural(planned.length, "planned migration")}`;
  if (level !== "full") {
    return [
      { blocks: [title, "", "Left out to fit the size limit: the files are listed in the plan above."] }
    ];
  }
  const list = [{ blocks: [title] }];
  for (const { d, p } of planned) list.push(sqlDetails(result, d, p, surface));
  return list;
}
function sqlDetails(result, db, p, surface) {
  const limits = SQL_LIMITS[surface];
  const sql = (p.sql ?? "").replace(/\r\n/g, "\n");
  const lines = sql.split("\n");
  let shown = lines.slice(0, limits.lines).join("\n");
  let partial = 0;
  if (shown.length > limits.chars) {
    shown = shown.slice(0, limits.chars);
    partial = 1;
  }
  const cutLines = sql === shown ? 0 : lines.length - shown.split("\n").length + partial;
  const parts = [
    `<code>${html(migrationLabel(p.version, p.name))}</code>`,
    p.direction,
    ...result.databases.length > 1 ? [`<code>${html(db.database)}</code>`] : [],
    ...p.file ? [`<code>${html(p.file)}</code>`] : [],
    ...p.transactional ? [] : ["no-transaction"]
  ];
  const blocks = [`<details><summary>${parts.join(" \xB7 ")}</summary>`, "", fence(shown, "sql")];
  if (sql !== shown) {
    blocks.push("", `\u2026 cut here: ${plural(cutLines, "more line")} in ${p.file ? code(p.file) : "the file"}.`);
  }
  blocks.push("", "</details>");
  return { blocks, close: "\n\n</details>" };
}
function footerSection(result) {
  const parts = [`<sub>${ACTION_NAME}`];
  if (result.runUrl) parts.push(` \xB7 <a href="${html(result.runUrl)}">workflow run</a>`);
  return { blocks: [`${parts.join("")}</sub>${result.runUrl ? VOLATILE_MARK : ""}`] };
}

export {
  COMMENT_LIMIT,
  VOLATILE_MARK,
  renderMarkdown
};
