/**
 * The embedded target's floor: PGlite alone, started from the data directory the bundle ships, runs
 * each up file of a generated project in one transaction (one exec each), then closes. No state, no
 * report: what any PGlite-based runner must spend at least.
 * Usage: node bench/pglite-floor.mjs <migrations directory of one database> <pglite-datadir.tar.gz>
 */
import { PGlite } from '@electric-sql/pglite'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

const [dir, datadir] = process.argv.slice(2)
const db = await PGlite.create({ loadDataDir: new Blob([gunzipSync(readFileSync(datadir))]) })
await db.exec('BEGIN')
for (const name of readdirSync(dir).sort()) await db.exec(readFileSync(join(dir, name, 'up.sql'), 'utf8'))
await db.exec('COMMIT')
await db.close()
