/**
 * Issue 13.11: a mapping's date_format with a two-digit year (d-M-yy) is read only with the
 * century window the mapping states (two_digit_year_pivot), through check and validate; without
 * one it is refused with a located one-line reason naming the fix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-yy-'));
const put = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const csv = put('yy.csv', 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum\nA-1;Heerlen;24-4-26;5-5-26\nA-2;Heerlen;2-11-70;\nA-3;Heerlen;28-4-2026;\n');
const ARGS = ['--region', 'zuid-limburg', '--as-of', '2026-11-01'];

describe('two-digit years with a century window', () => {
  it('check: 26 is 2026 and 70 is 1970 under two_digit_year_pivot: 1970; a four-digit year does not match d-M-yy', async () => {
    const m = put('pivot1970.yaml', 'date_format: d-M-yy\ntwo_digit_year_pivot: 1970\n');
    const r = await giacheck(['check', csv, '--mapping', m, ...ARGS, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.input).toMatchObject({ rows_read: 3, rows_checked: 2, rows_rejected: 1, newest_date: '2026-05-05' });
    expect(rep.rejected).toEqual([{ file: 'yy.csv', row: 4, column: 'melding_datum', reason: 'datum past niet bij date_format d-M-yy: "28-4-2026"' }]);
    const zl01 = rep.findings.filter((f: any) => f.rule_id === 'ZL-01').map((f: any) => [f.dossier_id, f.status, f.due_date, f.actual_date]);
    expect(zl01).toEqual([
      ['A-2', 'overdue', '1970-11-09', null],
      ['A-1', 'late', '2026-05-04', '2026-05-05'],
    ]);
  });

  it('check: the same file under two_digit_year_pivot: 1971 reads 70 as 2070, a date that cannot have happened yet', async () => {
    const m = put('pivot1971.yaml', 'date_format: d-M-yy\ntwo_digit_year_pivot: 1971\n');
    const rep = JSON.parse((await giacheck(['check', csv, '--mapping', m, ...ARGS, '--format', 'json', '--fail-on', 'never'])).stdout);
    expect(rep.input.newest_date).toBe('2070-11-02');
    expect(rep.findings.filter((f: any) => f.rule_id === 'ZL-01').map((f: any) => [f.dossier_id, f.status])).toEqual([
      ['A-1', 'late'],
      ['A-2', 'implausible'],
    ]);
  });

  it('validate: with the window no date problem; without it exit 2 before any row is read', async () => {
    const m = put('v1970.yaml', 'date_format: d-M-yy\ntwo_digit_year_pivot: 1970\n');
    const ok = JSON.parse((await giacheck(['validate', csv, '--mapping', m, ...ARGS, '--format', 'json'])).stdout);
    expect(ok.input).toMatchObject({ rows_read: 3, rows_with_errors: 1 });
    const n = put('nopivot.yaml', 'date_format: d-M-yy\n');
    const r = await giacheck(['validate', csv, '--mapping', n, ...ARGS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `giacheck: ${n}:1:14: date_format "d-M-yy" heeft een jaartal van twee cijfers; zeg met two_digit_year_pivot welke eeuw (bijv. two_digit_year_pivot: 1970 maakt van 70–99 1970–1999 en van 00–69 2000–2069) of gebruik yyyy\n`,
    );
  });

  it.each([
    ['nl', 'date_format: d-M-yy\n', '1:14: date_format "d-M-yy" heeft een jaartal van twee cijfers; zeg met two_digit_year_pivot welke eeuw (bijv. two_digit_year_pivot: 1970 maakt van 70–99 1970–1999 en van 00–69 2000–2069) of gebruik yyyy'],
    ['en', 'date_format: d-M-yy\n', '1:14: date_format "d-M-yy" has a two-digit year; say which century with two_digit_year_pivot (e.g. two_digit_year_pivot: 1970 reads 70–99 as 1970–1999 and 00–69 as 2000–2069) or use yyyy'],
    ['nl', 'date_format: d-M-yy\ntwo_digit_year_pivot: 2150\n', '2:23: two_digit_year_pivot moet een jaartal van 1900 tot en met 2100 zijn: het eerste jaar van het eeuwvenster (bijv. 1970)'],
    ['en', 'date_format: d-M-yy\ntwo_digit_year_pivot: "Jan 1970"\n', '2:23: two_digit_year_pivot must be a year from 1900 to 2100: the first year of the century window (e.g. 1970)'],
    ['nl', 'date_format: d-M-yy\ntwo_digit_year_pivot: 1970.5\n', '2:23: two_digit_year_pivot moet een jaartal van 1900 tot en met 2100 zijn: het eerste jaar van het eeuwvenster (bijv. 1970)'],
    ['nl', 'date_format: dd-MM-yyyy\ntwo_digit_year_pivot: 1970\n', "2:23: two_digit_year_pivot hoort bij een date_format met een jaartal van twee cijfers (bijv. d-M-yy); geef zo'n date_format of haal two_digit_year_pivot weg"],
    ['en', 'two_digit_year_pivot: 1970\n', '1:23: two_digit_year_pivot belongs to a date_format with a two-digit year (e.g. d-M-yy); give such a date_format or remove two_digit_year_pivot'],
  ])('check --lang %s refuses %j with one located line, exit 2', async (lang, text, expected) => {
    const m = put(`bad-${lang}-${text.length}.yaml`, text);
    const r = await giacheck(['check', csv, '--mapping', m, ...ARGS, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`giacheck: ${m}:${expected}\n`);
  });

  it('an export with two-digit years and no mapping: nothing checked, exit 2, naming the mapping keys', async () => {
    const f = put('only-yy.csv', 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum\nB-1;Heerlen;24-4-26;\nB-2;Kerkrade;2-11-25;\n');
    const nl = await giacheck(['check', f, ...ARGS]);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toBe('giacheck: geen enkele rij gecontroleerd: 2 van 2 rijen hebben jaartallen van twee cijfers; exporteer jaartallen met vier cijfers, of geef in een --mapping date_format (bijv. d-M-yy) met two_digit_year_pivot (bijv. 1970)\n');
    const en = await giacheck(['check', f, ...ARGS, '--lang', 'en']);
    expect(en.stderr).toBe('giacheck: no row checked: 2 of 2 rows have two-digit years; export four-digit years, or give date_format (e.g. d-M-yy) with two_digit_year_pivot (e.g. 1970) in a --mapping\n');
  });
});
