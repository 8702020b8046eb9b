/**
 * kind: moment — a monitoring moment due at `from` + duration, done when the `to` date falls in a
 * window around the due date, bounds included (default 14 calendar days either side, profile
 * setting `moment_window`; a rule may set its own `window`). Before the window: early; after it:
 * late; not done while the window is open: pending; not done after it closed: overdue.
 */
import { Case, FIELD_INDEX } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import { compileCondition } from './conditions.js';
import { anchorFn, dueDateFn, Evaluator, NOT_APPLICABLE, Result, RuleContext } from './types.js';

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
      if (actual < windowStart) return { status: 'early', due, actual, windowStart, windowEnd };
      if (actual <= windowEnd) return { status: 'on_time', due, actual, windowStart, windowEnd };
      return { status: 'late', due, actual, windowStart, windowEnd, daysLate: actual - windowEnd };
    }
    return windowEnd < peildatum
      ? { status: 'overdue', due, windowStart, windowEnd, daysLate: peildatum - windowEnd }
      : { status: 'pending', due, windowStart, windowEnd };
  };
}
