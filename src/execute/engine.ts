/**
 * The execution engine: what happens when a database's plan runs, on every target (contract §5).
 * 1. the state the caller planned with (or read now), and its plan;
 * 2. the run's lock: a transport that can hold it for the whole run (a SQL session) takes it and reads
 *    the state under it; one that cannot (Hasura's `run_sql`, one request a transaction) takes it in
 *    every unit of work, which re-checks the state it changes and stops with `StateChanged`;
 * 3. re-planning from the state under the lock: versions of the first plan that another run applied
 *    meanwhile are reported, not run again;
 * 4. the units of work (`units.ts`), each step's SQL with its state record, the step state machine
 *    (`step-book.ts`), and the error of the step that failed, in the engine's words.
 * A transport only moves SQL: how a unit reaches the database, and where its failure is.
 */
import { CancelledError, isKnownError } from '../errors.js'
import type { ErrorInfo, TransactionMode } from '../model.js'
import type { AppliedState, Step } from '../plan/types.js'
import { REMEDIES } from '../report/remedies.js'
import {
  blocksNote,
  runnableParts,
  type RunnablePart,
  type YamlMetadataSteps,
} from '../targets/step-parts.js'
import { redactInfo, toErrorInfo } from './error-report.js'
import type { ExecuteRequest, ExecuteResult, StepEvent, TargetState, UnitOfWorkSession } from './request.js'
import { StepBook } from './step-book.js'
import { unitsOf, type Unit } from './units.js'
import { MESSAGES, NOTES } from './wording.js'

/** Each lost race means another run committed: progress, so a generous bound is safe. */
const MAX_ATTEMPTS = 50

/** A unit found the state it changes different from the plan's (another run got there first): re-plan. */
export class StateChanged extends Error {}

/** Unwinds a run with the error that stopped it (already on the failing step). */
export class RunStopped extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

/** What a transport sees of the run. */
export interface RunContext {
  readonly request: ExecuteRequest
  readonly database: string
  /** The request's, except that a rehearsal is always one transaction. */
  readonly transaction: TransactionMode
  readonly book: StepBook
  /** Each step's SQL parts as they run (see `runnableParts`). */
  readonly parts: RunnablePart[][]
  aborted(): boolean
  /** Throws the cancellation when the run was aborted. */
  checkAborted(): void
  info(message: string): void
  /** Step i ran inside the open unit, in `durationMs`. */
  ran(i: number, durationMs: number): void
  /** Step i ran in a unit of its own, which committed. */
  settled(i: number, durationMs: number): void
  /** Stops the run on step i (undefined: on the unit, no step to blame); a cancelled run says so instead. */
  fail(i: number | undefined, info: ErrorInfo, note?: string): never
  /** The run's `beforeCommit` check of the open unit (nothing when there is none). */
  beforeCommit(unit: Unit, query: UnitOfWorkSession['query']): Promise<void>
  readonly hasBeforeCommit: boolean
}

export interface Transport {
  readonly yamlMetadataSteps: YamlMetadataSteps
  /** Removes secrets from what the target answers (the edge of the target). */
  redact(text: string): string
  /** Applied versions (never writes). */
  readState(): Promise<TargetState>
  /**
   * Where the transport can hold the run's lock across units: takes it, and reads the state under it.
   * Absent: every unit takes the lock and re-checks the state itself (it throws `StateChanged`).
   */
  lock?(ctx: RunContext): Promise<TargetState>
  /** The state the engine plans with now (after every read): the units change it. */
  planned?(state: TargetState): void
  /** Before the first unit: what the state needs (its tables, the CLI's settings, migration mode). */
  prepare(ctx: RunContext, state: TargetState): Promise<void>
  transaction(unit: Extract<Unit, { kind: 'transaction' }>, ctx: RunContext): Promise<void>
  outside(unit: Extract<Unit, { kind: 'outside' }>, ctx: RunContext): Promise<void>
  /** After the units, whatever happened (e.g. completing the catalog state); its error is the run's. */
  complete?(ctx: RunContext): Promise<void>
  /** Interrupts what runs now (the run was aborted). */
  interrupt(): void
  /** Rolls back what is open (never throws). */
  rollback(ctx: RunContext): Promise<void>
  /** Ends the run: rolls back what is open, releases the lock (never throws). */
  release(ctx: RunContext): Promise<void>
  /** The state after the run; `known` is what the engine knows happened. */
  stateAfter(known: AppliedState): Promise<AppliedState>
  /** A thrown value that is not ours: the driver's error, in words. */
  errorInfo?(error: unknown, ctx: RunContext): ErrorInfo | undefined
}

const clone = (state: AppliedState): AppliedState => ({ versions: new Map(state.versions) })

/** Versions of the first plan that another run did while we waited for the lock. */
export function doneByAnotherRun(first: Step[], state: AppliedState, final: Step[]): bigint[] {
  const planned = new Set(final.map((s) => `${s.direction}:${s.version}`))
  return first
    .filter((s) => !planned.has(`${s.direction}:${s.version}`))
    .filter((s) => (s.direction === 'up' ? state.versions.has(s.version) : !state.versions.has(s.version)))
    .map((s) => s.version)
}

export async function execute(transport: Transport, request: ExecuteRequest): Promise<ExecuteResult> {
  return new EngineRun(transport, request).run()
}

class EngineRun implements RunContext {
  readonly book: StepBook
  parts: RunnablePart[][] = []
  readonly transaction: TransactionMode
  private first: Step[] = []
  private planState: AppliedState = { versions: new Map() }
  private reported = 0

  constructor(
    private readonly transport: Transport,
    readonly request: ExecuteRequest,
  ) {
    // A rehearsal must roll everything back at the end, so it is one transaction whatever was asked.
    this.transaction = request.mode === 'rehearse' ? 'all' : request.transaction
    this.book = new StepBook(request.mode, { versions: new Map() }, (e) => this.emit(e))
  }

  get database(): string {
    return this.request.database
  }

  get hasBeforeCommit(): boolean {
    return this.request.beforeCommit !== undefined
  }

  private emit(event: StepEvent): void {
    try {
      this.request.onEvent?.(event)
    } catch {
      // A logging callback must not break a run.
    }
  }

  info(message: string): void {
    this.emit({ type: 'info', message: this.transport.redact(message) })
  }

  aborted(): boolean {
    return this.request.signal?.aborted === true
  }

  checkAborted(): void {
    if (this.aborted()) throw new CancelledError(this.book.cancelMessage(true), { database: this.database })
  }

  ran(i: number, durationMs: number): void {
    if (this.request.mode !== 'skip-execution') this.book.note(i, blocksNote(this.parts[i]))
    this.book.ran(i, durationMs)
  }

  settled(i: number, durationMs: number): void {
    if (this.request.mode !== 'skip-execution') this.book.note(i, blocksNote(this.parts[i]))
    this.book.settled(i, durationMs, this.book.ranStatus)
  }

  fail(i: number | undefined, info: ErrorInfo, note?: string): never {
    // a transport that knows more of the cancellation (a request already sent) says so itself
    if (this.aborted() && info.kind !== 'cancelled') {
      if (i !== undefined) this.book.cancelled(i)
      this.book.fail(undefined, undefined)
      throw new CancelledError(this.book.cancelMessage(true), {
        database: this.database,
        ...(i !== undefined ? { version: this.book.steps[i].version.toString() } : {}),
      })
    }
    const safe = redactInfo(info, (s) => this.transport.redact(s))
    this.book.fail(i, safe, note)
    throw new RunStopped(safe)
  }

  async beforeCommit(unit: Unit, query: UnitOfWorkSession['query']): Promise<void> {
    const check = this.request.beforeCommit
    if (!check) return
    const indices = unit.kind === 'transaction' ? unit.steps : [unit.step]
    const error = await check({ steps: indices.map((i) => this.book.steps[i]), last: unit.last, query })
    if (error) this.fail(undefined, { ...error, database: error.database ?? this.database })
  }

  async run(): Promise<ExecuteResult> {
    const onAbort = (): void => this.transport.interrupt()
    this.request.signal?.addEventListener('abort', onAbort)
    let error: ErrorInfo | undefined
    try {
      await this.body()
    } catch (e) {
      error = this.errorOf(e)
      this.book.fail(undefined, undefined)
      await this.transport.rollback(this)
      this.book.rolledBack()
    } finally {
      this.request.signal?.removeEventListener('abort', onAbort)
      await this.transport.release(this)
    }
    if (this.transport.complete && this.request.mode !== 'rehearse') {
      try {
        await this.transport.complete(this)
      } catch (e) {
        error ??= this.errorOf(e)
      }
    }
    const result: ExecuteResult = {
      database: this.database,
      steps: this.book.allResults,
      appliedByAnotherRun: doneByAnotherRun(this.first, this.planState, this.book.allSteps),
      stateAfter: await this.transport.stateAfter(this.book.known),
    }
    if (error) result.error = redactInfo(error, (s) => this.transport.redact(s))
    return result
  }

  private async body(): Promise<void> {
    const planned = this.request.state ?? (await this.transport.readState())
    this.first = this.request.replan(clone(planned))
    // a run cancelled before it began still lists what it would have run
    if (this.aborted()) this.plan(planned)
    this.checkAborted()
    let state = this.transport.lock ? await this.transport.lock(this) : planned
    for (let attempt = 1; ; attempt++) {
      this.plan(state)
      try {
        await this.runPlan(state)
        return
      } catch (e) {
        if (!(e instanceof StateChanged)) throw e
        if (attempt >= MAX_ATTEMPTS) {
          throw new RunStopped({
            kind: 'target',
            database: this.database,
            message: MESSAGES.keptChanging(this.database),
            remedy: REMEDIES.rerunSafe,
          })
        }
        this.info(MESSAGES.stateChanged(this.database))
        state = await this.transport.readState()
      }
    }
  }

  private plan(state: TargetState): void {
    this.transport.planned?.(state)
    this.planState = clone(state)
    this.book.plan(this.request.replan(clone(state)), clone(state))
    const another = doneByAnotherRun(this.first, this.planState, this.book.allSteps)
    if (another.length > this.reported) {
      this.reported = another.length
      this.info(MESSAGES.appliedByAnotherRun(this.database, another))
    }
  }

  private async runPlan(state: TargetState): Promise<void> {
    const { steps } = this.book
    // A transaction command that cannot run here fails the run before anything changes.
    this.parts = await Promise.all(steps.map((step) => runnableParts(step, this.transport.yamlMetadataSteps)))
    if (steps.length === 0) return
    const rehearse = this.request.mode === 'rehearse'
    const notRehearsed = rehearse ? steps.flatMap((step, i) => (step.transactional ? [] : [i])) : []
    for (const i of notRehearsed) this.book.note(i, NOTES.notRehearsed)
    await this.transport.prepare(this, state)
    for (const unit of unitsOf(steps, this.request.mode, this.transaction)) {
      this.checkAborted()
      if (unit.kind === 'transaction') {
        if (this.request.mode === 'skip-execution')
          for (const i of unit.steps) this.book.note(i, NOTES.recordedOnly)
        await this.transport.transaction(unit, this)
      } else {
        this.book.note(unit.step, NOTES.outside)
        await this.transport.outside(unit, this)
      }
    }
    for (const i of notRehearsed) this.book.settled(i, 0, 'not-run')
  }

  private errorOf(e: unknown): ErrorInfo {
    if (e instanceof RunStopped) return e.info
    if (e instanceof CancelledError || isKnownError(e)) return toErrorInfo(e, this.database)
    if (this.aborted()) return toErrorInfo(new CancelledError(this.book.cancelMessage(true)), this.database)
    return this.transport.errorInfo?.(e, this) ?? toErrorInfo(e, this.database)
  }
}
