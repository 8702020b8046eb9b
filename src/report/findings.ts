/**
 * A finding: one (case, rule) result worth reporting, in the shape of SPEC §8. Messages are
 * written in the current language; dates in the JSON fields are always yyyy-mm-dd.
 */
import { Day, dutchDate, isoDate } from '../calendar/days.js';
import { getLang, localized, t } from '../i18n/index.js';
import type { Case, FieldName } from '../ingest/fields.js';
import type { RuleDef } from '../profile/load.js';
import type { Result, Status } from '../rules/index.js';
import { sourceText } from './aggregate.js';

export interface Finding {
  dossier_id: string;
  rule_id: string;
  status: Status;
  severity: string;
  due_date: string | null;
  actual_date: string | null;
  days_late: number | null;
  message: string;
  source: string;
}

/** Statuses that are findings by default (everything but on_time and not_applicable). */
export function isFinding(status: Status): boolean {
  return status !== 'on_time' && status !== 'not_applicable';
}

export function fieldLabel(field: FieldName): string {
  return t(`field.${field}`);
}

/** A date for a message: dd-mm-yyyy in Dutch, yyyy-mm-dd in English. */
export function displayDate(d: Day): string {
  return getLang() === 'nl' ? dutchDate(d) : isoDate(d);
}

export function routeLabel(route: string | undefined): string {
  return route ? t(`route.${route}`) : t('route.none');
}

export function findingMessage(c: Case, def: RuleDef, r: Result): string {
  const spec = def.spec;
  const to = 'to' in spec ? fieldLabel(spec.to) : '';
  const d = (x: Day | undefined) => (x === undefined ? '' : displayDate(x));
  const common = {
    to,
    due: d(r.due),
    actual: d(r.actual),
    days: r.daysLate ?? 0,
    start: d(r.windowStart),
    end: d(r.windowEnd),
  };
  switch (r.status) {
    case 'on_time':
      return spec.kind === 'deadline' || spec.kind === 'moment' ? t('msg.onTime', common) : t('msg.complete');
    case 'not_applicable':
      return t('msg.notApplicable');
    case 'missing':
      return t('msg.missing', { items: (r.missing ?? []).map(fieldLabel).join(', ') });
    case 'violated':
      return t('msg.violated', { title: localized(spec.title), route: routeLabel(c.route) });
    default: {
      const kind = spec.kind === 'moment' ? 'moment' : 'deadline';
      return t(`msg.${kind}.${r.status}`, common);
    }
  }
}

export function toFinding(c: Case, def: RuleDef, r: Result): Finding {
  return {
    dossier_id: c.dossierId,
    rule_id: def.id,
    status: r.status,
    severity: def.spec.severity,
    due_date: r.due === undefined ? null : isoDate(r.due),
    actual_date: r.actual === undefined ? null : isoDate(r.actual),
    days_late: r.daysLate ?? null,
    message: findingMessage(c, def, r),
    source: sourceText(def.spec.source),
  };
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
