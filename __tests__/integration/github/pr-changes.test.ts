/**
 * prChanges against real git repositories: an "origin" bare repository, a base branch that moved on
 * after the pull request branched off, and a shallow checkout of the head like actions/checkout makes.
 */
import { mkdirSync, rmSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prChangeFindings, prChanges } from '../../../src/github/migration-changes.js'
import { commit, git, originAndClone, write } from '../../support/git-repo.js'

const M = 'hasura/migrations/default'
let base: string
let origin: string
let headSha: string

beforeAll(() => {
  let dev: string
  ;({ base, origin, dev } = originAndClone('hma-git-'))
  write(dev, 'hasura/config.yaml', 'version: 3\n')
  write(dev, `${M}/1700000000000_init/up.sql`, 'CREATE TABLE a (id int);\n')
  write(dev, `${M}/1700000000000_init/down.sql`, 'DROP TABLE a;\n')
  write(dev, `${M}/1700000000100_b/up.sql`, 'CREATE TABLE b (id int);\n')
  write(dev, `${M}/1700000000100_b/down.sql`, 'DROP TABLE b;\n')
  write(dev, 'hasura/metadata/version.yaml', 'version: 3\n')
  commit(dev, 'base')
  git(dev, 'push', '-q', 'origin', 'main')

  // the pull request branch
  git(dev, 'checkout', '-q', '-b', 'feature')
  write(dev, `${M}/1700000000050_feature/up.sql`, 'ALTER TABLE a ADD COLUMN x int;\n')
  write(dev, `${M}/1700000000000_init/up.sql`, 'CREATE TABLE a (id int, y int);\n')
  unlinkSync(join(dev, `${M}/1700000000100_b/down.sql`))
  commit(dev, 'feature 1')
  write(dev, 'hasura/metadata/databases/default/tables/public_a.yaml', 'table: {name: a, schema: public}\n')
  write(dev, 'README.md', 'not a migration\n')
  headSha = commit(dev, 'feature 2')
  git(dev, 'push', '-q', 'origin', 'feature')

  // main moves on after the branch: a newer migration and many unrelated commits
  git(dev, 'checkout', '-q', 'main')
  write(dev, `${M}/1700000000200_later/up.sql`, 'CREATE TABLE c (id int);\n')
  commit(dev, 'later')
  for (let i = 0; i < 12; i++) {
    write(dev, 'notes.txt', `note ${i}\n`)
    commit(dev, `note ${i}`)
  }
  git(dev, 'push', '-q', 'origin', 'main')
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

/** What actions/checkout does for a pull request with the default fetch-depth: 1. */
function shallowCheckout(name: string): string {
  const dir = join(base, name)
  mkdirSync(dir)
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', `file://${origin}`)
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', headSha)
  git(dir, 'checkout', '-q', '--detach', headSha)
  return dir
}

const paths = { migrations: 'hasura/migrations', metadata: 'hasura/metadata' }

describe('prChanges', () => {
  it('a shallow checkout: fetches the base, deepens to the fork point, and lists the changes', async () => {
    const repoRoot = shallowCheckout('shallow')
    const changes = await prChanges({ repoRoot, baseRef: 'main', headSha, paths, fetchDepth: 5 })
    expect(changes.added).toEqual([
      'hasura/metadata/databases/default/tables/public_a.yaml',
      `${M}/1700000000050_feature/up.sql`,
    ])
    expect(changes.modified).toEqual([`${M}/1700000000000_init/up.sql`])
    // compared with the fork point: main's later migration is not a deletion of this branch
    expect(changes.deleted).toEqual([`${M}/1700000000100_b/down.sql`])
    expect(changes.baseNewest).toEqual({ default: '1700000000200' })
    // fetching what a shallow checkout lacks is advice (notices), not a problem (warnings)
    expect(changes.warnings).toEqual([])
    expect(changes.notes).toHaveLength(2)
    expect(changes.notes[0]).toContain("Fetched the base branch 'main'")
    expect(changes.notes[1]).toContain('Fetched more history')
    for (const w of changes.notes) expect(w).toContain('`fetch-depth: 0`')
  })

  it('a full clone needs no fetch and says nothing', async () => {
    const repoRoot = join(base, 'full')
    git(base, 'clone', '-q', `file://${origin}`, repoRoot)
    git(repoRoot, 'checkout', '-q', '--detach', headSha)
    const changes = await prChanges({ repoRoot, baseRef: 'main', headSha, paths })
    expect(changes.warnings).toEqual([])
    expect(changes.added).toHaveLength(2)
    expect(changes.baseNewest).toEqual({ default: '1700000000200' })
  })

  it('a base branch that does not exist is an error the caller turns into a warning', async () => {
    const repoRoot = shallowCheckout('nobase')
    await expect(prChanges({ repoRoot, baseRef: 'no-such-branch', headSha, paths })).rejects.toThrow(
      /git fetch .* failed/,
    )
  })

  it('the findings of those changes', async () => {
    const repoRoot = join(base, 'full')
    const changes = await prChanges({ repoRoot, baseRef: 'main', headSha, paths })
    const findings = prChangeFindings(changes, {
      migrationsDir: 'hasura/migrations',
      projectDir: 'hasura',
      baseRef: 'main',
    })
    expect(findings.map((f) => [f.kind, f.severity, f.database, f.version, f.file])).toEqual([
      [
        'merge-order',
        'warning',
        'default',
        '1700000000050',
        'migrations/default/1700000000050_feature/up.sql',
      ],
      [
        'edited-migration',
        'warning',
        'default',
        '1700000000000',
        'migrations/default/1700000000000_init/up.sql',
      ],
      [
        'deleted-migration',
        'notice',
        'default',
        '1700000000100',
        'migrations/default/1700000000100_b/down.sql',
      ],
    ])
    expect(findings[0].message).toContain("older than 1700000000200, the newest migration on 'main'")
  })
})
