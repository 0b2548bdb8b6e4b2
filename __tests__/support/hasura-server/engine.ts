/**
 * The engine behind the test server: Hasura's query and metadata APIs over real PostgreSQL databases,
 * with the metadata and catalog state kept in the metadata database as Hasura keeps them.
 */
import pg from 'pg'
import {
  getCatalogState,
  initCatalog,
  readMetadata,
  setCatalogState,
  SOURCE_INIT_SQL,
  writeMetadata,
  type Metadata,
} from './catalog.js'
import { isObject, qualified, sourcesOf, toV2, toV3, type Source } from './metadata-format.js'
import { err400, QErr } from './qerr.js'
import {
  execSql,
  execStatementsAlone,
  inTransaction,
  needsMetadataCheck,
  parseRunSqlArgs,
  type RunSqlResult,
} from './run-sql.js'
import { droppedTrackedTables, inconsistentObjects, type InconsistentObject } from './schema-cache.js'

export type ServerGeneration = 'v2' | 'v1'

export interface EngineOptions {
  databaseUrl: string
  metadataDatabaseUrl?: string
  serverGeneration: ServerGeneration
  sources: { name: string; databaseUrl: string }[]
  connectDefaultSource: boolean
  env: Record<string, string>
}

type Queryable = Pick<pg.ClientBase, 'query'>

const DEFAULT_POOL_SETTINGS = { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 }

function sourceConfiguration(envVar: string): Record<string, unknown> {
  return {
    connection_info: {
      database_url: { from_env: envVar },
      isolation_level: 'read-committed',
      pool_settings: DEFAULT_POOL_SETTINGS,
      use_prepared_statements: false,
    },
  }
}

const envNameFor = (source: string): string =>
  source === 'default'
    ? 'HASURA_GRAPHQL_DATABASE_URL'
    : `HASURA_TEST_SOURCE_${source.toUpperCase().replace(/\W/g, '_')}_URL`

export class Engine {
  readonly metadataUrl: string
  private readonly metadataPool: pg.Pool
  private readonly pools = new Map<string, pg.Pool>()
  private readonly initialised = new Set<string>()
  private readonly env: Record<string, string>
  /** The schema cache's verdict, rebuilt on every metadata change and reload. */
  inconsistent: InconsistentObject[] = []

  constructor(readonly options: EngineOptions) {
    this.metadataUrl = options.metadataDatabaseUrl ?? options.databaseUrl
    this.metadataPool = new pg.Pool({ connectionString: this.metadataUrl, max: 6 })
    // A connection killed while idle (a test dropping its database) must not take the process down.
    this.metadataPool.on('error', () => undefined)
    this.env = { ...options.env, [envNameFor('default')]: options.databaseUrl }
    for (const s of options.sources) this.env[envNameFor(s.name)] = s.databaseUrl
  }

  get generation(): ServerGeneration {
    return this.options.serverGeneration
  }

  async start(): Promise<void> {
    if (this.generation === 'v1' && this.metadataUrl !== this.options.databaseUrl) {
      throw new Error('a v1-generation server keeps its metadata in its one database: no metadataDatabaseUrl')
    }
    const sources: Source[] = []
    if (this.options.connectDefaultSource) sources.push(this.sourceEntry('default'))
    for (const s of this.options.sources) sources.push(this.sourceEntry(s.name))
    await initCatalog(this.metadataPool, { version: 3, sources })
    await this.rebuild((await readMetadata(this.metadataPool)).metadata)
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.end()))
    await this.metadataPool.end()
  }

  private sourceEntry(name: string): Source {
    return { name, kind: 'postgres', tables: [], configuration: sourceConfiguration(envNameFor(name)) }
  }

  // ---- sources ---------------------------------------------------------------------------------

  private databaseUrlOf(source: Source): string | { error: string } {
    const info = isObject(source.configuration) ? source.configuration.connection_info : undefined
    const url = isObject(info) ? info.database_url : undefined
    if (typeof url === 'string') return url
    if (isObject(url) && typeof url.from_env === 'string') {
      const v = this.env[url.from_env] ?? process.env[url.from_env]
      return v ?? { error: `environment variable '${url.from_env}' not set` }
    }
    if (isObject(url) && isObject(url.connection_parameters)) {
      const p = url.connection_parameters
      const text = (v: unknown, fallback: string): string =>
        typeof v === 'string' || typeof v === 'number' ? String(v) : fallback
      const u = new URL('postgres://localhost')
      u.hostname = text(p.host, 'localhost')
      u.port = text(p.port, '5432')
      u.username = text(p.username, '')
      u.password = text(p.password, '')
      u.pathname = '/' + text(p.database, '')
      return u.toString()
    }
    return { error: 'the source configuration has no database_url' }
  }

  private poolFor(source: Source): pg.Pool | { error: string } {
    const url = this.databaseUrlOf(source)
    if (typeof url !== 'string') return url
    let pool = this.pools.get(url)
    if (!pool) {
      pool = new pg.Pool({ connectionString: url, max: 10 })
      // A connection that dies while idle must not take the test process down.
      pool.on('error', () => undefined)
      this.pools.set(url, pool)
    }
    return pool
  }

  /** Hasura initialises each source's catalogue when it builds the schema cache. */
  private async initSource(source: Source): Promise<void> {
    const pool = this.poolFor(source)
    if (!('query' in pool)) return
    const url = this.databaseUrlOf(source) as string
    if (this.initialised.has(url)) return
    await pool.query(SOURCE_INIT_SQL).catch(() => undefined)
    this.initialised.add(url)
  }

  private async sourceNamed(name: string, path: string): Promise<{ source: Source; pool: pg.Pool }> {
    const { metadata } = await readMetadata(this.metadataPool)
    const source = sourcesOf(metadata).find((s) => s.name === name)
    if (!source) throw err400('not-exists', `source with name "${name}" does not exist`, path)
    const pool = this.poolFor(source)
    if (!('query' in pool)) throw err400('unexpected', `source with name "${name}" is inconsistent`, path)
    return { source, pool }
  }

  private async rebuild(metadata: Metadata): Promise<InconsistentObject[]> {
    for (const s of sourcesOf(metadata)) await this.initSource(s)
    this.inconsistent = await inconsistentObjects(metadata, (s) => this.poolFor(s))
    return this.inconsistent
  }

  // ---- run_sql / bulk ----------------------------------------------------------------------------

  async runSql(argsIn: unknown, path: string): Promise<RunSqlResult> {
    const args = parseRunSqlArgs(argsIn, path)
    const { source, pool } = await this.sourceNamed(args.source, path)
    const client = await pool.connect()
    let broken = false
    try {
      if (args.no_transaction) return await execStatementsAlone(client, args.sql, path)
      const check = needsMetadataCheck(args)
      let dropped: Awaited<ReturnType<typeof droppedTrackedTables>> | undefined
      const result = await inTransaction(client, args.read_only, async () => {
        const r = await execSql(client, args.sql, path)
        if (check) {
          dropped = await droppedTrackedTables(source, client)
          if (dropped.dependents.length && !args.cascade) {
            throw err400(
              'dependency-error',
              `cannot drop due to the following dependent objects: ${dropped.dependents.join(', ')}`,
              path,
            )
          }
        }
        return r
      })
      if (dropped?.dropped.length) await this.untrackDropped(source.name, dropped.dropped, args.cascade)
      return result
    } catch (e) {
      broken = !(e instanceof QErr)
      throw e
    } finally {
      client.release(broken)
    }
  }

  private async untrackDropped(
    sourceName: string,
    dropped: { schema: string; name: string }[],
    cascade: boolean,
  ): Promise<void> {
    const { metadata } = await readMetadata(this.metadataPool)
    const gone = new Set(dropped.map((d) => `${d.schema}.${d.name}`))
    const isGone = (t: unknown): boolean => {
      const q = qualified(t)
      return gone.has(`${q.schema}.${q.name}`)
    }
    const next = {
      ...metadata,
      sources: sourcesOf(metadata).map((s) => {
        if (s.name !== sourceName) return s
        const tables = s.tables
          .filter((t) => !isGone(t.table))
          .map((t) => {
            if (!cascade) return t
            const keep = (rels: unknown): unknown[] =>
              (Array.isArray(rels) ? rels : []).filter((r) => {
                const using = isObject(r) && isObject(r.using) ? r.using : {}
                const fk = isObject(using.foreign_key_constraint_on)
                  ? using.foreign_key_constraint_on.table
                  : undefined
                const manual = isObject(using.manual_configuration)
                  ? using.manual_configuration.remote_table
                  : undefined
                const remote = fk ?? manual
                return remote === undefined || !isGone(remote)
              })
            return {
              ...t,
              object_relationships: keep(t.object_relationships),
              array_relationships: keep(t.array_relationships),
            }
          })
        return { ...s, tables }
      }),
    }
    await writeMetadata(this.metadataPool, next)
    await this.rebuild(next)
  }

  /** `/v2/query` bulk and `/v1/query` bulk on a v2 server: each item in its own transaction, stop at the first error. */
  async bulkEach(
    items: unknown,
    itemPath: (i: number) => string,
    run: (q: unknown, path: string) => Promise<unknown>,
  ) {
    if (!Array.isArray(items)) throw err400('parse-failed', 'expected Array', '$.args')
    const results: unknown[] = []
    for (let i = 0; i < items.length; i++) results.push(await run(items[i], itemPath(i)))
    return results
  }

  /** `/v1/query` bulk on a v1.x server: the whole request is one transaction on the one database. */
  async bulkOneTransaction(items: unknown): Promise<unknown[]> {
    if (!Array.isArray(items)) throw err400('parse-failed', 'expected Array', '$.args')
    const parsed = items.map((q, i) => {
      if (!isObject(q) || typeof q.type !== 'string')
        throw err400('parse-failed', 'expected a query', `$.args[${i}]`)
      return q as { type: string; args: unknown }
    })
    let mode: { readOnly: boolean; index: number } | undefined
    parsed.forEach((q, i) => {
      if (q.type !== 'run_sql') return
      const readOnly = isObject(q.args) && q.args.read_only === true
      if (!mode) mode = { readOnly, index: i }
      else if (mode.readOnly !== readOnly) {
        const want = mode.readOnly ? 'READ ONLY' : 'READ WRITE'
        const got = readOnly ? 'READ ONLY' : 'READ WRITE'
        throw err400(
          'bad-request',
          `incompatible access mode requirements in bulk query, expected access mode: ${want} but $.args[${i}] forces ${got}`,
        )
      }
    })
    const client = await this.metadataPool.connect()
    try {
      return await inTransaction(client, mode?.readOnly ?? false, async () => {
        const out: unknown[] = []
        for (let i = 0; i < parsed.length; i++) {
          const q = parsed[i]
          const path = `$.args[${i}].args`
          if (q.type === 'run_sql') out.push(await execSql(client, parseRunSqlArgs(q.args, path).sql, path))
          else out.push(await this.metadataCommand(q.type, q.args, undefined, path, client))
        }
        return out
      })
    } finally {
      client.release()
    }
  }

  /** `/v1/query` `select` — enough for the CLI's read of `hdb_catalog.hdb_version` on v1 servers. */
  async select(args: unknown, path: string): Promise<unknown[]> {
    if (!isObject(args) || !Array.isArray(args.columns))
      throw err400('parse-failed', 'expected table and columns', path)
    const table = qualified(args.table)
    const cols = args.columns.map((c) => `"${String(c).replace(/"/g, '""')}"`)
    const sql = `SELECT coalesce(json_agg(json_build_object(${cols
      .map((c) => `'${c.slice(1, -1).replace(/'/g, "''")}', ${c}`)
      .join(', ')})), '[]') AS rows FROM "${table.schema}"."${table.name}"`
    try {
      const r = await this.metadataPool.query<{ rows: unknown[] }>(sql)
      return r.rows[0]?.rows ?? []
    } catch {
      throw err400('not-exists', `table "${table.name}" does not exist`, `${path}.table`)
    }
  }

  // ---- metadata ----------------------------------------------------------------------------------

  /**
   * One metadata command. `resourceVersion` is the request's top-level `resource_version` (writes check it);
   * `db` lets a v1-generation bulk run it inside its transaction.
   */
  async metadataCommand(
    type: string,
    args: unknown,
    resourceVersion: number | undefined,
    path: string,
    db: Queryable = this.metadataPool,
    version?: number,
  ): Promise<unknown> {
    switch (type) {
      case 'export_metadata': {
        const { metadata, resourceVersion: rv } = await readMetadata(db)
        if (this.generation === 'v1') return toV2(metadata)
        return version === 2 ? { resource_version: rv, metadata } : metadata
      }
      case 'replace_metadata':
        return this.replaceMetadata(args, resourceVersion, path, db)
      case 'reload_metadata': {
        const objects = await this.rebuild((await readMetadata(db)).metadata)
        if (this.generation === 'v1') return { message: 'success' }
        return objects.length
          ? { message: 'success', is_consistent: false, inconsistent_objects: objects }
          : { message: 'success', is_consistent: true }
      }
      case 'get_inconsistent_metadata':
        return { is_consistent: this.inconsistent.length === 0, inconsistent_objects: this.inconsistent }
      case 'drop_inconsistent_metadata':
        return this.dropInconsistent(resourceVersion, db)
      case 'clear_metadata': {
        const { metadata } = await readMetadata(db)
        const cleared: Metadata = {
          version: 3,
          sources: sourcesOf(metadata).map((s) => ({
            name: s.name,
            kind: s.kind,
            tables: [],
            configuration: s.configuration,
          })),
        }
        await writeMetadata(db, cleared, resourceVersion)
        await this.rebuild(cleared)
        return { message: 'success' }
      }
      case 'get_catalog_state':
        return getCatalogState(db)
      case 'set_catalog_state': {
        const t = isObject(args) ? args.type : undefined
        if (t !== 'cli' && t !== 'console') {
          throw err400(
            'parse-failed',
            `parsing Hasura.RQL.Types.Metadata.Common.CatalogStateType failed, expected one of the tags ["cli","console"], but found tag ${JSON.stringify(t)}`,
            `${path}.type`,
          )
        }
        await setCatalogState(db, t, (args as Record<string, unknown>).state ?? {})
        return { message: 'success' }
      }
      case 'pg_add_source':
        return this.addSource(args, resourceVersion, path, db)
      case 'pg_drop_source': {
        const name = isObject(args) ? args.name : undefined
        const { metadata } = await readMetadata(db)
        if (!sourcesOf(metadata).some((s) => s.name === name)) {
          throw err400('not-exists', `source with name ${JSON.stringify(name)} does not exist`, path)
        }
        const next = { ...metadata, sources: sourcesOf(metadata).filter((s) => s.name !== name) }
        await writeMetadata(db, next, resourceVersion)
        await this.rebuild(next)
        return { message: 'success' }
      }
      default:
        throw err400('parse-failed', `unknown metadata command "${type}"`, '$.type')
    }
  }

  private async replaceMetadata(args: unknown, rv: number | undefined, path: string, db: Queryable) {
    if (!isObject(args)) throw err400('parse-failed', 'expecting an object for replace_metadata', path)
    const v2Form = 'metadata' in args
    const allow = v2Form && args.allow_inconsistent_metadata === true
    const incoming = v2Form ? args.metadata : args
    if (!isObject(incoming)) throw err400('parse-failed', 'expecting an object for metadata', path)
    const current = (await readMetadata(db)).metadata
    const next = toV3(incoming, current)
    for (const s of sourcesOf(next)) await this.initSource(s)
    const objects = await inconsistentObjects(next, (s) => this.poolFor(s))
    if (objects.length && !allow) {
      throw err400('unexpected', 'cannot continue due to inconsistent metadata', path, objects)
    }
    await writeMetadata(db, next, rv)
    this.inconsistent = objects
    return v2Form
      ? { is_consistent: objects.length === 0, inconsistent_objects: objects }
      : { message: 'success' }
  }

  private async addSource(args: unknown, rv: number | undefined, path: string, db: Queryable) {
    if (!isObject(args) || typeof args.name !== 'string' || !isObject(args.configuration)) {
      throw err400('parse-failed', 'expecting name and configuration', path)
    }
    const { metadata } = await readMetadata(db)
    const existing = sourcesOf(metadata).find((s) => s.name === args.name)
    if (existing && args.replace_configuration !== true) {
      throw err400('already-exists', `source with name "${args.name}" already exists`, path)
    }
    const source: Source = existing
      ? { ...existing, configuration: args.configuration }
      : { name: args.name, kind: 'postgres', tables: [], configuration: args.configuration }
    const url = this.databaseUrlOf(source)
    if (typeof url !== 'string')
      throw err400('invalid-configuration', `Inconsistent object: ${url.error}`, path)
    await this.initSource(source)
    const next = {
      ...metadata,
      sources: existing
        ? sourcesOf(metadata).map((s) => (s.name === source.name ? source : s))
        : [...sourcesOf(metadata), source],
    }
    await writeMetadata(db, next, rv)
    await this.rebuild(next)
    return { message: 'success' }
  }

  private async dropInconsistent(rv: number | undefined, db: Queryable) {
    const { metadata } = await readMetadata(db)
    const bad = new Set(this.inconsistent.map((o) => o.name))
    const next = {
      ...metadata,
      sources: sourcesOf(metadata)
        .filter((s) => !bad.has(`source ${s.name}`))
        .map((s) => ({
          ...s,
          tables: s.tables
            .filter(
              (t) =>
                !this.inconsistent.some(
                  (o) =>
                    o.type === 'table' && o.name.startsWith(`table `) && sameTable(o.definition, t.table),
                ),
            )
            .map((t) => {
              const drop = (kind: string, field: string) =>
                (Array.isArray(t[field]) ? (t[field] as Record<string, unknown>[]) : []).filter(
                  (r) =>
                    !this.inconsistent.some(
                      (o) =>
                        o.type === kind &&
                        sameTable((o.definition as { table?: unknown }).table, t.table) &&
                        (o.definition as { name?: unknown }).name === r.name,
                    ),
                )
              return {
                ...t,
                object_relationships: drop('object_relation', 'object_relationships'),
                array_relationships: drop('array_relation', 'array_relationships'),
              }
            }),
        })),
    }
    await writeMetadata(db, next, rv)
    await this.rebuild(next)
    return { message: 'success' }
  }
}

function sameTable(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false
  const x = qualified(a)
  const y = qualified(b)
  return x.schema === y.schema && x.name === y.name
}
