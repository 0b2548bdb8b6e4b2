/**
 * Hostile input from a fork's pull request in the events that give a job the repository's secrets
 * (`pull_request_target`, `workflow_run` after a pull request): dist/index.js run as GitHub runs it, in
 * real git checkouts, with real webhook payloads. Executing the fork's files against a real target
 * must fail cleanly before anything connects — exit 1, one `::error` naming the event and the safe
 * ways, no connection through a counting proxy, no request to the Hasura server, nothing written, no
 * secret printed — however the files reach the workspace. What stays safe (a plan, the embedded
 * database, the base commit, other events) and the opt-in still run. Every case is recorded for RELIABILITY.md.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { checkoutCommit, commit, git, originAndClone, write } from '../support/git-repo.js'
import { startHasuraServer } from '../support/hasura-server/index.js'
import { repoRoot } from '../support/shared.js'
import { startCountingProxy } from '../support/tcp-proxy.js'
import { pullRequestPayload, webhookPayload, workflowRunPayload } from '../support/webhook-payloads.js'
import { ALL_SECRETS, errorLines, SECRETS, STACK_TRACE, withPassword, writesIn } from './support/hostile.js'
import { record, scanForSecrets } from './support/record.js'
import { tempDir } from '../support/temp-dir.js'

const DIST = join(repoRoot, 'dist', 'index.js')
const CLI = join(repoRoot, 'dist', 'cli.js')
const FORK = 'someone/Hello-World'
const M = 'hasura/migrations/default'
const BASE_VERSION = '1700000000000'
const PR_VERSION = '1700000000100'

let parent: string
let origin: string
let baseSha: string
let headSha: string
let mergeSha: string

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle first`)
  const repos = originAndClone('hma-hostile-pr-')
  parent = repos.base
  origin = repos.origin
  const dev = repos.dev
  write(dev, 'hasura/config.yaml', 'version: 3\n')
  write(dev, `${M}/${BASE_VERSION}_init/up.sql`, 'CREATE TABLE public.base_t (id int);\n')
  write(dev, `${M}/${BASE_VERSION}_init/down.sql`, 'DROP TABLE public.base_t;\n')
  baseSha = commit(dev, 'base')
  git(dev, 'push', '-q', 'origin', 'main')
  // the fork's pull request: SQL that would run as the database owner
  git(dev, 'checkout', '-q', '-b', 'feature')
  write(dev, `${M}/${PR_VERSION}_pwn/up.sql`, 'CREATE TABLE public.pwned AS SELECT current_user AS who;\n')
  write(dev, `${M}/${PR_VERSION}_pwn/down.sql`, 'DROP TABLE public.pwned;\n')
  headSha = commit(dev, 'pull request')
  git(dev, 'push', '-q', 'origin', 'feature')
  // the merge commit GitHub makes at refs/pull/N/merge
  git(dev, 'checkout', '-q', '-b', 'pull-merge', 'main')
  git(dev, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature')
  mergeSha = git(dev, 'rev-parse', 'HEAD')
  git(dev, 'push', '-q', 'origin', 'pull-merge:refs/pull/2/merge')
})

const checkout = (sha: string, depth = 1): string => checkoutCommit(parent, origin, sha, depth)

/** The example pull request, from the fork (or from `from`), at this suite's commits. */
function pullRequestTarget(from: string | null = FORK) {
  const payload = pullRequestPayload('opened')
  payload.pull_request.head.sha = headSha
  payload.pull_request.base.sha = baseSha
  payload.pull_request.base.ref = 'main'
  payload.pull_request.head.repo = from === null ? null : { full_name: from }
  Object.assign(payload.pull_request, { merge_commit_sha: mergeSha })
  return payload
}

function workflowRun(event: string, from = FORK) {
  const payload = workflowRunPayload()
  payload.workflow_run.event = event
  payload.workflow_run.head_sha = headSha
  payload.workflow_run.head_repository = { full_name: from }
  payload.repository.full_name = 'Codertocat/Hello-World'
  return payload
}

interface Event {
  eventName: string
  event: unknown
}
const TARGET: () => Event = () => ({ eventName: 'pull_request_target', event: pullRequestTarget() })

interface Measured {
  run: ActionRun
  errors: string[]
  leaked: string[]
  stackTrace: boolean
  /** Connections through the proxy in front of the database. */
  connections: number
  writes: number
  tables: string[]
}

/** Runs the action in `workspace` on a fresh database behind a counting proxy. */
async function runOnDatabase(
  workspace: string,
  event: Event,
  inputs: Record<string, string> = {},
  options: { projectDir?: string; env?: Record<string, string>; database?: boolean } = {},
): Promise<Measured> {
  const db = await createDatabase('hostile_pr')
  const proxy = await startCountingProxy(withPassword(db.url))
  try {
    const run = await runDistAction({
      cwd: workspace,
      ...event,
      env: { GITHUB_SHA: baseSha, ...options.env },
      inputs: {
        'project-dir': options.projectDir ?? 'hasura',
        ...(options.database === false ? {} : { 'database-url': proxy.url }),
        'admin-secret': SECRETS.adminSecret,
        'github-token': SECRETS.githubToken,
        comment: 'never',
        ...inputs,
      },
    })
    const tables = await query<{ t: string }>(
      db.url,
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
    return {
      run,
      errors: errorLines(run),
      leaked: scanForSecrets(capturedTexts(run), ALL_SECRETS),
      stackTrace: STACK_TRACE.test(run.stdout + '\n' + run.stderr),
      connections: proxy.connections(),
      writes: await writesIn(db.url),
      tables: tables.map((r) => r.t),
    }
  } finally {
    await proxy.close()
    await db.drop()
  }
}

/** What every refusal must show: exit 1, one ::error naming the event and the safe ways, nothing touched. */
function expectRefused(m: Measured, event: string, from = FORK): void {
  const context = m.run.stdout + m.run.stderr
  expect(m.run.code, context).toBe(1)
  expect(m.errors, context).toHaveLength(1)
  for (const part of [
    event,
    'refused',
    from,
    'embedded database',
    'dry-run: plan',
    'pull_request workflow',
  ]) {
    expect(m.errors[0]).toContain(part)
  }
  expect(m.stackTrace, context).toBe(false)
  expect(m.leaked).toEqual([])
  expect(m.connections).toBe(0)
  expect(m.writes).toBe(0)
}

function recordRefusal(name: string, m: Measured, event: string, from = FORK): void {
  let clean = true
  try {
    expectRefused(m, event, from)
  } catch {
    clean = false
  }
  record({
    suite: 'hostile',
    name,
    outcome: clean ? 'clean-failure' : 'unclean-failure',
    writes: m.writes + m.connections,
    stackTrace: m.stackTrace,
    secretsLeaked: m.leaked.length,
    detail: clean
      ? undefined
      : `exit ${m.run.code}; ${m.connections} connection(s); errors: ${m.errors.join(' | ').slice(0, 300)}`,
  })
  expectRefused(m, event, from)
}

/** Records an allowed run as passed when `check` holds. */
async function recordAllowed(name: string, m: Measured, check: () => void | Promise<void>): Promise<void> {
  let failure: unknown
  try {
    expect(m.run.code, m.run.stdout + m.run.stderr).toBe(0)
    expect(m.leaked).toEqual([])
    await check()
  } catch (e) {
    failure = e
  }
  record({ suite: 'hostile', name, outcome: failure ? 'failed' : 'passed', secretsLeaked: m.leaked.length })
  if (failure) throw failure as Error
}

interface Report {
  status: string
  error?: { kind: string; message: string; remedy?: string }
  trustedPullRequestCode?: { event: string; from: string; reason: string }
}
const reportOf = (r: ActionRun) => JSON.parse(r.outputs.report) as Report

describe('pull_request_target from a fork: its files never run against a real database', () => {
  it('its head checked out (the "pwn request"): refused before connecting', async () => {
    const m = await runOnDatabase(checkout(headSha), TARGET())
    recordRefusal(
      'pull_request_target from a fork, its head checked out, database-url',
      m,
      'pull_request_target',
    )
    expect(m.errors[0]).toContain(`the checked-out commit ${headSha.slice(0, 7)} is the pull request's head`)
    expect(m.tables).toEqual([])
    // the summary and the outputs report it like any other failure
    expect(m.run.summary).toContain("Refused: this run would execute a pull request's code")
    expect(m.run.summary).toContain('trust-pull-request-code: true')
    const report = reportOf(m.run)
    expect(report.status).toBe('failed')
    expect(report.error?.kind).toBe('refused')
    expect(m.run.outputs['applied-versions']).toBe('[]')
  })

  it('its merge commit checked out: refused', async () => {
    const m = await runOnDatabase(checkout(mergeSha), TARGET())
    recordRefusal('pull_request_target from a fork, its merge commit checked out', m, 'pull_request_target')
    expect(m.errors[0]).toContain(`${mergeSha.slice(0, 7)} is the pull request's merge commit`)
  })

  it.each([
    ['dry-run: rehearse (rolled back, but SQL can still read and send out)', { 'dry-run': 'rehearse' }],
    ['skip-execution: true (records the fork’s versions)', { 'skip-execution': 'true' }],
  ])('its head checked out, %s: refused', async (name, inputs) => {
    const m = await runOnDatabase(checkout(headSha), TARGET(), inputs)
    recordRefusal(`pull_request_target from a fork, ${name}`, m, 'pull_request_target')
  })

  it('from a deleted fork (head.repo null): refused', async () => {
    const event = { eventName: 'pull_request_target', event: pullRequestTarget(null) }
    const m = await runOnDatabase(checkout(headSha), event)
    const from = 'a repository GitHub does not name'
    recordRefusal('pull_request_target from a deleted fork (head.repo null)', m, 'pull_request_target', from)
  })

  it('the base checked out, the fork’s migration copied over it: refused', async () => {
    const ws = checkout(baseSha)
    cpSync(join(checkout(headSha), `${M}/${PR_VERSION}_pwn`), join(ws, `${M}/${PR_VERSION}_pwn`), {
      recursive: true,
    })
    const m = await runOnDatabase(ws, TARGET())
    recordRefusal(
      'pull_request_target, base checked out, the fork’s migration copied in',
      m,
      'pull_request_target',
    )
    expect(m.errors[0]).toContain(`hasura/migrations is not as in the base commit ${baseSha.slice(0, 7)}`)
  })

  it('the fork’s files in a sub-directory of a base checkout (an artifact, say): refused', async () => {
    const ws = checkout(baseSha)
    cpSync(join(checkout(headSha), 'hasura'), join(ws, 'pr', 'hasura'), { recursive: true })
    const m = await runOnDatabase(ws, TARGET(), {}, { projectDir: 'pr/hasura' })
    recordRefusal(
      'pull_request_target, the fork’s files in a sub-directory of a base checkout',
      m,
      'pull_request_target',
    )
  })

  it('the fork’s files with a .git of their own claiming the base commit: refused', async () => {
    const ws = mkdtempSync(join(parent, 'planted-'))
    cpSync(join(checkout(headSha), 'hasura'), join(ws, 'hasura'), { recursive: true })
    git(ws, 'init', '-q')
    const evil = commit(ws, 'evil')
    // the fork's commit, stored under the base commit's id, and HEAD pointing at that id
    const body = Buffer.from(git(ws, 'cat-file', 'commit', evil) + '\n')
    const dir = join(ws, '.git', 'objects', baseSha.slice(0, 2))
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, baseSha.slice(2)),
      deflateSync(Buffer.concat([Buffer.from(`commit ${body.length}\0`), body])),
    )
    writeFileSync(join(ws, '.git', 'HEAD'), `${baseSha}\n`)
    const m = await runOnDatabase(ws, TARGET())
    recordRefusal(
      'pull_request_target, the fork’s files with a .git claiming the base commit',
      m,
      'pull_request_target',
    )
  })

  it('the fork’s files in no git repository: refused', async () => {
    const ws = tempDir('hma-hostile-pr-nogit-')
    cpSync(join(checkout(headSha), 'hasura'), join(ws, 'hasura'), { recursive: true })
    const m = await runOnDatabase(ws, TARGET())
    recordRefusal('pull_request_target, the fork’s files in no git repository', m, 'pull_request_target')
    expect(m.errors[0]).toContain('no git repository holds')
  })

  it('the local CLI in such a workflow (npx hasura-migrate) refuses too', async () => {
    const ws = checkout(headSha)
    const db = await createDatabase('hostile_pr_cli')
    const proxy = await startCountingProxy(withPassword(db.url))
    const dir = tempDir('hma-hostile-pr-cli-')
    writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestTarget()))
    try {
      const out = await runCli(['--project-dir', 'hasura', '--database-url', proxy.url], ws, {
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_SHA: baseSha,
      })
      const leaked = scanForSecrets([out.stdout, out.stderr], ALL_SECRETS)
      const writes = await writesIn(db.url)
      const errors = out.stderr.split('\n').filter((l) => l.startsWith('error: '))
      const clean =
        out.code === 1 && errors.length === 1 && errors[0].includes('refused') && leaked.length === 0
      record({
        suite: 'hostile',
        name: 'pull_request_target from a fork, the CLI (npx hasura-migrate) in the workflow',
        outcome: clean && proxy.connections() === 0 && writes === 0 ? 'clean-failure' : 'unclean-failure',
        writes: writes + proxy.connections(),
        stackTrace: STACK_TRACE.test(out.stderr),
        secretsLeaked: leaked.length,
      })
      expect(out.code, out.stderr).toBe(1)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('pull_request_target')
      expect(errors[0]).toContain('dry-run: plan')
      expect(proxy.connections()).toBe(0)
      expect(writes).toBe(0)
      expect(leaked).toEqual([])
    } finally {
      await proxy.close()
      await db.drop()
    }
  })
})

describe('workflow_run after a fork’s pull request', () => {
  const ADMIN = SECRETS.adminSecret

  it('with a Hasura endpoint: refused, no request reaches the server', async () => {
    const db = await createDatabase('hostile_pr_hasura')
    const server = await startHasuraServer({
      databaseUrl: db.url,
      adminSecret: ADMIN,
      env: { HASURA_GRAPHQL_DATABASE_URL: db.url },
    })
    try {
      const run = await runDistAction({
        cwd: checkout(headSha),
        eventName: 'workflow_run',
        event: workflowRun('pull_request'),
        env: { GITHUB_SHA: baseSha },
        inputs: {
          'project-dir': 'hasura',
          endpoint: server.url,
          'admin-secret': ADMIN,
          'github-token': SECRETS.githubToken,
          comment: 'never',
        },
      })
      const m: Measured = {
        run,
        errors: errorLines(run),
        leaked: scanForSecrets(capturedTexts(run), ALL_SECRETS),
        stackTrace: STACK_TRACE.test(run.stdout + '\n' + run.stderr),
        // any request could have been a write: none may reach the server
        connections: server.requests.length,
        writes: 0,
        tables: [],
      }
      recordRefusal(
        'workflow_run after a fork’s pull_request, Hasura endpoint',
        m,
        'workflow_run (after pull_request)',
      )
      expect(m.errors[0]).toContain('against Hasura')
    } finally {
      await server.close()
      await db.drop()
    }
  })

  it('with database-url: refused', async () => {
    const m = await runOnDatabase(checkout(headSha), {
      eventName: 'workflow_run',
      event: workflowRun('pull_request'),
    })
    recordRefusal('workflow_run after a fork’s pull_request, database-url', m, 'workflow_run')
  })
})

/** A comment on the suite's pull request (or, `onIssue`, on a plain issue): the ChatOps trigger. */
function issueComment(onIssue = false): Event {
  const payload = webhookPayload('issue_comment', 'created')
  const issue = payload.issue as { number: number; pull_request?: unknown }
  issue.number = 2
  if (!onIssue) issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/2' }
  return { eventName: 'issue_comment', event: payload }
}

describe('issue_comment on a pull request (ChatOps): the event does not say whose code its head is', () => {
  it('its head checked out, database-url: refused before connecting', async () => {
    const m = await runOnDatabase(checkout(headSha), issueComment())
    recordRefusal(
      'issue_comment on a pull request, its head checked out, database-url',
      m,
      'issue_comment (on a pull request)',
      'a repository the comment event does not name (pull request #2)',
    )
    expect(m.tables).toEqual([])
  })

  it('the default branch checked out (no pull request code): applies', async () => {
    const m = await runOnDatabase(checkout(baseSha), issueComment())
    await recordAllowed('issue_comment on a pull request, the default branch checked out, applies', m, () => {
      expect(m.tables).toEqual(['base_t'])
    })
  })

  it('a comment on an issue: unaffected, applies', async () => {
    const m = await runOnDatabase(checkout(headSha), issueComment(true))
    await recordAllowed('issue_comment on an issue: unaffected by the pull-request guard', m, () => {
      expect(m.tables).toEqual(['base_t', 'pwned'])
    })
  })
})

describe('what stays allowed', () => {
  it('pull_request_target from a fork, dry-run: plan: reads the state, writes nothing', async () => {
    const m = await runOnDatabase(checkout(headSha), TARGET(), { 'dry-run': 'plan' })
    await recordAllowed('pull_request_target from a fork, dry-run: plan', m, () => {
      expect(reportOf(m.run).status).toBe('planned')
      expect(JSON.parse(m.run.outputs['planned-versions'])).toEqual([BASE_VERSION, PR_VERSION])
      expect(m.connections).toBeGreaterThan(0)
      expect(m.writes).toBe(0)
    })
  })

  it('pull_request_target from a fork, the embedded database: the whole check runs', async () => {
    const m = await runOnDatabase(checkout(headSha), TARGET(), {}, { database: false })
    await recordAllowed('pull_request_target from a fork, the embedded database', m, () => {
      expect(JSON.parse(m.run.outputs['applied-versions'])).toEqual([BASE_VERSION, PR_VERSION])
      expect(m.connections).toBe(0)
    })
  })

  it('pull_request_target from a fork, trust-pull-request-code: true: applies, and says so at the top', async () => {
    const m = await runOnDatabase(checkout(headSha), TARGET(), { 'trust-pull-request-code': 'true' })
    await recordAllowed('pull_request_target from a fork, trust-pull-request-code: true applies', m, () => {
      expect(m.tables).toEqual(['base_t', 'pwned'])
      expect(reportOf(m.run).trustedPullRequestCode).toEqual({
        event: 'pull_request_target',
        from: FORK,
        reason: `the checked-out commit ${headSha.slice(0, 7)} is the pull request's head`,
      })
      const top = m.run.summary.split('\n').slice(0, 4).join('\n')
      expect(top).toContain('**Pull-request code trusted**')
      expect(top).toContain(FORK)
      expect(
        m.run.annotations.some((a) => a.startsWith('::warning') && a.includes('trust-pull-request-code')),
      ).toBe(true)
    })
  })

  it('pull_request_target with the base commit checked out (the event’s safe use): applies', async () => {
    const m = await runOnDatabase(checkout(baseSha), TARGET())
    await recordAllowed('pull_request_target from a fork, the base commit checked out, applies', m, () => {
      expect(m.tables).toEqual(['base_t'])
      expect(reportOf(m.run).trustedPullRequestCode).toBeUndefined()
      expect(m.run.summary).not.toContain('Pull-request code trusted')
    })
  })

  it('pull_request_target from a branch of the repository itself: applies', async () => {
    const event = { eventName: 'pull_request_target', event: pullRequestTarget('Codertocat/Hello-World') }
    const m = await runOnDatabase(checkout(headSha), event)
    await recordAllowed('pull_request_target from a branch of the repository itself, applies', m, () => {
      expect(m.tables).toEqual(['base_t', 'pwned'])
    })
  })

  const unaffected: [string, () => Event][] = [
    ['push', () => ({ eventName: 'push', event: webhookPayload('push') })],
    [
      'pull_request from a fork (no secrets)',
      () => ({ eventName: 'pull_request', event: pullRequestTarget() }),
    ],
    [
      'workflow_dispatch',
      () => ({ eventName: 'workflow_dispatch', event: webhookPayload('workflow_dispatch') }),
    ],
    ['schedule', () => ({ eventName: 'schedule', event: { schedule: '0 3 * * *' } })],
    ['workflow_run after a push', () => ({ eventName: 'workflow_run', event: workflowRun('push') })],
  ]
  it.each(unaffected)('%s: unaffected, applies', async (name, event) => {
    const m = await runOnDatabase(checkout(headSha), event())
    await recordAllowed(`${name}: unaffected by the pull-request guard`, m, () => {
      expect(m.tables).toEqual(['base_t', 'pwned'])
      expect(reportOf(m.run).trustedPullRequestCode).toBeUndefined()
    })
  })
})

function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}
