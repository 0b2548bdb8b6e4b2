/** The local CLI's human output: plain text, aligned columns, colour only when asked (a TTY). */
import {
  ACTION_NAME,
  STEP_STATUS_WORD,
  appliedAfter,
  fileLine,
  formatDuration,
  newest,
  nextSteps,
  normalizeDir,
  targetKindLabel,
} from './words.js'
import { driftText } from './drift-report.js'
import { redactResult } from './redact.js'
import { allMetadataChanges, verdict } from './verdict.js'
import type { Result } from '../model.js'

export interface TextOptions {
  /** ANSI colours; the CLI passes `process.stdout.isTTY && !process.env.NO_COLOR`. */
  color?: boolean
  secrets?: readonly (string | undefined)[]
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const
type Paint = (style: keyof typeof ANSI, s: string) => string

/** Columns separated by two spaces, like the Hasura CLI's tabwriter output. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)]
}

export function renderText(result: Result, options: TextOptions = {}): string {
  const r = redactResult(result, options.secrets ?? [])
  const paint: Paint = options.color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s
  const lines: string[] = []
  const statusStyle = r.status === 'failed' || r.status === 'cancelled' ? 'red' : 'green'
  const v = verdict(r)
  lines.push(
    `${paint('bold', `${ACTION_NAME}:`)} ${v.emoji} ${paint(statusStyle, oneLine(v.text))}${r.environment ? ` [${oneLine(r.environment)}]` : ''}`,
  )
  const trusted = r.trustedPullRequestCode
  if (trusted) {
    lines.push(
      `${paint('yellow', 'warning:')} pull-request code trusted (trust-pull-request-code: true): this ${oneLine(trusted.event)} run executed the project from the pull request of ${oneLine(trusted.from)} (${oneLine(trusted.reason)}) with the repository's secrets`,
    )
  }
  const target = `${targetKindLabel(r.target)} ${oneLine(r.target.display)}${r.target.serverVersion ? ` (${oneLine(r.target.serverVersion)})` : ''}`
  const facts: [string, string][] = [['Target', target]]
  if (r.metadataTarget) {
    facts.push([
      'Metadata target',
      `${targetKindLabel(r.metadataTarget)} ${oneLine(r.metadataTarget.display)}`,
    ])
  }
  facts.push(['Project', `${normalizeDir(r.projectDir)} (config v${r.configVersion})`])
  facts.push([
    'Mode',
    [
      r.mode,
      `transaction ${r.transaction}`,
      ...(r.skipExecution ? ['skip-execution'] : []),
      formatDuration(r.durationMs),
    ].join(', '),
  ])
  const width = Math.max(...facts.map(([k]) => k.length)) + 1
  for (const [k, v] of facts) lines.push(`${`${k}:`.padEnd(width)} ${v}`)

  lines.push(...metadataCheckLines(r))
  const findings = r.databases.flatMap((d) => d.findings)
  if (findings.length > 0) {
    lines.push('', 'Findings:')
    const rows = findings.map((f) => [
      f.silenced ? 'silenced' : f.severity,
      f.rule ?? f.kind,
      ...(r.databases.length > 1 ? [f.database] : []),
      fileLine(f.file, f.line) ?? f.version ?? '',
      oneLine(f.message),
    ])
    for (const l of table([], rows).slice(1)) lines.push(`  ${l}`)
  }
  if (r.safety && r.safety.lint !== 'off') {
    lines.push(
      `Safety rules: ${r.safety.files} up file(s) checked (lint: ${r.safety.lint}; docs/safety-rules.md)`,
    )
    for (const n of r.safety.notes) lines.push(`  ${oneLine(n)}`)
  }
  lines.push(...schemaChangeLines(r), ...metadataChangeLines(r))

  for (const db of r.databases) {
    const after = r.mode === 'apply' ? db.after.current : newest(appliedAfter(r, db))
    const label = r.mode === 'apply' ? '' : ' (after the plan)'
    lines.push(
      '',
      `Database ${db.database}: ${db.before.current ?? 'none'}${db.before.dirty ? ' (dirty)' : ''} -> ${after ?? 'none'}${label}`,
    )
    if (db.appliedByAnotherRun.length > 0) {
      lines.push(`Applied by another run (not run again): ${db.appliedByAnotherRun.join(', ')}`)
    }
    const rows: string[][] =
      db.steps.length > 0
        ? db.steps.map((s) => [
            s.version,
            s.name,
            s.direction,
            STEP_STATUS_WORD[s.status],
            s.file ?? '',
            s.note ?? '',
          ])
        : db.planned.map((p) => [
            p.version,
            p.name,
            p.direction,
            r.mode === 'apply' ? 'pending' : 'planned',
            p.file ?? '',
            p.transactional ? '' : 'no-transaction',
          ])
    if (rows.length > 0) {
      const withNote = rows.some((row) => row[5] !== '')
      const headers = ['VERSION', 'NAME', 'DIRECTION', 'STATUS', 'FILE', ...(withNote ? ['NOTE'] : [])]
      const body = table(
        headers,
        rows.map((row) => row.slice(0, headers.length).map(oneLine)),
      )
      lines.push('', ...body.map((l, i) => (i === 0 ? paint('dim', l) : colourStatus(l, paint))))
    } else if (r.status === 'nothing-to-do' || (r.mode === 'apply' && !r.error)) {
      lines.push('Nothing to apply.')
    }
  }

  lines.push(
    '',
    `Metadata: ${r.metadata.status}${r.metadata.message ? `: ${oneLine(r.metadata.message)}` : ''}`,
  )
  for (const o of r.metadata.inconsistentObjects) {
    lines.push(`  inconsistent ${oneLine(o.type)} ${oneLine(o.name)}: ${oneLine(o.reason)}`)
  }
  lines.push(...driftText(r).map(oneLine))
  lines.push(`Seeds: ${r.seeds.status}${r.seeds.files.length > 0 ? `: ${r.seeds.files.join(', ')}` : ''}`)
  if (r.roundTrip) {
    lines.push(
      `Down round trip: ${r.roundTrip.status}${r.roundTrip.reason ? `: ${oneLine(r.roundTrip.reason)}` : ''}`,
    )
  }
  for (const w of r.warnings) lines.push(`${paint('yellow', 'warning:')} ${oneLine(w)}`)
  for (const n of r.notices) lines.push(`${paint('cyan', 'notice:')} ${oneLine(n)}`)

  if (r.error) {
    const e = r.error
    lines.push('', paint('red', `Error: ${oneLine(e.message)}`))
    const where = [
      e.database && `database ${e.database}`,
      e.version && `version ${e.version}`,
      fileLine(e.file, e.line),
      e.input && `input '${e.input}'`,
    ].filter(Boolean)
    if (where.length > 0) lines.push(`  at ${where.join(', ')}`)
    if (e.sqlstate) lines.push(`  SQLSTATE ${e.sqlstate}`)
    if (e.detail) lines.push(`  Detail: ${oneLine(e.detail)}`)
    if (e.hint) lines.push(`  Hint: ${oneLine(e.hint)}`)
    if (e.statement) {
      lines.push('  Statement:')
      for (const l of e.statement.replace(/\r\n/g, '\n').split('\n')) lines.push(`    ${l}`)
    }
    const next = nextSteps(r)
    if (next.length > 0) {
      lines.push('', 'What to do next:')
      next.forEach((n, i) => lines.push(`  ${i + 1}. ${n.replace(/`/g, '')}`))
    }
  }
  return lines.join('\n') + '\n'
}

function metadataChangeLines(r: Result): string[] {
  const m = r.metadataChanges
  if (!m) return []
  if (m.base.from === 'none') return ['', `Metadata changes: not compared (${oneLine(m.base.reason)})`]
  const base =
    m.base.from === 'server' ? `the server ${m.base.display}` : `base commit ${m.base.commit.slice(0, 7)}`
  const all = allMetadataChanges(r)
  const out = ['', `Metadata changes against ${base}: ${all.length}${m.note ? ` (${oneLine(m.note)})` : ''}`]
  const groups = [
    ...m.sources.map((s) => [`database ${s.source}`, s.changes] as const),
    ['outside the databases', m.global] as const,
  ]
  for (const [label, changes] of groups) {
    if (changes.length === 0) continue
    out.push(`  ${label}:`)
    for (const c of changes) {
      const details = c.details.length > 0 ? `: ${c.details.join('; ')}` : ''
      const widens = c.widens ? `WIDENS ACCESS (${c.widening.join('; ')}): ` : ''
      out.push(`    ${c.change.padEnd(7)} ${oneLine(`${widens}${c.summary}${details}`)}`)
    }
  }
  return out
}

/** Schema changes per database, one line per object past a short list. */
function schemaChangeLines(r: Result): string[] {
  const out: string[] = []
  for (const d of r.databases) {
    const c = d.schemaChanges
    if (!c) continue
    const before = c.before === 'target' ? '' : ` (before: ${oneLine(c.note ?? c.before)})`
    out.push(
      '',
      `Schema changes ${d.database}: ${c.added.length} added, ${c.dropped.length} dropped, ${c.altered.length} altered${before}`,
    )
    const rows = [
      ...c.added.map((e) => ['+', e.kind, e.name, e.detail]),
      ...c.dropped.map((e) => ['-', e.kind, e.name, e.detail]),
      ...c.altered.map((e) => ['~', e.kind, e.name, e.detail]),
    ]
    const shown = rows.length > CONSOLE_CHANGES ? rows.slice(0, CONSOLE_CHANGES) : rows
    for (const l of table(
      [],
      shown.map((row) => row.map(oneLine)),
    ).slice(1))
      out.push(`  ${l}`)
    if (rows.length > shown.length) out.push(`  … ${rows.length - shown.length} more (see --json)`)
  }
  return out
}

/** Schema changes listed before the rest is only counted (the whole list is in --json). */
const CONSOLE_CHANGES = 30

function metadataCheckLines(r: Result): string[] {
  const check = r.metadataCheck
  if (!check) return []
  const head = `Metadata verification: ${check.status}${check.reason ? `: ${oneLine(check.reason)}` : ''}`
  const out = ['', head]
  if (check.committedBeforeCheck.length > 0) {
    out.push(
      `  already committed when checked: ${check.committedBeforeCheck.map((c) => c.version).join(', ')}`,
    )
  }
  for (const p of check.problems) {
    const where = fileLine(p.file, p.line)
    out.push(`  ${where ? `${where}: ` : ''}${oneLine(p.type)} ${oneLine(p.name)}: ${oneLine(p.reason)}`)
    if (p.note) out.push(`    ${oneLine(p.note)}`)
  }
  for (const n of check.notChecked)
    out.push(`  not checked: ${n.kind} ${oneLine(n.name)} (${oneLine(n.reason)})`)
  return out
}

function oneLine(s: string): string {
  // control characters would move the cursor or inject escapes into a terminal
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r?\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')
}

function colourStatus(line: string, paint: Paint): string {
  return line
    .replace(/\bfailed\b/, (m) => paint('red', m))
    .replace(/\bnot run\b/, (m) => paint('dim', m))
    .replace(/\b(applied|rehearsed)\b/, (m) => paint('green', m))
}
