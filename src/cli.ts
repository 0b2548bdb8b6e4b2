#!/usr/bin/env node
/**
 * Local entry: the same run() as the action, settings from --long-flags (the action's input names),
 * a table on stdout (or --json), the same exit status.
 */
import { isKnownError } from './errors.js'
import { renderText } from './report/console.js'
import { nextSteps } from './report/words.js'
import { redact, redactResult } from './report/redact.js'
import { toErrorInfo } from './execute/error-report.js'
import { oneLine } from './result-builder.js'
import { run } from './run.js'
import { INPUT_NAMES, type InputName, parseSettings } from './settings.js'
import { cancellationSignal } from './signals.js'

const USAGE = `hasura-migrate — apply a Hasura project's migrations, metadata and seeds

usage: hasura-migrate [--project-dir DIR] [--database-url URL | --endpoint URL --admin-secret S] [options]

Every option is an input of the action, as a long flag: ${INPUT_NAMES.map((n) => '--' + n).join(' ')}
  --json        print the result as JSON instead of a table
  --help        this text
With neither --database-url nor --endpoint, the project is rehearsed on an embedded PostgreSQL.`

function parseArgs(argv: string[]): { inputs: Map<string, string>; json: boolean; help: boolean } {
  const inputs = new Map<string, string>()
  let json = false
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') json = true
    else if (arg === '--help' || arg === '-h') help = true
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2)
      if (!(INPUT_NAMES as string[]).includes(name)) throw new Error(`unknown option --${name} (see --help)`)
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i]
      if (value === undefined) throw new Error(`option --${name} needs a value`)
      inputs.set(name, value) // the last one wins, so `npm start -- --project-dir X` overrides the default
    } else throw new Error(`unexpected argument '${arg}' (options are --name value; see --help)`)
  }
  return { inputs, json, help }
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  let settings
  try {
    settings = parseSettings((name: InputName) => args.inputs.get(name) ?? '')
  } catch (e) {
    process.stderr.write(`error: ${oneLine(toErrorInfo(e))}\n`)
    return 1
  }
  const secrets = settings.secrets
  const result = await run(settings, {
    info: (m) => {
      if (!args.json) process.stderr.write(redact(m, secrets) + '\n')
    },
    warning: (m) => process.stderr.write(`warning: ${redact(m, secrets)}\n`),
    debug: (m) => {
      if (process.env.HASURA_MIGRATE_DEBUG) process.stderr.write(redact(m, secrets) + '\n')
    },
    group: async (name, fn) => {
      if (!args.json) process.stderr.write(`▸ ${name}\n`)
      return fn()
    },
    cwd: process.cwd(),
    env: process.env,
    signal: cancellationSignal(),
  })
  const safe = redactResult(result, secrets)
  process.stdout.write((args.json ? JSON.stringify(safe, null, 2) : renderText(safe)) + '\n')
  if (safe.error) {
    process.stderr.write(`error: ${oneLine(safe.error, nextSteps(safe)[0])}\n`)
    return 1
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    // only a bug gets here: show the stack
    process.stderr.write(
      `internal error: ${isKnownError(e) ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    )
    process.exitCode = 1
  },
)
