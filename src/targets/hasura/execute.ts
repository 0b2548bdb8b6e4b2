/**
 * Running a plan on Hasura, all-or-nothing over HTTP. Hasura v2 runs each bulk item in its own
 * transaction, so `transaction: all` sends a database's whole run as ONE `run_sql`: the advisory lock, a
 * guard that re-checks the state under the lock, every step's SQL with its state statement, and a check
 * that the state says what we recorded. It lands whole or not at all. A run that lost a race fails in
 * its guard, re-reads the state and re-plans (usually to nothing). `per-migration` is one such `run_sql`
 * per step. A no-transaction file runs alone, bracketed by two small transactions that mark its version
 * dirty and then clean. Config 3 with a separate metadata database writes the catalog state after the
 * transaction and keeps a ledger inside it (LEDGER.md).
 */
import { createHash, randomUUID } from 'node:crypto'
import { CancelledError, isKnownError, TargetError, type PgErrorFields } from '../../errors.js'
import type { AppliedState, Step } from '../../plan/types.js'
import type { ErrorInfo, StepResult } from '../../report/result.js'
import type { ExecuteRequest, ExecuteResult } from '../target.js'
import { withoutAppendedSql } from '../sql/error-info.js'
import { blocksNote, runnableParts, type RunnablePart, type SqlPart } from '../step-parts.js'
import { Batch } from './batch.js'
import { pgErrorOf, type HasuraConnection, type TuplesResult } from './connection.js'
import { UnknownOutcomeError } from './http.js'
import { locateFailure, locateStatement, type OwnedPart } from './locate.js'
import type { DatabaseState, LedgerRow } from './read-state.js'
import {
  catalogUpdateSql,
  guardSql,
  leaseSql,
  ledgerMarkSql,
  releaseSql,
  lockSql,
  MARK_SQL,
  markOf,
  READ_MARKS_SQL,
  recordSql,
  restoreSettingsSql,
  SENTINEL_SQL,
  deadline,
  SIGNALS,
  verifySql,
  type Change,
  type VersionMark,
} from './state-sql.js'

const NOTE_ROLLED_BACK = 'rolled back'
const NOTE_OUTSIDE = 'ran outside a transaction'
const NOTE_NOT_REHEARSED = 'not rehearsed (no-transaction)'
const NOTE_RECORDED_ONLY = 'recorded only (skip-execution)'
/** Each lost race means another run committed: progress, so a generous bound is safe. */
const MAX_ATTEMPTS = 50

const RERUN_SAFE =
  'Running again is safe: a run waits for the lock and re-checks the state before it changes anything.'

class StateChanged extends Error {}

/** Stops the run; the failing step (if any) already carries the error. */
class RunFailed extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

export function errorInfoOf(e: unknown, database: string, redact: (s: string) => string): ErrorInfo {
  if (e instanceof RunFailed) return e.info
  if (isKnownError(e)) {
    const info: ErrorInfo = {
      kind: e.kind,
      message: redact(e.message),
      database: e.where.database ?? database,
    }
    if (e.where.version) info.version = e.where.version
    if (e.where.file) info.file = e.where.file
    if (e.where.line) info.line = e.where.line
    if (e.where.input) info.input = e.where.input
    return info
  }
  return { kind: 'internal', message: redact(e instanceof Error ? e.message : String(e)), database }
}

/** Versions of the first plan that another run did before ours got the lock. */
export function doneByAnotherRun(first: Step[], state: AppliedState, final: Step[]): bigint[] {
  const planned = new Set(final.map((s) => `${s.direction}:${s.version}`))
  return first
    .filter((s) => !planned.has(`${s.direction}:${s.version}`))
    .filter((s) => (s.direction === 'up' ? state.versions.has(s.version) : !state.versions.has(s.version)))
    .map((s) => s.version)
}

const ledgerFingerprint = (
  r: Pick<LedgerRow, 'version' | 'applied' | 'dirty' | 'runId' | 'recorded'>,
): string =>
  createHash('md5')
    .update(
      [r.version, r.applied ? 't' : 'f', r.dirty ? 't' : 'f', r.runId, r.recorded ? 't' : 'f'].join('|'),
    )
    .digest('hex')

const sha256 = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : createHash('sha256').update(text).digest('hex')

function parseMarks(r: TuplesResult | undefined): number[] {
  const cell = Array.isArray(r?.result) ? r.result[1]?.[0] : undefined
  return typeof cell === 'string' ? cell.trim().split(/\s+/).map(Number) : []
}

export class HasuraRun {
  private readonly runId = randomUUID()
  private readonly redact: (s: string) => string
  private state!: DatabaseState
  private steps: Step[] = []
  /** Each step's SQL parts as they run (see `runnableParts`). */
  private parts: RunnablePart[][] = []
  private results: StepResult[] = []
  /** Steps committed in an earlier attempt of this run (before it lost a race and re-planned). */
  private readonly done: { step: Step; result: StepResult }[] = []
  /** Ledger rows this run wrote (catalog-with-ledger), recorded in the catalog at the end. */
  private readonly written = new Set<bigint>()

  constructor(
    private readonly conn: HasuraConnection,
    private readonly req: ExecuteRequest,
    private readonly runUrl?: string,
  ) {
    this.redact = (s) => conn.http.redact(s)
  }

  private get db(): string {
    return this.req.database
  }

  async run(cached?: DatabaseState): Promise<ExecuteResult> {
    let error: ErrorInfo | undefined
    try {
      this.state = cached ?? (await this.conn.readState(this.db))
    } catch (e) {
      return {
        database: this.db,
        steps: [],
        appliedByAnotherRun: [],
        stateAfter: { versions: new Map() },
        error: this.info(e),
      }
    }
    const first = this.req.replan(this.state.applied)
    let steps = first
    let planState: AppliedState
    for (let attempt = 1; ; attempt++) {
      this.steps = steps
      this.results = steps.map((s) => this.initial(s))
      planState = { versions: new Map(this.state.applied.versions) }
      try {
        this.parts = await Promise.all(steps.map((step) => runnableParts(step, 'refuse')))
        if (steps.length) {
          if (this.state.migrationMode !== 'true') throw this.migrationModeError()
          if (this.req.mode === 'rehearse') await this.rehearse()
          else await this.apply()
        }
        break
      } catch (e) {
        if (e instanceof StateChanged && attempt < MAX_ATTEMPTS) {
          // per-migration: what this run already committed stays in its report.
          this.steps.forEach((step, i) => {
            const r = this.results[i]
            if (r.status === 'applied' || r.status === 'skipped') this.done.push({ step, result: r })
          })
          this.emitInfo(
            `the migration state of database '${this.db}' changed while this run waited for its lock (another run?): re-reading it and re-planning`,
          )
          try {
            this.state = await this.conn.readState(this.db)
          } catch (e2) {
            error = this.info(e2)
            break
          }
          steps = this.req.replan(this.state.applied)
          continue
        }
        error =
          e instanceof StateChanged
            ? {
                kind: 'target',
                database: this.db,
                message: `the migration state of database '${this.db}' kept changing under this run; ${RERUN_SAFE}`,
              }
            : this.info(e)
        break
      }
    }
    if (this.state.store === 'catalog-with-ledger' && this.req.mode !== 'rehearse') {
      try {
        await this.completeCatalog()
      } catch (e) {
        error ??= this.info(e)
      }
    }
    return {
      database: this.db,
      steps: [...this.done.map((d) => d.result), ...this.results],
      appliedByAnotherRun: doneByAnotherRun(first, planState, [
        ...this.done.map((d) => d.step),
        ...this.steps,
      ]),
      stateAfter: { versions: new Map(this.state.applied.versions) },
      ...(error ? { error } : {}),
    }
  }

  // ---- apply ---------------------------------------------------------------------------------------

  /** Which steps go into which request. */
  private units(): { tx: boolean; idx: number[] }[] {
    const out: { tx: boolean; idx: number[] }[] = []
    const perStep = this.req.transaction === 'per-migration'
    this.steps.forEach((s, i) => {
      const tx = s.transactional || this.req.mode === 'skip-execution'
      const last = out[out.length - 1]
      if (tx && !perStep && last?.tx) last.idx.push(i)
      else out.push({ tx, idx: [i] })
    })
    return out
  }

  private async apply(): Promise<void> {
    for (const unit of this.units()) {
      this.throwIfCancelled()
      if (unit.tx) await this.runTransaction(unit.idx)
      else await this.runAlone(unit.idx[0])
    }
  }

  private change(i: number, from?: VersionMark, to?: VersionMark): Change {
    const s = this.steps[i]
    return {
      version: s.version,
      name: s.name,
      ...(s.sql ? { sha256: sha256(s.sql.text) } : {}),
      from: from ?? markOf(this.state.applied.versions, s.version),
      to: to ?? (s.direction === 'up' ? 'applied' : 'absent'),
    }
  }

  /** lock + guard + (each step's SQL + its record + a timing mark) + catalog row + verification. */
  private transactionBatch(
    idx: number[],
    changes: Change[],
    o: { execute: boolean; rehearse: boolean },
  ): Batch {
    const st = this.state
    const b = new Batch().add(lockSql(this.db, this.req.timeoutMs))
    b.add(
      guardSql(
        st.store,
        {
          database: this.db,
          catalogId: st.catalogId,
          copyCompleted: st.copyCompleted,
          ledgerFingerprints: Object.fromEntries(
            st.ledger
              .filter((r) => changes.some((c) => c.version === r.version))
              .map((r) => [r.version.toString(), r.fp]),
          ),
        },
        changes,
      ),
    )
    if (!o.rehearse) b.add(MARK_SQL)
    idx.forEach((i, k) => {
      if (o.execute) for (const part of this.parts[i]) this.addRunnable(b, part, i)
      b.add(recordSql(st.store, this.db, changes[k], this.runId, this.runUrl))
      if (!o.rehearse) b.add(MARK_SQL)
    })
    if (st.store === 'catalog-in-source') {
      b.add(
        catalogUpdateSql(
          this.db,
          st.catalogId ?? '',
          changes,
          st.migrationMode,
          st.copyCompleted ? new Map<bigint, boolean>() : st.copied,
        ),
      )
    }
    b.add(verifySql(st.store, this.db, changes, this.runId, st.catalogId))
    b.add(o.rehearse ? SENTINEL_SQL : READ_MARKS_SQL)
    return b
  }

  /** A part as it runs in the transaction (blocks as savepoints), then the end of the settings it made. */
  private addRunnable(b: Batch, part: RunnablePart, owner: number): void {
    const after = part.changesSettings ? restoreSettingsSql(this.req.timeoutMs) : undefined
    b.addPart(part, owner, part.sql, after)
  }

  /**
   * A rehearsal of the first `count` parts (the last cut at `cutAt`): true when it fails with the same
   * error as the real run (another error means something else changed meanwhile: not this prefix's fault).
   */
  private probe(parts: OwnedPart[], original: PgErrorFields) {
    return async (count: number, cutAt?: number): Promise<boolean> => {
      const b = new Batch().add(lockSql(this.db, this.req.timeoutMs))
      parts.slice(0, count).forEach((p, n) => {
        const cut = n === count - 1 && cutAt !== undefined
        b.addPart(p.part, p.owner, cut ? p.text.slice(0, cutAt) : p.text, cut ? undefined : p.after)
      })
      b.add(SENTINEL_SQL)
      try {
        await this.conn.runSql(this.db, b.sql, {
          write: false,
          what: `rehearsing part of the failed transaction to find the failing statement`,
          timeoutMs: deadline(this.req.timeoutMs),
        })
        return true
      } catch (e) {
        const pg = pgErrorOf(e)
        if (!pg) throw e
        return pg.message === original.message && pg.sqlstate === original.sqlstate
      }
    }
  }

  private async runTransaction(idx: number[]): Promise<void> {
    const mode = this.req.mode
    const changes = idx.map((i) => this.change(i))
    const batch = this.transactionBatch(idx, changes, { execute: mode === 'apply', rehearse: false })
    for (const i of idx) this.req.onEvent?.({ type: 'step-started', step: this.steps[i] })
    const n = idx.length
    const what =
      mode === 'skip-execution'
        ? `recording ${n} version(s) of database '${this.db}' (skip-execution)`
        : `applying ${n} migration(s) to database '${this.db}' in one transaction`
    const started = performance.now()
    let answer: TuplesResult | undefined
    try {
      answer = await this.conn.runSql(this.db, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(this.req.timeoutMs),
      })
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes)
        if (landed !== true) this.fail(idx, undefined, this.unknownOutcome(e, landed, changes))
        this.emitInfo(`${e.message}; the state shows that the transaction committed`)
      } else {
        await this.failTransaction(e, idx, changes, batch)
      }
    }
    if (answer) this.committed(changes)
    const marks = parseMarks(answer)
    const total = Math.round(performance.now() - started)
    idx.forEach((i, k) => {
      const r = this.results[i]
      r.status = mode === 'skip-execution' ? 'skipped' : 'applied'
      const note = mode === 'skip-execution' ? NOTE_RECORDED_ONLY : blocksNote(this.parts[i])
      if (note) r.note = note
      const a = marks[k]
      const b = marks[k + 1]
      r.durationMs = a !== undefined && b !== undefined ? Math.max(0, b - a) : k === 0 ? total : 0
      this.req.onEvent?.({ type: 'step-finished', result: { ...r } })
    })
  }

  /** Turns a failed transaction into a located error on its step, or into a re-plan. */
  private async failTransaction(e: unknown, idx: number[], changes: Change[], batch: Batch): Promise<never> {
    const pg = pgErrorOf(e)
    if (pg?.message === SIGNALS.stateChanged) throw new StateChanged()
    if (pg?.message === SIGNALS.migrationModeDisabled) throw this.migrationModeError()
    if (pg && (pg.sqlstate === '55P03' || pg.sqlstate === '57014')) {
      // The server gave up (the `timeout` input): re-running prefixes would only wait again.
      const seconds = Math.round(this.req.timeoutMs / 100) / 10
      const lock = pg.sqlstate === '55P03'
      this.fail(idx, idx.length === 1 ? idx[0] : undefined, {
        kind: 'sql',
        database: this.db,
        sqlstate: pg.sqlstate,
        message: lock
          ? `gave up after ${seconds} s waiting for a lock (the \`timeout\` input): ${pg.message}`
          : `a statement ran longer than ${seconds} s (the \`timeout\` input): ${pg.message}`,
        remedy: lock
          ? 'Another session (or another run of this action) holds a lock this transaction needs; wait for it, or raise the `timeout` input. Nothing was committed.'
          : 'Raise the `timeout` input, or make the statement faster. Nothing was committed.',
      })
    }
    if (!pg || pg.message === SIGNALS.notRecorded) {
      const info = this.info(e)
      if (pg) {
        info.message = `the state statements of this run did not take effect (a file may end inside an unterminated string or comment that swallowed them); nothing was committed`
      }
      this.fail(idx, undefined, info)
    }
    const parts: OwnedPart[] = batch.placed.map((p) => ({
      part: p.part,
      owner: p.owner,
      text: p.text,
      after: p.after,
    }))
    const located = await locateFailure(parts, pg, batch, this.probe(parts, pg))
    const failing = located.partIndex !== undefined ? parts[located.partIndex] : undefined
    const placed = located.partIndex !== undefined ? batch.placed[located.partIndex] : undefined
    // what the server quotes after an unterminated quote in the file is the rest of our batch
    const message = placed ? withoutAppendedSql(pg.message, batch.sql.slice(placed.end)) : pg.message
    const info = this.sqlInfo(
      { ...pg, message },
      failing?.part,
      located.line,
      located.statement,
      failing?.owner,
    )
    if (!failing) info.message = `recording the migration state failed: ${pg.message}`
    this.fail(idx, failing?.owner ?? (idx.length === 1 ? idx[0] : undefined), info)
  }

  /** Marks the steps of a failed request and stops the run. */
  private fail(idx: number[], failingStep: number | undefined, info: ErrorInfo): never {
    const at = failingStep === undefined ? -1 : idx.indexOf(failingStep)
    idx.forEach((i, k) => {
      const r = this.results[i]
      if (i === failingStep) {
        r.status = 'failed'
        r.error = info
      } else {
        r.status = 'not-run'
        if (at >= 0 && k < at) r.note = NOTE_ROLLED_BACK
      }
      this.req.onEvent?.({ type: 'step-finished', result: { ...r } })
    })
    throw new RunFailed(info)
  }

  /** A no-transaction file: mark dirty (transaction), run it alone, mark clean (transaction). */
  private async runAlone(i: number): Promise<void> {
    const step = this.steps[i]
    const r = this.results[i]
    const up = step.direction === 'up'
    this.req.onEvent?.({ type: 'step-started', step })
    const started = performance.now()
    await this.smallTransaction(
      [i],
      [this.change(i, undefined, 'dirty')],
      `marking version ${step.version} dirty before its no-transaction file`,
    )
    const parts = this.parts[i]
    // a pooled connection outlives the request: what the file set must end with it
    const restore = parts.some((p) => p.changesSettings) ? [restoreSettingsSql()] : []
    try {
      await this.conn.runSql(this.db, [...parts.map((p) => p.text), ...restore].join('\n;\n'), {
        write: true,
        noTransaction: true,
        what: `running ${step.sql?.path ?? `version ${step.version}`} outside a transaction`,
        timeoutMs: this.req.timeoutMs,
      })
    } catch (e) {
      const pg = pgErrorOf(e)
      const stays = `Statements before the failing one stay committed and version ${step.version} is recorded dirty: fix the database by hand, then record the version (skip-execution) or remove it from the state.`
      let info: ErrorInfo
      if (pg) {
        const part =
          parts.find((p) => pg.batchStatement && p.text.includes(pg.batchStatement.trim())) ?? parts[0]
        const loc = part ? locateStatement(part.text, pg.batchStatement) : {}
        info = this.sqlInfo(pg, part, part?.yamlLine ?? loc.line, loc.statement, i)
      } else {
        info = this.info(e)
      }
      info.remedy = stays
      r.durationMs = Math.round(performance.now() - started)
      this.fail([i], i, info)
    }
    await this.smallTransaction(
      [i],
      [this.change(i, 'dirty', up ? 'applied' : 'absent')],
      `recording version ${step.version} after its no-transaction file`,
    )
    r.status = 'applied'
    r.note = NOTE_OUTSIDE
    r.durationMs = Math.round(performance.now() - started)
    this.req.onEvent?.({ type: 'step-finished', result: { ...r } })
  }

  private async smallTransaction(idx: number[], changes: Change[], what: string): Promise<void> {
    const batch = this.transactionBatch(idx, changes, { execute: false, rehearse: false })
    try {
      await this.conn.runSql(this.db, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(this.req.timeoutMs),
      })
      this.committed(changes)
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes)
        if (landed === true) return
        this.fail(idx, undefined, this.unknownOutcome(e, landed, changes))
      }
      await this.failTransaction(e, idx, changes, batch)
    }
  }

  // ---- rehearse ------------------------------------------------------------------------------------

  /** Everything that can run in a transaction, in one request that always rolls back. */
  private async rehearse(): Promise<void> {
    const idx: number[] = []
    this.steps.forEach((s, i) => {
      if (s.transactional) idx.push(i)
      else this.results[i].note = NOTE_NOT_REHEARSED
    })
    const changes = idx.map((i) => this.change(i))
    const batch = this.transactionBatch(idx, changes, { execute: true, rehearse: true })
    const started = performance.now()
    try {
      await this.conn.runSql(this.db, batch.sql, {
        write: false,
        what: `rehearsing ${idx.length} migration(s) on database '${this.db}'`,
        timeoutMs: deadline(this.req.timeoutMs),
      })
      throw new TargetError('the rehearsal transaction was not rolled back by its sentinel statement')
    } catch (e) {
      const pg = pgErrorOf(e)
      if (pg?.message !== SIGNALS.rehearsal) {
        if (!pg) throw e
        await this.failTransaction(e, idx, changes, batch)
      }
    }
    const total = Math.round(performance.now() - started)
    idx.forEach((i, k) => {
      const r = this.results[i]
      r.status = 'rehearsed'
      const note = blocksNote(this.parts[i])
      if (note) r.note = note
      r.durationMs = k === 0 ? total : 0
      this.req.onEvent?.({ type: 'step-finished', result: { ...r } })
    })
    for (const [i, s] of this.steps.entries()) {
      if (!s.transactional) this.req.onEvent?.({ type: 'step-finished', result: { ...this.results[i] } })
    }
  }

  // ---- state bookkeeping -----------------------------------------------------------------------------

  private committed(changes: Change[]): void {
    const versions = this.state.applied.versions
    for (const c of changes) {
      if (c.to === 'absent') versions.delete(c.version)
      else versions.set(c.version, c.to === 'dirty')
      if (this.state.store === 'catalog-with-ledger') {
        const row: LedgerRow = {
          version: c.version,
          name: c.name,
          applied: c.to !== 'absent',
          dirty: c.to === 'dirty',
          recorded: false,
          runId: this.runId,
          fp: '',
        }
        row.fp = ledgerFingerprint(row)
        this.state.ledger = [...this.state.ledger.filter((l) => l.version !== c.version), row]
        this.written.add(c.version)
      }
    }
    if (this.state.store === 'catalog-in-source') {
      this.state.copyCompleted = true
      this.state.copied = new Map()
    }
  }

  /** After a lost answer: does the state show the changes (true), none of them (false), or cannot we tell? */
  private async landed(changes: Change[]): Promise<boolean | undefined> {
    let fresh: DatabaseState
    try {
      fresh = await this.conn.readState(this.db)
    } catch {
      return undefined
    }
    const marks = changes.map((c) => markOf(fresh.applied.versions, c.version))
    if (changes.every((c, k) => marks[k] === c.to)) {
      this.state = fresh
      for (const c of changes) if (this.state.store === 'catalog-with-ledger') this.written.add(c.version)
      return true
    }
    return changes.every((c, k) => marks[k] === c.from) ? false : undefined
  }

  private unknownOutcome(e: UnknownOutcomeError, landed: boolean | undefined, changes: Change[]): ErrorInfo {
    const versions = changes.map((c) => c.version.toString()).join(', ')
    const what =
      landed === false
        ? `The state shows none of it committed (versions ${versions}); if the request is still running on the server it may yet commit.`
        : `Re-reading the state could not tell whether it committed (versions ${versions}).`
    return {
      kind: 'target',
      database: this.db,
      message: `${e.message}. ${what}`,
      remedy: RERUN_SAFE,
    }
  }

  /**
   * catalog-with-ledger: under the catalog-writer lease (runs of this action take turns, so none writes a
   * catalog state read before another's write), puts every unrecorded ledger change of the database —
   * this run's, and any another run committed but has not recorded — into the catalog state, then marks
   * those rows recorded and releases the lease.
   */
  private async completeCatalog(): Promise<void> {
    if (!this.state.ledger.some((r) => !r.recorded)) return
    const pending = await this.acquireCatalogWriter()
    let released = false
    try {
      if (pending.length) await this.recordInCatalog(pending)
      const sql = [...(pending.length ? [ledgerMarkSql(this.db, pending)] : []), releaseSql(this.runId)].join(
        ';\n',
      )
      try {
        await this.conn.runSql(this.db, sql, {
          write: true,
          what: `marking the ledger rows of database '${this.db}' recorded`,
          timeoutMs: this.req.timeoutMs,
        })
        released = true
        const done = new Set(pending.map((r) => `${r.version}:${r.runId}`))
        this.state.ledger = this.state.ledger
          .filter((r) => r.applied || !done.has(`${r.version}:${r.runId}`))
          .map((r) =>
            done.has(`${r.version}:${r.runId}`)
              ? { ...r, recorded: true, fp: ledgerFingerprint({ ...r, recorded: true }) }
              : r,
          )
      } catch (e) {
        // Harmless: the rows stay unrecorded and the next run records the same content again.
        this.emitInfo(
          `the catalog state is complete, but marking the ledger rows failed (${this.redact((e as Error).message)}); the next run will redo that`,
        )
      }
    } finally {
      if (!released) {
        await this.conn
          .runSql(this.db, releaseSql(this.runId), {
            write: true,
            what: 'releasing the catalog-writer lease',
          })
          .catch(() => undefined)
      }
    }
  }

  /** Waits (up to the timeout) for the lease; returns the unrecorded rows read under it. */
  private async acquireCatalogWriter(): Promise<LedgerRow[]> {
    const until = performance.now() + this.req.timeoutMs
    const leaseMs = Math.min(Math.max(this.req.timeoutMs * 3, 10_000), 60_000)
    for (let attempt = 1; ; attempt++) {
      const r = await this.conn.runSql(this.db, leaseSql(this.db, this.runId, leaseMs), {
        // Idempotent for the same holder, so it is safe to retry like a read.
        write: false,
        what: `taking the catalog-writer lease for database '${this.db}'`,
        timeoutMs: this.req.timeoutMs,
      })
      const row = Array.isArray(r.result) ? r.result[1] : undefined
      if (row?.[0] === 't') {
        const rows = JSON.parse(row[1] ?? '[]') as Record<string, unknown>[]
        return rows.map((x) => {
          const l: LedgerRow = {
            version: BigInt(String(x.version)),
            name: typeof x.name === 'string' ? x.name : '',
            applied: x.applied === true,
            dirty: x.dirty === true,
            recorded: false,
            runId: typeof x.run_id === 'string' ? x.run_id : '',
            fp: typeof x.fp === 'string' ? x.fp : '',
          }
          return l
        })
      }
      if (performance.now() > until) {
        throw new TargetError(
          `another run kept the catalog state busy for longer than the timeout; the versions this run committed are in the ledger and the next run records them`,
          { database: this.db },
        )
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)))
    }
  }

  private async recordInCatalog(pending: LedgerRow[]): Promise<void> {
    const earlier = pending.filter((r) => r.runId !== this.runId && !this.written.has(r.version))
    const catalog = await this.conn.getCatalogState()
    const base = typeof catalog.cli_state === 'object' && catalog.cli_state !== null ? catalog.cli_state : {}
    const next = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
    const obj = (v: unknown): Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
    const settings = obj(next.settings)
    if (typeof settings.migration_mode !== 'string') settings.migration_mode = 'true'
    next.settings = settings
    const migrations = obj(next.migrations)
    const mine = obj(migrations[this.db])
    if (next.isStateCopyCompleted !== true) {
      for (const [v, d] of this.state.copied) if (!(v.toString() in mine)) mine[v.toString()] = d
    }
    next.isStateCopyCompleted = true
    for (const r of pending) {
      if (r.applied) mine[r.version.toString()] = r.dirty
      else delete mine[r.version.toString()]
    }
    migrations[this.db] = mine
    next.migrations = migrations
    const versions = pending.map((r) => r.version.toString()).join(', ')
    try {
      await this.conn.metadata(
        { type: 'set_catalog_state', args: { type: 'cli', state: next } },
        true,
        `recording versions ${versions} of database '${this.db}' in the catalog state (set_catalog_state)`,
      )
    } catch (e) {
      let landed = false
      if (e instanceof UnknownOutcomeError) {
        const after = await this.conn.getCatalogState().catch(() => undefined)
        const got = obj(obj(obj(after?.cli_state).migrations)[this.db])
        landed = pending.every((r) =>
          r.applied ? got[r.version.toString()] === r.dirty : !(r.version.toString() in got),
        )
      }
      if (!landed) {
        throw new TargetError(
          this.redact(
            `versions ${versions} of database '${this.db}' are committed in the database, but recording them in the catalog state failed: ${(e as Error).message}. The next run completes the catalog state from the ledger (hasura_migrate_action.ledger) without running them again.`,
          ),
          { database: this.db },
        )
      }
    }
    if (earlier.length) {
      this.emitInfo(
        `completed the catalog state from the ledger: version(s) ${earlier.map((r) => r.version.toString()).join(', ')} of database '${this.db}' were committed by another run that had not recorded them; recorded now, not run again`,
      )
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private initial(step: Step): StepResult {
    const file = step.sql?.path ?? step.yaml?.path
    return {
      database: step.database,
      version: step.version.toString(),
      name: step.name,
      direction: step.direction,
      ...(file !== undefined ? { file } : {}),
      status: 'not-run',
      durationMs: 0,
      transactional: step.transactional,
    }
  }

  private sqlInfo(
    pg: PgErrorFields,
    part: SqlPart | undefined,
    line: number | undefined,
    statement: string | undefined,
    owner: number | undefined,
  ): ErrorInfo {
    const step = owner !== undefined ? this.steps[owner] : undefined
    const info: ErrorInfo = { kind: 'sql', message: this.redact(pg.message), database: this.db }
    if (step) info.version = step.version.toString()
    if (part) info.file = part.file
    if (line !== undefined) info.line = line
    if (pg.sqlstate) info.sqlstate = pg.sqlstate
    if (pg.detail) info.detail = this.redact(pg.detail)
    if (pg.hint) info.hint = this.redact(pg.hint)
    if (statement) info.statement = this.redact(statement)
    return info
  }

  private migrationModeError(): TargetError {
    const where =
      this.state.store === 'schema-migrations'
        ? 'hdb_catalog.migration_settings'
        : 'cli_state.settings in the catalog state'
    return new TargetError(
      `Migration mode is disabled (migration_mode is not "true" in ${where}), so the Hasura CLI and this action refuse to apply migrations: switch it back on (Hasura console → Data → Migrations)`,
      { database: this.db },
    )
  }

  private info(e: unknown): ErrorInfo {
    return errorInfoOf(e, this.db, this.redact)
  }

  private emitInfo(message: string): void {
    this.req.onEvent?.({ type: 'info', message: this.redact(message) })
  }

  private throwIfCancelled(): void {
    if (this.req.signal?.aborted)
      throw new CancelledError('cancelled: nothing more runs; what committed stays committed')
  }
}
