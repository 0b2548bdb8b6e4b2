import { describe, expect, test } from 'vitest'
import { planDatabase, transactionFindings } from '../../../src/plan/index.js'
import type { Finding, Step } from '../../../src/plan/index.js'
import type { Migration } from '../../../src/project/types.js'
import { database, migration, state } from './builder.js'

async function findingsFor(...migrations: Migration[]): Promise<Finding[]> {
  const plan = planDatabase(
    database(migrations),
    state(),
    { kind: 'up', steps: 'all' },
    { outOfOrder: 'warn' },
  )
  return transactionFindings(plan.steps)
}

const MARKER = '-- hasura:no-transaction'

describe('transactionFindings: statements that cannot run in a transaction', () => {
  test('CREATE INDEX CONCURRENTLY in an unmarked file: an error at its line, the marker as the fix', async () => {
    const up = 'CREATE TABLE t (a int);\n\n-- speed up lookups\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n'
    expect(await findingsFor(migration(1, { up }))).toEqual([
      {
        kind: 'no-transaction-required',
        severity: 'error',
        database: 'default',
        version: 1n,
        file: 'migrations/default/1_m1/up.sql',
        line: 4,
        message: `CREATE INDEX CONCURRENTLY cannot run inside a transaction block: add '${MARKER}' as the first line of migrations/default/1_m1/up.sql so it runs alone, outside the run's transaction`,
      },
    ])
  })

  test('the same statement alone in a marked file: nothing', async () => {
    const up = `${MARKER}\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n`
    expect(await findingsFor(migration(1, { up, upNoTransaction: true }))).toEqual([])
  })

  test('in a marked file with other statements: a warning (one query string is one implicit transaction)', async () => {
    const up = `${MARKER}\nCREATE INDEX CONCURRENTLY t_a ON t (a);\nVACUUM t;\n`
    const found = await findingsFor(migration(1, { up, upNoTransaction: true }))
    expect(found.map((f) => [f.kind, f.severity, f.line])).toEqual([
      ['no-transaction-file', 'warning', 2],
      ['no-transaction-file', 'warning', 3],
    ])
    expect(found[0]?.message).toBe(
      "CREATE INDEX CONCURRENTLY shares migrations/default/1_m1/up.sql with 1 other statement: sent as one query (as Hasura's run_sql does), PostgreSQL runs them as one implicit transaction block and refuses it; keep it alone in its file",
    )
  })

  test('every such statement of every step is reported', async () => {
    const found = await findingsFor(
      migration(1, { up: 'VACUUM;\nSELECT 1;\nDROP INDEX CONCURRENTLY i;' }),
      migration(2),
      migration(3, { up: "ALTER SYSTEM SET work_mem = '1MB';" }),
    )
    expect(found.map((f) => [f.kind, f.version, f.line])).toEqual([
      ['no-transaction-required', 1n, 1],
      ['no-transaction-required', 1n, 3],
      ['no-transaction-required', 3n, 1],
    ])
  })

  test('down steps are checked too', async () => {
    const db = database([migration(1, { down: 'DROP INDEX CONCURRENTLY t_a;' })])
    const plan = planDatabase(db, state(1), { kind: 'down', steps: 1 }, { outOfOrder: 'warn' })
    const [f] = await transactionFindings(plan.steps)
    expect(f).toMatchObject({
      kind: 'no-transaction-required',
      file: 'migrations/default/1_m1/down.sql',
      line: 1,
    })
  })
})

describe('transactionFindings: transaction control', () => {
  test('the console’s BEGIN TRANSACTION … COMMIT TRANSACTION: a notice, the block runs as a savepoint', async () => {
    const up =
      'BEGIN TRANSACTION;\nALTER TABLE a DROP CONSTRAINT a_pkey;\nALTER TABLE a ADD PRIMARY KEY (id, b);\nCOMMIT TRANSACTION;\n'
    const found = await findingsFor(migration(1, { up }))
    expect(found.map((f) => [f.kind, f.severity, f.line])).toEqual([['transaction-block', 'notice', 1]])
    expect(found[0]?.message).toBe(
      "the file's own BEGIN … COMMIT block (lines 1–4) runs as a savepoint inside the run's transaction: it stays atomic, and a later failure in the run still rolls it back with everything else",
    )
  })

  test.each([
    [
      'CREATE TABLE a (id int);\nCOMMIT;\n',
      2,
      'COMMIT without a BEGIN before it in this file would commit the earlier migrations of the run on its own',
    ],
    [
      'ROLLBACK;\n',
      1,
      'ROLLBACK without a BEGIN before it in this file would discard the earlier migrations of the run',
    ],
    ['BEGIN;\nCREATE TABLE a (id int);\n', 1, 'BEGIN has no COMMIT in its file'],
    ['BEGIN;\nCOMMIT AND CHAIN;\nCOMMIT;\n', 2, 'COMMIT AND CHAIN starts a new transaction'],
  ])('what no savepoint can stand for stops the plan at its line: %j', async (up, line, reason) => {
    const found = await findingsFor(migration(1, { up }))
    expect(found.map((f) => [f.kind, f.severity, f.line])).toEqual([['transaction-control', 'error', line]])
    expect(found[0]?.message).toContain(reason)
    expect(found[0]?.message).toContain(MARKER)
  })

  test('in a no-transaction file: a warning only', async () => {
    const up = `${MARKER}\nBEGIN;\nCREATE TABLE a (id int);\nEND;\n`
    const found = await findingsFor(migration(1, { up, upNoTransaction: true }))
    expect(found.map((f) => [f.kind, f.severity, f.line])).toEqual([
      ['transaction-control', 'warning', 2],
      ['transaction-control', 'warning', 4],
    ])
    expect(found[1]?.message).toContain('top-level END in a no-transaction file')
  })

  test('savepoints nest inside the run transaction: nothing', async () => {
    const up = 'SAVEPOINT a;\nCREATE TABLE x (id int);\nROLLBACK TO SAVEPOINT a;\nRELEASE a;\n'
    expect(await findingsFor(migration(1, { up }))).toEqual([])
  })

  test('COMMIT inside a procedure body is not top-level: nothing', async () => {
    const up = 'CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\nCALL p();\n'
    expect(await findingsFor(migration(1, { up }))).toEqual([])
  })
})

describe('transactionFindings: config 1 YAML and other SQL', () => {
  test('run_sql in a YAML migration shares the transaction: reported at the list item', async () => {
    const upYaml = [
      { type: 'track_table', args: { table: 't' }, line: 1 },
      {
        type: 'run_sql',
        args: { sql: 'CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);' },
        line: 4,
      },
    ]
    const found = await findingsFor(migration(1, { up: null, down: null, upYaml }))
    expect(found).toEqual([
      {
        kind: 'no-transaction-required',
        severity: 'error',
        database: 'default',
        version: 1n,
        file: 'migrations/default/1_m1/up.yaml',
        line: 4,
        message: `CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and run_sql steps of a YAML migration share the run's transaction: move it to a SQL migration whose first line is '${MARKER}'`,
      },
    ])
  })

  test('SQL the PostgreSQL parser cannot read (another database, a typo) yields no finding here', async () => {
    const steps: Step[] = [
      {
        database: 'mssql',
        version: 1n,
        name: 'x',
        direction: 'up',
        sql: {
          path: 'migrations/mssql/1_x/up.sql',
          text: 'BEGIN TRAN;\nCREATE TABLE [t] ([id] INT);\nCOMMIT TRAN;',
          noTransaction: false,
        },
        transactional: true,
      },
    ]
    // `BEGIN TRAN` is a syntax error to PostgreSQL at line 1: nothing before it to judge. The server
    // reports real errors when the file runs; the plan does not guess.
    expect(await transactionFindings(steps)).toEqual([])
    // Statements before a syntax error are still judged.
    steps[0].sql!.text = 'VACUUM;\nSELEC 1;'
    expect((await transactionFindings(steps)).map((f) => [f.kind, f.line])).toEqual([
      ['no-transaction-required', 1],
    ])
  })
})
