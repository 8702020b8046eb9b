/**
 * kind: moment — a monitoring moment due at `from` + duration, done when the `to` date falls in a
 * window around the due date, bounds included (default 14 calendar days either side, profile
 * setting `moment_window`; a rule may set its own `window`). Before the window: early; after it:
 * late; not done while the window is open: pending; not done after it closed: overdue.
 */
import { Case, FIELD_INDEX } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import { compileCondition } from './conditions.js';
import { anchorFn, dueDateFn, Evaluator, NOT_APPLICABLE, result, Result, RuleContext } from './types.js';

export function compileMoment(def: RuleDef, ctx: RuleContext): Evaluator {
  const spec = def.spec;
  if (spec.kind !== 'moment') throw new Error(`${def.id} is not a moment`);
  const when = compileCondition(spec.when);
  const anchor = anchorFn(spec.from, FIELD_INDEX);
  const dueOf = dueDateFn(ctx.calendar, spec.duration);
  const to = FIELD_INDEX[spec.to];
  const { before, after } = spec.window ?? ctx.momentWindow;
  const peildatum = ctx.peildatum;
  return (c: Case): Result => {
    if (!when(c)) return NOT_APPLICABLE;
    const a = anchor(c);
    if (a === undefined) return NOT_APPLICABLE;
    const due = dueOf(a);
    const windowStart = due - before;
    const windowEnd = due + after;
    const actual = c.values[to] as number | undefined;
    if (actual !== undefined) {
      if (actual < windowStart) return result('early', due, actual, undefined, windowStart, windowEnd);
      if (actual <= windowEnd) return result('on_time', due, actual, undefined, windowStart, windowEnd);
      return result('late', due, actual, actual - windowEnd, windowStart, windowEnd);
    }
    return windowEnd < peildatum
      ? result('overdue', due, undefined, peildatum - windowEnd, windowStart, windowEnd)
      : result('pending', due, undefined, undefined, windowStart, windowEnd);
  };
}
