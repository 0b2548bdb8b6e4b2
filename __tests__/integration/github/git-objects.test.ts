/**
 * The object store on real repositories: one `git cat-file --batch` answers every read, in order; an
 * object whose content does not hash to its id is never used (a planted `.git` cannot pass one off);
 * what is not an object id never reaches git; a closed store reads nothing and leaves no process.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ObjectStore, TREE, repositoryPrefix } from '../../../src/github/git-objects.js'
import { commit, git, write } from '../../support/git-repo.js'
import { tempDir } from '../../support/temp-dir.js'

function repository(): { root: string; head: string } {
  const root = tempDir('hma-git-objects-')
  git(root, 'init', '-q', '-b', 'main')
  write(root, 'hasura/config.yaml', 'version: 3\n')
  for (let i = 0; i < 40; i++) write(root, `hasura/migrations/default/${1000 + i}_m/up.sql`, `SELECT ${i};\n`)
  return { root, head: commit(root, 'a project') }
}

describe('ObjectStore', () => {
  it('walks a commit to its files and reads their contents, many at once, in order', async () => {
    const { root, head } = repository()
    const store = new ObjectStore(root)
    try {
      const tree = await store.commitTree(head)
      expect(tree).toBe(git(root, 'rev-parse', `${head}^{tree}`))
      const migrations = await store.entryAt(tree!, 'hasura/migrations/default')
      expect(migrations?.mode).toBe(TREE)
      const names = [...((await store.tree(migrations!.id))?.keys() ?? [])]
      expect(names).toHaveLength(40)
      const files = await Promise.all(
        names.map((n) => store.entryAt(tree!, `hasura/migrations/default/${n}/up.sql`)),
      )
      const blobs = await store.blobs(files.map((f) => f!.id))
      expect(files.map((f) => blobs.get(f!.id)?.toString('utf8'))).toEqual(
        names.map((n) => `SELECT ${Number(n.slice(0, 4)) - 1000};\n`),
      )
      expect(await store.entryAt(tree!, 'hasura/no/such/path')).toBeUndefined()
    } finally {
      store.close()
    }
  })

  it('answers undefined for a missing object, and never sends git what is not an object id', async () => {
    const { root, head } = repository()
    const store = new ObjectStore(root)
    try {
      expect(await store.commitTree('0'.repeat(40))).toBeUndefined()
      // revision expressions and protocol-breaking text are refused before git sees them
      expect(await store.commitTree('HEAD')).toBeUndefined()
      expect(await store.commitTree(`${head}\n${head}`)).toBeUndefined()
      expect(await store.blobs([`${head}:hasura/config.yaml`])).toEqual(new Map())
      // and the process still answers in order afterwards
      expect(await store.commitTree(head)).toBe(git(root, 'rev-parse', `${head}^{tree}`))
    } finally {
      store.close()
    }
  })

  it('never uses an object whose content does not hash to the id it is stored under', async () => {
    const { root, head } = repository()
    const config = git(root, 'rev-parse', `${head}:hasura/config.yaml`)
    // a loose object copied under another id: git serves it as that id without checking
    const planted = 'ab'.padEnd(40, '1')
    const from = join(root, '.git', 'objects', config.slice(0, 2), config.slice(2))
    mkdirSync(join(root, '.git', 'objects', planted.slice(0, 2)), { recursive: true })
    cpSync(from, join(root, '.git', 'objects', planted.slice(0, 2), planted.slice(2)))
    expect(git(root, 'cat-file', '-p', planted)).toBe('version: 3')
    const store = new ObjectStore(root)
    try {
      const blobs = await store.blobs([planted, config])
      expect(blobs.has(planted)).toBe(false)
      expect(blobs.get(config)?.toString('utf8')).toBe(readFileSync(join(root, 'hasura/config.yaml'), 'utf8'))
    } finally {
      store.close()
    }
  })

  it('reads nothing once closed', async () => {
    const { root, head } = repository()
    const store = new ObjectStore(root)
    expect(await store.commitTree(head)).toBeDefined()
    store.close()
    expect(await store.commitTree(head)).toBeUndefined()
  })

  it('reads nothing outside a repository, without failing', async () => {
    const store = new ObjectStore(tempDir('hma-git-objects-none-'))
    try {
      expect(await store.commitTree('0'.repeat(40))).toBeUndefined()
    } finally {
      store.close()
    }
  })
})

describe('repositoryPrefix', () => {
  it("is the directory's path from the top of its repository", async () => {
    const { root } = repository()
    expect(await repositoryPrefix(join(root, 'hasura', 'migrations'), 'x')).toBe('hasura/migrations')
    expect(await repositoryPrefix(root, 'x')).toBe('')
  })

  it('says which directory no repository holds, and what could not be read', async () => {
    const dir = tempDir('hma-git-objects-none-')
    await expect(repositoryPrefix(dir, "the pull request's base")).rejects.toThrow(
      /^no git repository holds .*hma-git-objects-none-.*, so the pull request's base cannot be read$/,
    )
  })
})
