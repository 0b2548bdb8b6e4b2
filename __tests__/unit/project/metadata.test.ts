import { describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { buildMetadata } from '../../../src/project/metadata.js'
import { configFor, rejectionOf, tempProject } from './temp-project.js'

const SOURCE = (name: string, tables: string) => `- name: ${name}
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: ${tables}
`

describe('buildMetadata: which layout', () => {
  it('undefined when the project has no metadata at all', async () => {
    const dir = tempProject({ 'migrations/1_a.up.sql': 'select 1;' })
    expect(await buildMetadata(configFor(dir, 1))).toBeUndefined()
    expect(await buildMetadata(configFor(dir, 2))).toBeUndefined()
    expect(await buildMetadata(configFor(dir, 3))).toBeUndefined()
    expect(await buildMetadata(configFor(dir, 3, { metadataFile: 'metadata.json' }))).toBeUndefined()
    const emptyDir = tempProject({ 'metadata/README.md': 'nothing' })
    expect(await buildMetadata(configFor(emptyDir, 3))).toBeUndefined()
  })

  it('config 1: migrations/metadata.yaml, preferred over metadata.json', async () => {
    const dir = tempProject({
      'migrations/metadata.yaml': 'version: 2\ntables:\n- table: {schema: public, name: t}\n',
      'migrations/metadata.json': '{"version": 2, "tables": []}',
    })
    expect(await buildMetadata(configFor(dir, 1))).toEqual({
      metadata: { version: 2, tables: [{ table: { schema: 'public', name: 't' } }] },
      files: ['migrations/metadata.yaml'],
    })
    const jsonOnly = tempProject({ 'db/metadata.json': '{"version": 2, "tables": []}' })
    expect(await buildMetadata(configFor(jsonOnly, 1, { migrationsDirectory: 'db' }))).toEqual({
      metadata: { version: 2, tables: [] },
      files: ['db/metadata.json'],
    })
  })

  it('single-file mode sends the file as it is, JSON or YAML', async () => {
    const dir = tempProject({
      'md.yaml': 'version: 3\nsources: []\ncustom_key: kept\n',
      'md.json': '{"version": 3, "sources": [{"name": "default", "tables": []}]}',
      'metadata/version.yaml': 'version: 3\n',
    })
    expect(await buildMetadata(configFor(dir, 3, { metadataFile: 'md.yaml' }))).toEqual({
      metadata: { version: 3, sources: [], custom_key: 'kept' },
      files: ['md.yaml'],
    })
    expect((await buildMetadata(configFor(dir, 2, { metadataFile: 'md.json' })))?.metadata).toEqual({
      version: 3,
      sources: [{ name: 'default', tables: [] }],
    })
  })

  it('invalid JSON and YAML fail with the file and line', async () => {
    const dir = tempProject({
      'md.json': '{\n  "version": 3,\n  "sources": [,]\n}',
      'metadata/version.yaml': 'version: 3\n',
      'metadata/remote_schemas.yaml': '- name: a\n  definition: {url: x\n',
    })
    const json = await rejectionOf(buildMetadata(configFor(dir, 3, { metadataFile: 'md.json' })))
    expect(json).toBeInstanceOf(UserError)
    expect(json.message).toMatch(/^md\.json:3: invalid JSON/)
    expect(json.where).toMatchObject({ file: 'md.json', line: 3 })
    const yaml = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(yaml.message).toMatch(/^metadata\/remote_schemas\.yaml:\d+: invalid YAML/)
    expect(yaml.where?.file).toBe('metadata/remote_schemas.yaml')
  })
})

describe('buildMetadata: config 2 directory', () => {
  it('forces version 2, reads tables/functions and the common objects in the CLI key order', async () => {
    const dir = tempProject({
      'metadata/version.yaml': 'version: 1\n',
      'metadata/cron_triggers.yaml': '[]\n',
      'metadata/tables.yaml': '- table: {schema: public, name: t}\n',
      'metadata/functions.yaml': '[]\n',
      'metadata/network.yaml': 'tls_allowlist: []\n',
      'metadata/rest_endpoints.yaml': '- name: not-config-2\n',
      'metadata/inherited_roles.yaml': '- role_name: x\n',
    })
    const built = await buildMetadata(configFor(dir, 2))
    expect(built?.metadata).toEqual({
      version: 2,
      tables: [{ table: { schema: 'public', name: 't' } }],
      functions: [],
      cron_triggers: [],
      network: { tls_allowlist: [] },
    })
    expect(Object.keys(built?.metadata ?? {})).toEqual([
      'version',
      'tables',
      'functions',
      'cron_triggers',
      'network',
    ])
  })

  it('a list object that is not a list fails naming the file', async () => {
    const dir = tempProject({ 'metadata/tables.yaml': 'table: {schema: public, name: t}\n' })
    const e = await rejectionOf(buildMetadata(configFor(dir, 2)))
    expect(e.message).toContain("metadata/tables.yaml: expected a list (the 'tables' metadata object)")
  })
})

describe('buildMetadata: config 3 directory and !include', () => {
  it('resolves both include forms, nested includes relative to the including file, raw non-.yaml files', async () => {
    const dir = tempProject({
      'metadata/version.yaml': 'version: 3\n',
      'metadata/databases/databases.yaml':
        SOURCE('default', '"!include default/tables/tables.yaml"') +
        '  functions: !include "default/functions/functions.yaml"\n' +
        SOURCE('s 2', '"!include \\"s 2/tables/tables.yaml\\""'),
      'metadata/databases/default/tables/tables.yaml':
        '- "!include public_t.yaml"\n- !include "sub/public_u.yaml"\n',
      'metadata/databases/default/tables/public_t.yaml': 'table: {schema: public, name: t}\n',
      'metadata/databases/default/tables/sub/public_u.yaml':
        'table: {schema: public, name: u}\ncomputed_fields: !include "cf.yml"\n',
      'metadata/databases/default/tables/sub/cf.yml': '- not parsed: true\n',
      'metadata/databases/default/functions/functions.yaml': '- function: {schema: public, name: f}\n',
      'metadata/databases/s 2/tables/tables.yaml': '[]\n',
      'metadata/rest_endpoints.yaml': '[]\n',
      'metadata/metrics_config.yaml': '{}\n',
      'metadata/inherited_roles.yaml': '[]\n',
    })
    const built = await buildMetadata(configFor(dir, 3))
    expect(built?.metadata).toEqual({
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } },
          tables: [
            { table: { schema: 'public', name: 't' } },
            { table: { schema: 'public', name: 'u' }, computed_fields: '- not parsed: true\n' },
          ],
          functions: [{ function: { schema: 'public', name: 'f' } }],
        },
        {
          name: 's 2',
          kind: 'postgres',
          configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } },
          tables: [],
        },
      ],
      inherited_roles: [],
    })
    expect(built?.files).toEqual([
      'metadata/version.yaml',
      'metadata/databases/databases.yaml',
      'metadata/databases/default/tables/tables.yaml',
      'metadata/databases/default/tables/public_t.yaml',
      'metadata/databases/default/tables/sub/public_u.yaml',
      'metadata/databases/default/tables/sub/cf.yml',
      'metadata/databases/default/functions/functions.yaml',
      'metadata/databases/s 2/tables/tables.yaml',
      'metadata/rest_endpoints.yaml',
      'metadata/inherited_roles.yaml',
      'metadata/metrics_config.yaml',
    ])
  })

  it('resolves includes only in tables and functions; drops source keys the CLI does not carry', async () => {
    const dir = tempProject({
      'metadata/databases/databases.yaml': `- name: default
  kind: postgres
  configuration: {connection_info: {database_url: "!include secret.yaml"}}
  unknown_key: dropped
  tables: []
`,
    })
    expect((await buildMetadata(configFor(dir, 3)))?.metadata).toEqual({
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          configuration: { connection_info: { database_url: '!include secret.yaml' } },
          tables: [],
        },
      ],
    })
  })

  it('an include outside the metadata directory fails with the including file and line', async () => {
    const dir = tempProject({
      'secrets.yaml': 'password: hunter2\n',
      'metadata/databases/databases.yaml': SOURCE('default', '"!include default/tables/tables.yaml"'),
      'metadata/databases/default/tables/tables.yaml':
        '- "!include ok.yaml"\n- "!include ../../../../secrets.yaml"\n',
      'metadata/databases/default/tables/ok.yaml': 'table: {schema: public, name: t}\n',
    })
    const e = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe(
      "metadata/databases/default/tables/tables.yaml:2: !include '../../../../secrets.yaml' points outside the metadata directory (to secrets.yaml)",
    )
    expect(e.where).toEqual({ file: 'metadata/databases/default/tables/tables.yaml', line: 2 })
  })

  it('an include loop fails naming the chain', async () => {
    const dir = tempProject({
      'metadata/databases/databases.yaml': SOURCE('default', '!include "default/a.yaml"'),
      'metadata/databases/default/a.yaml': '- !include "b.yaml"\n',
      'metadata/databases/default/b.yaml': '- x: 1\n- y: !include a.yaml\n',
    })
    const e = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(e.message).toBe(
      'metadata/databases/default/b.yaml:2: !include loop: metadata/databases/default/a.yaml -> metadata/databases/default/b.yaml -> metadata/databases/default/a.yaml',
    )
  })

  it('a missing include file fails with the line of the include', async () => {
    const dir = tempProject({
      'metadata/databases/databases.yaml':
        SOURCE('default', '[]') + SOURCE('other', '"!include other/tables/tables.yaml"'),
    })
    const e = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(e.message).toBe(
      "metadata/databases/databases.yaml:14: !include 'other/tables/tables.yaml': file metadata/databases/other/tables/tables.yaml not found",
    )
    expect(e.where).toEqual({ file: 'metadata/databases/databases.yaml', line: 14 })
  })

  it('invalid YAML in an included file names that file', async () => {
    const dir = tempProject({
      'metadata/databases/databases.yaml': SOURCE('default', '"!include t.yaml"'),
      'metadata/databases/t.yaml': '- table: {schema: public\n  name: t\n',
    })
    const e = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(e.where?.file).toBe('metadata/databases/t.yaml')
    expect(e.message).toMatch(/^metadata\/databases\/t\.yaml:\d+: invalid YAML/)
  })
})

describe('buildMetadata: actions.graphql + actions.yaml', () => {
  const SDL = `
type Mutation {
  login(username: String!, password: String!): LoginOutput
}

extend type Query {
  """ ignored: comments come from actions.yaml """
  articles(tags: [String!], limit: Int): [Article!]!
}

type LoginOutput {
  "the token"
  token: String!
}

type Article {
  id: Int!
}

input Filter {
  tag: String
}

enum Status {
  "first"
  OPEN
  CLOSED
}

"a date"
scalar Date
`
  const ACTIONS_YAML = `actions:
- name: login
  definition:
    kind: synchronous
    handler: '{{ACTIONS_BASE_URL}}/login'
    forward_client_headers: true
    headers:
    - name: x-secret
      value_from_env: SECRET
    timeout: 30
  permissions:
  - role: anonymous
  comment: Log in
custom_types:
  enums: []
  input_objects: []
  objects:
  - name: LoginOutput
    relationships:
    - name: user
      type: object
  scalars:
  - name: Date
`

  it('builds actions and custom_types as the CLI does (key order, copied fields, omissions)', async () => {
    const dir = tempProject({
      'metadata/version.yaml': 'version: 3\n',
      'metadata/actions.graphql': SDL,
      'metadata/actions.yaml': ACTIONS_YAML,
    })
    const built = await buildMetadata(configFor(dir, 3))
    expect(built?.files).toEqual([
      'metadata/version.yaml',
      'metadata/actions.graphql',
      'metadata/actions.yaml',
    ])
    const md = built?.metadata ?? {}
    expect(Object.keys(md)).toEqual(['version', 'actions', 'custom_types'])
    expect(md.actions).toEqual([
      {
        name: 'login',
        definition: {
          kind: 'synchronous',
          type: 'mutation',
          handler: '{{ACTIONS_BASE_URL}}/login',
          arguments: [
            { name: 'username', type: 'String!', description: null },
            { name: 'password', type: 'String!', description: null },
          ],
          output_type: 'LoginOutput',
          forward_client_headers: true,
          headers: [{ name: 'x-secret', value_from_env: 'SECRET' }],
          timeout: 30,
        },
        permissions: [{ role: 'anonymous' }],
        comment: 'Log in',
      },
      {
        // Not in actions.yaml: kind and handler stay empty, as the CLI sends them.
        name: 'articles',
        definition: {
          kind: '',
          type: 'query',
          handler: '',
          arguments: [
            { name: 'tags', type: '[String!]', description: null },
            { name: 'limit', type: 'Int', description: null },
          ],
          output_type: '[Article!]!',
        },
      },
    ])
    const [login] = md.actions as { definition: object }[]
    expect(Object.keys(login ?? {})).toEqual(['name', 'definition', 'permissions', 'comment'])
    expect(Object.keys(login?.definition ?? {})).toEqual([
      'kind',
      'type',
      'handler',
      'arguments',
      'output_type',
      'forward_client_headers',
      'headers',
      'timeout',
    ])
    expect(md.custom_types).toEqual({
      enums: [
        {
          name: 'Status',
          values: [
            { value: 'OPEN', description: 'first' },
            { value: 'CLOSED', description: null },
          ],
        },
      ],
      input_objects: [{ name: 'Filter', fields: [{ name: 'tag', type: 'String', description: null }] }],
      objects: [
        {
          // Listed in actions.yaml: its description (none) and relationships replace the SDL's.
          name: 'LoginOutput',
          fields: [{ name: 'token', type: 'String!', description: 'the token' }],
          relationships: [{ name: 'user', type: 'object' }],
        },
        { name: 'Article', fields: [{ name: 'id', type: 'Int!', description: null }] },
      ],
      scalars: [{ name: 'Date' }],
    })
    expect(Object.keys(md.custom_types as object)).toEqual(['enums', 'input_objects', 'objects', 'scalars'])
  })

  it('empty SDL and empty lists contribute nothing (the golden projects)', async () => {
    const dir = tempProject({
      'metadata/actions.graphql': '',
      'metadata/actions.yaml':
        'actions: []\ncustom_types:\n  enums: []\n  input_objects: []\n  objects: []\n  scalars: []\n',
    })
    expect((await buildMetadata(configFor(dir, 3)))?.metadata).toEqual({})
  })

  it('an action in actions.yaml missing from the SDL fails (also when actions.graphql is absent)', async () => {
    const withSdl = tempProject({
      'metadata/actions.graphql': 'type Mutation { other: Int }\n',
      'metadata/actions.yaml': 'actions:\n- name: login\n  definition: {kind: synchronous, handler: x}\n',
    })
    expect((await rejectionOf(buildMetadata(configFor(withSdl, 3)))).message).toBe(
      'metadata/actions.yaml: action login is not present in metadata/actions.graphql',
    )
    const noSdl = tempProject({ 'metadata/actions.yaml': ACTIONS_YAML })
    const e = await rejectionOf(buildMetadata(configFor(noSdl, 2)))
    expect(e.message).toContain('(the file does not exist)')
    expect(e.where).toEqual({ file: 'metadata/actions.yaml' })
  })

  it('a custom type missing from the SDL fails', async () => {
    const dir = tempProject({
      'metadata/actions.graphql': 'scalar Date\n',
      'metadata/actions.yaml': 'actions: []\ncustom_types:\n  objects:\n  - name: Ghost\n',
    })
    expect((await rejectionOf(buildMetadata(configFor(dir, 3)))).message).toContain(
      'custom type Ghost is not present in metadata/actions.graphql',
    )
  })

  it('invalid SDL fails with actions.graphql and the line', async () => {
    const dir = tempProject({ 'metadata/actions.graphql': 'type Mutation {\n  login(: String): Int\n}\n' })
    const e = await rejectionOf(buildMetadata(configFor(dir, 3)))
    expect(e.message).toMatch(/^metadata\/actions\.graphql:2: invalid GraphQL/)
    expect(e.where).toEqual({ file: 'metadata/actions.graphql', line: 2 })
  })

  it('schema definitions and unions are refused, as cli-ext fails on them', async () => {
    const schema = tempProject({ 'metadata/actions.graphql': 'schema { query: Query }\n' })
    expect((await rejectionOf(buildMetadata(configFor(schema, 3)))).message).toContain(
      'a schema definition is not supported',
    )
    const union = tempProject({
      'metadata/actions.graphql': 'type A { a: Int }\ntype B { b: Int }\nunion U = A | B\n',
    })
    expect((await rejectionOf(buildMetadata(configFor(union, 3)))).where).toEqual({
      file: 'metadata/actions.graphql',
      line: 3,
    })
  })
})
