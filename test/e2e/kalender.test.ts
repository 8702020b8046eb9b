/** `giacheck kalender <jaar>` as a coordinator runs it (requires `npm run build`). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giacheck } from '../helpers/cli.js';

/** the table row of a date */
const lineOf = (text: string, date: string) => text.split('\n').find((l) => l.startsWith(`│ ${date} `)) ?? '';

describe('giacheck kalender', () => {
  it('kalender 2017 lists 26 mei 2017 as gelijkgesteld, with the Besluit and its Staatscourant number', async () => {
    const r = await giacheck(['kalender', '2017']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const line = lineOf(r.stdout, '26 mei 2017');
    expect(line).toContain('vrijdag');
    expect(line).toContain('gelijkgesteld (vrijdag na Hemelvaart)');
    expect(line).toContain('gelijkgesteld: Besluit gelijkstelling 2017–2019 (Stcrt. 2016, 58653)');
    expect(r.stdout).toContain('Besluit gelijkstelling voor 2017: Besluit van 24 oktober 2016, nr. 2016001827');
    expect(r.stdout).toContain('https://wetten.overheid.nl/BWBR0038666');
    expect(lineOf(r.stdout, '14 april 2017')).toContain('feestdag, Atw art. 3 lid 2'); // Goede Vrijdag
    expect(lineOf(r.stdout, '25 mei 2017')).toContain('feestdag, Atw art. 3 lid 1'); // Hemelvaartsdag
    expect(r.stdout).toContain('Werkdagen in 2017: 250');
  });

  it('answers "why is 15 May 2026 not a werkdag?", for a region too', async () => {
    const r = await giacheck(['kalender', '2026', '--region', 'zuid-limburg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('profiel Zuid-Limburg');
    expect(lineOf(r.stdout, '15 mei 2026')).toContain('gelijkgesteld: Besluit gelijkstelling 2026–2028');
  });

  it('a year without a Besluit says so: in the table, and on stderr next to json and csv', async () => {
    const table = await giacheck(['kalender', '2029']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Voor 2029 is geen Besluit gelijkstelling dagen bekend');
    expect(table.stdout).not.toContain('gelijkgesteld:');
    const json = await giacheck(['kalender', '2016', '--format', 'json']);
    expect(json.code).toBe(0);
    const k = JSON.parse(json.stdout);
    expect(k).toMatchObject({ year: 2016, besluit_known: false, besluiten: [] });
    expect(k.note).toMatch(/^Voor 2016 is geen Besluit/);
    expect(k.days.map((d: { kind: string }) => d.kind)).toEqual(k.days.map(() => 'feestdag'));
    expect(json.stderr).toMatch(/^giacheck: Voor 2016 is geen Besluit/);
    const quiet = await giacheck(['kalender', '2029', '--format', 'csv', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('json and csv carry the date, weekday, name, kind and legal basis of each day', async () => {
    const json = JSON.parse((await giacheck(['kalender', '2018', '--format', 'json'])).stdout);
    const dec24 = json.days.find((d: { date: string }) => d.date === '2018-12-24');
    expect(dec24).toMatchObject({ weekday: 'maandag', kind: 'gelijkgesteld', source: 'Besluit gelijkstelling 2017–2019 (Stcrt. 2016, 58653)' });
    expect(dec24.besluit).toMatch(/^Besluit van 24 oktober 2016.*, Stcrt\. 2016, 58653$/);
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-kalender-'));
    const file = join(dir, 'kalender.csv');
    const csv = await giacheck(['kalender', '2021', '--format', 'csv', '--output', file]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('date,weekday,name,kind,basis,besluit');
    expect(lines).toContain(
      '2021-05-14,vrijdag,gelijkgesteld (vrijdag na Hemelvaart),gelijkgesteld,gelijkgesteld: Besluit gelijkstelling 2020–2022 (Besluit van 20 september 2019),' +
        '"Besluit van 20 september 2019, houdende gelijkstelling van 22 mei 2020, 14 mei 2021 en 27 mei 2022 met een algemeen erkende feestdag"',
    );
  });

  it('speaks English with --lang en', async () => {
    const r = await giacheck(['kalender', '2026', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Closed days 2026');
    expect(lineOf(r.stdout, '15 May 2026')).toContain('Friday');
    expect(lineOf(r.stdout, '3 April 2026')).toContain('Good Friday');
  });

  it.each([['17'], ['2017x'], ['1900'], ['3000'], ['twintig']])('a bad year (%s) is one Dutch line and exit 2', async (year) => {
    const r = await giacheck(['kalender', year]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^giacheck: ongeldig jaar ".*": geef een jaartal van 1965 tot en met 2199\n$/);
  });

  it('--format, --region and --profile mistakes are one line and exit 2', async () => {
    for (const args of [['--format', 'html'], ['--region', 'utrecht'], ['--region', 'landelijk', '--profile', 'x.yaml']]) {
      const r = await giacheck(['kalender', '2026', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--help ends with examples', async () => {
    const r = await giacheck(['kalender', '--help']);
    expect(r.code).toBe(0);
    const tail = r.stdout.trimEnd().split('\n').slice(-5);
    expect(tail[0]).toBe('Voorbeelden:');
    expect(tail.slice(1).every((l) => l.startsWith('  giacheck kalender '))).toBe(true);
    expect((await giacheck(['--help'])).stdout).toMatch(/^ {2}kalender /m);
  });
});
