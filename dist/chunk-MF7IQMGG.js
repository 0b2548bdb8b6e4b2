import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  databaseUrlProblem,
  databaseUrlSecrets,
  passwordForms,
  redactUrl
} from "./chunk-OZCJKL5T.js";
import {
  buildMetadata,
  exec,
  listDatabases,
  listSeeds,
  readConfig,
  readMigrations
} from "./chunk-VSSKA4TS.js";
import {
  readEventPayload
} from "./chunk-HOOEHNAG.js";
import {
  displayEndpoint
} from "./chunk-EOHH7HKD.js";
import {
  analyzeSql,
  isOnlyTrivia,
  splitStatements,
  toErrorInfo,
  transactionBlocks
} from "./chunk-W223FNG7.js";
import {
  RefusedError,
  UserError
} from "./chunk-WO7LJKSH.js";

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
    const { connectHasura: connectHasura2 } = await import("./chunk-LVT7CWOG.js");
    return connectHasura2({ endpoint, adminSecret, runUrl: io.runUrl, ...common });
  };
  if (t.kind === "embedded" && settings.dryRun === "plan") {
    const migrations2 = planOnlyEmbedded();
    return { migrations: migrations2, close: async () => {
    } };
  }
  if (t.kind === "embedded") {
    io.info("No database-url or endpoint: rehearsing on an embedded PostgreSQL (in this process, empty)");
    const { mentionedExtensions, startEmbedded } = await import("./chunk-5WPOHS6P.js");
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
  const { connectPostgres } = await import("./chunk-PE2IKDMU.js");
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

// src/run/metadata.ts
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

// src/run/plan.ts
async function planDatabases(settings, project, target, result) {
  const ephemeral = target.capabilities.ephemeral;
  const request = ephemeral ? ephemeralRequest(settings, result) : settings.request;
  const work = [];
  for (const migrations of project.local) {
    work.push(await planOne(migrations, target, request, settings));
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
async function planOne(migrations, target, request, settings) {
  const state = await target.readState(migrations.name);
  const plan = planDatabase(migrations, state, request, { outOfOrder: settings.outOfOrder });
  plan.findings.push(...await transactionFindings(plan.steps));
  if (target.capabilities.yamlMetadataSteps === "skip") plan.findings.push(...yamlFindings(plan));
  if (target.capabilities.ephemeral && request.kind === "up" && request.steps === "all") {
    const blockers = await roundTripBlockers(migrations);
    if (blockers.length > 0) plan.findings.push(...blockers);
  }
  const before = versionState(state);
  return {
    migrations,
    state,
    plan,
    result: {
      database: migrations.name,
      directory: migrations.directory,
      before,
      after: before,
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
import { resolve as resolve2 } from "node:path";

// src/github/pull-request-code.ts
import { resolve } from "node:path";

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
    return await compare(options);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { problem: `the project's files could not be compared with the base commit (${message})` };
  }
}
async function compare(options) {
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
  const value = (line, key) => line.startsWith(key + " ") ? line.slice(key.length + 1) : void 0;
  return {
    tree: lines.map((l) => value(l, "tree")).find(Boolean),
    parents: lines.map((l) => value(l, "parent")).filter((p) => p !== void 0)
  };
}
function parseTree(body, idBytes) {
  const entries = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(32, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    const mode = body.subarray(at, space).toString("utf8");
    const name = body.subarray(space + 1, nul).toString("utf8");
    entries.set(name, { mode, id: body.subarray(nul + 1, nul + 1 + idBytes).toString("hex") });
    at = nul + 1 + idBytes;
  }
  return entries;
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
  const key = (c) => Buffer.from(c.entry.mode === "40000" ? `${c.name}/` : c.name);
  children.sort((a, b) => Buffer.compare(key(a), key(b)));
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, "hex")])
  );
  return { mode: "40000", id: objectId("tree", body, idLength) };
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
  const within = (path) => resolve(config.projectDir, path);
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
  const config = readConfig(resolve2(io.cwd, settings.projectDir), io.env);
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
    await connectSources(project.config, settings, project.built, targets, result);
    const planned = await planDatabases(settings, project, targets.migrations, result);
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
  "trust-pull-request-code": "false"
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
