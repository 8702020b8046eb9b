/**
 * kind: required_items — when the rule's condition holds, every listed field must be present
 * (a handover item that is empty or "nee" is missing). An item may carry its own `when` (only
 * required then) and `unless` (not required then), e.g. the melder's details unless anonymous.
 */
import { Case, FIELD_INDEX, FieldName } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import { compileCondition, isPresent } from './conditions.js';
import { Evaluator, NOT_APPLICABLE, result, Result, RuleContext } from './types.js';

const ON_TIME: Result = result('on_time');

export function compileRequiredItems(def: RuleDef, _ctx: RuleContext): Evaluator {
  const spec = def.spec;
  if (spec.kind !== 'required_items') throw new Error(`${def.id} is not required_items`);
  const when = compileCondition(spec.when);
  const items = spec.items.map((item) => {
    const field: FieldName = typeof item === 'string' ? item : item.field;
    const itemWhen = typeof item === 'string' || !item.when ? undefined : compileCondition(item.when);
    const unless = typeof item === 'string' || !item.unless ? undefined : compileCondition(item.unless);
    return { field, index: FIELD_INDEX[field], when: itemWhen, unless };
  });
  return (c: Case): Result => {
    if (!when(c)) return NOT_APPLICABLE;
    let missing: FieldName[] | undefined;
    for (const item of items) {
      if (item.when && !item.when(c)) continue;
      if (item.unless && item.unless(c)) continue;
      if (!isPresent(c.values[item.index])) (missing ??= []).push(item.field);
    }
    return missing ? result('missing', undefined, undefined, undefined, undefined, undefined, missing) : ON_TIME;
  };
}
