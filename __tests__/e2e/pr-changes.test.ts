/**
 * "What this pull request changes", end to end: dist/index.js on a pull_request event in a real git
 * checkout made the way actions/checkout makes it (the head commit only, depth 1), with a base branch
 * on an "origin" the action has to fetch from.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { checkoutCommit, commit, git, originAndClone, write } from '../support/git-repo.js'
import { pullRequestPayload } from '../support/webhook-payloads.js'
import { tempDir } from '../support/temp-dir.js'

const M = 'hasura/migrations/default'
const log = (r: ActionRun): string => r.stdout + r.stderr

interface Finding {
  kind: string
  severity: string
  version?: string
  file?: string
  message: string
}

describe('pull-request changes in the report', () => {
  let workspace: string
  let headSha: string

  beforeAll(() => {
    const { base, origin, dev } = originAndClone('hma-e2e-git-')
    write(dev, 'hasura/config.yaml', 'version: 3\n')
    write(dev, 'hasura/metadata/version.yaml', 'version: 3\n')
    write(dev, `${M}/1700000000000_init/up.sql`, 'CREATE TABLE a (id int);\n')
    write(dev, `${M}/1700000000000_init/down.sql`, 'DROP TABLE a;\n')
    write(dev, `${M}/1700000000100_b/up.sql`, 'CREATE TABLE b (id int);\n')
    write(dev, `${M}/1700000000100_b/down.sql`, 'DROP TABLE b;\n')
    commit(dev, 'base')
    git(dev, 'push', '-q', 'origin', 'main')

    git(dev, 'checkout', '-q', '-b', 'feature')
    // older than the base's newest (100): it would run out of order once merged
    write(dev, `${M}/1700000000050_older/up.sql`, 'CREATE TABLE older (id int);\n')
    write(dev, `${M}/1700000000050_older/down.sql`, 'DROP TABLE older;\n')
    // an edit to a migration the base branch already has
    write(dev, `${M}/1700000000100_b/up.sql`, 'CREATE TABLE b (id int, name text);\n')
    headSha = commit(dev, 'feature')
    git(dev, 'push', '-q', 'origin', 'feature')

    // what actions/checkout leaves: the head commit alone (depth 1), no base branch
    workspace = checkoutCommit(base, origin, headSha)
  })

  const event = () => {
    const payload = pullRequestPayload('synchronize')
    payload.pull_request.base.ref = 'main'
    payload.pull_request.head.sha = headSha
    return payload
  }

  it('flags the older new migration and the edit of a base migration in the summary, report and annotations', async () => {
    const r = await runDistAction({
      cwd: workspace,
      eventName: 'pull_request',
      event: event(),
      inputs: { 'project-dir': 'hasura', 'dry-run': 'plan', comment: 'never' },
    })
    expect(r.code, log(r)).toBe(0)
    const report = JSON.parse(r.outputs.report) as {
      databases: { findings: Finding[] }[]
      warnings: string[]
      notices: string[]
    }
    const findings = report.databases[0].findings
    expect(findings.map((f) => [f.kind, f.severity, f.version, f.file])).toEqual([
      ['merge-order', 'warning', '1700000000050', 'migrations/default/1700000000050_older/up.sql'],
      ['edited-migration', 'warning', '1700000000100', 'migrations/default/1700000000100_b/up.sql'],
    ])
    expect(findings[0].message).toContain("older than 1700000000100, the newest migration on 'main'")
    expect(findings[1].message).toContain("Edits 1700000000100_b, which 'main' already has")
    // the shallow checkout had to fetch the base branch: the action says how to avoid that, as a notice
    expect(report.notices.join('\n')).toContain('fetch-depth: 0')
    expect(report.warnings.filter((w) => !w.startsWith('Metadata changes not shown'))).toEqual([])
    // the metadata at the base commit cannot be read from a checkout of the head alone: one warning says why
    expect(report.warnings.filter((w) => w.includes('fetch-depth: 0'))).toHaveLength(1)

    expect(r.summary).toMatch(/merge-order.*1700000000050.*older than 1700000000100/)
    expect(r.summary).toMatch(/edited-migration.*1700000000100.*Edits 1700000000100_b/)
    const warnings = r.annotations.filter((a) => a.startsWith('::warning'))
    expect(
      warnings.some((a) => a.includes('file=hasura/migrations/default/1700000000050_older/up.sql')),
    ).toBe(true)
    expect(warnings.some((a) => a.includes('file=hasura/migrations/default/1700000000100_b/up.sql'))).toBe(
      true,
    )
    expect(r.stdout).toContain("pull request against 'main': 2 files added, 1 modified, 0 deleted")
  })

  it('a push event checks nothing', async () => {
    const r = await runDistAction({
      cwd: workspace,
      eventName: 'push',
      inputs: { 'project-dir': 'hasura', 'dry-run': 'plan' },
    })
    expect(r.code, log(r)).toBe(0)
    const report = JSON.parse(r.outputs.report) as { databases: { findings: Finding[] }[] }
    expect(report.databases[0].findings).toEqual([])
  })

  it('outside a git repository the comparison is a warning and the run still succeeds', async () => {
    const plain = tempDir('hma-e2e-nogit-')
    write(plain, 'hasura/config.yaml', 'version: 3\n')
    write(plain, `${M}/1700000000000_init/up.sql`, 'CREATE TABLE a (id int);\n')
    const r = await runDistAction({
      cwd: plain,
      eventName: 'pull_request',
      event: event(),
      inputs: { 'project-dir': 'hasura', 'dry-run': 'plan', comment: 'never' },
    })
    expect(r.code, log(r)).toBe(0)
    expect(r.annotations.filter((a) => a.startsWith('::error'))).toEqual([])
    expect(r.summary).toContain("What this pull request changes was not checked against 'main'")
  })
})
