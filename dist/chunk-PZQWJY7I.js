import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

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

export {
  readEventPayload,
  commentTarget
};
