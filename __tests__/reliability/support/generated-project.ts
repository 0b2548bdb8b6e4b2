/**
 * Generated Hasura projects for the fault and race suites, and the checks that prove a run converged:
 * every migration creates its own table and inserts its version into `public.applied_log` (created by
 * the test, outside the migrations), so a version applied twice leaves two log rows — whatever the state
 * table says.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { query } from '../../support/database.js'
import { tempDir } from '../../support/temp-dir.js'

export interface GeneratedProject {
  /** The workspace (cwd of the action); the project is its `hasura/` directory. */
  workspace: string
  projectDir: 'hasura'
  versions: string[]
}

export interface ProjectOptions {
  count: number
  configVersion: 2 | 3
  /** Extra SQL appended to the up file of the migration at this index (0-based). */
  extra?: Record<number, string>
  /** A first version other than the default (runs sharing one database must not collide). */
  firstVersion?: bigint
}

export const tableOf = (version: string): string => `t_${version}`

export function generateProject(options: ProjectOptions): GeneratedProject {
  const workspace = tempDir('hma-rel-')
  const project = join(workspace, 'hasura')
  const migrations =
    options.configVersion === 3 ? join(project, 'migrations', 'default') : join(project, 'migrations')
  mkdirSync(migrations, { recursive: true })
  writeFileSync(join(project, 'config.yaml'), `version: ${options.configVersion}\n`)
  const first = options.firstVersion ?? 1800000000000n
  const versions: string[] = []
  for (let i = 0; i < options.count; i++) {
    const version = (first + BigInt(i) * 1000n).toString()
    versions.push(version)
    const dir = join(migrations, `${version}_step_${i}`)
    mkdirSync(dir)
    const up = [
      `CREATE TABLE public.${tableOf(version)} (id int);`,
      `INSERT INTO public.applied_log (version) VALUES (${version});`,
      options.extra?.[i] ?? '',
    ].join('\n')
    writeFileSync(join(dir, 'up.sql'), up + '\n')
    writeFileSync(join(dir, 'down.sql'), `DROP TABLE public.${tableOf(version)};\n`)
  }
  return { workspace, projectDir: 'hasura', versions }
}

/** The log table the migrations write to; it lives outside the migrations so that it survives them. */
export async function createAppliedLog(url: string): Promise<void> {
  await query(
    url,
    'CREATE TABLE IF NOT EXISTS public.applied_log (version bigint NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())',
  )
}

export type StateStore = 'schema_migrations' | 'catalog'

export interface DatabaseFacts {
  /** Log rows per version. */
  logged: Map<string, number>
  /** Versions the state store records as applied (and clean). */
  recorded: Set<string>
  /** Versions whose table exists. */
  tables: Set<string>
}

export async function readFacts(url: string, store: StateStore): Promise<DatabaseFacts> {
  const log = await query<{ v: string; n: number }>(
    url,
    'SELECT version::text AS v, count(*)::int AS n FROM public.applied_log GROUP BY version',
  )
  const tables = await query<{ t: string }>(
    url,
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'",
  )
  let recorded: string[] = []
  if (store === 'schema_migrations') {
    const exists = await query<{ t: string | null }>(
      url,
      "SELECT to_regclass('hdb_catalog.schema_migrations')::text AS t",
    )
    if (exists[0]?.t) {
      const rows = await query<{ v: string }>(
        url,
        'SELECT version::text AS v FROM hdb_catalog.schema_migrations WHERE NOT dirty',
      )
      recorded = rows.map((r) => r.v)
    }
  } else {
    const rows = await query<{ m: Record<string, boolean> | null }>(
      url,
      "SELECT cli_state->'migrations'->'default' AS m FROM hdb_catalog.hdb_version",
    )
    const m = rows[0]?.m ?? {}
    recorded = Object.entries(m)
      .filter(([, dirty]) => dirty === false)
      .map(([v]) => v)
  }
  return {
    logged: new Map(log.map((r) => [r.v, r.n])),
    recorded: new Set(recorded),
    tables: new Set(tables.map((r) => r.t.slice(2))),
  }
}

export interface Tally {
  /** Extra log rows: a version applied n times counts n - 1. */
  doubleApplies: number
  /** Versions of the project that are not (recorded, logged and with their table). */
  lostMigrations: number
  /** Versions whose record, log row and table disagree (half-applied). */
  inconsistent: string[]
}

export function tally(facts: DatabaseFacts, versions: string[]): Tally {
  let doubleApplies = 0
  for (const n of facts.logged.values()) doubleApplies += Math.max(0, n - 1)
  const lostMigrations = versions.filter(
    (v) => !(facts.recorded.has(v) && (facts.logged.get(v) ?? 0) >= 1 && facts.tables.has(v)),
  ).length
  const inconsistent = versions.filter((v) => {
    const r = facts.recorded.has(v)
    return r !== (facts.logged.get(v) ?? 0) > 0 || r !== facts.tables.has(v)
  })
  return { doubleApplies, lostMigrations, inconsistent }
}

/** A JavaScript stack frame in captured output (`    at fn (file:1:2)`). */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m
