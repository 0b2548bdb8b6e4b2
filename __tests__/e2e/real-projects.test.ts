/**
 * Issue 11: the action as a new user runs it — `dist/index.js` with default inputs (only `project-dir`,
 * and `database-url` for PostgreSQL) — on every real project in ../shared/corpus and every Hasura CLI
 * fixture project with a config.yaml, on the embedded database and on a fresh PostgreSQL database.
 *
 * Nothing about the outcome is written down here: each project's versions come from its directory
 * listing (not the action's reader), and whether it applies comes from `psql -1 -v ON_ERROR_STOP=1`
 * applying the same up files to a fresh database of the same server. Where psql applies them, the
 * action must apply them too, leaving the same schema; where psql stops at a file, the action must stop
 * at that file, naming it, with the database left exactly as it was.
 */
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import {
  projectDirsUnder,
  readProjectFacts,
  type DatabaseFacts,
  type ProjectFacts,
  type VersionFacts,
} from '../support/project-facts.js'
import { dumpSchema, psqlOutcome, type PsqlOutcome } from '../support/psql.js'
import { corpusDir, describeShared, fixturesDir, hasShared, sharedDir } from '../support/shared.js'

// the big projects take seconds each on the embedded database; a loaded 2-core machine, tens of seconds
vi.setConfig({ testTimeout: 300_000 })

type Db = Awaited<ReturnType<typeof createDatabase>>
const created: Db[] = []
async function freshDatabase(prefix: string): Promise<Db> {
  const db = await createDatabase(prefix)
  created.push(db)
  return db
}

const timings: string[] = []
const suiteStarted = Date.now()
afterAll(async () => {
  await Promise.all(created.map((db) => db.drop()))
  if (timings.length) {
    console.log(
      `[real-projects] ${timings.length} runs of dist/index.js, suite ${Math.round((Date.now() - suiteStarted) / 1000)} s:\n` +
        timings.join('\n'),
    )
  }
})

// ---------------------------------------------------------------------------------------------------
// The projects, and psql's verdict on each of their databases

function discover(): ProjectFacts[] {
  if (!hasShared) return []
  const corpus = readdirSync(corpusDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readProjectFacts(corpusDir(d.name), `corpus/${d.name}`))
  const fixtures = projectDirsUnder(fixturesDir()).map((dir) =>
    readProjectFacts(dir, `fixtures/${relative(fixturesDir(), dir)}`),
  )
  return [...corpus, ...fixtures]
}

const PROJECTS = discover()

/** psql -1 applying one database's up files (config 1 YAML: their run_sql texts) to a fresh database. */
interface Reference {
  db: Db
  outcome: PsqlOutcome
  /** Where psql stopped: the version and its file (relative to the project). */
  failing?: { version: VersionFacts; file: string }
}

const references = new Map<string, Reference>()
const refKey = (p: ProjectFacts, database: string): string => `${p.label}\u0000${database}`

async function computeReference(
  p: ProjectFacts,
  database: DatabaseFacts,
  scratch: string,
): Promise<Reference> {
  const files: { abs: string; version: VersionFacts; file: string }[] = []
  for (const v of database.versions) {
    for (const side of v.up) {
      if (side.kind === 'sql') {
        files.push({ abs: join(p.dir, side.path), version: v, file: side.path })
      } else if (side.sql.length > 0) {
        const abs = join(scratch, `${v.text}.run_sql.sql`)
        writeFileSync(abs, side.sql.map((s) => `${s};\n`).join(''))
        files.push({ abs, version: v, file: side.path })
      }
    }
  }
  const db = await freshDatabase('ref')
  const outcome = await psqlOutcome(
    db.url,
    files.map((f) => f.abs),
  )
  if (outcome.ok) return { db, outcome }
  const at = files.find((f) => f.abs === outcome.file)
  if (!at)
    throw new Error(`${p.label}/${database.name}: psql failed outside a migration file: ${outcome.message}`)
  return { db, outcome, failing: { version: at.version, file: at.file } }
}

if (PROJECTS.length > 0) {
  const scratch = mkdtempSync(join(tmpdir(), 'hma-ref-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))
  for (const p of PROJECTS) {
    for (const d of p.databases) references.set(refKey(p, d.name), await computeReference(p, d, scratch))
  }
}

// ---------------------------------------------------------------------------------------------------
// What a run must do, from those facts

type Target = 'embedded' | 'database-url'

type Expectation =
  | { kind: 'applies'; databases: DatabaseFacts[] }
  | {
      kind: 'fails-at'
      /** Databases before the failing one: applied, each atomic on its own. */
      applied: DatabaseFacts[]
      database: DatabaseFacts
      version: VersionFacts
      file: string
      why: string
      /** psql stopped there (else the plan refuses it before anything runs). */
      executed: boolean
    }
  | { kind: 'no-config' }
  | { kind: 'several-databases'; names: string[] }

function expectationFor(p: ProjectFacts, selection: string[] | undefined): Expectation {
  if (!p.hasConfig) return { kind: 'no-config' }
  const selected = selection
    ? p.databases.filter((d) => selection.includes(d.name))
    : p.databases.length > 1
      ? undefined
      : p.databases
  if (!selected) return { kind: 'several-databases', names: p.databases.map((d) => d.name) }
  for (const [i, d] of selected.entries()) {
    const missingUp = d.versions.find((v) => v.up.length === 0)
    const ref = references.get(refKey(p, d.name))!
    const failing =
      missingUp && (!ref.failing || missingUp.version < ref.failing.version.version)
        ? {
            version: missingUp,
            file: missingUp.down[0].path,
            why: 'it has a down file but no up file',
            executed: false,
          }
        : ref.failing && !ref.outcome.ok
          ? { ...ref.failing, why: `psql -1 stops there: ${ref.outcome.message}`, executed: true }
          : undefined
    if (failing) return { kind: 'fails-at', applied: selected.slice(0, i), database: d, ...failing }
  }
  return { kind: 'applies', databases: selected }
}

const versionsOf = (dbs: DatabaseFacts[]): string[] => dbs.flatMap((d) => d.versions.map((v) => v.text))

/** Every version of every selected database has a down that undoes something. */
function roundTripExpectation(
  dbs: DatabaseFacts[],
): { status: 'passed' } | { status: 'skipped'; first: string; count: number } {
  const lacking = dbs.flatMap((d) => d.versions.filter((v) => !v.down.some((s) => s.real)))
  return lacking.length === 0
    ? { status: 'passed' }
    : { status: 'skipped', first: lacking[0].text, count: lacking.length }
}

/** The test's name: how it runs, what it must do, and the fact that says so. */
function title(target: Target, e: Expectation, inputs: Record<string, string> = {}): string {
  const how = [target, ...Object.entries(inputs).map(([k, v]) => `${k}: ${v}`)].join(', ')
  switch (e.kind) {
    case 'no-config':
      return `${how}: fails naming config.yaml — the project has no config.yaml (the Hasura CLI needs one too)`
    case 'several-databases':
      return `${how}: fails before anything runs, listing ${e.names.join(', ')}, naming the input database — config 3 with several database directories`
    case 'fails-at':
      return (
        `${how}: ${e.applied.length ? `applies ${e.applied.map((d) => d.name).join(', ')}, then ` : ''}` +
        `fails at ${e.version.text} (${e.database.name}) naming ${e.file}, ${target === 'database-url' ? 'the database left as it was' : 'nothing applied there'} — ${e.why.slice(0, 160)}`
      )
    case 'applies': {
      const n = versionsOf(e.databases).length
      if (target === 'database-url')
        return `${how}: applies all ${n} versions, leaving the schema psql -1 leaves — psql -1 applies them`
      const rt = roundTripExpectation(e.databases)
      return (
        `${how}: applies all ${n} versions — psql -1 applies them; round trip ` +
        (rt.status === 'passed'
          ? 'passes (every version has a real down)'
          : `skipped (${rt.count} version(s) without a real down, first ${rt.first})`)
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Running the action on a copy of a project

interface ProjectRun extends ActionRun {
  ms: number
  /** The project copy, relative to the workspace (as `project-dir`). */
  projectDir: string
  workspace: string
}

/** Paths and content hashes of a directory tree: the action must not write into the project. */
function treeDigest(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(d, e.name)
      if (e.isDirectory()) walk(abs)
      else out.push(`${relative(dir, abs)} ${createHash('sha1').update(readFileSync(abs)).digest('hex')}`)
    }
  }
  walk(dir)
  return out
}

async function runProject(
  p: ProjectFacts,
  inputs: Record<string, string>,
  name: string,
  prepare?: (copy: string) => void,
): Promise<ProjectRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'hma-real-'))
  const projectDir = 'hasura'
  const copy = join(workspace, projectDir)
  cpSync(p.dir, copy, { recursive: true })
  prepare?.(copy)
  const before = treeDigest(copy)
  const started = Date.now()
  try {
    const r = await runDistAction({
      cwd: workspace,
      inputs: { 'project-dir': projectDir, ...inputs },
      timeoutMs: 280_000,
    })
    const ms = Date.now() - started
    timings.push(`  ${String(ms).padStart(6)} ms  exit ${r.code}  ${p.label} — ${name}`)
    expect(treeDigest(copy), 'the action wrote into the project directory').toEqual(before)
    return { ...r, ms, projectDir, workspace }
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}

/** `::error title=…,file=…,line=…::message` with @actions/core's escapes undone. */
function parseError(line: string): { props: Record<string, string>; message: string } {
  const m = /^::error(?: ([^:]*))?::(.*)$/s.exec(line)
  const unescape = (s: string): string =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
  const props: Record<string, string> = {}
  for (const kv of (m?.[1] ?? '').split(',').filter(Boolean)) {
    const i = kv.indexOf('=')
    props[kv.slice(0, i)] = unescape(kv.slice(i + 1))
  }
  return { props, message: unescape(m?.[2] ?? line) }
}

const errorLines = (r: ActionRun): string[] => r.annotations.filter((a) => a.startsWith('::error'))
const tail = (r: ActionRun): string => `${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`

/** What every run must show, whatever its outcome: no internal error, no stack trace, one clear error at most. */
function expectCleanRun(
  r: ProjectRun,
  p: ProjectFacts,
  failed: boolean,
): { props: Record<string, string>; message: string } | undefined {
  for (const text of capturedTexts(r)) {
    expect(text, 'an internal error reached the user').not.toMatch(/internal error/i)
    expect(text, 'a stack trace reached the user').not.toMatch(
      /^\s+at .*(?:\.[cm]?[jt]s|node:[\w/]+):\d+:\d+\)?$/m,
    )
  }
  expect(r.signal, tail(r)).toBeNull()
  const errors = errorLines(r)
  if (!failed) {
    expect(r.code, `expected success:\n${errors.join('\n') || tail(r)}`).toBe(0)
    expect(errors).toEqual([])
    return undefined
  }
  expect(r.code, tail(r)).toBe(1)
  expect(errors, 'exactly one ::error line').toHaveLength(1)
  const error = parseError(errors[0])
  const versions = p.databases.flatMap((d) => d.versions.map((v) => v.text))
  const names =
    !!error.props.file ||
    /\nInput: [a-z-]+/.test(error.message) ||
    versions.some((v) => error.message.includes(v))
  expect(names, `the error names no file, input or version: ${errors[0]}`).toBe(true)
  return error
}

interface Report {
  status: string
  target: { kind: string }
  databases: {
    database: string
    before: { applied: string[] }
    after: { applied: string[] }
    steps: { version: string; direction: string; status: string; file?: string }[]
  }[]
  metadata: { status: string; message?: string }
  roundTrip?: { status: string; reason?: string }
}

const reportOf = (r: ActionRun): Report => JSON.parse(r.outputs.report) as Report

/** Lines the run printed for one group, `applied up 123 name 4 ms` → `up 123`. */
function groupSteps(r: ActionRun, group: string): string[] {
  const start = r.stdout.indexOf(`::group::${group}\n`)
  if (start < 0) return []
  const end = r.stdout.indexOf('::endgroup::', start)
  return r.stdout
    .slice(start, end)
    .split('\n')
    .map((l) => /^applied\s+(up|down)\s+(\d+)\s/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${m[1]} ${m[2]}`)
}

async function stateRows(db: Db): Promise<{ version: string; dirty: boolean }[]> {
  return query(db.url, 'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY version')
}

/** Runs the action once and checks everything the expectation says about it. */
async function check(
  p: ProjectFacts,
  target: Target,
  e: Expectation,
  inputs: Record<string, string> = {},
): Promise<void> {
  const db = target === 'database-url' ? await freshDatabase('real') : undefined
  const empty = db ? await dumpSchema(db, []) : undefined
  const r = await runProject(
    p,
    { ...inputs, ...(db ? { 'database-url': db.url } : {}) },
    `${target} ${JSON.stringify(inputs)}`,
  )
  const error = expectCleanRun(r, p, e.kind !== 'applies')
  const nothingWritten = async (): Promise<void> => {
    // the whole dump, hdb_catalog included: not even the state table is left behind
    if (db) expect(await dumpSchema(db, [])).toBe(empty)
  }

  if (e.kind === 'no-config') {
    expect(error!.props.file).toBe(`${r.projectDir}/config.yaml`)
    expect(error!.message).toContain('config.yaml')
    await nothingWritten()
    return
  }
  if (e.kind === 'several-databases') {
    // contract §3 `database`: several directories and no value fails, listing them
    for (const name of e.names) expect(error!.message).toContain(name)
    expect(error!.message).toMatch(/\nInput: database\b/)
    await nothingWritten()
    return
  }

  const report = reportOf(r)
  expect(report.target.kind).toBe(target === 'embedded' ? 'embedded' : 'postgres')

  if (e.kind === 'fails-at') {
    expect(error!.props.file, error!.message).toBe(`${r.projectDir}/${e.file}`)
    expect(`${error!.props.title} ${error!.message}`).toContain(e.version.text)
    const applied = versionsOf(e.applied)
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(applied)
    const failingDb = report.databases.find((d) => d.database === e.database.name)
    if (e.executed) expect(failingDb?.steps.find((s) => s.version === e.version.text)?.status).toBe('failed')
    if (db) {
      // the same server: the action's error is psql's
      const ref = references.get(refKey(p, e.database.name))!
      if (!ref.outcome.ok && ref.failing) expect(error!.message).toContain(ref.outcome.message)
      await nothingWritten()
    } else {
      expect(report.roundTrip?.status).not.toBe('passed')
    }
    return
  }

  // applies
  const versions = versionsOf(e.databases)
  expect(JSON.parse(r.outputs['applied-versions'])).toEqual(versions)
  expect(JSON.parse(r.outputs.applied)).toEqual(
    Object.fromEntries(e.databases.map((d) => [d.name, d.versions.map((v) => v.text)])),
  )
  expect(r.outputs['applied-count']).toBe(String(versions.length))
  expect(JSON.parse(r.outputs['pending-versions'])).toEqual([])
  const current = e.databases.map((d) => [d.name, d.versions.at(-1)?.text ?? ''] as const)
  expect(r.outputs['current-version']).toBe(
    current.length === 1 ? current[0][1] : JSON.stringify(Object.fromEntries(current)),
  )
  // metadata is read and checked on every run (the broken-metadata test proves it), applied only with an endpoint
  expect(r.outputs.metadata).toBe('skipped')
  expect(report.metadata.message).toMatch(p.metadata ? /no endpoint/ : /no metadata/)

  for (const d of e.databases) {
    const out = report.databases.find((x) => x.database === d.name)
    expect(out?.steps.map((s) => `${s.status} ${s.direction} ${s.version} ${s.file ?? ''}`)).toEqual(
      d.versions.map((v) => `applied up ${v.text} ${v.up[0].path}`),
    )
    expect(out?.after.applied).toEqual(d.versions.map((v) => v.text))
  }

  if (target === 'embedded') {
    // the round trip (down all, up all) is the embedded run's proof of the down files
    const rt = roundTripExpectation(e.databases)
    expect(report.roundTrip?.status).toBe(rt.status)
    for (const d of e.databases) {
      const printed = groupSteps(r, `Round trip: ${d.name}`)
      const downs = [...d.versions].reverse().map((v) => `down ${v.text}`)
      const ups = d.versions.map((v) => `up ${v.text}`)
      expect(printed).toEqual(rt.status === 'passed' ? [...downs, ...ups] : [])
    }
    if (rt.status === 'skipped') expect(report.roundTrip?.reason).toContain(rt.first)
    return
  }

  const ref = references.get(refKey(p, e.databases[0].name))!
  expect(await dumpSchema(db!)).toBe(await dumpSchema(ref.db))
  expect(await stateRows(db!)).toEqual(versions.map((version) => ({ version, dirty: false })))
}

// ---------------------------------------------------------------------------------------------------

describeShared('real projects, dist/index.js with default inputs', () => {
  it(`finds every corpus project the corpus README lists, and the fixture projects (${sharedDir})`, () => {
    const readme = readFileSync(corpusDir('README.md'), 'utf8')
    const listed = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort()
    const found = PROJECTS.filter((p) => p.label.startsWith('corpus/')).map((p) => p.label.slice(7))
    expect(found.sort()).toEqual(listed)
    expect(PROJECTS.filter((p) => p.label.startsWith('fixtures/')).length).toBeGreaterThan(0)
  })

  for (const p of PROJECTS) {
    const shape = p.hasConfig
      ? `config ${p.configVersion}, ${p.databases.map((d) => `${d.name}: ${d.versions.length}`).join(', ')}`
      : 'no config.yaml'
    describe(`${p.label} (${shape})`, () => {
      for (const target of ['embedded', 'database-url'] as const) {
        const e = expectationFor(p, undefined)
        it(title(target, e), () => check(p, target, e))
      }

      if (p.databases.length > 1) {
        const all = expectationFor(
          p,
          p.databases.map((d) => d.name),
        )
        it(title('embedded', all, { database: 'all' }), () => check(p, 'embedded', all, { database: 'all' }))
        // with database-url, exactly one database may be selected (contract §3)
        for (const d of p.databases) {
          const one = expectationFor(p, [d.name])
          it(title('database-url', one, { database: d.name }), () =>
            check(p, 'database-url', one, { database: d.name }),
          )
        }
      }

      const metadata = p.metadata
      if (metadata) {
        // several databases: the selection error would come first, so select them
        const select: Record<Target, Record<string, string>> = p.databases.length > 1
          ? { embedded: { database: 'all' }, 'database-url': { database: p.databases[0].name } }
          : { embedded: {}, 'database-url': {} }
        for (const target of ['embedded', 'database-url'] as const) {
          it(`${target}: a broken ${metadata.deepest} fails the run naming it, nothing written — metadata is read and checked by default`, async () => {
            const db = target === 'database-url' ? await freshDatabase('meta') : undefined
            const empty = db ? await dumpSchema(db, []) : undefined
            const broken =
              metadata.format === 'json'
                ? '{"version": 3, "sources": [\n'
                : 'version: 3\nsources: [unclosed\n'
            const r = await runProject(
              p,
              { ...select[target], ...(db ? { 'database-url': db.url } : {}) },
              `${target} broken metadata`,
              (copy) => writeFileSync(join(copy, metadata.deepest), broken),
            )
            const error = expectCleanRun(r, p, true)!
            expect(`${error.props.file ?? ''} ${error.message}`).toContain(metadata.deepest)
            expect(JSON.parse(r.outputs['applied-versions'] ?? '[]')).toEqual([])
            if (db) expect(await dumpSchema(db, [])).toBe(empty)
          })
        }
      }
    })
  }
})
