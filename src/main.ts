/**
 * The action: inputs → Settings → run() → outputs, job summary, PR comment, annotations, exit status.
 * Secrets are masked before anything else happens.
 */
import * as core from '@actions/core'
import { isKnownError } from './errors.js'
import { annotationsOf, emitAnnotations } from './report/annotations.js'
import { renderMarkdown } from './report/markdown-report.js'
import { outputsOf } from './report/outputs.js'
import { redact } from './report/redact.js'
import type { Result } from './model.js'
import { toErrorInfo } from './execute/error-report.js'
import { oneLine } from './result-builder.js'
import { run } from './run.js'
import { INPUT_NAMES, type InputName, parseSettings, secretsOf, type Settings } from './settings.js'
import { cancellationSignal } from './signals.js'

export async function runAction(): Promise<void> {
  const read = (name: InputName): string => core.getInput(name)
  // Masked the moment they exist, before validation can fail and print anything.
  for (const s of secretsOf(read)) core.setSecret(s)
  let settings: Settings
  try {
    settings = parseSettings(read)
  } catch (e) {
    failWith(e)
    return
  }

  const signal = cancellationSignal()
  const result = await run(settings, {
    info: (m) => core.info(redact(m, settings.secrets)),
    warning: (m) => core.warning(redact(m, settings.secrets)),
    debug: (m) => core.debug(redact(m, settings.secrets)),
    group: (name, fn) => core.group(name, fn),
    cwd: process.cwd(),
    env: process.env,
    signal,
    runUrl: runUrl(),
  })

  // findings about the pull request's own changes, for the summary and the comment; never throws
  const { addPullRequestChanges } = await import('./github/pull-request-findings.js')
  await addPullRequestChanges(result, {
    projectDir: settings.projectDir,
    migrationsDir: settings.migrationsDir,
    cwd: process.cwd(),
    env: process.env,
    info: (m) => core.info(redact(m, settings.secrets)),
  })

  // before the summary, so a comment warning shows there; it never throws
  const { commentOnPullRequest } = await import('./github/pull-request-comment.js')
  const comment = await commentOnPullRequest(settings, result)
  if (comment.warning) result.warnings.push(comment.warning)
  if (comment.reason) core.info(`no pull-request comment: ${comment.reason}`)

  const outputs = outputsOf(result, { commentUrl: comment.url, secrets: settings.secrets })
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  await writeSummary(result, settings.secrets)
  for (const n of result.notices) core.notice(redact(n, settings.secrets))
  for (const w of result.warnings) core.warning(redact(w, settings.secrets))
  emitAnnotations(annotationsOf(result, { secrets: settings.secrets }), core)
  if (result.error) process.exitCode = 1
}

function failWith(e: unknown): void {
  const info = toErrorInfo(e)
  if (!isKnownError(e) && e instanceof Error && e.stack) core.debug(e.stack)
  core.error(oneLine(info), info.file ? { file: info.file, startLine: info.line } : {})
  process.exitCode = 1
}

async function writeSummary(result: Result, secrets: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(renderMarkdown(result, { surface: 'summary', secrets }), true).write()
  } catch (e) {
    core.warning(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined
}

export { INPUT_NAMES }
