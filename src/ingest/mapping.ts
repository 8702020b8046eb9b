/**
 * A mapping file tells giacheck how a foreign export names the canonical fields (SPEC §3):
 *
 *   columns:   { dossier_id: Dossiernummer, melding_datum: Datum melding }
 *   routes:    { "V&V": voorwaarden_en_vervolg }
 *   date_format: dd-MM-yyyy      # optional: one format for the whole file (date-fns tokens)
 *   two_digit_year_pivot: 1970   # required with a two-digit year (d-M-yy): 70–99 → 19xx, 00–69 → 20xx
 *   encoding / delimiter / sheet  # optional reading hints
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { FieldName, RouteCode } from '../model/fields.js';
import { formatProblem, parseYamlWith, readUserFile } from '../yaml/file.js';
import { RouteSchema, FieldNameSchema } from '../model/schema.js';
import { dateFormatYearDigits, isUsableDateFormat } from '../model/values.js';
import { sha256Hex } from '../model/digest.js';
import { quotedIdentifier } from '../privacy/quote.js';

/** A date_format is quoted in a message only when it is made of format letters and separators. */
const FORMAT_LIKE = /^[dMyHhmsQq/\-. :'T]{1,30}$/;

/** A century window stays within the years dates can have (1900–2199, calendar/days.ts). */
const MIN_PIVOT = 1900;
const MAX_PIVOT = 2100;

export const MappingSchema = z.strictObject({
  columns: z.partialRecord(FieldNameSchema, z.string().min(1)).optional(),
  routes: z.record(z.string(), RouteSchema).optional(),
  date_format: z.string().min(1).optional(),
  // checked below with a message of its own (a zod range message does not say what the year is for)
  two_digit_year_pivot: z.unknown().optional(),
  encoding: z.string().optional(),
  delimiter: z.enum([',', ';', '\t', 'tab']).optional(),
  sheet: z.union([z.string(), z.number().int().min(1)]).optional(),
});

export interface Mapping {
  /** canonical field → column name in the export */
  columns: Partial<Record<FieldName, string>>;
  routes: Record<string, RouteCode>;
  dateFormat?: string;
  /** first year of the century window of a two-digit-year dateFormat (1970: 70 → 1970, 69 → 2069) */
  twoDigitYearPivot?: number;
  encoding?: string;
  delimiter?: ',' | ';' | '\t';
  sheet?: string | number;
  file?: string;
  /** SHA-256 of the mapping file's text as read (the report's provenance) */
  sha256?: string;
}

export const EMPTY_MAPPING: Mapping = { columns: {}, routes: {} };

export function loadMapping(file: string | undefined): Mapping {
  if (!file) return EMPTY_MAPPING;
  const text = readUserFile(file);
  const { data: m, yaml } = parseYamlWith(text, file, MappingSchema);
  const shownFormat = (f: string): string => (FORMAT_LIKE.test(f) ? `"${f}"` : t('quote.notShown'));
  if (m.date_format && !isUsableDateFormat(m.date_format)) {
    throw new UserError(formatProblem(yaml.problemAt(['date_format'], t('mapping.badDateFormat', { format: shownFormat(m.date_format) }))));
  }
  const pivot = m.two_digit_year_pivot;
  if (pivot !== undefined) {
    if (typeof pivot !== 'number' || !Number.isInteger(pivot) || pivot < MIN_PIVOT || pivot > MAX_PIVOT) {
      throw new UserError(formatProblem(yaml.problemAt(['two_digit_year_pivot'], t('mapping.badPivot', { min: MIN_PIVOT, max: MAX_PIVOT }))));
    }
    if (!m.date_format || dateFormatYearDigits(m.date_format) !== 2) {
      throw new UserError(formatProblem(yaml.problemAt(['two_digit_year_pivot'], t('mapping.pivotWithoutTwoDigitYear'))));
    }
  } else if (m.date_format && dateFormatYearDigits(m.date_format) === 2) {
    throw new UserError(formatProblem(yaml.problemAt(['date_format'], t('mapping.twoDigitYearNeedsPivot', { format: shownFormat(m.date_format) }))));
  }
  const seen = new Map<string, string>();
  for (const [field, column] of Object.entries(m.columns ?? {})) {
    const key = column.trim().toLowerCase();
    if (seen.has(key)) {
      throw new UserError(formatProblem(yaml.problemAt(['columns', field], t('mapping.columnTwice', { column: quotedIdentifier(column), field: String(seen.get(key)) }))));
    }
    seen.set(key, field);
  }
  return {
    columns: m.columns ?? {},
    routes: m.routes ?? {},
    dateFormat: m.date_format,
    twoDigitYearPivot: pivot,
    encoding: m.encoding,
    delimiter: m.delimiter === 'tab' ? '\t' : m.delimiter,
    sheet: m.sheet,
    file,
    sha256: sha256Hex(text),
  };
}

// header matching lives in columns.ts (no zod/yaml: the ingest worker needs it)
