/**
 * Hand-built Results for the reporters' tests: each one is what a run of that kind reports, written out
 * field by field so a test reads like the situation it checks.
 */
import type {
  DatabaseResult,
  ErrorInfo,
  PlannedStep,
  Result,
  StatusRow,
  StepResult,
} from '../../../src/model.js'
import { decide } from '../../../src/github/untrusted-code.js'
import { REMEDIES } from '../../../src/report/remedies.js'

const HASURA = {
  kind: 'hasura' as const,
  display: 'https://hasura.staging.example.com',
  serverVersion: 'v2.48.16',
}
const POSTGRES = {
  kind: 'postgres' as const,
  display: 'postgres://app:***@db.internal:5432/app',
  serverVersion: 'PostgreSQL 15.18',
}
const EMBEDDED = {
  kind: 'embedded' as const,
  display: 'in-process PGlite',
  serverVersion: 'PostgreSQL 18.1 (PGlite 0.5.16)',
}

function base(overrides: Partial<Result>): Result {
  return {
    schemaVersion: 1,
    status: 'applied',
    mode: 'apply',
    skipExecution: false,
    transaction: 'all',
    projectDir: 'hasura',
    configVersion: 3,
    environment: 'staging',
    target: HASURA,
    databases: [],
    metadata: { status: 'applied', inconsistentObjects: [] },
    seeds: { status: 'skipped', files: [] },
    notices: [],
    warnings: [],
    startedAt: '2026-11-21T10:00:00.000Z',
    durationMs: 2345,
    runUrl: 'https://github.com/acme/shop/actions/runs/1234567890',
    ...overrides,
  }
}

const MIGRATIONS = [
  ['1700000000000', 'init'],
  ['1700000000100', 'create_table_public_customers'],
  ['1700000000200', 'create_table_public_orders'],
  ['1700000000300', 'create_index_orders_customer_id'],
] as const

const SQL: Record<string, string> = {
  '1700000000000': 'CREATE SCHEMA IF NOT EXISTS shop;\n',
  '1700000000100':
    'CREATE TABLE public.customers (\n  id bigserial PRIMARY KEY,\n  email text NOT NULL UNIQUE,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n',
  '1700000000200':
    "CREATE TABLE public.orders (\n  id bigserial PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES public.customers (id),\n  total numeric(12, 2) NOT NULL CHECK (total >= 0),\n  status text NOT NULL DEFAULT 'new'\n);\n",
  '1700000000300':
    '-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);\n',
}

function file(db: string, version: string, name: string, direction: 'up' | 'down' = 'up'): string {
  return `migrations/${db}/${version}_${name}/${direction}.sql`
}

function status(appliedUpTo: number, db = 'default'): StatusRow[] {
  void db
  return MIGRATIONS.map(([version, name], i) => ({ version, name, local: true, applied: i < appliedUpTo }))
}

function planned(from: number, to: number, db = 'default', withSql = true): PlannedStep[] {
  return MIGRATIONS.slice(from, to).map(([version, name]) => ({
    version,
    name,
    direction: 'up' as const,
    file: file(db, version, name),
    transactional: version !== '1700000000300',
    ...(withSql ? { sql: SQL[version] } : {}),
  }))
}

function step(
  version: string,
  name: string,
  status: StepResult['status'],
  extra: Partial<StepResult> = {},
): StepResult {
  return {
    database: 'default',
    version,
    name,
    direction: 'up',
    file: file('default', version, name),
    status,
    durationMs: status === 'not-run' ? 0 : 40,
    transactional: version !== '1700000000300',
    ...extra,
  }
}

function versions(n: number): string[] {
  return MIGRATIONS.slice(0, n).map(([v]) => v)
}

function state(n: number, dirty = false) {
  const applied = versions(n)
  return { current: applied.at(-1) ?? null, applied, dirty }
}

/** Three migrations applied on staging, one of them a no-transaction index; a finding about a down file. */
export function success(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(1),
    after: state(4),
    status: status(4),
    planned: planned(1, 4),
    steps: [
      step('1700000000100', 'create_table_public_customers', 'applied', { durationMs: 31 }),
      step('1700000000200', 'create_table_public_orders', 'applied', { durationMs: 58 }),
      step('1700000000300', 'create_index_orders_customer_id', 'applied', {
        durationMs: 1204,
        note: 'ran alone (no-transaction)',
      }),
    ],
    findings: [
      {
        kind: 'placeholder-down',
        severity: 'warning',
        database: 'default',
        version: '1700000000200',
        file: file('default', '1700000000200', 'create_table_public_orders', 'down'),
        line: 1,
        message:
          'down.sql is the placeholder Hasura writes ("Could not auto-generate a down migration"): rolling back 1700000000200 would do nothing',
      },
    ],
    appliedByAnotherRun: [],
  }
  return base({ databases: [db] })
}

/** Everything already applied: a re-run. Direct PostgreSQL, config 2, no environment label. */
export function nothingToDo(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations',
    before: state(4),
    after: state(4),
    status: status(4),
    planned: [],
    steps: [],
    findings: [],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'nothing-to-do',
    projectDir: '.',
    configVersion: 2,
    environment: '',
    target: POSTGRES,
    databases: [db],
    metadata: {
      status: 'skipped',
      message: 'no endpoint is set, so metadata was not applied',
      inconsistentObjects: [],
    },
    notices: ["config.yaml sets 'endpoint'; the action ignores it (set the endpoint input instead)"],
    durationMs: 412,
    runUrl: undefined,
  })
}

/** `dry-run: plan` on a pull request: three pending, with their SQL; an out-of-order finding. */
export function plan(): Result {
  const rows = status(1)
  rows.splice(1, 0, {
    version: '1690000000000',
    name: 'add_column_customers_phone',
    local: true,
    applied: false,
  })
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(1),
    after: state(1),
    status: rows,
    planned: [
      {
        version: '1690000000000',
        name: 'add_column_customers_phone',
        direction: 'up',
        file: file('default', '1690000000000', 'add_column_customers_phone'),
        transactional: true,
        sql: 'ALTER TABLE public.customers ADD COLUMN phone text;\n',
      },
      ...planned(1, 4),
    ],
    steps: [],
    findings: [
      {
        kind: 'out-of-order',
        severity: 'warning',
        database: 'default',
        version: '1690000000000',
        file: file('default', '1690000000000', 'add_column_customers_phone'),
        message:
          '1690000000000 is older than 1700000000000, the newest applied version: it will be applied out of order',
      },
    ],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'planned',
    mode: 'plan',
    environment: 'production',
    databases: [db],
    metadata: { status: 'planned', inconsistentObjects: [] },
    seeds: { status: 'skipped', files: [] },
    durationMs: 180,
  })
}

/** `dry-run: rehearse` against staging: executed and rolled back; the no-transaction file is not run. */
export function rehearse(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(1),
    after: state(1),
    status: status(1),
    planned: planned(1, 4),
    steps: [
      step('1700000000100', 'create_table_public_customers', 'rehearsed', { durationMs: 22 }),
      step('1700000000200', 'create_table_public_orders', 'rehearsed', { durationMs: 35 }),
      step('1700000000300', 'create_index_orders_customer_id', 'not-run', {
        note: 'not rehearsed (no-transaction)',
      }),
    ],
    findings: [
      {
        kind: 'no-transaction-file',
        severity: 'notice',
        database: 'default',
        version: '1700000000300',
        file: file('default', '1700000000300', 'create_index_orders_customer_id'),
        line: 1,
        message:
          'marked -- hasura:no-transaction: it runs alone, outside the transaction, and is not rehearsed',
      },
    ],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'rehearsed',
    mode: 'rehearse',
    databases: [db],
    metadata: {
      status: 'planned',
      message: 'metadata is not applied in a rehearsal',
      inconsistentObjects: [],
    },
    seeds: { status: 'rehearsed', files: ['seeds/default/1700000000000_customers.sql'] },
  })
}

export const FAILING_STATEMENT =
  'ALTER TABLE public.orders\n  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customer (id)'

/** A statement fails in the third migration; per-migration transactions, so the first one stays. */
export function failure(): Result {
  const error: ErrorInfo = {
    kind: 'sql',
    message: 'relation "public.customer" does not exist',
    database: 'default',
    version: '1700000000200',
    file: file('default', '1700000000200', 'create_table_public_orders'),
    line: 7,
    sqlstate: '42P01',
    detail: 'The referenced table is named in the FOREIGN KEY clause.',
    hint: 'Perhaps you meant to reference the table "public.customers".',
    statement: FAILING_STATEMENT,
  }
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(1),
    after: state(2),
    status: status(2),
    planned: planned(1, 4),
    steps: [
      step('1700000000100', 'create_table_public_customers', 'applied', { durationMs: 29 }),
      step('1700000000200', 'create_table_public_orders', 'failed', { durationMs: 12, error }),
      step('1700000000300', 'create_index_orders_customer_id', 'not-run'),
    ],
    findings: [],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'failed',
    transaction: 'per-migration',
    databases: [db],
    metadata: {
      status: 'skipped',
      message: 'not applied because the migrations failed',
      inconsistentObjects: [],
    },
    error,
  })
}

/** Migrations applied, but the metadata is inconsistent, which fails the run by default. */
export function inconsistentMetadata(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(2),
    after: state(2),
    status: status(2),
    planned: planned(2, 3),
    steps: [step('1700000000200', 'create_table_public_orders', 'not-run', { note: 'rolled back' })],
    findings: [],
    appliedByAnotherRun: [],
    schemaChanges: {
      added: [{ kind: 'table', name: 'orders', detail: '4 columns' }],
      dropped: [],
      altered: [],
      before: 'target',
    },
  }
  return base({
    status: 'failed',
    databases: [db],
    metadata: {
      status: 'skipped',
      message: 'not applied: the metadata verification failed',
      inconsistentObjects: [],
    },
    metadataCheck: {
      setting: 'error',
      status: 'failed',
      databases: ['default'],
      problems: [INVOICES_PROBLEM, CUSTOMER_REF_PROBLEM],
      notChecked: [],
      committedBeforeCheck: [],
    },
    error: {
      kind: 'metadata',
      database: 'default',
      message:
        'the metadata names what the migrated schema of database \'default\' does not have: table public.invoices in source default: no such table/view exists in source: "public.invoices" (and 1 more, listed under Metadata problems); nothing was applied',
      file: 'metadata/databases/default/tables/tables.yaml',
      line: 3,
      remedy: REMEDIES.unresolvedMetadata,
    },
  })
}

const INVOICES_PROBLEM = {
  database: 'default',
  type: 'table',
  name: 'table public.invoices in source default',
  reason: 'Inconsistent object: no such table/view exists in source: "public.invoices"',
  file: 'metadata/databases/default/tables/tables.yaml',
  line: 3,
}

const CUSTOMER_REF_PROBLEM = {
  database: 'default',
  type: 'object_relation',
  name: 'customer in table orders in source default',
  reason:
    'Inconsistent object: in table "orders": in relationship "customer": no such column exists: "customer_ref"',
  file: 'metadata/databases/default/tables/public_orders.yaml',
  line: 7,
}

/** Inconsistent metadata as the server reports it (`verify-metadata: off`, or what the check does not look at). */
export function serverInconsistentMetadata(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(3),
    after: state(4),
    status: status(4),
    planned: planned(3, 4),
    steps: [step('1700000000300', 'create_index_orders_customer_id', 'applied', { durationMs: 800 })],
    findings: [],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'failed',
    databases: [db],
    metadata: {
      status: 'failed',
      message:
        'the metadata is inconsistent; it was not applied (set allow-inconsistent-metadata to accept it)',
      inconsistentObjects: [
        {
          type: 'table',
          name: 'table public.invoices in source default',
          reason: 'Inconsistent object: no such table/view exists in source: "public.invoices"',
        },
        {
          type: 'object_relation',
          name: 'customer in table orders in source default',
          reason:
            'Inconsistent object: in table "orders": in relationship "customer": no such column exists: "customer_ref"',
        },
      ],
    },
    error: {
      kind: 'target',
      message:
        'metadata is inconsistent: 2 inconsistent objects (the migrations were applied and stay applied)',
      input: 'allow-inconsistent-metadata',
    },
  })
}

/** The embedded check of a pull request: the base's versions first, then its own; the metadata names a table no migration creates. */
export function metadataVerificationFailed(): Result {
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: { current: null, applied: [], dirty: false },
    after: state(3),
    status: status(3),
    planned: planned(0, 4),
    steps: [
      ...MIGRATIONS.slice(0, 3).map(([v, n]) => step(v, n, 'applied')),
      step('1700000000300', 'create_index_orders_customer_id', 'not-run', { note: 'rolled back' }),
    ],
    findings: [],
    appliedByAnotherRun: [],
    schemaChanges: {
      added: [{ kind: 'index', name: 'orders.orders_customer_id_idx', detail: 'btree (customer_id)' }],
      dropped: [],
      altered: [],
      before: 'base',
      note: 'the schema after the 3 version(s) of the base commit ffac537',
    },
  }
  const note =
    'no migration of this project creates public.invoices: the embedded database starts empty, so an object made outside the migrations (by another service, or by an extension the embedded database lacks) does not exist here — add a migration that creates it, or set verify-metadata: warn if it is made elsewhere'
  return base({
    status: 'failed',
    environment: '',
    target: EMBEDDED,
    databases: [db],
    metadata: {
      status: 'skipped',
      message: 'not applied: the metadata verification failed',
      inconsistentObjects: [],
    },
    metadataCheck: {
      setting: 'error',
      status: 'failed',
      databases: ['default'],
      problems: [{ ...INVOICES_PROBLEM, note }],
      notChecked: [{ kind: 'remote_schema', name: 'payments', reason: 'remote schemas are not checked' }],
      committedBeforeCheck: [],
    },
    error: {
      kind: 'metadata',
      database: 'default',
      message:
        'the metadata names what the migrated schema of database \'default\' does not have: table public.invoices in source default: no such table/view exists in source: "public.invoices"',
      file: 'metadata/databases/default/tables/tables.yaml',
      line: 3,
      remedy: REMEDIES.unresolvedMetadata,
    },
  })
}

/** A first deploy of a long-lived project: hundreds of pending migrations with long SQL each. */
export function hugePlan(count = 400, options: { findings?: boolean } = {}): Result {
  const rows: StatusRow[] = []
  const steps: PlannedStep[] = []
  for (let i = 0; i < count; i++) {
    const version = String(1600000000000 + i * 1000)
    const name = `create_table_public_events_${String(i).padStart(4, '0')}`
    rows.push({ version, name, local: true, applied: false })
    const columns = Array.from(
      { length: 60 },
      (_, c) => `  col_${c} text NOT NULL DEFAULT 'value ${c}'`,
    ).join(',\n')
    steps.push({
      version,
      name,
      direction: 'up',
      file: file('default', version, name),
      transactional: true,
      sql: `CREATE TABLE public.events_${i} (\n  id bigserial PRIMARY KEY,\n${columns}\n);\n`,
    })
  }
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: { current: null, applied: [], dirty: false },
    after: { current: null, applied: [], dirty: false },
    status: rows,
    planned: steps,
    steps: [],
    findings: options.findings
      ? steps.map((s) => ({
          kind: 'missing-down' as const,
          severity: 'warning' as const,
          database: 'default',
          version: s.version,
          file: s.file,
          message: `${s.version} has no down.sql: it cannot be rolled back`,
        }))
      : [],
    appliedByAnotherRun: [],
  }
  return base({
    status: 'planned',
    mode: 'plan',
    databases: [db],
    metadata: { status: 'planned', inconsistentObjects: [] },
  })
}

/** The embedded rehearsal: every migration up, all down, all up again (the round trip). */
export function embeddedRoundTrip(): Result {
  const ups = MIGRATIONS.map(([v, n]) => step(v, n, 'applied'))
  const downs = [...MIGRATIONS]
    .reverse()
    .map(([v, n]) =>
      step(v, n, 'applied', { direction: 'down', file: file('default', v, n, 'down'), note: 'round trip' }),
    )
  const again = MIGRATIONS.map(([v, n]) => step(v, n, 'applied', { note: 'round trip' }))
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: { current: null, applied: [], dirty: false },
    after: state(4),
    status: status(4),
    planned: planned(0, 4),
    steps: [...ups, ...downs, ...again],
    findings: [],
    appliedByAnotherRun: [],
  }
  return base({
    environment: 'rehearsal',
    target: EMBEDDED,
    databases: [db],
    metadata: { status: 'skipped', message: 'no endpoint is set', inconsistentObjects: [] },
    roundTrip: { status: 'passed' },
  })
}

/** Two databases (config 3, `database: all`): one moves, one is up to date; another run won a race. */
export function twoDatabases(): Result {
  const main = success().databases[0]
  const analytics: DatabaseResult = {
    database: 'analytics',
    directory: 'migrations/analytics',
    before: { current: '1710000000000', applied: ['1710000000000'], dirty: false },
    after: { current: '1710000000500', applied: ['1710000000000', '1710000000500'], dirty: false },
    status: [
      { version: '1710000000000', name: 'init', local: true, applied: true },
      { version: '1710000000500', name: 'daily_rollup', local: true, applied: true },
      { version: '1710000000900', name: 'weekly_rollup', local: true, applied: false },
    ],
    planned: [
      {
        version: '1710000000500',
        name: 'daily_rollup',
        direction: 'up',
        transactional: true,
        sql: 'SELECT 1;',
      },
    ],
    steps: [
      {
        database: 'analytics',
        version: '1710000000500',
        name: 'daily_rollup',
        direction: 'up',
        status: 'applied',
        durationMs: 5,
        transactional: true,
      },
    ],
    findings: [],
    appliedByAnotherRun: ['1710000000400'],
  }
  return base({ databases: [main, analytics] })
}

/** `direction: down`, `steps: 2`. */
export function rollback(): Result {
  const downs = [MIGRATIONS[3], MIGRATIONS[2]].map(([v, n]) =>
    step(v, n, 'applied', { direction: 'down', file: file('default', v, n, 'down') }),
  )
  const db: DatabaseResult = {
    database: 'default',
    directory: 'migrations/default',
    before: state(4),
    after: state(2),
    status: status(2),
    planned: [MIGRATIONS[3], MIGRATIONS[2]].map(([v, n]) => ({
      version: v,
      name: n,
      direction: 'down' as const,
      file: file('default', v, n, 'down'),
      transactional: true,
      sql: `DROP TABLE IF EXISTS ${n};`,
    })),
    steps: downs,
    findings: [],
    appliedByAnotherRun: [],
  }
  return base({ databases: [db], environment: 'production' })
}

export const ALL_FIXTURES = {
  success,
  nothingToDo,
  plan,
  rehearse,
  failure,
  inconsistentMetadata,
  metadataVerificationFailed,
  serverInconsistentMetadata,
  hugePlan,
  embeddedRoundTrip,
  twoDatabases,
  rollback,
}

const FORK_PULL_REQUEST = {
  event: 'pull_request_target',
  from: 'someone/shop',
  baseCommits: ['ffac537e6cbbf934b08745a378932722df287a53'],
  head: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
}

/** A pull_request_target run with a fork's head checked out and a database-url: refused before connecting. */
export function refusedPullRequest(): Result {
  const decision = decide({
    fork: FORK_PULL_REQUEST,
    shape: { target: 'postgres', dryRun: false },
    trust: false,
    facts: { head: FORK_PULL_REQUEST.head },
  })
  if (decision.kind !== 'refused') throw new Error('expected a refusal')
  return base({
    status: 'failed',
    environment: '',
    target: { kind: 'postgres', display: '' },
    metadata: { status: 'skipped', inconsistentObjects: [] },
    durationMs: 48,
    error: { kind: 'refused', message: decision.message, remedy: decision.remedy },
  })
}

/** The same run with `trust-pull-request-code: true`: applied, and the report says so first. */
export function trustedPullRequest(): Result {
  const decision = decide({
    fork: FORK_PULL_REQUEST,
    shape: { target: 'postgres', dryRun: false },
    trust: true,
    facts: { head: FORK_PULL_REQUEST.head },
  })
  if (decision.kind !== 'trusted') throw new Error('expected trusted code')
  const { event, from, reason } = decision
  return {
    ...success(),
    target: POSTGRES,
    metadata: { status: 'skipped', inconsistentObjects: [] },
    trustedPullRequestCode: { event, from, reason },
  }
}
