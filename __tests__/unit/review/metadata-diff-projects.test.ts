/**
 * The diff of metadata read from real project directories (`buildMetadata`): the same metadata
 * written differently — key order, quoting, flow or block style, `!include` split another way, list
 * order of tables and permissions, config 2 versus config 3 — is no change; a real edit is.
 */
import { describe, expect, it } from 'vitest'
import { buildMetadata } from '../../../src/project/metadata.js'
import type { ConfigVersion } from '../../../src/project/types.js'
import { allChanges, diffMetadata } from '../../../src/review/metadata-diff.js'
import { configFor, tempProject } from '../project/temp-project.js'

async function metadataOf(files: Record<string, string>, version: ConfigVersion = 3): Promise<unknown> {
  const dir = tempProject(files)
  const built = await buildMetadata(configFor(dir, version))
  if (!built) throw new Error(`no metadata in ${dir}`)
  return built.metadata
}

const DATABASES = `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: "!include default/tables/tables.yaml"
`

/** Two tables, one file each, as `hasura metadata export` writes them. */
const EXPORTED: Record<string, string> = {
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': DATABASES,
  'metadata/databases/default/tables/tables.yaml':
    '- "!include public_users.yaml"\n- "!include public_posts.yaml"\n',
  'metadata/databases/default/tables/public_users.yaml': `table:
  name: users
  schema: public
array_relationships:
  - name: posts
    using:
      foreign_key_constraint_on:
        column: author_id
        table:
          name: posts
          schema: public
select_permissions:
  - role: user
    permission:
      columns:
        - id
        - name
      filter:
        id:
          _eq: X-Hasura-User-Id
  - role: anonymous
    permission:
      columns:
        - id
      filter: {}
      limit: 10
`,
  'metadata/databases/default/tables/public_posts.yaml': `table:
  name: posts
  schema: public
object_relationships:
  - name: author
    using:
      foreign_key_constraint_on: author_id
insert_permissions:
  - role: user
    permission:
      check:
        _and:
          - author_id:
              _eq: X-Hasura-User-Id
      set:
        author_id: x-hasura-User-Id
      columns:
        - body
`,
  'metadata/actions.yaml':
    'actions: []\ncustom_types:\n  enums: []\n  input_objects: []\n  objects: []\n  scalars: []\n',
  'metadata/allow_list.yaml': '[]\n',
  'metadata/inherited_roles.yaml': '- role_name: staff\n  role_set:\n    - user\n    - editor\n',
}

/** The same metadata: one tables file in flow style, other key and list orders, other quoting. */
const REWRITTEN: Record<string, string> = {
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': `- tables: !include "default/tables.yaml"
  name: 'default'
  configuration: {connection_info: {database_url: {from_env: HASURA_GRAPHQL_DATABASE_URL}}}
  kind: postgres
`,
  'metadata/databases/default/tables.yaml': `- table: {schema: public, name: posts}
  insert_permissions:
  - permission: {columns: [body], set: {author_id: "x-hasura-User-Id"}, check: {author_id: {_eq: X-Hasura-User-Id}}}
    role: user
  object_relationships: [{using: {foreign_key_constraint_on: author_id}, name: author}]
- table: users
  select_permissions:
  - {role: anonymous, permission: {limit: 10, columns: [id]}}
  - role: "user"
    permission: {filter: {_and: [{id: {_eq: X-Hasura-User-Id}}]}, columns: [name, id]}
  array_relationships:
  - name: posts
    using: {foreign_key_constraint_on: {table: posts, column: author_id}}
`,
  'metadata/actions.yaml': 'actions: []\n',
  'metadata/inherited_roles.yaml': '- role_set: [editor, user]\n  role_name: "staff"\n',
}

describe('metadata written differently, read from project directories', () => {
  it('a project against itself: no change', async () => {
    const md = await metadataOf(EXPORTED)
    expect(diffMetadata(md, md)).toEqual({ sources: [], global: [] })
  })

  it('key order, quoting, flow style, !include split differently, list order: no change', async () => {
    const exported = await metadataOf(EXPORTED)
    const rewritten = await metadataOf(REWRITTEN)
    expect(exported).not.toEqual(rewritten) // the objects differ as JSON ...
    expect(allChanges(diffMetadata(exported, rewritten))).toEqual([]) // ... and mean the same
    expect(allChanges(diffMetadata(rewritten, exported))).toEqual([])
  })

  it('the same tables in a config 2 project: no change', async () => {
    const config2 = await metadataOf(
      {
        'metadata/version.yaml': 'version: 2\n',
        'metadata/tables.yaml': REWRITTEN['metadata/databases/default/tables.yaml'],
        'metadata/actions.yaml': 'actions: []\n',
        'metadata/inherited_roles.yaml': 'ignored by config 2',
      },
      2,
    )
    const exported = await metadataOf({ ...EXPORTED, 'metadata/inherited_roles.yaml': '[]\n' })
    expect(allChanges(diffMetadata(config2, exported))).toEqual([])
  })

  it('a real edit in one included file: exactly that change', async () => {
    const before = await metadataOf(EXPORTED)
    const users = EXPORTED['metadata/databases/default/tables/public_users.yaml']
    const after = await metadataOf({
      ...EXPORTED,
      'metadata/databases/default/tables/public_users.yaml': users.replace(
        '      columns:\n        - id\n      filter: {}\n      limit: 10\n',
        '      columns:\n        - id\n        - email\n      filter: {}\n',
      ),
    })
    const changes = allChanges(diffMetadata(before, after))
    expect(changes.map((c) => [c.kind, c.name, c.change, c.widens, c.unauthenticated])).toEqual([
      ['select_permission', 'public.users/anonymous', 'changed', true, true],
    ])
    expect(changes[0].details).toEqual(['columns added: email', 'row limit removed (was 10)'])
  })
})
