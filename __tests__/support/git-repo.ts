/** Real git repositories for the pull-request-changes tests: an "origin" and a developer's clone of it. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { tempDir } from './temp-dir.js'

/** A fixed identity and no system or user configuration: the same commits on every machine. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim()
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

/** Commits everything in `root`; the new commit's SHA. */
export function commit(root: string, message: string): string {
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', message)
  return git(root, 'rev-parse', 'HEAD')
}

/** A bare "origin" (serving any commit by SHA, as GitHub does) and `dev`, a clone of it on branch main. */
export function originAndClone(prefix: string): { base: string; origin: string; dev: string } {
  const base = tempDir(prefix)
  const origin = join(base, 'origin.git')
  git(base, 'init', '-q', '--bare', '-b', 'main', origin)
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  const dev = join(base, 'dev')
  git(base, 'clone', '-q', `file://${origin}`, dev)
  git(dev, 'checkout', '-q', '-b', 'main')
  return { base, origin, dev }
}

/**
 * A new workspace under `parent` holding `sha` as actions/checkout leaves it: a repository with `origin`
 * as its remote, the commit fetched alone (depth 1 unless told) and checked out detached.
 */
export function checkoutCommit(parent: string, origin: string, sha: string, depth = 1): string {
  const workspace = mkdtempSync(join(parent, 'workspace-'))
  git(workspace, 'init', '-q')
  git(workspace, 'remote', 'add', 'origin', `file://${origin}`)
  git(workspace, 'fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', sha)
  git(workspace, 'checkout', '-q', '--detach', sha)
  return workspace
}
