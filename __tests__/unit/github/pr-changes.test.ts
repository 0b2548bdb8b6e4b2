import { describe, expect, it } from 'vitest'
import {
  parseMigrationPath,
  prChangeFindings,
  type PrChanges,
} from '../../../src/github/migration-changes.js'

describe('parseMigrationPath', () => {
  it('reads both layouts, with and without a database directory, as the CLI does', () => {
    expect(parseMigrationPath('migrations/1_foobar.up.sql', 'migrations')).toEqual({
      directory: '',
      version: '1',
      name: 'foobar',
      direction: 'up',
    })
    expect(parseMigrationPath('h/migrations/1700000000000_create_t/down.sql', 'h/migrations')).toMatchObject({
      directory: '',
      version: '1700000000000',
      name: 'create_t',
      direction: 'down',
    })
    expect(
      parseMigrationPath('h/migrations/analytics/1700000000000_x/up.sql', 'h/migrations/'),
    ).toMatchObject({
      directory: 'analytics',
      version: '1700000000000',
    })
    expect(parseMigrationPath('m/default/20170412214116_date_foo.bar.up.sql', 'm')).toMatchObject({
      directory: 'default',
      name: 'date_foo.bar',
    })
    expect(parseMigrationPath('m/0001_x.up.sql', 'm')?.version).toBe('1')
    expect(parseMigrationPath('migrations/1_x.up.yaml', './migrations')?.direction).toBe('up')
  })

  it('ignores what the CLI ignores, and what is outside the directory', () => {
    for (const p of [
      'migrations/README.md',
      'migrations/1.up.sql',
      'migrations/foobar.up.sql',
      'migrations/1_foobar.sql',
      'migrations/a/b/1_x/up.sql',
      'other/1_x.up.sql',
      'migrationsX/1_x.up.sql',
    ]) {
      expect(parseMigrationPath(p, 'migrations')).toBeUndefined()
    }
  })
})

function changes(partial: Partial<PrChanges>): PrChanges {
  return { added: [], modified: [], deleted: [], baseNewest: {}, warnings: [], notes: [], ...partial }
}

const options = { migrationsDir: 'migrations', projectDir: '.', baseRef: 'main' }

describe('prChangeFindings', () => {
  it('an added version older than the base branch newest, once per version', () => {
    const found = prChangeFindings(
      changes({
        added: [
          'migrations/default/1600000000000_old/up.sql',
          'migrations/default/1600000000000_old/down.sql',
        ],
        baseNewest: { default: '1700000000000' },
      }),
      options,
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      kind: 'merge-order',
      severity: 'warning',
      database: 'default',
      version: '1600000000000',
    })
  })

  it('newer versions, and versions in a database the base branch has none of, are fine', () => {
    expect(
      prChangeFindings(
        changes({
          added: [
            'migrations/default/1800000000000_new/up.sql',
            'migrations/analytics/1600000000000_x/up.sql',
          ],
          baseNewest: { default: '1700000000000' },
        }),
        options,
      ),
    ).toEqual([])
  })

  it('compares numerically: a shorter version is older', () => {
    const found = prChangeFindings(
      changes({ added: ['migrations/99_x.up.sql'], baseNewest: { '': '100' } }),
      options,
    )
    expect(found.map((f) => [f.kind, f.database])).toEqual([['merge-order', 'default']])
  })

  it('an edited up file is a warning; an edited down file a notice', () => {
    const found = prChangeFindings(
      changes({ modified: ['migrations/1_a/up.sql', 'migrations/1_a/down.sql', 'migrations/README.md'] }),
      options,
    )
    expect(found.map((f) => [f.kind, f.severity, f.file])).toEqual([
      ['edited-migration', 'warning', 'migrations/1_a/up.sql'],
      ['edited-migration', 'notice', 'migrations/1_a/down.sql'],
    ])
  })

  it('a rename (deleted + added, same version) is not a removal; files are relative to the project', () => {
    const found = prChangeFindings(
      changes({
        deleted: ['hasura/migrations/5_a/up.sql', 'hasura/migrations/6_b/up.sql'],
        added: ['hasura/migrations/5_renamed/up.sql'],
      }),
      {
        migrationsDir: 'hasura/migrations',
        projectDir: 'hasura',
        baseRef: 'main',
        databaseOf: () => 'main-db',
      },
    )
    expect(found).toEqual([
      {
        kind: 'deleted-migration',
        severity: 'warning',
        database: 'main-db',
        version: '6',
        file: 'migrations/6_b/up.sql',
        message: expect.stringContaining("Removes 6_b, which 'main' already has") as string,
      },
    ])
  })
})
