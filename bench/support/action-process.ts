/**
 * What the benches that run the action as GitHub does share: a pull request made of a corpus project in a
 * git repository, and one run of a built `dist/index.js` as a whole process, timed.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@example.com',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

export interface PullRequest {
  /** The repository; the project is in its `hasura/`. */
  workspace: string
  baseSha: string
  /** `GITHUB_EVENT_NAME` and `GITHUB_EVENT_PATH` of a `pull_request` event from base to head. */
  env: Record<string, string>
}

/** The project in a repository under `work`: a base commit without its newest migrations, then a commit adding them. */
export function pullRequestRepository(work: string, project: string, newestCount: number): PullRequest {
  const workspace = join(work, 'repo')
  const copy = join(workspace, 'hasura')
  cpSync(project, copy, { recursive: true })
  const migrations = join(copy, 'migrations')
  const newest = readdirSync(migrations)
    .filter((d) => /^\d+_/.test(d))
    .sort()
    .slice(-newestCount)
  const held = join(work, 'held')
  mkdirSync(held)
  for (const d of newest) cpSync(join(migrations, d), join(held, d), { recursive: true })
  for (const d of newest) rmSync(join(migrations, d), { recursive: true })
  git(workspace, 'init', '-q')
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'base')
  const baseSha = git(workspace, 'rev-parse', 'HEAD')
  for (const d of newest) cpSync(join(held, d), join(migrations, d), { recursive: true })
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'the pull request')
  const eventPath = join(work, 'event.json')
  writeFileSync(
    eventPath,
    JSON.stringify({ pull_request: { number: 1, base: { sha: baseSha, ref: 'main' } } }),
  )
  return { workspace, baseSha, env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath } }
}

export interface ActionRun {
  wallMs: number
  /** The process's user + system time (NaN without /usr/bin/time): a busy machine disturbs it far less. */
  cpuMs: number
  stdout: string
}

const TIME = '/usr/bin/time'

/** `dist/index.js` of `distDir` run in `cwd` as GitHub runs it; throws when the action fails. */
export function runActionProcess(options: {
  distDir: string
  cwd: string
  work: string
  inputs: Record<string, string>
  env?: Record<string, string>
}): ActionRun {
  const files = mkdtempSync(join(options.work, 'run-'))
  for (const f of ['output', 'summary', 'env', 'path', 'state']) writeFileSync(join(files, f), '')
  const input = Object.fromEntries(
    Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  )
  const usage = join(files, 'usage')
  const withTime = existsSync(TIME)
  const args = [join(options.distDir, 'index.js')]
  const t0 = process.hrtime.bigint()
  const r = spawnSync(
    withTime ? TIME : process.execPath,
    withTime ? ['-o', usage, '-f', '%U %S', process.execPath, ...args] : args,
    {
      cwd: options.cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_WORKSPACE: options.cwd,
        GITHUB_OUTPUT: join(files, 'output'),
        GITHUB_STEP_SUMMARY: join(files, 'summary'),
        GITHUB_ENV: join(files, 'env'),
        GITHUB_PATH: join(files, 'path'),
        GITHUB_STATE: join(files, 'state'),
        INPUT_COMMENT: 'never',
        ...input,
        ...options.env,
      },
    },
  )
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`the action failed: ${(r.stdout + r.stderr).slice(-3000)}`)
  const [user, system] = withTime
    ? readFileSync(usage, 'utf8').trim().split(/\s+/).slice(-2).map(Number)
    : [NaN, NaN]
  rmSync(files, { recursive: true, force: true })
  return { wallMs, cpuMs: (user + system) * 1000, stdout: r.stdout }
}

export const best = (xs: number[]): number => Math.min(...xs)
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const percent = (from: number, to: number): string => `${(((to - from) / from) * 100).toFixed(1)} %`
