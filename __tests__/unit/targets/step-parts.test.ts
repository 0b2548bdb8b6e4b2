import { describe, expect, it } from 'vitest'
import { analyzeSql } from '../../../src/sql/classify.js'
import { mayChangeSettings } from '../../../src/sql/session-settings.js'
import { asSavepoints, transactionBlocks } from '../../../src/sql/transaction-blocks.js'
import { blocksNote, runnableParts, stepParts } from '../../../src/targets/step-parts.js'
import { down, up } from '../../integration/targets/support/steps.js'

const blocksOf = async (text: string) => transactionBlocks((await analyzeSql(text)).transactionControl)

describe('stepParts', () => {
  const yaml = { steps: [{ type: 'run_sql', args: { sql: 'Y' }, line: 2 }] }
  it('runs SQL then YAML going up, YAML then SQL going down (config 1, as the legacy CLI)', () => {
    expect(stepParts(up(1, 'S', { yaml })).map((p) => p.text)).toEqual(['S', 'Y'])
    expect(stepParts(down(1, 'S', { yaml })).map((p) => p.text)).toEqual(['Y', 'S'])
    expect(stepParts(up(1, '  \n'))).toEqual([])
  })

  const metadataStep = {
    path: 'm/1.up.yaml',
    steps: [{ type: 'add_existing_table_or_view', args: {}, line: 5 }],
  }
  it('refuses a metadata step where it cannot run, naming the file and line', () => {
    expect(() => stepParts(up(1, undefined, { yaml: metadataStep }))).toThrow(
      "m/1.up.yaml:5: a 'add_existing_table_or_view' step is a call to Hasura's metadata API, not SQL",
    )
  })
  it('skips metadata steps where asked (the embedded database), keeping the run_sql ones', () => {
    const mixed = {
      path: 'm/1.up.yaml',
      steps: [...metadataStep.steps, { type: 'run_sql', args: { sql: 'Y' }, line: 7 }],
    }
    expect(stepParts(up(1, 'S', { yaml: mixed }), 'skip')).toEqual([
      { file: 'migrations/default/1_m1/up.sql', text: 'S' },
      { file: 'm/1.up.yaml', text: 'Y', yamlLine: 7 },
    ])
  })
  it('refuses a run_sql step without SQL text', () => {
    const bad = { path: 'y.yaml', steps: [{ type: 'run_sql', args: {}, line: 3 }] }
    expect(() => stepParts(up(1, undefined, { yaml: bad }), 'skip')).toThrow(
      "y.yaml:3: this run_sql step has no 'args.sql' text",
    )
  })
})

describe('transactionBlocks: a file’s own BEGIN … COMMIT as savepoints', () => {
  it('leaves a file without transaction commands alone (savepoints nest harmlessly)', async () => {
    expect(await blocksOf('CREATE TABLE t (id int);\nSAVEPOINT a;\nRELEASE SAVEPOINT a;\n')).toEqual({
      kind: 'none',
    })
  })

  it('turns the console’s blocks into savepoints, keeping every line and statement in place', async () => {
    const text = [
      'BEGIN TRANSACTION;',
      'ALTER TABLE "public"."t" DROP CONSTRAINT "t_pkey";',
      'ALTER TABLE "public"."t"',
      '    ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id", "b");',
      'COMMIT TRANSACTION;',
      'start transaction;',
      'CREATE INDEX ON t (b);',
      'END;',
      'BEGIN',
      'WORK; SELECT 1; ABORT;',
    ].join('\n')
    const r = await blocksOf(text)
    if (r.kind !== 'blocks') throw new Error(`expected blocks, got ${JSON.stringify(r)}`)
    const sql = asSavepoints(text, r.blocks)
    expect(sql.split('\n')).toEqual([
      'SAVEPOINT hasura_migrate_block_1;',
      'ALTER TABLE "public"."t" DROP CONSTRAINT "t_pkey";',
      'ALTER TABLE "public"."t"',
      '    ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id", "b");',
      'RELEASE SAVEPOINT hasura_migrate_block_1;',
      'SAVEPOINT hasura_migrate_block_2;',
      'CREATE INDEX ON t (b);',
      'RELEASE SAVEPOINT hasura_migrate_block_2;',
      'SAVEPOINT hasura_migrate_block_3',
      '; SELECT 1; ROLLBACK TO SAVEPOINT hasura_migrate_block_3;',
    ])
    expect(r.blocks.map((b) => [b.begin.line, b.end.line, b.discarded])).toEqual([
      [1, 5, false],
      [6, 8, false],
      [9, 10, true],
    ])
    // the same number of statements: an error without a position is still blamed on the right one
    expect((await analyzeSql(sql)).statementCount).toBe((await analyzeSql(text)).statementCount)
  })

  it.each([
    ['COMMIT;', 1, 'COMMIT without a BEGIN before it in this file would commit the earlier migrations'],
    [
      'SELECT 1;\nROLLBACK;',
      2,
      'ROLLBACK without a BEGIN before it in this file would discard the earlier migrations',
    ],
    ['BEGIN;\nBEGIN;\nCOMMIT;', 2, 'BEGIN inside the block its file began at line 1'],
    ['BEGIN;\nSELECT 1;', 1, 'BEGIN has no COMMIT in its file'],
    ['BEGIN;\nCOMMIT AND CHAIN;\nCOMMIT;', 2, 'COMMIT AND CHAIN starts a new transaction'],
    ['BEGIN ISOLATION LEVEL SERIALIZABLE;\nCOMMIT;', 1, 'BEGIN with transaction modes'],
    ["BEGIN;\nPREPARE TRANSACTION 'x';", 2, 'PREPARE TRANSACTION needs a transaction of its own'],
    ["COMMIT PREPARED 'x';", 1, 'COMMIT PREPARED needs a transaction of its own'],
  ])('refuses what no savepoint can stand for: %j', async (text, line, reason) => {
    const r = await blocksOf(text)
    expect(r.kind).toBe('unsafe')
    if (r.kind === 'unsafe') {
      expect(r.statement.line).toBe(line)
      expect(r.reason).toContain(reason)
    }
  })
})

describe('runnableParts', () => {
  it('runs blocks as savepoints and says so; marks a part that may change settings', async () => {
    const [part] = await runnableParts(
      up(1, 'SET search_path = x;\nBEGIN;\nCREATE TABLE a ();\nCOMMIT;\n'),
      'refuse',
    )
    expect(part.sql).toBe(
      'SET search_path = x;\nSAVEPOINT hasura_migrate_block_1;\nCREATE TABLE a ();\nRELEASE SAVEPOINT hasura_migrate_block_1;\n',
    )
    expect(part.changesSettings).toBe(true)
    expect(blocksNote([part])).toBe(
      "its BEGIN … COMMIT block (lines 2–4) ran as a savepoint inside the run's transaction",
    )
  })

  it('refuses an unsafe file with its file and line (the plan says the same first)', async () => {
    await expect(
      runnableParts(up(7, 'SELECT 1;\nCOMMIT;', { path: 'm/7/up.sql' }), 'refuse'),
    ).rejects.toThrow('m/7/up.sql:2: COMMIT without a BEGIN')
  })

  it('leaves a no-transaction file as written: its BEGIN and COMMIT are real there', async () => {
    const [part] = await runnableParts(up(1, 'COMMIT;\nVACUUM t;', { transactional: false }), 'refuse')
    expect(part.sql).toBe(part.text)
    expect(part.blocks).toEqual([])
  })

  it('sends a file with a syntax error as written (PostgreSQL refuses all of it before running any)', async () => {
    const [part] = await runnableParts(up(1, 'BEGIN;\nSELEC 1;\nCOMMIT;'), 'refuse')
    expect(part.sql).toBe('BEGIN;\nSELEC 1;\nCOMMIT;')
  })
})

describe('mayChangeSettings', () => {
  it.each([
    ['SET check_function_bodies = false;\nCREATE TABLE t ();', true],
    ['CREATE TABLE t ();SET search_path = x', true],
    ["SELECT pg_catalog.set_config('search_path', '', false);", true],
    ['SET LOCAL lock_timeout = 1;', true],
    ['  reset role;', true],
    ["DO $$ BEGIN EXECUTE 'SET search_path = x'; END $$;", true],
    ['CREATE TABLE t (id int REFERENCES u ON DELETE SET NULL);', false],
    ['UPDATE t SET a = 1;', false],
    ['CREATE TABLE settings (id int);', false],
  ])('%j → %s', (text, expected) => {
    expect(mayChangeSettings(text)).toBe(expected)
  })
})
