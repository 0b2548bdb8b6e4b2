import { describeTarget } from './support/contract.js'
import { embeddedHarness } from './support/harness.js'

describeTarget(embeddedHarness)
