import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKalender } from '../../src/calendar/kalender.js';
import { calendarOf, loadProfile, loadProfileFile } from '../../src/profile/load.js';
import { formatKalenderTable, parseYear } from '../../src/cli/kalender.js';
import { UserError } from '../../src/errors.js';

describe('kalender', () => {
  it('a regional closed day is listed with the profile that closes it; a feestdag wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-kalender-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(
      file,
      'id: mijn-regio\nversion: "1"\nname: { nl: Mijn regio, en: My region }\nextends: zuid-limburg\n' +
        'calendar:\n  extra_closed_days:\n    - { date: "2026-02-16", reason: Carnavalsmaandag }\n    - "2026-12-25"\n',
    );
    const { profile, problems } = loadProfileFile(file);
    expect(problems).toEqual([]);
    const k = buildKalender(calendarOf(profile!), profile!, 2026);
    expect(k.days.find((d) => d.date === '2026-02-16')).toMatchObject({
      weekday: 'maandag',
      name: 'Carnavalsmaandag',
      kind: 'extra',
      basis: 'gesloten volgens profiel mijn-regio',
      besluit: null,
    });
    expect(k.days.filter((d) => d.date === '2026-12-25')).toEqual([expect.objectContaining({ kind: 'feestdag', name: 'Eerste Kerstdag' })]);
    expect(k.werkdagen).toBe(250); // 251 in landelijk, minus the Monday of carnaval
  });

  it('feestdagen on a weekend are listed too (Koningsdag on Saturday 26 April 2025)', () => {
    const p = loadProfile({ region: 'landelijk' });
    const k = buildKalender(calendarOf(p), p, 2025);
    expect(k.days.find((d) => d.date === '2025-04-26')).toMatchObject({ weekday: 'zaterdag', name: 'Koningsdag', kind: 'feestdag' });
    expect(k.days.find((d) => d.date === '2025-05-30')?.besluit).toMatch(/^Besluit gelijkstelling van 28 april 2023/);
  });

  it('wraps name and basis to a narrow terminal, not when writing to a pipe', () => {
    const p = loadProfile({ region: 'landelijk' });
    const k = buildKalender(calendarOf(p), p, 2017);
    const narrow = formatKalenderTable(k, { color: false, width: 80 });
    const table = narrow.split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(80);
    const wide = formatKalenderTable(k, { color: false });
    expect(wide).toContain('feestdag, Atw art. 3 lid 1 (27 april; 26 april als de 27e een zondag is)');
  });

  it('breaks the lines above the table between words at a narrow terminal: the Besluit of 2026 with its four dates, in one piece in a pipe', () => {
    const p = loadProfile({ region: 'landelijk' });
    const k = buildKalender(calendarOf(p), p, 2026);
    const besluit = 'Besluit gelijkstelling voor 2026: Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag';
    const wide = formatKalenderTable(k, { color: false });
    expect(wide.split('\n')[2]).toBe(besluit);
    expect(wide.split('\n')[3]).toBe('  te vinden op https://wetten.overheid.nl/BWBR0051300');
    const narrow = formatKalenderTable(k, { color: false, width: 80 }).split('\n');
    expect(narrow.slice(2, 5)).toEqual([
      'Besluit gelijkstelling voor 2026: Besluit gelijkstelling van 2 januari 2026, 15',
      'mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende',
      'feestdag',
    ]);
    expect(narrow[5]).toBe('  te vinden op https://wetten.overheid.nl/BWBR0051300');
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(80);
    // at 40 columns an address longer than a line is broken under its indent, never cut
    const forty = formatKalenderTable(k, { color: false, width: 40 }).split('\n');
    const at = forty.findIndex((l) => l.startsWith('  te vinden op'));
    expect(forty.slice(at, at + 3)).toEqual(['  te vinden op', '  https://wetten.overheid.nl/BWBR005130', '  0']);
    expect(Math.max(...forty.slice(0, at + 3).map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  it('parses a year or throws one UserError line', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear(' 1965 ')).toBe(1965);
    for (const bad of ['1964', '2200', '26', '2026-05', '', 'x'.repeat(100)]) {
      expect(() => parseYear(bad)).toThrowError(UserError);
    }
    expect(() => parseYear('x'.repeat(100))).toThrowError(/^ongeldig jaar "x{20}…"/);
  });
});
