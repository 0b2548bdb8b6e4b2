import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  MAY_STILL_COMMIT
} from "./chunk-FPUQZJKU.js";

// src/report/words.ts
var ACTION_NAME = "hasura-migrate-action";
var ruleDoc = (rule) => `${ACTION_NAME}: docs/safety-rules.md#${rule}`;
var STEP_STATUS_EMOJI = {
  applied: "\u2705",
  rehearsed: "\u{1F9EA}",
  failed: "\u274C",
  "not-run": "\u23F8\uFE0F",
  skipped: "\u2796"
};
var STEP_STATUS_WORD = {
  applied: "applied",
  rehearsed: "rehearsed",
  failed: "failed",
  "not-run": "not run",
  skipped: "skipped"
};
function targetKindLabel(info) {
  switch (info.kind) {
    case "hasura":
      return "Hasura GraphQL Engine";
    case "postgres":
      return "PostgreSQL";
    case "embedded":
      return "embedded PostgreSQL";
  }
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return "\u2014";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1e3);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
}
function migrationLabel(version, name) {
  return name && name !== "-" ? `${version}_${name}` : version;
}
function appliedSteps(result) {
  if (result.mode !== "apply") return [];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const db of result.databases) {
    for (const step of db.steps) {
      if (step.status !== "applied" && step.status !== "skipped") continue;
      const key = `${step.database}\0${step.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(step);
    }
  }
  return out;
}
function isRollback(result) {
  const steps = result.databases.flatMap((d) => d.steps.length > 0 ? d.steps : d.planned);
  return steps.length > 0 && steps.every((s) => s.direction === "down");
}
function plannedCount(result) {
  return result.databases.reduce((n, d) => n + d.planned.length, 0);
}
function headline(result) {
  const applied = appliedSteps(result).length;
  const planned = plannedCount(result);
  const down = isRollback(result);
  switch (result.status) {
    case "applied":
      if (result.skipExecution) {
        return `Recorded ${plural(applied, "migration")} as ${down ? "rolled back" : "applied"} without running SQL (skip-execution)`;
      }
      return `${down ? "Rolled back" : "Applied"} ${plural(applied, "migration")}`;
    case "nothing-to-do":
      return "Nothing to apply: up to date";
    case "planned":
      return `Plan: ${plural(planned, "migration")} to ${down ? "roll back" : "apply"} (dry run, nothing written)`;
    case "rehearsed": {
      const steps = result.databases.flatMap((d) => d.steps);
      const rehearsed = steps.filter((s) => s.status === "rehearsed").length;
      const count = steps.length === 0 || rehearsed === planned ? plural(planned, "migration") : `${rehearsed} of ${plural(planned, "migration")}`;
      return `Rehearsed ${count}: executed and rolled back, nothing committed`;
    }
    case "failed": {
      if (result.error?.kind === "refused") return "Refused to run a pull request's code";
      const v = result.error?.version;
      if (v) return `Failed at version ${v}`;
      return applied > 0 ? `Failed after applying ${plural(applied, "migration")}` : "Failed";
    }
    case "cancelled":
      return result.target.kind === "hasura" ? "Cancelled: no further requests were sent" : "Cancelled: open transactions were rolled back";
  }
}
function repoPath(projectDir, file) {
  const dir = normalizeDir(projectDir);
  const joined = dir === "." ? file : `${dir}/${file}`;
  return normalizePosix(joined);
}
function normalizeDir(dir) {
  const n = normalizePosix(dir.replace(/\\/g, "/"));
  return n === "" ? "." : n;
}
function normalizePosix(p) {
  const absolute = p.startsWith("/");
  const out = [];
  for (const part of p.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part === ".." && absolute) continue;
    else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}
function fileLine(file, line) {
  if (!file) return void 0;
  return line ? `${file}:${line}` : file;
}
function committedDuringRun(db) {
  const before = new Set(db.before.applied);
  return db.after.applied.filter((v) => !before.has(v));
}
var ALREADY_EXISTS = /* @__PURE__ */ new Set(["42P07", "42701", "42710", "42P06", "42723", "42P04"]);
function looksAppliedByHand(error) {
  return error.kind === "sql" && !!error.sqlstate && ALREADY_EXISTS.has(error.sqlstate);
}
function nextSteps(result) {
  const error = result.error;
  const out = [];
  if (error?.remedy) out.push(error.remedy);
  const dirty = result.databases.filter((d) => d.after.dirty && d.after.current);
  if (error) {
    const db = error.database ?? (result.databases.length === 1 ? result.databases[0].database : void 0);
    const dbFlag = db && result.configVersion === 3 ? ` --database-name ${db}` : "";
    const metadataFailed = result.metadata.status === "failed" && !error.version;
    const applied = appliedSteps(result).length;
    const kept = applied === 0 ? "" : applied === 1 ? " The migration applied by this run stays applied and is not run again." : ` The ${applied} migrations applied by this run stay applied and are not run again.`;
    if (metadataFailed && result.metadata.inconsistentObjects.length > 0) {
      out.push(
        `Fix what the inconsistent objects point at (something the metadata names that the database does not have), in the metadata or with a new migration, and re-run.${kept}`,
        "To accept inconsistent metadata on purpose, set `allow-inconsistent-metadata: true`."
      );
    } else if (metadataFailed) {
      out.push(`Fix the metadata error above and re-run.${kept}`);
    } else
      switch (error.kind) {
        case "sql": {
          const where = error.file ? `\`${error.file}\`` : "the migration";
          const committed = result.databases.flatMap((d) => committedDuringRun(d));
          const embedded = result.target.kind === "embedded";
          out.push(
            embedded ? `Fix ${where} and re-run: the embedded database starts empty on every run.` : committed.length === 0 ? `Fix ${where} and re-run: nothing from this run was committed, so the re-run starts from the same state.` : `Fix ${where} and re-run: the versions committed before the failure (${committed.join(", ")}) stay applied and are not run again.`
          );
          if (error.version && error.sqlstate !== "42601" && !embedded)
            out.push(recordByHandAdvice(result, error, error.version, dbFlag));
          break;
        }
        case "target":
          out.push(
            "Check that the target is reachable from the runner and that the credentials are right, then re-run; nothing was changed by a request that failed."
          );
          break;
        case "user":
          out.push("Fix the input or file named above and re-run; nothing was executed.");
          break;
        case "cancelled":
          out.push(
            result.target.kind !== "hasura" ? "The run was cancelled: open transactions were rolled back. Re-run when ready." : error.message.includes(MAY_STILL_COMMIT) ? "The run was cancelled: a request already sent to Hasura may still have committed. Re-run when ready: the re-run re-reads the state and applies nothing twice." : (
              // a read or a rehearsal in flight: the server finishes it, and it changes nothing
              "The run was cancelled while no request that writes was in flight: nothing was committed beyond the versions listed as applied. Re-run when ready."
            )
          );
          break;
        case "refused":
          break;
        // the remedy above says what to do instead
        case "internal":
          out.push("This is a bug in hasura-migrate-action: please report it with the log of this run.");
          break;
      }
  }
  for (const d of dirty) {
    const v = d.after.current;
    const flag = result.configVersion === 3 ? ` --database-name ${d.database}` : "";
    out.push(
      `Version ${v} on \`${d.database}\` is marked dirty (a Hasura CLI run failed midway). Check by hand that its changes are complete, then clear the flag: \`hasura migrate apply --skip-execution --version ${v} --type down${flag}\` followed by \`hasura migrate apply --skip-execution --version ${v}${flag}\`.`
    );
  }
  return out;
}
function recordByHandAdvice(result, error, version, dbFlag) {
  const db = result.databases.find((d) => d.database === error.database) ?? result.databases[0];
  const failed = db?.steps.find((s) => s.version === version && s.status === "failed");
  const down = failed?.direction === "down";
  const lead = looksAppliedByHand(error) ? `PostgreSQL says the object already exists: if version ${version} was applied by hand` : down ? `If the changes of version ${version} were already undone by hand` : `If the changes of version ${version} are already in the database (applied by hand)`;
  const cli = `\`hasura migrate apply --skip-execution --version ${version}${down ? " --type down" : ""}${dbFlag}\``;
  const applied = new Set(db?.after.applied ?? []);
  const next = down ? db?.after.current === version : !(db?.status ?? []).some(
    (r) => r.local && !applied.has(r.version) && compareVersions(r.version, version) < 0
  );
  const action = down ? "`skip-execution: true`, `direction: down` and `steps: 1`" : "`skip-execution: true` and `steps: 1`";
  return next ? `${lead}, record it without running it: run once with ${action}, or ${cli}; then re-run normally.` : `${lead}, record only that version without running it: ${cli}; then re-run normally.`;
}
function appliedAfter(result, db) {
  if (result.mode === "apply") return new Set(db.after.applied);
  const applied = new Set(db.before.applied);
  for (const step of db.planned) {
    if (step.direction === "up") applied.add(step.version);
    else applied.delete(step.version);
  }
  return applied;
}
function newest(versions) {
  let best = null;
  for (const v of versions) if (best === null || compareVersions(v, best) > 0) best = v;
  return best;
}
function compareVersions(a, b) {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/github/event.ts
import { readFileSync } from "node:fs";
function readEventPayload(path) {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return {};
  }
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "pull_request_review"]);
function commentTarget(options) {
  if (options.mode === "never") return { skip: "comment: never" };
  const event = options.eventName ?? "";
  if (options.mode === "auto" && !PULL_REQUEST_EVENTS.has(event)) {
    return { skip: `not a pull-request event (${event || "no event"})` };
  }
  const payload = options.payload ?? {};
  const pr = payload.pull_request;
  const issueNumber = pr?.number ?? (payload.issue?.pull_request ? payload.issue.number : void 0) ?? (pr ? payload.number : void 0);
  if (!issueNumber) return { skip: `the ${event || "triggering"} event names no pull request` };
  const [owner, repo] = (options.repository ?? "").split("/");
  const target = {
    owner: owner || payload.repository?.owner?.login || "",
    repo: repo || payload.repository?.name || "",
    issueNumber,
    fromFork: !!(pr?.head?.repo?.full_name && pr.base?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name)
  };
  if (pr?.head?.sha) target.headSha = pr.head.sha;
  if (pr?.base?.ref) target.baseRef = pr.base.ref;
  if (!target.owner || !target.repo) return { skip: "the repository is unknown (no GITHUB_REPOSITORY)" };
  return { target };
}
function pullRequestBase(eventName, payload) {
  if (!PULL_REQUEST_EVENTS.has(eventName ?? "")) return void 0;
  const base = payload?.pull_request?.base;
  if (typeof base?.sha !== "string" || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(base.sha)) return void 0;
  return { sha: base.sha, ...base.ref ? { ref: base.ref } : {} };
}

export {
  ACTION_NAME,
  ruleDoc,
  STEP_STATUS_EMOJI,
  STEP_STATUS_WORD,
  targetKindLabel,
  plural,
  formatDuration,
  migrationLabel,
  appliedSteps,
  headline,
  repoPath,
  normalizeDir,
  fileLine,
  nextSteps,
  appliedAfter,
  newest,
  compareVersions,
  readEventPayload,
  commentTarget,
  pullRequestBase
};
