/**
 * Whether a SQL text may change session settings that outlive it: `SET`/`RESET` statements (search_path,
 * check_function_bodies, ROLE, …), `set_config(…)` (pg_dump's `SELECT pg_catalog.set_config('search_path',
 * '', false)`), or either inside a function body or an EXECUTE string. A cheap textual test: a false
 * alarm (`UPDATE t\n  SET x = 1`) only costs a RESET after the file; a miss would let one file's settings
 * change how the next one runs.
 */
const STATEMENT_SET = /(?:^|;)\s*(?:SET|RESET)\s/im
const QUOTED_SET = /['"$]\s*(?:SET|RESET)\s/i
const SET_CONFIG = /\bset_config\s*\(/i

export const mayChangeSettings = (text: string): boolean =>
  STATEMENT_SET.test(text) || SET_CONFIG.test(text) || QUOTED_SET.test(text)
