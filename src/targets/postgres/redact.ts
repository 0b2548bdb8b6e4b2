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

export function redactUrl(url: string): RedactedUrl {
  const secrets = new Set<string>()
  let display: string
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url)
  if (m) {
    const [, scheme = '', userinfo = '', rest = '', query = ''] = m
    let user = userinfo
    if (userinfo) {
      const colon = userinfo.indexOf(':')
      if (colon >= 0) {
        const password = userinfo.slice(colon + 1, -1)
        if (password) secrets.add(password)
        user = `${userinfo.slice(0, colon)}:***@`
      }
    }
    const params = query.replace(/([?&]password=)([^&]*)/gi, (_all, key: string, value: string) => {
      if (value) secrets.add(value)
      return `${key}***`
    })
    display = `${scheme}${user}${rest}${params}`
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
  const patterns = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const pattern = patterns.length > 0 ? new RegExp(patterns.join('|'), 'g') : undefined
  return { display, redact: (text) => (pattern ? text.replace(pattern, '***') : text) }
}
