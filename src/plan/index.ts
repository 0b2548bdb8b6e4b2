export { PlanError } from './errors.js'
export {
  appliedMissingLocallyFindings,
  downFileFindings,
  nestedFileFindings,
  noTransactionFileFindings,
  outOfOrderFindings,
  planFindings,
} from './findings.js'
export { MAX_STORABLE_VERSION, downStatus, effectiveSide, localMigrations } from './migrations.js'
export type { DownStatus } from './migrations.js'
export { planDatabase, remainingSteps } from './plan.js'
export { roundTripBlockers, roundTripSkipReason } from './round-trip.js'
export { transactionFindings } from './transaction-findings.js'
export type * from './types.js'
