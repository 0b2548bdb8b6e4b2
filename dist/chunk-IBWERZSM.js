import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  LOCK_NAMESPACE,
  StateChanged,
  execute,
  ledgerStepSql,
  ledgerUnitSql,
  lockTimeoutMs,
  runSqlSnapshotQuery
} from "./chunk-VLNLG5S2.js";
import {
  HasuraApiError,
  HasuraHttp,
  UnknownOutcomeError
} from "./chunk-CRTDMUKX.js";
import {
  REMEDIES,
  RESTORE_SETTINGS,
  UnitUnreadable,
  redactInfo,
  runnablePart,
  splitStatements,
  sqlErrorInfo,
  toErrorInfo,
  withoutAppendedSql
} from "./chunk-UGAAY2VO.js";
import {
  MESSAGES,
  migrationModeDisabled
} from "./chunk-FPUQZJKU.js";
import {
  ENSURE_LEDGER_SQL,
  dollarTag,
  lit,
  xmlCellJson
} from "./chunk-LJAHAILJ.js";
import {
  takeSnapshot
} from "./chunk-ISGRHWTH.js";
import {
  blankBom,
  lineAt,
  offsetOfPosition
} from "./chunk-PQOAXLNL.js";
import {
  serverMetadataOf
} from "./chunk-T5LFE5GL.js";
import "./chunk-U7PA5OP3.js";
import "./chunk-OBJDCIQA.js";
import {
  TargetError,
  UserError
} from "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/targets/hasura/state-sql.ts
var SIGNALS = {
  stateChanged: "hasura-migrate-action:state-changed",
  migrationModeDisabled: "hasura-migrate-action:migration-mode-disabled",
  notRecorded: "hasura-migrate-action:state-not-recorded",
  rehearsal: "hasura-migrate-action:rehearsal-rollback",
  captured: "hasura-migrate-action:before-commit"
};
var lockSql = (database, timeoutMs) => {
  const ms = timeoutMs === void 0 ? void 0 : Math.max(1, Math.round(timeoutMs));
  return [
    ...ms ? [`SET LOCAL lock_timeout = ${ms}`] : [],
    `SELECT pg_advisory_xact_lock(hashtext(${lit(LOCK_NAMESPACE)}), hashtext(${lit(database)}))`,
    // then a lock wait in a migration gives up a little before the statement limit (`lockTimeoutMs`)
    ...ms ? [`SET LOCAL statement_timeout = ${ms}`, `SET LOCAL lock_timeout = ${lockTimeoutMs(ms)}`] : [],
    "LOCK TABLE pg_catalog.pg_namespace, pg_catalog.pg_class, pg_catalog.pg_type IN ACCESS SHARE MODE"
  ].join(";\n");
};
var restoreSettingsSql = (timeoutMs) => {
  const ms = timeoutMs === void 0 ? void 0 : Math.max(1, Math.round(timeoutMs));
  return [
    RESTORE_SETTINGS,
    ...ms ? [`SET LOCAL statement_timeout = ${ms}`, `SET LOCAL lock_timeout = ${lockTimeoutMs(ms)}`] : []
  ].join(";\n");
};
var deadline = (timeoutMs) => timeoutMs + Math.max(1e3, Math.round(timeoutMs / 10));
var SENTINEL_SQL = `DO $hma$ BEGIN RAISE EXCEPTION '${SIGNALS.rehearsal}' USING ERRCODE = 'P0001'; END $hma$`;
var raise = (signal, detail) => `RAISE EXCEPTION '${signal}' USING ERRCODE = 'P0001', DETAIL = ${lit(detail)};`;
function doBlock(body, declare = "") {
  const tag = dollarTag(body);
  return `DO ${tag}${declare ? ` DECLARE ${declare}` : ""} BEGIN
${body}
END ${tag}`;
}
var versionList = (vs) => vs.map((v) => v.toString()).join(", ");
var keyArray = (vs) => `ARRAY[${vs.map((v) => lit(v.toString())).join(", ")}]::text[]`;
var LEDGER_TABLE = "hasura_migrate_action.ledger";
var CATALOG_WRITER_TABLE = "hasura_migrate_action.catalog_writer";
var LEDGER_DDL = `${ENSURE_LEDGER_SQL};
CREATE TABLE IF NOT EXISTS ${CATALOG_WRITER_TABLE} (
  id int PRIMARY KEY CHECK (id = 1),
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
)`;
var LEDGER_FINGERPRINT = `md5(concat_ws('|', l.version, l.applied, l.dirty, l.run_id, l.recorded))`;
function ifTable(regclass, query) {
  return `CASE WHEN to_regclass(${lit(regclass)}) IS NULL THEN NULL ELSE query_to_xml(${lit(query)}, true, true, '')::text END`;
}
function probeSql(database, withCatalog) {
  const cols = [
    `${ifTable("hdb_catalog.schema_migrations", `SELECT coalesce(json_agg(json_build_array(version::text, dirty)), '[]')::text AS j FROM hdb_catalog.schema_migrations`)} AS sm`,
    `${ifTable("hdb_catalog.migration_settings", `SELECT json_build_array(value)::text AS j FROM hdb_catalog.migration_settings WHERE setting = 'migration_mode'`)} AS mm`
  ];
  if (withCatalog) {
    cols.push(
      `${ifTable("hdb_catalog.hdb_version", `SELECT json_build_object('id', hasura_uuid::text, 'cli_state', cli_state)::text AS j FROM hdb_catalog.hdb_version`)} AS hv`,
      `${ifTable(
        LEDGER_TABLE,
        `SELECT coalesce(json_agg(json_build_object('version', version::text, 'name', name, 'applied', applied, 'dirty', dirty, 'recorded', recorded, 'run_id', run_id, 'fp', ${LEDGER_FINGERPRINT})), '[]')::text AS j FROM ${LEDGER_TABLE} l WHERE database = ${lit(database)}`
      )} AS lg`
    );
  }
  return `SELECT ${cols.join(",\n  ")}`;
}
var markOf = (versions, v) => !versions.has(v) ? "absent" : versions.get(v) ? "dirty" : "applied";
var byMark = (changes, pick, mark) => changes.filter((c) => pick(c) === mark).map((c) => c.version);
var SETTINGS_DDL = `IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'hdb_catalog') THEN
  CREATE SCHEMA hdb_catalog;
END IF;
IF to_regclass('hdb_catalog.schema_migrations') IS NULL THEN
  CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null);
END IF;
IF to_regclass('hdb_catalog.migration_settings') IS NULL THEN
  CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null);
  INSERT INTO hdb_catalog.migration_settings (setting, value) VALUES ('migration_mode', 'true');
END IF;`;
function differs(kind, database, changes, pick, catalogId) {
  const absent = byMark(changes, pick, "absent");
  const applied = byMark(changes, pick, "applied");
  const dirty = byMark(changes, pick, "dirty");
  const conds = [];
  if (kind === "schema-migrations") {
    const sm = "hdb_catalog.schema_migrations";
    if (absent.length) conds.push(`EXISTS (SELECT 1 FROM ${sm} WHERE version IN (${versionList(absent)}))`);
    if (applied.length) {
      conds.push(
        `(SELECT count(*) FROM ${sm} WHERE NOT dirty AND version IN (${versionList(applied)})) <> ${applied.length}`
      );
    }
    if (dirty.length) {
      conds.push(
        `(SELECT count(*) FROM ${sm} WHERE dirty AND version IN (${versionList(dirty)})) <> ${dirty.length}`
      );
    }
    return conds;
  }
  const mig = `(SELECT coalesce(cli_state->'migrations'->${lit(database)}, '{}'::jsonb) FROM hdb_catalog.hdb_version WHERE hasura_uuid = ${lit(catalogId ?? "")}::uuid)`;
  if (absent.length) conds.push(`coalesce(${mig} ?| ${keyArray(absent)}, true)`);
  if (applied.length) conds.push(`NOT coalesce(${mig} ?& ${keyArray(applied)}, false)`);
  for (const v of dirty) conds.push(`(${mig}->${lit(v.toString())}) IS DISTINCT FROM 'true'::jsonb`);
  return conds;
}
function guardSql(kind, g, changes) {
  const changed = (conds) => conds.length ? `IF ${conds.join("\n  OR ")} THEN
  ${raise(SIGNALS.stateChanged, "the state of a planned version changed")}
END IF;` : "";
  if (kind === "schema-migrations") {
    return doBlock(
      [
        SETTINGS_DDL,
        `IF coalesce((SELECT value FROM hdb_catalog.migration_settings WHERE setting = 'migration_mode'), 'true') <> 'true' THEN
  ${raise(SIGNALS.migrationModeDisabled, "hdb_catalog.migration_settings")}
END IF;`,
        changed(differs(kind, g.database, changes, (c) => c.from))
      ].join("\n")
    );
  }
  if (kind === "catalog-in-source") {
    return doBlock(
      [
        `SELECT cli_state INTO st FROM hdb_catalog.hdb_version WHERE hasura_uuid = ${lit(g.catalogId ?? "")}::uuid FOR UPDATE;
IF NOT FOUND THEN
  ${raise(SIGNALS.stateChanged, "the hdb_version row changed")}
END IF;
IF coalesce(st#>>'{settings,migration_mode}', 'true') <> 'true' THEN
  ${raise(SIGNALS.migrationModeDisabled, "cli_state.settings.migration_mode")}
END IF;
IF coalesce((st->>'isStateCopyCompleted') = 'true', false) <> ${g.copyCompleted ? "true" : "false"} THEN
  ${raise(SIGNALS.stateChanged, "isStateCopyCompleted changed")}
END IF;`,
        changed(differs(kind, g.database, changes, (c) => c.from, g.catalogId))
      ].join("\n"),
      "st jsonb;"
    );
  }
  const versions = changes.map((c) => c.version);
  const snapshot = JSON.stringify(g.ledgerFingerprints ?? {});
  const current = versions.length ? `coalesce((SELECT jsonb_object_agg(l.version::text, ${LEDGER_FINGERPRINT}) FROM ${LEDGER_TABLE} l WHERE l.database = ${lit(g.database)} AND l.version IN (${versionList(versions)})), '{}'::jsonb)` : `'{}'::jsonb`;
  return `${LEDGER_DDL};
${doBlock(`IF ${current} <> ${lit(snapshot)}::jsonb THEN
  ${raise(SIGNALS.stateChanged, "the ledger rows of the planned versions changed")}
END IF;`)}`;
}
function recordSql(kind, database, c, runId, runUrl) {
  if (kind === "schema-migrations") {
    const sm = "hdb_catalog.schema_migrations";
    if (c.to === "absent") return `DELETE FROM ${sm} WHERE version = ${c.version}`;
    if (c.from === "absent")
      return `INSERT INTO ${sm} (version, dirty) VALUES (${c.version}, ${c.to === "dirty"})`;
    return `UPDATE ${sm} SET dirty = ${c.to === "dirty"} WHERE version = ${c.version}`;
  }
  if (kind === "catalog-with-ledger") {
    const applied = c.to !== "absent";
    return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, applied, dirty, applied_at, run_url, run_id, recorded)
VALUES (${lit(database)}, ${c.version}, ${lit(c.name)}, ${c.sha256 ? lit(c.sha256) : "NULL"}, ${applied}, ${c.to === "dirty"}, now(), ${runUrl ? lit(runUrl) : "NULL"}, ${lit(runId)}, false)
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256, applied = EXCLUDED.applied,
  dirty = EXCLUDED.dirty, applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, recorded = false`;
  }
  return "";
}
function catalogUpdateSql(database, catalogId, changes, migrationMode, copied = /* @__PURE__ */ new Map()) {
  const db = lit(database);
  const addEntries = [...copied].map(([v, d]) => [v.toString(), d]);
  for (const c of changes) if (c.to !== "absent") addEntries.push([c.version.toString(), c.to === "dirty"]);
  const remove = changes.filter((c) => c.to === "absent").map((c) => c.version);
  const obj = (expr) => `(CASE WHEN jsonb_typeof(${expr}) = 'object' THEN ${expr} ELSE '{}'::jsonb END)`;
  const migrations = obj(`cli_state->'migrations'`);
  const mine = obj(`cli_state->'migrations'->${db}`);
  const settings = obj(`cli_state->'settings'`);
  const removed = remove.length ? ` - ${keyArray(remove)}` : "";
  return `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(jsonb_set(jsonb_set(cli_state,
    '{settings}', ${settings} || jsonb_build_object('migration_mode', coalesce(cli_state#>'{settings,migration_mode}', to_jsonb(${lit(migrationMode)}::text)))),
    '{isStateCopyCompleted}', 'true'::jsonb),
    '{migrations}', ${migrations} || jsonb_build_object(${db}, (${mine} || ${lit(JSON.stringify(Object.fromEntries(addEntries)))}::jsonb)${removed}))
  WHERE hasura_uuid = ${lit(catalogId)}::uuid`;
}
function verifySql(kind, database, changes, runId, catalogId) {
  if (!changes.length) return "";
  let conds;
  if (kind === "catalog-with-ledger") {
    conds = [
      `(SELECT count(*) FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND run_id = ${lit(runId)} AND version IN (${versionList(changes.map((c) => c.version))})) <> ${changes.length}`
    ];
  } else conds = differs(kind, database, changes, (c) => c.to, catalogId);
  return doBlock(`IF ${conds.join("\n  OR ")} THEN
  ${raise(SIGNALS.notRecorded, "the state statements of this run did not take effect")}
END IF;`);
}
function leaseSql(database, holder, leaseMs) {
  return `INSERT INTO ${CATALOG_WRITER_TABLE} AS w (id, holder, expires_at)
VALUES (1, ${lit(holder)}, clock_timestamp() + ${Math.max(1, Math.round(leaseMs))} * interval '1 millisecond')
ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
  WHERE w.expires_at < clock_timestamp() OR w.holder = EXCLUDED.holder;
SELECT coalesce((SELECT holder = ${lit(holder)} FROM ${CATALOG_WRITER_TABLE} WHERE id = 1), false) AS acquired,
  (SELECT coalesce(json_agg(json_build_object('version', version::text, 'name', name, 'applied', applied, 'dirty', dirty,
     'recorded', recorded, 'run_id', run_id, 'fp', ${LEDGER_FINGERPRINT})), '[]')
   FROM ${LEDGER_TABLE} l WHERE database = ${lit(database)} AND NOT recorded)::text AS rows`;
}
var releaseSql = (holder) => `DELETE FROM ${CATALOG_WRITER_TABLE} WHERE holder = ${lit(holder)}`;
function ledgerMarkSql(database, rows) {
  const db = lit(database);
  const pairs = (rs) => rs.map((r) => `(${r.version}, ${lit(r.runId)})`).join(", ");
  const applied = rows.filter((r) => r.applied);
  const removed = rows.filter((r) => !r.applied);
  const out = [];
  if (applied.length) {
    out.push(
      `UPDATE ${LEDGER_TABLE} SET recorded = true WHERE database = ${db} AND (version, run_id) IN (${pairs(applied)})`
    );
  }
  if (removed.length) {
    out.push(
      `DELETE FROM ${LEDGER_TABLE} WHERE database = ${db} AND (version, run_id) IN (${pairs(removed)})`
    );
  }
  return out.join(";\n");
}
var MARK_SQL = `SELECT set_config('hasura_migrate_action.marks', coalesce(current_setting('hasura_migrate_action.marks', true), '') || ' ' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint, true)`;
var READ_MARKS_SQL = `SELECT current_setting('hasura_migrate_action.marks', true) AS marks`;
function captureSql(sql) {
  const body = `EXECUTE ${lit(sql)} INTO r;
RAISE EXCEPTION '${SIGNALS.captured}' USING ERRCODE = 'P0001', DETAIL = coalesce(r, '');`;
  return doBlock(body, "r text;");
}

// src/targets/hasura/read-state.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function version(key, where) {
  if (!/^\d+$/.test(key)) throw new TargetError(`${where} holds '${key}', which is not a migration version`);
  return BigInt(key);
}
var truthy = (v) => v === true || v === "t" || v === "true" || v === "1" || v === 1;
function probeRow(result) {
  const rows = isObject(result) && Array.isArray(result.result) ? result.result : void 0;
  const header = rows?.[0];
  const values = rows?.[1];
  if (!header || !values) throw new TargetError("reading the migration state: run_sql answered no rows");
  return Object.fromEntries(header.map((h, i) => [String(h), values[i] ?? null]));
}
function schemaMigrationsOf(row) {
  const sm = xmlCellJson(row.sm);
  if (!Array.isArray(sm)) return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const r of sm)
    out.set(version(String(r[0]), "hdb_catalog.schema_migrations"), truthy(r[1]));
  return out;
}
function migrationSettingOf(row) {
  const mm = xmlCellJson(row.mm);
  return Array.isArray(mm) && typeof mm[0] === "string" ? mm[0] : void 0;
}
function stateFromSchemaMigrations(database, row) {
  return {
    database,
    store: "schema-migrations",
    applied: { versions: schemaMigrationsOf(row) ?? /* @__PURE__ */ new Map() },
    migrationMode: migrationSettingOf(row) ?? "true",
    copyCompleted: true,
    copied: /* @__PURE__ */ new Map(),
    ledger: []
  };
}
function stateFromCatalog(database, catalog, row) {
  const cliState = isObject(catalog.cli_state) ? catalog.cli_state : {};
  const where = `cli_state.migrations["${database}"]`;
  const versions = /* @__PURE__ */ new Map();
  const copyCompleted = cliState.isStateCopyCompleted === true;
  const copied = copyCompleted ? /* @__PURE__ */ new Map() : schemaMigrationsOf(row) ?? /* @__PURE__ */ new Map();
  for (const [v, d] of copied) versions.set(v, d);
  const migrations = isObject(cliState.migrations) ? cliState.migrations : {};
  const mine = migrations[database];
  if (isObject(mine)) for (const [k, d] of Object.entries(mine)) versions.set(version(k, where), truthy(d));
  const hv = xmlCellJson(row.hv);
  const inSource = isObject(hv) && hv.id === catalog.id;
  const ledger = [];
  if (!inSource) {
    const lg = xmlCellJson(row.lg);
    for (const r of Array.isArray(lg) ? lg : []) {
      ledger.push({
        version: version(typeof r.version === "string" ? r.version : "", "hasura_migrate_action.ledger"),
        name: typeof r.name === "string" ? r.name : "",
        applied: r.applied === true,
        dirty: r.dirty === true,
        recorded: r.recorded === true,
        runId: typeof r.run_id === "string" ? r.run_id : "",
        fp: typeof r.fp === "string" ? r.fp : ""
      });
    }
    for (const r of ledger.filter((l) => !l.recorded)) {
      if (r.applied) versions.set(r.version, r.dirty);
      else versions.delete(r.version);
    }
  }
  const settings = isObject(cliState.settings) ? cliState.settings : {};
  const mode = typeof settings.migration_mode === "string" ? settings.migration_mode : (!copyCompleted ? migrationSettingOf(row) : void 0) ?? "true";
  return {
    database,
    store: inSource ? "catalog-in-source" : "catalog-with-ledger",
    applied: { versions },
    migrationMode: mode,
    catalogId: catalog.id,
    cliState,
    copyCompleted,
    copied,
    ledger
  };
}

// src/targets/hasura/connection.ts
function databaseErrorHidden(e) {
  return e instanceof HasuraApiError && e.body.code === "postgres-error" && e.body.internal === void 0;
}
var HIDDEN_ERROR = "the server leaves the database's error out of its answers (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false)";
function rehearsalUnreadable(what) {
  return new TargetError(
    `dry-run: rehearse cannot tell its own rollback from a failing ${what} here: ${HIDDEN_ERROR}. Nothing was applied. ${REMEDIES.hiddenDatabaseErrors}`
  );
}
function pgErrorOf(e) {
  if (!(e instanceof HasuraApiError) || e.body.code !== "postgres-error" || databaseErrorHidden(e))
    return void 0;
  const internal = e.body.internal;
  const err = internal?.error ?? {};
  const str = (v) => typeof v === "string" && v !== "" ? v : void 0;
  const position = Number(err.position ?? internal?.position);
  return {
    sqlstate: str(err.status_code),
    message: str(err.message) ?? e.body.error,
    detail: str(err.description),
    hint: str(err.hint),
    ...Number.isInteger(position) && position > 0 ? { position } : {},
    batchStatement: str(internal?.statement)
  };
}
var HasuraConnection = class {
  constructor(http, generation, configVersion) {
    this.http = http;
    this.generation = generation;
    this.configVersion = configVersion;
  }
  http;
  generation;
  configVersion;
  /** `run_sql` as the CLI sends it: `/v2/query` on v2 servers, `source` for config 3, no metadata check. */
  async runSql(database, sql, o) {
    const args = { sql };
    if (this.configVersion === 3) args.source = database;
    if (this.configVersion >= 2) args.check_metadata_consistency = false;
    if (o.readOnly) args.read_only = true;
    if (o.noTransaction) args.no_transaction = true;
    const api = this.generation === "v2" ? "v2Query" : "query";
    const body = { type: "run_sql", args };
    return o.write ? this.http.write(api, body, o.what, o.timeoutMs) : this.http.read(api, body, o.what, o.timeoutMs);
  }
  /** Metadata API: `/v1/metadata` on v2 servers, `/v1/query` on v1 servers. */
  metadata(body, write, what) {
    const api = this.generation === "v2" ? "metadata" : "query";
    return write ? this.http.write(api, body, what) : this.http.read(api, body, what);
  }
  getCatalogState() {
    return this.metadata(
      { type: "get_catalog_state", args: {} },
      false,
      "reading the catalog state (get_catalog_state)"
    );
  }
  /** One read-only `run_sql` (config 1/2); config 3 adds `get_catalog_state`. */
  async readState(database) {
    const what = `reading the migration state of database '${database}'`;
    if (this.configVersion < 3) {
      const r2 = await this.runSql(database, probeSql(database, false), { readOnly: true, write: false, what });
      return stateFromSchemaMigrations(database, probeRow(r2));
    }
    const r = await this.runSql(database, probeSql(database, true), { readOnly: true, write: false, what });
    const catalog = await this.getCatalogState();
    return stateFromCatalog(database, catalog, probeRow(r));
  }
};

// src/targets/hasura/metadata.ts
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function inconsistentObjectsOf(list) {
  if (!Array.isArray(list)) return [];
  return list.map((o) => {
    const def = o.definition;
    const described = isObject2(def) ? typeof def.name === "string" ? `${typeof def.schema === "string" && def.schema !== "public" ? `${def.schema}.` : ""}${def.name}` : JSON.stringify(def).slice(0, 80) : typeof def === "string" ? def : "";
    return {
      type: typeof o.type === "string" ? o.type : "unknown",
      name: typeof o.name === "string" ? o.name : described,
      reason: typeof o.reason === "string" ? o.reason : ""
    };
  });
}
async function resourceVersion(conn) {
  if (conn.generation !== "v2") return void 0;
  const ex = await conn.metadata(
    { type: "export_metadata", version: 2, args: {} },
    false,
    "reading the metadata resource version (export_metadata)"
  );
  return typeof ex.resource_version === "number" ? ex.resource_version : void 0;
}
function replaceBody(metadata, o, rv) {
  const withRv = rv === void 0 ? {} : { resource_version: rv };
  if (o.configVersion === 3) {
    return {
      type: "replace_metadata",
      version: 2,
      ...withRv,
      args: { allow_inconsistent_metadata: o.allowInconsistent, metadata }
    };
  }
  if (o.configVersion === 2) return { type: "replace_metadata", ...withRv, args: metadata };
  return {
    type: "bulk",
    args: [
      { type: "clear_metadata", args: {} },
      { type: "replace_metadata", args: metadata }
    ]
  };
}
async function applyMetadataOnHasura(conn, metadata, o) {
  if (o.dryRun)
    return {
      status: "planned",
      message: "dry run: the metadata was built, not applied",
      inconsistentObjects: []
    };
  let rv;
  try {
    rv = o.configVersion === 1 ? void 0 : await resourceVersion(conn);
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    return { status: "failed", message: `nothing was applied: ${e.message}`, inconsistentObjects: [] };
  }
  const body = replaceBody(metadata, o, rv);
  const what = "applying the metadata (replace_metadata)";
  const send = () => o.configVersion === 1 ? conn.http.write("query", body, what) : conn.metadata(body, true, what);
  try {
    await send();
  } catch (e) {
    if (e instanceof HasuraApiError && e.status === 409) {
      return {
        status: "failed",
        message: `the metadata on the server changed while this run applied it (resource version ${rv} is no longer current): nothing was replaced; run again`,
        inconsistentObjects: []
      };
    }
    if (e instanceof HasuraApiError && e.body.code === "unexpected" && Array.isArray(e.body.internal)) {
      return {
        status: "inconsistent",
        message: "the server refused the metadata because it is inconsistent, and kept its previous metadata",
        inconsistentObjects: inconsistentObjectsOf(e.body.internal)
      };
    }
    if (e instanceof UnknownOutcomeError) {
      const after = await resourceVersion(conn).catch(() => void 0);
      const changed = rv === void 0 || after === void 0 ? "whether it was applied is unknown" : after === rv ? "the server still has its previous metadata" : `the server's metadata changed (resource version ${rv} \u2192 ${after}), most likely by this request`;
      return { status: "failed", message: `${e.message}; ${changed}; run again`, inconsistentObjects: [] };
    }
    if (e instanceof TargetError) return { status: "failed", message: e.message, inconsistentObjects: [] };
    throw e;
  }
  let ic;
  try {
    await conn.metadata(
      { type: "reload_metadata", args: {} },
      true,
      "reloading the metadata (reload_metadata)"
    );
    ic = await conn.metadata(
      { type: "get_inconsistent_metadata", args: {} },
      false,
      "listing inconsistent metadata (get_inconsistent_metadata)"
    );
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    return {
      status: "failed",
      message: `the metadata was applied, but checking it failed: ${e.message}`,
      inconsistentObjects: []
    };
  }
  const objects = inconsistentObjectsOf(ic.inconsistent_objects);
  if (objects.length) {
    return {
      status: "inconsistent",
      message: `the metadata was applied; ${objects.length} object(s) are inconsistent`,
      inconsistentObjects: objects
    };
  }
  return { status: "applied", inconsistentObjects: [] };
}
async function connectSourcesOnHasura(conn, metadata) {
  if (conn.generation !== "v2") return [];
  const wanted = Array.isArray(metadata.sources) ? metadata.sources : [];
  const current = await conn.metadata(
    { type: "export_metadata", args: {} },
    false,
    "listing the connected databases (export_metadata)"
  );
  const have = new Set((current.sources ?? []).map((s) => s.name));
  const added = [];
  for (const s of wanted) {
    if (typeof s.name !== "string" || have.has(s.name)) continue;
    const kind = typeof s.kind === "string" ? s.kind : "postgres";
    const type = kind === "postgres" ? "pg_add_source" : `${kind}_add_source`;
    const args = { name: s.name, configuration: s.configuration };
    if (s.customization !== void 0) args.customization = s.customization;
    try {
      await conn.metadata({ type, args }, true, `connecting database '${s.name}' (${type})`);
    } catch (e) {
      if (e instanceof HasuraApiError && e.body.code === "already-exists") continue;
      throw e;
    }
    added.push(s.name);
  }
  return added;
}

// src/targets/hasura/run-sql-transport.ts
import { createHash as createHash2, randomUUID } from "node:crypto";

// src/targets/hasura/batch.ts
var SEPARATOR = "\n;\n";
var Batch = class {
  pieces = [];
  length = 0;
  placed = [];
  add(sql) {
    if (!sql) return this;
    if (this.pieces.length) {
      this.pieces.push(SEPARATOR);
      this.length += SEPARATOR.length;
    }
    this.pieces.push(sql);
    this.length += sql.length;
    return this;
  }
  addPart(part, owner, text = part.text, after) {
    const body = blankBom(text);
    this.add(body);
    this.placed.push({
      part,
      owner,
      text,
      ...after ? { after } : {},
      start: this.length - body.length,
      end: this.length
    });
    if (after) this.add(after);
    return this;
  }
  get sql() {
    return this.pieces.join("");
  }
  /** The part containing a 0-based offset of the batch. */
  partAt(offset) {
    return this.placed.find((p) => offset >= p.start && offset < p.end + 1);
  }
};

// src/targets/hasura/catalog-ledger.ts
import { createHash } from "node:crypto";
var ledgerFingerprint = (r) => createHash("md5").update(
  [r.version, r.applied ? "t" : "f", r.dirty ? "t" : "f", r.runId, r.recorded ? "t" : "f"].join("|")
).digest("hex");
async function completeCatalog(run) {
  const { conn, database: db, state } = run;
  if (!state.ledger.some((r) => !r.recorded)) return;
  const pending = await acquireCatalogWriter(run);
  let released = false;
  try {
    if (pending.length) await recordInCatalog(run, pending);
    const sql = [...pending.length ? [ledgerMarkSql(db, pending)] : [], releaseSql(run.runId)].join(";\n");
    try {
      await conn.runSql(db, sql, {
        write: true,
        what: `marking the ledger rows of database '${db}' recorded`,
        timeoutMs: run.timeoutMs
      });
      released = true;
      const done = new Set(pending.map((r) => `${r.version}:${r.runId}`));
      state.ledger = state.ledger.filter((r) => r.applied || !done.has(`${r.version}:${r.runId}`)).map(
        (r) => done.has(`${r.version}:${r.runId}`) ? { ...r, recorded: true, fp: ledgerFingerprint({ ...r, recorded: true }) } : r
      );
    } catch (e) {
      run.info(
        `the catalog state is complete, but marking the ledger rows failed (${e.message}); the next run will redo that`
      );
    }
  } finally {
    if (!released) {
      await conn.runSql(db, releaseSql(run.runId), { write: true, what: "releasing the catalog-writer lease" }).catch(() => void 0);
    }
  }
}
async function acquireCatalogWriter(run) {
  const until = performance.now() + run.timeoutMs;
  const leaseMs = Math.min(Math.max(run.timeoutMs * 3, 1e4), 6e4);
  for (let attempt = 1; ; attempt++) {
    const r = await run.conn.runSql(run.database, leaseSql(run.database, run.runId, leaseMs), {
      // Idempotent for the same holder, so it is safe to retry like a read.
      write: false,
      what: `taking the catalog-writer lease for database '${run.database}'`,
      timeoutMs: run.timeoutMs
    });
    const row = Array.isArray(r.result) ? r.result[1] : void 0;
    if (row?.[0] === "t") {
      const rows = JSON.parse(row[1] ?? "[]");
      return rows.map((x) => ({
        version: BigInt(String(x.version)),
        name: typeof x.name === "string" ? x.name : "",
        applied: x.applied === true,
        dirty: x.dirty === true,
        recorded: false,
        runId: typeof x.run_id === "string" ? x.run_id : "",
        fp: typeof x.fp === "string" ? x.fp : ""
      }));
    }
    if (performance.now() > until) {
      throw new TargetError(
        `another run kept the catalog state busy for longer than the timeout; the versions this run committed are in the ledger and the next run records them`,
        { database: run.database }
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
  }
}
async function recordInCatalog(run, pending) {
  const { conn, database: db, state } = run;
  const earlier = pending.filter((r) => r.runId !== run.runId && !run.written.has(r.version));
  const catalog = await conn.getCatalogState();
  const base = typeof catalog.cli_state === "object" && catalog.cli_state !== null ? catalog.cli_state : {};
  const next = JSON.parse(JSON.stringify(base));
  const obj = (v) => typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
  const settings = obj(next.settings);
  if (typeof settings.migration_mode !== "string") settings.migration_mode = "true";
  next.settings = settings;
  const migrations = obj(next.migrations);
  const mine = obj(migrations[db]);
  if (next.isStateCopyCompleted !== true) {
    for (const [v, d] of state.copied) if (!(v.toString() in mine)) mine[v.toString()] = d;
  }
  next.isStateCopyCompleted = true;
  for (const r of pending) {
    if (r.applied) mine[r.version.toString()] = r.dirty;
    else delete mine[r.version.toString()];
  }
  migrations[db] = mine;
  next.migrations = migrations;
  const versions = pending.map((r) => r.version.toString()).join(", ");
  try {
    await conn.metadata(
      { type: "set_catalog_state", args: { type: "cli", state: next } },
      true,
      `recording versions ${versions} of database '${db}' in the catalog state (set_catalog_state)`
    );
  } catch (e) {
    let landed = false;
    if (e instanceof UnknownOutcomeError) {
      const after = await conn.getCatalogState().catch(() => void 0);
      const got = obj(obj(obj(after?.cli_state).migrations)[db]);
      landed = pending.every(
        (r) => r.applied ? got[r.version.toString()] === r.dirty : !(r.version.toString() in got)
      );
    }
    if (!landed) {
      throw new TargetError(
        `versions ${versions} of database '${db}' are committed in the database, but recording them in the catalog state failed: ${e.message}. The next run completes the catalog state from the ledger (hasura_migrate_action.ledger) without running them again.`,
        { database: db }
      );
    }
  }
  if (earlier.length) {
    run.info(
      `completed the catalog state from the ledger: version(s) ${earlier.map((r) => r.version.toString()).join(", ")} of database '${db}' were committed by another run that had not recorded them; recorded now, not run again`
    );
  }
}

// src/targets/hasura/statements.ts
async function parseStatements(text) {
  const { statements, syntaxError } = await splitStatements(text);
  if (syntaxError) {
    return {
      ok: false,
      message: syntaxError.message,
      ...syntaxError.offset !== void 0 ? { offset: syntaxError.offset } : {}
    };
  }
  return {
    ok: true,
    statements: statements.map((st) => ({
      offset: st.offset,
      line: st.line,
      end: st.offset + st.text.length
    }))
  };
}

// src/targets/hasura/locate.ts
var STATEMENT_LIMIT = 2e3;
var clip = (s) => {
  const t = s.trim();
  return t.length > STATEMENT_LIMIT ? `${t.slice(0, STATEMENT_LIMIT)}\u2026` : t;
};
async function firstFailing(n, fails) {
  let lo = 0;
  let hi = n + 1;
  while (hi - lo > 1) {
    const mid = lo + hi >> 1;
    if (await fails(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
async function statementAt(text, offset) {
  const parsed = await parseStatements(text);
  if (parsed.ok) {
    const s = [...parsed.statements].reverse().find((st) => st.offset <= offset);
    if (s) return { line: s.line, statement: clip(text.slice(s.offset, s.end)) };
  }
  return { line: lineAt(text, offset) };
}
async function locateFailure(parts, pg, batch, probe) {
  if (pg.position !== void 0) {
    const offset = offsetOfPosition(batch.sql, pg.position);
    const placed = batch.partAt(offset);
    if (placed) {
      const partIndex2 = parts.findIndex((p) => p.part === placed.part && p.owner === placed.owner);
      if (placed.part.yamlLine !== void 0) return { partIndex: partIndex2, line: placed.part.yamlLine };
      const at = offset - placed.start;
      return { partIndex: partIndex2, ...await statementAt(placed.text, at), line: lineAt(placed.text, at) };
    }
  }
  if (!parts.length) return {};
  const k = parts.length === 1 ? 1 : await firstFailing(parts.length, (n) => probe(n));
  if (k > parts.length) return {};
  const partIndex = k - 1;
  const { part, text } = parts[partIndex];
  if (part.yamlLine !== void 0) return { partIndex, line: part.yamlLine };
  const parsed = await parseStatements(text);
  if (!parsed.ok) {
    if (parsed.offset !== void 0 && pg.sqlstate === "42601") {
      return {
        partIndex,
        ...await statementAt(text, parsed.offset),
        line: lineAt(text, parsed.offset)
      };
    }
    return { partIndex };
  }
  const statements = parsed.statements;
  if (statements.length === 0) return { partIndex };
  const pick = (i) => {
    const s = statements[i];
    return { partIndex, line: s.line, statement: clip(text.slice(s.offset, s.end)) };
  };
  if (statements.length === 1) return pick(0);
  const j = await firstFailing(statements.length, (m) => probe(k, statements[m - 1].end));
  return j > statements.length ? { partIndex } : pick(j - 1);
}
function locateStatement(text, statement) {
  const s = statement?.trim();
  if (!s) return {};
  const at = text.indexOf(s);
  return at < 0 ? { statement: clip(s) } : { line: lineAt(text, at), statement: clip(s) };
}

// src/targets/hasura/run-sql-transport.ts
var sha256 = (text) => text === void 0 ? void 0 : createHash2("sha256").update(text).digest("hex");
function parseMarks(r) {
  const cell = Array.isArray(r?.result) ? r.result[1]?.[0] : void 0;
  return typeof cell === "string" ? cell.trim().split(/\s+/).map(Number) : [];
}
function targetState(state) {
  return { versions: new Map(state.applied.versions), source: state };
}
var isDatabaseState = (v) => typeof v === "object" && v !== null && "store" in v && "applied" in v;
var RunSqlTransport = class {
  constructor(conn, database, runUrl) {
    this.conn = conn;
    this.database = database;
    this.runUrl = runUrl;
  }
  conn;
  database;
  runUrl;
  yamlMetadataSteps = "refuse";
  runId = randomUUID();
  state;
  /** Ledger rows this run wrote (catalog-with-ledger), recorded in the catalog at the end. */
  written = /* @__PURE__ */ new Set();
  /** A unit of this run committed: the ledger's first-unit rows are in. */
  ledgerStarted = false;
  redact(text) {
    return this.conn.http.redact(text);
  }
  async readState() {
    return targetState(await this.conn.readState(this.database));
  }
  /** The state the plan was made from (a copy: this run changes it as it commits). */
  planned(state) {
    if (isDatabaseState(state.source)) this.state = structuredClone(state.source);
  }
  async prepare() {
    this.state ??= await this.conn.readState(this.database);
    if (this.state.migrationMode !== "true") throw this.migrationModeError();
  }
  get st() {
    return this.state;
  }
  change(ctx, i, from, to) {
    const s = ctx.book.steps[i];
    return {
      version: s.version,
      name: s.name,
      ...s.sql ? { sha256: sha256(s.sql.text) } : {},
      from: from ?? markOf(this.st.applied.versions, s.version),
      to: to ?? (s.direction === "up" ? "applied" : "absent")
    };
  }
  /** lock + guard + (each step's SQL + its record + a timing mark) + catalog row + verification + the end. */
  transactionBatch(ctx, idx, changes, o) {
    const st = this.st;
    const db = this.database;
    const timed = o.end === "marks";
    const b = new Batch().add(lockSql(db, ctx.request.timeoutMs));
    b.add(
      guardSql(
        st.store,
        {
          database: db,
          catalogId: st.catalogId,
          copyCompleted: st.copyCompleted,
          ledgerFingerprints: Object.fromEntries(
            st.ledger.filter((r) => changes.some((c) => c.version === r.version)).map((r) => [r.version.toString(), r.fp])
          )
        },
        changes
      )
    );
    const ledger = ctx.ledger && { ...ctx.ledger, runId: this.runId };
    const recorded = st.store !== "catalog-with-ledger";
    if (ledger) b.add(ledgerUnitSql(db, ledger, !this.ledgerStarted));
    if (timed) b.add(MARK_SQL);
    idx.forEach((i, k) => {
      if (o.execute) for (const part of ctx.parts[i]) this.addRunnable(b, part, i, ctx);
      b.add(recordSql(st.store, db, changes[k], this.runId, this.runUrl));
      if (ledger && changes[k].to !== "dirty") b.add(ledgerStepSql(ctx.book.steps[i], ledger, recorded) ?? "");
      if (timed) b.add(MARK_SQL);
    });
    if (st.store === "catalog-in-source") {
      b.add(
        catalogUpdateSql(
          db,
          st.catalogId ?? "",
          changes,
          st.migrationMode,
          st.copyCompleted ? /* @__PURE__ */ new Map() : st.copied
        )
      );
    }
    b.add(verifySql(st.store, db, changes, this.runId, st.catalogId));
    b.add(
      o.end === "marks" ? READ_MARKS_SQL : o.end === "sentinel" ? SENTINEL_SQL : captureSql(o.end.capture)
    );
    return b;
  }
  /** A part as it runs in the transaction (blocks as savepoints), then the end of the settings it made. */
  addRunnable(b, part, owner, ctx) {
    const after = part.changesSettings ? restoreSettingsSql(ctx.request.timeoutMs) : void 0;
    b.addPart(part, owner, part.sql, after);
  }
  /**
   * A rehearsal of the first `count` parts (the last cut at `cutAt`): true when it fails with the same
   * error as the real run (another error means something else changed meanwhile: not this prefix's fault).
   */
  probe(parts, original, ctx) {
    return async (count, cutAt) => {
      const b = new Batch().add(lockSql(this.database, ctx.request.timeoutMs));
      parts.slice(0, count).forEach((p, n) => {
        const cut = n === count - 1 && cutAt !== void 0;
        b.addPart(p.part, p.owner, cut ? p.text.slice(0, cutAt) : p.text, cut ? void 0 : p.after);
      });
      b.add(SENTINEL_SQL);
      try {
        await this.conn.runSql(this.database, b.sql, {
          write: false,
          what: `rehearsing part of the failed transaction to find the failing statement`,
          timeoutMs: deadline(ctx.request.timeoutMs)
        });
        return true;
      } catch (e) {
        const pg = pgErrorOf(e);
        if (!pg) throw e;
        return pg.message === original.message && pg.sqlstate === original.sqlstate;
      }
    };
  }
  async transaction(unit, ctx) {
    if (ctx.request.mode === "rehearse") return this.rehearse(unit, ctx);
    const idx = unit.steps;
    const mode = ctx.request.mode;
    const changes = idx.map((i) => this.change(ctx, i));
    for (const i of idx) ctx.book.start(i);
    const execute2 = mode === "apply";
    if (ctx.hasBeforeCommit) {
      await ctx.beforeCommit(unit, (sql) => this.capture(ctx, idx, changes, execute2, sql));
    }
    const batch = this.transactionBatch(ctx, idx, changes, { execute: execute2, end: "marks" });
    const n = idx.length;
    const what = mode === "skip-execution" ? `recording ${n} version(s) of database '${this.database}' (skip-execution)` : `applying ${n} migration(s) to database '${this.database}' in one transaction`;
    const started = performance.now();
    let answer;
    try {
      answer = await this.conn.runSql(this.database, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(ctx.request.timeoutMs)
      });
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes);
        if (landed !== true) ctx.fail(void 0, this.unknownOutcome(e, landed, changes));
        ctx.info(`${e.message}; the state shows that the transaction committed`);
      } else {
        await this.failTransaction(e, idx, changes, batch, ctx);
      }
    }
    if (answer) this.committed(changes);
    const marks = parseMarks(answer);
    const total = Math.round(performance.now() - started);
    idx.forEach((i, k) => {
      const a = marks[k];
      const b = marks[k + 1];
      ctx.ran(i, a !== void 0 && b !== void 0 ? Math.max(0, b - a) : k === 0 ? total : 0);
    });
    ctx.book.committed();
  }
  /** The unit rehearsed with `sql` at its end: the text `sql` answers inside it. */
  async capture(ctx, idx, changes, execute2, sql) {
    const batch = this.transactionBatch(ctx, idx, changes, { execute: execute2, end: { capture: sql } });
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: false,
        what: `checking the transaction of database '${this.database}' before it commits`,
        timeoutMs: deadline(ctx.request.timeoutMs)
      });
    } catch (e) {
      const pg = pgErrorOf(e);
      if (pg?.message === SIGNALS.captured) return pg.detail ?? "";
      if (databaseErrorHidden(e)) {
        throw new UnitUnreadable(
          `a read inside a transaction comes back only in an error, and ${HIDDEN_ERROR}; set it to true on the server to check before anything commits`
        );
      }
      await this.failTransaction(e, idx, changes, batch, ctx);
    }
    throw new TargetError("the check before commit was not rolled back by its capture statement");
  }
  /** Turns a failed transaction into a located error on its step, or into a re-plan. */
  async failTransaction(e, idx, changes, batch, ctx) {
    const pg = pgErrorOf(e);
    if (pg?.message === SIGNALS.stateChanged) throw new StateChanged();
    if (pg?.message === SIGNALS.migrationModeDisabled) throw this.migrationModeError();
    const timeoutMs = ctx.request.timeoutMs;
    if (pg && (pg.sqlstate === "55P03" || pg.sqlstate === "57014")) {
      const info2 = sqlErrorInfo(pg, { database: this.database, timeoutMs });
      if (pg.sqlstate === "57014" && !info2.remedy) info2.remedy = REMEDIES.statementTimeout;
      this.fail(idx, idx.length === 1 ? idx[0] : void 0, info2, ctx);
    }
    if (!pg || pg.message === SIGNALS.notRecorded) {
      const info2 = toErrorInfo(e, this.database);
      if (pg) info2.message = MESSAGES.stateNotRecorded;
      if (databaseErrorHidden(e)) info2.remedy = REMEDIES.hiddenDatabaseErrors;
      this.fail(idx, void 0, info2, ctx);
    }
    const parts = batch.placed.map((p) => ({
      part: p.part,
      owner: p.owner,
      text: p.text,
      after: p.after
    }));
    const located = await locateFailure(parts, pg, batch, this.probe(parts, pg, ctx));
    const failing = located.partIndex !== void 0 ? parts[located.partIndex] : void 0;
    const placed = located.partIndex !== void 0 ? batch.placed[located.partIndex] : void 0;
    const message = placed ? withoutAppendedSql(pg.message, batch.sql.slice(placed.end)) : pg.message;
    const owner = failing?.owner;
    const info = sqlErrorInfo(
      { ...pg, message },
      {
        database: this.database,
        timeoutMs,
        ...owner !== void 0 ? { version: ctx.book.steps[owner].version.toString() } : {},
        ...failing ? { file: failing.part.file } : {},
        ...located.line !== void 0 ? { line: located.line } : {},
        ...located.statement ? { statement: located.statement } : {}
      }
    );
    if (!failing) info.message = `recording the migration state failed: ${pg.message}`;
    this.fail(idx, owner ?? (idx.length === 1 ? idx[0] : void 0), info, ctx);
  }
  /** The steps of the failed request before the failing one ran (and are rolled back with it). */
  fail(idx, failingStep, info, ctx) {
    const at = failingStep === void 0 ? -1 : idx.indexOf(failingStep);
    for (const i of idx.slice(0, Math.max(0, at))) ctx.ran(i, 0);
    return ctx.fail(failingStep, info);
  }
  /** A no-transaction file: mark dirty (transaction), run it alone, mark clean (transaction). */
  async outside(unit, ctx) {
    const i = unit.step;
    const step = ctx.book.steps[i];
    const up = step.direction === "up";
    ctx.book.start(i);
    const started = performance.now();
    await this.smallTransaction(
      ctx,
      [i],
      [this.change(ctx, i, void 0, "dirty")],
      `marking version ${step.version} dirty before its no-transaction file`
    );
    const parts = ctx.parts[i];
    const restore = parts.some((p) => p.changesSettings) ? [restoreSettingsSql()] : [];
    try {
      await this.conn.runSql(this.database, [...parts.map((p) => p.text), ...restore].join("\n;\n"), {
        write: true,
        noTransaction: true,
        what: `running ${step.sql?.path ?? `version ${step.version}`} outside a transaction`,
        timeoutMs: ctx.request.timeoutMs
      });
    } catch (e) {
      const pg = pgErrorOf(e);
      let info;
      if (pg) {
        const part = parts.find((p) => pg.batchStatement && p.text.includes(pg.batchStatement.trim())) ?? parts[0];
        const loc = part ? locateStatement(part.text, pg.batchStatement) : {};
        const line = part?.yamlLine ?? loc.line;
        info = sqlErrorInfo(pg, {
          database: this.database,
          version: step.version.toString(),
          timeoutMs: ctx.request.timeoutMs,
          ...part ? { file: part.file } : {},
          ...line !== void 0 ? { line } : {},
          ...loc.statement ? { statement: loc.statement } : {}
        });
      } else {
        info = toErrorInfo(e, this.database);
        if (databaseErrorHidden(e)) info.message += ` (${HIDDEN_ERROR})`;
      }
      info.remedy = REMEDIES.dirtyVersion(step.version);
      ctx.book.results[i].durationMs = Math.round(performance.now() - started);
      ctx.fail(i, info);
    }
    await this.smallTransaction(
      ctx,
      [i],
      [this.change(ctx, i, "dirty", up ? "applied" : "absent")],
      `recording version ${step.version} after its no-transaction file`
    );
    ctx.book.settled(i, performance.now() - started, "applied");
  }
  async smallTransaction(ctx, idx, changes, what) {
    const batch = this.transactionBatch(ctx, idx, changes, { execute: false, end: "marks" });
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(ctx.request.timeoutMs)
      });
      this.committed(changes);
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes);
        if (landed === true) return;
        ctx.fail(void 0, this.unknownOutcome(e, landed, changes));
      }
      await this.failTransaction(e, idx, changes, batch, ctx);
    }
  }
  /** Everything that can run in a transaction, in one request that always rolls back. */
  async rehearse(unit, ctx) {
    const idx = unit.steps;
    const changes = idx.map((i) => this.change(ctx, i));
    for (const i of idx) ctx.book.start(i);
    if (ctx.hasBeforeCommit) {
      await ctx.beforeCommit(unit, (sql) => this.capture(ctx, idx, changes, true, sql));
    }
    const batch = this.transactionBatch(ctx, idx, changes, { execute: true, end: "sentinel" });
    const started = performance.now();
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: false,
        what: `rehearsing ${idx.length} migration(s) on database '${this.database}'`,
        timeoutMs: deadline(ctx.request.timeoutMs)
      });
      throw new TargetError("the rehearsal transaction was not rolled back by its sentinel statement");
    } catch (e) {
      const pg = pgErrorOf(e);
      if (pg?.message !== SIGNALS.rehearsal) {
        if (databaseErrorHidden(e)) throw rehearsalUnreadable("migration");
        if (!pg) throw e;
        await this.failTransaction(e, idx, changes, batch, ctx);
      }
    }
    const total = Math.round(performance.now() - started);
    idx.forEach((i, k) => ctx.ran(i, k === 0 ? total : 0));
    ctx.book.rolledBack();
  }
  committed(changes) {
    this.ledgerStarted = true;
    const st = this.st;
    const versions = st.applied.versions;
    for (const c of changes) {
      if (c.to === "absent") versions.delete(c.version);
      else versions.set(c.version, c.to === "dirty");
      if (st.store === "catalog-with-ledger") {
        const row = {
          version: c.version,
          name: c.name,
          applied: c.to !== "absent",
          dirty: c.to === "dirty",
          recorded: false,
          runId: this.runId,
          fp: ""
        };
        row.fp = ledgerFingerprint(row);
        st.ledger = [...st.ledger.filter((l) => l.version !== c.version), row];
        this.written.add(c.version);
      }
    }
    if (st.store === "catalog-in-source") {
      st.copyCompleted = true;
      st.copied = /* @__PURE__ */ new Map();
    }
  }
  /** After a lost answer: does the state show the changes (true), none of them (false), or cannot we tell? */
  async landed(changes) {
    let fresh;
    try {
      fresh = await this.conn.readState(this.database);
    } catch {
      return void 0;
    }
    const marks = changes.map((c) => markOf(fresh.applied.versions, c.version));
    if (changes.every((c, k) => marks[k] === c.to)) {
      this.state = fresh;
      this.ledgerStarted = true;
      for (const c of changes) if (fresh.store === "catalog-with-ledger") this.written.add(c.version);
      return true;
    }
    return changes.every((c, k) => marks[k] === c.from) ? false : void 0;
  }
  unknownOutcome(e, landed, changes) {
    const versions = changes.map((c) => c.version.toString()).join(", ");
    const what = landed === false ? `The state shows none of it committed (versions ${versions}); if the request is still running on the server it may yet commit.` : `Re-reading the state could not tell whether it committed (versions ${versions}).`;
    return {
      kind: "target",
      database: this.database,
      message: `${e.message}. ${what}`,
      remedy: REMEDIES.rerunSafe
    };
  }
  async complete(ctx) {
    if (this.state?.store !== "catalog-with-ledger") return;
    await completeCatalog({
      conn: this.conn,
      database: this.database,
      state: this.state,
      runId: this.runId,
      written: this.written,
      timeoutMs: ctx.request.timeoutMs,
      info: (message) => ctx.info(message)
    });
  }
  migrationModeError() {
    const where = this.state?.store === "schema-migrations" ? "hdb_catalog.migration_settings" : "cli_state.settings in the catalog state";
    return new TargetError(
      `${migrationModeDisabled(where, this.state?.migrationMode ?? "false")}. ${REMEDIES.migrationMode}`,
      { database: this.database }
    );
  }
  interrupt() {
  }
  async rollback() {
  }
  async release() {
  }
  stateAfter(known) {
    return Promise.resolve(this.state ? { versions: new Map(this.state.applied.versions) } : known);
  }
};

// src/targets/hasura/seeds.ts
async function applySeedsOnHasura(conn, req) {
  const files = req.files.map((f) => f.path);
  let runnable;
  try {
    runnable = await Promise.all(
      req.files.map((f) => runnablePart({ file: f.path, text: f.text }, { database: req.database }))
    );
  } catch (e) {
    return { status: "failed", files, error: toErrorInfo(e, req.database) };
  }
  const parts = runnable.map((r, i) => ({
    part: { file: r.file, text: r.text },
    owner: i,
    text: r.sql,
    ...r.changesSettings ? { after: restoreSettingsSql(req.timeoutMs) } : {}
  }));
  const build = (count, cutAt, rehearse2 = true) => {
    const b = new Batch().add(lockSql(req.database, req.timeoutMs));
    parts.slice(0, count).forEach((p, n) => {
      const cut = n === count - 1 && cutAt !== void 0;
      b.addPart(p.part, p.owner, cut ? p.text.slice(0, cutAt) : p.text, cut ? void 0 : p.after);
    });
    if (rehearse2) b.add(SENTINEL_SQL);
    return b;
  };
  const rehearse = req.mode === "rehearse";
  const batch = build(parts.length, void 0, rehearse);
  try {
    await conn.runSql(req.database, batch.sql, {
      write: !rehearse,
      what: `${rehearse ? "rehearsing" : "applying"} ${files.length} seed file(s) on database '${req.database}'`,
      timeoutMs: deadline(req.timeoutMs)
    });
    if (rehearse) throw new Error("the seed rehearsal was not rolled back by its sentinel statement");
    return { status: "applied", files };
  } catch (e) {
    const pg = pgErrorOf(e);
    if (rehearse && pg?.message === SIGNALS.rehearsal) return { status: "rehearsed", files };
    const redact = (s) => conn.http.redact(s);
    if (!pg) {
      const error = redactInfo(toErrorInfo(e, req.database), redact);
      if (databaseErrorHidden(e) && rehearse) error.message = rehearsalUnreadable("seed").message;
      else if (databaseErrorHidden(e)) error.remedy = REMEDIES.hiddenDatabaseErrors;
      return { status: "failed", files, error };
    }
    const located = await locateFailure(parts, pg, batch, async (count, cutAt) => {
      try {
        await conn.runSql(req.database, build(count, cutAt).sql, {
          write: false,
          what: "rehearsing part of the seeds to find the failing statement",
          timeoutMs: deadline(req.timeoutMs)
        });
        return true;
      } catch (err) {
        const p = pgErrorOf(err);
        if (!p) throw err;
        return p.message === pg.message && p.sqlstate === pg.sqlstate;
      }
    });
    const part = located.partIndex !== void 0 ? parts[located.partIndex]?.part : void 0;
    return {
      status: "failed",
      files,
      error: {
        kind: "sql",
        message: redact(pg.message),
        database: req.database,
        ...part ? { file: part.file } : {},
        ...located.line !== void 0 ? { line: located.line } : {},
        ...pg.sqlstate ? { sqlstate: pg.sqlstate } : {},
        ...pg.detail ? { detail: redact(pg.detail) } : {},
        ...pg.hint ? { hint: redact(pg.hint) } : {},
        ...located.statement ? { statement: redact(located.statement) } : {},
        remedy: REMEDIES.seeds
      }
    };
  }
}

// src/targets/hasura/hasura-target.ts
var CONNECT_HINT = "Check the endpoint (the server's base URL, not its /v1/graphql URL) and that the server is up and healthy.";
async function connectHasura(options) {
  const http = new HasuraHttp(options);
  let serverVersion;
  try {
    const v = await http.read(
      "version",
      void 0,
      "reading the server version (/v1/version)"
    );
    if (typeof v.version === "string") serverVersion = v.version;
  } catch (e) {
    throw new TargetError(
      http.redact(
        `connecting to the Hasura GraphQL Engine at ${http.display} failed: ${e.message}. ${CONNECT_HINT}`
      ),
      { input: "endpoint" },
      e instanceof TargetError ? e.code : void 0
    );
  }
  let exported;
  try {
    exported = await http.read(
      "query",
      { type: "export_metadata", args: {} },
      "detecting the server generation (export_metadata)"
    );
  } catch (e) {
    if (e instanceof HasuraApiError && (e.status === 401 || e.body.code === "access-denied")) {
      const given = options.adminSecret === void 0 ? "no admin secret was given" : "the admin secret given was refused";
      throw new TargetError(
        http.redact(
          `the Hasura GraphQL Engine at ${http.display} refused access: ${e.body.error} (${given})`
        ),
        { input: "admin-secret" },
        String(e.status)
      );
    }
    throw e;
  }
  const generation = exported.version === 3 ? "v2" : "v1";
  const cv = options.configVersion;
  if (cv >= 3 && generation !== "v2") {
    throw new UserError(
      `config v3 can only be used with servers having metadata version >= 3 (the server at ${http.display} answered metadata version ${String(exported.version)}): upgrade the server, or use config 2`
    );
  }
  if (cv === 1 && generation === "v2") {
    throw new UserError(
      "config v1 is deprecated from v1.4 and cannot be used with a v2 Hasura server: run `hasura scripts update-project-v2` (and then update-project-v3)"
    );
  }
  if (cv < 3 && generation === "v2") {
    const names = (exported.sources ?? []).map((s) => s.name);
    if (names.length === 0) {
      throw new UserError(
        `no connected databases found on hasura (${http.display}): connect the default database first`
      );
    }
    if (names.length !== 1 || names[0] !== "default") {
      throw new UserError(
        "Looks like you are trying to use hasura with multiple databases, which requires some changes on your project directory: run `hasura scripts update-project-v3` to use config v3"
      );
    }
  }
  const info = {
    kind: "hasura",
    display: http.display,
    ...serverVersion ? { serverVersion } : {}
  };
  return new HasuraServerTarget(new HasuraConnection(http, generation, cv), info, options.runUrl);
}
var HasuraServerTarget = class {
  constructor(conn, info, runUrl) {
    this.conn = conn;
    this.info = info;
    this.runUrl = runUrl;
  }
  conn;
  info;
  runUrl;
  capabilities = {
    ephemeral: false,
    yamlMetadataSteps: "refuse",
    holdsMetadata: true,
    readsByRehearsal: true
  };
  get generation() {
    return this.conn.generation;
  }
  async readState(database) {
    return targetState(await this.conn.readState(database));
  }
  execute(request) {
    return execute(new RunSqlTransport(this.conn, request.database, this.runUrl), request);
  }
  async applySeeds(request) {
    try {
      return await applySeedsOnHasura(this.conn, request);
    } catch (e) {
      return {
        status: "failed",
        files: request.files.map((f) => f.path),
        error: redactInfo(toErrorInfo(e, request.database), (s) => this.conn.http.redact(s))
      };
    }
  }
  snapshot(database) {
    return takeSnapshot(runSqlSnapshotQuery(this.conn, database));
  }
  async exportMetadata() {
    const v2 = this.conn.generation === "v2";
    const answer = await this.conn.metadata(
      { type: "export_metadata", ...v2 ? { version: 2 } : {}, args: {} },
      false,
      "reading the server's metadata (export_metadata)"
    );
    return serverMetadataOf(answer);
  }
  async listDatabases() {
    const m = await this.conn.metadata(
      { type: "export_metadata", args: {} },
      false,
      "listing the databases (export_metadata)"
    );
    if (this.conn.generation === "v1") return [{ name: "default", kind: "postgres" }];
    return (m.sources ?? []).map((s) => ({
      name: String(s.name),
      kind: typeof s.kind === "string" ? s.kind : "postgres"
    }));
  }
  connectSources(metadata) {
    return connectSourcesOnHasura(this.conn, metadata);
  }
  applyMetadata(metadata, options) {
    return applyMetadataOnHasura(this.conn, metadata, options);
  }
  async writeSql(database, sql, what) {
    await this.conn.runSql(database, sql, { write: true, what });
  }
  readQuery(database) {
    return async (sql) => {
      const answer = await this.conn.runSql(database, sql, {
        readOnly: true,
        write: false,
        what: `reading database '${database}' for the drift check`
      });
      const cell = answer.result?.[1]?.[0];
      return typeof cell === "string" ? cell : "";
    };
  }
  async close() {
  }
};
export {
  connectHasura
};
