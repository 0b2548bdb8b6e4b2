/** Gives each test file a database of its own on the harness's PostgreSQL. */
import pg from 'pg'
import { inject } from 'vitest'

export function adminUrl(): string {
  const url = inject('pgAdminUrl') ?? process.env.HMA_TEST_PG_URL
  if (!url) throw new Error('no PostgreSQL for tests: the global setup did not provide one')
  return url
}

export function urlFor(database: string, base = adminUrl()): string {
  const u = new URL(base)
  u.pathname = '/' + encodeURIComponent(database)
  return u.toString()
}

let counter = 0

/** Creates a fresh, empty database and returns its URL; `drop()` removes it. */
export async function createDatabase(
  prefix = 't',
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
  const admin = new pg.Client({ connectionString: adminUrl() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

/** Runs one query on a database URL and returns the rows. */
export async function query<T extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<T>(sql, params)).rows
  } finally {
    await c.end()
  }
}
