import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  databaseUrlProblem,
  databaseUrlSecrets,
  passwordForms,
  redactUrl
} from "./chunk-OZCJKL5T.js";
import {
  parse,
  print
} from "./chunk-Q6UI2X2O.js";
import {
  CONFIG_FILE,
  ENV_FILE,
  NO_TRANSACTION_MARKER,
  buildMetadata,
  exec,
  listDatabases,
  listSeeds,
  readConfig,
  readMigrations
} from "./chunk-JFZKKRPE.js";
import {
  pullRequestBase,
  readEventPayload
} from "./chunk-NO5B44HM.js";
import {
  canonicalJson,
  compare,
  displayEndpoint,
  sortedSet
} from "./chunk-2VHDIO3M.js";
import {
  analyzeSql,
  isOnlyTrivia,
  parseStatements,
  splitStatements,
  toErrorInfo,
  transactionBlocks
} from "./chunk-CWRPQV6L.js";
import {
  isPlainObject
} from "./chunk-4MVXMSDJ.js";
import {
  KnownError,
  LineCounter,
  RefusedError,
  UserError,
  isKnownError
} from "./chunk-TWF2WZID.js";

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
function plannedStep(step) {
  return {
    version: step.version.toString(),
    name: step.name,
    direction: step.direction,
    file: step.sql?.path ?? step.yaml?.path,
    transactional: step.transactional,
    sql: step.sql?.text
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
    const { connectHasura: connectHasura2 } = await import("./chunk-NF2PAOHY.js");
    return connectHasura2({ endpoint, adminSecret, runUrl: io.runUrl, ...common });
  };
  if (t.kind === "embedded" && settings.dryRun === "plan") {
    const migrations2 = planOnlyEmbedded();
    return { migrations: migrations2, close: async () => {
    } };
  }
  if (t.kind === "embedded") {
    io.info("No database-url or endpoint: rehearsing on an embedded PostgreSQL (in this process, empty)");
    const { mentionedExtensions, startEmbedded } = await import("./chunk-WSOGMJVI.js");
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
  const { connectPostgres } = await import("./chunk-5D6T4TWJ.js");
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
    capabilities: { ephemeral: true, yamlMetadataSteps: "skip", holdsMetadata: false },
    readState: () => Promise.resolve({ versions: /* @__PURE__ */ new Map() }),
    execute: () => Promise.reject(refuse()),
    applySeeds: () => Promise.reject(refuse()),
    close: async () => {
    }
  };
}

// src/run/context.ts
var RunFailure = class extends Error {
  constructor(info) {
    super(info.message);
    this.info = info;
  }
  info;
};

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
  for (const step of steps) {
    const m = local.get(step.version);
    const status = downStatus(m, db);
    if (status === "real") continue;
    if (step.direction === "up") {
      const problem = DOWN_PROBLEM[status];
      const finding = {
        kind: problem.kind,
        severity: "warning",
        database: db.name,
        version: step.version,
        message: `version ${step.version} ${problem.text}: it cannot be rolled back`
      };
      const file = sidePath(m?.down) ?? emptyFileOf(db, step.version, "down") ?? step.sql?.path ?? step.yaml?.path;
      if (file) finding.file = file;
      findings.push(finding);
    } else if (status === "placeholder") {
      findings.push({
        kind: "placeholder-down",
        severity: "warning",
        database: db.name,
        version: step.version,
        file: step.sql.path,
        message: `rolling back version ${step.version} runs no SQL (its down file has only comments): the record goes, the schema stays`
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
  const step = {
    database: db.name,
    version,
    name: m?.name ?? "-",
    direction,
    transactional: !(side.sql?.noTransaction ?? false)
  };
  if (side.sql) step.sql = side.sql;
  if (side.yaml) step.yaml = side.yaml;
  return step;
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

// src/plan/transaction-findings.ts
var MARKER = "-- hasura:no-transaction";
async function transactionFindings(steps) {
  const findings = [];
  for (const step of steps) {
    if (step.sql) {
      const analysis = await analyzeSql(step.sql.text);
      findings.push(...fromAnalysis(step, step.sql.path, analysis, (line) => line));
    }
    for (const call of step.yaml?.steps ?? []) {
      const sql = runSqlText(call.type, call.args);
      if (sql === void 0) continue;
      const analysis = await analyzeSql(sql);
      findings.push(...fromAnalysis(step, step.yaml.path, analysis, () => call.line, true));
    }
  }
  return findings;
}
function runSqlText(type, args) {
  if (type !== "run_sql" || typeof args !== "object" || args === null) return void 0;
  const sql = args.sql;
  return typeof sql === "string" ? sql : void 0;
}
function fromAnalysis(step, file, analysis, fileLine, inYaml = false) {
  const base = { database: step.database, version: step.version, file };
  const findings = [];
  const transactional = inYaml || step.transactional;
  if (transactional) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: "no-transaction-required",
        severity: "error",
        line: fileLine(n.statement.line),
        message: inYaml ? `${n.what} cannot run inside a transaction block, and run_sql steps of a YAML migration share the run's transaction: move it to a SQL migration whose first line is '${MARKER}'` : `${n.what} cannot run inside a transaction block: add '${MARKER}' as the first line of ${file} so it runs alone, outside the run's transaction`
      });
    }
  }
  const others = (analysis.statementCount ?? 1) - 1;
  if (!transactional && others > 0) {
    for (const n of analysis.nonTransactional) {
      findings.push({
        ...base,
        kind: "no-transaction-file",
        severity: "warning",
        line: fileLine(n.statement.line),
        message: `${n.what} shares ${file} with ${others} other statement${others === 1 ? "" : "s"}: sent as one query (as Hasura's run_sql does), PostgreSQL runs them as one implicit transaction block and refuses it; keep it alone in its file`
      });
    }
  }
  if (transactional) {
    const finding = blockFinding(analysis, fileLine, inYaml);
    if (finding) findings.push({ ...base, ...finding });
  } else {
    for (const t of analysis.transactionControl) {
      if (t.scope !== "transaction") continue;
      findings.push({
        ...base,
        kind: "transaction-control",
        severity: "warning",
        line: fileLine(t.statement.line),
        message: `top-level ${t.what} in a no-transaction file: the file runs alone, so it affects only its own statements; make sure every BEGIN has its COMMIT, or the state record joins an open transaction`
      });
    }
  }
  return findings;
}
function blockFinding(analysis, fileLine, inYaml) {
  if (analysis.syntaxError) return void 0;
  const blocks = transactionBlocks(analysis.transactionControl);
  if (blocks.kind === "none") return void 0;
  if (blocks.kind === "unsafe") {
    return {
      kind: "transaction-control",
      severity: "error",
      line: fileLine(blocks.statement.line),
      message: `${blocks.reason}; remove it${inYaml ? "" : `, or mark the file with '${MARKER}' if it must manage its own transactions`}`
    };
  }
  const lines = blocks.blocks.map((b) => `${fileLine(b.begin.line)}\u2013${fileLine(b.end.line)}`).join(", ");
  const one = blocks.blocks.length === 1;
  return {
    kind: "transaction-block",
    severity: "notice",
    line: fileLine(blocks.blocks[0].begin.line),
    message: `the file's own BEGIN \u2026 COMMIT ${one ? "block" : "blocks"} (lines ${lines}) ${one ? "runs as a savepoint" : "run as savepoints"} inside the run's transaction: ${one ? "it stays" : "each stays"} atomic, and a later failure in the run still rolls ${one ? "it" : "them"} back with everything else`
  };
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
      () => executeOne(w, target, settings, mode, io, options.beforeCommit)
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
async function executeOne(w, target, settings, mode, io, beforeCommit) {
  if (w.plan.steps.length === 0) return;
  const out = await target.execute({
    database: w.migrations.name,
    // under the lock: what is left of this plan (re-planning a count could fail after a partly lost race)
    replan: (state) => remainingSteps(w.plan.steps, state),
    state: w.state,
    mode,
    ...beforeCommit ? { beforeCommit } : {},
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

// src/run/lint.ts
import { resolve } from "node:path";

// src/github/base-versions.ts
import { realpathSync as realpathSync2 } from "node:fs";
import { posix } from "node:path";

// src/github/base-files.ts
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

// src/github/untrusted-code.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
]);
var SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var sha = (value) => typeof value === "string" && SHA.test(value.toLowerCase()) ? value.toLowerCase() : void 0;
var unique = (values) => [
  ...new Set(values.filter((v) => v !== void 0))
];
function forkPullRequest(options) {
  const payload = options.payload ?? {};
  const event = options.eventName ?? "";
  const repository = payload.repository?.full_name ?? options.repository;
  if (event === "pull_request_target") {
    const pr = payload.pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name ?? repository;
    if (head && base && head === base) return void 0;
    return {
      event,
      from: head ?? "a repository GitHub does not name (deleted, or not in the event)",
      baseCommits: unique([sha(options.githubSha), sha(pr?.base?.sha)]),
      head: sha(pr?.head?.sha),
      merge: sha(pr?.merge_commit_sha)
    };
  }
  if (event === "workflow_run") {
    const run2 = payload.workflow_run;
    if (run2?.event !== void 0 && !PULL_REQUEST_EVENTS.has(run2.event)) return void 0;
    const head = run2?.head_repository?.full_name;
    if (head && repository && head === repository) return void 0;
    const prs = run2?.pull_requests ?? [];
    return {
      event: `workflow_run (after ${run2?.event ?? "a pull request"})`,
      from: head ?? "a repository GitHub does not name (deleted, or not in the event)",
      baseCommits: unique([sha(options.githubSha), ...prs.map((p) => sha(p.base?.sha))]),
      head: sha(run2?.head_sha) ?? prs.map((p) => sha(p.head?.sha)).find(Boolean)
    };
  }
  return void 0;
}
function executesOnRealTarget(shape) {
  return shape.target !== "embedded" && shape.dryRun !== "plan";
}
var TRUST_INPUT = "trust-pull-request-code";
function decide(options) {
  const { fork, shape, facts } = options;
  if (!fork || !executesOnRealTarget(shape)) return { kind: "allowed" };
  if (facts?.sameAs) return { kind: "allowed" };
  const reason = whyPullRequestCode(fork, facts ?? {});
  if (options.trust) return { kind: "trusted", event: fork.event, from: fork.from, reason };
  const target = shape.target === "hasura" ? "Hasura" : "PostgreSQL";
  return {
    kind: "refused",
    event: fork.event,
    message: `refused to run a pull request's code against ${target}: this ${fork.event} run has the repository's secrets, and the project's files may be those of the pull request from ${fork.from} (${reason}); running them would run a stranger's SQL with the database owner's rights \u2014 even a rehearsal can read data and send it out`,
    remedy: `Check a fork's migrations on the embedded database (no database-url or endpoint), read the plan with dry-run: plan, or run the check from a pull_request workflow, which gets no secrets; to run reviewed code anyway, set ${TRUST_INPUT}: true`
  };
}
function whyPullRequestCode(fork, facts) {
  const head = facts.head;
  if (head && head === fork.head) return `the checked-out commit ${short(head)} is the pull request's head`;
  if (head && head === fork.merge)
    return `the checked-out commit ${short(head)} is the pull request's merge commit`;
  if (facts.problem) return facts.problem;
  return head ? `the checked-out commit ${short(head)} is not a base commit` : "the checked-out commit is unknown";
}
var short = (commit) => commit.slice(0, 7);

// src/github/base-files.ts
var HARDENED = [
  "--no-replace-objects",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "protocol.allow=never"
];
function gitIn(cwd, env = process.env) {
  return async (args, input) => {
    const chunks = [];
    const code = await exec("git", [...HARDENED, ...args], {
      cwd,
      env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_NO_LAZY_FETCH: "1" },
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (d) => chunks.push(d) }
    });
    return { code, stdout: Buffer.concat(chunks) };
  };
}
var MAX_DEPTH = 2e3;
async function baseFilesFacts(options) {
  try {
    return await compare2(options);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { problem: `the project's files could not be compared with the base commit (${message})` };
  }
}
async function compare2(options) {
  const shown = options.projectDir;
  const project = realpathSync(options.projectDir);
  const git = gitIn(project);
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) return { problem: `no git repository holds ${shown}, so its commit cannot be known` };
  const top = realpathSync(r.stdout.toString("utf8").trim());
  const headRun = await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const head = headRun.code === 0 ? headRun.stdout.toString("utf8").trim().toLowerCase() : void 0;
  const facts = head ? { head } : {};
  const read = [];
  for (const path of options.paths) {
    if (!existsSync(path)) continue;
    const real = realpathSync(path);
    const rel = relative(top, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { ...facts, problem: `${real} is outside the git repository ${top}` };
    }
    read.push({ abs: real, rel: rel.split(sep).filter(Boolean) });
  }
  const store = new ObjectStore(git);
  const bases = options.baseCommits.map((c) => c.toLowerCase());
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
    let entry = { mode: "40000", id: root };
    for (const name of path.rel) {
      const tree = entry?.mode === "40000" ? await store.tree(entry.id) : void 0;
      entry = tree?.get(name);
    }
    const onDisk = diskEntry(path.abs, algorithm);
    if (!onDisk) continue;
    if (!entry || entry.mode !== onDisk.mode || entry.id !== onDisk.id) {
      return `${shown} is not as in the base commit ${short(commit)}`;
    }
  }
  return void 0;
}
var ObjectStore = class {
  constructor(git) {
    this.git = git;
  }
  git;
  trees = /* @__PURE__ */ new Map();
  async commitTree(id) {
    const body = await this.object("commit", id);
    return body ? parseCommit(body).tree : void 0;
  }
  async tree(id) {
    if (!this.trees.has(id)) {
      const body = await this.object("tree", id);
      this.trees.set(id, body ? parseTree(body, id.length === 64 ? 32 : 20) : void 0);
    }
    return this.trees.get(id);
  }
  /** The contents of these blobs, read in one `git cat-file --batch`; a blob that does not hash to its id is left out. */
  async blobs(ids) {
    const found = /* @__PURE__ */ new Map();
    if (ids.length === 0) return found;
    const r = await this.git(["cat-file", "--batch"], Buffer.from(ids.join("\n") + "\n"));
    if (r.code !== 0) return found;
    for (const object of batchObjects(r.stdout)) {
      if (object.type === "blob" && objectId("blob", object.body, object.id.length) === object.id)
        found.set(object.id, object.body);
    }
    return found;
  }
  async object(type, id) {
    const r = await this.git(["cat-file", type, id]);
    return r.code === 0 && objectId(type, r.stdout, id.length) === id ? r.stdout : void 0;
  }
};
async function isAncestor(git, store, head, base) {
  if (await store.commitTree(base) === void 0) return false;
  const list3 = await git(["rev-list", `--max-count=${MAX_DEPTH}`, base]);
  if (list3.code !== 0) return false;
  const ids = list3.stdout.toString("utf8").split("\n").filter(Boolean);
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
function batchObjects(out) {
  const objects = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const [id, type, size] = out.subarray(at, eol).toString("utf8").split(" ");
    if (type === void 0 || size === void 0) {
      at = eol + 1;
      continue;
    }
    objects.push({ id, type, body: out.subarray(eol + 1, eol + 1 + Number(size)) });
    at = eol + 1 + Number(size) + 1;
  }
  return objects;
}
function parseCommit(body) {
  const headerEnd = body.indexOf("\n\n");
  const lines = body.subarray(0, headerEnd < 0 ? body.length : headerEnd).toString("utf8").split("\n");
  const value = (line, key3) => line.startsWith(key3 + " ") ? line.slice(key3.length + 1) : void 0;
  return {
    tree: lines.map((l) => value(l, "tree")).find(Boolean),
    parents: lines.map((l) => value(l, "parent")).filter((p) => p !== void 0)
  };
}
function parseTree(body, idBytes) {
  const entries2 = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(32, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    const mode = body.subarray(at, space).toString("utf8");
    const name = body.subarray(space + 1, nul).toString("utf8");
    entries2.set(name, { mode, id: body.subarray(nul + 1, nul + 1 + idBytes).toString("hex") });
    at = nul + 1 + idBytes;
  }
  return entries2;
}
function objectId(type, body, idLength) {
  return createHash(idLength === 64 ? "sha256" : "sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
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
  const key3 = (c) => Buffer.from(c.entry.mode === "40000" ? `${c.name}/` : c.name);
  children.sort((a, b) => Buffer.compare(key3(a), key3(b)));
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, "hex")])
  );
  return { mode: "40000", id: objectId("tree", body, idLength) };
}

// src/github/base-versions.ts
var VERSION = /^([0-9]+)_/;
async function baseMigrationVersions(options) {
  const project = realpathSync2(options.projectDir);
  const git = options.git ?? gitIn(project);
  const exists = await git(["cat-file", "-e", `${options.commit}^{commit}`]);
  if (exists.code !== 0) {
    throw new UserError(
      `the base commit ${short(options.commit)} is not in the checkout: set \`fetch-depth: 0\` on actions/checkout`
    );
  }
  const out = /* @__PURE__ */ new Map();
  for (const database of options.databases) {
    const dir = posix.normalize(
      options.configVersion >= 3 ? posix.join(options.migrationsDirectory, database) : options.migrationsDirectory
    );
    const r = await git(["ls-tree", "--name-only", "-z", options.commit, "--", `${dir}/`]);
    const versions = /* @__PURE__ */ new Set();
    if (r.code === 0) {
      for (const path of r.stdout.toString("utf8").split("\0")) {
        const m = VERSION.exec(posix.basename(path));
        if (m) versions.add(BigInt(m[1]));
      }
    }
    out.set(database, versions);
  }
  return out;
}

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
function entries(list3, path, key3) {
  const out = [];
  listOf(list3).forEach((item, i) => {
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
  columns(t, list3) {
    for (const c of Array.isArray(list3) ? list3 : [list3]) this.column(t, c);
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
  const using = isJson(rel.using) ? rel.using : {};
  if (isJson(using.manual_configuration)) return qualifiedName(using.manual_configuration.remote_table);
  if (isJson(using.foreign_key_constraint_on)) return qualifiedName(using.foreign_key_constraint_on.table);
  return void 0;
}
function relationshipColumns(refs, t, rel) {
  const using = isJson(rel.using) ? rel.using : {};
  const fk = using.foreign_key_constraint_on;
  if (typeof fk === "string" || Array.isArray(fk)) refs.columns(t, fk);
  else if (isJson(fk)) {
    const remote = qualifiedName(fk.table);
    if (remote) {
      refs.table(remote);
      refs.columns(remote, fk.columns ?? fk.column);
    }
  }
  const manual = using.manual_configuration;
  if (isJson(manual)) {
    const remote = qualifiedName(manual.remote_table);
    if (remote) refs.table(remote);
    if (isJson(manual.column_mapping)) {
      for (const [local, other] of Object.entries(manual.column_mapping)) {
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
  for (const list3 of PERMISSION_KEYS) {
    for (const p of listOf(entry[list3])) {
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
  let found;
  const visit = (value) => {
    if (found !== void 0 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const call = value.FuncCall;
    if (call) {
      const name = (call.funcname ?? []).flatMap((n) => "String" in n ? [n.String.sval ?? ""] : []);
      const last = name[name.length - 1] ?? "";
      if (VOLATILE_BUILTINS.has(last) || volatilityOf(name) === "volatile") {
        found = name.join(".");
        return;
      }
    }
    for (const v of Object.values(value)) visit(v);
  };
  visit(expr);
  return found;
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
function isColumnItself(using, column, to) {
  let expr = using;
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
    const found = this.searchPath.find((schema) => this.schema.known({ schema, name }) !== void 0);
    return { schema: found ?? this.searchPath[0], name };
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
      const unique2 = constraints.find((k) => k.contype === "CONSTR_PRIMARY" || k.contype === "CONSTR_UNIQUE");
      if (unique2) {
        this.report(
          "add-unique-without-index",
          `adds column ${name} to ${where} as ${unique2.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"}: its index is built under an ACCESS EXCLUSIVE lock, blocking every Hasura query on the table; add the column, build a unique index CONCURRENTLY, then ADD CONSTRAINT \u2026 USING INDEX`
        );
      }
    }
    const state = { notNull, addedInRun: true };
    if (type) state.type = type;
    table.columns.set(name, state);
    this.creates({ kind: "column", schema: table.schema, table: table.name, column: name });
  }
  changeType(table, name, to, using, existing) {
    const column = this.schema.column(table, name);
    if (!column) return;
    const from = column.type;
    table.columns.set(name, { ...column, type: to });
    if (!existing) return;
    const plainUsing = using === void 0 || isColumnItself(using, name, to);
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
    return;
  }
  const leftOut = target.capabilities.ephemeral ? await baseVersions(stage, notes) : void 0;
  const files = planned.work.flatMap(
    (w) => w.plan.steps.filter((s) => s.direction === "up" && !leftOut?.get(s.database)?.has(s.version)).flatMap(migrationSql)
  );
  const catalogBefore = /* @__PURE__ */ new Map();
  if (!target.snapshot) {
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
  const found = (await lintMigrations(
    files.map((f) => f.sql),
    { catalogBefore, referenced: metadataReferences(stage.project.built?.metadata) }
  )).map((f) => inFile(f, files));
  for (const w of planned.work) {
    const mine = found.filter((f) => f.database === w.migrations.name);
    w.result.findings.push(...mine.map(findingResult2));
  }
  result.safety = {
    lint: settings.lint,
    files: new Set(files.map((f) => `${f.sql.database}\0${f.path}`)).size,
    withCatalog: [...catalogBefore.keys()],
    notes
  };
  const blocking = found.filter((f) => !f.silenced);
  if (settings.lint === "error" && blocking.length > 0) throw lintError(blocking);
}
function migrationSql(step) {
  const base = { database: step.database, version: step.version };
  if (step.sql) return [{ sql: { ...base, file: step.sql.path, sql: step.sql.text }, path: step.sql.path }];
  return (step.yaml?.steps ?? []).flatMap((item, i) => {
    const sql = runSqlText(item.type, item.args);
    const path = step.yaml.path;
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
  const commit = stage.baseCommit;
  if (!commit) return void 0;
  const config = stage.project.config;
  try {
    const versions = await baseMigrationVersions({
      projectDir: resolve(stage.io.cwd, config.projectDir),
      commit,
      migrationsDirectory: config.migrationsDirectory,
      configVersion: config.version,
      databases: stage.project.databases
    });
    const count = [...versions.values()].reduce((n, v) => n + v.size, 0);
    notes.push(
      `Only the pull request's own migrations were checked: the ${count === 1 ? "one" : count} that ${count === 1 ? "exists" : "exist"} at the base commit ${short(commit)} ${count === 1 ? "is" : "are"} taken as already applied.`
    );
    return versions;
  } catch (e) {
    if (!isKnownError(e)) throw e;
    notes.push(`Every planned migration was checked, as if new: ${e.message}.`);
    return void 0;
  }
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
import { resolve as resolve3 } from "node:path";

// src/github/base-metadata.ts
import { existsSync as existsSync2, mkdirSync, mkdtempSync, realpathSync as realpathSync3, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute as isAbsolute2, join as join2, posix as posix2, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
var TREE = "40000";
var SYMLINK = "120000";
var SUBMODULE = "160000";
async function readBaseMetadata(options) {
  const project = realpathSync3(resolve2(options.projectDir));
  const git = options.git ?? gitIn(project);
  const commit = options.commit.toLowerCase();
  const top = await gitTop(git, project);
  const prefix = relative2(top, project).split(sep2).filter(Boolean).join("/");
  const store = new ObjectStore(git);
  const root = await store.commitTree(commit);
  if (!root) throw await missingCommit(git, commit);
  const projectTree = await entryAt(store, root, prefix);
  if (projectTree?.mode !== TREE) {
    return {
      commit,
      files: [],
      note: `the project directory ${prefix || "."} did not exist at ${short(commit)}`
    };
  }
  const temp = mkdtempSync(join2(tmpdir(), "hma-base-metadata-"));
  try {
    const copy = new Copier(store, temp, root);
    const projectCopy = join2(temp, ...prefix.split("/").filter(Boolean));
    mkdirSync(projectCopy, { recursive: true });
    await copy.files(prefix, [CONFIG_FILE, ENV_FILE]);
    const config = readConfigAt(projectCopy, options.env);
    if (!config) return { commit, files: [], note: `the project had no ${CONFIG_FILE} at ${short(commit)}` };
    if (options.migrationsDir !== void 0) config.migrationsDirectory = options.migrationsDir;
    const wanted = config.version === 1 ? ["metadata.yaml", "metadata.json"].map((f) => posix2.join(config.migrationsDirectory, f)) : [config.metadataFile ?? config.metadataDirectory];
    for (const rel of wanted) {
      const inRepo = posix2.normalize(posix2.join(prefix, rel.replace(/\\/g, "/")));
      if (inRepo === ".." || inRepo.startsWith("../")) continue;
      await copy.path(inRepo === "." ? "" : inRepo);
    }
    const built = await buildMetadata(config);
    return built ? { commit, metadata: built.metadata, files: built.files } : { commit, files: [] };
  } catch (e) {
    throw rethrown(e, commit);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
function readConfigAt(dir, env) {
  if (!existsSync2(join2(dir, CONFIG_FILE))) return void 0;
  return readConfig(dir, env ?? process.env);
}
function rethrown(e, commit) {
  if (!(e instanceof KnownError)) return e;
  return new UserError(`at the base commit ${short(commit)}: ${e.message}`, e.where);
}
async function gitTop(git, project) {
  const r = await git(["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) {
    throw new UserError(
      `no git repository holds ${project}, so the metadata at the pull request's base cannot be read`
    );
  }
  return realpathSync3(r.stdout.toString("utf8").trim());
}
async function missingCommit(git, commit) {
  const shallow = await git(["rev-parse", "--is-shallow-repository"]);
  const why = shallow.stdout.toString("utf8").trim() === "true" ? " (the clone is shallow)" : "";
  return new UserError(
    `the base commit ${short(commit)} is not in the checkout${why}: set \`fetch-depth: 0\` on actions/checkout so the metadata at the pull request's base can be compared`
  );
}
async function entryAt(store, root, path) {
  let entry = { mode: TREE, id: root };
  for (const name of path.split("/").filter(Boolean)) {
    const tree = entry?.mode === TREE ? await store.tree(entry.id) : void 0;
    entry = tree?.get(name);
  }
  return entry;
}
var Copier = class {
  constructor(store, dir, root) {
    this.store = store;
    this.dir = dir;
    this.root = root;
  }
  store;
  dir;
  root;
  /** The named files of a directory (those that exist). */
  async files(directory, names) {
    const tree = await this.tree(directory);
    const wanted = names.flatMap((n) => {
      const entry = tree?.get(n);
      return entry ? [{ path: posix2.join(directory, n), entry }] : [];
    });
    await this.write(wanted);
  }
  /** A file, or a directory with everything below it. */
  async path(path) {
    const entry = await entryAt(this.store, this.root, path);
    if (!entry) return;
    const found = [];
    await this.collect(path, entry, found);
    await this.write(found);
  }
  async collect(path, entry, out) {
    if (entry.mode === SUBMODULE) return;
    if (entry.mode !== TREE) {
      out.push({ path, entry });
      return;
    }
    for (const [name, child] of await this.store.tree(entry.id) ?? [])
      await this.collect(path ? `${path}/${name}` : name, child, out);
  }
  async write(entries2) {
    const blobs = await this.store.blobs([...new Set(entries2.map((e) => e.entry.id))]);
    for (const { path, entry } of entries2) {
      const body = blobs.get(entry.id);
      if (!body) throw new UserError(`${path}: git could not give its content (object ${short(entry.id)})`);
      const abs = join2(this.dir, ...path.split("/"));
      mkdirSync(dirname(abs), { recursive: true });
      if (entry.mode === SYMLINK) {
        const target = body.toString("utf8");
        const resolved = relative2(this.dir, resolve2(dirname(abs), target));
        if (resolved === ".." || resolved.startsWith(`..${sep2}`) || isAbsolute2(resolved)) continue;
        symlinkSync(target, abs);
      } else {
        writeFileSync(abs, body);
      }
    }
  }
  async tree(directory) {
    const entry = await entryAt(this.store, this.root, directory);
    return entry?.mode === TREE ? this.store.tree(entry.id) : void 0;
  }
};

// src/review/bool-exp.ts
var TRUE = { t: "true" };
var FALSE = { t: "false" };
var LOGICAL = /* @__PURE__ */ new Set(["_and", "_or", "_not", "_exists"]);
var SET_OPERATORS = /* @__PURE__ */ new Set(["_in", "_nin", "_has_keys_any", "_has_keys_all"]);
function parseBoolExp(value) {
  if (value === void 0 || value === null) return TRUE;
  if (!isPlainObject(value)) return { t: "opaque", value };
  const parts = [];
  for (const [key3, inner] of Object.entries(value)) parts.push(parseKey(key3, inner));
  return and(parts);
}
function parseKey(key3, inner) {
  switch (key3) {
    case "_and":
      return Array.isArray(inner) ? and(inner.map(parseBoolExp)) : and([parseBoolExp(inner)]);
    case "_or":
      return Array.isArray(inner) ? or(inner.map(parseBoolExp)) : or([parseBoolExp(inner)]);
    case "_not":
      return not(parseBoolExp(inner));
    case "_exists": {
      if (!isPlainObject(inner)) return { t: "opaque", value: { _exists: inner } };
      return { t: "exists", table: tableKey2(inner._table), inner: parseBoolExp(inner._where) };
    }
  }
  if (isPlainObject(inner) && isComparison(inner)) {
    return and(
      Object.entries(inner).map(([op, v]) => ({
        t: "cmp",
        column: key3,
        op,
        value: SET_OPERATORS.has(op) ? sortedSet(v) : v
      }))
    );
  }
  if (isPlainObject(inner)) return { t: "rel", name: key3, inner: parseBoolExp(inner) };
  return { t: "opaque", value: { [key3]: inner } };
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
  let key3 = keys.get(e);
  if (key3 === void 0) {
    key3 = computeKey(e);
    keys.set(e, key3);
  }
  return key3;
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
function isNarrowerOrEqual(before2, after) {
  return implies(parseBoolExp(after), parseBoolExp(before2));
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
function tableKey2(table) {
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
  for (const entry of list2(source.tables)) {
    const table = objectName(entry.table, postgres);
    const own = omit(entry, TABLE_PARTS);
    add("table", table, own, table, void 0, refs(own));
    for (const rel of list2(entry.object_relationships))
      add("object_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const rel of list2(entry.array_relationships))
      add("array_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const rel of list2(entry.remote_relationships))
      add("remote_relationship", `${table}.${str(rel.name)}`, rel, table, void 0, refs(rel));
    for (const field of list2(entry.computed_fields))
      add("computed_field", `${table}.${str(field.name)}`, field, table, void 0, refs(field));
    for (const kind of TABLE_PERMISSION_KINDS) {
      for (const perm of list2(entry[`${kind}s`]))
        add(kind, `${table}/${str(perm.role)}`, perm, table, str(perm.role), permissionKey(perm));
    }
    for (const trigger of list2(entry.event_triggers))
      add("event_trigger", `${table}.${str(trigger.name)}`, trigger, table);
  }
  for (const entry of list2(source.functions)) {
    const written = entry.function === void 0 ? { function: entry } : entry;
    const fn = objectName(written.function, postgres);
    const own = omit(written, /* @__PURE__ */ new Set(["permissions"]));
    add("function", fn, own, fn, void 0, refs(own));
    for (const perm of list2(entry.permissions))
      add("function_permission", `${fn}/${str(perm.role)}`, perm, fn, str(perm.role));
  }
  for (const model of list2(source.logical_models)) {
    const m = str(model.name);
    add("logical_model", m, omit(model, /* @__PURE__ */ new Set(["select_permissions"])), m);
    for (const perm of list2(model.select_permissions))
      add("logical_model_permission", `${m}/${str(perm.role)}`, perm, m, str(perm.role), permissionKey(perm));
  }
  for (const query of list2(source.native_queries)) {
    const q = str(query.root_field_name ?? query.name);
    add("native_query", q, query, q);
  }
  for (const proc of list2(source.stored_procedures)) {
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
  for (const action of list2(metadata.actions)) {
    const a = str(action.name);
    add("action", a, omit(action, /* @__PURE__ */ new Set(["permissions"])), a);
    for (const perm of list2(action.permissions))
      add("action_permission", `${a}/${str(perm.role)}`, perm, a, str(perm.role));
  }
  const types = isPlainObject(metadata.custom_types) ? metadata.custom_types : {};
  for (const category of CUSTOM_TYPE_CATEGORIES) {
    for (const type of list2(types[category])) {
      const t = str(type.name);
      add("custom_type", t, { category, ...type }, t);
    }
  }
  for (const schema of list2(metadata.remote_schemas)) {
    const s = str(schema.name);
    add("remote_schema", s, omit(schema, /* @__PURE__ */ new Set(["permissions", "remote_relationships"])), s);
    for (const perm of list2(schema.permissions))
      add("remote_schema_permission", `${s}/${str(perm.role)}`, perm, s, str(perm.role));
    for (const group of list2(schema.remote_relationships)) {
      for (const rel of list2(group.relationships)) {
        const name = `${s}.${str(group.type_name)}.${str(rel.name)}`;
        add("remote_schema_relationship", name, { type_name: group.type_name, ...rel }, s);
      }
    }
  }
  for (const collection of list2(metadata.query_collections)) {
    const c = str(collection.name);
    add("query_collection", c, collection, c, void 0, queryCollectionKey(collection));
  }
  for (const entry of list2(metadata.allowlist)) {
    const c = str(entry.collection);
    add("allowlist", c, entry, c, void 0, allowlistKey(entry));
  }
  for (const trigger of list2(metadata.cron_triggers))
    add("cron_trigger", str(trigger.name), trigger, str(trigger.name));
  for (const endpoint of list2(metadata.rest_endpoints)) {
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
  for (const role of list2(metadata.inherited_roles)) {
    const r = str(role.role_name);
    add("inherited_role", r, role, r, r, itemKey({ ...role, role_set: sortedSet(role.role_set) }));
  }
  for (const [key3, value] of Object.entries(metadata)) {
    if (NOT_SETTINGS.has(key3) || value === void 0 || value === null) continue;
    add("setting", key3, value, key3, void 0, settingKey(key3, value));
  }
}
function adder(items) {
  return (kind, name, value, owner, role, key3) => {
    let unique2 = name;
    for (let n = 2; items.has(itemId(kind, unique2)); n++) unique2 = `${name} #${n}`;
    const item = {
      kind,
      name: unique2,
      value: masked(value),
      raw: value,
      key: key3 ?? itemKey(value),
      owner
    };
    if (role !== void 0) item.role = role;
    items.set(itemId(kind, unique2), item);
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
  for (const key3 of ["filter", "check"]) canonical[key3] = boolExpKey(parseBoolExp(perm[key3]));
  for (const key3 of ["columns", "computed_fields", "query_root_fields", "subscription_root_fields"])
    if (Array.isArray(perm[key3])) canonical[key3] = sortedSet(perm[key3]);
  return itemKey({ ...entry, permission: canonical });
}
function queryCollectionKey(collection) {
  const definition = isPlainObject(collection.definition) ? collection.definition : {};
  const queries2 = [...list2(definition.queries)].sort((a, b) => compare(str(a.name), str(b.name)));
  return itemKey({ ...collection, definition: { ...definition, queries: queries2 } });
}
function allowlistKey(entry) {
  const scope = isPlainObject(entry.scope) ? entry.scope : { global: true };
  const roles = Array.isArray(scope.roles) ? sortedSet(scope.roles) : scope.roles;
  return itemKey({ ...entry, scope: { ...scope, roles } });
}
function settingKey(key3, value) {
  if (key3 === "graphql_schema_introspection" && isPlainObject(value))
    return itemKey({ ...value, disabled_for_roles: sortedSet(value.disabled_for_roles) });
  return itemKey(value);
}
var NAME_KEYS = /* @__PURE__ */ new Set(["table", "remote_table", "function", "_table"]);
function withNamesNormalised(value, postgres, key3) {
  if (key3 !== void 0 && NAME_KEYS.has(key3) && isName(value)) return objectName(value, postgres);
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
function masked(value, key3) {
  if (typeof value === "string") return key3 !== void 0 && SECRET_KEYS.has(key3) ? MASK : value;
  if (Array.isArray(value)) {
    const headers = key3 === "headers";
    return value.map(
      (v) => headers && isPlainObject(v) && typeof v.value === "string" ? { ...v, value: MASK } : masked(v)
    );
  }
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = masked(v, k);
  return out;
}
function list2(value) {
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
  const before2 = permissionOf(beforeEntry);
  const after = permissionOf(afterEntry);
  const out = { details: [], widening: [] };
  const changed = (detail, widens) => {
    out.details.push(detail);
    if (widens) out.widening.push(detail);
  };
  compareColumns("columns", before2.columns, after.columns, changed);
  compareColumns("computed fields", before2.computed_fields, after.computed_fields, changed);
  for (const key3 of ["filter", "check"]) {
    if (!(key3 in before2) && !(key3 in after)) continue;
    if (sameBoolExp(before2[key3], after[key3])) continue;
    const narrower = isNarrowerOrEqual(before2[key3], after[key3]);
    const removed = isTrue(after[key3]);
    const what = removed ? `${key3} removed (every row)` : narrower ? `${key3} narrowed` : `${key3} relaxed`;
    changed(`${what}: ${show2(before2[key3] ?? {})} \u2192 ${show2(after[key3] ?? {})}`, !narrower);
  }
  compareLimit(before2.limit, after.limit, changed);
  if (Boolean(before2.allow_aggregations) !== Boolean(after.allow_aggregations)) {
    const enabled = Boolean(after.allow_aggregations);
    changed(enabled ? "aggregations enabled" : "aggregations disabled", enabled);
  }
  for (const key3 of ["query_root_fields", "subscription_root_fields"])
    compareRootFields(key3, before2[key3], after[key3], changed);
  comparePresets(before2.set, after.set, changed);
  if (Boolean(before2.backend_only) !== Boolean(after.backend_only)) {
    const dropped = !after.backend_only;
    changed(dropped ? "no longer backend-only" : "made backend-only", dropped);
  }
  if (itemKey(before2.validate_input) !== itemKey(after.validate_input)) {
    const added = before2.validate_input === void 0 || before2.validate_input === null;
    const removed = after.validate_input === void 0 || after.validate_input === null;
    changed(
      added ? "input validation added" : removed ? "input validation removed" : "input validation changed",
      !added
    );
  }
  for (const key3 of /* @__PURE__ */ new Set([...Object.keys(before2), ...Object.keys(after)])) {
    if (KNOWN.has(key3) || itemKey(before2[key3]) === itemKey(after[key3])) continue;
    changed(`${key3}: ${show2(before2[key3])} \u2192 ${show2(after[key3])}`, true);
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
  for (const key3 of ["filter", "check"])
    if (key3 in p) grants.push(`${key3} ${isTrue(p[key3]) ? "{} (every row)" : show2(p[key3])}`);
  if (typeof p.limit === "number") grants.push(`limit ${p.limit}`);
  if (p.allow_aggregations) grants.push("aggregations");
  if (p.backend_only) grants.push("backend-only");
  if (isPlainObject(p.set) && Object.keys(p.set).length > 0) grants.push(`presets ${show2(p.set)}`);
  return grants;
}
function compareColumns(label, before2, after, changed) {
  if (canonicalJson(asSet(before2)) === canonicalJson(asSet(after))) return;
  if (after === "*") {
    changed(`${label}: all (was ${columnList(before2)})`, true);
    return;
  }
  if (before2 === "*") {
    changed(`${label}: only ${columnList(after)} (was all)`, false);
    return;
  }
  const b = new Set(strings2(before2));
  const a = new Set(strings2(after));
  const added = [...a].filter((c) => !b.has(c));
  const removed = [...b].filter((c) => !a.has(c));
  if (added.length > 0) changed(`${label} added: ${added.join(", ")}`, true);
  if (removed.length > 0) changed(`${label} removed: ${removed.join(", ")}`, false);
}
function compareLimit(before2, after, changed) {
  const b = typeof before2 === "number" ? before2 : void 0;
  const a = typeof after === "number" ? after : void 0;
  if (b === a) return;
  if (a === void 0) changed(`row limit removed (was ${b})`, true);
  else if (b === void 0) changed(`row limit ${a} added`, false);
  else changed(`row limit ${a > b ? "raised" : "lowered"}: ${b} \u2192 ${a}`, a > b);
}
function compareRootFields(key3, before2, after, changed) {
  const label = key3.replace(/_/g, " ");
  if (canonicalJson(asSet(before2)) === canonicalJson(asSet(after))) return;
  if (!Array.isArray(after)) {
    changed(`${label}: all (was ${strings2(before2).join(", ") || "none"})`, true);
    return;
  }
  if (!Array.isArray(before2)) {
    changed(`${label}: only ${strings2(after).join(", ") || "none"} (was all)`, false);
    return;
  }
  const b = new Set(strings2(before2));
  const added = strings2(after).filter((f) => !b.has(f));
  const removed = strings2(before2).filter((f) => !after.includes(f));
  if (added.length > 0) changed(`${label} added: ${added.join(", ")}`, true);
  if (removed.length > 0) changed(`${label} removed: ${removed.join(", ")}`, false);
}
function comparePresets(before2, after, changed) {
  const b = isPlainObject(before2) ? before2 : {};
  const a = isPlainObject(after) ? after : {};
  for (const column of /* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[column]) === canonicalJson(a[column])) continue;
    if (!(column in a)) changed(`preset removed: ${column} (was ${show2(b[column])})`, true);
    else if (!(column in b)) changed(`preset added: ${column} = ${show2(a[column])}`, false);
    else changed(`preset changed: ${column} ${show2(b[column])} \u2192 ${show2(a[column])}`, true);
  }
}
function permissionOf(entry) {
  return isPlainObject(entry) && isPlainObject(entry.permission) ? entry.permission : {};
}
var isTrue = (exp) => sameBoolExp(exp, {});
var strings2 = (value) => Array.isArray(value) ? value.map((v) => typeof v === "string" ? v : canonicalJson(v)) : [];
var asSet = (value) => Array.isArray(value) ? [...strings2(value)].sort() : value;
function columnList(value) {
  if (value === "*") return "all";
  const names = strings2(value);
  return names.length > 0 ? names.join(", ") : "none";
}
var MAX_SHOWN = 300;
function show2(value) {
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
function assess(kind, before2, after, ctx) {
  if (!before2 && after) return assessAdded(kind, after);
  if (before2 && !after) return assessRemoved(kind, before2);
  if (before2 && after) return assessChanged(kind, before2, after, ctx);
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
function assessRemoved(kind, before2) {
  if (kind === "setting" && before2.name === "graphql_schema_introspection") {
    const roles = disabledIntrospection(before2.value);
    if (roles.length > 0)
      return { details: [], widening: [`GraphQL introspection enabled again for ${roles.join(", ")}`] };
  }
  return { details: [], widening: [] };
}
function assessChanged(kind, before2, after, ctx) {
  if (ROW_PERMISSIONS.has(kind)) return permissionChanges(before2.value, after.value);
  switch (kind) {
    case "remote_schema_permission":
      return remoteSchemaPermission(before2.value, after.value);
    case "inherited_role": {
      const b = roleSet(before2.value);
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
      const b = scopeRoles(before2.value);
      const a = scopeRoles(after.value);
      const detail = `scope: ${scopeText(before2.value)} \u2192 ${scopeText(after.value)}`;
      const widens = a === "all" ? b !== "all" : b !== "all" && a.some((r) => !b.includes(r));
      return {
        details: [detail],
        widening: widens ? [`queries of ${after.name} allowed for more roles`] : []
      };
    }
    case "query_collection": {
      const b = queries(before2.value);
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
        const b = disabledIntrospection(before2.value);
        const a = disabledIntrospection(after.value);
        const enabled = b.filter((r) => !a.includes(r));
        return {
          details: changedPaths(before2.raw, after.raw),
          widening: enabled.length > 0 ? [`GraphQL introspection enabled again for ${enabled.join(", ")}`] : []
        };
      }
      return { details: changedPaths(before2.raw, after.raw), widening: [] };
    default:
      return { details: changedPaths(before2.raw, after.raw), widening: [] };
  }
}
function remoteSchemaPermission(before2, after) {
  const b = schemaMembers(before2);
  const a = schemaMembers(after);
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
function schemaMembers(entry) {
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
function changedPaths(before2, after) {
  const paths = [];
  walk(before2, after, "", paths);
  const MAX = 6;
  if (paths.length <= MAX) return paths.length > 0 ? [`changed: ${paths.join(", ")}`] : [];
  return [`changed: ${paths.slice(0, MAX).join(", ")} and ${paths.length - MAX} more`];
}
function walk(before2, after, path, out) {
  if (itemKey(before2) === itemKey(after)) return;
  const b = objectOrEmpty(before2);
  const a = objectOrEmpty(after);
  if (b && a) {
    for (const key3 of /* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a)]))
      walk(b[key3], a[key3], path ? `${path}.${key3}` : key3, out);
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
function diffMetadata(before2, after, options = {}) {
  const b = metadataView(before2);
  const a = metadataView(after);
  const unauthenticated = new Set(
    options.unauthorizedRole ? [options.unauthorizedRole] : DEFAULT_UNAUTHENTICATED_ROLES
  );
  const allowListed = new Set([...a.global.values()].filter((i) => i.kind === "allowlist").map((i) => i.name));
  const diff = (from, to) => diffItems(from, to, { unauthenticated, allowListed });
  const sources = [];
  const names = [...a.sources.keys(), ...[...b.sources.keys()].filter((s) => !a.sources.has(s))];
  for (const source of names) {
    const none2 = /* @__PURE__ */ new Map();
    let from = b.sources.get(source) ?? none2;
    let to = a.sources.get(source) ?? none2;
    if (a.legacy.has(source) || b.legacy.has(source)) [from, to] = [withoutSource(from), withoutSource(to)];
    const changes = diff(from, to);
    if (changes.length > 0) sources.push({ source, changes });
  }
  return { sources, global: diff(b.global, a.global) };
}
function withoutSource(items) {
  return new Map([...items].filter(([, item]) => item.kind !== "source"));
}
function diffItems(before2, after, ctx) {
  const out = [];
  for (const [id, item] of after) {
    const old = before2.get(id);
    if (old && old.key === item.key) continue;
    out.push({ owner: item.owner, change: makeChange(old, item, ctx) });
  }
  for (const [id, item] of before2) {
    if (!after.has(id)) out.push({ owner: item.owner, change: makeChange(item, void 0, ctx) });
  }
  out.sort(
    (x, y) => compare(x.owner, y.owner) || KIND_ORDER.indexOf(x.change.kind) - KIND_ORDER.indexOf(y.change.kind) || compare(x.change.name, y.change.name)
  );
  return out.map((o) => o.change);
}
function makeChange(before2, after, ctx) {
  const item = after ?? before2;
  const change = !before2 ? "added" : !after ? "removed" : "changed";
  const { details, widening } = assess(item.kind, before2, after, ctx);
  const role = item.role;
  const open = role !== void 0 && ctx.unauthenticated.has(role) && change !== "removed";
  const reasons = open && widening.length > 0 ? [`${role} is the unauthenticated role: anyone, without logging in`, ...widening] : widening;
  const out = {
    kind: item.kind,
    name: item.name,
    change,
    before: before2?.value ?? null,
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
  const diff = diffMetadata(base.metadata, built.metadata, role ? { unauthorizedRole: role } : {});
  result.metadataChanges = {
    base: base.base,
    ...changesResult(diff),
    ...base.note ? { note: base.note } : {}
  };
  return base.base.from === "server" ? base.metadata : void 0;
}
async function readBase(stage) {
  const { targets, settings, io } = stage;
  if (targets.metadata) {
    const server = await targets.metadata.exportMetadata();
    return { base: { from: "server", display: targets.metadata.info.display }, metadata: server.metadata };
  }
  if (!stage.baseCommit) {
    return {
      base: {
        from: "none",
        reason: "no endpoint to read the current metadata from, and no pull request whose base to compare with"
      }
    };
  }
  const read = await readBaseMetadata({
    projectDir: resolve3(io.cwd, settings.projectDir),
    commit: stage.baseCommit,
    env: io.env,
    ...settings.migrationsDir ? { migrationsDir: settings.migrationsDir } : {}
  });
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
  return {
    sources: diff.sources.map((s) => ({ source: s.source, changes: s.changes.map(changeResult) })),
    global: diff.global.map(changeResult)
  };
}
function changeResult(c) {
  return { ...c, kind: c.kind };
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
  plan.findings.push(...await transactionFindings(plan.steps));
  if (target.capabilities.yamlMetadataSteps === "skip") plan.findings.push(...yamlFindings(plan));
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
  for (const step of plan.steps) {
    for (const item of step.yaml?.steps ?? []) {
      if (item.type === "run_sql") continue;
      out.push({
        kind: "yaml-metadata-step",
        severity: "warning",
        database: step.database,
        version: step.version,
        file: step.yaml.path,
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

// src/run/read.ts
import { resolve as resolve5 } from "node:path";

// src/github/pull-request-code.ts
import { resolve as resolve4 } from "node:path";
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
  const within = (path) => resolve4(config.projectDir, path);
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
  const config = readConfig(resolve5(io.cwd, settings.projectDir), io.env);
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
  return { config, databases, local, ...built ? { built } : {}, seedFiles };
}
function noteIgnoredConfig(config, result) {
  const keys2 = [config.endpoint ? "endpoint" : "", config.adminSecret ? "admin_secret" : ""].filter(Boolean);
  if (keys2.length) {
    result.notices.push(
      `config.yaml's ${keys2.join(" and ")} ${keys2.length > 1 ? "are" : "is"} ignored: the target comes from the action's inputs (endpoint, admin-secret, database-url) only`
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
        for (const step of side?.yaml?.steps ?? []) {
          const sql = step.args?.sql;
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

// src/run.ts
async function run(settings, io) {
  const started = Date.now();
  const result = emptyResult(settings, io);
  let targets;
  try {
    const project = await readProject(settings, io, result);
    targets = await openTargets(
      settings,
      project.config,
      io,
      () => projectSql(project.local, project.seedFiles)
    );
    result.target = targets.migrations.info;
    if (targets.metadata && !targets.migrations.capabilities.holdsMetadata)
      result.metadataTarget = targets.metadata.info;
    const event = readEventPayload(io.env.GITHUB_EVENT_PATH);
    const baseCommit = pullRequestBase(io.env.GITHUB_EVENT_NAME, event)?.sha;
    const stage = { settings, project, result, io, ...baseCommit ? { baseCommit } : {} };
    const server = await compareMetadataChanges({ ...stage, targets });
    const unconnected = await sourcesToConnect(project.config, settings, project.built, targets, server);
    const planned = await planDatabases(settings, project, targets.migrations, result, unconnected);
    await lintPlanned({ ...stage, planned, target: targets.migrations, unconnected });
    if (unconnected.size > 0) await connectSources(project.config, settings, project.built, targets, result);
    await executeMigrations(settings, planned, targets.migrations, result, io);
    await applyMetadata(project.config, settings, project.built, targets, result, io);
    await applySeeds(
      project.config,
      settings,
      project.seedFiles,
      targets.migrations,
      project.databases,
      result,
      io
    );
    result.status = finalStatus(settings, result);
  } catch (e) {
    result.error = e instanceof RunFailure ? e.info : toErrorInfo(e);
    if (result.error.kind === "internal" && e instanceof Error && e.stack) io.debug(e.stack);
  } finally {
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
