/**
 * No false positives: each real project whose migrations apply on plain PostgreSQL (the corpus, and
 * Hasura's own test projects) is migrated with `psql -1`, and its metadata verified on the snapshot of
 * what that leaves. Zero problems, or exactly the problems written down here, each a real
 * inconsistency of that project with the reason it is one.
 */
import { join } from 'node:path'
import { afterAll, expect, it, vi } from 'vitest'
import { takeSnapshot } from '../../../src/catalog/snapshot.js'
import type { CatalogSnapshot } from '../../../src/catalog/types.js'
import { listDatabases, readConfig, readMigrations } from '../../../src/project/index.js'
import { metadataLocator } from '../../../src/project/metadata-locations.js'
import { buildMetadata } from '../../../src/project/metadata.js'
import { trackedSources } from '../../../src/review/tracked-metadata.js'
import { verifyMetadata } from '../../../src/review/verify-metadata.js'
import { createDatabase, query } from '../../support/database.js'
import { psqlOne } from '../../support/psql.js'
import { corpusDir, describeShared, fixturesDir } from '../../support/shared.js'

vi.setConfig({ testTimeout: 180_000 })

type Db = Awaited<ReturnType<typeof createDatabase>>
const databases: Db[] = []
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()))
})

interface Expected {
  /** `type name: reason` of each problem, and why it is a real inconsistency of the project. */
  problems: { problem: string; why: string }[]
}

interface Project {
  label: string
  dir: string
  expected: Expected
  /** Source → its migrations directory, where the names differ (default: the same name). */
  migrationsOf?: Record<string, string>
}

/**
 * Not here: HSLdevcom__jore4-hasura needs PostGIS (not installed with the test cluster),
 * Mission-Prerna__nl-hasura-migrations needs TimescaleDB from migration 319 on, nhost__hasura-backend-plus
 * keeps its metadata in YAML migration steps, hasura__graphql-engine__realtime-chat-v1 is not runnable.
 */
const PROJECTS: Project[] = [
  {
    label: 'corpus/andrewMacmurray__realworld-hasura',
    dir: corpusDir('andrewMacmurray__realworld-hasura'),
    expected: { problems: [] },
  },
  {
    label: 'corpus/Lucy-Family-Institute__pace-admin',
    dir: corpusDir('Lucy-Family-Institute__pace-admin'),
    expected: { problems: [] },
  },
  {
    label: 'corpus/mapofzones__database-hasura',
    dir: corpusDir('mapofzones__database-hasura'),
    expected: { problems: [] },
  },
  {
    label: 'fixtures/config-v2-test-project',
    dir: fixturesDir('cli/commands/testdata/config-v2-test-project'),
    expected: { problems: [] },
  },
  {
    label: 'fixtures/config-v3-test-project',
    dir: fixturesDir('cli/commands/testdata/config-v3-test-project'),
    expected: { problems: [] },
  },
  {
    label: 'fixtures/projectv2',
    dir: fixturesDir('cli/pkg/migrate/testdata/projectv2'),
    expected: { problems: [] },
  },
  {
    label: 'fixtures/projectv3',
    dir: fixturesDir('cli/pkg/migrate/testdata/projectv3'),
    expected: { problems: [] },
    // Its metadata tracks t1…t4 in source `default`; the migrations creating them are under `s2`.
    migrationsOf: { default: 's2' },
  },
]

async function verifyProject({ dir, migrationsOf = {} }: Project) {
  const config = readConfig(dir, {})
  const built = await buildMetadata(config)
  if (!built) throw new Error(`${dir} has no metadata`)
  const withMigrations = new Set(listDatabases(config))
  const catalogs = new Map<string, CatalogSnapshot>()
  for (const source of trackedSources(built.metadata)) {
    const directory = migrationsOf[source.name] ?? source.name
    const migrations = withMigrations.has(directory) ? readMigrations(config, directory).migrations : []
    const files = migrations.filter((m) => m.up?.sql).map((m) => join(dir, m.up!.sql!.path))
    const db = await createDatabase('vcorpus')
    databases.push(db)
    if (files.length > 0) await psqlOne(db.url, files)
    catalogs.set(
      source.name,
      await takeSnapshot(async (sql) => {
        const [row] = await query(db.url, sql)
        return String(Object.values(row ?? {})[0])
      }),
    )
  }
  const tracked = trackedSources(built.metadata).reduce((n, s) => n + s.tables.length, 0)
  return { ...verifyMetadata(built.metadata, catalogs, { locate: metadataLocator(config) }), tracked }
}

describeShared('metadata verification of real projects: no false positives', () => {
  it.each(PROJECTS)('$label', async (project) => {
    const result = await verifyProject(project)
    for (const p of result.problems)
      console.log(`[verify] ${p.file}:${p.line} ${p.type} ${p.name}: ${p.reason}`)
    expect(result.problems.map((p) => `${p.type} ${p.name}: ${p.reason}`)).toEqual(
      project.expected.problems.map((p) => p.problem),
    )
  })
})
