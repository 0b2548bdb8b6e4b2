/**
 * What a pull request changes under the migrations and metadata directories (from git, against the
 * base branch), and the traps in it: a new migration older than the base branch's newest (it will run
 * out of order once merged), an edit to or removal of a migration the base branch already has.
 */
import { getExecOutput } from '@actions/exec'
import type { ChangeFindingKind, FindingResult } from '../model.js'
import { compareVersions, plural } from '../report/words.js'

export type Exec = (
  command: string,
  args: string[],
  options: { cwd: string },
) => Promise<{ exitCode: number; stdout: string; stderr: string }>

const defaultExec: Exec = (command, args, options) =>
  getExecOutput(command, args, { cwd: options.cwd, ignoreReturnCode: true, silent: true })

export interface PrChangesOptions {
  /** The repository's top directory (`GITHUB_WORKSPACE`). */
  repoRoot: string
  /** The base branch name (`main`), as in the event's `pull_request.base.ref`. */
  baseRef: string
  headSha: string
  /** Relative to `repoRoot`, e.g. `hasura/migrations` and `hasura/metadata`. */
  paths: { migrations: string; metadata: string }
  exec?: Exec
  remote?: string
  /** Commits fetched at a time when history is missing (shallow checkout). */
  fetchDepth?: number
}

export interface PrChanges {
  /** Paths relative to the repository root. */
  added: string[]
  modified: string[]
  deleted: string[]
  /** Newest migration version on the base branch's tip, per migrations sub-directory (`''` when flat). */
  baseNewest: Record<string, string>
  /** What history was missing and fetched, or why the comparison is only approximate. */
  warnings: string[]
  /** What was done to get the history (fetches); advice, not a problem. */
  notes: string[]
}

export async function prChanges(options: PrChangesOptions): Promise<PrChanges> {
  const exec = options.exec ?? defaultExec
  const remote = options.remote ?? 'origin'
  const depth = options.fetchDepth ?? 50
  const cwd = options.repoRoot
  const warnings: string[] = []
  const notes: string[] = []
  const git = (...args: string[]) => exec('git', args, { cwd })
  const must = async (...args: string[]): Promise<string> => {
    const r = await git(...args)
    if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`)
    return r.stdout
  }
  const baseRefName = `refs/remotes/${remote}/${options.baseRef}`
  const fetchBase = `+refs/heads/${options.baseRef}:${baseRefName}`

  if ((await git('rev-parse', '--verify', '--quiet', `${baseRefName}^{commit}`)).exitCode !== 0) {
    await must('fetch', '--no-tags', `--depth=${depth}`, remote, fetchBase)
    notes.push(
      `Fetched the base branch '${options.baseRef}' (the checkout did not have it); \`fetch-depth: 0\` on actions/checkout avoids this.`,
    )
  }
  if ((await git('cat-file', '-e', `${options.headSha}^{commit}`)).exitCode !== 0) {
    await must('fetch', '--no-tags', `--depth=${depth}`, remote, options.headSha)
  }

  let mergeBase = await findMergeBase(git, baseRefName, options.headSha)
  for (let deepen = depth; !mergeBase && deepen <= depth * 16; deepen *= 4) {
    const shallow = (await git('rev-parse', '--is-shallow-repository')).stdout.trim() === 'true'
    if (!shallow) break
    await must('fetch', '--no-tags', `--deepen=${deepen}`, remote, fetchBase, options.headSha)
    mergeBase = await findMergeBase(git, baseRefName, options.headSha)
    if (mergeBase) {
      notes.push(
        `Fetched more history to find where the branch left '${options.baseRef}'; \`fetch-depth: 0\` on actions/checkout avoids this.`,
      )
    }
  }
  if (!mergeBase) {
    warnings.push(
      `No common commit with '${options.baseRef}' was found; compared with its tip, so its newer changes may show as changes of this pull request. Use \`fetch-depth: 0\` on actions/checkout.`,
    )
  }

  const paths = [options.paths.migrations, options.paths.metadata].map(clean)
  const diff = await must(
    'diff',
    '--name-status',
    '--no-renames',
    '-z',
    '--relative',
    mergeBase ?? baseRefName,
    options.headSha,
    '--',
    ...paths,
  )
  const changes: PrChanges = { added: [], modified: [], deleted: [], baseNewest: {}, warnings, notes }
  const fields = diff.split('\0').filter((f) => f !== '')
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]
    const path = fields[i + 1]
    if (status.startsWith('A')) changes.added.push(path)
    else if (status.startsWith('D')) changes.deleted.push(path)
    else changes.modified.push(path)
  }

  const tree = await must(
    'ls-tree',
    '-r',
    '--name-only',
    '-z',
    baseRefName,
    '--',
    clean(options.paths.migrations),
  )
  const migrationsDir = clean(options.paths.migrations)
  for (const path of tree.split('\0').filter((p) => p !== '')) {
    const m = parseMigrationPath(path, migrationsDir)
    if (!m) continue
    const current = changes.baseNewest[m.directory]
    if (current === undefined || compareVersions(m.version, current) > 0)
      changes.baseNewest[m.directory] = m.version
  }
  return changes
}

async function findMergeBase(
  git: (...args: string[]) => ReturnType<Exec>,
  base: string,
  head: string,
): Promise<string | undefined> {
  const r = await git('merge-base', base, head)
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined
}

function clean(path: string): string {
  return (
    path
      .replace(/\\/g, '/')
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '') || '.'
  )
}

export interface MigrationPath {
  /** The sub-directory of the migrations directory that holds it (config 3: the database), or `''`. */
  directory: string
  /** Decimal, without leading zeros (`0001_x` is version 1, as the CLI reads it). */
  version: string
  name: string
  direction: 'up' | 'down'
}

const MIGRATION_NAME = /^([0-9]+)_(.*)\.(down|up)\.(sql|yaml)$/

/**
 * Reads a path as the Hasura CLI reads migration files: `<version>_<name>.<up|down>.sql` flat, or
 * `<version>_<name>/<up|down>.sql` (parsed as `<dir>.<file>`), under an optional database directory.
 */
export function parseMigrationPath(path: string, migrationsDir: string): MigrationPath | undefined {
  const dir = clean(migrationsDir)
  const p = clean(path)
  const rel = dir === '.' ? p : p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : undefined
  if (!rel) return undefined
  const segments = rel.split('/')
  const attempts: [string, string[]][] = []
  if (segments.length >= 2) attempts.push([`${segments.at(-2)}.${segments.at(-1)}`, segments.slice(0, -2)])
  attempts.push([segments.at(-1)!, segments.slice(0, -1)])
  for (const [name, parents] of attempts) {
    const m = MIGRATION_NAME.exec(name)
    if (!m || parents.length > 1) continue
    return {
      directory: parents[0] ?? '',
      version: BigInt(m[1]).toString(),
      name: m[2],
      direction: m[3] as 'up' | 'down',
    }
  }
  return undefined
}

export interface ChangeFindingOptions {
  /** Relative to the repository root, like the paths of the changes. */
  migrationsDir: string
  /** The project directory relative to the repository root: finding files are relative to it. */
  projectDir: string
  baseRef: string
  /** The database a migrations sub-directory belongs to (config 3: its name; flat: `default`). */
  databaseOf?: (directory: string) => string
}

/** The traps in a pull request's changes, as findings for the report (warnings and notices). */
export function prChangeFindings(changes: PrChanges, options: ChangeFindingOptions): FindingResult[] {
  const databaseOf = options.databaseOf ?? ((d: string) => d || 'default')
  const project = clean(options.projectDir)
  const relative = (p: string) =>
    project === '.' ? p : p.startsWith(`${project}/`) ? p.slice(project.length + 1) : p
  const out: FindingResult[] = []
  const seen = new Set<string>()
  const add = (
    kind: ChangeFindingKind,
    path: string,
    m: MigrationPath,
    severity: 'warning' | 'notice',
    message: string,
  ) => {
    const key = `${kind}\u0000${m.directory}\u0000${m.version}\u0000${kind === 'merge-order' ? '' : m.direction}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({
      kind,
      severity,
      database: databaseOf(m.directory),
      version: m.version,
      file: relative(path),
      message,
    })
  }
  const base = `'${options.baseRef}'`
  const parse = (p: string) => parseMigrationPath(p, options.migrationsDir)
  const addedVersions = new Set<string>()

  // git lists down.sql before up.sql: a merge-order finding should point at the up file
  const upFirst = (p: string) => (parse(p)?.direction === 'up' ? 0 : 1)
  for (const path of [...changes.added].sort((a, b) => upFirst(a) - upFirst(b))) {
    const m = parse(path)
    if (!m) continue
    addedVersions.add(`${m.directory}\u0000${m.version}`)
    const newest = changes.baseNewest[m.directory]
    if (newest !== undefined && compareVersions(m.version, newest) < 0) {
      add(
        'merge-order',
        path,
        m,
        'warning',
        `${m.version}_${m.name} is older than ${newest}, the newest migration on ${base}: once merged it runs after it, out of order. Give it a newer version (rename it with a current timestamp) unless the order does not matter.`,
      )
    }
  }
  for (const path of changes.modified) {
    const m = parse(path)
    if (!m) continue
    if (m.direction === 'up') {
      add(
        'edited-migration',
        path,
        m,
        'warning',
        `Edits ${m.version}_${m.name}, which ${base} already has: a database where it is applied will not run it again. Put the change in a new migration.`,
      )
    } else {
      add(
        'edited-migration',
        path,
        m,
        'notice',
        `Edits the down migration of ${m.version}_${m.name}, which ${base} already has: this only changes how it is rolled back.`,
      )
    }
  }
  for (const path of changes.deleted) {
    const m = parse(path)
    // a rename shows as a deletion and an addition of the same version: that is not a removal
    if (!m || addedVersions.has(`${m.directory}\u0000${m.version}`)) continue
    add(
      'deleted-migration',
      path,
      m,
      m.direction === 'up' ? 'warning' : 'notice',
      m.direction === 'up'
        ? `Removes ${m.version}_${m.name}, which ${base} already has: a database where it is applied keeps it, and \`hasura migrate status\` shows it as not present locally.`
        : `Removes the down migration of ${m.version}_${m.name}: it can no longer be rolled back.`,
    )
  }
  return out
}

/** One line for the log: what the pull request changes. */
export function describeChanges(changes: PrChanges): string {
  return `${plural(changes.added.length, 'file')} added, ${changes.modified.length} modified, ${changes.deleted.length} deleted under the migrations and metadata directories`
}
