/**
 * Metadata drift against a Hasura server: the digest of what the server reports after applying is
 * recorded in the ledger; an untouched server compares equal; a change made on the server (as in the
 * console) is found, and its semantic diff is taken from the commit that was applied — or from the
 * checkout, said so, when a shallow clone lacks that commit.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENSURE_LEDGER_SQL, readLedger, recordMetadataSql } from '../../../src/drift/ledger.js'
import { compareMetadata, serverMetadataOf } from '../../../src/drift/metadata-digest.js'
import { metadataDriftDiff } from '../../../src/drift/metadata-drift.js'
import { buildMetadata, readConfig } from '../../../src/project/index.js'
import { allChanges } from '../../../src/review/metadata-diff.js'
import { HasuraConnection } from '../../../src/targets/hasura/connection.js'
import { HasuraHttp } from '../../../src/targets/hasura/http.js'
import { createDatabase, query } from '../../support/database.js'
import { checkoutCommit, commit, git, originAndClone, write } from '../../support/git-repo.js'
import { startHasuraServer } from '../../support/hasura-server/index.js'

const TABLES = (roles: string[]) => `- table: {schema: public, name: notes}
  select_permissions:
${roles.map((r) => `  - role: ${r}\n    permission: {columns: [id], filter: {}}`).join('\n')}
`

const cleanups: (() => Promise<void> | void)[] = []
let conn: HasuraConnection
let repos: { base: string; origin: string; dev: string }
let applied: string

const exportMetadata = async () =>
  serverMetadataOf(
    await conn.metadata({ type: 'export_metadata', version: 2, args: {} }, false, 'test export'),
  )
const replaceMetadata = async (metadata: unknown) =>
  conn.metadata({ type: 'replace_metadata', version: 2, args: { metadata } }, true, 'test replace')
const ledgerQuery = async (sql: string) =>
  String(
    (await conn.runSql('default', sql, { write: false, readOnly: true, what: 'test read' }))
      .result?.[1]?.[0] ?? '',
  )
const run = { runId: 'r1', runUrl: 'https://github.com/o/r/actions/runs/7' }

beforeAll(async () => {
  const db = await createDatabase('mdrift')
  cleanups.push(() => db.drop())
  await query(db.url, 'CREATE TABLE notes (id int PRIMARY KEY)')
  const server = await startHasuraServer({ databaseUrl: db.url, adminSecret: 's3cret' })
  cleanups.push(() => server.close())
  conn = new HasuraConnection(
    new HasuraHttp({ endpoint: server.url, adminSecret: 's3cret', timeoutMs: 20_000 }),
    'v2',
    2,
  )

  repos = originAndClone('hma-metadata-drift-')
  cleanups.push(() => rmSync(repos.base, { recursive: true, force: true }))
  write(repos.dev, 'hasura/config.yaml', 'version: 2\n')
  write(repos.dev, 'hasura/metadata/version.yaml', 'version: 2\n')
  write(repos.dev, 'hasura/metadata/tables.yaml', TABLES(['user']))
  applied = commit(repos.dev, 'the project as deployed')

  // the deploy: apply the project's metadata, then record the digest of what the server reports
  const built = await buildMetadata(readConfig(join(repos.dev, 'hasura'), {}))
  await conn.metadata({ type: 'replace_metadata', args: built!.metadata }, true, 'deploy')
  const after = await exportMetadata()
  const digest = compareMetadata(undefined, after).current
  await conn.runSql(
    'default',
    `${ENSURE_LEDGER_SQL};\n${recordMetadataSql({ digest: digest.digest, resourceVersion: digest.resourceVersion, commit: applied, ...run })}`,
    { write: true, what: 'recording the metadata digest' },
  )
})

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

describe('metadata drift', () => {
  it('an untouched server compares equal', async () => {
    const { metadata } = await readLedger(ledgerQuery, 'default')
    expect(metadata).toMatchObject({ commit: applied, runUrl: run.runUrl })
    expect(compareMetadata(metadata, await exportMetadata()).status).toBe('unchanged')
  })

  it('a change made on the server is found, with its semantic diff from the applied commit', async () => {
    // the repository moves on (not deployed yet): that is not what the server drifted from
    write(repos.dev, 'hasura/metadata/tables.yaml', TABLES(['user', 'editor']))
    commit(repos.dev, 'an undeployed change')
    git(repos.dev, 'push', '-q', 'origin', 'main')
    // someone grants anonymous access in the console
    const now = await exportMetadata()
    const changed = structuredClone(now.metadata) as {
      sources: { tables: { select_permissions: unknown[] }[] }[]
    }
    changed.sources[0].tables[0].select_permissions.push({
      role: 'anonymous',
      permission: { columns: ['id'], filter: {} },
    })
    await replaceMetadata(changed)

    const server = await exportMetadata()
    const drift = compareMetadata((await readLedger(ledgerQuery, 'default')).metadata, server)
    expect(drift.status).toBe('changed')
    expect(drift.current.resourceVersion).toBeGreaterThan(drift.recorded!.resourceVersion!)

    const config = readConfig(join(repos.dev, 'hasura'), {})
    const diff = await metadataDriftDiff(drift, server, { config, env: {} })
    expect(diff?.base).toEqual({ from: 'applied-commit', commit: applied })
    expect(diff?.note).toBeUndefined()
    const changes = allChanges(diff!.changes)
    expect(changes.map((c) => [c.kind, c.name, c.change, c.widens])).toEqual([
      ['select_permission', 'public.notes/anonymous', 'added', true],
    ])

    // a shallow checkout of the later commit lacks the applied one: the checkout is the base, and it says so
    const head = git(repos.dev, 'rev-parse', 'HEAD')
    const workspace = checkoutCommit(repos.base, repos.origin, head)
    const shallow = await metadataDriftDiff(drift, server, {
      config: readConfig(join(workspace, 'hasura'), {}),
      env: {},
    })
    expect(shallow?.base).toEqual({ from: 'checkout' })
    expect(shallow?.note).toContain(`the applied commit ${applied.slice(0, 7)} could not be read`)
    expect(allChanges(shallow!.changes).map((c) => [c.name, c.change])).toEqual([
      ['public.notes/anonymous', 'added'],
      ['public.notes/editor', 'removed'],
    ])
  })
})
