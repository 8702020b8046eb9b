/**
 * A finding: one (case, rule) result worth reporting, in the shape of SPEC §8, and the policy
 * around it: which statuses are findings, their order, and what counts for --fail-on. Messages
 * are written in the current language (messages.ts); dates in the JSON fields are always
 * yyyy-mm-dd. finding-writer.ts makes them.
 */
import type { RouteCode } from '../model/fields.js';
import type { Place } from '../model/row.js';
import type { Status } from '../rules/types.js';

export interface Finding {
  dossier_id: string;
  /** the official gemeente of the case, and its deelregio (null when the profile has none) */
  gemeente: string;
  deelregio: string | null;
  rule_id: string;
  status: Status;
  severity: string;
  due_date: string | null;
  actual_date: string | null;
  days_late: number | null;
  message: string;
  source: string;
}

/** What a finding needs of its row: dossier id, place, and the route (a `violated` message names it). */
export interface FindingRow {
  readonly dossierId: string;
  readonly place: Place;
  readonly route: RouteCode | undefined;
}

/** Statuses that are findings by default (everything but on_time and not_applicable). */
export function isFinding(status: Status): boolean {
  return status !== 'on_time' && status !== 'not_applicable';
}

const STATUS_ORDER: Record<Status, number> = {
  overdue: 0,
  late: 1,
  missing: 2,
  violated: 3,
  early: 4,
  pending: 5,
  on_time: 6,
  not_applicable: 7,
  implausible: 4.5,
};
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Most urgent first: overdue, late, missing, violated, early, pending; errors before warnings. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    (a.status === 'pending'
      ? (a.due_date ?? '').localeCompare(b.due_date ?? '')
      : (b.days_late ?? 0) - (a.days_late ?? 0)) ||
    a.dossier_id.localeCompare(b.dossier_id) ||
    a.rule_id.localeCompare(b.rule_id)
  );
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Does a finding count for --fail-on? Pending is not a failure (not yet due). */
export function failsAt(status: Status, severity: string, failOn: 'error' | 'warning' | 'never'): boolean {
  if (failOn === 'never' || status === 'pending' || !isFinding(status)) return false;
  return failOn === 'warning' ? severity === 'error' || severity === 'warning' : severity === 'error';
}

