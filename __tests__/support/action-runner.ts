/**
 * Runs dist/index.js exactly as a GitHub runner does: INPUT_* variables (hyphens kept), GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and the other files pre-created, an event payload, a clean environment.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice)\b/.test(l)),
  }
}
