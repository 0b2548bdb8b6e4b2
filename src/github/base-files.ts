/**
 * Whether the files a run reads are, byte for byte, those of a base commit the event names. Nothing in
 * the workspace is taken on trust — a pull request's files may come with a `.git` of their own — so
 * every git object used is re-hashed here and the files on disk are hashed as git would store them.
 */
import { exec } from '@actions/exec'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { short, type WorkspaceFacts } from './untrusted-code.js'

/** Runs git with these arguments; stdout as raw bytes (trees are binary). */
export type Git = (args: string[], input?: Buffer) => Promise<{ code: number; stdout: Buffer }>

/**
 * Settings that stop a repository's own configuration from running a program or fetching while it is
 * read: the workspace, `.git` included, may be a stranger's.
 */
const HARDENED = [
  '--no-replace-objects',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'protocol.allow=never',
]

export function gitIn(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  return async (args, input) => {
    const chunks: Buffer[] = []
    const code = await exec('git', [...HARDENED, ...args], {
      cwd,
      env: { ...env, GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1' },
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (d: Buffer) => chunks.push(d) },
    })
    return { code, stdout: Buffer.concat(chunks) }
  }
}

export interface BaseFilesOptions {
  /** Absolute; git runs here, since a workflow may check a pull request out into a sub-directory. */
  projectDir: string
  /** Absolute files and directories the run reads; one that does not exist is not read, so not checked. */
  paths: string[]
  /** Commits of the base branch (hex ids), from the event. */
  baseCommits: string[]
}

/** How many commits below a base commit the checked-out one may be (history permitting). */
const MAX_DEPTH = 2000

/** Never throws: what cannot be established is a problem, and a problem means the files are not proven. */
export async function baseFilesFacts(options: BaseFilesOptions): Promise<WorkspaceFacts> {
  try {
    return await compare(options)
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    return { problem: `the project's files could not be compared with the base commit (${message})` }
  }
}

async function compare(options: BaseFilesOptions): Promise<WorkspaceFacts> {
  const shown = options.projectDir
  const project = realpathSync(options.projectDir)
  const git = gitIn(project)
  const r = await git(['rev-parse', '--show-toplevel'])
  if (r.code !== 0) return { problem: `no git repository holds ${shown}, so its commit cannot be known` }
  const top = realpathSync(r.stdout.toString('utf8').trim())
  const headRun = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  const head = headRun.code === 0 ? headRun.stdout.toString('utf8').trim().toLowerCase() : undefined
  const facts: WorkspaceFacts = head ? { head } : {}

  const read: PathOnDisk[] = []
  for (const path of options.paths) {
    if (!existsSync(path)) continue
    const real = realpathSync(path)
    const rel = relative(top, real)
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { ...facts, problem: `${real} is outside the git repository ${top}` }
    }
    read.push({ abs: real, rel: rel.split(sep).filter(Boolean) })
  }

  const store = new ObjectStore(git)
  const bases = options.baseCommits.map((c) => c.toLowerCase())
  // the checked-out commit first: when it is a base commit, its differences are the ones to report
  const candidates = head && bases.includes(head) ? [head, ...bases.filter((b) => b !== head)] : bases
  const problems: string[] = []
  for (const commit of candidates) {
    const problem = await sameFiles(store, commit, read)
    if (!problem) return { ...facts, sameAs: commit }
    problems.push(problem)
  }
  if (head && !bases.includes(head)) {
    for (const base of bases) {
      if (!(await isAncestor(git, store, head, base))) continue
      const problem = await sameFiles(store, head, read)
      if (!problem) return { ...facts, sameAs: head }
      problems.unshift(problem)
      break
    }
  }
  return { ...facts, problem: problems[0] ?? 'the event names no base commit' }
}

interface PathOnDisk {
  abs: string
  /** Path components relative to the repository's top directory. */
  rel: string[]
}

export interface Entry {
  mode: string
  id: string
}

/** undefined when the files match; else why not (one phrase). */
async function sameFiles(
  store: ObjectStore,
  commit: string,
  paths: PathOnDisk[],
): Promise<string | undefined> {
  const root = await store.commitTree(commit)
  if (!root) return `the base commit ${short(commit)} is not in the checkout`
  const algorithm = commit.length === 64 ? 'sha256' : 'sha1'
  for (const path of paths) {
    const shown = path.rel.join('/') || '.'
    let entry: Entry | undefined = { mode: '40000', id: root }
    for (const name of path.rel) {
      const tree: Map<string, Entry> | undefined =
        entry?.mode === '40000' ? await store.tree(entry.id) : undefined
      entry = tree?.get(name)
    }
    const onDisk = diskEntry(path.abs, algorithm)
    if (!onDisk) continue // an empty directory: nothing in it is read
    if (!entry || entry.mode !== onDisk.mode || entry.id !== onDisk.id) {
      return `${shown} is not as in the base commit ${short(commit)}`
    }
  }
  return undefined
}

/** Commits, trees and blobs read from git, each checked against its own id before use. */
export class ObjectStore {
  private trees = new Map<string, Map<string, Entry> | undefined>()
  constructor(private readonly git: Git) {}

  async commitTree(id: string): Promise<string | undefined> {
    const body = await this.object('commit', id)
    return body ? parseCommit(body).tree : undefined
  }

  async tree(id: string): Promise<Map<string, Entry> | undefined> {
    if (!this.trees.has(id)) {
      const body = await this.object('tree', id)
      this.trees.set(id, body ? parseTree(body, id.length === 64 ? 32 : 20) : undefined)
    }
    return this.trees.get(id)
  }

  /** The contents of these blobs, read in one `git cat-file --batch`; a blob that does not hash to its id is left out. */
  async blobs(ids: string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>()
    if (ids.length === 0) return found
    const r = await this.git(['cat-file', '--batch'], Buffer.from(ids.join('\n') + '\n'))
    if (r.code !== 0) return found
    for (const object of batchObjects(r.stdout)) {
      if (object.type === 'blob' && objectId('blob', object.body, object.id.length) === object.id)
        found.set(object.id, object.body)
    }
    return found
  }

  private async object(type: 'commit' | 'tree', id: string): Promise<Buffer | undefined> {
    const r = await this.git(['cat-file', type, id])
    return r.code === 0 && objectId(type, r.stdout, id.length) === id ? r.stdout : undefined
  }
}

/**
 * Whether `head` is `base` or below it, through parent links of commits whose contents hash to their
 * ids (git's own answer could come from objects planted under those ids).
 */
async function isAncestor(git: Git, store: ObjectStore, head: string, base: string): Promise<boolean> {
  if ((await store.commitTree(base)) === undefined) return false
  const list = await git(['rev-list', `--max-count=${MAX_DEPTH}`, base])
  if (list.code !== 0) return false
  const ids = list.stdout.toString('utf8').split('\n').filter(Boolean)
  if (!ids.includes(head)) return false
  const batch = await git(['cat-file', '--batch'], Buffer.from(ids.join('\n') + '\n'))
  if (batch.code !== 0) return false
  const parents = new Map<string, string[]>()
  for (const { id, type, body } of batchObjects(batch.stdout)) {
    if (type === 'commit' && objectId('commit', body, id.length) === id)
      parents.set(id, parseCommit(body).parents)
  }
  const seen = new Set<string>([base])
  const queue = [base]
  while (queue.length > 0) {
    const id = queue.shift()!
    if (id === head) return true
    for (const p of parents.get(id) ?? []) {
      if (seen.has(p)) continue
      seen.add(p)
      queue.push(p)
    }
  }
  return false
}

/** The objects of `git cat-file --batch` output (`<id> <type> <size>\n<body>\n`; missing ones skipped). */
function batchObjects(out: Buffer): { id: string; type: string; body: Buffer }[] {
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

function parseCommit(body: Buffer): { tree?: string; parents: string[] } {
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
function objectId(type: string, body: Buffer, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`${type} ${body.length}\0`)
    .update(body)
    .digest('hex')
}

/** How git would record this path: its mode and object id; undefined for what git does not record (an empty directory). */
function diskEntry(abs: string, algorithm: 'sha1' | 'sha256'): Entry | undefined {
  const idLength = algorithm === 'sha256' ? 64 : 40
  const st = lstatSync(abs)
  if (st.isSymbolicLink())
    return { mode: '120000', id: objectId('blob', readlinkSync(abs, { encoding: 'buffer' }), idLength) }
  if (st.isFile()) {
    return { mode: st.mode & 0o100 ? '100755' : '100644', id: objectId('blob', readFileSync(abs), idLength) }
  }
  if (!st.isDirectory()) return { mode: 'other', id: '' }
  const children: { name: string; entry: Entry }[] = []
  for (const name of readdirSync(abs)) {
    if (name === '.git') continue // never part of a commit's tree
    const entry = diskEntry(join(abs, name), algorithm)
    if (entry) children.push({ name, entry })
  }
  if (children.length === 0) return undefined
  // git orders a tree's entries by name, a directory's name as if it ended in '/'
  const key = (c: { name: string; entry: Entry }) =>
    Buffer.from(c.entry.mode === '40000' ? `${c.name}/` : c.name)
  children.sort((a, b) => Buffer.compare(key(a), key(b)))
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, 'hex')]),
  )
  return { mode: '40000', id: objectId('tree', body, idLength) }
}
