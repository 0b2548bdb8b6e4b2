import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  getExecOutput,
  readConfig
} from "./chunk-EWGMX6GJ.js";
import {
  commentTarget,
  compareVersions,
  plural,
  readEventPayload
} from "./chunk-KOT7UVMZ.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-OBJDCIQA.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/github/pull-request-findings.ts
import { isAbsolute, relative, resolve } from "node:path";

// src/github/migration-changes.ts
var defaultExec = (command, args, options) => getExecOutput(command, args, { cwd: options.cwd, ignoreReturnCode: true, silent: true });
async function prChanges(options) {
  const exec = options.exec ?? defaultExec;
  const remote = options.remote ?? "origin";
  const depth = options.fetchDepth ?? 50;
  const cwd = options.repoRoot;
  const warnings = [];
  const notes = [];
  const git = (...args) => exec("git", args, { cwd });
  const must = async (...args) => {
    const r = await git(...args);
    if (r.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${(r.stderr || r.stdout).trim()}`);
    return r.stdout;
  };
  const baseRefName = `refs/remotes/${remote}/${options.baseRef}`;
  const fetchBase = `+refs/heads/${options.baseRef}:${baseRefName}`;
  if ((await git("rev-parse", "--verify", "--quiet", `${baseRefName}^{commit}`)).exitCode !== 0) {
    await must("fetch", "--no-tags", `--depth=${depth}`, remote, fetchBase);
    notes.push(
      `Fetched the base branch '${options.baseRef}' (the checkout did not have it); \`fetch-depth: 0\` on actions/checkout avoids this.`
    );
  }
  if ((await git("cat-file", "-e", `${options.headSha}^{commit}`)).exitCode !== 0) {
    await must("fetch", "--no-tags", `--depth=${depth}`, remote, options.headSha);
  }
  let mergeBase = await findMergeBase(git, baseRefName, options.headSha);
  for (let deepen = depth; !mergeBase && deepen <= depth * 16; deepen *= 4) {
    const shallow = (await git("rev-parse", "--is-shallow-repository")).stdout.trim() === "true";
    if (!shallow) break;
    await must("fetch", "--no-tags", `--deepen=${deepen}`, remote, fetchBase, options.headSha);
    mergeBase = await findMergeBase(git, baseRefName, options.headSha);
    if (mergeBase) {
      notes.push(
        `Fetched more history to find where the branch left '${options.baseRef}'; \`fetch-depth: 0\` on actions/checkout avoids this.`
      );
    }
  }
  if (!mergeBase) {
    warnings.push(
      `No common commit with '${options.baseRef}' was found; compared with its tip, so its newer changes may show as changes of this pull request. Use \`fetch-depth: 0\` on actions/checkout.`
    );
  }
  const paths = [options.paths.migrations, options.paths.metadata].map(clean);
  const diff = await must(
    "diff",
    "--name-status",
    "--no-renames",
    "-z",
    "--relative",
    mergeBase ?? baseRefName,
    options.headSha,
    "--",
    ...paths
  );
  const changes = { added: [], modified: [], deleted: [], baseNewest: {}, warnings, notes };
  const fields = diff.split("\0").filter((f) => f !== "");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i];
    const path = fields[i + 1];
    if (status.startsWith("A")) changes.added.push(path);
    else if (status.startsWith("D")) changes.deleted.push(path);
    else changes.modified.push(path);
  }
  const tree = await must(
    "ls-tree",
    "-r",
    "--name-only",
    "-z",
    baseRefName,
    "--",
    clean(options.paths.migrations)
  );
  const migrationsDir = clean(options.paths.migrations);
  for (const path of tree.split("\0").filter((p) => p !== "")) {
    const m = parseMigrationPath(path, migrationsDir);
    if (!m) continue;
    const current = changes.baseNewest[m.directory];
    if (current === void 0 || compareVersions(m.version, current) > 0)
      changes.baseNewest[m.directory] = m.version;
  }
  return changes;
}
async function findMergeBase(git, base, head) {
  const r = await git("merge-base", base, head);
  return r.exitCode === 0 ? r.stdout.trim() || void 0 : void 0;
}
function clean(path) {
  return path.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "") || ".";
}
var MIGRATION_NAME = /^([0-9]+)_(.*)\.(down|up)\.(sql|yaml)$/;
function parseMigrationPath(path, migrationsDir) {
  const dir = clean(migrationsDir);
  const p = clean(path);
  const rel = dir === "." ? p : p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : void 0;
  if (!rel) return void 0;
  const segments = rel.split("/");
  const attempts = [];
  if (segments.length >= 2) attempts.push([`${segments.at(-2)}.${segments.at(-1)}`, segments.slice(0, -2)]);
  attempts.push([segments.at(-1), segments.slice(0, -1)]);
  for (const [name, parents] of attempts) {
    const m = MIGRATION_NAME.exec(name);
    if (!m || parents.length > 1) continue;
    return {
      directory: parents[0] ?? "",
      version: BigInt(m[1]).toString(),
      name: m[2],
      direction: m[3]
    };
  }
  return void 0;
}
function prChangeFindings(changes, options) {
  const databaseOf = options.databaseOf ?? ((d) => d || "default");
  const project = clean(options.projectDir);
  const relative2 = (p) => project === "." ? p : p.startsWith(`${project}/`) ? p.slice(project.length + 1) : p;
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (kind, path, m, severity, message) => {
    const key = `${kind}\0${m.directory}\0${m.version}\0${kind === "merge-order" ? "" : m.direction}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      kind,
      severity,
      database: databaseOf(m.directory),
      version: m.version,
      file: relative2(path),
      message
    });
  };
  const base = `'${options.baseRef}'`;
  const parse = (p) => parseMigrationPath(p, options.migrationsDir);
  const addedVersions = /* @__PURE__ */ new Set();
  const upFirst = (p) => parse(p)?.direction === "up" ? 0 : 1;
  for (const path of [...changes.added].sort((a, b) => upFirst(a) - upFirst(b))) {
    const m = parse(path);
    if (!m) continue;
    addedVersions.add(`${m.directory}\0${m.version}`);
    const newest = changes.baseNewest[m.directory];
    if (newest !== void 0 && compareVersions(m.version, newest) < 0) {
      add(
        "merge-order",
        path,
        m,
        "warning",
        `${m.version}_${m.name} is older than ${newest}, the newest migration on ${base}: once merged it runs after it, out of order. Give it a newer version (rename it with a current timestamp) unless the order does not matter.`
      );
    }
  }
  for (const path of changes.modified) {
    const m = parse(path);
    if (!m) continue;
    if (m.direction === "up") {
      add(
        "edited-migration",
        path,
        m,
        "warning",
        `Edits ${m.version}_${m.name}, which ${base} already has: a database where it is applied will not run it again. Put the change in a new migration.`
      );
    } else {
      add(
        "edited-migration",
        path,
        m,
        "notice",
        `Edits the down migration of ${m.version}_${m.name}, which ${base} already has: this only changes how it is rolled back.`
      );
    }
  }
  for (const path of changes.deleted) {
    const m = parse(path);
    if (!m || addedVersions.has(`${m.directory}\0${m.version}`)) continue;
    add(
      "deleted-migration",
      path,
      m,
      m.direction === "up" ? "warning" : "notice",
      m.direction === "up" ? `Removes ${m.version}_${m.name}, which ${base} already has: a database where it is applied keeps it, and \`hasura migrate status\` shows it as not present locally.` : `Removes the down migration of ${m.version}_${m.name}: it can no longer be rolled back.`
    );
  }
  return out;
}
function describeChanges(changes) {
  return `${plural(changes.added.length, "file")} added, ${changes.modified.length} modified, ${changes.deleted.length} deleted under the migrations and metadata directories`;
}

// src/github/pull-request-findings.ts
async function addPullRequestChanges(result, options) {
  if (result.databases.length === 0) return;
  const found = commentTarget({
    mode: "auto",
    eventName: options.env.GITHUB_EVENT_NAME,
    payload: options.payload ?? readEventPayload(options.env.GITHUB_EVENT_PATH),
    repository: options.env.GITHUB_REPOSITORY
  });
  if ("skip" in found) return;
  const { baseRef, headSha } = found.target;
  if (!baseRef || !headSha) return;
  try {
    const repoRoot = resolve(options.env.GITHUB_WORKSPACE || options.cwd);
    const project = resolve(options.cwd, options.projectDir);
    const config = readConfig(project, options.env);
    const inRepo = (dir) => posix(relative(repoRoot, resolve(project, dir)));
    const projectDir = posix(relative(repoRoot, project)) || ".";
    if (projectDir.startsWith("../") || projectDir === ".." || isAbsolute(projectDir)) {
      options.info(`pull-request changes not checked: ${project} is outside the workspace ${repoRoot}`);
      return;
    }
    const migrationsDir = inRepo(options.migrationsDir ?? config.migrationsDirectory) || ".";
    const metadata = inRepo(config.metadataFile ?? config.metadataDirectory) || ".";
    const changes = await prChanges({
      repoRoot,
      baseRef,
      headSha,
      paths: { migrations: migrationsDir, metadata },
      exec: options.exec
    });
    options.info(`pull request against '${baseRef}': ${describeChanges(changes)}`);
    result.warnings.push(...changes.warnings);
    result.notices.push(...changes.notes);
    const findings = prChangeFindings(changes, {
      migrationsDir,
      projectDir,
      baseRef,
      databaseOf: (d) => config.version >= 3 ? d : "default"
    });
    for (const f of findings) {
      const db = result.databases.find((d) => d.database === f.database);
      if (db) db.findings.push(f);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    result.warnings.push(
      `What this pull request changes was not checked against '${baseRef}': ${message}. The run itself is not affected.`
    );
  }
}
function posix(path) {
  return path.replace(/\\/g, "/");
}
export {
  addPullRequestChanges
};
