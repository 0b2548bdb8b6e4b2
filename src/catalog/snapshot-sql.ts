/**
 * The one query behind a catalog snapshot: a single row with a single text cell (JSON), so it reads the
 * same through `pg`, PGlite and Hasura's `run_sql` (which answers text). Names and texts only, no OIDs;
 * codes (`relkind`, `prokind`, argument modes…) are left raw and mapped by `parseSnapshot`, which also
 * sorts (an `ORDER BY` here would follow the database's collation, which differs between servers).
 * Positional orders (columns, key columns, arguments, enum values) are fixed here.
 *
 * Needs PostgreSQL 12 or later (`attgenerated`). Texts such as `pg_get_constraintdef` qualify names as
 * the session's `search_path` requires: with the default one, `public` objects come unqualified.
 */

/** Schemas that are never the user's: PostgreSQL's, Hasura's catalog, and this action's own. */
export const SYSTEM_SCHEMAS = ['information_schema', 'hdb_catalog', 'hasura_migrate_action'] as const

const systemSchemas = SYSTEM_SCHEMAS.map((s) => `'${s}'`).join(', ')

/** Objects an extension created (`pg_depend` type `e`): they are the extension's, not the user's. */
const notExtensionMember = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND m.objid = ${oid})`

/**
 * The type `oid` names and its schema, as a lateral row `ty(typname, nspname)`: looked up by index per
 * row. `OFFSET 0` keeps the planner from turning it into a join that hashes all of pg_type once per
 * relation or function (~1 ms each on the embedded database).
 */
const typeOf = (oid: string): string =>
  `(SELECT t.typname, tn.nspname FROM pg_catalog.pg_type t
      JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace WHERE t.oid = ${oid} OFFSET 0) ty`

/** JSON array of the names of `attnums` (an `int2[]`) of relation `relid`, in array order. */
const columnNames = (relid: string, attnums: string): string =>
  `(SELECT coalesce(json_agg(a.attname ORDER BY k.i), '[]')
      FROM unnest(${attnums}) WITH ORDINALITY AS k(n, i)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relid} AND a.attnum = k.n)`

export const SNAPSHOT_SQL = `
WITH member AS (
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
   WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
), ns AS (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
   WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname NOT IN (${systemSchemas})
     AND ${notExtensionMember('pg_namespace', 'n.oid')}
), rel AS (
  SELECT c.oid, ns.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${notExtensionMember('pg_class', 'c.oid')}
)
SELECT json_build_object(
  'serverVersion', current_setting('server_version_num')::int,
  'schemas', (SELECT coalesce(json_agg(ns.nspname), '[]') FROM ns),
  'relations', (SELECT coalesce(json_agg(json_build_object(
    'schema', r.nspname,
    'name', r.relname,
    'kind', r.relkind,
    'columns', (SELECT coalesce(json_agg(json_build_object(
        'name', a.attname,
        'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
        'typeSchema', ty.nspname,
        'typeName', ty.typname,
        'notNull', a.attnotnull,
        'generated', a.attgenerated,
        'expression', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
        'identity', a.attidentity
      ) ORDER BY a.attnum), '[]')
      FROM pg_catalog.pg_attribute a
      JOIN LATERAL ${typeOf('a.atttypid')} ON true
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped),
    'constraints', (SELECT coalesce(json_agg(json_build_object(
        'name', con.conname,
        'kind', con.contype,
        'columns', ${columnNames('con.conrelid', 'con.conkey')},
        'definition', pg_catalog.pg_get_constraintdef(con.oid),
        'validated', con.convalidated,
        'references', CASE WHEN con.contype = 'f' THEN json_build_object(
          'schema', fn.nspname, 'name', fc.relname, 'columns', ${columnNames('con.confrelid', 'con.confkey')}) END
      )), '[]')
      FROM pg_catalog.pg_constraint con
      LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
      LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE con.conrelid = r.oid AND con.contype IN ('p', 'u', 'f', 'c', 'x')),
    'indexes', (SELECT coalesce(json_agg(json_build_object(
        'name', ic.relname,
        'unique', i.indisunique,
        'primary', i.indisprimary,
        'columns', (SELECT coalesce(json_agg(
            CASE WHEN k.n = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.i::int, true) ELSE a.attname END
            ORDER BY k.i), '[]')
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, i)
          LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
          WHERE k.i <= i.indnkeyatts),
        'definition', pg_catalog.pg_get_indexdef(i.indexrelid),
        'valid', i.indisvalid
      )), '[]')
      FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = r.oid),
    'triggers', (SELECT coalesce(json_agg(json_build_object(
        'name', tg.tgname,
        'definition', pg_catalog.pg_get_triggerdef(tg.oid),
        'functionSchema', pn.nspname,
        'functionName', p.proname,
        'enabled', tg.tgenabled <> 'D'
      )), '[]')
      FROM pg_catalog.pg_trigger tg
      JOIN pg_catalog.pg_proc p ON p.oid = tg.tgfoid
      JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
      -- Hasura's event triggers call its own functions: metadata's, not the schema's.
      WHERE tg.tgrelid = r.oid AND NOT tg.tgisinternal AND pn.nspname NOT IN (${systemSchemas})),
    'definition', CASE WHEN r.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(r.oid) END,
    'comment', (SELECT d.description FROM pg_catalog.pg_description d
      WHERE d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0)
  )), '[]') FROM rel r),
  'functions', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', p.proname,
    'kind', p.prokind,
    'arguments', (SELECT coalesce(json_agg(json_build_object(
        'name', p.proargnames[k.i],
        'mode', coalesce(p.proargmodes[k.i], 'i'),
        'type', pg_catalog.format_type(k.t, NULL),
        'typeSchema', ty.nspname,
        'typeName', ty.typname
      ) ORDER BY k.i), '[]')
      FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS k(t, i)
      LEFT JOIN LATERAL ${typeOf('k.t')} ON true),
    'defaults', p.pronargdefaults,
    'identityArguments', pg_catalog.pg_get_function_identity_arguments(p.oid),
    'returnType', pg_catalog.format_type(p.prorettype, NULL),
    'returnSchema', rn.nspname,
    'returnName', rt.typname,
    'setOf', p.proretset,
    'volatility', p.provolatile,
    'language', l.lanname,
    -- A SQL-standard body (BEGIN ATOMIC) is not in prosrc; its definition stands for it.
    'source', CASE WHEN p.prosrc = '' AND p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) ELSE p.prosrc END
  )), '[]')
  FROM pg_catalog.pg_proc p
  JOIN ns n ON n.oid = p.pronamespace
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_catalog.pg_type rt ON rt.oid = p.prorettype
  LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rt.typnamespace
  WHERE ${notExtensionMember('pg_proc', 'p.oid')}),
  'enums', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', t.typname,
    'values', (SELECT coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder), '[]')
      FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
  )), '[]')
  FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
  WHERE t.typtype = 'e' AND ${notExtensionMember('pg_type', 't.oid')}),
  'sequences', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', c.relname,
    'ownedBy', (SELECT json_build_object('schema', tn.nspname, 'name', tc.relname, 'column', a.attname)
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
      JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
        AND d.deptype IN ('a', 'i')
      LIMIT 1)
  )), '[]')
  FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind = 'S' AND ${notExtensionMember('pg_class', 'c.oid')}),
  'extensions', (SELECT coalesce(json_agg(json_build_object(
    'name', x.extname, 'schema', n.nspname, 'version', x.extversion
  )), '[]')
  FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace)
)::text AS snapshot
`
