/**
 * Drift through dist/index.js, against the Hasura API test server: after a deploy an untouched server is
 * `drift=none`; a permission granted through the metadata API is reported with its role and table; a
 * column added by hand is reported by name; `drift: fail` exits 1 before a pending migration runs; an
 * applied file edited since is an annotation on that file with both hashes.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/drift/ledger.js'
import { runDistAction, type ActionRun } from '../support/action-runner.js'
import { createDatabase, query } from '../support/database.js'
import { startHasuraServer, type HasuraServer } from '../support/hasura-server/index.js'
import { repoRoot } from '../support/shared.js'
import { tempDir } from '../support/temp-dir.js'

const SECRET = 'adm1n-S3cret-hma-drift-Zp4'
const log = (r: ActionRun): string => r.stdout + r.stderr

let db: { url: string; drop(): Promise<void> }
let server: HasuraServer
let workspace: string
let inputs: Record<string, string>

async function metadataCall(body: unknown): Promise<unknown> {
  const r = await fetch(`${server.url}/v1/metadata`, {
    method: 'POST',
    headers: { 'x-hasura-admin-secret': SECRET },
    body: JSON.stringify(body),
  })
  const answer = await r.json()
  if (!r.ok) throw new Error(JSON.stringify(answer))
  return answer
}

beforeAll(async () => {
  db = await createDatabase('e2e_drift')
  server = await startHasuraServer({ databaseUrl: db.url, adminSecret: SECRET })
  workspace = tempDir('hma-e2e-drift-')
  cpSync(join(repoRoot, 'examples', 'project'), join(workspace, 'hasura'), { recursive: true })
  inputs = { 'project-dir': 'hasura', endpoint: server.url, 'admin-secret': SECRET }
})

afterAll(async () => {
  await server?.close()
  await db?.drop()
})

describe('drift through the action (Hasura)', () => {
  it('none after a deploy; metadata and schema changed by hand are reported; drift: fail stops before anything runs', async () => {
    const deploy = await runDistAction({ cwd: workspace, inputs })
    expect(deploy.code, log(deploy)).toBe(0)
    // nothing recorded yet for the metadata: the first deploy cannot say
    expect(deploy.outputs.drift).toBe('not-checked')

    const untouched = await runDistAction({ cwd: workspace, inputs: { ...inputs, 'dry-run': 'plan' } })
    expect(untouched.code, log(untouched)).toBe(0)
    expect(untouched.outputs.drift, untouched.summary).toBe('none')

    // someone grants anonymous access in the console, and adds a column by hand
    const exported = (await metadataCall({ type: 'export_metadata', version: 2, args: {} })) as {
      metadata: { sources: { tables: { table: { name: string }; select_permissions?: unknown[] }[] }[] }
    }
    const metadata = exported.metadata
    const authors = metadata.sources[0].tables.find((t) => t.table.name === 'authors')!
    authors.select_permissions = [
      ...(authors.select_permissions ?? []),
      { role: 'anonymous', permission: { columns: ['id'], filter: {} } },
    ]
    await metadataCall({ type: 'replace_metadata', version: 2, args: { metadata } })
    await query(db.url, 'ALTER TABLE public.authors ADD COLUMN nickname text')
    const plan = await runDistAction({ cwd: workspace, inputs: { ...inputs, 'dry-run': 'plan' } })
    expect(plan.code, log(plan)).toBe(0)
    expect(plan.outputs.drift).toBe('found')
    expect(plan.summary).toContain('### Drift')
    expect(plan.summary).toContain('select permission on public.authors granted to role anonymous')
    expect(plan.summary).toContain('`authors.nickname`')
    const report = JSON.parse(plan.outputs.report) as { drift: { metadata: { status: string } } }
    expect(report.drift.metadata.status).toBe('changed')

    // a pending migration does not run when drift: fail finds drift
    const pending = join(workspace, 'hasura/migrations/default/1700000400000_later')
    mkdirSync(pending, { recursive: true })
    writeFileSync(join(pending, 'up.sql'), 'CREATE TABLE public.later (id int);\n')
    const stopped = await runDistAction({ cwd: workspace, inputs: { ...inputs, drift: 'fail' } })
    expect(stopped.code, log(stopped)).toBe(1)
    expect(stopped.outputs.drift).toBe('found')
    expect(stopped.annotations.some((a) => a.startsWith('::error') && a.includes('drift found'))).toBe(true)
    expect(await query(db.url, "SELECT to_regclass('public.later')::text AS t")).toEqual([{ t: null }])
  })

  it('an applied file edited since: a warning on the file with both hashes', async () => {
    const file = join(workspace, 'hasura/migrations/default/1700000000000_create_authors/up.sql')
    const before = readFileSync(file, 'utf8')
    const after = `-- edited after it was applied\n${before}`
    writeFileSync(file, after)
    const plan = await runDistAction({ cwd: workspace, inputs: { ...inputs, 'dry-run': 'plan' } })
    expect(plan.code, log(plan)).toBe(0)
    expect(plan.outputs.drift).toBe('found')
    const warning = plan.annotations.find((a) => a.includes('edited-after-apply'))
    expect(warning).toContain('file=hasura/migrations/default/1700000000000_create_authors/up.sql')
    expect(warning).toContain(sha256Hex(before))
    expect(warning).toContain(sha256Hex(after))
  })
})
