/** Which files a database's replay runs, and when it cannot say anything true. */
import { describe, expect, it } from 'vitest'
import { replayFilesFor } from '../../../src/drift/replay.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'

const db: DatabaseMigrations = {
  name: 'default',
  directory: 'migrations',
  migrations: [
    {
      database: 'default',
      version: 3n,
      name: 'c',
      up: { sql: { path: 'm/3_c/up.sql', text: 'C', noTransaction: false } },
    },
    {
      database: 'default',
      version: 1n,
      name: 'a',
      up: {
        yaml: {
          path: 'm/1_a/up.yaml',
          steps: [
            { type: 'run_sql', args: { sql: 'CREATE TABLE a ()' }, line: 1 },
            { type: 'track_table', args: { name: 'a' }, line: 3 },
            { type: 'run_sql', args: { sql: 'CREATE TABLE b ()' }, line: 5 },
          ],
        },
      },
    },
    {
      database: 'default',
      version: 2n,
      name: 'b',
      up: { yaml: { path: 'm/2_b/up.yaml', steps: [{ type: 'track_table', args: {}, line: 1 }] } },
    },
    {
      database: 'default',
      version: 4n,
      name: 'd',
      up: { sql: { path: 'm/4_d/up.sql', text: 'D', noTransaction: false } },
    },
  ],
}

describe('replayFilesFor', () => {
  it('the applied versions in order: SQL files, and the run_sql steps of config 1 YAML', () => {
    const applied = new Map([
      [3n, false],
      [1n, false],
      [2n, false],
    ])
    expect(replayFilesFor(db, applied)).toEqual({
      files: [
        { version: 1n, file: 'm/1_a/up.yaml', text: 'CREATE TABLE a ();\nCREATE TABLE b ()' },
        { version: 3n, file: 'm/3_c/up.sql', text: 'C' },
      ],
    })
  })

  it('not checked when an applied version has no local up migration, or is dirty', () => {
    expect(replayFilesFor(db, new Map([[9n, false]]))).toEqual({
      notChecked: 'version 9 is applied but has no up migration in migrations',
      version: 9n,
    })
    expect(replayFilesFor(db, new Map([[4n, true]]))).toEqual({
      notChecked: 'version 4 is dirty (half applied)',
      version: 4n,
    })
  })
})
