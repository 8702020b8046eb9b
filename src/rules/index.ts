/** One module per rule kind; this picks the right one for each rule of a profile. */
import type { Profile, RuleDef } from '../profile/load.js';
import { compileConsistency } from './consistency.js';
import { compileDeadline } from './deadline.js';
import { compileMoment } from './moment.js';
import { compileRequiredItems } from './required-items.js';
import type { CompiledRule, Evaluator, RuleContext } from './types.js';

const KINDS: Record<RuleDef['spec']['kind'], (def: RuleDef, ctx: RuleContext) => Evaluator> = {
  deadline: compileDeadline,
  moment: compileMoment,
  required_items: compileRequiredItems,
  consistency: compileConsistency,
};

export function compileRule(def: RuleDef, ctx: RuleContext): CompiledRule {
  return { def, evaluate: KINDS[def.spec.kind](def, ctx) };
}

export function compileProfile(profile: Profile, ctx: RuleContext): CompiledRule[] {
  return profile.rules.map((r) => compileRule(r, ctx));
}

export * from './types.js';
