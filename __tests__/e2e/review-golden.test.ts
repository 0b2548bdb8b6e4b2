/**
 * The review of a pull request, end to end on dist/index.js and the embedded database: a repository
 * with a base commit and a pull request that adds a table, drops a column, retypes a column, builds an
 * index without CONCURRENTLY, changes select permissions for three roles (one widened, one narrowed,
 * one granted to the unauthenticated role), adds a relationship and an action. The comment the action
 * posts and the job summary are golden files (`UPDATE_GOLDEN=1` rewrites them; review the diff).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { checkoutCommit } from '../support/git-repo.js'
import { ACTIONS_TOKEN, startGitHubStub, type GitHubStub } from '../support/github-stub.js'
import { repoRoot } from '../support/shared.js'
import { tempDir } from '../support/temp-dir.js'
import { pullRequestPayload } from '../support/webhook-payloads.js'

const GOLDEN_DIR = join(repoRoot, '__tests__', 'golden')
const UPDATE = process.env.UPDATE_GOLDEN === '1'
const M = 'hasura/migrations/default'

/** Fixed identity and dates: the same commit ids on every machine, so the golden files can name them. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: tmpdir(),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: '2026-11-21T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-21T10:00:00Z',
    },
  }).trim()
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}

function commit(root: string, message: string): string {
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', message)
  return git(root, 'rev-parse', 'HEAD')
}

const permission = (role: string, columns: string[], filter: string) =>
  `    - role: ${role}\n      permission:\n        columns: [${columns.join(', ')}]\n        filter: ${filter}\n`

const source = (tables: string) => `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: PG_DATABASE_URL
  tables:
${tables}`

const BASE: Record<string, string> = {
  'hasura/config.yaml': 'version: 3\n',
  'hasura/metadata/version.yaml': 'version: 3\n',
  'hasura/metadata/actions.graphql': '',
  'hasura/metadata/actions.yaml': 'actions: []\ncustom_types: {}\n',
  'hasura/metadata/databases/databases.yaml': source(
    '  - table: {schema: public, name: users}\n' +
      '    select_permissions:\n' +
      permission('user', ['id', 'email'], '{id: {_eq: X-Hasura-User-Id}}') +
      permission('editor', ['id', 'email', 'name'], '{}') +
      '  - table: {schema: public, name: posts}\n',
  ),
  [`${M}/1700000000000_init/up.sql`]:
    'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, name text, age int);\n' +
    'CREATE TABLE posts (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), title text);\n',
  [`${M}/1700000000000_init/down.sql`]: 'DROP TABLE posts;\nDROP TABLE users;\n',
}

const PULL_REQUEST: Record<string, string> = {
  [`${M}/1700000000100_comments/up.sql`]: [
    'CREATE TABLE comments (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES posts (id), body text NOT NULL);',
    'ALTER TABLE users DROP COLUMN name;',
    'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
    'CREATE INDEX posts_user_id ON posts (user_id);',
    '',
  ].join('\n'),
  [`${M}/1700000000100_comments/down.sql`]: [
    'DROP INDEX posts_user_id;',
    'ALTER TABLE users ALTER COLUMN age TYPE int;',
    'ALTER TABLE users ADD COLUMN name text;',
    'DROP TABLE comments;',
    '',
  ].join('\n'),
  'hasura/metadata/databases/databases.yaml': source(
    '  - table: {schema: public, name: users}\n' +
      '    select_permissions:\n' +
      // user: may now read age (widens); editor: loses the dropped name (narrows)
      permission('user', ['id', 'email', 'age'], '{id: {_eq: X-Hasura-User-Id}}') +
      permission('editor', ['id', 'email'], '{}') +
      '  - table: {schema: public, name: posts}\n' +
      '    array_relationships:\n' +
      '    - name: comments\n' +
      '      using: {foreign_key_constraint_on: {table: {schema: public, name: comments}, column: post_id}}\n' +
      '    select_permissions:\n' +
      // anonymous: anyone, without logging in, may now read posts
      permission('anonymous', ['id', 'title'], '{}') +
      '  - table: {schema: public, name: comments}\n',
  ),
  'hasura/metadata/actions.graphql':
    'type Mutation {\n  notifyAuthor(postId: Int!): NotifyResult\n}\n\ntype NotifyResult {\n  ok: Boolean!\n}\n',
  'hasura/metadata/actions.yaml':
    'actions:\n- name: notifyAuthor\n  definition:\n    kind: synchronous\n    handler: https://notify.example.com/author\n  permissions:\n  - role: user\ncustom_types:\n  objects:\n  - name: NotifyResult\n',
}

function golden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name)
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1 and review it`)
    writeFileSync(path, actual)
    return
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

/** What differs between two runs of the same pull request: how long things took and when. */
function timeless(summary: string): string {
  return summary
    .replace(/ · took [^·\n]+/g, ' · took …')
    .replace(/^- \*\*Started:\*\* .*$/m, '- **Started:** …')
    .replace(/\| \d+(\.\d+)? (ms|s) \|/g, '| … |')
}

describe('the review of a pull request: golden comment and summary', () => {
  let stub: GitHubStub
  let run: ActionRun
  let baseSha: string

  beforeAll(async () => {
    const parent = tempDir('hma-e2e-review-')
    const origin = join(parent, 'origin.git')
    git(parent, 'init', '-q', '--bare', '-b', 'main', origin)
    git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
    const dev = join(parent, 'dev')
    git(parent, 'clone', '-q', `file://${origin}`, dev)
    git(dev, 'checkout', '-q', '-b', 'main')
    write(dev, BASE)
    baseSha = commit(dev, 'base')
    git(dev, 'push', '-q', 'origin', 'main')
    git(dev, 'checkout', '-q', '-b', 'review')
    write(dev, PULL_REQUEST)
    const headSha = commit(dev, 'the pull request')
    git(dev, 'push', '-q', 'origin', 'review')
    // actions/checkout with fetch-depth 2: the head and its parent, the base
    const workspace = checkoutCommit(parent, origin, headSha, 2)

    stub = await startGitHubStub()
    const payload = pullRequestPayload('synchronize')
    payload.pull_request.head.sha = headSha
    payload.pull_request.base.ref = 'main'
    ;(payload.pull_request.base as { sha?: string }).sha = baseSha
    stub.heads.set(payload.number, headSha)
    run = await runDistAction({
      cwd: workspace,
      eventName: 'pull_request',
      event: payload,
      env: { GITHUB_API_URL: stub.url, GITHUB_REPOSITORY: `${stub.owner}/${stub.repo}` },
      inputs: { 'project-dir': 'hasura', 'github-token': ACTIONS_TOKEN },
    })
  })
  afterAll(async () => {
    await stub?.close()
  })

  it('the run succeeds with warnings and outputs every finding and metadata change', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const findings = JSON.parse(run.outputs.findings) as { rule: string; line: number }[]
    expect(findings.map((f) => `${f.rule}:${f.line}`)).toEqual([
      'drop-column:2',
      'change-column-type:3',
      'create-index-not-concurrently:4',
    ])
    const changes = JSON.parse(run.outputs['metadata-changes']) as Record<
      string,
      { kind: string; name: string; change: string; widens: boolean }[]
    >
    expect(
      changes.default.map((c) => `${c.change} ${c.kind} ${c.name}${c.widens ? ' (widens)' : ''}`),
    ).toEqual([
      'added table public.comments',
      'added array_relationship public.posts.comments',
      'added select_permission public.posts/anonymous (widens)',
      'changed select_permission public.users/editor',
      'changed select_permission public.users/user (widens)',
    ])
    expect(changes[''].map((c) => `${c.change} ${c.kind} ${c.name}${c.widens ? ' (widens)' : ''}`)).toEqual([
      'added custom_type NotifyResult',
      'added action notifyAuthor',
      'added action_permission notifyAuthor/user (widens)',
    ])
    const titles = run.annotations
      .filter((a) => a.startsWith('::warning'))
      .map((a) => /title=([^,:]+)/.exec(a)?.[1])
    expect(titles).toEqual(
      expect.arrayContaining(['drop-column', 'change-column-type', 'create-index-not-concurrently']),
    )
  })

  it('the comment: the verdict, then findings, metadata changes with each widening flagged, then the plan', () => {
    const [comment] = stub.comments.get(pullRequestPayload('synchronize').number) ?? []
    expect(comment, run.stdout + run.stderr).toBeDefined()
    const body = comment.body
    expect(body).toMatch(
      /^### ⚠️ Applied 2 migrations · 3 findings · schema .* · metadata: .*widen access\)/m,
    )
    expect(body.indexOf('### Findings')).toBeLessThan(body.indexOf('### Metadata changes'))
    expect(body.indexOf('### Metadata changes')).toBeLessThan(body.indexOf('### State'))
    expect(body).toContain(
      '⚠️ **widens access:** select permission on public.posts granted to role anonymous',
    )
    expect(body).toContain(baseSha.slice(0, 7))
    golden('review-pull-request.comment.md', body)
  })

  it('the summary: the same review, with the run details', () => {
    golden('review-pull-request.summary.md', timeless(run.summary))
  })
})
