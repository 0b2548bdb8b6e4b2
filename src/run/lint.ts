/**
 * Stage 4, lint: the migration safety rules (docs/safety-rules.md) over the planned up files of each
 * database, in run order, before anything executes or is written — with the catalog of the database
 * before the run where the target can read it, and what the project's metadata references. With
 * `lint: error` an unsilenced finding fails the run here: no lock, no ledger, no state table is touched.
 */
import type { CatalogSnapshot } from '../catalog/types.js'
import { isKnownError, UserError } from '../errors.js'
import { short } from '../github/untrusted-code.js'
import type { FindingResult, Result } from '../model.js'
import { runSqlText } from '../plan/transaction-findings.js'
import type { Step } from '../plan/types.js'
import { metadataReferences } from '../review/metadata-references.js'
import { lintMigrations, RULES_DOC, type MigrationSql, type SafetyFinding } from '../review/safety/index.js'
import type { Settings } from '../settings.js'
import type { Target } from '../targets/target.js'
import type { RunIO } from './context.js'
import type { PullRequestBase } from './pull-request-base.js'
import type { Planned } from './plan.js'
import type { ProjectRead } from './read.js'

export interface LintStage {
  settings: Settings
  project: ProjectRead
  planned: Planned
  target: Target
  result: Result
  io: RunIO
  /** The pull request's base commit, when the event names one. */
  baseCommit?: string
  /** Its migration versions (read once per run). */
  pullRequestBase?: () => Promise<PullRequestBase>
  /** Databases the target does not have yet: nothing to read there. */
  unconnected?: ReadonlySet<string>
}

/** Lints; answers the catalogs it read of the databases before the run (the schema changes' "before"). */
export async function lintPlanned(stage: LintStage): Promise<ReadonlyMap<string, CatalogSnapshot>> {
  const { settings, planned, target, result } = stage
  const notes: string[] = []
  if (settings.lint === 'off') {
    result.safety = { lint: 'off', files: 0, withCatalog: [], notes: [] }
    return new Map()
  }
  if (settings.skipExecution) {
    const note =
      'skip-execution records the planned versions without running their SQL: there is nothing to check.'
    result.safety = { lint: settings.lint, files: 0, withCatalog: [], notes: [note] }
    return new Map()
  }
  const leftOut = target.capabilities.ephemeral ? await baseVersions(stage, notes) : undefined
  const files = planned.work.flatMap((w) =>
    w.plan.steps
      .filter((s) => s.direction === 'up' && !leftOut?.get(s.database)?.has(s.version))
      .flatMap(migrationSql),
  )
  const catalogBefore = new Map<string, CatalogSnapshot>()
  if (target.capabilities.ephemeral || !target.snapshot) {
    notes.push(
      'No catalog of the database before the run (the embedded database starts empty): a table the checked migrations did not create is taken to exist, so a rule about existing tables may speak of one that is new.',
    )
  } else {
    for (const database of new Set(files.map((f) => f.sql.database))) {
      if (stage.unconnected?.has(database)) continue
      try {
        catalogBefore.set(database, await target.snapshot(database))
      } catch (e) {
        if (!isKnownError(e)) throw e
        notes.push(
          `The schema of database '${database}' could not be read (${e.message}): its rules ran without it, taking every table the run did not create to exist.`,
        )
      }
    }
  }
  const found = (
    await lintMigrations(
      files.map((f) => f.sql),
      { catalogBefore, referenced: metadataReferences(stage.project.built?.metadata) },
    )
  ).map((f) => inFile(f, files))
  for (const w of planned.work) {
    const mine = found.filter((f) => f.database === w.migrations.name)
    w.result.findings.push(...mine.map(findingResult))
  }
  result.safety = {
    lint: settings.lint,
    files: new Set(files.map((f) => `${f.sql.database}\u0000${f.path}`)).size,
    withCatalog: [...catalogBefore.keys()],
    notes,
  }
  const blocking = found.filter((f) => !f.silenced)
  if (settings.lint === 'error' && blocking.length > 0) throw lintError(blocking)
  return catalogBefore
}

/**
 * A planned up side as the rules read it. A config 1 `up.yaml` gives one text per `run_sql` item, each
 * under a key of its own (`sql.file`), its findings shown at the item's line: lines inside a YAML
 * string are not lines of the file.
 */
interface LintFile {
  sql: MigrationSql
  path: string
  line?: number
}

function migrationSql(step: Step): LintFile[] {
  const base = { database: step.database, version: step.version }
  if (step.sql) return [{ sql: { ...base, file: step.sql.path, sql: step.sql.text }, path: step.sql.path }]
  return (step.yaml?.steps ?? []).flatMap((item, i) => {
    const sql = runSqlText(item.type, item.args)
    const path = step.yaml!.path
    return sql === undefined ? [] : [{ sql: { ...base, file: `${path}#${i}`, sql }, path, line: item.line }]
  })
}

function inFile(f: SafetyFinding, files: LintFile[]): SafetyFinding {
  const file = files.find((x) => x.sql.file === f.file && x.sql.database === f.database)
  return file ? { ...f, file: file.path, line: file.line ?? f.line } : f
}

function findingResult(f: SafetyFinding): FindingResult {
  return {
    kind: 'safety',
    rule: f.rule,
    severity: f.severity,
    database: f.database,
    version: f.version.toString(),
    file: f.file,
    line: f.line,
    message: f.message,
    silenced: f.silenced,
  }
}

/**
 * On the embedded database everything is created by the run: on a pull request, the migrations the base
 * commit already had are left out, so the rules speak of the pull request's own (their tables exist).
 */
async function baseVersions(
  stage: LintStage,
  notes: string[],
): Promise<Map<string, Set<bigint>> | undefined> {
  if (!stage.baseCommit || !stage.pullRequestBase) return undefined
  const base = await stage.pullRequestBase()
  if ('none' in base) {
    notes.push(`Every planned migration was checked, as if new: ${base.none}.`)
    return undefined
  }
  const count = [...base.versions.values()].reduce((n, v) => n + v.size, 0)
  notes.push(
    `Only the pull request's own migrations were checked: the ${count === 1 ? 'one' : count} that ${count === 1 ? 'exists' : 'exist'} at the base commit ${short(base.commit)} ${count === 1 ? 'is' : 'are'} taken as already applied.`,
  )
  return base.versions
}

function lintError([first, ...more]: SafetyFinding[]): UserError {
  const also = more.length > 0 ? ` (and ${more.length} more in the findings)` : ''
  return new UserError(
    `safety rule ${first.rule}: ${first.message}${also} — lint: error stops the run before anything is written; change the migration, silence the rule in its file with \`-- hasura-migrate:ignore ${first.rule}\` (see ${RULES_DOC}), or set lint: warn`,
    {
      database: first.database,
      version: first.version.toString(),
      file: first.file,
      line: first.line,
    },
  )
}
