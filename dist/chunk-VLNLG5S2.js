import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  REMEDIES,
  blocksNote,
  hasLedgerRows,
  redactInfo,
  runnableParts,
  toErrorInfo
} from "./chunk-UGAAY2VO.js";
import {
  MESSAGES,
  NOTES
} from "./chunk-FPUQZJKU.js";
import {
  ENSURE_LEDGER_SQL,
  acceptEditsSql,
  adoptVersionsSql,
  recordVersionSql,
  removeStaleSql,
  removeVersionSql,
  sha256Hex
} from "./chunk-LJAHAILJ.js";
import {
  CancelledError,
  TargetError,
  isKnownError
} from "./chunk-SWCUOCRD.js";

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
  get ledger() {
    return this.request.mode === "rehearse" ? void 0 : this.request.ledger;
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
    const indices = unit.kind === "transaction" ? unit.steps : [unit.step];
    if (!check || indices.length === 0) return;
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
    if (steps.length === 0 && !hasLedgerRows(this.ledger)) return;
    const rehearse = this.request.mode === "rehearse";
    const notRehearsed = rehearse ? steps.flatMap((step, i) => step.transactional ? [] : [i]) : [];
    for (const i of notRehearsed) this.book.note(i, NOTES.notRehearsed);
    await this.transport.prepare(this, state);
    const units = unitsOf(steps, this.request.mode, this.transaction);
    if (units.length === 0) units.push({ kind: "transaction", steps: [], last: true });
    for (const unit of units) {
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

// src/drift/ledger-records.ts
var identity = (w) => ({
  runId: w.runId,
  ...w.runUrl ? { runUrl: w.runUrl } : {},
  ...w.commit ? { commit: w.commit } : {}
});
function ledgerUnitSql(database, w, first) {
  const run = identity(w);
  const parts = [ENSURE_LEDGER_SQL];
  if (first) {
    parts.push(
      adoptVersionsSql(database, w.adopt, run),
      acceptEditsSql(database, w.accept, run),
      removeStaleSql(database, w.stale)
    );
  }
  return parts.filter((p) => p !== "").join(";\n");
}
function ledgerStepSql(step, w, recorded) {
  if (step.direction === "down") return recorded ? removeVersionSql(step.database, step.version) : void 0;
  if (!step.sql) return void 0;
  return recordVersionSql({
    database: step.database,
    version: step.version,
    name: step.name,
    sha256: sha256Hex(step.sql.text),
    recorded,
    ...identity(w)
  });
}

export {
  sessionSnapshotQuery,
  runSqlSnapshotQuery,
  StateChanged,
  RunStopped,
  execute,
  LOCK_NAMESPACE,
  lockTimeoutMs,
  ledgerUnitSql,
  ledgerStepSql
};
