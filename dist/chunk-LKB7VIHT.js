import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  canonicalJson,
  compare,
  sortedSet
} from "./chunk-U7PA5OP3.js";
import {
  isPlainObject
} from "./chunk-OBJDCIQA.js";

// src/review/bool-exp.ts
var TRUE = { t: "true" };
var FALSE = { t: "false" };
var LOGICAL = /* @__PURE__ */ new Set(["_and", "_or", "_not", "_exists"]);
var SET_OPERATORS = /* @__PURE__ */ new Set(["_in", "_nin", "_has_keys_any", "_has_keys_all"]);
function parseBoolExp(value) {
  if (value === void 0 || value === null) return TRUE;
  if (!isPlainObject(value)) return { t: "opaque", value };
  const parts = [];
  for (const [key, inner] of Object.entries(value)) parts.push(parseKey(key, inner));
  return and(parts);
}
function parseKey(key, inner) {
  switch (key) {
    case "_and":
      return Array.isArray(inner) ? and(inner.map(parseBoolExp)) : and([parseBoolExp(inner)]);
    case "_or":
      return Array.isArray(inner) ? or(inner.map(parseBoolExp)) : or([parseBoolExp(inner)]);
    case "_not":
      return not(parseBoolExp(inner));
    case "_exists": {
      if (!isPlainObject(inner)) return { t: "opaque", value: { _exists: inner } };
      return { t: "exists", table: tableKey(inner._table), inner: parseBoolExp(inner._where) };
    }
  }
  if (isPlainObject(inner) && isComparison(inner)) {
    return and(
      Object.entries(inner).map(([op, v]) => ({
        t: "cmp",
        column: key,
        op,
        value: SET_OPERATORS.has(op) ? sortedSet(v) : v
      }))
    );
  }
  if (isPlainObject(inner)) return { t: "rel", name: key, inner: parseBoolExp(inner) };
  return { t: "opaque", value: { [key]: inner } };
}
function isComparison(inner) {
  const keys2 = Object.keys(inner);
  return keys2.length > 0 && keys2.every((k) => k.startsWith("_") && !LOGICAL.has(k));
}
function and(items) {
  const flat = [];
  for (const item of items) {
    if (item.t === "false") return FALSE;
    if (item.t === "true") continue;
    if (item.t === "and") flat.push(...item.items);
    else flat.push(item);
  }
  return combine("and", flat, TRUE);
}
function or(items) {
  const flat = [];
  for (const item of items) {
    if (item.t === "true") return TRUE;
    if (item.t === "false") continue;
    if (item.t === "or") flat.push(...item.items);
    else flat.push(item);
  }
  return combine("or", flat, FALSE);
}
function combine(t, items, empty) {
  const byKey = /* @__PURE__ */ new Map();
  for (const item of items) byKey.set(boolExpKey(item), item);
  if (byKey.size === 0) return empty;
  if (byKey.size === 1) return [...byKey.values()][0];
  const sorted = [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, v]) => v);
  return { t, items: sorted };
}
function not(item) {
  if (item.t === "true") return FALSE;
  if (item.t === "false") return TRUE;
  if (item.t === "not") return item.item;
  return { t: "not", item };
}
var keys = /* @__PURE__ */ new WeakMap();
function boolExpKey(e) {
  let key = keys.get(e);
  if (key === void 0) {
    key = computeKey(e);
    keys.set(e, key);
  }
  return key;
}
function computeKey(e) {
  switch (e.t) {
    case "true":
    case "false":
      return e.t;
    case "and":
    case "or":
      return `${e.t}(${e.items.map(boolExpKey).join(",")})`;
    case "not":
      return `not(${boolExpKey(e.item)})`;
    case "cmp":
      return `cmp(${JSON.stringify(e.column)},${e.op},${canonicalJson(e.value)})`;
    case "rel":
      return `rel(${JSON.stringify(e.name)},${boolExpKey(e.inner)})`;
    case "exists":
      return `exists(${JSON.stringify(e.table)},${boolExpKey(e.inner)})`;
    case "opaque":
      return `opaque(${canonicalJson(e.value)})`;
  }
}
function sameBoolExp(a, b) {
  return boolExpKey(parseBoolExp(a)) === boolExpKey(parseBoolExp(b));
}
function isNarrowerOrEqual(before, after) {
  return implies(parseBoolExp(after), parseBoolExp(before));
}
function implies(a, b) {
  if (b.t === "true" || a.t === "false") return true;
  if (boolExpKey(a) === boolExpKey(b)) return true;
  if (b.t === "and") return b.items.every((item) => implies(a, item));
  if (a.t === "or") return a.items.every((item) => implies(item, b));
  if (a.t === "and" && a.items.some((item) => implies(item, b))) return true;
  if (b.t === "or") return b.items.some((item) => implies(a, item));
  if (a.t === "not" && b.t === "not") return implies(b.item, a.item);
  if (a.t === "rel" && b.t === "rel") return a.name === b.name && implies(a.inner, b.inner);
  if (a.t === "exists" && b.t === "exists") return a.table === b.table && implies(a.inner, b.inner);
  if (a.t === "cmp" && b.t === "cmp") return a.column === b.column && comparisonImplies(a, b);
  return false;
}
function comparisonImplies(a, b) {
  const aValues = valuesOf(a);
  const bValues = valuesOf(b);
  if (aValues && bValues) {
    const allowed = new Set(bValues.map(canonicalJson));
    return aValues.every((v) => allowed.has(canonicalJson(v)));
  }
  if (typeof a.value === "number" && typeof b.value === "number") {
    const [x, y] = [a.value, b.value];
    if (a.op === b.op) {
      if (a.op === "_gt" || a.op === "_gte") return x >= y;
      if (a.op === "_lt" || a.op === "_lte") return x <= y;
    }
    if (a.op === "_gt" && b.op === "_gte") return x >= y;
    if (a.op === "_gte" && b.op === "_gt") return x > y;
    if (a.op === "_lt" && b.op === "_lte") return x <= y;
    if (a.op === "_lte" && b.op === "_lt") return x < y;
    if (a.op === "_eq") {
      if (b.op === "_gt") return x > y;
      if (b.op === "_gte") return x >= y;
      if (b.op === "_lt") return x < y;
      if (b.op === "_lte") return x <= y;
    }
  }
  return false;
}
function valuesOf(c) {
  if (c.op === "_eq") return [c.value];
  if (c.op === "_in" && Array.isArray(c.value)) return c.value;
  return void 0;
}
function tableKey(table) {
  if (typeof table === "string") return `public.${table}`;
  if (isPlainObject(table) && typeof table.name === "string")
    return `${typeof table.schema === "string" ? table.schema : "public"}.${table.name}`;
  return canonicalJson(table);
}

// src/review/metadata-items.ts
var TABLE_PERMISSION_KINDS = [
  "select_permission",
  "insert_permission",
  "update_permission",
  "delete_permission"
];
var itemId = (kind, name) => `${kind} ${name}`;
function metadataView(metadata) {
  const view = { sources: /* @__PURE__ */ new Map(), global: /* @__PURE__ */ new Map(), legacy: /* @__PURE__ */ new Set() };
  if (!isPlainObject(metadata)) return view;
  if (Array.isArray(metadata.sources)) {
    for (const source of metadata.sources) {
      if (!isPlainObject(source)) continue;
      const name = typeof source.name === "string" ? source.name : "default";
      addSource(view, name, source);
    }
  }
  if (metadata.tables !== void 0 || metadata.functions !== void 0) {
    const legacy = { kind: "postgres", tables: metadata.tables, functions: metadata.functions };
    addSource(view, "default", legacy, view.sources.get("default"), true);
    view.legacy.add("default");
  }
  addGlobal(view.global, metadata);
  return view;
}
var SOURCE_PARTS = /* @__PURE__ */ new Set([
  "name",
  "tables",
  "functions",
  "logical_models",
  "native_queries",
  "stored_procedures"
]);
var TABLE_PARTS = /* @__PURE__ */ new Set([
  "object_relationships",
  "array_relationships",
  "remote_relationships",
  "computed_fields",
  "select_permissions",
  "insert_permissions",
  "update_permissions",
  "delete_permissions",
  "event_triggers"
]);
function addSource(view, name, source, existing, legacy = false) {
  const items = existing ?? /* @__PURE__ */ new Map();
  view.sources.set(name, items);
  const add = adder(items);
  const postgres = source.kind === void 0 || source.kind === "postgres" || source.kind === "citus";
  if (!existing && !legacy) add("source", name, omit(source, SOURCE_PARTS), name);
  const refs = (value) => itemKey(withNamesNormalised(value, postgres));
  for (const entry of list(source.tables)) {
    const table = objectName(entry.table, postgres);
    const own = omit(entry, TABLE_PARTS);
    add("table", table, own, table, void 0, refs(own));
    for (const rel of list(entry.object_relationships))
      add("object_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const rel of list(entry.array_relationships))
      add("array_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const rel of list(entry.remote_relationships))
      add("remote_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const field of list(entry.computed_fields))
      add("computed_field", `${table}.${str(field.name)}`, field, table, void 0, refs(field));
    for (const kind of TABLE_PERMISSION_KINDS) {
      for (const perm of list(entry[`${kind}s`]))
        add(kind, `${table}/${str(perm.role)}`, perm, table, str(perm.role), permissionKey(perm));
    }
    for (const trigger of list(entry.event_triggers))
      add("event_trigger", `${table}.${str(trigger.name)}`, trigger, table);
  }
  for (const entry of list(source.functions)) {
    const written = entry.function === void 0 ? { function: entry } : entry;
    const fn = objectName(written.function, postgres);
    const own = omit(written, /* @__PURE__ */ new Set(["permissions"]));
    add("function", fn, own, fn, void 0, refs(own));
    for (const perm of list(entry.permissions))
      add("function_permission", `${fn}/${str(perm.role)}`, perm, fn, str(perm.role));
  }
  for (const model of list(source.logical_models)) {
    const m = str(model.name);
    add("logical_model", m, omit(model, /* @__PURE__ */ new Set(["select_permissions"])), m);
    for (const perm of list(model.select_permissions))
      add("logical_model_permission", `${m}/${str(perm.role)}`, perm, m, str(perm.role), permissionKey(perm));
  }
  for (const query of list(source.native_queries)) {
    const q = str(query.root_field_name ?? query.name);
    add("native_query", q, query, q);
  }
  for (const proc of list(source.stored_procedures)) {
    const p = objectName(proc.stored_procedure, postgres);
    add("stored_procedure", p, proc, p);
  }
}
var NOT_SETTINGS = /* @__PURE__ */ new Set([
  "version",
  "sources",
  "tables",
  "functions",
  "actions",
  "custom_types",
  "remote_schemas",
  "query_collections",
  "allowlist",
  "cron_triggers",
  "rest_endpoints",
  "inherited_roles"
]);
var CUSTOM_TYPE_CATEGORIES = ["objects", "input_objects", "enums", "scalars"];
function addGlobal(items, metadata) {
  const add = adder(items);
  for (const action of list(metadata.actions)) {
    const a = str(action.name);
    add("action", a, omit(action, /* @__PURE__ */ new Set(["permissions"])), a);
    for (const perm of list(action.permissions))
      add("action_permission", `${a}/${str(perm.role)}`, perm, a, str(perm.role));
  }
  const types = isPlainObject(metadata.custom_types) ? metadata.custom_types : {};
  for (const category of CUSTOM_TYPE_CATEGORIES) {
    for (const type of list(types[category])) {
      const t = str(type.name);
      add("custom_type", t, { category, ...type }, t);
    }
  }
  for (const schema of list(metadata.remote_schemas)) {
    const s = str(schema.name);
    add("remote_schema", s, omit(schema, /* @__PURE__ */ new Set(["permissions", "remote_relationships"])), s);
    for (const perm of list(schema.permissions))
      add("remote_schema_permission", `${s}/${str(perm.role)}`, perm, s, str(perm.role));
    for (const group of list(schema.remote_relationships)) {
      for (const rel of list(group.relationships)) {
        const name = `${s}.${str(group.type_name)}.${str(rel.name)}`;
        add("remote_schema_relationship", name, { type_name: group.type_name, ...rel }, s);
      }
    }
  }
  for (const collection of list(metadata.query_collections)) {
    const c = str(collection.name);
    add("query_collection", c, collection, c, void 0, queryCollectionKey(collection));
  }
  for (const entry of list(metadata.allowlist)) {
    const c = str(entry.collection);
    add("allowlist", c, entry, c, void 0, allowlistKey(entry));
  }
  for (const trigger of list(metadata.cron_triggers))
    add("cron_trigger", str(trigger.name), trigger, str(trigger.name));
  for (const endpoint of list(metadata.rest_endpoints)) {
    const e = str(endpoint.name);
    add(
      "rest_endpoint",
      e,
      endpoint,
      e,
      void 0,
      itemKey({ ...endpoint, methods: sortedSet(endpoint.methods) })
    );
  }
  for (const role of list(metadata.inherited_roles)) {
    const r = str(role.role_name);
    add("inherited_role", r, role, r, r, itemKey({ ...role, role_set: sortedSet(role.role_set) }));
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (NOT_SETTINGS.has(key) || value === void 0 || value === null) continue;
    add("setting", key, value, key, void 0, settingKey(key, value));
  }
}
function adder(items) {
  return (kind, name, value, owner, role, key) => {
    let unique = name;
    for (let n = 2; items.has(itemId(kind, unique)); n++) unique = `${name} #${n}`;
    const item = {
      kind,
      name: unique,
      value: masked(value),
      raw: value,
      key: key ?? itemKey(value),
      owner
    };
    if (role !== void 0) item.role = role;
    items.set(itemId(kind, unique), item);
  };
}
function objectName(name, postgres) {
  if (typeof name === "string") return postgres ? `public.${name}` : name;
  if (Array.isArray(name)) return name.map(String).join(".");
  if (isPlainObject(name) && typeof name.name === "string") {
    const space = name.schema ?? name.dataset ?? name.database;
    if (typeof space === "string") return `${space}.${name.name}`;
    return postgres ? `public.${name.name}` : name.name;
  }
  return canonicalJson(name);
}
function permissionKey(entry) {
  const perm = isPlainObject(entry.permission) ? entry.permission : {};
  const canonical = { ...perm };
  for (const key of ["filter", "check"]) canonical[key] = boolExpKey(parseBoolExp(perm[key]));
  for (const key of ["columns", "computed_fields", "query_root_fields", "subscription_root_fields"])
    if (Array.isArray(perm[key])) canonical[key] = sortedSet(perm[key]);
  return itemKey({ ...entry, permission: canonical });
}
function queryCollectionKey(collection) {
  const definition = isPlainObject(collection.definition) ? collection.definition : {};
  const queries2 = [...list(definition.queries)].sort((a, b) => compare(str(a.name), str(b.name)));
  return itemKey({ ...collection, definition: { ...definition, queries: queries2 } });
}
function allowlistKey(entry) {
  const scope = isPlainObject(entry.scope) ? entry.scope : { global: true };
  const roles = Array.isArray(scope.roles) ? sortedSet(scope.roles) : scope.roles;
  return itemKey({ ...entry, scope: { ...scope, roles } });
}
function settingKey(key, value) {
  if (key === "graphql_schema_introspection" && isPlainObject(value))
    return itemKey({ ...value, disabled_for_roles: sortedSet(value.disabled_for_roles) });
  return itemKey(value);
}
var NAME_KEYS = /* @__PURE__ */ new Set(["table", "remote_table", "function", "_table"]);
function withNamesNormalised(value, postgres, key) {
  if (key !== void 0 && NAME_KEYS.has(key) && isName(value)) return objectName(value, postgres);
  if (Array.isArray(value)) return value.map((v) => withNamesNormalised(v, postgres));
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = withNamesNormalised(v, postgres, k);
  return out;
}
var isName = (value) => typeof value === "string" || isPlainObject(value) && typeof value.name === "string" && Object.keys(value).every((k) => k === "name" || k === "schema");
function itemKey(value) {
  return canonicalJson(withoutDefaults(value));
}
function withoutDefaults(value) {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const inner = withoutDefaults(v);
    if (inner === null || inner === void 0) continue;
    if (isPlainObject(inner) && Object.keys(inner).length === 0) continue;
    out[k] = inner;
  }
  return out;
}
var SECRET_KEYS = /* @__PURE__ */ new Set(["database_url", "connection_string", "jdbc_url", "password", "private_key"]);
var MASK = "***";
function masked(value, key) {
  if (typeof value === "string") return key !== void 0 && SECRET_KEYS.has(key) ? MASK : value;
  if (Array.isArray(value)) {
    const headers = key === "headers";
    return value.map(
      (v) => headers && isPlainObject(v) && typeof v.value === "string" ? { ...v, value: MASK } : masked(v)
    );
  }
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = masked(v, k);
  return out;
}
function list(value) {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}
function omit(value, keys2) {
  const out = {};
  for (const [k, v] of Object.entries(value)) if (!keys2.has(k)) out[k] = v;
  return out;
}
var str = (value) => typeof value === "string" ? value : canonicalJson(value);

// src/review/permission-changes.ts
var KNOWN = /* @__PURE__ */ new Set([
  "columns",
  "computed_fields",
  "filter",
  "check",
  "limit",
  "allow_aggregations",
  "query_root_fields",
  "subscription_root_fields",
  "set",
  "backend_only",
  "validate_input"
]);
function permissionChanges(beforeEntry, afterEntry) {
  const before = permissionOf(beforeEntry);
  const after = permissionOf(afterEntry);
  const out = { details: [], widening: [] };
  const changed = (detail, widens) => {
    out.details.push(detail);
    if (widens) out.widening.push(detail);
  };
  compareColumns("columns", before.columns, after.columns, changed);
  compareColumns("computed fields", before.computed_fields, after.computed_fields, changed);
  for (const key of ["filter", "check"]) {
    if (!(key in before) && !(key in after)) continue;
    if (sameBoolExp(before[key], after[key])) continue;
    const narrower = isNarrowerOrEqual(before[key], after[key]);
    const removed = isTrue(after[key]);
    const what = removed ? `${key} removed (every row)` : narrower ? `${key} narrowed` : `${key} relaxed`;
    changed(`${what}: ${show(before[key] ?? {})} \u2192 ${show(after[key] ?? {})}`, !narrower);
  }
  compareLimit(before.limit, after.limit, changed);
  if (Boolean(before.allow_aggregations) !== Boolean(after.allow_aggregations)) {
    const enabled = Boolean(after.allow_aggregations);
    changed(enabled ? "aggregations enabled" : "aggregations disabled", enabled);
  }
  for (const key of ["query_root_fields", "subscription_root_fields"])
    compareRootFields(key, before[key], after[key], changed);
  comparePresets(before.set, after.set, changed);
  if (Boolean(before.backend_only) !== Boolean(after.backend_only)) {
    const dropped = !after.backend_only;
    changed(dropped ? "no longer backend-only" : "made backend-only", dropped);
  }
  if (itemKey(before.validate_input) !== itemKey(after.validate_input)) {
    const added = before.validate_input === void 0 || before.validate_input === null;
    const removed = after.validate_input === void 0 || after.validate_input === null;
    changed(
      added ? "input validation added" : removed ? "input validation removed" : "input validation changed",
      !added
    );
  }
  for (const key of /* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (KNOWN.has(key) || itemKey(before[key]) === itemKey(after[key])) continue;
    changed(`${key}: ${show(before[key])} \u2192 ${show(after[key])}`, true);
  }
  const comment = (e) => isPlainObject(e) ? e.comment : void 0;
  if (itemKey(comment(beforeEntry)) !== itemKey(comment(afterEntry))) changed("comment changed", false);
  return out;
}
function permissionGrants(entry) {
  const p = permissionOf(entry);
  const grants = [];
  if (p.columns !== void 0) grants.push(`columns ${columnList(p.columns)}`);
  if (Array.isArray(p.computed_fields) && p.computed_fields.length > 0)
    grants.push(`computed fields ${columnList(p.computed_fields)}`);
  for (const key of ["filter", "check"])
    if (key in p) grants.push(`${key} ${isTrue(p[key]) ? "{} (every row)" : show(p[key])}`);
  if (typeof p.limit === "number") grants.push(`limit ${p.limit}`);
  if (p.allow_aggregations) grants.push("aggregations");
  if (p.backend_only) grants.push("backend-only");
  if (isPlainObject(p.set) && Object.keys(p.set).length > 0) grants.push(`presets ${show(p.set)}`);
  return grants;
}
function compareColumns(label, before, after, changed) {
  if (canonicalJson(asSet(before)) === canonicalJson(asSet(after))) return;
  if (after === "*") {
    changed(`${label}: all (was ${columnList(before)})`, true);
    return;
  }
  if (before === "*") {
    changed(`${label}: only ${columnList(after)} (was all)`, false);
    return;
  }
  const b = new Set(strings(before));
  const a = new Set(strings(after));
  const added = [...a].filter((c) => !b.has(c));
  const removed = [...b].filter((c) => !a.has(c));
  if (added.length > 0) changed(`${label} added: ${added.join(", ")}`, true);
  if (removed.length > 0) changed(`${label} removed: ${removed.join(", ")}`, false);
}
function compareLimit(before, after, changed) {
  const b = typeof before === "number" ? before : void 0;
  const a = typeof after === "number" ? after : void 0;
  if (b === a) return;
  if (a === void 0) changed(`row limit removed (was ${b})`, true);
  else if (b === void 0) changed(`row limit ${a} added`, false);
  else changed(`row limit ${a > b ? "raised" : "lowered"}: ${b} \u2192 ${a}`, a > b);
}
function compareRootFields(key, before, after, changed) {
  const label = key.replace(/_/g, " ");
  if (canonicalJson(asSet(before)) === canonicalJson(asSet(after))) return;
  if (!Array.isArray(after)) {
    changed(`${label}: all (was ${strings(before).join(", ") || "none"})`, true);
    return;
  }
  if (!Array.isArray(before)) {
    changed(`${label}: only ${strings(after).join(", ") || "none"} (was all)`, false);
    return;
  }
  const b = new Set(strings(before));
  const added = strings(after).filter((f) => !b.has(f));
  const removed = strings(before).filter((f) => !after.includes(f));
  if (added.length > 0) changed(`${label} added: ${added.join(", ")}`, true);
  if (removed.length > 0) changed(`${label} removed: ${removed.join(", ")}`, false);
}
function comparePresets(before, after, changed) {
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  for (const column of /* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[column]) === canonicalJson(a[column])) continue;
    if (!(column in a)) changed(`preset removed: ${column} (was ${show(b[column])})`, true);
    else if (!(column in b)) changed(`preset added: ${column} = ${show(a[column])}`, false);
    else changed(`preset changed: ${column} ${show(b[column])} \u2192 ${show(a[column])}`, true);
  }
}
function permissionOf(entry) {
  return isPlainObject(entry) && isPlainObject(entry.permission) ? entry.permission : {};
}
var isTrue = (exp) => sameBoolExp(exp, {});
var strings = (value) => Array.isArray(value) ? value.map((v) => typeof v === "string" ? v : canonicalJson(v)) : [];
var asSet = (value) => Array.isArray(value) ? [...strings(value)].sort() : value;
function columnList(value) {
  if (value === "*") return "all";
  const names = strings(value);
  return names.length > 0 ? names.join(", ") : "none";
}
var MAX_SHOWN = 300;
function show(value) {
  const text = JSON.stringify(value) ?? "null";
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}\u2026` : text;
}

// src/review/metadata-access.ts
var ROW_PERMISSIONS = /* @__PURE__ */ new Set([
  "select_permission",
  "insert_permission",
  "update_permission",
  "delete_permission",
  "logical_model_permission"
]);
var GRANTS = /* @__PURE__ */ new Set([
  ...ROW_PERMISSIONS,
  "function_permission",
  "action_permission",
  "remote_schema_permission"
]);
function assess(kind, before, after, ctx) {
  if (!before && after) return assessAdded(kind, after);
  if (before && !after) return assessRemoved(kind, before);
  if (before && after) return assessChanged(kind, before, after, ctx);
  return { details: [], widening: [] };
}
function assessAdded(kind, after) {
  const role = after.role ?? "";
  if (ROW_PERMISSIONS.has(kind)) {
    const grants = permissionGrants(after.value);
    return { details: grants, widening: [`role ${role} gains this permission`] };
  }
  if (GRANTS.has(kind)) return { details: [], widening: [`role ${role} gains this permission`] };
  switch (kind) {
    case "inherited_role": {
      const set = roleSet(after.value);
      return {
        details: [`inherits from ${set.join(", ") || "no role"}`],
        widening: set.length > 0 ? [`role ${role} gets the permissions of ${set.join(", ")}`] : []
      };
    }
    case "allowlist":
      return {
        details: [],
        widening: [`queries of collection ${after.name} become allowed (${scopeText(after.value)})`]
      };
    case "function":
      return {
        details: [],
        widening: [
          "exposed to every role that may select the table it returns, unless infer_function_permissions is off"
        ]
      };
    case "remote_schema":
      return {
        details: [],
        widening: ["every role may query it, unless remote schema permissions are enabled"]
      };
    default:
      return { details: [], widening: [] };
  }
}
function assessRemoved(kind, before) {
  if (kind === "setting" && before.name === "graphql_schema_introspection") {
    const roles = disabledIntrospection(before.value);
    if (roles.length > 0)
      return { details: [], widening: [`GraphQL introspection enabled again for ${roles.join(", ")}`] };
  }
  return { details: [], widening: [] };
}
function assessChanged(kind, before, after, ctx) {
  if (ROW_PERMISSIONS.has(kind)) return permissionChanges(before.value, after.value);
  switch (kind) {
    case "remote_schema_permission":
      return remoteSchemaPermission(before.value, after.value, ctx.sdl);
    case "inherited_role": {
      const b = roleSet(before.value);
      const a = roleSet(after.value);
      const added = a.filter((r) => !b.includes(r));
      const removed = b.filter((r) => !a.includes(r));
      const details = [
        ...added.length > 0 ? [`roles added: ${added.join(", ")}`] : [],
        ...removed.length > 0 ? [`roles removed: ${removed.join(", ")}`] : []
      ];
      return {
        details,
        widening: added.length > 0 ? [`role ${after.name} now also inherits ${added.join(", ")}`] : []
      };
    }
    case "allowlist": {
      const b = scopeRoles(before.value);
      const a = scopeRoles(after.value);
      const detail = `scope: ${scopeText(before.value)} \u2192 ${scopeText(after.value)}`;
      const widens = a === "all" ? b !== "all" : b !== "all" && a.some((r) => !b.includes(r));
      return {
        details: [detail],
        widening: widens ? [`queries of ${after.name} allowed for more roles`] : []
      };
    }
    case "query_collection": {
      const b = queries(before.value);
      const a = queries(after.value);
      const added = [...a.keys()].filter((q) => !b.has(q));
      const removed = [...b.keys()].filter((q) => !a.has(q));
      const changed = [...a.keys()].filter((q) => b.has(q) && b.get(q) !== a.get(q));
      const details = [
        ...added.length > 0 ? [`queries added: ${added.join(", ")}`] : [],
        ...changed.length > 0 ? [`queries changed: ${changed.join(", ")}`] : [],
        ...removed.length > 0 ? [`queries removed: ${removed.join(", ")}`] : []
      ];
      const widens = ctx.allowListed.has(after.name) && added.length + changed.length > 0;
      return {
        details,
        widening: widens ? [`the allow list now admits ${[...added, ...changed].join(", ")}`] : []
      };
    }
    case "setting":
      if (after.name === "graphql_schema_introspection") {
        const b = disabledIntrospection(before.value);
        const a = disabledIntrospection(after.value);
        const enabled = b.filter((r) => !a.includes(r));
        return {
          details: changedPaths(before.raw, after.raw),
          widening: enabled.length > 0 ? [`GraphQL introspection enabled again for ${enabled.join(", ")}`] : []
        };
      }
      return { details: changedPaths(before.raw, after.raw), widening: [] };
    default:
      return { details: changedPaths(before.raw, after.raw), widening: [] };
  }
}
function remoteSchemaPermission(before, after, sdl) {
  if (!sdl)
    throw new Error("a remote schema permission changed and no GraphQL parser was given to compare it");
  const b = schemaMembers(before, sdl);
  const a = schemaMembers(after, sdl);
  if (!a || !b)
    return { details: ["schema changed"], widening: ["the schema given to the role changed (not readable)"] };
  const added = [...a].filter((m) => !b.has(m));
  const removed = [...b].filter((m) => !a.has(m));
  const details = [
    ...added.length > 0 ? [`added or changed: ${added.join(", ")}`] : [],
    ...removed.length > 0 ? [`removed: ${removed.join(", ")}`] : []
  ];
  return { details, widening: added.length > 0 ? [`the role's schema gains ${added.join(", ")}`] : [] };
}
function schemaMembers(entry, { parse, print }) {
  const definition = isPlainObject(entry) && isPlainObject(entry.definition) ? entry.definition : {};
  if (typeof definition.schema !== "string") return void 0;
  let doc;
  try {
    doc = parse(definition.schema);
  } catch {
    return void 0;
  }
  const members = /* @__PURE__ */ new Set();
  for (const node of doc.definitions) {
    if (!("name" in node) || !node.name) continue;
    const type = node.name.value;
    if ("fields" in node && node.fields) {
      for (const field of node.fields) members.add(`${type}.${print(field).replace(/\s+/g, " ")}`);
    } else if ("values" in node && node.values) {
      for (const value of node.values) members.add(`${type}.${value.name.value}`);
    } else if ("types" in node && node.types) {
      for (const member of node.types) members.add(`${type}|${member.name.value}`);
    } else {
      members.add(type);
    }
  }
  return members;
}
function changedPaths(before, after) {
  const paths = [];
  walk(before, after, "", paths);
  const MAX = 6;
  if (paths.length <= MAX) return paths.length > 0 ? [`changed: ${paths.join(", ")}`] : [];
  return [`changed: ${paths.slice(0, MAX).join(", ")} and ${paths.length - MAX} more`];
}
function walk(before, after, path, out) {
  if (itemKey(before) === itemKey(after)) return;
  const b = objectOrEmpty(before);
  const a = objectOrEmpty(after);
  if (b && a) {
    for (const key of /* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a)]))
      walk(b[key], a[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push(path || "value");
}
function objectOrEmpty(value) {
  if (value === void 0 || value === null) return {};
  return isPlainObject(value) ? value : void 0;
}
function roleSet(value) {
  return isPlainObject(value) && Array.isArray(value.role_set) ? value.role_set.map(String).sort() : [];
}
function scopeRoles(value) {
  const scope = isPlainObject(value) && isPlainObject(value.scope) ? value.scope : void 0;
  if (!scope || scope.global !== false) return "all";
  return Array.isArray(scope.roles) ? scope.roles.map(String) : [];
}
function scopeText(value) {
  const roles = scopeRoles(value);
  return roles === "all" ? "every role" : `roles ${roles.join(", ") || "none"}`;
}
function queries(value) {
  const definition = isPlainObject(value) && isPlainObject(value.definition) ? value.definition : {};
  const out = /* @__PURE__ */ new Map();
  if (Array.isArray(definition.queries)) {
    for (const q of definition.queries) if (isPlainObject(q)) out.set(String(q.name), canonicalJson(q.query));
  }
  return out;
}
function disabledIntrospection(value) {
  return isPlainObject(value) && Array.isArray(value.disabled_for_roles) ? value.disabled_for_roles.map(String) : [];
}

// src/review/metadata-diff.ts
var DEFAULT_UNAUTHENTICATED_ROLES = ["anonymous", "public"];
function diffMetadata(before, after, options = {}) {
  const b = metadataView(before);
  const a = metadataView(after);
  const unauthenticated = new Set(
    options.unauthorizedRole ? [options.unauthorizedRole] : DEFAULT_UNAUTHENTICATED_ROLES
  );
  const allowListed = new Set([...a.global.values()].filter((i) => i.kind === "allowlist").map((i) => i.name));
  const sdl = options.sdl;
  const diff = (from, to) => diffItems(from, to, { unauthenticated, allowListed, ...sdl ? { sdl } : {} });
  const sources = [];
  const names = [...a.sources.keys(), ...[...b.sources.keys()].filter((s) => !a.sources.has(s))];
  for (const source of names) {
    const none = /* @__PURE__ */ new Map();
    let from = b.sources.get(source) ?? none;
    let to = a.sources.get(source) ?? none;
    if (a.legacy.has(source) || b.legacy.has(source)) [from, to] = [withoutSource(from), withoutSource(to)];
    const changes = diff(from, to);
    if (changes.length > 0) sources.push({ source, changes });
  }
  return { sources, global: diff(b.global, a.global) };
}
async function diffMetadataLoadingParser(before, after, options = {}) {
  const needed = !options.sdl && hasRemoteSchemaPermissions(before) && hasRemoteSchemaPermissions(after);
  const sdl = needed ? await loadSdlParser() : options.sdl;
  return diffMetadata(before, after, { ...options, ...sdl ? { sdl } : {} });
}
async function loadSdlParser() {
  const { parse, print } = await import("./chunk-VGLVM77G.js");
  return { parse, print };
}
function hasRemoteSchemaPermissions(metadata) {
  const schemas = isPlainObject(metadata) ? metadata.remote_schemas : void 0;
  return Array.isArray(schemas) && schemas.some((r) => isPlainObject(r) && Array.isArray(r.permissions) && r.permissions.length > 0);
}
function withoutSource(items) {
  return new Map([...items].filter(([, item]) => item.kind !== "source"));
}
function allChanges(changes) {
  return [...changes.sources.flatMap((s) => s.changes), ...changes.global];
}
function diffItems(before, after, ctx) {
  const out = [];
  for (const [id, item] of after) {
    const old = before.get(id);
    if (old && old.key === item.key) continue;
    out.push({ owner: item.owner, change: makeChange(old, item, ctx) });
  }
  for (const [id, item] of before) {
    if (!after.has(id)) out.push({ owner: item.owner, change: makeChange(item, void 0, ctx) });
  }
  out.sort(
    (x, y) => compare(x.owner, y.owner) || KIND_ORDER.indexOf(x.change.kind) - KIND_ORDER.indexOf(y.change.kind) || compare(x.change.name, y.change.name)
  );
  return out.map((o) => o.change);
}
function makeChange(before, after, ctx) {
  const item = after ?? before;
  const change = !before ? "added" : !after ? "removed" : "changed";
  const { details, widening } = assess(item.kind, before, after, ctx);
  const role = item.role;
  const open = role !== void 0 && ctx.unauthenticated.has(role) && change !== "removed";
  const reasons = open && widening.length > 0 ? [`${role} is the unauthenticated role: anyone, without logging in`, ...widening] : widening;
  const out = {
    kind: item.kind,
    name: item.name,
    change,
    before: before?.value ?? null,
    after: after?.value ?? null,
    widens: reasons.length > 0,
    widening: reasons,
    summary: summaryOf(item, change),
    details
  };
  if (role !== void 0) out.role = role;
  if (open) out.unauthenticated = true;
  return out;
}
var KIND_ORDER = [
  "source",
  "table",
  "function",
  "logical_model",
  "native_query",
  "stored_procedure",
  "object_relationship",
  "array_relationship",
  "remote_relationship",
  "computed_field",
  "select_permission",
  "insert_permission",
  "update_permission",
  "delete_permission",
  "function_permission",
  "logical_model_permission",
  "event_trigger",
  "action",
  "action_permission",
  "custom_type",
  "remote_schema",
  "remote_schema_permission",
  "remote_schema_relationship",
  "query_collection",
  "allowlist",
  "rest_endpoint",
  "cron_trigger",
  "inherited_role",
  "setting"
];
var LABELS = {
  allowlist: "allow-list entry",
  setting: "setting"
};
function kindLabel(kind) {
  return LABELS[kind] ?? kind.replace(/_/g, " ");
}
function summaryOf(item, change) {
  const label = kindLabel(item.kind);
  if (item.kind.endsWith("_permission") && item.role !== void 0) {
    const how = change === "added" ? "granted to" : change === "removed" ? "revoked from" : "changed for";
    return `${label} on ${item.owner} ${how} role ${item.role}`;
  }
  if (item.kind === "table" || item.kind === "function") {
    const how = change === "added" ? "tracked" : change === "removed" ? "untracked" : "changed";
    return `${label} ${item.name} ${how}`;
  }
  return `${label} ${item.name} ${change}`;
}

export {
  DEFAULT_UNAUTHENTICATED_ROLES,
  diffMetadata,
  diffMetadataLoadingParser,
  allChanges,
  kindLabel
};
