import { UserError } from '../errors.js'

/** A plan that cannot run as asked; thrown before anything touches the target. */
export class PlanError extends UserError {}
