/**
 * The step state machine, the one place a step's status, note and events change:
 *   not-run → (started) → ran inside the open unit (provisional) → applied | skipped at its commit,
 *                                                               → not-run "rolled back" | rehearsed at its rollback;
 *   not-run → (started) → failed;   not-run "not rehearsed (no-transaction)" in a rehearsal.
 * Every step that starts finishes once in the events, with the status it has (or will have at commit).
 */
import type { ExecutionMode, StepResult, StepStatus } from '../model.js'
import type { AppliedState, Step } from '../plan/types.js'
import type { StepEvent } from './request.js'
import { NOTES } from './wording.js'

export class StepBook {
  steps: Step[] = []
  results: StepResult[] = []
  /** Steps (and their results) committed in an earlier attempt, before the run lost a race and re-planned. */
  readonly done: { step: Step; result: StepResult }[] = []
  /** Steps that ran inside the open unit of work: COMMIT or ROLLBACK decides their fate. */
  private inUnit = new Set<number>()
  private started = new Set<number>()
  private finished = new Set<number>()
  /** The last step that ran to its end, for "cancelled after version X". */
  private lastFinished?: Step

  constructor(
    private readonly mode: ExecutionMode,
    /** The state as it is known: as planned, then changed by every commit. */
    public known: AppliedState,
    private readonly emit: (event: StepEvent) => void,
  ) {}

  /** A new plan (the first, or after a lost race: what this run committed before stays in the report). */
  plan(steps: Step[], known: AppliedState): void {
    this.known = known
    this.steps.forEach((step, i) => {
      const r = this.results[i]
      if (r.status === 'applied' || r.status === 'skipped') this.done.push({ step, result: r })
    })
    this.steps = steps
    this.results = steps.map(initialResult)
    this.inUnit = new Set()
    this.started = new Set()
    this.finished = new Set()
  }

  get allSteps(): Step[] {
    return [...this.done.map((d) => d.step), ...this.steps]
  }

  get allResults(): StepResult[] {
    return [...this.done.map((d) => d.result), ...this.results]
  }

  /** The status a step that ran has once its unit commits. */
  get ranStatus(): StepStatus {
    return this.mode === 'skip-execution' ? 'skipped' : this.mode === 'rehearse' ? 'rehearsed' : 'applied'
  }

  note(i: number, note: string | undefined): void {
    if (note) this.results[i].note = note
  }

  start(i: number): void {
    if (this.started.has(i)) return
    this.started.add(i)
    this.emit({ type: 'step-started', step: this.steps[i] })
  }

  /** Step i ran inside the open unit: its status is decided when the unit ends. */
  ran(i: number, durationMs: number): void {
    this.inUnit.add(i)
    this.finish(i, durationMs, this.ranStatus)
  }

  /** Step i is done on its own (it committed by itself, or is not rehearsed). */
  settled(i: number, durationMs: number, status: StepStatus): void {
    this.results[i].status = status
    if (status === 'applied' || status === 'skipped') this.record(this.steps[i])
    this.finish(i, durationMs, status)
  }

  private finish(i: number, durationMs: number, status: StepStatus): void {
    const result = this.results[i]
    result.durationMs = Math.max(0, Math.round(durationMs))
    this.lastFinished = this.steps[i]
    this.finished.add(i)
    this.emit({ type: 'step-finished', result: { ...result, status } })
  }

  /** Step i failed: every step started but not finished (sent ahead of it) finishes as not run. */
  fail(i: number | undefined, error: StepResult['error'], note?: string): void {
    if (i !== undefined) {
      const result = this.results[i]
      result.status = 'failed'
      result.error = error
      if (note) result.note = note
      this.started.add(i)
      this.finish(i, result.durationMs, 'failed')
    }
    for (const j of this.started) {
      if (this.finished.has(j)) continue
      this.finished.add(j)
      this.emit({ type: 'step-finished', result: { ...this.results[j] } })
    }
  }

  /** Marks a cancelled step. */
  cancelled(i: number): void {
    this.results[i].note = 'cancelled'
  }

  /** The open unit committed. */
  committed(): void {
    for (const j of this.inUnit) {
      this.results[j].status = this.mode === 'skip-execution' ? 'skipped' : 'applied'
      this.record(this.steps[j])
    }
    this.inUnit = new Set()
  }

  /** The open unit was rolled back (a rehearsal always is). */
  rolledBack(): void {
    for (const j of this.inUnit) {
      const result = this.results[j]
      if (this.mode === 'rehearse') result.status = 'rehearsed'
      else {
        result.status = 'not-run'
        result.note = result.note ? `${result.note}; ${NOTES.rolledBack}` : NOTES.rolledBack
      }
    }
    this.inUnit = new Set()
  }

  get unitHasSteps(): boolean {
    return this.inUnit.size > 0
  }

  /** Whether a step applied in this unit: the state changes it made. */
  private record(step: Step): void {
    if (step.direction === 'up') this.known.versions.set(step.version, false)
    else this.known.versions.delete(step.version)
  }

  cancelMessage(openUnit: boolean): string {
    const base = this.lastFinished
      ? `cancelled after version ${this.lastFinished.version}`
      : 'cancelled before any migration ran'
    return openUnit && this.inUnit.size > 0 ? `${base}; the open transaction was rolled back` : base
  }
}

export function initialResult(step: Step): StepResult {
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
