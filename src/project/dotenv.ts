/**
 * The project's `.env`, read as the Hasura CLI reads it (github.com/joho/godotenv): `KEY=value`
 * or `KEY: value` lines, optional `export `, `#` comments, single quotes (literal), double quotes
 * (escapes, variable expansion, may span lines), unquoted values (inline ` #` comment, expansion).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readUtf8 } from './files.js'

export const ENV_FILE = '.env'

/** Variables of `<projectDir>/.env`, or `{}` when there is none (a missing default .env is fine). */
export function readEnvFile(
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const abs = join(projectDir, ENV_FILE)
  if (!existsSync(abs)) return {}
  return parseEnvFile(readUtf8(abs, ENV_FILE), env)
}

/**
 * The environment the CLI would see: `.env` values never override variables that are already set.
 * Returns a new object; `process.env` is never modified.
 */
export function mergeEnv(fileVars: Record<string, string>, env: NodeJS.ProcessEnv): Record<string, string> {
  const merged: Record<string, string> = { ...fileVars }
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v
  return merged
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/

export function parseEnvFile(text: string, env: NodeJS.ProcessEnv = {}): Record<string, string> {
  const vars: Record<string, string> = {}
  const lookup = (name: string): string => vars[name] ?? env[name] ?? ''
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  let i = 0
  while (i < src.length) {
    const lineEnd = indexOrEnd(src, '\n', i)
    let line = src.slice(i, lineEnd)
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) {
      i = lineEnd + 1
      continue
    }
    line = line.replace(/^\s*export\s+/, '')
    const sepAt = line.search(/[=:]/)
    if (sepAt < 0) {
      i = lineEnd + 1
      continue
    }
    const key = line.slice(0, sepAt).trim()
    const lineStart = lineEnd - line.length
    let pos = lineStart + sepAt + 1
    while (pos < src.length && (src[pos] === ' ' || src[pos] === '\t')) pos++
    const quote = src[pos]
    let value: string
    if (quote === '"' || quote === "'") {
      const close = findClosingQuote(src, pos + 1, quote)
      if (close < 0) {
        // Unterminated: godotenv refuses the file; we keep the rest of the line literally.
        value = src.slice(pos + 1, lineEnd)
        i = lineEnd + 1
      } else {
        const raw = src.slice(pos + 1, close)
        value = quote === "'" ? raw : unescape(expand(raw, lookup))
        i = indexOrEnd(src, '\n', close) + 1
      }
    } else {
      let raw = src.slice(pos, lineEnd)
      const comment = raw.search(/\s#/)
      if (comment >= 0) raw = raw.slice(0, comment)
      value = expand(raw.trim(), lookup)
      i = lineEnd + 1
    }
    if (KEY.test(key)) vars[key] = value
  }
  return vars
}

const indexOrEnd = (s: string, ch: string, from: number): number => {
  const at = s.indexOf(ch, from)
  return at < 0 ? s.length : at
}

function findClosingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\' && quote === '"') i++
    else if (s[i] === quote) return i
  }
  return -1
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => {
    switch (c) {
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      default:
        return c
    }
  })
}

/** `${NAME}` and `$NAME`, from earlier lines of the file, else the environment; `\$` stays literal. */
function expand(s: string, lookup: (name: string) => string): string {
  return s.replace(
    /(\\)?\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (m, esc, _w, braced, bare) => (esc ? m.slice(1) : lookup((braced ?? bare) as string)),
  )
}
