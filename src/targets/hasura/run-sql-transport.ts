/**
 * The execution engine's transport over Hasura's `run_sql`, where every request is a transaction of its
 * own (Hasura v2 runs each bulk item in its own transaction): a unit of work is ONE request — the
 * advisory lock, a guard that re-checks the state under the lock (else `StateChanged`: the engine
 * re-plans), every step's SQL with its state statement, and a check that the state says what we
 * recorded. It lands whole or not at all. A failure is found in the request by PostgreSQL's position or
 * by rehearsing prefixes of it (bisection, `locate.ts`). A no-transaction file runs alone, bracketed by
 * two small transactions that mark its version dirty and then clean. A rehearsal ends in a statement
 * that raises (the rollback sentinel), which is also how a `beforeCommit` check reads inside the unit.
 */
import { createHash, randomUUID } from 'node:crypto'
import { ledgerStepSql, ledgerUnitSql } from '../../drift/ledger-records.js'
import { TargetError, type PgErrorFields } from '../../errors.js'
import type { ErrorInfo } from '../../model.js'
import type { AppliedState } from '../../plan/types.js'
import { StateChanged, type RunContext, type Transport } from '../../execute/engine.js'
import { sqlErrorInfo, toErrorInfo, withoutAppendedSql } from '../../execute/error-report.js'
import { UnitUnreadable, type TargetState } from '../../execute/request.js'
import type { Unit } from '../../execute/units.js'
import { MESSAGES, migrationModeDisabled } from '../../execute/wording.js'
import { REMEDIES } from '../../report/remedies.js'
import type { RunnablePart } from '../step-parts.js'
import { Batch } from './batch.js'
import { completeCatalog, ledgerFingerprint } from './catalog-ledger.js'
import {
  databaseErrorHidden,
  HIDDEN_ERROR,
  pgErrorOf,
  rehearsalUnreadable,
  type HasuraConnection,
  type TuplesResult,
} from './connection.js'
import { UnknownOutcomeError } from './http.js'
import { locateFailure, locateStatement, type OwnedPart } from './locate.js'
import type { DatabaseState, LedgerRow } from './read-state.js'
import {
  captureSql,
  catalogUpdateSql,
  deadline,
  guardSql,
  lockSql,
  MARK_SQL,
  markOf,
  READ_MARKS_SQL,
  recordSql,
  restoreSettingsSql,
  SENTINEL_SQL,
  SIGNALS,
  verifySql,
  type Change,
  type VersionMark,
} from './state-sql.js'

type TransactionUnit = Extract<Unit, { kind: 'transaction' }>

/** How a unit's request ends: reading the step timings (it commits), the rollback sentinel, or a capture. */
type BatchEnd = 'marks' | 'sentinel' | { capture: string }

const sha256 = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : createHash('sha256').update(text).digest('hex')

function parseMarks(r: TuplesResult | undefined): number[] {
  const cell = Array.isArray(r?.result) ? r.result[1]?.[0] : undefined
  return typeof cell === 'string' ? cell.trim().split(/\s+/).map(Number) : []
}

/** The state as the engine carries it: the versions, and where they live (`DatabaseState`). */
export function targetState(state: DatabaseState): TargetState {
  return { versions: new Map(state.applied.versions), source: state }
}

const isDatabaseState = (v: unknown): v is DatabaseState =>
  typeof v === 'object' && v !== null && 'store' in v && 'applied' in v

export class RunSqlTransport implements Transport {
  readonly yamlMetadataSteps = 'refuse' as const
  private readonly runId = randomUUID()
  private state?: DatabaseState
  /** Ledger rows this run wrote (catalog-with-ledger), recorded in the catalog at the end. */
  private readonly written = new Set<bigint>()
  /** A unit of this run committed: the ledger's first-unit rows are in. */
  private ledgerStarted = false

  constructor(
    private readonly conn: HasuraConnection,
    private readonly database: string,
    private readonly runUrl?: string,
  ) {}

  redact(text: string): string {
    return this.conn.http.redact(text)
  }

  async readState(): Promise<TargetState> {
    return targetState(await this.conn.readState(this.database))
  }

  /** The state the plan was made from (a copy: this run changes it as it commits). */
  planned(state: TargetState): void {
    if (isDatabaseState(state.source)) this.state = structuredClone(state.source)
  }

  async prepare(): Promise<void> {
    this.state ??= await this.conn.readState(this.database)
    if (this.state.migrationMode !== 'true') throw this.migrationModeError()
  }

  private get st(): DatabaseState {
    return this.state!
  }

  private change(ctx: RunContext, i: number, from?: VersionMark, to?: VersionMark): Change {
    const s = ctx.book.steps[i]
    return {
      version: s.version,
      name: s.name,
      ...(s.sql ? { sha256: sha256(s.sql.text) } : {}),
      from: from ?? markOf(this.st.applied.versions, s.version),
      to: to ?? (s.direction === 'up' ? 'applied' : 'absent'),
    }
  }

  /** lock + guard + (each step's SQL + its record + a timing mark) + catalog row + verification + the end. */
  private transactionBatch(
    ctx: RunContext,
    idx: number[],
    changes: Change[],
    o: { execute: boolean; end: BatchEnd },
  ): Batch {
    const st = this.st
    const db = this.database
    const timed = o.end === 'marks'
    const b = new Batch().add(lockSql(db, ctx.request.timeoutMs))
    b.add(
      guardSql(
        st.store,
        {
          database: db,
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
    // the ledger's rows carry this transport's run id: the handover's verification counts them by it
    const ledger = ctx.ledger && { ...ctx.ledger, runId: this.runId }
    // where the catalog state is written after the transaction, a row is the handover's, not yet recorded
    const recorded = st.store !== 'catalog-with-ledger'
    if (ledger) b.add(ledgerUnitSql(db, ledger, !this.ledgerStarted))
    if (timed) b.add(MARK_SQL)
    idx.forEach((i, k) => {
      if (o.execute) for (const part of ctx.parts[i]) this.addRunnable(b, part, i, ctx)
      b.add(recordSql(st.store, db, changes[k], this.runId, this.runUrl))
      // a no-transaction file's row is written once it ran (its dirty mark is the state's alone)
      if (ledger && changes[k].to !== 'dirty') b.add(ledgerStepSql(ctx.book.steps[i], ledger, recorded) ?? '')
      if (timed) b.add(MARK_SQL)
    })
    if (st.store === 'catalog-in-source') {
      b.add(
        catalogUpdateSql(
          db,
          st.catalogId ?? '',
          changes,
          st.migrationMode,
          st.copyCompleted ? new Map<bigint, boolean>() : st.copied,
        ),
      )
    }
    b.add(verifySql(st.store, db, changes, this.runId, st.catalogId))
    b.add(
      o.end === 'marks' ? READ_MARKS_SQL : o.end === 'sentinel' ? SENTINEL_SQL : captureSql(o.end.capture),
    )
    return b
  }

  /** A part as it runs in the transaction (blocks as savepoints), then the end of the settings it made. */
  private addRunnable(b: Batch, part: RunnablePart, owner: number, ctx: RunContext): void {
    const after = part.changesSettings ? restoreSettingsSql(ctx.request.timeoutMs) : undefined
    b.addPart(part, owner, part.sql, after)
  }

  /**
   * A rehearsal of the first `count` parts (the last cut at `cutAt`): true when it fails with the same
   * error as the real run (another error means something else changed meanwhile: not this prefix's fault).
   */
  private probe(parts: OwnedPart[], original: PgErrorFields, ctx: RunContext) {
    return async (count: number, cutAt?: number): Promise<boolean> => {
      const b = new Batch().add(lockSql(this.database, ctx.request.timeoutMs))
      parts.slice(0, count).forEach((p, n) => {
        const cut = n === count - 1 && cutAt !== undefined
        b.addPart(p.part, p.owner, cut ? p.text.slice(0, cutAt) : p.text, cut ? undefined : p.after)
      })
      b.add(SENTINEL_SQL)
      try {
        await this.conn.runSql(this.database, b.sql, {
          write: false,
          what: `rehearsing part of the failed transaction to find the failing statement`,
          timeoutMs: deadline(ctx.request.timeoutMs),
        })
        return true
      } catch (e) {
        const pg = pgErrorOf(e)
        if (!pg) throw e
        return pg.message === original.message && pg.sqlstate === original.sqlstate
      }
    }
  }

  async transaction(unit: TransactionUnit, ctx: RunContext): Promise<void> {
    if (ctx.request.mode === 'rehearse') return this.rehearse(unit, ctx)
    const idx = unit.steps
    const mode = ctx.request.mode
    const changes = idx.map((i) => this.change(ctx, i))
    for (const i of idx) ctx.book.start(i)
    const execute = mode === 'apply'
    if (ctx.hasBeforeCommit) {
      await ctx.beforeCommit(unit, (sql) => this.capture(ctx, idx, changes, execute, sql))
    }
    const batch = this.transactionBatch(ctx, idx, changes, { execute, end: 'marks' })
    const n = idx.length
    const what =
      mode === 'skip-execution'
        ? `recording ${n} version(s) of database '${this.database}' (skip-execution)`
        : `applying ${n} migration(s) to database '${this.database}' in one transaction`
    const started = performance.now()
    let answer: TuplesResult | undefined
    try {
      answer = await this.conn.runSql(this.database, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(ctx.request.timeoutMs),
      })
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes)
        if (landed !== true) ctx.fail(undefined, this.unknownOutcome(e, landed, changes))
        ctx.info(`${e.message}; the state shows that the transaction committed`)
      } else {
        await this.failTransaction(e, idx, changes, batch, ctx)
      }
    }
    if (answer) this.committed(changes)
    const marks = parseMarks(answer)
    const total = Math.round(performance.now() - started)
    idx.forEach((i, k) => {
      const a = marks[k]
      const b = marks[k + 1]
      ctx.ran(i, a !== undefined && b !== undefined ? Math.max(0, b - a) : k === 0 ? total : 0)
    })
    ctx.book.committed()
  }

  /** The unit rehearsed with `sql` at its end: the text `sql` answers inside it. */
  private async capture(
    ctx: RunContext,
    idx: number[],
    changes: Change[],
    execute: boolean,
    sql: string,
  ): Promise<string> {
    const batch = this.transactionBatch(ctx, idx, changes, { execute, end: { capture: sql } })
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: false,
        what: `checking the transaction of database '${this.database}' before it commits`,
        timeoutMs: deadline(ctx.request.timeoutMs),
      })
    } catch (e) {
      const pg = pgErrorOf(e)
      if (pg?.message === SIGNALS.captured) return pg.detail ?? ''
      // the capture's answer is in the error the server hides: read after the commit instead
      if (databaseErrorHidden(e)) {
        throw new UnitUnreadable(
          `a read inside a transaction comes back only in an error, and ${HIDDEN_ERROR}; set it to true on the server to check before anything commits`,
        )
      }
      await this.failTransaction(e, idx, changes, batch, ctx)
    }
    throw new TargetError('the check before commit was not rolled back by its capture statement')
  }

  /** Turns a failed transaction into a located error on its step, or into a re-plan. */
  private async failTransaction(
    e: unknown,
    idx: number[],
    changes: Change[],
    batch: Batch,
    ctx: RunContext,
  ): Promise<never> {
    const pg = pgErrorOf(e)
    if (pg?.message === SIGNALS.stateChanged) throw new StateChanged()
    if (pg?.message === SIGNALS.migrationModeDisabled) throw this.migrationModeError()
    const timeoutMs = ctx.request.timeoutMs
    if (pg && (pg.sqlstate === '55P03' || pg.sqlstate === '57014')) {
      // The server gave up (the `timeout` input): re-running prefixes would only wait again.
      const info = sqlErrorInfo(pg, { database: this.database, timeoutMs })
      if (pg.sqlstate === '57014' && !info.remedy) info.remedy = REMEDIES.statementTimeout
      this.fail(idx, idx.length === 1 ? idx[0] : undefined, info, ctx)
    }
    if (!pg || pg.message === SIGNALS.notRecorded) {
      const info = toErrorInfo(e, this.database)
      if (pg) info.message = MESSAGES.stateNotRecorded
      // which of the unit's statements failed is in the hidden error: no rehearsal can find it
      if (databaseErrorHidden(e)) info.remedy = REMEDIES.hiddenDatabaseErrors
      this.fail(idx, undefined, info, ctx)
    }
    const parts: OwnedPart[] = batch.placed.map((p) => ({
      part: p.part,
      owner: p.owner,
      text: p.text,
      after: p.after,
    }))
    const located = await locateFailure(parts, pg, batch, this.probe(parts, pg, ctx))
    const failing = located.partIndex !== undefined ? parts[located.partIndex] : undefined
    const placed = located.partIndex !== undefined ? batch.placed[located.partIndex] : undefined
    // what the server quotes after an unterminated quote in the file is the rest of our batch
    const message = placed ? withoutAppendedSql(pg.message, batch.sql.slice(placed.end)) : pg.message
    const owner = failing?.owner
    const info = sqlErrorInfo(
      { ...pg, message },
      {
        database: this.database,
        timeoutMs,
        ...(owner !== undefined ? { version: ctx.book.steps[owner].version.toString() } : {}),
        ...(failing ? { file: failing.part.file } : {}),
        ...(located.line !== undefined ? { line: located.line } : {}),
        ...(located.statement ? { statement: located.statement } : {}),
      },
    )
    if (!failing) info.message = `recording the migration state failed: ${pg.message}`
    this.fail(idx, owner ?? (idx.length === 1 ? idx[0] : undefined), info, ctx)
  }

  /** The steps of the failed request before the failing one ran (and are rolled back with it). */
  private fail(idx: number[], failingStep: number | undefined, info: ErrorInfo, ctx: RunContext): never {
    const at = failingStep === undefined ? -1 : idx.indexOf(failingStep)
    for (const i of idx.slice(0, Math.max(0, at))) ctx.ran(i, 0)
    return ctx.fail(failingStep, info)
  }

  /** A no-transaction file: mark dirty (transaction), run it alone, mark clean (transaction). */
  async outside(unit: Extract<Unit, { kind: 'outside' }>, ctx: RunContext): Promise<void> {
    const i = unit.step
    const step = ctx.book.steps[i]
    const up = step.direction === 'up'
    ctx.book.start(i)
    const started = performance.now()
    await this.smallTransaction(
      ctx,
      [i],
      [this.change(ctx, i, undefined, 'dirty')],
      `marking version ${step.version} dirty before its no-transaction file`,
    )
    const parts = ctx.parts[i]
    // a pooled connection outlives the request: what the file set must end with it
    const restore = parts.some((p) => p.changesSettings) ? [restoreSettingsSql()] : []
    try {
      await this.conn.runSql(this.database, [...parts.map((p) => p.text), ...restore].join('\n;\n'), {
        write: true,
        noTransaction: true,
        what: `running ${step.sql?.path ?? `version ${step.version}`} outside a transaction`,
        timeoutMs: ctx.request.timeoutMs,
      })
    } catch (e) {
      const pg = pgErrorOf(e)
      let info: ErrorInfo
      if (pg) {
        const part =
          parts.find((p) => pg.batchStatement && p.text.includes(pg.batchStatement.trim())) ?? parts[0]
        const loc = part ? locateStatement(part.text, pg.batchStatement) : {}
        const line = part?.yamlLine ?? loc.line
        info = sqlErrorInfo(pg, {
          database: this.database,
          version: step.version.toString(),
          timeoutMs: ctx.request.timeoutMs,
          ...(part ? { file: part.file } : {}),
          ...(line !== undefined ? { line } : {}),
          ...(loc.statement ? { statement: loc.statement } : {}),
        })
      } else {
        info = toErrorInfo(e, this.database)
        if (databaseErrorHidden(e)) info.message += ` (${HIDDEN_ERROR})`
      }
      info.remedy = REMEDIES.dirtyVersion(step.version)
      ctx.book.results[i].durationMs = Math.round(performance.now() - started)
      ctx.fail(i, info)
    }
    await this.smallTransaction(
      ctx,
      [i],
      [this.change(ctx, i, 'dirty', up ? 'applied' : 'absent')],
      `recording version ${step.version} after its no-transaction file`,
    )
    ctx.book.settled(i, performance.now() - started, 'applied')
  }

  private async smallTransaction(
    ctx: RunContext,
    idx: number[],
    changes: Change[],
    what: string,
  ): Promise<void> {
    const batch = this.transactionBatch(ctx, idx, changes, { execute: false, end: 'marks' })
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: true,
        what,
        timeoutMs: deadline(ctx.request.timeoutMs),
      })
      this.committed(changes)
    } catch (e) {
      if (e instanceof UnknownOutcomeError) {
        const landed = await this.landed(changes)
        if (landed === true) return
        ctx.fail(undefined, this.unknownOutcome(e, landed, changes))
      }
      await this.failTransaction(e, idx, changes, batch, ctx)
    }
  }

  /** Everything that can run in a transaction, in one request that always rolls back. */
  private async rehearse(unit: TransactionUnit, ctx: RunContext): Promise<void> {
    const idx = unit.steps
    const changes = idx.map((i) => this.change(ctx, i))
    for (const i of idx) ctx.book.start(i)
    if (ctx.hasBeforeCommit) {
      await ctx.beforeCommit(unit, (sql) => this.capture(ctx, idx, changes, true, sql))
    }
    const batch = this.transactionBatch(ctx, idx, changes, { execute: true, end: 'sentinel' })
    const started = performance.now()
    try {
      await this.conn.runSql(this.database, batch.sql, {
        write: false,
        what: `rehearsing ${idx.length} migration(s) on database '${this.database}'`,
        timeoutMs: deadline(ctx.request.timeoutMs),
      })
      throw new TargetError('the rehearsal transaction was not rolled back by its sentinel statement')
    } catch (e) {
      const pg = pgErrorOf(e)
      if (pg?.message !== SIGNALS.rehearsal) {
        if (databaseErrorHidden(e)) throw rehearsalUnreadable('migration')
        if (!pg) throw e
        await this.failTransaction(e, idx, changes, batch, ctx)
      }
    }
    const total = Math.round(performance.now() - started)
    idx.forEach((i, k) => ctx.ran(i, k === 0 ? total : 0))
    ctx.book.rolledBack()
  }

  private committed(changes: Change[]): void {
    this.ledgerStarted = true
    const st = this.st
    const versions = st.applied.versions
    for (const c of changes) {
      if (c.to === 'absent') versions.delete(c.version)
      else versions.set(c.version, c.to === 'dirty')
      if (st.store === 'catalog-with-ledger') {
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
        st.ledger = [...st.ledger.filter((l) => l.version !== c.version), row]
        this.written.add(c.version)
      }
    }
    if (st.store === 'catalog-in-source') {
      st.copyCompleted = true
      st.copied = new Map()
    }
  }

  /** After a lost answer: does the state show the changes (true), none of them (false), or cannot we tell? */
  private async landed(changes: Change[]): Promise<boolean | undefined> {
    let fresh: DatabaseState
    try {
      fresh = await this.conn.readState(this.database)
    } catch {
      return undefined
    }
    const marks = changes.map((c) => markOf(fresh.applied.versions, c.version))
    if (changes.every((c, k) => marks[k] === c.to)) {
      this.state = fresh
      this.ledgerStarted = true
      for (const c of changes) if (fresh.store === 'catalog-with-ledger') this.written.add(c.version)
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
      database: this.database,
      message: `${e.message}. ${what}`,
      remedy: REMEDIES.rerunSafe,
    }
  }

  async complete(ctx: RunContext): Promise<void> {
    if (this.state?.store !== 'catalog-with-ledger') return
    await completeCatalog({
      conn: this.conn,
      database: this.database,
      state: this.state,
      runId: this.runId,
      written: this.written,
      timeoutMs: ctx.request.timeoutMs,
      info: (message) => ctx.info(message),
    })
  }

  private migrationModeError(): TargetError {
    const where =
      this.state?.store === 'schema-migrations'
        ? 'hdb_catalog.migration_settings'
        : 'cli_state.settings in the catalog state'
    return new TargetError(
      `${migrationModeDisabled(where, this.state?.migrationMode ?? 'false')}. ${REMEDIES.migrationMode}`,
      { database: this.database },
    )
  }

  interrupt(): void {
    // Each request has its own deadline; nothing more is sent once the run is aborted.
  }

  async rollback(): Promise<void> {
    // Nothing stays open between requests.
  }

  async release(): Promise<void> {
    // No lock outlives a request.
  }

  stateAfter(known: AppliedState): Promise<AppliedState> {
    return Promise.resolve(this.state ? { versions: new Map(this.state.applied.versions) } : known)
  }
}
