/**
 * Whether the files a run reads are, byte for byte, those of a base commit the event names. Nothing in
 * the workspace is taken on trust — a pull request's files may come with a `.git` of their own — so
 * every git object used is re-hashed here and the files on disk are hashed as git would store them.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import {
  batchObjects,
  gitIn,
  objectId,
  ObjectStore,
  parseCommit,
  TREE,
  type Entry,
  type Git,
} from './git-objects.js'
import { short, type WorkspaceFacts } from './untrusted-code.js'

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

  const store = new ObjectStore(project)
  try {
    return await compareWith(store, git, facts, read, options.baseCommits)
  } finally {
    store.close()
  }
}

async function compareWith(
  store: ObjectStore,
  git: Git,
  facts: WorkspaceFacts,
  read: PathOnDisk[],
  baseCommits: string[],
): Promise<WorkspaceFacts> {
  const head = facts.head
  const bases = baseCommits.map((c) => c.toLowerCase())
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
    const entry = await store.entryAt(root, path.rel.join('/'))
    const onDisk = diskEntry(path.abs, algorithm)
    if (!onDisk) continue // an empty directory: nothing in it is read
    if (!entry || entry.mode !== onDisk.mode || entry.id !== onDisk.id) {
      return `${shown} is not as in the base commit ${short(commit)}`
    }
  }
  return undefined
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
    Buffer.from(c.entry.mode === TREE ? `${c.name}/` : c.name)
  children.sort((a, b) => Buffer.compare(key(a), key(b)))
  const body = Buffer.concat(
    children.flatMap((c) => [Buffer.from(`${c.entry.mode} ${c.name}\0`), Buffer.from(c.entry.id, 'hex')]),
  )
  return { mode: TREE, id: objectId('tree', body, idLength) }
}
