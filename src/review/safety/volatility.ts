/**
 * Whether a column default is computed once (constant, or a stable function such as `now()`: PostgreSQL
 * stores it in the catalog and touches no row) or per row (a volatile function: the table is rewritten).
 */
import type { Node } from 'libpg-query'

/**
 * Volatile functions of PostgreSQL and of the extensions Hasura projects use (pgcrypto, uuid-ossp),
 * whatever schema they are called in. `now()`, `current_timestamp`, `statement_timestamp()` are stable.
 */
const VOLATILE_BUILTINS = new Set([
  'random',
  'random_normal',
  'setseed',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setval',
  'txid_current',
  'pg_current_xact_id',
])

/** A function's volatility when the run or the catalog knows it: `undefined` when it does not. */
export type VolatilityOf = (name: string[]) => 'immutable' | 'stable' | 'volatile' | undefined

/** The name of the first volatile function the expression calls, or undefined. */
export function volatileCall(expr: Node | undefined, volatilityOf: VolatilityOf): string | undefined {
  let found: string | undefined
  const visit = (value: unknown): void => {
    if (found !== undefined || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const v of value) visit(v)
      return
    }
    const call = (value as { FuncCall?: { funcname?: Node[] } }).FuncCall
    if (call) {
      const name = (call.funcname ?? []).flatMap((n) => ('String' in n ? [n.String.sval ?? ''] : []))
      const last = name[name.length - 1] ?? ''
      if (VOLATILE_BUILTINS.has(last) || volatilityOf(name) === 'volatile') {
        found = name.join('.')
        return
      }
    }
    for (const v of Object.values(value)) visit(v)
  }
  visit(expr)
  return found
}
