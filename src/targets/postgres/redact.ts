/** Keeps the database password out of everything we print, whether the URL or PGPASSWORD holds it. */
import { environmentUsed } from './connection-url.js'

export interface RedactedUrl {
  /**
   * The URL as written with `***` in the password's place (userinfo or `password=` parameter), then
   * the PG* variables that supply what it leaves out, e.g. `postgres:///app (PGHOST=/tmp, PGPASSWORD=***)`.
   */
  display: string
  /** Replaces every occurrence of the password (as written, decoded, encoded) in a text. */
  redact: (text: string) => string
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** A query component as URL parsing (and so pg) decodes it: '+' is a space. */
const decodeQuery = (s: string): string => safeDecode(s.replace(/\+/g, ' '))

/**
 * `scheme:[//][userinfo@]rest[?query][#fragment]` (`socket:/dir?db=x` has no `//`). The userinfo ends
 * at the *last* '@' before the first '/', '?' or '#', as URL parsing (and so pg) reads it: a raw '@'
 * in a password is accepted there.
 */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:(?:\/\/)?)(?:([^/?#]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i

/** The passwords (as written, decoded, serialised) in a URL or a key=value string, with its display. */
function readSecrets(url: string): { display: string; passwords: Set<string> } {
  const secrets = new Set<string>()
  let display: string
  const m = URL_PARTS.exec(url)
  if (m) {
    const [, scheme = '', userinfo, rest = '', query = '', fragment = ''] = m
    let user = userinfo === undefined ? '' : `${userinfo}@`
    const colon = userinfo?.indexOf(':') ?? -1
    if (userinfo !== undefined && colon >= 0) {
      const password = userinfo.slice(colon + 1)
      if (password) secrets.add(password)
      user = `${userinfo.slice(0, colon)}:***@`
    }
    // pg reads every query parameter, with its name decoded: `pass%77ord=` is a password too
    const params = query.replace(
      /([?&])([^=&]*)=([^&]*)/g,
      (all, sep: string, key: string, value: string) => {
        if (decodeQuery(key).toLowerCase() !== 'password') return all
        if (value) secrets.add(value).add(decodeQuery(value))
        return `${sep}${key}=***`
      },
    )
    display = `${scheme}${user}${rest}${params}${fragment}`
    // The same passwords as URL parsing serialises them.
    try {
      const parsed = new URL(url)
      for (const form of [parsed.password, parsed.searchParams.get('password')]) if (form) secrets.add(form)
    } catch {
      // not parsable as a URL (pg retries a socket URL such as `postgresql://u:pw@/db?host=/dir` itself)
    }
  } else {
    // Not a URL (a socket directory, or a libpq key=value string): redact what looks like a password.
    display = url.replace(
      /(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi,
      (_all, key: string, value: string) => {
        secrets.add(value.replace(/^'|'$/g, ''))
        return `${key}***`
      },
    )
  }
  return { display, passwords: secrets }
}

/** Every form of the given passwords a text may show, longest first (a form containing another is replaced whole). */
function formsOf(passwords: Iterable<string>): string[] {
  const forms = new Set<string>()
  for (const s of passwords) {
    for (const form of [s, safeDecode(s), encodeURIComponent(safeDecode(s))]) if (form) forms.add(form)
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/** The URL's own password forms, or else PGPASSWORD's when pg will send it; with what to show of the target. */
function readConnection(url: string, env: NodeJS.ProcessEnv): { display: string; forms: string[] } {
  const { display, passwords } = readSecrets(url)
  const parts = environmentUsed(url, env)
  for (const p of parts) if (p.variable === 'PGPASSWORD') passwords.add(p.value)
  const shown = parts.map((p) => `${p.variable}=${p.variable === 'PGPASSWORD' ? '***' : p.value}`)
  return {
    display: shown.length > 0 ? `${display} (${shown.join(', ')})` : display,
    forms: formsOf(passwords),
  }
}

/** `env`: the environment pg reads (PGHOST, PGPASSWORD, …) for the parts the URL leaves out. */
export function redactUrl(url: string, env: NodeJS.ProcessEnv): RedactedUrl {
  const { display, forms } = readConnection(url, env)
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined
  return { display, redact: (text) => (pattern ? text.replace(pattern, '***') : text) }
}

/** Every form of the password a URL holds (none when it holds none). */
export function passwordForms(url: string): string[] {
  return formsOf(readSecrets(url).passwords)
}

/**
 * What to mask the moment the `database-url` input is read: the URL and every form of its password,
 * or of PGPASSWORD when the URL has none and pg will send that.
 */
export function databaseUrlSecrets(url: string, env: NodeJS.ProcessEnv): string[] {
  return [url, ...readConnection(url, env).forms]
}
