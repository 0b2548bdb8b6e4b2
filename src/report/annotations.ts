/** File annotations: the failing statement and every finding, on the files of the repository. */
import type { AnnotationProperties } from '@actions/core'
import { ACTION_NAME, migrationLabel, nextSteps, repoPath, ruleDoc } from './words.js'
import { driftAnnotations } from './drift-report.js'
import { redactResult } from './redact.js'
import type { ErrorInfo, Result, StepResult } from '../model.js'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  /** Relative to the repository root. */
  file?: string
  line?: number
  title?: string
}

export interface AnnotationOptions {
  secrets?: readonly (string | undefined)[]
  /**
   * The repository root (`GITHUB_WORKSPACE`), needed only when the project directory was given as an
   * absolute path: annotations must name files relative to the repository.
   */
  workspace?: string
}

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
export const ANNOTATIONS_PER_LEVEL = 10

export function annotationsOf(result: Result, options: AnnotationOptions = {}): Annotation[] {
  const safe = redactResult(result, options.secrets ?? [])
  const out: Annotation[] = []
  const where = (file: string | undefined): string | undefined =>
    file ? fileInRepository(safe.projectDir, file, options.workspace) : undefined

  for (const error of failures(safe)) {
    const step = stepOf(safe, error)
    const label = error.version ? migrationLabel(error.version, step?.name ?? '') : ''
    const on = error.database ? ` on ${error.database}` : ''
    // a user error stopped the run before the migration ran: do not say it failed
    const title = error.version
      ? error.kind === 'user'
        ? `Cannot plan migration ${label}${on}`
        : `Migration ${label} ${error.kind === 'cancelled' ? 'cancelled' : 'failed'}${on}`
      : error.kind === 'refused'
        ? `${ACTION_NAME}: refused to run a pull request's code`
        : `${ACTION_NAME}: ${error.kind === 'sql' ? 'SQL' : error.kind} error`
    out.push(
      clean({
        level: 'error',
        // the run's error says what to do next, as the summary does; a step's own error its remedy
        message: errorMessage(error, error === safe.error ? nextSteps(safe)[0] : error.remedy),
        file: where(error.file),
        line: error.file ? error.line : undefined,
        title,
      }),
    )
  }

  // A blocking finding that became the run's error is already the error annotation. The run has one
  // ::error (its cause); the other blocking findings are warnings on their files, counted in that error.
  const isRunError = (f: { severity: string; message: string; version?: string }): boolean =>
    f.severity === 'error' &&
    safe.error !== undefined &&
    safe.error.message.startsWith(f.message) &&
    (f.version ?? '') === (safe.error.version ?? '')
  for (const db of safe.databases) {
    for (const f of db.findings) {
      // a silenced rule is listed in the report, not raised on the file that silences it
      if (isRunError(f) || f.silenced) continue
      out.push(
        clean({
          level: f.severity === 'error' ? 'warning' : f.severity,
          message: f.rule ? `${f.message}\nRule: ${ruleDoc(f.rule)}` : f.message,
          file: where(f.file),
          line: f.file ? f.line : undefined,
          title: f.rule ?? `${f.kind}${f.version ? ` (${f.version})` : ''}`,
        }),
      )
    }
  }
  for (const a of driftAnnotations(safe, (file) => where(file) ?? file)) out.push(clean(a))
  out.push(...metadataProblemAnnotations(safe, where))
  return out
}

/**
 * Each unresolved metadata reference on its metadata file and line; the one the run's error names is
 * already the error annotation.
 */
function metadataProblemAnnotations(
  result: Result,
  where: (file: string | undefined) => string | undefined,
): Annotation[] {
  const check = result.metadataCheck
  if (!check) return []
  const error = result.error?.kind === 'metadata' ? result.error : undefined
  return check.problems
    .filter(
      (p) => !(error && error.file === p.file && error.line === p.line && error.message.includes(p.name)),
    )
    .map((p) =>
      clean({
        level: 'warning',
        message: `${p.reason}${p.note ? ` (${p.note})` : ''}`,
        file: where(p.file),
        line: p.file ? p.line : undefined,
        title: `metadata: ${p.type} ${p.name}`,
      }),
    )
}

/** The run's error and any step error that is not the same failure, each once. */
function failures(result: Result): ErrorInfo[] {
  const list: ErrorInfo[] = []
  const key = (e: ErrorInfo) => `${e.database ?? ''}\u0000${e.version ?? ''}\u0000${e.message}`
  const seen = new Set<string>()
  for (const e of [
    ...(result.error ? [result.error] : []),
    ...result.databases.flatMap((d) => d.steps.flatMap((s) => (s.error ? [s.error] : []))),
  ]) {
    if (seen.has(key(e))) continue
    seen.add(key(e))
    list.push(e)
  }
  return list
}

function stepOf(result: Result, error: ErrorInfo): StepResult | undefined {
  if (!error.version) return undefined
  return result.databases
    .flatMap((d) => d.steps)
    .find((s) => s.version === error.version && (!error.database || s.database === error.database))
}

function errorMessage(error: ErrorInfo, next: string | undefined): string {
  const lines = [
    error.kind === 'sql' && error.sqlstate ? `ERROR ${error.sqlstate}: ${error.message}` : error.message,
  ]
  if (error.detail) lines.push(`Detail: ${error.detail}`)
  if (error.hint) lines.push(`Hint: ${error.hint}`)
  if (error.statement) lines.push(`Statement: ${error.statement}`)
  if (error.input && !error.file) lines.push(`Input: ${error.input}`)
  if (next) lines.push(next)
  return lines.join('\n')
}

function clean(a: Annotation): Annotation {
  const out: Annotation = { level: a.level, message: a.message }
  if (a.file) out.file = a.file
  if (a.file && a.line && a.line > 0) out.line = a.line
  if (a.title) out.title = a.title
  return out
}

/** The project directory joined to a project-relative file, relative to the repository root. */
export function fileInRepository(projectDir: string, file: string, workspace?: string): string {
  const dir = projectDir.replace(/\\/g, '/')
  if (dir.startsWith('/') && workspace) {
    const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '')
    const full = repoPath(dir, file)
    if (full.startsWith(`${root}/`)) return full.slice(root.length + 1)
    return full
  }
  return repoPath(dir, file)
}

export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
}

/**
 * Emits the annotations through `@actions/core`. Past GitHub's per-level limit the rest would be
 * dropped silently, so the last slot says how many more there are and where to read them.
 */
export function emitAnnotations(annotations: readonly Annotation[], core: AnnotationSink): void {
  for (const level of ['error', 'warning', 'notice'] as const) {
    const list = annotations.filter((a) => a.level === level)
    const room = ANNOTATIONS_PER_LEVEL
    const shown = list.length > room ? list.slice(0, room - 1) : list
    for (const a of shown) {
      const properties: AnnotationProperties = {}
      if (a.title) properties.title = a.title
      if (a.file) properties.file = a.file
      if (a.file && a.line) properties.startLine = a.line
      core[level](a.message, properties)
    }
    if (list.length > shown.length) {
      core[level](`${list.length - shown.length} more ${level}s: see the job summary.`, {
        title: ACTION_NAME,
      })
    }
  }
}
