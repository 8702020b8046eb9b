/**
 * kind: deadline — the `to` date must fall on or before `from` + duration (SPEC §5).
 * on_time / late when done; overdue when not done and the due date is strictly before the
 * peildatum; pending when not yet due (due on the peildatum itself is still pending).
 */
import { Case, FIELD_INDEX } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import { compileCondition } from './conditions.js';
import { anchorFn, dueDateFn, Evaluator, NOT_APPLICABLE, result, Result, RuleContext } from './types.js';

export function compileDeadline(def: RuleDef, ctx: RuleContext): Evaluator {
  const spec = def.spec;
  if (spec.kind !== 'deadline') throw new Error(`${def.id} is not a deadline`);
  const when = compileCondition(spec.when);
  const anchor = anchorFn(spec.from, FIELD_INDEX);
  const dueOf = dueDateFn(ctx.calendar, spec.duration);
  const to = FIELD_INDEX[spec.to];
  const fromFields = [spec.from].flat();
  const peildatum = ctx.peildatum;
  return (c: Case): Result => {
    if (!when(c)) return NOT_APPLICABLE;
    const a = anchor(c);
    if (a === undefined) {
      return spec.anchor_required ? result('missing', undefined, undefined, undefined, undefined, undefined, fromFields) : NOT_APPLICABLE;
    }
    const due = dueOf(a);
    const actual = c.values[to] as number | undefined;
    if (actual !== undefined) {
      return actual <= due ? result('on_time', due, actual) : result('late', due, actual, actual - due);
    }
    return due < peildatum ? result('overdue', due, undefined, peildatum - due) : result('pending', due);
  };
}
