/**
 * PGlite contrib extensions loaded into the embedded database, so that `CREATE EXTENSION` of the
 * common ones works as on a server. One static `import()` each: a bundler can follow them (the lead's
 * bundle must also ship the matching `<name>.tar.gz` files from `@electric-sql/pglite/dist/`).
 */
import type { Extension } from '@electric-sql/pglite'

type Loader = () => Promise<Extension>

/** Extension name as in `CREATE EXTENSION` → loader. */
export const CONTRIB_EXTENSIONS: Record<string, Loader> = {
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
  pg_stat_statements: async () =>
    (await import('@electric-sql/pglite/contrib/pg_stat_statements')).pg_stat_statements,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  tsm_system_rows: async () => (await import('@electric-sql/pglite/contrib/tsm_system_rows')).tsm_system_rows,
  tsm_system_time: async () => (await import('@electric-sql/pglite/contrib/tsm_system_time')).tsm_system_time,
  dict_int: async () => (await import('@electric-sql/pglite/contrib/dict_int')).dict_int,
  dict_xsyn: async () => (await import('@electric-sql/pglite/contrib/dict_xsyn')).dict_xsyn,
  amcheck: async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck,
  pg_buffercache: async () => (await import('@electric-sql/pglite/contrib/pg_buffercache')).pg_buffercache,
  pg_visibility: async () => (await import('@electric-sql/pglite/contrib/pg_visibility')).pg_visibility,
  pg_freespacemap: async () => (await import('@electric-sql/pglite/contrib/pg_freespacemap')).pg_freespacemap,
  pageinspect: async () => (await import('@electric-sql/pglite/contrib/pageinspect')).pageinspect,
  pg_surgery: async () => (await import('@electric-sql/pglite/contrib/pg_surgery')).pg_surgery,
  pg_walinspect: async () => (await import('@electric-sql/pglite/contrib/pg_walinspect')).pg_walinspect,
  file_fdw: async () => (await import('@electric-sql/pglite/contrib/file_fdw')).file_fdw,
}

/** Names of the extensions the embedded database can create. */
export const EMBEDDED_EXTENSIONS: readonly string[] = Object.keys(CONTRIB_EXTENSIONS)

/** Extensions that `CREATE EXTENSION ... CASCADE` of another one needs. */
const REQUIRES: Record<string, string[]> = { earthdistance: ['cube'] }

const MENTION = new RegExp(
  `(?<![\\w-])(${EMBEDDED_EXTENSIONS.map((n) => n.replace(/-/g, '\\-')).join('|')})(?![\\w-])`,
  'gi',
)

/**
 * The embedded extensions whose names appear in `texts` (the project's SQL), with what they require.
 * Loading one takes time at every start; one never named cannot be created, so it is not loaded.
 */
export function mentionedExtensions(texts: Iterable<string>): string[] {
  const found = new Set<string>()
  for (const text of texts) {
    for (const m of text.matchAll(MENTION)) {
      const name = m[1].toLowerCase()
      found.add(name)
      for (const required of REQUIRES[name] ?? []) found.add(required)
    }
    if (found.size === EMBEDDED_EXTENSIONS.length) break
  }
  return EMBEDDED_EXTENSIONS.filter((n) => found.has(n))
}

/** The `extensions` option of PGlite for `names` (all by default). */
export async function loadExtensions(
  names: readonly string[] = EMBEDDED_EXTENSIONS,
): Promise<Record<string, Extension>> {
  const loaded = await Promise.all(
    names.map(async (name) => [name, await CONTRIB_EXTENSIONS[name]()] as const),
  )
  // PGlite keys extensions by namespace; a JavaScript identifier keeps `uuid-ossp` usable as one.
  return Object.fromEntries(loaded.map(([name, ext]) => [name.replace(/-/g, '_'), ext]))
}
