/**
 * The run's stages in-process (not through dist/): the pure decisions of each stage, and the whole
 * pipeline as a plan on the embedded target, which needs no database at all.
 */
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import type { Result } from '../../../src/model.js'
import type { Step } from '../../../src/plan/types.js'
import { readConfig } from '../../../src/project/index.js'
import { run } from '../../../src/run.js'
import type { RunIO } from '../../../src/run/context.js'
import { executionMode, markRehearsed } from '../../../src/run/execute.js'
import { ephemeralRequest, findingError, yamlFindings } from '../../../src/run/plan.js'
import { readProject, selectDatabases } from '../../../src/run/read.js'
import { emptyResult, finalStatus, finish } from '../../../src/run/report.js'
import { parseSettings, type InputName, type Settings } from '../../../src/settings.js'
import { repoRoot } from '../../support/shared.js'
import { tempProject } from '../project/temp-project.js'

const settingsOf = (values: Partial<Record<InputName, string>>): Settings =>
  parseSettings((name) => values[name] ?? '', {})

const io = (cwd: string, lines: string[] = []): RunIO => ({
  info: (m) => lines.push(m),
  warning: (m) => lines.push(`warning: ${m}`),
  debug: () => undefined,
  group: (_name, fn) => fn(),
  cwd,
  env: {},
})

describe('read: which databases', () => {
  it('config 3: one directory is chosen by itself, several need the `database` input', () => {
    const one = tempProject({ 'config.yaml': 'version: 3\n', 'migrations/default/1_a/up.sql': 'SELECT 1;' })
    expect(selectDatabases(readConfig(one, {}), settingsOf({}))).toEqual(['default'])
    const two = tempProject({
      'config.yaml': 'version: 3\n',
      'migrations/a/1_a/up.sql': '',
      'migrations/b/1_b/up.sql': '',
    })
    expect(() => selectDatabases(readConfig(two, {}), settingsOf({}))).toThrow(/several databases \(a, b\)/)
    expect(selectDatabases(readConfig(two, {}), settingsOf({ database: 'all' }))).toEqual(['a', 'b'])
  })

  it('config 2 has one database, default', () => {
    const project = tempProject({ 'config.yaml': 'version: 2\n', 'migrations/1_a/up.sql': '' })
    expect(() => selectDatabases(readConfig(project, {}), settingsOf({ database: 'other' }))).toThrow(
      UserError,
    )
  })
})

describe('read: seeds', () => {
  it('a seed with a transaction command no savepoint can stand for fails the read, naming its file and line', async () => {
    const project = tempProject({
      'config.yaml': 'version: 3\n',
      'migrations/default/1_a/up.sql': 'SELECT 1;',
      'seeds/default/a.sql': 'INSERT INTO t VALUES (1);\nCOMMIT;\n',
    })
    const settings = settingsOf({ 'project-dir': '.', seeds: 'true' })
    await expect(readProject(settings, io(project), emptyResult(settings, io(project)))).rejects.toThrow(
      /^seeds\/default\/a\.sql:2: /,
    )
    // a whole BEGIN … COMMIT block is fine: it runs as a savepoint
    const block = tempProject({
      'config.yaml': 'version: 3\n',
      'migrations/default/1_a/up.sql': 'SELECT 1;',
      'seeds/default/a.sql': 'BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\n',
    })
    const read = await readProject(settings, io(block), emptyResult(settings, io(block)))
    expect(read.seedFiles.map((f) => f.path)).toEqual(['seeds/default/a.sql'])
  })
})

describe('plan: findings and requests', () => {
  const step: Step = {
    database: 'default',
    version: 1n,
    name: 'track',
    direction: 'up',
    transactional: true,
    yaml: {
      path: 'migrations/1_track.up.yaml',
      steps: [
        { type: 'track_table', args: {}, line: 2 },
        { type: 'run_sql', args: { sql: 'SELECT 1' }, line: 5 },
      ],
    },
  }

  it('warns once per config 1 metadata step a target skips, at its line', () => {
    const plan = { database: 'default', steps: [step], findings: [] } as never
    expect(yamlFindings(plan)).toMatchObject([
      {
        kind: 'yaml-metadata-step',
        severity: 'warning',
        version: 1n,
        line: 2,
        file: 'migrations/1_track.up.yaml',
      },
    ])
  })

  it('the first blocking finding is the error, counting the others', () => {
    const f = { kind: 'checksum', severity: 'error', database: 'default', message: 'broken' } as never
    expect(findingError([f, f, f]).message).toBe('broken (and 2 more problems in the findings)')
    expect(findingError([f]).message).toBe('broken')
  })

  it('an ephemeral target turns a down request into a round trip from scratch, and says so', () => {
    const result = emptyResult(settingsOf({ direction: 'down', steps: '1' }), io('/'))
    expect(ephemeralRequest(settingsOf({ direction: 'down', steps: '1' }), result)).toEqual({
      kind: 'up',
      steps: 'all',
    })
    expect(result.notices[0]).toMatch(/^direction down on the embedded database/)
  })
})

describe('execute and report: modes and statuses', () => {
  it('an ephemeral target applies even when rehearsing; elsewhere a rehearsal rehearses', () => {
    expect(executionMode(settingsOf({ 'dry-run': 'rehearse' }), true)).toBe('apply')
    expect(executionMode(settingsOf({ 'dry-run': 'rehearse' }), false)).toBe('rehearse')
    const url = 'postgres://app@db.example/app'
    expect(executionMode(settingsOf({ 'skip-execution': 'true', 'database-url': url }), false)).toBe(
      'skip-execution',
    )
  })

  it('a rehearsal on an ephemeral target reports what it applied as rehearsed', () => {
    const result = emptyResult(settingsOf({}), io('/'))
    result.databases = [
      {
        database: 'default',
        directory: 'migrations/default',
        before: { current: null, applied: [], dirty: false },
        after: { current: '1', applied: ['1'], dirty: false },
        status: [],
        planned: [],
        findings: [],
        appliedByAnotherRun: [],
        steps: [
          {
            database: 'default',
            version: '1',
            name: 'a',
            direction: 'up',
            status: 'applied',
            durationMs: 1,
            transactional: true,
          },
        ],
      },
    ]
    markRehearsed(result)
    expect(result.databases[0].steps[0].status).toBe('rehearsed')
    expect(result.databases[0].after).toEqual(result.databases[0].before)
  })

  it('nothing applied is nothing to do; a cancelled error is cancelled', () => {
    const result: Result = emptyResult(settingsOf({}), io('/'))
    expect(finalStatus(settingsOf({}), result)).toBe('nothing-to-do')
    result.error = { kind: 'cancelled', message: 'cancelled before any migration ran' }
    expect(finish(result, Date.now()).status).toBe('cancelled')
  })
})

describe('the whole pipeline, in-process', () => {
  it('plans the example project on the embedded target without starting a database', async () => {
    const lines: string[] = []
    const result = await run(
      settingsOf({ 'project-dir': 'examples/project', 'dry-run': 'plan' }),
      io(repoRoot, lines),
    )
    expect(result.error).toBeUndefined()
    expect(result.status).toBe('planned')
    expect(result.target.kind).toBe('embedded')
    expect(result.databases.length).toBeGreaterThan(0)
    expect(result.databases.every((d) => d.planned.length > 0 && d.steps.length === 0)).toBe(true)
  })

  it('a project that cannot be read fails in the read stage, with nothing connected', async () => {
    const result = await run(settingsOf({ 'project-dir': 'no/such/project' }), io(repoRoot))
    expect(result.status).toBe('failed')
    expect(result.error?.kind).toBe('user')
    expect(result.databases).toEqual([])
  })
})
