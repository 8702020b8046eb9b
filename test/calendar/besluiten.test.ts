import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromYMD, isoDate, parseIsoDay } from '../../src/calendar/days.js';
import {
  besluitCitation,
  besluitenFor,
  formatYears,
  noBesluitReportLine,
  noBesluitWarning,
  yearsWithoutBesluit,
} from '../../src/calendar/besluiten.js';
import { calendarOf, loadProfile, loadProfileFile } from '../../src/profile/load.js';
import { setLang } from '../../src/i18n/index.js';

const landelijk = loadProfile({ region: 'landelijk' });
const zl = loadProfile({ region: 'zuid-limburg' });
const d = (iso: string) => {
  const day = parseIsoDay(iso);
  if (day === undefined) throw new Error(iso);
  return day;
};

describe('Besluiten gelijkstelling 2017–2022', () => {
  it.each([
    ['2017-04-28', 2017],
    ['2017-05-26', 2017],
    ['2018-05-11', 2018],
    ['2018-12-24', 2018],
    ['2018-12-31', 2018],
    ['2019-05-31', 2019],
    ['2019-12-27', 2019],
    ['2020-05-22', 2020],
    ['2021-05-14', 2021],
    ['2022-05-27', 2022],
  ])('%s is gelijkgesteld and not a werkdag, in landelijk and in the regions that extend it', (iso, year) => {
    for (const p of [landelijk, zl, loadProfile({ region: 'noord-oost-gelderland' })]) {
      const cal = calendarOf(p);
      expect(cal.isWerkdag(d(iso))).toBe(false);
      const info = cal.closedDaysInfo(year).find((c) => isoDate(c.day) === iso);
      expect(info?.kind).toBe('gelijkgesteld');
      expect(info?.source).toMatch(/^Besluit gelijkstelling/);
      expect(besluitenFor(p.calendarSpec, year)).toHaveLength(1);
    }
  });

  it('ZL-01 (5 werkdagen) for a melding on Tuesday 23 May 2017 is due on Thursday 1 June 2017', () => {
    const rule = zl.rules.find((r) => r.id === 'ZL-01')!.spec;
    expect(rule.kind === 'deadline' && rule.duration).toEqual({ workdays: 5 });
    const cal = calendarOf(zl);
    // Wed 24, (Thu 25 Hemelvaartsdag, Fri 26 gelijkgesteld), Mon 29, Tue 30, Wed 31, Thu 1 June
    expect(isoDate(cal.addDuration(d('2017-05-23'), { workdays: 5 }))).toBe('2017-06-01');
    expect(cal.closedReason(d('2017-05-26'))).toBe('gelijkgesteld (vrijdag na Hemelvaart)');
  });

  it('the Fridays after Hemelvaart of years without a Besluit stay werkdagen (only art. 3 counts)', () => {
    const cal = calendarOf(landelijk);
    expect(cal.isWerkdag(d('2016-05-06'))).toBe(true);
    expect(cal.isWerkdag(d('2029-05-11'))).toBe(true);
    expect(cal.isWerkdag(d('2029-05-10'))).toBe(false); // Hemelvaartsdag itself is art. 3 lid 1
  });

  it('cites the Besluit of 2016 with its Staatscourant number', () => {
    const [b] = besluitenFor(landelijk.calendarSpec, 2017);
    expect(b).toMatchObject({ from: 2017, to: 2019, stcrt: 'Stcrt. 2016, 58653' });
    expect(besluitCitation(b)).toMatch(/^Besluit van 24 oktober 2016, nr\. 2016001827, .*, Stcrt\. 2016, 58653$/);
    expect(besluitenFor(landelijk.calendarSpec, 2021)[0].title).toMatch(/^Besluit van 20 september 2019/);
  });
});

describe('yearsWithoutBesluit', () => {
  const spec = landelijk.calendarSpec;
  it('is empty for a range inside 2017–2028', () => {
    expect(yearsWithoutBesluit(spec, d('2017-01-01'), d('2028-12-31'))).toEqual([]);
    expect(yearsWithoutBesluit(calendarOf(landelijk), d('2026-05-01'), d('2026-05-31'))).toEqual([]);
  });

  it('names the years before 2017 and after 2028 that a range touches', () => {
    expect(yearsWithoutBesluit(spec, d('2016-12-30'), d('2017-01-10'))).toEqual([2016]);
    expect(yearsWithoutBesluit(spec, d('2028-12-01'), d('2029-02-01'))).toEqual([2029]);
    expect(yearsWithoutBesluit(spec, d('2029-03-01'), d('2014-01-01'))).toEqual([2014, 2015, 2016, 2029]);
    expect(yearsWithoutBesluit(spec, d('2029-06-01'), d('2029-06-01'))).toEqual([2029]);
  });

  it('a calendar without Besluiten knows no year', () => {
    expect(yearsWithoutBesluit({ besluiten: [] }, dayFromYMD(2026, 1, 1), dayFromYMD(2026, 12, 31))).toEqual([2026]);
    expect(yearsWithoutBesluit({}, dayFromYMD(2026, 1, 1), dayFromYMD(2027, 1, 1))).toEqual([2026, 2027]);
  });

  it('formats years as ranges and words the warning in Dutch and English', () => {
    expect(formatYears([2029, 2014, 2015, 2016, 2031, 2030])).toBe('2014–2016, 2029–2031');
    expect(noBesluitWarning([])).toBeUndefined();
    expect(noBesluitReportLine([])).toBeUndefined();
    expect(noBesluitWarning([2029])).toMatch(/^geen Besluit gelijkstelling dagen bekend voor 2029: .*art\. 3/);
    expect(noBesluitWarning([2015, 2016])).toContain('de jaren 2015–2016');
    expect(noBesluitReportLine([2029])).toMatch(/^Kalender: voor 2029 /);
    setLang('en');
    try {
      expect(noBesluitWarning([2029])).toMatch(/^no Besluit gelijkstelling dagen known for 2029/);
    } finally {
      setLang('nl');
    }
  });
});

describe('Besluiten in a custom profile', () => {
  const write = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-besluit-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'id: mijn-regio\nversion: "1"\nname: { nl: Mijn regio, en: My region }\nextends: landelijk\n' + text);
    return file;
  };

  it('a profile may add a later Besluit with its days: the year is then covered', () => {
    const file = write(`calendar:
  besluiten:
    - { years: [2029, 2031], title: "Besluit gelijkstelling 2029–2031", stcrt: "Stcrt. 2028, 1" }
  gelijkgestelde_dagen:
    - { date: "2029-05-11", reason: "gelijkgesteld (vrijdag na Hemelvaart)", source: "Besluit gelijkstelling 2029–2031" }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(problems).toEqual([]);
    expect(calendarOf(profile!).isWerkdag(d('2029-05-11'))).toBe(false);
    expect(yearsWithoutBesluit(profile!.calendarSpec, d('2026-01-01'), d('2031-12-31'))).toEqual([]);
    expect(yearsWithoutBesluit(profile!.calendarSpec, d('2026-01-01'), d('2032-01-01'))).toEqual([2032]);
  });

  it('a gelijkgestelde dag in a year without a Besluit, and years in the wrong order, are problems with their line', () => {
    const file = write(`calendar:
  besluiten:
    - { years: [2031, 2029], title: "Besluit" }
  gelijkgestelde_dagen:
    - { date: "2033-05-27", source: "ergens" }
`);
    const { profile, problems } = loadProfileFile(file);
    expect(profile).toBeUndefined();
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, expect.stringMatching(/^calendar\.besluiten\.years: /)],
      [9, expect.stringMatching(/^gelijkgestelde dag 2033-05-27: geen Besluit in calendar\.besluiten voor 2033/)],
    ]);
  });
});
