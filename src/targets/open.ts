/** Settings → connected targets. Each adapter is imported only when chosen, so a run loads what it uses. */
import type { ProjectConfig } from '../project/types.js'
import type { Settings, TargetSettings } from '../settings.js'
import { displayEndpoint } from './hasura/http.js'
import type { HasuraTarget } from './hasura/index.js'
import { redactUrl } from './postgres/redact.js'
import type { Target, TargetInfo } from './target.js'

export interface Targets {
  /** Runs migrations and seeds. */
  migrations: Target
  /** Receives metadata: the Hasura endpoint when one is known. */
  metadata?: HasuraTarget
  close(): Promise<void>
}

interface OpenIO {
  info(message: string): void
  signal?: AbortSignal
  runUrl?: string
}

/**
 * `projectSql`: every SQL text the run may execute (migrations both ways, seeds); the embedded
 * database loads only the extensions they name (without it, all it has).
 */
export async function openTargets(
  settings: Settings,
  config: ProjectConfig,
  io: OpenIO,
  projectSql?: () => Iterable<string>,
): Promise<Targets> {
  const t = settings.target
  const common = { configVersion: config.version, timeoutMs: settings.timeoutMs, signal: io.signal }
  const connectHasura = async (endpoint: string, adminSecret?: string): Promise<HasuraTarget> => {
    const { connectHasura } = await import('./hasura/index.js')
    return connectHasura({ endpoint, adminSecret, runUrl: io.runUrl, ...common })
  }
  if (t.kind === 'embedded' && settings.dryRun === 'plan') {
    // the embedded database starts empty: a plan needs no database at all
    const migrations = planOnlyEmbedded()
    return { migrations, close: async () => {} }
  }
  if (t.kind === 'embedded') {
    io.info('No database-url or endpoint: rehearsing on an embedded PostgreSQL (in this process, empty)')
    const { mentionedExtensions, startEmbedded } = await import('./embedded/embedded-target.js')
    const migrations = await startEmbedded({
      ...common,
      ...(projectSql ? { extensions: mentionedExtensions(projectSql()) } : {}),
    })
    return { migrations, close: () => migrations.close() }
  }
  if (t.kind === 'hasura') {
    const hasura = await connectHasura(t.endpoint, t.adminSecret)
    return { migrations: hasura, metadata: hasura, close: () => hasura.close() }
  }
  const { connectPostgres } = await import('./postgres/postgres-target.js')
  const migrations = await connectPostgres({ url: t.databaseUrl, ...common })
  let metadata: HasuraTarget | undefined
  try {
    if (t.endpoint) metadata = await connectHasura(t.endpoint, t.adminSecret)
  } catch (e) {
    await migrations.close()
    throw e
  }
  return {
    migrations,
    metadata,
    close: async () => {
      await Promise.allSettled([migrations.close(), metadata?.close()])
    },
  }
}

/** Whether the run has a Hasura endpoint to send metadata to (`Targets.metadata` once opened). */
export function hasMetadataEndpoint(t: TargetSettings): boolean {
  return t.kind === 'hasura' || (t.kind === 'postgres' && t.endpoint !== undefined)
}

/**
 * The target as the report names it before (or without) connecting, so that a run whose connection
 * fails still says where it went; the connected target's own info replaces it.
 */
export function targetInfoOf(t: TargetSettings): TargetInfo {
  switch (t.kind) {
    case 'postgres':
      return { kind: 'postgres', display: redactUrl(t.databaseUrl, process.env).display }
    case 'hasura':
      return { kind: 'hasura', display: displayEndpoint(t.endpoint) }
    case 'embedded':
      return { kind: 'embedded', display: '' }
  }
}

/** The embedded target of a plan-only dry run: empty state, never started, refuses to execute. */
function planOnlyEmbedded(): Target {
  const refuse = (): Error => new Error('a plan-only dry run executes nothing')
  return {
    info: { kind: 'embedded', display: 'PGlite, not started (plan only: it would start empty)' },
    capabilities: {
      ephemeral: true,
      yamlMetadataSteps: 'skip',
      holdsMetadata: false,
      readsByRehearsal: false,
    },
    readState: () => Promise.resolve({ versions: new Map() }),
    execute: () => Promise.reject(refuse()),
    applySeeds: () => Promise.reject(refuse()),
    close: async () => {},
  }
}
