import type { Day } from '../calendar/days.js';
import type { WerkdagCalendar, Duration } from '../calendar/werkdagen.js';
import type { Case, FieldName } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';

export const STATUSES = [
  'on_time',
  'late',
  'overdue',
  'pending',
  'missing',
  'early',
  'violated',
  'not_applicable',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that count against compliance (SPEC §5). */
export const FAILING: ReadonlySet<Status> = new Set(['late', 'overdue', 'missing', 'violated', 'early']);

export interface Result {
  status: Status;
  due?: Day;
  actual?: Day;
  /** calendar days after the due date (late: done that many days late; overdue: as of the peildatum) */
  daysLate?: number;
  /** moment window, bounds included */
  windowStart?: Day;
  windowEnd?: Day;
  /** required_items: the fields that were missing */
  missing?: FieldName[];
}

/**
 * Every Result has the same fields in the same order (absent ones undefined). A million-row run
 * reads `status` and the dates of twelve million results in the aggregator and the finding
 * writer; objects of one shape keep those reads monomorphic (several shapes made them ~5× slower).
 * The shared constants are not frozen for the same reason (freezing gives them another shape);
 * nothing writes to a Result.
 */
export function result(
  status: Status,
  due?: Day,
  actual?: Day,
  daysLate?: number,
  windowStart?: Day,
  windowEnd?: Day,
  missing?: FieldName[],
): Result {
  return { status, due, actual, daysLate, windowStart, windowEnd, missing };
}

export const NOT_APPLICABLE: Result = result('not_applicable');

export interface RuleContext {
  peildatum: Day;
  calendar: WerkdagCalendar;
  momentWindow: { before: number; after: number };
}

export type Evaluator = (c: Case) => Result;

export interface CompiledRule {
  def: RuleDef;
  evaluate: Evaluator;
}

/** Memoised due-date computation: the number of distinct anchor days is small. */
export function dueDateFn(calendar: WerkdagCalendar, duration: Duration): (anchor: Day) => Day {
  if ('workdays' in duration) return (a) => calendar.addWerkdagen(a, duration.workdays);
  const memo = new Map<Day, Day>();
  return (a) => {
    let due = memo.get(a);
    if (due === undefined) {
      due = calendar.addDuration(a, duration);
      memo.set(a, due);
    }
    return due;
  };
}

/** First date present among the `from` fields (SPEC §5: the first date present is the anchor). */
export function anchorFn(from: FieldName | FieldName[], index: Record<FieldName, number>): (c: Case) => Day | undefined {
  const fields = (Array.isArray(from) ? from : [from]).map((f) => index[f]);
  if (fields.length === 1) {
    const i = fields[0];
    return (c) => c.values[i] as Day | undefined;
  }
  return (c) => {
    for (const i of fields) {
      const v = c.values[i];
      if (v !== undefined) return v as Day;
    }
    return undefined;
  };
}
