/**
 * The verdict: the one line a reviewer takes in at a glance, first in the summary, the comment and the
 * CLI — what the run did, then one fact per review section that has something to say ("3 findings",
 * "metadata: 2 permission changes (1 widens access)"), ❌ for a failure, ⚠️ when any fact warns.
 * A review section adds its fact to `VERDICT_FACTS`, in the order of the sections (contract §8.6).
 */
import { driftFact } from './drift-report.js'
import type { FindingResult, MetadataChangeResult, Result } from '../model.js'
import { headline, plural } from './words.js'

export interface VerdictFact {
  text: string
  /** The fact calls for a look (a finding, a widening change, drift): the verdict is ⚠️. */
  warns?: boolean
}

export interface Verdict {
  emoji: '✅' | '⚠️' | '❌' | '⛔'
  /** What the run did (`headline`), then the facts, joined with ` · `. */
  text: string
}

/** Findings that count: not silenced, not mere notices. */
export const countedFindings = (result: Result): FindingResult[] =>
  result.databases.flatMap((d) => d.findings.filter((f) => !f.silenced && f.severity !== 'notice'))

export const silencedFindings = (result: Result): FindingResult[] =>
  result.databases.flatMap((d) => d.findings.filter((f) => f.silenced))

function findingsFact(result: Result): VerdictFact | undefined {
  const counted = countedFindings(result).length
  const silenced = silencedFindings(result).length
  const checked = result.safety !== undefined && result.safety.lint !== 'off'
  if (counted === 0 && silenced === 0) return checked ? { text: 'no findings' } : undefined
  const text = counted === 0 ? 'no findings' : plural(counted, 'finding')
  return { text: silenced > 0 ? `${text} (${silenced} silenced)` : text, warns: counted > 0 }
}

export const allMetadataChanges = (result: Result): MetadataChangeResult[] => {
  const m = result.metadataChanges
  return m ? [...m.sources.flatMap((s) => s.changes), ...m.global] : []
}

function metadataFact(result: Result): VerdictFact | undefined {
  const m = result.metadataChanges
  if (!m || m.base.from === 'none') return undefined
  const changes = allMetadataChanges(result)
  if (changes.length === 0) return { text: 'metadata: no changes' }
  const permissions = changes.filter((c) => c.kind.endsWith('_permission')).length
  const others = changes.length - permissions
  const parts = [
    ...(permissions > 0 ? [plural(permissions, 'permission change')] : []),
    ...(others > 0 ? [plural(others, permissions > 0 ? 'other change' : 'change')] : []),
  ]
  const widening = changes.filter((c) => c.widens).length
  const widen = widening > 0 ? ` (${widening} ${widening === 1 ? 'widens' : 'widen'} access)` : ''
  return { text: `metadata: ${parts.join(', ')}${widen}`, warns: widening > 0 }
}

/** Unresolved metadata references (`verify-metadata`): they fail the run, or warn. */
function metadataProblemsFact(result: Result): VerdictFact | undefined {
  const n = result.metadataCheck?.problems.length ?? 0
  return n > 0 ? { text: plural(n, 'metadata problem'), warns: true } : undefined
}

const kinds = (n: number, kind: string): string =>
  kind === 'index' ? plural(n, kind, 'indexes') : plural(n, kind)

/** `schema +2 tables, 1 column altered`, over every database that executed something. */
function schemaFact(result: Result): VerdictFact | undefined {
  const changes = result.databases.flatMap((d) => (d.schemaChanges ? [d.schemaChanges] : []))
  if (changes.length === 0) return undefined
  const count = (list: 'added' | 'dropped' | 'altered'): Map<string, number> => {
    const m = new Map<string, number>()
    for (const c of changes) for (const e of c[list]) m.set(e.kind, (m.get(e.kind) ?? 0) + 1)
    return m
  }
  const parts = (
    [
      ['+', 'added'],
      ['−', 'dropped'],
    ] as const
  ).flatMap(([sign, list]) => [...count(list)].map(([kind, n]) => `${sign}${kinds(n, kind)}`))
  const altered = [...count('altered')].map(([kind, n]) => `${kinds(n, kind)} altered`)
  const all = [...parts, ...altered]
  return { text: all.length === 0 ? 'schema: no change' : `schema ${all.join(', ')}` }
}

/** One per review section, in the sections' order: problems, findings, schema changes, metadata changes, drift. */
export const VERDICT_FACTS: ((result: Result) => VerdictFact | undefined)[] = [
  metadataProblemsFact,
  findingsFact,
  schemaFact,
  metadataFact,
  driftFact,
]

export function verdict(result: Result): Verdict {
  const facts = VERDICT_FACTS.map((f) => f(result)).filter((f): f is VerdictFact => f !== undefined)
  const text = [headline(result), ...facts.map((f) => f.text)].join(' · ')
  if (result.status === 'failed') return { emoji: '❌', text }
  if (result.status === 'cancelled') return { emoji: '⛔', text }
  const warns =
    facts.some((f) => f.warns) ||
    result.warnings.length > 0 ||
    result.metadata.status === 'inconsistent' ||
    result.trustedPullRequestCode !== undefined
  return { emoji: warns ? '⚠️' : '✅', text }
}
