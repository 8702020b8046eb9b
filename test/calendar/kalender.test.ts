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

  it('parses a year or throws one UserError line', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear(' 1965 ')).toBe(1965);
    for (const bad of ['1964', '2200', '26', '2026-05', '', 'x'.repeat(100)]) {
      expect(() => parseYear(bad)).toThrowError(UserError);
    }
    expect(() => parseYear('x'.repeat(100))).toThrowError(/^ongeldig jaar "x{20}…"/);
  });
});
