/**
 * An XLSX twin of fixtures/zl-small.csv for the XLSX input tests: the same rows, each date in
 * another shape (date cell, bare Excel serial, serial with a date format, text), plus a second
 * sheet "Oud" with a numeric dossier id.
 */
import { FIELDS } from '../../src/model/fields.js';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { dayFromYMD } from '../../src/calendar/days.js';
import { ZL_SMALL } from './helpers.js';

export const serial = (y: number, m: number, d: number) => dayFromYMD(y, m, d) + 25569;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The rows of fixtures/zl-small.csv, each date in another shape. */
export async function writeZlSmallXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Export');
  const header = readFileSync(ZL_SMALL, 'utf8').split(/\r?\n/)[0].split(';');
  ws.addRow(header);
  const col = (name: string) => header.indexOf(name) + 1;
  const put = (row: number, name: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getRow(row).getCell(col(name));
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  // ZL-0001: a real date cell, a bare serial number, a serial formatted as a date, text dates
  put(2, 'dossier_id', 'ZL-0001');
  put(2, 'gemeente', 'Heerlen');
  put(2, 'melding_datum', utc(2026, 4, 24), 'dd-mm-yyyy');
  put(2, 'melder_anoniem', 'nee');
  put(2, 'gi_betrokken', false);
  put(2, 'veiligheidsbeoordeling_datum', serial(2026, 5, 4));
  put(2, 'directbetrokkenen_geinformeerd_datum', '30-04-2026');
  put(2, 'triage_besluit', 'directe overdracht');
  put(2, 'overdracht_datum', serial(2026, 5, 6), 'd-m-yyyy');
  put(2, 'overdracht_bevestigd_datum', '2026-05-08');
  put(2, 'lokaal_team_contact_datum', utc(2026, 5, 20), 'yyyy-mm-dd');
  for (const item of ['ov_inhoud_melding', 'ov_contactgegevens_melder', 'ov_contactgegevens_directbetrokkenen', 'ov_triagebesluit_onderbouwing']) put(2, item, 'ja');
  put(2, 'ov_info_veiligheidsbeoordeling', true);
  // ZL-0002: text dates in two spellings, as in the CSV
  const r3: Record<string, ExcelJS.CellValue> = {
    dossier_id: 'ZL-0002', gemeente: 'Sittard Geleen', melding_datum: '2026-04-24', melder_anoniem: 'nee', gi_betrokken: 'nee',
    veiligheidsbeoordeling_datum: '6-5-2026', triage_besluit: 'overdracht_lokaal_veld', overdracht_datum: '07-05-2026',
    ov_inhoud_melding: 'ja', ov_contactgegevens_melder: 'nee', ov_contactgegevens_directbetrokkenen: 'ja', ov_triagebesluit_onderbouwing: 'ja', ov_info_veiligheidsbeoordeling: 'ja',
  };
  for (const [k, v] of Object.entries(r3)) put(3, k, v);
  // two rows that are rejected, as in the CSV
  for (const [k, v] of Object.entries({ dossier_id: 'ZL-0003', gemeente: 'Maastrich', melding_datum: serial(2026, 4, 24), melder_anoniem: 'nee', gi_betrokken: 'nee' })) put(4, k, v);
  for (const [k, v] of Object.entries({ dossier_id: 'ZL-0004', gemeente: 'Vaals', melding_datum: '31-02-2026', melder_anoniem: 'nee', gi_betrokken: 'nee' })) put(5, k, v);
  // a formatted but empty row far below is no data
  ws.getRow(40).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

  // a second sheet: a numeric dossier id and a real date cell
  const old = wb.addWorksheet('Oud');
  // every canonical column (the empty ones too): a missing one makes its rules not assessable
  old.addRow([...FIELDS]);
  old.addRow([2026000123, 'Kerkrade', utc(2026, 3, 2)]);
  await wb.xlsx.writeFile(path);
}

