/**
 * Acceptance: the real projects of ../shared/corpus and Hasura's own test projects, read through
 * each project's own config.yaml.
 *
 * How the expected facts were counted (independently of this code): a short Python script listed
 * each migrations directory (flat files and `<version>_<name>/` directories, no recursion below),
 * matched the CLI's regex (config 2/3 `^([0-9]+)_(.*)\.(down|up)\.(sql)$`, config 1 also `.yaml`),
 * dropped 0-byte files and empty YAML lists, and counted distinct versions, first/last version and
 * versions having an up / a down file; `ls`, `stat -c %s` and `grep` gave names, sizes and
 * placeholder downs. Those numbers are hard-coded here as the facts.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import {
  buildMetadata,
  listDatabases,
  readConfig,
  readMigrations,
  type DatabaseMigrations,
  type ProjectConfig,
} from '../../../src/project/index.js'
import { corpusDir, describeShared, fixturesDir } from '../../support/shared.js'
import { configFor, errorOf } from './temp-project.js'

interface Facts {
  count: number
  first: bigint
  last: bigint
  withUp: number
  withDown: number
}

function facts(db: DatabaseMigrations): Facts {
  const ms = db.migrations
  return {
    count: ms.length,
    first: ms[0]?.version ?? -1n,
    last: ms.at(-1)?.version ?? -1n,
    withUp: ms.filter((m) => m.up).length,
    withDown: ms.filter((m) => m.down).length,
  }
}

const byDatabase = (config: ProjectConfig): Record<string, Facts> =>
  Object.fromEntries(listDatabases(config).map((d) => [d, facts(readMigrations(config, d))]))

const find = (db: DatabaseMigrations, version: bigint) => db.migrations.find((m) => m.version === version)

describeShared('corpus: real projects through their own config.yaml', () => {
  it('andrewMacmurray/realworld-hasura (config 3, default)', async () => {
    const config = readConfig(corpusDir('andrewMacmurray__realworld-hasura'), {})
    expect(config).toMatchObject({ version: 3, adminSecret: 'ilovebread', endpoint: 'http://localhost:8080' })
    expect(byDatabase(config)).toEqual({
      default: { count: 21, first: 1590346274456n, last: 1602056993085n, withUp: 21, withDown: 16 },
    })
    // actions.graphql gives each action's signature, actions.yaml its handler, as the CLI's cli-ext builds them
    const md = await buildMetadata(config)
    const actions = md?.metadata.actions as {
      name: string
      definition: { type: string; output_type: string }
    }[]
    expect(actions.map((a) => [a.name, a.definition.type, a.definition.output_type])).toEqual([
      ['login', 'mutation', 'TokenResponse!'],
      ['signup', 'mutation', 'TokenResponse!'],
      ['unlike_article', 'mutation', 'UnlikeResponse!'],
    ])
    expect(md?.files).toContain('metadata/actions.graphql')
  })

  it('HSLdevcom/jore4-hasura (config 3, migrations_directory: migrations/generic)', async () => {
    const config = readConfig(corpusDir('HSLdevcom__jore4-hasura'), {})
    expect(config).toMatchObject({
      version: 3,
      migrationsDirectory: 'migrations/generic',
      metadataDirectory: 'metadata/generic',
    })
    expect(byDatabase(config)).toEqual({
      default: { count: 27, first: 1000000000000n, last: 2000000000011n, withUp: 27, withDown: 27 },
      main: { count: 24, first: 1000000000000n, last: 2000000001000n, withUp: 24, withDown: 24 },
      timetables: { count: 28, first: 1000000000000n, last: 2000000001000n, withUp: 28, withDown: 28 },
    })
    expect(readMigrations(config, 'main').directory).toBe('migrations/generic/main')

    const md = await buildMetadata(config)
    const sources = md?.metadata.sources as { name: string; tables: unknown[]; functions?: unknown[] }[]
    expect(sources.map((s) => [s.name, s.tables.length, s.functions?.length])).toEqual([
      ['default', 17, 5],
      ['metadata', 0, undefined],
      ['main', 0, 0],
      ['timetables', 13, 0],
    ])
    expect(md?.metadata.version).toBe(3)
  })

  it('jore4 with HASURA_GRAPHQL_MIGRATIONS_DIRECTORY=migrations/hsl: the leading-zero version 0999999999999', () => {
    const config = readConfig(corpusDir('HSLdevcom__jore4-hasura'), {
      HASURA_GRAPHQL_MIGRATIONS_DIRECTORY: 'migrations/hsl',
    })
    expect(config.overrides).toEqual(['HASURA_GRAPHQL_MIGRATIONS_DIRECTORY'])
    expect(byDatabase(config)).toEqual({
      default: { count: 13, first: 1000000001000n, last: 2000000001001n, withUp: 13, withDown: 13 },
      main: { count: 12, first: 999999999999n, last: 2000000010001n, withUp: 12, withDown: 11 },
      timetables: { count: 15, first: 1676027954830n, last: 2000000000105n, withUp: 15, withDown: 15 },
    })
    const first = find(readMigrations(config, 'main'), 999999999999n)
    expect(first?.name).toBe('R_before_migrate')
    expect(first?.up?.sql?.path).toBe('migrations/hsl/main/0999999999999_R_before_migrate/up.sql')
  })

  it('Mission-Prerna/nl-hasura-migrations (config 3): dots in 11 names, 0-byte downs, a 1.6 MB file', async () => {
    const config = readConfig(corpusDir('Mission-Prerna__nl-hasura-migrations'), {})
    expect(config.version).toBe(3)
    expect(config.adminSecret).toBeUndefined() // `admin_secret:` with no value
    const db = readMigrations(config, 'default')
    // 466 down.sql files, 5 of them 0 bytes; the first migration (init) has none.
    expect(facts(db)).toEqual({
      count: 467,
      first: 1678775808546n,
      last: 1732704324364n,
      withUp: 467,
      withDown: 461,
    })
    expect(listDatabases(config)).toEqual(['default'])
    expect(db.migrations.filter((m) => m.name.includes('.')).map((m) => m.name)).toHaveLength(11)
    expect(find(db, 1678789252425n)?.name).toBe('populate_school_list.district_id_column')
    const big = find(db, 1680515074773n)
    expect(Buffer.byteLength(big?.up?.sql?.text ?? '')).toBe(1577020)
    expect(big?.down).toBeUndefined() // its down.sql is 0 bytes
    const placeholders = db.migrations.filter((m) => {
      const t = m.down?.sql?.text ?? 'x'
      return t.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('--'))
    })
    expect(placeholders).toHaveLength(138)

    const md = await buildMetadata(config)
    const [source] = md?.metadata.sources as { name: string; tables: { table: { name: string } }[] }[]
    expect(source?.tables).toHaveLength(107)
    expect(source?.tables.map((t) => t.table.name)).toContain('new schools _2023_07_25')
    expect(md?.files).toContain('metadata/databases/default/tables/public_new schools _2023_07_25.yaml')
  })

  it('Lucy-Family-Institute/pace-admin (config 2): down.yaml ignored, placeholder downs kept', async () => {
    const config = readConfig(corpusDir('Lucy-Family-Institute__pace-admin'), {})
    expect(config.version).toBe(2)
    const db = readMigrations(config, 'default')
    // 156 up.sql, 126 down.sql; the 29 down.yaml files count for nothing in config 2.
    expect(facts(db)).toEqual({
      count: 156,
      first: 1574432601495n,
      last: 1731180222276n,
      withUp: 156,
      withDown: 126,
    })
    expect(find(db, 1574435371480n)?.down).toBeUndefined() // has only down.yaml
    const placeholder = find(db, 1631316883279n)?.down?.sql?.text
    expect(placeholder).toMatch(/^-- Could not auto-generate a down migration\./)

    const md = await buildMetadata(config)
    expect(Object.keys(md?.metadata ?? {})).toEqual([
      'version',
      'tables',
      'functions',
      'remote_schemas',
      'query_collections',
      'allowlist',
      'cron_triggers',
    ])
    expect(md?.metadata.version).toBe(2)
    expect(md?.metadata.tables).toHaveLength(35)
  })

  it('mapofzones/database-hasura (config 2): a space in one name', async () => {
    const config = readConfig(corpusDir('mapofzones__database-hasura'), {})
    const db = readMigrations(config, 'default')
    // 216 down.sql files, one of them 0 bytes.
    expect(facts(db)).toEqual({
      count: 309,
      first: 1590520300687n,
      last: 1705388829747n,
      withUp: 309,
      withDown: 215,
    })
    const spaced = find(db, 1606257378570n)
    expect(spaced?.name).toBe('get_total_stats returns temp table fix')
    expect(spaced?.up?.sql?.path).toBe(
      'migrations/1606257378570_get_total_stats returns temp table fix/up.sql',
    )
    expect((await buildMetadata(config))?.metadata.tables).toHaveLength(42)
  })

  it('realtime-chat-v1 (config 1, no version key): flat up.yaml steps are parsed', async () => {
    const config = readConfig(corpusDir('hasura__graphql-engine__realtime-chat-v1'), {})
    expect(config.version).toBe(1)
    const db = readMigrations(config, 'default')
    expect(facts(db)).toEqual({
      count: 6,
      first: 1538574154394n,
      last: 1538576442041n,
      withUp: 6,
      withDown: 2,
    })
    expect(db.migrations.map((m) => m.up?.yaml?.steps.map((s) => s.type))).toEqual([
      ['run_sql', 'add_existing_table_or_view'],
      ['run_sql'],
      ['run_sql', 'add_existing_table_or_view'],
      ['run_sql', 'add_existing_table_or_view'],
      ['run_sql'],
      ['run_sql'],
    ])
    const first = db.migrations[0]
    expect(first?.up?.yaml?.path).toBe('migrations/1538574154394_create_table_public_message.up.yaml')
    expect(first?.up?.yaml?.steps[1]).toEqual({
      type: 'add_existing_table_or_view',
      args: { name: 'message', schema: 'public' },
      line: 6,
    })
    expect(first?.down?.yaml?.steps).toEqual([
      { type: 'run_sql', args: { sql: 'DROP TABLE public."message"' }, line: 1 },
    ])
    expect(db.migrations.every((m) => !m.up?.sql && !m.down?.sql)).toBe(true)
    expect(await buildMetadata(config)).toBeUndefined()
  })

  it('nhost/hasura-backend-plus has no config.yaml: the read fails clearly', () => {
    const dir = corpusDir('nhost__hasura-backend-plus')
    const e = errorOf(() => readConfig(dir, {}))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain(`no config.yaml in ${dir.replace(/\/$/, '')}`)
    expect(e.message).toContain("set the 'project-dir' input to the directory that holds config.yaml")
  })
})

describeShared("Hasura's own test projects", () => {
  const project = (rel: string) => readConfig(fixturesDir(rel), {})

  it('config-v1-test-project: no version key, directory-layout up.yaml/down.yaml, migrations/metadata.yaml', async () => {
    const config = project('cli/commands/testdata/config-v1-test-project')
    expect(config.version).toBe(1)
    expect(byDatabase(config)).toEqual({
      default: { count: 3, first: 1626431381198n, last: 1626431394139n, withUp: 3, withDown: 3 },
    })
    const [m] = readMigrations(config, 'default').migrations
    expect(m?.up?.yaml?.path).toBe('migrations/1626431381198_create_table_public_t1/up.yaml')
    expect(m?.up?.yaml?.steps.map((s) => s.type)).toEqual(['run_sql', 'add_existing_table_or_view'])
    const md = await buildMetadata(config)
    expect(md?.files).toEqual(['migrations/metadata.yaml'])
    expect(md?.metadata.version).toBe(2)
  })

  it('config-v2-test-project: 7 migrations', () => {
    expect(byDatabase(project('cli/commands/testdata/config-v2-test-project'))).toEqual({
      default: { count: 7, first: 1620138136207n, last: 1620138199344n, withUp: 7, withDown: 7 },
    })
  })

  it('config-v3-test-project: database pg, one 808 KB Chinook migration', () => {
    const config = project('cli/commands/testdata/config-v3-test-project')
    expect(byDatabase(config)).toEqual({
      pg: { count: 1, first: 1622047079431n, last: 1622047079431n, withUp: 1, withDown: 1 },
    })
    const [m] = readMigrations(config, 'pg').migrations
    expect(m?.name).toBe('chinook')
    expect(Buffer.byteLength(m?.up?.sql?.text ?? '')).toBe(808398)
  })

  it('pkg/migrate projectv2 and projectv3 (databases s1, s2)', () => {
    expect(byDatabase(project('cli/pkg/migrate/testdata/projectv2'))).toEqual({
      default: { count: 5, first: 1623842054907n, last: 1623842087940n, withUp: 5, withDown: 5 },
    })
    const v3 = { count: 5, first: 1623841477474n, last: 1623841510619n, withUp: 5, withDown: 5 }
    expect(byDatabase(project('cli/pkg/migrate/testdata/projectv3'))).toEqual({ s1: v3, s2: v3 })
  })

  it('integration_test v2/v3 have no config.yaml: their flat files read through a config 2/3 model', () => {
    expect(() => readConfig(fixturesDir('cli/integration_test/v2'), {})).toThrow(/no config.yaml/)
    const flat = { count: 2, first: 1n, last: 2n, withUp: 2, withDown: 2 }
    expect(facts(readMigrations(configFor(fixturesDir('cli/integration_test/v2'), 2), 'default'))).toEqual(
      flat,
    )
    const v3 = readMigrations(configFor(fixturesDir('cli/integration_test/v3'), 3), 'default')
    expect(facts(v3)).toEqual(flat)
    expect(v3.migrations.map((m) => m.name)).toEqual(['create_table_test', 'add_table_test'])
    expect(v3.migrations[0]?.up?.sql?.path).toBe('migrations/default/1_create_table_test.up.sql')
  })

  it('migrate-squash-test: 50 migrations', () => {
    const config = configFor(fixturesDir('cli/commands/testdata/migrate-squash-test'), 2)
    expect(facts(readMigrations(config, 'default'))).toEqual({
      count: 50,
      first: 1588172667957n,
      last: 1588172670820n,
      withUp: 50,
      withDown: 50,
    })
  })
})

describeShared(
  'metadata goldens (cli/pkg/metadata project_metadata_test.go TestProjectMetadataOps_Parse)',
  () => {
    const golden = (name: string): unknown =>
      JSON.parse(readFileSync(fixturesDir(`cli/pkg/metadata/testdata/metadata_parse_test/${name}`), 'utf8'))
    const built = async (rel: string) =>
      await buildMetadata(readConfig(fixturesDir(`cli/pkg/metadata/testdata/${rel}`), {}))

    // The Go test maps each project directory to its golden file.
    it.each([
      ['projectv3', 'config-v3.project.want.generated.golden.json'],
      ['projectv3-file-mode-json', 'config-v3.golden.json'],
      ['projectv3-file-mode-yaml', 'config-v3.golden.json'],
      ['projectv2', 'config-v2.project.want.generated.golden.json'],
      ['projectv2-file-mode-json', 'config-v2.golden.json'],
      ['projectv2-file-mode-yaml', 'config-v2.golden.json'],
    ])('%s builds %s', async (project, goldenFile) => {
      expect((await built(project))?.metadata).toEqual(golden(goldenFile))
    })

    it('projectv3: the includes were followed and the key order is the CLI order', async () => {
      const md = await built('projectv3')
      expect(Object.keys(md?.metadata ?? {})).toEqual([
        'version',
        'sources',
        'remote_schemas',
        'query_collections',
        'allowlist',
        'cron_triggers',
      ])
      expect(md?.files).toContain('metadata/databases/default/tables/public_t2.yaml')
    })

    it('sources build_test/t1: every !include variant (tag, string, spaces, escaped quotes)', async () => {
      const dir = fixturesDir('cli/internal/metadataobject/sources/testdata/build_test/t1')
      const want = JSON.parse(readFileSync(`${dir}/want.golden.json`, 'utf8')) as unknown
      const md = await buildMetadata(configFor(dir, 3))
      expect(md?.metadata).toEqual(want)
      expect(md?.files).toContain('metadata/databases/s 5/functions/public_get_t2.yaml')
    })
  },
)
