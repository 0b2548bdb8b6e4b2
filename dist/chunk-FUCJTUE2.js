import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  CONFIG_FILE,
  ENV_FILE,
  buildMetadata,
  exec,
  readConfig
} from "./chunk-KJCDAG27.js";
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
import { existsSync as existsSync2, mkdirSync, mkdtempSync, realpathSync as realpathSync2, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute as isAbsolute2, join as join2, posix, relative as relative2, resolve, sep as sep2 } from "node:path";

// src/github/base-files.ts
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
var HARDENED = [
  "--no-replace-objects",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "protocol.allow=never"
];
function gitIn(cwd, env = process.env) {
  return async (args, input) => {
    const chunks = [];
    const code = await exec("git", [...HARDENED, ...args], {
      cwd,
      env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_NO_LAZY_FETCH: "1" },
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (d) => chunks.push(d) }
    });
    return { code, stdout: Buffer.concat(chunks) };
  };
}
var MAX_DEPTH = 2e3;
async function baseFilesFacts(options) {
  try {
    return await compare(options);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { problem: `the project's files could not be compared with the base commit (${message})` };
  }
}
async function compare(options) {
  const shown = options.projectDir;
  const project = realpathSync(options.projectDir);
  const git = gitIn(project);
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) return { problem: `no git repository holds ${shown}, so its commit cannot be known` };
  const top = realpathSync(r.stdout.toString("utf8").trim());
  const headRun = await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const head = headRun.code === 0 ? headRun.stdout.toString("utf8").trim().toLowerCase() : void 0;
  const facts = head ? { head } : {};
  const read = [];
  for (const path of options.paths) {
    if (!existsSync(path)) continue;
    const real = realpathSync(path);
    const rel = relative(top, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { ...facts, problem: `${real} is outside the git repository ${top}` };
    }
    read.push({ abs: real, rel: rel.split(sep).filter(Boolean) });
  }
  const store = new ObjectStore(git);
  const bases = options.baseCommits.map((c) => c.toLowerCase());
  const candidates = head && bases.includes(head) ? [head, ...bases.filter((b) => b !== head)] : bases;
  const problems = [];
  for (const commit of candidates) {
    const problem = await sameFiles(store, commit, read);
    if (!problem) return { ...facts, sameAs: commit };
    problems.push(problem);
  }
  if (head && !bases.includes(head)) {
    for (const base of bases) {
      if (!await isAncestor(git, store, head, base)) continue;
      const problem = await sameFiles(store, head, read);
      if (!problem) return { ...facts, sameAs: head };
      problems.unshift(problem);
      break;
    }
  }
  return { ...facts, problem: problems[0] ?? "the event names no base commit" };
}
async function sameFiles(store, commit, paths) {
  const root = await store.commitTree(commit);
  if (!root) return `the base commit ${short(commit)} is not in the checkout`;
  const algorithm = commit.length === 64 ? "sha256" : "sha1";
  for (const path of paths) {
    const shown = path.rel.join("/") || ".";
    let entry = { mode: "40000", id: root };
    for (const name of path.rel) {
      const tree = entry?.mode === "40000" ? await store.tree(entry.id) : void 0;
      entry = tree?.get(name);
    }
    const onDisk = diskEntry(path.abs, algorithm);
    if (!onDisk) continue;
    if (!entry || entry.mode !== onDisk.mode || entry.id !== onDisk.id) {
      return `${shown} is not as in the base commit ${short(commit)}`;
    }
  }
  return void 0;
}
var ObjectStore = class {
  constructor(git) {
    this.git = git;
  }
  git;
  trees = /* @__PURE__ */ new Map();
  async commitTree(id) {
    const body = await this.object("commit", id);
    return body ? parseCommit(body).tree : void 0;
  }
  async tree(id) {
    if (!this.trees.has(id)) {
      const body = await this.object("tree", id);
      this.trees.set(id, body ? parseTree(body, id.length === 64 ? 32 : 20) : void 0);
    }
    return this.trees.get(id);
  }
  /** The contents of these blobs, read in one `git cat-file --batch`; a blob that does not hash to its id is left out. */
  async blobs(ids) {
    const found = /* @__PURE__ */ new Map();
    if (ids.length === 0) return found;
    const r = await this.git(["cat-file", "--batch"], Buffer.from(ids.join("\n") + "\n"));
    if (r.code !== 0) return found;
    for (const object of batchObjects(r.stdout)) {
      if (object.type === "blob" && objectId("blob", object.body, object.id.length) === object.id)
        found.set(object.id, object.body);
    }
    return found;
  }
  async object(type, id) {
    const r = await this.git(["cat-file", type, id]);
    return r.code === 0 && objectId(type, r.stdout, id.length) === id ? r.stdout : void 0;
  }
};
async function isAncestor(git, store, head, base) {
  if (await store.commitTree(base) === void 0) return false;
  const list = await git(["rev-list", `--max-count=${MAX_DEPTH}`, base]);
  if (list.code !== 0) return false;
  const ids = list.stdout.toString("utf8").split("\n").filter(Boolean);
  if (!ids.includes(head)) return false;
  const batch = await git(["cat-file", "--batch"], Buffer.from(ids.join("\n") + "\n"));
  if (batch.code !== 0) return false;
  const parents = /* @__PURE__ */ new Map();
  for (const { id, type, body } of batchObjects(batch.stdout)) {
    if (type === "commit" && objectId("commit", body, id.length) === id)
      parents.set(id, parseCommit(body).parents);
  }
  const seen = /* @__PURE__ */ new Set([base]);
  const queue = [base];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === head) return true;
    for (const p of parents.get(id) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  return false;
}
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
function diskEntry(abs, algorithm) {
  const idLength = algorithm === "sha256" ? 64 : 40;
  const st = lstatSync(abs);
  if (st.isSymbolicLink())
    return { mode: "120000", id: objectId("blob", readlinkSync(abs, { encoding: "buffer" }), idLength) };
  if (st.isFile()) {
    return { mode: st.mode & 64 ? "100755" : "100644", id: objectId("blob", readFileSync(abs), idLength) };
  }
  if (!st.isDirectory()) return { mode: "other", id: "" };
  const children = [];
  for (const name of readdirSync(abs)) {
    if (name === ".git") continue;
    const entry = diskEntry(join(abs, name), algorithm);
    if (entry) children.push({ name, entry });
  }
  if (children.length === 0) return void 0;
  const key = (c) => Buffer.from(c.entry.mode === "40000" ? `${c.name}/` : c.name);
  children.sort((a, b) => Buffer.compare(key(a), key(b)));
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, "hex")])
  );
  return { mode: "40000", id: objectId("tree", body, idLength) };
}

// src/github/base-metadata.ts
var TREE = "40000";
var SYMLINK = "120000";
var SUBMODULE = "160000";
async function readBaseMetadata(options) {
  const project = realpathSync2(resolve(options.projectDir));
  const git = options.git ?? gitIn(project);
  const commit = options.commit.toLowerCase();
  const top = await gitTop(git, project);
  const prefix = relative2(top, project).split(sep2).filter(Boolean).join("/");
  const store = new ObjectStore(git);
  const root = await store.commitTree(commit);
  if (!root) throw await missingCommit(git, commit);
  const projectTree = await entryAt(store, root, prefix);
  if (projectTree?.mode !== TREE) {
    return {
      commit,
      files: [],
      note: `the project directory ${prefix || "."} did not exist at ${short(commit)}`
    };
  }
  const temp = mkdtempSync(join2(tmpdir(), "hma-base-metadata-"));
  try {
    const copy = new Copier(store, temp, root);
    const projectCopy = join2(temp, ...prefix.split("/").filter(Boolean));
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
  if (!existsSync2(join2(dir, CONFIG_FILE))) return void 0;
  return readConfig(dir, env ?? process.env);
}
function rethrown(e, commit) {
  if (!(e instanceof KnownError)) return e;
  return new UserError(`at the base commit ${short(commit)}: ${e.message}`, e.where);
}
async function gitTop(git, project) {
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) {
    throw new UserError(
      `no git repository holds ${project}, so the metadata at the pull request's base cannot be read`
    );
  }
  return realpathSync2(r.stdout.toString("utf8").trim());
}
async function missingCommit(git, commit) {
  const shallow = await git(["rev-parse", "--is-shallow-repository"]);
  const why = shallow.stdout.toString("utf8").trim() === "true" ? " (the clone is shallow)" : "";
  return new UserError(
    `the base commit ${short(commit)} is not in the checkout${why}: set \`fetch-depth: 0\` on actions/checkout so the metadata at the pull request's base can be compared`
  );
}
async function entryAt(store, root, path) {
  let entry = { mode: TREE, id: root };
  for (const name of path.split("/").filter(Boolean)) {
    const tree = entry?.mode === TREE ? await store.tree(entry.id) : void 0;
    entry = tree?.get(name);
  }
  return entry;
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
    const entry = await entryAt(this.store, this.root, path);
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
      const abs = join2(this.dir, ...path.split("/"));
      mkdirSync(dirname(abs), { recursive: true });
      if (entry.mode === SYMLINK) {
        const target = body.toString("utf8");
        const resolved = relative2(this.dir, resolve(dirname(abs), target));
        if (resolved === ".." || resolved.startsWith(`..${sep2}`) || isAbsolute2(resolved)) continue;
        symlinkSync(target, abs);
      } else {
        writeFileSync(abs, body);
      }
    }
  }
  async tree(directory) {
    const entry = await entryAt(this.store, this.root, directory);
    return entry?.mode === TREE ? this.store.tree(entry.id) : void 0;
  }
};

export {
  forkPullRequest,
  executesOnRealTarget,
  decide,
  short,
  gitIn,
  baseFilesFacts,
  readBaseMetadata
};
