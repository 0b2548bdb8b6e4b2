import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  SqlDatabase,
  driverErrorFields
} from "./chunk-FEJNME7K.js";

// src/targets/embedded/embedded-target.ts
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

// src/targets/embedded/extensions.ts
var CONTRIB_EXTENSIONS = {
  pgcrypto: async () => (await import("./chunk-Y2BWPMSU.js")).pgcrypto,
  "uuid-ossp": async () => (await import("./chunk-5EA4XF7L.js")).uuid_ossp,
  citext: async () => (await import("./chunk-X37NQ5UW.js")).citext,
  btree_gist: async () => (await import("./chunk-73GOPEQZ.js")).btree_gist,
  btree_gin: async () => (await import("./chunk-T2LNN74C.js")).btree_gin,
  pg_trgm: async () => (await import("./chunk-EAETSH5K.js")).pg_trgm,
  hstore: async () => (await import("./chunk-OAZ5XE3V.js")).hstore,
  ltree: async () => (await import("./chunk-EMCUMETD.js")).ltree,
  fuzzystrmatch: async () => (await import("./chunk-VM5XAZ6L.js")).fuzzystrmatch,
  unaccent: async () => (await import("./chunk-GW2IIBR2.js")).unaccent,
  cube: async () => (await import("./chunk-6254W47E.js")).cube,
  earthdistance: async () => (await import("./chunk-ESPIVJG2.js")).earthdistance,
  intarray: async () => (await import("./chunk-NIUN73NB.js")).intarray,
  tablefunc: async () => (await import("./chunk-5ZQ5PMVW.js")).tablefunc,
  moddatetime: async () => (await import("./chunk-CD5A4BJG.js")).moddatetime,
  pg_stat_statements: async () => (await import("./chunk-GMV6U6R5.js")).pg_stat_statements,
  isn: async () => (await import("./chunk-RK6SETOU.js")).isn,
  lo: async () => (await import("./chunk-VDBYJZIE.js")).lo,
  seg: async () => (await import("./chunk-A4AFYGJL.js")).seg,
  tcn: async () => (await import("./chunk-CWB3QXPO.js")).tcn,
  bloom: async () => (await import("./chunk-GMO6RV2T.js")).bloom,
  tsm_system_rows: async () => (await import("./chunk-HWOP2FGO.js")).tsm_system_rows,
  tsm_system_time: async () => (await import("./chunk-WP2QEP5H.js")).tsm_system_time,
  dict_int: async () => (await import("./chunk-63TF5UKS.js")).dict_int,
  dict_xsyn: async () => (await import("./chunk-6UMCOY5N.js")).dict_xsyn,
  amcheck: async () => (await import("./chunk-FY555NH5.js")).amcheck,
  pg_buffercache: async () => (await import("./chunk-NOXUT2VW.js")).pg_buffercache,
  pg_visibility: async () => (await import("./chunk-CFS4D36O.js")).pg_visibility,
  pg_freespacemap: async () => (await import("./chunk-BCLTH5J4.js")).pg_freespacemap,
  pageinspect: async () => (await import("./chunk-7AKDGQUY.js")).pageinspect,
  pg_surgery: async () => (await import("./chunk-46MX4JIS.js")).pg_surgery,
  pg_walinspect: async () => (await import("./chunk-OPE4DSOY.js")).pg_walinspect,
  file_fdw: async () => (await import("./chunk-FYIGWG5G.js")).file_fdw
};
var EMBEDDED_EXTENSIONS = Object.keys(CONTRIB_EXTENSIONS);
var REQUIRES = { earthdistance: ["cube"] };
var MENTION = new RegExp(
  `(?<![\\w-])(${EMBEDDED_EXTENSIONS.map((n) => n.replace(/-/g, "\\-")).join("|")})(?![\\w-])`,
  "gi"
);
function mentionedExtensions(texts) {
  const found = /* @__PURE__ */ new Set();
  for (const text of texts) {
    for (const m of text.matchAll(MENTION)) {
      const name = m[1].toLowerCase();
      found.add(name);
      for (const required of REQUIRES[name] ?? []) found.add(required);
    }
    if (found.size === EMBEDDED_EXTENSIONS.length) break;
  }
  return EMBEDDED_EXTENSIONS.filter((n) => found.has(n));
}
async function loadExtensions(names = EMBEDDED_EXTENSIONS) {
  const loaded = await Promise.all(
    names.map(async (name) => [name, await CONTRIB_EXTENSIONS[name]()])
  );
  return Object.fromEntries(loaded.map(([name, ext]) => [name.replace(/-/g, "_"), ext]));
}

// src/targets/embedded/explain.ts
var USE_SERVER = "run against a real PostgreSQL with the `database-url` input (or a Hasura `endpoint`)";
var EXTENSION_OBJECTS = [
  [/\b(geometry|geography|box2d|box3d|raster)\b|\bst_[a-z0-9_]+\b|\bpostgis_[a-z0-9_]+\b/i, "postgis"],
  [/\bcreate_hypertable\b|\btime_bucket\b|\badd_(retention|compression)_policy\b/i, "timescaledb"],
  [/\bvector\b|\bivfflat\b|\bhnsw\b/i, "vector (pgvector)"],
  [/\bcron\.schedule\b/i, "pg_cron"]
];
function explainEmbeddedFailure(error) {
  const message = error.message;
  const missing = /extension "([^"]+)" is not available/i.exec(message);
  if (missing) {
    return `The embedded database (PGlite) has no "${missing[1]}" extension (it has: ${EMBEDDED_EXTENSIONS.join(", ")}); ${USE_SERVER}.`;
  }
  if (error.sqlstate === "58P01" || /could not (access|open|load) (file|library)/i.test(message)) {
    return `The embedded database (PGlite) cannot load a file this statement needs (${message}); ${USE_SERVER}.`;
  }
  if (error.sqlstate === "42704" || error.sqlstate === "42883" || error.sqlstate === "3F000") {
    const text = `${message} ${error.statement ?? ""}`;
    for (const [pattern, extension] of EXTENSION_OBJECTS) {
      if (pattern.test(text)) {
        return `This looks like it needs the ${extension} extension, which the embedded database (PGlite) does not have; ${USE_SERVER}.`;
      }
    }
  }
  if (error.sqlstate === "0A000") {
    return `The embedded database (PGlite, a single-user PostgreSQL in WebAssembly) does not support this: ${message}; ${USE_SERVER}.`;
  }
  return void 0;
}

// src/targets/embedded/pglite-session.ts
var encoder = new TextEncoder();
function simpleQuery(text) {
  const body = encoder.encode(text);
  const message = new Uint8Array(1 + 4 + body.length + 1);
  message[0] = 81;
  new DataView(message.buffer).setInt32(1, 4 + body.length + 1);
  message.set(body, 5);
  return message;
}
var PgliteSession = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async query(sql, params) {
    const result = await this.db.query(sql, params);
    return result.rows;
  }
  async script(text) {
    let completed = 0;
    try {
      const { messages } = await this.db.execProtocol(simpleQuery(text), { throwOnError: false });
      for (const message of messages) {
        if (message.name === "commandComplete") completed++;
        else if (message.name === "error") return { completed, error: driverErrorFields(message) };
      }
      return { completed };
    } catch (error) {
      return { completed, error: driverErrorFields(error) };
    }
  }
  /** The database runs in this thread: a statement cannot be interrupted; the run stops after it. */
  async cancel() {
  }
  async close() {
    if (!this.db.closed) await this.db.close();
  }
};

// src/targets/embedded/embedded-target.ts
var EmbeddedTarget = class {
  constructor(info, first, start, options) {
    this.info = info;
    this.start = start;
    this.options = options;
    this.first = first;
  }
  info;
  start;
  options;
  capabilities = {
    ephemeral: true,
    yamlMetadataSteps: "skip",
    holdsMetadata: false,
    readsByRehearsal: false
  };
  instances = /* @__PURE__ */ new Map();
  /** The instance started with the target: it serves the first database asked for. */
  first;
  instance(database) {
    let instance = this.instances.get(database);
    if (!instance) {
      const session = this.first ?? this.start();
      this.first = void 0;
      instance = Promise.resolve(session).then((s) => ({ session: s, database: this.databaseFor(s) }));
      this.instances.set(database, instance);
    }
    return instance;
  }
  databaseFor(session) {
    return new SqlDatabase({
      configVersion: this.options.configVersion,
      session: () => Promise.resolve(session),
      redact: (text) => text,
      explain: explainEmbeddedFailure
    });
  }
  async readState(database) {
    return (await this.instance(database)).database.readState(database);
  }
  async execute(request) {
    return (await this.instance(request.database)).database.execute(request);
  }
  /** What this run has created so far: the database starts empty. */
  async snapshot(database) {
    return (await this.instance(database)).database.snapshot(database);
  }
  async applySeeds(request) {
    return (await this.instance(request.database)).database.applySeeds(request);
  }
  async close() {
    const started = await Promise.allSettled(this.instances.values());
    const sessions = started.flatMap((r) => r.status === "fulfilled" ? [r.value.session] : []);
    if (this.first) sessions.push(this.first);
    await Promise.all(sessions.map((s) => s.close()));
  }
};
function initialisedDataDir() {
  let packed;
  try {
    packed = readFileSync(new URL("./pglite-datadir.tar.gz", import.meta.url));
  } catch {
    return void 0;
  }
  return new Blob([gunzipSync(packed)]);
}
async function startEmbedded(options) {
  return (await openEmbedded(options)).target;
}
async function openEmbedded(options) {
  const [{ PGlite }, extensions] = await Promise.all([
    import("./chunk-2R4DD5BI.js"),
    loadExtensions(options.extensions ?? EMBEDDED_EXTENSIONS)
  ]);
  const start = async () => {
    const loadDataDir = initialisedDataDir();
    return new PgliteSession(await PGlite.create({ extensions, ...loadDataDir ? { loadDataDir } : {} }));
  };
  const session = await start();
  const [row] = await session.query("SELECT version() AS version");
  const serverVersion = typeof row?.version === "string" ? row.version.split(" on ")[0] : void 0;
  const info = {
    kind: "embedded",
    display: "PGlite, in memory",
    ...serverVersion ? { serverVersion } : {}
  };
  return { target: new EmbeddedTarget(info, session, start, options), session };
}

export {
  mentionedExtensions,
  startEmbedded,
  openEmbedded
};
