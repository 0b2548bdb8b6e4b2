/**
 * Migration safety findings for the up files a run applies, in order, with the real PostgreSQL parser
 * and, where a snapshot was taken, the catalog before the run. Pure: no I/O (async only because the
 * parser is WASM, loaded on first need).
 */
import { parseStatements } from '../../sql/parser.js'
import { LineCounter } from '../../sql/position.js'
import { IGNORE_DIRECTIVE, readIgnoreComments } from './ignore-comments.js'
import { RULES, RULES_DOC, type RuleId } from './rules.js'
import { RunSchema } from './run-schema.js'
import type { DatabaseObject, LintContext, MigrationSql, SafetyFinding } from './types.js'
import { FileWalker, type WalkSink } from './walker.js'

/**
 * Every statement a rule looks at, or that changes what later statements find, holds one of these
 * words: a file without any (data only: INSERT, UPDATE, COPY) is never parsed.
 */
const STATEMENT_WORDS = /\b(?:alter|drop|truncate|create|vacuum|cluster|reindex|lock|search_path)\b/i

/** One database's walk through the run: its schema so far, and metadata findings a later file may cancel. */
class DatabaseRun {
  readonly schema: RunSchema
  /** Findings by the key of the object whose re-creation withdraws them (see `WalkSink.finding`). */
  readonly pending = new Map<string, SafetyFinding[]>()
  readonly cancelled = new Set<SafetyFinding>()

  constructor(
    readonly database: string,
    private readonly context: LintContext,
  ) {
    this.schema = new RunSchema(context.catalogBefore?.get(database))
  }

  referenced(o: DatabaseObject): boolean {
    return this.context.referenced?.(this.database, o) ?? false
  }
}

export async function lintMigrations(
  files: readonly MigrationSql[],
  context: LintContext = {},
): Promise<SafetyFinding[]> {
  const runs = new Map<string, DatabaseRun>()
  const out: SafetyFinding[] = []
  for (const file of files) {
    let run = runs.get(file.database)
    if (!run) {
      run = new DatabaseRun(file.database, context)
      runs.set(file.database, run)
    }
    out.push(...(await lintFile(file, run)))
  }
  const cancelled = new Set([...runs.values()].flatMap((r) => [...r.cancelled]))
  return out.filter((f) => !cancelled.has(f))
}

async function lintFile(file: MigrationSql, run: DatabaseRun): Promise<SafetyFinding[]> {
  const ignored = readIgnoreComments(file.sql)
  const findings: SafetyFinding[] = []
  const add = (rule: RuleId, line: number, message: string): SafetyFinding => {
    const finding: SafetyFinding = {
      rule,
      severity: RULES[rule].severity,
      database: file.database,
      version: file.version,
      file: file.file,
      line,
      message,
      silenced: rule !== 'unknown-ignore-rule' && ignored.rules.has(rule),
    }
    findings.push(finding)
    return finding
  }
  for (const u of ignored.unknown) {
    add(
      'unknown-ignore-rule',
      u.line,
      u.name === ''
        ? `${IGNORE_DIRECTIVE} names no rule: list the rule ids to silence (see ${RULES_DOC})`
        : `${IGNORE_DIRECTIVE} names '${u.name}', which is no safety rule: nothing is silenced by it (the rule ids are in ${RULES_DOC})`,
    )
  }
  if (!STATEMENT_WORDS.test(file.sql)) return findings

  const sink: WalkSink = {
    finding: (rule, line, message, withdrawnBy) => {
      const finding = add(rule, line, message)
      if (withdrawnBy) run.pending.set(withdrawnBy, [...(run.pending.get(withdrawnBy) ?? []), finding])
    },
    referenced: (object) => run.referenced(object),
    created: (key) => {
      for (const f of run.pending.get(key) ?? []) run.cancelled.add(f)
      run.pending.delete(key)
    },
  }
  const walker = new FileWalker(run.schema, sink)
  const { statements } = await parseStatements(file.sql)
  const lines = new LineCounter(file.sql)
  for (const s of statements) walker.statement(s.node, lines.lineAt(s.start))
  return findings.sort((a, b) => a.line - b.line)
}
