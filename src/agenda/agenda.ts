/**
 * The agenda: every deadline and monitoring moment of an open case that falls due in the next N
 * days from the peildatum, plus everything already overdue (on top). Pure: fed by the engine's
 * results, it never reads input or prints.
 *
 * What is "due in the next N days":
 * - a deadline that is `pending` with its due date on or before peildatum + N;
 * - a moment that is `pending` whose window opens on or before peildatum + N (SPEC §5: a moment is
 *   done anywhere in its window, so it belongs on the agenda as soon as the window is near); it is
 *   listed under its own due date, with the window alongside.
 * Everything `overdue` is listed, whatever its date.
 */
import { Day, weekday, ymdFromDay, dayFromYMD } from '../calendar/days.js';
import type { FieldName } from '../model/fields.js';
import type { RowRef } from '../model/row.js';
import { OUT, OutcomeResults, Result, RuleDef, STATUSES } from '../rules/index.js';
import { sourceText } from '../report/aggregate.js';
import type { Pseudonymizer } from '../report/pseudonymize.js';

export interface AgendaItem {
  dossier_id: string;
  gemeente: string;
  deelregio?: string;
  rule_id: string;
  title: { nl: string; en: string };
  kind: 'deadline' | 'moment';
  /** the field that has to be registered (the rule's `to`) */
  field: FieldName;
  status: 'overdue' | 'pending';
  severity: string;
  source: string;
  due: Day;
  window_start?: Day;
  window_end?: Day;
  /** overdue: calendar days past the due date (a moment: past its window) */
  days_late?: number;
}

/** Does this result belong on the agenda for [peildatum, horizon]? */
export function onAgenda(kind: string, r: Result, horizon: Day): boolean {
  if (r.status === 'overdue') return true;
  if (r.status !== 'pending' || r.due === undefined) return false;
  if (kind === 'moment') return (r.windowStart ?? r.due) <= horizon;
  return r.due <= horizon;
}

export class AgendaCollector {
  readonly items: AgendaItem[] = [];
  readonly horizon: Day;

  constructor(
    readonly peildatum: Day,
    readonly days: number,
    private readonly pseudo?: Pseudonymizer,
  ) {
    this.horizon = peildatum + days;
  }

  private results: OutcomeResults | undefined;

  /** A checked row and its packed outcomes (src/engine/run.ts EngineSink.onRow). */
  add(row: RowRef, outcomes: Int32Array, rules: RuleDef[]): void {
    for (let i = 0; i < rules.length; i++) {
      const status = STATUSES[outcomes[i * OUT]];
      if (status !== 'pending' && status !== 'overdue') continue;
      const spec = rules[i].spec;
      if (spec.kind !== 'deadline' && spec.kind !== 'moment') continue;
      const r = (this.results ??= new OutcomeResults(rules)).fill(outcomes, i);
      if (!onAgenda(spec.kind, r, this.horizon) || r.due === undefined) continue;
      const id = row.dossierId;
      this.items.push({
        dossier_id: this.pseudo ? this.pseudo(id) : id,
        gemeente: row.place.gemeente,
        ...(row.place.deelregio ? { deelregio: row.place.deelregio } : {}),
        rule_id: rules[i].id,
        title: spec.title,
        kind: spec.kind,
        field: spec.to,
        status,
        severity: spec.severity,
        source: sourceText(spec.source),
        due: r.due,
        ...(r.windowStart !== undefined ? { window_start: r.windowStart } : {}),
        ...(r.windowEnd !== undefined ? { window_end: r.windowEnd } : {}),
        ...(status === 'overdue' && r.daysLate !== undefined ? { days_late: r.daysLate } : {}),
      });
    }
  }
}

/** ISO 8601 week of a day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(d: Day): { year: number; week: number; monday: Day } {
  const dow = (weekday(d) + 6) % 7; // 0 = Monday
  const monday = d - dow;
  const thursday = monday + 3;
  const year = ymdFromDay(thursday).year;
  const week = Math.floor((thursday - dayFromYMD(year, 1, 1)) / 7) + 1;
  return { year, week, monday };
}

export interface AgendaGemeente {
  gemeente: string;
  items: AgendaItem[];
}

export interface AgendaGroup {
  /** 'overdue' for the group on top, else the ISO week "2026-W47" */
  key: string;
  overdue: boolean;
  week?: { year: number; week: number; monday: Day; sunday: Day };
  gemeenten: AgendaGemeente[];
  count: number;
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

function byUrgency(a: AgendaItem, b: AgendaItem): number {
  return (
    (a.status === 'overdue' ? (b.days_late ?? 0) - (a.days_late ?? 0) : a.due - b.due) ||
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    a.dossier_id.localeCompare(b.dossier_id) ||
    a.rule_id.localeCompare(b.rule_id)
  );
}

function byGemeente(items: AgendaItem[]): AgendaGemeente[] {
  const map = new Map<string, AgendaItem[]>();
  for (const it of items) {
    let list = map.get(it.gemeente);
    if (!list) map.set(it.gemeente, (list = []));
    list.push(it);
  }
  return [...map.keys()]
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .map((g) => ({ gemeente: g, items: map.get(g)!.sort(byUrgency) }));
}

/** Overdue first (longest overdue on top), then per ISO week of the due date; per gemeente inside. */
export function groupAgenda(items: AgendaItem[]): AgendaGroup[] {
  const groups: AgendaGroup[] = [];
  const overdue = items.filter((i) => i.status === 'overdue');
  if (overdue.length) groups.push({ key: 'overdue', overdue: true, gemeenten: byGemeente(overdue), count: overdue.length });
  const weeks = new Map<string, { week: AgendaGroup['week']; items: AgendaItem[] }>();
  for (const it of items) {
    if (it.status === 'overdue') continue;
    const w = isoWeek(it.due);
    const key = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    let entry = weeks.get(key);
    if (!entry) weeks.set(key, (entry = { week: { ...w, sunday: w.monday + 6 }, items: [] }));
    entry.items.push(it);
  }
  for (const key of [...weeks.keys()].sort()) {
    const e = weeks.get(key)!;
    groups.push({ key, overdue: false, week: e.week, gemeenten: byGemeente(e.items), count: e.items.length });
  }
  return groups;
}
