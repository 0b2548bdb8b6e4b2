import { describe, expect, test } from 'vitest'
import { lintMigrations, type DatabaseObject } from '../../../src/review/safety/index.js'
import { brief, catalog, lintFiles, lintOne } from './safety-support.js'

/** Metadata that tracks public.users (with its email column), public.user_stats and public.search_users. */
function tracked(o: DatabaseObject): boolean {
  switch (o.kind) {
    case 'schema':
      return o.schema === 'public'
    case 'table':
      return o.schema === 'public' && ['users', 'user_stats'].includes(o.name)
    case 'column':
      return o.schema === 'public' && o.table === 'users' && o.column === 'email'
    case 'function':
      return o.schema === 'public' && o.name === 'search_users'
  }
}

describe('referenced-by-metadata: dropping or renaming what the metadata still uses', () => {
  test('dropping a tracked table is an error, beside the destructive warning', async () => {
    const found = await lintOne('DROP TABLE users;', { referenced: tracked })
    expect(brief(found)).toEqual(['drop-table@1', 'referenced-by-metadata@1'])
    expect(found[1]).toMatchObject({
      severity: 'error',
      message:
        "drops public.users, which the project's metadata still uses (public.users): after this migration Hasura's metadata is inconsistent; change the metadata in the same pull request, or keep the old name (a view for a table)",
    })
  })

  test('each kind of object: column, view, function, schema, renames and moves', async () => {
    const sql = [
      'ALTER TABLE users DROP COLUMN email;',
      'DROP VIEW user_stats;',
      'DROP FUNCTION search_users(text);',
      'ALTER TABLE users RENAME TO accounts;',
      'DROP SCHEMA public CASCADE;',
    ].join('\n')
    const found = await lintOne(sql, { referenced: tracked })
    expect(
      found.filter((f) => f.rule === 'referenced-by-metadata').map((f) => [f.line, f.message.split(',')[0]]),
    ).toEqual([
      [1, 'drops column public.users.email'],
      [2, 'drops public.user_stats'],
      [3, 'drops function public.search_users'],
      [4, 'renames public.users to accounts'],
      [5, 'drops schema public'],
    ])
  })

  test('renaming a tracked column, or moving a tracked table to another schema', async () => {
    const found = await lintOne(
      'ALTER TABLE users RENAME COLUMN email TO mail;\nALTER TABLE user_stats SET SCHEMA archive;',
      { referenced: tracked },
    )
    expect(brief(found)).toEqual([
      'rename-column@1',
      'referenced-by-metadata@1',
      'rename-table@2',
      'referenced-by-metadata@2',
    ])
  })

  test('nothing when the metadata does not use it', async () => {
    expect(brief(await lintOne('DROP VIEW other_view;', { referenced: tracked }))).toEqual([])
  })

  test('with a catalog, dropping what did not exist (IF EXISTS) says nothing about the metadata', async () => {
    const found = await lintOne('DROP VIEW IF EXISTS user_stats;\nDROP SCHEMA IF EXISTS public;', {
      referenced: tracked,
      catalog: catalog([], []),
    })
    expect(brief(found)).toEqual([])
  })

  test('a view or function dropped and created again by the run is no finding', async () => {
    const sql = [
      'DROP VIEW user_stats;',
      'DROP FUNCTION search_users(text);',
      'CREATE VIEW user_stats AS SELECT 1 AS n;',
      "CREATE FUNCTION search_users(q text) RETURNS SETOF users LANGUAGE sql STABLE AS 'SELECT * FROM users';",
    ].join('\n')
    expect(brief(await lintOne(sql, { referenced: tracked }))).toEqual([])
  })

  test('re-created in a later file of the run: withdrawn too; renamed back: withdrawn', async () => {
    const found = await lintFiles(
      [
        'ALTER TABLE users RENAME COLUMN email TO mail;',
        'ALTER TABLE users ADD COLUMN email text;',
        'ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;',
      ],
      { referenced: tracked },
    )
    expect(brief(found)).toEqual(['rename-column@1', 'rename-table@1'])
  })

  test('the callback is asked with the database the file belongs to', async () => {
    const asked: string[] = []
    await lintMigrations([{ database: 'analytics', version: 7n, file: 'x/up.sql', sql: 'DROP TABLE t;' }], {
      referenced: (database, o) => {
        asked.push(`${database}: ${JSON.stringify(o)}`)
        return false
      },
    })
    expect(asked).toEqual(['analytics: {"kind":"table","schema":"public","name":"t"}'])
  })

  test('it can be silenced like any rule (the metadata check after the migrations still runs)', async () => {
    const sql = '-- hasura-migrate:ignore referenced-by-metadata, drop-table\nDROP TABLE users;'
    const found = await lintOne(sql, { referenced: tracked })
    expect(found.map((f) => [f.rule, f.severity, f.silenced])).toEqual([
      ['drop-table', 'warning', true],
      ['referenced-by-metadata', 'error', true],
    ])
  })
})
