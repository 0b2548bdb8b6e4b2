import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  diffMetadata
} from "./chunk-C4QYD2QA.js";
import "./chunk-AVVUKIU6.js";
import "./chunk-A77IL4JH.js";
import {
  ObjectStore,
  gitIn,
  short
} from "./chunk-TIGA42NW.js";
import {
  CONFIG_FILE,
  ENV_FILE,
  buildMetadata,
  readConfig
} from "./chunk-RNGUM2RT.js";
import "./chunk-ALXWH6BR.js";
import "./chunk-PQOAXLNL.js";
import {
  KnownError,
  UserError
} from "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/github/base-metadata.ts
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
var TREE = "40000";
var SYMLINK = "120000";
var SUBMODULE = "160000";
async function readBaseMetadata(options) {
  const project = realpathSync(resolve(options.projectDir));
  const git = options.git ?? gitIn(project);
  const commit = options.commit.toLowerCase();
  const top = await gitTop(git, project);
  const prefix = relative(top, project).split(sep).filter(Boolean).join("/");
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
async function gitTop(git, project) {
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) {
    throw new UserError(
      `no git repository holds ${project}, so the metadata at the pull request's base cannot be read`
    );
  }
  return realpathSync(r.stdout.toString("utf8").trim());
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
      const abs = join(this.dir, ...path.split("/"));
      mkdirSync(dirname(abs), { recursive: true });
      if (entry.mode === SYMLINK) {
        const target = body.toString("utf8");
        const resolved = relative(this.dir, resolve(dirname(abs), target));
        if (resolved === ".." || resolved.startsWith(`..${sep}`) || isAbsolute(resolved)) continue;
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

// src/drift/metadata-drift.ts
async function metadataDriftDiff(drift, server, project) {
  if (drift.status !== "changed") return void 0;
  const options = project.unauthorizedRole ? { unauthorizedRole: project.unauthorizedRole } : {};
  const commit = drift.recorded?.commit;
  let note;
  if (commit) {
    try {
      const applied = await readBaseMetadata({
        projectDir: project.config.projectDir,
        commit,
        ...project.env ? { env: project.env } : {},
        ...project.migrationsDir ? { migrationsDir: project.migrationsDir } : {}
      });
      return {
        base: { from: "applied-commit", commit: applied.commit },
        changes: diffMetadata(applied.metadata, server.metadata, options)
      };
    } catch (e) {
      if (!(e instanceof KnownError)) throw e;
      note = `the applied commit ${short(commit)} could not be read (${e.message}); compared with the checkout's metadata instead (actions/checkout with fetch-depth: 0 compares with what was applied)`;
    }
  } else note = "no commit recorded with the metadata; compared with the checkout's metadata";
  const local = await buildMetadata(project.config);
  return {
    base: { from: "checkout" },
    changes: diffMetadata(local?.metadata, server.metadata, options),
    note
  };
}
export {
  metadataDriftDiff
};
