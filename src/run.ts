/**
 * One run, as a pipeline of named stages (`src/run/`): read → open → metadata changes → plan → lint →
 * drift → connect sources → execute → metadata → seeds → report. Nothing is written before `connectSources`:
 * a run that `lint: error` or `drift: fail` stops leaves every target as it found it. Each stage is its own module; this
 * file only says in which order they run. Never throws: every failure, expected or not, ends up in
 * `result.error` (an unexpected one is also logged with its stack).
 */
import { toErrorInfo } from './execute/error-report.js'
import type { Result } from './model.js'
import type { Settings } from './settings.js'
import { openTargets, type Targets } from './targets/open.js'
import { RunFailure, type RunIO } from './run/context.js'
import { checkDrift, recordAppliedMetadata } from './run/drift.js'
import { executeMigrations } from './run/execute.js'
import { VerifiedSchemas } from './run/verified-schema.js'
import { composeBeforeCommit } from './execute/request.js'
import { pullRequestBase, readEventPayload } from './github/event.js'
import { lintPlanned } from './run/lint.js'
import { applyMetadata, connectSources, sourcesToConnect } from './run/metadata.js'
import { compareMetadataChanges } from './run/metadata-changes.js'
import { planDatabases } from './run/plan.js'
import { pullRequestBaseLoader } from './run/pull-request-base.js'
import { projectSql, readProject } from './run/read.js'
import { emptyResult, finalStatus, finish } from './run/report.js'
import { applySeeds } from './run/seeds.js'
import { CatalogReview } from './run/verify.js'

export type { RunIO } from './run/context.js'

export async function run(settings: Settings, io: RunIO): Promise<Result> {
  const started = Date.now()
  const result = emptyResult(settings, io)
  let targets: Targets | undefined
  try {
    const project = await readProject(settings, io, result)
    targets = await openTargets(settings, project.config, io, () =>
      projectSql(project.local, project.seedFiles),
    )
    result.target = targets.migrations.info
    if (targets.metadata && !targets.migrations.capabilities.holdsMetadata)
      result.metadataTarget = targets.metadata.info
    const event = readEventPayload(io.env.GITHUB_EVENT_PATH)
    const baseCommit = pullRequestBase(io.env.GITHUB_EVENT_NAME, event)?.sha
    const baseVersions = pullRequestBaseLoader(project, io, baseCommit)
    const stage = {
      settings,
      project,
      result,
      io,
      pullRequestBase: baseVersions,
      ...(baseCommit ? { baseCommit } : {}),
    }
    const server = await compareMetadataChanges({ ...stage, targets })
    const unconnected = await sourcesToConnect(project.config, settings, project.built, targets, server)
    const planned = await planDatabases(settings, project, targets.migrations, result, unconnected)
    const catalogBefore = await lintPlanned({ ...stage, planned, target: targets.migrations, unconnected })
    const drift = await checkDrift(
      settings,
      project,
      planned,
      targets,
      result,
      io,
      unconnected,
      catalogBefore,
    )
    const verified = new VerifiedSchemas(settings, targets.migrations, drift)
    if (unconnected.size > 0) await connectSources(project.config, settings, project.built, targets, result)
    const review = await CatalogReview.start({ ...stage, planned, targets, catalogBefore })
    const reviewOptions = review.executeOptions()
    await executeMigrations(settings, planned, targets.migrations, result, io, {
      ...reviewOptions,
      // the metadata check first (its error aborts the unit), then the verified schema's digest
      beforeCommit: (w) => composeBeforeCommit(reviewOptions.beforeCommit?.(w), verified.beforeCommit(w)),
      ledger: drift.ledger,
    })
    await review.finish()
    await verified.record(planned.work, result, io)
    await applyMetadata(project.config, settings, project.built, targets, result, io)
    await recordAppliedMetadata(targets, result, io)
    await applySeeds(
      project.config,
      settings,
      project.seedFiles,
      targets.migrations,
      project.databases,
      result,
      io,
    )
    result.status = finalStatus(settings, result)
  } catch (e) {
    result.error = e instanceof RunFailure ? e.info : toErrorInfo(e)
    if (result.error.kind === 'internal' && e instanceof Error && e.stack) io.debug(e.stack)
  } finally {
    if (targets) await targets.close().catch((e: unknown) => io.debug(`closing targets: ${String(e)}`))
  }
  return finish(result, started)
}
