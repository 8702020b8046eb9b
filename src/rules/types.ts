import type { Day } from '../calendar/days.js';
import type { WerkdagCalendar, Duration } from '../calendar/werkdagen.js';
import type { FieldName } from '../model/fields.js';

export const STATUSES = [
  'on_time',
  'late',
  'overdue',
  'pending',
  'missing',
  'early',
  'violated',
  'not_applicable',
  /** a date that cannot be right (before its anchor, after the day of the run): data quality, not compliance */
  'implausible',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * A rule's outcome for one case as an object, for what lists findings, agenda items and triage
 * timelines (made from the packed outcome by src/rules/outcome.ts; the counting never needs one).
 */
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
  /** implausible: the anchor date the term ran from */
  anchor?: Day;
}

export interface RuleContext {
  peildatum: Day;
  /**
   * The day of the run. A date after it cannot have happened yet (implausible); a date after the
   * peildatum but not after today had not happened yet at the peildatum, so the term is judged as
   * of the peildatum as if the cell were empty.
   */
  today: Day;
  calendar: WerkdagCalendar;
  momentWindow: { before: number; after: number };
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
