/**
 * Drift and integrity, after planning and before anything runs (in every mode; `dry-run: plan` reads
 * only): per database, the ledger against the local up files (edited after apply, unverified) and the
 * schema against a replay of the applied versions on the embedded database; with an endpoint, the
 * server's metadata against the digest recorded when it was last applied. `drift: fail` stops the run
 * here when drift is found. The stage also says what the run's writing units record in the ledger, and
 * records the metadata digest once metadata is applied. `drift: off` reads nothing.
 */
import { randomUUID } from 'node:crypto'
import {
  checkIntegrity,
  localUpFiles,
  type EditedAfterApply,
  type IntegrityReport,
} from '../drift/integrity.js'
import {
  ENSURE_LEDGER_SQL,
  METADATA_DATABASE,
  readLedger,
  recordMetadataSql,
  type VerifiedSchema,
} from '../drift/ledger.js'
import type { MetadataDrift, ServerMetadata } from '../drift/metadata-digest.js'
import {
  driftFails,
  driftOutput,
  type DatabaseDrift as CoreDatabaseDrift,
  type DriftReport,
  type SchemaDriftResult,
} from '../drift/outcome.js'
import type { ReplayCache } from '../drift/replay.js'
import type { CatalogSnapshot } from '../catalog/types.js'
import { UserError } from '../errors.js'
import type { LedgerWrites } from '../execute/request.js'
import type { DatabaseDrift, DriftResult, EditedMigration, MetadataDriftResult, Result } from '../model.js'
import type { DatabaseMigrations } from '../project/types.js'
import { driftLogLines, driftSummary } from '../report/drift-report.js'
import type { Settings } from '../settings.js'
import type { HasuraTarget } from '../targets/hasura/index.js'
import type { Targets } from '../targets/open.js'
import type { TextQuery } from '../targets/target.js'
import type { RunIO, DatabaseWork } from './context.js'
import type { Planned } from './plan.js'
import type { ProjectRead } from './read.js'

/** What the run's writing units record in each database's ledger. */
export type LedgerPlan = (database: string) => LedgerWrites | undefined

/** A database's schema as the check left it: its digests, to record once the run has written. */
export interface SchemaVerification {
  schemaDigest: string
  appliedDigest: string
  /** A replay vouched for it in this run (not a digest recorded before). */
  replayed: boolean
}

/** What the drift stage hands on: the ledger rows, and each clean database's verified schema. */
export interface DriftStage {
  ledger: LedgerPlan
  /** Databases whose check found nothing (no edit, no schema drift) and whose schema could be digested. */
  verified: ReadonlyMap<string, SchemaVerification>
  run: Pick<LedgerWrites, 'runId' | 'runUrl' | 'commit'>
}

const EMBEDDED_REASON = 'the embedded database starts empty every run: there is nothing for it to drift from'

/** One id per run, the workflow run and the commit: what every ledger row of this run carries. */
function runIdentity(io: RunIO): Pick<LedgerWrites, 'runId' | 'runUrl' | 'commit'> {
  const commit = io.env.GITHUB_SHA?.trim()
  return { runId: randomUUID(), ...(io.runUrl ? { runUrl: io.runUrl } : {}), ...(commit ? { commit } : {}) }
}

/**
 * Checks drift (unless `drift: off`), puts it in `result.drift`, and throws when `drift: fail` found
 * some. Answers what each database's writing units record in the ledger.
 */
export async function checkDrift(
  settings: Settings,
  project: ProjectRead,
  planned: Planned,
  targets: Targets,
  result: Result,
  io: RunIO,
  /** Databases the Hasura server does not have yet (the run connects them): nothing there to check. */
  unconnected: ReadonlySet<string> = new Set(),
  /** The target's schemas the lint stage already read before the run: not read a second time. */
  catalogBefore: ReadonlyMap<string, CatalogSnapshot> = new Map(),
): Promise<DriftStage> {
  const target = targets.migrations
  const run = runIdentity(io)
  const nothing = { adopt: [], accept: [], stale: [] }
  // the embedded database is thrown away: nothing to record, nothing to check
  const recording: LedgerPlan = target.capabilities.ephemeral
    ? () => undefined
    : () => ({ ...run, ...nothing })
  if (settings.drift === 'off' || !target.readQuery) {
    const reason = settings.drift === 'off' ? 'drift: off' : EMBEDDED_REASON
    result.drift = { status: 'not-checked', mode: settings.drift, reason, databases: [] }
    if (settings.drift === 'off' && settings.acceptEditedMigrations.length > 0)
      result.notices.push('accept-edited-migrations is ignored with drift: off (nothing is checked)')
    return { ledger: recording, verified: new Map(), run }
  }
  const readQuery = target.readQuery.bind(target)
  const { ReplayCache } = await import('../drift/replay.js')
  const cache = new ReplayCache()
  const accept = new Set(settings.acceptEditedMigrations)
  const writes = new Map<string, LedgerWrites>()
  const verified = new Map<string, SchemaVerification>()
  const core: CoreDatabaseDrift[] = []
  const checked = await io.group('Drift', async () => {
    const databases: DatabaseDrift[] = []
    for (const w of planned.work) {
      if (unconnected.has(w.migrations.name)) continue
      const { verification, ...one } = await checkDatabase(
        w,
        readQuery(w.migrations.name),
        accept,
        cache,
        catalogBefore.get(w.migrations.name),
      )
      core.push(one)
      if (verification && one.integrity.edited.length === 0) verified.set(w.migrations.name, verification)
      const shown = databaseResult(one.database, one.integrity, one.schema)
      databases.push(shown)
      writes.set(w.migrations.name, { ...run, ...ledgerRows(w, one.integrity) })
      for (const line of driftLogLines(shown)) io.info(line)
    }
    const metadata = targets.metadata ? await checkMetadata(targets.metadata, project, io) : undefined
    if (metadata) io.info(`metadata: ${metadata.result.message}`)
    return { databases, metadata }
  })
  const report: DriftReport = {
    databases: core,
    ...(checked.metadata ? { metadata: checked.metadata.core } : {}),
  }
  const drift: DriftResult = {
    status: driftOutput(report),
    mode: settings.drift,
    databases: checked.databases,
    ...(checked.metadata ? { metadata: checked.metadata.result } : {}),
  }
  result.drift = drift
  if (driftFails(report, settings.drift)) {
    throw new UserError(
      `drift found (${driftSummary(drift)}) and drift is fail: nothing was run. Bring the target back to what the repository says (see the Drift section), or acknowledge an edited migration with accept-edited-migrations`,
      { input: 'drift' },
    )
  }
  return { ledger: (database) => writes.get(database) ?? recording(database), verified, run }
}

async function checkDatabase(
  w: DatabaseWork,
  query: TextQuery,
  accept: ReadonlySet<bigint>,
  cache: ReplayCache,
  known: CatalogSnapshot | undefined,
): Promise<CoreDatabaseDrift & { schema: SchemaDriftResult; verification: SchemaVerification | undefined }> {
  const database = w.migrations.name
  const applied = w.state.versions
  const ledger = await readLedger(query, database)
  const integrity = checkIntegrity(
    ledger.entries,
    applied.keys(),
    localUpFiles(w.migrations, applied.keys()),
    {
      accept,
    },
  )
  const { schema, verification } = await schemaDrift(
    w.migrations,
    applied,
    query,
    cache,
    ledger.verifiedSchema,
    known,
  )
  return { database, integrity, schema, verification }
}

/** A fresh database's snapshot: the `public` schema and `plpgsql` (versions are never compared). */
const FRESH_DATABASE: CatalogSnapshot = {
  serverVersion: 0,
  schemas: ['public'],
  relations: [],
  functions: [],
  enums: [],
  sequences: [],
  extensions: [{ name: 'plpgsql', schema: 'pg_catalog', version: '1.0' }],
}

/**
 * The target's schema against the replay of its applied versions, or why that cannot be said. No replay
 * when the ledger holds the same schema and applied-set digests from a check a replay vouched for; the
 * digests of a schema found equal to its replay come back, to be recorded.
 */
async function schemaDrift(
  migrations: DatabaseMigrations,
  applied: ReadonlyMap<bigint, boolean>,
  query: TextQuery,
  cache: ReplayCache,
  recorded: VerifiedSchema | undefined,
  known: CatalogSnapshot | undefined,
): Promise<{ schema: SchemaDriftResult; verification?: SchemaVerification }> {
  const [
    { isNotChecked, replayFilesFor },
    { takeSnapshot },
    { compareSchemas },
    { schemaDigest, appliedSetDigest },
  ] = await Promise.all([
    import('../drift/replay.js'),
    import('../catalog/snapshot.js'),
    import('../drift/schema-drift.js'),
    import('../drift/schema-digest.js'),
  ])
  const files = replayFilesFor(migrations, applied)
  if ('notChecked' in files) return { schema: { notChecked: files.notChecked } }
  try {
    const target = known ?? (await takeSnapshot(query))
    const digest = {
      schemaDigest: schemaDigest(target),
      appliedDigest: appliedSetDigest(files.files),
    }
    if (recorded?.schemaDigest === digest.schemaDigest && recorded.appliedDigest === digest.appliedDigest) {
      const { by, checkedAt, runUrl } = recorded
      const unchangedSince = { by, ...(checkedAt ? { checkedAt } : {}), ...(runUrl ? { runUrl } : {}) }
      return { schema: { items: [], unchangedSince }, verification: { ...digest, replayed: false } }
    }
    // nothing applied defines a fresh database: no embedded one is started to say so (a first deploy)
    const replay = files.files.length === 0 ? { snapshot: FRESH_DATABASE } : await cache.get(files.files)
    if (isNotChecked(replay)) return { schema: { notChecked: replay.notChecked } }
    const items = compareSchemas(target, replay.snapshot)
    // a fresh database is not worth recording: it is checked without a replay anyway
    const replayed = files.files.length > 0
    return { schema: { items }, ...(items.length === 0 ? { verification: { ...digest, replayed } } : {}) }
  } catch (e) {
    // a check that cannot run says so; it never stops a deploy by itself
    return {
      schema: {
        notChecked: `the schemas could not be compared: ${e instanceof Error ? e.message : String(e)}`,
      },
    }
  }
}

/**
 * What the first writing unit records besides its steps: the local hash of unverified versions (trust
 * on first use), acknowledged edits, and rows of versions the state no longer holds. Versions this run's
 * plan changes are left to their steps.
 */
function ledgerRows(w: DatabaseWork, integrity: IntegrityReport): Omit<LedgerWrites, 'runId'> {
  const planned = new Set(w.plan.steps.map((s) => s.version))
  return {
    adopt: integrity.unverified
      .filter((u) => !planned.has(u.version))
      .map((u) => ({ version: u.version, name: u.name, sha256: u.sha256 })),
    accept: integrity.accepted
      .filter((e) => !planned.has(e.version))
      .map((e) => ({ version: e.version, sha256: e.local })),
    stale: integrity.stale.filter((v) => !planned.has(v)),
  }
}

interface CheckedMetadata {
  core: MetadataDrift
  result: MetadataDriftResult
}

/** The server's metadata against the digest recorded when this action last applied it. */
async function checkMetadata(
  hasura: HasuraTarget,
  project: ProjectRead,
  io: RunIO,
): Promise<CheckedMetadata> {
  const { compareMetadata, metadataDriftMessage } = await import('../drift/metadata-digest.js')
  const server = await hasura.exportMetadata()
  const database = metadataLedgerDatabase(server)
  const recorded = database
    ? (await readLedger(hasura.readQuery(database), METADATA_DATABASE)).metadata
    : undefined
  const core = compareMetadata(recorded, server)
  const result: MetadataDriftResult = {
    status: core.status,
    message: metadataDriftMessage(core),
    changes: [],
  }
  if (core.status === 'changed') {
    const { metadataDriftDiff } = await import('../drift/metadata-drift.js')
    const { allChanges } = await import('../review/metadata-diff.js')
    const diff = await metadataDriftDiff(core, server, {
      config: project.config,
      env: io.env,
      ...(project.config.migrationsDirectory ? { migrationsDir: project.config.migrationsDirectory } : {}),
    })
    if (diff) {
      const bySource = new Map(
        diff.changes.sources.flatMap((s) => s.changes.map((c) => [c, s.source] as const)),
      )
      result.changes = allChanges(diff.changes).map((c) => ({
        ...(bySource.has(c) ? { source: bySource.get(c) } : {}),
        summary: c.summary,
        widens: c.widens,
        details: c.details,
      }))
      if (diff.note) result.note = diff.note
    }
  }
  return { core, result }
}

/**
 * Where the metadata's ledger row lives: one place per server, whatever databases a run selects — the
 * source `default` when the server has one, else its first PostgreSQL source.
 */
export function metadataLedgerDatabase(server: ServerMetadata): string | undefined {
  const m = server.metadata as { sources?: { name?: unknown; kind?: unknown }[] } | undefined
  if (!m || !Array.isArray(m.sources)) return 'default'
  const sources = m.sources.filter(
    (s): s is { name: string; kind?: unknown } =>
      typeof s.name === 'string' && (s.kind === undefined || s.kind === 'postgres'),
  )
  return sources.find((s) => s.name === 'default')?.name ?? sources[0]?.name
}

/**
 * After metadata was applied: the digest of what the server now reports, recorded in the ledger, so that
 * a later run can tell whether someone changed it outside the action.
 */
export async function recordAppliedMetadata(targets: Targets, result: Result, io: RunIO): Promise<void> {
  const hasura = targets.metadata
  if (!hasura || (result.metadata.status !== 'applied' && result.metadata.status !== 'inconsistent')) return
  const { metadataDigest } = await import('../drift/metadata-digest.js')
  try {
    const server = await hasura.exportMetadata()
    const database = metadataLedgerDatabase(server)
    if (!database) {
      result.notices.push('the server has no PostgreSQL source: the applied metadata digest was not recorded')
      return
    }
    const record = recordMetadataSql({
      digest: metadataDigest(server.metadata),
      ...(server.resourceVersion !== undefined ? { resourceVersion: server.resourceVersion } : {}),
      ...runIdentity(io),
    })
    await hasura.writeSql(
      database,
      `${ENSURE_LEDGER_SQL};\n${record}`,
      `recording the applied metadata's digest in the ledger of database '${database}'`,
    )
  } catch (e) {
    // the metadata is applied: only the next run's metadata drift check is the worse for it
    const message = `recording the applied metadata's digest failed (${e instanceof Error ? e.message : String(e)}): the next run may report metadata drift from the previous digest`
    result.warnings.push(message)
    io.warning(message)
  }
}

function edited(e: EditedAfterApply): EditedMigration {
  return {
    version: e.version.toString(),
    name: e.name,
    file: e.file,
    recorded: e.recorded,
    local: e.local,
    origin: e.origin,
    ...(e.appliedAt ? { appliedAt: e.appliedAt } : {}),
    ...(e.runUrl ? { runUrl: e.runUrl } : {}),
    ...(e.commit ? { commit: e.commit } : {}),
  }
}

function databaseResult(database: string, i: IntegrityReport, schema: SchemaDriftResult): DatabaseDrift {
  return {
    database,
    edited: i.edited.map(edited),
    accepted: i.accepted.map(edited),
    unverified: i.unverified.map((u) => ({ version: u.version.toString(), name: u.name, file: u.file })),
    unusedAcceptances: i.unusedAcceptances.map(String),
    schema:
      'notChecked' in schema
        ? schema
        : {
            entries: schema.items.map((item) => ({ ...item })),
            ...(schema.unchangedSince ? { unchangedSince: schema.unchangedSince } : {}),
          },
  }
}
