/**
 * The embedded target: an empty in-memory PostgreSQL (PGlite, WebAssembly) per run and database, for
 * rehearsing a project without a server. PGlite is loaded with a dynamic `import()` so that runs against a real
 * target never load it. Same engine, transport, locks and state statements as the PostgreSQL target.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { CatalogSnapshot } from '../../catalog/types.js'
import { SqlDatabase } from '../sql/sql-database.js'
import type { SqlSession } from '../sql/session.js'
import type { ExecuteRequest, ExecuteResult, TargetState } from '../../execute/request.js'
import type { SeedRequest, SeedResult, Target, TargetCapabilities, TargetInfo } from '../target.js'
import { explainEmbeddedFailure } from './explain.js'
import { EMBEDDED_EXTENSIONS, loadExtensions } from './extensions.js'
import { PgliteSession } from './pglite-session.js'

export { mentionedExtensions } from './extensions.js'

export interface EmbeddedOptions {
  configVersion: 1 | 2 | 3
  /** Statement limit (PGlite runs statements in this thread, so it cannot interrupt one). */
  timeoutMs: number
  /** Contrib extensions to load (default: every one in `EMBEDDED_EXTENSIONS`); see `mentionedExtensions`. */
  extensions?: readonly string[]
}

interface Instance {
  session: PgliteSession
  database: SqlDatabase
}

/**
 * Each database of the project gets a PostgreSQL of its own, as each Hasura source is a database of
 * its own: in one shared instance a second database would find the first one's state and objects.
 */
class EmbeddedTarget implements Target {
  readonly capabilities: TargetCapabilities = {
    ephemeral: true,
    yamlMetadataSteps: 'skip',
    holdsMetadata: false,
    readsByRehearsal: false,
  }
  private readonly instances = new Map<string, Promise<Instance>>()
  /** The instance started with the target: it serves the first database asked for. */
  private first: PgliteSession | undefined

  constructor(
    readonly info: TargetInfo,
    first: PgliteSession,
    private readonly start: () => Promise<PgliteSession>,
    private readonly options: EmbeddedOptions,
  ) {
    this.first = first
  }

  private instance(database: string): Promise<Instance> {
    let instance = this.instances.get(database)
    if (!instance) {
      const session = this.first ?? this.start()
      this.first = undefined
      instance = Promise.resolve(session).then((s) => ({ session: s, database: this.databaseFor(s) }))
      this.instances.set(database, instance)
    }
    return instance
  }

  private databaseFor(session: PgliteSession): SqlDatabase {
    return new SqlDatabase({
      configVersion: this.options.configVersion,
      session: () => Promise.resolve(session),
      redact: (text) => text,
      explain: explainEmbeddedFailure,
    })
  }

  async readState(database: string): Promise<TargetState> {
    return (await this.instance(database)).database.readState(database)
  }

  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return (await this.instance(request.database)).database.execute(request)
  }

  /** What this run has created so far: the database starts empty. */
  async snapshot(database: string): Promise<CatalogSnapshot> {
    return (await this.instance(database)).database.snapshot(database)
  }

  async applySeeds(request: SeedRequest): Promise<SeedResult> {
    return (await this.instance(request.database)).database.applySeeds(request)
  }

  async close(): Promise<void> {
    const started = await Promise.allSettled(this.instances.values())
    const sessions = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.session] : []))
    if (this.first) sessions.push(this.first)
    await Promise.all(sessions.map((s) => s.close()))
  }
}

/** The target and, for tests and diagnostics, the session of the first database it serves. */
export interface EmbeddedDatabase {
  target: Target
  session: SqlSession
}

/**
 * The data directory `npm run bundle` initialised with the bundled PGlite, beside the bundle in dist/;
 * undefined when running from source, where PGlite runs initdb itself (about 2 s more). Unpacked here:
 * given the .tar.gz, PGlite first fails to untar it, then inflates it through a stream (~0.25 s more).
 */
function initialisedDataDir(): Blob | undefined {
  let packed: Buffer
  try {
    packed = readFileSync(new URL('./pglite-datadir.tar.gz', import.meta.url))
  } catch {
    return undefined
  }
  return new Blob([gunzipSync(packed)])
}

/**
 * Starts an empty in-memory database: about 0.6 s here from the bundle's initialised data directory,
 * about 3 s when PGlite must run initdb (measured on a shared 2-core machine).
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<Target> {
  return (await openEmbedded(options)).target
}

export async function openEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const [{ PGlite }, extensions] = await Promise.all([
    import('@electric-sql/pglite'),
    loadExtensions(options.extensions ?? EMBEDDED_EXTENSIONS),
  ])
  const start = async (): Promise<PgliteSession> => {
    const loadDataDir = initialisedDataDir()
    return new PgliteSession(await PGlite.create({ extensions, ...(loadDataDir ? { loadDataDir } : {}) }))
  }
  const session = await start()
  const [row] = await session.query('SELECT version() AS version')
  // `PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten, …` → `PostgreSQL 18.6 (PGlite 0.5.16)`
  const serverVersion = typeof row?.version === 'string' ? row.version.split(' on ')[0] : undefined
  const info: TargetInfo = {
    kind: 'embedded',
    display: 'PGlite, in memory',
    ...(serverVersion ? { serverVersion } : {}),
  }
  return { target: new EmbeddedTarget(info, session, start, options), session }
}
