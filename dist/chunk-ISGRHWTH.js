import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  ByteOffsets,
  codePointToIndex,
  lineAt
} from "./chunk-PQOAXLNL.js";
import {
  TargetError
} from "./chunk-SWCUOCRD.js";

// src/catalog/snapshot-sql.ts
var SYSTEM_SCHEMAS = ["information_schema", "hdb_catalog", "hasura_migrate_action"];
var systemSchemas = SYSTEM_SCHEMAS.map((s) => `'${s}'`).join(", ");
var notExtensionMember = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND m.objid = ${oid})`;
var typeOf = (oid) => `(SELECT t.typname, tn.nspname FROM pg_catalog.pg_type t
      JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace WHERE t.oid = ${oid} OFFSET 0) ty`;
var columnNames = (relid, attnums) => `(SELECT coalesce(json_agg(a.attname ORDER BY k.i), '[]')
      FROM unnest(${attnums}) WITH ORDINALITY AS k(n, i)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relid} AND a.attnum = k.n)`;
var SNAPSHOT_SQL = `
WITH member AS (
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
   WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
), ns AS (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
   WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname NOT IN (${systemSchemas})
     AND ${notExtensionMember("pg_namespace", "n.oid")}
), rel AS (
  SELECT c.oid, ns.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${notExtensionMember("pg_class", "c.oid")}
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
      JOIN LATERAL ${typeOf("a.atttypid")} ON true
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped),
    'constraints', (SELECT coalesce(json_agg(json_build_object(
        'name', con.conname,
        'kind', con.contype,
        'columns', ${columnNames("con.conrelid", "con.conkey")},
        'definition', pg_catalog.pg_get_constraintdef(con.oid),
        'validated', con.convalidated,
        'references', CASE WHEN con.contype = 'f' THEN json_build_object(
          'schema', fn.nspname, 'name', fc.relname, 'columns', ${columnNames("con.confrelid", "con.confkey")}) END
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
      LEFT JOIN LATERAL ${typeOf("k.t")} ON true),
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
  WHERE ${notExtensionMember("pg_proc", "p.oid")}),
  'enums', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', t.typname,
    'values', (SELECT coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder), '[]')
      FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
  )), '[]')
  FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
  WHERE t.typtype = 'e' AND ${notExtensionMember("pg_type", "t.oid")}),
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
  WHERE c.relkind = 'S' AND ${notExtensionMember("pg_class", "c.oid")}),
  'extensions', (SELECT coalesce(json_agg(json_build_object(
    'name', x.extname, 'schema', n.nspname, 'version', x.extversion
  )), '[]')
  FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace)
)::text AS snapshot
`;

// src/sql/trivia.ts
var isSpace = (c) => c === 32 || c >= 9 && c <= 13;
function skipTrivia(text, from = 0) {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const eol = text.indexOf("\n", i + 2);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      i = skipBlockComment(text, i);
    } else {
      return i;
    }
  }
  return text.length;
}
function skipBlockComment(text, start) {
  return blockCommentEnd(text, start) ?? text.length;
}
function blockCommentEnd(text, start) {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 47 && next === 42) {
      depth++;
      i += 2;
    } else if (c === 42 && next === 47) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return void 0;
}
function isOnlyTrivia(text) {
  const from = text.charCodeAt(0) === 65279 ? 1 : 0;
  return skipTrivia(text, from) === text.length;
}

// src/sql/parser.ts
var library;
function loadLibrary() {
  library ??= import("./chunk-DHM7PYU5.js").then((m) => {
    const candidate = m;
    return typeof candidate.hasSqlDetails === "function" ? candidate : candidate.default ?? candidate;
  });
  return library;
}
var SALVAGE_ATTEMPTS = 3;
async function parseStatements(text) {
  if (isOnlyTrivia(text)) return { statements: [] };
  const source = text.charCodeAt(0) === 65279 ? " " + text.slice(1) : text;
  const zero = source.indexOf("\0");
  if (zero >= 0) {
    return {
      statements: [],
      syntaxError: {
        message: "the text contains a zero byte (NUL)",
        line: lineAt(source, zero),
        offset: zero
      }
    };
  }
  const lib = await loadLibrary();
  try {
    return { statements: await toStatements(lib, source, await lib.parse(source)) };
  } catch (error) {
    const syntaxError = describeError(lib, source, error);
    const statements = await salvage(lib, source, syntaxError.offset);
    return { statements, syntaxError };
  }
}
async function toStatements(lib, source, result) {
  const bytes = new ByteOffsets(source);
  const out = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const location = raw.stmt_location ?? 0;
    const firstByte = bytes.toIndex(location);
    const rawEnd = raw.stmt_len ? bytes.toIndex(location + raw.stmt_len) : source.length;
    const start = skipTrivia(source, firstByte);
    const end = await endOfLastToken(lib, source, start, rawEnd);
    out.push({ node: raw.stmt, start, end });
  }
  return out;
}
async function endOfLastToken(lib, source, start, rawEnd) {
  let end = rawEnd;
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  const body = source.slice(start, end);
  if (!body.includes("--") && !body.includes("/*")) return end;
  try {
    const tokens = (await lib.scan(body)).tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i];
      if (t.tokenName !== "SQL_COMMENT" && t.tokenName !== "C_COMMENT")
        return start + new ByteOffsets(body).toIndex(t.end);
    }
    return end;
  } catch {
    return end;
  }
}
function describeError(lib, source, error) {
  if (lib.hasSqlDetails(error) && error.sqlDetails) {
    const offset = codePointToIndex(source, error.sqlDetails.cursorPosition);
    return { message: error.message, line: lineAt(source, offset), offset };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
async function salvage(lib, source, errorOffset) {
  if (errorOffset === void 0) return [];
  let semicolons;
  try {
    const bytes = new ByteOffsets(source);
    semicolons = (await lib.scan(source)).tokens.filter((t) => t.text === ";").map((t) => bytes.toIndex(t.start)).filter((i) => i < errorOffset);
  } catch {
    return [];
  }
  for (const cut of semicolons.slice(-SALVAGE_ATTEMPTS).reverse()) {
    const prefix = source.slice(0, cut + 1);
    if (isOnlyTrivia(prefix.slice(0, cut))) return [];
    try {
      return await toStatements(lib, prefix, await lib.parse(prefix));
    } catch {
    }
  }
  return [];
}

// src/catalog/view-definition.ts
var UNQUALIFIED_VIEWDEF_VERSION = 16e4;
var isTree = (v) => typeof v === "object" && v !== null;
function qualifiedColumnRefs(node, out) {
  if (Array.isArray(node)) {
    for (const item of node) qualifiedColumnRefs(item, out);
    return;
  }
  if (!isTree(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "SelectStmt") continue;
    if (key === "ColumnRef" && isTree(value)) {
      const fields = Array.isArray(value.fields) ? value.fields : [];
      const located = typeof value.location === "number";
      if (fields.length === 2 && "String" in fields[0] && "String" in fields[1] && located)
        out.push(value.location);
      continue;
    }
    qualifiedColumnRefs(value, out);
  }
}
function singleRelationSelect(statement) {
  const select = statement.SelectStmt;
  if (!select || select.op !== void 0 && select.op !== "SETOP_NONE") return void 0;
  const from = select.fromClause;
  if (!Array.isArray(from) || from.length !== 1 || !isTree(from[0]) || "JoinExpr" in from[0]) return void 0;
  return select;
}
function identifierEnd(text, i) {
  if (text[i] === '"') {
    let j2 = i + 1;
    while (j2 < text.length) {
      if (text[j2] === '"' && text[j2 + 1] === '"') j2 += 2;
      else if (text[j2] === '"') return j2 + 1;
      else j2++;
    }
    return j2;
  }
  let j = i;
  while (j < text.length && /[\p{L}\p{N}_$]/u.test(text[j])) j++;
  return j;
}
async function unqualifyLegacyViewDefinition(definition) {
  const { statements, syntaxError } = await parseStatements(definition);
  if (syntaxError || statements.length !== 1) return definition;
  const select = singleRelationSelect(statements[0].node);
  if (!select) return definition;
  const locations = [];
  qualifiedColumnRefs(Object.values(select), locations);
  const bytes = new ByteOffsets(definition);
  const starts = locations.sort((a, b) => a - b).map((b) => bytes.toIndex(b));
  let text = definition;
  for (const start of starts.reverse()) {
    const end = identifierEnd(text, start);
    if (text[end] === ".") text = text.slice(0, start) + text.slice(end + 1);
  }
  return text;
}

// src/catalog/snapshot.ts
async function takeSnapshot(query) {
  const snapshot = parseSnapshot(await query(SNAPSHOT_SQL));
  if (snapshot.serverVersion < UNQUALIFIED_VIEWDEF_VERSION) {
    for (const relation2 of snapshot.relations) {
      if (relation2.definition !== void 0)
        relation2.definition = await unqualifyLegacyViewDefinition(relation2.definition);
    }
  }
  return snapshot;
}
var RELATION_KINDS = {
  r: "table",
  p: "partitioned table",
  v: "view",
  m: "materialized view",
  f: "foreign table"
};
var CONSTRAINT_KINDS = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion"
};
var FUNCTION_KINDS = {
  f: "function",
  p: "procedure",
  a: "aggregate",
  w: "window"
};
var ARGUMENT_MODES = {
  i: "in",
  o: "out",
  b: "inout",
  v: "variadic",
  t: "table"
};
var VOLATILITIES = {
  i: "immutable",
  s: "stable",
  v: "volatile"
};
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var byName = (a, b) => compareText(a.name, b.name);
var byQualifiedName = (a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name);
function mapped(table, code, what) {
  const value = table[code];
  if (value === void 0) throw new TargetError(`reading the catalog snapshot: unknown ${what} '${code}'`);
  return value;
}
var typeRef = (schema, name, text) => ({
  schema: schema ?? "",
  name: name ?? text
});
function column(raw) {
  const c = {
    name: raw.name,
    type: raw.type,
    typeRef: typeRef(raw.typeSchema, raw.typeName, raw.type),
    nullable: !raw.notNull
  };
  if (raw.expression !== null) {
    if (raw.generated === "") c.default = raw.expression;
    else c.generated = raw.expression;
  }
  if (raw.identity === "a") c.identity = "always";
  else if (raw.identity === "d") c.identity = "by default";
  return c;
}
function constraint(raw) {
  const c = {
    name: raw.name,
    kind: mapped(CONSTRAINT_KINDS, raw.kind, "constraint kind"),
    columns: raw.columns,
    definition: raw.definition,
    validated: raw.validated
  };
  if (raw.references) c.references = raw.references;
  return c;
}
var trigger = (raw) => ({
  name: raw.name,
  definition: raw.definition,
  function: { schema: raw.functionSchema, name: raw.functionName },
  enabled: raw.enabled
});
var index = (raw) => ({
  name: raw.name,
  unique: raw.unique,
  primary: raw.primary,
  columns: raw.columns,
  definition: raw.definition,
  valid: raw.valid
});
function relation(raw) {
  const r = {
    schema: raw.schema,
    name: raw.name,
    kind: mapped(RELATION_KINDS, raw.kind, "relation kind"),
    columns: raw.columns.map(column),
    constraints: raw.constraints.map(constraint).sort(byName),
    indexes: raw.indexes.map(index).sort(byName),
    triggers: raw.triggers.map(trigger).sort(byName)
  };
  if (raw.definition !== null) r.definition = raw.definition;
  if (raw.comment !== null) r.comment = raw.comment;
  return r;
}
function argumentsOf(raw) {
  const args = raw.arguments.map((a) => {
    const arg = {
      mode: mapped(ARGUMENT_MODES, a.mode, "argument mode"),
      type: a.type,
      typeRef: typeRef(a.typeSchema, a.typeName, a.type),
      hasDefault: false
    };
    if (a.name !== null && a.name !== "") arg.name = a.name;
    return arg;
  });
  let left = raw.defaults;
  for (let i = args.length - 1; i >= 0 && left > 0; i--) {
    if (args[i].mode === "in" || args[i].mode === "inout" || args[i].mode === "variadic") {
      args[i].hasDefault = true;
      left--;
    }
  }
  return args;
}
var func = (raw) => ({
  schema: raw.schema,
  name: raw.name,
  kind: mapped(FUNCTION_KINDS, raw.kind, "function kind"),
  arguments: argumentsOf(raw),
  identityArguments: raw.identityArguments,
  returns: {
    type: raw.returnType,
    typeRef: typeRef(raw.returnSchema, raw.returnName, raw.returnType),
    setOf: raw.setOf
  },
  volatility: mapped(VOLATILITIES, raw.volatility, "volatility"),
  language: raw.language,
  source: raw.source
});
function parseSnapshot(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TargetError("reading the catalog snapshot: the database answered something that is not JSON");
  }
  if (typeof raw !== "object" || raw === null || !Array.isArray(raw.relations)) {
    throw new TargetError("reading the catalog snapshot: the answer has no relations");
  }
  return {
    serverVersion: raw.serverVersion,
    schemas: [...raw.schemas].sort(compareText),
    relations: raw.relations.map(relation).sort(byQualifiedName),
    functions: raw.functions.map(func).sort((a, b) => byQualifiedName(a, b) || compareText(a.identityArguments, b.identityArguments)),
    enums: raw.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values })).sort(byQualifiedName),
    sequences: raw.sequences.map((s) => ({ schema: s.schema, name: s.name, ...s.ownedBy ? { ownedBy: s.ownedBy } : {} })).sort(byQualifiedName),
    extensions: raw.extensions.map((x) => ({ name: x.name, schema: x.schema, version: x.version })).sort(byName)
  };
}

export {
  SNAPSHOT_SQL,
  blockCommentEnd,
  isOnlyTrivia,
  parseStatements,
  takeSnapshot,
  compareText,
  parseSnapshot
};
