/**
 * Shapes seen in real projects (__tests__/support/project-cases.ts), run through dist/index.js as GitHub
 * runs it with default inputs — only `project-dir`, plus `database-url` for PostgreSQL — on the embedded
 * database and on the harness's PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWith, STACK_TRACE } from '../reliability/support/hostile.js'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { startHasuraServer } from '../support/hasura-server/index.js'
import {
  BROKEN_DOWN_FILE,
  BROKEN_DOWN_LINE,
  COMMENTED_VERSION,
  CONFIG1_ENDPOINT_ONLY,
  CONFIG3_NO_DEFAULT,
  CONFIG3_TWO_DATABASES,
  CONSOLE_TRANSACTION,
  CONSOLE_TRANSACTION_FILE,
  CONSOLE_TRANSACTION_THEN_FAILURE,
  DOWN_WITH_SYNTAX_ERROR,
  EMPTY_AND_PLACEHOLDER_DOWNS,
  METADATA_DOT_SLASH,
  NESTED_VERSION_DIRECTORY,
  NO_SEEDS_DIRECTORY,
  SESSION_SETTINGS,
  SHORT_AND_DIGIT_VERSIONS,
  TEMPLATE_TEXT_IN_SQL,
  type ProjectTree,
} from '../support/project-cases.js'

type Database = Awaited<ReturnType<typeof createDatabase>>

interface Report {
  status: string
  configVersion: number
  roundTrip?: { status: string; reason?: string }
  databases: {
    database: string
    findings: { kind: string; severity: string; file?: string; line?: number }[]
  }[]
  notices: string[]
  seeds: { status: string }
  error?: { kind: string; message: string; file?: string; line?: number; version?: string }
}

const ENDPOINT_NOTICE = "config.yaml's endpoint is ignored"

/** Runs the action on `tree` (written to `<workspace>/hasura`); `database` adds the PostgreSQL URL. */
async function run(
  tree: ProjectTree,
  options: { database?: Database; inputs?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<ActionRun & { report: Report; applied: string[] }> {
  const { workspace, projectDir } = workspaceWith(tree)
  const inputs: Record<string, string> = { 'project-dir': projectDir, ...options.inputs }
  if (options.database) inputs['database-url'] = options.database.url
  const r = await runDistAction({ cwd: workspace, inputs, env: options.env })
  // whatever the outcome: never an internal error, never a stack trace
  const everything = capturedTexts(r).join('\n')
  expect(everything).not.toMatch(STACK_TRACE)
  const report = JSON.parse(r.outputs.report) as Report
  expect(report.error?.kind).not.toBe('internal')
  return { ...r, report, applied: JSON.parse(r.outputs['applied-versions']) as string[] }
}

const log = (r: ActionRun): string => r.stdout + r.stderr
const errorLines = (r: ActionRun): string[] => r.annotations.filter((a) => a.startsWith('::error'))
const tableExists = async (db: Database, name: string): Promise<boolean> =>
  (await query<{ t: string | null }>(db.url, 'SELECT to_regclass($1)::text AS t', [name]))[0].t !== null
const stateRows = async (db: Database): Promise<string[]> =>
  (
    await query<{ version: string }>(
      db.url,
      'SELECT version::text FROM hdb_catalog.schema_migrations WHERE NOT dirty ORDER BY version',
    )
  ).map((r) => r.version)

describe('real project shapes, with default inputs', () => {
  const databases: Database[] = []
  const fresh = async (): Promise<Database> => {
    const db = await createDatabase('e2e_cases')
    databases.push(db)
    return db
  }
  afterAll(async () => {
    for (const db of databases) await db.drop()
  })

  describe('`version: 2 # a trailing comment`', () => {
    it('embedded: config 2 — the YAML step config 1 would run is ignored', async () => {
      const r = await run(COMMENTED_VERSION)
      expect(r.code, log(r)).toBe(0)
      expect(r.report.configVersion).toBe(2)
      expect(r.applied).toEqual(['1700000000000'])
      expect(r.report.roundTrip?.status).toBe('passed')
    }, 120_000)

    it('PostgreSQL: config 2 state in hdb_catalog.schema_migrations, no table from the YAML step', async () => {
      const db = await fresh()
      const r = await run(COMMENTED_VERSION, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000'])
      expect(await stateRows(db)).toEqual(['1700000000000'])
      expect(await tableExists(db, 'public.accounts')).toBe(true)
      expect(await tableExists(db, 'public.legacy_yaml')).toBe(false)
    })
  })

  describe('config 1 whose only key is an endpoint with a path', () => {
    it('embedded: config 1, SQL and YAML run_sql migrations, round trip passes, the endpoint is noted and ignored', async () => {
      const r = await run(CONFIG1_ENDPOINT_ONLY)
      expect(r.code, log(r)).toBe(0)
      expect(r.report.configVersion).toBe(1)
      expect(r.applied).toEqual(['1600000000000', '1600000000001'])
      expect(r.report.roundTrip?.status).toBe('passed')
      expect(r.report.notices.some((n) => n.startsWith(ENDPOINT_NOTICE))).toBe(true)
      expect(log(r)).not.toContain('hasura.example.com')
    }, 120_000)

    it('PostgreSQL: both versions recorded, the YAML step`s table created', async () => {
      const db = await fresh()
      const r = await run(CONFIG1_ENDPOINT_ONLY, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1600000000000', '1600000000001'])
      expect(await stateRows(db)).toEqual(['1600000000000', '1600000000001'])
      expect(await tableExists(db, 'public.books')).toBe(true)
    })
  })

  describe('`metadata_directory: ./metadata`, endpoint with a trailing slash', () => {
    it('embedded: the metadata is read and checked (a broken file there fails the run), the endpoint ignored', async () => {
      const r = await run(METADATA_DOT_SLASH)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000'])
      expect(r.report.notices.some((n) => n.startsWith(ENDPOINT_NOTICE))).toBe(true)
      // proof that ./metadata is where the metadata is read from
      const broken = await run({
        ...METADATA_DOT_SLASH,
        'metadata/databases/default/tables/public_articles.yaml': 'table: [unclosed\n',
      })
      expect(broken.code).toBe(1)
      expect(errorLines(broken)).toHaveLength(1)
      expect(errorLines(broken)[0]).toContain('metadata/databases/default/tables/public_articles.yaml')
      expect(broken.applied).toEqual([])
    }, 120_000)

    it('PostgreSQL: applied', async () => {
      const db = await fresh()
      const r = await run(METADATA_DOT_SLASH, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000'])
      expect(await tableExists(db, 'public.articles')).toBe(true)
    })
  })

  describe('config 3 with no default database, databases.yaml listing another', () => {
    it('embedded: the only database directory, mydb, is migrated', async () => {
      const r = await run(CONFIG3_NO_DEFAULT)
      expect(r.code, log(r)).toBe(0)
      expect(JSON.parse(r.outputs.applied)).toEqual({ mydb: ['1700000000000'] })
      expect(r.report.databases.map((d) => d.database)).toEqual(['mydb'])
      expect(r.report.roundTrip?.status).toBe('passed')
    }, 120_000)

    it('PostgreSQL: mydb migrated, its state where the CLI keeps it on a database without the catalog', async () => {
      const db = await fresh()
      const r = await run(CONFIG3_NO_DEFAULT, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(JSON.parse(r.outputs.applied)).toEqual({ mydb: ['1700000000000'] })
      expect(await stateRows(db)).toEqual(['1700000000000'])
      expect(await tableExists(db, 'public.events')).toBe(true)
    })

    it('two database directories and no `database` input: fails listing them, nothing written', async () => {
      const db = await fresh()
      const r = await run(CONFIG3_TWO_DATABASES, { database: db })
      expect(r.code).toBe(1)
      expect(errorLines(r)).toHaveLength(1)
      expect(errorLines(r)[0]).toContain('several databases (mydb, reports)')
      expect(await tableExists(db, 'hdb_catalog.schema_migrations')).toBe(false)
    })
  })

  describe('a version directory holding a sub-directory', () => {
    it('embedded: that version does not exist, the others run, each deeper file gets a warning', async () => {
      const r = await run(NESTED_VERSION_DIRECTORY)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000002'])
      expect(r.report.roundTrip?.status).toBe('passed')
      const warnings = r.annotations.filter(
        (a) => a.startsWith('::warning') && a.includes('nested-migration-file'),
      )
      expect(warnings.map((a) => /file=([^,:]+)/.exec(a)?.[1])).toEqual([
        'hasura/migrations/default/1700000000001_add_a/b/down.sql',
        'hasura/migrations/default/1700000000001_add_a/b/up.sql',
      ])
    }, 120_000)

    it('PostgreSQL: the deeper up.sql never runs and its version is never recorded', async () => {
      const db = await fresh()
      const r = await run(NESTED_VERSION_DIRECTORY, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(await stateRows(db)).toEqual(['1700000000000', '1700000000002'])
      expect(await tableExists(db, 'public.never_created')).toBe(false)
      expect(await tableExists(db, 'public.last_table')).toBe(true)
    })
  })

  describe('`100_init` with 13-digit versions; a name made of digits', () => {
    it('embedded: numeric order (100 first: the next one needs its table)', async () => {
      const r = await run(SHORT_AND_DIGIT_VERSIONS)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['100', '1000000000001', '1629384848608'])
      expect(r.report.roundTrip?.status).toBe('passed')
    }, 120_000)

    it('PostgreSQL: recorded as 100, 1000000000001 and 1629384848608', async () => {
      const db = await fresh()
      const r = await run(SHORT_AND_DIGIT_VERSIONS, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['100', '1000000000001', '1629384848608'])
      expect(r.outputs['current-version']).toBe('1629384848608')
      expect(await stateRows(db)).toEqual(['100', '1000000000001', '1629384848608'])
      expect(await tableExists(db, 'public.digits_named')).toBe(true)
      expect(r.summary).toContain('1629384398751') // the name, shown as a name
    })
  })

  describe('0-byte and comment-only downs', () => {
    it('embedded: the round trip is skipped with the reason, the run passes', async () => {
      const r = await run(EMPTY_AND_PLACEHOLDER_DOWNS)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000001'])
      expect(r.report.roundTrip).toEqual({
        status: 'skipped',
        reason:
          '2 versions 1700000000000, 1700000000001 cannot be rolled back (see the round-trip-impossible findings)',
      })
      const kinds = r.report.databases[0].findings.map((f) => `${f.kind} ${f.severity}`)
      expect(kinds.filter((k) => k.startsWith('round-trip-impossible'))).toEqual([
        'round-trip-impossible warning',
        'round-trip-impossible warning',
      ])
      expect(errorLines(r)).toEqual([])
    }, 120_000)

    it('PostgreSQL: applies; rolling back runs the comment-only down, and the 0-byte one is "down migration not found"', async () => {
      const db = await fresh()
      const up = await run(EMPTY_AND_PLACEHOLDER_DOWNS, { database: db })
      expect(up.code, log(up)).toBe(0)
      expect(await stateRows(db)).toEqual(['1700000000000', '1700000000001'])

      const placeholder = await run(EMPTY_AND_PLACEHOLDER_DOWNS, {
        database: db,
        inputs: { direction: 'down', steps: '1' },
      })
      expect(placeholder.code, log(placeholder)).toBe(0)
      expect(placeholder.applied).toEqual(['1700000000001'])
      expect(await tableExists(db, 'public.comment_down')).toBe(true) // the comments undid nothing

      const empty = await run(EMPTY_AND_PLACEHOLDER_DOWNS, {
        database: db,
        inputs: { direction: 'down', steps: '1' },
      })
      expect(empty.code).toBe(1)
      expect(errorLines(empty)).toHaveLength(1)
      expect(errorLines(empty)[0]).toContain(
        '1700000000000 down migration not found: migrations/default/1700000000000_zero_down/down.sql is empty, and the Hasura CLI treats an empty file as no file',
      )
      expect(await stateRows(db)).toEqual(['1700000000000'])
    })
  })

  describe('a down file the console left with a syntax error', () => {
    it('embedded: a warning on the file and line, the round trip skipped, the run passes', async () => {
      const r = await run(DOWN_WITH_SYNTAX_ERROR)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000001'])
      expect(r.report.roundTrip?.status).toBe('skipped')
      expect(r.report.roundTrip?.reason).toContain('1700000000001')
      const warning = r.annotations.find(
        (a) => a.startsWith('::warning') && a.includes('round-trip-impossible'),
      )
      expect(warning).toContain(`file=hasura/${BROKEN_DOWN_FILE},line=${BROKEN_DOWN_LINE}`)
      expect(warning).toContain(`syntax error at line ${BROKEN_DOWN_LINE}`)
      expect(errorLines(r)).toEqual([])
    }, 120_000)

    it('PostgreSQL: an up run never reads it; rolling back fails at its line and rolls back nothing', async () => {
      const db = await fresh()
      const up = await run(DOWN_WITH_SYNTAX_ERROR, { database: db })
      expect(up.code, log(up)).toBe(0)
      expect(up.report.databases[0].findings).toEqual([])

      const down = await run(DOWN_WITH_SYNTAX_ERROR, {
        database: db,
        inputs: { direction: 'down', steps: '1' },
      })
      expect(down.code).toBe(1)
      expect(errorLines(down)).toHaveLength(1)
      expect(errorLines(down)[0]).toContain(`file=hasura/${BROKEN_DOWN_FILE},line=${BROKEN_DOWN_LINE}`)
      expect(down.report.error).toMatchObject({
        version: '1700000000001',
        file: BROKEN_DOWN_FILE,
        line: BROKEN_DOWN_LINE,
      })
      expect(down.report.error?.message).toContain('unterminated quoted identifier')
      expect(await stateRows(db)).toEqual(['1700000000000', '1700000000001'])
      const email = await query(
        db.url,
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'",
      )
      expect(email).toHaveLength(1)
    })
  })

  describe('`{{ACTION_BASE_URL}}` inside SQL string literals', () => {
    // Set in the environment: nothing may substitute it (Hasura resolves it in action handlers, at request time).
    const env = { ACTION_BASE_URL: 'http://substituted.example' }

    it('embedded: applied verbatim (the second migration checks the table, its default and its comment)', async () => {
      const r = await run(TEMPLATE_TEXT_IN_SQL, { env })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000001'])
      expect(r.report.roundTrip?.status).toBe('passed')
    }, 120_000)

    it('PostgreSQL: the rows, the column default and the table comment hold the literal text', async () => {
      const db = await fresh()
      const r = await run(TEMPLATE_TEXT_IN_SQL, { database: db, env })
      expect(r.code, log(r)).toBe(0)
      const rows = await query<{ url: string }>(db.url, 'SELECT url FROM public.webhooks ORDER BY id')
      expect(rows.map((row) => row.url)).toEqual(['{{ACTION_BASE_URL}}/first', '{{ACTION_BASE_URL}}/hook'])
      const [meta] = await query<{ def: string; comment: string }>(
        db.url,
        `SELECT pg_get_expr(d.adbin, d.adrelid) AS def, obj_description('public.webhooks'::regclass, 'pg_class') AS comment
           FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
          WHERE d.adrelid = 'public.webhooks'::regclass AND a.attname = 'url'`,
      )
      expect(meta).toEqual({
        def: "'{{ACTION_BASE_URL}}/hook'::text",
        comment: 'posts to {{ACTION_BASE_URL}}',
      })
    })
  })

  describe('seeds directories that do not exist', () => {
    let db: Database
    beforeAll(async () => {
      db = await fresh()
    })

    it('default inputs: seeds are not asked for, the missing directory does not matter', async () => {
      const r = await run(NO_SEEDS_DIRECTORY, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.report.seeds.status).toBe('skipped')
      expect(r.report.notices.join('\n')).not.toContain('seed')
    })

    it('seeds: true — a notice, exit 0', async () => {
      const r = await run(NO_SEEDS_DIRECTORY, { inputs: { seeds: 'true' } })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000'])
      expect(r.report.notices).toContain('no seed files found in seeds/')
    }, 120_000)

    it('a named seed file that does not exist: one error naming it, before anything is written', async () => {
      const other = await fresh()
      const r = await run(NO_SEEDS_DIRECTORY, { database: other, inputs: { seeds: 'initial_colors.sql' } })
      expect(r.code).toBe(1)
      expect(errorLines(r)).toHaveLength(1)
      expect(errorLines(r)[0]).toContain(
        "seed file 'initial_colors.sql' not found: expected seeds/default/initial_colors.sql",
      )
      expect(await tableExists(other, 'public.colors')).toBe(false)
    })
  })

  describe('the console’s BEGIN TRANSACTION … COMMIT TRANSACTION inside up.sql', () => {
    const primaryKey = async (db: Database): Promise<string | undefined> =>
      (
        await query<{ def: string }>(
          db.url,
          "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'orders_pkey'",
        )
      )[0]?.def

    it('PostgreSQL, transaction: all — applies, the block a savepoint, noted on the file', async () => {
      const db = await fresh()
      const r = await run(CONSOLE_TRANSACTION, { database: db })
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000001'])
      expect(await primaryKey(db)).toBe('PRIMARY KEY (id, tenant)')
      expect(await stateRows(db)).toEqual(['1700000000000', '1700000000001'])
      const notice = r.annotations.find((a) => a.startsWith('::notice') && a.includes('transaction-block'))
      expect(notice).toContain(`file=hasura/${CONSOLE_TRANSACTION_FILE},line=1`)
      expect(notice).toContain('runs as a savepoint inside the run')
      expect(r.summary).toContain('ran as a savepoint inside the run')
    })

    it('PostgreSQL, transaction: all — a later failing migration rolls the whole run back, the block too', async () => {
      const db = await fresh()
      const r = await run(CONSOLE_TRANSACTION_THEN_FAILURE, { database: db })
      expect(r.code).toBe(1)
      expect(errorLines(r)).toHaveLength(1)
      expect(errorLines(r)[0]).toContain('file=hasura/migrations/default/1700000000002_broken/up.sql,line=2')
      expect(await tableExists(db, 'public.orders')).toBe(false)
      expect(await tableExists(db, 'hdb_catalog.schema_migrations')).toBe(false)
    })

    it('the embedded database: applies, and the round trip passes through it', async () => {
      const r = await run(CONSOLE_TRANSACTION)
      expect(r.code, log(r)).toBe(0)
      expect(r.applied).toEqual(['1700000000000', '1700000000001'])
      expect(r.report.roundTrip?.status).toBe('passed')
    }, 120_000)
  })

  describe('session settings one file makes (pg_dump’s SET lines)', () => {
    it.each(['embedded', 'PostgreSQL'])(
      '%s: end with the file, as when each file is its own request',
      async (where) => {
        const db = where === 'PostgreSQL' ? await fresh() : undefined
        const r = await run(SESSION_SETTINGS, { database: db })
        expect(r.code).toBe(1)
        // the function body is checked again in the second file, and search_path is back: counters is public
        expect(r.report.error).toMatchObject({
          version: '1700000000001',
          file: 'migrations/default/1700000000001_counter/up.sql',
        })
        expect(r.report.error?.message).toBe('relation "public.later_table" does not exist')
      },
      120_000,
    )
  })
})

describe('real project shapes through Hasura (the API test server)', () => {
  const SECRET = 'project-cases-ADMIN-secret-9Tq'

  async function withServer(fn: (server: Awaited<ReturnType<typeof startHasuraServer>>) => Promise<void>) {
    const db = await createDatabase('e2e_cases_hasura')
    const server = await startHasuraServer({
      databaseUrl: db.url,
      adminSecret: SECRET,
      env: { HASURA_GRAPHQL_DATABASE_URL: db.url },
    })
    try {
      await fn(server)
    } finally {
      await server.close()
      await db.drop()
    }
  }
  const metadataSent = (server: Awaited<ReturnType<typeof startHasuraServer>>): string =>
    JSON.stringify(server.requests.filter((r) => r.type === 'replace_metadata').map((r) => r.body))

  it('`metadata_directory: ./metadata`: the metadata there is what is applied', async () => {
    await withServer(async (server) => {
      const r = await run(METADATA_DOT_SLASH, { inputs: { endpoint: server.url, 'admin-secret': SECRET } })
      expect(r.code, log(r)).toBe(0)
      expect(r.outputs.metadata).toBe('applied')
      expect(metadataSent(server)).toContain('"table":{"name":"articles","schema":"public"}')
    })
  })

  it('`{{ACTION_BASE_URL}}`: the SQL and the action handler reach the server as written', async () => {
    await withServer(async (server) => {
      const r = await run(TEMPLATE_TEXT_IN_SQL, {
        inputs: { endpoint: server.url, 'admin-secret': SECRET },
        env: { ACTION_BASE_URL: 'http://substituted.example' },
      })
      expect(r.code, log(r)).toBe(0)
      expect(metadataSent(server)).toContain('"handler":"{{ACTION_BASE_URL}}/ping"')
      const sql = JSON.stringify(server.requests.filter((q) => q.path === '/v2/query').map((q) => q.body))
      expect(sql).toContain("DEFAULT '{{ACTION_BASE_URL}}/hook'")
      expect(sql + metadataSent(server)).not.toContain('substituted.example')
    })
  })
})
