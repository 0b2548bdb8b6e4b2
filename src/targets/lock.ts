/**
 * The run lock every target takes (contract §5): a PostgreSQL advisory lock keyed on
 * `hashtext(LOCK_NAMESPACE)` and `hashtext(<database name>)`. One key for all targets, so that a run
 * over HTTP and a run over PostgreSQL against the same database exclude each other.
 */
export const LOCK_NAMESPACE = 'hasura-migrate-action'

/**
 * The lock wait for a statement limit of `statementMs`: a little shorter (a tenth, at most a second),
 * so that a statement stuck behind a lock fails with PostgreSQL's lock message (55P03), which names the
 * cause, rather than with a plain statement timeout. 0 (no limit) stays 0.
 */
export function lockTimeoutMs(statementMs: number): number {
  const ms = Math.max(0, Math.round(statementMs))
  return ms === 0 ? 0 : Math.max(1, ms - Math.min(1000, Math.floor(ms / 10)))
}
