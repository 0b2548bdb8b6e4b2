import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  LOCK_NAMESPACE,
  RunStopped,
  execute,
  ledgerStepSql,
  ledgerUnitSql,
  lockTimeoutMs,
  sessionSnapshotQuery
} from "./chunk-VLNLG5S2.js";
import {
  REMEDIES,
  RESTORE_SETTINGS,
  analyzeSql,
  redactInfo,
  runnablePart,
  splitStatements,
  sqlErrorInfo,
  toErrorInfo,
  withoutAppendedSql
} from "./chunk-UGAAY2VO.js";
import {
  MESSAGES,
  NOTES,
  migrationModeDisabled
} from "./chunk-FPUQZJKU.js";
import {
  takeSnapshot
} from "./chunk-ISGRHWTH.js";
import {
  blankBom,
  lineAt,
  offsetOfPosition
} from "./chunk-PQOAXLNL.js";
import {
  CancelledError,
  TargetError,
  isKnownError
} from "./chunk-SWCUOCRD.js";

// src/targets/sql/statements.ts
var isIdentStart = (c) => /[A-Za-z_\u0080-\uffff]/.test(c);
var isIdentChar = (c) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
function splitStatements2(text) {
  const out = [];
  let start = -1;
  let lastEnd = -1;
  const push = () => {
    if (start >= 0) out.push({ text: text.slice(start, lastEnd), line: lineAt(text, start), offset: start });
    start = -1;
  };
  const token = (from, to) => {
    if (start < 0) start = from;
    lastEnd = to;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "-" && next === "-") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === "/" && text[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (text[i] === "*" && text[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === ";") {
      push();
      i++;
    } else if (c === "'" || c === '"') {
      const from = i;
      const escapes = c === "'" && i > 0 && /[eE]/.test(text[i - 1]) && !isIdentChar(text[i - 2] ?? " ");
      i++;
      while (i < n) {
        if (escapes && text[i] === "\\") i += 2;
        else if (text[i] === c) {
          if (text[i + 1] === c) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      token(from, i);
    } else if (c === "$" && !isIdentChar(text[i - 1] ?? " ")) {
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 200));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        const end = close < 0 ? n : close + tag.length;
        token(i, end);
        i = end;
      } else {
        token(i, i + 1);
        i++;
      }
    } else if (/\s/.test(c)) {
      i++;
    } else {
      let j = i + 1;
      if (isIdentStart(c)) while (j < n && isIdentChar(text[j])) j++;
      token(i, j);
      i = j;
    }
  }
  push();
  return out;
}
function statementAtOffset(statements, offset) {
  let found;
  for (const s of statements) {
    if (s.offset <= offset) found = s;
    else break;
  }
  return found;
}

// src/targets/sql/locate-error.ts
function locateError(text, outcome, firstLine = 1) {
  const statements = splitStatements2(text);
  const position = outcome.error?.position;
  if (position !== void 0) {
    const offset = offsetOfPosition(text, position);
    const statement2 = statementAtOffset(statements, offset);
    return { line: firstLine + lineAt(text, offset) - 1, ...statement2 ? { statement: statement2.text } : {} };
  }
  const statement = statements[outcome.completed];
  return statement ? { line: firstLine + statement.line - 1, statement: statement.text } : {};
}

// src/targets/sql/session.ts
var SQLSTATE = /^[0-9A-Z]{5}$/;
var LOST_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "ETIMEDOUT", "ENOTCONN", "ECONNABORTED"]);
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function driverErrorFields(error) {
  const e = typeof error === "object" && error !== null ? error : {};
  const message = str(e.message) ?? (error instanceof Error ? error.message : String(error)) ?? "unknown database error";
  const code = str(e.code);
  const out = { message };
  if (code && SQLSTATE.test(code)) out.sqlstate = code;
  else if (code) out.code = code;
  const detail = str(e.detail);
  if (detail) out.detail = detail;
  const hint = str(e.hint);
  if (hint) out.hint = hint;
  const where = str(e.where);
  if (where) out.where = where;
  const position = Number(e.position);
  if (Number.isInteger(position) && position > 0) out.position = position;
  const severity = str(e.severity);
  if (severity === "FATAL" || severity === "PANIC" || (out.sqlstate?.startsWith("08") ?? false) || out.sqlstate === "57P01" || out.sqlstate === "57P02" || out.sqlstate === "57P03" || code !== void 0 && LOST_CODES.has(code) || /Connection terminated|Client has encountered a connection error|Client was closed/i.test(message)) {
    out.connectionLost = true;
  }
  return out;
}

// src/targets/sql/state-store.ts
function literal(text) {
  return text.includes("\\") || text.includes("\0") ? void 0 : `'${text.replace(/'/g, "''")}'`;
}
function migrationModeDisabled2(where, value) {
  return new TargetError(`${migrationModeDisabled(where, value)}. ${REMEDIES.migrationMode}`);
}
var RELATION_EXISTS = `EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'hdb_catalog' AND c.relname = %s)`;
async function relationExists(session, name) {
  const rows = await session.query(`SELECT ${RELATION_EXISTS.replace("%s", "$1")} AS present`, [name]);
  return rows[0]?.present === true;
}
function parseVersion(key, where) {
  if (!/^\d+$/.test(key)) throw new TargetError(`${where} holds '${key}', which is not a migration version`);
  return BigInt(key);
}
async function readSchemaMigrations(session) {
  const versions = /* @__PURE__ */ new Map();
  if (!await relationExists(session, "schema_migrations")) return versions;
  const [row] = await session.query(
    `SELECT coalesce(string_agg(version::text, ',') FILTER (WHERE dirty IS NOT TRUE), '') AS clean,
            coalesce(string_agg(version::text, ',') FILTER (WHERE dirty), '') AS dirty
       FROM hdb_catalog.schema_migrations`
  );
  for (const [list, dirty] of [
    [row?.clean, false],
    [row?.dirty, true]
  ]) {
    if (typeof list === "string" && list !== "")
      for (const v of list.split(",")) versions.set(BigInt(v), dirty);
  }
  return versions;
}
var SchemaMigrationsStore = class {
  where = "hdb_catalog.schema_migrations";
  async read(session) {
    return { versions: await readSchemaMigrations(session) };
  }
  async prepare(session) {
    const [facts] = await session.query(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'hdb_catalog') AS schema,
              ${RELATION_EXISTS.replace("%s", "'schema_migrations'")} AS migrations,
              ${RELATION_EXISTS.replace("%s", "'migration_settings'")} AS settings`
    );
    const ddl = [];
    if (facts?.schema !== true) ddl.push("CREATE SCHEMA hdb_catalog");
    if (facts?.migrations !== true) {
      ddl.push(
        "CREATE TABLE hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null)"
      );
    }
    if (facts?.settings !== true) {
      ddl.push(
        "CREATE TABLE hdb_catalog.migration_settings (setting text not null primary key, value text not null)",
        "INSERT INTO hdb_catalog.migration_settings (setting, value) VALUES ('migration_mode', 'true')"
      );
    }
    for (const sql of ddl) await session.query(sql);
    const rows = await session.query(
      "SELECT value from hdb_catalog.migration_settings where setting='migration_mode'"
    );
    const value = rows.length === 0 ? "true" : String(rows[0]?.value);
    if (value !== "true") throw migrationModeDisabled2("hdb_catalog.migration_settings", value);
  }
  /**
   * The CLI's legacy statement (§4.2 `InsertVersion`): a plain INSERT, not the upsert of `SetVersion`,
   * so a version recorded behind our back (a CLI run that ignores our lock) fails loudly instead of
   * being silently applied twice.
   */
  statement(_database, version, direction) {
    return direction === "up" ? `INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES (${version}, false)` : `DELETE FROM hdb_catalog.schema_migrations WHERE version = ${version}`;
  }
  async markApplied(session, database, version) {
    await session.query(this.statement(database, version, "up"));
  }
  async markRolledBack(session, database, version) {
    await session.query(this.statement(database, version, "down"));
  }
};
var MIGRATIONS = `(CASE WHEN jsonb_typeof(cli_state->'migrations') = 'object' THEN cli_state->'migrations' ELSE '{}'::jsonb END)`;
var DATABASE = `(CASE WHEN jsonb_typeof(cli_state->'migrations'->$1::text) = 'object' THEN cli_state->'migrations'->$1::text ELSE '{}'::jsonb END)`;
var SETTINGS = `(CASE WHEN jsonb_typeof(cli_state->'settings') = 'object' THEN cli_state->'settings' ELSE '{}'::jsonb END)`;
var APPLIED = `UPDATE hdb_catalog.hdb_version
   SET cli_state = jsonb_set(cli_state, '{migrations}', ${MIGRATIONS} || jsonb_build_object($1::text, ${DATABASE} || jsonb_build_object($2::text, false)))`;
var ROLLED_BACK = `UPDATE hdb_catalog.hdb_version SET cli_state = cli_state #- ARRAY['migrations', $1::text, $2::text]`;
var CatalogStateStore = class {
  where = "cli_state in hdb_catalog.hdb_version";
  async state(session, forUpdate) {
    const rows = await session.query(
      `SELECT cli_state::text AS state FROM hdb_catalog.hdb_version LIMIT 1${forUpdate ? " FOR UPDATE" : ""}`
    );
    if (rows.length === 0) {
      throw new TargetError(
        "hdb_catalog.hdb_version has no row: Hasura's catalog in this database is incomplete (start Hasura once against it, or use config 2 with hdb_catalog.schema_migrations)"
      );
    }
    const parsed = JSON.parse(String(rows[0]?.state));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  }
  async read(session, database) {
    const state = await this.state(session, false);
    const versions = /* @__PURE__ */ new Map();
    const where = `cli_state.migrations["${database}"] in hdb_catalog.hdb_version`;
    const migrations = state.migrations;
    const own = typeof migrations === "object" && migrations !== null ? migrations[database] : void 0;
    if (typeof own === "object" && own !== null) {
      for (const [key, dirty] of Object.entries(own)) {
        if (typeof dirty !== "boolean")
          throw new TargetError(`${where} holds ${key}: ${JSON.stringify(dirty)}`);
        versions.set(parseVersion(key, where), dirty);
      }
    }
    if (state.isStateCopyCompleted !== true) {
      for (const [v, dirty] of await readSchemaMigrations(session)) versions.set(v, dirty);
    }
    return { versions };
  }
  async prepare(session, database) {
    const state = await this.state(session, true);
    if (state.isStateCopyCompleted !== true) {
      if (await relationExists(session, "schema_migrations")) {
        await session.query(
          `UPDATE hdb_catalog.hdb_version
              SET cli_state = jsonb_set(cli_state, '{migrations}', ${MIGRATIONS} || jsonb_build_object($1::text, ${DATABASE} || copied.versions))
             FROM (SELECT jsonb_object_agg(version::text, dirty) AS versions FROM hdb_catalog.schema_migrations) copied
            WHERE copied.versions IS NOT NULL`,
          [database]
        );
      }
      if (await relationExists(session, "migration_settings")) {
        await session.query(
          `UPDATE hdb_catalog.hdb_version
              SET cli_state = jsonb_set(cli_state, '{settings}', ${SETTINGS} || copied.settings)
             FROM (SELECT jsonb_object_agg(setting, value) AS settings FROM hdb_catalog.migration_settings) copied
            WHERE copied.settings IS NOT NULL`
        );
      }
      await session.query(
        `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(cli_state, '{isStateCopyCompleted}', 'true')`
      );
    }
    await session.query(
      `UPDATE hdb_catalog.hdb_version
          SET cli_state = jsonb_set(cli_state, '{settings}', ${SETTINGS} || '{"migration_mode":"true"}'::jsonb)
        WHERE NOT (${SETTINGS} ? 'migration_mode')`
    );
    const rows = await session.query(
      `SELECT ${SETTINGS}->>'migration_mode' AS mode FROM hdb_catalog.hdb_version LIMIT 1`
    );
    const mode = String(rows[0]?.mode);
    if (mode !== "true") throw migrationModeDisabled2("cli_state.settings in hdb_catalog.hdb_version", mode);
  }
  statement(database, version, direction) {
    const db = literal(database);
    if (db === void 0) return void 0;
    return (direction === "up" ? APPLIED : ROLLED_BACK).replaceAll("$1::text", `${db}::text`).replaceAll("$2::text", `'${version}'::text`);
  }
  async markApplied(session, database, version) {
    await session.query(APPLIED, [database, version.toString()]);
  }
  async markRolledBack(session, database, version) {
    await session.query(ROLLED_BACK, [database, version.toString()]);
  }
};
async function chooseStateStore(session, configVersion) {
  if (configVersion === 3) {
    const rows = await session.query(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'hdb_catalog' AND c.relname = 'hdb_version'
                         AND a.attname = 'cli_state' AND NOT a.attisdropped) AS catalog`
    );
    if (rows[0]?.catalog === true) return new CatalogStateStore();
  }
  return new SchemaMigrationsStore();
}

// src/targets/sql/session-transport.ts
var PIPELINE_DEPTH = 64;
async function controlsTransaction(text) {
  return (await analyzeSql(text)).transactionControl.length > 0;
}
function withRecord(text, record) {
  return `${text}
;
${record}`;
}
function timeoutSettings(ms, scope) {
  const statement = Math.max(0, Math.round(ms));
  return `SET ${scope} statement_timeout = ${statement}; SET ${scope} lock_timeout = ${lockTimeoutMs(statement)}`;
}
var now = () => performance.now();
async function executableStatements(text) {
  const parsed = await splitStatements(text);
  return parsed.syntaxError ? splitStatements2(text) : parsed.statements;
}
function recordFailed(text, sent, outcome) {
  const position = outcome.error?.position;
  if (position !== void 0) return offsetOfPosition(sent, position) >= text.length + 3;
  return outcome.completed >= splitStatements2(text).length;
}
function cell(rows) {
  const value = rows[0] ? Object.values(rows[0])[0] : void 0;
  if (value === null || value === void 0) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
var SessionTransport = class {
  constructor(options, database) {
    this.options = options;
    this.database = database;
  }
  options;
  database;
  yamlMetadataSteps = "skip";
  session;
  store;
  openTransaction = false;
  sessionLock = false;
  sessionTimeouts = false;
  sessionLost = false;
  timeoutMs = 0;
  redact(text) {
    return this.options.redact(text);
  }
  async open() {
    if (!this.session || !this.store) {
      this.session = await this.options.session();
      this.store = await chooseStateStore(this.session, this.options.configVersion);
    }
    return { session: this.session, store: this.store };
  }
  /** Applied versions, without the lock; never writes. A missing state table is an empty state. */
  async readState() {
    const { session, store } = await this.open();
    return store.read(session, this.database);
  }
  async lock(ctx) {
    this.timeoutMs = ctx.request.timeoutMs;
    const { session, store } = await this.open();
    if (ctx.transaction === "per-migration") {
      await this.setSessionTimeouts(ctx);
      await this.takeLock("session", ctx);
    } else {
      await this.begin(ctx);
      await this.takeLock("transaction", ctx);
    }
    return store.read(session, ctx.database);
  }
  async prepare(ctx) {
    if (ctx.transaction === "per-migration") {
      await this.begin(ctx);
      await this.prepareStore(ctx);
      await this.prepareLedger(ctx);
      await this.commit(ctx);
    } else {
      await this.prepareStore(ctx);
      await this.prepareLedger(ctx);
    }
  }
  /** The state statement of step i, with its ledger row; undefined when the store cannot write it as text. */
  recordStatement(i, ctx) {
    const step = ctx.book.steps[i];
    const record = this.store?.statement(ctx.database, step.version, step.direction);
    const ledger = ctx.ledger && ledgerStepSql(step, ctx.ledger, true);
    return record !== void 0 && ledger ? `${record};
${ledger}` : record;
  }
  async transaction(unit, ctx) {
    ctx.checkAborted();
    if (!this.openTransaction) {
      await this.begin(ctx);
      if (ctx.transaction === "all") await this.takeLock("transaction", ctx);
    }
    const durations = /* @__PURE__ */ new Map();
    const { steps } = unit;
    const alone = ctx.transaction === "per-migration";
    for (let k = 0; k < steps.length; ) {
      if (k > 0) ctx.checkAborted();
      const queries = [];
      while (k + queries.length < steps.length) {
        const query = await this.pipelineQuery(steps[k + queries.length], ctx);
        if (!query) break;
        queries.push(query);
      }
      if (queries.length > 1) {
        await this.runPipelined(queries, ctx);
        k += queries.length;
      } else {
        const ms = await this.runStep(steps[k], ctx);
        if (!alone) ctx.ran(steps[k], ms);
        else durations.set(steps[k], ms);
        k++;
      }
    }
    await ctx.beforeCommit(unit, (sql) => this.query(sql));
    if (ctx.request.mode === "rehearse") {
      await this.rollback();
      ctx.book.rolledBack();
      return;
    }
    if (!unit.last && ctx.transaction === "all") {
      await this.takeLock("session", ctx);
      await this.setSessionTimeouts(ctx);
    }
    await this.commit(ctx);
    for (const [i, ms] of durations) ctx.settled(i, ms);
  }
  async query(sql) {
    return cell(await this.session.query(sql));
  }
  /** Runs step i in the open transaction; its duration. */
  async runStep(i, ctx) {
    ctx.book.start(i);
    const started = now();
    if (ctx.request.mode === "skip-execution") await this.record(i, ctx);
    else if (!await this.runParts(i, ctx)) await this.record(i, ctx);
    return now() - started;
  }
  /** Runs a step's SQL in the open transaction, each part as one script; true when its state record went with it. */
  async runParts(i, ctx) {
    const parts = ctx.parts[i];
    const record = parts.length > 0 ? this.recordStatement(i, ctx) : void 0;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      const text = this.inTransactionText(part);
      const carry = record !== void 0 && k === parts.length - 1;
      const sent = carry ? withRecord(text, record) : text;
      const outcome = await this.session.script(sent);
      if (outcome.error)
        this.partFailed(i, part, text, sent, carry, { ...outcome, error: outcome.error }, ctx);
    }
    return record !== void 0;
  }
  /** A part's SQL as sent in the open transaction, followed by the end of any session settings it made. */
  inTransactionText(part) {
    const text = blankBom(part.sql);
    return part.changesSettings ? `${text}
;
${this.restoreSettings()}` : text;
  }
  /** Ends a file's session settings, then sets the run's own limits again (RESET ALL ends them too). */
  restoreSettings() {
    const ms = this.timeoutMs;
    return [
      RESTORE_SETTINGS,
      ...this.sessionTimeouts ? [timeoutSettings(ms, "SESSION")] : [],
      ...this.openTransaction ? [timeoutSettings(ms, "LOCAL")] : []
    ].join("; ");
  }
  /** Blames a failed query on the step's file (line and statement), or on its state record. */
  partFailed(i, part, text, sent, carried, outcome, ctx) {
    if (carried && recordFailed(text, sent, outcome)) this.recordFailed(i, outcome.error, ctx);
    const where = locateError(text, outcome);
    const own = blankBom(part.sql).length;
    const message = withoutAppendedSql(outcome.error.message, sent.slice(own));
    this.fail(
      i,
      { ...outcome.error, message },
      {
        file: part.file,
        ...part.yamlLine !== void 0 ? { line: part.yamlLine } : where.line ? { line: where.line } : {},
        ...where.statement ? { statement: where.statement } : {}
      },
      ctx
    );
  }
  /** Step i as a query that can be sent before the steps ahead of it answered (see `runPipelined`). */
  async pipelineQuery(i, ctx) {
    const step = ctx.book.steps[i];
    if (!step || !step.transactional || !this.session?.pipelined) return void 0;
    if (ctx.transaction !== "all" || ctx.request.mode === "skip-execution") return void 0;
    const parts = ctx.parts[i];
    const record = this.recordStatement(i, ctx);
    if (parts.length !== 1 || record === void 0) return void 0;
    if (await controlsTransaction(parts[0].text)) return void 0;
    const text = this.inTransactionText(parts[0]);
    return { i, part: parts[0], text, sent: withRecord(text, record) };
  }
  /**
   * Consecutive steps of one transaction, each still its own query (its SQL, then its state record),
   * written up to PIPELINE_DEPTH ahead of the answers: no round trip per migration. Answers come in
   * order, so a failure is blamed exactly as when sent one by one; what was sent after it fails in the
   * aborted transaction (25P02) and the rollback ends it. A step's duration runs from the later of its
   * sending and the previous answer to its own answer.
   */
  async runPipelined(queries, ctx) {
    const session = this.session;
    const inFlight = [];
    let next = 0;
    const send = () => {
      const query = queries[next++];
      ctx.book.start(query.i);
      inFlight.push({ ...query, at: now(), outcome: session.script(query.sent) });
    };
    while (next < queries.length && inFlight.length < PIPELINE_DEPTH) send();
    let previous = now();
    for (let head = inFlight.shift(); head; head = inFlight.shift()) {
      const outcome = await head.outcome;
      if (outcome.error)
        this.partFailed(
          head.i,
          head.part,
          head.text,
          head.sent,
          true,
          { ...outcome, error: outcome.error },
          ctx
        );
      ctx.ran(head.i, now() - Math.max(previous, head.at));
      previous = now();
      ctx.checkAborted();
      if (next < queries.length) send();
    }
  }
  /**
   * A file marked `-- hasura:no-transaction`: what is open committed first (the session lock keeps
   * other runs out), then the file runs one statement at a time (a multi-statement query would run in
   * an implicit transaction), then its state record commits on its own.
   */
  async outside(unit, ctx) {
    const i = unit.step;
    ctx.book.start(i);
    const started = now();
    if (ctx.transaction === "all") {
      await this.takeLock("session", ctx);
      await this.setSessionTimeouts(ctx);
    }
    if (this.openTransaction) await this.commit(ctx);
    for (const part of ctx.parts[i]) {
      const statements = await executableStatements(blankBom(part.text));
      for (let k = 0; k < statements.length; k++) {
        const statement = statements[k];
        ctx.checkAborted();
        const outcome = await this.session.script(statement.text);
        if (!outcome.error) continue;
        const position = outcome.error.position;
        const line = part.yamlLine ?? (position !== void 0 ? statement.line + lineAt(statement.text, offsetOfPosition(statement.text, position)) - 1 : statement.line);
        const note = k > 0 ? NOTES.outsideHalfway(k, line) : void 0;
        this.fail(i, outcome.error, { file: part.file, line, statement: statement.text }, ctx, note);
      }
    }
    if (ctx.parts[i].some((p) => p.changesSettings)) await this.control(this.restoreSettings(), ctx);
    await this.begin(ctx);
    await this.record(i, ctx);
    await ctx.beforeCommit(unit, (sql) => this.query(sql));
    await this.commit(ctx);
    ctx.book.settled(i, now() - started, "applied");
  }
  /** The CLI's state statement for the step, in the open transaction. */
  async record(i, ctx) {
    const step = ctx.book.steps[i];
    const store = this.store;
    try {
      if (step.direction === "up") await store.markApplied(this.session, ctx.database, step.version);
      else await store.markRolledBack(this.session, ctx.database, step.version);
      const ledger = ctx.ledger && ledgerStepSql(step, ctx.ledger, true);
      if (ledger) await this.session.query(ledger);
    } catch (error) {
      this.recordFailed(i, driverErrorFields(error), ctx);
    }
  }
  recordFailed(i, fields, ctx) {
    const where = this.store?.where ?? "the state table";
    const message = MESSAGES.recordFailed(ctx.book.steps[i].version, where, fields.message);
    this.fail(i, { ...fields, message }, {}, ctx);
  }
  fail(i, fields, where, ctx, note) {
    if (fields.connectionLost) this.sessionLost = true;
    const info = sqlErrorInfo(fields, {
      database: ctx.database,
      version: ctx.book.steps[i].version.toString(),
      timeoutMs: ctx.request.timeoutMs,
      ...where
    });
    const remedy = this.options.explain?.(info);
    if (remedy) info.remedy = remedy;
    return ctx.fail(i, info, note);
  }
  async begin(ctx) {
    await this.control(`BEGIN; ${timeoutSettings(ctx.request.timeoutMs, "LOCAL")}`, ctx);
    this.openTransaction = true;
  }
  async commit(ctx) {
    this.openTransaction = false;
    await this.control("COMMIT", ctx);
    ctx.book.committed();
  }
  /** Rolls back what is open (never throws: the connection may be gone). */
  async rollback() {
    if (this.openTransaction && !this.sessionLost && this.session) {
      this.openTransaction = false;
      const outcome = await this.session.script("ROLLBACK").catch((e) => ({ completed: 0, error: driverErrorFields(e) }));
      if (outcome.error?.connectionLost) this.sessionLost = true;
    }
    this.openTransaction = false;
  }
  /** BEGIN / COMMIT / SET: a failure here is the target's, not a migration's. */
  async control(sql, ctx) {
    const outcome = await this.session.script(sql);
    if (!outcome.error) return;
    if (outcome.error.connectionLost) this.sessionLost = true;
    ctx.checkAborted();
    const info = sqlErrorInfo(outcome.error, { database: ctx.database, timeoutMs: ctx.request.timeoutMs });
    info.message = `${sql.split(";")[0]} failed: ${info.message}`;
    throw new RunStopped(info);
  }
  async prepareStore(ctx) {
    try {
      await this.store.prepare(this.session, ctx.database);
    } catch (error) {
      if (isKnownError(error)) throw error;
      const fields = driverErrorFields(error);
      if (fields.connectionLost) this.sessionLost = true;
      const info = sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs });
      info.message = `preparing the migration state (${this.store.where}) failed: ${info.message}`;
      throw new RunStopped(info);
    }
  }
  /** The ledger's table and the run's first rows, in the transaction that prepares the state. */
  async prepareLedger(ctx) {
    if (!ctx.ledger) return;
    const outcome = await this.session.script(ledgerUnitSql(ctx.database, ctx.ledger, true));
    if (!outcome.error) return;
    if (outcome.error.connectionLost) this.sessionLost = true;
    ctx.checkAborted();
    const info = sqlErrorInfo(outcome.error, { database: ctx.database, timeoutMs: ctx.request.timeoutMs });
    info.message = `preparing the action's ledger (hasura_migrate_action.ledger) failed: ${info.message}`;
    throw new RunStopped(info);
  }
  async setSessionTimeouts(ctx) {
    if (this.sessionTimeouts) return;
    await this.control(timeoutSettings(ctx.request.timeoutMs, "SESSION"), ctx);
    this.sessionTimeouts = true;
  }
  /** Takes the race lock; says so when another run holds it and we wait. */
  async takeLock(scope, ctx) {
    if (scope === "session" && this.sessionLock) return;
    const [tryFn, waitFn] = scope === "transaction" ? ["pg_try_advisory_xact_lock", "pg_advisory_xact_lock"] : ["pg_try_advisory_lock", "pg_advisory_lock"];
    const key = [LOCK_NAMESPACE, ctx.database];
    const session = this.session;
    try {
      const [row] = await session.query(`SELECT ${tryFn}(hashtext($1), hashtext($2)) AS ok`, key);
      if (row?.ok !== true) {
        ctx.info(MESSAGES.waitingForLock(ctx.database));
        await session.query(`SELECT ${waitFn}(hashtext($1), hashtext($2))`, key);
      }
    } catch (error) {
      const fields = driverErrorFields(error);
      if (fields.connectionLost) this.sessionLost = true;
      ctx.checkAborted();
      const info = sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs });
      if (fields.sqlstate === "55P03" || fields.sqlstate === "57014") {
        info.kind = "target";
        info.message = MESSAGES.gaveUpOnRunLock(ctx.database, ctx.request.timeoutMs);
        info.remedy = REMEDIES.runLockWait;
      }
      throw new RunStopped(info);
    }
    if (scope === "session") this.sessionLock = true;
  }
  interrupt() {
    if (this.session && !this.sessionLost) void this.session.cancel();
  }
  async release(ctx) {
    if (this.sessionLost || !this.session) return;
    try {
      if (this.openTransaction) await this.rollback();
      if (this.sessionLock) {
        await this.session.query("SELECT pg_advisory_unlock(hashtext($1), hashtext($2))", [
          LOCK_NAMESPACE,
          ctx.database
        ]);
      }
      if (this.sessionTimeouts) await this.session.script("RESET statement_timeout; RESET lock_timeout");
    } catch {
    }
  }
  async stateAfter(known) {
    try {
      if (this.sessionLost || !this.session) {
        this.session = void 0;
        this.store = void 0;
      }
      return await this.readState();
    } catch {
      return known;
    }
  }
  errorInfo(error, ctx) {
    const fields = driverErrorFields(error);
    if (fields.connectionLost) this.sessionLost = true;
    if (!fields.sqlstate && !fields.connectionLost) return void 0;
    return sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs });
  }
};

// src/targets/sql/seeds.ts
var SeedsStopped = class extends Error {
  constructor(info) {
    super(info.message);
    this.info = info;
  }
  info;
};
async function applySeedsOnSession(openSession, request, options) {
  const files = request.files.map((f) => f.path);
  const { database, timeoutMs } = request;
  const aborted = () => request.signal?.aborted === true || options.signal?.aborted === true;
  let session;
  let open = false;
  const onAbort = () => void session?.cancel();
  request.signal?.addEventListener("abort", onAbort);
  options.signal?.addEventListener("abort", onAbort);
  try {
    if (aborted()) throw new CancelledError("cancelled before the seeds ran", { database });
    session = await openSession();
    const begun = await session.script(`BEGIN; ${timeoutSettings(timeoutMs, "LOCAL")}`);
    if (begun.error) throw new SeedsStopped(sqlErrorInfo(begun.error, { database, timeoutMs }));
    open = true;
    await session.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      LOCK_NAMESPACE,
      database
    ]);
    for (const file of request.files) {
      if (aborted()) throw new CancelledError(`cancelled before seed ${file.path}`, { database });
      if (file.text.trim() === "") continue;
      const part = await runnablePart({ file: file.path, text: file.text }, { database });
      const text = blankBom(part.sql);
      const outcome = await session.script(text);
      if (outcome.error) {
        if (aborted()) throw new CancelledError(`cancelled while seed ${file.path} ran`, { database });
        const where = locateError(text, outcome);
        const info = sqlErrorInfo(outcome.error, { database, file: file.path, timeoutMs, ...where });
        const remedy = options.explain?.(info);
        throw new SeedsStopped(remedy ? { ...info, remedy } : info);
      }
      if (part.changesSettings) {
        const restored = await session.script(`${RESTORE_SETTINGS}; ${timeoutSettings(timeoutMs, "LOCAL")}`);
        if (restored.error) throw new SeedsStopped(sqlErrorInfo(restored.error, { database, timeoutMs }));
      }
    }
    const end = await session.script(request.mode === "rehearse" ? "ROLLBACK" : "COMMIT");
    open = false;
    if (end.error) throw new SeedsStopped(sqlErrorInfo(end.error, { database, timeoutMs }));
    return { status: request.mode === "rehearse" ? "rehearsed" : "applied", files };
  } catch (error) {
    if (open && session) await session.script("ROLLBACK").catch(() => void 0);
    return { status: "failed", files, error: seedErrorInfo(error, database) };
  } finally {
    request.signal?.removeEventListener("abort", onAbort);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
function seedErrorInfo(error, database) {
  if (error instanceof SeedsStopped) return error.info;
  const fields = driverErrorFields(error);
  if (!(error instanceof CancelledError) && (fields.sqlstate || fields.connectionLost)) {
    return sqlErrorInfo(fields, { database, timeoutMs: 0 });
  }
  return toErrorInfo(error, database);
}

// src/targets/sql/sql-database.ts
var SqlDatabase = class {
  constructor(options) {
    this.options = options;
  }
  options;
  /** Operations share one session: they run one after another. */
  queue = Promise.resolve();
  serial(operation) {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => void 0);
    return next;
  }
  /** Applied versions; never writes. A missing state table is an empty state. */
  readState(database) {
    return this.serial(async () => {
      try {
        return await new SessionTransport(this.options, database).readState();
      } catch (error) {
        if (isKnownError(error)) throw error;
        throw new TargetError(
          this.options.redact(
            `reading the migration state of database '${database}' failed: ${driverErrorFields(error).message}`
          ),
          { database }
        );
      }
    });
  }
  /** One read-only statement's one text cell, in turn with the other operations. */
  readQuery(database) {
    return (sql) => this.serial(async () => {
      try {
        const [row] = await (await this.options.session()).query(sql);
        const cell2 = row ? Object.values(row)[0] : void 0;
        return typeof cell2 === "string" ? cell2 : cell2 == null ? "" : JSON.stringify(cell2);
      } catch (error) {
        if (isKnownError(error)) throw error;
        throw new TargetError(
          this.options.redact(
            `reading database '${database}' for the drift check failed: ${driverErrorFields(error).message}`
          ),
          { database }
        );
      }
    });
  }
  /** Self-contained statements sent as one script: one implicit transaction, all or nothing. */
  writeSql(database, sql, what) {
    return this.serial(async () => {
      const outcome = await (await this.options.session()).script(sql);
      if (outcome.error)
        throw new TargetError(this.options.redact(`${what} failed: ${outcome.error.message}`), { database });
    });
  }
  /** The catalog snapshot of the session's database (`database` names it in messages). */
  snapshot(database) {
    return this.serial(async () => {
      try {
        return await takeSnapshot(sessionSnapshotQuery(await this.options.session()));
      } catch (error) {
        if (isKnownError(error)) throw error;
        throw new TargetError(
          this.options.redact(
            `reading the schema of database '${database}' failed: ${driverErrorFields(error).message}`
          ),
          { database }
        );
      }
    });
  }
  execute(request) {
    return this.serial(() => {
      const signals = [request.signal, this.options.signal].filter((s) => s !== void 0);
      const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      return execute(new SessionTransport(this.options, request.database), { ...request, signal });
    });
  }
  applySeeds(request) {
    return this.serial(async () => {
      const result = await applySeedsOnSession(() => this.options.session(), request, this.options);
      return result.error ? { ...result, error: this.redactInfo(result.error) } : result;
    });
  }
  redactInfo(info) {
    return redactInfo(info, (text) => this.options.redact(text));
  }
};

export {
  driverErrorFields,
  SqlDatabase
};
