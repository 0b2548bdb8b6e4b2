/**
 * Git objects (commits, trees, blobs) read by id through one long-lived `git cat-file --batch`, each
 * checked against its own id before use: a workspace's `.git` may be a stranger's, and git itself does
 * not re-hash what it reads. One process answers every read of a run: a process the size of one that has
 * started the embedded database takes ~20 ms to fork, so a spawn per object would cost more than the read.
 */
import { exec } from '@actions/exec'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { UserError } from '../errors.js'

/** Runs git with these arguments; stdout as raw bytes (trees are binary). */
export type Git = (args: string[], input?: Buffer) => Promise<{ code: number; stdout: Buffer }>

/**
 * Settings that stop a repository's own configuration from running a program or fetching while it is
 * read: the workspace, `.git` included, may be a stranger's.
 */
export const HARDENED_GIT = [
  '--no-replace-objects',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'protocol.allow=never',
]

/** The environment git runs with: never prompts, never fetches a missing object. */
export function gitEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const set = Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)
  return { ...Object.fromEntries(set), GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1' }
}

/** Git in this directory, one process per command (for what is not an object read). */
export function gitIn(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  return async (args, input) => {
    const chunks: Buffer[] = []
    const code = await exec('git', [...HARDENED_GIT, ...args], {
      cwd,
      env: gitEnv(env),
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (d: Buffer) => chunks.push(d) },
    })
    return { code, stdout: Buffer.concat(chunks) }
  }
}

/**
 * Where the directory is in its repository, `/`-separated from the top ('' at the top); `what` ends the
 * error when no repository holds it ("so … cannot be read").
 */
export async function repositoryPrefix(dir: string, what: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const real = realpathSync(dir)
  const r = await gitIn(real, env)(['rev-parse', '--show-toplevel'])
  if (r.code !== 0) throw new UserError(`no git repository holds ${real}, so ${what} cannot be read`)
  const top = realpathSync(r.stdout.toString('utf8').trim())
  return relative(top, real).split(sep).filter(Boolean).join('/')
}

export interface Entry {
  mode: string
  id: string
}

export const TREE = '40000'

interface RawObject {
  type: string
  body: Buffer
}

/** An object id as git prints it: anything else (a revision expression, a newline) is never sent. */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** One `git cat-file --batch` process, started on the first read; requests are answered in order. */
class CatFileBatch {
  private child?: ChildProcess
  private closed = false
  private buffered: Buffer = Buffer.alloc(0)
  private readonly waiting: ((o: RawObject | undefined) => void)[] = []

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  read(id: string): Promise<RawObject | undefined> {
    if (this.closed || !OBJECT_ID.test(id)) return Promise.resolve(undefined)
    const child = this.start()
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      child.stdin!.write(`${id}\n`)
    })
  }

  close(): void {
    this.closed = true
    this.child?.stdin?.end()
    this.settleAll()
  }

  private start(): ChildProcess {
    if (this.child) return this.child
    const child = spawn('git', [...HARDENED_GIT, 'cat-file', '--batch'], {
      cwd: this.cwd,
      env: gitEnv(this.env),
      stdio: ['pipe', 'pipe', 'ignore'],
    })
    child.on('error', () => this.stop())
    child.on('close', () => this.stop())
    child.stdin.on('error', () => this.stop())
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk])
      this.answer()
    })
    this.child = child
    return child
  }

  /** `<id> <type> <size>\n<body>\n` per object, or `<id> missing\n` (also `ambiguous`). */
  private answer(): void {
    while (this.waiting.length > 0) {
      const eol = this.buffered.indexOf(0x0a)
      if (eol < 0) return
      const [, type, size] = this.buffered.subarray(0, eol).toString('utf8').split(' ')
      if (size === undefined) {
        this.buffered = this.buffered.subarray(eol + 1)
        this.waiting.shift()!(undefined)
        continue
      }
      const end = eol + 1 + Number(size)
      if (this.buffered.length < end + 1) return
      const body = Buffer.from(this.buffered.subarray(eol + 1, end))
      this.buffered = this.buffered.subarray(end + 1)
      this.waiting.shift()!({ type, body })
    }
  }

  private stop(): void {
    this.closed = true
    this.settleAll()
  }

  private settleAll(): void {
    for (const resolve of this.waiting.splice(0)) resolve(undefined)
  }
}

/** Commits, trees and blobs read from git, each checked against its own id before use. Close it when done. */
export class ObjectStore {
  private readonly trees = new Map<string, Promise<Map<string, Entry> | undefined>>()
  private readonly batch: CatFileBatch

  /** Git runs in `cwd` (any directory inside the repository). */
  constructor(cwd: string, env: NodeJS.ProcessEnv = process.env) {
    this.batch = new CatFileBatch(cwd, env)
  }

  async commitTree(id: string): Promise<string | undefined> {
    const body = await this.object('commit', id)
    return body ? parseCommit(body).tree : undefined
  }

  tree(id: string): Promise<Map<string, Entry> | undefined> {
    let tree = this.trees.get(id)
    if (!tree) {
      tree = this.object('tree', id).then((body) =>
        body ? parseTree(body, id.length === 64 ? 32 : 20) : undefined,
      )
      this.trees.set(id, tree)
    }
    return tree
  }

  /** The tree entry at a `/`-separated path below a root tree ('' is the root itself). */
  async entryAt(root: string, path: string): Promise<Entry | undefined> {
    let entry: Entry | undefined = { mode: TREE, id: root }
    for (const name of path.split('/').filter(Boolean)) {
      const tree: Map<string, Entry> | undefined =
        entry?.mode === TREE ? await this.tree(entry.id) : undefined
      entry = tree?.get(name)
    }
    return entry
  }

  /** The contents of these blobs; a blob that is missing or does not hash to its id is left out. */
  async blobs(ids: string[]): Promise<Map<string, Buffer>> {
    const bodies = await Promise.all(ids.map((id) => this.object('blob', id)))
    const found = new Map<string, Buffer>()
    ids.forEach((id, i) => {
      const body = bodies[i]
      if (body) found.set(id, body)
    })
    return found
  }

  close(): void {
    this.batch.close()
  }

  private async object(type: 'commit' | 'tree' | 'blob', id: string): Promise<Buffer | undefined> {
    const o = await this.batch.read(id)
    return o?.type === type && objectId(type, o.body, id.length) === id ? o.body : undefined
  }
}

/** The objects of a whole `git cat-file --batch` output (`<id> <type> <size>\n<body>\n`; missing ones skipped). */
export function batchObjects(out: Buffer): { id: string; type: string; body: Buffer }[] {
  const objects: { id: string; type: string; body: Buffer }[] = []
  let at = 0
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) break
    const [id, type, size] = out.subarray(at, eol).toString('utf8').split(' ')
    if (type === undefined || size === undefined) {
      at = eol + 1
      continue
    }
    objects.push({ id, type, body: out.subarray(eol + 1, eol + 1 + Number(size)) })
    at = eol + 1 + Number(size) + 1
  }
  return objects
}

export function parseCommit(body: Buffer): { tree?: string; parents: string[] } {
  const headerEnd = body.indexOf('\n\n')
  const lines = body
    .subarray(0, headerEnd < 0 ? body.length : headerEnd)
    .toString('utf8')
    .split('\n')
  const value = (line: string, key: string) =>
    line.startsWith(key + ' ') ? line.slice(key.length + 1) : undefined
  return {
    tree: lines.map((l) => value(l, 'tree')).find(Boolean),
    parents: lines.map((l) => value(l, 'parent')).filter((p): p is string => p !== undefined),
  }
}

function parseTree(body: Buffer, idBytes: number): Map<string, Entry> {
  const entries = new Map<string, Entry>()
  let at = 0
  while (at < body.length) {
    const space = body.indexOf(0x20, at)
    const nul = body.indexOf(0x00, space)
    if (space < 0 || nul < 0) break
    const mode = body.subarray(at, space).toString('utf8')
    const name = body.subarray(space + 1, nul).toString('utf8')
    entries.set(name, { mode, id: body.subarray(nul + 1, nul + 1 + idBytes).toString('hex') })
    at = nul + 1 + idBytes
  }
  return entries
}

/** The id git gives an object of this type and content. */
export function objectId(type: string, body: Buffer, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`${type} ${body.length}\0`)
    .update(body)
    .digest('hex')
}
