/**
 * Report periods (issue 14.5): the period table of a report groups cases by the month, quarter,
 * half-year (CBS reports per half-year) or year of their melding. Keys are the same in every
 * language and sort as text: 2026-04, 2026-Q2, 2026-H1, 2026.
 */
import { Day, ymdFromDay } from './days.js';

export const PERIOD_UNITS = ['month', 'quarter', 'half-year', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export function periodKey(d: Day, unit: PeriodUnit): string {
  const { year, month } = ymdFromDay(d);
  switch (unit) {
    case 'month':
      return `${year}-${month < 10 ? '0' : ''}${month}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
  }
}
