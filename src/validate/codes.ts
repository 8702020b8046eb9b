/**
 * The taxonomy of `giacheck validate`: one stable code per kind of problem, with a fixed severity.
 * Row codes are the Normalizer's own (src/ingest/normalize.ts), so validate and check speak of the
 * same problems; validate adds file-level, plausibility and privacy codes.
 *
 * Severity, a documented choice:
 * - error: the data cannot be used as it stands. A row with an error is a row `check` rejects
 *   (so `rows_with_errors` equals check's `rows_rejected`); a file without a required column
 *   cannot be checked; a column of personal data must not be in the export at all (AVG
 *   dataminimalisatie), whatever else is right with it.
 * - warning: the data can be checked, but something is implausible or incomplete: a date after
 *   the peildatum, dates in an impossible order, a column giacheck does not know (ignored), a
 *   column the profile's rules need but the export lacks (those rules will report it as missing
 *   or overdue).
 */
import type { RowErrorCode } from '../ingest/normalize.js';

export const ISSUE_CODES = [
  // the file
  'missing-column',
  'missing-rule-column',
  'unknown-column',
  'duplicate-column',
  'pii-column',
  // rows (the Normalizer)
  'blank-row',
  'unreadable-row',
  'column-count',
  'missing-required',
  'invalid-date',
  'impossible-date',
  'type-error',
  'unknown-route',
  'unknown-gemeente',
  'gemeente-outside-region',
  'duplicate-id',
  // plausibility of usable rows
  'future-date',
  'date-order',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
export type IssueSeverity = 'error' | 'warning';

const ROW_CODES: Record<RowErrorCode, true> = {
  'blank-row': true,
  'unreadable-row': true,
  'column-count': true,
  'missing-required': true,
  'invalid-date': true,
  'impossible-date': true,
  'type-error': true,
  'unknown-route': true,
  'unknown-gemeente': true,
  'gemeente-outside-region': true,
  'duplicate-id': true,
};

export const SEVERITY: Record<IssueCode, IssueSeverity> = {
  'missing-column': 'error',
  'missing-rule-column': 'warning',
  'unknown-column': 'warning',
  'duplicate-column': 'warning',
  'pii-column': 'error',
  ...(Object.fromEntries(Object.keys(ROW_CODES).map((c) => [c, 'error'])) as Record<RowErrorCode, 'error'>),
  'future-date': 'warning',
  'date-order': 'warning',
};
