/**
 * The written-down feestdagen (src/calendar/feestdagen-table.ts, made by scripts/feestdagen-table.mjs)
 * stand in for date-holidays on the bundled profiles: they must be exactly what the library gives,
 * for exactly the rules the profiles have, and a run on them must not load the library at all.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../src/calendar/days.js';
import { FEESTDAGEN_TABLE } from '../../src/calendar/feestdagen-table.js';
import { FEESTDAG_YEARS, holidaysOf, WerkdagCalendar } from '../../src/calendar/werkdagen.js';
import { bundledProfileIds, loadProfile } from '../../src/profile/load.js';
import { ROOT } from '../helpers/cli.js';

const REGENERATE = 'run `npm run feestdagen` and commit src/calendar/feestdagen-table.ts';

describe('feestdagen-table.ts', () => {
  it('was made by the date-holidays that is installed, over FEESTDAG_YEARS', () => {
    const installed = createRequire(join(ROOT, 'package.json'))('date-holidays/package.json').version;
    expect(FEESTDAGEN_TABLE.dateHolidays, REGENERATE).toBe(installed);
    expect([FEESTDAGEN_TABLE.from, FEESTDAGEN_TABLE.to]).toEqual([FEESTDAG_YEARS.from, FEESTDAG_YEARS.to]);
  });

  it.each(bundledProfileIds())('holds the feestdag rules of %s, and for every year the days date-holidays gives', (id) => {
    const feestdagen = loadProfile({ region: id }).calendarSpec.feestdagen;
    const rules = feestdagen.map((f) => f.rule);
    const list = FEESTDAGEN_TABLE.lists.find((l) => JSON.stringify(l.rules) === JSON.stringify(rules));
    expect(list, `${id}: its feestdag rules are not in the table; ${REGENERATE}`).toBeDefined();
    const live = holidaysOf(feestdagen);
    for (let year = FEESTDAG_YEARS.from; year <= FEESTDAG_YEARS.to; year++) {
      const expected = live.getHolidays(year).map((h) => [h.date.slice(0, 10), rules.indexOf(h.rule)]);
      expect(list!.years[year - FEESTDAG_YEARS.from], `${id} ${year}; ${REGENERATE}`).toEqual(expected);
    }
  });

  it('a calendar of other rules, or a year outside the table, asks date-holidays itself', () => {
    const spec = loadProfile({ region: 'landelijk' }).calendarSpec;
    // Hemelvaartsdag 1999 (Pasen 4 April) and 2060 (Pasen 18 April), outside the table
    const cal = new WerkdagCalendar(spec);
    expect(cal.closedReason(dayFromYMD(1999, 5, 13))).toBe('Hemelvaartsdag');
    expect(cal.closedReason(dayFromYMD(2060, 5, 27))).toBe('Hemelvaartsdag');
    expect(cal.isWerkdag(dayFromYMD(2060, 5, 28))).toBe(true);
    // the same rules plus one of a region's own: not in the table, read by the library
    const own = new WerkdagCalendar({ ...spec, feestdagen: [...spec.feestdagen, { id: 'carnaval', rule: 'easter -48', name: { nl: 'Carnavalsmaandag' } }] });
    expect(own.closedReason(dayFromYMD(2026, 2, 16))).toBe('Carnavalsmaandag');
    expect(own.closedReason(dayFromYMD(2026, 5, 14))).toBe('Hemelvaartsdag');
    // a rule it cannot read fails when the calendar is made
    expect(() => new WerkdagCalendar({ ...spec, feestdagen: [{ id: 'x', rule: 'no such rule' }] })).toThrow('calendar: cannot read feestdag rule "no such rule" (x)');
  });

  it('a check of a bundled profile within the table does not load date-holidays (~0.2 s and ~20 MB of every start)', () => {
    const url = (p: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', p)).href);
    const script = `
      import { createRequire } from 'node:module';
      import { calendarOf, loadProfile } from ${url('profile/load.js')};
      import { dayFromYMD } from ${url('calendar/days.js')};
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('date-holidays'));
      const cal = calendarOf(loadProfile({ region: 'zuid-limburg' }));
      const before = [cal.closedReason(dayFromYMD(2026, 4, 27)), loaded()];
      cal.isWerkdag(dayFromYMD(2070, 1, 2));
      console.log(JSON.stringify([...before, loaded()]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['Koningsdag', false, true]);
  });
});
