/**
 * Beside stage 4 (execute): each database's catalog, snapshotted before its migrations and once more
 * inside its last unit of work, after the last migration and before the COMMIT. That one snapshot
 * serves both reviews: the metadata verified against it (contract §8.1: with `verify-metadata: error`
 * a problem aborts the unit, so nothing of it commits) and the schema changes, before → after (§8.2).
 * A database with nothing to migrate whose metadata is applied anyway is checked on its current schema
 * (a plain read). With `verify-metadata: off` the snapshots still give the schema changes; nothing is checked.
 *
 * On the embedded database, which starts empty, "before" is the schema after the versions that exist
 * at the pull request's base commit: those run first, in a call of their own (`split`), the snapshot
 * is taken, then the pull request's own versions run. Without a base, "before" is the empty database.
 */
import { diffSnapshots } from '../catalog/diff.js'
import { takeSnapshot } from '../catalog/snapshot.js'
import type { CatalogSnapshot } from '../catalog/types.js'
import { TargetError } from '../errors.js'
import type { PullRequestBase } from './pull-request-base.js'
import type {
  ErrorInfo,
  MetadataCheckResult,
  MetadataProblemResult,
  Result,
  SchemaChangesResult,
} from '../model.js'
import type { Step } from '../plan/types.js'
import { metadataLocator, type LocateMetadata } from '../project/metadata-locations.js'
import { REMEDIES } from '../report/remedies.js'
import { verifyMetadata, type MetadataProblem } from '../review/verify-metadata.js'
import type { Settings } from '../settings.js'
import { UnitUnreadable, type BeforeCommit, type UnitOfWorkSession } from '../execute/request.js'
import type { Targets } from '../targets/open.js'
import { RunFailure, timedPart, tookSince, type DatabaseWork, type RunIO } from './context.js'
import type { ExecuteOptions } from './execute.js'
import type { Planned } from './plan.js'
import type { ProjectRead } from './read.js'

type Before = Pick<SchemaChangesResult, 'before' | 'note'>

/** SQL that makes or changes what metadata can name (relations, columns, functions, types). */
const CREATES_NAMED_OBJECTS =
  /\b(create\s+(or\s+replace\s+)?((temp|temporary|unlogged)\s+)?(table|view|materialized\s+view|function|procedure|type|schema|domain)|alter\s+(table|view|function|type)|drop\s+(table|view|function|type|schema))\b/i

/**
 * Whether only no-transaction files follow these steps in the plan, none of which makes or changes
 * anything metadata can name (the usual `CREATE INDEX CONCURRENTLY`): the schema the metadata sees is
 * then complete here, where a problem can still stop the run before anything commits.
 */
function onlyIndexFilesAfter(w: DatabaseWork, steps: readonly Step[]): boolean {
  const last = steps.at(-1)
  if (!last) return false
  const at = w.plan.steps.findIndex((s) => s.version === last.version && s.direction === last.direction)
  const rest = at < 0 ? [] : w.plan.steps.slice(at + 1)
  return (
    rest.length > 0 &&
    rest.every((s) => !s.transactional && s.sql !== undefined && !CREATES_NAMED_OBJECTS.test(s.sql.text))
  )
}

export interface ReviewInput {
  settings: Settings
  project: ProjectRead
  planned: Planned
  targets: Targets
  result: Result
  io: RunIO
  /** The pull request's base commit, when the event names one. */
  baseCommit?: string
  /** The base commit's migration versions (read once per run). */
  pullRequestBase?: () => Promise<PullRequestBase>
  /** Catalogs already read before the run (by the lint stage): not read again. */
  catalogBefore?: ReadonlyMap<string, CatalogSnapshot>
}

/** The review of a run's catalogs; `start` before the migrations, `finish` after them. */
export class CatalogReview {
  private readonly before = new Map<string, CatalogSnapshot>()
  private readonly beforeKind = new Map<string, Before>()
  private readonly after = new Map<string, CatalogSnapshot>()
  /** Per database: versions of units that committed before the check ran. */
  private readonly committed = new Map<string, Step[]>()
  /** The embedded database's first versions (those at the pull request's base), per database. */
  private readonly baseFirst = new Map<string, Set<bigint>>()
  private locateCache?: LocateMetadata
  /** Why the target could not read inside a unit (its units then committed unchecked); see `finish`. */
  private unreadable?: string
  /** A failed check that could not abort its unit (see `beforeCommit`): it fails the run afterwards. */
  private deferred?: ErrorInfo
  private readonly check: MetadataCheckResult

  private constructor(private readonly input: ReviewInput) {
    const { settings, project } = input
    this.check = {
      setting: settings.verifyMetadata,
      status: 'not-checked',
      databases: [],
      problems: [],
      notChecked: [],
      committedBeforeCheck: [],
    }
    const why =
      settings.verifyMetadata === 'off'
        ? undefined
        : settings.dryRun === 'plan'
          ? 'a plan (dry-run: plan) has no migrated schema to check'
          : !project.built
            ? settings.metadata === 'skip'
              ? 'metadata: skip'
              : 'the project has no metadata'
            : 'the run stopped before the schema could be checked'
    if (settings.verifyMetadata === 'off') this.check.status = 'off'
    else this.check.reason = why
    input.result.metadataCheck = this.check
  }

  static async start(input: ReviewInput): Promise<CatalogReview> {
    const review = new CatalogReview(input)
    await review.takeBefore()
    return review
  }

  /** Snapshots (schema changes, and the check) are taken only on a run that executes or rehearses. */
  private get snapshots(): boolean {
    return this.input.settings.dryRun !== 'plan'
  }

  /** Whether the metadata is checked at all. */
  private get verifying(): boolean {
    return this.input.settings.verifyMetadata !== 'off' && this.input.project.built !== undefined
  }

  private get ephemeral(): boolean {
    return this.input.targets.migrations.capabilities.ephemeral
  }

  /** Whether the metadata of this run goes to a server (now or in a rehearsal): then it is checked anyway. */
  private get metadataGoesOut(): boolean {
    return this.input.targets.metadata !== undefined && this.input.settings.metadata !== 'skip'
  }

  private checks(w: DatabaseWork): boolean {
    if (!this.snapshots || !this.verifying) return false
    // a rollback leaves the schema the project's metadata was not written for: checked only when applied
    if (w.plan.steps.some((s) => s.direction === 'down') && !this.metadataGoesOut) return false
    return w.plan.steps.length > 0 || this.metadataGoesOut || this.ephemeral
  }

  private changesSchema(w: DatabaseWork): boolean {
    return this.snapshots && w.plan.steps.length > 0 && !this.input.settings.skipExecution
  }

  private read(database: string): Promise<CatalogSnapshot> {
    const target = this.input.targets.migrations
    if (!target.snapshot) throw new TargetError(`the schema of database '${database}' cannot be read here`)
    return this.timed(`schema snapshot of ${database}`, () => target.snapshot!(database))
  }

  /**
   * The snapshot inside an open unit, or undefined where the target cannot read there (`UnitUnreadable`):
   * the unit then commits unchecked and `finish` reads the schema after it.
   */
  private async readableSnapshotIn(
    unit: UnitOfWorkSession,
    database: string,
  ): Promise<CatalogSnapshot | undefined> {
    if (this.unreadable) return undefined
    try {
      return await this.snapshotIn(unit, database)
    } catch (e) {
      if (!(e instanceof UnitUnreadable)) throw e
      this.unreadable = e.message
      return undefined
    }
  }

  /** The snapshot inside an open unit of work. */
  private snapshotIn(unit: UnitOfWorkSession, database: string): Promise<CatalogSnapshot> {
    return this.timed(`schema snapshot of ${database}`, () => takeSnapshot((sql) => unit.query(sql)))
  }

  private timed<T>(part: string, work: () => Promise<T>): Promise<T> {
    return timedPart(this.input.io, part, work)
  }

  private async takeBefore(): Promise<void> {
    const { planned } = this.input
    const wanted = planned.work.filter((w) => this.changesSchema(w))
    if (wanted.length === 0) return
    const base = this.ephemeral ? await this.baseVersions() : undefined
    for (const w of wanted) {
      const db = w.migrations.name
      if (!base) {
        this.beforeKind.set(db, { before: 'target' })
      } else if ('none' in base) {
        this.beforeKind.set(db, {
          before: 'empty',
          note: `the empty database; there is no pull-request base: ${base.none}`,
        })
      } else {
        const at = base.versions.get(db) ?? new Set<bigint>()
        const first = new Set(w.plan.steps.filter((s) => at.has(s.version)).map((s) => s.version))
        const note = `the schema after the ${first.size} version(s) of the base commit ${base.commit.slice(0, 7)}`
        this.beforeKind.set(db, { before: 'base', note })
        if (first.size > 0) {
          this.baseFirst.set(db, first)
          continue // taken between the base's versions and the pull request's
        }
      }
      this.before.set(db, this.input.catalogBefore?.get(db) ?? (await this.read(db)))
    }
  }

  /** The versions at the pull request's base commit, or why there are none. */
  private baseVersions(): Promise<PullRequestBase> {
    return this.input.pullRequestBase?.() ?? Promise.resolve({ none: 'not a pull-request event' })
  }

  /** For `executeMigrations`: the check in each database's last unit, and the embedded base split. */
  executeOptions(): ExecuteOptions {
    return {
      beforeCommit: (w) => this.beforeCommit(w),
      split: (w) => {
        const first = this.baseFirst.get(w.migrations.name)
        if (!first) return undefined
        return {
          first,
          between: async () => {
            this.before.set(w.migrations.name, await this.read(w.migrations.name))
          },
        }
      },
    }
  }

  private beforeCommit(w: DatabaseWork): BeforeCommit | undefined {
    if (!this.checks(w) && !this.changesSchema(w)) return undefined
    const db = w.migrations.name
    const commits = this.input.settings.dryRun !== 'rehearse' && !this.ephemeral
    return async (unit: UnitOfWorkSession): Promise<ErrorInfo | undefined> => {
      if (!unit.last) {
        // only in a unit that is a transaction: after a no-transaction file, an abort would unrecord it
        const inTransaction = unit.steps.every((s) => s.transactional) || this.input.settings.skipExecution
        const early = inTransaction && this.checks(w) && onlyIndexFilesAfter(w, unit.steps)
        const error = early ? await this.verifyBefore(w, unit) : undefined
        if (commits && !error) this.committed.set(db, [...(this.committed.get(db) ?? []), ...unit.steps])
        return error
      }
      const snapshot = await this.readableSnapshotIn(unit, db)
      if (!snapshot) return undefined
      this.after.set(db, snapshot)
      this.recordChanges(w)
      if (!this.checks(w)) return undefined
      // a no-transaction file has run and committed: only its state record is open, and rolling that
      // back would leave its changes unrecorded — the check fails the run after the record commits
      const outside =
        unit.steps.length === 1 && !unit.steps[0].transactional && !this.input.settings.skipExecution
      const done = [...(this.committed.get(db) ?? []), ...(outside ? unit.steps : [])]
      this.noteCommitted(
        w,
        done.map((s) => s.version.toString()),
      )
      const error = this.verify(w)
      if (!outside || !commits) return error
      this.deferred ??= error
      return undefined
    }
  }

  /**
   * The check in the last transaction before trailing no-transaction files, which cannot be rolled
   * back: a problem stops the run before they run and before this transaction commits. The check
   * after them runs too (`finish`, or their own unit).
   */
  private async verifyBefore(w: DatabaseWork, unit: UnitOfWorkSession): Promise<ErrorInfo | undefined> {
    const db = w.migrations.name
    const snapshot = await this.readableSnapshotIn(unit, db)
    if (!snapshot) return undefined
    this.after.set(db, snapshot)
    this.noteCommitted(
      w,
      (this.committed.get(db) ?? []).map((s) => s.version.toString()),
    )
    const error = this.verify(w)
    if (error) error.message += ' (checked before the no-transaction file(s) at the end of the plan)'
    else this.after.delete(db) // the schema the final check reads is the one after those files
    return error
  }

  /** After the migrations: the plain reads, the whole verification once more with every catalog. */
  async finish(): Promise<void> {
    if (this.unreadable) await this.readAfterCommit(this.unreadable)
    if (!this.snapshots || !this.verifying) return
    if (this.deferred) throw new RunFailure(this.deferred)
    for (const w of this.input.planned.work) {
      const db = w.migrations.name
      if (!this.checks(w) || this.after.has(db)) continue
      this.after.set(db, await this.read(db))
      this.recordChanges(w)
      // no unit ran the check (nothing to migrate, or a last unit outside a transaction): what ran committed
      const ran = w.result.steps.filter((s) => s.status === 'applied' || s.status === 'skipped')
      if (!this.ephemeral && this.input.settings.dryRun === false)
        this.noteCommitted(
          w,
          ran.map((s) => s.version),
        )
      const error = this.verify(w)
      if (error) throw new RunFailure(error)
    }
    const catalogs = this.checkedCatalogs()
    if (catalogs.size === 0) {
      const rollback = this.input.planned.work.some((w) => w.plan.steps.some((s) => s.direction === 'down'))
      this.check.reason = rollback
        ? 'a rollback with no metadata applied: the project metadata describes the schema before it'
        : 'nothing was migrated and no metadata is applied: there was nothing to check'
      return
    }
    const all = this.verification(catalogs)
    this.setProblems(all.problems, all.notChecked)
    const failing = this.check.setting === 'error' && all.problems.length > 0
    this.check.status = all.problems.length === 0 ? 'passed' : failing ? 'failed' : 'warned'
    if (failing) throw new RunFailure(this.errorOf(all.problems[0].database, all.problems))
  }

  /** The units committed unread: the schema changes are read now, and the report says so. */
  private async readAfterCommit(why: string): Promise<void> {
    this.input.result.warnings.push(
      `The schema was read after the migrations committed, not inside their transaction: ${why}. A metadata problem found there fails the run with the migrations applied.`,
    )
    for (const w of this.input.planned.work) {
      const db = w.migrations.name
      if (this.checks(w) || !this.changesSchema(w) || this.after.has(db)) continue
      this.after.set(db, await this.read(db))
      this.recordChanges(w)
    }
  }

  /** The catalogs taken so far of the databases whose metadata is checked. */
  private checkedCatalogs(): Map<string, CatalogSnapshot> {
    const checked = new Set(
      this.input.planned.work.filter((w) => this.checks(w)).map((w) => w.migrations.name),
    )
    return new Map([...this.after].filter(([db]) => checked.has(db)))
  }

  private verification(catalogs: ReadonlyMap<string, CatalogSnapshot>) {
    const t0 = performance.now()
    this.locateCache ??= metadataLocator(this.input.project.config)
    const verified = verifyMetadata(this.input.project.built!.metadata, catalogs, {
      locate: this.locateCache,
    })
    tookSince(this.input.io, 'metadata check', t0)
    return verified
  }

  /** The check of one database, with the catalogs known so far; an ErrorInfo aborts its unit. */
  private verify(w: DatabaseWork): ErrorInfo | undefined {
    const db = w.migrations.name
    const v = this.verification(this.checkedCatalogs())
    this.setProblems(v.problems, v.notChecked)
    const mine = v.problems.filter((p) => p.database === db)
    if (mine.length === 0) {
      this.check.status = v.problems.length > 0 ? this.check.status : 'passed'
      return undefined
    }
    if (this.check.setting === 'warn') {
      this.check.status = 'warned'
      this.input.io.warning(
        `verify-metadata: ${mine.length} unresolved metadata reference(s) in database '${db}'`,
      )
      return undefined
    }
    this.check.status = 'failed'
    return this.errorOf(db, mine)
  }

  private setProblems(problems: MetadataProblem[], notChecked: MetadataCheckResult['notChecked']): void {
    this.check.reason = undefined
    this.check.databases = [...this.checkedCatalogs().keys()]
    this.check.problems = problems.map((p) => this.problemResult(p))
    this.check.notChecked = notChecked.map((n) => ({ kind: n.kind, name: n.name, reason: n.reason }))
  }

  private problemResult(p: MetadataProblem): MetadataProblemResult {
    const out: MetadataProblemResult = { database: p.database, type: p.type, name: p.name, reason: p.reason }
    if (p.file !== undefined) out.file = p.file
    if (p.line !== undefined) out.line = p.line
    const note = this.ephemeral ? this.embeddedNote(p) : undefined
    if (note) out.note = note
    return out
  }

  /**
   * The embedded database has only what the migrations create: a missing table or function is one no
   * migration of the project creates (or one the pull request's migrations drop).
   */
  private embeddedNote(p: MetadataProblem): string | undefined {
    const m = /no such table\/view exists in source: "([^"]+)"|table "([^"]+)" does not exist/.exec(p.reason)
    const table = m?.[1] ?? m?.[2]
    const fn = /no such function exists: "?([^"\s]+)"?/.exec(p.reason)?.[1]
    const missing = table ?? fn
    if (!missing) return undefined
    const before = this.before.get(p.database)
    const [schema, name] = missing.includes('.') ? missing.split('.', 2) : ['public', missing]
    const existed =
      before?.relations.some((r) => r.schema === schema && r.name === name) ||
      before?.functions.some((f) => f.schema === schema && f.name === name)
    if (existed)
      return `${missing} exists at the pull request's base: a migration of this pull request drops it`
    return `no migration of this project creates ${missing}: the embedded database starts empty, so an object made outside the migrations (by another service, or by an extension the embedded database lacks) does not exist here — add a migration that creates it, or set verify-metadata: warn if it is made elsewhere`
  }

  /** What had committed when the check ran: nothing on the embedded database, which is thrown away. */
  private noteCommitted(w: DatabaseWork, versions: string[]): void {
    if (this.ephemeral) return
    const db = w.migrations.name
    const earlier = this.input.result.databases
      .filter((d) => d.database !== db)
      .flatMap((d) =>
        d.steps
          .filter((s) => s.status === 'applied' || s.status === 'skipped')
          .map((s) => ({ database: d.database, version: s.version })),
      )
    this.check.committedBeforeCheck = [...earlier, ...versions.map((version) => ({ database: db, version }))]
  }

  private recordChanges(w: DatabaseWork): void {
    const db = w.migrations.name
    const before = this.before.get(db)
    const after = this.after.get(db)
    const kind = this.beforeKind.get(db)
    if (!before || !after || !kind || !this.changesSchema(w)) return
    const t0 = performance.now()
    w.result.schemaChanges = { ...diffSnapshots(before, after), ...kind }
    tookSince(this.input.io, `schema changes of ${db}`, t0)
  }

  private errorOf(db: string, problems: (MetadataProblem | MetadataProblemResult)[]): ErrorInfo {
    const [first] = problems
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more, listed under Metadata problems)` : ''
    const committed = this.check.committedBeforeCheck
    const rolledBack = this.ephemeral
      ? ''
      : committed.length === 0
        ? '; nothing was applied'
        : `; ${committed.map((c) => c.version).join(', ')} had already committed and stay applied`
    this.input.result.metadata = {
      status: 'skipped',
      message: 'not applied: the metadata verification failed',
      inconsistentObjects: [],
    }
    return {
      kind: 'metadata',
      database: db,
      message: `the metadata names what the migrated schema of database '${db}' does not have: ${first.name}: ${first.reason.replace(/^Inconsistent object: /, '')}${more}${rolledBack}`,
      ...(first.file !== undefined ? { file: first.file } : {}),
      ...(first.line !== undefined ? { line: first.line } : {}),
      remedy: REMEDIES.unresolvedMetadata,
    }
  }
}
