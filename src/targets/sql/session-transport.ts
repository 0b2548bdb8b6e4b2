/**
 * The execution engine's transport over one SQL session (PostgreSQL over `pg`, or PGlite): the run's
 * lock held by the session (`pg_advisory_xact_lock` in the transaction for `transaction: all`,
 * `pg_advisory_lock` for the session otherwise, same key), statements and state records as scripts, and
 * over a network session consecutive migrations written ahead of the answers (pipelining).
 */
import { isKnownError } from '../../errors.js'
import type { ErrorInfo } from '../../model.js'
import type { AppliedState } from '../../plan/types.js'
import type { RunContext, Transport } from '../../execute/engine.js'
import { RunStopped } from '../../execute/engine.js'
import { sqlErrorInfo, withoutAppendedSql, type DriverErrorFields } from '../../execute/error-report.js'
import type { TargetState } from '../../execute/request.js'
import type { Unit } from '../../execute/units.js'
import { MESSAGES, NOTES } from '../../execute/wording.js'
import { REMEDIES } from '../../report/remedies.js'
import { analyzeSql } from '../../sql/classify.js'
import { blankBom, lineAt, offsetOfPosition } from '../../sql/position.js'
import { splitStatements as parseSplit } from '../../sql/split.js'
import { LOCK_NAMESPACE, lockTimeoutMs } from '../lock.js'
import { RESTORE_SETTINGS, type RunnablePart } from '../step-parts.js'
import { locateError } from './locate-error.js'
import { driverErrorFields, type ScriptOutcome, type SqlSession } from './session.js'
import { chooseStateStore, type StateStore } from './state-store.js'
import { splitStatements } from './statements.js'

export interface SessionTransportOptions {
  configVersion: 1 | 2 | 3
  /** The session for one operation (a target reconnects here when its connection was lost). */
  session(): Promise<SqlSession>
  redact(text: string): string
  /** A remedy the target knows better for an SQL error (embedded: a missing extension). */
  explain?: (error: ErrorInfo) => string | undefined
  /** The target's own signal (requests may bring another). */
  signal?: AbortSignal
}

/** Migrations on the wire at once: enough to keep the server busy, few enough to stop soon after a cancel. */
export const PIPELINE_DEPTH = 64

/**
 * Whether SQL has a top-level transaction command (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, …), decided by
 * the parser that makes the plan's `transaction-control` finding. Sent behind a failed migration, a
 * COMMIT or ROLLBACK would end the aborted transaction and let what follows it commit, so such a step
 * is never sent ahead, even where the plan's finding did not stop it first.
 */
export async function controlsTransaction(text: string): Promise<boolean> {
  return (await analyzeSql(text)).transactionControl.length > 0
}

/** A step ready to be written ahead of the answers: its one SQL part, and the query it is sent as. */
interface PipelinedQuery {
  i: number
  part: RunnablePart
  text: string
  sent: string
}

/** A step's SQL with its state statement, sent as one query. */
function withRecord(text: string, record: string): string {
  return `${text}\n;\n${record}`
}

/** The `timeout` as statement and lock limits (`lockTimeoutMs`). */
export function timeoutSettings(ms: number, scope: 'LOCAL' | 'SESSION'): string {
  const statement = Math.max(0, Math.round(ms))
  return `SET ${scope} statement_timeout = ${statement}; SET ${scope} lock_timeout = ${lockTimeoutMs(statement)}`
}

const now = (): number => performance.now()

/** The statements of a no-transaction file, one query each, split by the real parser. */
async function executableStatements(text: string): Promise<{ text: string; line: number; offset: number }[]> {
  const parsed = await parseSplit(text)
  return parsed.syntaxError ? splitStatements(text) : parsed.statements
}

/** Whether an error of `sent` (`text` + the state statement) is in the state statement. */
export function recordFailed(text: string, sent: string, outcome: ScriptOutcome): boolean {
  const position = outcome.error?.position
  if (position !== undefined) return offsetOfPosition(sent, position) >= text.length + 3
  return outcome.completed >= splitStatements(text).length
}

/** The single text cell of a one-row result. */
function cell(rows: Record<string, unknown>[]): string {
  const value = rows[0] ? Object.values(rows[0])[0] : undefined
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** One `execute` call on one session. */
export class SessionTransport implements Transport {
  readonly yamlMetadataSteps = 'skip' as const
  private session?: SqlSession
  private store?: StateStore
  private openTransaction = false
  private sessionLock = false
  private sessionTimeouts = false
  private sessionLost = false
  private timeoutMs = 0

  constructor(
    private readonly options: SessionTransportOptions,
    private readonly database: string,
  ) {}

  redact(text: string): string {
    return this.options.redact(text)
  }

  private async open(): Promise<{ session: SqlSession; store: StateStore }> {
    if (!this.session || !this.store) {
      this.session = await this.options.session()
      this.store = await chooseStateStore(this.session, this.options.configVersion)
    }
    return { session: this.session, store: this.store }
  }

  /** Applied versions, without the lock; never writes. A missing state table is an empty state. */
  async readState(): Promise<TargetState> {
    const { session, store } = await this.open()
    return store.read(session, this.database)
  }

  async lock(ctx: RunContext): Promise<TargetState> {
    this.timeoutMs = ctx.request.timeoutMs
    const { session, store } = await this.open()
    if (ctx.transaction === 'per-migration') {
      await this.setSessionTimeouts(ctx)
      await this.takeLock('session', ctx)
    } else {
      await this.begin(ctx)
      await this.takeLock('transaction', ctx)
    }
    return store.read(session, ctx.database)
  }

  async prepare(ctx: RunContext): Promise<void> {
    if (ctx.transaction === 'per-migration') {
      await this.begin(ctx)
      await this.prepareStore(ctx)
      await this.commit(ctx)
    } else {
      await this.prepareStore(ctx)
    }
  }

  async transaction(unit: Extract<Unit, { kind: 'transaction' }>, ctx: RunContext): Promise<void> {
    ctx.checkAborted()
    if (!this.openTransaction) {
      await this.begin(ctx)
      if (ctx.transaction === 'all') await this.takeLock('transaction', ctx)
    }
    const durations = new Map<number, number>()
    const { steps } = unit
    // one step committing on its own says it finished once it committed
    const alone = ctx.transaction === 'per-migration'
    for (let k = 0; k < steps.length;) {
      // once begun, a cancelled run is stopped by the statement it interrupts (which names the step)
      if (k > 0) ctx.checkAborted()
      const queries: PipelinedQuery[] = []
      while (k + queries.length < steps.length) {
        const query = await this.pipelineQuery(steps[k + queries.length], ctx)
        if (!query) break
        queries.push(query)
      }
      if (queries.length > 1) {
        await this.runPipelined(queries, ctx)
        k += queries.length
      } else {
        const ms = await this.runStep(steps[k], ctx)
        if (!alone) ctx.ran(steps[k], ms)
        else durations.set(steps[k], ms)
        k++
      }
    }
    await ctx.beforeCommit(unit, (sql) => this.query(sql))
    if (ctx.request.mode === 'rehearse') {
      await this.rollback()
      ctx.book.rolledBack()
      return
    }
    // the next unit runs outside a transaction: the session keeps other runs out between the two
    if (!unit.last && ctx.transaction === 'all') {
      await this.takeLock('session', ctx)
      await this.setSessionTimeouts(ctx)
    }
    await this.commit(ctx)
    for (const [i, ms] of durations) ctx.settled(i, ms)
  }

  private async query(sql: string): Promise<string> {
    return cell(await this.session!.query(sql))
  }

  /** Runs step i in the open transaction; its duration. */
  private async runStep(i: number, ctx: RunContext): Promise<number> {
    ctx.book.start(i)
    const started = now()
    if (ctx.request.mode === 'skip-execution') await this.record(i, ctx)
    else if (!(await this.runParts(i, ctx))) await this.record(i, ctx)
    return now() - started
  }

  /** Runs a step's SQL in the open transaction, each part as one script; true when its state record went with it. */
  private async runParts(i: number, ctx: RunContext): Promise<boolean> {
    const step = ctx.book.steps[i]
    const parts = ctx.parts[i]
    // The state statement rides in the query of the step's last part: one round trip per step
    // (bench/apply-quick.ts). An error is still attributed: past the file's text it is ours.
    const record =
      parts.length > 0 ? this.store?.statement(ctx.database, step.version, step.direction) : undefined
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]
      const text = this.inTransactionText(part)
      const carry = record !== undefined && k === parts.length - 1
      const sent = carry ? withRecord(text, record) : text
      const outcome = await this.session!.script(sent)
      if (outcome.error)
        this.partFailed(i, part, text, sent, carry, { ...outcome, error: outcome.error }, ctx)
    }
    return record !== undefined
  }

  /** A part's SQL as sent in the open transaction, followed by the end of any session settings it made. */
  private inTransactionText(part: RunnablePart): string {
    const text = blankBom(part.sql)
    return part.changesSettings ? `${text}\n;\n${this.restoreSettings()}` : text
  }

  /** Ends a file's session settings, then sets the run's own limits again (RESET ALL ends them too). */
  private restoreSettings(): string {
    const ms = this.timeoutMs
    return [
      RESTORE_SETTINGS,
      ...(this.sessionTimeouts ? [timeoutSettings(ms, 'SESSION')] : []),
      ...(this.openTransaction ? [timeoutSettings(ms, 'LOCAL')] : []),
    ].join('; ')
  }

  /** Blames a failed query on the step's file (line and statement), or on its state record. */
  private partFailed(
    i: number,
    part: RunnablePart,
    text: string,
    sent: string,
    carried: boolean,
    outcome: ScriptOutcome & { error: DriverErrorFields },
    ctx: RunContext,
  ): never {
    if (carried && recordFailed(text, sent, outcome)) this.recordFailed(i, outcome.error, ctx)
    const where = locateError(text, outcome)
    const own = blankBom(part.sql).length
    const message = withoutAppendedSql(outcome.error.message, sent.slice(own))
    this.fail(
      i,
      { ...outcome.error, message },
      {
        file: part.file,
        ...(part.yamlLine !== undefined ? { line: part.yamlLine } : where.line ? { line: where.line } : {}),
        ...(where.statement ? { statement: where.statement } : {}),
      },
      ctx,
    )
  }

  /** Step i as a query that can be sent before the steps ahead of it answered (see `runPipelined`). */
  private async pipelineQuery(i: number, ctx: RunContext): Promise<PipelinedQuery | undefined> {
    const step = ctx.book.steps[i]
    if (!step || !step.transactional || !this.session?.pipelined) return undefined
    if (ctx.transaction !== 'all' || ctx.request.mode === 'skip-execution') return undefined
    const parts = ctx.parts[i]
    const record = this.store?.statement(ctx.database, step.version, step.direction)
    if (parts.length !== 1 || record === undefined) return undefined
    // decided on the file as written: behind a failure, even its savepoints' ROLLBACK TO could revive the aborted transaction
    if (await controlsTransaction(parts[0].text)) return undefined
    const text = this.inTransactionText(parts[0])
    return { i, part: parts[0], text, sent: withRecord(text, record) }
  }

  /**
   * Consecutive steps of one transaction, each still its own query (its SQL, then its state record),
   * written up to PIPELINE_DEPTH ahead of the answers: no round trip per migration. Answers come in
   * order, so a failure is blamed exactly as when sent one by one; what was sent after it fails in the
   * aborted transaction (25P02) and the rollback ends it. A step's duration runs from the later of its
   * sending and the previous answer to its own answer.
   */
  private async runPipelined(queries: PipelinedQuery[], ctx: RunContext): Promise<void> {
    const session = this.session!
    const inFlight: (PipelinedQuery & { at: number; outcome: Promise<ScriptOutcome> })[] = []
    let next = 0
    const send = (): void => {
      const query = queries[next++]
      ctx.book.start(query.i)
      inFlight.push({ ...query, at: now(), outcome: session.script(query.sent) })
    }
    while (next < queries.length && inFlight.length < PIPELINE_DEPTH) send()
    let previous = now()
    for (let head = inFlight.shift(); head; head = inFlight.shift()) {
      const outcome = await head.outcome
      if (outcome.error)
        this.partFailed(
          head.i,
          head.part,
          head.text,
          head.sent,
          true,
          { ...outcome, error: outcome.error },
          ctx,
        )
      ctx.ran(head.i, now() - Math.max(previous, head.at))
      previous = now()
      ctx.checkAborted()
      if (next < queries.length) send()
    }
  }

  /**
   * A file marked `-- hasura:no-transaction`: what is open committed first (the session lock keeps
   * other runs out), then the file runs one statement at a time (a multi-statement query would run in
   * an implicit transaction), then its state record commits on its own.
   */
  async outside(unit: Extract<Unit, { kind: 'outside' }>, ctx: RunContext): Promise<void> {
    const i = unit.step
    ctx.book.start(i)
    const started = now()
    if (ctx.transaction === 'all') {
      await this.takeLock('session', ctx)
      await this.setSessionTimeouts(ctx)
    }
    if (this.openTransaction) await this.commit(ctx)
    for (const part of ctx.parts[i]) {
      // what runs is decided by PostgreSQL's own parser (it knows BEGIN ATOMIC bodies); the lexer only after a syntax error
      const statements = await executableStatements(blankBom(part.text))
      for (let k = 0; k < statements.length; k++) {
        const statement = statements[k]
        ctx.checkAborted()
        const outcome = await this.session!.script(statement.text)
        if (!outcome.error) continue
        const position = outcome.error.position
        const line =
          part.yamlLine ??
          (position !== undefined
            ? statement.line + lineAt(statement.text, offsetOfPosition(statement.text, position)) - 1
            : statement.line)
        const note = k > 0 ? NOTES.outsideHalfway(k, line) : undefined
        this.fail(i, outcome.error, { file: part.file, line, statement: statement.text }, ctx, note)
      }
    }
    if (ctx.parts[i].some((p) => p.changesSettings)) await this.control(this.restoreSettings(), ctx)
    await this.begin(ctx)
    await this.record(i, ctx)
    await ctx.beforeCommit(unit, (sql) => this.query(sql))
    await this.commit(ctx)
    ctx.book.settled(i, now() - started, 'applied')
  }

  /** The CLI's state statement for the step, in the open transaction. */
  private async record(i: number, ctx: RunContext): Promise<void> {
    const step = ctx.book.steps[i]
    const store = this.store!
    try {
      if (step.direction === 'up') await store.markApplied(this.session!, ctx.database, step.version)
      else await store.markRolledBack(this.session!, ctx.database, step.version)
    } catch (error) {
      this.recordFailed(i, driverErrorFields(error), ctx)
    }
  }

  private recordFailed(i: number, fields: DriverErrorFields, ctx: RunContext): never {
    const where = this.store?.where ?? 'the state table'
    const message = MESSAGES.recordFailed(ctx.book.steps[i].version, where, fields.message)
    this.fail(i, { ...fields, message }, {}, ctx)
  }

  private fail(
    i: number,
    fields: DriverErrorFields,
    where: { file?: string; line?: number; statement?: string },
    ctx: RunContext,
    note?: string,
  ): never {
    if (fields.connectionLost) this.sessionLost = true
    const info = sqlErrorInfo(fields, {
      database: ctx.database,
      version: ctx.book.steps[i].version.toString(),
      timeoutMs: ctx.request.timeoutMs,
      ...where,
    })
    const remedy = this.options.explain?.(info)
    if (remedy) info.remedy = remedy
    return ctx.fail(i, info, note)
  }

  private async begin(ctx: RunContext): Promise<void> {
    await this.control(`BEGIN; ${timeoutSettings(ctx.request.timeoutMs, 'LOCAL')}`, ctx)
    this.openTransaction = true
  }

  private async commit(ctx: RunContext): Promise<void> {
    this.openTransaction = false
    await this.control('COMMIT', ctx)
    ctx.book.committed()
  }

  /** Rolls back what is open (never throws: the connection may be gone). */
  async rollback(): Promise<void> {
    if (this.openTransaction && !this.sessionLost && this.session) {
      this.openTransaction = false
      const outcome = await this.session
        .script('ROLLBACK')
        .catch((e: unknown) => ({ completed: 0, error: driverErrorFields(e) }))
      if (outcome.error?.connectionLost) this.sessionLost = true
    }
    this.openTransaction = false
  }

  /** BEGIN / COMMIT / SET: a failure here is the target's, not a migration's. */
  private async control(sql: string, ctx: RunContext): Promise<void> {
    const outcome = await this.session!.script(sql)
    if (!outcome.error) return
    if (outcome.error.connectionLost) this.sessionLost = true
    ctx.checkAborted()
    const info = sqlErrorInfo(outcome.error, { database: ctx.database, timeoutMs: ctx.request.timeoutMs })
    info.message = `${sql.split(';')[0]} failed: ${info.message}`
    throw new RunStopped(info)
  }

  private async prepareStore(ctx: RunContext): Promise<void> {
    try {
      await this.store!.prepare(this.session!, ctx.database)
    } catch (error) {
      if (isKnownError(error)) throw error
      const fields = driverErrorFields(error)
      if (fields.connectionLost) this.sessionLost = true
      const info = sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs })
      info.message = `preparing the migration state (${this.store!.where}) failed: ${info.message}`
      throw new RunStopped(info)
    }
  }

  private async setSessionTimeouts(ctx: RunContext): Promise<void> {
    if (this.sessionTimeouts) return
    await this.control(timeoutSettings(ctx.request.timeoutMs, 'SESSION'), ctx)
    this.sessionTimeouts = true
  }

  /** Takes the race lock; says so when another run holds it and we wait. */
  private async takeLock(scope: 'transaction' | 'session', ctx: RunContext): Promise<void> {
    if (scope === 'session' && this.sessionLock) return
    const [tryFn, waitFn] =
      scope === 'transaction'
        ? ['pg_try_advisory_xact_lock', 'pg_advisory_xact_lock']
        : ['pg_try_advisory_lock', 'pg_advisory_lock']
    const key = [LOCK_NAMESPACE, ctx.database]
    const session = this.session!
    try {
      const [row] = await session.query(`SELECT ${tryFn}(hashtext($1), hashtext($2)) AS ok`, key)
      if (row?.ok !== true) {
        ctx.info(MESSAGES.waitingForLock(ctx.database))
        await session.query(`SELECT ${waitFn}(hashtext($1), hashtext($2))`, key)
      }
    } catch (error) {
      const fields = driverErrorFields(error)
      if (fields.connectionLost) this.sessionLost = true
      ctx.checkAborted()
      const info = sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs })
      if (fields.sqlstate === '55P03' || fields.sqlstate === '57014') {
        info.kind = 'target'
        info.message = MESSAGES.gaveUpOnRunLock(ctx.database, ctx.request.timeoutMs)
        info.remedy = REMEDIES.runLockWait
      }
      throw new RunStopped(info)
    }
    if (scope === 'session') this.sessionLock = true
  }

  interrupt(): void {
    if (this.session && !this.sessionLost) void this.session.cancel()
  }

  async release(ctx: RunContext): Promise<void> {
    if (this.sessionLost || !this.session) return
    try {
      if (this.openTransaction) await this.rollback()
      if (this.sessionLock) {
        await this.session.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
          LOCK_NAMESPACE,
          ctx.database,
        ])
      }
      if (this.sessionTimeouts) await this.session.script('RESET statement_timeout; RESET lock_timeout')
    } catch {
      // Best effort: the session ends with the target anyway.
    }
  }

  async stateAfter(known: AppliedState): Promise<AppliedState> {
    try {
      if (this.sessionLost || !this.session) {
        this.session = undefined
        this.store = undefined
      }
      return await this.readState()
    } catch {
      return known
    }
  }

  errorInfo(error: unknown, ctx: RunContext): ErrorInfo | undefined {
    const fields = driverErrorFields(error)
    if (fields.connectionLost) this.sessionLost = true
    if (!fields.sqlstate && !fields.connectionLost) return undefined
    return sqlErrorInfo(fields, { database: ctx.database, timeoutMs: ctx.request.timeoutMs })
  }
}
