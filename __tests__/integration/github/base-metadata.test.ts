/**
 * Reading the project's metadata at a base commit through git, on real repositories: the checkout is
 * never changed, the base's own config.yaml says where its metadata is, a shallow clone without the
 * base commit gets one message, and the temporary copy is removed.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { readBaseMetadata } from '../../../src/github/base-metadata.js'
import { allChanges, diffMetadata } from '../../../src/review/metadata-diff.js'
import { checkoutCommit, commit, git, originAndClone, write } from '../../support/git-repo.js'

const TABLES = (role: string) => `- table: {schema: public, name: notes}
  select_permissions:
  - role: ${role}
    permission: {columns: [id], filter: {}}
`

describe('readBaseMetadata', () => {
  let base: string
  let origin: string
  let dev: string
  let before: string
  let moved: string
  let head: string

  beforeAll(() => {
    const repos = originAndClone('hma-base-metadata-test-')
    ;({ base, origin, dev } = repos)
    write(dev, 'README.md', '# app\n')
    commit(dev, 'no project yet')
    write(dev, 'hasura/config.yaml', 'version: 2\n')
    write(dev, 'hasura/metadata/version.yaml', 'version: 2\n')
    write(dev, 'hasura/metadata/tables.yaml', TABLES('user'))
    write(dev, 'hasura/migrations/1_a/up.sql', 'create table notes (id int);\n')
    before = commit(dev, 'config 2 project')
    // the metadata moves to another directory and the project to config 3 on the branch
    git(dev, 'rm', '-q', '-r', 'hasura/metadata')
    write(dev, 'hasura/config.yaml', 'version: 3\nmetadata_directory: md\n')
    write(dev, 'hasura/md/version.yaml', 'version: 3\n')
    write(
      dev,
      'hasura/md/databases/databases.yaml',
      '- name: default\n  kind: postgres\n  configuration: {connection_info: {database_url: {from_env: DB}}}\n  tables: "!include default/tables.yaml"\n',
    )
    write(dev, 'hasura/md/databases/default/tables.yaml', TABLES('anonymous'))
    moved = commit(dev, 'config 3, metadata in md/')
    write(dev, 'hasura/md/databases/default/tables.yaml', TABLES('editor'))
    head = commit(dev, 'pull request')
    git(dev, 'push', '-q', 'origin', 'main')
  })

  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it("reads each commit's metadata with that commit's config, leaving the checkout as it is", async () => {
    const projectDir = join(dev, 'hasura')
    const old = await readBaseMetadata({ projectDir, commit: before, env: {} })
    expect(old.metadata).toEqual({
      version: 2,
      tables: [
        {
          table: { schema: 'public', name: 'notes' },
          select_permissions: [{ role: 'user', permission: { columns: ['id'], filter: {} } }],
        },
      ],
    })
    expect(old.files).toEqual(['metadata/tables.yaml']) // config 2: version.yaml is not read
    const now = await readBaseMetadata({ projectDir, commit: moved, env: {} })
    expect(now.files).toContain('md/databases/default/tables.yaml')
    const changes = allChanges(diffMetadata(old.metadata, now.metadata))
    expect(changes.map((c) => [c.name, c.change, c.widens, c.unauthenticated])).toEqual([
      ['public.notes/anonymous', 'added', true, true],
      ['public.notes/user', 'removed', false, undefined],
    ])
    expect(git(dev, 'status', '--porcelain')).toBe('')
    expect(git(dev, 'rev-parse', 'HEAD')).toBe(head)
  })

  it('a commit without the project: no metadata, and why', async () => {
    const first = git(dev, 'rev-list', '--max-parents=0', 'HEAD')
    const r = await readBaseMetadata({ projectDir: join(dev, 'hasura'), commit: first, env: {} })
    expect(r).toEqual({
      commit: first,
      files: [],
      note: `the project directory hasura did not exist at ${first.slice(0, 7)}`,
    })
  })

  it('a shallow clone without the base commit: one message naming fetch-depth: 0', async () => {
    const workspace = checkoutCommit(base, origin, head, 1)
    const error = await readBaseMetadata({
      projectDir: join(workspace, 'hasura'),
      commit: before,
      env: {},
    }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      `the base commit ${before.slice(0, 7)} is not in the checkout (the clone is shallow): set \`fetch-depth: 0\` on actions/checkout so the metadata at the pull request's base can be compared`,
    )
    const deep = checkoutCommit(base, origin, head, 10)
    const r = await readBaseMetadata({ projectDir: join(deep, 'hasura'), commit: before, env: {} })
    expect(r.metadata).toBeDefined()
  })

  it('removes its temporary copy, also when the base metadata is invalid', async () => {
    write(dev, 'hasura/md/databases/default/tables.yaml', '- table: [unclosed\n')
    const broken = commit(dev, 'broken yaml')
    const temp = mkdtempSync(join(tmpdir(), 'hma-own-tmp-'))
    const saved = process.env.TMPDIR
    process.env.TMPDIR = temp
    try {
      await readBaseMetadata({ projectDir: join(dev, 'hasura'), commit: moved, env: {} })
      const error = await readBaseMetadata({ projectDir: join(dev, 'hasura'), commit: broken, env: {} }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).message).toMatch(
        new RegExp(
          `^at the base commit ${broken.slice(0, 7)}: md/databases/default/tables.yaml:\\d+: invalid YAML`,
        ),
      )
      expect(readdirSync(temp)).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
      rmSync(temp, { recursive: true, force: true })
      git(dev, 'reset', '-q', '--hard', head)
    }
  })

  it('a symbolic link leading out of the repository is not followed', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'hma-base-metadata-link-'))
    try {
      git(repo, 'init', '-q', '-b', 'main')
      write(repo, 'config.yaml', 'version: 2\n')
      mkdirSync(join(repo, 'metadata'))
      symlinkSync('/etc/hostname', join(repo, 'metadata', 'tables.yaml'))
      write(repo, 'metadata/functions.yaml', '[]\n')
      const sha = commit(repo, 'a link out')
      const r = await readBaseMetadata({ projectDir: repo, commit: sha, env: {} })
      expect(r.files).toEqual(['metadata/functions.yaml'])
      expect(r.metadata).toEqual({ version: 2, functions: [] })
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })
})
