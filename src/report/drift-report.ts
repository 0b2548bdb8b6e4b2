/**
 * The drift check as each reporter shows it (`Result.drift`): the summary's and comment's "Drift"
 * section, the console's lines, the log's lines, and the annotations on edited migration files.
 */
import { editedMessage } from '../drift/integrity.js'
import { driftLine, PLACE_TEXT } from '../drift/schema-drift.js'
import type { DatabaseDrift, DriftResult, Result } from '../model.js'
import { code, header, row, text } from './markdown-escape.js'
import { plural } from './words.js'

/** `1 migration edited after apply, 2 schema differences, metadata changed outside the action`. */
export function driftSummary(d: DriftResult): string {
  const edited = d.databases.reduce((n, db) => n + db.edited.length, 0)
  const schema = d.databases.reduce((n, db) => n + ('entries' in db.schema ? db.schema.entries.length : 0), 0)
  const parts: string[] = []
  if (edited) parts.push(`${plural(edited, 'migration')} edited after apply`)
  if (schema) parts.push(plural(schema, 'schema difference'))
  if (d.metadata?.status === 'changed') parts.push('metadata changed outside the action')
  return parts.join(', ') || 'none'
}

/** Whether a report has anything to say: not for a check that was off or had nothing to check. */
export const showsDrift = (d: DriftResult | undefined): d is DriftResult =>
  d !== undefined && (d.databases.length > 0 || d.metadata !== undefined)

function notCheckedParts(d: DriftResult): string[] {
  const parts = d.databases.flatMap((db) =>
    'notChecked' in db.schema ? [`schema of ${db.database}: ${db.schema.notChecked}`] : [],
  )
  if (d.metadata?.status === 'not-recorded') parts.push('metadata: no digest recorded yet')
  return parts
}

/** The verdict line: found (what), none, or not checked (why). */
export function driftStatusLine(d: DriftResult): string {
  if (d.status === 'found') return `found: ${driftSummary(d)}${d.mode === 'fail' ? ' (drift: fail)' : ''}`
  if (d.status === 'none') return 'none: the target is what its applied migrations and metadata define'
  const why = d.reason ? [d.reason] : notCheckedParts(d)
  return `not checked${why.length ? ` (${why.join('; ')})` : ''}`
}

/** The verdict's word on drift: `no drift`, `drift: …` (a warning), or `drift not checked`. */
export function driftFact(result: Result): { text: string; warns: boolean } | undefined {
  const d = result.drift
  if (!showsDrift(d)) return undefined
  if (d.status === 'found') return { text: `drift: ${driftSummary(d)}`, warns: true }
  return { text: d.status === 'none' ? 'no drift' : 'drift not checked', warns: false }
}

/** The log's lines for one database, as the check goes. */
export function driftLogLines(d: DatabaseDrift): string[] {
  const on = `database ${d.database}:`
  const out = d.edited.map((e) => `${on} ${editedMessage(e)}`)
  for (const e of d.accepted)
    out.push(`${on} version ${e.version} was edited after apply; accepted, its new hash is recorded`)
  if (d.unverified.length > 0)
    out.push(
      `${on} ${plural(d.unverified.length, 'applied version')} without a recorded hash (unverified, not drift); the next run that writes records them`,
    )
  for (const v of d.unusedAcceptances)
    out.push(`${on} accept-edited-migrations names version ${v}, which is not edited`)
  if ('notChecked' in d.schema) out.push(`${on} schema drift not checked: ${d.schema.notChecked}`)
  else if (d.schema.unchangedSince) out.push(`${on} ${unchangedText(d.schema.unchangedSince)}`)
  else if (d.schema.entries.length === 0) out.push(`${on} the schema is what the applied migrations define`)
  else for (const s of d.schema.entries) out.push(`${on} ${driftLine(s)}`)
  return out
}

/** `schema unchanged since the check of 2026-12-06 01:20:00+00 (https://…/runs/1)`: why no replay ran. */
export function unchangedText(u: { checkedAt?: string; runUrl?: string; by: 'replay' | 'apply' }): string {
  const what = u.by === 'apply' ? 'the apply' : 'the check'
  const when = [u.checkedAt ? `of ${u.checkedAt}` : '', u.runUrl ? `(${u.runUrl})` : '']
    .filter((p) => p)
    .join(' ')
  return `schema unchanged since ${what}${when ? ` ${when}` : ''}, which a replay of the same applied migrations vouched for: not replayed`
}

const STATUS_EMOJI = { found: '⚠️', none: '✅', 'not-checked': '➖' } as const

/** The summary's and comment's "Drift" section (its lines), or nothing to show. */
export function driftMarkdown(result: Result): string[] | undefined {
  const d = result.drift
  if (!showsDrift(d)) return undefined
  const many = d.databases.length > 1
  const blocks = ['### Drift', '', `**Drift:** ${STATUS_EMOJI[d.status]} ${text(driftStatusLine(d))}`]
  const edited = d.databases.flatMap((db) => db.edited.map((e) => ({ db: db.database, e })))
  if (edited.length > 0) {
    blocks.push('', '**Edited after apply**', '')
    blocks.push(
      ...header([
        ...(many ? ['Database'] : []),
        'Version',
        'File',
        'sha256 recorded',
        'sha256 now',
        'Applied by',
      ]),
    )
    for (const { db, e } of edited) {
      const by = e.runUrl ? `[run](${encodeURI(e.runUrl)})` : e.origin === 'adopted' ? 'adopted' : ''
      blocks.push(
        row([
          ...(many ? [code(db, { inTable: true })] : []),
          code(e.version, { inTable: true }),
          code(e.file, { inTable: true }),
          code(e.recorded, { inTable: true }),
          code(e.local, { inTable: true }),
          by,
        ]),
      )
    }
  }
  const schema = d.databases.flatMap((db) =>
    'entries' in db.schema ? db.schema.entries.map((s) => ({ db: db.database, s })) : [],
  )
  if (schema.length > 0) {
    blocks.push('', '**Schema changed outside the migrations**', '')
    blocks.push(...header([...(many ? ['Database'] : []), 'Kind', 'Object', 'Detail', 'Where']))
    for (const { db, s } of schema) {
      blocks.push(
        row([
          ...(many ? [code(db, { inTable: true })] : []),
          text(s.kind),
          code(s.name, { inTable: true }),
          text(s.detail),
          text(PLACE_TEXT[s.where]),
        ]),
      )
    }
  }
  const m = d.metadata
  if (m) {
    blocks.push('', `**Metadata:** ${text(m.message)}`)
    if (m.note) blocks.push('', `> ${text(m.note)}`)
    if (m.changes.length > 0) {
      blocks.push('')
      for (const c of m.changes)
        blocks.push(
          `- ${c.widens ? '🔓 ' : ''}${text(c.summary)}${c.details.length ? `: ${text(c.details.join('; '))}` : ''}`,
        )
    }
  }
  const notes: string[] = []
  for (const db of d.databases) {
    const on = many ? `${code(db.database)}: ` : ''
    if (db.unverified.length > 0)
      notes.push(
        `${on}${plural(db.unverified.length, 'applied version')} without a recorded hash (applied by the Hasura CLI or before the ledger): unverified, not drift; the next run that writes records them`,
      )
    for (const e of db.accepted)
      notes.push(
        `${on}version ${code(e.version)} was edited after apply and is accepted: its new hash is recorded`,
      )
    for (const v of db.unusedAcceptances)
      notes.push(`${on}\`accept-edited-migrations\` names version ${code(v)}, which is not edited`)
    if ('notChecked' in db.schema) notes.push(`${on}schema drift not checked: ${text(db.schema.notChecked)}`)
  }
  if (notes.length > 0) blocks.push('', ...notes.map((n) => `- ${n}`))
  return blocks
}

/** The console's lines (plain text). */
export function driftText(result: Result): string[] {
  const d = result.drift
  if (!showsDrift(d)) return []
  const lines = [`Drift: ${driftStatusLine(d)}`]
  for (const db of d.databases) for (const l of driftLogLines(db)) lines.push(`  ${l}`)
  if (d.metadata) {
    lines.push(`  metadata: ${d.metadata.message}`)
    for (const c of d.metadata.changes) lines.push(`    ${c.widens ? '(widens) ' : ''}${c.summary}`)
  }
  return lines
}

/** Edited-after-apply findings, each a warning on its file with both hashes. */
export function driftAnnotations(
  result: Result,
  where: (file: string) => string,
): { level: 'warning'; message: string; file: string; title: string }[] {
  return (result.drift?.databases ?? []).flatMap((db) =>
    db.edited.map((e) => ({
      level: 'warning' as const,
      message: `${editedMessage(e)} (sha256 recorded ${e.recorded}, now ${e.local})`,
      file: where(e.file),
      title: `edited-after-apply (${e.version})`,
    })),
  )
}
