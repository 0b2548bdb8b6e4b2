/**
 * The semantic metadata diff, kind by kind: for each pair of metadata objects, the exact list of
 * changes (kind, name, added/removed/changed, widens) and, where it matters, the reason given.
 */
import * as graphql from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  allChanges,
  diffMetadata,
  diffMetadataLoadingParser,
  type MetadataChange,
} from '../../../src/review/metadata-diff.js'

type Table = Record<string, unknown>

const USERS = { schema: 'public', name: 'users' }
const OWN = { id: { _eq: 'X-Hasura-User-Id' } }
const ACTIVE = { active: { _eq: true } }

/** A v3 export with one `default` PostgreSQL source holding `tables`, plus top-level `extra`. */
const v3 = (tables: Table[], extra: Record<string, unknown> = {}) => ({
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      configuration: { connection_info: { database_url: { from_env: 'DB_URL' } } },
      tables,
    },
  ],
  ...extra,
})
const users = (more: Table = {}): Table => ({ table: USERS, ...more })
const select = (role: string, permission: Table, comment?: string) => ({
  select_permissions: [{ role, permission, ...(comment ? { comment } : {}) }],
})
const perm = (op: string, role: string, permission: Table) => ({
  [`${op}_permissions`]: [{ role, permission }],
})

/** The changes in a comparable form: `kind name change widens`. */
const lines = (changes: MetadataChange[]) =>
  changes.map((c) => `${c.kind} ${c.name} ${c.change}${c.widens ? ' WIDENS' : ''}`)
const diff = (before: unknown, after: unknown, unauthorizedRole?: string) =>
  allChanges(diffMetadata(before, after, { unauthorizedRole, sdl: graphql }))
const only = (before: unknown, after: unknown, unauthorizedRole?: string): MetadataChange => {
  const changes = diff(before, after, unauthorizedRole)
  expect(changes).toHaveLength(1)
  return changes[0]
}

describe('tables, functions and what hangs off a table', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['table tracked', v3([]), v3([users()]), ['table public.users added']],
    ['table untracked', v3([users()]), v3([]), ['table public.users removed']],
    ['a bare table name is public.<name>', v3([users()]), v3([{ table: 'users' }]), []],
    [
      'custom name (configuration)',
      v3([users()]),
      v3([users({ configuration: { custom_name: 'people' } })]),
      ['table public.users changed'],
    ],
    ['enum table', v3([users()]), v3([users({ is_enum: true })]), ['table public.users changed']],
    [
      'object relationship added',
      v3([users()]),
      v3([
        users({ object_relationships: [{ name: 'org', using: { foreign_key_constraint_on: 'org_id' } }] }),
      ]),
      ['object_relationship public.users.org added'],
    ],
    [
      'array relationship changed',
      v3([
        users({
          array_relationships: [
            { name: 'posts', using: { foreign_key_constraint_on: { column: 'a', table: 'posts' } } },
          ],
        }),
      ]),
      v3([
        users({
          array_relationships: [
            { name: 'posts', using: { foreign_key_constraint_on: { column: 'b', table: 'posts' } } },
          ],
        }),
      ]),
      ['array_relationship public.users.posts changed'],
    ],
    [
      'remote relationship added',
      v3([users()]),
      v3([
        users({
          remote_relationships: [
            { name: 'profile', definition: { to_remote_schema: { remote_schema: 'auth' } } },
          ],
        }),
      ]),
      ['remote_relationship public.users.profile added'],
    ],
    [
      'computed field removed',
      v3([users({ computed_fields: [{ name: 'full_name', definition: { function: 'full_name' } }] })]),
      v3([users()]),
      ['computed_field public.users.full_name removed'],
    ],
    [
      'event trigger changed',
      v3([
        users({
          event_triggers: [{ name: 'on_new', definition: { insert: { columns: '*' } }, webhook: 'http://a' }],
        }),
      ]),
      v3([
        users({
          event_triggers: [{ name: 'on_new', definition: { insert: { columns: '*' } }, webhook: 'http://b' }],
        }),
      ]),
      ['event_trigger public.users.on_new changed'],
    ],
    [
      'function tracked: exposed to roles that may select its table',
      v3([]),
      {
        ...v3([]),
        sources: [{ ...v3([]).sources[0], functions: [{ function: { schema: 'public', name: 'search' } }] }],
      },
      ['function public.search added WIDENS'],
    ],
    [
      'function permission granted',
      { ...v3([]), sources: [{ ...v3([]).sources[0], functions: [{ function: 'search' }] }] },
      {
        ...v3([]),
        sources: [
          { ...v3([]).sources[0], functions: [{ function: 'search', permissions: [{ role: 'user' }] }] },
        ],
      },
      ['function_permission public.search/user added WIDENS'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(lines(diff(before, after))).toEqual(expected)
  })

  it('a new table brings its relationships and permissions, each a change of its own', () => {
    const full = users({
      object_relationships: [{ name: 'org', using: { foreign_key_constraint_on: 'org_id' } }],
      ...select('user', { columns: ['id'], filter: OWN }),
    })
    expect(lines(diff(v3([]), v3([full])))).toEqual([
      'table public.users added',
      'object_relationship public.users.org added',
      'select_permission public.users/user added WIDENS',
    ])
  })

  it('the detail of a changed table names what changed', () => {
    const c = only(
      v3([users()]),
      v3([users({ configuration: { custom_root_fields: { select: 'people' } } })]),
    )
    expect(c.details).toEqual(['changed: configuration.custom_root_fields.select'])
    expect(c.summary).toBe('table public.users changed')
  })
})

describe('table permissions: what widens access and what narrows it', () => {
  const before = (p: Table, op = 'select', role = 'user') => v3([users(perm(op, role, p))])
  const change = (from: Table, to: Table, op = 'select', role = 'user', unauthorizedRole?: string) =>
    only(before(from, op, role), before(to, op, role), unauthorizedRole)

  it('granted to a role that had none: widens, with what it grants', () => {
    const c = only(v3([users()]), before({ columns: ['id', 'name'], filter: OWN, limit: 10 }))
    expect(c).toMatchObject({
      kind: 'select_permission',
      name: 'public.users/user',
      role: 'user',
      change: 'added',
      widens: true,
      before: null,
      summary: 'select permission on public.users granted to role user',
    })
    expect(c.details).toEqual(['columns id, name', 'filter {"id":{"_eq":"X-Hasura-User-Id"}}', 'limit 10'])
    expect(c.widening).toEqual(['role user gains this permission'])
  })

  it('revoked: narrows', () => {
    const c = only(before({ columns: ['id'], filter: {} }), v3([users()]))
    expect(c).toMatchObject({ change: 'removed', widens: false, after: null, widening: [] })
  })

  it.each<[string, Table, Table, string, boolean]>([
    [
      'columns added',
      { columns: ['id'], filter: {} },
      { columns: ['id', 'email'], filter: {} },
      'columns added: email',
      true,
    ],
    [
      'columns removed',
      { columns: ['id', 'email'], filter: {} },
      { columns: ['id'], filter: {} },
      'columns removed: email',
      false,
    ],
    [
      'columns made "*"',
      { columns: ['id'], filter: {} },
      { columns: '*', filter: {} },
      'columns: all (was id)',
      true,
    ],
    [
      'columns from "*" to a list',
      { columns: '*', filter: {} },
      { columns: ['id'], filter: {} },
      'columns: only id (was all)',
      false,
    ],
    [
      'filter emptied',
      { columns: ['id'], filter: OWN },
      { columns: ['id'], filter: {} },
      'filter removed (every row): {"id":{"_eq":"X-Hasura-User-Id"}} → {}',
      true,
    ],
    [
      'filter replaced',
      { columns: ['id'], filter: OWN },
      { columns: ['id'], filter: ACTIVE },
      'filter relaxed: {"id":{"_eq":"X-Hasura-User-Id"}} → {"active":{"_eq":true}}',
      true,
    ],
    [
      'a conjunct removed',
      { columns: ['id'], filter: { _and: [OWN, ACTIVE] } },
      { columns: ['id'], filter: OWN },
      'filter relaxed: {"_and":[{"id":{"_eq":"X-Hasura-User-Id"}},{"active":{"_eq":true}}]} → {"id":{"_eq":"X-Hasura-User-Id"}}',
      true,
    ],
    [
      'a conjunct added',
      { columns: ['id'], filter: OWN },
      { columns: ['id'], filter: { _and: [OWN, ACTIVE] } },
      'filter narrowed: {"id":{"_eq":"X-Hasura-User-Id"}} → {"_and":[{"id":{"_eq":"X-Hasura-User-Id"}},{"active":{"_eq":true}}]}',
      false,
    ],
    [
      'row limit raised',
      { columns: ['id'], filter: {}, limit: 10 },
      { columns: ['id'], filter: {}, limit: 100 },
      'row limit raised: 10 → 100',
      true,
    ],
    [
      'row limit removed',
      { columns: ['id'], filter: {}, limit: 10 },
      { columns: ['id'], filter: {} },
      'row limit removed (was 10)',
      true,
    ],
    [
      'row limit lowered',
      { columns: ['id'], filter: {}, limit: 100 },
      { columns: ['id'], filter: {}, limit: 10 },
      'row limit lowered: 100 → 10',
      false,
    ],
    [
      'row limit added',
      { columns: ['id'], filter: {} },
      { columns: ['id'], filter: {}, limit: 10 },
      'row limit 10 added',
      false,
    ],
    [
      'aggregations enabled',
      { columns: ['id'], filter: {} },
      { columns: ['id'], filter: {}, allow_aggregations: true },
      'aggregations enabled',
      true,
    ],
    [
      'aggregations disabled',
      { columns: ['id'], filter: {}, allow_aggregations: true },
      { columns: ['id'], filter: {} },
      'aggregations disabled',
      false,
    ],
    [
      'computed field added',
      { columns: ['id'], filter: {} },
      { columns: ['id'], filter: {}, computed_fields: ['full_name'] },
      'computed fields added: full_name',
      true,
    ],
    [
      'root fields unrestricted',
      { columns: ['id'], filter: {}, query_root_fields: ['select_by_pk'] },
      { columns: ['id'], filter: {} },
      'query root fields: all (was select_by_pk)',
      true,
    ],
    [
      'root fields restricted',
      { columns: ['id'], filter: {} },
      { columns: ['id'], filter: {}, subscription_root_fields: [] },
      'subscription root fields: only none (was all)',
      false,
    ],
  ])('select: %s', (_name, from, to, detail, widens) => {
    const c = change(from, to)
    expect(c).toMatchObject({ kind: 'select_permission', change: 'changed', widens })
    expect(c.details).toEqual([detail])
    expect(c.widening).toEqual(widens ? [detail] : [])
    expect(c.summary).toBe('select permission on public.users changed for role user')
  })

  it.each<[string, string, Table, Table, string, boolean]>([
    [
      'insert',
      'check relaxed',
      { columns: ['a'], check: OWN },
      { columns: ['a'], check: {} },
      'check removed (every row): {"id":{"_eq":"X-Hasura-User-Id"}} → {}',
      true,
    ],
    [
      'insert',
      'check narrowed',
      { columns: ['a'], check: {} },
      { columns: ['a'], check: OWN },
      'check narrowed: {} → {"id":{"_eq":"X-Hasura-User-Id"}}',
      false,
    ],
    [
      'insert',
      'columns added',
      { columns: ['a'], check: {} },
      { columns: ['a', 'b'], check: {} },
      'columns added: b',
      true,
    ],
    [
      'insert',
      'preset removed',
      { columns: ['a'], check: {}, set: { owner: 'X-Hasura-User-Id' } },
      { columns: ['a'], check: {} },
      'preset removed: owner (was "X-Hasura-User-Id")',
      true,
    ],
    [
      'insert',
      'preset added',
      { columns: ['a'], check: {} },
      { columns: ['a'], check: {}, set: { owner: 'X-Hasura-User-Id' } },
      'preset added: owner = "X-Hasura-User-Id"',
      false,
    ],
    [
      'insert',
      'preset changed',
      { columns: ['a'], check: {}, set: { owner: 'X-Hasura-User-Id' } },
      { columns: ['a'], check: {}, set: { owner: 'x' } },
      'preset changed: owner "X-Hasura-User-Id" → "x"',
      true,
    ],
    [
      'insert',
      'no longer backend-only',
      { columns: ['a'], check: {}, backend_only: true },
      { columns: ['a'], check: {} },
      'no longer backend-only',
      true,
    ],
    [
      'insert',
      'made backend-only',
      { columns: ['a'], check: {} },
      { columns: ['a'], check: {}, backend_only: true },
      'made backend-only',
      false,
    ],
    [
      'update',
      'filter relaxed',
      { columns: ['a'], filter: OWN, check: {} },
      { columns: ['a'], filter: {}, check: {} },
      'filter removed (every row): {"id":{"_eq":"X-Hasura-User-Id"}} → {}',
      true,
    ],
    [
      'update',
      'post-update check added',
      { columns: ['a'], filter: OWN },
      { columns: ['a'], filter: OWN, check: ACTIVE },
      'check narrowed: {} → {"active":{"_eq":true}}',
      false,
    ],
    [
      'update',
      'input validation removed',
      { columns: ['a'], filter: {}, validate_input: { type: 'http', definition: { url: 'http://v' } } },
      { columns: ['a'], filter: {} },
      'input validation removed',
      true,
    ],
    [
      'delete',
      'filter narrowed',
      { filter: OWN },
      { filter: { ...OWN, ...ACTIVE } },
      'filter narrowed: {"id":{"_eq":"X-Hasura-User-Id"}} → {"id":{"_eq":"X-Hasura-User-Id"},"active":{"_eq":true}}',
      false,
    ],
    [
      'delete',
      'filter relaxed',
      { filter: { ...OWN, ...ACTIVE } },
      { filter: ACTIVE },
      'filter relaxed: {"id":{"_eq":"X-Hasura-User-Id"},"active":{"_eq":true}} → {"active":{"_eq":true}}',
      true,
    ],
  ])('%s: %s', (op, _name, from, to, detail, widens) => {
    const c = change(from, to, op)
    expect(c).toMatchObject({
      kind: `${op}_permission`,
      name: 'public.users/user',
      change: 'changed',
      widens,
    })
    expect(c.details).toEqual([detail])
  })

  it.each<[string, Table, Table]>([
    [
      'key order',
      { columns: ['id'], filter: { a: { _eq: 1 }, b: { _eq: 2 } } },
      { filter: { b: { _eq: 2 }, a: { _eq: 1 } }, columns: ['id'] },
    ],
    ['_and of one item', { columns: ['id'], filter: { _and: [OWN] } }, { columns: ['id'], filter: OWN }],
    ['column order', { columns: ['id', 'name'], filter: {} }, { columns: ['name', 'id'], filter: {} }],
    ['absent and empty filter', { columns: ['id'] }, { columns: ['id'], filter: {} }],
  ])('no change: %s', (_name, from, to) => {
    expect(diff(before(from), before(to))).toEqual([])
  })

  it('a comment change is reported and widens nothing', () => {
    const c = only(
      v3([users(select('user', { columns: ['id'] }))]),
      v3([users(select('user', { columns: ['id'] }, 'why'))]),
    )
    expect(c).toMatchObject({ change: 'changed', widens: false, details: ['comment changed'] })
  })

  it('several aspects at once: each listed, the widening ones as reasons', () => {
    const c = change(
      { columns: ['id', 'email'], filter: OWN, limit: 5 },
      { columns: ['id', 'name'], filter: { ...OWN, ...ACTIVE }, limit: 50 },
    )
    expect(c.details).toEqual([
      'columns added: name',
      'columns removed: email',
      'filter narrowed: {"id":{"_eq":"X-Hasura-User-Id"}} → {"id":{"_eq":"X-Hasura-User-Id"},"active":{"_eq":true}}',
      'row limit raised: 5 → 50',
    ])
    expect(c.widening).toEqual(['columns added: name', 'row limit raised: 5 → 50'])
  })

  describe('the unauthenticated role', () => {
    it.each(['anonymous', 'public'])('%s, when the server setting is unknown: flagged', (role) => {
      const c = only(v3([users()]), before({ columns: ['id'], filter: {} }, 'select', role))
      expect(c).toMatchObject({ widens: true, unauthenticated: true })
      expect(c.widening[0]).toBe(`${role} is the unauthenticated role: anyone, without logging in`)
    })

    it('the configured role only, when HASURA_GRAPHQL_UNAUTHORIZED_ROLE is known', () => {
      const guest = only(v3([users()]), before({ columns: ['id'], filter: {} }, 'select', 'guest'), 'guest')
      expect(guest).toMatchObject({ widens: true, unauthenticated: true })
      const anonymous = only(
        v3([users()]),
        before({ columns: ['id'], filter: {} }, 'select', 'anonymous'),
        'guest',
      )
      expect(anonymous.unauthenticated).toBeUndefined()
      expect(anonymous.widening).toEqual(['role anonymous gains this permission'])
    })

    it('a narrowing change keeps the mark but does not widen; a revocation has no mark', () => {
      const narrowed = change(
        { columns: ['id', 'email'], filter: {} },
        { columns: ['id'], filter: {} },
        'select',
        'anonymous',
      )
      expect(narrowed).toMatchObject({ widens: false, unauthenticated: true, widening: [] })
      const revoked = only(before({ columns: ['id'] }, 'select', 'anonymous'), v3([users()]))
      expect(revoked.unauthenticated).toBeUndefined()
      expect(revoked.widens).toBe(false)
    })
  })
})

describe('objects outside the sources', () => {
  const action = (more: Table = {}) => ({
    name: 'login',
    definition: { kind: 'synchronous', handler: 'http://a/login', type: 'mutation', output_type: 'Token' },
    ...more,
  })
  const remote = (more: Table = {}) => ({
    name: 'auth',
    definition: { url: 'http://auth', timeout_seconds: 60 },
    comment: '',
    ...more,
  })
  const sdl = (fields: string) => ({ role: 'user', definition: { schema: `type Query { ${fields} }` } })
  const collection = (queries: string[]) => ({
    name: 'allowed',
    definition: { queries: queries.map((q) => ({ name: q, query: `query ${q} { x }` })) },
  })

  it.each<[string, Table, Table, string[]]>([
    ['action added', {}, { actions: [action()] }, ['action login added']],
    [
      'action handler changed',
      { actions: [action()] },
      { actions: [action({ definition: { ...action().definition, handler: 'http://b' } })] },
      ['action login changed'],
    ],
    [
      'action permission granted',
      { actions: [action()] },
      { actions: [action({ permissions: [{ role: 'user' }] })] },
      ['action_permission login/user added WIDENS'],
    ],
    [
      'action permission revoked',
      { actions: [action({ permissions: [{ role: 'user' }] })] },
      { actions: [action()] },
      ['action_permission login/user removed'],
    ],
    [
      'custom type added',
      {},
      { custom_types: { objects: [{ name: 'Token', fields: [{ name: 't', type: 'String' }] }] } },
      ['custom_type Token added'],
    ],
    [
      'custom type changed',
      { custom_types: { enums: [{ name: 'E', values: [{ value: 'A' }] }] } },
      { custom_types: { enums: [{ name: 'E', values: [{ value: 'B' }] }] } },
      ['custom_type E changed'],
    ],
    [
      'remote schema added: every role may query it',
      {},
      { remote_schemas: [remote()] },
      ['remote_schema auth added WIDENS'],
    ],
    [
      'remote schema url changed',
      { remote_schemas: [remote()] },
      { remote_schemas: [remote({ definition: { url: 'http://other', timeout_seconds: 60 } })] },
      ['remote_schema auth changed'],
    ],
    [
      'remote schema permission granted',
      { remote_schemas: [remote()] },
      { remote_schemas: [remote({ permissions: [sdl('me: String')] })] },
      ['remote_schema_permission auth/user added WIDENS'],
    ],
    [
      'remote schema permission: a field added',
      { remote_schemas: [remote({ permissions: [sdl('me: String')] })] },
      { remote_schemas: [remote({ permissions: [sdl('me: String secret: String')] })] },
      ['remote_schema_permission auth/user changed WIDENS'],
    ],
    [
      'remote schema permission: a field removed',
      { remote_schemas: [remote({ permissions: [sdl('me: String secret: String')] })] },
      { remote_schemas: [remote({ permissions: [sdl('me: String')] })] },
      ['remote_schema_permission auth/user changed'],
    ],
    [
      'remote schema relationship added',
      { remote_schemas: [remote()] },
      {
        remote_schemas: [
          remote({
            remote_relationships: [{ type_name: 'User', relationships: [{ name: 'posts', definition: {} }] }],
          }),
        ],
      },
      ['remote_schema_relationship auth.User.posts added'],
    ],
    [
      'cron trigger added',
      {},
      { cron_triggers: [{ name: 'nightly', webhook: 'http://c', schedule: '0 0 * * *' }] },
      ['cron_trigger nightly added'],
    ],
    [
      'cron trigger schedule changed',
      { cron_triggers: [{ name: 'nightly', webhook: 'http://c', schedule: '0 0 * * *' }] },
      { cron_triggers: [{ name: 'nightly', webhook: 'http://c', schedule: '0 1 * * *' }] },
      ['cron_trigger nightly changed'],
    ],
    [
      'cron trigger removed',
      { cron_triggers: [{ name: 'nightly', webhook: 'http://c', schedule: '0 0 * * *' }] },
      {},
      ['cron_trigger nightly removed'],
    ],
    [
      'allow list entry added',
      { query_collections: [collection(['q1'])] },
      { query_collections: [collection(['q1'])], allowlist: [{ collection: 'allowed' }] },
      ['allowlist allowed added WIDENS'],
    ],
    [
      'allow list: global to some roles',
      { allowlist: [{ collection: 'allowed', scope: { global: true } }] },
      { allowlist: [{ collection: 'allowed', scope: { global: false, roles: ['user'] } }] },
      ['allowlist allowed changed'],
    ],
    [
      'allow list: some roles to global',
      { allowlist: [{ collection: 'allowed', scope: { global: false, roles: ['user'] } }] },
      { allowlist: [{ collection: 'allowed' }] },
      ['allowlist allowed changed WIDENS'],
    ],
    [
      'allow list: a role added',
      { allowlist: [{ collection: 'allowed', scope: { global: false, roles: ['user'] } }] },
      { allowlist: [{ collection: 'allowed', scope: { global: false, roles: ['user', 'editor'] } }] },
      ['allowlist allowed changed WIDENS'],
    ],
    [
      'inherited role added',
      {},
      { inherited_roles: [{ role_name: 'staff', role_set: ['user', 'editor'] }] },
      ['inherited_role staff added WIDENS'],
    ],
    [
      'inherited role gains a role',
      { inherited_roles: [{ role_name: 'staff', role_set: ['user'] }] },
      { inherited_roles: [{ role_name: 'staff', role_set: ['user', 'editor'] }] },
      ['inherited_role staff changed WIDENS'],
    ],
    [
      'inherited role loses a role',
      { inherited_roles: [{ role_name: 'staff', role_set: ['user', 'editor'] }] },
      { inherited_roles: [{ role_name: 'staff', role_set: ['editor'] }] },
      ['inherited_role staff changed'],
    ],
    [
      'query collection added',
      {},
      { query_collections: [collection(['q1'])] },
      ['query_collection allowed added'],
    ],
    [
      'a query added to an allow-listed collection',
      { query_collections: [collection(['q1'])], allowlist: [{ collection: 'allowed' }] },
      { query_collections: [collection(['q1', 'q2'])], allowlist: [{ collection: 'allowed' }] },
      ['query_collection allowed changed WIDENS'],
    ],
    [
      'a query added to a collection not allow-listed',
      { query_collections: [collection(['q1'])] },
      { query_collections: [collection(['q1', 'q2'])] },
      ['query_collection allowed changed'],
    ],
    [
      'REST endpoint added',
      {},
      {
        rest_endpoints: [
          {
            name: 'me',
            url: 'me',
            methods: ['GET'],
            definition: { query: { collection_name: 'allowed', query_name: 'q1' } },
          },
        ],
      },
      ['rest_endpoint me added'],
    ],
    [
      'network setting changed',
      { network: { tls_allowlist: [] } },
      { network: { tls_allowlist: [{ host: 'a' }] } },
      ['setting network changed'],
    ],
    [
      'introspection enabled again for a role',
      { graphql_schema_introspection: { disabled_for_roles: ['user', 'anonymous'] } },
      { graphql_schema_introspection: { disabled_for_roles: ['user'] } },
      ['setting graphql_schema_introspection changed WIDENS'],
    ],
    [
      'introspection restrictions removed',
      { graphql_schema_introspection: { disabled_for_roles: ['user'] } },
      {},
      ['setting graphql_schema_introspection removed WIDENS'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(lines(diff(v3([], before), v3([], after)))).toEqual(expected)
  })

  it.each<[string, Table, Table]>([
    [
      'list order of actions and permissions',
      { actions: [action({ permissions: [{ role: 'a' }, { role: 'b' }] }), { ...action(), name: 'signup' }] },
      { actions: [{ ...action(), name: 'signup' }, action({ permissions: [{ role: 'b' }, { role: 'a' }] })] },
    ],
    [
      'REST methods order',
      { rest_endpoints: [{ name: 'me', url: 'me', methods: ['GET', 'POST'] }] },
      { rest_endpoints: [{ name: 'me', url: 'me', methods: ['POST', 'GET'] }] },
    ],
    [
      'inherited role set order',
      { inherited_roles: [{ role_name: 's', role_set: ['a', 'b'] }] },
      { inherited_roles: [{ role_name: 's', role_set: ['b', 'a'] }] },
    ],
    [
      'query order in a collection',
      { query_collections: [collection(['q1', 'q2'])] },
      { query_collections: [collection(['q2', 'q1'])] },
    ],
    [
      'allow list absent scope is global',
      { allowlist: [{ collection: 'allowed' }] },
      { allowlist: [{ collection: 'allowed', scope: { global: true } }] },
    ],
    ['empty custom types', {}, { custom_types: { objects: [], enums: [] } }],
  ])('no change: %s', (_name, before, after) => {
    expect(diff(v3([], before), v3([], after))).toEqual([])
  })

  it('the GraphQL parser is loaded only to compare a changed remote schema permission', async () => {
    const before = v3([], { remote_schemas: [remote({ permissions: [sdl('me: String')] })] })
    const after = v3([], { remote_schemas: [remote({ permissions: [sdl('me: String secret: String')] })] })
    // the pure diff needs it given, and says so rather than guess
    expect(() => diffMetadata(before, after)).toThrow(/no GraphQL parser was given/)
    const loaded = allChanges(await diffMetadataLoadingParser(before, after))
    expect(loaded.map((c) => c.widening)).toEqual([["the role's schema gains Query.secret: String"]])
    // without remote schema permissions on both sides, nothing needs it
    expect(allChanges(await diffMetadataLoadingParser(v3([]), after)).map((c) => c.change)).toEqual([
      'added',
      'added',
    ])
  })

  it('the remote schema permission names the fields it gains', () => {
    const c = only(
      v3([], { remote_schemas: [remote({ permissions: [sdl('me: String')] })] }),
      v3([], { remote_schemas: [remote({ permissions: [sdl('me: String secret(id: ID!): String')] })] }),
    )
    expect(c.widening).toEqual(["the role's schema gains Query.secret(id: ID!): String"])
  })
})

describe('metadata shapes and sources', () => {
  const tables = [users(select('user', { columns: ['id'], filter: OWN }))]

  it('config 2 (version 2, top-level tables) and v3 (sources) of the same tables: no change', () => {
    expect(diff({ version: 2, tables }, v3(tables))).toEqual([])
    expect(diff(v3(tables), { version: 2, tables })).toEqual([])
  })

  it('metadata v1 functions as bare {schema, name}', () => {
    const before = { version: 1, tables: [], functions: [{ schema: 'public', name: 'search' }] }
    const after = { version: 2, tables: [], functions: [{ function: { schema: 'public', name: 'search' } }] }
    expect(diff(before, after)).toEqual([])
  })

  it('no metadata before: everything is added, per source', () => {
    const result = diffMetadata(undefined, v3(tables))
    expect(result.sources.map((s) => [s.source, lines(s.changes)])).toEqual([
      [
        'default',
        [
          'source default added',
          'table public.users added',
          'select_permission public.users/user added WIDENS',
        ],
      ],
    ])
    expect(result.global).toEqual([])
  })

  it('a second source added, a source setting changed: per source', () => {
    const second = {
      name: 'analytics',
      kind: 'postgres',
      configuration: { connection_info: { database_url: { from_env: 'A' } } },
      tables: [{ table: { schema: 'public', name: 'events' } }],
    }
    const before = v3(tables)
    const after = {
      ...v3(tables),
      sources: [
        { ...before.sources[0], configuration: { connection_info: { database_url: { from_env: 'OTHER' } } } },
        second,
      ],
    }
    const result = diffMetadata(before, after)
    expect(result.sources.map((s) => [s.source, lines(s.changes)])).toEqual([
      ['default', ['source default changed']],
      ['analytics', ['source analytics added', 'table public.events added']],
    ])
    expect(result.sources[0].changes[0].details).toEqual([
      'changed: configuration.connection_info.database_url.from_env',
    ])
  })

  it('tables of non-PostgreSQL sources keep their own names', () => {
    const bq = (table: unknown) => ({
      version: 3,
      sources: [{ name: 'bq', kind: 'bigquery', tables: [{ table }] }],
    })
    expect(lines(diff(bq({ dataset: 'ds', name: 't' }), bq({ dataset: 'ds', name: 'u' })))).toEqual([
      'table ds.t removed',
      'table ds.u added',
    ])
  })

  it('literal credentials are masked in before/after, env references kept', () => {
    const literal = {
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          configuration: { connection_info: { database_url: 'postgres://u:hunter2@db/x' } },
          tables: [],
        },
      ],
    }
    const action = (value: string) => ({
      name: 'a',
      definition: {
        handler: 'http://h',
        headers: [
          { name: 'x-secret', value },
          { name: 'x-env', value_from_env: 'E' },
        ],
      },
    })
    const source = only(undefined, literal)
    expect(JSON.stringify(source.after)).not.toContain('hunter2')
    const changed = only(v3([], { actions: [action('s3cr3t-1')] }), v3([], { actions: [action('s3cr3t-2')] }))
    expect(JSON.stringify(changed)).not.toContain('s3cr3t')
    expect(changed.after).toMatchObject({
      definition: {
        headers: [
          { name: 'x-secret', value: '***' },
          { name: 'x-env', value_from_env: 'E' },
        ],
      },
    })
    expect(changed.details).toEqual(['changed: definition.headers'])
  })

  it('order: by object, the object before what hangs off it; stable', () => {
    const a = users({
      ...select('user', { columns: ['id'] }),
      object_relationships: [{ name: 'org', using: { foreign_key_constraint_on: 'org_id' } }],
    })
    const b = { table: { schema: 'public', name: 'accounts' }, ...select('admin', { columns: ['id'] }) }
    const after = v3([a, b])
    expect(lines(diff(v3([]), after))).toEqual([
      'table public.accounts added',
      'select_permission public.accounts/admin added WIDENS',
      'table public.users added',
      'object_relationship public.users.org added',
      'select_permission public.users/user added WIDENS',
    ])
    expect(diffMetadata(v3([]), after)).toEqual(diffMetadata(v3([]), v3([b, a])))
  })

  it('a name given twice is kept twice, never lost', () => {
    const twice = v3([
      users(select('user', { columns: ['id'] })),
      users(select('user', { columns: ['id', 'email'] })),
    ])
    expect(lines(diff(v3([]), twice))).toContain('select_permission public.users/user #2 added WIDENS')
  })
})
