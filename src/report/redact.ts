/**
 * Last line of defence against a secret reaching a report: every renderer passes its text through here,
 * even though target displays are already redacted upstream.
 */

export const REDACTED = '***'

/** Shorter values are not masked: replacing every `ab` would destroy the report and protect nothing. */
export const MIN_SECRET_LENGTH = 3

/** The forms a secret can take inside text we render: as is, URL-encoded (in URLs), JSON-escaped. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>([secret])
  try {
    forms.add(encodeURIComponent(secret))
    forms.add(encodeURI(secret))
  } catch {
    // a lone surrogate cannot be URL-encoded; the raw form is still masked
  }
  forms.add(JSON.stringify(secret).slice(1, -1))
  return [...forms]
}

/** The distinct, maskable forms of the given secrets, longest first (so a longer form is masked whole). */
export function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue
    for (const form of formsOf(secret)) if (form.length >= MIN_SECRET_LENGTH) forms.add(form)
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}

/** Replaces every occurrence of every secret (and its URL-encoded and JSON-escaped forms) with `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = secretForms(secrets)
  let out = text
  for (const form of forms) out = out.split(form).join(REDACTED)
  return out
}

/** Redacts every string inside a JSON-ready value (keys included), returning a copy. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const forms = secretForms(secrets)
  if (forms.length === 0) return value
  const mask = (text: string): string => {
    let out = text
    for (const form of forms) out = out.split(form).join(REDACTED)
    return out
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [mask(k), walk(inner)]))
    }
    return v
  }
  return walk(value) as T
}
