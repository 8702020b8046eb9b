/**
 * Raw records to Cases. Every row ends up either as a Case or as a list of RowErrors naming the
 * file, row, column and reason; a later stage decides what to print. Values are echoed in reasons
 * only for date, boolean and route columns (never a dossier id, a gemeente as typed, or a column
 * that is not ours), so a rejected-rows list cannot leak personal data.
 */
import { UserError } from '../errors.js';
import { t, localized } from '../i18n/index.js';
import type { Day } from '../calendar/days.js';
import { Profile, gemeenteResolver, routeResolver, allGemeenten } from '../profile/load.js';
import { Case, FIELDS, FIELD_INDEX, FIELD_TYPES, FieldName, REQUIRED_FIELDS, Value } from './fields.js';
import { IdSet } from './idset.js';
import { Mapping, resolveColumns } from './mapping.js';
import type { OpenedInput, RawRecord } from './readers.js';
import { suggest } from './suggest.js';
import { cellText, dateParserForFormat, parseBool, parseDateText, parseDateValue, parseItem, Parsed } from './values.js';

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
  | 'duplicate-id';

export interface RowError {
  file: string;
  row: number;
  /** the column as named in the export (with the canonical field when it differs) */
  column: string;
  code: RowErrorCode;
  reason: string;
}

const ECHO_MAX = 40;
/** Show a cell value in a message: only for date/bool/route columns, cut short, no control chars. */
function echo(v: unknown): string {
  const s = String(v).replace(/[\u0000-\u001f\u007f]/g, '?');
  return s.length > ECHO_MAX ? s.slice(0, ECHO_MAX) + '…' : s;
}

export interface NormalizerOptions {
  /** check duplicates across all files of a run (default: a fresh set per Normalizer) */
  ids?: IdSet;
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
  private readonly gemeenten: string[];

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
  }

  /** Start a file: resolve its columns; missing required columns make the file unusable (exit 2). */
  begin(input: OpenedInput): void {
    this.input = input;
    this.fileIndex = this.files.push(input.file) - 1;
    this.resolve();
    const missing = REQUIRED_FIELDS.filter((f) => this.columns[FIELD_INDEX[f]] < 0);
    if (missing.length) {
      throw new UserError(
        t('error.missingColumns', {
          file: input.file,
          columns: missing.map((f) => this.columnLabel(f)).join(', '),
        }),
      );
    }
  }

  private resolve(): void {
    this.columns = resolveColumns(this.input.header, this.mapping);
    this.headerLength = this.input.header.length;
  }

  /** Canonical fields found in the current file. */
  presentFields(): FieldName[] {
    return FIELDS.filter((_f, i) => this.columns[i] >= 0);
  }

  columnLabel(field: FieldName): string {
    const i = this.columns[FIELD_INDEX[field]];
    const name = i >= 0 ? this.input.header[i] : (this.mapping.columns[field] ?? field);
    return name.trim() === field ? field : `${name.trim()} (${field})`;
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
    return parseDateValue(v, this.dateText, this.input.format === 'xlsx');
  }

  /**
   * One record → a Case, or every problem of the row. Duplicate detection happens here too, so
   * a row rejected for another reason does not claim its dossier id.
   */
  normalize(rec: RawRecord): Case | RowError[] {
    if (rec.error) return [this.err(rec, '', 'unreadable-row', rec.error)];
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
    const values: Value[] = new Array(FIELDS.length);
    let errors: RowError[] | undefined;
    const fail = (field: FieldName | '', code: RowErrorCode, reason: string) => {
      (errors ??= []).push(this.err(rec, field, code, reason));
    };
    const cols = this.columns;
    for (let fi = 0; fi < FIELDS.length; fi++) {
      const ci = cols[fi];
      if (ci < 0) continue;
      const raw = cells[ci];
      const field = FIELDS[fi];
      switch (FIELD_TYPES[field]) {
        case 'date': {
          const p = this.parseDate(raw);
          if (p.ok) values[fi] = p.value;
          else if (p.reason === 'date_impossible') fail(field, 'impossible-date', t('reject.impossibleDate', { value: echo(raw) }));
          else if (p.reason === 'date_two_digit_year') fail(field, 'invalid-date', t('reject.twoDigitYear', { value: echo(raw) }));
          else if (p.reason === 'date_format') fail(field, 'invalid-date', t('reject.dateFormat', { value: echo(raw), format: this.mapping.dateFormat ?? '' }));
          else fail(field, 'invalid-date', t('reject.invalidDate', { value: echo(raw) }));
          break;
        }
        case 'bool': {
          const p = parseBool(raw);
          if (p.ok) values[fi] = p.value;
          else fail(field, 'type-error', t('reject.bool', { value: echo(raw) }));
          break;
        }
        case 'item': {
          const p = parseItem(raw);
          if (p.ok) values[fi] = p.value;
          else fail(field, 'type-error', t('reject.item'));
          break;
        }
        case 'route': {
          const text = cellText(raw);
          if (text === undefined) break;
          const code = this.route(text);
          if (code) values[fi] = code;
          else fail(field, 'unknown-route', t('reject.route', { value: echo(text) }));
          break;
        }
        case 'text':
          values[fi] = cellText(raw);
          break;
      }
    }
    const dossierId = values[FIELD_INDEX.dossier_id] as string | undefined;
    const gemeenteText = values[FIELD_INDEX.gemeente] as string | undefined;
    const melding = values[FIELD_INDEX.melding_datum] as number | undefined;
    if (dossierId === undefined) fail('dossier_id', 'missing-required', t('reject.required'));
    if (gemeenteText === undefined) fail('gemeente', 'missing-required', t('reject.required'));
    if (melding === undefined && !errors?.some((e) => e.column === this.columnLabel('melding_datum'))) {
      fail('melding_datum', 'missing-required', t('reject.required'));
    }
    let gemeente: { gemeente: string; deelregio?: string } | undefined;
    if (gemeenteText !== undefined) {
      gemeente = this.gemeente(gemeenteText);
      if (!gemeente) {
        const hint = suggest(gemeenteText, this.gemeenten);
        fail(
          'gemeente',
          'unknown-gemeente',
          hint
            ? t('reject.gemeenteSuggest', { profile: localized(this.profile.name), suggestion: hint })
            : t('reject.gemeente', { profile: localized(this.profile.name) }),
        );
      }
    }
    if (errors) return errors;
    const earlier = this.ids.addOrGet(dossierId!, rec.row, this.fileIndex);
    if (earlier >= 0) {
      const where = this.ids.lastFile === this.fileIndex ? t('reject.duplicateRow', { row: earlier }) : t('reject.duplicateFile', { row: earlier, file: this.files[this.ids.lastFile] });
      return [this.err(rec, 'dossier_id', 'duplicate-id', t('reject.duplicate', { where }))];
    }
    return {
      dossierId: dossierId!,
      gemeente: gemeente!.gemeente,
      deelregio: gemeente!.deelregio,
      route: values[FIELD_INDEX.triage_besluit] as Case['route'],
      meldingDatum: melding!,
      values,
      file: this.input.file,
      row: rec.row,
    };
  }
}
