/**
 * Stage 2 (connecting the project's sources) and stage 5 (applying the metadata) on the target that
 * holds the metadata: a Hasura endpoint.
 */
import { UserError } from '../errors.js'
import type { Result } from '../model.js'
import type { BuiltMetadata } from '../project/index.js'
import type { ProjectConfig } from '../project/types.js'
import type { Settings } from '../settings.js'
import type { Targets } from '../targets/open.js'
import type { RunIO } from './context.js'

/**
 * The databases the project's metadata declares that the server does not have yet (read only);
 * `server`: the server's metadata when the run has already read it.
 */
export async function sourcesToConnect(
  config: ProjectConfig,
  settings: Settings,
  built: BuiltMetadata | undefined,
  targets: Targets,
  server?: unknown,
): Promise<Set<string>> {
  if (config.version < 3 || settings.metadata === 'skip' || !built) return new Set()
  if (!targets.metadata || !targets.migrations.capabilities.holdsMetadata) return new Set()
  if (targets.metadata.generation !== 'v2') return new Set()
  const listed = (server as { sources?: { name?: unknown }[] } | undefined)?.sources
  const names = Array.isArray(listed)
    ? listed.map((s) => s.name)
    : (await targets.metadata.listDatabases()).map((d) => d.name)
  const have = new Set(names)
  const sources = Array.isArray(built.metadata.sources)
    ? (built.metadata.sources as { name?: unknown }[])
    : []
  return new Set(sources.flatMap((s) => (typeof s.name === 'string' && !have.has(s.name) ? [s.name] : [])))
}

/** A fresh Hasura server has no sources yet: connect the ones the metadata declares first, as `hasura deploy` does. */
export async function connectSources(
  config: ProjectConfig,
  settings: Settings,
  built: BuiltMetadata | undefined,
  targets: Targets,
  result: Result,
): Promise<void> {
  if (config.version < 3 || settings.metadata === 'skip' || settings.dryRun !== false) return
  if (!targets.metadata || !targets.migrations.capabilities.holdsMetadata) return
  if (!built) return
  const added = await targets.metadata.connectSources(built.metadata)
  if (added.length)
    result.notices.push(`connected database(s) ${added.join(', ')} from the project's metadata first`)
}

export async function applyMetadata(
  config: ProjectConfig,
  settings: Settings,
  built: BuiltMetadata | undefined,
  targets: Targets,
  result: Result,
  io: RunIO,
): Promise<void> {
  if (settings.metadata === 'skip') {
    result.metadata = { status: 'skipped', message: 'metadata: skip', inconsistentObjects: [] }
    return
  }
  if (!built) {
    result.metadata = { status: 'skipped', message: 'the project has no metadata', inconsistentObjects: [] }
    return
  }
  if (!targets.metadata) {
    result.metadata = {
      status: 'skipped',
      message: 'no endpoint: metadata is applied only to a Hasura GraphQL Engine',
      inconsistentObjects: [],
    }
    return
  }
  if (settings.dryRun !== false) {
    result.metadata = {
      status: 'planned',
      message: `${built.files.length} metadata file(s) would be applied`,
      inconsistentObjects: [],
    }
    return
  }
  const hasura = targets.metadata
  const outcome = await io.group('Metadata', () =>
    hasura.applyMetadata(built.metadata, {
      configVersion: config.version,
      allowInconsistent: settings.allowInconsistentMetadata,
      dryRun: false,
    }),
  )
  result.metadata = outcome
  if (outcome.status === 'inconsistent' && !settings.allowInconsistentMetadata) {
    result.metadata = { ...outcome, status: 'failed' }
    const names = outcome.inconsistentObjects.map((o) => `${o.type} ${o.name}`).slice(0, 5)
    throw new UserError(
      `metadata is inconsistent (${outcome.inconsistentObjects.length} object(s): ${names.join('; ')}); the migrations stay applied — fix the metadata, or set allow-inconsistent-metadata: true`,
      { file: config.metadataFile ?? config.metadataDirectory },
    )
  }
  if (outcome.status === 'failed') {
    throw new UserError(
      `metadata apply failed: ${outcome.message ?? 'unknown error'}; the migrations stay applied`,
      {
        file: config.metadataFile ?? config.metadataDirectory,
      },
    )
  }
}
