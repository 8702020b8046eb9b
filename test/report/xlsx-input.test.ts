/**
 * XLSX input (SPEC §3, issue 4 item 3): the first sheet or --sheet, Excel serial dates, real date
 * cells and text dates alike, through the same mapping and validation as CSV. The workbooks are
 * written here with exceljs, so every cell type is explicit.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { reportJson } from '../../src/report/json.js';
import { reportFor, ZL_SMALL } from './helpers.js';
import { serial, writeZlSmallXlsx } from './xlsx-fixture.js';

let dir: string;
let book: string;

beforeAll(async () => {
  setLang('nl');
  dir = mkdtempSync(join(tmpdir(), 'giacheck-xlsx-in-'));
  book = join(dir, 'export.xlsx');
  await writeZlSmallXlsx(book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('XLSX input', () => {
  it('reads the first sheet to exactly the same result as the CSV with the same rows', async () => {
    const fromCsv = reportJson(await reportFor([ZL_SMALL], { region: 'zuid-limburg', asOf: '2026-06-01', includePassed: true }));
    const fromXlsx = reportJson(await reportFor([book], { region: 'zuid-limburg', asOf: '2026-06-01', includePassed: true }));
    expect(fromXlsx.input).toMatchObject({ files: ['export.xlsx'], rows_read: 4, rows_checked: 2, rows_rejected: 2 });
    expect(fromXlsx.summary).toEqual(fromCsv.summary);
    expect(fromXlsx.findings).toEqual(fromCsv.findings);
    expect(fromXlsx.rejected).toEqual(fromCsv.rejected.map((r) => ({ ...r, file: 'export.xlsx' })));
  });

  it('a bare serial, a date cell and a text date all become the same day', async () => {
    const json = reportJson(await reportFor([book], { region: 'zuid-limburg', asOf: '2026-06-01', includePassed: true }));
    const f = (rule: string) => json.findings.find((x) => x.dossier_id === 'ZL-0001' && x.rule_id === rule)!;
    // melding (date cell) Friday 24-04-2026 + 5 werkdagen, Koningsdag 27-04 skipped = 04-05-2026;
    // beoordeling (bare serial 46146) 04-05-2026: on time, on the due date itself
    expect(serial(2026, 5, 4)).toBe(46146);
    expect(f('ZL-01')).toMatchObject({ status: 'on_time', due_date: '2026-05-04', actual_date: '2026-05-04' });
    // brief (text 30-04-2026)
    expect(f('ZL-02')).toMatchObject({ status: 'on_time', due_date: '2026-05-04', actual_date: '2026-04-30' });
    // overdracht (formatted serial 06-05-2026) + 3 weeks = 27-05; contact (date cell) 20-05
    expect(f('ZL-03')).toMatchObject({ status: 'on_time', due_date: '2026-05-27', actual_date: '2026-05-20' });
  });

  it('--sheet picks another sheet by name or number; a numeric dossier id becomes its text', async () => {
    for (const sheet of ['Oud', '2']) {
      const json = reportJson(await reportFor([book], { region: 'zuid-limburg', asOf: '2026-06-01', sheet }));
      expect(json.input.rows_read).toBe(1);
      expect(json.findings.find((f) => f.rule_id === 'ZL-01')).toMatchObject({
        dossier_id: '2026000123',
        status: 'overdue',
        due_date: '2026-03-09',
        days_late: 84,
      });
    }
  });

  it('an unknown sheet is a one-line UserError naming the file and the sheets', async () => {
    const err = await reportFor([book], { region: 'zuid-limburg', asOf: '2026-06-01', sheet: 'Nope' }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${book}: werkblad "Nope" bestaat niet (werkbladen: Export, Oud)`);
    const err3 = await reportFor([book], { region: 'zuid-limburg', asOf: '2026-06-01', sheet: '3' }).catch((e) => e);
    expect(err3.message).toBe(`${book}: werkblad "3" bestaat niet (werkbladen: Export, Oud)`);
  });

  it('goes through a mapping file like a CSV: foreign column names and route spellings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Dossiernummer', 'Woonplaats gemeente', 'Datum melding', 'Datum beoordeling', 'Besluit']);
    ws.addRow(['A-1', 'Heerlen', new Date(Date.UTC(2026, 4, 11)), serial(2026, 5, 19), 'Direct naar lokaal veld']);
    ws.addRow(['A-2', 'Heerlen', '11-05-2026', 'gisteren', 'Direct naar lokaal veld']);
    const file = join(dir, 'vreemd.xlsx');
    await wb.xlsx.writeFile(file);
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      'columns:\n  dossier_id: Dossiernummer\n  gemeente: Woonplaats gemeente\n  melding_datum: Datum melding\n' +
        '  veiligheidsbeoordeling_datum: Datum beoordeling\n  triage_besluit: Besluit\nroutes:\n  "Direct naar lokaal veld": overdracht_lokaal_veld\n',
    );
    const json = reportJson(await reportFor([file], { region: 'zuid-limburg', asOf: '2026-06-01', mapping, includePassed: true }));
    expect(json.input).toMatchObject({ rows_read: 2, rows_checked: 1, rows_rejected: 1 });
    // Monday 11-05-2026 + 5 werkdagen, skipping Hemelvaartsdag 14-05 and the gelijkgestelde 15-05 = 20-05
    expect(json.findings.find((f) => f.rule_id === 'ZL-01')).toMatchObject({ dossier_id: 'A-1', status: 'on_time', due_date: '2026-05-20', actual_date: '2026-05-19' });
    expect(json.summary.routes.overdracht_lokaal_veld).toBe(1);
    expect(json.rejected).toEqual([{ file: basename(file), row: 3, column: 'Datum beoordeling (veiligheidsbeoordeling_datum)', reason: 'geen datum: onleesbare waarde, 8 tekens, niet getoond (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)' }]);
  });

  it('a file that is not a workbook is a UserError, not a crash', async () => {
    const bad = join(dir, 'kapot.xlsx');
    writeFileSync(bad, 'PK\u0003\u0004 dit is geen zip');
    const err = await reportFor([bad], { region: 'zuid-limburg', asOf: '2026-06-01' }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${bad}: geen volledig XLSX-bestand (het zip-archief is afgebroken of beschadigd); exporteer het bestand opnieuw`);
  });
});
