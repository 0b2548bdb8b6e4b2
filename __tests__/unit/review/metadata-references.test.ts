/** What the project's metadata references in each database, for the `referenced-by-metadata` rule. */
import { describe, expect, it } from 'vitest'
import { metadataReferences } from '../../../src/review/metadata-references.js'

const metadata = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      tables: [
        {
          table: { schema: 'app', name: 'users' },
          configuration: { column_config: { full_name: { custom_name: 'name' } } },
          object_relationships: [{ name: 'team', using: { foreign_key_constraint_on: 'team_id' } }],
          array_relationships: [
            {
              name: 'posts',
              using: {
                foreign_key_constraint_on: { table: { schema: 'app', name: 'posts' }, column: 'author_id' },
              },
            },
          ],
          computed_fields: [
            { name: 'score', definition: { function: { schema: 'app', name: 'user_score' } } },
          ],
          select_permissions: [
            {
              role: 'user',
              permission: {
                columns: ['id', 'email'],
                filter: {
                  _and: [
                    { id: { _eq: 'X-Hasura-User-Id' } },
                    { posts: { published: { _eq: true } } },
                    { score: { _gt: 1 } },
                    {
                      _exists: {
                        _table: { schema: 'app', name: 'bans' },
                        _where: { banned_id: { _is_null: true } },
                      },
                    },
                  ],
                },
              },
            },
          ],
          insert_permissions: [
            { role: 'user', permission: { check: {}, set: { created_by: 'x-hasura-user-id' } } },
          ],
          event_triggers: [{ name: 'audit', definition: { update: { columns: ['status'] } } }],
        },
        { table: 'posts' },
      ],
      functions: [{ function: { schema: 'app', name: 'search_users' } }],
    },
  ],
}

describe('metadataReferences', () => {
  const referenced = metadataReferences(metadata)
  const column = (schema: string, table: string, name: string) =>
    referenced('default', { kind: 'column', schema, table, column: name })

  it('tracked tables, functions and their schemas', () => {
    expect(referenced('default', { kind: 'table', schema: 'app', name: 'users' })).toBe(true)
    expect(referenced('default', { kind: 'table', schema: 'public', name: 'posts' })).toBe(true)
    expect(referenced('default', { kind: 'function', schema: 'app', name: 'search_users' })).toBe(true)
    expect(referenced('default', { kind: 'function', schema: 'app', name: 'user_score' })).toBe(true)
    expect(referenced('default', { kind: 'schema', schema: 'app' })).toBe(true)
    expect(referenced('default', { kind: 'schema', schema: 'audit' })).toBe(false)
    expect(referenced('other', { kind: 'table', schema: 'app', name: 'users' })).toBe(false)
  })

  it('columns of relationships, permissions (through relationships and _exists), presets, triggers, custom names', () => {
    for (const [table, name] of [
      ['users', 'team_id'],
      ['posts', 'author_id'],
      ['users', 'id'],
      ['users', 'email'],
      ['posts', 'published'],
      ['bans', 'banned_id'],
      ['users', 'created_by'],
      ['users', 'status'],
      ['users', 'full_name'],
    ])
      expect(column('app', table, name), `${table}.${name}`).toBe(true)
    // a relationship and a computed field are fields, not columns; unmentioned columns are free to go
    expect(column('app', 'users', 'posts')).toBe(false)
    expect(column('app', 'users', 'score')).toBe(false)
    expect(column('app', 'users', 'nickname')).toBe(false)
  })

  it('no metadata references nothing', () => {
    expect(metadataReferences(undefined)('default', { kind: 'schema', schema: 'public' })).toBe(false)
  })
})
