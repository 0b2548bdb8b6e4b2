/**
 * A Hasura GraphQL Engine API test server on top of real PostgreSQL: `/healthz`, `/v1/version`,
 * `/v1/query`, `/v2/query`, `/v1/metadata` with Hasura's semantics and its exact response and error shapes
 * (reference §3–§5, §8, §10, §12; replayed against Hasura's own server test cases). It logs every request
 * and can inject faults (lost connections, proxy HTML, delays, broken JSON).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Engine, type ServerGeneration } from './engine.js'
import { Faults, proxyHtml, type Fault } from './faults.js'
import { isObject } from './metadata-format.js'
import { err400, QErr } from './qerr.js'

export { Faults, type Fault } from './faults.js'

export interface HasuraServerOptions {
  /** The `default` source's database (and the metadata database unless `metadataDatabaseUrl` is given). */
  databaseUrl: string
  adminSecret?: string
  /** A separate metadata database, as on Hasura Cloud. */
  metadataDatabaseUrl?: string
  /** `v1`: a v1.x server (metadata version 2, no /v1/metadata or /v2/query, bulk in one transaction). */
  serverGeneration?: ServerGeneration
  /** More sources connected at start. */
  sources?: { name: string; databaseUrl: string }[]
  /** `false`: a fresh server with no database connected yet. Default `true`. */
  connectDefaultSource?: boolean
  /** Environment for `from_env` connection strings (besides the process environment). */
  env?: Record<string, string>
  /** What `/v1/version` answers. */
  version?: string
  /**
   * `false`: `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false` — no error carries its `internal` key (the
   * database's own error), for the admin either. Default `true`, as on Hasura.
   */
  adminInternalErrors?: boolean
}

export interface RequestLogEntry {
  method: string
  path: string
  /** The body's `type` (`run_sql`, `bulk`, `get_catalog_state`, …). */
  type?: string
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number
  /** The injected fault, if one fired. */
  fault?: Fault['kind']
  /** Request headers (lower-case names), for tests that check what a client sent. */
  headers: Record<string, string | string[] | undefined>
  body?: unknown
}

export interface HasuraServer {
  url: string
  requests: RequestLogEntry[]
  faults: Faults
  /** Where the metadata and catalog state live. */
  metadataDatabaseUrl: string
  close(): Promise<void>
}

interface Answer {
  status: number
  body: unknown
  contentType?: string
}

const json = (body: unknown, status = 200): Answer => ({ status, body })

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function startHasuraServer(options: HasuraServerOptions): Promise<HasuraServer> {
  const generation = options.serverGeneration ?? 'v2'
  const engine = new Engine({
    databaseUrl: options.databaseUrl,
    metadataDatabaseUrl: options.metadataDatabaseUrl,
    serverGeneration: generation,
    sources: options.sources ?? [],
    connectDefaultSource: options.connectDefaultSource ?? true,
    env: options.env ?? {},
  })
  await engine.start()
  const requests: RequestLogEntry[] = []
  const faults = new Faults()
  const version = options.version ?? (generation === 'v1' ? 'v1.3.3' : 'v2.48.16')

  /** Hasura's auth: admin secret (or the deprecated access key) first, then the admin-only role check. */
  function authorise(req: IncomingMessage): void {
    const sent = header(req, 'x-hasura-admin-secret') ?? header(req, 'x-hasura-access-key')
    if (options.adminSecret !== undefined) {
      if (sent === undefined) {
        throw new QErr(
          401,
          'access-denied',
          'x-hasura-admin-secret/x-hasura-access-key required, but not found',
        )
      }
      if (sent !== options.adminSecret) {
        throw new QErr(401, 'access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key')
      }
    }
    const role = header(req, 'x-hasura-role') ?? 'admin'
    if (role !== 'admin') throw err400('access-denied', 'restricted access : admin only', '$.args')
  }

  async function v2Query(q: Record<string, unknown>): Promise<Answer> {
    switch (q.type) {
      case 'run_sql':
      case 'pg_run_sql':
        return json(await engine.runSql(q.args, '$'))
      case 'bulk':
        return json(
          await engine.bulkEach(
            q.args,
            (i) => `$[${i}]`,
            async (item, path) => {
              if (!isObject(item) || (item.type !== 'run_sql' && item.type !== 'pg_run_sql')) {
                throw err400('parse-failed', 'only run_sql is supported in this test server’s v2 bulk', path)
              }
              return engine.runSql(item.args, path)
            },
          ),
        )
      default:
        throw err400('parse-failed', `unknown query type ${JSON.stringify(q.type)}`, '$.type')
    }
  }

  async function v1Query(q: Record<string, unknown>, path = '$.args'): Promise<unknown> {
    const type = String(q.type)
    switch (type) {
      case 'run_sql':
        return engine.runSql(q.args, path)
      case 'bulk':
        if (generation === 'v1') return engine.bulkOneTransaction(q.args)
        return engine.bulkEach(
          q.args,
          (i) => `$.args[${i}].args`,
          (item, p) => {
            if (!isObject(item)) throw err400('parse-failed', 'expected a query', p)
            return v1Query(item, p)
          },
        )
      case 'select':
        return engine.select(q.args, path)
      case 'export_metadata':
      case 'replace_metadata':
      case 'reload_metadata':
      case 'clear_metadata':
      case 'get_inconsistent_metadata':
      case 'drop_inconsistent_metadata':
        return engine.metadataCommand(type, q.args, undefined, path)
      default:
        throw err400('parse-failed', `unknown query type ${JSON.stringify(type)}`, '$.type')
    }
  }

  async function v1Metadata(q: Record<string, unknown>): Promise<unknown> {
    const rv = typeof q.resource_version === 'number' ? q.resource_version : undefined
    const version = typeof q.version === 'number' ? q.version : undefined
    if (q.type === 'bulk') {
      if (!Array.isArray(q.args)) throw err400('parse-failed', 'expected Array', '$.args')
      const out: unknown[] = []
      for (let i = 0; i < q.args.length; i++) {
        const item: unknown = q.args[i]
        if (!isObject(item)) throw err400('parse-failed', 'expected a command', `$.args[${i}]`)
        out.push(await engine.metadataCommand(String(item.type), item.args, rv, `$.args[${i}].args`))
      }
      return out
    }
    return engine.metadataCommand(String(q.type), q.args, rv, '$.args', undefined, version)
  }

  async function handle(req: IncomingMessage, path: string, raw: string): Promise<Answer> {
    if (req.method === 'GET' && (path === '/healthz' || path === '/hasura/healthz')) {
      const text = engine.inconsistent.length ? 'WARN: inconsistent objects in schema' : 'OK'
      return { status: 200, body: text, contentType: 'text/plain; charset=utf-8' }
    }
    if (req.method === 'GET' && path === '/v1/version') {
      return json(generation === 'v1' ? { version } : { version, server_type: 'ce' })
    }
    const known =
      path === '/v1/query' || (generation === 'v2' && (path === '/v2/query' || path === '/v1/metadata'))
    if (!known || req.method !== 'POST') {
      return json({ path: '$', error: 'resource does not exist', code: 'not-found' }, 404)
    }
    authorise(req)
    let q: unknown
    try {
      q = JSON.parse(raw)
    } catch (e) {
      throw err400('invalid-json', `Error in $: ${(e as Error).message}`)
    }
    if (!isObject(q) || typeof q.type !== 'string') throw err400('parse-failed', 'key "type" not found')
    if (path === '/v2/query') return v2Query(q)
    if (path === '/v1/query') return json(await v1Query(q))
    return json(await v1Metadata(q))
  }

  function send(res: ServerResponse, a: Answer): void {
    const isText = typeof a.body === 'string'
    const body = isText ? (a.body as string) : JSON.stringify(a.body)
    res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json; charset=utf-8' })
    res.end(body)
  }

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      const raw = await readBody(req)
      let body: unknown
      try {
        body = raw ? JSON.parse(raw) : undefined
      } catch {
        body = raw
      }
      const type = isObject(body) && typeof body.type === 'string' ? body.type : undefined
      const entry: RequestLogEntry = {
        method: req.method ?? '',
        path,
        type,
        status: 0,
        headers: req.headers,
        body,
      }
      requests.push(entry)
      const fault = faults.take(path, type, raw)
      if (fault) entry.fault = fault.kind
      const when = fault?.when ?? 'before'
      const inject = async (): Promise<boolean> => {
        if (!fault) return false
        switch (fault.kind) {
          case 'close':
            req.socket.destroy()
            return true
          case 'html':
            entry.status = fault.status
            send(res, { status: fault.status, body: proxyHtml(fault.status), contentType: 'text/html' })
            return true
          case 'delay':
            await sleep(fault.ms)
            return false
          case 'malformed-json':
            entry.status = 200
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
            res.end('{"result_type":"CommandOk","result":nu')
            return true
        }
      }
      if (when === 'before' && (await inject())) return
      let answer: Answer
      try {
        answer = await handle(req, path, raw)
      } catch (e) {
        answer =
          e instanceof QErr
            ? { status: e.status, body: e.body(options.adminInternalErrors ?? true) }
            : json({ path: '$', error: String(e), code: 'unexpected' }, 500)
      }
      if (when === 'after' && (await inject())) return
      if (req.socket.destroyed) return
      entry.status = answer.status
      send(res, answer)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    metadataDatabaseUrl: engine.metadataUrl,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await engine.close()
    },
  }
}
