import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  compareText
} from "./chunk-ISGRHWTH.js";

// src/catalog/diff.ts
var KIND_ORDER = [
  "extension",
  "schema",
  "enum",
  "enum value",
  "sequence",
  "table",
  "view",
  "materialized view",
  "column",
  "constraint",
  "index",
  "trigger",
  "function"
];
var displayName = (q) => q.schema === "public" ? q.name : `${q.schema}.${q.name}`;
var relationChangeKind = (r) => r.kind === "view" ? "view" : r.kind === "materialized view" ? "materialized view" : "table";
function pair(before, after, key) {
  const old = new Map(before.map((b) => [key(b), b]));
  const out = { added: [], dropped: [], both: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const a of after) {
    const k = key(a);
    seen.add(k);
    const b = old.get(k);
    if (b === void 0) out.added.push(a);
    else out.both.push([b, a]);
  }
  for (const [k, b] of old) if (!seen.has(k)) out.dropped.push(b);
  return out;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var or = (text, none = "none") => text ?? none;
function describeRelation(r) {
  const columns = plural(r.columns.length, "column");
  if (r.kind === "partitioned table") return `partitioned, ${columns}`;
  if (r.kind === "foreign table") return `foreign, ${columns}`;
  return columns;
}
var parenthesised = (expr) => expr.startsWith("(") ? expr : `(${expr})`;
function describeColumn(c) {
  const parts = [c.type];
  if (!c.nullable) parts.push("NOT NULL");
  if (c.default !== void 0) parts.push(`DEFAULT ${c.default}`);
  if (c.identity) parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
  if (c.generated !== void 0) parts.push(`GENERATED ALWAYS AS ${parenthesised(c.generated)}`);
  return parts.join(" ");
}
var constraintBody = (c) => c.definition.replace(/ NOT VALID$/, "");
var describeConstraint = (c) => c.validated ? c.definition : `${constraintBody(c)} NOT VALID`;
function indexBody(i) {
  const on = i.definition.indexOf(" ON ");
  const using = i.definition.indexOf(" USING ", on < 0 ? 0 : on);
  return using < 0 ? i.definition : i.definition.slice(using + " USING ".length);
}
function describeIndex(i) {
  const prefix = i.primary ? "primary key, " : i.unique ? "unique, " : "";
  return `${prefix}${indexBody(i)}${i.valid ? "" : " (invalid)"}`;
}
var triggerBody = (t) => t.definition.replace(/^CREATE (?:CONSTRAINT )?TRIGGER (?:"(?:[^"]|"")*"|\S+) /, "");
var describeTrigger = (t) => `${triggerBody(t)}${t.enabled ? "" : " (disabled)"}`;
var returnsOf = (f) => `${f.returns.setOf ? "SETOF " : ""}${f.returns.type}`;
function describeFunction(f) {
  const parts = [];
  if (f.kind !== "function") parts.push(f.kind);
  if (f.kind !== "procedure") parts.push(`returns ${returnsOf(f)}`);
  parts.push(f.language, f.volatility);
  return parts.join(", ");
}
var argumentText = (a) => [a.mode === "in" ? "" : a.mode.toUpperCase(), a.name ?? "", a.type, a.hasDefault ? "DEFAULT \u2026" : ""].filter((p) => p !== "").join(" ");
var signatureOf = (f) => `(${f.arguments.map(argumentText).join(", ")})`;
var quoted = (value) => `'${value.replace(/'/g, "''")}'`;
var describeEnum = (e) => e.values.map(quoted).join(", ");
var ownerText = (s) => s.ownedBy && `owned by ${displayName(s.ownedBy)}.${s.ownedBy.column}`;
var describeExtension = (x) => `version ${x.version}, in schema ${x.schema}`;
var relationKey = (r) => `${relationChangeKind(r)}\0${r.schema}\0${r.name}`;
var qualifiedKey = (q) => `${q.schema}\0${q.name}`;
var inputTypes = (f) => f.arguments.filter((a) => a.mode === "in" || a.mode === "inout" || a.mode === "variadic").map((a) => a.type).join(", ");
var functionName = (f) => `${displayName(f)}(${inputTypes(f)})`;
var functionKey = (f) => `${f.schema}\0${functionName(f)}`;
function changed(label, before, after) {
  return before === after ? [] : [`${label}${or(before)} \u2192 ${or(after)}`];
}
var Changes = class {
  result = { added: [], dropped: [], altered: [] };
  added(kind, name, detail) {
    this.result.added.push({ kind, name, detail });
  }
  dropped(kind, name, detail) {
    this.result.dropped.push({ kind, name, detail });
  }
  altered(kind, name, details) {
    if (details.length > 0) this.result.altered.push({ kind, name, detail: details.join("; ") });
  }
  /** Added and dropped as pairs of one kind: each described by `describe`. */
  addedAndDropped(kind, p, name, describe) {
    for (const t of p.added) this.added(kind, name(t), describe(t));
    for (const t of p.dropped) this.dropped(kind, name(t), describe(t));
  }
  sorted() {
    const order = (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.name, b.name);
    return {
      added: this.result.added.sort(order),
      dropped: this.result.dropped.sort(order),
      altered: this.result.altered.sort(order)
    };
  }
};
function columnChanges(before, after) {
  const details = before.type === after.type ? [] : [`${before.type} \u2192 ${after.type}`];
  if (before.nullable && !after.nullable) details.push("NOT NULL added");
  if (!before.nullable && after.nullable) details.push("NOT NULL dropped");
  details.push(...changed("default ", before.default, after.default));
  details.push(...changed("identity ", before.identity, after.identity));
  details.push(...changed("generated ", before.generated, after.generated));
  return details;
}
function constraintChanges(before, after) {
  const details = changed("", constraintBody(before), constraintBody(after));
  if (before.kind !== after.kind) details.unshift(`${before.kind} \u2192 ${after.kind}`);
  if (!before.validated && after.validated) details.push("now validated");
  if (before.validated && !after.validated) details.push("no longer validated");
  return details;
}
function indexChanges(before, after) {
  const details = before.definition === after.definition ? [] : [`${indexBody(before)} \u2192 ${indexBody(after)}`];
  if (!before.valid && after.valid) details.push("now valid");
  if (before.valid && !after.valid) details.push("invalid");
  return details;
}
function triggerChanges(before, after) {
  const details = changed("", triggerBody(before), triggerBody(after));
  if (before.enabled && !after.enabled) details.push("disabled");
  if (!before.enabled && after.enabled) details.push("enabled");
  return details;
}
var columnList = (r) => r.columns.map((c) => `${c.name} ${c.type}`).join(", ");
function relationChanges(out, before, after) {
  const name = displayName(after);
  const kind = relationChangeKind(after);
  const details = [];
  if (before.kind !== after.kind) details.push(`${before.kind} \u2192 ${after.kind}`);
  if (before.definition !== after.definition) details.push("definition changed");
  if (kind !== "table" && columnList(before) !== columnList(after)) {
    details.push(`columns (${columnList(before)}) \u2192 (${columnList(after)})`);
  }
  if (before.comment !== after.comment) details.push("comment changed");
  out.altered(kind, name, details);
  const member = (n) => `${name}.${n.name}`;
  if (kind === "table") {
    const columns = pair(before.columns, after.columns, (c) => c.name);
    out.addedAndDropped("column", columns, member, describeColumn);
    for (const [b, a] of columns.both) out.altered("column", member(a), columnChanges(b, a));
  }
  const constraints = pair(before.constraints, after.constraints, (c) => c.name);
  out.addedAndDropped("constraint", constraints, member, describeConstraint);
  for (const [b, a] of constraints.both) out.altered("constraint", member(a), constraintChanges(b, a));
  const indexes = pair(before.indexes, after.indexes, (i) => i.name);
  out.addedAndDropped("index", indexes, member, describeIndex);
  for (const [b, a] of indexes.both) out.altered("index", member(a), indexChanges(b, a));
  const triggers = pair(before.triggers, after.triggers, (t) => t.name);
  out.addedAndDropped("trigger", triggers, member, describeTrigger);
  for (const [b, a] of triggers.both) out.altered("trigger", member(a), triggerChanges(b, a));
}
function functionChanges(before, after) {
  const details = [];
  if (before.kind !== after.kind) details.push(`${before.kind} \u2192 ${after.kind}`);
  details.push(...changed("arguments ", signatureOf(before), signatureOf(after)));
  details.push(...changed("returns ", returnsOf(before), returnsOf(after)));
  details.push(...changed("", before.volatility, after.volatility));
  details.push(...changed("language ", before.language, after.language));
  if (before.source !== after.source) details.push("body changed");
  return details;
}
var valuePlace = (values, i) => i === 0 ? "first" : `after ${quoted(values[i - 1])}`;
function enumChanges(out, before, after) {
  const name = displayName(after);
  const was = new Set(before.values);
  const is = new Set(after.values);
  after.values.forEach((v, i) => {
    if (!was.has(v)) out.added("enum value", `${name}.${v}`, valuePlace(after.values, i));
  });
  before.values.forEach((v, i) => {
    if (!is.has(v)) out.dropped("enum value", `${name}.${v}`, valuePlace(before.values, i));
  });
  const kept = (values, other) => values.filter((v) => other.has(v));
  const order = (values) => values.map(quoted).join(", ");
  out.altered(
    "enum",
    name,
    changed("values ", order(kept(before.values, is)), order(kept(after.values, was)))
  );
}
function ownedByChanged(sequence, relations, columns) {
  const owner = sequence.ownedBy;
  if (!owner) return false;
  return relations.some((r) => r.schema === owner.schema && r.name === owner.name) || columns.has(`${owner.schema}\0${owner.name}\0${owner.column}`);
}
function diffSnapshots(before, after) {
  const out = new Changes();
  out.addedAndDropped(
    "schema",
    pair(before.schemas, after.schemas, (s) => s),
    (s) => s,
    () => ""
  );
  const extensions = pair(before.extensions, after.extensions, (x) => x.name);
  out.addedAndDropped("extension", extensions, (x) => x.name, describeExtension);
  for (const [b, a] of extensions.both) {
    out.altered("extension", a.name, [
      ...changed("version ", b.version, a.version),
      ...changed("schema ", b.schema, a.schema)
    ]);
  }
  const relations = pair(before.relations, after.relations, relationKey);
  for (const r of relations.added) out.added(relationChangeKind(r), displayName(r), describeRelation(r));
  for (const r of relations.dropped) out.dropped(relationChangeKind(r), displayName(r), describeRelation(r));
  for (const [b, a] of relations.both) relationChanges(out, b, a);
  const functions = pair(before.functions, after.functions, functionKey);
  out.addedAndDropped("function", functions, functionName, describeFunction);
  for (const [b, a] of functions.both) out.altered("function", functionName(a), functionChanges(b, a));
  const enums = pair(before.enums, after.enums, qualifiedKey);
  out.addedAndDropped("enum", enums, displayName, describeEnum);
  for (const [b, a] of enums.both) enumChanges(out, b, a);
  const columnKeys = (side) => new Set(
    relations.both.flatMap(([b, a]) => {
      const p = pair(b.columns, a.columns, (c) => c.name);
      return p[side].map((c) => `${a.schema}\0${a.name}\0${c.name}`);
    })
  );
  const sequences = pair(before.sequences, after.sequences, qualifiedKey);
  const addedColumns = columnKeys("added");
  const droppedColumns = columnKeys("dropped");
  for (const s of sequences.added) {
    if (!ownedByChanged(s, relations.added, addedColumns))
      out.added("sequence", displayName(s), or(ownerText(s), ""));
  }
  for (const s of sequences.dropped) {
    if (!ownedByChanged(s, relations.dropped, droppedColumns))
      out.dropped("sequence", displayName(s), or(ownerText(s), ""));
  }
  for (const [b, a] of sequences.both)
    out.altered("sequence", displayName(a), changed("", ownerText(b), ownerText(a)));
  return out.sorted();
}

// src/drift/schema-drift.ts
var HASURA_SCHEMAS = [
  "hdb_catalog",
  "hdb_views",
  "hdb_pro_catalog",
  "hasura_migrate_action"
];
var HASURA_EXTENSION = "pgcrypto";
var hasuraSchema = (schema) => HASURA_SCHEMAS.includes(schema);
var hasuraTrigger = (t) => hasuraSchema(t.function.schema) || t.name.startsWith("notify_hasura_");
function withoutHasura(s) {
  return {
    ...s,
    schemas: s.schemas.filter((n) => !hasuraSchema(n)),
    relations: s.relations.filter((r) => !hasuraSchema(r.schema)).map((r) => ({ ...r, triggers: r.triggers.filter((t) => !hasuraTrigger(t)) })),
    functions: s.functions.filter((f) => !hasuraSchema(f.schema)),
    enums: s.enums.filter((e) => !hasuraSchema(e.schema)),
    sequences: s.sequences.filter((q) => !hasuraSchema(q.schema)),
    extensions: s.extensions.filter((x) => !hasuraSchema(x.schema))
  };
}
var versionOnly = (c) => c.kind === "extension" && c.detail.split("; ").every((d) => d.startsWith("version "));
function compareSchemas(target, replay) {
  const t = withoutHasura(target);
  const r = withoutHasura(replay);
  if (!r.extensions.some((x) => x.name === HASURA_EXTENSION))
    t.extensions = t.extensions.filter((x) => x.name !== HASURA_EXTENSION);
  const changes = diffSnapshots(r, t);
  return [
    ...changes.added.map((c) => item("only-in-target", c)),
    ...changes.dropped.map((c) => item("only-in-replay", c)),
    ...changes.altered.filter((c) => !versionOnly(c)).map((c) => item("different", c))
  ];
}
var item = (where, c) => ({ where, ...c });
var PLACE_TEXT = {
  "only-in-target": "only in the target",
  "only-in-replay": "missing from the target",
  different: "differs in the target (migrations \u2192 target)"
};
function driftLine(i) {
  return `${i.kind} ${i.name}${i.detail ? ` ${i.detail}` : ""} \u2014 ${PLACE_TEXT[i.where]}`;
}

export {
  diffSnapshots,
  HASURA_SCHEMAS,
  withoutHasura,
  compareSchemas,
  PLACE_TEXT,
  driftLine
};
