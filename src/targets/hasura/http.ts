/**
 * Talking to a Hasura GraphQL Engine over HTTP, truthfully: every request has a deadline, an answer that
 * is not Hasura's JSON (a proxy's HTML error page, a cut-off body) is reported as what it is, reads are
 * retried with backoff, writes never are — a write whose answer was lost is an `UnknownOutcomeError`, and
 * the caller re-reads the state to say whether it landed. The admin secret is sent only as a header and
 * is scrubbed from every message.
 */
import { CancelledError, TargetError } from '../../errors.js'
import { MAY_STILL_COMMIT } from '../../execute/wording.js'

export interface ApiPaths {
  query: string
  v2Query: string
  metadata: string
  version: string
}

export const DEFAULT_API_PATHS: ApiPaths = {
  query: 'v1/query',
  v2Query: 'v2/query',
  metadata: 'v1/metadata',
  version: 'v1/version',
}

export type Api = keyof ApiPaths

export interface HasuraHttpOptions {
  endpoint: string
  adminSecret?: string
  timeoutMs: number
  apiPaths?: Partial<ApiPaths>
  signal?: AbortSignal
  /** Waits between read attempts (3 attempts in all by default). */
  retryDelaysMs?: number[]
  fetch?: typeof fetch
}

/** Hasura's error body: `{"path","error","code"[,"internal"]}`. */
export interface HasuraErrorBody {
  code: string
  error: string
  path?: string
  internal?: unknown
}

/** Hasura answered with an error (JSON, non-200): what it said is the whole truth. */
export class HasuraApiError extends TargetError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: HasuraErrorBody,
  ) {
    super(message, {}, String(status))
  }
}

/** The request may or may not have done its work: no answer, or an answer that is not Hasura's. */
export class UnknownOutcomeError extends TargetError {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'connection' | 'html' | 'not-json',
    status?: number,
  ) {
    super(message, {}, status === undefined ? reason : String(status))
  }
}

function isErrorBody(v: unknown): v is HasuraErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as HasuraErrorBody).code === 'string'
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(t)
      resolve()
    })
  })

/** `https://user:pw@host/x/` → `https://user:***@host/x` (for messages and the report). */
export function displayEndpoint(endpoint: string): string {
  try {
    const u = new URL(endpoint)
    if (u.password) u.password = '***'
    return u.toString().replace(/\/$/, '')
  } catch {
    return '(an endpoint that is not a URL)'
  }
}

function htmlTitle(text: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)
  const first =
    (m?.[1] ?? text)
      .replace(/<[^>]+>/g, ' ')
      .trim()
      .split(/\r?\n/)[0] ?? ''
  return first.replace(/\s+/g, ' ').slice(0, 120)
}

export class HasuraHttp {
  readonly display: string
  private readonly base: URL
  private readonly paths: ApiPaths
  private readonly fetchFn: typeof fetch
  private readonly secrets: string[]

  constructor(private readonly options: HasuraHttpOptions) {
    let url: URL
    try {
      url = new URL(options.endpoint)
    } catch {
      throw new TargetError('the Hasura endpoint is not a URL', { input: 'endpoint' })
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TargetError(`the Hasura endpoint must be an http(s) URL, not ${url.protocol}`, {
        input: 'endpoint',
      })
    }
    this.base = url
    this.display = displayEndpoint(options.endpoint)
    this.paths = { ...DEFAULT_API_PATHS, ...options.apiPaths }
    this.fetchFn = options.fetch ?? fetch
    this.secrets = [options.adminSecret, url.password ? decodeURIComponent(url.password) : undefined].filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    )
  }

  get timeoutMs(): number {
    return this.options.timeoutMs
  }

  /** Removes the admin secret (and a password in the endpoint) from any text. */
  redact(text: string): string {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('***')
    return out
  }

  /** API URL = endpoint path joined with the API path (reference §1.3: a path prefix is kept). */
  url(api: Api): string {
    const u = new URL(this.base.toString())
    const prefix = u.pathname.replace(/\/+$/, '')
    u.pathname = `${prefix}/${this.paths[api].replace(/^\/+/, '')}`
    u.username = ''
    u.password = ''
    return u.toString()
  }

  /** A read: retried (3 attempts) on lost connections, timeouts and non-JSON answers. */
  async read<T = unknown>(api: Api, body: unknown, what: string, timeoutMs?: number): Promise<T> {
    const delays = this.options.retryDelaysMs ?? [250, 1000]
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(api, body, what, timeoutMs)
      } catch (e) {
        const retriable = e instanceof UnknownOutcomeError || (e instanceof HasuraApiError && e.status >= 500)
        if (!retriable || attempt >= delays.length) throw e
        await sleep(delays[attempt] ?? 1000, this.options.signal)
        this.throwIfCancelled(what)
      }
    }
  }

  /** A write: sent once. A lost answer is an `UnknownOutcomeError`; the caller finds out what happened. */
  write<T = unknown>(api: Api, body: unknown, what: string, timeoutMs?: number): Promise<T> {
    return this.send<T>(api, body, what, timeoutMs, true)
  }

  private throwIfCancelled(what: string): void {
    if (this.options.signal?.aborted) throw new CancelledError(`cancelled during ${what}`)
  }

  private async send<T>(
    api: Api,
    body: unknown,
    what: string,
    timeoutMs = this.options.timeoutMs,
    write = false,
  ): Promise<T> {
    this.throwIfCancelled(what)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    // Like the CLI: no secret on /v1/version; the header elsewhere whenever a secret was given.
    if (api !== 'version' && this.options.adminSecret !== undefined) {
      headers['X-Hasura-Admin-Secret'] = this.options.adminSecret
    }
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout
    const seconds = Math.round(timeoutMs / 100) / 10
    let res: Response
    let text: string
    try {
      res = await this.fetchFn(this.url(api), {
        method: api === 'version' ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      })
      text = await res.text()
    } catch (e) {
      // The server does not stop a request whose client went away: a cancelled write may still commit.
      if (write && this.options.signal?.aborted) {
        throw new CancelledError(
          `cancelled during ${what}, after the request was sent: ${MAY_STILL_COMMIT}; the next run re-reads the state and applies nothing twice`,
        )
      }
      this.throwIfCancelled(what)
      if (timeout.aborted) {
        throw new UnknownOutcomeError(
          `no answer from ${this.display} within ${seconds} s (see the \`timeout\` input) to ${what}`,
          'timeout',
        )
      }
      const cause = (e as { cause?: { code?: string; message?: string } }).cause
      const why = cause?.code ?? cause?.message ?? (e as Error).message
      throw new UnknownOutcomeError(
        this.redact(`the connection to ${this.display} failed during ${what} (${why})`),
        'connection',
      )
    }
    let parsed: unknown
    let isJson = true
    try {
      parsed = JSON.parse(text)
    } catch {
      isJson = false
    }
    const status = `${res.status}${res.statusText ? ' ' + res.statusText : ''}`
    if (!isJson) {
      const html = /^\s*</.test(text) || /html/i.test(res.headers.get('content-type') ?? '')
      const message = html
        ? `${what}: HTTP ${status} — the server or a proxy answered HTML, not JSON ("${htmlTitle(text)}")`
        : `${what}: HTTP ${status} — the answer is not JSON (${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? '…' : ''})`
      throw new UnknownOutcomeError(this.redact(message), html ? 'html' : 'not-json', res.status)
    }
    if (res.status !== 200) {
      if (isErrorBody(parsed)) {
        const at = parsed.path ? ` at ${parsed.path}` : ''
        throw new HasuraApiError(
          this.redact(`${what}: HTTP ${res.status} ${parsed.code}: ${parsed.error}${at}`),
          res.status,
          parsed,
        )
      }
      throw new HasuraApiError(this.redact(`${what}: HTTP ${status} ${text.slice(0, 200)}`), res.status, {
        code: 'unexpected',
        error: text.slice(0, 200),
      })
    }
    return parsed as T
  }
}
