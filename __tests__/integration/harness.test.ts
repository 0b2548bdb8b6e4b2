import { describe, expect, it } from 'vitest'
import { createDatabase, query } from '../support/database.js'

describe('test harness PostgreSQL', () => {
  it('gives each caller a fresh database on a real server', async () => {
    const a = await createDatabase('harness')
    const b = await createDatabase('harness')
    try {
      expect(a.name).not.toBe(b.name)
      await query(a.url, 'CREATE TABLE only_in_a (id int)')
      const inB = await query(b.url, "SELECT to_regclass('public.only_in_a') AS t")
      expect(inB[0]?.t).toBeNull()
      const v = await query<{ server_version_num: string }>(a.url, 'SHOW server_version_num')
      expect(Number(v[0]?.server_version_num)).toBeGreaterThanOrEqual(120000)
    } finally {
      await a.drop()
      await b.drop()
    }
  })
})
