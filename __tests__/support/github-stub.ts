/**
 * A small GitHub API server for tests (node:http): issue comments (list with pagination, create,
 * update, delete), `GET /pulls/:n`, GraphQL `viewer`, `GET /user`. Tokens stand for identities the way
 * GitHub's do: the installation token of GitHub Actions (`GET /user` → 403), another app's bot, a person's
 * PAT. Modes reproduce what goes wrong: a read-only token (fork PR → 403), GraphQL down, a listing that
 * lags behind writes. Every request is logged so tests can assert that nothing was written.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Identity {
  login: string
  type: 'Bot' | 'User'
  id: number
  /** Installation tokens cannot call `GET /user`. */
  installation: boolean
  app?: string
}

export const ACTIONS_TOKEN = 'ghs_actionsInstallationToken000000000001'
export const OTHER_BOT_TOKEN = 'ghs_otherAppInstallationToken00000000002'
export const USER_TOKEN = 'ghp_personalAccessToken00000000000000003'
export const READ_ONLY_TOKEN = 'ghs_forkReadOnlyToken0000000000000000004'

export const IDENTITIES: Record<string, Identity> = {
  [ACTIONS_TOKEN]: {
    login: 'github-actions[bot]',
    type: 'Bot',
    id: 41898282,
    installation: true,
    app: 'github-actions',
  },
  [OTHER_BOT_TOKEN]: {
    login: 'other-ci[bot]',
    type: 'Bot',
    id: 50000001,
    installation: true,
    app: 'other-ci',
  },
  [USER_TOKEN]: { login: 'octocat', type: 'User', id: 583231, installation: false },
  [READ_ONLY_TOKEN]: {
    login: 'github-actions[bot]',
    type: 'Bot',
    id: 41898282,
    installation: true,
    app: 'github-actions',
  },
}

export interface StubComment {
  id: number
  node_id: string
  body: string
  user: { login: string; id: number; type: string }
  html_url: string
  issue_url: string
  created_at: string
  updated_at: string
  performed_via_github_app: { slug: string } | null
}

export interface LoggedRequest {
  method: string
  path: string
  token?: string
}

export interface GitHubStub {
  url: string
  owner: string
  repo: string
  /** Comments per issue number, in creation order. */
  comments: Map<number, StubComment[]>
  /** Head SHA per pull request number. */
  heads: Map<number, string>
  requests: LoggedRequest[]
  modes: {
    /** GraphQL answers 502 (an old GHES, a proxy). */
    graphqlDown: boolean
    /** Comments created from now on are left out of listings (a listing that lags behind writes). */
    hideNewFromListing: boolean
    /** Before answering the next create, add a comment as this token (another run racing us). */
    raceCreateAs?: { token: string; body: string }
  }
  /** Adds a comment as the identity of `token`, as if posted earlier. */
  seed(issue: number, token: string, body: string): StubComment
  writes(): LoggedRequest[]
  close(): Promise<void>
}

const PER_PAGE_MAX = 100

export async function startGitHubStub(options: { owner?: string; repo?: string } = {}): Promise<GitHubStub> {
  const owner = options.owner ?? 'Codertocat'
  const repo = options.repo ?? 'Hello-World'
  let nextId = 1000
  let clock = Date.parse('2026-11-21T10:00:00Z')
  const comments = new Map<number, StubComment[]>()
  const heads = new Map<number, string>()
  const requests: LoggedRequest[] = []
  const modes: GitHubStub['modes'] = { graphqlDown: false, hideNewFromListing: false }
  const hidden = new Set<number>()
  let base = ''

  const make = (issue: number, identity: Identity, body: string): StubComment => {
    const id = nextId++
    const at = new Date((clock += 1000)).toISOString()
    return {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login: identity.login, id: identity.id, type: identity.type },
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${base}/repos/${owner}/${repo}/issues/${issue}`,
      created_at: at,
      updated_at: at,
      performed_via_github_app: identity.app ? { slug: identity.app } : null,
    }
  }
  const list = (issue: number): StubComment[] => {
    let l = comments.get(issue)
    if (!l) comments.set(issue, (l = []))
    return l
  }
  const find = (id: number): { issue: number; index: number } | undefined => {
    for (const [issue, l] of comments) {
      const index = l.findIndex((c) => c.id === id)
      if (index >= 0) return { issue, index }
    }
    return undefined
  }

  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(body === undefined ? '' : JSON.stringify(body))
  }
  const forbidden = (res: ServerResponse) =>
    send(res, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base)
    const auth = req.headers.authorization ?? ''
    const token = /^(?:token|bearer) (.+)$/i.exec(auth)?.[1]
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, token })
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>
    const identity = token ? IDENTITIES[token] : undefined
    if (!identity) return send(res, 401, { message: 'Bad credentials', status: '401' })
    const writable = token !== READ_ONLY_TOKEN

    if (req.method === 'POST' && url.pathname === '/graphql') {
      if (modes.graphqlDown) return send(res, 502, { message: 'Bad gateway' })
      const query = typeof body.query === 'string' ? body.query : ''
      if (/\bviewer\s*\{\s*login\s*\}/.test(query))
        return send(res, 200, { data: { viewer: { login: identity.login } } })
      return send(res, 200, { data: null, errors: [{ message: `stub: unsupported query ${query}` }] })
    }
    if (req.method === 'GET' && url.pathname === '/user') {
      if (identity.installation) {
        return send(res, 403, { message: 'Resource not accessible by integration', status: '403' })
      }
      return send(res, 200, { login: identity.login, id: identity.id, type: identity.type })
    }
    const prefix = `/repos/${owner}/${repo}`
    if (!url.pathname.startsWith(prefix + '/')) return send(res, 404, { message: 'Not Found', status: '404' })
    const path = url.pathname.slice(prefix.length)

    let m = /^\/pulls\/(\d+)$/.exec(path)
    if (m && req.method === 'GET') {
      const n = Number(m[1])
      const sha = heads.get(n)
      if (!sha) return send(res, 404, { message: 'Not Found', status: '404' })
      return send(res, 200, {
        number: n,
        state: 'open',
        head: { sha, ref: 'changes' },
        base: { ref: 'master' },
      })
    }
    m = /^\/issues\/(\d+)\/comments$/.exec(path)
    if (m && req.method === 'GET') {
      const n = Number(m[1])
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), PER_PAGE_MAX)
      const page = Number(url.searchParams.get('page') ?? 1)
      const visible = list(n).filter((c) => !hidden.has(c.id))
      const slice = visible.slice((page - 1) * perPage, page * perPage)
      const last = Math.max(1, Math.ceil(visible.length / perPage))
      const link: Record<string, string> =
        page < last
          ? {
              link: `<${base}${prefix}/issues/${n}/comments?per_page=${perPage}&page=${page + 1}>; rel="next", <${base}${prefix}/issues/${n}/comments?per_page=${perPage}&page=${last}>; rel="last"`,
            }
          : {}
      return send(res, 200, slice, link)
    }
    if (m && req.method === 'POST') {
      if (!writable) return forbidden(res)
      const n = Number(m[1])
      const text = typeof body.body === 'string' ? body.body : ''
      if (text.length > 65_536) {
        return send(res, 422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)',
            },
          ],
          status: '422',
        })
      }
      if (modes.raceCreateAs) {
        const { token: other, body: otherBody } = modes.raceCreateAs
        modes.raceCreateAs = undefined
        list(n).push(make(n, IDENTITIES[other], otherBody))
      }
      const c = make(n, identity, text)
      list(n).push(c)
      if (modes.hideNewFromListing) hidden.add(c.id)
      return send(res, 201, c)
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(path)
    if (m) {
      const at = find(Number(m[1]))
      if (!at) return send(res, 404, { message: 'Not Found', status: '404' })
      const c = list(at.issue)[at.index]
      if (req.method === 'GET') return send(res, 200, c)
      if (!writable) return forbidden(res)
      // GitHub lets an app edit or delete only its own comments
      if (c.user.login !== identity.login) return forbidden(res)
      if (req.method === 'PATCH') {
        c.body = typeof body.body === 'string' ? body.body : ''
        c.updated_at = new Date((clock += 1000)).toISOString()
        return send(res, 200, c)
      }
      if (req.method === 'DELETE') {
        list(at.issue).splice(at.index, 1)
        res.writeHead(204)
        res.end()
        return
      }
    }
    return send(res, 404, { message: `stub: no route for ${req.method} ${url.pathname}`, status: '404' })
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: base,
    owner,
    repo,
    comments,
    heads,
    requests,
    modes,
    seed(issue, token, body) {
      const c = make(issue, IDENTITIES[token], body)
      list(issue).push(c)
      return c
    },
    writes: () => requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
