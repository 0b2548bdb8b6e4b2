/**
 * The migration safety rules on every up file of the real Hasura projects in ../shared/corpus: they
 * never throw, every finding points at the line where its statement starts, and the findings are the
 * ones a reader of the files expects (the known ones below were checked by reading the files).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { listDatabases, readConfig, readMigrations } from '../../../src/project/index.js'
import {
  lintMigrations,
  RULE_IDS,
  RULES,
  type MigrationSql,
  type SafetyFinding,
} from '../../../src/review/safety/index.js'
import { corpusDir, describeShared } from '../../support/shared.js'

const UP_FILE = /(?:^|\/)(\d+)_[^/]*(?:\/up\.sql|\.up\.sql)$/

/** Every up file under the corpus, each as the only file of its own run (no catalog). */
function everyUpFile(): MigrationSql[] {
  return readdirSync(corpusDir(), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (e.name === 'up.sql' || e.name.endsWith('.up.sql')))
    .map((e) => relative(corpusDir(), join(e.parentPath, e.name)))
    .sort()
    .flatMap((file) => {
      const version = UP_FILE.exec(file)?.[1]
      return version === undefined
        ? []
        : [
            {
              database: 'default',
              version: BigInt(version),
              file,
              sql: readFileSync(corpusDir(file), 'utf8'),
            },
          ]
    })
}

/** A project's planned up files, every database in turn, as the action reads them. */
function projectRun(folder: string): MigrationSql[] {
  const config = readConfig(corpusDir(folder), {})
  return listDatabases(config).flatMap((database) =>
    readMigrations(config, database).migrations.flatMap((m) =>
      m.up?.sql ? [{ database, version: m.version, file: m.up.sql.path, sql: m.up.sql.text }] : [],
    ),
  )
}

const where = (f: SafetyFinding): string => `${f.file}:${f.line} ${f.rule}`

function countByRule(findings: SafetyFinding[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1
  return counts
}

describeShared('safety rules on the corpus of real projects', () => {
  let files: MigrationSql[]
  let alone: SafetyFinding[]

  beforeAll(async () => {
    files = everyUpFile()
    alone = []
    for (const file of files) alone.push(...(await lintMigrations([file])))
  })

  test('each up file linted alone, as the only pending migration: no throw, sane findings', () => {
    expect(files.length).toBeGreaterThan(1000)
    const counts = countByRule(alone)
    console.log(`[safety] ${files.length} up files alone: ${JSON.stringify(counts)}`)
    for (const f of alone) {
      expect(RULE_IDS).toContain(f.rule)
      expect(f.severity).toBe(RULES[f.rule].severity)
      // The line holds the statement's first token: neither blank nor a comment line.
      const line = (files.find((x) => x.file === f.file)?.sql ?? '').split('\n')[f.line - 1] ?? ''
      expect(line.trim(), where(f)).not.toBe('')
      expect(line.trim().startsWith('--'), where(f)).toBe(false)
    }
    // No file silences anything, and no metadata callback was given.
    expect(alone.filter((f) => f.silenced || f.rule === 'referenced-by-metadata')).toEqual([])
    // The corpus's TRUNCATE, VACUUM and LOCK statements are all inside function and procedure bodies.
    for (const rule of ['truncate', 'vacuum-full', 'cluster', 'lock-table', 'reindex-not-concurrently']) {
      expect(counts[rule], rule).toBeUndefined()
    }
    // What Hasura's console writes most: indexes, constraints, column drops and renames.
    for (const rule of [
      'create-index-not-concurrently',
      'constraint-without-not-valid',
      'drop-column',
      'rename-column',
      'rename-table',
      'change-column-type',
      'set-not-null',
    ]) {
      expect(counts[rule], rule).toBeGreaterThan(0)
    }
  })

  test('known findings: realworld-hasura, every one of them', () => {
    const dir = 'andrewMacmurray__realworld-hasura/migrations/default'
    expect(alone.filter((f) => f.file.startsWith(dir)).map((f) => where(f).slice(dir.length + 1))).toEqual([
      '1590583471552_alter_table_public_users_add_check_constraint_non_empty_username/up.sql:1 constraint-without-not-valid',
      '1590583532032_alter_table_public_users_add_check_constraint_non_empty_password_hash/up.sql:1 constraint-without-not-valid',
      '1590583551228_alter_table_public_users_add_check_constraint_non_empty_email/up.sql:1 constraint-without-not-valid',
      '1591123349453_rename_table_public_favourites/up.sql:1 rename-table',
      '1591123476154_alter_table_public_likes_add_unique_user_id_article_id/up.sql:1 add-unique-without-index',
      '1591362960012_alter_table_public_follows_alter_column_following/up.sql:1 rename-column',
      '1591453234774_alter_table_public_follows_add_check_constraint_cannot_follow_self/up.sql:1 constraint-without-not-valid',
    ])
  })

  test('known findings: jore4 stored generated columns rewrite; two SET NOT NULL in one statement', () => {
    const generic = 'HSLdevcom__jore4-hasura/migrations/generic/'
    const rewrites = alone.filter(
      (f) => f.rule === 'add-column-volatile-default' && f.file.startsWith(generic),
    )
    expect(rewrites.map(where)).toEqual([
      `${generic}default/1672659795048_add_route_unique_label/up.sql:1 add-column-volatile-default`,
      `${generic}timetables/1678975874344_add_denormalized_validity_range/up.sql:1 add-column-volatile-default`,
    ])
    expect(rewrites[0].message).toContain('adds column unique_label to route.route')
    expect(rewrites[0].message).toContain('with a stored generated value')
    const notNull = alone.filter((f) =>
      f.file.includes('1678801048435_require-vehicle-schedule-frame-validity'),
    )
    expect(notNull.map((f) => [f.rule, f.line, f.message.split(',')[0]])).toEqual([
      ['set-not-null', 1, 'SET NOT NULL on vehicle_schedule.vehicle_schedule_frame.validity_start'],
      ['set-not-null', 1, 'SET NOT NULL on vehicle_schedule.vehicle_schedule_frame.validity_end'],
    ])
  })

  test('known findings: nl-hasura-migrations swaps materialized views by renaming, line by line', () => {
    const found = alone.filter((f) => f.file.includes('1697106868052_rename_old_mv_with_new'))
    expect(found.map((f) => [f.rule, f.line, f.message.split(':')[0]])).toEqual([
      [
        'rename-table',
        1,
        'renames public.assessment_result_nl_dashboard to assessment_result_nl_dashboard_old',
      ],
      ['rename-table', 2, 'renames public.assessment_result_nl_temp to assessment_result_nl_temp_old'],
      [
        'rename-table',
        3,
        'renames public.assessment_result_nl_dashboard_new to assessment_result_nl_dashboard',
      ],
      ['rename-table', 4, 'renames public.assessment_result_nl_temp_new to assessment_result_nl_temp'],
    ])
  })

  test('a whole project history as one run on a fresh database: only drops of tables no migration creates', async () => {
    const results: Record<string, string[]> = {}
    for (const folder of [
      'andrewMacmurray__realworld-hasura',
      'Lucy-Family-Institute__pace-admin',
      'mapofzones__database-hasura',
      'Mission-Prerna__nl-hasura-migrations',
      'HSLdevcom__jore4-hasura',
    ]) {
      const started = performance.now()
      const run = projectRun(folder)
      const found = await lintMigrations(run)
      const chars = run.reduce((n, f) => n + f.sql.length, 0)
      console.log(
        `[safety] ${folder}: ${run.length} files, ${chars} characters linted in ${Math.round(performance.now() - started)} ms`,
      )
      results[folder] = found.map((f) => `${f.file.replace(/^.*\/(\d+)_[^/]*\//, '$1 ')}:${f.line} ${f.rule}`)
    }
    // Tables made outside the migrations (by hand, or in the console without a migration), dropped by one.
    expect(results).toEqual({
      'andrewMacmurray__realworld-hasura': [],
      'Lucy-Family-Institute__pace-admin': [],
      'mapofzones__database-hasura': [],
      'Mission-Prerna__nl-hasura-migrations': [
        '1696332512443 up.sql:1 drop-table',
        '1696332543453 up.sql:1 drop-table',
        '1696842961515 up.sql:1 drop-table',
        '1696842992763 up.sql:1 drop-table',
      ],
      'HSLdevcom__jore4-hasura': [],
    })
  })
})
