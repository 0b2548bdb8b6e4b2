/** The engine's words: the notes on steps and the messages of the run, the same on every target. */

export const NOTES = {
  rolledBack: 'rolled back',
  outside: 'ran outside a transaction',
  notRehearsed: 'not rehearsed (no-transaction)',
  recordedOnly: 'recorded only (skip-execution)',
  /** A no-transaction file that failed after some of its statements committed. */
  outsideHalfway: (before: number, line: number): string =>
    `ran outside a transaction; the ${before} statement${before === 1 ? '' : 's'} before line ${line} stayed committed`,
} as const

export const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

export const MESSAGES = {
  waitingForLock: (database: string): string =>
    `another run holds the migration lock of database '${database}'; waiting for it (up to the \`timeout\`)`,
  gaveUpOnRunLock: (database: string, timeoutMs: number): string =>
    `gave up after ${seconds(timeoutMs)} waiting for another run's migration lock on database '${database}' (the \`timeout\` input)`,
  appliedByAnotherRun: (database: string, versions: bigint[]): string =>
    `another run applied ${versions.join(', ')} on database '${database}' while this one waited for the lock`,
  stateChanged: (database: string): string =>
    `the migration state of database '${database}' changed while this run waited for its lock (another run?): re-reading it and re-planning`,
  keptChanging: (database: string): string =>
    `the migration state of database '${database}' kept changing under this run`,
  recordFailed: (version: bigint | string, where: string, message: string): string =>
    `recording version ${version} in ${where} failed: ${message}`,
  stateNotRecorded:
    'the state statements of this run did not take effect (a file may end inside an unterminated string or comment that swallowed them); nothing was committed',
} as const

/** What a cancelled write request to Hasura says: the server finishes what it was sent, client gone or not. */
export const MAY_STILL_COMMIT = 'the server may still finish it and commit'

/** Migration mode switched off: the CLI and this action refuse to apply. */
export const migrationModeDisabled = (where: string, value: string): string =>
  `Migration mode is disabled (migration_mode = '${value}' in ${where}), so the Hasura CLI and this action refuse to apply migrations`
