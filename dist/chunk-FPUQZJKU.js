import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/execute/wording.ts
var NOTES = {
  rolledBack: "rolled back",
  outside: "ran outside a transaction",
  notRehearsed: "not rehearsed (no-transaction)",
  recordedOnly: "recorded only (skip-execution)",
  /** A no-transaction file that failed after some of its statements committed. */
  outsideHalfway: (before, line) => `ran outside a transaction; the ${before} statement${before === 1 ? "" : "s"} before line ${line} stayed committed`
};
var seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
var MESSAGES = {
  waitingForLock: (database) => `another run holds the migration lock of database '${database}'; waiting for it (up to the \`timeout\`)`,
  gaveUpOnRunLock: (database, timeoutMs) => `gave up after ${seconds(timeoutMs)} waiting for another run's migration lock on database '${database}' (the \`timeout\` input)`,
  appliedByAnotherRun: (database, versions) => `another run applied ${versions.join(", ")} on database '${database}' while this one waited for the lock`,
  stateChanged: (database) => `the migration state of database '${database}' changed while this run waited for its lock (another run?): re-reading it and re-planning`,
  keptChanging: (database) => `the migration state of database '${database}' kept changing under this run`,
  recordFailed: (version, where, message) => `recording version ${version} in ${where} failed: ${message}`,
  stateNotRecorded: "the state statements of this run did not take effect (a file may end inside an unterminated string or comment that swallowed them); nothing was committed"
};
var MAY_STILL_COMMIT = "the server may still finish it and commit";
var migrationModeDisabled = (where, value) => `Migration mode is disabled (migration_mode = '${value}' in ${where}), so the Hasura CLI and this action refuse to apply migrations`;

export {
  NOTES,
  seconds,
  MESSAGES,
  MAY_STILL_COMMIT,
  migrationModeDisabled
};
