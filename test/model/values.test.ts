import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/calendar/days.js';
import { dateFormatYearDigits, dateParserForFormat, excelSerialDay, isUsableDateFormat, parseBool, parseDateText, parseDateValue, parseItem, yearInWindow } from '../../src/model/values.js';

const date = (s: string) => {
  const p = parseDateText(s);
  return p.ok ? (p.value === undefined ? undefined : isoDate(p.value)) : `error:${p.reason}`;
};

describe('dates (each value parsed on its own)', () => {
  it.each([
    ['2026-04-28', '2026-04-28'],
    ['28-04-2026', '2026-04-28'],
    ['28-4-2026', '2026-04-28'],
    ['8-4-2026', '2026-04-08'],
    ['28/04/2026', '2026-04-28'],
    ['8/4/2026', '2026-04-08'],
    ['2026-4-8', '2026-04-08'],
    [' 28-04-2026 ', '2026-04-28'],
    ['2026-04-28T00:00:00', '2026-04-28'],
    ['2026-04-28T13:45:00.000Z', '2026-04-28'],
    ['28-04-2026 09:30', '2026-04-28'],
    ['29-02-2028', '2028-02-29'],
    ['', undefined],
    ['   ', undefined],
  ])('%j → %s', (input, expected) => expect(date(input)).toBe(expected));

  it.each([
    ['31-02-2026', 'error:date_impossible'],
    ['29-02-2026', 'error:date_impossible'],
    ['2026-13-01', 'error:date_impossible'],
    ['00-01-2026', 'error:date_impossible'],
    ['28-04-26', 'error:date_two_digit_year'],
    ['04/28/2026', 'error:date_impossible'],
    ['28.04.2026', 'error:date'],
    ['morgen', 'error:date'],
    ['2026-04-28 banaan', 'error:date'],
    ['1-2-3-2026', 'error:date'],
  ])('%j is rejected (%s), never shifted', (input, expected) => expect(date(input)).toBe(expected));

  it('a mapping date_format forces one format for the whole file', () => {
    const p = dateParserForFormat('dd-MM-yyyy');
    const ok = p('28-04-2026');
    expect(ok.ok && ok.value !== undefined && isoDate(ok.value)).toBe('2026-04-28');
    expect(p('2026-04-28')).toEqual({ ok: false, reason: 'date_format' });
    expect(p('31-02-2026')).toEqual({ ok: false, reason: 'date_format' });
    expect(p('8-4-2026')).toEqual({ ok: false, reason: 'date_format' });
    expect(p('')).toEqual({ ok: true, value: undefined });
  });

  it('a two-digit-year date_format reads each year in the mapping\'s century window, on both sides of the pivot', () => {
    const iso = (r: ReturnType<ReturnType<typeof dateParserForFormat>>) => (r.ok ? (r.value === undefined ? undefined : isoDate(r.value)) : `error:${r.reason}`);
    const p1970 = dateParserForFormat('d-M-yy', 1970);
    expect(['1-1-70', '31-12-99', '1-1-00', '28-4-26', '31-12-69'].map((s) => iso(p1970(s)))).toEqual(['1970-01-01', '1999-12-31', '2000-01-01', '2026-04-28', '2069-12-31']);
    // 29 February of "00" exists only when 00 is 2000, not 1900
    expect(iso(p1970('29-2-00'))).toBe('2000-02-29');
    const p1900 = dateParserForFormat('d-M-yy', 1900);
    expect(['29-2-00', '28-4-26', '31-12-99'].map((s) => iso(p1900(s)))).toEqual(['error:date_impossible', '1926-04-28', '1999-12-31']);
    const p2000 = dateParserForFormat('dd-MM-yy', 2000);
    expect(['28-04-26', '31-12-99', '31-02-26', '28-4-26', '28-04-2026', ''].map((s) => iso(p2000(s)))).toEqual(['2026-04-28', '2099-12-31', 'error:date_format', 'error:date_format', 'error:date_format', undefined]);
    expect(() => dateParserForFormat('d-M-yy')).toThrow();
  });

  it('the year digits of a date_format, and the window arithmetic', () => {
    expect(['dd-MM-yyyy', 'd-M-yy', "yy'jaar'yyyy", "d-M-yy 'yyyy'", 'd-M-y', 'd-M-yyy', 'dd-MM'].map(dateFormatYearDigits)).toEqual([4, 2, 4, 2, undefined, undefined, undefined]);
    expect(isUsableDateFormat('d-M-yy')).toBe(true);
    expect(isUsableDateFormat('d-M-y')).toBe(false);
    expect([0, 69, 70, 99].map((y) => yearInWindow(y, 1970))).toEqual([2000, 2069, 1970, 1999]);
    expect([0, 25, 26, 99].map((y) => yearInWindow(y, 2026))).toEqual([2100, 2125, 2026, 2099]);
    expect([0, 99].map((y) => yearInWindow(y, 1900))).toEqual([1900, 1999]);
  });

  it('XLSX values: Date cells and Excel serial numbers', () => {
    const serial = parseDateValue(46140, parseDateText, true); // 46140 = 2026-04-28
    expect(serial.ok && isoDate(serial.value!)).toBe('2026-04-28');
    const d = parseDateValue(new Date(Date.UTC(2026, 3, 28)), parseDateText, true);
    expect(d.ok && isoDate(d.value!)).toBe('2026-04-28');
    expect(parseDateValue(46140, parseDateText, false)).toEqual({ ok: false, reason: 'date' });
  });

  it('XLSX serials of a 1904 workbook count from 1 January 1904 (1,462 days fewer), and the time part is dropped', () => {
    const iso = (r: ReturnType<typeof parseDateValue>) => (r.ok ? isoDate(r.value!) : r.reason);
    expect(iso(parseDateValue(46140 - 1462, parseDateText, '1904'))).toBe('2026-04-28');
    expect(iso(parseDateValue(0, parseDateText, '1904'))).toBe('1904-01-01');
    expect(iso(parseDateValue(46140.99, parseDateText, true))).toBe('2026-04-28');
    expect(excelSerialDay(46140 - 1462, true)).toBe(excelSerialDay(46140));
  });

  it("Excel's 29 February 1900 (serial 60) does not exist; serials before it are one day later than the formula above it says", () => {
    const iso = (r: ReturnType<typeof parseDateValue>) => (r.ok ? isoDate(r.value!) : r.reason);
    expect(iso(parseDateValue(60, parseDateText, true))).toBe('date_impossible');
    expect(iso(parseDateValue(59, parseDateText, true))).toBe('1900-02-28');
    expect(iso(parseDateValue(61, parseDateText, true))).toBe('1900-03-01');
    expect(iso(parseDateValue(1, parseDateText, true))).toBe('1900-01-01');
    expect(iso(parseDateValue(0, parseDateText, true))).toBe('date_impossible');
    expect(iso(parseDateValue(-5, parseDateText, true))).toBe('date');
  });

  it('dates outside 1900–2199 (years 1, 1850, 9999) are impossible, not shifted', () => {
    const reason = (v: unknown) => parseDateValue(v, parseDateText, true);
    expect(reason(new Date(Date.UTC(1850, 0, 1)))).toEqual({ ok: false, reason: 'date_impossible' });
    const year1 = new Date(Date.UTC(2000, 0, 1));
    year1.setUTCFullYear(1);
    expect(reason(year1)).toEqual({ ok: false, reason: 'date_impossible' });
    expect(reason(new Date(Date.UTC(9999, 11, 31)))).toEqual({ ok: false, reason: 'date_impossible' });
    expect(reason(2958465)).toEqual({ ok: false, reason: 'date_impossible' }); // 9999-12-31
    expect(reason(new Date(Number.NaN))).toEqual({ ok: false, reason: 'date' });
  });
});

describe('booleans', () => {
  it.each(['ja', 'JA', 'j', 'yes', 'Y', 'true', 'TRUE', '1', 'waar', 'Waar'])('%s is true', (v) => expect(parseBool(v)).toEqual({ ok: true, value: true }));
  it.each(['nee', 'Nee', 'n', 'no', 'false', '0', 'onwaar'])('%s is false', (v) => expect(parseBool(v)).toEqual({ ok: true, value: false }));
  it('empty is unknown; anything else is an error', () => {
    expect(parseBool('')).toEqual({ ok: true, value: undefined });
    expect(parseBool(null)).toEqual({ ok: true, value: undefined });
    expect(parseBool('misschien')).toEqual({ ok: false, reason: 'bool' });
    expect(parseBool(true)).toEqual({ ok: true, value: true });
    expect(parseBool(0)).toEqual({ ok: true, value: false });
    expect(parseBool(2)).toEqual({ ok: false, reason: 'bool' });
  });
  it('handover items: text counts as present; empty and nee are missing', () => {
    expect(parseItem('zie bijlage')).toEqual({ ok: true, value: true });
    expect(parseItem('ja')).toEqual({ ok: true, value: true });
    expect(parseItem('nee')).toEqual({ ok: true, value: false });
    expect(parseItem('')).toEqual({ ok: true, value: undefined });
  });
});
