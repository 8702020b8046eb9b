/**
 * The XLSX reader on workbooks Excel would not write or that were made to hurt (issue 16.7, 16.9):
 * zip bombs, parts that lie about their size, truncated archives, a cell in row 1,048,576, a
 * million empty rows, shared-string bombs, 1904 workbooks, formulas, ISO date cells, long ids.
 * Each result is exact: the records read, the rows rejected and why, or the one-line message.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInput } from '../../src/ingest/readers.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import { STRIDE } from '../../src/model/row.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { loadProfile } from '../../src/profile/load.js';
import { isoDate } from '../../src/calendar/days.js';
import { FIELD_INDEX } from '../../src/model/fields.js';
import { book, headerRow, num, row, str, zip } from '../helpers/xlsx-build.js';
import { XLSX_LIMITS } from '../../src/ingest/xlsx.js';

const zl = loadProfile({ region: 'zuid-limburg' });
const dir = mkdtempSync(join(tmpdir(), 'giacheck-xlsx-'));
let n = 0;

function write(bytes: Buffer): string {
  const f = join(dir, `book-${n++}.xlsx`);
  writeFileSync(f, bytes);
  return f;
}

/** Every record: the row number, its melding_datum as a day (or the reasons it was rejected). */
async function readAll(bytes: Buffer, opts: { sheet?: string } = {}) {
  const f = write(bytes);
  const input = await openInput(f, { encoding: 'auto', ...opts });
  const norm = new Normalizer(zl, EMPTY_MAPPING);
  norm.begin(input);
  const packed = new Int32Array(STRIDE);
  const rows: { row: number; id?: string; melding?: string; rejected?: string[] }[] = [];
  for await (const batch of input.batches) {
    for (const rec of batch) {
      const r = norm.normalize(rec, packed, 0);
      if (r === true) rows.push({ row: rec.row, id: norm.spanRow.dossierId, melding: isoDate(packed[FIELD_INDEX.melding_datum]) });
      else rows.push({ row: rec.row, rejected: r.map((e) => `${e.column}: ${e.reason}`) });
    }
  }
  return { file: f, input, rows };
}

async function message(bytes: Buffer): Promise<string> {
  try {
    await readAll(bytes);
  } catch (e) {
    return (e as Error).message.replace(dir + '/', '');
  }
  return 'read';
}

const data = (r: number, id: string, date: string) => row(r, [str(`A${r}`, id), str(`B${r}`, 'Heerlen'), str(`C${r}`, date)]);

describe('XLSX: what the cells hold', () => {
  it('a 1904 workbook: date-formatted and bare serials both count from 1 January 1904', async () => {
    // 44678 in the 1904 system is 2026-04-28 (46140 − 1462)
    const r = await readAll(
      book({
        date1904: true,
        cellXfs: [0, 14],
        sheets: { Export: headerRow() + row(2, [str('A2', 'A-1'), str('B2', 'Heerlen'), num('C2', 44678, 1)]) + row(3, [str('A3', 'A-2'), str('B3', 'Heerlen'), num('C3', 44678)]) },
      }),
    );
    expect(r.input.date1904).toBe(true);
    expect(r.rows).toEqual([
      { row: 2, id: 'A-1', melding: '2026-04-28' },
      { row: 3, id: 'A-2', melding: '2026-04-28' },
    ]);
  });

  it('an ISO date cell (t="d") is its day, not a serial of 1905', async () => {
    const r = await readAll(book({ sheets: { Export: headerRow() + row(2, [str('A2', 'A-1'), str('B2', 'Heerlen'), '<c r="C2" t="d"><v>2026-04-28T00:00:00</v></c>']) } }));
    expect(r.rows).toEqual([{ row: 2, id: 'A-1', melding: '2026-04-28' }]);
  });

  it('dates of the years 1850 and 9999 and serial 60 (29-02-1900) are impossible, not shifted', async () => {
    const r = await readAll(
      book({
        cellXfs: [0, 164],
        numFmts: { 164: 'dd-mm-yyyy' },
        sheets: {
          Export: headerRow() + row(2, [str('A2', 'A-1'), str('B2', 'Heerlen'), num('C2', 2958465, 1)]) + row(3, [str('A3', 'A-2'), str('B3', 'Heerlen'), num('C3', 60, 1)]) + row(4, [str('A4', 'A-3'), str('B4', 'Heerlen'), '<c r="C4" t="d"><v>1850-01-01</v></c>']),
        },
      }),
    );
    expect(r.rows.map((x) => x.rejected?.[0])).toEqual(['melding_datum: datum bestaat niet: "9999-12-31"', 'melding_datum: datum bestaat niet: "60"', 'melding_datum: datum bestaat niet: "1850-01-01"']);
  });

  it('formulas: the value Excel computed and stored is used; one without a stored value, and an error value, reject their row by column', async () => {
    const r = await readAll(
      book({
        cellXfs: [0, 14],
        sharedStrings: ['Heerlen'],
        sheets: {
          Export:
            headerRow() +
            row(2, ['<c r="A2" t="str"><f>"A-"&amp;1</f><v>A-1</v></c>', '<c r="B2" t="s"><v>0</v></c>', '<c r="C2" s="1"><f>DATE(2026,4,28)</f><v>46140</v></c>']) +
            row(3, [str('A3', 'A-2'), str('B3', 'Heerlen'), '<c r="C3" s="1"><f>TODAY()</f></c>']) +
            row(4, [str('A4', 'A-3'), str('B4', 'Heerlen'), '<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c>']),
        },
      }),
    );
    expect(r.rows).toEqual([
      { row: 2, id: 'A-1', melding: '2026-04-28' },
      { row: 3, rejected: ['melding_datum: een formule zonder berekende waarde; open het bestand in Excel, laat het herberekenen en sla het op'] },
      { row: 4, rejected: ['melding_datum: een Excel-foutwaarde (zoals #N/A) in plaats van een waarde'] },
    ]);
  });

  it('a workbook that asks to be recalculated on opening (fullCalcOnLoad): every formula rejects its row, whatever value it stored; plain cells are read', async () => {
    // XlsxWriter writes this flag and 0 as every formula's value: read, it would be 1900-01-00 or "nee"
    const r = await readAll(
      book({
        fullCalcOnLoad: true,
        cellXfs: [0, 14],
        sheets: {
          Export:
            headerRow('gi_betrokken') +
            row(2, [str('A2', 'A-1'), str('B2', 'Heerlen'), '<c r="C2" s="1"><f>DATE(2026,4,28)</f><v>0</v></c>']) +
            row(3, [str('A3', 'A-2'), str('B3', 'Heerlen'), num('C3', 46140, 1), '<c r="D3" t="b"><f>FALSE()</f><v>0</v></c>']) +
            row(4, [str('A4', 'A-3'), str('B4', 'Heerlen'), num('C4', 46141, 1), '<c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c>']) +
            row(5, [str('A5', 'A-4'), str('B5', 'Heerlen'), num('C5', 46142, 1), '<c r="E5"><f>1+1</f><v>2</v></c>']),
        },
      }),
    );
    const stale = 'een formule waarvan de werkmap zegt dat de opgeslagen waarde niet geldt (herberekenen bij openen); open het bestand in Excel, laat het herberekenen en sla het op';
    expect(r.rows).toEqual([
      { row: 2, rejected: [`melding_datum: ${stale}`] },
      { row: 3, rejected: [`gi_betrokken: ${stale}`] },
      { row: 4, rejected: ['gi_betrokken: een Excel-foutwaarde (zoals #N/A) in plaats van een waarde'] },
      // a formula in a column giacheck does not read is no matter
      { row: 5, id: 'A-4', melding: '2026-04-30' },
    ]);
  });

  it('1904 serials: any serial s, formatted as a date or bare, is the day of s + 1462 in the 1900 system; a negative one is no day', async () => {
    const serials = [0, 1, 59, 60, 61, 1000, 44678, 44678.99, 73_000];
    const cells = (r: number, s: number, style?: number) => row(r, [str(`A${r}`, `A-${r}`), str(`B${r}`, 'Heerlen'), num(`C${r}`, s, style)]);
    const read = async (date1904: boolean, shift: number, style?: number) =>
      (await readAll(book({ date1904, cellXfs: [0, 14], sheets: { Export: headerRow() + serials.map((s, i) => cells(i + 2, s + shift, style)).join('') } }))).rows.map((x) => x.melding ?? x.rejected?.[0]);
    for (const style of [undefined, 1]) {
      const in1904 = await read(true, 0, style);
      expect(in1904).toEqual(await read(false, 1462, style));
      expect(in1904.slice(0, 3)).toEqual(['1904-01-01', '1904-01-02', '1904-02-29']);
    }
    // "-1" has no date shape, so the quote policy (src/privacy/quote.ts) describes it instead of quoting it
    const negative = await readAll(book({ date1904: true, cellXfs: [0, 14], sheets: { Export: headerRow() + cells(2, -1, 1) + cells(3, -1) } }));
    expect(negative.rows.map((x) => x.rejected?.[0])).toEqual(Array(2).fill('melding_datum: geen datum: onleesbare waarde, 2 tekens, niet getoond (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)'));
  });

  it('a numeric dossier id of 20 digits keeps every digit (two of them do not collide)', async () => {
    const r = await readAll(
      book({ sheets: { Export: headerRow() + row(2, [num('A2', '12345678901234567891'), str('B2', 'Heerlen'), str('C2', '2026-04-28')]) + row(3, [num('A3', '12345678901234567892'), str('B3', 'Heerlen'), str('C3', '2026-04-28')]) } }),
    );
    expect(r.rows).toEqual([
      { row: 2, id: '12345678901234567891', melding: '2026-04-28' },
      { row: 3, id: '12345678901234567892', melding: '2026-04-28' },
    ]);
  });

  it('rows without any value are not records; a row with only a space is a rejected blank row', async () => {
    const r = await readAll(book({ sheets: { Export: headerRow() + '<row r="2"/>' + row(3, ['<c r="A3" s="0"/>']) + data(4, 'A-1', '2026-04-28') + row(5, [str('B5', ' ')]) + data(9, 'A-2', '2026-04-29') } }));
    expect(r.rows).toEqual([
      { row: 4, id: 'A-1', melding: '2026-04-28' },
      { row: 5, rejected: [': lege rij'] },
      { row: 9, id: 'A-2', melding: '2026-04-29' },
    ]);
  });
});

describe('XLSX: bounded memory and refusals', () => {
  it('a 3 KB workbook with one cell in row 1,048,576 is one record, read at once', async () => {
    const bytes = book({ sheets: { Export: headerRow() + data(1_048_576, 'A-1', '2026-04-28') } });
    expect(bytes.length).toBeLessThan(3_000);
    const t0 = performance.now();
    const r = await readAll(bytes);
    expect(r.rows).toEqual([{ row: 1_048_576, id: 'A-1', melding: '2026-04-28' }]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('100,000 empty rows between two data rows: two records (a million, and the memory they take: xlsx-memory.test.ts)', async () => {
    let empty = '';
    for (let i = 3; i < 100_003; i++) empty += `<row r="${i}"/>`;
    const r = await readAll(book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') + empty + data(100_003, 'A-2', '2026-04-29') } }));
    expect(r.rows).toEqual([
      { row: 2, id: 'A-1', melding: '2026-04-28' },
      { row: 100_003, id: 'A-2', melding: '2026-04-29' },
    ]);
  });

  it('a zip bomb (a sheet that unpacks 1000 times) is refused before it is unpacked, naming the sheet', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}${' '.repeat(8 * 1024 * 1024)}</sheetData></worksheet>`;
    const bytes = book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet }] });
    expect(bytes.length).toBeLessThan(200_000);
    expect(await message(bytes)).toMatch(
      /^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): pakt uit tot meer dan 100 keer zijn gecomprimeerde grootte \(een zip-bom\?\) en wordt niet gelezen; sla het bestand opnieuw op in Excel of exporteer als CSV$/,
    );
  });

  it('a part that says it is small but unpacks to more is refused as damaged at the size it said', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}${' '.repeat(16 * 1024 * 1024)}</sheetData></worksheet>`;
    const bytes = book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet, claimUnpacked: 1000 }] });
    expect(await message(bytes)).toMatch(/^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): beschadigd \(de uitgepakte grootte of de controlesom klopt niet\); exporteer het bestand opnieuw$/);
  });

  it('shared strings: more than the limit (3 million; 1,000 here), or a part past its unpacked limit, are refused naming the part', async () => {
    const saved = { ...XLSX_LIMITS };
    try {
      XLSX_LIMITS.strings = 1000;
      let many = '';
      for (let i = 0; i <= 1000; i++) many += `<si><t>${i}</t></si>`;
      expect(await message(book({ sharedStrings: many, sheets: { Export: headerRow() } }))).toMatch(
        /^book-\d+\.xlsx: onderdeel xl\/sharedStrings\.xml: meer dan 1\.000 gedeelde teksten, de grens van giacheck; exporteer als CSV$/,
      );
      XLSX_LIMITS.sharedStrings = 1024 * 1024;
      const big = `<si><t>${'Heerlen '.repeat(140_000)}</t></si>`;
      expect(await message(book({ sharedStrings: big, sheets: { Export: headerRow() } }))).toMatch(/^book-\d+\.xlsx: onderdeel xl\/sharedStrings\.xml: uitgepakt groter dan 1 MiB, de grens van giacheck; exporteer als CSV$/);
    } finally {
      Object.assign(XLSX_LIMITS, saved);
    }
    expect(XLSX_LIMITS.strings).toBe(3_000_000);
  });

  it('a shared string longer than a cell can be (32,767 characters) is refused at the cell that uses it; unused, it is no matter', async () => {
    const long = 'x'.repeat(32_768);
    const used = book({ sharedStrings: ['Heerlen', long], sheets: { Export: headerRow() + row(2, [str('A2', 'A-1'), '<c r="B2" t="s"><v>0</v></c>', str('C2', '2026-04-28')]) + row(3, [str('A3', 'A-2'), '<c r="B3" t="s"><v>1</v></c>']) } });
    expect(await message(used)).toMatch(/^book-\d+\.xlsx: werkblad "Export", cel B3: meer dan 32\.767 tekens, de grens van een Excel-cel; kort de cel in of exporteer als CSV$/);
    const unused = await readAll(book({ sharedStrings: ['Heerlen', long], sheets: { Export: headerRow() + row(2, [str('A2', 'A-1'), '<c r="B2" t="s"><v>0</v></c>', str('C2', '2026-04-28')]) } }));
    expect(unused.rows).toEqual([{ row: 2, id: 'A-1', melding: '2026-04-28' }]);
    const inline = book({ sheets: { Export: headerRow() + row(2, [str('A2', 'A-1'), str('B2', 'Heerlen'), str('C2', '2026-04-28')]) + row(7, [str('D7', long)]) } });
    expect(await message(inline)).toMatch(/^book-\d+\.xlsx: werkblad "Export", cel D7: meer dan 32\.767 tekens, de grens van een Excel-cel; kort de cel in of exporteer als CSV$/);
  });

  it('shared strings are read as written: entities, rich-text runs, phonetic runs left out, multi-byte text, empty strings', async () => {
    const ss = '<si><t>V&amp;V</t></si><si><r><t>Heer</t></r><r><rPr><b/></rPr><t>len</t></r><rPh><t>ヘールレン</t></rPh></si><si><t/></si><si><t>Sûdwest-Fryslân</t></si>';
    const r = await readAll(
      book({
        sharedStrings: ss,
        sheets: { Export: headerRow('x') + row(2, ['<c r="A2" t="s"><v>0</v></c>', '<c r="B2" t="s"><v>1</v></c>', str('C2', '2026-04-28'), '<c r="D2" t="s"><v>2</v></c>']) + row(3, ['<c r="A3" t="s"><v>3</v></c>', '<c r="B3" t="s"><v>1</v></c>', str('C3', '2026-04-29')]) },
      }),
    );
    expect(r.rows).toEqual([
      { row: 2, id: 'V&V', melding: '2026-04-28' },
      { row: 3, id: 'Sûdwest-Fryslân', melding: '2026-04-29' },
    ]);
    expect(r.input.header).toEqual(['dossier_id', 'gemeente', 'melding_datum', 'x']);
  });

  it('opening reads only the shared strings the header and previews use; the rows read them all, and a damaged one after those is refused then', async () => {
    // the header's texts are strings 200,000–200,002 (a few MB into the part); 20,000 strings
    // later the part is damaged (a tag closed by another)
    let ss = '';
    for (let i = 0; i < 200_000; i++) ss += `<si><t>vul ${i}</t></si>`;
    ss += '<si><t>dossier_id</t></si><si><t>gemeente</t></si><si><t>melding_datum</t></si><si><t>A-1</t></si>';
    for (let i = 0; i < 20_000; i++) ss += `<si><t>vul ${i}</t></si>`;
    const header = row(1, [0, 1, 2].map((k) => `<c r="${String.fromCharCode(65 + k)}1" t="s"><v>${200_000 + k}</v></c>`));
    const sheet = header + row(2, ['<c r="A2" t="s"><v>200003</v></c>', str('B2', 'Heerlen'), str('C2', '2026-04-28')]);
    const good = write(book({ sharedStrings: ss, sheets: { Export: sheet } }));
    const damaged = write(book({ sharedStrings: ss + '<si><t>kapot</r></si>', sheets: { Export: sheet } }));
    for (const f of [good, damaged]) {
      const input = await openInput(f, { encoding: 'auto' });
      expect(input.header).toEqual(['dossier_id', 'gemeente', 'melding_datum']);
      expect(input.preview?.slice(0, 2)).toEqual([
        ['dossier_id', 'gemeente', 'melding_datum'],
        ['A-1', 'Heerlen', '2026-04-28'],
      ]);
      await input.batches.return(undefined);
    }
    expect((await readAll(readFileSync(good))).rows).toEqual([{ row: 2, id: 'A-1', melding: '2026-04-28' }]);
    expect(await message(readFileSync(damaged))).toMatch(/^book-\d+\.xlsx: onderdeel xl\/sharedStrings\.xml: geen geldige XML; exporteer het bestand opnieuw$/);
  });

  it('the file over 256 MiB (1 MiB here) is refused before it is unpacked', async () => {
    const saved = XLSX_LIMITS.file;
    try {
      XLSX_LIMITS.file = 1024 * 1024;
      const bytes = book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') }, extra: [{ name: 'xl/media/image1.bin', data: randomBytes(1024 * 1024), store: true }] });
      expect(await message(bytes)).toMatch(/^book-\d+\.xlsx: groter dan 1 MiB, de grens van giacheck voor een XLSX-bestand; exporteer als CSV, of per periode$/);
    } finally {
      XLSX_LIMITS.file = saved;
    }
    expect(XLSX_LIMITS.file).toBe(256 * 1024 * 1024);
  });

  it('a truncated workbook, cut anywhere, is one line saying so', async () => {
    const bytes = book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') } });
    for (const cut of [0, 10, 100, Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 1]) {
      const m = await message(bytes.subarray(0, cut));
      expect(m, `cut at ${cut}`).toMatch(/^book-\d+\.xlsx: (geen volledig XLSX-bestand \(het zip-archief is afgebroken of beschadigd\); exporteer het bestand opnieuw|leeg bestand|dit lijkt een binair bestand)/);
    }
  });

  it('a damaged byte inside a sheet is caught by its CRC, not read as another value, and named with the last row read', async () => {
    const bytes = book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') }, edit: (p) => (p.name.includes('sheet1') ? { ...p, store: true } : p) });
    const at = bytes.indexOf('2026-04-28');
    bytes[at + 3] = '7'.charCodeAt(0);
    expect(await message(bytes)).toMatch(/^book-\d+\.xlsx: werkblad "Export", na rij 2: beschadigd \(de uitgepakte grootte of de controlesom klopt niet\); exporteer het bestand opnieuw$/);
  });

  it('a DOCTYPE (entity expansion) is refused; a password-protected workbook and a non-zip say what they are', async () => {
    const dtd = book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' }] });
    expect(await message(dtd)).toMatch(
      /^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): bevat een DOCTYPE-declaratie, die een Excel-werkmap nooit heeft, en wordt niet gelezen; sla het bestand opnieuw op in Excel$/,
    );
    const ole = Buffer.alloc(4096);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    expect(await message(ole)).toMatch(/^book-\d+\.xlsx: het XLSX-bestand is versleuteld of met een wachtwoord beveiligd; sla het zonder wachtwoord op$/);
    expect(await message(zip([{ name: 'a.txt', data: 'x' }]))).toMatch(/^book-\d+\.xlsx: onderdeel xl\/workbook\.xml: ontbreekt in het bestand; dit is geen volledige Excel-werkmap, exporteer het bestand opnieuw$/);
  });

  it('a sheet that is missing, compressed another way or not XML is named, with the last row read', async () => {
    const missing = book({ sheets: { Export: headerRow() }, edit: (p) => (p.name.includes('sheet1') ? { ...p, name: 'xl/worksheets/other.xml' } : p) });
    expect(await message(missing)).toMatch(/^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): ontbreekt in het bestand; dit is geen volledige Excel-werkmap, exporteer het bestand opnieuw$/);
    const bzip = book({ sheets: { Export: headerRow() }, edit: (p) => (p.name.includes('sheet1') ? { ...p, method: 12 } : p) });
    expect(await message(bzip)).toMatch(/^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): gecomprimeerd op een manier die giacheck niet leest; sla het bestand opnieuw op in Excel$/);
    const broken = book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') + '<row r="3"><c r=A3 t="inlineStr"><is><t>x</t></is></c></row>' } });
    expect(await message(broken)).toMatch(/^book-\d+\.xlsx: werkblad "Export", rij 3: geen geldige XML; exporteer het bestand opnieuw$/);
    const between = book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') + '<x a="1" a="2"/>' } });
    expect(await message(between)).toMatch(/^book-\d+\.xlsx: werkblad "Export", na rij 2: geen geldige XML; exporteer het bestand opnieuw$/);
  });

  it('rows out of order, a row number outside 1–1,048,576 and a cell beyond column XFD are refused with the row', async () => {
    expect(await message(book({ sheets: { Export: headerRow() + data(5, 'A-1', '2026-04-28') + data(3, 'A-2', '2026-04-28') } }))).toMatch(
      /^book-\d+\.xlsx: werkblad "Export", rij 3: staat na rij 5; een Excel-werkmap heeft de rijen op volgorde, exporteer het bestand opnieuw$/,
    );
    expect(await message(book({ sheets: { Export: headerRow() + data(2, 'A-1', '2026-04-28') + data(1_048_577, 'A-2', '2026-04-28') } }))).toMatch(
      /^book-\d+\.xlsx: werkblad "Export", na rij 2: een rij zonder rijnummer van Excel \(1 tot en met 1\.048\.576\); exporteer het bestand opnieuw$/,
    );
    expect(await message(book({ sheets: { Export: headerRow() + row(2, [str('XFE2', 'x')]) } }))).toMatch(/^book-\d+\.xlsx: werkblad "Export", rij 2: een cel voorbij kolom XFD \(16\.384\), de grens van Excel; exporteer het bestand opnieuw$/);
  });

  it('a sheet name goes through the column-name policy: shown when it looks like a sheet name, not when it holds control characters or a name', async () => {
    // (C0 controls such as ESC cannot be in XML; the C1 CSI U+009B and U+202E can)
    const outOfOrder = headerRow() + data(3, 'A-1', '2026-04-28') + data(2, 'A-2', '2026-04-28');
    expect(await message(book({ sheets: { 'Ex\u009b2Jport\u202e': outOfOrder } }))).toMatch(/^book-\d+\.xlsx: werkblad \(niet getoond\), rij 2: staat na rij 3;/);
    expect(await message(book({ sheets: { 'Jan Zwanenburg': outOfOrder } }))).toMatch(/^book-\d+\.xlsx: werkblad \(niet getoond\), rij 2: staat na rij 3;/);
    expect(await message(book({ sheets: { 'Export 2026': outOfOrder } }))).toMatch(/^book-\d+\.xlsx: werkblad "Export 2026", rij 2: staat na rij 3;/);
  });

  it("a part's name is shown only as a plain path: the workbook names its own parts", async () => {
    // the sheet's part is whatever the workbook's relationships say; here one that holds a phone number and a space
    const relsTo = (target: string) => ({
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`,
    });
    const broken = 'garbage';
    const hostile = 'worksheets/Jan Zwanenburg 0612345678.xml';
    const hidden = await message(book({ sheets: { Export: '' }, extra: [relsTo(hostile), { name: 'xl/' + hostile, data: broken }] }));
    expect(hidden).toMatch(/^book-\d+\.xlsx: werkblad "Export" \(\(niet getoond\)\): /);
    expect(hidden).not.toMatch(/Zwanenburg|0612345678/);
    const plain = await message(book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: broken }] }));
    expect(plain).toMatch(/^book-\d+\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): /);
  });
});
