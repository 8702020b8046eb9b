/** The rules: kinds (./kinds), their registry, conditions, and the outcome adapter. */
export { anchorFields, compileRule, fieldsUsedByRules, kindOf, KINDS, messageKey, RULE_KINDS, RuleSchema, ruleFields } from './registry.js';
export type { RuleDef, RuleKindName, RuleSpec } from './registry.js';
export { O_MISSING, OUT, S } from './kind.js';
export type { Kernel } from './kind.js';
export { OutcomeResults } from './outcome.js';
export { STATUSES } from './types.js';
export type { Result, RuleContext, Status } from './types.js';
