/**
 * Issue 13.14: `validate --format json|csv|xlsx` list EVERY problem (file, row, column, code,
 * severity, reason), never cut; the table and Markdown show the first --max-examples per code.
 *
 * Each writer is told every problem as runValidation finds it (in reading order: a file's column
 * problems, its rows, then what its values showed), and the report when the run is done.
 * - csv streams: each problem is a row on the output as it is found (constant memory), with
 *   check's dialect (src/report/csv.ts: `;`, BOM and Dutch headers under nl, the machine form
 *   under --lang en); like check's csv, the provenance goes to standard error as one line.
 *   `--csv-rows fill` writes the fill rates instead (issue 16.5), one row per field and group.
 * - json streams into a file (--output, written atomically: a run that fails leaves none): the
 *   head (tool, profile, peildatum) first, then "problems" one by one, then the rest of the
 *   report; the bytes are those of JSON.stringify(validationJson(report, problems), null, 2). To
 *   standard output the same text is held until the run is done (a run that fails half-way
 *   prints nothing, as check's json), about 250 bytes per problem.
 * - xlsx cannot stream the list: the streaming workbook writes its sheets one after another and
 *   the summary comes first, so the problems are held until the run is done, at most the
 *   sheet's row limit (XLSX_MAX_ROWS); more are counted and the summary says how many are not in
 *   the sheet.
 * No writer sees a value of a cell other than through the reasons, which the quote policy made
 * (src/privacy/quote.ts), and none has a dossier id to write.
 */
import { formatNumber, getLang, localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import '../i18n/catalog/fill.js';
import '../i18n/catalog/provenance.js';
import { FIELDS, type FieldName } from '../model/fields.js';
import { type CellPolicy, HIDDEN_SHARE, reportCells } from '../report/cells.js';
import { csvDialect, csvHeader, csvRow, neutralise } from '../report/csv.js';
import type { StreamOut } from '../report/model.js';
import { addSheet, type Col, dateFormat, type Fact, isoToExcelDate, openWorkbook, provenanceSheet, tableSheet, tableWidths, workbookStamp, writeSummaryHead, writeTable, writeTableOf, XLSX_MAX_ROWS } from '../report/xlsx.js';
import { ISSUE_CODES, SEVERITY } from './codes.js';
import { type FillGroup, type FillReport, fillPercent, fillRate, fillShare } from './fill.js';
import type { Issue, ValidationReport } from './validate.js';

export interface ProblemWriter {
  /** before the first file is read */
  begin(): void;
  /** one problem, as it is found */
  problem(issue: Issue): void;
  /** after a batch of rows: wait for the output */
  drain(): Promise<void>;
  /** the run is done */
  end(report: ValidationReport): Promise<void>;
}

/** A problem as json gives it (the shape of the former `examples`). */
export function problemJson(e: Issue): object {
  return { code: e.code, severity: e.severity, file: e.file, row: e.row, column: e.column, message: e.message, ...(e.expected ? { expected: e.expected } : {}) };
}

// ---------------------------------------------------------------- json

/**
 * The report as JSON with every problem. `head` is what is known before the run; the rest comes
 * from the report. validationJson (format.ts) puts the same keys in the same order.
 */
export function jsonWriter(
  out: StreamOut,
  head: { tool?: { name: string; version: string }; profile: object; peildatum: string },
  rest: (report: ValidationReport) => object,
  /**
   * hold the text until the run is done (standard output: an input that fails half-way leaves it
   * empty, as check's json does); a file written atomically is streamed, since a failed run
   * leaves no file behind
   */
  hold = false,
): ProblemWriter {
  let n = 0;
  const held: string[] = [];
  const write = (text: string) => (hold ? held.push(text) : out.write(text));
  return {
    begin() {
      const text = JSON.stringify(head, null, 2);
      // "{\n  ...\n}" without its closing brace, then the list opens
      write(text.slice(0, -2) + ',\n  "problems": [');
    },
    problem(issue) {
      write((n++ ? ',' : '') + '\n    ' + JSON.stringify(problemJson(issue), null, 2).replace(/\n/g, '\n    '));
    },
    drain: () => out.drain(),
    async end(report) {
      const tail = JSON.stringify(rest(report), null, 2);
      // "{\n  ...": its keys follow the list
      write((n ? '\n  ' : '') + '],' + tail.slice(1) + '\n');
      for (let i = 0; i < held.length; i++) {
        out.write(held[i]);
        if (i % 4096 === 4095) await out.drain();
      }
      held.length = 0;
      await out.drain();
    },
  };
}

// ---------------------------------------------------------------- csv

const PROBLEM_KEYS = ['file', 'row', 'column', 'code', 'severity', 'message', 'expected'] as const;
const PROBLEM_HEADERS = ['col.file', 'col.row', 'col.column', 'validate.col.code', 'col.severity', 'col.reason', 'validate.col.expected'];

export type CsvRows = 'problems' | 'fill';
export const CSV_ROWS: readonly CsvRows[] = ['problems', 'fill'];

/** The problems (or, with `rows` fill, the fill rates) as CSV rows on `out`; the provenance on `stderr`. */
export function csvWriter(out: StreamOut, stderr: NodeJS.WritableStream, rows: CsvRows = 'problems'): ProblemWriter {
  const machine = getLang() === 'en';
  const { separator, bom } = csvDialect();
  const row = (values: unknown[]) => out.write(csvRow(values, separator));
  const severity = new Map(ISSUE_CODES.map((c) => [c, machine ? SEVERITY[c] : t(`severity.${SEVERITY[c]}`)]));
  return {
    begin() {
      const header = rows === 'fill' ? FILL_KEYS.map((k, i) => (machine ? k : t(FILL_HEADERS[i]))) : PROBLEM_KEYS.map((k, i) => (machine ? k : t(PROBLEM_HEADERS[i])));
      out.write((bom ? '\uFEFF' : '') + csvHeader(header, separator));
    },
    problem(e) {
      if (rows !== 'problems') return;
      row([e.file, e.row, e.column, e.code, severity.get(e.code), e.message, e.expected ? (machine ? e.expected : t(`type.${e.expected}`)) : null]);
    },
    drain: () => out.drain(),
    async end(report) {
      if (rows === 'fill') for (const r of fillRows(report.fill, reportCells(report), machine)) row(r);
      stderr.write('giacheck: ' + verdictLine(report) + '\n');
      // a CSV reader takes every line for a row: the provenance goes to standard error, one line of JSON
      stderr.write('giacheck: ' + t('prov.stderr', { json: JSON.stringify(report.provenance) }) + '\n');
      await out.drain();
    },
  };
}

const FILL_KEYS = ['scope', 'group', 'field', 'rows', 'filled', 'rate'] as const;
const FILL_HEADERS = ['fill.col.scope', 'fill.col.group', 'fill.col.field', 'fill.rows.header', 'fill.col.filled', 'fill.col.rate'];

/**
 * The fill as rows: the total, then every gemeente, then every month, each with every field.
 * Machine form: scope total|gemeente|month, the rate as a ratio to four decimals; Dutch Excel: the
 * words and the rate as a percentage. A field without a column has no rate (empty, not 0).
 * --min-cell: a count below N is "<N", a rate that would give one away "*".
 */
export function fillRows(fill: FillReport, cells: CellPolicy, machine: boolean): unknown[][] {
  const out: unknown[][] = [];
  const group = (scope: 'total' | 'gemeente' | 'month', key: string | null, rows: number, filled: Record<FieldName, number>) => {
    for (const f of FIELDS) {
      const share = fillShare(fill, f, filled[f], rows, cells);
      out.push([
        machine ? scope : t(`fill.scope.${scope}`),
        scope === 'total' ? null : (key ?? t('fill.other')),
        f,
        cells.value(rows),
        fill.no_column.includes(f) ? null : cells.value(filled[f]),
        share === null || share === HIDDEN_SHARE || machine ? share : fillPercent(fill, f, filled[f], rows),
      ]);
    }
  };
  group('total', null, fill.rows, fill.filled);
  for (const g of fill.by_gemeente) group('gemeente', g.key, g.rows, g.filled);
  for (const g of fill.by_month) group('month', g.key, g.rows, g.filled);
  return out;
}

function verdictLine(report: ValidationReport): string {
  const { errors, warnings } = report.issues;
  return errors
    ? t('validate.verdictErrors', { errors: formatNumber(errors), warnings: formatNumber(warnings) })
    : warnings
      ? t('validate.verdictWarnings', { warnings: formatNumber(warnings) })
      : t('validate.verdictClean');
}

// ---------------------------------------------------------------- xlsx

/**
 * The workbook: Samenvatting (the header facts and the problems per code), Problemen (every
 * problem, up to the sheet's limit), Persoonsgegevens (when found), Vulgraad per gemeente and per
 * maand (every field; --min-cell applies), Herkomst.
 */
export function xlsxWriter(out: StreamOut): ProblemWriter {
  const kept: Issue[] = [];
  let total = 0;
  const limit = XLSX_MAX_ROWS;
  return {
    begin() {},
    problem(e) {
      total++;
      if (kept.length < limit) kept.push(e);
    },
    drain: async () => {},
    async end(report) {
      const { wb, finished } = await openWorkbook(workbookStamp(report.peildatum), `${report.tool?.name ?? 'giacheck'} ${report.tool?.version ?? ''}`.trim(), (c) => out.write(new Uint8Array(c)));
      const cells = reportCells(report);
      // ---- Samenvatting
      {
        const facts: Fact[] = [
          [t('report.profile'), neutralise(`${localized(report.profile.name)} (${report.profile.id} ${report.profile.version})`)],
          [t('report.peildatum'), isoToExcelDate(report.peildatum), dateFormat()],
          [t('report.files'), neutralise(report.input.files.join(', '))],
          [t('validate.xlsx.read'), report.input.rows_read, '0'],
          [t('validate.xlsx.valid'), report.input.rows_valid, '0'],
          [t('validate.xlsx.withErrors'), report.input.rows_with_errors, '0'],
          [t('validate.xlsx.withWarnings'), report.input.rows_with_warnings, '0'],
          [t('validate.xlsx.errors'), report.issues.errors, '0'],
          [t('validate.xlsx.warnings'), report.issues.warnings, '0'],
          [t('validate.xlsx.verdict'), neutralise(verdictLine(report))],
        ];
        if (total > kept.length) facts.push([t('validate.xlsx.notListed'), neutralise(t('validate.xlsx.notListedText', { count: formatNumber(total - kept.length) }))]);
        if (report.options.aggregate_only) facts.push([t('validate.xlsx.notListed'), neutralise(t('validate.aggregateOnly'))]);
        const cols: Col[] = [
          { header: t('validate.col.code'), type: 'text' },
          { header: t('col.severity'), type: 'text' },
          { header: t('col.count'), type: 'int' },
          { header: t('col.title'), type: 'text', max: 70 },
        ];
        const codes = ISSUE_CODES.filter((c) => report.issues.by_code[c]);
        const rows = codes.map((c) => [c, t(`severity.${SEVERITY[c]}`), report.issues.by_code[c]!, t(`code.${c}`)]);
        const headerRow = 2 + facts.length + 1;
        const widths = tableWidths(cols, rows);
        widths[0] = Math.max(widths[0], ...facts.map(([label]) => label.length + 2));
        widths[1] = Math.max(widths[1], 40);
        const ws = addSheet(wb, t('validate.xlsx.summary'), widths, headerRow);
        writeSummaryHead(ws, t('validate.title', { profile: localized(report.profile.name) }), facts);
        writeTable(ws, headerRow, cols, rows);
        ws.commit();
      }
      // ---- Problemen: every one, typed (the row a number, a file-level problem without one)
      {
        const cols: Col[] = [
          { header: t('col.file'), type: 'text' },
          { header: t('col.row'), type: 'int' },
          { header: t('col.column'), type: 'text', max: 40 },
          { header: t('validate.col.code'), type: 'text' },
          { header: t('col.severity'), type: 'text' },
          { header: t('col.reason'), type: 'text', max: 90 },
          { header: t('validate.col.expected'), type: 'text', max: 50 },
        ];
        const rowOf = (e: Issue) => [e.file, e.row, e.column, e.code, t(`severity.${e.severity}`), e.message, e.expected ? t(`type.${e.expected}`) : null];
        // widths from the first thousand: the streaming sheet fixes them before its first row
        const ws = addSheet(wb, t('validate.xlsx.problems'), tableWidths(cols, kept.slice(0, 1000).map(rowOf)), 1);
        writeTableOf(ws, 1, cols, kept.length, (r) => rowOf(kept[r]));
        ws.commit();
        kept.length = 0;
      }
      // ---- Persoonsgegevens: column and kind only
      if (report.pii.length) {
        const cols: Col[] = [
          { header: t('col.file'), type: 'text' },
          { header: t('col.column'), type: 'text' },
          { header: t('validate.col.kind'), type: 'text' },
          { header: t('validate.col.basis'), type: 'text' },
        ];
        const rows = report.pii.map((p) => [p.file, p.column, t(`pii.${p.kind}`), t(`validate.basis.${p.basis}`)]);
        tableSheet(wb, t('validate.xlsx.pii'), cols, rows);
      }
      // ---- Vulgraad per gemeente and per maand: a row per field, a column per group
      if (report.fill.rows > 0) {
        fillSheet(wb, t('validate.xlsx.fillGemeente'), t('col.gemeente'), report.fill, report.fill.by_gemeente, cells);
        fillSheet(wb, t('validate.xlsx.fillMonth'), t('validate.xlsx.month'), report.fill, report.fill.by_month, cells);
      }
      provenanceSheet(wb, report.provenance);
      await wb.commit();
      await finished;
      await out.drain();
    },
  };
}

/**
 * One sheet of fill rates: a row per group (the total first) with its usable rows and, per field,
 * its share as a percentage cell; empty for a field without a column; "<N" and "*" under --min-cell.
 */
function fillSheet(wb: Parameters<typeof addSheet>[0], name: string, first: string, fill: FillReport, groups: FillGroup[], cells: CellPolicy): void {
  const cols: Col[] = [{ header: first, type: 'text' }, { header: t('fill.rows.header'), type: 'int' }, ...FIELDS.map((f): Col => ({ header: f, type: 'pct' }))];
  const rowOf = (key: string, rows: number, filled: Record<FieldName, number>) => [
    key,
    cells.value(rows),
    ...FIELDS.map((f) => {
      const rate = fillRate(fill, f, filled[f], rows);
      return rate === null ? null : cells.hidesShare(filled[f], rows) ? HIDDEN_SHARE : rate;
    }),
  ];
  const rows = [rowOf(t('fill.total'), fill.rows, fill.filled), ...groups.map((g) => rowOf(g.key ?? t('fill.other'), g.rows, g.filled))];
  tableSheet(wb, name, cols, rows);
}
