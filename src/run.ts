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
import { hasMetadataEndpoint, openTargets, type Targets } from './targets/open.js'
import { RunFailure, timedPart, type RunIO } from './run/context.js'
import { checkDrift, recordAppliedMetadata } from './run/drift.js'
import { executeMigrations } from './run/execute.js'
import { VerifiedSchemas } from './run/verified-schema.js'
import { composeBeforeCommit } from './execute/request.js'
import { pullRequestBase, readEventPayload } from './github/event.js'
import { lintPlanned } from './run/lint.js'
import { applyMetadata, connectSources, sourcesToConnect } from './run/metadata.js'
import { compareMetadataChanges } from './run/metadata-changes.js'
import { planDatabases } from './run/plan.js'
import { readPullRequestBase, type PullRequestBaseReads } from './run/pull-request-base.js'
import { projectSql, readProject } from './run/read.js'
import { emptyResult, finalStatus, finish } from './run/report.js'
import { applySeeds } from './run/seeds.js'
import { CatalogReview } from './run/verify.js'

export type { RunIO } from './run/context.js'

export async function run(settings: Settings, io: RunIO): Promise<Result> {
  const started = Date.now()
  const result = emptyResult(settings, io)
  const timed = <T>(name: string, stage: () => Promise<T>): Promise<T> => timedPart(io, name, stage)
  let targets: Targets | undefined
  let base: PullRequestBaseReads | undefined
  try {
    const project = await timed('read', () => readProject(settings, io, result))
    const event = readEventPayload(io.env.GITHUB_EVENT_PATH)
    const baseCommit = pullRequestBase(io.env.GITHUB_EVENT_NAME, event)?.sha
    base = readPullRequestBase(project, settings, io, baseCommit, {
      versions: settings.target.kind === 'embedded',
      metadata: project.built !== undefined && !hasMetadataEndpoint(settings.target),
    })
    const opened = await timed('open', () =>
      openTargets(settings, project.config, io, () => projectSql(project.local, project.seedFiles)),
    )
    targets = opened
    result.target = opened.migrations.info
    if (opened.metadata && !opened.migrations.capabilities.holdsMetadata)
      result.metadataTarget = opened.metadata.info
    const stage = {
      settings,
      project,
      result,
      io,
      pullRequestBase: base.versions,
      ...(baseCommit ? { baseCommit, baseMetadata: base.metadata } : {}),
    }
    const server = await timed('metadata changes', () =>
      compareMetadataChanges({ ...stage, targets: opened }),
    )
    const unconnected = await sourcesToConnect(project.config, settings, project.built, opened, server)
    const planned = await timed('plan', () =>
      planDatabases(settings, project, opened.migrations, result, unconnected),
    )
    const catalogBefore = await timed('lint', () =>
      lintPlanned({ ...stage, planned, target: opened.migrations, unconnected }),
    )
    const drift = await timed('drift', () =>
      checkDrift(settings, project, planned, opened, result, io, unconnected, catalogBefore),
    )
    const verified = new VerifiedSchemas(settings, opened.migrations, drift)
    if (unconnected.size > 0) {
      await timed('connect sources', () =>
        connectSources(project.config, settings, project.built, opened, result),
      )
    }
    const review = await timed('catalog review start', () =>
      CatalogReview.start({ ...stage, planned, targets: opened, catalogBefore }),
    )
    const reviewOptions = review.executeOptions()
    await timed('execute', () =>
      executeMigrations(settings, planned, opened.migrations, result, io, {
        ...reviewOptions,
        // the metadata check first (its error aborts the unit), then the verified schema's digest
        beforeCommit: (w) => composeBeforeCommit(reviewOptions.beforeCommit?.(w), verified.beforeCommit(w)),
        ledger: drift.ledger,
      }),
    )
    await timed('catalog review finish', () => review.finish())
    await timed('verified schema', () => verified.record(planned.work, result, io))
    await timed('metadata', () => applyMetadata(project.config, settings, project.built, opened, result, io))
    await timed('metadata digest', () => recordAppliedMetadata(opened, result, io))
    await timed('seeds', () =>
      applySeeds(
        project.config,
        settings,
        project.seedFiles,
        opened.migrations,
        project.databases,
        result,
        io,
      ),
    )
    result.status = finalStatus(settings, result)
  } catch (e) {
    result.error = e instanceof RunFailure ? e.info : toErrorInfo(e)
    if (result.error.kind === 'internal' && e instanceof Error && e.stack) io.debug(e.stack)
  } finally {
    base?.close()
    if (targets) await targets.close().catch((e: unknown) => io.debug(`closing targets: ${String(e)}`))
  }
  return finish(result, started)
}
