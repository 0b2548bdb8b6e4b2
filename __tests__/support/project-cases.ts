/**
 * Small Hasura projects, one per shape seen in real repositories, written for this repository's tests
 * (the unit tests read them with the project reader, the e2e tests run dist/index.js on them). Each is a
 * tree literal: path below the project directory → file text ('' is a 0-byte file).
 */

export type ProjectTree = Record<string, string>

const DATABASE_URL_FROM_ENV = `  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
`

/** What the console writes when it cannot invert a change: comments only. */
export const PLACEHOLDER_DOWN = `-- Could not auto-generate a down migration.
-- Please write an appropriate down migration for the SQL below:
-- CREATE TABLE comment_down (id int);
`

/**
 * `version: 2 # a trailing comment`: config 2. Config 1 would also run the flat `.up.yaml` step, which
 * config 2 ignores — so which version the reader settled on shows in what gets applied.
 */
export const COMMENTED_VERSION: ProjectTree = {
  'config.yaml': 'version: 2 # a trailing comment\n',
  'migrations/1700000000000_accounts/up.sql': 'CREATE TABLE accounts (id int PRIMARY KEY);\n',
  'migrations/1700000000000_accounts/down.sql': 'DROP TABLE accounts;\n',
  'migrations/1700000000001_legacy.up.yaml':
    '- type: run_sql\n  args:\n    sql: CREATE TABLE legacy_yaml (id int);\n',
}

/**
 * Config 1 (no `version:`) whose only key is an endpoint with a path and a trailing slash: migrations in
 * `migrations/` (flat SQL and a YAML run_sql step), metadata in `migrations/metadata.yaml`.
 */
export const CONFIG1_ENDPOINT_ONLY: ProjectTree = {
  'config.yaml': 'endpoint: https://hasura.example.com/some/path/\n',
  'migrations/1600000000000_authors.up.sql': 'CREATE TABLE authors (id int PRIMARY KEY, name text);\n',
  'migrations/1600000000000_authors.down.sql': 'DROP TABLE authors;\n',
  'migrations/1600000000001_books.up.yaml':
    '- type: run_sql\n  args:\n    sql: CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors (id));\n',
  'migrations/1600000000001_books.down.yaml': '- type: run_sql\n  args:\n    sql: DROP TABLE books;\n',
  'migrations/metadata.yaml':
    'version: 2\ntables:\n- table:\n    schema: public\n    name: authors\n- table:\n    schema: public\n    name: books\n',
}

/** `metadata_directory: ./metadata` and an endpoint with a trailing slash, in a config 3 project. */
export const METADATA_DOT_SLASH: ProjectTree = {
  'config.yaml': 'version: 3\nendpoint: http://localhost:8080/\nmetadata_directory: ./metadata\n',
  'migrations/default/1700000000000_articles/up.sql':
    'CREATE TABLE public.articles (id serial PRIMARY KEY, title text NOT NULL);\n',
  'migrations/default/1700000000000_articles/down.sql': 'DROP TABLE public.articles;\n',
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': `- name: default
  kind: postgres
${DATABASE_URL_FROM_ENV}  tables: "!include default/tables/tables.yaml"
`,
  'metadata/databases/default/tables/tables.yaml': '- "!include public_articles.yaml"\n',
  'metadata/databases/default/tables/public_articles.yaml': 'table:\n  name: articles\n  schema: public\n',
}

/**
 * Config 3 with no `default` database: one database directory, `mydb`, which `databases.yaml` does not
 * list (it lists `other`).
 */
export const CONFIG3_NO_DEFAULT: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/mydb/1700000000000_events/up.sql':
    'CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz);\n',
  'migrations/mydb/1700000000000_events/down.sql': 'DROP TABLE events;\n',
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': `- name: other
  kind: postgres
${DATABASE_URL_FROM_ENV}  tables: []
`,
}

/** The same with a second database directory and no `database` input: the run must ask which. */
export const CONFIG3_TWO_DATABASES: ProjectTree = {
  ...CONFIG3_NO_DEFAULT,
  'migrations/reports/1700000000000_totals/up.sql': 'CREATE TABLE totals (n int);\n',
  'migrations/reports/1700000000000_totals/down.sql': 'DROP TABLE totals;\n',
}

/**
 * A `/` typed into the console's migration name ("add_a/b"): the files land in a sub-directory of the
 * version directory, where the CLI never looks — version 1700000000001 does not exist.
 */
export const NESTED_VERSION_DIRECTORY: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_first/up.sql': 'CREATE TABLE first_table (id int);\n',
  'migrations/default/1700000000000_first/down.sql': 'DROP TABLE first_table;\n',
  'migrations/default/1700000000001_add_a/b/up.sql': 'CREATE TABLE never_created (id int);\n',
  'migrations/default/1700000000001_add_a/b/down.sql': 'DROP TABLE never_created;\n',
  'migrations/default/1700000000002_last/up.sql': 'CREATE TABLE last_table (id int);\n',
  'migrations/default/1700000000002_last/down.sql': 'DROP TABLE last_table;\n',
}

/**
 * `100_init` with 13-digit versions, and a version whose name is digits. Directory names sort
 * `1000000000001_accounts` before `100_init`; the numeric order runs `100` first, and `accounts`
 * needs the table `100` creates.
 */
export const SHORT_AND_DIGIT_VERSIONS: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/100_init/up.sql': 'CREATE TABLE owners (id int PRIMARY KEY);\n',
  'migrations/default/100_init/down.sql': 'DROP TABLE owners;\n',
  'migrations/default/1000000000001_accounts/up.sql':
    'CREATE TABLE accounts (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES owners (id));\n',
  'migrations/default/1000000000001_accounts/down.sql': 'DROP TABLE accounts;\n',
  'migrations/default/1629384848608_1629384398751/up.sql': 'CREATE TABLE digits_named (id int);\n',
  'migrations/default/1629384848608_1629384398751/down.sql': 'DROP TABLE digits_named;\n',
}

/** A 0-byte down (`migrate create` without SQL) and a comment-only one (the console's placeholder). */
export const EMPTY_AND_PLACEHOLDER_DOWNS: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_zero_down/up.sql': 'CREATE TABLE zero_down (id int);\n',
  'migrations/default/1700000000000_zero_down/down.sql': '',
  'migrations/default/1700000000001_comment_down/up.sql': 'CREATE TABLE comment_down (id int);\n',
  'migrations/default/1700000000001_comment_down/down.sql': PLACEHOLDER_DOWN,
}

/** Where the parser stops in BROKEN_DOWN (the unterminated identifier starts there). */
export const BROKEN_DOWN_LINE = 5

/** A down file the console left unparsable: an unterminated quoted identifier on line 5. */
export const BROKEN_DOWN = `-- Could not auto-generate a down migration.
-- Please write an appropriate down migration for the SQL below:
-- alter table "public"."users" add column "email" text
--  null;
alter table "public"."users" drop column "email
`

export const BROKEN_DOWN_FILE = 'migrations/default/1700000000001_users_email/down.sql'

export const DOWN_WITH_SYNTAX_ERROR: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_users/up.sql': 'CREATE TABLE public.users (id int PRIMARY KEY);\n',
  'migrations/default/1700000000000_users/down.sql': 'DROP TABLE public.users;\n',
  'migrations/default/1700000000001_users_email/up.sql':
    'alter table "public"."users" add column "email" text\n null;\n',
  [BROKEN_DOWN_FILE]: BROKEN_DOWN,
}

/**
 * `{{ACTION_BASE_URL}}` in SQL string literals (never substituted: the CLI sends SQL as it is) and in
 * an action handler (Hasura substitutes it at request time, not the CLI). The second migration checks
 * the database itself, so a run on the embedded database proves the text arrived unchanged.
 */
export const TEMPLATE_TEXT_IN_SQL: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_webhooks/up.sql': `CREATE TABLE public.webhooks (
  id serial PRIMARY KEY,
  url text NOT NULL DEFAULT '{{ACTION_BASE_URL}}/hook'
);
COMMENT ON TABLE public.webhooks IS 'posts to {{ACTION_BASE_URL}}';
INSERT INTO public.webhooks (url) VALUES ('{{ACTION_BASE_URL}}/first');
INSERT INTO public.webhooks DEFAULT VALUES;
`,
  'migrations/default/1700000000000_webhooks/down.sql': 'DROP TABLE public.webhooks;\n',
  'migrations/default/1700000000001_check_webhooks/up.sql': `DO $$
BEGIN
  IF (SELECT string_agg(url, ' ' ORDER BY id) FROM public.webhooks)
     IS DISTINCT FROM '{{ACTION_BASE_URL}}/first {{ACTION_BASE_URL}}/hook' THEN
    RAISE EXCEPTION 'webhook urls changed: %', (SELECT string_agg(url, ' ' ORDER BY id) FROM public.webhooks);
  END IF;
  IF obj_description('public.webhooks'::regclass, 'pg_class') IS DISTINCT FROM 'posts to {{ACTION_BASE_URL}}' THEN
    RAISE EXCEPTION 'table comment changed: %', obj_description('public.webhooks'::regclass, 'pg_class');
  END IF;
END
$$;
`,
  'migrations/default/1700000000001_check_webhooks/down.sql': 'SELECT 1;\n',
  'metadata/version.yaml': 'version: 3\n',
  'metadata/databases/databases.yaml': `- name: default
  kind: postgres
${DATABASE_URL_FROM_ENV}  tables:
  - table:
      schema: public
      name: webhooks
`,
  'metadata/actions.graphql':
    'type Mutation {\n  ping(url: String!): PingOutput\n}\n\ntype PingOutput {\n  ok: Boolean!\n}\n',
  'metadata/actions.yaml': `actions:
- name: ping
  definition:
    kind: synchronous
    handler: '{{ACTION_BASE_URL}}/ping'
custom_types:
  objects:
  - name: PingOutput
`,
}

/** No seeds directory at all. */
export const NO_SEEDS_DIRECTORY: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_colors/up.sql': 'CREATE TABLE colors (name text PRIMARY KEY);\n',
  'migrations/default/1700000000000_colors/down.sql': 'DROP TABLE colors;\n',
}

/** What the Hasura console writes for "modify primary key": its own transaction inside up.sql. */
export const CONSOLE_TRANSACTION_FILE =
  'migrations/default/1700000000001_modify_primarykey_public_orders/up.sql'
export const CONSOLE_TRANSACTION: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_orders/up.sql':
    'CREATE TABLE public.orders (id int NOT NULL, tenant int NOT NULL DEFAULT 0, CONSTRAINT orders_pkey PRIMARY KEY (id));\n',
  'migrations/default/1700000000000_orders/down.sql': 'DROP TABLE public.orders;\n',
  [CONSOLE_TRANSACTION_FILE]:
    'BEGIN TRANSACTION;\nALTER TABLE "public"."orders" DROP CONSTRAINT "orders_pkey";\n\nALTER TABLE "public"."orders"\n    ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id", "tenant");\nCOMMIT TRANSACTION;\n',
  'migrations/default/1700000000001_modify_primarykey_public_orders/down.sql':
    'alter table "public"."orders" drop constraint "orders_pkey";\nalter table "public"."orders"\n    add constraint "orders_pkey"\n    primary key ("id");\n',
}

/** The same, with a later migration that fails: the whole run must roll back, the console's block too. */
export const CONSOLE_TRANSACTION_THEN_FAILURE: ProjectTree = {
  ...CONSOLE_TRANSACTION,
  'migrations/default/1700000000002_broken/up.sql':
    'ALTER TABLE public.orders ADD COLUMN note text;\nSELECT no_such_column FROM public.orders;\n',
}

/**
 * A dump-style first migration that turns function-body checks off for the session, and a later one
 * whose function names a table created after it: each file starts from the session's own settings,
 * as when each file is its own request, so the check is on again and the second file fails.
 */
export const SESSION_SETTINGS: ProjectTree = {
  'config.yaml': 'version: 3\n',
  'migrations/default/1700000000000_init/up.sql':
    "SET check_function_bodies = false;\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE public.items (id int);\n",
  'migrations/default/1700000000001_counter/up.sql':
    "CREATE TABLE counters (n int);\nCREATE FUNCTION public.item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.later_table';\n",
}
