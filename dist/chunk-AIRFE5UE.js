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

export {
  CONTRIB_EXTENSIONS,
  EMBEDDED_EXTENSIONS,
  mentionedExtensions,
  loadExtensions
};
