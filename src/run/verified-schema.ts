/**
 * Recording each database's verified schema (LEDGER.md, "Verified schema") once the run has written, so
 * that the next drift check needs no replay: after a run that changed nothing there, the digests its
 * check's replay vouched for; after an apply whose check was clean, the digest of the schema the last unit
 * of work committed, taken inside it before COMMIT (`beforeCommit`, read-only), against the applied set
 * after it (not where reading inside a unit means rehearsing it: there the next check replays once). The row is written in a short transaction of its own after the commit: a hand change made in
 * between shows as a digest mismatch next time, and a replay. Only runs that write record; never the
 * embedded target. A failure to record is a warning: the next check simply replays.
 */
import { ENSURE_LEDGER_SQL, recordVerifiedSchemaSql, type VerifiedBy } from '../drift/ledger.js'
import type { BeforeCommit } from '../execute/request.js'
import type { Result } from '../model.js'
import type { Settings } from '../settings.js'
import type { Target } from '../targets/target.js'
import type { DatabaseWork, RunIO } from './context.js'
import type { DriftStage } from './drift.js'
import { executionMode } from './execute.js'

export class VerifiedSchemas {
  /** The schema digest each database's last unit of work was about to commit. */
  private readonly committed = new Map<string, string>()

  constructor(
    private readonly settings: Settings,
    private readonly target: Target,
    private readonly drift: DriftStage,
  ) {}

  private writes(): boolean {
    return (
      this.settings.dryRun === false &&
      this.target.writeSql !== undefined &&
      executionMode(this.settings, this.target.capabilities.ephemeral) === 'apply'
    )
  }

  /**
   * The digest of the schema the last unit commits, where its replay is the one the next check would run:
   * a clean check, then up steps only, each newer than every applied version (applied in replay order).
   */
  beforeCommit(w: DatabaseWork): BeforeCommit | undefined {
    // not worth a second run of the unit: there the next check replays once and records
    if (this.target.capabilities.readsByRehearsal) return undefined
    if (!this.writes() || !this.drift.verified.has(w.migrations.name) || w.plan.steps.length === 0)
      return undefined
    const newest = [...w.state.versions.keys()].reduce((a, b) => (b > a ? b : a), -1n)
    if (w.plan.steps.some((s) => s.direction !== 'up' || s.version <= newest)) return undefined
    return async (unit) => {
      if (!unit.last) return undefined
      try {
        const [{ takeSnapshot }, { schemaDigest }] = await Promise.all([
          import('../catalog/snapshot.js'),
          import('../drift/schema-digest.js'),
        ])
        this.committed.set(w.migrations.name, schemaDigest(await takeSnapshot((sql) => unit.query(sql))))
      } catch {
        // the digest is an optimisation: without it the next check replays
        this.committed.delete(w.migrations.name)
      }
      return undefined
    }
  }

  /** After the migrations ran without error: each database's row, in a transaction of its own. */
  async record(work: readonly DatabaseWork[], result: Result, io: RunIO): Promise<void> {
    if (!this.writes()) return
    for (const w of work) {
      const record = await this.recordFor(w)
      if (!record) continue
      const database = w.migrations.name
      try {
        await this.target.writeSql?.(
          database,
          `${ENSURE_LEDGER_SQL};\n${recordVerifiedSchemaSql({ database, ...record, ...this.drift.run })}`,
          `recording the verified schema's digest in the ledger of database '${database}'`,
        )
      } catch (e) {
        const message = `recording the verified schema of database '${database}' failed (${e instanceof Error ? e.message : String(e)}): the next drift check replays its migrations`
        result.warnings.push(message)
        io.warning(message)
      }
    }
  }

  private async recordFor(
    w: DatabaseWork,
  ): Promise<{ schemaDigest: string; appliedDigest: string; by: VerifiedBy } | undefined> {
    const checked = this.drift.verified.get(w.migrations.name)
    if (!checked) return undefined
    const ran = w.result.steps.some((s) => s.status === 'applied')
    if (!ran) return checked.replayed ? { ...checked, by: 'replay' } : undefined
    const committed = this.committed.get(w.migrations.name)
    if (!committed || w.result.appliedByAnotherRun.length > 0) return undefined
    const after = new Map(w.state.versions)
    for (const s of w.plan.steps) after.set(s.version, false)
    const [{ replayFilesFor }, { appliedSetDigest }] = await Promise.all([
      import('../drift/replay.js'),
      import('../drift/schema-digest.js'),
    ])
    const files = replayFilesFor(w.migrations, after)
    if ('notChecked' in files) return undefined
    return { schemaDigest: committed, appliedDigest: appliedSetDigest(files.files), by: 'apply' }
  }
}
