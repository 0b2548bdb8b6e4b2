/**
 * The project's metadata as it was at a commit (a pull request's base), read through git without
 * touching the checkout: the commit's `config.yaml` (and `.env`) say where the metadata is, the files
 * under it are copied out of git into a temporary directory, built there with `buildMetadata`, and the
 * directory is removed. Every git object is checked against its id, as in base-files.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path'
import { KnownError, UserError } from '../errors.js'
import { buildMetadata, CONFIG_FILE, ENV_FILE, readConfig, type ProjectConfig } from '../project/index.js'
import { gitIn, ObjectStore, repositoryPrefix, TREE, type Entry, type Git } from './git-objects.js'
import { short } from './untrusted-code.js'

export interface BaseMetadataOptions {
  /** The project directory in the checkout (absolute, or relative to the process's directory). */
  projectDir: string
  /** The commit to read (hex id), e.g. the pull request's `base.sha`. */
  commit: string
  /** For `HASURA_GRAPHQL_*` overrides of config.yaml, as the run reads them; default process.env. */
  env?: NodeJS.ProcessEnv
  /** The `migrations-dir` input, when set: config 1 keeps its metadata file there. */
  migrationsDir?: string
  /** Reads the objects; default a store of its own, closed when done. */
  store?: ObjectStore
}

export interface BaseMetadata {
  commit: string
  /** The metadata object at that commit; absent when the project had none there (see `note`). */
  metadata?: Record<string, unknown>
  /** The files it was built from, relative to the project directory (posix). */
  files: string[]
  /** Why there is no metadata: the project or its config.yaml did not exist at the commit. */
  note?: string
}

const SYMLINK = '120000'
const SUBMODULE = '160000'

/** Throws a UserError when the commit is not in the checkout or its metadata cannot be built. */
export async function readBaseMetadata(options: BaseMetadataOptions): Promise<BaseMetadata> {
  const project = realpathSync(resolve(options.projectDir))
  const commit = options.commit.toLowerCase()
  const prefix = await repositoryPrefix(project, "the metadata at the pull request's base")
  const store = options.store ?? new ObjectStore(project)
  try {
    return await readAt(store, project, prefix, commit, options)
  } finally {
    if (!options.store) store.close()
  }
}

async function readAt(
  store: ObjectStore,
  project: string,
  prefix: string,
  commit: string,
  options: BaseMetadataOptions,
): Promise<BaseMetadata> {
  const root = await store.commitTree(commit)
  if (!root) throw await missingCommit(gitIn(project), commit)

  const projectTree = await store.entryAt(root, prefix)
  if (projectTree?.mode !== TREE) {
    return {
      commit,
      files: [],
      note: `the project directory ${prefix || '.'} did not exist at ${short(commit)}`,
    }
  }
  const temp = mkdtempSync(join(tmpdir(), 'hma-base-metadata-'))
  try {
    const copy = new Copier(store, temp, root)
    const projectCopy = join(temp, ...prefix.split('/').filter(Boolean))
    mkdirSync(projectCopy, { recursive: true })
    await copy.files(prefix, [CONFIG_FILE, ENV_FILE])
    const config = readConfigAt(projectCopy, options.env)
    if (!config) return { commit, files: [], note: `the project had no ${CONFIG_FILE} at ${short(commit)}` }
    if (options.migrationsDir !== undefined) config.migrationsDirectory = options.migrationsDir
    const wanted =
      config.version === 1
        ? ['metadata.yaml', 'metadata.json'].map((f) => posix.join(config.migrationsDirectory, f))
        : [config.metadataFile ?? config.metadataDirectory]
    for (const rel of wanted) {
      const inRepo = posix.normalize(posix.join(prefix, rel.replace(/\\/g, '/')))
      if (inRepo === '..' || inRepo.startsWith('../')) continue // outside the repository: git has nothing there
      await copy.path(inRepo === '.' ? '' : inRepo)
    }
    const built = await buildMetadata(config)
    return built ? { commit, metadata: built.metadata, files: built.files } : { commit, files: [] }
  } catch (e) {
    throw rethrown(e, commit)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** The commit's config, or undefined when it had no config.yaml. */
function readConfigAt(dir: string, env: NodeJS.ProcessEnv | undefined): ProjectConfig | undefined {
  if (!existsSync(join(dir, CONFIG_FILE))) return undefined
  return readConfig(dir, env ?? process.env)
}

/** A user error while reading the base names the commit: the file it names is not the checkout's. */
function rethrown(e: unknown, commit: string): unknown {
  if (!(e instanceof KnownError)) return e
  return new UserError(`at the base commit ${short(commit)}: ${e.message}`, e.where)
}

async function missingCommit(git: Git, commit: string): Promise<UserError> {
  const shallow = await git(['rev-parse', '--is-shallow-repository'])
  const why = shallow.stdout.toString('utf8').trim() === 'true' ? ' (the clone is shallow)' : ''
  return new UserError(
    `the base commit ${short(commit)} is not in the checkout${why}: set \`fetch-depth: 0\` on actions/checkout so the metadata at the pull request's base can be compared`,
  )
}

/** Copies files of one commit out of git into a directory laid out like the repository. */
class Copier {
  constructor(
    private readonly store: ObjectStore,
    private readonly dir: string,
    /** The commit's root tree. */
    private readonly root: string,
  ) {}

  /** The named files of a directory (those that exist). */
  async files(directory: string, names: string[]): Promise<void> {
    const tree = await this.tree(directory)
    const wanted = names.flatMap((n) => {
      const entry = tree?.get(n)
      return entry ? [{ path: posix.join(directory, n), entry }] : []
    })
    await this.write(wanted)
  }

  /** A file, or a directory with everything below it. */
  async path(path: string): Promise<void> {
    const entry = await this.store.entryAt(this.root, path)
    if (!entry) return
    const found: { path: string; entry: Entry }[] = []
    await this.collect(path, entry, found)
    await this.write(found)
  }

  private async collect(path: string, entry: Entry, out: { path: string; entry: Entry }[]): Promise<void> {
    if (entry.mode === SUBMODULE) return
    if (entry.mode !== TREE) {
      out.push({ path, entry })
      return
    }
    for (const [name, child] of (await this.store.tree(entry.id)) ?? [])
      await this.collect(path ? `${path}/${name}` : name, child, out)
  }

  private async write(entries: { path: string; entry: Entry }[]): Promise<void> {
    const blobs = await this.store.blobs([...new Set(entries.map((e) => e.entry.id))])
    for (const { path, entry } of entries) {
      const body = blobs.get(entry.id)
      if (!body) throw new UserError(`${path}: git could not give its content (object ${short(entry.id)})`)
      const abs = join(this.dir, ...path.split('/'))
      mkdirSync(dirname(abs), { recursive: true })
      if (entry.mode === SYMLINK) {
        // a link leading out of the copy would read the machine's files: it is left out (as if absent)
        const target = body.toString('utf8')
        const resolved = relative(this.dir, resolve(dirname(abs), target))
        if (resolved === '..' || resolved.startsWith(`..${sep}`) || isAbsolute(resolved)) continue
        symlinkSync(target, abs)
      } else {
        writeFileSync(abs, body)
      }
    }
  }

  private async tree(directory: string): Promise<Map<string, Entry> | undefined> {
    const entry = await this.store.entryAt(this.root, directory)
    return entry?.mode === TREE ? this.store.tree(entry.id) : undefined
  }
}
