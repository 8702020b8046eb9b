/**
 * Privacy of outputs (issue 5): `--pseudonymize` replaces every dossier id in every output format
 * of check (the format registry, so md/html/xlsx are covered as they are added) with a keyed
 * HMAC-SHA256, stable across runs with the same key; outputs are written with mode 0600; CSV and
 * XLSX neutralise formula injection.
 */
import { withAllColumns } from '../helpers/cases.js';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { giacheck } from '../helpers/cli.js';
import { FORMATS } from '../../src/report/formats.js';
import { makePseudonymizer } from '../../src/report/pseudonymize.js';
import { UserError } from '../../src/errors.js';

const FIXTURE = 'fixtures/zuid-limburg-excel.csv';
const KEY = 'een-geheime-sleutel-van-de-coordinator';
const ENV = { GIACHECK_PSEUDO_KEY: KEY };
const RUN = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--include-passed', '--fail-on', 'never'];
const IDS = [...new Set(readFileSync(FIXTURE, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).slice(1).map((l) => l.split(';')[0].trim()).filter(Boolean))];
const out = () => join(mkdtempSync(join(tmpdir(), 'giacheck-pseudo-')), 'rapport');

/** All text of an output file; a workbook is opened and every cell read. */
async function textOf(file: string, format: string): Promise<string> {
  if (format !== 'xlsx') return readFileSync(file, 'utf8');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => cells.push(typeof c.value === 'object' ? JSON.stringify(c.value) : String(c.value))));
  });
  return cells.join('\n');
}

describe('--pseudonymize on every output format of check', () => {
  it('the fixture has the ids we look for', () => {
    expect(IDS).toContain('D-001');
    expect(IDS.length).toBeGreaterThan(10);
  });

  it.each(Object.keys(FORMATS))('%s: no original dossier id, pseudonyms instead; file mode 0600', async (format) => {
    const file = out() + '.' + format;
    const r = await giacheck(['check', FIXTURE, ...RUN, '--format', format, '--output', file, '--pseudonymize'], { env: ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = await textOf(file, format);
    for (const id of IDS) expect(text, `${format} contains ${id}`).not.toMatch(new RegExp(`(?<![\\w-])${id}(?![\\w-])`));
    expect(r.stderr + r.stdout).not.toMatch(/D-0\d\d/);
    expect(text).toMatch(/P-[0-9a-f]{16}/);
  });

  it('pseudonyms are HMAC-SHA256 of the id under the key: stable across runs, different per key', async () => {
    const ids = async (env: Record<string, string>) =>
      JSON.parse((await giacheck(['check', FIXTURE, ...RUN, '--format', 'json', '--pseudonymize'], { env })).stdout).findings.map((f: { dossier_id: string }) => f.dossier_id);
    const first = await ids(ENV);
    expect(await ids(ENV)).toEqual(first);
    const expected = 'P-' + createHmac('sha256', KEY).update('D-001').digest('hex').slice(0, 16);
    expect(first).toContain(expected);
    const other = await ids({ GIACHECK_PSEUDO_KEY: 'een-andere-sleutel-voor-een-test' });
    expect(other).not.toContain(expected);
    expect(new Set(other).size).toBe(new Set(first).size);
  });

  it('a missing or short key is exit 2 with one line, before anything is read', async () => {
    for (const env of [{ GIACHECK_PSEUDO_KEY: '' }, { GIACHECK_PSEUDO_KEY: 'kort' }]) {
      const r = await giacheck(['check', FIXTURE, ...RUN, '--pseudonymize'], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('giacheck: --pseudonymize vraagt een sleutel in de omgevingsvariabele GIACHECK_PSEUDO_KEY (minstens 16 tekens die geen spatie zijn, waarvan 8 verschillende)\n');
      expect(r.stdout).toBe('');
    }
    expect(() => makePseudonymizer(undefined)).toThrow(UserError);
  });
});

describe('formula injection in CSV and XLSX outputs', () => {
  // a phone number as dossier id is a rejected row now (issue 16.6), so a plus that is no phone
  const hostile = ['=HYPERLINK("http://x")', '+2026-0001', '-1+1', '@SUM(A1)', '\tTAB', '\rCR'];
  const csvIn = join(mkdtempSync(join(tmpdir(), 'giacheck-inj-')), 'in.csv');
  writeFileSync(
    csvIn,
    withAllColumns('dossier_id,gemeente,melding_datum\n' + hostile.map((id) => `"${id.replace(/"/g, '""')}",Heerlen,2026-10-01`).join('\n') + '\n'),
  );

  it('csv: every cell that a spreadsheet would run starts with an apostrophe', async () => {
    const r = await giacheck(['check', csvIn, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--lang', 'en', '--fail-on', 'never']);
    const cells = r.stdout.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0].replace(/^"|"$/g, ''));
    // ids are trimmed on reading, so the tab and CR cases arrive as plain text
    expect(new Set(cells)).toEqual(new Set(["'=HYPERLINK(\"\"http://x\"\")", "'+2026-0001", "'-1+1", "'@SUM(A1)", 'TAB', 'CR']));
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('xlsx: no formula cells, and text starting with = + - @ tab CR is neutralised', async () => {
    const file = out() + '.xlsx';
    const r = await giacheck(['check', csvIn, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'xlsx', '--output', file, '--fail-on', 'never']);
    expect(r.code, r.stderr).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let seen = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof c.value === 'string' && hostile.some((h) => c.value === h || c.value === "'" + h)) {
            seen++;
            expect(c.value.startsWith("'")).toBe(true);
          }
        }),
      ),
    );
    expect(seen).toBeGreaterThan(0);
  });
});
