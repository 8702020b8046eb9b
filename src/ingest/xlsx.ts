/**
 * XLSX input (exceljs, loaded only when an .xlsx file is read): the first sheet or `--sheet`
 * (name or 1-based number); row 1 is the header. Cells keep their type: a date cell arrives as a
 * Date, a number formatted as a date as an Excel serial, text as text, so the same value parsers
 * and row checks as for CSV apply.
 */
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { PREVIEW_ROWS } from './input.js';
import { shownColumnName } from '../privacy/quote.js';
import type { OpenedInput, RawRecord, ReadOptions } from './input.js';
import type { Worksheet } from 'exceljs';

function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return cellValue(o.result); // formula: use its cached result
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text); // hyperlink
  if ('error' in o) return undefined;
  return undefined;
}

/** The first rows of a sheet as text (to find the sheet and the row holding the header). */
function sheetPreview(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, 200);
  for (let r = 1; r <= PREVIEW_ROWS; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const v = cellValue(row.getCell(c).value);
      cells.push(v === undefined ? '' : String(v).trim());
    }
    rows.push(cells);
  }
  return rows;
}

export async function openXlsx(
  _path: string,
  bytes: AsyncIterable<Buffer>,
  file: string,
  opts: ReadOptions,
): Promise<OpenedInput> {
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of bytes) {
    chunks.push(c);
    size += c.length;
    if (size > 256 * 1024 * 1024) throw new UserError(t('error.xlsxTooLarge', { file }));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UserError(t('error.xlsxUnreadable', { file, message: String((e as Error).message).split('\n')[0] }));
  }
  const sheet =
    opts.sheet === undefined
      ? wb.worksheets[0]
      : typeof opts.sheet === 'number' || /^\d+$/.test(String(opts.sheet))
        ? wb.worksheets[Number(opts.sheet) - 1]
        : wb.getWorksheet(String(opts.sheet));
  if (!sheet) {
    throw new UserError(t('error.xlsxNoSheet', { file, sheet: String(opts.sheet ?? 1), sheets: wb.worksheets.map((w, i) => shownColumnName(w.name, t('quote.sheet', { n: i + 1 }))).join(', ') }));
  }
  const header: string[] = [];
  const headerRow = sheet.getRow(1);
  const width = Math.max(headerRow.cellCount, sheet.columnCount);
  for (let c = 1; c <= width; c++) {
    const v = cellValue(headerRow.getCell(c).value);
    header.push(v === undefined ? '' : String(v));
  }
  while (header.length && header[header.length - 1] === '') header.pop();
  // an empty first sheet with others beside it: the missing-columns message points at the others
  if (header.length === 0 && wb.worksheets.length < 2) throw new UserError(t('error.emptyFile', { file }));
  const sheets = wb.worksheets.map((w) => ({ name: w.name, preview: sheetPreview(w) }));
  // the last row with a value; formatted-but-empty rows below it are not data
  let last = 1;
  sheet.eachRow((_row, n) => {
    last = n;
  });
  async function* batches(): AsyncGenerator<RawRecord[]> {
    let out: RawRecord[] = [];
    for (let r = 2; r <= last; r++) {
      const row = sheet!.getRow(r);
      const values: unknown[] = [];
      for (let c = 1; c <= header.length; c++) values.push(cellValue(row.getCell(c).value));
      out.push({ row: r, values });
      if (out.length >= 4096) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
  return { file, format: 'xlsx', header, preview: sheetPreview(sheet), sheets, batches: batches() };
}
