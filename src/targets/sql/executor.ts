/**
 * The one implementation of running migrations over a SQL session, shared by the PostgreSQL and the
 * embedded targets: the race lock, transactions, state records and error attribution.
 *
 * A run (contract §5):
 * 1. read the state without the lock and plan (`replan`) — the plan the caller saw;
 * 2. take the lock: `pg_advisory_xact_lock(hashtext('hasura-migrate-action'), hashtext(<database>))`
 *    inside the transaction (`transaction: all`), or `pg_advisory_lock` with the same key for the
 *    session (`per-migration`);
 * 3. re-read the state under the lock and `replan`: versions of step 1's plan that another run applied
 *    meanwhile are reported in `appliedByAnotherRun` and are not run again;
 * 4. run each step's SQL, then its state record (the CLI's statements), in the same transaction;
 *    over a network session, written ahead of the answers (`runPipelined`).
 * A run with nothing to do writes nothing (not even the state tables).
 */
import { CancelledError, TargetError, UserError, isKnownError } from '../../errors.js'
import type { AppliedState, Step } from '../../plan/types.js'
import type { ErrorInfo, StepResult, StepStatus } from '../../report/result.js'
import type {
  ExecuteRequest,
  ExecuteResult,
  SeedRequest,
  SeedResult,
  StepEvent,
  TransactionMode,
} from '../target.js'
import { errorInfoOf, redactInfo, seconds, sqlErrorInfo, withoutAppendedSql } from './error-info.js'
import { driverErrorFields, type DriverErrorFields, type ScriptOutcome, type SqlSession } from './session.js'
import { chooseStateStore, type StateStore } from './state-store.js'
import { analyzeSql } from '../../sql/classify.js'
import { splitStatements as parseSplit } from '../../sql/split.js'
import { blankBom, lineAt, offsetOfPosition } from '../../sql/position.js'
import { splitStatements } from './statements.js'
import { locateError } from './locate-error.js'
import { LOCK_NAMESPACE, lockTimeoutMs } from '../lock.js'
import { blocksNote, RESTORE_SETTINGS, runnableParts, type RunnablePart } from '../step-parts.js'

export interface SqlExecutorOptions {
  configVersion: 1 | 2 | 3
  /** The session for one operation (a target reconnects here when its connection was lost). */
  session(): Promise<SqlSession>
  /** Removes secrets (the database password) from text that goes into a message. */
  redact: (text: string) => string
  /** A remedy the target knows better for an SQL error (embedded: a missing extension). */
  explain?: (error: ErrorInfo) => string | undefined
  /** Aborts every operation (the target's own signal; requests may bring another). */
  signal?: AbortSignal
}

/** Unwinds a run with the error that stopped it. */
class RunStopped extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

const NOTE_ROLLED_BACK = 'rolled back'
const NOTE_OUTSIDE = 'ran outside a transaction'
const NOTE_NOT_REHEARSED = 'not rehearsed (no-transaction)'
const NOTE_RECORDED_ONLY = 'recorded only (skip-execution)'

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
const elapsed = (since: number): number => Math.round(now() - since)

function cloneState(state: AppliedState): AppliedState {
  return { versions: new Map(state.versions) }
}

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

/** Versions of the first plan that another run did while we waited for the lock. */
export function doneByAnotherRun(first: Step[], state: AppliedState, final: Step[]): bigint[] {
  const planned = new Set(final.map((s) => `${s.direction}:${s.version}`))
  return first
    .filter((s) => !planned.has(`${s.direction}:${s.version}`))
    .filter((s) => (s.direction === 'up' ? state.versions.has(s.version) : !state.versions.has(s.version)))
    .map((s) => s.version)
}

export class SqlExecutor {
  /** Operations share one session: they run one after another. */
  private queue: Promise<unknown> = Promise.resolve()
  /** The state the caller planned with (its last readState); the next execute on that database starts from it. */
  private readonly planned = new Map<string, AppliedState>()

  constructor(private readonly options: SqlExecutorOptions) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Applied versions; never writes. A missing state table is an empty state. */
  readState(database: string): Promise<AppliedState> {
    return this.serial(() => this.readStateNow(database))
  }

  private async readStateNow(database: string): Promise<AppliedState> {
    const session = await this.options.session()
    try {
      const store = await chooseStateStore(session, this.options.configVersion)
      const state = await store.read(session, database)
      this.planned.set(database, cloneState(state))
      return state
    } catch (error) {
      if (isKnownError(error)) throw error
      throw new TargetError(
        this.options.redact(
          `reading the migration state of database '${database}' failed: ${driverErrorFields(error).message}`,
        ),
        { database },
      )
    }
  }

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return this.serial(() => {
      const planned = this.planned.get(request.database)
      this.planned.delete(request.database)
      return new ExecuteRun(this.options, request, planned).run()
    })
  }

  /** Every seed file in one transaction (rolled back when rehearsing), under the run's lock. */
  applySeeds(request: SeedRequest): Promise<SeedResult> {
    return this.serial(() => this.applySeedsNow(request))
  }

  private async applySeedsNow(request: SeedRequest): Promise<SeedResult> {
    const files = request.files.map((f) => f.path)
    const { database, timeoutMs } = request
    const aborted = (): boolean => request.signal?.aborted === true || this.options.signal?.aborted === true
    let session: SqlSession | undefined
    let open = false
    const onAbort = (): void => void session?.cancel()
    request.signal?.addEventListener('abort', onAbort)
    this.options.signal?.addEventListener('abort', onAbort)
    try {
      if (aborted()) throw new CancelledError('cancelled before the seeds ran', { database })
      session = await this.options.session()
      const begun = await session.script(`BEGIN; ${timeoutSettings(timeoutMs, 'LOCAL')}`)
      if (begun.error) throw new RunStopped(sqlErrorInfo(begun.error, { database, timeoutMs }))
      open = true
      await session.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        LOCK_NAMESPACE,
        database,
      ])
      for (const file of request.files) {
        if (aborted()) throw new CancelledError(`cancelled before seed ${file.path}`, { database })
        const text = blankBom(file.text)
        if (text.trim() === '') continue
        const outcome = await session.script(text)
        if (outcome.error) {
          if (aborted()) throw new CancelledError(`cancelled while seed ${file.path} ran`, { database })
          const where = locateError(text, outcome)
          throw new RunStopped(
            this.explained(sqlErrorInfo(outcome.error, { database, file: file.path, timeoutMs, ...where })),
          )
        }
      }
      const end = await session.script(request.mode === 'rehearse' ? 'ROLLBACK' : 'COMMIT')
      open = false
      if (end.error) throw new RunStopped(sqlErrorInfo(end.error, { database, timeoutMs }))
      return { status: request.mode === 'rehearse' ? 'rehearsed' : 'applied', files }
    } catch (error) {
      if (open && session) await session.script('ROLLBACK').catch(() => undefined)
      const info = error instanceof RunStopped ? error.info : this.errorInfo(error, database)
      return { status: 'failed', files, error: redactInfo(info, this.options.redact) }
    } finally {
      request.signal?.removeEventListener('abort', onAbort)
      this.options.signal?.removeEventListener('abort', onAbort)
    }
  }

  private explained(info: ErrorInfo): ErrorInfo {
    const remedy = this.options.explain?.(info)
    return remedy ? { ...info, remedy } : info
  }

  private errorInfo(error: unknown, database: string): ErrorInfo {
    if (isKnownError(error)) return errorInfoOf(error, database, this.options.redact)
    const fields = driverErrorFields(error)
    if (fields.sqlstate || fields.connectionLost) {
      const info = sqlErrorInfo(fields, { database, timeoutMs: 0 })
      return { ...info, message: this.options.redact(info.message) }
    }
    return errorInfoOf(error, database, this.options.redact)
  }
}

/** One `execute` call. */
class ExecuteRun {
  private session!: SqlSession
  private store?: StateStore
  private steps: Step[] = []
  /** Each step's SQL parts as they run (see `runnableParts`). */
  private parts: RunnablePart[][] = []
  private results: StepResult[] = []
  /** Steps that ran inside the open transaction: their fate is decided by COMMIT or ROLLBACK. */
  private inTransaction = new Set<number>()
  private openTransaction = false
  private sessionLock = false
  private sessionTimeouts = false
  private sessionLost = false
  /** The state as we know it: read under the lock, then changed by every commit. */
  private known?: AppliedState
  private appliedByAnotherRun: bigint[] = []
  /** The last step that ran to its end, for "cancelled after version X". */
  private lastFinished?: Step
  private readonly txMode: TransactionMode

  constructor(
    private readonly options: SqlExecutorOptions,
    private readonly request: ExecuteRequest,
    /** The state the caller planned with, when it read one: "applied by another run" is relative to that plan. */
    private readonly planned?: AppliedState,
  ) {
    // A rehearsal must roll everything back at the end, so it is one transaction whatever was asked.
    this.txMode = request.mode === 'rehearse' ? 'all' : request.transaction
  }

  private get database(): string {
    return this.request.database
  }

  private aborted(): boolean {
    return this.request.signal?.aborted === true || this.options.signal?.aborted === true
  }

  private emit(event: StepEvent): void {
    try {
      this.request.onEvent?.(event)
    } catch {
      // A logging callback must not break a run.
    }
  }

  async run(): Promise<ExecuteResult> {
    const onAbort = (): void => {
      if (this.session && !this.sessionLost) void this.session.cancel()
    }
    this.request.signal?.addEventListener('abort', onAbort)
    this.options.signal?.addEventListener('abort', onAbort)
    let error: ErrorInfo | undefined
    try {
      await this.body()
    } catch (e) {
      error = this.toErrorInfo(e)
      await this.rollback()
    } finally {
      this.request.signal?.removeEventListener('abort', onAbort)
      this.options.signal?.removeEventListener('abort', onAbort)
      await this.releaseSession()
    }
    const redact = this.options.redact
    for (const step of this.results) if (step.error) step.error = redactInfo(step.error, redact)
    const result: ExecuteResult = {
      database: this.database,
      steps: this.results,
      appliedByAnotherRun: this.appliedByAnotherRun,
      stateAfter: await this.stateAfter(),
    }
    if (error) result.error = redactInfo(error, redact)
    return result
  }

  private async body(): Promise<void> {
    this.checkAborted()
    this.session = await this.options.session()
    this.store = await chooseStateStore(this.session, this.options.configVersion)
    const firstPlan = this.request.replan(
      this.planned ?? (await this.store.read(this.session, this.database)),
    )

    if (this.txMode === 'per-migration') {
      await this.setSessionTimeouts()
      await this.lock('session')
    } else {
      await this.begin()
      await this.lock('transaction')
    }
    const state = await this.store.read(this.session, this.database)
    this.known = cloneState(state)
    this.steps = this.request.replan(state)
    this.results = this.steps.map((step) => this.initialResult(step))
    this.appliedByAnotherRun = doneByAnotherRun(firstPlan, state, this.steps)
    if (this.appliedByAnotherRun.length > 0) {
      this.emit({
        type: 'info',
        message: `another run applied ${this.appliedByAnotherRun.join(', ')} on database '${this.database}' while this one waited for the lock`,
      })
    }
    // A transaction command that cannot run here fails the run before anything changes. Config 1
    // metadata steps have no Hasura to go to over SQL: skipped, as the metadata is without an endpoint.
    this.parts = await Promise.all(this.steps.map((step) => runnableParts(step, 'skip')))
    if (this.steps.length === 0) {
      await this.rollback()
      return
    }

    if (this.txMode === 'per-migration') {
      await this.begin()
      await this.prepareStore()
      await this.commit()
    } else {
      await this.prepareStore()
    }

    for (let i = 0; i < this.steps.length;) {
      this.checkAborted()
      const queries: PipelinedQuery[] = []
      for (
        let query = await this.pipelineQuery(i);
        query;
        query = await this.pipelineQuery(i + queries.length)
      )
        queries.push(query)
      if (queries.length > 1) {
        await this.runPipelined(queries)
        i += queries.length
      } else {
        await this.runStep(i)
        i++
      }
    }
    if (this.openTransaction) {
      if (this.request.mode === 'rehearse') await this.rollback()
      else await this.commit()
    }
  }

  private initialResult(step: Step): StepResult {
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

  private async runStep(i: number): Promise<void> {
    const step = this.steps[i]
    const result = this.results[i]
    const mode = this.request.mode
    this.emit({ type: 'step-started', step })
    const started = now()

    if (mode === 'skip-execution') {
      result.note = NOTE_RECORDED_ONLY
      if (this.txMode === 'per-migration') await this.begin()
      await this.record(i)
      this.inTransaction.add(i)
      if (this.txMode === 'per-migration') await this.commit()
    } else if (!step.transactional && mode === 'rehearse') {
      result.note = NOTE_NOT_REHEARSED
      this.finish(i, started, 'not-run')
      return
    } else if (!step.transactional) {
      await this.runOutsideTransaction(i)
    } else {
      if (this.txMode === 'per-migration') await this.begin()
      if (!(await this.runParts(i))) await this.record(i)
      this.inTransaction.add(i)
      if (this.txMode === 'per-migration') await this.commit()
    }
    const provisional: StepStatus =
      mode === 'skip-execution' ? 'skipped' : mode === 'rehearse' ? 'rehearsed' : 'applied'
    this.finish(i, started, provisional)
  }

  /** Ends a step: duration, and the event with the status it has if its transaction commits. */
  private finish(i: number, started: number, status: StepStatus): void {
    const result = this.results[i]
    result.durationMs = elapsed(started)
    if (!this.inTransaction.has(i) || status === 'not-run') result.status = status
    this.lastFinished = this.steps[i]
    this.emit({ type: 'step-finished', result: { ...result, status } })
  }

  /** Runs a step's SQL in the open transaction, each part as one script; true when its state record went with it. */
  private async runParts(i: number): Promise<boolean> {
    const step = this.steps[i]
    const parts = this.parts[i]
    // The state statement rides in the query of the step's last part: one round trip per step
    // (bench/apply-quick.ts). An error is still attributed: past the file's text it is ours.
    const record =
      parts.length > 0 ? this.store?.statement(this.database, step.version, step.direction) : undefined
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]
      const text = this.inTransactionText(part)
      const carry = record !== undefined && k === parts.length - 1
      const sent = carry ? withRecord(text, record) : text
      const outcome = await this.session.script(sent)
      if (outcome.error) this.partFailed(i, part, text, sent, carry, { ...outcome, error: outcome.error })
    }
    this.noteBlocks(i)
    return record !== undefined
  }

  /** A part's SQL as sent in the open transaction, followed by the end of any session settings it made. */
  private inTransactionText(part: RunnablePart): string {
    const text = blankBom(part.sql)
    return part.changesSettings ? `${text}\n;\n${this.restoreSettings()}` : text
  }

  /** Ends a file's session settings, then sets the run's own limits again (RESET ALL ends them too). */
  private restoreSettings(): string {
    const ms = this.request.timeoutMs
    return [
      RESTORE_SETTINGS,
      ...(this.sessionTimeouts ? [timeoutSettings(ms, 'SESSION')] : []),
      ...(this.openTransaction ? [timeoutSettings(ms, 'LOCAL')] : []),
    ].join('; ')
  }

  /** The report says when a file's own BEGIN … COMMIT ran as a savepoint. */
  private noteBlocks(i: number): void {
    const note = blocksNote(this.parts[i])
    if (note) this.results[i].note = note
  }

  /** Blames a failed query on the step's file (line and statement), or on its state record. */
  private partFailed(
    i: number,
    part: RunnablePart,
    text: string,
    sent: string,
    carried: boolean,
    outcome: ScriptOutcome & { error: DriverErrorFields },
  ): never {
    if (carried && recordFailed(text, sent, outcome)) this.recordFailed(i, outcome.error)
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
    )
  }

  /** Step i as a query that can be sent before the steps ahead of it answered (see `runPipelined`). */
  private async pipelineQuery(i: number): Promise<PipelinedQuery | undefined> {
    const step = this.steps[i]
    if (!step || !step.transactional || !this.session.pipelined) return undefined
    if (this.txMode !== 'all' || this.request.mode === 'skip-execution') return undefined
    const parts = this.parts[i]
    const record = this.store?.statement(this.database, step.version, step.direction)
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
  private async runPipelined(queries: PipelinedQuery[]): Promise<void> {
    const status: StepStatus = this.request.mode === 'rehearse' ? 'rehearsed' : 'applied'
    const inFlight: (PipelinedQuery & { at: number; outcome: Promise<ScriptOutcome> })[] = []
    let next = 0
    const send = (): void => {
      const query = queries[next++]
      this.emit({ type: 'step-started', step: this.steps[query.i] })
      inFlight.push({ ...query, at: now(), outcome: this.session.script(query.sent) })
    }
    while (next < queries.length && inFlight.length < PIPELINE_DEPTH) send()
    let previous = now()
    for (let head = inFlight.shift(); head; head = inFlight.shift()) {
      const outcome = await head.outcome
      if (outcome.error)
        this.partFailed(head.i, head.part, head.text, head.sent, true, { ...outcome, error: outcome.error })
      this.inTransaction.add(head.i)
      this.finish(head.i, Math.max(previous, head.at), status)
      previous = now()
      this.checkAborted()
      if (next < queries.length) send()
    }
  }

  /**
   * A file marked `-- hasura:no-transaction`: what is open commits first, then the file runs one
   * statement at a time (a multi-statement query would run in an implicit transaction), then its
   * state record commits on its own. The session lock keeps other runs out between the transactions.
   */
  private async runOutsideTransaction(i: number): Promise<void> {
    const result = this.results[i]
    result.note = NOTE_OUTSIDE
    if (this.txMode === 'all') {
      await this.lock('session')
      await this.setSessionTimeouts()
      await this.commit()
    }
    for (const part of this.parts[i]) {
      // what runs is decided by PostgreSQL's own parser (it knows BEGIN ATOMIC bodies); the lexer only after a syntax error
      const statements = await executableStatements(blankBom(part.text))
      for (let k = 0; k < statements.length; k++) {
        const statement = statements[k]
        this.checkAborted()
        const outcome = await this.session.script(statement.text)
        if (!outcome.error) continue
        const position = outcome.error.position
        const line =
          part.yamlLine ??
          (position !== undefined
            ? statement.line + lineAt(statement.text, offsetOfPosition(statement.text, position)) - 1
            : statement.line)
        if (k > 0) {
          result.note = `${NOTE_OUTSIDE}; the ${k} statement${k === 1 ? '' : 's'} before line ${line} stayed committed`
        }
        this.fail(i, outcome.error, { file: part.file, line, statement: statement.text })
      }
    }
    if (this.parts[i].some((p) => p.changesSettings)) await this.control(this.restoreSettings())
    await this.begin()
    await this.record(i)
    this.inTransaction.add(i)
    await this.commit()
    if (this.txMode === 'all' && i < this.steps.length - 1) {
      await this.begin()
      await this.lock('transaction')
    }
  }

  /** The CLI's state statement for the step, in the open transaction. */
  private async record(i: number): Promise<void> {
    const step = this.steps[i]
    const store = this.store!
    try {
      if (step.direction === 'up') await store.markApplied(this.session, this.database, step.version)
      else await store.markRolledBack(this.session, this.database, step.version)
    } catch (error) {
      this.recordFailed(i, driverErrorFields(error))
    }
  }

  private recordFailed(i: number, fields: DriverErrorFields): never {
    const where = this.store?.where ?? 'the state table'
    const message = `recording version ${this.steps[i].version} in ${where} failed: ${fields.message}`
    this.fail(i, { ...fields, message }, {})
  }

  private fail(
    i: number,
    fields: DriverErrorFields,
    where: { file?: string; line?: number; statement?: string },
  ): never {
    const step = this.steps[i]
    if (fields.connectionLost) this.sessionLost = true
    if (this.aborted()) {
      this.results[i].note = 'cancelled'
      throw new CancelledError(this.cancelMessage(), {
        database: this.database,
        version: step.version.toString(),
      })
    }
    const info = sqlErrorInfo(fields, {
      database: this.database,
      version: step.version.toString(),
      timeoutMs: this.request.timeoutMs,
      ...where,
    })
    const remedy = this.options.explain?.(info)
    if (remedy) info.remedy = remedy
    const result = this.results[i]
    result.status = 'failed'
    result.error = redactInfo(info, this.options.redact)
    this.emit({ type: 'step-finished', result: { ...result } })
    throw new RunStopped(result.error)
  }

  private checkAborted(): void {
    if (this.aborted()) throw new CancelledError(this.cancelMessage(), { database: this.database })
  }

  private cancelMessage(): string {
    const base = this.lastFinished
      ? `cancelled after version ${this.lastFinished.version}`
      : 'cancelled before any migration ran'
    return this.inTransaction.size > 0 && this.openTransaction
      ? `${base}; the open transaction was rolled back`
      : base
  }

  private async begin(): Promise<void> {
    const ms = this.request.timeoutMs
    await this.control(`BEGIN; ${timeoutSettings(ms, 'LOCAL')}`)
    this.openTransaction = true
  }

  private async commit(): Promise<void> {
    const committed = this.inTransaction
    this.inTransaction = new Set()
    this.openTransaction = false
    try {
      await this.control('COMMIT')
    } catch (error) {
      for (const j of committed) this.rolledBack(j)
      throw error
    }
    for (const j of committed) {
      const step = this.steps[j]
      this.results[j].status = this.request.mode === 'skip-execution' ? 'skipped' : 'applied'
      if (step.direction === 'up') this.known?.versions.set(step.version, false)
      else this.known?.versions.delete(step.version)
    }
  }

  /** Rolls back what is open (never throws: the connection may be gone). */
  private async rollback(): Promise<void> {
    const undone = this.inTransaction
    this.inTransaction = new Set()
    if (this.openTransaction && !this.sessionLost) {
      this.openTransaction = false
      const outcome = await this.session
        .script('ROLLBACK')
        .catch((e: unknown) => ({ completed: 0, error: driverErrorFields(e) }))
      if (outcome.error?.connectionLost) this.sessionLost = true
    }
    this.openTransaction = false
    for (const j of undone) this.rolledBack(j)
  }

  private rolledBack(j: number): void {
    const result = this.results[j]
    if (this.request.mode === 'rehearse') {
      result.status = 'rehearsed'
    } else {
      result.status = 'not-run'
      result.note = result.note ? `${result.note}; ${NOTE_ROLLED_BACK}` : NOTE_ROLLED_BACK
    }
  }

  /** BEGIN / COMMIT / SET: a failure here is the target's, not a migration's. */
  private async control(sql: string): Promise<void> {
    const outcome = await this.session.script(sql)
    if (!outcome.error) return
    if (outcome.error.connectionLost) this.sessionLost = true
    if (this.aborted()) throw new CancelledError(this.cancelMessage(), { database: this.database })
    const info = sqlErrorInfo(outcome.error, { database: this.database, timeoutMs: this.request.timeoutMs })
    info.message = this.options.redact(`${sql.split(';')[0]} failed: ${info.message}`)
    throw new RunStopped(info)
  }

  private async prepareStore(): Promise<void> {
    try {
      await this.store!.prepare(this.session, this.database)
    } catch (error) {
      if (isKnownError(error)) throw error
      const fields = driverErrorFields(error)
      if (fields.connectionLost) this.sessionLost = true
      const info = sqlErrorInfo(fields, { database: this.database, timeoutMs: this.request.timeoutMs })
      info.message = this.options.redact(
        `preparing the migration state (${this.store!.where}) failed: ${info.message}`,
      )
      throw new RunStopped(info)
    }
  }

  private async setSessionTimeouts(): Promise<void> {
    if (this.sessionTimeouts) return
    const ms = this.request.timeoutMs
    await this.control(timeoutSettings(ms, 'SESSION'))
    this.sessionTimeouts = true
  }

  /** Takes the race lock; says so when another run holds it and we wait. */
  private async lock(scope: 'transaction' | 'session'): Promise<void> {
    if (scope === 'session' && this.sessionLock) return
    const [tryFn, waitFn] =
      scope === 'transaction'
        ? ['pg_try_advisory_xact_lock', 'pg_advisory_xact_lock']
        : ['pg_try_advisory_lock', 'pg_advisory_lock']
    const key = [LOCK_NAMESPACE, this.database]
    try {
      const [row] = await this.session.query(`SELECT ${tryFn}(hashtext($1), hashtext($2)) AS ok`, key)
      if (row?.ok !== true) {
        this.emit({
          type: 'info',
          message: `another run holds the migration lock of database '${this.database}'; waiting for it (up to the \`timeout\`)`,
        })
        await this.session.query(`SELECT ${waitFn}(hashtext($1), hashtext($2))`, key)
      }
    } catch (error) {
      const fields = driverErrorFields(error)
      if (fields.connectionLost) this.sessionLost = true
      if (this.aborted()) throw new CancelledError(this.cancelMessage(), { database: this.database })
      const info = sqlErrorInfo(fields, { database: this.database, timeoutMs: this.request.timeoutMs })
      if (fields.sqlstate === '55P03' || fields.sqlstate === '57014') {
        info.kind = 'target'
        info.message = `gave up after ${seconds(this.request.timeoutMs)} waiting for another run's migration lock on database '${this.database}' (the \`timeout\` input)`
        info.remedy =
          'Another run is applying migrations to this database; wait for it, or raise the `timeout` input.'
      }
      throw new RunStopped(info)
    }
    if (scope === 'session') this.sessionLock = true
  }

  private async releaseSession(): Promise<void> {
    if (this.sessionLost || !this.session) return
    try {
      if (this.openTransaction) await this.rollback()
      if (this.sessionLock) {
        await this.session.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
          LOCK_NAMESPACE,
          this.database,
        ])
      }
      if (this.sessionTimeouts) await this.session.script('RESET statement_timeout; RESET lock_timeout')
    } catch {
      // Best effort: the session ends with the target anyway.
    }
  }

  private async stateAfter(): Promise<AppliedState> {
    try {
      const session = this.sessionLost || !this.session ? await this.options.session() : this.session
      const store = await chooseStateStore(session, this.options.configVersion)
      return await store.read(session, this.database)
    } catch {
      return this.known ?? { versions: new Map() }
    }
  }

  private toErrorInfo(error: unknown): ErrorInfo {
    if (error instanceof RunStopped) return error.info
    if (error instanceof CancelledError || error instanceof UserError || isKnownError(error)) {
      return errorInfoOf(error, this.database, this.options.redact)
    }
    const fields = driverErrorFields(error)
    if (fields.connectionLost) this.sessionLost = true
    if (this.aborted()) {
      return errorInfoOf(new CancelledError(this.cancelMessage()), this.database, this.options.redact)
    }
    if (fields.sqlstate || fields.connectionLost) {
      const info = sqlErrorInfo(fields, { database: this.database, timeoutMs: this.request.timeoutMs })
      info.message = this.options.redact(info.message)
      return info
    }
    return errorInfoOf(error, this.database, this.options.redact)
  }
}
