/** Why a migration that fails on the embedded database may well work on a real server. */
import type { ErrorInfo } from '../../model.js'
import { EMBEDDED_EXTENSIONS } from './extensions.js'

const USE_SERVER = 'run against a real PostgreSQL with the `database-url` input (or a Hasura `endpoint`)'

/** Objects that only exist once an extension the embedded database lacks is installed. */
const EXTENSION_OBJECTS: [RegExp, string][] = [
  [/\b(geometry|geography|box2d|box3d|raster)\b|\bst_[a-z0-9_]+\b|\bpostgis_[a-z0-9_]+\b/i, 'postgis'],
  [/\bcreate_hypertable\b|\btime_bucket\b|\badd_(retention|compression)_policy\b/i, 'timescaledb'],
  [/\bvector\b|\bivfflat\b|\bhnsw\b/i, 'vector (pgvector)'],
  [/\bcron\.schedule\b/i, 'pg_cron'],
]

/**
 * A sentence for an error of the embedded target caused by what PGlite lacks — an extension it does
 * not bundle, or a server feature it does not have — naming it and suggesting a real database.
 * Undefined for ordinary SQL errors (those fail on any PostgreSQL).
 */
export function explainEmbeddedFailure(error: ErrorInfo): string | undefined {
  const message = error.message
  const missing = /extension "([^"]+)" is not available/i.exec(message)
  if (missing) {
    return `The embedded database (PGlite) has no "${missing[1]}" extension (it has: ${EMBEDDED_EXTENSIONS.join(', ')}); ${USE_SERVER}.`
  }
  if (error.sqlstate === '58P01' || /could not (access|open|load) (file|library)/i.test(message)) {
    return `The embedded database (PGlite) cannot load a file this statement needs (${message}); ${USE_SERVER}.`
  }
  if (error.sqlstate === '42704' || error.sqlstate === '42883' || error.sqlstate === '3F000') {
    const text = `${message} ${error.statement ?? ''}`
    for (const [pattern, extension] of EXTENSION_OBJECTS) {
      if (pattern.test(text)) {
        return `This looks like it needs the ${extension} extension, which the embedded database (PGlite) does not have; ${USE_SERVER}.`
      }
    }
  }
  if (error.sqlstate === '0A000') {
    return `The embedded database (PGlite, a single-user PostgreSQL in WebAssembly) does not support this: ${message}; ${USE_SERVER}.`
  }
  return undefined
}
