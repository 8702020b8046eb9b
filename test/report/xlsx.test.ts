import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Report } from '../../src/report/model.js';
import { formatXlsx } from '../../src/report/xlsx.js';
import { reportFor, ZL_SMALL } from './helpers.js';

let report: Report;

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Values of a row, cell 1..n (exceljs row.values is 1-based with a hole at 0). */
function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  const out: unknown[] = [];
  const row = ws.getRow(n);
  for (let c = 1; c <= ws.columnCount; c++) out.push(row.getCell(c).value ?? null);
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  setLang('nl');
  report = await reportFor([ZL_SMALL], { region: 'zuid-limburg', asOf: '2026-06-01' });
});
afterEach(() => setLang('nl'));

describe('formatXlsx', () => {
  it('has the four sheets first, then per deelregio and per month', async () => {
    const wb = await readBack(await formatXlsx(report));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Bevindingen', 'Per gemeente', 'Afgewezen rijen', 'Per deelregio', 'Per maand', 'Doorlooptijden', 'Werkvoorraad', 'Zicht op veiligheid', 'Zicht onduidelijk', 'Herkomst']);
  });

  it('Samenvatting: typed header facts and the per-rule table with % cells, frozen and filtered', async () => {
    const ws = (await readBack(await formatXlsx(report))).getWorksheet('Samenvatting')!;
    expect(ws.getCell('A1').value).toBe('Nalevingsrapport Zuid-Limburg');
    expect(rowValues(ws, 2)).toEqual(['Profiel', 'zuid-limburg 2026.11 (extends landelijk)']);
    const peildatum = ws.getCell('B3');
    expect(peildatum.value).toEqual(day('2026-06-01'));
    expect(peildatum.type).toBe(ExcelJS.ValueType.Date);
    expect(peildatum.numFmt).toBe('dd-mm-yyyy');
    expect(rowValues(ws, 4)).toEqual(['Bestanden', 'zl-small.csv']);
    expect(rowValues(ws, 5)).toEqual(['Rijen gelezen', 4]);
    expect(rowValues(ws, 6)).toEqual(['Gecontroleerd', 2]);
    expect(rowValues(ws, 7)).toEqual(['Afgewezen', 2]);
    expect(rowValues(ws, 8)).toEqual(['Naleving over alle regels', report.summary.totals.compliance]);
    expect(ws.getCell('B8').numFmt).toBe('0.0%');
    expect(rowValues(ws, 9)).toEqual(['verlopen', report.summary.totals.overdue]);
    expect(rowValues(ws, 10)).toEqual(['te laat', report.summary.totals.late]);
    expect(rowValues(ws, 11)).toEqual(['ontbreekt', report.summary.totals.missing]);
    // the period (14.5), the newest date of the export (13.11: a stale export is visible), then the rule table
    expect(rowValues(ws, 12)).toEqual(['Periode', 'alle meldingen; periodetabel per maand']);
    expect(rowValues(ws, 13)[0]).toBe('Nieuwste datum in de export');
    expect(rowValues(ws, 15)).toEqual(['Regel', 'Omschrijving', 'Ernst', 'Toepasbaar', 'op tijd', 'te laat', 'verlopen', 'open', 'ontbreekt', 'te vroeg', 'afwijking', 'Naleving', 'Norm', 'Norm gehaald', 'Bron']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 15 });
    expect(ws.autoFilter).toBe('A15:O28');
    // ZL-01 is the third rule (row 18): 2 applicable, 1 on time, 1 late, compliance 0.5 as a number with a % format,
    // below its norm of 90 % (inherited from LV-03, which it replaces)
    expect(rowValues(ws, 18)).toEqual(['ZL-01', 'Veiligheidsbeoordeling binnen 5 werkdagen na de melding', 'fout', 2, 1, 1, 0, 0, 0, 0, 0, 0.5, 0.9, 'niet gehaald', 'ZL-afspraken §5.1.1']);
    expect(ws.getCell('L18').numFmt).toBe('0.0%');
    expect(ws.getCell('L18').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('M18').numFmt).toBe('0.0%');
    // LV-04: nothing judged, so its norm cannot be judged (not "below the norm")
    expect(rowValues(ws, 17).slice(11, 14)).toEqual([null, 0.8, 'niet te beoordelen']);
    expect(ws.getCell('D16').type).toBe(ExcelJS.ValueType.Number);
    expect(rowValues(ws, 16)[11]).toBeNull(); // LV-01: nothing judged, no compliance
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
    // the route mix below: a count and a % share
    const routeRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(`A${r}`).value === 'directe overdracht lokale veld')!;
    expect(rowValues(ws, routeRow)).toEqual(['directe overdracht lokale veld', 2, 1]);
    expect(ws.getCell(`C${routeRow}`).numFmt).toBe('0.0%');
  });

  it('Bevindingen: every finding, dates as date cells, days late as numbers', async () => {
    const ws = (await readBack(await formatXlsx(report))).getWorksheet('Bevindingen')!;
    expect(rowValues(ws, 1)).toEqual(['Dossier', 'Regel', 'Gemeente', 'Deelregio', 'Status', 'Ernst', 'Uiterlijk', 'Gedaan', 'Dagen te laat', 'Toelichting', 'Bron']);
    expect(ws.rowCount).toBe(1 + report.findings.length);
    expect(rowValues(ws, 2)).toEqual([
      'ZL-0002', 'ZL-02', 'Sittard-Geleen', 'Westelijke Mijnstreek', 'verlopen', 'fout', day('2026-05-04'), null, 28,
      'brief/informatie aan de directbetrokkenen ontbreekt; uiterste datum 04-05-2026 is 28 dag(en) verstreken', 'ZL-afspraken §5.1; Bijlage 3b',
    ]);
    expect(rowValues(ws, 4).slice(0, 9)).toEqual(['ZL-0002', 'ZL-01', 'Sittard-Geleen', 'Westelijke Mijnstreek', 'te laat', 'fout', day('2026-05-04'), day('2026-05-06'), 2]);
    expect(ws.getCell('G2').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('G2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('I2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:K6');
  });

  it('ignores --max-findings: the work file lists all findings', async () => {
    const many: Report = { ...report, findings: Array.from({ length: 250 }, (_, i) => ({ ...report.findings[0], dossier_id: `D-${i}` })) };
    const ws = (await readBack(await formatXlsx(many))).getWorksheet('Bevindingen')!;
    expect(ws.rowCount).toBe(251);
    expect(ws.getCell('A251').value).toBe('D-249');
  });

  it('Per gemeente and Afgewezen rijen', async () => {
    const wb = await readBack(await formatXlsx(report));
    const g = wb.getWorksheet('Per gemeente')!;
    expect(rowValues(g, 1).slice(0, 13)).toEqual(['Gemeente', 'Deelregio', 'Dossiers', 'Toepasbaar', 'op tijd', 'te laat', 'verlopen', 'open', 'ontbreekt', 'te vroeg', 'afwijking', 'Naleving', 'Naleving LV-01']);
    expect(g.rowCount).toBe(17); // 16 gemeenten
    const sittard = rowValues(g, 13);
    expect(sittard.slice(0, 11)).toEqual(['Sittard-Geleen', 'Westelijke Mijnstreek', 1, 6, 1, 1, 2, 0, 2, 0, 0]);
    expect(sittard[11]).toBeCloseTo(1 / 6, 10);
    expect(sittard[14]).toBe(0); // ZL-01 per gemeente (after LV-01 and LV-04)
    expect(g.getCell('L13').numFmt).toBe('0.0%');
    expect(g.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(g.autoFilter).toBe('A1:Y17');
    const r = wb.getWorksheet('Afgewezen rijen')!;
    expect(rowValues(r, 2)).toEqual(['zl-small.csv', 4, 'gemeente', 'gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?']);
    expect(rowValues(r, 3)).toEqual(['zl-small.csv', 5, 'melding_datum', 'datum bestaat niet: "31-02-2026"']);
    expect(r.autoFilter).toBe('A1:D3');
    const m = wb.getWorksheet('Per maand')!;
    expect(rowValues(m, 2).slice(0, 11)).toEqual(['2026-04', 2, 12, 7, 1, 2, 0, 2, 0, 0, 7 / 12]);
  });

  it('makes formula injection impossible: text stays text and gets the apostrophe', async () => {
    const evil: Report = {
      ...report,
      findings: [{ ...report.findings[0], dossier_id: '=HYPERLINK("http://x","klik")', message: '+cmd|calc' }],
      rejected: [{ file: '@evil.csv', row: 2, column: '-x', reason: '\tfoo' }],
    };
    const wb = await readBack(await formatXlsx(evil));
    const f = wb.getWorksheet('Bevindingen')!;
    expect(f.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(f.getCell('A2').value).toBe('\'=HYPERLINK("http://x","klik")');
    expect(f.getCell('A2').formula).toBeUndefined();
    expect(f.getCell('J2').value).toBe("'+cmd|calc");
    const r = wb.getWorksheet('Afgewezen rijen')!;
    expect(rowValues(r, 2)).toEqual(["'@evil.csv", 2, "'-x", "'\tfoo"]);
  });

  it('uses English sheet names and ISO dates with --lang en', async () => {
    setLang('en');
    const wb = await readBack(await formatXlsx(report));
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Summary', 'Findings', 'Per gemeente', 'Rejected rows']);
    expect(wb.getWorksheet('Summary')!.getCell('B3').numFmt).toBe('yyyy-mm-dd');
  });
});
