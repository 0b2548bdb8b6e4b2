/**
 * Why the embedded database's round trip (apply every version, roll every one back, apply again)
 * cannot run: a version without a down file that undoes it, or with a down file PostgreSQL's parser
 * rejects. The Hasura CLI reads a down file only when it runs it, so such a file is no reason to fail
 * a run that only applies; the round trip is skipped instead. Pure: no I/O (async for the WASM parser).
 */
import type { DatabaseMigrations } from '../project/types.js'
import { splitStatements } from '../sql/index.js'
import { DOWN_PROBLEM } from './findings.js'
import { downStatus, effectiveSide, emptyFileOf, localMigrations, sidePath } from './migrations.js'
import type { Finding } from './types.js'

// The parser quotes the text near the error, line breaks and all.
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** One finding per version the round trip cannot roll back (versions whose up side is empty are not migrations). */
export async function roundTripBlockers(db: DatabaseMigrations): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const m of localMigrations(db).values()) {
    if (!effectiveSide(m.up)) continue
    const status = downStatus(m, db)
    const base = {
      kind: 'round-trip-impossible',
      severity: 'warning',
      database: db.name,
      version: m.version,
    } as const
    if (status !== 'real') {
      const file = sidePath(m.down) ?? emptyFileOf(db, m.version, 'down') ?? sidePath(m.up)
      findings.push({
        ...base,
        ...(file ? { file } : {}),
        message: `version ${m.version} ${DOWN_PROBLEM[status].text}: the round trip cannot roll it back`,
      })
      continue
    }
    const down = effectiveSide(m.down)?.sql
    if (!down) continue
    const { syntaxError } = await splitStatements(down.text)
    if (!syntaxError) continue
    const at = syntaxError.line === undefined ? '' : ` at line ${syntaxError.line}`
    findings.push({
      ...base,
      file: down.path,
      ...(syntaxError.line === undefined ? {} : { line: syntaxError.line }),
      message: `the down migration of version ${m.version} has a syntax error${at}: ${oneLine(syntaxError.message)}; the round trip cannot roll it back (fix it before this version is ever rolled back)`,
    })
  }
  return findings
}

/** The round trip's "skipped" reason: which versions stand in its way (the findings say why). */
export function roundTripSkipReason(blockers: Finding[]): string {
  const versions = [...new Set(blockers.map((b) => b.version?.toString() ?? '?'))]
  const more = versions.length > 10 ? ` and ${versions.length - 10} more` : ''
  const which = versions.length === 1 ? 'version' : `${versions.length} versions`
  return `${which} ${versions.slice(0, 10).join(', ')}${more} cannot be rolled back (see the round-trip-impossible findings)`
}
