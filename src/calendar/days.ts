/**
 * Dates as whole day numbers (days since 1970-01-01). Every date in giacheck is a calendar day
 * without a time or zone, so an integer is both the fastest and the least error-prone
 * representation: no DST, no local midnight, comparisons with `<`.
 */
import { addMonths as addMonthsFns } from 'date-fns/addMonths';

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYMD(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** A real calendar date? (31-02-2026 is not; never shifted to 3 March.) */
export function isValidYMD(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymdFromDay(d: Day): { year: number; month: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** yyyy-mm-dd */
export function isoDate(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** dd-mm-yyyy, the way Dutch readers write a date. */
export function dutchDate(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad2(day)}-${pad2(month)}-${year}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** Parse a strict yyyy-mm-dd (options such as --as-of, YAML dates). */
export function parseIsoDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYMD(y, mo, da) ? dayFromYMD(y, mo, da) : undefined;
}

/**
 * X plus n calendar months, the end of the month clamped (30 November + 3 months = 28 February).
 * date-fns implements exactly this clamping; it works on local Date objects, so we go through
 * local noon, which no daylight-saving switch can move to another day.
 */
export function addMonths(d: Day, months: number): Day {
  const { year, month, day } = ymdFromDay(d);
  const shifted = addMonthsFns(new Date(year, month - 1, day, 12), months);
  return dayFromYMD(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

export function todayDay(): Day {
  const now = new Date();
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "2026-04" */
export function monthKey(d: Day): string {
  return isoDate(d).slice(0, 7);
}
