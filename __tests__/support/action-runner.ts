/**
 * Runs dist/index.js exactly as a GitHub runner does: INPUT_* variables (hyphens kept), GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and the other files pre-created, an event payload, a clean environment.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { record, scanForSecrets } from '../reliability/support/record.js'
import { repoRoot } from './shared.js'

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error …::` / `::warning …::` / `::notice …::` lines. */
  annotations: string[]
}

export interface ActionRunOptions {
  inputs?: Record<string, string>
  /** Working directory (GITHUB_WORKSPACE); defaults to the repository root. */
  cwd?: string
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  entry?: string
  /** Kill the process with this signal after this many ms (cancellation tests). */
  killAfter?: { ms: number; signal: NodeJS.Signals }
  /**
   * Called with everything the process printed so far (stdout then stderr) after each chunk: act on a
   * point in the run (a step finished) rather than on a clock. `kill` sends a signal to the process.
   */
  onOutput?: (output: string, kill: (signal: NodeJS.Signals) => void) => void
  timeoutMs?: number
}

/** Parses the `name<<DELIMITER\nvalue\nDELIMITER` records @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    out[name] = value.join('\n')
  }
  return out
}

export async function runDistAction(options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'hma-run-'))
  try {
    return await runIn(dir, options)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function runIn(dir: string, options: ActionRunOptions): Promise<ActionRun> {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE'].map((k) => {
      const p = join(dir, k.toLowerCase())
      writeFileSync(p, '')
      return [k, p]
    }),
  )
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    // what the action writes to the temp directory lands in the test run's own (see global-setup.ts)
    TMPDIR: tmpdir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: options.cwd ?? repoRoot,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    ...files,
    ...options.env,
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const child = spawn(process.execPath, [options.entry ?? join(repoRoot, 'dist', 'index.js')], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const kill = (signal: NodeJS.Signals): void => void child.kill(signal)
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    options.onOutput?.(stdout + stderr, kill)
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
    options.onOutput?.(stdout + stderr, kill)
  })
  if (options.killAfter) setTimeout(() => child.kill(options.killAfter!.signal), options.killAfter.ms)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  )
  clearTimeout(timer)
  const run: ActionRun = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice)\b/.test(l)),
  }
  scanRun(run, options.inputs ?? {})
  return run
}

/**
 * Words a run prints of its own (target kinds, URL schemes): a password equal to one is masked by its
 * position in the target's display, not everywhere, and the tests that give one check it that way.
 */
const OWN_WORDS = new Set(['postgres', 'postgresql', 'hasura', 'embedded'])

/** The secrets a run was given: the admin secret, the database password (as given and decoded), the token. */
function secretsOf(inputs: Record<string, string>): string[] {
  const out: string[] = []
  if (inputs['admin-secret']) out.push(inputs['admin-secret'])
  if (inputs['github-token']) out.push(inputs['github-token'])
  for (const key of ['database-url', 'endpoint']) {
    try {
      const url = new URL(inputs[key] ?? '')
      // a password equal to the user name (postgres:postgres) would match every mention of the user
      if (url.password && url.password !== url.username && !OWN_WORDS.has(url.password))
        out.push(url.password, decodeURIComponent(url.password))
      const pw = url.searchParams.get('password')
      if (pw && !OWN_WORDS.has(pw)) out.push(pw)
    } catch {
      // not a URL: nothing to extract
    }
  }
  return [...new Set(out.filter((s) => s.length >= 6))]
}

/**
 * Everything a user, a log or a later step could see of a run. `::add-mask::` lines are the runner's own
 * instruction (the runner consumes them and never shows them), so they are left out.
 */
export function capturedTexts(r: ActionRun): string[] {
  return [r.stdout.replace(/^::add-mask::.*$/gm, ''), r.stderr, r.summary, ...Object.values(r.outputs)]
}

/** Every run of the action, in every suite, is scanned for the secrets it was given. A leak fails the test. */
function scanRun(run: ActionRun, inputs: Record<string, string>): void {
  const secrets = secretsOf(inputs)
  if (secrets.length === 0) return
  const leaked = scanForSecrets(capturedTexts(run), secrets)
  const name = expect.getState().currentTestName ?? 'unnamed run'
  record({
    suite: 'secrets',
    name: `${name} #${(scanned.get(name) ?? 0) + 1}`,
    outcome: leaked.length === 0 ? 'passed' : 'failed',
    secretsLeaked: leaked.length,
  })
  scanned.set(name, (scanned.get(name) ?? 0) + 1)
  if (leaked.length > 0)
    throw new Error(`a secret given to the action leaked into its output (${leaked.length} value(s))`)
}

const scanned = new Map<string, number>()
