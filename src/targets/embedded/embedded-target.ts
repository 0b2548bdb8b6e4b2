/**
 * The embedded target: an empty in-memory PostgreSQL (PGlite, WebAssembly) per run, for rehearsing a
 * project without a server. PGlite is loaded with a dynamic `import()` so that runs against a real
 * target never load it. Same executor, locks and state statements as the PostgreSQL target.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { AppliedState } from '../../plan/types.js'
import { SqlExecutor } from '../sql/executor.js'
import type { SqlSession } from '../sql/session.js'
import type { ExecuteRequest, ExecuteResult, SeedRequest, SeedResult, Target, TargetInfo } from '../target.js'
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

class EmbeddedTarget implements Target {
  private readonly executor: SqlExecutor

  constructor(
    readonly info: TargetInfo,
    private readonly session: PgliteSession,
    options: EmbeddedOptions,
  ) {
    this.executor = new SqlExecutor({
      configVersion: options.configVersion,
      session: () => Promise.resolve(this.session),
      redact: (text) => text,
      explain: explainEmbeddedFailure,
      // thrown away after the run, with no Hasura to send them to: the plan warns instead
      yamlMetadataSteps: 'skip',
    })
  }

  readState(database: string): Promise<AppliedState> {
    return this.executor.readState(database)
  }

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return this.executor.execute(request)
  }

  applySeeds(request: SeedRequest): Promise<SeedResult> {
    return this.executor.applySeeds(request)
  }

  close(): Promise<void> {
    return this.session.close()
  }
}

/** The target and, for tests and diagnostics, the session behind it. */
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
  const loadDataDir = initialisedDataDir()
  const db = await PGlite.create({ extensions, ...(loadDataDir ? { loadDataDir } : {}) })
  const session = new PgliteSession(db)
  const [row] = await session.query('SELECT version() AS version')
  // `PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten, …` → `PostgreSQL 18.6 (PGlite 0.5.16)`
  const serverVersion = typeof row?.version === 'string' ? row.version.split(' on ')[0] : undefined
  const info: TargetInfo = {
    kind: 'embedded',
    display: 'PGlite, in memory',
    ...(serverVersion ? { serverVersion } : {}),
  }
  return { target: new EmbeddedTarget(info, session, options), session }
}
