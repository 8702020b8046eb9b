/**
 * Cell values to engine values (SPEC §3). Each value is parsed on its own: one column may mix
 * `2026-04-28` and `28-4-2026`. An impossible date (31-02-2026) or a two-digit year is an error,
 * never silently shifted. A mapping's `date_format` forces one format (date-fns tokens); a
 * two-digit year only with the mapping's century window (`two_digit_year_pivot`).
 */
import { createRequire } from 'node:module';
import { Day, dayFromYMD, isValidYMD } from '../calendar/days.js';

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const EMPTY = { ok: true, value: undefined } as const;

/** Excel serial day 25569 is 1970-01-01 (Excel's 1900 leap-year bug is before any real date here). */
export const EXCEL_EPOCH_OFFSET = 25569;

function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return to > from ? v : -1;
}

/**
 * yyyy-mm-dd, dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy (and d/m/yyyy); a time part after the date
 * (`2026-04-28T10:15`, `28-04-2026 10:15`) is ignored. Returns a day number, or a reason.
 */
export function parseDateText(raw: string): Parsed<Day> {
  let s = raw;
  if (s.length === 0) return EMPTY;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) s = s.trim();
  if (s.length === 0) return EMPTY;
  // strip a time part
  const sp = s.search(/[T ]/);
  if (sp > 0) {
    if (!/^[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s.slice(sp))) {
      return { ok: false, reason: 'date' };
    }
    s = s.slice(0, sp);
  }
  let y: number, m: number, d: number;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    y = digitsAt(s, 0, 4);
    m = digitsAt(s, 5, 7);
    d = digitsAt(s, 8, 10);
  } else {
    const sep = s.indexOf('-') >= 0 ? '-' : s.indexOf('/') >= 0 ? '/' : '';
    if (!sep) return { ok: false, reason: 'date' };
    const parts = s.split(sep);
    if (parts.length !== 3) return { ok: false, reason: 'date' };
    const [a, b, c] = parts;
    if (a.length === 4 && sep === '-') {
      // yyyy-m-d
      y = digitsAt(a, 0, 4);
      m = b.length <= 2 ? digitsAt(b, 0, b.length) : -1;
      d = c.length <= 2 ? digitsAt(c, 0, c.length) : -1;
    } else {
      if (c.length !== 4) return { ok: false, reason: c.length === 2 ? 'date_two_digit_year' : 'date' };
      d = a.length <= 2 ? digitsAt(a, 0, a.length) : -1;
      m = b.length <= 2 ? digitsAt(b, 0, b.length) : -1;
      y = digitsAt(c, 0, 4);
    }
  }
  if (y < 0 || m < 0 || d < 0) return { ok: false, reason: 'date' };
  if (!isValidYMD(y, m, d)) return { ok: false, reason: 'date_impossible' };
  return { ok: true, value: dayFromYMD(y, m, d) };
}

/**
 * date-fns parse/format cost ~130 ms of start-up (locale data) and are only needed when a mapping
 * sets `date_format`, so they are required on first use.
 */
function dateFns(): {
  parse: typeof import('date-fns/parse').parse;
  format: typeof import('date-fns/format').format;
  isValid: typeof import('date-fns/isValid').isValid;
} {
  const require = createRequire(import.meta.url);
  return {
    parse: require('date-fns/parse').parse,
    format: require('date-fns/format').format,
    isValid: require('date-fns/isValid').isValid,
  };
}

/** A format's year token without its quoted literals ('…' in date-fns). */
function yearTokens(fmt: string): string {
  return fmt.replace(/'[^']*'/g, '');
}

/**
 * How many digits a date_format's year has: 4 (`yyyy`), 2 (`yy`, no `yyyy`), or undefined for
 * any other year (none, `y`, `yyy`).
 */
export function dateFormatYearDigits(fmt: string): 4 | 2 | undefined {
  const f = yearTokens(fmt);
  if (/yyyy/.test(f)) return 4;
  if (/(^|[^y])yy(?!y)/.test(f)) return 2;
  return undefined;
}

/**
 * The year of a two-digit year `yy` (0–99) in the hundred years from `pivot`: with pivot 1970,
 * 70–99 are 1970–1999 and 00–69 are 2000–2069.
 */
export function yearInWindow(yy: number, pivot: number): number {
  return pivot + ((((yy - (pivot % 100)) % 100) + 100) % 100);
}

/**
 * A fixed format from a mapping file, e.g. `dd-MM-yyyy` (date-fns tokens). A format with a
 * two-digit year (`d-M-yy`) needs `pivot`, the first year of its century window; the mapping
 * reader refuses such a format without one.
 */
export function dateParserForFormat(fmt: string, pivot?: number): (raw: string) => Parsed<Day> {
  const { parse: parseWithFormat, format: formatWithFormat, isValid } = dateFns();
  const ref = new Date(2000, 0, 1, 12);
  const twoDigit = dateFormatYearDigits(fmt) === 2;
  if (twoDigit && pivot === undefined) throw new Error(`date_format ${fmt} needs a century window`);
  return (raw) => {
    const s = raw.trim();
    if (!s) return EMPTY;
    const d = parseWithFormat(s, fmt, ref);
    // date-fns rejects 31-02; the round trip also rejects "1-2-2026" against dd-MM-yyyy
    if (!isValid(d) || formatWithFormat(d, fmt) !== s) return { ok: false, reason: 'date_format' };
    // date-fns puts yy within 50 years of the reference (1950–2049); the window decides instead,
    // and 29-02-00 is a day only when 00 is 2000
    const y = twoDigit ? yearInWindow(((d.getFullYear() % 100) + 100) % 100, pivot!) : d.getFullYear();
    if (y < 1900 || y > 2199 || !isValidYMD(y, d.getMonth() + 1, d.getDate())) return { ok: false, reason: 'date_impossible' };
    return { ok: true, value: dayFromYMD(y, d.getMonth() + 1, d.getDate()) };
  };
}

/**
 * Check that a mapping's date_format is usable before reading any row: day, month and a year of
 * four digits, or of two (which the mapping must then give a century window for).
 */
export function isUsableDateFormat(fmt: string): boolean {
  const { format: formatWithFormat } = dateFns();
  try {
    const sample = formatWithFormat(new Date(2026, 3, 28, 12), fmt);
    return dateFormatYearDigits(fmt) !== undefined && /d/.test(fmt) && /M/.test(fmt) && sample.length > 0;
  } catch {
    return false;
  }
}

/** Days between Excel's two epochs: serial 0 of the 1904 system is serial 1462 of the 1900 system. */
export const EXCEL_1904_OFFSET = 1462;

/**
 * The day of an Excel serial in the 1900 system (the one Excel writes by default), or undefined
 * for a serial that is no day Excel shows: 60 is Excel's 29 February 1900, which never was, and
 * the serials below it count one day fewer from 1970 than the ones above (Lotus 1-2-3's leap-year
 * bug); the time part of a serial is dropped. `date1904`: the workbook counts from 1904.
 */
export function excelSerialDay(serial: number, date1904 = false): Day | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const s = Math.floor(serial) + (date1904 ? EXCEL_1904_OFFSET : 0);
  if (s < 1 || s === 60) return undefined;
  return s < 60 ? s - EXCEL_EPOCH_OFFSET + 1 : s - EXCEL_EPOCH_OFFSET;
}

/** A day number in the years dates can have here (1900–2199, calendar/days.ts). */
function inRange(d: Day): boolean {
  const date = new Date(d * 86_400_000);
  return isValidYMD(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A value from JSON or XLSX: a string, an Excel serial number or a Date. `excelSerials`: a
 * number is an Excel serial (XLSX), counted from 1900 or, with '1904', from 1904. A date outside
 * 1900–2199 (a Date of the year 1 or 9999, a serial of the year 2500) is impossible, not shifted.
 */
export function parseDateValue(v: unknown, textParser: (raw: string) => Parsed<Day>, excelSerials: boolean | '1904'): Parsed<Day> {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === 'string') return textParser(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: 'date' };
    const [y, m, d] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
    if (!isValidYMD(y, m, d)) return { ok: false, reason: 'date_impossible' };
    return { ok: true, value: dayFromYMD(y, m, d) };
  }
  if (typeof v === 'number' && excelSerials) {
    if (!Number.isFinite(v) || v < 0) return { ok: false, reason: 'date' };
    const day = excelSerialDay(v, excelSerials === '1904');
    if (day === undefined || !inRange(day)) return { ok: false, reason: 'date_impossible' };
    return { ok: true, value: day };
  }
  return { ok: false, reason: 'date' };
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'waar']);
const FALSE_WORDS = new Set(['nee', 'n', 'no', 'false', '0', 'onwaar']);

/** ja/nee, j/n, yes/no, true/false, 1/0, waar/onwaar, any case; empty = unknown. */
export function parseBool(v: unknown): Parsed<boolean> {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number') return v === 1 ? { ok: true, value: true } : v === 0 ? { ok: true, value: false } : { ok: false, reason: 'bool' };
  if (typeof v !== 'string') return { ok: false, reason: 'bool' };
  const s = v.trim().toLowerCase();
  if (!s) return EMPTY;
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return { ok: false, reason: 'bool' };
}

/**
 * A handover item is "bool or text": a recognised boolean counts as such, any other text means
 * the item is there. Empty or nee = missing.
 */
export function parseItem(v: unknown): Parsed<boolean> {
  const b = parseBool(v);
  if (b.ok) return b.value === undefined ? EMPTY : b;
  if (typeof v === 'string' || typeof v === 'number') return { ok: true, value: true };
  return { ok: false, reason: 'item' };
}

/** Text cell: trimmed; numbers from JSON/XLSX become their decimal text. */
export function cellText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    return s.length ? s : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}
