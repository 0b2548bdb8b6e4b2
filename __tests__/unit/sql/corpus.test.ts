/**
 * The splitter and classifier on every SQL file of the real Hasura projects in ../shared/corpus
 * (2,000+ files: dollar-quoted bodies, procedures that COMMIT, multi-megabyte files, broken downs).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'
import { analyzeParsed, analyzeSql, mayNeedAnalysis, splitStatements } from '../../../src/sql/index.js'
import { corpusDir, describeShared } from '../../support/shared.js'

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

describeShared('sql on the corpus of real projects', () => {
  test('no real migration holds a non-transactional or transaction-control statement at top level', async () => {
    const files = sqlFiles(corpusDir())
    expect(files.length).toBeGreaterThan(2000)
    const reported: string[] = []
    let parsed = 0
    for (const file of files) {
      const a = await analyzeSql(readFileSync(file, 'utf8'))
      if (a.parsed) parsed++
      for (const n of [...a.nonTransactional, ...a.transactionControl]) {
        reported.push(`${relative(corpusDir(), file)}:${n.statement.line} ${n.what}`)
      }
    }
    expect(reported).toEqual([])
    // the keyword check, blind to comments, strings and bodies, spares the parser nearly every file
    expect(parsed).toBeLessThan(files.length / 100)
  })

  test('the keyword check never spares the parser a file where the parser finds something', async () => {
    const missed: string[] = []
    let spared = 0
    for (const file of sqlFiles(corpusDir())) {
      const text = readFileSync(file, 'utf8')
      if (mayNeedAnalysis(text)) continue
      spared++
      const a = await analyzeParsed(text)
      if (a.nonTransactional.length + a.transactionControl.length > 0)
        missed.push(relative(corpusDir(), file))
    }
    expect(missed).toEqual([])
    expect(spared).toBeGreaterThan(2000)
  })

  test('procedures that COMMIT inside their bodies: the COMMIT is not top-level, for the check and the parser', async () => {
    const file = corpusDir(
      'Mission-Prerna__nl-hasura-migrations/migrations/default/1683370340895_create_procedure_dump_assessment_visit_results_v2/up.sql',
    )
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^\s+commit;$/m)
    expect(mayNeedAnalysis(text)).toBe(false)
    const a = await analyzeParsed(text)
    expect(a.parsed).toBe(true)
    expect(a.syntaxError).toBeUndefined()
    expect(a.transactionControl).toEqual([])
  })

  test('every up.sql splits without a syntax error (they all apply on PostgreSQL)', async () => {
    const failures: string[] = []
    for (const file of sqlFiles(corpusDir()).filter((f) => f.endsWith('/up.sql') || f.endsWith('.up.sql'))) {
      const r = await splitStatements(readFileSync(file, 'utf8'))
      if (r.syntaxError) failures.push(`${relative(corpusDir(), file)}: ${r.syntaxError.message}`)
    }
    expect(failures).toEqual([])
  })

  test('a console-generated down with missing semicolons fails at the right line', async () => {
    const file = corpusDir(
      'Lucy-Family-Institute__pace-admin/migrations/1579550962520_alter_table_public_reviewstates_drop_column_id/down.sql',
    )
    const r = await splitStatements(readFileSync(file, 'utf8'))
    expect(r.statements).toEqual([])
    expect(r.syntaxError).toMatchObject({ message: 'syntax error at or near "ALTER"', line: 3 })
  })
})
