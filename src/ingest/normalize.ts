/**
 * Raw records to Cases. Every row ends up either as a Case or as a list of RowErrors naming the
 * file, row, column and reason; a later stage decides what to print. A reason quotes a value only
 * of a date, boolean or route column, and only when it has the shape that column expects
 * (src/privacy/quote.ts); never a dossier id, a gemeente as typed, or a column that is not ours,
 * so a rejected-rows list cannot leak personal data.
 */
import { elfproef, isBsnLike, nineDigits } from '../privacy/bsn.js';
import { UserError } from '../errors.js';
import { t, localized } from '../i18n/index.js';
import type { Day } from '../calendar/days.js';
import type { Profile } from '../profile/load.js';
import { gemeenteResolver, routeResolver, allGemeenten } from '../profile/lookup.js';
import { FIELDS, FIELD_INDEX, FIELD_TYPES, FieldName, FieldType, REQUIRED_FIELDS, ROUTES } from '../model/fields.js';
import { EMPTY_CELL } from '../model/row.js';
import { printable } from '../model/text.js';
import { IdSet } from './idset.js';
import type { Mapping } from './mapping.js';
import { resolveColumns } from './columns.js';
import type { OpenedInput, RawRecord } from './readers.js';
import { suggest } from './suggest.js';
import { piiKindOfColumnName } from '../privacy/pii.js';
import { describedCell, isFreeTextId, isImplausiblePlace, isShownColumnName, quotedColumnName, routeWords, scrubText, shownCell, shownColumnName, shownPlace } from '../privacy/quote.js';
import '../i18n/catalog/validate.js';
import '../i18n/catalog/usage.js';
import '../i18n/catalog/ingest.js';
import { UnreadableCell } from './input.js';
import { cellText, dateParserForFormat, parseBool, parseDateText, parseDateValue, parseItem, Parsed } from '../model/values.js';

/** Stable error codes (the validate taxonomy builds on these). */
export type RowErrorCode =
  | 'blank-row'
  | 'unreadable-row'
  | 'column-count'
  | 'missing-required'
  | 'invalid-date'
  | 'impossible-date'
  | 'type-error'
  | 'unknown-route'
  | 'unknown-gemeente'
  | 'gemeente-outside-region'
  | 'duplicate-id';

export interface RowError {
  file: string;
  row: number;
  /** the column as named in the export (with the canonical field when it differs) */
  column: string;
  code: RowErrorCode;
  reason: string;
  /** what the next step depends on, where the code alone does not say it */
  cause?: 'two-digit-year';
}

/** What normalizeSpan does with a column. */
const K_DATE = 1;
const K_BOOL = 2;
const K_ITEM = 3;
const K_ROUTE = 4;
const K_TEXT = 5;
const KIND_OF: Record<FieldType, number> = { date: K_DATE, bool: K_BOOL, item: K_ITEM, route: K_ROUTE, text: K_TEXT };

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ID_FIELD = FIELD_INDEX.dossier_id;
const GEMEENTE_FIELD = FIELD_INDEX.gemeente;
const MELDING_FIELD = FIELD_INDEX.melding_datum;
const ROUTE_INDEX = new Map<string, number>(ROUTES.map((r, i) => [r, i]));

/**
 * The texts of a row that normalizeSpan accepted (one object, overwritten for every row): the
 * dossier id and the official gemeente with its deelregio.
 */
export interface SpanRow {
  dossierId: string;
  gemeente: string;
  deelregio: string | undefined;
}

/**
 * Cells seen before, found again without cutting a string out of the line: a gemeente or route
 * column holds a handful of spellings, so a lookup by (length, first character) in a small array
 * and a character comparison decide it. A Map keyed by number and String.prototype.startsWith
 * took ~0.6 s per million rows (two cells a row) in the CPU profile; this takes a fraction.
 * Bounded, so odd files cannot grow it without end.
 */
class KnownCells<V> {
  private readonly buckets: ({ text: string; value: V }[] | undefined)[] = new Array(64 * 128).fill(undefined);
  private size = 0;

  find(s: string, start: number, end: number): { text: string; value: V } | undefined {
    const len = end - start;
    const list = this.buckets[((len & 63) << 7) | (s.charCodeAt(start) & 127)];
    if (list === undefined) return undefined;
    for (let k = 0; k < list.length; k++) {
      const text = list[k].text;
      if (text.length !== len) continue;
      let i = 0;
      while (i < len && text.charCodeAt(i) === s.charCodeAt(start + i)) i++;
      if (i === len) return list[k];
    }
    return undefined;
  }

  add(text: string, value: V): { text: string; value: V } {
    const entry = { text, value };
    if (this.size >= 4096) return entry;
    const key = ((text.length & 63) << 7) | (text.charCodeAt(0) & 127);
    const list = this.buckets[key];
    if (list) list.push(entry);
    else this.buckets[key] = [entry];
    this.size++;
    return entry;
  }
}

/**
 * Day number of a dd-mm-yyyy or yyyy-mm-dd date at `at` (10 characters), or -1 when it is not
 * one of those two forms or not a real day between 1900 and 2199 (the general parser then
 * decides, and reports). Integer arithmetic (days from civil, H. Hinnant) instead of Date.UTC;
 * test/engine/fast-path.test.ts checks every day of the range against dayFromYMD.
 */
export function dateAt(s: string, at: number): Day {
  let y: number, m: number, d: number;
  // a digit minus 48 is 0..9; anything else, as an unsigned number, is larger than 9
  if (s.charCodeAt(at + 2) === 45 && s.charCodeAt(at + 5) === 45) {
    const d1 = s.charCodeAt(at) - 48, d2 = s.charCodeAt(at + 1) - 48;
    const m1 = s.charCodeAt(at + 3) - 48, m2 = s.charCodeAt(at + 4) - 48;
    const y1 = s.charCodeAt(at + 6) - 48, y2 = s.charCodeAt(at + 7) - 48, y3 = s.charCodeAt(at + 8) - 48, y4 = s.charCodeAt(at + 9) - 48;
    if (d1 >>> 0 > 9 || d2 >>> 0 > 9 || m1 >>> 0 > 9 || m2 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || y4 >>> 0 > 9) return -1;
    d = d1 * 10 + d2;
    m = m1 * 10 + m2;
    y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  } else if (s.charCodeAt(at + 4) === 45 && s.charCodeAt(at + 7) === 45) {
    const y1 = s.charCodeAt(at) - 48, y2 = s.charCodeAt(at + 1) - 48, y3 = s.charCodeAt(at + 2) - 48, y4 = s.charCodeAt(at + 3) - 48;
    const m1 = s.charCodeAt(at + 5) - 48, m2 = s.charCodeAt(at + 6) - 48;
    const d1 = s.charCodeAt(at + 8) - 48, d2 = s.charCodeAt(at + 9) - 48;
    if (d1 >>> 0 > 9 || d2 >>> 0 > 9 || m1 >>> 0 > 9 || m2 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || y4 >>> 0 > 9) return -1;
    d = d1 * 10 + d2;
    m = m1 * 10 + m2;
    y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  } else return -1;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return -1;
  if (d > MONTH_DAYS[m] && !(m === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return -1;
  // all operands are positive here (y ≥ 1899), so `| 0` truncation is floor
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** See Normalizer.watchId: how many nine-digit dossier ids decide, and what share of them. */
const ID_SAMPLE = 10;
const ID_BSN_SHARE = 0.8;
/** Rows after which a file whose ids are mostly not nine digits is not watched any more. */
const ID_WATCH_ROWS = 1000;

/**
 * A gemeente as typed, in the reason of unknown-gemeente: `"Maastrich"` when it may be a place's
 * name (a gemeente is not personal data, issue 13.14), else its description in brackets (the
 * quote policy, src/privacy/quote.ts).
 */
function placeInReason(text: string): string {
  const shown = shownPlace(text);
  return shown.startsWith('"') ? shown : `(${shown})`;
}

export interface NormalizerOptions {
  /** check duplicates across all files of a run (default: a fresh set per Normalizer) */
  ids?: IdSet;
  /**
   * For a gemeente the profile does not know: the reason to give when it belongs to another
   * region (code gemeente-outside-region instead of unknown-gemeente). `validate` passes it.
   */
  outsideRegion?: (gemeente: string) => string | undefined;
}

export class Normalizer {
  private columns: Int32Array = new Int32Array(0);
  private headerLength = -1;
  private input!: OpenedInput;
  private fileIndex = 0;
  private files: string[] = [];
  private readonly ids: IdSet;
  private readonly gemeente: ReturnType<typeof gemeenteResolver>;
  private readonly route: ReturnType<typeof routeResolver>;
  private readonly dateText: (raw: string) => Parsed<Day>;
  private readonly dateCache = new Map<string, Parsed<Day>>();
  private planFor: Int32Array | undefined;
  private linePlan: { kinds: Uint8Array; fields: Int16Array; absent: Int16Array } | null = null;
  private readonly gemeenten: string[];
  private readonly outsideRegion: NormalizerOptions['outsideRegion'];
  private readonly knownGemeenten = new KnownCells<{ gemeente: string; deelregio?: string } | undefined>();
  private readonly knownRoutes = new KnownCells<number>();
  /** the words of route codes and spellings: what of an unknown route a reason may quote */
  private readonly routeWords: Set<string>;
  /** the texts of the last row normalizeSpan accepted */
  readonly spanRow: SpanRow = { dossierId: '', gemeente: '', deelregio: undefined };

  constructor(
    readonly profile: Profile,
    readonly mapping: Mapping,
    opts: NormalizerOptions = {},
  ) {
    this.ids = opts.ids ?? new IdSet();
    this.gemeente = gemeenteResolver(profile);
    this.route = routeResolver(profile, mapping.routes);
    this.dateText = mapping.dateFormat ? dateParserForFormat(mapping.dateFormat) : parseDateText;
    this.gemeenten = allGemeenten(profile);
    this.outsideRegion = opts.outsideRegion;
    this.routeWords = routeWords([...ROUTES, ...Object.keys(profile.routeAliases), ...Object.keys(mapping.routes)]);
  }

  /**
   * Start a file: resolve its columns; missing required columns make the file unusable (exit 2),
   * and so does a mapping that points a field at a column of personal data (a BSN or name column
   * as dossier_id would put it in every finding). `lenient` (validate) reports both itself and
   * only gets the missing fields back.
   */
  begin(input: OpenedInput, opts: { lenient?: boolean } = {}): FieldName[] {
    this.input = input;
    // the base name, as reports name files (a path can hold a user's name)
    this.fileIndex = this.files.push(input.file.split(/[\\/]/).filter(Boolean).pop() ?? input.file) - 1;
    this.resolve();
    // validate (lenient) reports personal data in a column itself, by name and by value
    this.idWatch = !opts.lenient;
    this.idNine = this.idBsn = this.idSeen = 0;
    this.idNineAll = this.idOtherAll = 0;
    const missing = REQUIRED_FIELDS.filter((f) => this.columns[FIELD_INDEX[f]] < 0);
    if (opts.lenient) return missing;
    for (const [field, column] of Object.entries(this.mapping.columns) as [FieldName, string][]) {
      // handover items are "bool or text" and their values are never echoed
      if (FIELD_TYPES[field] === 'item' || this.columns[FIELD_INDEX[field]] < 0) continue;
      const kind = piiKindOfColumnName(column);
      if (kind) {
        throw new UserError(t('error.piiMapped', { file: input.file, column: quotedColumnName(column), field, kind: t(`pii.${kind}`) }));
      }
    }
    if (missing.length) {
      const hint = missingColumnsHint(input, this.mapping);
      throw new UserError(
        t('error.missingColumns', {
          file: input.file,
          columns: missing.map((f) => this.columnLabel(f)).join(', '),
        }) + (hint ? '; ' + hint : ''),
      );
    }
    return missing;
  }

  /**
   * Dossier ids that are burgerservicenummers under another column name ("Nummer", "Cliënt"): the
   * name check in begin() cannot see them, and a finding prints its dossier id. Of the first
   * ID_SAMPLE nine-digit ids of a file, ID_BSN_SHARE passing the elfproef make the file unusable
   * before a report can show one (findings are still buffered then). One random nine-digit number
   * in 11 passes the proef, so 8 of 10 by chance is about 1 in 10 million.
   */
  private idWatch = true;
  private idNine = 0;
  private idBsn = 0;
  private idSeen = 0;
  private watchId(id: string): void {
    this.idSeen++;
    const digits = nineDigits(id);
    if (digits !== undefined) {
      this.idNine++;
      if (elfproef(digits)) this.idBsn++;
    }
    if (this.idNine >= ID_SAMPLE) {
      this.idWatch = false;
      if (this.idBsn >= ID_SAMPLE * ID_BSN_SHARE) {
        const column = quotedColumnName(this.input.header[this.columns[ID_FIELD]] ?? 'dossier_id');
        throw new UserError(t('error.piiMapped', { file: this.input.file, column, field: 'dossier_id', kind: t('pii.bsn') }));
      }
    } else if (this.idSeen >= ID_WATCH_ROWS) this.idWatch = false;
  }

  /**
   * Ids accepted in this file so far: nine-digit numbers and others. A nine-digit id that passes
   * the elfproef among ids of another form (`ZL-0001`) is a BSN typed into the wrong cell and
   * rejected; among nine-digit case numbers it is one by chance (one in eleven) and kept, and a
   * file of BSNs is refused as a whole (watchId). The first id of a file counts as among others.
   */
  private idNineAll = 0;
  private idOtherAll = 0;
  private bsnAmongIds(id: string): boolean {
    return id.length >= 9 && id.length <= 11 && this.idOtherAll >= this.idNineAll && isBsnLike(id);
  }
  private countId(id: string): void {
    if (id.length >= 9 && id.length <= 11 && nineDigits(id) !== undefined) this.idNineAll++;
    else this.idOtherAll++;
  }

  private resolve(): void {
    this.columns = resolveColumns(this.input.header, this.mapping);
    this.headerLength = this.input.header.length;
    this.labels.clear();
  }

  /** columnLabel per field for the current header */
  private readonly labels = new Map<FieldName, string>();

  /** Canonical fields found in the current file. */
  presentFields(): FieldName[] {
    return FIELDS.filter((_f, i) => this.columns[i] >= 0);
  }

  /**
   * How a message names a field's column: `Datum beoordeling (veiligheidsbeoordeling_datum)`, or
   * the field alone when the header is the field's name or a name a message may not repeat (a
   * control character, a person, a sentence: src/privacy/quote.ts).
   */
  columnLabel(field: FieldName): string {
    let label = this.labels.get(field);
    if (label === undefined) {
      const i = this.columns[FIELD_INDEX[field]];
      const name = (i >= 0 ? this.input.header[i] : (this.mapping.columns[field] ?? field)).trim();
      label = name === field || !isShownColumnName(name) ? field : `${name} (${field})`;
      this.labels.set(field, label);
    }
    return label;
  }

  private err(rec: RawRecord, field: FieldName | '', code: RowErrorCode, reason: string): RowError {
    return { file: this.input.file, row: rec.row, column: field ? this.columnLabel(field) : '', code, reason };
  }

  private parseDate(v: unknown): Parsed<Day> {
    if (typeof v === 'string') {
      let p = this.dateCache.get(v);
      if (p === undefined) {
        p = this.dateText(v);
        if (this.dateCache.size > 50_000) this.dateCache.clear();
        this.dateCache.set(v, p);
      }
      return p;
    }
    return parseDateValue(v, this.dateText, this.input.format === 'xlsx' && (this.input.date1904 ? '1904' : true));
  }

  /** Per column of the current file: what the fast path does with it (see normalizeSpan). */
  private plan(): { kinds: Uint8Array; fields: Int16Array; absent: Int16Array } | null {
    if (this.planFor === this.columns) return this.linePlan;
    this.planFor = this.columns;
    this.linePlan = null;
    // a forced date_format goes through date-fns; leave such files to the general path
    if (this.mapping.dateFormat) return null;
    const kinds = new Uint8Array(this.headerLength);
    const fields = new Int16Array(this.headerLength).fill(-1);
    for (let fi = 0; fi < FIELDS.length; fi++) {
      const ci = this.columns[fi];
      if (ci < 0) continue;
      if (ci >= this.headerLength || fields[ci] >= 0) return null; // one column for two fields
      fields[ci] = fi;
      kinds[ci] = KIND_OF[FIELD_TYPES[FIELDS[fi]]];
    }
    const absent = Int16Array.from(FIELDS.map((_f, fi) => fi).filter((fi) => this.columns[fi] < 0));
    this.linePlan = { kinds, fields, absent };
    return this.linePlan;
  }

  /**
   * The fast path of CSV: normalize() for the line text[from, to) (a SpanBatch record), read
   * straight from its characters into ints[base + f] (src/model/row.ts) — a day number, 1/0 for
   * ja/nee, the index in ROUTES for a route, EMPTY_CELL for an empty cell, 0 for the dossier id
   * and the gemeente, whose texts go to `spanRow`. Only what is certain is decided here (dd-mm-yyyy
   * / yyyy-mm-dd dates of real days, ja/nee, known route and gemeente spellings without
   * surrounding spaces), and it accepts only a row that normalize() would accept with these very
   * values: all three required fields present, a known gemeente, a new dossier id (then added to
   * the duplicate set). For anything else it returns false without touching the duplicate set, and
   * the caller passes the line to normalize(), which decides as always. Per row this allocates only
   * the dossier id: no line string, cell strings or values array
   * (test/engine/spans.test.ts compares it with normalize() on random rows).
   */
  normalizeSpan(s: string, from: number, to: number, row: number, ints: Int32Array, base: number): boolean {
    if (this.input.header.length !== this.headerLength) this.resolve();
    const plan = this.linePlan !== null && this.planFor === this.columns ? this.linePlan : this.plan();
    if (!plan || !this.input.delimiter) return false;
    const { kinds, fields } = plan;
    const delim = this.input.delimiter;
    const D = delim.charCodeAt(0);
    // fields without a column in this file are empty; the others are written cell by cell below
    const absent = plan.absent;
    for (let k = 0; k < absent.length; k++) ints[base + absent[k]] = EMPTY_CELL;
    let id: string | undefined;
    let gemeente: { text: string; value: { gemeente: string; deelregio?: string } | undefined } | undefined;
    const n = to;
    let blank = true;
    let col = 0;
    let start = from;
    // The character at `to` is a line end (or past the text), never a letter or a delimiter, so
    // looking one or two characters ahead below cannot match across the end of the line.
    while (start <= n) {
      if (col >= kinds.length) return false;
      const c0 = start < n ? s.charCodeAt(start) : D;
      if (c0 === D) {
        const f = fields[col];
        if (f >= 0) ints[base + f] = EMPTY_CELL;
        col++;
        start++;
        continue;
      }
      let i: number;
      switch (kinds[col]) {
        case K_DATE: {
          i = start + 10;
          if (i > n || (i < n && s.charCodeAt(i) !== D)) return false;
          const d = dateAt(s, start);
          if (d === -1) return false;
          ints[base + fields[col]] = d;
          break;
        }
        case K_BOOL:
        case K_ITEM: {
          const c1 = s.charCodeAt(start + 1) | 32;
          if ((c0 | 32) === 106 && c1 === 97) {
            i = start + 2; // ja, Ja, JA
            ints[base + fields[col]] = 1;
          } else if ((c0 | 32) === 110 && c1 === 101 && (s.charCodeAt(start + 2) | 32) === 101) {
            i = start + 3; // nee, Nee, NEE
            ints[base + fields[col]] = 0;
          } else return false;
          if (i < n && s.charCodeAt(i) !== D) return false;
          break;
        }
        default: {
          i = s.indexOf(delim, start);
          if (i < 0 || i > n) i = n;
          const last = s.charCodeAt(i - 1);
          // printable ASCII at both ends: trim() would change nothing
          if (c0 <= 32 || c0 >= 127 || last <= 32 || last >= 127) return false;
          const kind = kinds[col];
          if (kind === K_TEXT) {
            const f = fields[col];
            ints[base + f] = 0;
            if (f === ID_FIELD) {
              id = s.slice(start, i);
              // spaces, an @, a phone number's + or leading 0, a name, a BSN: normalize() decides
              if (id.indexOf(' ') >= 0 || id.indexOf('@') >= 0 || c0 === 43 || c0 === 48 || this.bsnAmongIds(id)) return false;
              let k = start;
              while (k < i && (s.charCodeAt(k) - 48) >>> 0 > 9) k++;
              if (k === i && isFreeTextId(id)) return false;
            }
            else if (f === GEMEENTE_FIELD) {
              gemeente = this.knownGemeenten.find(s, start, i);
              if (gemeente === undefined) {
                const text = s.slice(start, i);
                gemeente = this.knownGemeenten.add(text, this.gemeenten.length || !isImplausiblePlace(text) ? this.gemeente(text) : undefined);
              }
            } else return false; // no other text fields today; should one come, the general path
          } else if (kind === K_ROUTE) {
            let known = this.knownRoutes.find(s, start, i);
            if (known === undefined) {
              const text = s.slice(start, i);
              const code = this.route(text);
              known = this.knownRoutes.add(text, code === undefined ? -1 : ROUTE_INDEX.get(code)!);
            }
            if (known.value < 0) return false;
            ints[base + fields[col]] = known.value;
          }
        }
      }
      blank = false;
      col++;
      start = i + 1;
    }
    if (col !== this.headerLength || blank) return false;
    if (id === undefined || gemeente === undefined || ints[base + MELDING_FIELD] === EMPTY_CELL) return false;
    const place = gemeente.value;
    if (place === undefined) return false;
    if (this.ids.addOrGet(id, row, this.fileIndex) >= 0) return false;
    if (this.idWatch) this.watchId(id);
    this.countId(id);
    const out = this.spanRow;
    out.dossierId = printable(id);
    out.gemeente = place.gemeente;
    out.deelregio = place.deelregio;
    return true;
  }

  /**
   * One record into the packed row at ints[base…] (src/model/row.ts), its texts into `spanRow`:
   * true, or every problem of the row. Duplicate detection happens here too, so a row rejected for
   * another reason does not claim its dossier id. A row it refuses may have written part of
   * ints[base…]; the caller overwrites that with the next row.
   */
  normalize(rec: RawRecord, ints: Int32Array, base: number): true | RowError[] {
    if (rec.error) return [this.err(rec, '', 'unreadable-row', scrubText(rec.error))];
    if (this.input.header.length !== this.headerLength) this.resolve();
    const cells = rec.values;
    if (this.input.format === 'csv' || this.input.format === 'xlsx') {
      let blank = true;
      for (const c of cells) {
        if (c !== undefined && c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '')) {
          blank = false;
          break;
        }
      }
      if (blank) return [this.err(rec, '', 'blank-row', t('reject.blankRow'))];
      if (this.input.format === 'csv' && cells.length !== this.headerLength) {
        return [this.err(rec, '', 'column-count', t('reject.columnCount', { found: cells.length, expected: this.headerLength }))];
      }
    }
    let errors: RowError[] | undefined;
    const fail = (field: FieldName | '', code: RowErrorCode, reason: string, cause?: RowError['cause']) => {
      (errors ??= []).push(cause ? { ...this.err(rec, field, code, reason), cause } : this.err(rec, field, code, reason));
    };
    let dossierId: string | undefined;
    let gemeenteText: string | undefined;
    const cols = this.columns;
    for (let fi = 0; fi < FIELDS.length; fi++) {
      ints[base + fi] = EMPTY_CELL;
      const ci = cols[fi];
      if (ci < 0) continue;
      const raw = cells[ci];
      const field = FIELDS[fi];
      if (raw instanceof UnreadableCell) {
        // a JSON object/array, an Excel error value, a formula without a value: named, never shown
        fail(field, 'type-error', t(`reject.cell.${raw.kind}`));
        continue;
      }
      switch (FIELD_TYPES[field]) {
        case 'date': {
          const p = this.parseDate(raw);
          if (p.ok) {
            if (p.value !== undefined) ints[base + fi] = p.value;
          } else if (p.reason === 'date_impossible') fail(field, 'impossible-date', t('reject.impossibleDate', { value: shownCell(raw, 'date') }));
          else if (p.reason === 'date_two_digit_year') fail(field, 'invalid-date', t('reject.twoDigitYear', { value: shownCell(raw, 'date') }), 'two-digit-year');
          else if (p.reason === 'date_format') fail(field, 'invalid-date', t('reject.dateFormat', { value: shownCell(raw, 'date'), format: this.mapping.dateFormat ?? '' }));
          else fail(field, 'invalid-date', t('reject.invalidDate', { value: shownCell(raw, 'date') }));
          break;
        }
        case 'bool': {
          const p = parseBool(raw);
          if (!p.ok) fail(field, 'type-error', t('reject.bool', { value: shownCell(raw, 'bool') }));
          else if (p.value !== undefined) ints[base + fi] = p.value ? 1 : 0;
          break;
        }
        case 'item': {
          const p = parseItem(raw);
          if (!p.ok) fail(field, 'type-error', t('reject.item'));
          else if (p.value !== undefined) ints[base + fi] = p.value ? 1 : 0;
          break;
        }
        case 'route': {
          const text = cellText(raw);
          if (text === undefined) break;
          const code = this.route(text);
          if (code) ints[base + fi] = ROUTE_INDEX.get(code)!;
          else fail(field, 'unknown-route', t('reject.route', { value: shownCell(text, 'route', this.routeWords) }));
          break;
        }
        case 'text': {
          // the two text fields travel as strings beside the ints (src/model/row.ts TEXT_FIELDS)
          const text = cellText(raw);
          if (fi === ID_FIELD) dossierId = text;
          else gemeenteText = text;
          if (text !== undefined) ints[base + fi] = 0;
          break;
        }
      }
    }
    const failed = (f: FieldName) => errors?.some((e) => e.column === this.columnLabel(f)) === true;
    if (dossierId === undefined) {
      if (!failed('dossier_id')) fail('dossier_id', 'missing-required', t('reject.required'));
    }
    // a name, a sentence or a phone number in the id column would be printed with every finding
    else if (isFreeTextId(dossierId)) fail('dossier_id', 'type-error', t('reject.dossierId', { value: describedCell(dossierId) }));
    else if (this.bsnAmongIds(dossierId)) {
      fail('dossier_id', 'type-error', t('reject.dossierIdBsn', { value: describedCell(dossierId) }));
      // it still tells what the file's ids look like: a file of BSNs is refused as a whole
      if (this.idWatch) this.watchId(dossierId);
      this.countId(dossierId);
    }
    if (gemeenteText === undefined && !failed('gemeente')) fail('gemeente', 'missing-required', t('reject.required'));
    if (ints[base + MELDING_FIELD] === EMPTY_CELL && !errors?.some((e) => e.column === this.columnLabel('melding_datum'))) {
      fail('melding_datum', 'missing-required', t('reject.required'));
    }
    let gemeente: { gemeente: string; deelregio?: string } | undefined;
    if (gemeenteText !== undefined) {
      gemeente = this.gemeente(gemeenteText);
      const elsewhere = gemeente ? undefined : this.outsideRegion?.(gemeenteText);
      if (elsewhere) fail('gemeente', 'gemeente-outside-region', elsewhere);
      else if (!this.gemeenten.length && isImplausiblePlace(gemeenteText)) {
        // a profile without gemeenten takes any name: not a person's, not a sentence (by_gemeente prints it)
        gemeente = undefined;
        fail('gemeente', 'unknown-gemeente', t('reject.gemeenteText', { value: describedCell(gemeenteText) }));
      } else if (!gemeente) {
        const hint = suggest(gemeenteText, this.gemeenten);
        fail(
          'gemeente',
          'unknown-gemeente',
          hint
            ? t('reject.gemeenteSuggest', { value: placeInReason(gemeenteText), profile: localized(this.profile.name), suggestion: hint })
            : t('reject.gemeente', { value: placeInReason(gemeenteText), profile: localized(this.profile.name) }),
        );
      }
    }
    if (errors) return errors;
    const earlier = this.ids.addOrGet(dossierId!, rec.row, this.fileIndex);
    if (earlier >= 0) {
      const where = this.ids.lastFile === this.fileIndex ? t('reject.duplicateRow', { row: earlier }) : t('reject.duplicateFile', { row: earlier, file: this.files[this.ids.lastFile] });
      return [this.err(rec, 'dossier_id', 'duplicate-id', t('reject.duplicate', { where }))];
    }
    if (this.idWatch) this.watchId(dossierId!);
    this.countId(dossierId!);
    const out = this.spanRow;
    out.dossierId = printable(dossierId!);
    out.gemeente = gemeente!.gemeente;
    out.deelregio = gemeente!.deelregio;
    return true;
  }
}

/** The preview row (0-based) holding every required column, or -1. */
function headerRowOf(preview: string[][], mapping: Mapping): number {
  for (let r = 0; r < preview.length; r++) {
    const columns = resolveColumns(preview[r], mapping);
    if (REQUIRED_FIELDS.every((f) => columns[FIELD_INDEX[f]] >= 0)) return r;
  }
  return -1;
}

/**
 * The next step when required columns are missing: the sheet that holds them (XLSX, no --sheet
 * needed to find it), or the row the header really is on below title rows, or that none of the
 * first rows is a header. Undefined when there is nothing to add (a header that just lacks a column).
 */
export function missingColumnsHint(input: OpenedInput, mapping: Mapping): string | undefined {
  const here = input.preview ? headerRowOf(input.preview, mapping) : -1;
  if (here > 0) return t('hint.titleRows', { row: here + 1, count: here });
  if (input.sheets && input.sheets.length > 1) {
    const names = input.sheets.map((s, i) => shownColumnName(s.name, t('quote.sheet', { n: i + 1 }))).join(', ');
    const at = input.sheets.findIndex((s) => headerRowOf(s.preview, mapping) >= 0);
    return at >= 0 ? t('hint.otherSheet', { sheet: shownColumnName(input.sheets[at].name, t('quote.sheet', { n: at + 1 })), sheets: names }) : t('hint.sheets', { sheets: names });
  }
  // not one known column in the header: probably not the header row at all
  if (input.preview && input.preview.length > 1 && resolveColumns(input.header, mapping).every((c) => c < 0)) {
    return t('hint.noHeader', { rows: input.preview.length });
  }
  return undefined;
}
