import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  MESSAGES,
  NOTES,
  REMEDIES,
  analyzeSql,
  asSavepoints,
  parseStatements,
  redactInfo,
  toErrorInfo,
  transactionBlocks
} from "./chunk-CWRPQV6L.js";
import {
  ByteOffsets,
  CancelledError,
  TargetError,
  UserError,
  isKnownError
} from "./chunk-TWF2WZID.js";

// src/catalog/snapshot-sources.ts
var noCell = () => new TargetError("reading the catalog snapshot: the query answered no row");
function sessionSnapshotQuery(session) {
  return async (sql) => {
    const [row] = await session.query(sql);
    const cell = row ? Object.values(row)[0] : void 0;
    if (typeof cell !== "string") throw noCell();
    return cell;
  };
}
function runSqlSnapshotQuery(connection, database) {
  return async (sql) => {
    const answer = await connection.runSql(database, sql, {
      readOnly: true,
      write: false,
      what: `reading the schema of database '${database}'`
    });
    const cell = answer.result?.[1]?.[0];
    if (typeof cell !== "string") throw noCell();
    return cell;
  };
}

// src/catalog/snapshot-sql.ts
var SYSTEM_SCHEMAS = ["information_schema", "hdb_catalog", "hasura_migrate_action"];
var systemSchemas = SYSTEM_SCHEMAS.map((s) => `'${s}'`).join(", ");
var notExtensionMember = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND m.objid = ${oid})`;
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
        'typeSchema', tn.nspname,
        'typeName', t.typname,
        'notNull', a.attnotnull,
        'generated', a.attgenerated,
        'expression', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
        'identity', a.attidentity
      ) ORDER BY a.attnum), '[]')
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
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
        'typeSchema', tn.nspname,
        'typeName', t.typname
      ) ORDER BY k.i), '[]')
      FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS k(t, i)
      LEFT JOIN pg_catalog.pg_type t ON t.oid = k.t
      LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace),
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

// src/sql/session-settings.ts
var STATEMENT_SET = /(?:^|;)\s*(?:SET|RESET)\s/im;
var QUOTED_SET = /['"$]\s*(?:SET|RESET)\s/i;
var SET_CONFIG = /\bset_config\s*\(/i;
var mayChangeSettings = (text) => STATEMENT_SET.test(text) || SET_CONFIG.test(text) || QUOTED_SET.test(text);

// src/targets/step-parts.ts
function stepParts(step, yamlMetadata = "refuse") {
  const sql = step.sql && step.sql.text.trim() !== "" ? [{ file: step.sql.path, text: step.sql.text }] : [];
  const yaml = [];
  for (const item of step.yaml?.steps ?? []) {
    const file = step.yaml?.path ?? "";
    const where = { file, line: item.line, database: step.database, version: step.version.toString() };
    if (item.type !== "run_sql") {
      if (yamlMetadata === "skip") continue;
      throw new UserError(
        `${file}:${item.line}: a '${item.type}' step is a call to Hasura's metadata API, not SQL; only run_sql steps can run inside the migration transaction`,
        where
      );
    }
    const text = item.args?.sql;
    if (typeof text !== "string")
      throw new UserError(`${file}:${item.line}: this run_sql step has no 'args.sql' text`, where);
    yaml.push({ file, text, yamlLine: item.line });
  }
  return step.direction === "up" ? [...sql, ...yaml] : [...yaml, ...sql];
}
async function runnablePart(part, where) {
  const analysis = await analyzeSql(part.text);
  if (analysis.syntaxError) return asWritten(part);
  const found = transactionBlocks(analysis.transactionControl);
  if (found.kind === "none") return asWritten(part);
  if (found.kind === "unsafe") {
    const line = part.yamlLine ?? found.statement.line;
    throw new UserError(`${part.file}:${line}: ${found.reason}`, {
      file: part.file,
      line,
      database: where.database,
      ...where.version !== void 0 ? { version: where.version.toString() } : {}
    });
  }
  return { ...asWritten(part), sql: asSavepoints(part.text, found.blocks), blocks: found.blocks };
}
async function runnableParts(step, yamlMetadata) {
  const parts = stepParts(step, yamlMetadata);
  if (!step.transactional) return parts.map(asWritten);
  const where = { database: step.database, version: step.version };
  return Promise.all(parts.map((part) => runnablePart(part, where)));
}
function asWritten(part) {
  return { ...part, sql: part.text, blocks: [], changesSettings: mayChangeSettings(part.text) };
}
var RESTORE_SETTINGS = "RESET ALL; RESET ROLE; RESET SESSION AUTHORIZATION";
function blocksNote(parts) {
  const blocks = parts.flatMap((p) => p.blocks);
  if (blocks.length === 0) return void 0;
  const lines = blocks.map((b) => `${b.begin.line}\u2013${b.end.line}`).join(", ");
  const one = blocks.length === 1;
  const discarded = blocks.filter((b) => b.discarded).length;
  const rolledBack = discarded ? `; ${discarded} ended in ROLLBACK and ${discarded === 1 ? "was" : "were"} discarded` : "";
  return `its ${one ? "BEGIN \u2026 COMMIT block" : `${blocks.length} BEGIN \u2026 COMMIT blocks`} (lines ${lines}) ran as ${one ? "a savepoint" : "savepoints"} inside the run's transaction${rolledBack}`;
}

// src/execute/step-book.ts
var StepBook = class {
  constructor(mode, known, emit) {
    this.mode = mode;
    this.known = known;
    this.emit = emit;
  }
  mode;
  known;
  emit;
  steps = [];
  results = [];
  /** Steps (and their results) committed in an earlier attempt, before the run lost a race and re-planned. */
  done = [];
  /** Steps that ran inside the open unit of work: COMMIT or ROLLBACK decides their fate. */
  inUnit = /* @__PURE__ */ new Set();
  started = /* @__PURE__ */ new Set();
  finished = /* @__PURE__ */ new Set();
  /** The last step that ran to its end, for "cancelled after version X". */
  lastFinished;
  /** A new plan (the first, or after a lost race: what this run committed before stays in the report). */
  plan(steps, known) {
    this.known = known;
    this.steps.forEach((step, i) => {
      const r = this.results[i];
      if (r.status === "applied" || r.status === "skipped") this.done.push({ step, result: r });
    });
    this.steps = steps;
    this.results = steps.map(initialResult);
    this.inUnit = /* @__PURE__ */ new Set();
    this.started = /* @__PURE__ */ new Set();
    this.finished = /* @__PURE__ */ new Set();
  }
  get allSteps() {
    return [...this.done.map((d) => d.step), ...this.steps];
  }
  get allResults() {
    return [...this.done.map((d) => d.result), ...this.results];
  }
  /** The status a step that ran has once its unit commits. */
  get ranStatus() {
    return this.mode === "skip-execution" ? "skipped" : this.mode === "rehearse" ? "rehearsed" : "applied";
  }
  note(i, note) {
    if (note) this.results[i].note = note;
  }
  start(i) {
    if (this.started.has(i)) return;
    this.started.add(i);
    this.emit({ type: "step-started", step: this.steps[i] });
  }
  /** Step i ran inside the open unit: its status is decided when the unit ends. */
  ran(i, durationMs) {
    this.inUnit.add(i);
    this.finish(i, durationMs, this.ranStatus);
  }
  /** Step i is done on its own (it committed by itself, or is not rehearsed). */
  settled(i, durationMs, status) {
    this.results[i].status = status;
    if (status === "applied" || status === "skipped") this.record(this.steps[i]);
    this.finish(i, durationMs, status);
  }
  finish(i, durationMs, status) {
    const result = this.results[i];
    result.durationMs = Math.max(0, Math.round(durationMs));
    this.lastFinished = this.steps[i];
    this.finished.add(i);
    this.emit({ type: "step-finished", result: { ...result, status } });
  }
  /** Step i failed: every step started but not finished (sent ahead of it) finishes as not run. */
  fail(i, error, note) {
    if (i !== void 0) {
      const result = this.results[i];
      result.status = "failed";
      result.error = error;
      if (note) result.note = note;
      this.started.add(i);
      this.finish(i, result.durationMs, "failed");
    }
    for (const j of this.started) {
      if (this.finished.has(j)) continue;
      this.finished.add(j);
      this.emit({ type: "step-finished", result: { ...this.results[j] } });
    }
  }
  /** Marks a cancelled step. */
  cancelled(i) {
    this.results[i].note = "cancelled";
  }
  /** The open unit committed. */
  committed() {
    for (const j of this.inUnit) {
      this.results[j].status = this.mode === "skip-execution" ? "skipped" : "applied";
      this.record(this.steps[j]);
    }
    this.inUnit = /* @__PURE__ */ new Set();
  }
  /** The open unit was rolled back (a rehearsal always is). */
  rolledBack() {
    for (const j of this.inUnit) {
      const result = this.results[j];
      if (this.mode === "rehearse") result.status = "rehearsed";
      else {
        result.status = "not-run";
        result.note = result.note ? `${result.note}; ${NOTES.rolledBack}` : NOTES.rolledBack;
      }
    }
    this.inUnit = /* @__PURE__ */ new Set();
  }
  get unitHasSteps() {
    return this.inUnit.size > 0;
  }
  /** Whether a step applied in this unit: the state changes it made. */
  record(step) {
    if (step.direction === "up") this.known.versions.set(step.version, false);
    else this.known.versions.delete(step.version);
  }
  cancelMessage(openUnit) {
    const base = this.lastFinished ? `cancelled after version ${this.lastFinished.version}` : "cancelled before any migration ran";
    return openUnit && this.inUnit.size > 0 ? `${base}; the open transaction was rolled back` : base;
  }
};
function initialResult(step) {
  const file = step.sql?.path ?? step.yaml?.path;
  return {
    database: step.database,
    version: step.version.toString(),
    name: step.name,
    direction: step.direction,
    ...file !== void 0 ? { file } : {},
    status: "not-run",
    durationMs: 0,
    transactional: step.transactional
  };
}

// src/execute/units.ts
function unitsOf(steps, mode, transaction) {
  const out = [];
  const perStep = transaction === "per-migration" && mode !== "rehearse";
  steps.forEach((step, i) => {
    const inTransaction = step.transactional || mode === "skip-execution";
    if (!inTransaction && mode === "rehearse") return;
    const last = out[out.length - 1];
    if (!inTransaction) out.push({ kind: "outside", step: i, last: false });
    else if (!perStep && last?.kind === "transaction") last.steps.push(i);
    else out.push({ kind: "transaction", steps: [i], last: false });
  });
  if (out.length) out[out.length - 1].last = true;
  return out;
}

// src/execute/engine.ts
var MAX_ATTEMPTS = 50;
var StateChanged = class extends Error {
};
var RunStopped = class extends Error {
  constructor(info) {
    super(info.message);
    this.info = info;
  }
  info;
};
var clone = (state) => ({ versions: new Map(state.versions) });
function doneByAnotherRun(first, state, final) {
  const planned = new Set(final.map((s) => `${s.direction}:${s.version}`));
  return first.filter((s) => !planned.has(`${s.direction}:${s.version}`)).filter((s) => s.direction === "up" ? state.versions.has(s.version) : !state.versions.has(s.version)).map((s) => s.version);
}
async function execute(transport, request) {
  return new EngineRun(transport, request).run();
}
var EngineRun = class {
  constructor(transport, request) {
    this.transport = transport;
    this.request = request;
    this.transaction = request.mode === "rehearse" ? "all" : request.transaction;
    this.book = new StepBook(request.mode, { versions: /* @__PURE__ */ new Map() }, (e) => this.emit(e));
  }
  transport;
  request;
  book;
  parts = [];
  transaction;
  first = [];
  planState = { versions: /* @__PURE__ */ new Map() };
  reported = 0;
  get database() {
    return this.request.database;
  }
  get hasBeforeCommit() {
    return this.request.beforeCommit !== void 0;
  }
  emit(event) {
    try {
      this.request.onEvent?.(event);
    } catch {
    }
  }
  info(message) {
    this.emit({ type: "info", message: this.transport.redact(message) });
  }
  aborted() {
    return this.request.signal?.aborted === true;
  }
  checkAborted() {
    if (this.aborted()) throw new CancelledError(this.book.cancelMessage(true), { database: this.database });
  }
  ran(i, durationMs) {
    if (this.request.mode !== "skip-execution") this.book.note(i, blocksNote(this.parts[i]));
    this.book.ran(i, durationMs);
  }
  settled(i, durationMs) {
    if (this.request.mode !== "skip-execution") this.book.note(i, blocksNote(this.parts[i]));
    this.book.settled(i, durationMs, this.book.ranStatus);
  }
  fail(i, info, note) {
    if (this.aborted() && info.kind !== "cancelled") {
      if (i !== void 0) this.book.cancelled(i);
      this.book.fail(void 0, void 0);
      throw new CancelledError(this.book.cancelMessage(true), {
        database: this.database,
        ...i !== void 0 ? { version: this.book.steps[i].version.toString() } : {}
      });
    }
    const safe = redactInfo(info, (s) => this.transport.redact(s));
    this.book.fail(i, safe, note);
    throw new RunStopped(safe);
  }
  async beforeCommit(unit, query) {
    const check = this.request.beforeCommit;
    if (!check) return;
    const indices = unit.kind === "transaction" ? unit.steps : [unit.step];
    const error = await check({ steps: indices.map((i) => this.book.steps[i]), last: unit.last, query });
    if (error) this.fail(void 0, { ...error, database: error.database ?? this.database });
  }
  async run() {
    const onAbort = () => this.transport.interrupt();
    this.request.signal?.addEventListener("abort", onAbort);
    let error;
    try {
      await this.body();
    } catch (e) {
      error = this.errorOf(e);
      this.book.fail(void 0, void 0);
      await this.transport.rollback(this);
      this.book.rolledBack();
    } finally {
      this.request.signal?.removeEventListener("abort", onAbort);
      await this.transport.release(this);
    }
    if (this.transport.complete && this.request.mode !== "rehearse") {
      try {
        await this.transport.complete(this);
      } catch (e) {
        error ??= this.errorOf(e);
      }
    }
    const result = {
      database: this.database,
      steps: this.book.allResults,
      appliedByAnotherRun: doneByAnotherRun(this.first, this.planState, this.book.allSteps),
      stateAfter: await this.transport.stateAfter(this.book.known)
    };
    if (error) result.error = redactInfo(error, (s) => this.transport.redact(s));
    return result;
  }
  async body() {
    const planned = this.request.state ?? await this.transport.readState();
    this.first = this.request.replan(clone(planned));
    if (this.aborted()) this.plan(planned);
    this.checkAborted();
    let state = this.transport.lock ? await this.transport.lock(this) : planned;
    for (let attempt = 1; ; attempt++) {
      this.plan(state);
      try {
        await this.runPlan(state);
        return;
      } catch (e) {
        if (!(e instanceof StateChanged)) throw e;
        if (attempt >= MAX_ATTEMPTS) {
          throw new RunStopped({
            kind: "target",
            database: this.database,
            message: MESSAGES.keptChanging(this.database),
            remedy: REMEDIES.rerunSafe
          });
        }
        this.info(MESSAGES.stateChanged(this.database));
        state = await this.transport.readState();
      }
    }
  }
  plan(state) {
    this.transport.planned?.(state);
    this.planState = clone(state);
    this.book.plan(this.request.replan(clone(state)), clone(state));
    const another = doneByAnotherRun(this.first, this.planState, this.book.allSteps);
    if (another.length > this.reported) {
      this.reported = another.length;
      this.info(MESSAGES.appliedByAnotherRun(this.database, another));
    }
  }
  async runPlan(state) {
    const { steps } = this.book;
    this.parts = await Promise.all(steps.map((step) => runnableParts(step, this.transport.yamlMetadataSteps)));
    if (steps.length === 0) return;
    const rehearse = this.request.mode === "rehearse";
    const notRehearsed = rehearse ? steps.flatMap((step, i) => step.transactional ? [] : [i]) : [];
    for (const i of notRehearsed) this.book.note(i, NOTES.notRehearsed);
    await this.transport.prepare(this, state);
    for (const unit of unitsOf(steps, this.request.mode, this.transaction)) {
      this.checkAborted();
      if (unit.kind === "transaction") {
        if (this.request.mode === "skip-execution")
          for (const i of unit.steps) this.book.note(i, NOTES.recordedOnly);
        await this.transport.transaction(unit, this);
      } else {
        this.book.note(unit.step, NOTES.outside);
        await this.transport.outside(unit, this);
      }
    }
    for (const i of notRehearsed) this.book.settled(i, 0, "not-run");
  }
  errorOf(e) {
    if (e instanceof RunStopped) return e.info;
    if (e instanceof CancelledError || isKnownError(e)) return toErrorInfo(e, this.database);
    if (this.aborted()) return toErrorInfo(new CancelledError(this.book.cancelMessage(true)), this.database);
    return this.transport.errorInfo?.(e, this) ?? toErrorInfo(e, this.database);
  }
};

// src/targets/lock.ts
var LOCK_NAMESPACE = "hasura-migrate-action";
function lockTimeoutMs(statementMs) {
  const ms = Math.max(0, Math.round(statementMs));
  return ms === 0 ? 0 : Math.max(1, ms - Math.min(1e3, Math.floor(ms / 10)));
}

export {
  sessionSnapshotQuery,
  runSqlSnapshotQuery,
  takeSnapshot,
  RESTORE_SETTINGS,
  StateChanged,
  RunStopped,
  execute,
  LOCK_NAMESPACE,
  lockTimeoutMs
};
