/** Steps built directly (not from the project reader), a tiny planner, and a server + target per test. */
import type { AppliedState, Step } from '../../../src/plan/types.js'
import type { ExecuteRequest, StepEvent } from '../../../src/targets/target.js'
import {
  connectHasura,
  type ConnectHasuraOptions,
  type HasuraTarget,
} from '../../../src/targets/hasura/index.js'
import { createDatabase } from '../../support/database.js'
import {
  startHasuraServer,
  type HasuraServer,
  type HasuraServerOptions,
} from '../../support/hasura-server/index.js'

export interface LocalMigration {
  version: bigint
  name: string
  up: string
  down?: string
  noTransaction?: boolean
}

export const migration = (
  version: number | bigint,
  up: string,
  extra: Partial<LocalMigration> = {},
): LocalMigration => ({
  version: BigInt(version),
  name: extra.name ?? `m${version}`,
  up,
  ...extra,
})

export function upStep(database: string, m: LocalMigration, dir = `migrations/${database}`): Step {
  return {
    database,
    version: m.version,
    name: m.name,
    direction: 'up',
    sql: {
      path: `${dir}/${m.version}_${m.name}/up.sql`,
      text: m.up,
      noTransaction: m.noTransaction ?? false,
    },
    transactional: !m.noTransaction,
  }
}

export function downStep(database: string, m: LocalMigration, dir = `migrations/${database}`): Step {
  return {
    database,
    version: m.version,
    name: m.name,
    direction: 'down',
    sql: { path: `${dir}/${m.version}_${m.name}/down.sql`, text: m.down ?? '', noTransaction: false },
    transactional: true,
  }
}

/** `up all`: every local version not applied, ascending. */
export const planUp =
  (database: string, local: LocalMigration[]) =>
  (state: AppliedState): Step[] =>
    [...local]
      .sort((a, b) => (a.version < b.version ? -1 : 1))
      .filter((m) => !state.versions.has(m.version))
      .map((m) => upStep(database, m))

export function request(
  database: string,
  replan: (s: AppliedState) => Step[],
  extra: Partial<ExecuteRequest> = {},
): ExecuteRequest & { events: StepEvent[] } {
  const events: StepEvent[] = []
  return {
    database,
    replan,
    mode: 'apply',
    transaction: 'all',
    timeoutMs: 30_000,
    onEvent: (e) => events.push(e),
    events,
    ...extra,
  }
}

export interface Env {
  db: { name: string; url: string; drop(): Promise<void> }
  server: HasuraServer
  connect(o?: Partial<ConnectHasuraOptions>): Promise<HasuraTarget>
  close(): Promise<void>
}

export const SECRET = 'hma-Secret-9f2c41e7'

export async function environment(
  configVersion: 1 | 2 | 3,
  server: Partial<HasuraServerOptions> = {},
): Promise<Env> {
  const db = await createDatabase('hasura')
  const srv = await startHasuraServer({ databaseUrl: db.url, adminSecret: SECRET, ...server })
  return {
    db,
    server: srv,
    connect: (o = {}) =>
      connectHasura({
        endpoint: srv.url,
        adminSecret: SECRET,
        configVersion,
        timeoutMs: 20_000,
        retryDelaysMs: [20, 50],
        ...o,
      }),
    async close() {
      await srv.close()
      await db.drop()
    },
  }
}

/** Requests the server saw since `from`, as `path type` strings. */
export const requestsSince = (server: HasuraServer, from: number): string[] =>
  server.requests.slice(from).map((r) => `${r.path} ${r.type ?? ''}`.trim())
