import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  COMMENT_LIMIT,
  VOLATILE_MARK,
  renderMarkdown
} from "./chunk-ANPPRVRA.js";
import {
  redact
} from "./chunk-QX3LRMBR.js";
import {
  commentTarget,
  normalizeDir,
  readEventPayload
} from "./chunk-KOT7UVMZ.js";
import "./chunk-DHH67BYS.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-LJAHAILJ.js";
import "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/github/comment-marker.ts
import { createHash } from "node:crypto";
var TOOL = "hasura-migrate-action";
function attr(value) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}
function identityLine(projectDir, environment) {
  return `<!-- ${TOOL} project="${attr(normalizeDir(projectDir))}" environment="${attr(environment)}" -->`;
}
function stateLine(digest, sha) {
  return `<!-- ${TOOL}-state digest="${attr(digest)}"${sha ? ` sha="${attr(sha)}"` : ""} -->`;
}
function contentDigest(body) {
  const stable = body.replace(/\r\n/g, "\n").split("\n").filter((line) => !line.endsWith(VOLATILE_MARK)).join("\n");
  return `sha256:${createHash("sha256").update(stable, "utf8").digest("hex")}`;
}
function composeComment(options) {
  const digest = contentDigest(options.body);
  const text = `${identityLine(options.projectDir, options.environment)}
${stateLine(digest, options.headSha)}
${options.body}`;
  return { text, digest };
}
function parseComment(body) {
  if (!body) return void 0;
  const [first = "", second = ""] = body.replace(/\r\n/g, "\n").split("\n", 2);
  if (!first.startsWith(`<!-- ${TOOL} project="`) || !first.endsWith(" -->")) return void 0;
  const state = new RegExp(`^<!-- ${TOOL}-state digest="([^"]*)"(?: sha="([^"]*)")? -->$`).exec(second);
  return { identity: first, digest: state?.[1], sha: state?.[2] };
}

// src/github/sticky-comment.ts
async function upsertStickyComment(options) {
  const { octokit } = options;
  if (!octokit) {
    return {
      action: "skipped",
      warning: "The pull-request comment was not written: no GitHub token (set the `github-token` input, or leave it at its default `${{ github.token }}`)."
    };
  }
  try {
    return await upsert(octokit, options);
  } catch (error) {
    return { action: "skipped", warning: explain(error) };
  }
}
async function upsert(octokit, options) {
  const { owner, repo, issueNumber } = options;
  if (options.headSha) {
    const { data: pull } = await octokit.rest.pulls.get({ owner, repo, pull_number: issueNumber });
    if (pull.head.sha !== options.headSha) {
      return {
        action: "skipped",
        warning: `The pull-request comment was not updated: this run checked ${short(options.headSha)}, but the pull request's head is now ${short(pull.head.sha)}; the run for the newer commit writes the comment.`
      };
    }
  }
  const identity = identityLine(options.projectDir, options.environment);
  const { text, digest } = composeComment(options);
  if (text.length >= COMMENT_LIMIT) {
    throw new Error(`the comment is ${text.length} characters, over GitHub's limit of ${COMMENT_LIMIT - 1}`);
  }
  let me = await whoAmI(octokit);
  let ours = me ? await ourComments(octokit, options, identity, me) : [];
  if (ours.length === 0) {
    const { data: created } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body: text
    });
    me ??= created.user?.login;
    ours = me ? await ourComments(octokit, options, identity, me) : [created];
    const keep2 = ours[0] ?? created;
    const extras = ours.filter((c) => c.id !== keep2.id);
    if (keep2.id !== created.id && !ours.some((c) => c.id === created.id)) extras.push(created);
    const deleted2 = await deleteAll(octokit, options, extras);
    if (keep2.id !== created.id && parseComment(keep2.body)?.digest !== digest) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep2.id, body: text });
    }
    return { action: keep2.id === created.id ? "created" : "updated", url: keep2.html_url, deleted: deleted2 };
  }
  const [keep, ...extra] = ours;
  const deleted = await deleteAll(octokit, options, extra);
  if (parseComment(keep.body)?.digest === digest) {
    return { action: "unchanged", url: keep.html_url, deleted };
  }
  const { data: updated } = await octokit.rest.issues.updateComment({
    owner,
    repo,
    comment_id: keep.id,
    body: text
  });
  return { action: "updated", url: updated.html_url, deleted };
}
async function whoAmI(octokit) {
  try {
    const data = await octokit.graphql("query { viewer { login } }");
    if (data.viewer.login) return data.viewer.login;
  } catch {
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return void 0;
  }
}
function sameAuthor(user, me) {
  if (!user) return false;
  if (user.login === me) return true;
  const bare = (s) => s.replace(/\[bot\]$/, "");
  return user.type === "Bot" && bare(user.login) === bare(me);
}
async function ourComments(octokit, options, identity, me) {
  const all = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100
  });
  return all.filter((c) => sameAuthor(c.user, me) && parseComment(c.body)?.identity === identity).sort((a, b) => a.id - b.id);
}
async function deleteAll(octokit, options, comments) {
  let n = 0;
  for (const c of comments) {
    try {
      await octokit.rest.issues.deleteComment({ owner: options.owner, repo: options.repo, comment_id: c.id });
      n++;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  return n;
}
function statusOf(error) {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") {
    return error.status;
  }
  return void 0;
}
function short(sha) {
  return sha.slice(0, 7);
}
function explain(error) {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const base = "The pull-request comment was not written";
  if (status === 403 || status === 404) {
    return `${base} (HTTP ${status}: ${message}). A pull request from a fork gets a read-only token; otherwise give the job \`permissions: pull-requests: write\`. The report is in this job summary.`;
  }
  if (status === 401) return `${base} (HTTP 401: the GitHub token was refused).`;
  return `${base}: ${status ? `HTTP ${status}: ` : ""}${message}.`;
}

// src/github/pull-request-comment.ts
async function commentOnPullRequest(settings, result, env = process.env) {
  try {
    const found = commentTarget({
      mode: settings.comment,
      eventName: env.GITHUB_EVENT_NAME,
      payload: readEventPayload(env.GITHUB_EVENT_PATH),
      repository: env.GITHUB_REPOSITORY
    });
    if ("skip" in found) {
      return settings.comment === "always" ? {
        action: "skipped",
        reason: found.skip,
        warning: `No pull-request comment (comment: always): ${found.skip}.`
      } : { action: "skipped", reason: found.skip };
    }
    const { target } = found;
    const body = renderMarkdown(result, { surface: "comment", secrets: settings.secrets });
    const octokit = settings.githubToken ? (await import("./chunk-UQ5VDRG3.js")).getOctokit(settings.githubToken) : void 0;
    const outcome = await upsertStickyComment({
      octokit,
      owner: target.owner,
      repo: target.repo,
      issueNumber: target.issueNumber,
      projectDir: settings.projectDir,
      environment: settings.environment,
      body,
      headSha: target.headSha
    });
    return outcome.warning ? { ...outcome, warning: redact(outcome.warning, settings.secrets) } : outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      action: "skipped",
      warning: redact(`The pull-request comment was not written: ${message}`, settings.secrets)
    };
  }
}
export {
  commentOnPullRequest
};
