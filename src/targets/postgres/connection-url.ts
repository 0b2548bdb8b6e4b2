/**
 * A `database-url` as node-postgres reads it. It is checked with pg's own connection-string parser, so
 * every form pg connects with is accepted (TCP, unix sockets by `?host=`, a percent-encoded host,
 * `socket:` or a bare directory, parts left to PG* variables), and what pg cannot use is refused in one
 * line that never shows the URL.
 */
import { parse, type ConnectionOptions } from 'pg-connection-string'

const EXAMPLE = 'postgresql://user:password@host:5432/dbname'

/** The PG* variables node-postgres takes a part from when the URL leaves it out (`ConnectionParameters`). */
const ENVIRONMENT = [
  ['host', 'PGHOST'],
  ['port', 'PGPORT'],
  ['user', 'PGUSER'],
  ['database', 'PGDATABASE'],
  ['password', 'PGPASSWORD'],
] as const

export type EnvironmentVariable = (typeof ENVIRONMENT)[number][1]

export interface EnvironmentPart {
  variable: EnvironmentVariable
  value: string
}

/** What is wrong with a `database-url` for node-postgres, in one line without the URL; none when it is usable. */
export function databaseUrlProblem(url: string): string | undefined {
  // a scheme only where `//` follows: in `user:password@host` the user name is no scheme to echo
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase()
  const postgres = scheme === 'postgres' || scheme === 'postgresql'
  // pg reads a string starting with one '/' as a socket directory, then a space and the database name
  if (!postgres && !/^socket:/i.test(url) && !/^\/(?!\/)/.test(url)) {
    if (/^\w+\s*=/.test(url)) {
      return `is a key=value connection string, which node-postgres does not read: write it as a URL, e.g. ${EXAMPLE}`
    }
    if (scheme) {
      return `must start with postgres:// or postgresql:// (or socket: for a unix socket), got ${scheme}://…`
    }
    return `is not a valid URL (expected ${EXAMPLE})`
  }
  let config: ConnectionOptions
  try {
    config = parse(url)
  } catch (error) {
    return parseProblem(error)
  }
  if (config.host?.includes(',')) {
    return 'names several hosts, and node-postgres connects to one host only: give one (the primary, or a pooler in front of them)'
  }
  if (config.port && !/^[0-9]+$/.test(config.port)) return 'has a port that is not a number'
  const sslmode = (config as { sslmode?: string }).sslmode
  if (sslmode !== undefined && !SSL_MODES.includes(sslmode)) {
    // pg takes any other value (a typo, libpq's `allow`) as SSL with a verified certificate
    return `has sslmode=${JSON.stringify(sslmode).slice(1, -1)}, which node-postgres does not know (it would verify the server's certificate): use one of ${SSL_MODES.join(', ')}`
  }
  return undefined
}

/** The sslmode values node-postgres knows; `no-verify` is its own (encrypt, do not verify). */
const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify']

/** pg's parser threw: an unparsable URL, an unreadable certificate file, or an SSL setting it refuses. */
function parseProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  if (e?.code === 'ERR_INVALID_URL') {
    return `is not a valid URL (expected ${EXAMPLE}; percent-encode special characters in the user name and password, e.g. # as %23, / as %2F, ? as %3F)`
  }
  if (typeof e?.path === 'string') {
    return `names a certificate file that cannot be read: ${e.path} (${e.code ?? 'unreadable'})`
  }
  // pg's own refusals (e.g. `sslmode=verify-ca` without `sslrootcert`) say what to change, never the URL
  return `cannot be used by node-postgres: ${e instanceof Error ? e.message : String(error)}`
}

/**
 * The PG* variables node-postgres will take the parts this URL leaves out from, in its order (host,
 * port, user, database, password). None for a URL pg cannot parse: it is refused before use.
 */
export function environmentUsed(url: string, env: NodeJS.ProcessEnv): EnvironmentPart[] {
  let config: ConnectionOptions
  try {
    config = parse(url)
  } catch {
    return []
  }
  const out: EnvironmentPart[] = []
  for (const [part, variable] of ENVIRONMENT) {
    const value = env[variable]
    if (!config[part] && value) out.push({ variable, value })
  }
  return out
}
