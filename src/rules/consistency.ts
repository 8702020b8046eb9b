/**
 * kind: consistency — when the rule's condition holds, `require` must hold too; otherwise the case
 * is `violated` (e.g. a gezinsvoogd involved but the route is not overdracht_gi).
 */
import type { Case } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import { compileCondition } from './conditions.js';
import { Evaluator, NOT_APPLICABLE, result, Result, RuleContext } from './types.js';

const ON_TIME: Result = result('on_time');
const VIOLATED: Result = result('violated');

export function compileConsistency(def: RuleDef, _ctx: RuleContext): Evaluator {
  const spec = def.spec;
  if (spec.kind !== 'consistency') throw new Error(`${def.id} is not a consistency rule`);
  const when = compileCondition(spec.when);
  const require = compileCondition(spec.require);
  return (c: Case): Result => (!when(c) ? NOT_APPLICABLE : require(c) ? ON_TIME : VIOLATED);
}
