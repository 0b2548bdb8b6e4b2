/**
 * The test commands: every test file belongs to exactly one Vitest project, each project has its npm
 * script, the README names them, and CI runs them all — splitting the suites never drops one from CI.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import config from '../../../vitest.config.js'
import { repoRoot } from '../../support/shared.js'

const SCRIPTS: Record<string, string> = {
  fast: 'test',
  reliability: 'test:reliability',
  projects: 'test:projects',
}

interface ProjectConfig {
  test: { name: string; include: string[]; exclude?: string[] }
}
const projects = (config.test?.projects ?? []) as ProjectConfig[]
const scripts = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts

/** The globs the config uses: `**` for any directories, `*` within a name. */
function glob(pattern: string): RegExp {
  const source = pattern
    .split('**/')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('(?:[^/]+/)*')
  return new RegExp(`^${source}$`)
}
const matches = (file: string, patterns: string[] = []) => patterns.some((p) => glob(p).test(file))

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? testFiles(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [relative(repoRoot, join(dir, e.name))]
        : [],
  )
}

describe('test commands', () => {
  it('every test file is in exactly one project', () => {
    expect(projects.map((p) => p.test.name)).toEqual(Object.keys(SCRIPTS))
    const files = testFiles(join(repoRoot, '__tests__'))
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      const owners = projects.filter((p) => matches(file, p.test.include) && !matches(file, p.test.exclude))
      expect(
        owners.map((p) => p.test.name),
        file,
      ).toHaveLength(1)
    }
    // the globs are read as Vitest reads them: a suite named in the config is found
    expect(matches('__tests__/reliability/faults.test.ts', projects[1].test.include)).toBe(true)
    expect(matches('__tests__/unit/settings.test.ts', projects[1].test.include)).toBe(false)
  })

  it('each project has its npm script, and test:all runs every project', () => {
    for (const [project, script] of Object.entries(SCRIPTS))
      expect(scripts[script], script).toBe(`vitest run --project ${project}`)
    expect(scripts['test:all']).toBe('vitest run')
  })

  it('the README names every test command', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    for (const script of [...Object.values(SCRIPTS), 'test:all'])
      expect(readme).toContain(script === 'test' ? 'npm test ' : `npm run ${script} `)
  })

  it('CI runs every project: .ci/run with test:all, the workflow with each command', () => {
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm run test:all\b/m)
    const ci = load(readFileSync(join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
      jobs: { check: { steps: { run?: string; if?: string }[] } }
    }
    const runs = ci.jobs.check.steps.map((s) => s.run?.trim())
    for (const script of Object.values(SCRIPTS))
      expect(runs, script).toContain(script === 'test' ? 'npm test' : `npm run ${script}`)
  })
})
