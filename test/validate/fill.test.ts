/**
 * Issue 16.5, validate: the fill rate of every canonical field per gemeente and per month of
 * melding, over the usable rows, in every format validate has; bounded memory (one counter per
 * field per group, at most MAX_GROUPS groups).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';
import { setLang } from '../../src/i18n/index.js';
import { FIELD_INDEX, FIELDS } from '../../src/model/fields.js';
import { EMPTY_CELL, STRIDE } from '../../src/model/row.js';
import { dayFromYMD } from '../../src/calendar/days.js';
import { FillCounter, fillPercent, MAX_GROUPS } from '../../src/validate/fill.js';
import { runValidation } from '../../src/validate/validate.js';
import { formatValidation } from '../../src/validate/format.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { loadProfile } from '../../src/profile/load.js';

afterEach(() => setLang('nl'));

const dir = mkdtempSync(join(tmpdir(), 'giacheck-fill-'));
const EXPORT = join(dir, 'export.csv');
// five usable rows (A-5 has an impossible date and is not counted), two gemeenten, two months
writeFileSync(
  EXPORT,
  [
    'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;triage_besluit;melder_anoniem',
    'A-1;Heerlen;2026-09-01;2026-09-03;onderzoek;nee',
    'A-2;Heerlen;2026-09-02;;onderzoek;',
    'A-3;Kerkrade;2026-10-01;2026-10-05;;ja',
    'A-4;Kerkrade;2026-10-02;;;',
    'A-5;Vaals;31-02-2026;2026-10-05;onderzoek;ja',
    'A-6;heerlen;2026-10-03;2026-10-04;onderzoek;nee',
  ].join('\n') + '\n',
);
const VALIDATE = ['validate', EXPORT, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const ABSENT = FIELDS.filter((f) => !['dossier_id', 'gemeente', 'melding_datum', 'veiligheidsbeoordeling_datum', 'triage_besluit', 'melder_anoniem'].includes(f));

describe('validate: fill rate per field, per gemeente, per month', () => {
  it('json: counts and rates over the usable rows; a field without a column is null, not 0', async () => {
    const r = await giacheck([...VALIDATE, '--format', 'json']);
    expect(r.code).toBe(0);
    const fill = JSON.parse(r.stdout).fill;
    expect(fill.basis).toBe('rows_valid');
    expect(fill.rows).toBe(5);
    expect(fill.no_column).toEqual(ABSENT);
    expect(fill.filled).toMatchObject({ dossier_id: 5, gemeente: 5, melding_datum: 5, veiligheidsbeoordeling_datum: 3, triage_besluit: 3, melder_anoniem: 3, overdracht_datum: 0 });
    expect(fill.rate).toMatchObject({ dossier_id: 1, veiligheidsbeoordeling_datum: 0.6, triage_besluit: 0.6, melder_anoniem: 0.6, overdracht_datum: null });
    expect(Object.keys(fill.rate)).toEqual([...FIELDS]);
    expect(fill.by_gemeente.map((g: { gemeente: string; rows: number }) => [g.gemeente, g.rows])).toEqual([
      ['Heerlen', 3],
      ['Kerkrade', 2],
    ]);
    expect(fill.by_gemeente[0].filled).toMatchObject({ veiligheidsbeoordeling_datum: 2, triage_besluit: 3, melder_anoniem: 2 });
    expect(fill.by_gemeente[0].rate).toMatchObject({ veiligheidsbeoordeling_datum: 0.6667, triage_besluit: 1, melder_anoniem: 0.6667, monitoring_3m_datum: null });
    expect(fill.by_gemeente[1].rate).toMatchObject({ veiligheidsbeoordeling_datum: 0.5, triage_besluit: 0, melder_anoniem: 0.5 });
    expect(fill.by_month.map((m: { month: string; rows: number }) => [m.month, m.rows])).toEqual([
      ['2026-09', 2],
      ['2026-10', 3],
    ]);
    expect(fill.by_month[1].filled).toMatchObject({ veiligheidsbeoordeling_datum: 2, triage_besluit: 1, melder_anoniem: 2 });
  });

  it('table: only the fields below 100 %, each with its lowest gemeente and month', async () => {
    const r = await giacheck([...VALIDATE]);
    const text = r.stdout;
    // the line wraps at the width of the table
    expect(text.split('\n').join(' ')).toContain(`Zonder kolom in de export (vulgraad onbekend, niet 0 %): ${ABSENT.join(', ')}.`);
    const at = text.indexOf('Vulgraad per veld (5 bruikbare rijen)');
    expect(at).toBeGreaterThan(0);
    // the layout (bordered or compact) is the table's (src/validate/format.ts); the cells are these
    const section = text.slice(at, text.indexOf('Alleen velden onder 100 %'));
    const cells = (line: string) => line.split(/[│┃|]|\s{2,}/).map((c) => c.trim()).filter(Boolean);
    const body = section.split('\n').map(cells).filter((c) => FIELDS.includes(c[0] as (typeof FIELDS)[number]));
    expect(body).toEqual([
      ['melder_anoniem', '60,0%', 'Kerkrade 50,0%', '2026-09 50,0%'],
      ['veiligheidsbeoordeling_datum', '60,0%', 'Kerkrade 50,0%', '2026-09 50,0%'],
      ['triage_besluit', '60,0%', 'Kerkrade 0,0%', '2026-10 33,3%'],
    ]);
    expect(section).toMatch(/Veld\s.*Gevuld\s.*Laagst per gemeente\s.*Laagst per maand/);
    expect(text).toContain('Alleen velden onder 100 %; 3 van de 6 velden met een kolom zijn in elke bruikbare rij gevuld.');
    const en = await giacheck([...VALIDATE, '--lang', 'en']);
    expect(en.stdout).toContain('Fill rate per field (5 usable rows)');
    expect(en.stdout).toMatch(/triage_besluit\s.*60\.0%\s.*Kerkrade 0\.0%\s.*2026-10 33\.3%/);
  });

  it('md: every field per gemeente and per month', async () => {
    const r = await giacheck([...VALIDATE, '--format', 'md']);
    const md = r.stdout;
    const gem = md.slice(md.indexOf('## Vulgraad per gemeente'));
    expect(gem.split('\n').slice(2, 6)).toEqual([
      '| Veld | Totaal | Heerlen | Kerkrade |',
      '| --- | --- | --- | --- |',
      '| rijen | 5 | 3 | 2 |',
      '| dossier_id | 100,0% | 100,0% | 100,0% |',
    ]);
    expect(gem).toContain('| veiligheidsbeoordeling_datum | 60,0% | 66,7% | 50,0% |');
    expect(gem).toContain('| triage_besluit | 60,0% | 100,0% | 0,0% |');
    expect(gem).toContain('| overdracht_datum | – | – | – |');
    const month = md.slice(md.indexOf('## Vulgraad per maand van melding'));
    expect(month).toContain('| Veld | Totaal | 2026-09 | 2026-10 |');
    expect(month).toContain('| triage_besluit | 60,0% | 100,0% | 33,3% |');
    // every canonical field is a row of both tables
    for (const f of FIELDS) expect(gem).toContain(`| ${f} | `);
    for (const f of FIELDS) expect(month).toContain(`| ${f} | `);
  });

  it('fits 80 columns on the demo export (field names wrap, nothing is cut)', async () => {
    const profile = loadProfile({ region: 'zuid-limburg' });
    const report = await runValidation({ profile, mapping: EMPTY_MAPPING, read: { encoding: 'auto' }, peildatum: dayFromYMD(2026, 11, 1), inputs: ['fixtures/demo/zuid-limburg-demo.csv'] });
    expect(report.fill.rows).toBe(report.input.rows_valid);
    const text = formatValidation(report, 'table', { color: false, width: 80 });
    const section = text.slice(text.indexOf('Vulgraad per veld'), text.indexOf('Alleen velden onder 100 %'));
    expect(Math.max(...section.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(section).toContain('Sittard-Geleen');
  });
});

describe('fill counters', () => {
  it('never shows 100,0% for a field not full in every row, nor 0,0% for one filled somewhere', () => {
    const counter = new FillCounter();
    counter.columns(FIELDS);
    const fill = counter.report([]);
    expect(fillPercent(fill, 'overdracht_datum', 1999, 2000)).toBe('99,9%');
    expect(fillPercent(fill, 'overdracht_datum', 2000, 2000)).toBe('100,0%');
    expect(fillPercent(fill, 'overdracht_datum', 1, 5000)).toBe('0,1%');
    expect(fillPercent(fill, 'overdracht_datum', 0, 5000)).toBe('0,0%');
    expect(fillPercent(fill, 'overdracht_datum', 0, 0)).toBe('–');
    // no input had the column: unknown, not 0 %
    expect(fillPercent(new FillCounter().report([]), 'overdracht_datum', 0, 10)).toBe('–');
  });

  it(`keeps at most ${MAX_GROUPS} gemeenten apart; the rest is one group "overige"`, () => {
    const counter = new FillCounter();
    counter.columns(FIELDS);
    const ints = new Int32Array(STRIDE).fill(EMPTY_CELL);
    ints[FIELD_INDEX.dossier_id] = 0;
    ints[FIELD_INDEX.gemeente] = 0;
    ints[FIELD_INDEX.melding_datum] = dayFromYMD(2026, 9, 1);
    for (let i = 0; i < MAX_GROUPS + 5; i++) counter.add(ints, 0, `Plaats ${String(i).padStart(4, '0')}`);
    const fill = counter.report([]);
    expect(fill.by_gemeente).toHaveLength(MAX_GROUPS + 1);
    expect(fill.by_gemeente.at(-1)).toMatchObject({ key: null, rows: 5 });
    expect(fill.by_gemeente[0]).toMatchObject({ key: 'Plaats 0000', rows: 1 });
    expect(fill.by_month).toEqual([expect.objectContaining({ key: '2026-09', rows: MAX_GROUPS + 5 })]);
    expect(fill.filled.melding_datum).toBe(MAX_GROUPS + 5);
    expect(fill.filled.overdracht_datum).toBe(0);
  });
});
