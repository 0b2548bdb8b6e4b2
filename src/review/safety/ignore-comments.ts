/**
 * A migration file's `-- hasura-migrate:ignore <rule>[, <rule>…]` comment lines: which safety rules
 * the file silences. A whole line must be the comment (after optional indentation); rule ids are
 * separated by commas or spaces and may be spread over several such lines.
 */
import { isRuleId, type RuleId } from './rules.js'

export const IGNORE_DIRECTIVE = 'hasura-migrate:ignore'

const IGNORE_LINE = /^[ \t]*--[ \t]*hasura-migrate:ignore(?![\w:-])(.*)$/

export interface IgnoredRules {
  rules: Set<RuleId>
  /** Names that are no rule id (an empty name: the comment names no rule at all), with their line. */
  unknown: { name: string; line: number }[]
}

export function readIgnoreComments(sql: string): IgnoredRules {
  const out: IgnoredRules = { rules: new Set(), unknown: [] }
  if (!sql.includes(IGNORE_DIRECTIVE)) return out
  const lines = sql.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = IGNORE_LINE.exec(lines[i].replace(/\r$/, ''))
    if (!match) continue
    const names = match[1].split(/[\s,]+/).filter((n) => n !== '')
    if (names.length === 0) out.unknown.push({ name: '', line: i + 1 })
    for (const name of names) {
      if (isRuleId(name)) out.rules.add(name)
      else out.unknown.push({ name, line: i + 1 })
    }
  }
  return out
}
