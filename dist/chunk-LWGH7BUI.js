import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  ObjectStore,
  TREE,
  batchObjects,
  decide,
  executesOnRealTarget,
  forkPullRequest,
  gitIn,
  objectId,
  parseCommit,
  readBaseMetadata,
  repositoryPrefix,
  short
} from "./chunk-2IS4YLRH.js";
import {
  diffMetadataLoadingParser
} from "./chunk-LKB7VIHT.js";
import {
  NO_TRANSACTION_MARKER,
  buildMetadata,
  listDatabases,
  listSeeds,
  metadataObjectFile,
  readConfig,
  readMigrations,
  readUtf8,
  relativePosix
} from "./chunk-EWGMX6GJ.js";
import {
  checkIntegrity,
  driftLogLines,
  driftSummary,
  localUpFiles
} from "./chunk-QX3LRMBR.js";
import {
  pullRequestBase,
  readEventPayload
} from "./chunk-KOT7UVMZ.js";
import {
  databaseUrlProblem,
  databaseUrlSecrets,
  passwordForms,
  redactUrl
} from "./chunk-FDYABMPG.js";
import {
  runSqlText,
  transactionFindings
} from "./chunk-AI57RCQL.js";
import {
  diffSnapshots
} from "./chunk-DHH67BYS.js";
import {
  displayEndpoint
} from "./chunk-CRTDMUKX.js";
import {
  REMEDIES,
  UnitUnreadable,
  composeBeforeCommit,
  hasLedgerRows,
  runnablePart,
  splitStatements,
  toErrorInfo
} from "./chunk-UGAAY2VO.js";
import {
  ENSURE_LEDGER_SQL,
  METADATA_DATABASE,
  readLedger,
  recordMetadataSql,
  recordVerifiedSchemaSql
} from "./chunk-LJAHAILJ.js";
import {
  isOnlyTrivia,
  parseStatements,
  takeSnapshot
} from "./chunk-ISGRHWTH.js";
import {
  LineCounter
} from "./chunk-PQOAXLNL.js";
import {
  EVENT_ID,
  getScalarValue,
  parseEvents
} from "./chunk-OBJDCIQA.js";
import {
  RefusedError,
  TargetError,
  UserError,
  isKnownError
} from "./chunk-SWCUOCRD.js";

// src/result-builder.ts
function versionState(state) {
  const applied = [...state.versions.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const newest = applied.at(-1);
  return {
    current: newest === void 0 ? null : newest.toString(),
    applied: applied.map(String),
    dirty: newest === void 0 ? false : state.versions.get(newest) === true
  };
}
function statusRows(db, state) {
  const names = new Map(db.migrations.map((m) => [m.version, m.name]));
  const all = /* @__PURE__ */ new Set([...names.keys(), ...state.versions.keys()]);
  return [...all].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).map((v) => ({
    version: v.toString(),
    name: names.get(v) ?? "-",
    local: names.has(v),
    applied: state.versions.has(v)
  }));
}
function plannedStep(step2) {
  return {
    version: step2.version.toString(),
    name: step2.name,
    direction: step2.direction,
    file: step2.sql?.path ?? step2.yaml?.path,
    transactional: step2.transactional,
    sql: step2.sql?.text
  };
}
function findingResult(f) {
  return {
    kind: f.kind,
    severity: f.severity,
    database: f.database,
    version: f.version?.toString(),
    file: f.file,
    line: f.line,
    message: f.message
  };
}
function oneLine(error, next = error.remedy) {
  const where = [];
  if (error.file) where.push(error.line ? `${error.file}:${error.line}` : error.file);
  else {
    if (error.database) where.push(`database '${error.database}'`);
    if (error.version) where.push(`version ${error.version}`);
  }
  if (error.file && error.version) where.push(`version ${error.version}`);
  const sqlstate = error.sqlstate ? ` [SQLSTATE ${error.sqlstate}]` : "";
  const prefix = where.length ? `${where.join(", ")}: ` : "";
  const tail = next ? ` \u2014 ${next}` : "";
  return `${prefix}${error.message}${sqlstate}${tail}`.replace(/\s*\n\s*/g, " ");
}

// src/targets/open.ts
async function openTargets(settings, config, io, projectSql2) {
  const t = settings.target;
  const common = { configVersion: config.version, timeoutMs: settings.timeoutMs, signal: io.signal };
  const connectHasura = async (endpoint, adminSecret) => {
    const { connectHasura: connectHasura2 } = await import("./chunk-IBWERZSM.js");
    return connectHasura2({ endpoint, adminSecret, runUrl: io.runUrl, ...common });
  };
  if (t.kind === "embedded" && settings.dryRun === "plan") {
    const migrations2 = planOnlyEmbedded();
    return { migrations: migrations2, close: async () => {
    } };
  }
  if (t.kind === "embedded") {
    io.info("No database-url or endpoint: rehearsing on an embedded PostgreSQL (in this process, empty)");
    const { mentionedExtensions, startEmbedded } = await import("./chunk-OVUPZJ4W.js");
    const migrations2 = await startEmbedded({
      ...common,
      ...projectSql2 ? { extensions: mentionedExtensions(projectSql2()) } : {}
    });
    return { migrations: migrations2, close: () => migrations2.close() };
  }
  if (t.kind === "hasura") {
    const hasura = await connectHasura(t.endpoint, t.adminSecret);
    return { migrations: hasura, metadata: hasura, close: () => hasura.close() };
  }
  const { connectPostgres } = await import("./chunk-5GVGMLPM.js");
  const migrations = await connectPostgres({ url: t.databaseUrl, ...common });
  let metadata;
  try {
    if (t.endpoint) metadata = await connectHasura(t.endpoint, t.adminSecret);
  } catch (e) {
    await migrations.close();
    throw e;
  }
  return {
    migrations,
    metadata,
    close: async () => {
      await Promise.allSettled([migrations.close(), metadata?.close()]);
    }
  };
}
function hasMetadataEndpoint(t) {
  return t.kind === "hasura" || t.kind === "postgres" && t.endpoint !== void 0;
}
function targetInfoOf(t) {
  switch (t.kind) {
    case "postgres":
      return { kind: "postgres", display: redactUrl(t.databaseUrl, process.env).display };
    case "hasura":
      return { kind: "hasura", display: displayEndpoint(t.endpoint) };
    case "embedded":
      return { kind: "embedded", display: "" };
  }
}
function planOnlyEmbedded() {
  const refuse = () => new Error("a plan-only dry run executes nothing");
  return {
    info: { kind: "embedded", display: "PGlite, not started (plan only: it would start empty)" },
    capabilities: {
      ephemeral: true,
      yamlMetadataSteps: "skip",
      holdsMetadata: false,
      readsByRehearsal: false
    },
    readState: () => Promise.resolve({ versions: /* @__PURE__ */ new Map() }),
    execute: () => Promise.reject(refuse()),
    applySeeds: () => Promise.reject(refuse()),
    close: async () => {
    }
  };
}

// src/run/context.ts
async function timedPart(io, part, work) {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    tookSince(io, part, t0);
  }
}
function tookSince(io, part, t0) {
  io.debug(`time ${part}: ${Math.round(performance.now() - t0)} ms`);
}
var RunFailure = class extends Error {
  constructor(info) {
    super(info.message);
    this.info = info;
  }
  info;
};

// src/run/drift.ts
import { randomUUID } from "node:crypto";

// src/drift/outcome.ts
var found = (d) => d.integrity.edited.length > 0 || d.schema !== void 0 && "items" in d.schema && d.schema.items.length > 0;
function driftOutput(report) {
  if (report.databases.some(found) || report.metadata?.status === "changed") return "found";
  const unchecked = report.databases.some((d) => d.schema !== void 0 && "notChecked" in d.schema) || report.metadata?.status === "not-recorded";
  return unchecked ? "not-checked" : "none";
}
var driftFails = (report, mode) => mode === "fail" && driftOutput(report) === "found";

// src/run/drift.ts
var EMBEDDED_REASON = "the embedded database starts empty every run: there is nothing for it to drift from";
function runIdentity(io) {
  const commit = io.env.GITHUB_SHA?.trim();
  return { runId: randomUUID(), ...io.runUrl ? { runUrl: io.runUrl } : {}, ...commit ? { commit } : {} };
}
async function checkDrift(settings, project, planned, targets, result, io, unconnected = /* @__PURE__ */ new Set(), catalogBefore = /* @__PURE__ */ new Map()) {
  const target = targets.migrations;
  const run2 = runIdentity(io);
  const nothing = { adopt: [], accept: [], stale: [] };
  const recording = target.capabilities.ephemeral ? () => void 0 : () => ({ ...run2, ...nothing });
  if (settings.drift === "off" || !target.readQuery) {
    const reason = settings.drift === "off" ? "drift: off" : EMBEDDED_REASON;
    result.drift = { status: "not-checked", mode: settings.drift, reason, databases: [] };
    if (settings.drift === "off" && settings.acceptEditedMigrations.length > 0)
      result.notices.push("accept-edited-migrations is ignored with drift: off (nothing is checked)");
    return { ledger: recording, verified: /* @__PURE__ */ new Map(), run: run2 };
  }
  const readQuery = target.readQuery.bind(target);
  const { ReplayCache } = await import("./chunk-N424AW4F.js");
  const cache = new ReplayCache();
  const accept = new Set(settings.acceptEditedMigrations);
  const writes = /* @__PURE__ */ new Map();
  const verified = /* @__PURE__ */ new Map();
  const core = [];
  const checked = await io.group("Drift", async () => {
    const databases = [];
    for (const w of planned.work) {
      if (unconnected.has(w.migrations.name)) continue;
      const { verification, ...one } = await checkDatabase(
        w,
        readQuery(w.migrations.name),
        accept,
        cache,
        catalogBefore.get(w.migrations.name)
      );
      core.push(one);
      if (verification && one.integrity.edited.length === 0) verified.set(w.migrations.name, verification);
      const shown = databaseResult(one.database, one.integrity, one.schema);
      databases.push(shown);
      writes.set(w.migrations.name, { ...run2, ...ledgerRows(w, one.integrity) });
      for (const line of driftLogLines(shown)) io.info(line);
    }
    const metadata = targets.metadata ? await checkMetadata(targets.metadata, project, io) : void 0;
    if (metadata) io.info(`metadata: ${metadata.result.message}`);
    return { databases, metadata };
  });
  const report = {
    databases: core,
    ...checked.metadata ? { metadata: checked.metadata.core } : {}
  };
  const drift = {
    status: driftOutput(report),
    mode: settings.drift,
    databases: checked.databases,
    ...checked.metadata ? { metadata: checked.metadata.result } : {}
  };
  result.drift = drift;
  if (driftFails(report, settings.drift)) {
    throw new UserError(
      `drift found (${driftSummary(drift)}) and drift is fail: nothing was run. Bring the target back to what the repository says (see the Drift section), or acknowledge an edited migration with accept-edited-migrations`,
      { input: "drift" }
    );
  }
  return { ledger: (database) => writes.get(database) ?? recording(database), verified, run: run2 };
}
async function checkDatabase(w, query, accept, cache, known) {
  const database = w.migrations.name;
  const applied = w.state.versions;
  const ledger = await readLedger(query, database);
  const integrity = checkIntegrity(
    ledger.entries,
    applied.keys(),
    localUpFiles(w.migrations, applied.keys()),
    {
      accept
    }
  );
  const { schema, verification } = await schemaDrift(
    w.migrations,
    applied,
    query,
    cache,
    ledger.verifiedSchema,
    known
  );
  return { database, integrity, schema, verification };
}
var FRESH_DATABASE = {
  serverVersion: 0,
  schemas: ["public"],
  relations: [],
  functions: [],
  enums: [],
  sequences: [],
  extensions: [{ name: "plpgsql", schema: "pg_catalog", version: "1.0" }]
};
async function schemaDrift(migrations, applied, query, cache, recorded, known) {
  const [
    { isNotChecked, replayFilesFor },
    { takeSnapshot: takeSnapshot2 },
    { compareSchemas },
    { schemaDigest, appliedSetDigest }
  ] = await Promise.all([
    import("./chunk-N424AW4F.js"),
    import("./chunk-7VH5GBTB.js"),
    import("./chunk-4ZNXCJOJ.js"),
    import("./chunk-ER5WTXVT.js")
  ]);
  const files = replayFilesFor(migrations, applied);
  if ("notChecked" in files) return { schema: { notChecked: files.notChecked } };
  try {
    const target = known ?? await takeSnapshot2(query);
    const digest = {
      schemaDigest: schemaDigest(target),
      appliedDigest: appliedSetDigest(files.files)
    };
    if (recorded?.schemaDigest === digest.schemaDigest && recorded.appliedDigest === digest.appliedDigest) {
      const { by, checkedAt, runUrl } = recorded;
      const unchangedSince = { by, ...checkedAt ? { checkedAt } : {}, ...runUrl ? { runUrl } : {} };
      return { schema: { items: [], unchangedSince }, verification: { ...digest, replayed: false } };
    }
    const replay = files.files.length === 0 ? { snapshot: FRESH_DATABASE } : await cache.get(files.files);
    if (isNotChecked(replay)) return { schema: { notChecked: replay.notChecked } };
    const items = compareSchemas(target, replay.snapshot);
    const replayed = files.files.length > 0;
    return { schema: { items }, ...items.length === 0 ? { verification: { ...digest, replayed } } : {} };
  } catch (e) {
    return {
      schema: {
        notChecked: `the schemas could not be compared: ${e instanceof Error ? e.message : String(e)}`
      }
    };
  }
}
function ledgerRows(w, integrity) {
  const planned = new Set(w.plan.steps.map((s) => s.version));
  return {
    adopt: integrity.unverified.filter((u) => !planned.has(u.version)).map((u) => ({ version: u.version, name: u.name, sha256: u.sha256 })),
    accept: integrity.accepted.filter((e) => !planned.has(e.version)).map((e) => ({ version: e.version, sha256: e.local })),
    stale: integrity.stale.filter((v) => !planned.has(v))
  };
}
async function checkMetadata(hasura, project, io) {
  const { compareMetadata, metadataDriftMessage } = await import("./chunk-I7S4K5WL.js");
  const server = await hasura.exportMetadata();
  const database = metadataLedgerDatabase(server);
  const recorded = database ? (await readLedger(hasura.readQuery(database), METADATA_DATABASE)).metadata : void 0;
  const core = compareMetadata(recorded, server);
  const result = {
    status: core.status,
    message: metadataDriftMessage(core),
    changes: []
  };
  if (core.status === "changed") {
    const { metadataDriftDiff } = await import("./chunk-6RZK3D55.js");
    const { allChanges } = await import("./chunk-4SFNCFDF.js");
    const diff = await metadataDriftDiff(core, server, {
      config: project.config,
      env: io.env,
      ...project.config.migrationsDirectory ? { migrationsDir: project.config.migrationsDirectory } : {}
    });
    if (diff) {
      const bySource = new Map(
        diff.changes.sources.flatMap((s) => s.changes.map((c) => [c, s.source]))
      );
      result.changes = allChanges(diff.changes).map((c) => ({
        ...bySource.has(c) ? { source: bySource.get(c) } : {},
        summary: c.summary,
        widens: c.widens,
        details: c.details
      }));
      if (diff.note) result.note = diff.note;
    }
  }
  return { core, result };
}
function metadataLedgerDatabase(server) {
  const m = server.metadata;
  if (!m || !Array.isArray(m.sources)) return "default";
  const sources = m.sources.filter(
    (s) => typeof s.name === "string" && (s.kind === void 0 || s.kind === "postgres")
  );
  return sources.find((s) => s.name === "default")?.name ?? sources[0]?.name;
}
async function recordAppliedMetadata(targets, result, io) {
  const hasura = targets.metadata;
  if (!hasura || result.metadata.status !== "applied" && result.metadata.status !== "inconsistent") return;
  const { metadataDigest } = await import("./chunk-I7S4K5WL.js");
  try {
    const server = await hasura.exportMetadata();
    const database = metadataLedgerDatabase(server);
    if (!database) {
      result.notices.push("the server has no PostgreSQL source: the applied metadata digest was not recorded");
      return;
    }
    const record = recordMetadataSql({
      digest: metadataDigest(server.metadata),
      ...server.resourceVersion !== void 0 ? { resourceVersion: server.resourceVersion } : {},
      ...runIdentity(io)
    });
    await hasura.writeSql(
      database,
      `${ENSURE_LEDGER_SQL};
${record}`,
      `recording the applied metadata's digest in the ledger of database '${database}'`
    );
  } catch (e) {
    const message = `recording the applied metadata's digest failed (${e instanceof Error ? e.message : String(e)}): the next run may report metadata drift from the previous digest`;
    result.warnings.push(message);
    io.warning(message);
  }
}
function edited(e) {
  return {
    version: e.version.toString(),
    name: e.name,
    file: e.file,
    recorded: e.recorded,
    local: e.local,
    origin: e.origin,
    ...e.appliedAt ? { appliedAt: e.appliedAt } : {},
    ...e.runUrl ? { runUrl: e.runUrl } : {},
    ...e.commit ? { commit: e.commit } : {}
  };
}
function databaseResult(database, i, schema) {
  return {
    database,
    edited: i.edited.map(edited),
    accepted: i.accepted.map(edited),
    unverified: i.unverified.map((u) => ({ version: u.version.toString(), name: u.name, file: u.file })),
    unusedAcceptances: i.unusedAcceptances.map(String),
    schema: "notChecked" in schema ? schema : {
      entries: schema.items.map((item) => ({ ...item })),
      ...schema.unchangedSince ? { unchangedSince: schema.unchangedSince } : {}
    }
  };
}

// src/plan/errors.ts
var PlanError = class extends UserError {
};

// src/plan/migrations.ts
var MAX_STORABLE_VERSION = 9223372036854775807n;
function effectiveSide(side) {
  if (!side || !sideCounts(side)) return void 0;
  const out = {};
  if (sqlCounts(side)) out.sql = side.sql;
  if (yamlCounts(side)) out.yaml = side.yaml;
  return out;
}
var sqlCounts = (side) => !!side.sql && (side.sql.size ?? side.sql.text.length) > 0;
var yamlCounts = (side) => !!side.yaml && side.yaml.steps.length > 0;
var sideCounts = (side) => !!side && (sqlCounts(side) || yamlCounts(side));
function localMigrations(db) {
  const local = /* @__PURE__ */ new Map();
  for (const m of db.migrations) {
    if (sideCounts(m.up) || sideCounts(m.down)) local.set(m.version, m);
  }
  return local;
}
function downStatus(m, db) {
  const down = effectiveSide(m?.down);
  if (!down) {
    if (m?.down?.sql || m?.down?.yaml) return "empty";
    return m && db && emptyFileOf(db, m.version, "down") ? "empty" : "missing";
  }
  if (!down.yaml && down.sql && isOnlyTrivia(down.sql.text)) return "placeholder";
  return "real";
}
var emptyFileOf = (db, version, direction) => db.emptyFiles?.find((f) => f.version === version && f.direction === direction)?.path;
var sidePath = (side) => side?.sql?.path ?? side?.yaml?.path;
function expectedPath(db, m, version, direction) {
  const own = sidePath(direction === "up" ? m?.up : m?.down) ?? emptyFileOf(db, version, direction);
  if (own) return own;
  const other = sidePath(direction === "up" ? m?.down : m?.up);
  if (other) {
    const sibling = other.replace(/(^|[./])(?:up|down)\.(?:sql|yaml)$/, `$1${direction}.sql`);
    if (sibling !== other) return sibling;
  }
  return `${db.directory}/${version}_${m?.name ?? "<name>"}/${direction}.sql`;
}

// src/plan/findings.ts
var list = (versions) => versions.join(", ");
function planFindings(db, state, steps, options) {
  const local = localMigrations(db);
  return [
    ...outOfOrderFindings(db, state, steps, options),
    ...appliedMissingLocallyFindings(db, state, local),
    ...downFileFindings(db, steps, local),
    ...noTransactionFileFindings(steps),
    ...nestedFileFindings(db, local)
  ];
}
function outOfOrderFindings(db, state, steps, options) {
  if (options.outOfOrder === "allow") return [];
  const rolledBack = new Set(steps.filter((s) => s.direction === "down").map((s) => s.version));
  let newest;
  for (const v of state.versions.keys()) {
    if (!rolledBack.has(v) && (newest === void 0 || v > newest)) newest = v;
  }
  if (newest === void 0) return [];
  const below = steps.filter((s) => s.direction === "up" && s.version < newest);
  if (below.length === 0) return [];
  const versions = below.map((s) => s.version);
  const first = below[0];
  const fail = options.outOfOrder === "fail";
  const what = below.length === 1 ? `pending version ${versions[0]} is older than the newest applied version ${newest}` : `${below.length} pending versions are older than the newest applied version ${newest}: ${list(versions)}`;
  const consequence = fail ? `out-of-order: fail stops the run (set out-of-order to warn or allow to apply ${below.length === 1 ? "it" : "them"})` : `${below.length === 1 ? "it is" : "they are"} applied out of order`;
  const finding = {
    kind: "out-of-order",
    severity: fail ? "error" : "warning",
    database: db.name,
    version: first.version,
    message: `${what}; ${consequence}`
  };
  const file = first.sql?.path ?? first.yaml?.path;
  if (file) finding.file = file;
  return [finding];
}
function appliedMissingLocallyFindings(db, state, local = localMigrations(db)) {
  const missing = [...state.versions.keys()].filter((v) => !local.has(v)).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  if (missing.length === 0) return [];
  const finding = {
    kind: "applied-missing-locally",
    severity: "warning",
    database: db.name,
    message: missing.length === 1 ? `version ${missing[0]} is applied on the target but has no migration in ${db.directory}; it cannot be rolled back from here` : `${missing.length} versions are applied on the target but have no migration in ${db.directory}: ${list(missing)}; they cannot be rolled back from here`
  };
  if (missing.length === 1) finding.version = missing[0];
  return [finding];
}
var DOWN_PROBLEM = {
  missing: { kind: "missing-down", text: "has no down migration" },
  empty: { kind: "empty-down", text: "has an empty (0-byte) down file, which the Hasura CLI ignores" },
  placeholder: { kind: "placeholder-down", text: "has a down file with only comments, which undoes nothing" }
};
function downFileFindings(db, steps, local = localMigrations(db)) {
  const findings = [];
  for (const step2 of steps) {
    const m = local.get(step2.version);
    const status = downStatus(m, db);
    if (status === "real") continue;
    if (step2.direction === "up") {
      const problem = DOWN_PROBLEM[status];
      const finding = {
        kind: problem.kind,
        severity: "warning",
        database: db.name,
        version: step2.version,
        message: `version ${step2.version} ${problem.text}: it cannot be rolled back`
      };
      const file = sidePath(m?.down) ?? emptyFileOf(db, step2.version, "down") ?? step2.sql?.path ?? step2.yaml?.path;
      if (file) finding.file = file;
      findings.push(finding);
    } else if (status === "placeholder") {
      findings.push({
        kind: "placeholder-down",
        severity: "warning",
        database: db.name,
        version: step2.version,
        file: step2.sql.path,
        message: `rolling back version ${step2.version} runs no SQL (its down file has only comments): the record goes, the schema stays`
      });
    }
  }
  return findings;
}
function nestedFileFindings(db, local = localMigrations(db)) {
  const nested = [...db.nestedFiles ?? []].sort(
    (a, b) => a.version !== b.version ? a.version < b.version ? -1 : 1 : a.path < b.path ? -1 : 1
  );
  return nested.map((f) => {
    const m = local.get(f.version);
    const own = sidePath(f.direction === "up" ? m?.up : m?.down);
    const name = f.path.slice(f.path.lastIndexOf("/") + 1);
    const consequence = own ? `version ${f.version} runs ${own}, not this file; merge the two or delete this one` : `version ${f.version} ${m ? `has no ${f.direction} migration` : "does not exist"}; move it to ${f.versionDirectory}/${name}`;
    return {
      kind: "nested-migration-file",
      severity: "warning",
      database: db.name,
      version: f.version,
      file: f.path,
      message: `${f.path} is never run: the Hasura CLI reads only the files directly inside a version directory (a '/' typed into a migration's name puts them deeper), so ${consequence}`
    };
  });
}
function noTransactionFileFindings(steps) {
  return steps.filter((s) => !s.transactional && s.sql).map((s) => ({
    kind: "no-transaction-file",
    severity: "notice",
    database: s.database,
    version: s.version,
    file: s.sql.path,
    line: 1,
    message: `${s.direction} of version ${s.version} is marked no-transaction: it runs alone, between transactions; what ran before it is committed first`
  }));
}
function dirtyStepModeFinding(db, version) {
  return {
    kind: "dirty",
    severity: "warning",
    database: db.name,
    version,
    message: `the newest applied version ${version} is marked dirty; like the Hasura CLI, a run with a step count goes on regardless`
  };
}

// src/plan/plan.ts
var ascending = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function planDatabase(db, state, request, options) {
  const local = localMigrations(db);
  const applied = [...state.versions.keys()].sort(ascending);
  const pending = [...local.keys()].filter((v) => !state.versions.has(v)).sort(ascending);
  const newest = applied.at(-1);
  const newestDirty = newest !== void 0 && state.versions.get(newest) === true;
  const stepMode = request.kind !== "goto" && request.steps !== "all";
  if (newestDirty && !stepMode) throw dirtyError(db, newest);
  let downs = [];
  let ups = [];
  switch (request.kind) {
    case "up":
      ups = take(db, pending, request.steps, (n, available) => {
        return `cannot apply ${plural(n, "migration")}: only ${available} pending (limit ${n - available} short)`;
      });
      break;
    case "down":
      downs = take(db, [...applied].reverse(), request.steps, (n, available) => {
        return `cannot roll back ${plural(n, "migration")}: only ${available} applied (limit ${n - available} short)`;
      });
      break;
    case "goto": {
      const target = request.version;
      if (!local.has(target) && !state.versions.has(target)) {
        throw new PlanError(
          `cannot go to version ${target}: ${db.directory} has no migration with that version and the target has not applied it`,
          { database: db.name, version: target.toString(), input: "target-version" }
        );
      }
      downs = applied.filter((v) => v > target).reverse();
      ups = pending.filter((v) => v <= target);
      break;
    }
  }
  const steps = [
    ...downs.map((v) => toStep(db, local.get(v), v, "down")),
    ...ups.map((v) => toStep(db, local.get(v), v, "up"))
  ];
  const findings = planFindings(db, state, steps, options);
  if (newestDirty && stepMode) findings.unshift(dirtyStepModeFinding(db, newest));
  return { database: db.name, steps, findings };
}
function take(db, available, steps, tooMany) {
  if (steps === "all" || available.length === 0) return available;
  if (steps > available.length) {
    throw new PlanError(tooMany(steps, available.length), { database: db.name, input: "steps" });
  }
  return available.slice(0, steps);
}
function toStep(db, m, version, direction) {
  const where = { database: db.name, version: version.toString() };
  const side = effectiveSide(direction === "up" ? m?.up : m?.down);
  if (!side) throw missingFileError(db, m, version, direction);
  if (version > MAX_STORABLE_VERSION) {
    throw new PlanError(
      `version ${version} cannot be stored in the migration state table: its version column is a bigint (at most ${MAX_STORABLE_VERSION})`,
      { ...where, file: expectedPath(db, m, version, direction) }
    );
  }
  const step2 = {
    database: db.name,
    version,
    name: m?.name ?? "-",
    direction,
    transactional: !(side.sql?.noTransaction ?? false)
  };
  if (side.sql) step2.sql = side.sql;
  if (side.yaml) step2.yaml = side.yaml;
  return step2;
}
function missingFileError(db, m, version, direction) {
  const file = expectedPath(db, m, version, direction);
  const side = direction === "up" ? m?.up : m?.down;
  let why;
  if (!m)
    why = `version ${version} is applied on the target but ${db.directory} has no migration with that version`;
  else if (side?.sql || side?.yaml || emptyFileOf(db, version, direction))
    why = `${file} is empty, and the Hasura CLI treats an empty file as no file`;
  else why = `expected ${file}`;
  const nested = db.nestedFiles?.find((f) => f.version === version && f.direction === direction);
  if (nested) why += ` (${nested.path} is one directory too deep: the Hasura CLI does not read it)`;
  return new PlanError(`${version} ${direction} migration not found: ${why}`, {
    database: db.name,
    version: version.toString(),
    file
  });
}
function dirtyError(db, version) {
  return new PlanError(
    `Dirty database version ${version}. Fix and force version. A run stopped part-way through it: repair the database by hand, then drop the dirty record without running SQL (direction: down, steps: 1, skip-execution: true \u2014 or hasura migrate apply --version ${version} --type down --skip-execution) and apply again`,
    { database: db.name, version: version.toString() }
  );
}
function remainingSteps(steps, state) {
  return steps.filter((s) => s.direction === "up" !== state.versions.has(s.version));
}

// src/plan/round-trip.ts
var oneLine2 = (text) => text.replace(/\s+/g, " ").trim();
async function roundTripBlockers(db) {
  const findings = [];
  for (const m of localMigrations(db).values()) {
    if (!effectiveSide(m.up)) continue;
    const status = downStatus(m, db);
    const base = {
      kind: "round-trip-impossible",
      severity: "warning",
      database: db.name,
      version: m.version
    };
    if (status !== "real") {
      const file = sidePath(m.down) ?? emptyFileOf(db, m.version, "down") ?? sidePath(m.up);
      findings.push({
        ...base,
        ...file ? { file } : {},
        message: `version ${m.version} ${DOWN_PROBLEM[status].text}: the round trip cannot roll it back`
      });
      continue;
    }
    const down = effectiveSide(m.down)?.sql;
    if (!down) continue;
    const { syntaxError } = await splitStatements(down.text);
    if (!syntaxError) continue;
    const at = syntaxError.line === void 0 ? "" : ` at line ${syntaxError.line}`;
    findings.push({
      ...base,
      file: down.path,
      ...syntaxError.line === void 0 ? {} : { line: syntaxError.line },
      message: `the down migration of version ${m.version} has a syntax error${at}: ${oneLine2(syntaxError.message)}; the round trip cannot roll it back (fix it before this version is ever rolled back)`
    });
  }
  return findings;
}
function roundTripSkipReason(blockers) {
  const versions = [...new Set(blockers.map((b) => b.version?.toString() ?? "?"))];
  const more = versions.length > 10 ? ` and ${versions.length - 10} more` : "";
  const which = versions.length === 1 ? "version" : `${versions.length} versions`;
  return `${which} ${versions.slice(0, 10).join(", ")}${more} cannot be rolled back (see the round-trip-impossible findings)`;
}

// src/run/execute.ts
async function executeMigrations(settings, { work, request }, target, result, io, options = {}) {
  if (settings.dryRun === "plan") {
    for (const w of work) w.result.after = w.result.before;
    return;
  }
  const ephemeral = target.capabilities.ephemeral;
  const mode = executionMode(settings, ephemeral);
  for (const w of work) {
    await io.group(
      `Migrations: ${w.migrations.name}`,
      () => executeSplit(w, target, settings, mode, io, options)
    );
    if (ephemeral && request.kind === "up" && request.steps === "all") {
      await io.group(`Round trip: ${w.migrations.name}`, () => roundTrip(w, target, settings, result, io));
    }
  }
  if (settings.dryRun === "rehearse" && ephemeral) markRehearsed(result);
}
function executionMode(settings, ephemeral) {
  if (ephemeral) return "apply";
  if (settings.dryRun === "rehearse") return "rehearse";
  return settings.skipExecution ? "skip-execution" : "apply";
}
async function executeSplit(w, target, settings, mode, io, options) {
  const beforeCommit = options.beforeCommit?.(w);
  const ledger = mode === "rehearse" ? void 0 : options.ledger?.(w.migrations.name);
  const split = w.plan.steps.length > 0 ? options.split?.(w) : void 0;
  if (!split) return executeOne(w, target, settings, mode, io, w.plan.steps, beforeCommit, ledger);
  const first = w.plan.steps.filter((s) => split.first.has(s.version));
  await executeOne(w, target, settings, mode, io, first, void 0, ledger);
  await split.between();
  const rest = w.plan.steps.filter((s) => !split.first.has(s.version));
  await executeOne(w, target, settings, mode, io, rest, beforeCommit, ledger, false);
}
async function executeOne(w, target, settings, mode, io, steps, beforeCommit, ledger, planState = true) {
  if (steps.length === 0 && !hasLedgerRows(ledger)) return;
  const out = await target.execute({
    database: w.migrations.name,
    // under the lock: what is left of this plan (re-planning a count could fail after a partly lost race)
    replan: (state) => remainingSteps(steps, state),
    ...planState ? { state: w.state } : {},
    mode,
    ...beforeCommit ? { beforeCommit } : {},
    ...ledger ? { ledger } : {},
    transaction: settings.transaction,
    timeoutMs: settings.timeoutMs,
    signal: io.signal,
    onEvent: (e) => {
      if (e.type === "step-finished") io.info(stepLine(e.result));
      else if (e.type === "info") io.info(e.message);
    }
  });
  w.result.steps.push(...out.steps);
  w.result.appliedByAnotherRun = out.appliedByAnotherRun.map(String);
  w.result.after = versionState(out.stateAfter);
  w.result.status = statusRows(w.migrations, out.stateAfter);
  if (out.appliedByAnotherRun.length > 0) {
    io.info(`${out.appliedByAnotherRun.length} version(s) applied by another run meanwhile`);
  }
  if (out.error) {
    throw new RunFailure(out.error);
  }
}
async function roundTrip(w, target, settings, result, io) {
  if (w.migrations.migrations.length === 0) return;
  const blockers = w.plan.findings.filter((f) => f.kind === "round-trip-impossible");
  if (blockers.length > 0) {
    const reason = roundTripSkipReason(blockers);
    io.info(`round trip skipped: ${reason}`);
    setRoundTrip(result, "skipped", reason);
    return;
  }
  const options = { outOfOrder: "allow" };
  for (const request of [
    { kind: "down", steps: "all" },
    { kind: "up", steps: "all" }
  ]) {
    const out = await target.execute({
      database: w.migrations.name,
      replan: (state) => planDatabase(w.migrations, state, request, options).steps,
      mode: "apply",
      transaction: settings.transaction,
      timeoutMs: settings.timeoutMs,
      signal: io.signal,
      onEvent: (e) => {
        if (e.type === "step-finished") io.info(stepLine(e.result));
      }
    });
    if (out.error) {
      w.result.steps.push(...out.steps.filter((s) => s.status === "failed"));
      setRoundTrip(result, "failed", `the ${request.kind} pass failed at version ${out.error.version ?? "?"}`);
      throw new RunFailure(out.error);
    }
    w.result.after = versionState(out.stateAfter);
  }
  setRoundTrip(result, "passed");
}
function setRoundTrip(result, status, reason) {
  const rank = { passed: 0, skipped: 1, failed: 2 };
  if (!result.roundTrip || rank[status] >= rank[result.roundTrip.status]) {
    result.roundTrip = reason ? { status, reason } : { status };
  }
}
function markRehearsed(result) {
  for (const db of result.databases) {
    for (const s of db.steps) if (s.status === "applied") s.status = "rehearsed";
    db.after = db.before;
  }
}
function stepLine(s) {
  const note = s.note ? ` (${s.note})` : "";
  return `${s.status.padEnd(9)} ${s.direction.padEnd(4)} ${s.version} ${s.name} ${s.durationMs} ms${note}`;
}

// src/run/verified-schema.ts
var VerifiedSchemas = class {
  constructor(settings, target, drift) {
    this.settings = settings;
    this.target = target;
    this.drift = drift;
  }
  settings;
  target;
  drift;
  /** The schema digest each database's last unit of work was about to commit. */
  committed = /* @__PURE__ */ new Map();
  writes() {
    return this.settings.dryRun === false && this.target.writeSql !== void 0 && executionMode(this.settings, this.target.capabilities.ephemeral) === "apply";
  }
  /**
   * The digest of the schema the last unit commits, where its replay is the one the next check would run:
   * a clean check, then up steps only, each newer than every applied version (applied in replay order).
   */
  beforeCommit(w) {
    if (this.target.capabilities.readsByRehearsal) return void 0;
    if (!this.writes() || !this.drift.verified.has(w.migrations.name) || w.plan.steps.length === 0)
      return void 0;
    const newest = [...w.state.versions.keys()].reduce((a, b) => b > a ? b : a, -1n);
    if (w.plan.steps.some((s) => s.direction !== "up" || s.version <= newest)) return void 0;
    return async (unit) => {
      if (!unit.last) return void 0;
      try {
        const [{ takeSnapshot: takeSnapshot2 }, { schemaDigest }] = await Promise.all([
          import("./chunk-7VH5GBTB.js"),
          import("./chunk-ER5WTXVT.js")
        ]);
        this.committed.set(w.migrations.name, schemaDigest(await takeSnapshot2((sql) => unit.query(sql))));
      } catch {
        this.committed.delete(w.migrations.name);
      }
      return void 0;
    };
  }
  /** After the migrations ran without error: each database's row, in a transaction of its own. */
  async record(work, result, io) {
    if (!this.writes()) return;
    for (const w of work) {
      const record = await this.recordFor(w);
      if (!record) continue;
      const database = w.migrations.name;
      try {
        await this.target.writeSql?.(
          database,
          `${ENSURE_LEDGER_SQL};
${recordVerifiedSchemaSql({ database, ...record, ...this.drift.run })}`,
          `recording the verified schema's digest in the ledger of database '${database}'`
        );
      } catch (e) {
        const message = `recording the verified schema of database '${database}' failed (${e instanceof Error ? e.message : String(e)}): the next drift check replays its migrations`;
        result.warnings.push(message);
        io.warning(message);
      }
    }
  }
  async recordFor(w) {
    const checked = this.drift.verified.get(w.migrations.name);
    if (!checked) return void 0;
    const ran = w.result.steps.some((s) => s.status === "applied");
    if (!ran) return checked.replayed ? { ...checked, by: "replay" } : void 0;
    const committed = this.committed.get(w.migrations.name);
    if (!committed || w.result.appliedByAnotherRun.length > 0) return void 0;
    const after = new Map(w.state.versions);
    for (const s of w.plan.steps) after.set(s.version, false);
    const [{ replayFilesFor }, { appliedSetDigest }] = await Promise.all([
      import("./chunk-N424AW4F.js"),
      import("./chunk-ER5WTXVT.js")
    ]);
    const files = replayFilesFor(w.migrations, after);
    if ("notChecked" in files) return void 0;
    return { schemaDigest: committed, appliedDigest: appliedSetDigest(files.files), by: "apply" };
  }
};

// src/review/tracked-metadata.ts
var DEFAULT_SOURCE = "default";
var isJson = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var listOf = (v) => Array.isArray(v) ? v : [];
function qualifiedName(v) {
  if (typeof v === "string") return { schema: "public", name: v };
  if (isJson(v) && typeof v.name === "string") {
    return { schema: typeof v.schema === "string" ? v.schema : "public", name: v.name };
  }
  return void 0;
}
function trackedSources(metadata) {
  if (Array.isArray(metadata.sources)) {
    return metadata.sources.filter(isJson).map((s, i) => ({
      name: typeof s.name === "string" ? s.name : DEFAULT_SOURCE,
      kind: typeof s.kind === "string" ? s.kind : "postgres",
      tables: entries(s.tables, ["sources", i, "tables"], "table"),
      functions: entries(s.functions, ["sources", i, "functions"], "function")
    }));
  }
  if (metadata.tables === void 0 && metadata.functions === void 0) return [];
  return [
    {
      name: DEFAULT_SOURCE,
      kind: "postgres",
      tables: entries(metadata.tables, ["tables"], "table"),
      functions: entries(metadata.functions, ["functions"], "function")
    }
  ];
}
function entries(list2, path, key3) {
  const out = [];
  listOf(list2).forEach((item, i) => {
    if (!isJson(item)) return;
    const name = qualifiedName(item[key3] ?? (key3 === "function" ? item : void 0));
    if (name) out.push({ name, entry: item, path: [...path, i] });
  });
  return out;
}

// src/review/metadata-references.ts
var PERMISSION_KEYS = [
  "select_permissions",
  "insert_permissions",
  "update_permissions",
  "delete_permissions"
];
var key = (o) => {
  switch (o.kind) {
    case "schema":
      return `schema\0${o.schema}`;
    case "table":
      return `table\0${o.schema}\0${o.name}`;
    case "column":
      return `column\0${o.schema}\0${o.table}\0${o.column}`;
    case "function":
      return `function\0${o.schema}\0${o.name}`;
  }
};
var SourceReferences = class {
  keys = /* @__PURE__ */ new Set();
  relationships = /* @__PURE__ */ new Map();
  computed = /* @__PURE__ */ new Map();
  add(o) {
    this.keys.add(key(o));
    this.keys.add(key({ kind: "schema", schema: o.schema }));
  }
  table(t) {
    this.add({ kind: "table", schema: t.schema, name: t.name });
  }
  column(t, column) {
    if (typeof column === "string") this.add({ kind: "column", schema: t.schema, table: t.name, column });
  }
  columns(t, list2) {
    for (const c of Array.isArray(list2) ? list2 : [list2]) this.column(t, c);
  }
  learn(t, entry) {
    const rels = /* @__PURE__ */ new Map();
    for (const rel of [...listOf(entry.object_relationships), ...listOf(entry.array_relationships)]) {
      if (isJson(rel) && typeof rel.name === "string") rels.set(rel.name, remoteTable(rel));
    }
    this.relationships.set(tableKey(t), rels);
    const computed = listOf(entry.computed_fields).flatMap(
      (c) => isJson(c) && typeof c.name === "string" ? [c.name] : []
    );
    this.computed.set(tableKey(t), new Set(computed));
  }
  /** Every column a boolean expression names, following relationships into their remote tables. */
  boolExp(t, exp, depth = 0) {
    if (!isJson(exp) || depth > 32) return;
    for (const [k, value] of Object.entries(exp)) {
      if (k === "_and" || k === "_or") {
        for (const item of Array.isArray(value) ? value : [value]) this.boolExp(t, item, depth + 1);
      } else if (k === "_not") this.boolExp(t, value, depth + 1);
      else if (k === "_exists") {
        const other = isJson(value) ? qualifiedName(value._table) : void 0;
        if (other) {
          this.table(other);
          this.boolExp(other, value._where, depth + 1);
        }
      } else if (k.startsWith("_")) continue;
      else if (this.relationships.get(tableKey(t))?.has(k)) {
        const remote = this.relationships.get(tableKey(t))?.get(k);
        if (remote) this.boolExp(remote, value, depth + 1);
      } else if (!this.computed.get(tableKey(t))?.has(k)) this.column(t, k);
    }
  }
};
var tableKey = (t) => `${t.schema}\0${t.name}`;
function remoteTable(rel) {
  const using2 = isJson(rel.using) ? rel.using : {};
  if (isJson(using2.manual_configuration)) return qualifiedName(using2.manual_configuration.remote_table);
  if (isJson(using2.foreign_key_constraint_on)) return qualifiedName(using2.foreign_key_constraint_on.table);
  return void 0;
}
function relationshipColumns(refs, t, rel) {
  const using2 = isJson(rel.using) ? rel.using : {};
  const fk = using2.foreign_key_constraint_on;
  if (typeof fk === "string" || Array.isArray(fk)) refs.columns(t, fk);
  else if (isJson(fk)) {
    const remote = qualifiedName(fk.table);
    if (remote) {
      refs.table(remote);
      refs.columns(remote, fk.columns ?? fk.column);
    }
  }
  const manual2 = using2.manual_configuration;
  if (isJson(manual2)) {
    const remote = qualifiedName(manual2.remote_table);
    if (remote) refs.table(remote);
    if (isJson(manual2.column_mapping)) {
      for (const [local, other] of Object.entries(manual2.column_mapping)) {
        refs.column(t, local);
        if (remote) refs.column(remote, other);
      }
    }
  }
}
function tableReferences(refs, t, entry) {
  refs.table(t);
  for (const rel of [...listOf(entry.object_relationships), ...listOf(entry.array_relationships)]) {
    if (isJson(rel)) relationshipColumns(refs, t, rel);
  }
  for (const c of listOf(entry.computed_fields)) {
    const fn = isJson(c) && isJson(c.definition) ? qualifiedName(c.definition.function) : void 0;
    if (fn) refs.add({ kind: "function", schema: fn.schema, name: fn.name });
  }
  for (const list2 of PERMISSION_KEYS) {
    for (const p of listOf(entry[list2])) {
      const permission = isJson(p) && isJson(p.permission) ? p.permission : void 0;
      if (!permission) continue;
      if (Array.isArray(permission.columns)) refs.columns(t, permission.columns);
      if (isJson(permission.set)) refs.columns(t, Object.keys(permission.set));
      refs.boolExp(t, permission.filter);
      refs.boolExp(t, permission.check);
    }
  }
  for (const trigger of listOf(entry.event_triggers)) {
    const definition = isJson(trigger) && isJson(trigger.definition) ? trigger.definition : {};
    for (const op of ["insert", "update", "delete"]) {
      const spec = definition[op];
      if (isJson(spec) && Array.isArray(spec.columns)) refs.columns(t, spec.columns);
    }
  }
  const configuration = isJson(entry.configuration) ? entry.configuration : {};
  for (const names of [configuration.column_config, configuration.custom_column_names]) {
    if (isJson(names)) refs.columns(t, Object.keys(names));
  }
}
function metadataReferences(metadata) {
  const sources = /* @__PURE__ */ new Map();
  for (const source of metadata ? trackedSources(metadata) : []) {
    const refs = new SourceReferences();
    for (const t of source.tables) refs.learn(t.name, t.entry);
    for (const t of source.tables) tableReferences(refs, t.name, t.entry);
    for (const f of source.functions) refs.add({ kind: "function", schema: f.name.schema, name: f.name.name });
    sources.set(source.name, refs);
  }
  return (database, object) => sources.get(database)?.keys.has(key(object)) ?? false;
}

// src/review/safety/rules.ts
var RULES = {
  "drop-table": { severity: "warning", summary: "drops a table that existed before the run" },
  "drop-column": { severity: "warning", summary: "drops a column that existed before the run" },
  "drop-schema": { severity: "warning", summary: "drops a schema that existed before the run" },
  "drop-type": { severity: "warning", summary: "drops a type or domain that existed before the run" },
  truncate: { severity: "warning", summary: "empties a table that existed before the run" },
  "drop-cascade": { severity: "warning", summary: "drops with CASCADE: dependent objects go silently" },
  "change-column-type": {
    severity: "warning",
    summary: "changes a column type in a way that rewrites or scans the table"
  },
  "add-column-volatile-default": {
    severity: "warning",
    summary: "adds a column whose value is computed per row, rewriting the table"
  },
  "add-column-required": {
    severity: "warning",
    summary: "adds a NOT NULL column without a default to an existing table"
  },
  "set-not-null": {
    severity: "warning",
    summary: "sets NOT NULL without a valid CHECK that proves it, scanning the table under an exclusive lock"
  },
  "constraint-without-not-valid": {
    severity: "warning",
    summary: "adds a FOREIGN KEY or CHECK constraint without NOT VALID, scanning the table"
  },
  "add-unique-without-index": {
    severity: "warning",
    summary: "adds a PRIMARY KEY or UNIQUE constraint that builds its index under an exclusive lock"
  },
  "create-index-not-concurrently": {
    severity: "warning",
    summary: "builds an index on an existing table without CONCURRENTLY, blocking writes"
  },
  "reindex-not-concurrently": {
    severity: "warning",
    summary: "rebuilds an index without CONCURRENTLY, blocking writes"
  },
  "vacuum-full": { severity: "warning", summary: "VACUUM FULL rewrites tables under an exclusive lock" },
  cluster: { severity: "warning", summary: "CLUSTER rewrites a table under an exclusive lock" },
  "lock-table": { severity: "warning", summary: "locks a table explicitly" },
  "rename-table": { severity: "warning", summary: "renames or moves a table or view" },
  "rename-column": { severity: "warning", summary: "renames a column" },
  "referenced-by-metadata": {
    severity: "error",
    summary: "drops or renames something the project's metadata still references"
  },
  "unknown-ignore-rule": {
    severity: "warning",
    summary: "a hasura-migrate:ignore comment names a rule that does not exist"
  }
};
var RULE_IDS = Object.keys(RULES);
var isRuleId = (name) => Object.hasOwn(RULES, name);
var RULES_DOC = "docs/safety-rules.md";

// src/review/safety/ignore-comments.ts
var IGNORE_DIRECTIVE = "hasura-migrate:ignore";
var IGNORE_LINE = /^[ \t]*--[ \t]*hasura-migrate:ignore(?![\w:-])(.*)$/;
function readIgnoreComments(sql) {
  const out = { rules: /* @__PURE__ */ new Set(), unknown: [] };
  if (!sql.includes(IGNORE_DIRECTIVE)) return out;
  const lines = sql.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = IGNORE_LINE.exec(lines[i].replace(/\r$/, ""));
    if (!match) continue;
    const names = match[1].split(/[\s,]+/).filter((n) => n !== "");
    if (names.length === 0) out.unknown.push({ name: "", line: i + 1 });
    for (const name of names) {
      if (isRuleId(name)) out.rules.add(name);
      else out.unknown.push({ name, line: i + 1 });
    }
  }
  return out;
}

// src/review/safety/column-types.ts
var CATALOG_NAMES = {
  "character varying": "varchar",
  character: "bpchar",
  "bit varying": "varbit",
  bit: "bit",
  numeric: "numeric",
  text: "text",
  integer: "int4",
  bigint: "int8",
  smallint: "int2",
  boolean: "bool",
  real: "float4",
  "double precision": "float8",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "time without time zone": "time",
  "time with time zone": "timetz"
};
function typeFromCatalog(text) {
  let rest = text.trim();
  const array = rest.endsWith("[]");
  while (rest.endsWith("[]")) rest = rest.slice(0, -2);
  let mods = [];
  const modMatch = /\(([\d,\s]+)\)/.exec(rest);
  if (modMatch) {
    mods = modMatch[1].split(",").map((m) => Number(m.trim()));
    rest = (rest.slice(0, modMatch.index) + rest.slice(modMatch.index + modMatch[0].length)).trim();
  }
  const unquoted = rest.replace(/"/g, "");
  return { name: CATALOG_NAMES[unquoted] ?? unquoted, mods, array };
}
function typeFromAst(type) {
  const names = (type.names ?? []).flatMap((n) => "String" in n ? [n.String.sval ?? ""] : []);
  const parts = names[0] === "pg_catalog" ? names.slice(1) : names;
  const mods = (type.typmods ?? []).flatMap(
    (m) => "A_Const" in m && m.A_Const.ival ? [m.A_Const.ival.ival ?? 0] : []
  );
  return { name: parts.join("."), mods, array: (type.arrayBounds?.length ?? 0) > 0 };
}
var formatType = (t) => `${t.name}${t.mods.length > 0 ? `(${t.mods.join(",")})` : ""}${t.array ? "[]" : ""}`;
var sameType = (a, b) => a.name === b.name && a.array === b.array && a.mods.join(",") === b.mods.join(",");
var LENGTH_TYPES = /* @__PURE__ */ new Set(["varchar", "varbit"]);
function changesWithoutRewrite(from, to) {
  if (sameType(from, to)) return true;
  if (from.array || to.array) return false;
  if ((from.name === "varchar" || from.name === "text") && (to.name === "text" || to.name === "varchar")) {
    if (to.name === "text" || to.mods.length === 0) return true;
    return from.name === "varchar" && from.mods.length === 1 && to.mods[0] >= from.mods[0];
  }
  if (LENGTH_TYPES.has(from.name) && to.name === from.name) {
    if (to.mods.length === 0) return true;
    return from.mods.length === 1 && to.mods[0] >= from.mods[0];
  }
  if (from.name === "numeric" && to.name === "numeric") {
    if (to.mods.length === 0) return true;
    if (from.mods.length === 0) return false;
    const [fromPrecision, fromScale = 0] = from.mods;
    const [toPrecision, toScale = 0] = to.mods;
    return toScale === fromScale && toPrecision >= fromPrecision;
  }
  return false;
}

// src/review/safety/run-schema.ts
var key2 = (q) => `${q.schema}\0${q.name}`;
var NOT_NULL_CHECK = /^CHECK \(\((?:"((?:[^"]|"")+)"|([^\s()"]+)) IS NOT NULL\)\)$/;
var RunSchema = class {
  constructor(catalog) {
    this.catalog = catalog;
    for (const r of catalog?.relations ?? []) this.catalogTables.set(key2(r), r);
    for (const f of catalog?.functions ?? []) {
      const k = key2(f);
      if (this.functions.get(k) !== "volatile") this.functions.set(k, f.volatility);
    }
  }
  catalog;
  tables = /* @__PURE__ */ new Map();
  catalogTables = /* @__PURE__ */ new Map();
  schemas = /* @__PURE__ */ new Map();
  types = /* @__PURE__ */ new Map();
  indexes = /* @__PURE__ */ new Set();
  functions = /* @__PURE__ */ new Map();
  get hasCatalog() {
    return this.catalog !== void 0;
  }
  /**
   * The table (or view) as it stands at this point of the run; undefined when it does not exist.
   * Without a catalog, one the run has not seen is assumed to exist.
   */
  table(q) {
    return this.known(q) ?? this.assume(q);
  }
  /** The table when the run or the catalog knows it, never assumed. */
  known(q) {
    const k = key2(q);
    const seen = this.tables.get(k);
    if (seen !== void 0) return seen ?? void 0;
    const relation = this.catalogTables.get(k);
    if (!relation) return void 0;
    const state = this.newTable(q, "catalog");
    for (const c of relation.columns) {
      state.columns.set(c.name, { type: typeFromCatalog(c.type), notNull: !c.nullable, addedInRun: false });
    }
    for (const c of relation.constraints) {
      const m = c.kind === "check" && c.validated ? NOT_NULL_CHECK.exec(c.definition) : null;
      if (m) state.provenNotNull.add(m[1] !== void 0 ? m[1].replace(/""/g, '"') : m[2]);
    }
    this.tables.set(k, state);
    return state;
  }
  assume(q) {
    const k = key2(q);
    if (this.catalog || this.tables.has(k)) return void 0;
    const state = this.newTable(q, "assumed");
    this.tables.set(k, state);
    return state;
  }
  /** The column as it stands; for an `assumed` table every column not dropped is assumed to exist. */
  column(table, name) {
    const known = table.columns.get(name);
    if (known !== void 0) return known ?? void 0;
    return table.origin === "assumed" ? { addedInRun: false } : void 0;
  }
  /** Existed before the run: the rules about locks and data loss apply to it. */
  existedBefore = (table) => table !== void 0 && table.origin !== "run";
  createTable(q, columns) {
    const state = this.newTable(q, "run");
    for (const [name, c] of columns) state.columns.set(name, c);
    this.tables.set(key2(q), state);
    return state;
  }
  dropTable(q) {
    this.tables.set(key2(q), null);
  }
  moveTable(from, to) {
    const state = this.table(from);
    this.tables.set(key2(from), null);
    if (state) this.tables.set(key2(to), { ...state, schema: to.schema, name: to.name });
  }
  schemaExistedBefore(name) {
    const known = this.schemas.get(name);
    if (known !== void 0) return known !== null && known !== "run";
    return this.catalog ? this.catalog.schemas.includes(name) : true;
  }
  /** Exists at this point of the run: from before it, or created by it. */
  schemaExists(name) {
    return this.schemas.get(name) === "run" || this.schemaExistedBefore(name);
  }
  createSchema(name) {
    this.schemas.set(name, "run");
  }
  dropSchema(name) {
    this.schemas.set(name, null);
  }
  /** Types: the catalog lists enums only, so any type the run did not create counts as existing. */
  typeExistedBefore(q) {
    const known = this.types.get(key2(q));
    return known === void 0 || known !== null && known !== "run";
  }
  createType(q) {
    this.types.set(key2(q), "run");
  }
  dropType(q) {
    this.types.set(key2(q), null);
  }
  createIndex(q) {
    this.indexes.add(key2(q));
  }
  indexCreatedInRun(q) {
    return this.indexes.has(key2(q));
  }
  createFunction(q, volatility) {
    this.functions.set(key2(q), volatility);
  }
  functionVolatility(q) {
    return this.functions.get(key2(q));
  }
  newTable(q, origin) {
    return {
      schema: q.schema,
      name: q.name,
      origin,
      columns: /* @__PURE__ */ new Map(),
      provenNotNull: /* @__PURE__ */ new Set(),
      unvalidatedNotNullChecks: /* @__PURE__ */ new Map()
    };
  }
};

// src/review/safety/volatility.ts
var VOLATILE_BUILTINS = /* @__PURE__ */ new Set([
  "random",
  "random_normal",
  "setseed",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "gen_random_bytes",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setval",
  "txid_current",
  "pg_current_xact_id"
]);
function volatileCall(expr, volatilityOf) {
  let found2;
  const visit = (value) => {
    if (found2 !== void 0 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const call = value.FuncCall;
    if (call) {
      const name = (call.funcname ?? []).flatMap((n) => "String" in n ? [n.String.sval ?? ""] : []);
      const last = name[name.length - 1] ?? "";
      if (VOLATILE_BUILTINS.has(last) || volatilityOf(name) === "volatile") {
        found2 = name.join(".");
        return;
      }
    }
    for (const v of Object.values(value)) visit(v);
  };
  visit(expr);
  return found2;
}

// src/review/safety/nodes.ts
var strings = (nodes) => (nodes ?? []).flatMap((n) => "String" in n ? [n.String.sval ?? ""] : []);
var SERIAL_TYPES = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
function listStrings(o) {
  if ("List" in o) return strings(o.List.items);
  if ("String" in o) return [o.String.sval ?? ""];
  return [];
}
function columnConstraints(def) {
  return (def.constraints ?? []).flatMap((c) => "Constraint" in c ? [c.Constraint] : []);
}
function columnNotNull(def) {
  return def.is_not_null === true || columnConstraints(def).some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
}
function perRowValue(def, constraints, type, volatilityOf) {
  if (type && SERIAL_TYPES.has(type.name)) return `type ${type.name} (a nextval() default per row)`;
  for (const c of constraints) {
    if (c.contype === "CONSTR_IDENTITY") return "an identity (a sequence value per row)";
    if (c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v") return "a stored generated value";
    if (c.contype === "CONSTR_DEFAULT") {
      const call2 = volatileCall(c.raw_expr, volatilityOf);
      if (call2) return `a volatile default (${call2}() is evaluated per row)`;
    }
  }
  const call = volatileCall(def.raw_default, volatilityOf);
  return call ? `a volatile default (${call}() is evaluated per row)` : void 0;
}
function notNullCheckColumn(con) {
  if (con.contype !== "CONSTR_CHECK" || !con.raw_expr || !("NullTest" in con.raw_expr)) return void 0;
  const test = con.raw_expr.NullTest;
  if (test.nulltesttype !== "IS_NOT_NULL" || !test.arg || !("ColumnRef" in test.arg)) return void 0;
  const fields = strings(test.arg.ColumnRef.fields);
  return fields.length === 1 ? fields[0] : void 0;
}
function isColumnItself(using2, column, to) {
  let expr = using2;
  if ("TypeCast" in expr) {
    const cast = expr.TypeCast;
    if (!cast.arg || !cast.typeName) return false;
    const t = typeFromAst(cast.typeName);
    if (formatType(t) !== formatType(to)) return false;
    expr = cast.arg;
  }
  if (!("ColumnRef" in expr)) return false;
  const fields = strings(expr.ColumnRef.fields);
  return fields.length === 1 && fields[0] === column;
}
function isOff(arg) {
  if (!arg) return false;
  if ("Boolean" in arg) return arg.Boolean.boolval !== true;
  if ("Integer" in arg) return (arg.Integer.ival ?? 0) === 0;
  const word = "String" in arg ? arg.String.sval : void 0;
  return word === "false" || word === "off";
}
function dropKind(removeType) {
  return removeType.replace(/^OBJECT_/, "").replace(/_/g, " ").replace("MATVIEW", "MATERIALIZED VIEW");
}

// src/review/safety/walker.ts
var objectKey = (o) => JSON.stringify(o);
function describe(o) {
  switch (o.kind) {
    case "schema":
      return `schema ${o.schema}`;
    case "table":
      return `${o.schema}.${o.name}`;
    case "column":
      return `column ${o.schema}.${o.table}.${o.column}`;
    case "function":
      return `function ${o.schema}.${o.name}`;
  }
}
var NO_TRANSACTION = `'${NO_TRANSACTION_MARKER}'`;
var LOCK_MODES = [
  "",
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE"
];
var show = (q) => `${q.schema}.${q.name}`;
function before(t) {
  return t.origin === "catalog" ? "an existing table" : "a table this run did not create (assumed to exist before it: no catalog snapshot was taken)";
}
var FileWalker = class {
  constructor(schema, sink) {
    this.schema = schema;
    this.sink = sink;
  }
  schema;
  sink;
  /** The first schema of `search_path` that a statement's unqualified names fall in. */
  searchPath = ["public"];
  line = 0;
  statement(node, line) {
    this.line = line;
    if ("CreateStmt" in node)
      this.createTable(node.CreateStmt.relation, node.CreateStmt.tableElts, node.CreateStmt.if_not_exists);
    else if ("CreateForeignTableStmt" in node) {
      const base = node.CreateForeignTableStmt.base;
      this.createTable(base?.relation, base?.tableElts, base?.if_not_exists);
    } else if ("CreateTableAsStmt" in node) this.createRelation(node.CreateTableAsStmt.into?.rel);
    else if ("ViewStmt" in node) this.createRelation(node.ViewStmt.view, node.ViewStmt.replace);
    else if ("SelectStmt" in node) this.createRelation(node.SelectStmt.intoClause?.rel);
    else if ("CreateSchemaStmt" in node) this.createSchema(node.CreateSchemaStmt);
    else if ("CreateEnumStmt" in node) this.createType(node.CreateEnumStmt.typeName);
    else if ("CreateDomainStmt" in node) this.createType(node.CreateDomainStmt.domainname);
    else if ("CompositeTypeStmt" in node) this.createType(node.CompositeTypeStmt.typevar);
    else if ("CreateRangeStmt" in node) this.createType(node.CreateRangeStmt.typeName);
    else if ("CreateFunctionStmt" in node) this.createFunction(node.CreateFunctionStmt);
    else if ("IndexStmt" in node) this.createIndex(node.IndexStmt);
    else if ("DropStmt" in node) this.drop(node.DropStmt);
    else if ("TruncateStmt" in node) this.truncate(node.TruncateStmt);
    else if ("AlterTableStmt" in node) this.alterTable(node.AlterTableStmt);
    else if ("RenameStmt" in node) this.rename(node.RenameStmt);
    else if ("AlterObjectSchemaStmt" in node) this.setSchema(node.AlterObjectSchemaStmt);
    else if ("VacuumStmt" in node) this.vacuum(node.VacuumStmt);
    else if ("ClusterStmt" in node) this.cluster(node.ClusterStmt.relation);
    else if ("ReindexStmt" in node) this.reindex(node.ReindexStmt);
    else if ("LockStmt" in node) this.lock(node.LockStmt);
    else if ("VariableSetStmt" in node) this.set(node.VariableSetStmt);
  }
  report(rule, message, withdrawnBy) {
    this.sink.finding(rule, this.line, message, withdrawnBy && objectKey(withdrawnBy));
  }
  /** `object` is dropped or renamed here: the metadata must not still use it, unless the run recreates it. */
  removes(object, what) {
    if (!this.sink.referenced(object)) return;
    this.report(
      "referenced-by-metadata",
      `${what}, which the project's metadata still uses (${describe(object)}): after this migration Hasura's metadata is inconsistent; change the metadata in the same pull request, or keep the old name (a view for a table)`,
      object
    );
  }
  creates(object) {
    this.sink.created(objectKey(object));
  }
  // ---- names ------------------------------------------------------------------------------------
  /** The name a new object gets: unqualified names land in the first schema of `search_path`. */
  newName(names) {
    const name = names[names.length - 1] ?? "";
    return { schema: names.length > 1 ? names[names.length - 2] : this.searchPath[0], name };
  }
  relationName(rv) {
    const name = rv.relname ?? "";
    if (rv.schemaname) return { schema: rv.schemaname, name };
    const found2 = this.searchPath.find((schema) => this.schema.known({ schema, name }) !== void 0);
    return { schema: found2 ?? this.searchPath[0], name };
  }
  // ---- creations --------------------------------------------------------------------------------
  createTable(rv, elements, ifNotExists) {
    if (!rv) return;
    const q = this.relationName(rv);
    if (ifNotExists && this.schema.known(q)) return;
    const columns = /* @__PURE__ */ new Map();
    for (const e of elements ?? []) {
      if (!("ColumnDef" in e)) continue;
      const def = e.ColumnDef;
      if (!def.colname) continue;
      const state = { notNull: columnNotNull(def), addedInRun: true };
      if (def.typeName) state.type = typeFromAst(def.typeName);
      columns.set(def.colname, state);
    }
    this.schema.createTable(q, columns);
    this.creates({ kind: "table", ...q });
    for (const column of columns.keys()) {
      this.creates({ kind: "column", schema: q.schema, table: q.name, column });
    }
  }
  /** A view, materialized view or table from a query: its columns are not known here. */
  createRelation(rv, replace = false) {
    if (!rv) return;
    const q = this.relationName(rv);
    const before2 = replace ? this.schema.table(q) : void 0;
    if (!this.schema.existedBefore(before2)) this.schema.createTable(q, /* @__PURE__ */ new Map());
    this.creates({ kind: "table", ...q });
  }
  createSchema(s) {
    const name = s.schemaname;
    if (!name) return;
    if (!(s.if_not_exists && this.schema.schemaExistedBefore(name))) this.schema.createSchema(name);
    this.creates({ kind: "schema", schema: name });
    const saved = this.searchPath;
    this.searchPath = [name];
    for (const element of s.schemaElts ?? []) this.statement(element, this.line);
    this.searchPath = saved;
  }
  createType(name) {
    if (!name) return;
    const q = Array.isArray(name) ? this.newName(strings(name)) : this.relationName(name);
    this.schema.createType(q);
    this.creates({ kind: "type", ...q });
  }
  createFunction(f) {
    const q = this.newName(strings(f.funcname));
    let volatility = "volatile";
    for (const o of f.options ?? []) {
      if (!("DefElem" in o) || o.DefElem.defname !== "volatility") continue;
      const arg = o.DefElem.arg;
      const v = arg && "String" in arg ? arg.String.sval : void 0;
      if (v === "immutable" || v === "stable" || v === "volatile") volatility = v;
    }
    this.schema.createFunction(q, volatility);
    if (!f.is_procedure) this.creates({ kind: "function", ...q });
  }
  createIndex(i) {
    if (!i.relation) return;
    const table = this.relationName(i.relation);
    if (i.idxname) this.schema.createIndex({ schema: table.schema, name: i.idxname });
    const state = this.schema.table(table);
    if (i.concurrent || !this.schema.existedBefore(state)) return;
    this.report(
      "create-index-not-concurrently",
      `CREATE INDEX${i.idxname ? ` ${i.idxname}` : ""} on ${show(table)}, ${before(state)}, without CONCURRENTLY: writes to the table (Hasura mutations included) wait until the index is built; use CREATE INDEX CONCURRENTLY, alone in a file whose first line is ${NO_TRANSACTION}`
    );
  }
  // ---- drops ------------------------------------------------------------------------------------
  drop(d) {
    const cascade = d.behavior === "DROP_CASCADE";
    const objects = d.objects ?? [];
    let touchesExisting = false;
    const kind = d.removeType ?? "";
    switch (kind) {
      case "OBJECT_TABLE":
      case "OBJECT_FOREIGN_TABLE":
      case "OBJECT_VIEW":
      case "OBJECT_MATVIEW":
        for (const o of objects) {
          const names = listStrings(o);
          const rq = names.length > 1 ? this.newName(names) : this.relationName({ relname: names[0] ?? "" });
          const state = this.schema.table(rq);
          if (this.schema.existedBefore(state)) {
            touchesExisting = true;
            if (kind === "OBJECT_TABLE" || kind === "OBJECT_FOREIGN_TABLE") {
              this.report(
                "drop-table",
                `drops table ${show(rq)}, ${before(state)}: its rows are gone, and Hasura's GraphQL API loses the type and its fields`
              );
            }
          }
          if (state) this.removes({ kind: "table", ...rq }, `drops ${show(rq)}`);
          this.schema.dropTable(rq);
        }
        break;
      case "OBJECT_SCHEMA":
        for (const o of objects) {
          const name = "String" in o ? o.String.sval ?? "" : "";
          if (this.schema.schemaExistedBefore(name)) {
            touchesExisting = true;
            this.report(
              "drop-schema",
              `drops schema ${name}, which this run did not create${this.schema.hasCatalog ? "" : " (assumed to exist before it: no catalog snapshot was taken)"}: every table, view and function in it goes with it`
            );
          }
          if (this.schema.schemaExists(name))
            this.removes({ kind: "schema", schema: name }, `drops schema ${name}`);
          this.schema.dropSchema(name);
        }
        break;
      case "OBJECT_TYPE":
      case "OBJECT_DOMAIN":
        for (const o of objects) {
          const q = this.newName("TypeName" in o ? strings(o.TypeName.names) : listStrings(o));
          if (this.schema.typeExistedBefore(q)) {
            touchesExisting = true;
            this.report(
              "drop-type",
              `drops ${kind === "OBJECT_DOMAIN" ? "domain" : "type"} ${show(q)}, which this run did not create: it fails while a column uses it, and with CASCADE such columns are dropped with their data (a type the run creates again, such as a function's result type, is not reported)`,
              { kind: "type", ...q }
            );
          }
          this.schema.dropType(q);
        }
        break;
      case "OBJECT_FUNCTION":
        for (const o of objects) {
          if (!("ObjectWithArgs" in o)) continue;
          const q = this.newName(strings(o.ObjectWithArgs.objname));
          this.removes({ kind: "function", ...q }, `drops function ${show(q)}`);
        }
        touchesExisting = true;
        break;
      default:
        touchesExisting = true;
    }
    if (cascade && touchesExisting) {
      this.report(
        "drop-cascade",
        `DROP ${dropKind(kind)} \u2026 CASCADE also drops every object that depends on it (views, foreign keys, functions, columns of its type) without naming them; drop the dependents explicitly first`
      );
    }
  }
  truncate(t) {
    const existing = [];
    for (const r of t.relations ?? []) {
      if (!("RangeVar" in r)) continue;
      const q = this.relationName(r.RangeVar);
      if (this.schema.existedBefore(this.schema.table(q))) existing.push(show(q));
    }
    if (existing.length === 0) return;
    const tables = existing.join(", ");
    this.report(
      "truncate",
      `TRUNCATE ${tables}: deletes every row of ${existing.length === 1 ? "a table" : "tables"} this run did not create${this.schema.hasCatalog ? "" : " (assumed to hold data: no catalog snapshot was taken)"}, under an ACCESS EXCLUSIVE lock`
    );
    if (t.behavior === "DROP_CASCADE") {
      this.report(
        "drop-cascade",
        `TRUNCATE ${tables} CASCADE also empties every table with a foreign key to ${existing.length === 1 ? "it" : "them"}, without naming them`
      );
    }
  }
  // ---- ALTER TABLE ------------------------------------------------------------------------------
  alterTable(a) {
    if (!a.relation || a.objtype !== "OBJECT_TABLE" && a.objtype !== "OBJECT_FOREIGN_TABLE") return;
    const q = this.relationName(a.relation);
    const table = this.schema.table(q);
    if (!table) return;
    for (const c of a.cmds ?? []) {
      if ("AlterTableCmd" in c) this.alterTableCommand(table, c.AlterTableCmd);
    }
  }
  alterTableCommand(table, c) {
    const existing = this.schema.existedBefore(table);
    const where = show(table);
    switch (c.subtype) {
      case "AT_AddColumn": {
        const def = c.def && "ColumnDef" in c.def ? c.def.ColumnDef : void 0;
        if (def?.colname) this.addColumn(table, def, existing, c.missing_ok);
        return;
      }
      case "AT_DropColumn": {
        const name = c.name ?? "";
        const column = this.schema.column(table, name);
        if (!column) return;
        if (existing && !column.addedInRun) {
          this.report(
            "drop-column",
            `drops column ${name} of ${where}, ${before(table)}: its data is gone, and Hasura's GraphQL API loses the field (permissions that list it become inconsistent)`
          );
        }
        if (c.behavior === "DROP_CASCADE" && existing) {
          this.report(
            "drop-cascade",
            `DROP COLUMN ${name} \u2026 CASCADE also drops the views, indexes and constraints that use it, without naming them; drop those explicitly first`
          );
        }
        this.removes(
          { kind: "column", schema: table.schema, table: table.name, column: name },
          `drops column ${where}.${name}`
        );
        table.columns.set(name, null);
        table.provenNotNull.delete(name);
        return;
      }
      case "AT_AlterColumnType": {
        const def = c.def && "ColumnDef" in c.def ? c.def.ColumnDef : void 0;
        if (!def?.typeName) return;
        this.changeType(table, c.name ?? "", typeFromAst(def.typeName), def.raw_default, existing);
        return;
      }
      case "AT_SetNotNull":
        this.setNotNull(table, c.name ?? "", existing);
        return;
      case "AT_AddConstraint": {
        const con = c.def && "Constraint" in c.def ? c.def.Constraint : void 0;
        if (con) this.addConstraint(table, con, existing);
        return;
      }
      case "AT_ValidateConstraint": {
        const column = table.unvalidatedNotNullChecks.get(c.name ?? "");
        if (column !== void 0) {
          table.provenNotNull.add(column);
          table.unvalidatedNotNullChecks.delete(c.name ?? "");
        }
        return;
      }
      case "AT_DropConstraint":
        if (c.behavior === "DROP_CASCADE" && existing) {
          this.report(
            "drop-cascade",
            `DROP CONSTRAINT ${c.name ?? ""} \u2026 CASCADE on ${where} also drops the foreign keys that depend on it, without naming them`
          );
        }
        table.unvalidatedNotNullChecks.delete(c.name ?? "");
        return;
      case "AT_DropNotNull": {
        const column = this.schema.column(table, c.name ?? "");
        if (column) table.columns.set(c.name ?? "", { ...column, notNull: false });
        return;
      }
      default:
        return;
    }
  }
  addColumn(table, def, existing, ifNotExists) {
    const name = def.colname ?? "";
    if (ifNotExists && this.schema.column(table, name)) return;
    const constraints = columnConstraints(def);
    const type = def.typeName ? typeFromAst(def.typeName) : void 0;
    const notNull = columnNotNull(def);
    if (existing) {
      const where = `${show(table)}, ${before(table)}`;
      const perRow = perRowValue(def, constraints, type, (n) => this.functionVolatility(n));
      if (perRow) {
        this.report(
          "add-column-volatile-default",
          `adds column ${name} to ${where}, with ${perRow}: PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking every Hasura query on it; add the column without the default, set the default, then backfill existing rows in batches`
        );
      }
      const hasValue = constraints.some(
        (k) => ["CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED"].includes(k.contype ?? "")
      ) || type !== void 0 && SERIAL_TYPES.has(type.name);
      if (notNull && !hasValue) {
        this.report(
          "add-column-required",
          `adds NOT NULL column ${name} without a default to ${where}: it fails as soon as the table has a row; add it nullable, backfill it, then set NOT NULL (or give it a constant default)`
        );
      }
      const unique = constraints.find((k) => k.contype === "CONSTR_PRIMARY" || k.contype === "CONSTR_UNIQUE");
      if (unique) {
        this.report(
          "add-unique-without-index",
          `adds column ${name} to ${where} as ${unique.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"}: its index is built under an ACCESS EXCLUSIVE lock, blocking every Hasura query on the table; add the column, build a unique index CONCURRENTLY, then ADD CONSTRAINT \u2026 USING INDEX`
        );
      }
    }
    const state = { notNull, addedInRun: true };
    if (type) state.type = type;
    table.columns.set(name, state);
    this.creates({ kind: "column", schema: table.schema, table: table.name, column: name });
  }
  changeType(table, name, to, using2, existing) {
    const column = this.schema.column(table, name);
    if (!column) return;
    const from = column.type;
    table.columns.set(name, { ...column, type: to });
    if (!existing) return;
    const plainUsing = using2 === void 0 || isColumnItself(using2, name, to);
    if (from && plainUsing && changesWithoutRewrite(from, to)) return;
    const change = from ? `from ${formatType(from)} to ${formatType(to)}` : `to ${formatType(to)}`;
    const unknown = from ? "" : " (its current type is unknown without a catalog snapshot: only a widening such as varchar(n) to text or to a longer varchar is free)";
    const why = plainUsing ? "" : " with a USING expression";
    this.report(
      "change-column-type",
      `changes the type of ${show(table)}.${name}, ${before(table)}, ${change}${why}${unknown}: PostgreSQL rewrites the table (or scans it) and rebuilds its indexes under an ACCESS EXCLUSIVE lock, and Hasura's GraphQL type for the field may change; add a new column, backfill it, and switch over instead`
    );
  }
  setNotNull(table, name, existing) {
    const column = this.schema.column(table, name);
    if (!column) return;
    table.columns.set(name, { ...column, notNull: true });
    if (!existing || column.notNull === true || table.provenNotNull.has(name)) return;
    this.report(
      "set-not-null",
      `SET NOT NULL on ${show(table)}.${name}, ${before(table)}: PostgreSQL scans the whole table under an ACCESS EXCLUSIVE lock to check it; first ADD CONSTRAINT \u2026 CHECK (${name} IS NOT NULL) NOT VALID, VALIDATE it in its own transaction (a later file marked ${NO_TRANSACTION}), and then SET NOT NULL uses that check instead of scanning`
    );
  }
  addConstraint(table, con, existing) {
    const notValid = con.skip_validation === true;
    const checked = notNullCheckColumn(con);
    if (checked !== void 0) {
      if (notValid && con.conname) table.unvalidatedNotNullChecks.set(con.conname, checked);
      else if (!notValid) table.provenNotNull.add(checked);
    }
    if (!existing) return;
    const where = `${show(table)}, ${before(table)}`;
    const name = con.conname ? ` ${con.conname}` : "";
    if ((con.contype === "CONSTR_FOREIGN" || con.contype === "CONSTR_CHECK") && !notValid) {
      const kind = con.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : "CHECK";
      const lock = con.contype === "CONSTR_FOREIGN" ? "a SHARE ROW EXCLUSIVE lock on both tables, blocking their writes" : "an ACCESS EXCLUSIVE lock, blocking every Hasura query on it";
      this.report(
        "constraint-without-not-valid",
        `adds ${kind} constraint${name} to ${where}, without NOT VALID: every row is checked while holding ${lock}; add it NOT VALID, then VALIDATE CONSTRAINT in its own transaction (a later file marked ${NO_TRANSACTION}, or with transaction: per-migration), which lets reads and writes go on`
      );
    }
    if ((con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") && !con.indexname) {
      const kind = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
      this.report(
        "add-unique-without-index",
        `adds ${kind} constraint${name} to ${where}: its index is built under an ACCESS EXCLUSIVE lock, blocking every Hasura query on the table${con.contype === "CONSTR_PRIMARY" ? " (and its columns are scanned for NOT NULL)" : ""}; build a unique index CONCURRENTLY first, then ADD CONSTRAINT \u2026 ${kind} USING INDEX`
      );
    }
  }
  // ---- renames ----------------------------------------------------------------------------------
  rename(r) {
    const newName = r.newname ?? "";
    switch (r.renameType) {
      case "OBJECT_TABLE":
      case "OBJECT_VIEW":
      case "OBJECT_MATVIEW":
      case "OBJECT_FOREIGN_TABLE": {
        if (!r.relation) return;
        const q = this.relationName(r.relation);
        this.moveRelation(q, { schema: q.schema, name: newName }, `renames ${show(q)} to ${newName}`);
        return;
      }
      case "OBJECT_COLUMN": {
        if (!r.relation) return;
        const table = this.schema.table(this.relationName(r.relation));
        if (!table) return;
        const from = r.subname ?? "";
        const column = this.schema.column(table, from);
        if (!column) return;
        if (this.schema.existedBefore(table) && !column.addedInRun) {
          this.report(
            "rename-column",
            `renames column ${show(table)}.${from} to ${newName}: Hasura's GraphQL field changes name and every client query using it breaks, and metadata naming the old column becomes inconsistent; add the new column (or a custom field name in the metadata) and keep the old one until clients move`
          );
        }
        this.removes(
          { kind: "column", schema: table.schema, table: table.name, column: from },
          `renames column ${show(table)}.${from} to ${newName}`
        );
        table.columns.set(from, null);
        table.columns.set(newName, column);
        this.creates({ kind: "column", schema: table.schema, table: table.name, column: newName });
        return;
      }
      case "OBJECT_SCHEMA": {
        const from = r.subname ?? "";
        if (this.schema.schemaExistedBefore(from)) {
          this.report(
            "rename-table",
            `renames schema ${from} to ${newName}: every table and view in it moves, so Hasura's tracked tables in it become inconsistent and their GraphQL API goes`
          );
        }
        this.removes({ kind: "schema", schema: from }, `renames schema ${from} to ${newName}`);
        this.schema.dropSchema(from);
        this.schema.createSchema(newName);
        this.creates({ kind: "schema", schema: newName });
        return;
      }
      case "OBJECT_FUNCTION": {
        const o = r.object;
        if (!o || !("ObjectWithArgs" in o)) return;
        const q = this.newName(strings(o.ObjectWithArgs.objname));
        this.removes({ kind: "function", ...q }, `renames function ${show(q)} to ${newName}`);
        this.creates({ kind: "function", schema: q.schema, name: newName });
        return;
      }
      default:
        return;
    }
  }
  setSchema(s) {
    const to = s.newschema ?? "";
    if (s.relation && ["OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_FOREIGN_TABLE"].includes(s.objectType ?? "")) {
      const q = this.relationName(s.relation);
      this.moveRelation(q, { schema: to, name: q.name }, `moves ${show(q)} to schema ${to}`);
    } else if (s.objectType === "OBJECT_FUNCTION" && s.object && "ObjectWithArgs" in s.object) {
      const q = this.newName(strings(s.object.ObjectWithArgs.objname));
      this.removes({ kind: "function", ...q }, `moves function ${show(q)} to schema ${to}`);
      this.creates({ kind: "function", schema: to, name: q.name });
    }
  }
  moveRelation(from, to, what) {
    const state = this.schema.table(from);
    if (!state) return;
    if (this.schema.existedBefore(state)) {
      this.report(
        "rename-table",
        `${what}: Hasura's GraphQL API for it (its root fields and type) changes name, every client query using it breaks, and metadata tracking the old name becomes inconsistent; create a view under the old name, or set a custom name in the metadata, until clients move`
      );
    }
    this.removes({ kind: "table", ...from }, what);
    this.schema.moveTable(from, to);
    this.creates({ kind: "table", ...to });
  }
  // ---- maintenance and locks --------------------------------------------------------------------
  vacuum(v) {
    const full = (v.options ?? []).some(
      (o) => "DefElem" in o && o.DefElem.defname === "full" && !isOff(o.DefElem.arg)
    );
    if (!v.is_vacuumcmd || !full) return;
    const rels = (v.rels ?? []).flatMap(
      (r) => "VacuumRelation" in r && r.VacuumRelation.relation ? [this.relationName(r.VacuumRelation.relation)] : []
    );
    const existing = rels.filter((q) => this.schema.existedBefore(this.schema.table(q)));
    if (rels.length > 0 && existing.length === 0) return;
    const what = rels.length === 0 ? "every table of the database" : existing.map(show).join(", ");
    this.report(
      "vacuum-full",
      `VACUUM FULL rewrites ${what} under an ACCESS EXCLUSIVE lock, blocking every Hasura query on ${rels.length === 1 ? "it" : "them"} until done; use plain VACUUM, or an online tool such as pg_repack, outside the migration`
    );
  }
  cluster(rv) {
    const q = rv ? this.relationName(rv) : void 0;
    if (q && !this.schema.existedBefore(this.schema.table(q))) return;
    this.report(
      "cluster",
      `CLUSTER rewrites ${q ? show(q) : "every clustered table of the database"} under an ACCESS EXCLUSIVE lock, blocking every Hasura query on it until done; run it (or pg_repack) in a maintenance window, outside the migration`
    );
  }
  reindex(r) {
    if ((r.params ?? []).some(
      (p) => "DefElem" in p && p.DefElem.defname === "concurrently" && !isOff(p.DefElem.arg)
    ))
      return;
    let target;
    if (r.kind === "REINDEX_OBJECT_TABLE" && r.relation) {
      const q = this.relationName(r.relation);
      if (!this.schema.existedBefore(this.schema.table(q))) return;
      target = `table ${show(q)}`;
    } else if (r.kind === "REINDEX_OBJECT_INDEX" && r.relation) {
      const q = this.relationName(r.relation);
      if (this.schema.indexCreatedInRun(q)) return;
      target = `index ${show(q)}`;
    } else {
      target = `every index of ${r.kind === "REINDEX_OBJECT_SCHEMA" ? `schema ${r.name ?? ""}` : "the database"}`;
    }
    this.report(
      "reindex-not-concurrently",
      `REINDEX of ${target} without CONCURRENTLY blocks writes to the table (and reads that use the index) until done; use REINDEX CONCURRENTLY, alone in a file whose first line is ${NO_TRANSACTION}`
    );
  }
  lock(l) {
    const tables = (l.relations ?? []).flatMap(
      (r) => "RangeVar" in r ? [this.relationName(r.RangeVar)] : []
    );
    const existing = tables.filter((q) => this.schema.existedBefore(this.schema.table(q)));
    if (existing.length === 0) return;
    const mode = LOCK_MODES[l.mode ?? 8] ?? "ACCESS EXCLUSIVE";
    this.report(
      "lock-table",
      `LOCK TABLE ${existing.map(show).join(", ")} IN ${mode} MODE: held until the run's transaction ends${mode === "ACCESS EXCLUSIVE" || mode === "EXCLUSIVE" ? ", blocking Hasura queries on it for the whole run" : ""}; make sure the rest of the run is short`
    );
  }
  set(v) {
    if (v.name !== "search_path") return;
    if (v.kind === "VAR_SET_DEFAULT" || v.kind === "VAR_RESET") {
      this.searchPath = ["public"];
      return;
    }
    const schemas = (v.args ?? []).flatMap(
      (a) => "A_Const" in a && a.A_Const.sval?.sval !== void 0 ? [a.A_Const.sval.sval] : []
    );
    const usable = schemas.filter((s) => s !== "$user" && s !== "pg_catalog");
    if (usable.length > 0) this.searchPath = usable;
  }
  functionVolatility(name) {
    if (name.length > 1) return this.schema.functionVolatility(this.newName(name));
    for (const schema of this.searchPath) {
      const v = this.schema.functionVolatility({ schema, name: name[0] });
      if (v) return v;
    }
    return void 0;
  }
};

// src/review/safety/lint.ts
var STATEMENT_WORDS = /\b(?:alter|drop|truncate|create|vacuum|cluster|reindex|lock|search_path)\b/i;
var DatabaseRun = class {
  constructor(database, context) {
    this.database = database;
    this.context = context;
    this.schema = new RunSchema(context.catalogBefore?.get(database));
  }
  database;
  context;
  schema;
  /** Findings by the key of the object whose re-creation withdraws them (see `WalkSink.finding`). */
  pending = /* @__PURE__ */ new Map();
  cancelled = /* @__PURE__ */ new Set();
  referenced(o) {
    return this.context.referenced?.(this.database, o) ?? false;
  }
};
async function lintMigrations(files, context = {}) {
  const runs = /* @__PURE__ */ new Map();
  const out = [];
  for (const file of files) {
    let run2 = runs.get(file.database);
    if (!run2) {
      run2 = new DatabaseRun(file.database, context);
      runs.set(file.database, run2);
    }
    out.push(...await lintFile(file, run2));
  }
  const cancelled = new Set([...runs.values()].flatMap((r) => [...r.cancelled]));
  return out.filter((f) => !cancelled.has(f));
}
async function lintFile(file, run2) {
  const ignored = readIgnoreComments(file.sql);
  const findings = [];
  const add = (rule, line, message) => {
    const finding = {
      rule,
      severity: RULES[rule].severity,
      database: file.database,
      version: file.version,
      file: file.file,
      line,
      message,
      silenced: rule !== "unknown-ignore-rule" && ignored.rules.has(rule)
    };
    findings.push(finding);
    return finding;
  };
  for (const u of ignored.unknown) {
    add(
      "unknown-ignore-rule",
      u.line,
      u.name === "" ? `${IGNORE_DIRECTIVE} names no rule: list the rule ids to silence (see ${RULES_DOC})` : `${IGNORE_DIRECTIVE} names '${u.name}', which is no safety rule: nothing is silenced by it (the rule ids are in ${RULES_DOC})`
    );
  }
  if (!STATEMENT_WORDS.test(file.sql)) return findings;
  const sink = {
    finding: (rule, line, message, withdrawnBy) => {
      const finding = add(rule, line, message);
      if (withdrawnBy) run2.pending.set(withdrawnBy, [...run2.pending.get(withdrawnBy) ?? [], finding]);
    },
    referenced: (object) => run2.referenced(object),
    created: (key3) => {
      for (const f of run2.pending.get(key3) ?? []) run2.cancelled.add(f);
      run2.pending.delete(key3);
    }
  };
  const walker = new FileWalker(run2.schema, sink);
  const { statements } = await parseStatements(file.sql);
  const lines = new LineCounter(file.sql);
  for (const s of statements) walker.statement(s.node, lines.lineAt(s.start));
  return findings.sort((a, b) => a.line - b.line);
}

// src/run/lint.ts
async function lintPlanned(stage) {
  const { settings, planned, target, result } = stage;
  const notes = [];
  if (settings.lint === "off") {
    result.safety = { lint: "off", files: 0, withCatalog: [], notes: [] };
    return /* @__PURE__ */ new Map();
  }
  if (settings.skipExecution) {
    const note = "skip-execution records the planned versions without running their SQL: there is nothing to check.";
    result.safety = { lint: settings.lint, files: 0, withCatalog: [], notes: [note] };
    return /* @__PURE__ */ new Map();
  }
  const leftOut = target.capabilities.ephemeral ? await baseVersions(stage, notes) : void 0;
  const files = planned.work.flatMap(
    (w) => w.plan.steps.filter((s) => s.direction === "up" && !leftOut?.get(s.database)?.has(s.version)).flatMap(migrationSql)
  );
  const catalogBefore = /* @__PURE__ */ new Map();
  if (target.capabilities.ephemeral || !target.snapshot) {
    notes.push(
      "No catalog of the database before the run (the embedded database starts empty): a table the checked migrations did not create is taken to exist, so a rule about existing tables may speak of one that is new."
    );
  } else {
    for (const database of new Set(files.map((f) => f.sql.database))) {
      if (stage.unconnected?.has(database)) continue;
      try {
        catalogBefore.set(database, await target.snapshot(database));
      } catch (e) {
        if (!isKnownError(e)) throw e;
        notes.push(
          `The schema of database '${database}' could not be read (${e.message}): its rules ran without it, taking every table the run did not create to exist.`
        );
      }
    }
  }
  const found2 = (await lintMigrations(
    files.map((f) => f.sql),
    { catalogBefore, referenced: metadataReferences(stage.project.built?.metadata) }
  )).map((f) => inFile(f, files));
  for (const w of planned.work) {
    const mine = found2.filter((f) => f.database === w.migrations.name);
    w.result.findings.push(...mine.map(findingResult2));
  }
  result.safety = {
    lint: settings.lint,
    files: new Set(files.map((f) => `${f.sql.database}\0${f.path}`)).size,
    withCatalog: [...catalogBefore.keys()],
    notes
  };
  const blocking = found2.filter((f) => !f.silenced);
  if (settings.lint === "error" && blocking.length > 0) throw lintError(blocking);
  return catalogBefore;
}
function migrationSql(step2) {
  const base = { database: step2.database, version: step2.version };
  if (step2.sql) return [{ sql: { ...base, file: step2.sql.path, sql: step2.sql.text }, path: step2.sql.path }];
  return (step2.yaml?.steps ?? []).flatMap((item, i) => {
    const sql = runSqlText(item.type, item.args);
    const path = step2.yaml.path;
    return sql === void 0 ? [] : [{ sql: { ...base, file: `${path}#${i}`, sql }, path, line: item.line }];
  });
}
function inFile(f, files) {
  const file = files.find((x) => x.sql.file === f.file && x.sql.database === f.database);
  return file ? { ...f, file: file.path, line: file.line ?? f.line } : f;
}
function findingResult2(f) {
  return {
    kind: "safety",
    rule: f.rule,
    severity: f.severity,
    database: f.database,
    version: f.version.toString(),
    file: f.file,
    line: f.line,
    message: f.message,
    silenced: f.silenced
  };
}
async function baseVersions(stage, notes) {
  if (!stage.baseCommit || !stage.pullRequestBase) return void 0;
  const base = await stage.pullRequestBase();
  if ("none" in base) {
    notes.push(`Every planned migration was checked, as if new: ${base.none}.`);
    return void 0;
  }
  const count = [...base.versions.values()].reduce((n, v) => n + v.size, 0);
  notes.push(
    `Only the pull request's own migrations were checked: the ${count === 1 ? "one" : count} that ${count === 1 ? "exists" : "exist"} at the base commit ${short(base.commit)} ${count === 1 ? "is" : "are"} taken as already applied.`
  );
  return base.versions;
}
function lintError([first, ...more]) {
  const also = more.length > 0 ? ` (and ${more.length} more in the findings)` : "";
  return new UserError(
    `safety rule ${first.rule}: ${first.message}${also} \u2014 lint: error stops the run before anything is written; change the migration, silence the rule in its file with \`-- hasura-migrate:ignore ${first.rule}\` (see ${RULES_DOC}), or set lint: warn`,
    {
      database: first.database,
      version: first.version.toString(),
      file: first.file,
      line: first.line
    }
  );
}

// src/run/metadata.ts
async function sourcesToConnect(config, settings, built, targets, server) {
  if (config.version < 3 || settings.metadata === "skip" || !built) return /* @__PURE__ */ new Set();
  if (!targets.metadata || !targets.migrations.capabilities.holdsMetadata) return /* @__PURE__ */ new Set();
  if (targets.metadata.generation !== "v2") return /* @__PURE__ */ new Set();
  const listed = server?.sources;
  const names = Array.isArray(listed) ? listed.map((s) => s.name) : (await targets.metadata.listDatabases()).map((d) => d.name);
  const have = new Set(names);
  const sources = Array.isArray(built.metadata.sources) ? built.metadata.sources : [];
  return new Set(sources.flatMap((s) => typeof s.name === "string" && !have.has(s.name) ? [s.name] : []));
}
async function connectSources(config, settings, built, targets, result) {
  if (config.version < 3 || settings.metadata === "skip" || settings.dryRun !== false) return;
  if (!targets.metadata || !targets.migrations.capabilities.holdsMetadata) return;
  if (!built) return;
  const added = await targets.metadata.connectSources(built.metadata);
  if (added.length)
    result.notices.push(`connected database(s) ${added.join(", ")} from the project's metadata first`);
}
async function applyMetadata(config, settings, built, targets, result, io) {
  if (settings.metadata === "skip") {
    result.metadata = { status: "skipped", message: "metadata: skip", inconsistentObjects: [] };
    return;
  }
  if (!built) {
    result.metadata = { status: "skipped", message: "the project has no metadata", inconsistentObjects: [] };
    return;
  }
  if (!targets.metadata) {
    result.metadata = {
      status: "skipped",
      message: "no endpoint: metadata is applied only to a Hasura GraphQL Engine",
      inconsistentObjects: []
    };
    return;
  }
  if (settings.dryRun !== false) {
    result.metadata = {
      status: "planned",
      message: `${built.files.length} metadata file(s) would be applied`,
      inconsistentObjects: []
    };
    return;
  }
  const hasura = targets.metadata;
  const outcome = await io.group(
    "Metadata",
    () => hasura.applyMetadata(built.metadata, {
      configVersion: config.version,
      allowInconsistent: settings.allowInconsistentMetadata,
      dryRun: false
    })
  );
  result.metadata = outcome;
  if (outcome.status === "inconsistent" && !settings.allowInconsistentMetadata) {
    result.metadata = { ...outcome, status: "failed" };
    const names = outcome.inconsistentObjects.map((o) => `${o.type} ${o.name}`).slice(0, 5);
    throw new UserError(
      `metadata is inconsistent (${outcome.inconsistentObjects.length} object(s): ${names.join("; ")}); the migrations stay applied \u2014 fix the metadata, or set allow-inconsistent-metadata: true`,
      { file: config.metadataFile ?? config.metadataDirectory }
    );
  }
  if (outcome.status === "failed") {
    throw new UserError(
      `metadata apply failed: ${outcome.message ?? "unknown error"}; the migrations stay applied`,
      {
        file: config.metadataFile ?? config.metadataDirectory
      }
    );
  }
}

// src/run/metadata-changes.ts
async function compareMetadataChanges(stage) {
  const { project, result, io } = stage;
  const built = project.built;
  if (!built) {
    const reason = stage.settings.metadata === "skip" ? "metadata: skip" : "the project has no metadata";
    result.metadataChanges = none(reason);
    return void 0;
  }
  let base;
  try {
    base = await readBase(stage);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    if (e instanceof Error && e.stack) io.debug(e.stack);
    result.warnings.push(`Metadata changes not shown: the base could not be read (${message}).`);
    result.metadataChanges = none(`the base could not be read: ${message}`);
    return void 0;
  }
  if (base.base.from === "none") {
    result.metadataChanges = { base: base.base, sources: [], global: [] };
    return void 0;
  }
  const role = io.env.HASURA_GRAPHQL_UNAUTHORIZED_ROLE?.trim();
  const diff = await diffMetadataLoadingParser(
    base.metadata,
    built.metadata,
    role ? { unauthorizedRole: role } : {}
  );
  result.metadataChanges = {
    base: base.base,
    ...changesResult(diff),
    ...base.note ? { note: base.note } : {}
  };
  return base.base.from === "server" ? base.metadata : void 0;
}
async function readBase(stage) {
  const { targets } = stage;
  if (targets.metadata) {
    const server = await targets.metadata.exportMetadata();
    return { base: { from: "server", display: targets.metadata.info.display }, metadata: server.metadata };
  }
  if (!stage.baseCommit || !stage.baseMetadata) {
    return {
      base: {
        from: "none",
        reason: "no endpoint to read the current metadata from, and no pull request whose base to compare with"
      }
    };
  }
  const read = await stage.baseMetadata();
  const note = read.note ?? (read.metadata ? void 0 : `the project had no metadata at the base commit ${short(read.commit)}`);
  return {
    base: { from: "base-commit", commit: read.commit },
    metadata: read.metadata,
    ...note ? { note } : {}
  };
}
function none(reason) {
  return { base: { from: "none", reason }, sources: [], global: [] };
}
function changesResult(diff) {
  return { sources: diff.sources, global: diff.global };
}

// src/run/plan.ts
async function planDatabases(settings, project, target, result, unconnected = /* @__PURE__ */ new Set()) {
  const ephemeral = target.capabilities.ephemeral;
  const request = ephemeral ? ephemeralRequest(settings, result) : settings.request;
  const work = [];
  for (const migrations of project.local) {
    work.push(await planOne(migrations, target, request, settings, unconnected.has(migrations.name)));
  }
  result.databases = work.map((w) => w.result);
  const blocking = work.flatMap((w) => w.plan.findings).filter((f) => f.severity === "error");
  if (blocking.length > 0) throw findingError(blocking);
  return { work, request };
}
function ephemeralRequest(settings, result) {
  if (settings.request.kind === "down") {
    result.notices.push(
      "direction down on the embedded database, which starts empty: every migration is applied and then rolled back instead"
    );
    return { kind: "up", steps: "all" };
  }
  return settings.request;
}
async function planOne(migrations, target, request, settings, unconnected) {
  const state = unconnected ? { versions: /* @__PURE__ */ new Map() } : await target.readState(migrations.name);
  const plan = planDatabase(migrations, state, request, { outOfOrder: settings.outOfOrder });
  if (!settings.skipExecution) {
    plan.findings.push(...await transactionFindings(plan.steps));
    if (target.capabilities.yamlMetadataSteps === "skip") plan.findings.push(...yamlFindings(plan));
  }
  if (target.capabilities.ephemeral && request.kind === "up" && request.steps === "all") {
    const blockers = await roundTripBlockers(migrations);
    if (blockers.length > 0) plan.findings.push(...blockers);
  }
  const before2 = versionState(state);
  return {
    migrations,
    state,
    plan,
    result: {
      database: migrations.name,
      directory: migrations.directory,
      before: before2,
      after: before2,
      status: statusRows(migrations, state),
      planned: plan.steps.map(plannedStep),
      steps: [],
      findings: plan.findings.map(findingResult),
      appliedByAnotherRun: []
    }
  };
}
function yamlFindings(plan) {
  const out = [];
  for (const step2 of plan.steps) {
    for (const item of step2.yaml?.steps ?? []) {
      if (item.type === "run_sql") continue;
      out.push({
        kind: "yaml-metadata-step",
        severity: "warning",
        database: step2.database,
        version: step2.version,
        file: step2.yaml.path,
        line: item.line,
        message: `metadata action '${item.type}' is a call to Hasura's metadata API, not SQL: skipped here (the migration's SQL runs); only Hasura (an endpoint) can apply it`
      });
    }
  }
  return out;
}
function findingError([f, ...more]) {
  const also = more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? "" : "s"} in the findings)` : "";
  return new UserError(`${f.message}${also}`, {
    database: f.database,
    version: f.version?.toString(),
    file: f.file,
    line: f.line
  });
}

// src/run/pull-request-base.ts
import { resolve } from "node:path";

// src/github/base-versions.ts
import { realpathSync } from "node:fs";
import { posix } from "node:path";
var VERSION = /^([0-9]+)_/;
async function baseMigrationVersions(options) {
  const project = realpathSync(options.projectDir);
  const store = options.store ?? new ObjectStore(project, options.env);
  try {
    return await versionsAt(
      store,
      await repositoryPrefix(project, "the pull request's base", options.env),
      options
    );
  } finally {
    if (!options.store) store.close();
  }
}
async function versionsAt(store, prefix, options) {
  const commit = options.commit.toLowerCase();
  const root = await store.commitTree(commit);
  if (!root) {
    throw new UserError(
      `the base commit ${short(commit)} is not in the checkout: set \`fetch-depth: 0\` on actions/checkout`
    );
  }
  const out = /* @__PURE__ */ new Map();
  for (const database of options.databases) {
    const dir = posix.normalize(
      options.configVersion >= 3 ? posix.join(options.migrationsDirectory, database) : options.migrationsDirectory
    );
    const entry = await store.entryAt(root, posix.normalize(posix.join(prefix, dir)));
    const tree = entry?.mode === TREE ? await store.tree(entry.id) : void 0;
    const versions = /* @__PURE__ */ new Set();
    for (const name of tree?.keys() ?? []) {
      const m = VERSION.exec(name);
      if (m) versions.add(BigInt(m[1]));
    }
    out.set(database, versions);
  }
  return out;
}

// src/run/pull-request-base.ts
function readPullRequestBase(project, settings, io, baseCommit, wanted) {
  const projectDir = resolve(io.cwd, project.config.projectDir);
  const store = new ObjectStore(projectDir);
  let versions;
  let metadata;
  const readVersions = async () => {
    if (!baseCommit) return { none: "not a pull-request event" };
    try {
      const read = await baseMigrationVersions({
        projectDir,
        commit: baseCommit,
        migrationsDirectory: project.config.migrationsDirectory,
        configVersion: project.config.version,
        databases: project.databases,
        store
      });
      return { commit: baseCommit, versions: read };
    } catch (e) {
      if (!isKnownError(e)) throw e;
      return { none: e.message };
    }
  };
  const readMetadata = (commit) => readBaseMetadata({
    projectDir: resolve(io.cwd, settings.projectDir),
    commit,
    env: io.env,
    ...settings.migrationsDir ? { migrationsDir: settings.migrationsDir } : {},
    store
  });
  const reads = {
    versions: () => versions ??= readVersions(),
    metadata: () => {
      if (!baseCommit) return Promise.reject(new Error("not a pull-request event"));
      return metadata ??= readMetadata(baseCommit);
    },
    close: () => store.close()
  };
  if (baseCommit) {
    if (wanted.versions) reads.versions().catch(() => void 0);
    if (wanted.metadata) reads.metadata().catch(() => void 0);
  }
  return reads;
}

// src/run/read.ts
import { resolve as resolve3 } from "node:path";

// src/github/pull-request-code.ts
import { resolve as resolve2 } from "node:path";

// src/github/base-files.ts
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync as realpathSync2 } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
var MAX_DEPTH = 2e3;
async function baseFilesFacts(options) {
  try {
    return await compare(options);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { problem: `the project's files could not be compared with the base commit (${message})` };
  }
}
async function compare(options) {
  const shown = options.projectDir;
  const project = realpathSync2(options.projectDir);
  const git = gitIn(project);
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) return { problem: `no git repository holds ${shown}, so its commit cannot be known` };
  const top = realpathSync2(r.stdout.toString("utf8").trim());
  const headRun = await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const head = headRun.code === 0 ? headRun.stdout.toString("utf8").trim().toLowerCase() : void 0;
  const facts = head ? { head } : {};
  const read = [];
  for (const path of options.paths) {
    if (!existsSync(path)) continue;
    const real = realpathSync2(path);
    const rel = relative(top, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { ...facts, problem: `${real} is outside the git repository ${top}` };
    }
    read.push({ abs: real, rel: rel.split(sep).filter(Boolean) });
  }
  const store = new ObjectStore(project);
  try {
    return await compareWith(store, git, facts, read, options.baseCommits);
  } finally {
    store.close();
  }
}
async function compareWith(store, git, facts, read, baseCommits) {
  const head = facts.head;
  const bases = baseCommits.map((c) => c.toLowerCase());
  const candidates = head && bases.includes(head) ? [head, ...bases.filter((b) => b !== head)] : bases;
  const problems = [];
  for (const commit of candidates) {
    const problem = await sameFiles(store, commit, read);
    if (!problem) return { ...facts, sameAs: commit };
    problems.push(problem);
  }
  if (head && !bases.includes(head)) {
    for (const base of bases) {
      if (!await isAncestor(git, store, head, base)) continue;
      const problem = await sameFiles(store, head, read);
      if (!problem) return { ...facts, sameAs: head };
      problems.unshift(problem);
      break;
    }
  }
  return { ...facts, problem: problems[0] ?? "the event names no base commit" };
}
async function sameFiles(store, commit, paths) {
  const root = await store.commitTree(commit);
  if (!root) return `the base commit ${short(commit)} is not in the checkout`;
  const algorithm = commit.length === 64 ? "sha256" : "sha1";
  for (const path of paths) {
    const shown = path.rel.join("/") || ".";
    const entry = await store.entryAt(root, path.rel.join("/"));
    const onDisk = diskEntry(path.abs, algorithm);
    if (!onDisk) continue;
    if (!entry || entry.mode !== onDisk.mode || entry.id !== onDisk.id) {
      return `${shown} is not as in the base commit ${short(commit)}`;
    }
  }
  return void 0;
}
async function isAncestor(git, store, head, base) {
  if (await store.commitTree(base) === void 0) return false;
  const list2 = await git(["rev-list", `--max-count=${MAX_DEPTH}`, base]);
  if (list2.code !== 0) return false;
  const ids = list2.stdout.toString("utf8").split("\n").filter(Boolean);
  if (!ids.includes(head)) return false;
  const batch = await git(["cat-file", "--batch"], Buffer.from(ids.join("\n") + "\n"));
  if (batch.code !== 0) return false;
  const parents = /* @__PURE__ */ new Map();
  for (const { id, type, body } of batchObjects(batch.stdout)) {
    if (type === "commit" && objectId("commit", body, id.length) === id)
      parents.set(id, parseCommit(body).parents);
  }
  const seen = /* @__PURE__ */ new Set([base]);
  const queue = [base];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === head) return true;
    for (const p of parents.get(id) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  return false;
}
function diskEntry(abs, algorithm) {
  const idLength = algorithm === "sha256" ? 64 : 40;
  const st = lstatSync(abs);
  if (st.isSymbolicLink())
    return { mode: "120000", id: objectId("blob", readlinkSync(abs, { encoding: "buffer" }), idLength) };
  if (st.isFile()) {
    return { mode: st.mode & 64 ? "100755" : "100644", id: objectId("blob", readFileSync(abs), idLength) };
  }
  if (!st.isDirectory()) return { mode: "other", id: "" };
  const children = [];
  for (const name of readdirSync(abs)) {
    if (name === ".git") continue;
    const entry = diskEntry(join(abs, name), algorithm);
    if (entry) children.push({ name, entry });
  }
  if (children.length === 0) return void 0;
  const key3 = (c) => Buffer.from(c.entry.mode === TREE ? `${c.name}/` : c.name);
  children.sort((a, b) => Buffer.compare(key3(a), key3(b)));
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, "hex")])
  );
  return { mode: TREE, id: objectId("tree", body, idLength) };
}

// src/github/pull-request-code.ts
async function checkPullRequestCode(settings, config, env) {
  const fork = forkPullRequest({
    eventName: env.GITHUB_EVENT_NAME,
    payload: readEventPayload(env.GITHUB_EVENT_PATH),
    githubSha: env.GITHUB_SHA,
    repository: env.GITHUB_REPOSITORY
  });
  const shape = { target: settings.target.kind, dryRun: settings.dryRun };
  const trust = settings.trustPullRequestCode;
  if (!fork || !executesOnRealTarget(shape)) return decide({ fork, shape, trust });
  const within = (path) => resolve2(config.projectDir, path);
  const facts = await baseFilesFacts({
    projectDir: config.projectDir,
    // every file the run may read: config.yaml and the directories it names (as overridden by the inputs)
    paths: [
      config.configFile,
      within(config.migrationsDirectory),
      within(config.metadataFile ?? config.metadataDirectory),
      within(config.seedsDirectory)
    ],
    baseCommits: fork.baseCommits
  });
  return decide({ fork, shape, trust, facts });
}

// src/run/read.ts
async function readProject(settings, io, result) {
  const config = readConfig(resolve3(io.cwd, settings.projectDir), io.env);
  if (settings.migrationsDir) config.migrationsDirectory = settings.migrationsDir;
  result.configVersion = config.version;
  noteIgnoredConfig(config, result);
  const decision = await checkPullRequestCode(settings, config, io.env);
  if (decision.kind === "refused") throw new RefusedError(decision.message, decision.remedy);
  if (decision.kind === "trusted") {
    const { event, from, reason } = decision;
    result.trustedPullRequestCode = { event, from, reason };
    io.warning(
      `trust-pull-request-code: true \u2014 executing the pull request of ${from} (${reason}) with the repository's secrets`
    );
  }
  const databases = selectDatabases(config, settings);
  const local = databases.map((db) => readMigrations(config, db));
  const built = settings.metadata === "skip" ? void 0 : await buildMetadata(config);
  const seedFiles = settings.seeds === false ? [] : readSeedFiles(config, settings.seeds, databases);
  for (const f of seedFiles) await runnablePart({ file: f.path, text: f.text }, { database: f.database });
  return { config, databases, local, ...built ? { built } : {}, seedFiles };
}
function noteIgnoredConfig(config, result) {
  const keys = [config.endpoint ? "endpoint" : "", config.adminSecret ? "admin_secret" : ""].filter(Boolean);
  if (keys.length) {
    result.notices.push(
      `config.yaml's ${keys.join(" and ")} ${keys.length > 1 ? "are" : "is"} ignored: the target comes from the action's inputs (endpoint, admin-secret, database-url) only`
    );
  }
}
function selectDatabases(config, settings) {
  const available = listDatabases(config);
  const sel = settings.databases;
  if (config.version < 3) {
    if (sel.kind === "list" && (sel.names.length !== 1 || sel.names[0] !== "default")) {
      throw new UserError(
        `config version ${config.version} projects have one database, 'default' (got '${sel.names.join(",")}')`,
        { input: "database" }
      );
    }
    return ["default"];
  }
  if (sel.kind === "all") {
    if (available.length === 0) throw noDatabases(config);
    return available;
  }
  if (sel.kind === "list") {
    const missing = sel.names.filter((n) => !available.includes(n));
    if (missing.length) {
      throw new UserError(
        `no migrations directory for database ${missing.map((m) => `'${m}'`).join(", ")} in ${config.migrationsDirectory}/ (found: ${available.join(", ") || "none"})`,
        { input: "database" }
      );
    }
    return sel.names;
  }
  if (available.length === 1) return available;
  if (available.length === 0) throw noDatabases(config);
  throw new UserError(
    `the project has several databases (${available.join(", ")}): set 'database' to one of them, a comma-separated list, or all`,
    { input: "database" }
  );
}
function noDatabases(config) {
  return new UserError(
    `no database directories in ${config.migrationsDirectory}/ (config version 3 keeps migrations in ${config.migrationsDirectory}/<database>/)`,
    { file: config.migrationsDirectory }
  );
}
function* projectSql(local, seeds) {
  for (const db of local) {
    for (const m of db.migrations) {
      for (const side of [m.up, m.down]) {
        if (side?.sql) yield side.sql.text;
        for (const step2 of side?.yaml?.steps ?? []) {
          const sql = step2.args?.sql;
          if (typeof sql === "string") yield sql;
        }
      }
    }
  }
  for (const seed of seeds) yield seed.text;
}
function readSeedFiles(config, seeds, databases) {
  const names = seeds === true ? void 0 : seeds;
  return databases.flatMap((db) => listSeeds(config, db, names));
}

// src/run/report.ts
function emptyResult(settings, io) {
  return {
    schemaVersion: 1,
    status: "nothing-to-do",
    mode: settings.dryRun === false ? "apply" : settings.dryRun,
    skipExecution: settings.skipExecution,
    transaction: settings.transaction,
    projectDir: settings.projectDir,
    configVersion: 3,
    environment: settings.environment,
    target: targetInfoOf(settings.target),
    databases: [],
    metadata: { status: "skipped", inconsistentObjects: [] },
    seeds: { status: "skipped", files: [] },
    notices: [],
    warnings: [],
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    durationMs: 0,
    runUrl: io.runUrl
  };
}
function finalStatus(settings, result) {
  if (settings.dryRun === "plan") return "planned";
  if (settings.dryRun === "rehearse") return "rehearsed";
  const did = result.databases.some((d) => d.steps.some((s) => s.status === "applied" || s.status === "skipped")) || result.metadata.status === "applied" || result.metadata.status === "inconsistent" || result.seeds.status === "applied";
  return did ? "applied" : "nothing-to-do";
}
function finish(result, started) {
  if (result.error) result.status = result.error.kind === "cancelled" ? "cancelled" : "failed";
  result.durationMs = Date.now() - started;
  return result;
}

// src/run/seeds.ts
async function applySeeds(config, settings, files, target, databases, result, io) {
  if (settings.seeds === false) return;
  if (files.length === 0) {
    result.seeds = { status: "skipped", files: [] };
    result.notices.push(`no seed files found in ${config.seedsDirectory}/`);
    return;
  }
  if (settings.dryRun === "plan") {
    result.seeds = { status: "planned", files: files.map((f) => f.path) };
    return;
  }
  const mode = settings.dryRun === "rehearse" ? "rehearse" : "apply";
  for (const db of databases) {
    const dbFiles = files.filter((f) => f.database === db);
    if (dbFiles.length === 0) continue;
    const out = await io.group(
      `Seeds: ${db}`,
      () => target.applySeeds({
        database: db,
        files: dbFiles,
        mode,
        timeoutMs: settings.timeoutMs,
        signal: io.signal
      })
    );
    result.seeds = { status: out.status, files: [...result.seeds.files, ...out.files] };
    if (out.error) throw new RunFailure(out.error);
  }
}

// src/project/metadata-locations.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { dirname, join as join2 } from "node:path";

// src/project/yaml-tree.ts
function yamlTree(text, file) {
  const events = parseEvents(text, { filename: file });
  const lines = new LineIndex(text);
  let i = 0;
  while (i < events.length && events[i].type !== EVENT_ID.DOCUMENT) i++;
  i++;
  const build = () => {
    const ev = events[i++];
    if (!ev) return void 0;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const node = {
          kind: "scalar",
          line: lines.lineAt(firstOffset(ev.valueStart, ev.anchorStart, ev.tagStart)),
          value: getScalarValue(text, ev)
        };
        if (ev.tagStart >= 0) node.tag = text.slice(ev.tagStart, ev.tagEnd);
        return node;
      }
      case EVENT_ID.SEQUENCE: {
        const node = {
          kind: "sequence",
          line: lines.lineAt(firstOffset(ev.start, ev.anchorStart, ev.tagStart)),
          items: []
        };
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const item = build();
          if (item) node.items.push(item);
        }
        i++;
        return node;
      }
      case EVENT_ID.MAPPING: {
        const node = {
          kind: "mapping",
          line: lines.lineAt(firstOffset(ev.start, ev.anchorStart, ev.tagStart)),
          entries: /* @__PURE__ */ new Map()
        };
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const key3 = build();
          const value = build();
          if (key3?.kind === "scalar" && value && !node.entries.has(key3.value)) {
            node.entries.set(key3.value, { line: key3.line, value });
          }
        }
        i++;
        return node;
      }
      default:
        return void 0;
    }
  };
  return build();
}
var firstOffset = (...offsets) => Math.min(...offsets.filter((o) => o >= 0));
var LineIndex = class {
  starts = [0];
  constructor(text) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  lineAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
};

// src/project/metadata-locations.ts
var INCLUDE = "!include";
function metadataLocator(config) {
  const cache = /* @__PURE__ */ new Map();
  const load = (abs) => {
    if (cache.has(abs)) return cache.get(abs);
    let loaded;
    if (existsSync2(abs) && statSync(abs).isFile()) {
      const rel = relativePosix(config.projectDir, abs);
      try {
        loaded = { rel, dir: dirname(abs), tree: yamlTree(readUtf8(abs, rel), rel) };
      } catch {
        loaded = void 0;
      }
    }
    cache.set(abs, loaded);
    return loaded;
  };
  const wholeFile = wholeFileOf(config);
  if (wholeFile !== void 0) return (path) => walk(load(wholeFile), path, load);
  const metadataDir = join2(config.projectDir, config.metadataDirectory);
  return (path) => {
    const [head, ...rest] = path;
    if (typeof head !== "string") return void 0;
    if (head === "sources" && config.version >= 3) {
      const databases = join2(metadataDir, "databases");
      return walk(load(join2(databases, "databases.yaml")), rest, load, databases);
    }
    if (head === "actions" || head === "custom_types") {
      return walk(load(join2(metadataDir, "actions.yaml")), path, load);
    }
    const file = metadataObjectFile(config.version, head);
    return file === void 0 ? void 0 : walk(load(join2(metadataDir, file)), rest, load);
  };
}
function wholeFileOf(config) {
  if (config.version === 1) {
    const dir = join2(config.projectDir, config.migrationsDirectory);
    for (const name of ["metadata.yaml", "metadata.json"]) {
      const abs = join2(dir, name);
      if (existsSync2(abs)) return abs;
    }
    return join2(dir, "metadata.yaml");
  }
  return config.metadataFile ? join2(config.projectDir, config.metadataFile) : void 0;
}
function walk(file, path, load, includeBase) {
  if (!file?.tree) return file ? { file: file.rel, line: 1 } : void 0;
  let current = file;
  let base = includeBase;
  let node = file.tree;
  let line = node.line;
  for (let i = 0; ; i++) {
    if (base !== void 0 && node.kind === "scalar" && (node.tag === INCLUDE || node.value.includes(INCLUDE))) {
      const target = node.tag === INCLUDE ? node.value : includeTarget(node.value);
      const included = load(join2(base, target));
      if (!included?.tree) break;
      current = included;
      base = included.dir;
      node = included.tree;
      line = node.line;
    }
    if (i >= path.length) break;
    const next = step(node, path[i]);
    if (!next) break;
    node = next.node;
    line = next.line;
  }
  return { file: current.rel, line };
}
function step(node, segment) {
  if (typeof segment === "string") {
    if (node.kind !== "mapping") return void 0;
    const entry = node.entries.get(segment);
    return entry && { node: entry.value, line: entry.line };
  }
  if (node.kind !== "sequence") return void 0;
  const item = typeof segment === "number" ? node.items[segment] : node.items.find((it) => {
    const name = it.kind === "mapping" ? it.entries.get("name")?.value : void 0;
    return name?.kind === "scalar" && name.value === segment.name;
  });
  return item && { node: item, line: item.line };
}
var includeTarget = (value) => value.split(" ").slice(1).join(" ").replace(/^"+|"+$/g, "");

// src/review/catalog-index.ts
var nameKey = (q) => `${q.schema}\0${q.name}`;
var CatalogLookup = class {
  relations = /* @__PURE__ */ new Map();
  functions = /* @__PURE__ */ new Map();
  enums = /* @__PURE__ */ new Set();
  /** Foreign keys by the table they point at. */
  referencing = /* @__PURE__ */ new Map();
  constructor(snapshot) {
    for (const r of snapshot.relations) {
      this.relations.set(nameKey(r), r);
      for (const c of r.constraints) {
        if (c.kind !== "foreign key" || !c.references) continue;
        const k = nameKey(c.references);
        const list2 = this.referencing.get(k) ?? [];
        list2.push({ table: r, fk: c });
        this.referencing.set(k, list2);
      }
    }
    for (const f of snapshot.functions) {
      const k = nameKey(f);
      const list2 = this.functions.get(k) ?? [];
      list2.push(f);
      this.functions.set(k, list2);
    }
    for (const e of snapshot.enums) this.enums.add(nameKey(e));
  }
  relation(q) {
    return this.relations.get(nameKey(q));
  }
  /** Every overload of the function (procedures and aggregates are not functions Hasura can use). */
  functionsNamed(q) {
    return (this.functions.get(nameKey(q)) ?? []).filter((f) => f.kind === "function");
  }
  /** The foreign keys declared on `q`. */
  foreignKeysOf(q) {
    return (this.relation(q)?.constraints ?? []).filter((c) => c.kind === "foreign key");
  }
  /** Foreign keys on `from` that point at `to`. */
  foreignKeysBetween(from, to) {
    return (this.referencing.get(nameKey(to)) ?? []).filter((r) => r.table.schema === from.schema && r.table.name === from.name).map((r) => r.fk);
  }
  /** A composite type: a table's row type, or a type that is neither built in nor an enum. */
  isComposite(q) {
    if (this.relation(q)) return true;
    if (q.schema === "pg_catalog" || q.schema === "information_schema") return false;
    return !this.enums.has(nameKey(q));
  }
};

// src/review/hasura-text.ts
var qualifiedText = (q) => q.schema === "public" ? q.name : `${q.schema}.${q.name}`;
var dquote = (s) => `"${s}"`;
var inTable = (table, reason) => `in table ${dquote(qualifiedText(table))}: ${reason}`;
function reasonsMessage(reasons) {
  if (reasons.length === 1) return `because ${reasons[0]}`;
  return `for the following reasons:
${reasons.map((r) => `  \u2022 ${r}
`).join("")}`;
}
var inconsistent = (reason) => `Inconsistent object: ${reason}`;
var SCALAR_NAMES = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "bpchar",
  varchar: "varchar"
};
var scalarTypeText = (typeRef) => typeRef.schema === "pg_catalog" ? SCALAR_NAMES[typeRef.name] ?? typeRef.name : typeRef.name;

// src/review/computed-fields.ts
function addComputedFields(state, table) {
  listOf(table.entry.computed_fields).forEach((cf, i) => {
    if (!isJson(cf) || typeof cf.name !== "string" || !isJson(cf.definition)) return;
    const path = [...table.path, "computed_fields", i];
    const object = {
      type: "computed_field",
      name: state.tableChildName("computed_field", cf.name, table.name),
      path
    };
    const fn = qualifiedName(cf.definition.function);
    if (!fn) return;
    const problem = computedFieldProblem(state, table.name, cf.name, fn, cf.definition);
    if (problem) {
      const reason = inTable(table.name, `in computed field ${dquote(cf.name)}: ${problem}`);
      state.report(object, reason, [...path, "definition"]);
      return;
    }
    table.fields.set(cf.name, { kind: "computed_field" });
    state.record(object, [], { table: table.name, field: cf.name });
  });
}
var INPUT_MODES = /* @__PURE__ */ new Set(["in", "inout", "variadic"]);
function computedFieldProblem(state, table, name, fn, definition) {
  const fnText = dquote(qualifiedText(fn));
  const overloads = state.catalog.functionsNamed(fn);
  if (overloads.length === 0) return `no such function exists: ${fnText}`;
  if (overloads.length > 1) return `function ${fnText} is overloaded. Overloaded functions are not supported`;
  const f = overloads[0];
  const errors = [];
  if (f.volatility === "volatile")
    errors.push(`the function ${fnText} is of type VOLATILE; cannot be added as a computed field`);
  const returnsTable = state.catalog.relation(f.returns.typeRef);
  if (returnsTable && !state.table(f.returns.typeRef)) {
    errors.push(
      `the function ${fnText} returning set of table ${dquote(qualifiedText(f.returns.typeRef))} is not tracked or not found in database`
    );
  }
  const inputs = f.arguments.filter((a) => INPUT_MODES.has(a.mode));
  const tableArgument = definition.table_argument;
  if (typeof tableArgument === "string") {
    const arg = inputs.find((a) => a.name === tableArgument);
    if (!arg)
      return cannotAdd(name, table, [
        `${dquote(tableArgument)} is not an input argument of the function ${fnText}`
      ]);
    errors.push(
      ...tableArgumentErrors(
        state,
        arg,
        `${dquote(tableArgument)} argument of the function ${fnText}`,
        table
      )
    );
  } else if (inputs.length === 0) {
    errors.push(`the function ${fnText} has no input arguments`);
  } else {
    errors.push(...tableArgumentErrors(state, inputs[0], `first argument of the function ${fnText}`, table));
  }
  const sessionArgument = definition.session_argument;
  if (typeof sessionArgument === "string") {
    const arg = inputs.find((a) => a.name === sessionArgument);
    if (!arg)
      return cannotAdd(name, table, [
        ...errors,
        `${dquote(sessionArgument)} is not an input argument of the function ${fnText}`
      ]);
    if (!isJsonType(arg))
      errors.push(`${dquote(sessionArgument)} argument of the function ${fnText} is not of type JSON`);
  }
  return errors.length > 0 ? cannotAdd(name, table, errors) : void 0;
}
function tableArgumentErrors(state, arg, described, table) {
  const errors = [];
  if (!state.catalog.isComposite(arg.typeRef)) errors.push(`${described} is not COMPOSITE type`);
  if (arg.typeRef.schema !== table.schema || arg.typeRef.name !== table.name) {
    errors.push(
      `${described} of type ${dquote(qualifiedText(arg.typeRef))} is not the table to which the computed field is being added`
    );
  }
  return errors;
}
var isJsonType = (arg) => arg.typeRef.schema === "pg_catalog" && (arg.typeRef.name === "json" || arg.typeRef.name === "jsonb");
var cannotAdd = (name, table, errors) => `the computed field ${dquote(name)} cannot be added to table ${dquote(qualifiedText(table))} ${reasonsMessage(errors)}`;

// src/review/custom-types.ts
function customTypesProblem(metadata, stateOf) {
  const customTypes = isJson(metadata.custom_types) ? metadata.custom_types : void 0;
  if (!customTypes) return void 0;
  const errors = [];
  for (const type of listOf(customTypes.objects)) {
    if (!isJson(type) || typeof type.name !== "string") continue;
    const typeName = type.name;
    const scalarFields = new Set(
      listOf(type.fields).filter(isJson).filter((f) => typeof f.type === "string" && !f.type.includes("[")).map((f) => String(f.name))
    );
    for (const rel of listOf(type.relationships)) {
      if (!isJson(rel) || typeof rel.name !== "string") continue;
      const source = typeof rel.source === "string" ? rel.source : DEFAULT_SOURCE;
      const state = stateOf(source);
      const remote = qualifiedName(rel.remote_table);
      if (!state || !remote) continue;
      const path = [
        "custom_types",
        "objects",
        { name: typeName },
        "relationships",
        { name: rel.name }
      ];
      const of = `for relationship ${dquote(rel.name)}`;
      const table = state.table(remote);
      if (!table) {
        errors.push({
          reason: `the remote table ${dquote(qualifiedText(remote))} ${of} of object type ${dquote(typeName)} does not exist`,
          path: [...path, "remote_table"],
          database: source
        });
        continue;
      }
      const mapping = isJson(rel.field_mapping) ? rel.field_mapping : {};
      for (const [field, column] of Object.entries(mapping)) {
        const at = [...path, "field_mapping", field];
        if (!scalarFields.has(field)) {
          errors.push({
            reason: `the field ${dquote(field)} ${of} in object type ${dquote(typeName)} does not exist`,
            path: at,
            database: source
          });
        }
        if (typeof column === "string" && table.fields.get(column)?.kind !== "column") {
          errors.push({
            reason: `the column ${dquote(column)} of remote table ${dquote(qualifiedText(remote))} ${of} of object type ${dquote(typeName)} does not exist`,
            path: at,
            database: source
          });
        }
      }
    }
  }
  if (errors.length === 0) return void 0;
  return {
    database: errors[0].database,
    type: "custom_types",
    name: "custom_types custom_types",
    reason: inconsistent(
      `validation for the given custom types failed ${reasonsMessage(errors.map((e) => e.reason))}`
    ),
    path: errors[0].path
  };
}

// src/review/event-triggers.ts
var OPERATIONS = ["insert", "update", "delete"];
function addEventTriggers(state, table) {
  listOf(table.entry.event_triggers).forEach((trigger, i) => {
    if (!isJson(trigger) || typeof trigger.name !== "string") return;
    const path = [...table.path, "event_triggers", i];
    const object = {
      type: "event_trigger",
      name: state.tableChildName("event_trigger", trigger.name, table.name),
      path
    };
    const definition = isJson(trigger.definition) ? trigger.definition : {};
    const deps = [];
    for (const op of OPERATIONS) {
      const spec = definition[op];
      if (!isJson(spec)) continue;
      for (const key3 of ["columns", "payload"]) {
        listOf(spec[key3]).forEach((column, j) => {
          if (typeof column !== "string") return;
          const at = [...path, "definition", op, key3, j];
          deps.push({ kind: "field", field: "column", table: table.name, name: column, path: at });
        });
      }
    }
    state.record(object, deps);
  });
}

// src/review/functions.ts
var INPUT_MODES2 = /* @__PURE__ */ new Set(["in", "inout", "variadic"]);
function addTrackedFunctions(state, functions) {
  for (const { name, entry, path } of functions) {
    const object = {
      type: "function",
      name: `function ${qualifiedText(name)} in source ${state.source}`,
      path
    };
    const fnText = dquote(qualifiedText(name));
    const overloads = state.catalog.functionsNamed(name);
    if (overloads.length !== 1) {
      const reason = overloads.length === 0 ? `no such function exists: ${fnText}` : `function ${fnText} is overloaded. Overloaded functions are not supported`;
      state.report(object, reason, [...path, "function"]);
      continue;
    }
    const config = isJson(entry.configuration) ? entry.configuration : {};
    const errors = functionErrors(state, overloads[0], config);
    if (errors.length > 0) {
      state.report(object, `the function ${fnText} cannot be tracked ${reasonsMessage(errors)}`, [
        ...path,
        "function"
      ]);
      continue;
    }
    const returns = overloads[0].returns.typeRef;
    const deps = [{ kind: "table", table: returns }];
    state.record(object, deps);
  }
}
function functionErrors(state, f, config) {
  const errors = [];
  if (f.arguments.some((a) => a.mode === "variadic"))
    errors.push('function with "VARIADIC" parameters are not supported');
  const returns = f.returns.typeRef;
  if (!state.catalog.isComposite(returns)) errors.push('the function does not return a "COMPOSITE" type');
  if (!state.catalog.relation(returns)) errors.push("the function does not return a table");
  if (config.exposed_as === "mutation" && f.volatility !== "volatile") {
    errors.push(
      "the function was requested to be exposed as a mutation, but is not marked VOLATILE. Maybe the function was given the wrong volatility when it was defined?"
    );
  }
  const session = config.session_argument;
  if (typeof session === "string") {
    const arg = f.arguments.find((a) => INPUT_MODES2.has(a.mode) && a.name === session);
    if (!arg) errors.push(`given session argument ${dquote(session)} not the input argument of the function`);
    else if (!(arg.typeRef.schema === "pg_catalog" && arg.typeRef.name === "json")) {
      errors.push(`given session argument ${dquote(session)} is not of type json`);
    }
  }
  return errors;
}

// src/review/bool-exp-references.ts
function resolveBoolExp(state, table, exp, path, deps) {
  if (!isJson(exp)) return void 0;
  for (const [key3, value] of Object.entries(exp)) {
    const at = [...path, key3];
    const problem = resolveKey(state, table, key3, value, at, deps);
    if (problem) return problem;
  }
  return void 0;
}
function resolveKey(state, table, key3, value, at, deps) {
  switch (key3) {
    case "_and":
    case "_or": {
      const items = Array.isArray(value) ? value : [value];
      for (let i = 0; i < items.length; i++) {
        const problem = resolveBoolExp(state, table, items[i], Array.isArray(value) ? [...at, i] : at, deps);
        if (problem) return problem;
      }
      return void 0;
    }
    case "_not":
      return resolveBoolExp(state, table, value, at, deps);
    case "_exists": {
      if (!isJson(value)) return void 0;
      const name = qualifiedName(value._table);
      if (!name) return void 0;
      const other = state.table(name);
      if (!other)
        return { reason: `table ${dquote(qualifiedText(name))} does not exist`, path: [...at, "_table"] };
      deps.push({ kind: "table", table: name, path: [...at, "_table"] });
      return resolveBoolExp(state, other, value._where, [...at, "_where"], deps);
    }
  }
  const field = table.fields.get(key3);
  if (!field) return { reason: `${dquote(key3)} does not exist`, path: at };
  deps.push({ kind: "field", field: field.kind, table: table.name, name: key3, path: at });
  if (field.kind !== "relationship" || !field.remote) return void 0;
  const remote = state.table(field.remote);
  if (!remote) return { reason: `table ${dquote(qualifiedText(field.remote))} does not exist`, path: at };
  return resolveBoolExp(state, remote, value, at, deps);
}

// src/review/permissions.ts
var OPERATIONS2 = ["insert", "select", "update", "delete"];
var CHECKS = {
  insert: ["check", "set", "columns"],
  select: ["filter", "columns", "computed_fields"],
  update: ["filter", "check", "set", "columns"],
  delete: ["filter"]
};
var NOT_A_COLUMN = {
  insert: "",
  select: "permissions for relationships are automatically inferred",
  update: "relationships can't be used in update",
  delete: ""
};
function addPermissions(state, table) {
  for (const op of OPERATIONS2) {
    const key3 = `${op}_permissions`;
    listOf(table.entry[key3]).forEach((item, i) => {
      if (!isJson(item) || typeof item.role !== "string") return;
      const type = `${op}_permission`;
      const path = [...table.path, key3, i];
      const object = { type, name: state.tableChildName(type, item.role, table.name), path };
      const deps = [];
      const permission = isJson(item.permission) ? item.permission : {};
      const problem = item.role === "admin" ? { reason: "cannot define permission for admin role", path: [...path, "role"] } : permissionProblem(state, table, op, permission, [...path, "permission"], deps);
      if (problem) {
        const reason = inTable(table.name, `in permission for role ${dquote(item.role)}: ${problem.reason}`);
        state.report(object, reason, problem.path);
        return;
      }
      state.record(object, deps);
    });
  }
}
function permissionProblem(state, table, op, permission, path, deps) {
  for (const check of CHECKS[op]) {
    const at = [...path, check];
    const value = permission[check];
    let problem;
    if (check === "filter" || check === "check") problem = resolveBoolExp(state, table, value, at, deps);
    else if (check === "set" && isJson(value)) {
      const notFound = `column %s not found in table ${dquote(qualifiedText(table.name))}`;
      problem = columnsProblem(table, Object.keys(value), at, notFound, deps, true);
    } else if (check === "columns" && Array.isArray(value)) {
      problem = columnsProblem(
        table,
        value.filter((c) => typeof c === "string"),
        at,
        NOT_A_COLUMN[op],
        deps,
        false
      );
    } else if (check === "computed_fields") {
      problem = computedFieldsProblem(table, listOf(value), at, deps);
    }
    if (problem) return problem;
  }
  return void 0;
}
function columnsProblem(table, columns, at, remark, deps, byKey) {
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const path = [...at, byKey ? c : i];
    const field = table.fields.get(c);
    if (!field) return { reason: `column ${dquote(c)} does not exist`, path };
    if (field.kind !== "column") {
      const kind = field.kind === "relationship" ? "relationship" : "computed field";
      const tail = remark.replace("%s", dquote(c));
      return { reason: `expecting a database column; but, ${dquote(c)} is a ${kind}; ${tail}`, path };
    }
    deps.push({ kind: "field", field: "column", table: table.name, name: c, path });
  }
  return void 0;
}
function computedFieldsProblem(table, names, at, deps) {
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (typeof name !== "string") continue;
    const field = table.fields.get(name);
    if (!field) return { reason: `computed field ${dquote(name)} does not exist`, path: [...at, i] };
    if (field.kind !== "computed_field") {
      return {
        reason: `expecting a computed field; but, ${dquote(name)} is a ${field.kind}; `,
        path: [...at, i]
      };
    }
    deps.push({ kind: "field", field: "computed_field", table: table.name, name, path: [...at, i] });
  }
  return void 0;
}

// src/review/relationships.ts
var KINDS = [
  ["object_relationships", "object_relation"],
  ["array_relationships", "array_relation"]
];
function addRelationships(state, table) {
  for (const [key3, type] of KINDS) {
    listOf(table.entry[key3]).forEach((rel, i) => {
      if (!isJson(rel) || typeof rel.name !== "string") return;
      const path = [...table.path, key3, i];
      const object = { type, name: state.tableChildName(type, rel.name, table.name), path };
      const built = buildRelationship(state, table, rel, type, path);
      if (typeof built === "string") {
        const where = using(path, rel);
        state.report(object, inTable(table.name, `in relationship ${dquote(rel.name)}: ${built}`), where);
        return;
      }
      if (!built) return;
      table.fields.set(rel.name, { kind: "relationship", remote: built.remote });
      state.record(object, built.deps, { table: table.name, field: rel.name });
    });
  }
}
var using = (path, rel) => isJson(rel.using) && rel.using.foreign_key_constraint_on !== void 0 ? [...path, "using", "foreign_key_constraint_on"] : [...path, "using"];
function buildRelationship(state, table, rel, type, path) {
  const use = isJson(rel.using) ? rel.using : void 0;
  if (!use) return void 0;
  const fkPath = [...path, "using", "foreign_key_constraint_on"];
  if (isJson(use.manual_configuration))
    return manual(table, use.manual_configuration, [...path, "using", "manual_configuration"]);
  const fkOn = use.foreign_key_constraint_on;
  if (type === "object_relation") {
    const columns2 = columnList(fkOn);
    if (columns2) {
      const fks2 = state.catalog.foreignKeysOf(table.name).filter((fk) => sameSet(fk.columns, columns2));
      if (fks2.length === 0) return "no foreign constraint exists on the given column(s)";
      if (fks2.length > 1) return "more than one foreign key constraint exists on the given column(s)";
      const remote2 = fks2[0].references;
      if (!remote2) return void 0;
      const ref = { schema: remote2.schema, name: remote2.name };
      return { remote: ref, deps: [{ kind: "table", table: ref, path: fkPath }] };
    }
  }
  if (!isJson(fkOn)) return void 0;
  const remote = qualifiedName(fkOn.table);
  const columns = columnList(fkOn.columns ?? fkOn.column);
  if (!remote || !columns) return void 0;
  if (!state.catalog.relation(remote)) {
    return `table ${dquote(qualifiedText(remote))} does not exist in source: ${state.source}`;
  }
  const fks = state.catalog.foreignKeysBetween(remote, table.name).filter((fk) => sameSet(fk.columns, columns));
  if (fks.length === 0) return "no foreign constraint exists on the given column(s)";
  if (fks.length > 1) return "more than one foreign key constraint exists on the given column(s)";
  const deps = [{ kind: "table", table: remote, path: [...fkPath, "table"] }];
  for (const c of columns) deps.push({ kind: "field", field: "column", table: remote, name: c, path: fkPath });
  return { remote, deps };
}
function manual(table, config, path) {
  const remote = qualifiedName(config.remote_table);
  const mapping = config.column_mapping;
  if (!remote || !isJson(mapping)) return void 0;
  const mappingPath = [...path, "column_mapping"];
  const deps = [];
  for (const left of Object.keys(mapping)) {
    deps.push({ kind: "field", field: "column", table: table.name, name: left, path: [...mappingPath, left] });
  }
  deps.push({ kind: "table", table: remote, path: [...path, "remote_table"] });
  for (const [left, right] of Object.entries(mapping)) {
    if (typeof right !== "string") continue;
    deps.push({ kind: "field", field: "column", table: remote, name: right, path: [...mappingPath, left] });
  }
  return { remote, deps };
}
function columnList(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === "string")) return v;
  return void 0;
}
var sameSet = (a, b) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

// src/review/source-state.ts
var FIELD_KIND_TEXT = {
  column: "column",
  relationship: "relationship",
  computed_field: "computed field"
};
var SourceState = class {
  constructor(source, catalog) {
    this.source = source;
    this.catalog = catalog;
  }
  source;
  catalog;
  tables = /* @__PURE__ */ new Map();
  problems = [];
  built = [];
  table(q) {
    return this.tables.get(nameKey(q));
  }
  /** `table t in source s` */
  tableObjectName(q) {
    return `table ${qualifiedText(q)} in source ${this.source}`;
  }
  /** `select_permission user in table t in source s` */
  tableChildName(type, name, table) {
    return `${type} ${name} in ${this.tableObjectName(table)}`;
  }
  report(object, reason, path = object.path) {
    this.problems.push({
      database: this.source,
      type: object.type,
      name: object.name,
      reason: inconsistent(reason),
      path
    });
  }
  /** Records an object that built, with what it depends on. */
  record(object, deps, adds) {
    this.built.push({ ...object, deps, adds });
  }
  /** `pruneDanglingDependents`, repeated until nothing more goes missing. */
  resolveDependencies() {
    let live = this.built;
    for (; ; ) {
      const dropped = [];
      live = live.filter((object) => {
        for (const dep of object.deps) {
          const reason = this.unresolved(dep);
          if (reason === void 0) continue;
          dropped.push(object);
          this.report(object, reason, dep.path);
          return false;
        }
        return true;
      });
      if (dropped.length === 0) return;
      for (const object of dropped)
        if (object.adds) this.table(object.adds.table)?.fields.delete(object.adds.field);
    }
  }
  unresolved(d) {
    const table = this.table(d.table);
    const tableText = dquote(qualifiedText(d.table));
    if (!table) return `table ${tableText} is not tracked`;
    if (d.kind === "table") return void 0;
    const field = table.fields.get(d.name);
    if (!field) return `table ${tableText} has no field named ${dquote(d.name)}`;
    if (field.kind !== d.field)
      return `field ${dquote(d.name)} of table ${tableText} is not a ${FIELD_KIND_TEXT[d.field]}`;
    return void 0;
  }
};

// src/review/tables.ts
function addTrackedTables(state, tables) {
  for (const { name, entry, path } of tables) {
    const object = { type: "table", name: state.tableObjectName(name), path };
    const relation = state.catalog.relation(name);
    if (!relation) {
      state.report(object, `no such table/view exists in source: ${dquote(qualifiedText(name))}`, [
        ...path,
        "table"
      ]);
      continue;
    }
    if (entry.is_enum === true) {
      const reasons = enumShapeProblems(relation);
      if (reasons.length > 0) {
        const text = `the table ${dquote(qualifiedText(name))} cannot be used as an enum ${reasonsMessage(reasons)}`;
        state.report(object, text, [...path, "is_enum"]);
        continue;
      }
    }
    const configProblem = configurationProblem(relation, name, entry.configuration);
    if (configProblem) {
      state.report(object, configProblem.reason, [...path, ...configProblem.path]);
      continue;
    }
    const fields = new Map(relation.columns.map((c) => [c.name, { kind: "column" }]));
    state.tables.set(`${name.schema}\0${name.name}`, { name, relation, fields, entry, path });
  }
}
var TEXT = { schema: "pg_catalog", name: "text" };
var isText = (q) => q.schema === TEXT.schema && q.name === TEXT.name;
function enumShapeProblems(relation) {
  const reasons = [];
  const pk = relation.constraints.find((c) => c.kind === "primary key");
  const column = (name) => relation.columns.find((c) => c.name === name);
  let pkColumn;
  if (!pk) reasons.push("the table must have a primary key");
  else if (pk.columns.length > 1)
    reasons.push(
      `the table\u2019s primary key must not span multiple columns (${[...pk.columns].sort().join(", ")})`
    );
  else {
    const col = column(pk.columns[0]);
    if (col && !isText(col.typeRef)) reasons.push(typeMismatch("primary key", col.name, col.typeRef));
    else pkColumn = pk.columns[0];
  }
  const rest = relation.columns.filter((c) => c.name !== pkColumn);
  if (rest.length === 1 && !isText(rest[0].typeRef))
    reasons.push(typeMismatch("comment column", rest[0].name, rest[0].typeRef));
  if (rest.length > 1)
    reasons.push(
      `the table must have exactly one primary key and optionally one comment column, not ${rest.length} columns (${rest.map((c) => c.name).sort().join(", ")})`
    );
  return reasons;
}
var typeMismatch = (what, column, type) => `the table\u2019s ${what} (${dquote(column)}) must have type ${dquote("text")}, not type ${dquote(scalarTypeText(type))}`;
function configurationProblem(relation, table, configuration) {
  if (!isJson(configuration)) return void 0;
  const columns = new Set(relation.columns.map((c) => c.name));
  for (const key3 of ["custom_column_names", "column_config"]) {
    const map = configuration[key3];
    if (!isJson(map)) continue;
    for (const column of Object.keys(map)) {
      if (!columns.has(column)) {
        return {
          reason: inTable(table, `column ${dquote(column)} does not exist`),
          path: ["configuration", key3, column]
        };
      }
    }
  }
  return void 0;
}

// src/review/verify-metadata.ts
var POSTGRES_KINDS = /* @__PURE__ */ new Set(["postgres", "pg", "citus", "cockroach"]);
function verifyMetadata(metadata, catalogs, options = {}) {
  const notChecked = [];
  const states = /* @__PURE__ */ new Map();
  const problems = [];
  for (const source of trackedSources(metadata)) {
    const catalog = catalogs.get(source.name);
    if (!POSTGRES_KINDS.has(source.kind)) {
      notChecked.push({
        kind: "source",
        name: source.name,
        reason: `a ${source.kind} source: only PostgreSQL sources are checked`
      });
      continue;
    }
    if (!catalog) {
      notChecked.push({ kind: "source", name: source.name, reason: "no catalog was taken of this database" });
      continue;
    }
    const state = verifySource(source, new CatalogLookup(catalog), notChecked);
    states.set(source.name, state);
    problems.push(...state.problems);
  }
  const customTypes = customTypesProblem(metadata, (name) => states.get(name));
  if (customTypes) problems.push(customTypes);
  for (const schema of listOf(metadata.remote_schemas)) {
    if (isJson(schema) && typeof schema.name === "string") {
      notChecked.push({ kind: "remote_schema", name: schema.name, reason: "remote schemas are not checked" });
    }
  }
  const locate2 = options.locate;
  if (locate2) {
    for (const p of problems) {
      const at = locate2(p.path);
      if (at) Object.assign(p, at);
    }
  }
  return { problems, notChecked };
}
function verifySource(source, catalog, notChecked) {
  const state = new SourceState(source.name, catalog);
  addTrackedTables(state, source.tables);
  const tables = [...state.tables.values()];
  for (const table of tables) addRelationships(state, table);
  for (const table of tables) addComputedFields(state, table);
  addTrackedFunctions(state, source.functions);
  for (const table of tables) {
    addPermissions(state, table);
    addEventTriggers(state, table);
    for (const rel of listOf(table.entry.remote_relationships)) {
      if (!isJson(rel) || typeof rel.name !== "string") continue;
      const name = state.tableChildName("remote_relationship", rel.name, table.name);
      notChecked.push({ kind: "remote_relationship", name, reason: "remote relationships are not checked" });
    }
  }
  state.resolveDependencies();
  return state;
}

// src/run/verify.ts
var CREATES_NAMED_OBJECTS = /\b(create\s+(or\s+replace\s+)?((temp|temporary|unlogged)\s+)?(table|view|materialized\s+view|function|procedure|type|schema|domain)|alter\s+(table|view|function|type)|drop\s+(table|view|function|type|schema))\b/i;
function onlyIndexFilesAfter(w, steps) {
  const last = steps.at(-1);
  if (!last) return false;
  const at = w.plan.steps.findIndex((s) => s.version === last.version && s.direction === last.direction);
  const rest = at < 0 ? [] : w.plan.steps.slice(at + 1);
  return rest.length > 0 && rest.every((s) => !s.transactional && s.sql !== void 0 && !CREATES_NAMED_OBJECTS.test(s.sql.text));
}
var CatalogReview = class _CatalogReview {
  constructor(input) {
    this.input = input;
    const { settings, project } = input;
    this.check = {
      setting: settings.verifyMetadata,
      status: "not-checked",
      databases: [],
      problems: [],
      notChecked: [],
      committedBeforeCheck: []
    };
    const why = settings.verifyMetadata === "off" ? void 0 : settings.dryRun === "plan" ? "a plan (dry-run: plan) has no migrated schema to check" : !project.built ? settings.metadata === "skip" ? "metadata: skip" : "the project has no metadata" : "the run stopped before the schema could be checked";
    if (settings.verifyMetadata === "off") this.check.status = "off";
    else this.check.reason = why;
    input.result.metadataCheck = this.check;
  }
  input;
  before = /* @__PURE__ */ new Map();
  beforeKind = /* @__PURE__ */ new Map();
  after = /* @__PURE__ */ new Map();
  /** Per database: versions of units that committed before the check ran. */
  committed = /* @__PURE__ */ new Map();
  /** The embedded database's first versions (those at the pull request's base), per database. */
  baseFirst = /* @__PURE__ */ new Map();
  locateCache;
  /** Why the target could not read inside a unit (its units then committed unchecked); see `finish`. */
  unreadable;
  /** A failed check that could not abort its unit (see `beforeCommit`): it fails the run afterwards. */
  deferred;
  check;
  static async start(input) {
    const review = new _CatalogReview(input);
    await review.takeBefore();
    return review;
  }
  /** Snapshots (schema changes, and the check) are taken only on a run that executes or rehearses. */
  get snapshots() {
    return this.input.settings.dryRun !== "plan";
  }
  /** Whether the metadata is checked at all. */
  get verifying() {
    return this.input.settings.verifyMetadata !== "off" && this.input.project.built !== void 0;
  }
  get ephemeral() {
    return this.input.targets.migrations.capabilities.ephemeral;
  }
  /** Whether the metadata of this run goes to a server (now or in a rehearsal): then it is checked anyway. */
  get metadataGoesOut() {
    return this.input.targets.metadata !== void 0 && this.input.settings.metadata !== "skip";
  }
  checks(w) {
    if (!this.snapshots || !this.verifying) return false;
    if (w.plan.steps.some((s) => s.direction === "down") && !this.metadataGoesOut) return false;
    return w.plan.steps.length > 0 || this.metadataGoesOut || this.ephemeral;
  }
  changesSchema(w) {
    return this.snapshots && w.plan.steps.length > 0 && !this.input.settings.skipExecution;
  }
  read(database) {
    const target = this.input.targets.migrations;
    if (!target.snapshot) throw new TargetError(`the schema of database '${database}' cannot be read here`);
    return this.timed(`schema snapshot of ${database}`, () => target.snapshot(database));
  }
  /**
   * The snapshot inside an open unit, or undefined where the target cannot read there (`UnitUnreadable`):
   * the unit then commits unchecked and `finish` reads the schema after it.
   */
  async readableSnapshotIn(unit, database) {
    if (this.unreadable) return void 0;
    try {
      return await this.snapshotIn(unit, database);
    } catch (e) {
      if (!(e instanceof UnitUnreadable)) throw e;
      this.unreadable = e.message;
      return void 0;
    }
  }
  /** The snapshot inside an open unit of work. */
  snapshotIn(unit, database) {
    return this.timed(`schema snapshot of ${database}`, () => takeSnapshot((sql) => unit.query(sql)));
  }
  timed(part, work) {
    return timedPart(this.input.io, part, work);
  }
  async takeBefore() {
    const { planned } = this.input;
    const wanted = planned.work.filter((w) => this.changesSchema(w));
    if (wanted.length === 0) return;
    const base = this.ephemeral ? await this.baseVersions() : void 0;
    for (const w of wanted) {
      const db = w.migrations.name;
      if (!base) {
        this.beforeKind.set(db, { before: "target" });
      } else if ("none" in base) {
        this.beforeKind.set(db, {
          before: "empty",
          note: `the empty database; there is no pull-request base: ${base.none}`
        });
      } else {
        const at = base.versions.get(db) ?? /* @__PURE__ */ new Set();
        const first = new Set(w.plan.steps.filter((s) => at.has(s.version)).map((s) => s.version));
        const note = `the schema after the ${first.size} version(s) of the base commit ${base.commit.slice(0, 7)}`;
        this.beforeKind.set(db, { before: "base", note });
        if (first.size > 0) {
          this.baseFirst.set(db, first);
          continue;
        }
      }
      this.before.set(db, this.input.catalogBefore?.get(db) ?? await this.read(db));
    }
  }
  /** The versions at the pull request's base commit, or why there are none. */
  baseVersions() {
    return this.input.pullRequestBase?.() ?? Promise.resolve({ none: "not a pull-request event" });
  }
  /** For `executeMigrations`: the check in each database's last unit, and the embedded base split. */
  executeOptions() {
    return {
      beforeCommit: (w) => this.beforeCommit(w),
      split: (w) => {
        const first = this.baseFirst.get(w.migrations.name);
        if (!first) return void 0;
        return {
          first,
          between: async () => {
            this.before.set(w.migrations.name, await this.read(w.migrations.name));
          }
        };
      }
    };
  }
  beforeCommit(w) {
    if (!this.checks(w) && !this.changesSchema(w)) return void 0;
    const db = w.migrations.name;
    const commits = this.input.settings.dryRun !== "rehearse" && !this.ephemeral;
    return async (unit) => {
      if (!unit.last) {
        const inTransaction = unit.steps.every((s) => s.transactional) || this.input.settings.skipExecution;
        const early = inTransaction && this.checks(w) && onlyIndexFilesAfter(w, unit.steps);
        const error2 = early ? await this.verifyBefore(w, unit) : void 0;
        if (commits && !error2) this.committed.set(db, [...this.committed.get(db) ?? [], ...unit.steps]);
        return error2;
      }
      const snapshot = await this.readableSnapshotIn(unit, db);
      if (!snapshot) return void 0;
      this.after.set(db, snapshot);
      this.recordChanges(w);
      if (!this.checks(w)) return void 0;
      const outside = unit.steps.length === 1 && !unit.steps[0].transactional && !this.input.settings.skipExecution;
      const done = [...this.committed.get(db) ?? [], ...outside ? unit.steps : []];
      this.noteCommitted(
        w,
        done.map((s) => s.version.toString())
      );
      const error = this.verify(w);
      if (!outside || !commits) return error;
      this.deferred ??= error;
      return void 0;
    };
  }
  /**
   * The check in the last transaction before trailing no-transaction files, which cannot be rolled
   * back: a problem stops the run before they run and before this transaction commits. The check
   * after them runs too (`finish`, or their own unit).
   */
  async verifyBefore(w, unit) {
    const db = w.migrations.name;
    const snapshot = await this.readableSnapshotIn(unit, db);
    if (!snapshot) return void 0;
    this.after.set(db, snapshot);
    this.noteCommitted(
      w,
      (this.committed.get(db) ?? []).map((s) => s.version.toString())
    );
    const error = this.verify(w);
    if (error) error.message += " (checked before the no-transaction file(s) at the end of the plan)";
    else this.after.delete(db);
    return error;
  }
  /** After the migrations: the plain reads, the whole verification once more with every catalog. */
  async finish() {
    if (this.unreadable) await this.readAfterCommit(this.unreadable);
    if (!this.snapshots || !this.verifying) return;
    if (this.deferred) throw new RunFailure(this.deferred);
    for (const w of this.input.planned.work) {
      const db = w.migrations.name;
      if (!this.checks(w) || this.after.has(db)) continue;
      this.after.set(db, await this.read(db));
      this.recordChanges(w);
      const ran = w.result.steps.filter((s) => s.status === "applied" || s.status === "skipped");
      if (!this.ephemeral && this.input.settings.dryRun === false)
        this.noteCommitted(
          w,
          ran.map((s) => s.version)
        );
      const error = this.verify(w);
      if (error) throw new RunFailure(error);
    }
    const catalogs = this.checkedCatalogs();
    if (catalogs.size === 0) {
      const rollback = this.input.planned.work.some((w) => w.plan.steps.some((s) => s.direction === "down"));
      this.check.reason = rollback ? "a rollback with no metadata applied: the project metadata describes the schema before it" : "nothing was migrated and no metadata is applied: there was nothing to check";
      return;
    }
    const all = this.verification(catalogs);
    this.setProblems(all.problems, all.notChecked);
    const failing = this.check.setting === "error" && all.problems.length > 0;
    this.check.status = all.problems.length === 0 ? "passed" : failing ? "failed" : "warned";
    if (failing) throw new RunFailure(this.errorOf(all.problems[0].database, all.problems));
  }
  /** The units committed unread: the schema changes are read now, and the report says so. */
  async readAfterCommit(why) {
    this.input.result.warnings.push(
      `The schema was read after the migrations committed, not inside their transaction: ${why}. A metadata problem found there fails the run with the migrations applied.`
    );
    for (const w of this.input.planned.work) {
      const db = w.migrations.name;
      if (this.checks(w) || !this.changesSchema(w) || this.after.has(db)) continue;
      this.after.set(db, await this.read(db));
      this.recordChanges(w);
    }
  }
  /** The catalogs taken so far of the databases whose metadata is checked. */
  checkedCatalogs() {
    const checked = new Set(
      this.input.planned.work.filter((w) => this.checks(w)).map((w) => w.migrations.name)
    );
    return new Map([...this.after].filter(([db]) => checked.has(db)));
  }
  verification(catalogs) {
    const t0 = performance.now();
    this.locateCache ??= metadataLocator(this.input.project.config);
    const verified = verifyMetadata(this.input.project.built.metadata, catalogs, {
      locate: this.locateCache
    });
    tookSince(this.input.io, "metadata check", t0);
    return verified;
  }
  /** The check of one database, with the catalogs known so far; an ErrorInfo aborts its unit. */
  verify(w) {
    const db = w.migrations.name;
    const v = this.verification(this.checkedCatalogs());
    this.setProblems(v.problems, v.notChecked);
    const mine = v.problems.filter((p) => p.database === db);
    if (mine.length === 0) {
      this.check.status = v.problems.length > 0 ? this.check.status : "passed";
      return void 0;
    }
    if (this.check.setting === "warn") {
      this.check.status = "warned";
      this.input.io.warning(
        `verify-metadata: ${mine.length} unresolved metadata reference(s) in database '${db}'`
      );
      return void 0;
    }
    this.check.status = "failed";
    return this.errorOf(db, mine);
  }
  setProblems(problems, notChecked) {
    this.check.reason = void 0;
    this.check.databases = [...this.checkedCatalogs().keys()];
    this.check.problems = problems.map((p) => this.problemResult(p));
    this.check.notChecked = notChecked.map((n) => ({ kind: n.kind, name: n.name, reason: n.reason }));
  }
  problemResult(p) {
    const out = { database: p.database, type: p.type, name: p.name, reason: p.reason };
    if (p.file !== void 0) out.file = p.file;
    if (p.line !== void 0) out.line = p.line;
    const note = this.ephemeral ? this.embeddedNote(p) : void 0;
    if (note) out.note = note;
    return out;
  }
  /**
   * The embedded database has only what the migrations create: a missing table or function is one no
   * migration of the project creates (or one the pull request's migrations drop).
   */
  embeddedNote(p) {
    const m = /no such table\/view exists in source: "([^"]+)"|table "([^"]+)" does not exist/.exec(p.reason);
    const table = m?.[1] ?? m?.[2];
    const fn = /no such function exists: "?([^"\s]+)"?/.exec(p.reason)?.[1];
    const missing = table ?? fn;
    if (!missing) return void 0;
    const before2 = this.before.get(p.database);
    const [schema, name] = missing.includes(".") ? missing.split(".", 2) : ["public", missing];
    const existed = before2?.relations.some((r) => r.schema === schema && r.name === name) || before2?.functions.some((f) => f.schema === schema && f.name === name);
    if (existed)
      return `${missing} exists at the pull request's base: a migration of this pull request drops it`;
    return `no migration of this project creates ${missing}: the embedded database starts empty, so an object made outside the migrations (by another service, or by an extension the embedded database lacks) does not exist here \u2014 add a migration that creates it, or set verify-metadata: warn if it is made elsewhere`;
  }
  /** What had committed when the check ran: nothing on the embedded database, which is thrown away. */
  noteCommitted(w, versions) {
    if (this.ephemeral) return;
    const db = w.migrations.name;
    const earlier = this.input.result.databases.filter((d) => d.database !== db).flatMap(
      (d) => d.steps.filter((s) => s.status === "applied" || s.status === "skipped").map((s) => ({ database: d.database, version: s.version }))
    );
    this.check.committedBeforeCheck = [...earlier, ...versions.map((version) => ({ database: db, version }))];
  }
  recordChanges(w) {
    const db = w.migrations.name;
    const before2 = this.before.get(db);
    const after = this.after.get(db);
    const kind = this.beforeKind.get(db);
    if (!before2 || !after || !kind || !this.changesSchema(w)) return;
    const t0 = performance.now();
    w.result.schemaChanges = { ...diffSnapshots(before2, after), ...kind };
    tookSince(this.input.io, `schema changes of ${db}`, t0);
  }
  errorOf(db, problems) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more, listed under Metadata problems)` : "";
    const committed = this.check.committedBeforeCheck;
    const rolledBack = this.ephemeral ? "" : committed.length === 0 ? "; nothing was applied" : `; ${committed.map((c) => c.version).join(", ")} had already committed and stay applied`;
    this.input.result.metadata = {
      status: "skipped",
      message: "not applied: the metadata verification failed",
      inconsistentObjects: []
    };
    return {
      kind: "metadata",
      database: db,
      message: `the metadata names what the migrated schema of database '${db}' does not have: ${first.name}: ${first.reason.replace(/^Inconsistent object: /, "")}${more}${rolledBack}`,
      ...first.file !== void 0 ? { file: first.file } : {},
      ...first.line !== void 0 ? { line: first.line } : {},
      remedy: REMEDIES.unresolvedMetadata
    };
  }
};

// src/run.ts
async function run(settings, io) {
  const started = Date.now();
  const result = emptyResult(settings, io);
  const timed = (name, stage) => timedPart(io, name, stage);
  let targets;
  let base;
  try {
    const project = await timed("read", () => readProject(settings, io, result));
    const event = readEventPayload(io.env.GITHUB_EVENT_PATH);
    const baseCommit = pullRequestBase(io.env.GITHUB_EVENT_NAME, event)?.sha;
    base = readPullRequestBase(project, settings, io, baseCommit, {
      versions: settings.target.kind === "embedded",
      metadata: project.built !== void 0 && !hasMetadataEndpoint(settings.target)
    });
    const opened = await timed(
      "open",
      () => openTargets(settings, project.config, io, () => projectSql(project.local, project.seedFiles))
    );
    targets = opened;
    result.target = opened.migrations.info;
    if (opened.metadata && !opened.migrations.capabilities.holdsMetadata)
      result.metadataTarget = opened.metadata.info;
    const stage = {
      settings,
      project,
      result,
      io,
      pullRequestBase: base.versions,
      ...baseCommit ? { baseCommit, baseMetadata: base.metadata } : {}
    };
    const server = await timed(
      "metadata changes",
      () => compareMetadataChanges({ ...stage, targets: opened })
    );
    const unconnected = await sourcesToConnect(project.config, settings, project.built, opened, server);
    const planned = await timed(
      "plan",
      () => planDatabases(settings, project, opened.migrations, result, unconnected)
    );
    const catalogBefore = await timed(
      "lint",
      () => lintPlanned({ ...stage, planned, target: opened.migrations, unconnected })
    );
    const drift = await timed(
      "drift",
      () => checkDrift(settings, project, planned, opened, result, io, unconnected, catalogBefore)
    );
    const verified = new VerifiedSchemas(settings, opened.migrations, drift);
    if (unconnected.size > 0) {
      await timed(
        "connect sources",
        () => connectSources(project.config, settings, project.built, opened, result)
      );
    }
    const review = await timed(
      "catalog review start",
      () => CatalogReview.start({ ...stage, planned, targets: opened, catalogBefore })
    );
    const reviewOptions = review.executeOptions();
    await timed(
      "execute",
      () => executeMigrations(settings, planned, opened.migrations, result, io, {
        ...reviewOptions,
        // the metadata check first (its error aborts the unit), then the verified schema's digest
        beforeCommit: (w) => composeBeforeCommit(reviewOptions.beforeCommit?.(w), verified.beforeCommit(w)),
        ledger: drift.ledger
      })
    );
    await timed("catalog review finish", () => review.finish());
    await timed("verified schema", () => verified.record(planned.work, result, io));
    await timed("metadata", () => applyMetadata(project.config, settings, project.built, opened, result, io));
    await timed("metadata digest", () => recordAppliedMetadata(opened, result, io));
    await timed(
      "seeds",
      () => applySeeds(
        project.config,
        settings,
        project.seedFiles,
        opened.migrations,
        project.databases,
        result,
        io
      )
    );
    result.status = finalStatus(settings, result);
  } catch (e) {
    result.error = e instanceof RunFailure ? e.info : toErrorInfo(e);
    if (result.error.kind === "internal" && e instanceof Error && e.stack) io.debug(e.stack);
  } finally {
    base?.close();
    if (targets) await targets.close().catch((e) => io.debug(`closing targets: ${String(e)}`));
  }
  return finish(result, started);
}

// src/settings.ts
var INPUT_DEFAULTS = {
  endpoint: "",
  "admin-secret": "",
  "database-url": "",
  "project-dir": ".",
  "migrations-dir": "",
  database: "",
  direction: "up",
  steps: "",
  "target-version": "",
  "dry-run": "false",
  "skip-execution": "false",
  transaction: "all",
  "out-of-order": "warn",
  metadata: "auto",
  "allow-inconsistent-metadata": "false",
  seeds: "false",
  "github-token": "${{ github.token }}",
  comment: "auto",
  environment: "",
  timeout: "600",
  "trust-pull-request-code": "false",
  drift: "warn",
  "accept-edited-migrations": "",
  "verify-metadata": "error",
  lint: "warn"
};
var INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
function secretInputs(read, env) {
  const raw = (name) => read(name).trim();
  const token = raw("github-token");
  return {
    endpoint: raw("endpoint") || (env.HASURA_GRAPHQL_ENDPOINT ?? "").trim(),
    adminSecret: raw("admin-secret") || (env.HASURA_GRAPHQL_ADMIN_SECRET ?? "").trim(),
    databaseUrl: raw("database-url"),
    // the unexpanded default `${{ github.token }}` is no token
    githubToken: (token.startsWith("${{") ? "" : token) || env.GITHUB_TOKEN || ""
  };
}
function secretsOf(read, env = process.env) {
  const { endpoint, adminSecret, databaseUrl, githubToken } = secretInputs(read, env);
  const out = [];
  if (adminSecret) out.push(adminSecret);
  if (databaseUrl) out.push(...databaseUrlSecrets(databaseUrl, env));
  if (endpoint) out.push(...passwordForms(endpoint));
  if (githubToken) out.push(githubToken);
  return out;
}
var BOOL_TRUE = ["true", "True", "TRUE"];
var BOOL_FALSE = ["false", "False", "FALSE"];
function parseSettings(read, env = process.env) {
  const errors = [];
  const raw = (name) => read(name).trim();
  const value = (name) => {
    const v = raw(name);
    const def = INPUT_DEFAULTS[name];
    return v === "" && !def.startsWith("${{") ? def : v;
  };
  const oneOf = (name, allowed) => {
    const v = value(name);
    if (allowed.includes(v)) return v;
    errors.push(`input '${name}' must be one of ${allowed.join(", ")} (got '${v}')`);
    return allowed[0];
  };
  const bool = (name) => {
    const v = value(name);
    if (BOOL_TRUE.includes(v)) return true;
    if (BOOL_FALSE.includes(v)) return false;
    errors.push(`input '${name}' must be true or false (got '${v}')`);
    return false;
  };
  const { endpoint, adminSecret, databaseUrl, githubToken } = secretInputs(read, env);
  if (endpoint) {
    const problem = checkUrl(endpoint, ["http:", "https:"]);
    if (problem) errors.push(`input 'endpoint' ${problem}`);
  }
  if (databaseUrl) {
    const problem = databaseUrlProblem(databaseUrl);
    if (problem) errors.push(`input 'database-url' ${problem}`);
  }
  const target = databaseUrl ? {
    kind: "postgres",
    databaseUrl,
    endpoint: endpoint || void 0,
    adminSecret: adminSecret || void 0
  } : endpoint ? { kind: "hasura", endpoint, adminSecret: adminSecret || void 0 } : { kind: "embedded" };
  const projectDir = value("project-dir");
  const migrationsDir = raw("migrations-dir") || void 0;
  const databaseInput = raw("database");
  let databases = { kind: "default" };
  if (databaseInput === "all") databases = { kind: "all" };
  else if (databaseInput) {
    const names = databaseInput.split(",").map((s) => s.trim()).filter(Boolean);
    if (names.length === 0)
      errors.push(`input 'database' must name a database, a comma-separated list or all`);
    databases = { kind: "list", names };
  }
  const direction = oneOf("direction", ["up", "down"]);
  const stepsRaw = raw("steps");
  const targetVersionRaw = raw("target-version");
  let steps = "all";
  if (stepsRaw && stepsRaw !== "all") {
    if (/^[1-9][0-9]{0,8}$/.test(stepsRaw)) steps = Number(stepsRaw);
    else errors.push(`input 'steps' must be a positive integer or all (got '${stepsRaw}')`);
  }
  let request = { kind: direction, steps };
  if (targetVersionRaw) {
    if (!/^[0-9]+$/.test(targetVersionRaw)) {
      errors.push(`input 'target-version' must be a version number (digits only, got '${targetVersionRaw}')`);
    } else if (BigInt(targetVersionRaw) > MAX_BIGINT) {
      errors.push(
        `input 'target-version' ${targetVersionRaw} is above 9223372036854775807 and cannot be stored`
      );
    }
    if (direction !== "up" || stepsRaw) {
      errors.push(
        `input 'target-version' cannot be combined with 'direction' or 'steps' (leave them at their defaults)`
      );
    }
    if (/^[0-9]+$/.test(targetVersionRaw)) request = { kind: "goto", version: BigInt(targetVersionRaw) };
  } else if (direction === "down" && !stepsRaw) {
    errors.push(
      `input 'steps' is required for direction down (a positive integer or all), or give 'target-version'`
    );
  }
  const dryRunRaw = value("dry-run");
  let dryRun = false;
  if (BOOL_TRUE.includes(dryRunRaw) || dryRunRaw === "plan") dryRun = "plan";
  else if (dryRunRaw === "rehearse") dryRun = "rehearse";
  else if (!BOOL_FALSE.includes(dryRunRaw)) {
    errors.push(`input 'dry-run' must be false, true, plan or rehearse (got '${dryRunRaw}')`);
  }
  const skipExecution = bool("skip-execution");
  if (skipExecution && dryRun === "rehearse") {
    errors.push(
      `input 'skip-execution' cannot be combined with 'dry-run: rehearse' (there is nothing to rehearse)`
    );
  }
  if (skipExecution && target.kind === "embedded" && dryRun === false) {
    errors.push(
      `input 'skip-execution' needs a target (database-url or endpoint): the embedded database is empty every run`
    );
  }
  const transaction = oneOf("transaction", ["all", "per-migration"]);
  const outOfOrder = oneOf("out-of-order", ["warn", "allow", "fail"]);
  const metadata = oneOf("metadata", ["auto", "apply", "skip"]);
  if (metadata === "apply" && !endpoint) {
    errors.push(
      `input 'metadata' is apply but no endpoint is given (set 'endpoint' or HASURA_GRAPHQL_ENDPOINT)`
    );
  }
  const allowInconsistentMetadata = bool("allow-inconsistent-metadata");
  const seedsRaw = value("seeds");
  let seeds;
  if (BOOL_TRUE.includes(seedsRaw)) seeds = true;
  else if (BOOL_FALSE.includes(seedsRaw)) seeds = false;
  else {
    seeds = seedsRaw.split(",").map((s) => s.trim()).filter(Boolean);
  }
  const comment = oneOf("comment", ["auto", "always", "never"]);
  const environment = value("environment");
  if (/["<>\n]/.test(environment))
    errors.push(`input 'environment' must not contain quotes, angle brackets or newlines`);
  const timeoutRaw = value("timeout");
  let timeoutMs = 6e5;
  if (/^[1-9][0-9]{0,6}$/.test(timeoutRaw)) timeoutMs = Number(timeoutRaw) * 1e3;
  else errors.push(`input 'timeout' must be a positive number of seconds (got '${timeoutRaw}')`);
  const trustPullRequestCode = bool("trust-pull-request-code");
  const drift = oneOf("drift", ["warn", "fail", "off"]);
  const acceptEditedMigrations = [];
  for (const item of raw("accept-edited-migrations").split(/[\s,]+/).filter(Boolean)) {
    if (/^[0-9]+$/.test(item) && BigInt(item) <= MAX_BIGINT) acceptEditedMigrations.push(BigInt(item));
    else
      errors.push(
        `input 'accept-edited-migrations' must list migration versions separated by commas (got '${item}')`
      );
  }
  const verifyMetadata2 = oneOf("verify-metadata", ["error", "warn", "off"]);
  const lint = oneOf("lint", ["warn", "error", "off"]);
  if (target.kind === "postgres" && databases.kind === "all") {
    errors.push(
      `input 'database' cannot be all with 'database-url': one URL is one database; select exactly one`
    );
  } else if (target.kind === "postgres" && databases.kind === "list" && databases.names.length > 1) {
    errors.push(
      `input 'database' must select exactly one database with 'database-url' (got ${databases.names.length})`
    );
  }
  if (errors.length > 0) {
    throw new UserError(
      errors.length === 1 ? errors[0] : `${errors.length} input errors: ${errors.join("; ")}`,
      { input: errors.length === 1 ? /input '([^']+)'/.exec(errors[0])?.[1] : void 0 }
    );
  }
  return {
    projectDir,
    migrationsDir,
    databases,
    target,
    request,
    dryRun,
    skipExecution,
    transaction,
    outOfOrder,
    metadata,
    allowInconsistentMetadata,
    seeds,
    githubToken: githubToken || void 0,
    comment,
    environment,
    timeoutMs,
    trustPullRequestCode,
    drift,
    acceptEditedMigrations,
    verifyMetadata: verifyMetadata2,
    lint,
    secrets: [...new Set(secretsOf(read, env).filter((s) => s.length >= 3))]
  };
}
var MAX_BIGINT = 9223372036854775807n;
function checkUrl(value, protocols) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `is not a valid URL (expected ${protocols.map((p) => p + "//\u2026").join(" or ")})`;
  }
  if (!protocols.includes(url.protocol)) {
    return `must start with ${protocols.map((p) => p + "//").join(" or ")} (got ${url.protocol}//\u2026)`;
  }
  return void 0;
}

// src/signals.ts
function cancellationSignal() {
  const controller = new AbortController();
  const onSignal = (name) => {
    if (controller.signal.aborted) return;
    process.stderr.write(`received ${name}: rolling back what is open, running nothing more
`);
    controller.abort(new Error(`cancelled by ${name}`));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return controller.signal;
}

export {
  oneLine,
  run,
  INPUT_NAMES,
  secretsOf,
  parseSettings,
  cancellationSignal
};
