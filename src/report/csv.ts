/**
 * `--format csv`: findings row by row (streamed, constant memory). Text cells that a spreadsheet
 * would read as a formula (starting with = + - @, tab or CR) are prefixed with an apostrophe.
 *
 * Two dialects, chosen by the run's language (csvDialect): in Dutch the file opens correctly in
 * Dutch Excel by double-click (`;`, a UTF-8 BOM, dd-mm-jjjj, Dutch headers and status words);
 * with `--lang en` it is the machine-readable form (`,`, no BOM, ISO dates, the field names and
 * status codes of SPEC §8).
 */
import { getLang, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import '../i18n/catalog/provenance.js';
import type { Finding } from './findings.js';
import type { FindingStream, StreamOut } from './model.js';
import { rejectedText } from './rejected.js';
import { ZICHT_HOLDERS } from './zicht.js';
import { holderLabel, notAssessableText as zichtNotAssessable, unclearLeftOutText, zichtUnclearTable } from './zicht-format.js';
import { reportCells } from './cells.js';

export const FINDING_COLUMNS: (keyof Finding)[] = [
  'dossier_id',
  'gemeente',
  'deelregio',
  'rule_id',
  'status',
  'severity',
  'due_date',
  'actual_date',
  'days_late',
  'message',
  'source',
];

/** How a findings CSV is written: separator, BOM, headers and how a value becomes text. */
export interface CsvDialect {
  separator: ',' | ';';
  bom: boolean;
  header: readonly string[];
  /** a finding's cells, in FINDING_COLUMNS order, before quoting */
  values(f: Finding): unknown[];
}

const MACHINE: CsvDialect = {
  separator: ',',
  bom: false,
  header: FINDING_COLUMNS,
  values: (f) => FINDING_COLUMNS.map((c) => f[c]),
};

const DUTCH_HEADER_KEYS: Record<keyof Finding, string> = {
  dossier_id: 'col.dossier',
  gemeente: 'col.gemeente',
  deelregio: 'col.deelregio',
  rule_id: 'col.rule',
  status: 'col.status',
  severity: 'col.severity',
  due_date: 'col.due',
  actual_date: 'col.actual',
  days_late: 'col.daysLate',
  message: 'col.message',
  source: 'col.source',
};

/** yyyy-mm-dd → dd-mm-yyyy */
const dutchDate = (iso: string | null): string | null => (iso ? iso.split('-').reverse().join('-') : iso);

function dutch(): CsvDialect {
  const status = new Map<string, string>();
  const severity = new Map<string, string>();
  const word = (cache: Map<string, string>, prefix: string, v: string) => {
    let s = cache.get(v);
    if (s === undefined) cache.set(v, (s = t(`${prefix}.${v}`)));
    return s;
  };
  return {
    separator: ';',
    bom: true,
    header: FINDING_COLUMNS.map((c) => t(DUTCH_HEADER_KEYS[c])),
    values: (f) => [
      f.dossier_id,
      f.gemeente,
      f.deelregio,
      f.rule_id,
      word(status, 'status', f.status),
      word(severity, 'severity', f.severity),
      dutchDate(f.due_date),
      dutchDate(f.actual_date),
      f.days_late,
      f.message,
      f.source,
    ],
  };
}

/** The dialect of a run: Dutch Excel under `--lang nl`, machine-readable under `--lang en`. */
export function csvDialect(lang: 'nl' | 'en' = getLang()): CsvDialect {
  return lang === 'nl' ? dutch() : MACHINE;
}

/** the dialect of the open csvStream; the finding writer calls findingCsvRow(f) without one */
let active: CsvDialect = MACHINE;

/**
 * What a spreadsheet may still read as the start of a formula once it skips what it ignores in
 * front: = + - @ (and their fullwidth forms, which Excel's IME input turns into the ASCII ones),
 * `|` (DDE), tab, CR and LF, behind any run of spaces, quotes, NUL (or the U+FFFD that replaced it) and zero-width characters.
 */
const FORMULA_START = /^[\s"'\u0000\ufffd\u200b-\u200d\u2060\ufeff]*[=+\-@|\uff1d\uff0b\uff0d\uff20\uff5c\t\r\n]/;

/** Neutralise formula injection in a text cell: a leading apostrophe makes the cell text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? "'" + text : text;
}

export function csvCell(v: unknown, separator: ',' | ';' = ','): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : neutralise(String(v));
  return s.includes(separator) || /["\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvHeader(columns: readonly string[] = FINDING_COLUMNS, separator: ',' | ';' = ','): string {
  return columns.map((c) => csvCell(c, separator)).join(separator) + '\r\n';
}

export function csvRow(values: readonly unknown[], separator: ',' | ';' = ','): string {
  return values.map((v) => csvCell(v, separator)).join(separator) + '\r\n';
}

export function findingCsvRow(f: Finding, dialect: CsvDialect = active): string {
  return csvRow(dialect.values(f), dialect.separator);
}

/**
 * Findings as rows on the output; rejected rows go to standard error (they have other columns), and
 * so does the zicht-op-veiligheid section at the end: its counts, then one line per unclear dossier.
 */
export function csvStream(out: StreamOut, stderr: NodeJS.WritableStream, dialect: CsvDialect = csvDialect()): FindingStream {
  active = dialect;
  return {
    target: { csv: (row) => out.write(row) },
    begin: () => out.write((dialect.bom ? '\uFEFF' : '') + csvHeader(dialect.header, dialect.separator)),
    afterRow() {},
    rejected: (r) => stderr.write('giacheck: ' + rejectedText(r) + '\n'),
    drain: () => out.drain(),
    end(report) {
      const z = report.summary.zicht_op_veiligheid;
      if (z && !z.assessable) stderr.write('giacheck: ' + zichtNotAssessable(z) + '\n');
      else if (z) {
        const cells = reportCells(report);
        stderr.write('giacheck: ' + t('zicht.csvCounts', { counts: ZICHT_HOLDERS.map((h) => `${holderLabel(h)} ${cells.count(z.totals[h])}`).join(', ') }) + '\n');
        // the unclear dossiers by id, like the rejected rows; with --aggregate-only only how many
        if (report.options.aggregate_only) stderr.write('giacheck: ' + unclearLeftOutText(z, cells) + '\n');
        else for (const r of zichtUnclearTable(z, 0).rows) stderr.write('giacheck: ' + t('zicht.csvUnclear', { id: r[0], gemeente: r[1], reason: r[2], date: r[3] }) + '\n');
      }
      // a CSV reader takes every line for a row: the provenance goes to standard error, one line of JSON
      stderr.write('giacheck: ' + t('prov.stderr', { json: JSON.stringify(report.provenance) }) + '\n');
    },
  };
}
