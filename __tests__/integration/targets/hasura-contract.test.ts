import { describeTarget } from './support/contract.js'
import { hasuraHarness } from './support/harness.js'

describeTarget(hasuraHarness)
