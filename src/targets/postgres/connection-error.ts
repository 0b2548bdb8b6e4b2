/**
 * A failed connection, in one line that names the target by its display (the password already `***`
 * in its place) and what to check. Only the driver's own text is searched for the password: the
 * display stays readable even when the password also spells the user name or the scheme (`postgres`).
 */
import { TargetError } from '../../errors.js'
import { driverErrorFields } from '../sql/session.js'

const INPUT = 'database-url'

export function connectionError(
  error: unknown,
  display: string,
  redact: (text: string) => string,
  timeoutMs: number,
): TargetError {
  const fields = driverErrorFields(error)
  const code = fields.sqlstate ?? fields.code
  const raw = redact(fields.message)
  const where = { input: INPUT }
  const fail = (message: string): TargetError => new TargetError(message, where, code)
  switch (code) {
    case 'ENOENT':
      return fail(
        `cannot connect to PostgreSQL at ${display}: no server socket there (${raw}). Is the server running, and is its socket directory on this runner?`,
      )
    case 'ECONNREFUSED':
      return fail(
        `cannot connect to PostgreSQL at ${display}: connection refused (is the server running, and reachable from this runner?)`,
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`cannot connect to PostgreSQL at ${display}: the host name does not resolve (${raw})`)
    case 'ETIMEDOUT':
      return fail(`cannot connect to PostgreSQL at ${display}: the connection timed out (${raw})`)
    case '28P01':
      return fail(
        `PostgreSQL at ${display} refused the login: ${raw}. Check the user and password of the \`database-url\` input (or PGUSER and PGPASSWORD, where it leaves them out).`,
      )
    case '28000':
      return fail(`PostgreSQL at ${display} refused the connection: ${raw}`)
    case '3D000':
      return fail(
        `cannot connect to PostgreSQL at ${display}: ${raw}. Create it, or fix the database name in the URL.`,
      )
    case '53300':
      return fail(`PostgreSQL at ${display} has no free connection slot: ${raw}`)
    case '57P03':
      return fail(`PostgreSQL at ${display} is starting up or shutting down: ${raw}`)
  }
  if (/client password must be a string/i.test(raw)) {
    return fail(
      `PostgreSQL at ${display} asks for a password and none was given: put it in the \`database-url\` input (postgres://user:password@host/db) or in PGPASSWORD`,
    )
  }
  if (/timeout/i.test(raw)) {
    return fail(
      `cannot connect to PostgreSQL at ${display}: no answer within ${Math.round(timeoutMs / 1000)} s (the \`timeout\` input)`,
    )
  }
  if (/certificate|self[- ]signed|SSL|TLS/i.test(raw)) {
    return fail(
      `cannot connect to PostgreSQL at ${display}: ${raw}. Note: this action's driver (node-postgres) treats sslmode=require as verify-full; add uselibpqcompat=true&sslmode=require to the URL for libpq's meaning (encrypt, do not verify), or sslmode=no-verify.`,
    )
  }
  return fail(`cannot connect to PostgreSQL at ${display}: ${raw}`)
}
