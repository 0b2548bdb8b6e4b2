/**
 * Keeps secrets out of every report: each renderer reads the Result through `redactResult`, which masks
 * the free text (messages, SQL, notices) and leaves the action's own values as they are.
 */
import type { Result } from '../model.js'

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

/**
 * The Result's own values, shown as they are: its vocabulary (statuses, kinds, modes, directions), its
 * names (databases, migrations, files, directories, inputs), versions, times, the notes it writes, and
 * the target's display, which already has `***` in the password's place. Masking these would turn a
 * short password such as `postgres` into garbage (`kind: "***"`, `***ql://***:***@…`), and they carry
 * no secret. Every other string is free text that may quote one (a server's error message, SQL, a
 * notice echoing a setting) and is masked, so a field added later is masked until it is listed here.
 */
const OWN_VALUES = new Set([
  'status',
  'mode',
  'transaction',
  'kind',
  'severity',
  'direction',
  'display',
  'serverVersion',
  'projectDir',
  'environment',
  'startedAt',
  'runUrl',
  'database',
  'directory',
  'version',
  'current',
  'applied',
  'appliedByAnotherRun',
  'name',
  'file',
  'files',
  'type',
  'input',
  'sqlstate',
  'note',
])

/**
 * A copy of the Result with every secret masked in its free text. The target displays are kept
 * whole wherever a message quotes them (`cannot connect to PostgreSQL at postgres://postgres:***@…`).
 */
export function redactResult(result: Result, secrets: readonly (string | undefined)[]): Result {
  const forms = secretForms(secrets)
  if (forms.length === 0) return result
  const displays = [result.target.display, result.metadataTarget?.display].filter((d): d is string => !!d)
  const mask = (text: string): string => {
    let out = text
    for (const form of forms) out = out.split(form).join(REDACTED)
    return out
  }
  // the text between the quoted displays is masked, the displays themselves are not
  const maskAround = (text: string, keep: readonly string[]): string => {
    const [display, ...rest] = keep
    if (display === undefined) return mask(text)
    return text
      .split(display)
      .map((part) => maskAround(part, rest))
      .join(display)
  }
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string')
      return key !== undefined && OWN_VALUES.has(key) ? value : maskAround(value, displays)
    if (Array.isArray(value)) return value.map((item) => walk(item, key))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, walk(inner, k)]))
    }
    return value
  }
  return walk(result) as Result
}
