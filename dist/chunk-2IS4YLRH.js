import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  CONFIG_FILE,
  ENV_FILE,
  buildMetadata,
  exec,
  readConfig
} from "./chunk-EWGMX6GJ.js";
import {
  KnownError,
  UserError
} from "./chunk-SWCUOCRD.js";

// src/github/untrusted-code.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
]);
var SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var sha = (value) => typeof value === "string" && SHA.test(value.toLowerCase()) ? value.toLowerCase() : void 0;
var unique = (values) => [
  ...new Set(values.filter((v) => v !== void 0))
];
function forkPullRequest(options) {
  const payload = options.payload ?? {};
  const event = options.eventName ?? "";
  const repository = payload.repository?.full_name ?? options.repository;
  if (event === "pull_request_target") {
    const pr = payload.pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name ?? repository;
    if (head && base && head === base) return void 0;
    return {
      event,
      from: head ?? "a repository GitHub does not name (deleted, or not in the event)",
      baseCommits: unique([sha(options.githubSha), sha(pr?.base?.sha)]),
      head: sha(pr?.head?.sha),
      merge: sha(pr?.merge_commit_sha)
    };
  }
  if (event === "workflow_run") {
    const run = payload.workflow_run;
    if (run?.event !== void 0 && !PULL_REQUEST_EVENTS.has(run.event)) return void 0;
    const head = run?.head_repository?.full_name;
    if (head && repository && head === repository) return void 0;
    const prs = run?.pull_requests ?? [];
    return {
      event: `workflow_run (after ${run?.event ?? "a pull request"})`,
      from: head ?? "a repository GitHub does not name (deleted, or not in the event)",
      baseCommits: unique([sha(options.githubSha), ...prs.map((p) => sha(p.base?.sha))]),
      head: sha(run?.head_sha) ?? prs.map((p) => sha(p.head?.sha)).find(Boolean)
    };
  }
  if (event === "issue_comment") {
    const issue = payload.issue;
    if (!issue?.pull_request) return void 0;
    return {
      event: "issue_comment (on a pull request)",
      from: `a repository the comment event does not name (pull request #${issue.number ?? "?"})`,
      baseCommits: unique([sha(options.githubSha)])
    };
  }
  return void 0;
}
function executesOnRealTarget(shape) {
  return shape.target !== "embedded" && shape.dryRun !== "plan";
}
var TRUST_INPUT = "trust-pull-request-code";
function decide(options) {
  const { fork, shape, facts } = options;
  if (!fork || !executesOnRealTarget(shape)) return { kind: "allowed" };
  if (facts?.sameAs) return { kind: "allowed" };
  const reason = whyPullRequestCode(fork, facts ?? {});
  if (options.trust) return { kind: "trusted", event: fork.event, from: fork.from, reason };
  const target = shape.target === "hasura" ? "Hasura" : "PostgreSQL";
  return {
    kind: "refused",
    event: fork.event,
    message: `refused to run a pull request's code against ${target}: this ${fork.event} run has the repository's secrets, and the project's files may be those of the pull request from ${fork.from} (${reason}); running them would run a stranger's SQL with the database owner's rights \u2014 even a rehearsal can read data and send it out`,
    remedy: `Check a fork's migrations on the embedded database (no database-url or endpoint), read the plan with dry-run: plan, or run the check from a pull_request workflow, which gets no secrets; to run reviewed code anyway, set ${TRUST_INPUT}: true`
  };
}
function whyPullRequestCode(fork, facts) {
  const head = facts.head;
  if (head && head === fork.head) return `the checked-out commit ${short(head)} is the pull request's head`;
  if (head && head === fork.merge)
    return `the checked-out commit ${short(head)} is the pull request's merge commit`;
  if (facts.problem) return facts.problem;
  return head ? `the checked-out commit ${short(head)} is not a base commit` : "the checked-out commit is unknown";
}
var short = (commit) => commit.slice(0, 7);

// src/github/base-metadata.ts
import { existsSync, mkdirSync, mkdtempSync, realpathSync as realpathSync2, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, posix, relative as relative2, resolve, sep as sep2 } from "node:path";

// src/github/git-objects.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { relative, sep } from "node:path";
var HARDENED_GIT = [
  "--no-replace-objects",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "protocol.allow=never"
];
function gitEnv(env) {
  const set = Object.entries(env).filter((e) => e[1] !== void 0);
  return { ...Object.fromEntries(set), GIT_TERMINAL_PROMPT: "0", GIT_NO_LAZY_FETCH: "1" };
}
function gitIn(cwd, env = process.env) {
  return async (args, input) => {
    const chunks = [];
    const code = await exec("git", [...HARDENED_GIT, ...args], {
      cwd,
      env: gitEnv(env),
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (d) => chunks.push(d) }
    });
    return { code, stdout: Buffer.concat(chunks) };
  };
}
async function repositoryPrefix(dir, what, env) {
  const real = realpathSync(dir);
  const r = await gitIn(real, env)(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) throw new UserError(`no git repository holds ${real}, so ${what} cannot be read`);
  const top = realpathSync(r.stdout.toString("utf8").trim());
  return relative(top, real).split(sep).filter(Boolean).join("/");
}
var TREE = "40000";
var OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var CatFileBatch = class {
  constructor(cwd, env) {
    this.cwd = cwd;
    this.env = env;
  }
  cwd;
  env;
  child;
  closed = false;
  buffered = Buffer.alloc(0);
  waiting = [];
  read(id) {
    if (this.closed || !OBJECT_ID.test(id)) return Promise.resolve(void 0);
    const child = this.start();
    return new Promise((resolve2) => {
      this.waiting.push(resolve2);
      child.stdin.write(`${id}
`);
    });
  }
  close() {
    this.closed = true;
    this.child?.stdin?.end();
    this.settleAll();
  }
  start() {
    if (this.child) return this.child;
    const child = spawn("git", [...HARDENED_GIT, "cat-file", "--batch"], {
      cwd: this.cwd,
      env: gitEnv(this.env),
      stdio: ["pipe", "pipe", "ignore"]
    });
    child.on("error", () => this.stop());
    child.on("close", () => this.stop());
    child.stdin.on("error", () => this.stop());
    child.stdout.on("data", (chunk) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.answer();
    });
    this.child = child;
    return child;
  }
  /** `<id> <type> <size>\n<body>\n` per object, or `<id> missing\n` (also `ambiguous`). */
  answer() {
    while (this.waiting.length > 0) {
      const eol = this.buffered.indexOf(10);
      if (eol < 0) return;
      const [, type, size] = this.buffered.subarray(0, eol).toString("utf8").split(" ");
      if (size === void 0) {
        this.buffered = this.buffered.subarray(eol + 1);
        this.waiting.shift()(void 0);
        continue;
      }
      const end = eol + 1 + Number(size);
      if (this.buffered.length < end + 1) return;
      const body = Buffer.from(this.buffered.subarray(eol + 1, end));
      this.buffered = this.buffered.subarray(end + 1);
      this.waiting.shift()({ type, body });
    }
  }
  stop() {
    this.closed = true;
    this.settleAll();
  }
  settleAll() {
    for (const resolve2 of this.waiting.splice(0)) resolve2(void 0);
  }
};
var ObjectStore = class {
  trees = /* @__PURE__ */ new Map();
  batch;
  /** Git runs in `cwd` (any directory inside the repository). */
  constructor(cwd, env = process.env) {
    this.batch = new CatFileBatch(cwd, env);
  }
  async commitTree(id) {
    const body = await this.object("commit", id);
    return body ? parseCommit(body).tree : void 0;
  }
  tree(id) {
    let tree = this.trees.get(id);
    if (!tree) {
      tree = this.object("tree", id).then(
        (body) => body ? parseTree(body, id.length === 64 ? 32 : 20) : void 0
      );
      this.trees.set(id, tree);
    }
    return tree;
  }
  /** The tree entry at a `/`-separated path below a root tree ('' is the root itself). */
  async entryAt(root, path) {
    let entry = { mode: TREE, id: root };
    for (const name of path.split("/").filter(Boolean)) {
      const tree = entry?.mode === TREE ? await this.tree(entry.id) : void 0;
      entry = tree?.get(name);
    }
    return entry;
  }
  /** The contents of these blobs; a blob that is missing or does not hash to its id is left out. */
  async blobs(ids) {
    const bodies = await Promise.all(ids.map((id) => this.object("blob", id)));
    const found = /* @__PURE__ */ new Map();
    ids.forEach((id, i) => {
      const body = bodies[i];
      if (body) found.set(id, body);
    });
    return found;
  }
  close() {
    this.batch.close();
  }
  async object(type, id) {
    const o = await this.batch.read(id);
    return o?.type === type && objectId(type, o.body, id.length) === id ? o.body : void 0;
  }
};
function batchObjects(out) {
  const objects = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const [id, type, size] = out.subarray(at, eol).toString("utf8").split(" ");
    if (type === void 0 || size === void 0) {
      at = eol + 1;
      continue;
    }
    objects.push({ id, type, body: out.subarray(eol + 1, eol + 1 + Number(size)) });
    at = eol + 1 + Number(size) + 1;
  }
  return objects;
}
function parseCommit(body) {
  const headerEnd = body.indexOf("\n\n");
  const lines = body.subarray(0, headerEnd < 0 ? body.length : headerEnd).toString("utf8").split("\n");
  const value = (line, key) => line.startsWith(key + " ") ? line.slice(key.length + 1) : void 0;
  return {
    tree: lines.map((l) => value(l, "tree")).find(Boolean),
    parents: lines.map((l) => value(l, "parent")).filter((p) => p !== void 0)
  };
}
function parseTree(body, idBytes) {
  const entries = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(32, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    const mode = body.subarray(at, space).toString("utf8");
    const name = body.subarray(space + 1, nul).toString("utf8");
    entries.set(name, { mode, id: body.subarray(nul + 1, nul + 1 + idBytes).toString("hex") });
    at = nul + 1 + idBytes;
  }
  return entries;
}
function objectId(type, body, idLength) {
  return createHash(idLength === 64 ? "sha256" : "sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

// src/github/base-metadata.ts
var SYMLINK = "120000";
var SUBMODULE = "160000";
async function readBaseMetadata(options) {
  const project = realpathSync2(resolve(options.projectDir));
  const commit = options.commit.toLowerCase();
  const prefix = await repositoryPrefix(project, "the metadata at the pull request's base");
  const store = options.store ?? new ObjectStore(project);
  try {
    return await readAt(store, project, prefix, commit, options);
  } finally {
    if (!options.store) store.close();
  }
}
async function readAt(store, project, prefix, commit, options) {
  const root = await store.commitTree(commit);
  if (!root) throw await missingCommit(gitIn(project), commit);
  const projectTree = await store.entryAt(root, prefix);
  if (projectTree?.mode !== TREE) {
    return {
      commit,
      files: [],
      note: `the project directory ${prefix || "."} did not exist at ${short(commit)}`
    };
  }
  const temp = mkdtempSync(join(tmpdir(), "hma-base-metadata-"));
  try {
    const copy = new Copier(store, temp, root);
    const projectCopy = join(temp, ...prefix.split("/").filter(Boolean));
    mkdirSync(projectCopy, { recursive: true });
    await copy.files(prefix, [CONFIG_FILE, ENV_FILE]);
    const config = readConfigAt(projectCopy, options.env);
    if (!config) return { commit, files: [], note: `the project had no ${CONFIG_FILE} at ${short(commit)}` };
    if (options.migrationsDir !== void 0) config.migrationsDirectory = options.migrationsDir;
    const wanted = config.version === 1 ? ["metadata.yaml", "metadata.json"].map((f) => posix.join(config.migrationsDirectory, f)) : [config.metadataFile ?? config.metadataDirectory];
    for (const rel of wanted) {
      const inRepo = posix.normalize(posix.join(prefix, rel.replace(/\\/g, "/")));
      if (inRepo === ".." || inRepo.startsWith("../")) continue;
      await copy.path(inRepo === "." ? "" : inRepo);
    }
    const built = await buildMetadata(config);
    return built ? { commit, metadata: built.metadata, files: built.files } : { commit, files: [] };
  } catch (e) {
    throw rethrown(e, commit);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
function readConfigAt(dir, env) {
  if (!existsSync(join(dir, CONFIG_FILE))) return void 0;
  return readConfig(dir, env ?? process.env);
}
function rethrown(e, commit) {
  if (!(e instanceof KnownError)) return e;
  return new UserError(`at the base commit ${short(commit)}: ${e.message}`, e.where);
}
async function missingCommit(git, commit) {
  const shallow = await git(["rev-parse", "--is-shallow-repository"]);
  const why = shallow.stdout.toString("utf8").trim() === "true" ? " (the clone is shallow)" : "";
  return new UserError(
    `the base commit ${short(commit)} is not in the checkout${why}: set \`fetch-depth: 0\` on actions/checkout so the metadata at the pull request's base can be compared`
  );
}
var Copier = class {
  constructor(store, dir, root) {
    this.store = store;
    this.dir = dir;
    this.root = root;
  }
  store;
  dir;
  root;
  /** The named files of a directory (those that exist). */
  async files(directory, names) {
    const tree = await this.tree(directory);
    const wanted = names.flatMap((n) => {
      const entry = tree?.get(n);
      return entry ? [{ path: posix.join(directory, n), entry }] : [];
    });
    await this.write(wanted);
  }
  /** A file, or a directory with everything below it. */
  async path(path) {
    const entry = await this.store.entryAt(this.root, path);
    if (!entry) return;
    const found = [];
    await this.collect(path, entry, found);
    await this.write(found);
  }
  async collect(path, entry, out) {
    if (entry.mode === SUBMODULE) return;
    if (entry.mode !== TREE) {
      out.push({ path, entry });
      return;
    }
    for (const [name, child] of await this.store.tree(entry.id) ?? [])
      await this.collect(path ? `${path}/${name}` : name, child, out);
  }
  async write(entries) {
    const blobs = await this.store.blobs([...new Set(entries.map((e) => e.entry.id))]);
    for (const { path, entry } of entries) {
      const body = blobs.get(entry.id);
      if (!body) throw new UserError(`${path}: git could not give its content (object ${short(entry.id)})`);
      const abs = join(this.dir, ...path.split("/"));
      mkdirSync(dirname(abs), { recursive: true });
      if (entry.mode === SYMLINK) {
        const target = body.toString("utf8");
        const resolved = relative2(this.dir, resolve(dirname(abs), target));
        if (resolved === ".." || resolved.startsWith(`..${sep2}`) || isAbsolute(resolved)) continue;
        symlinkSync(target, abs);
      } else {
        writeFileSync(abs, body);
      }
    }
  }
  async tree(directory) {
    const entry = await this.store.entryAt(this.root, directory);
    return entry?.mode === TREE ? this.store.tree(entry.id) : void 0;
  }
};

export {
  gitIn,
  repositoryPrefix,
  TREE,
  ObjectStore,
  batchObjects,
  parseCommit,
  objectId,
  forkPullRequest,
  executesOnRealTarget,
  decide,
  short,
  readBaseMetadata
};
