/**
 * Which years a profile's calendar can vouch for. The Algemene termijnenwet art. 3 lid 3 lets the
 * Crown declare extra days equal to the feestdagen, by a Besluit gelijkstelling published in the
 * Staatscourant, usually three years at a time and a few years ahead. For a year outside every
 * known Besluit (before 2017 and after 2028 in the bundled base profile) only the feestdagen of
 * art. 3 lid 1 and 2 are counted: a due date there may be a day too early once the Besluit for
 * that year appears. A run whose terms touch such a year says so, once (SPEC §4).
 *
 * Pure functions over the calendar spec; no date-holidays, so a caller may use them before the
 * calendar index is built.
 */
import { t } from '../i18n/index.js';
import '../i18n/catalog/calendar.js';
import { Day, ymdFromDay } from './days.js';
import type { Besluit, CalendarSpec } from './werkdagen.js';

type WithBesluiten = Pick<CalendarSpec, 'besluiten'> | { spec: Pick<CalendarSpec, 'besluiten'> };

function besluitenOf(calendar: WithBesluiten): Besluit[] {
  return ('spec' in calendar ? calendar.spec.besluiten : calendar.besluiten) ?? [];
}

/** The Besluiten gelijkstelling that settle `year` (usually one). */
export function besluitenFor(calendar: WithBesluiten, year: number): Besluit[] {
  return besluitenOf(calendar).filter((b) => b.from <= year && year <= b.to);
}

/**
 * The years from the year of `fromDay` to the year of `toDay` (inclusive, either order) for
 * which the calendar knows no published Besluit gelijkstelling, ascending. Accepts a
 * CalendarSpec (profile.calendarSpec) or a WerkdagCalendar.
 */
export function yearsWithoutBesluit(calendar: WithBesluiten, fromDay: Day, toDay: Day): number[] {
  const a = ymdFromDay(Math.min(fromDay, toDay)).year;
  const b = ymdFromDay(Math.max(fromDay, toDay)).year;
  const besluiten = besluitenOf(calendar);
  const out: number[] = [];
  for (let year = a; year <= b; year++) {
    if (!besluiten.some((x) => x.from <= year && year <= x.to)) out.push(year);
  }
  return out;
}

/** [2014, 2015, 2016, 2029] → "2014–2016, 2029" */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((p, q) => p - q);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/**
 * The one-line warning for stderr (without the "giacheck: " prefix), or undefined when every year
 * is covered: "geen Besluit gelijkstelling bekend voor 2029: …".
 */
export function noBesluitWarning(years: readonly number[]): string | undefined {
  if (!years.length) return undefined;
  return t(years.length === 1 ? 'calendar.noBesluit.one' : 'calendar.noBesluit.many', { years: formatYears(years) });
}

/** The same statement as a line for the report (table, md, html). */
export function noBesluitReportLine(years: readonly number[]): string | undefined {
  if (!years.length) return undefined;
  return t('calendar.noBesluit.report', { years: formatYears(years) });
}

/** How a Besluit is cited: "Besluit …, Stcrt. 2016, 58653". */
export function besluitCitation(b: Besluit): string {
  return b.stcrt ? `${b.title}, ${b.stcrt}` : b.title;
}
