/** Migration safety findings (contract §8.3): rules over the up files a run applies. */
export { IGNORE_DIRECTIVE, readIgnoreComments } from './ignore-comments.js'
export { lintMigrations } from './lint.js'
export { isRuleId, RULE_IDS, RULES, RULES_DOC, ruleUrl, type RuleId } from './rules.js'
export type * from './types.js'
