/**
 * A small blog project in the config 3 layout (databases.yaml → tables.yaml → one file per table, by
 * `!include`), whose metadata uses every kind of reference the verifier resolves, and the catalog of
 * the database it was written for. Every reference resolves: tests break one at a time.
 */
import { fn, relation, snapshot } from '../../support/catalog-builder.js'

export const TABLES = 'metadata/databases/default/tables'

export const BLOG_FILES: Record<string, string> = {
  'config.yaml': 'version: 3\n',
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: "!include default/tables/tables.yaml"
  functions: "!include default/functions/functions.yaml"
`,
  'metadata/databases/default/tables/tables.yaml': `- "!include public_author.yaml"
- "!include public_article.yaml"
- "!include public_status.yaml"
- "!include public_tag.yaml"
`,
  'metadata/databases/default/tables/public_author.yaml': `table:
  name: author
  schema: public
configuration:
  custom_column_names:
    name: fullName
  column_config:
    id:
      custom_name: authorId
array_relationships:
  - name: articles
    using:
      foreign_key_constraint_on:
        column: author_id
        table:
          name: article
          schema: public
computed_fields:
  - name: display_name
    definition:
      function:
        name: author_display_name
        schema: public
  - name: initials
    definition:
      function:
        name: author_initials
        schema: public
select_permissions:
  - role: user
    permission:
      columns:
        - id
        - name
      computed_fields:
        - display_name
      filter:
        _or:
          - id:
              _eq: X-Hasura-User-Id
          - articles:
              published:
                _eq: true
event_triggers:
  - name: author_changed
    definition:
      enable_manual: false
      update:
        columns:
          - name
    webhook: https://example.invalid/hook
`,
  'metadata/databases/default/tables/public_article.yaml': `table:
  name: article
  schema: public
object_relationships:
  - name: author
    using:
      foreign_key_constraint_on: author_id
  - name: editor
    using:
      manual_configuration:
        remote_table:
          name: author
          schema: public
        column_mapping:
          editor_id: id
  - name: state
    using:
      foreign_key_constraint_on: status
insert_permissions:
  - role: user
    permission:
      check:
        author:
          id:
            _eq: X-Hasura-User-Id
      set:
        author_id: x-hasura-User-Id
      columns:
        - title
        - status
update_permissions:
  - role: user
    permission:
      columns: "*"
      filter:
        _and:
          - author_id:
              _eq: X-Hasura-User-Id
          - _not:
              published:
                _eq: true
      check: {}
delete_permissions:
  - role: user
    permission:
      filter:
        _exists:
          _table:
            name: author
            schema: public
          _where:
            id:
              _eq: X-Hasura-User-Id
`,
  'metadata/databases/default/tables/public_status.yaml': `table:
  name: status
  schema: public
is_enum: true
array_relationships:
  - name: articles_by_status
    using:
      foreign_key_constraint_on:
        column: status
        table:
          name: article
          schema: public
`,
  'metadata/databases/default/tables/public_tag.yaml': `table:
  name: tag
  schema: public
configuration:
  column_config:
    label:
      custom_name: tagLabel
`,
  'metadata/databases/default/functions/functions.yaml': `- "!include public_search_articles.yaml"
`,
  'metadata/databases/default/functions/public_search_articles.yaml': `function:
  name: search_articles
  schema: public
`,
  'metadata/actions.graphql': `type Mutation {
  publish(id: Int!): PublishOutput
}

type PublishOutput {
  article_id: Int!
  tags: [String]
}
`,
  'metadata/actions.yaml': `actions:
  - name: publish
    definition:
      kind: synchronous
      handler: https://example.invalid/publish
custom_types:
  objects:
    - name: PublishOutput
      relationships:
        - name: article
          type: object
          remote_table:
            name: article
            schema: public
          field_mapping:
            article_id: id
`,
  'metadata/remote_schemas.yaml': `- name: weather
  definition:
    url: https://example.invalid/graphql
`,
}

export const blogCatalog = () =>
  snapshot(
    [
      relation('author', { columns: { id: 'int4', name: 'text' }, primaryKey: ['id'] }),
      relation('article', {
        columns: {
          id: 'int4',
          title: 'text',
          author_id: 'int4',
          editor_id: 'int4',
          status: 'text',
          published: 'bool',
        },
        primaryKey: ['id'],
        foreignKeys: [
          { columns: ['author_id'], references: 'author', referencedColumns: ['id'] },
          { columns: ['status'], references: 'status', referencedColumns: ['value'] },
        ],
      }),
      relation('status', { columns: { value: 'text', comment: 'text' }, primaryKey: ['value'] }),
      relation('tag', { columns: { id: 'int4', label: 'text' }, primaryKey: ['id'] }),
    ],
    [
      fn('author_display_name', { arguments: [{ name: 'a', type: 'public.author' }], returns: 'text' }),
      fn('author_initials', { arguments: [{ name: 'a', type: 'public.author' }], returns: 'text' }),
      fn('search_articles', {
        arguments: [{ name: 'q', type: 'text' }],
        returns: 'public.article',
        setOf: true,
      }),
    ],
  )

/** The same schema as SQL, for the tests on a real database. */
export const BLOG_SQL = `
CREATE TABLE public.author (id integer PRIMARY KEY, name text);
CREATE TABLE public.status (value text PRIMARY KEY, comment text);
CREATE TABLE public.article (
  id integer PRIMARY KEY,
  title text,
  author_id integer REFERENCES public.author (id),
  editor_id integer,
  status text REFERENCES public.status (value),
  published boolean
);
CREATE TABLE public.tag (id integer PRIMARY KEY, label text);
CREATE FUNCTION public.author_display_name(a public.author) RETURNS text LANGUAGE sql STABLE AS 'select a.name';
CREATE FUNCTION public.author_initials(a public.author) RETURNS text LANGUAGE sql STABLE AS 'select left(a.name, 1)';
CREATE FUNCTION public.search_articles(q text) RETURNS SETOF public.article LANGUAGE sql STABLE
  AS 'select * from public.article where title ilike q';
`
