import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/drift/ledger.ts
import { createHash } from "node:crypto";

// src/targets/hasura/sql-text.ts
var lit = (s) => `'${s.replace(/'/g, "''")}'`;
function dollarTag(body, base = "hma") {
  let tag = `$${base}$`;
  for (let n = 1; body.includes(tag); n++) tag = `$${base}${n}$`;
  return tag;
}
var XML_ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function xmlCellJson(cell) {
  if (!cell) return void 0;
  const m = /<j>([\s\S]*?)<\/j>/.exec(cell);
  if (!m) return void 0;
  const text2 = (m[1] ?? "").replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? all;
  });
  return JSON.parse(text2);
}

// src/drift/ledger.ts
var LEDGER_SCHEMA = "hasura_migrate_action";
var LEDGER_TABLE = `${LEDGER_SCHEMA}.ledger`;
var METADATA_DATABASE = "";
var METADATA_VERSION = 0n;
function verifiedSchemaVersion(database) {
  return BigInt(`0x${createHash("sha256").update(database, "utf8").digest("hex").slice(0, 12)}`) + 1n;
}
var ADDED_COLUMNS = [
  ["sha256_origin", "text"],
  ["git_commit", "text"],
  ["resource_version", "bigint"],
  ["applied_set_sha256", "text"]
];
var TABLE_BODY = `database text NOT NULL,
  version bigint NOT NULL,
  name text NOT NULL,
  sha256 text,
  applied boolean NOT NULL,
  dirty boolean NOT NULL DEFAULT false,
  applied_at timestamptz NOT NULL DEFAULT now(),
  run_url text,
  run_id text NOT NULL,
  recorded boolean NOT NULL DEFAULT false,
  ${ADDED_COLUMNS.map(([n, t]) => `${n} ${t}`).join(",\n  ")},
  PRIMARY KEY (database, version)`;
var relationExists = (name) => `EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ${lit(LEDGER_SCHEMA)} AND c.relname = ${lit(name)})`;
var columnExists = (column) => `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ${lit(LEDGER_SCHEMA)} AND c.relname = 'ledger'
              AND a.attname = ${lit(column)} AND NOT a.attisdropped)`;
var ENSURE_LEDGER_SQL = (() => {
  const body = `IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ${lit(LEDGER_SCHEMA)}) THEN
  CREATE SCHEMA ${LEDGER_SCHEMA};
END IF;
IF NOT ${relationExists("ledger")} THEN
  CREATE TABLE ${LEDGER_TABLE} (
  ${TABLE_BODY}
  );
ELSE
${ADDED_COLUMNS.map(
    ([n, t]) => `  IF NOT ${columnExists(n)} THEN
    ALTER TABLE ${LEDGER_TABLE} ADD COLUMN ${n} ${t};
  END IF;`
  ).join("\n")}
END IF;`;
  const tag = dollarTag(body);
  return `DO ${tag} BEGIN
${body}
END ${tag}`;
})();
var sha256Hex = (text2) => createHash("sha256").update(text2, "utf8").digest("hex");
var orNull = (s) => s === void 0 ? "NULL" : lit(s);
function recordVersionSql(r) {
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit)
VALUES (${lit(r.database)}, ${r.version}, ${lit(r.name)}, ${lit(r.sha256)}, ${lit(r.origin ?? "applied")}, true, ${r.dirty === true}, now(), ${orNull(r.runUrl)}, ${lit(r.runId)}, ${r.recorded}, ${orNull(r.commit)})
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256,
  sha256_origin = EXCLUDED.sha256_origin, applied = true, dirty = EXCLUDED.dirty, applied_at = EXCLUDED.applied_at,
  run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, recorded = EXCLUDED.recorded, git_commit = EXCLUDED.git_commit`;
}
var removeVersionSql = (database, version) => `DELETE FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND version = ${version}`;
function removeStaleSql(database, versions) {
  if (versions.length === 0) return "";
  return `DELETE FROM ${LEDGER_TABLE} WHERE database = ${lit(database)} AND recorded
  AND version IN (${versions.map((v) => v.toString()).join(", ")})`;
}
function adoptVersionsSql(database, files, run) {
  if (files.length === 0) return "";
  const rows = files.map(
    (f) => `(${lit(database)}, ${f.version}, ${lit(f.name)}, ${lit(f.sha256)}, 'adopted', true, false, now(), ${orNull(run.runUrl)}, ${lit(run.runId)}, true, ${orNull(run.commit)})`
  );
  return `INSERT INTO ${LEDGER_TABLE} (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit)
VALUES ${rows.join(",\n  ")}
ON CONFLICT (database, version) DO NOTHING`;
}
function acceptEditsSql(database, files, run) {
  return files.map(
    (f) => `UPDATE ${LEDGER_TABLE} SET sha256 = ${lit(f.sha256)}, sha256_origin = 'accepted', run_url = ${orNull(run.runUrl)}, git_commit = ${orNull(run.commit)}
  WHERE database = ${lit(database)} AND version = ${f.version}`
  ).join(";\n");
}
function recordMetadataSql(m) {
  const rv = m.resourceVersion === void 0 ? "NULL" : String(Math.trunc(m.resourceVersion));
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit, resource_version)
VALUES (${lit(METADATA_DATABASE)}, ${METADATA_VERSION}, 'metadata', ${lit(m.digest)}, 'applied', true, false, now(), ${orNull(m.runUrl)}, ${lit(m.runId)}, true, ${orNull(m.commit)}, ${rv})
ON CONFLICT (database, version) DO UPDATE SET sha256 = EXCLUDED.sha256, sha256_origin = EXCLUDED.sha256_origin,
  applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url, run_id = EXCLUDED.run_id, git_commit = EXCLUDED.git_commit,
  resource_version = EXCLUDED.resource_version`;
}
function recordVerifiedSchemaSql(r) {
  return `INSERT INTO ${LEDGER_TABLE} AS l (database, version, name, sha256, sha256_origin, applied, dirty, applied_at, run_url, run_id, recorded, git_commit, applied_set_sha256)
VALUES (${lit(METADATA_DATABASE)}, ${verifiedSchemaVersion(r.database)}, ${lit(r.database)}, ${lit(r.schemaDigest)}, ${lit(r.by)}, true, false, now(), ${orNull(r.runUrl)}, ${lit(r.runId)}, true, ${orNull(r.commit)}, ${lit(r.appliedDigest)})
ON CONFLICT (database, version) DO UPDATE SET name = EXCLUDED.name, sha256 = EXCLUDED.sha256,
  sha256_origin = EXCLUDED.sha256_origin, applied_at = EXCLUDED.applied_at, run_url = EXCLUDED.run_url,
  run_id = EXCLUDED.run_id, git_commit = EXCLUDED.git_commit, applied_set_sha256 = EXCLUDED.applied_set_sha256`;
}
function readLedgerSql(database) {
  const inner = `SELECT coalesce(json_agg(to_jsonb(l)), '[]')::text AS j FROM ${LEDGER_TABLE} l
 WHERE l.database IN (${lit(database)}, ${lit(METADATA_DATABASE)})`;
  return `SELECT coalesce(CASE WHEN ${relationExists("ledger")} THEN query_to_xml(${lit(inner)}, true, true, '')::text END, '') AS ledger`;
}
var text = (v) => typeof v === "string" && v !== "" ? v : void 0;
var ORIGINS = ["applied", "adopted", "accepted"];
function parseLedger(cell, database) {
  const rows = xmlCellJson(cell);
  if (!Array.isArray(rows)) return { exists: cell !== "", entries: [] };
  const out = { exists: true, entries: [] };
  for (const raw of rows) {
    const version = typeof raw.version === "number" || typeof raw.version === "string" ? String(raw.version) : "";
    if (!/^\d+$/.test(version)) continue;
    if (raw.database === METADATA_DATABASE) {
      const digest = text(raw.sha256);
      if (!digest) continue;
      if (BigInt(version) === verifiedSchemaVersion(database) && raw.name === database) {
        const applied = text(raw.applied_set_sha256);
        if (applied)
          out.verifiedSchema = {
            schemaDigest: digest,
            appliedDigest: applied,
            by: raw.sha256_origin === "apply" ? "apply" : "replay",
            ...optional({
              checkedAt: text(raw.applied_at),
              runUrl: text(raw.run_url),
              commit: text(raw.git_commit)
            })
          };
        continue;
      }
      if (BigInt(version) !== METADATA_VERSION) continue;
      const rv = raw.resource_version;
      out.metadata = {
        digest,
        ...typeof rv === "number" || typeof rv === "string" ? { resourceVersion: Number(rv) } : {},
        ...optional({
          appliedAt: text(raw.applied_at),
          runUrl: text(raw.run_url),
          commit: text(raw.git_commit)
        })
      };
      continue;
    }
    if (raw.database !== database) continue;
    const origin = ORIGINS.find((o) => o === raw.sha256_origin) ?? "applied";
    out.entries.push({
      version: BigInt(version),
      name: text(raw.name) ?? "",
      ...optional({
        sha256: text(raw.sha256),
        appliedAt: text(raw.applied_at),
        runUrl: text(raw.run_url),
        commit: text(raw.git_commit)
      }),
      origin,
      applied: raw.applied === true,
      dirty: raw.dirty === true,
      recorded: raw.recorded === true
    });
  }
  out.entries.sort((a, b) => a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  return out;
}
function optional(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
async function readLedger(query, database) {
  return parseLedger(await query(readLedgerSql(database)), database);
}

export {
  lit,
  dollarTag,
  xmlCellJson,
  METADATA_DATABASE,
  ENSURE_LEDGER_SQL,
  sha256Hex,
  recordVersionSql,
  removeVersionSql,
  removeStaleSql,
  adoptVersionsSql,
  acceptEditsSql,
  recordMetadataSql,
  recordVerifiedSchemaSql,
  readLedger
};
