/**
 * Reading where a database's migrations stand, without writing anything: config 1/2 from
 * `hdb_catalog.schema_migrations`; config 3 from the catalog state, plus what the CLI's one-off copy
 * (§4.4 `isStateCopyCompleted`) and unrecorded ledger rows (LEDGER.md) add to it.
 */
import { TargetError } from '../../errors.js'
import type { AppliedState } from '../../plan/types.js'
import { probeSql, xmlCellJson, type StoreKind } from './state-sql.js'

export interface LedgerRow {
  version: bigint
  name: string
  applied: boolean
  dirty: boolean
  recorded: boolean
  runId: string
  fp: string
}

export interface DatabaseState {
  database: string
  store: StoreKind
  /** What is applied, as the plan must see it. */
  applied: AppliedState
  migrationMode: string
  /** config 3 */
  catalogId?: string
  cliState?: Record<string, unknown>
  copyCompleted: boolean
  /** schema_migrations rows the CLI's one-off copy moves into the catalog state (config 3, copy pending). */
  copied: Map<bigint, boolean>
  /** catalog-with-ledger: this database's ledger rows. */
  ledger: LedgerRow[]
}

export interface CatalogStateAnswer {
  id: string
  cli_state: unknown
  console_state?: unknown
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function version(key: string, where: string): bigint {
  if (!/^\d+$/.test(key)) throw new TargetError(`${where} holds '${key}', which is not a migration version`)
  return BigInt(key)
}

const truthy = (v: unknown): boolean => v === true || v === 't' || v === 'true' || v === '1' || v === 1

export interface ProbeRow {
  sm?: string | null
  mm?: string | null
  hv?: string | null
  lg?: string | null
}

/** The probe's one row, from run_sql's `TuplesOk` (header row first). */
export function probeRow(result: unknown): ProbeRow {
  const rows = isObject(result) && Array.isArray(result.result) ? (result.result as unknown[][]) : undefined
  const header = rows?.[0]
  const values = rows?.[1]
  if (!header || !values) throw new TargetError('reading the migration state: run_sql answered no rows')
  return Object.fromEntries(header.map((h, i) => [String(h), values[i] ?? null]))
}

export function schemaMigrationsOf(row: ProbeRow): Map<bigint, boolean> | undefined {
  const sm = xmlCellJson(row.sm)
  if (!Array.isArray(sm)) return undefined
  const out = new Map<bigint, boolean>()
  for (const r of sm as [string, unknown][])
    out.set(version(String(r[0]), 'hdb_catalog.schema_migrations'), truthy(r[1]))
  return out
}

export function migrationSettingOf(row: ProbeRow): string | undefined {
  const mm = xmlCellJson(row.mm)
  return Array.isArray(mm) && typeof mm[0] === 'string' ? mm[0] : undefined
}

export function stateFromSchemaMigrations(database: string, row: ProbeRow): DatabaseState {
  return {
    database,
    store: 'schema-migrations',
    applied: { versions: schemaMigrationsOf(row) ?? new Map<bigint, boolean>() },
    migrationMode: migrationSettingOf(row) ?? 'true',
    copyCompleted: true,
    copied: new Map(),
    ledger: [],
  }
}

export function stateFromCatalog(
  database: string,
  catalog: CatalogStateAnswer,
  row: ProbeRow,
): DatabaseState {
  const cliState = isObject(catalog.cli_state) ? catalog.cli_state : {}
  const where = `cli_state.migrations["${database}"]`
  const versions = new Map<bigint, boolean>()
  const copyCompleted = cliState.isStateCopyCompleted === true
  const copied = copyCompleted
    ? new Map<bigint, boolean>()
    : (schemaMigrationsOf(row) ?? new Map<bigint, boolean>())
  for (const [v, d] of copied) versions.set(v, d)
  const migrations = isObject(cliState.migrations) ? cliState.migrations : {}
  const mine = migrations[database]
  if (isObject(mine)) for (const [k, d] of Object.entries(mine)) versions.set(version(k, where), truthy(d))

  const hv = xmlCellJson(row.hv)
  const inSource = isObject(hv) && hv.id === catalog.id
  const ledger: LedgerRow[] = []
  if (!inSource) {
    const lg = xmlCellJson(row.lg)
    for (const r of Array.isArray(lg) ? (lg as Record<string, unknown>[]) : []) {
      ledger.push({
        version: version(typeof r.version === 'string' ? r.version : '', 'hasura_migrate_action.ledger'),
        name: typeof r.name === 'string' ? r.name : '',
        applied: r.applied === true,
        dirty: r.dirty === true,
        recorded: r.recorded === true,
        runId: typeof r.run_id === 'string' ? r.run_id : '',
        fp: typeof r.fp === 'string' ? r.fp : '',
      })
    }
    // A change committed in the database but not yet in the catalog state (LEDGER.md): it happened.
    for (const r of ledger.filter((l) => !l.recorded)) {
      if (r.applied) versions.set(r.version, r.dirty)
      else versions.delete(r.version)
    }
  }
  const settings = isObject(cliState.settings) ? cliState.settings : {}
  const mode =
    typeof settings.migration_mode === 'string'
      ? settings.migration_mode
      : ((!copyCompleted ? migrationSettingOf(row) : undefined) ?? 'true')
  return {
    database,
    store: inSource ? 'catalog-in-source' : 'catalog-with-ledger',
    applied: { versions },
    migrationMode: mode,
    catalogId: catalog.id,
    cliState,
    copyCompleted,
    copied,
    ledger,
  }
}

export { probeSql }
