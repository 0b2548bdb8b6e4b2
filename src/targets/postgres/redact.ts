/** Keeps the database password out of everything we print. */

export interface RedactedUrl {
  /** The URL with the password replaced by `***` (also a `password=` query parameter). */
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

/**
 * `scheme://[userinfo@]rest[?query][#fragment]`. The userinfo ends at the *last* '@' before the first
 * '/', '?' or '#', as URL parsing (and so pg) reads it: a raw '@' in a password is accepted there.
 */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^/?#]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i

/** The password's forms (as written, decoded, encoded) in a URL or a key=value string, with its display. */
function readSecrets(url: string): { display: string; forms: string[] } {
  const secrets = new Set<string>()
  let display: string
  const m = URL_PARTS.exec(url)
  if (m) {
    const [, scheme = '', userinfo, rest = '', query = ''] = m
    let user = userinfo === undefined ? '' : `${userinfo}@`
    const colon = userinfo?.indexOf(':') ?? -1
    if (userinfo !== undefined && colon >= 0) {
      const password = userinfo.slice(colon + 1)
      if (password) secrets.add(password)
      user = `${userinfo.slice(0, colon)}:***@`
    }
    const params = query.replace(/([?&]password=)([^&]*)/gi, (_all, key: string, value: string) => {
      if (value) secrets.add(value)
      return `${key}***`
    })
    display = `${scheme}${user}${rest}${params}`
    // The same passwords as URL parsing serialises and decodes them ('+' is a space in a query).
    try {
      const parsed = new URL(url)
      for (const form of [parsed.password, parsed.searchParams.get('password')]) if (form) secrets.add(form)
    } catch {
      // not parsable as a URL: the forms read above are all there is
    }
  } else {
    // Not a URL (a socket path, or a libpq key=value string): redact what looks like a password.
    display = url
      .replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, (_all, key: string, value: string) => {
        secrets.add(value.replace(/^'|'$/g, ''))
        return `${key}***`
      })
      .replace(/(:\/\/[^:@/]*:)([^@]*)@/, (_all, head: string, value: string) => {
        secrets.add(value)
        return `${head}***@`
      })
  }
  const forms = new Set<string>()
  for (const s of secrets) {
    for (const form of [s, safeDecode(s), encodeURIComponent(safeDecode(s))]) if (form) forms.add(form)
  }
  // Longest first, so that a form containing another is replaced whole.
  return { display, forms: [...forms].sort((a, b) => b.length - a.length) }
}

export function redactUrl(url: string): RedactedUrl {
  const { display, forms } = readSecrets(url)
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined
  return { display, redact: (text) => (pattern ? text.replace(pattern, '***') : text) }
}

/** Every form of the password a URL holds (none when it holds none). */
export function passwordForms(url: string): string[] {
  return readSecrets(url).forms
}

/** What to mask the moment the `database-url` input is read: the URL and every form of its password. */
export function databaseUrlSecrets(url: string): string[] {
  return [url, ...passwordForms(url)]
}
