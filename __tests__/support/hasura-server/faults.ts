/**
 * Fault injection for the test server: what a flaky network, a proxy or a crash does to a request.
 * `faults.next(fault)` queues a fault for the next request that matches it; each fault fires once.
 */

export type FaultTiming = 'before' | 'after'

export type Fault = {
  /**
   * Only requests to this path (e.g. `/v2/query`) and/or with this body `type` (e.g. `set_catalog_state`)
   * and/or whose body (as JSON text) contains `text` (each of them, for a list) — e.g. a marker of one migration's SQL.
   */
  match?: { path?: string; type?: string; text?: string | string[] }
  /**
   * `before`: the request never reaches the engine. `after`: the engine did the work (committed), then
   * the answer is lost or replaced — what a timeout or a proxy error after the fact looks like.
   */
  when?: FaultTiming
} & (
  | { kind: 'close' }
  | { kind: 'html'; status: 502 | 503 | 504 }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed-json' }
)

export class Faults {
  private queue: Fault[] = []

  next(fault: Fault): void {
    this.queue.push(fault)
  }

  clear(): void {
    this.queue = []
  }

  get pending(): number {
    return this.queue.length
  }

  /** Removes and returns the first queued fault this request matches. */
  take(path: string, type: string | undefined, raw = ''): Fault | undefined {
    const i = this.queue.findIndex(
      (f) =>
        (!f.match?.path || f.match.path === path) &&
        (!f.match?.type || f.match.type === type) &&
        (!f.match?.text || [f.match.text].flat().every((t) => raw.includes(t))),
    )
    if (i < 0) return undefined
    return this.queue.splice(i, 1)[0]
  }
}

export function proxyHtml(status: number): string {
  const title =
    status === 502
      ? '502 Bad Gateway'
      : status === 504
        ? '504 Gateway Time-out'
        : '503 Service Temporarily Unavailable'
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}
