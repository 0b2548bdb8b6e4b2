import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

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
  moddatetime: async () => (await import("./chunk-CD5A4BJG.js")).moddatetime
};
var EMBEDDED_EXTENSIONS = Object.keys(CONTRIB_EXTENSIONS);
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

export {
  EMBEDDED_EXTENSIONS,
  loadExtensions,
  explainEmbeddedFailure
};
