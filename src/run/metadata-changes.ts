/**
 * Stage 5, metadata changes: the project's metadata against a base, as a semantic diff
 * (docs/metadata-changes.md). The base is the server's metadata (`export_metadata`) when an endpoint is
 * known, else on a pull request the metadata at its base commit (read with git), else there is none and
 * the report says so. Read only, before anything is written; never fails a run: a base that cannot be
 * read is a warning with the reason.
 */
import type { BaseMetadata } from '../github/base-metadata.js'
import { short } from '../github/untrusted-code.js'
import type { MetadataChangesResult, Result } from '../model.js'
import { diffMetadataLoadingParser, type MetadataChanges } from '../review/metadata-diff.js'
import type { Settings } from '../settings.js'
import type { Targets } from '../targets/open.js'
import type { RunIO } from './context.js'
import type { ProjectRead } from './read.js'

export interface MetadataChangesStage {
  settings: Settings
  project: ProjectRead
  targets: Targets
  result: Result
  io: RunIO
  /** The pull request's base commit, when the event names one. */
  baseCommit?: string
  /** Its metadata, read through git (once per run). */
  baseMetadata?: () => Promise<BaseMetadata>
}

type Base = { base: MetadataChangesResult['base']; metadata?: unknown; note?: string }

/** Answers the server's metadata when it was read (the run needs it again: which sources to connect). */
export async function compareMetadataChanges(stage: MetadataChangesStage): Promise<unknown> {
  const { project, result, io } = stage
  const built = project.built
  if (!built) {
    const reason = stage.settings.metadata === 'skip' ? 'metadata: skip' : 'the project has no metadata'
    result.metadataChanges = none(reason)
    return undefined
  }
  let base: Base
  try {
    base = await readBase(stage)
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    if (e instanceof Error && e.stack) io.debug(e.stack)
    result.warnings.push(`Metadata changes not shown: the base could not be read (${message}).`)
    result.metadataChanges = none(`the base could not be read: ${message}`)
    return undefined
  }
  if (base.base.from === 'none') {
    result.metadataChanges = { base: base.base, sources: [], global: [] }
    return undefined
  }
  const role = io.env.HASURA_GRAPHQL_UNAUTHORIZED_ROLE?.trim()
  const diff = await diffMetadataLoadingParser(
    base.metadata,
    built.metadata,
    role ? { unauthorizedRole: role } : {},
  )
  result.metadataChanges = {
    base: base.base,
    ...changesResult(diff),
    ...(base.note ? { note: base.note } : {}),
  }
  return base.base.from === 'server' ? base.metadata : undefined
}

async function readBase(stage: MetadataChangesStage): Promise<Base> {
  const { targets } = stage
  if (targets.metadata) {
    const server = await targets.metadata.exportMetadata()
    return { base: { from: 'server', display: targets.metadata.info.display }, metadata: server.metadata }
  }
  if (!stage.baseCommit || !stage.baseMetadata) {
    return {
      base: {
        from: 'none',
        reason:
          'no endpoint to read the current metadata from, and no pull request whose base to compare with',
      },
    }
  }
  const read = await stage.baseMetadata()
  const note =
    read.note ??
    (read.metadata ? undefined : `the project had no metadata at the base commit ${short(read.commit)}`)
  return {
    base: { from: 'base-commit', commit: read.commit },
    metadata: read.metadata,
    ...(note ? { note } : {}),
  }
}

function none(reason: string): MetadataChangesResult {
  return { base: { from: 'none', reason }, sources: [], global: [] }
}

function changesResult(diff: MetadataChanges): Pick<MetadataChangesResult, 'sources' | 'global'> {
  return { sources: diff.sources, global: diff.global }
}
