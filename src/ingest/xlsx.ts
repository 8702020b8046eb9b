/**
 * XLSX input: the first sheet or `--sheet` (name or 1-based number); row 1 is the header. Read
 * with bounded memory (issue 16.7, 16.9): the zip container through zip.ts (sizes checked before
 * inflating, zip bombs refused), the sheet streamed through a SAX parser (saxes) a chunk at a time,
 * so neither the workbook nor the sheet is ever held whole — a 3 KB file with one cell in row
 * 1,048,576 is one record, a million empty rows cost no memory, and `check` reads its own 100k-row
 * export in its worker. Rows without any value are not records (Excel shows them as nothing).
 *
 * Cells keep their type: a number formatted as a date becomes a Date, counted from 1900 or, in a
 * 1904 workbook, from 1904; an unformatted number stays a number, which a date column reads as a
 * serial of the workbook's date system (OpenedInput.date1904); an ISO date cell (t="d") its text;
 * a number of more than 15 digits its text (a long dossier id keeps its digits). A formula gives
 * the value Excel computed and stored with it; a formula without one, and an error value (#N/A),
 * is an UnreadableCell, which rejects its row naming the column. So is every formula of a workbook
 * that asks to be recalculated when opened (calcPr fullCalcOnLoad): the tools that write that
 * (XlsxWriter, for one) store 0 or nothing as the value, which would read as a day in 1900 or "nee".
 *
 * The shared strings are streamed too and kept as UTF-8 bytes in one buffer with an offset per
 * string, outside the JavaScript heap (a JS string per shared string took ~1 GB for 100 MiB of
 * them, beyond the ingest worker's 256 MB heap); a cell's text is decoded when the cell is read.
 * Opening a workbook reads only the strings its header and previews use (Excel numbers them in the
 * order it meets them, so that is a short prefix); all of them are read when the rows are. A run
 * opens an export once for its header (engine/survey.ts) and once for its rows, often in another
 * thread: the first open no longer reads 100 MiB of strings it never uses.
 *
 * Limits (README "Input", XLSX_LIMITS): each refusal is one line naming the file, the part or the
 * sheet with the row or cell, and what to do (exit 2).
 */
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { UserError } from '../errors.js';
import { formatNumber, t } from '../i18n/index.js';
import { printable } from '../model/text.js';
import '../i18n/catalog/ingest.js';
import { PREVIEW_ROWS, UnreadableCell } from './input.js';
import { quotedColumnName, shownColumnName } from '../privacy/quote.js';
import type { OpenedInput, RawRecord, ReadOptions } from './input.js';
import { inflateEntry, readZipDirectory, streamEntry, ZIP_RATIO, ZipEntry, ZipError } from './zip.js';
import { EXCEL_EPOCH_OFFSET, excelSerialDay } from '../model/values.js';

const MiB = 1024 * 1024;
export const XLSX_LIMITS = {
  file: 256 * MiB,
  sheet: 1024 * MiB,
  sharedStrings: 100 * MiB,
  strings: 3_000_000,
  part: 16 * MiB,
};
const MAX_ROW = 1_048_576;
/** Excel's limit on the characters of one cell */
const MAX_CELL = 32_767;
/** sheets looked at for the "the data is on sheet …" hint */
const MAX_PREVIEW_SHEETS = 50;
const MAX_COLUMN = 16_384;
const BATCH = 4096;

/** Where in the workbook a problem is: a part, a sheet, a row or a cell of a sheet. */
export interface Where {
  part: string;
  /** the sheet's name, when the part is a sheet */
  sheet?: string;
  row?: number;
  /** the row was not read: the problem is after `row` */
  after?: boolean;
  cell?: string;
}

/** A sheet's name as a message shows it, `"Export"`: under the column-name policy (src/privacy/quote.ts), like the sheet list. */
function sheetLabel(name: string): string {
  return quotedColumnName(name);
}

/** A zip part's name (`xl/worksheets/sheet1.xml`) as a message shows it: only a plain path; a workbook names its parts itself. */
const PLAIN_PART = /^[A-Za-z0-9_.\-[\]]+(?:\/[A-Za-z0-9_.\-[\]]+){0,6}$/;
function partLabel(part: string): string {
  return part.length <= 100 && PLAIN_PART.test(part) ? part : t('quote.notShown');
}

/** `Where` as the text of a message. */
function at(w: Where): string {
  if (w.sheet === undefined) return t('xlsx.at.part', { part: partLabel(w.part) });
  const sheet = sheetLabel(w.sheet);
  if (w.cell !== undefined) return t('xlsx.at.cell', { sheet, cell: w.cell });
  if (w.row !== undefined && w.row > 0) return t(w.after ? 'xlsx.at.afterRow' : 'xlsx.at.row', { sheet, row: w.row });
  return t('xlsx.at.sheet', { sheet, part: partLabel(w.part) });
}

/** One line for the user: `key` with the file, the place and `params`. */
function refuse(file: string, key: string, w: Where, params: Record<string, string | number> = {}): UserError {
  return new UserError(t(key, { file, at: at(w), ...params }));
}

const MiB_TEXT = (bytes: number) => `${formatNumber(Math.round(bytes / MiB))} MiB`;

/** A problem of the container or a part as one line naming the file and where, for the user. */
function zipMessage(file: string, e: ZipError, w?: Where): UserError {
  const where: Where = w ?? { part: e.part ?? '' };
  switch (e.problem) {
    case 'notZip':
      return new UserError(t('xlsx.notZip', { file }));
    case 'encrypted':
      return new UserError(t('xlsx.encrypted', { file }));
    case 'method':
      return refuse(file, 'xlsx.method', where);
    case 'bomb':
      return refuse(file, 'xlsx.bomb', where, { ratio: ZIP_RATIO });
    case 'tooLarge':
      return refuse(file, 'xlsx.partTooLarge', where, { limit: MiB_TEXT(limitOf(where.part)) });
    default:
      return e.part === undefined ? new UserError(t('xlsx.truncated', { file })) : refuse(file, 'xlsx.damaged', where);
  }
}

function limitOf(part: string): number {
  return /sharedStrings/i.test(part) ? XLSX_LIMITS.sharedStrings : /worksheets\//i.test(part) ? XLSX_LIMITS.sheet : XLSX_LIMITS.part;
}

/** Excel's built-in number formats that show a date or time. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Does a custom number format show a date or time? (quoted text, escapes and [colour] sections left out) */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  // the first section (positive numbers) decides
  const first = bare.split(';')[0];
  return /[dmyhs]/i.test(first) && !/^general$/i.test(first.trim());
}

type Handlers = {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
};

/** Parse XML bytes (whole or as chunks) with saxes; a DOCTYPE (entity tricks) or bad XML is refused. */
class Xml {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new StringDecoder('utf8');
  private first = true;
  /** `where`: the place a problem is reported at (a sheet says the last row read) */
  constructor(
    private readonly file: string,
    private readonly where: () => Where,
    h: Handlers,
  ) {
    this.parser.on('opentag', (tag) => h.open(tag as SaxesTagPlain));
    this.parser.on('closetag', (tag) => h.close(tag.name));
    this.parser.on('text', h.text);
    this.parser.on('cdata', h.text);
    this.parser.on('doctype', () => {
      throw refuse(file, 'xlsx.doctype', { ...where(), row: undefined, cell: undefined });
    });
  }
  write(chunk: Buffer): void {
    let s = this.decoder.write(chunk);
    if (this.first && s.length) {
      this.first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    this.run(() => this.parser.write(s));
  }
  close(): void {
    this.run(() => {
      this.parser.write(this.decoder.end());
      this.parser.close();
    });
  }
  private run(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw refuse(this.file, 'xlsx.badXml', this.where());
    }
  }
}

/** The local name of a tag (`x:row` in a prefixed workbook is `row`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** A1-style reference → 1-based column, or 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    if (c > MAX_COLUMN) return MAX_COLUMN + 1;
  }
  return c;
}

/** 1-based column → its letters (28 → AB). */
function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface SheetRef {
  name: string;
  path: string;
}

interface Workbook {
  date1904: boolean;
  /** calcPr fullCalcOnLoad: the stored values of formulas are not to be trusted */
  recalculate: boolean;
  sheets: SheetRef[];
  /** per cellXfs index: does the style show a date? */
  dateStyles: boolean[];
  /** the part the shared strings are in (it may be missing) */
  stringsPath: string;
  /** the shared strings read so far: all of them once `allStrings` */
  strings: StringTable;
  allStrings: boolean;
}

/** What a cell asks of the shared strings (SharedStrings, or the IndexProbe of a first look). */
interface StringTable {
  readonly count: number;
  get(i: number): string | typeof TOO_LONG | undefined;
  empty(i: number): boolean;
}

/**
 * A stand-in for the shared strings while the header and previews are looked at the first time:
 * every index exists and is a non-empty text; it records the highest index asked for, which is how
 * many strings need reading before the same rows are read again with the true ones.
 */
class IndexProbe implements StringTable {
  readonly count = XLSX_LIMITS.strings;
  highest = -1;
  get(i: number): string {
    if (i > this.highest) this.highest = i;
    return '?';
  }
  empty(i: number): boolean {
    if (i > this.highest) this.highest = i;
    return false;
  }
}

/** Marks a shared string longer than a cell can hold: refused where a cell uses it. */
const TOO_LONG = Symbol('too long');

/**
 * The shared strings as UTF-8 bytes in one growing buffer (outside the JS heap) and the end offset
 * of each; a string is decoded when a cell asks for it. A string longer than a cell can be is kept
 * as a mark only, so the cell that uses it can be named.
 */
export class SharedStrings implements StringTable {
  private bytes: Buffer;
  private used = 0;
  private ends = new Uint32Array(1024);
  private tooLong = new Set<number>();
  count = 0;

  /** `capacity`: the bytes the text can take at most (the part's unpacked size): one buffer, its pages touched only as it fills */
  constructor(capacity = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(Math.max(64 * 1024, capacity));
  }

  add(text: string | typeof TOO_LONG): void {
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    if (text === TOO_LONG) this.tooLong.add(this.count);
    else if (text.length) {
      const need = this.used + Buffer.byteLength(text);
      if (need > this.bytes.length) {
        const bytes = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
        this.bytes.copy(bytes, 0, 0, this.used);
        this.bytes = bytes;
      }
      this.used += this.bytes.write(text, this.used);
    }
    this.ends[this.count++] = this.used;
  }

  /** the text of string `i`; undefined when there is no such string */
  get(i: number): string | typeof TOO_LONG | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (this.tooLong.has(i)) return TOO_LONG;
    const start = i === 0 ? 0 : this.ends[i - 1];
    return start === this.ends[i] ? '' : this.bytes.toString('utf8', start, this.ends[i]);
  }

  /** is string `i` empty (cheap: no decoding)? */
  empty(i: number): boolean {
    return i >= 0 && i < this.count && !this.tooLong.has(i) && (i === 0 ? 0 : this.ends[i - 1]) === this.ends[i];
  }
}

class Container {
  constructor(
    readonly file: string,
    readonly buf: Buffer,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  entry(path: string): ZipEntry | undefined {
    return this.entries.get(path) ?? [...this.entries.values()].find((e) => e.name.toLowerCase() === path.toLowerCase());
  }

  /** Parse a whole small part; undefined when it is not there. */
  parse(path: string, limit: number, h: Handlers): boolean {
    const e = this.entry(path);
    if (!e) return false;
    let bytes: Buffer;
    try {
      bytes = inflateEntry(this.buf, e, limit);
    } catch (err) {
      if (err instanceof ZipError) throw zipMessage(this.file, err);
      throw err;
    }
    const xml = new Xml(this.file, () => ({ part: e.name }), h);
    xml.write(bytes);
    xml.close();
    return true;
  }

  /**
   * Stream a (large) part through `h`; false when it is not there. With `done`, reading stops as
   * soon as it says true, before the first chunk or after any (the rest of the part is then
   * neither unpacked nor checked).
   */
  async stream(path: string, limit: number, h: Handlers, done?: () => boolean): Promise<boolean> {
    const e = this.entry(path);
    if (!e) return false;
    if (done?.()) return true;
    const xml = new Xml(this.file, () => ({ part: e.name }), h);
    try {
      for await (const chunk of streamEntry(this.buf, e, limit)) {
        xml.write(chunk);
        if (done?.()) return true;
      }
    } catch (err) {
      if (err instanceof ZipError) throw zipMessage(this.file, err);
      throw err;
    }
    xml.close();
    return true;
  }

  /** Relationships of a part: id → target path, and type → first target path. */
  rels(of: string): { byId: Map<string, string>; byType: Map<string, string> } {
    const dir = of.includes('/') ? of.slice(0, of.lastIndexOf('/') + 1) : '';
    const path = `${dir}_rels/${of.slice(dir.length)}.rels`;
    const byId = new Map<string, string>();
    const byType = new Map<string, string>();
    this.parse(path, XLSX_LIMITS.part, {
      open: (tag) => {
        if (local(tag.name) !== 'Relationship') return;
        const { Id, Target, Type, TargetMode } = tag.attributes;
        if (!Target || TargetMode === 'External') return;
        const target = resolvePath(of, Target);
        if (Id) byId.set(Id, target);
        const kind = (Type ?? '').split('/').pop() ?? '';
        if (!byType.has(kind)) byType.set(kind, target);
      },
      close() {},
      text() {},
    });
    return { byId, byType };
  }
}

async function readWorkbook(c: Container): Promise<Workbook> {
  const root = c.rels('');
  const main = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const rels = c.rels(main);
  let date1904 = false;
  let recalculate = false;
  const sheets: SheetRef[] = [];
  const found = c.parse(main, XLSX_LIMITS.part, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'workbookPr') {
        const v = tag.attributes.date1904;
        date1904 = v === '1' || v === 'true';
      } else if (n === 'calcPr') {
        const v = tag.attributes.fullCalcOnLoad;
        recalculate = v === '1' || v === 'true';
      } else if (n === 'sheet') {
        const id = tag.attributes['r:id'] ?? Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1];
        const path = (id && rels.byId.get(id)) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`;
        sheets.push({ name: tag.attributes.name ?? `Sheet${sheets.length + 1}`, path });
      }
    },
    close() {},
    text() {},
  });
  if (!found) throw refuse(c.file, 'xlsx.missingPart', { part: main });

  // styles: which cell formats show a date
  const custom = new Map<number, boolean>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  c.parse(rels.byType.get('styles') ?? 'xl/styles.xml', XLSX_LIMITS.part, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'numFmts') inNumFmts = true;
      else if (n === 'numFmt' && inNumFmts) custom.set(Number(tag.attributes.numFmtId), isDateFormatCode(tag.attributes.formatCode ?? ''));
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        dateStyles.push(custom.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
      else if (local(name) === 'numFmts') inNumFmts = false;
    },
    text() {},
  });

  const stringsPath = rels.byType.get('sharedStrings') ?? 'xl/sharedStrings.xml';
  return { date1904, recalculate, sheets, dateStyles, stringsPath, strings: new SharedStrings(0), allStrings: false };
}

/**
 * The shared strings, streamed: the text of every <t> of an <si>, without phonetic runs (<rPh>).
 * With `wanted`, reading stops soon after that many strings (a first look at the header).
 */
async function readStrings(c: Container, ssPath: string, wanted = Infinity): Promise<SharedStrings> {
  const strings = new SharedStrings(wanted === Infinity ? Math.min(c.entry(ssPath)?.unpacked ?? 0, XLSX_LIMITS.sharedStrings) : 0);
  let si = false;
  let inT = false;
  let rPh = 0;
  let text = '';
  let long = false;
  await c.stream(ssPath, XLSX_LIMITS.sharedStrings, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'si') {
        si = true;
        text = '';
        long = false;
      } else if (n === 't') inT = true;
      else if (n === 'rPh') rPh++;
    },
    close(name) {
      const n = local(name);
      if (n === 'si') {
        si = false;
        if (strings.count >= XLSX_LIMITS.strings) throw refuse(c.file, 'xlsx.tooManyStrings', { part: c.entry(ssPath)?.name ?? ssPath }, { limit: formatNumber(XLSX_LIMITS.strings) });
        strings.add(long ? TOO_LONG : text);
        text = '';
      } else if (n === 't') inT = false;
      else if (n === 'rPh') rPh--;
    },
    text(s) {
      if (si && inT && rPh === 0 && !long) {
        text += s;
        if (text.length > MAX_CELL) {
          long = true;
          text = '';
        }
      }
    },
  }, () => strings.count >= wanted);
  return strings;
}

/** Read every shared string (once): the rows may use any of them. */
async function readAllStrings(c: Container, wb: Workbook): Promise<void> {
  if (wb.allStrings) return;
  wb.strings = await readStrings(c, wb.stringsPath);
  wb.allStrings = true;
}

/** A number's text as a cell value: a number, or its text when a double would lose digits. */
function numberCell(v: string): number | string | UnreadableCell {
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) return new UnreadableCell('error');
  if (/^-?\d{16,}$/.test(v) && !Number.isSafeInteger(n)) return v;
  return n;
}

/** A date cell; shown (in a rejected row's reason) as its day, 2026-04-28. */
class CellDate extends Date {
  override toString(): string {
    return this.toISOString().slice(0, 10);
  }
}

/** The last serial Excel shows as a date: 31 December 9999. */
const LAST_SERIAL = 2_958_465;

/**
 * A number formatted as a date: that day (the time part dropped), counted from 1904 in a 1904
 * workbook (model/values.ts excelSerialDay, the same count a date column gives a bare serial). A
 * serial that is no day (negative, 0 in the 1900 system, 60 = 29-02-1900, past 9999) stays a
 * number, so the date column rejects it showing what it held.
 */
function serialToDate(serial: number, date1904: boolean): Date | number {
  const day = serial < 0 ? undefined : excelSerialDay(serial, date1904);
  if (day === undefined || day > LAST_SERIAL - EXCEL_EPOCH_OFFSET) return serial;
  return new CellDate(day * 86_400_000);
}

interface SheetRow {
  row: number;
  /** cells by 0-based column, up to `width` (undefined: empty) */
  values: unknown[];
  /** any value in the row, also beyond `width` */
  any: boolean;
}

/**
 * The rows of a sheet, streamed: each row that has a value is given with its cells up to `width`
 * columns. Rows must come in order (Excel writes them so). With `stopAfter`, reading stops at the
 * first row past it (the previews and the header read only the start of a sheet). Every refusal
 * names the sheet and the row or cell it is at.
 */
async function* sheetRows(c: Container, wb: Workbook, sheet: SheetRef, width: number, stopAfter = Infinity): AsyncGenerator<SheetRow[]> {
  const e = c.entry(sheet.path);
  if (!e) throw refuse(c.file, 'xlsx.missingPart', { part: sheet.path, sheet: sheet.name });
  const out: SheetRow[] = [];
  let rowNo = 0;
  let previous = 0;
  let values: unknown[] = [];
  let any = false;
  let inRow = false;
  // the cell being read
  let col = 0;
  let type = '';
  let style = 0;
  let v: string | undefined;
  let formula = false;
  let inline: string | undefined;
  let textOf: 'v' | 't' | '' = '';
  let inIs = false;
  let rPh = 0;
  let stopped = false;
  const place = (): Where => ({ part: e.name, sheet: sheet.name });
  /** the last row read: a problem between rows is "after" it */
  const afterRow = (): Where => ({ ...place(), row: inRow ? rowNo : previous, after: !inRow });
  const cellAt = (): Where => ({ ...place(), cell: `${columnName(col)}${rowNo}` });
  const xml = new Xml(c.file, afterRow, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'row') {
        const r = tag.attributes.r;
        const next = r === undefined ? previous + 1 : Number(r);
        if (!Number.isInteger(next) || next < 1 || next > MAX_ROW) throw refuse(c.file, 'xlsx.badRow', afterRow(), { max: formatNumber(MAX_ROW) });
        if (next <= previous) throw refuse(c.file, 'xlsx.rowOrder', { ...place(), row: next }, { previous });
        rowNo = previous = next;
        inRow = true;
        values = [];
        any = false;
        col = 0;
      } else if (n === 'c' && inRow) {
        const ref = columnOf(tag.attributes.r);
        col = ref > 0 ? ref : col + 1;
        if (col > MAX_COLUMN) throw refuse(c.file, 'xlsx.tooManyColumns', { ...place(), row: rowNo }, { max: formatNumber(MAX_COLUMN) });
        type = tag.attributes.t ?? 'n';
        style = Number(tag.attributes.s ?? 0);
        v = undefined;
        inline = undefined;
        formula = false;
      } else if (n === 'v') {
        textOf = 'v';
        v = '';
      } else if (n === 'f') formula = true;
      else if (n === 'is') {
        inIs = true;
        inline = '';
      } else if (n === 't' && inIs) textOf = 't';
      else if (n === 'rPh') rPh++;
    },
    close(name) {
      const n = local(name);
      if (n === 'v' || n === 't') textOf = '';
      else if (n === 'is') inIs = false;
      else if (n === 'rPh') rPh--;
      else if (n === 'c' && inRow) {
        const value = cellValue(col <= width);
        if (value !== undefined && value !== '') {
          any = true;
          if (col <= width) values[col - 1] = value;
        }
      } else if (n === 'row') {
        inRow = false;
        if (any) out.push({ row: rowNo, values, any });
        if (rowNo >= stopAfter) stopped = true;
      }
    },
    text(s) {
      if (textOf === 'v') v += s;
      else if (textOf === 't' && rPh === 0) inline += s;
      else return;
      if ((v?.length ?? 0) > MAX_CELL || (inline?.length ?? 0) > MAX_CELL) throw refuse(c.file, 'xlsx.cellTooLong', cellAt(), { max: formatNumber(MAX_CELL) });
    },
  });
  /** The value of the cell just closed; `wanted`: its column is read (else only whether it is empty matters). */
  function cellValue(wanted: boolean): unknown {
    if (formula && wb.recalculate && type !== 'e') return new UnreadableCell('stale');
    switch (type) {
      case 's': {
        if (v === undefined) return formula ? new UnreadableCell('formula') : undefined;
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= wb.strings.count) return new UnreadableCell('error');
        if (!wanted) return wb.strings.empty(i) ? undefined : true;
        const text = wb.strings.get(i);
        if (text === TOO_LONG) throw refuse(c.file, 'xlsx.cellTooLong', cellAt(), { max: formatNumber(MAX_CELL) });
        return text;
      }
      case 'inlineStr':
        return inline ?? v;
      case 'str':
        return v ?? (formula ? new UnreadableCell('formula') : undefined);
      case 'b':
        return v === undefined ? (formula ? new UnreadableCell('formula') : undefined) : v === '1' || v === 'true';
      case 'e':
        return new UnreadableCell('error');
      case 'd':
        return v;
      default: {
        if (v === undefined) return formula ? new UnreadableCell('formula') : undefined;
        if (v === '') return undefined;
        const num = numberCell(v);
        if (typeof num === 'number' && wb.dateStyles[style]) return serialToDate(num, wb.date1904);
        return num;
      }
    }
  }
  try {
    for await (const chunk of streamEntry(c.buf, e, XLSX_LIMITS.sheet)) {
      xml.write(chunk);
      if (stopped) {
        yield out;
        return;
      }
      if (out.length >= BATCH) yield out.splice(0, out.length);
    }
  } catch (err) {
    if (err instanceof ZipError) throw zipMessage(c.file, err, err.problem === 'truncated' ? afterRow() : place());
    throw err;
  }
  xml.close();
  if (out.length) yield out;
}

/** A header or preview cell as text. */
function cellString(v: unknown): string {
  if (v === undefined || v === null || v instanceof UnreadableCell) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/** The first PREVIEW_ROWS rows of a sheet (rows 1…10, empty ones included) as text. */
async function sheetPreview(c: Container, wb: Workbook, sheet: SheetRef): Promise<string[][]> {
  const rows: string[][] = Array.from({ length: PREVIEW_ROWS }, () => []);
  if (!c.entry(sheet.path)) return rows;
  for await (const batch of sheetRows(c, wb, sheet, 200, PREVIEW_ROWS)) {
    for (const r of batch) {
      if (r.row <= PREVIEW_ROWS) rows[r.row - 1] = Array.from({ length: r.values.length }, (_x, i) => cellString(r.values[i]).trim());
    }
  }
  return rows;
}

/**
 * The whole file in one buffer, allocated once at the size the file has (a regular file; stdin
 * grows it), so reading it costs its size and not twice that; refused past XLSX_LIMITS.file.
 */
async function readAllBytes(path: string, bytes: AsyncIterable<Buffer>, file: string): Promise<Buffer> {
  const tooLarge = () => new UserError(t('xlsx.tooLarge', { file, limit: MiB_TEXT(XLSX_LIMITS.file) }));
  const known = path === '-' ? 0 : await stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (known > XLSX_LIMITS.file) throw tooLarge();
  let buf = Buffer.allocUnsafe(known || 1024 * 1024);
  let size = 0;
  for await (const ch of bytes) {
    if (size + ch.length > XLSX_LIMITS.file) throw tooLarge();
    if (size + ch.length > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(XLSX_LIMITS.file, Math.max(size + ch.length, buf.length * 2)));
      buf.copy(bigger, 0, 0, size);
      buf = bigger;
    }
    ch.copy(buf, size);
    size += ch.length;
  }
  return buf.subarray(0, size);
}

export async function openXlsx(path: string, bytes: AsyncIterable<Buffer>, file: string, opts: ReadOptions): Promise<OpenedInput> {
  const buf = await readAllBytes(path, bytes, file);
  if (buf.length === 0) throw new UserError(t('error.emptyFile', { file }));
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(buf);
  } catch (e) {
    if (e instanceof ZipError) throw zipMessage(file, e);
    throw e;
  }
  const c = new Container(file, buf, entries);
  const wb = await readWorkbook(c);
  const pick = opts.sheet === undefined ? 0 : typeof opts.sheet === 'number' || /^\d+$/.test(String(opts.sheet)) ? Number(opts.sheet) - 1 : wb.sheets.findIndex((s) => s.name === String(opts.sheet));
  const sheet = wb.sheets[pick];
  if (!sheet) {
    throw new UserError(t('error.xlsxNoSheet', { file, sheet: printable(String(opts.sheet ?? 1)), sheets: wb.sheets.map((w, i) => shownColumnName(w.name, t('quote.sheet', { n: i + 1 }))).join(', ') }));
  }
  const look = async () => {
    const previews = [];
    for (const [i, s] of wb.sheets.entries()) previews.push({ name: s.name, preview: i < MAX_PREVIEW_SHEETS || i === pick ? await sheetPreview(c, wb, s) : [] });
    // the header: row 1 of the sheet, all its columns
    let header: string[] = [];
    for await (const batch of sheetRows(c, wb, sheet, MAX_COLUMN, 1)) {
      const first = batch[0];
      if (first && first.row === 1) header = Array.from({ length: first.values.length }, (_x, i) => cellString(first.values[i]));
    }
    return { previews, header };
  };
  // a first look finds the shared strings the header and previews use; the second reads the same
  // rows with those strings, as if all had been read
  if (c.entry(wb.stringsPath)) {
    const probe = new IndexProbe();
    wb.strings = probe;
    await look();
    wb.strings = await readStrings(c, wb.stringsPath, probe.highest + 1);
  }
  const { previews, header } = await look();
  while (header.length && header[header.length - 1] === '') header.pop();
  // an empty first sheet with others beside it: the missing-columns message points at the others
  if (header.length === 0 && wb.sheets.length < 2) throw new UserError(t('error.emptyFile', { file }));
  const width = header.length;
  // a batch holds at most ~1M cells (a header of 16,384 columns: 64 rows a batch)
  const perBatch = Math.max(1, Math.min(BATCH, Math.floor(1_000_000 / Math.max(1, width))));
  async function* batches(): AsyncGenerator<RawRecord[]> {
    await readAllStrings(c, wb);
    let out: RawRecord[] = [];
    for await (const rows of sheetRows(c, wb, sheet!, width)) {
      for (const r of rows) {
        if (r.row === 1) continue;
        const values = new Array<unknown>(width);
        for (let i = 0; i < width; i++) values[i] = r.values[i];
        out.push({ row: r.row, values });
        if (out.length >= perBatch) {
          yield out;
          out = [];
        }
      }
    }
    if (out.length) yield out;
  }
  const preview = previews[pick].preview;
  return { file, format: 'xlsx', header, preview, sheets: previews, date1904: wb.date1904, batches: batches() };
}
