/**
 * `--format csv`: findings row by row (streamed, constant memory). Text cells that a spreadsheet
 * would read as a formula (starting with = + - @, tab or CR) are prefixed with an apostrophe.
 */
import type { Finding } from './findings.js';
import type { FindingStream, StreamOut } from './model.js';
import { rejectedText } from './rejected.js';

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

/** Neutralise formula injection in a text cell. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : neutralise(String(v));
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvHeader(columns: readonly string[] = FINDING_COLUMNS): string {
  return columns.join(',') + '\r\n';
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export function findingCsvRow(f: Finding): string {
  return csvRow(FINDING_COLUMNS.map((c) => f[c]));
}

/** Findings as rows on the output; rejected rows go to standard error (they have other columns). */
export function csvStream(out: StreamOut, stderr: NodeJS.WritableStream): FindingStream {
  return {
    target: { csv: (row) => out.write(row) },
    begin: () => out.write(csvHeader()),
    afterRow() {},
    rejected: (r) => stderr.write('giacheck: ' + rejectedText(r) + '\n'),
    drain: () => out.drain(),
    end() {},
  };
}
