import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The suites whose results `scripts/reliability.mjs` summarises into RELIABILITY.md. */
export type ReliabilitySuite = 'faults' | 'races' | 'hostile' | 'properties' | 'secrets'

export type ReliabilityOutcome = 'survived' | 'failed' | 'clean-failure' | 'unclean-failure' | 'passed'

export interface ReliabilityEntry {
  suite: ReliabilitySuite
  /** Unique within the suite: a later entry with the same name replaces an earlier one in the report. */
  name: string
  outcome: ReliabilityOutcome
  /** Migrations applied twice (races, faults). */
  doubleApplies?: number
  /** Migrations recorded as applied whose effect is missing, or applied but not recorded. */
  lostMigrations?: number
  /** Writes found on a target that must have stayed untouched (hostile inputs). */
  writes?: number
  /** Whether a stack trace was printed for a user error. */
  stackTrace?: boolean
  /** How many distinct secrets were found in anything captured. */
  secretsLeaked?: number
  /** `SELECT version()` of the PostgreSQL the case ran against, when known. */
  postgresVersion?: string
  /** Free text: a measurement (time, memory) or why the outcome is what it is. */
  detail?: string
}

/** The repository root: results live beside the sources, gitignored. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const resultsDir = join(repoRoot, 'reliability-results')

/** Appends one JSON line to `reliability-results/<suite>.jsonl` (sync append: safe across parallel test files). */
export function record(entry: ReliabilityEntry): void {
  mkdirSync(resultsDir, { recursive: true })
  const line = JSON.stringify({ ...entry, at: new Date().toISOString() })
  appendFileSync(join(resultsDir, `${entry.suite}.jsonl`), `${line}\n`)
}

/**
 * The secrets (from `secrets`) that occur in any of `texts`, each once, in the order given.
 * Also catches the percent-encoded and base64 forms, so a secret re-encoded on its way out still counts.
 */
export function scanForSecrets(texts: string[], secrets: string[]): string[] {
  const haystack = texts.join('\n')
  return secrets.filter((secret) => {
    if (secret.length === 0) return false
    const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])
    return [...forms].some((form) => haystack.includes(form))
  })
}
