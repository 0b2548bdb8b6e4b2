import { describeTarget } from './support/contract.js'
import { postgresHarness } from './support/harness.js'

describeTarget(postgresHarness)
