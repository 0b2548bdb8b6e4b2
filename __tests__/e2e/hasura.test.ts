/** dist/index.js run as GitHub runs it, against the Hasura API test server on the harness's PostgreSQL. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateHasuraProject, versionOf } from '../../bench/generate.js'
import { capturedTexts, runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { startHasuraServer, type HasuraServer } from '../support/hasura-server/index.js'
import { repoRoot } from '../support/shared.js'
import { tempDir } from '../support/temp-dir.js'

// distinctive: a leak anywhere is found by a plain substring search
const SECRET = 'adm1n-S3cret-hma-e2e-Kq7wZ'
const EXAMPLE = join(repoRoot, 'examples', 'project')
const EXAMPLE_VERSIONS = ['1700000000000', '1700000100000', '1700000200000', '1700000300000']

interface Env {
  db: { name: string; url: string; drop(): Promise<void> }
  server: HasuraServer
}

async function start(): Promise<Env> {
  const db = await createDatabase('e2e_hasura')
  const server = await startHasuraServer({
    databaseUrl: db.url,
    adminSecret: SECRET,
    env: { HASURA_GRAPHQL_DATABASE_URL: db.url },
  })
  return { db, server }
}

const log = (r: ActionRun): string => r.stdout + r.stderr
const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.startsWith('::error'))

/** Requests the server saw since `from`, as `path type` strings. */
const since = (server: HasuraServer, from: number): string[] =>
  server.requests.slice(from).map((r) => `${r.path} ${r.type ?? ''}`.trim())

interface ExportedMetadata {
  sources: { name: string; tables: { table: { schema: string; name: string } }[] }[]
}

async function exportMetadata(server: HasuraServer): Promise<ExportedMetadata> {
  const r = await fetch(`${server.url}/v1/metadata`, {
    method: 'POST',
    headers: { 'x-hasura-admin-secret': SECRET },
    body: JSON.stringify({ type: 'export_metadata', version: 1, args: {} }),
  })
  return (await r.json()) as ExportedMetadata
}

const trackedTables = (m: ExportedMetadata): string[] =>
  m.sources.flatMap((s) => s.tables.map((t) => `${s.name}:${t.table.schema}.${t.table.name}`)).sort()

async function cliState(env: Env): Promise<{ migrations?: Record<string, Record<string, boolean>> }> {
  const rows = await query<{ cli_state: { migrations?: Record<string, Record<string, boolean>> } }>(
    env.server.metadataDatabaseUrl,
    'SELECT cli_state FROM hdb_catalog.hdb_version',
  )
  expect(rows).toHaveLength(1)
  return rows[0].cli_state
}

async function publicTables(env: Env): Promise<string[]> {
  const rows = await query<{ t: string }>(
    env.db.url,
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  )
  return rows.map((r) => r.t)
}

/** The example project whose metadata also tracks `public.ghosts`, which no migration creates. */
function copyExampleWithGhosts(): { workspace: string; dir: string } {
  const copy = copyExample()
  const tables = join(copy.dir, 'metadata/databases/default/tables')
  writeFileSync(join(tables, 'public_ghosts.yaml'), 'table:\n  name: ghosts\n  schema: public\n')
  writeFileSync(
    join(tables, 'tables.yaml'),
    '- "!include public_authors.yaml"\n- "!include public_articles.yaml"\n- "!include public_ghosts.yaml"\n',
  )
  return copy
}

/** A copy of the example project in a workspace of its own, at `<workspace>/hasura`. */
function copyExample(): { workspace: string; dir: string } {
  const workspace = tempDir('hma-e2e-hasura-')
  const dir = join(workspace, 'hasura')
  cpSync(EXAMPLE, dir, { recursive: true })
  return { workspace, dir }
}

describe('the action against a Hasura GraphQL Engine (test server)', () => {
  let env: Env
  beforeEach(async () => {
    env = await start()
  })
  afterEach(async () => {
    await env.server.close()
    await env.db.drop()
  })

  it('config 3: applies the example project, records the catalog state, applies the metadata; a second run is cheap', async () => {
    // the drift check's reads are counted in drift.test.ts; here the apply's own requests
    const inputs = {
      'project-dir': 'examples/project',
      endpoint: env.server.url,
      'admin-secret': SECRET,
      drift: 'off',
    }
    const first = await runDistAction({ inputs })
    expect(first.code, log(first)).toBe(0)
    expect(JSON.parse(first.outputs['applied-versions'])).toEqual(EXAMPLE_VERSIONS)
    expect(JSON.parse(first.outputs.applied)).toEqual({ default: EXAMPLE_VERSIONS })
    expect(first.outputs['current-version']).toBe('1700000300000')
    expect(first.outputs.metadata).toBe('applied')
    expect(await publicTables(env)).toEqual(['articles', 'authors'])
    expect(
      await query(env.db.url, "SELECT 1 FROM pg_proc WHERE proname = 'article_word_count'"),
    ).toHaveLength(1)
    expect((await cliState(env)).migrations).toEqual({
      default: Object.fromEntries(EXAMPLE_VERSIONS.map((v) => [v, false])),
    })
    // config 3 keeps its state in the catalog, not in a table of the source
    expect(await query(env.db.url, "SELECT to_regclass('hdb_catalog.schema_migrations')::text AS t")).toEqual(
      [{ t: null }],
    )
    expect(trackedTables(await exportMetadata(env.server))).toEqual([
      'default:public.articles',
      'default:public.authors',
    ])
    const report = JSON.parse(first.outputs.report) as {
      target: { kind: string; serverVersion?: string }
      safety?: { withCatalog: string[] }
      metadataChanges?: { base: { from: string } }
    }
    expect(report.target).toMatchObject({ kind: 'hasura', serverVersion: 'v2.48.16' })
    // the review read the server: its catalog for the safety rules, its metadata for the changes
    expect(report.safety?.withCatalog).toEqual(['default'])
    expect(report.metadataChanges?.base.from).toBe('server')
    const changes = JSON.parse(first.outputs['metadata-changes']) as Record<string, { kind: string }[]>
    expect(changes.default.filter((c) => c.kind === 'table')).toHaveLength(2)
    // the secret went only into the header
    const sent = env.server.requests.filter((r) => r.path !== '/v1/version')
    expect(sent.every((r) => r.headers['x-hasura-admin-secret'] === SECRET)).toBe(true)
    expect(JSON.stringify(env.server.requests.map((r) => r.body))).not.toContain(SECRET)

    const from = env.server.requests.length
    const second = await runDistAction({ inputs })
    expect(second.code, log(second)).toBe(0)
    expect(JSON.parse(second.outputs['applied-versions'])).toEqual([])
    expect(second.outputs.metadata).toBe('applied')
    expect((await cliState(env)).migrations?.default).toEqual(
      Object.fromEntries(EXAMPLE_VERSIONS.map((v) => [v, false])),
    )
    // Measured 13: version, two server probes (export_metadata on /v1/query and /v1/metadata), the
    // server's metadata for the metadata changes (export_metadata), one state read (run_sql +
    // get_catalog_state), the schema the metadata is checked against (run_sql: nothing to migrate, but
    // the metadata is applied), then metadata (export, replace, reload, inconsistencies) and its digest
    // recorded in the ledger (export, run_sql). One request of headroom.
    const requests = since(env.server, from)
    expect(requests.filter((r) => r.endsWith('run_sql'))).toHaveLength(3)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(14)
  })

  it('config 2: records the state in hdb_catalog.schema_migrations through run_sql and applies the metadata', async () => {
    const dir = tempDir('hma-e2e-config2-')
    writeFileSync(join(dir, 'config.yaml'), 'version: 2\nmetadata_directory: metadata\n')
    const migrations: [string, string][] = [
      [
        '1650000000001_create_owners',
        'CREATE TABLE public.owners (id serial PRIMARY KEY, name text NOT NULL);',
      ],
      [
        '1650000000002_create_pets',
        'CREATE TABLE public.pets (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES public.owners (id));',
      ],
      ['1650000000003_pet_names', 'ALTER TABLE public.pets ADD COLUMN name text;'],
    ]
    for (const [name, up] of migrations) {
      mkdirSync(join(dir, 'migrations', name), { recursive: true })
      writeFileSync(join(dir, 'migrations', name, 'up.sql'), up + '\n')
      writeFileSync(join(dir, 'migrations', name, 'down.sql'), '-- nothing\n')
    }
    mkdirSync(join(dir, 'metadata'))
    writeFileSync(join(dir, 'metadata', 'version.yaml'), 'version: 2\n')
    writeFileSync(
      join(dir, 'metadata', 'tables.yaml'),
      '- table:\n    schema: public\n    name: owners\n- table:\n    schema: public\n    name: pets\n',
    )
    const inputs = { 'project-dir': dir, endpoint: env.server.url, 'admin-secret': SECRET }
    const r = await runDistAction({ inputs })
    expect(r.code, log(r)).toBe(0)
    const versions = migrations.map(([n]) => n.split('_')[0])
    expect(JSON.parse(r.outputs['applied-versions'])).toEqual(versions)
    expect(r.outputs.metadata).toBe('applied')
    expect(
      await query(env.db.url, 'SELECT version::text, dirty FROM hdb_catalog.schema_migrations ORDER BY 1'),
    ).toEqual(versions.map((version) => ({ version, dirty: false })))
    expect(await query(env.db.url, 'SELECT setting, value FROM hdb_catalog.migration_settings')).toEqual([
      { setting: 'migration_mode', value: 'true' },
    ])
    expect((await cliState(env)).migrations).toBeUndefined()
    expect(await publicTables(env)).toEqual(['owners', 'pets'])
    expect(trackedTables(await exportMetadata(env.server))).toEqual([
      'default:public.owners',
      'default:public.pets',
    ])
    // every state read and write went through the API (run_sql), none through a database connection
    expect(env.server.requests.some((r) => r.type === 'run_sql')).toBe(true)

    const again = await runDistAction({ inputs })
    expect(again.code, log(again)).toBe(0)
    expect(JSON.parse(again.outputs['applied-versions'])).toEqual([])
  })

  it('200 pending migrations take at most 12 HTTP requests in all', async () => {
    const dir = tempDir('hma-e2e-200-')
    generateHasuraProject(dir, 200)
    // the drift check's reads are counted in drift.test.ts; here the apply's own requests
    const r = await runDistAction({
      inputs: { 'project-dir': dir, endpoint: env.server.url, 'admin-secret': SECRET, drift: 'off' },
    })
    expect(r.code, log(r)).toBe(0)
    expect(r.outputs['applied-count']).toBe('200')
    const requests = since(env.server, 0)
    // the acceptance (version, probes, the server's metadata for the metadata changes, the state
    // read as run_sql + get_catalog_state, the catalog snapshot before (safety rules and schema changes),
    // the rehearsal the metadata check reads, one apply)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(12)
    expect(requests.filter((r) => r.endsWith('run_sql'))).toHaveLength(4)
    expect(
      await query(env.db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"),
    ).toEqual([{ n: 200 }])
    const state = (await cliState(env)).migrations?.default ?? {}
    expect(Object.keys(state)).toHaveLength(200)
    expect(state[versionOf(199).toString()]).toBe(false)
  })

  it('metadata naming a table no migration creates: caught before anything commits, by default', async () => {
    const { workspace } = copyExampleWithGhosts()
    const inputs = { 'project-dir': 'hasura', endpoint: env.server.url, 'admin-secret': SECRET }
    const caught = await runDistAction({ cwd: workspace, inputs })
    expect(caught.code, log(caught)).toBe(1)
    expect(errors(caught)).toHaveLength(1)
    expect(errors(caught)[0]).toContain('ghosts')
    expect(errors(caught)[0]).toContain('public_ghosts.yaml')
    expect(JSON.parse(caught.outputs['applied-versions'])).toEqual([])
    expect(JSON.parse(caught.outputs['metadata-problems'])).toMatchObject([
      { database: 'default', type: 'table', file: 'metadata/databases/default/tables/public_ghosts.yaml' },
    ])
    expect(await publicTables(env)).toEqual([])
    expect((await cliState(env)).migrations?.default ?? {}).toEqual({})
  })

  it('verify-metadata off: the server finds the metadata inconsistent after the migrations; allowed, it passes as inconsistent', async () => {
    const { workspace } = copyExampleWithGhosts()
    const inputs = {
      'project-dir': 'hasura',
      endpoint: env.server.url,
      'admin-secret': SECRET,
      'verify-metadata': 'off',
    }
    const refused = await runDistAction({ cwd: workspace, inputs })
    expect(refused.code, log(refused)).toBe(1)
    expect(refused.outputs.metadata).toBe('failed')
    // the migrations committed before the metadata and stay applied
    expect(JSON.parse(refused.outputs['applied-versions'])).toEqual(EXAMPLE_VERSIONS)
    expect(errors(refused)).toHaveLength(1)
    expect(errors(refused)[0]).toContain('metadata is inconsistent')
    expect(errors(refused)[0]).toContain('ghosts')
    expect(refused.summary).toContain('ghosts')
    // the server kept its metadata: nothing of the refused replace landed
    expect(trackedTables(await exportMetadata(env.server))).not.toContain('default:public.ghosts')

    const allowed = await runDistAction({
      cwd: workspace,
      inputs: { ...inputs, 'allow-inconsistent-metadata': 'true' },
    })
    expect(allowed.code, log(allowed)).toBe(0)
    expect(allowed.outputs.metadata).toBe('inconsistent')
    expect(JSON.parse(allowed.outputs['applied-versions'])).toEqual([])
    const report = JSON.parse(allowed.outputs.report) as {
      metadata: { inconsistentObjects: { type: string; name: string }[] }
    }
    expect(report.metadata.inconsistentObjects.map((o) => o.name).join(' ')).toContain('ghosts')
    expect(trackedTables(await exportMetadata(env.server))).toContain('default:public.ghosts')
  })

  it('a wrong admin secret fails with one error line and the secret is nowhere (nor a password in the endpoint)', async () => {
    const wrong = 'wr0ng-Adm1n-Secret-e2e-Zz93'
    const endpointPassword = 'En9-pw-e2e-Qq7'
    const endpoint = env.server.url.replace('://', `://ops:${endpointPassword}@`)
    const r = await runDistAction({
      inputs: { 'project-dir': 'examples/project', endpoint, 'admin-secret': wrong },
    })
    expect(r.code, log(r)).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(errors(r)[0]).toMatch(/admin-secret|access-denied|401/)
    expect(r.stdout).toContain(`::add-mask::${wrong}`)
    expect(r.stdout).toContain(`::add-mask::${endpointPassword}`)
    const everything = capturedTexts(r).join('\n')
    expect(everything).not.toContain(wrong)
    expect(everything).not.toContain(SECRET)
    expect(everything).not.toContain(endpointPassword)
    expect(everything).toContain('ops:***@') // the endpoint is still named
    expect(await publicTables(env)).toEqual([])
  })

  it('a proxy answering 502 HTML after the apply committed: the action reads the state, finds it committed, and says so', async () => {
    const dir = tempDir('hma-e2e-502-')
    generateHasuraProject(dir, 3)
    // run_sql: the state read, the catalog snapshot before, the rehearsal the metadata check reads; the
    // fourth is the apply, whose answer the proxy replaces (the drift check, off here, would read first)
    for (let i = 0; i < 3; i++)
      env.server.faults.next({ kind: 'delay', ms: 0, match: { path: '/v2/query', type: 'run_sql' } })
    env.server.faults.next({
      kind: 'html',
      status: 502,
      when: 'after',
      match: { path: '/v2/query', type: 'run_sql' },
    })
    const inputs = { 'project-dir': dir, endpoint: env.server.url, 'admin-secret': SECRET, drift: 'off' }
    const versions = [0, 1, 2].map((i) => versionOf(i).toString())
    const first = await runDistAction({ inputs })
    expect(first.code, log(first)).toBe(0)
    expect(env.server.faults.pending).toBe(0)
    expect(env.server.requests.find((r) => r.fault === 'html')?.type).toBe('run_sql')
    expect(first.stdout).toMatch(/HTTP 502 .*answered HTML.*the transaction committed/)
    expect(JSON.parse(first.outputs['applied-versions'])).toEqual(versions)

    const from = env.server.requests.length
    const again = await runDistAction({ inputs })
    expect(again.code, log(again)).toBe(0)
    expect(JSON.parse(again.outputs['applied-versions'])).toEqual([])
    expect(since(env.server, from).filter((r) => r.endsWith('run_sql'))).toHaveLength(1)
    expect((await cliState(env)).migrations?.default).toEqual(
      Object.fromEntries(versions.map((v) => [v, false])),
    )
    // each table's 3 rows exist once: each migration ran exactly once
    for (let i = 0; i < 3; i++) {
      const t = `bench_t${String(i).padStart(5, '0')}`
      expect(await query(env.db.url, `SELECT count(*)::int AS n FROM public.${t}`)).toEqual([{ n: 3 }])
    }
  })

  it('a proxy answering 502 HTML to the apply fails with one clear error; a re-run applies each migration once', async () => {
    const dir = tempDir('hma-e2e-502b-')
    generateHasuraProject(dir, 3)
    // past the state read, the catalog snapshot before and the check's rehearsal, to the apply
    for (let i = 0; i < 3; i++)
      env.server.faults.next({ kind: 'delay', ms: 0, match: { path: '/v2/query', type: 'run_sql' } })
    env.server.faults.next({ kind: 'html', status: 502, match: { path: '/v2/query', type: 'run_sql' } })
    const inputs = { 'project-dir': dir, endpoint: env.server.url, 'admin-secret': SECRET, drift: 'off' }
    const failed = await runDistAction({ inputs })
    expect(failed.code, log(failed)).toBe(1)
    expect(env.server.requests.find((r) => r.fault === 'html')?.type).toBe('run_sql')
    expect(errors(failed)).toHaveLength(1)
    expect(errors(failed)[0]).toMatch(/HTTP 502 .*the server or a proxy answered HTML/)
    expect(errors(failed)[0]).toContain('502 Bad Gateway')
    expect(failed.summary).toContain('answered HTML')
    expect(JSON.parse(failed.outputs['applied-versions'])).toEqual([])
    expect(await publicTables(env)).toEqual([])

    const again = await runDistAction({ inputs })
    expect(again.code, log(again)).toBe(0)
    const versions = [0, 1, 2].map((i) => versionOf(i).toString())
    expect(JSON.parse(again.outputs['applied-versions'])).toEqual(versions)
    expect(await publicTables(env)).toEqual(['bench_t00000', 'bench_t00001', 'bench_t00002'])
    expect((await cliState(env)).migrations?.default).toEqual(
      Object.fromEntries(versions.map((v) => [v, false])),
    )
    for (let i = 0; i < 3; i++) {
      const t = `bench_t${String(i).padStart(5, '0')}`
      expect(await query(env.db.url, `SELECT count(*)::int AS n FROM public.${t}`)).toEqual([{ n: 3 }])
    }
  })
})
