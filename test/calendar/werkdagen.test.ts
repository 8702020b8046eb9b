import { describe, expect, it } from 'vitest';
import { addMonths, dayFromYMD, isoDate, parseIsoDay } from '../../src/calendar/days.js';
import { WerkdagCalendar } from '../../src/calendar/werkdagen.js';
import { calendarOf, loadProfile } from '../../src/profile/load.js';

const cal = calendarOf(loadProfile({ region: 'landelijk' }));
const d = (iso: string) => {
  const day = parseIsoDay(iso);
  if (day === undefined) throw new Error(iso);
  return day;
};
const plus = (iso: string, n: number) => isoDate(cal.addWerkdagen(d(iso), n));

describe('werkdagen of the Algemene termijnenwet (landelijk calendar)', () => {
  it.each([
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-03', 'Goede Vrijdag (Atw art. 3 lid 2, not "public" in date-holidays)'],
    ['2026-04-06', 'tweede Paasdag'],
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-05', '5 mei, every year (not "public" in date-holidays)'],
    ['2027-05-05', '5 mei in a non-lustrum year'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-25', 'tweede Pinksterdag'],
    ['2026-12-25', 'eerste Kerstdag'],
    ['2026-12-26', 'tweede Kerstdag'],
  ])('%s is not a werkdag (%s)', (iso) => {
    expect(cal.isWerkdag(d(iso))).toBe(false);
  });

  it('Koningsdag moves to Saturday 26 April when the 27th is a Sunday', () => {
    // 27 April 2025 and 2031 are Sundays
    expect(cal.closedReason(d('2025-04-26'))).toBe('Koningsdag');
    expect(cal.closedReason(d('2025-04-27'))).toBeUndefined();
    expect(cal.closedReason(d('2031-04-26'))).toBe('Koningsdag');
    // a weekday Koningsdag stays on the 27th
    expect(cal.isWerkdag(d('2026-04-27'))).toBe(false);
    expect(cal.isWerkdag(d('2026-04-28'))).toBe(true);
  });

  it.each(['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'])(
    'gelijkgestelde dag %s (Besluit gelijkstelling) is not a werkdag',
    (iso) => {
      expect(cal.isWerkdag(d(iso))).toBe(false);
    },
  );

  it('ordinary Fridays around those days are werkdagen', () => {
    expect(cal.isWerkdag(d('2026-05-08'))).toBe(true);
    expect(cal.isWerkdag(d('2026-01-09'))).toBe(true);
    expect(cal.isWerkdag(d('2029-05-11'))).toBe(true); // no Besluit for 2029 in the profile
  });

  it('counts from the day after X: melding Friday 24 April 2026 + 5 werkdagen skips Koningsdag', () => {
    // Mon 27 Apr Koningsdag, so: Tue 28, Wed 29, Thu 30, Fri 1 May, Mon 4 May
    expect(plus('2026-04-24', 5)).toBe('2026-05-04');
  });

  it('5 mei is skipped: Thursday 30 April 2026 + 5 werkdagen', () => {
    // Fri 1, Mon 4, (Tue 5 mei), Wed 6, Thu 7, Fri 8
    expect(plus('2026-04-30', 5)).toBe('2026-05-08');
  });

  it('Goede Vrijdag and tweede Paasdag are skipped: Thursday 2 April 2026 + 1 werkdag', () => {
    expect(plus('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('Hemelvaart and its gelijkgestelde vrijdag are skipped: Wednesday 13 May 2026 + 1 werkdag', () => {
    expect(plus('2026-05-13', 1)).toBe('2026-05-18');
    expect(plus('2026-05-13', 5)).toBe('2026-05-22');
  });

  it('Christmas: Wednesday 23 December 2026 + 5 werkdagen', () => {
    // Thu 24, (Fri 25, Sat 26, Sun 27), Mon 28, Tue 29, Wed 30, Thu 31
    expect(plus('2026-12-23', 5)).toBe('2026-12-31');
    // into the next year: Nieuwjaarsdag and the gelijkgestelde 2 January 2026
    expect(plus('2025-12-31', 1)).toBe('2026-01-05');
  });

  it('a weekend melding counts from the next werkdag', () => {
    expect(plus('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(plus('2026-03-08', 5)).toBe('2026-03-13'); // Sunday → Mon..Fri
  });

  it('werkdagenTussen is the inverse of addWerkdagen', () => {
    const start = d('2026-04-20');
    for (let n = 1; n <= 60; n++) expect(cal.werkdagenTussen(start, cal.addWerkdagen(start, n))).toBe(n);
    expect(cal.addWerkdagen(start, 0)).toBe(start);
  });

  it('before 2014 the day was Koninginnedag, 30 April (the index widens to older years)', () => {
    expect(cal.closedReason(d('2013-04-30'))).toBe('Koninginnedag');
    expect(cal.isWerkdag(d('2013-04-27'))).toBe(false); // a Saturday, no Koningsdag yet
    expect(plus('2010-04-01', 1)).toBe('2010-04-06'); // Goede Vrijdag 2 April, tweede Paasdag 5 April
  });

  it('works far from the precomputed range', () => {
    expect(isoDate(cal.addWerkdagen(d('2095-12-24'), 1))).toBe('2095-12-27');
  });
});

describe('calendar terms', () => {
  it('month-end is clamped: 30 November + 3 months = 28 February', () => {
    expect(isoDate(addMonths(d('2026-11-30'), 3))).toBe('2027-02-28');
    expect(isoDate(addMonths(d('2027-11-30'), 3))).toBe('2028-02-29'); // leap year
    expect(isoDate(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(isoDate(addMonths(d('2026-03-31'), 12))).toBe('2027-03-31');
  });

  it('a calendar due date on a feestdag is not moved (werkafspraken are not statutory terms)', () => {
    // 4 May 2026 + 3 weeks = Monday 25 May 2026, tweede Pinksterdag: stays
    expect(isoDate(cal.addDuration(d('2026-05-04'), { weeks: 3 }))).toBe('2026-05-25');
    expect(isoDate(cal.addDuration(d('2026-02-25'), { months: 3 }))).toBe('2026-05-25');
    expect(isoDate(cal.addDuration(d('2026-05-15'), { days: 10 }))).toBe('2026-05-25');
  });

  it('extend_calendar_terms moves such a due date to the next werkdag (Atw art. 1)', () => {
    const extended = new WerkdagCalendar({ ...cal.spec, extendCalendarTerms: true });
    expect(isoDate(extended.addDuration(d('2026-05-04'), { weeks: 3 }))).toBe('2026-05-26');
    // a werkdagen term is never moved: it already ends on a werkdag
    expect(isoDate(extended.addDuration(d('2026-04-24'), { workdays: 5 }))).toBe('2026-05-04');
  });

  it('extra closed days of a profile are not werkdagen', () => {
    const c = new WerkdagCalendar({ ...cal.spec, closedDays: [...cal.spec.closedDays, { day: dayFromYMD(2026, 6, 1), reason: 'regiodag' }] });
    expect(c.isWerkdag(dayFromYMD(2026, 6, 1))).toBe(false);
    expect(isoDate(c.addWerkdagen(dayFromYMD(2026, 5, 29), 1))).toBe('2026-06-02');
  });
});
