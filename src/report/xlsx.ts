/**
 * `--format xlsx` (exceljs, loaded only for this format): a workbook for auditors with the sheets
 * Samenvatting, Bevindingen, Per gemeente and Afgewezen rijen (in this order), then Per deelregio
 * and Per maand. Cells are typed: dates are date cells, percentages numbers with a % format,
 * counts numbers. Every table has a frozen header row, an autofilter and column widths.
 *
 * Formula injection: exceljs writes a string as a string cell, never as a formula, and text that a
 * spreadsheet would turn into a formula when someone edits the cell (= + - @ tab CR) gets the same
 * apostrophe as in the CSV output (SPEC §8).
 *
 * Unlike the table, all findings and all rejected rows are listed (it is a work file), up to the
 * sheet's row limit.
 */
import type { Worksheet, stream } from 'exceljs';
import { PassThrough } from 'node:stream';

export type WorkbookWriter = stream.xlsx.WorkbookWriter;
import { getLang, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { parseIsoDay } from '../calendar/days.js';
import type { Counts, GroupSummary } from './aggregate.js';
import { neutralise } from './csv.js';
import { ZICHT_HOLDERS, type ZichtCounts } from './zicht.js';
import { notAssessableText as zichtNotAssessable, unclearLeftOutText, zichtCountTable, zichtIntro, zichtQuotes, zichtUnclearTable } from './zicht-format.js';
import { routeLabel } from './messages.js';
import type { Provenance, Report } from './model.js';
import type { LeadTime } from './leadtime.js';
import { periodColumn, periodText, periodTitle } from './stats-view.js';
import { baseName, groupFindings, hasAnchorMissing, hasImplausible, hasNorm, normVerdict, noticeLines, notAssessableFields, outsideText, peildatumText, reportTitle, sourceLabel, sourceLegend } from './overview.js';
import { provenanceRows } from './provenance.js';
import { ALL_CELLS, CellPolicy, HIDDEN_SHARE, meanMonitoringHidden, monitoringHiddenText, overdueOf, reportCells } from './cells.js';

/** A summary sheet's fact: label, value and, for a number or date, its Excel format. */
export type Fact = [string, string | number | Date | null, string?];

/** Header facts whose value --min-cell may have made text ("<5", "*"): then without a number format. */
function xlsxFacts(facts: [string, string | number | null, string][]): Fact[] {
  return facts.map(([label, value, fmt]) => (typeof value === 'string' ? [label, value] : [label, value, fmt]));
}

const STATUS_COLS = ['on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'] as const;
/** Excel's last row is 1,048,576; one goes to the header */
export const XLSX_MAX_ROWS = 1_048_575;

export type CellType = 'text' | 'int' | 'pct' | 'date' | 'num';
export interface Col {
  header: string;
  type: CellType;
  /** width cap in characters */
  max?: number;
}
export type CellValue = string | number | null | undefined;

export const PCT = '0.0%';
export const dateFormat = (): string => (getLang() === 'nl' ? 'dd-mm-yyyy' : 'yyyy-mm-dd');

/** yyyy-mm-dd → a Date at UTC midnight, which exceljs stores as that day's serial. */
export function isoToExcelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = parseIsoDay(iso);
  return d === undefined ? null : new Date(d * 86_400_000);
}

function cellValue(type: CellType, v: CellValue): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  // a count or share --min-cell hides ("<5", "*") stays text in a number column
  if ((type === 'int' || type === 'pct' || type === 'num') && typeof v === 'string' && (v === HIDDEN_SHARE || v.startsWith('<'))) return v;
  switch (type) {
    case 'text':
      return neutralise(String(v));
    case 'date':
      return typeof v === 'string' ? isoToExcelDate(v) : null;
    default:
      return typeof v === 'number' ? v : Number(v);
  }
}

function displayLength(type: CellType, v: CellValue): number {
  if (v === null || v === undefined) return 0;
  if (type === 'date') return 10;
  if (type === 'pct') return 7;
  return String(v).length;
}

/** Column widths that fit the header and the longest value (capped), before any row is written. */
/** A summary sheet's head: the title in row 1 (bold, large), then one fact per row, label in bold. */
export function writeSummaryHead(ws: Worksheet, title: string, facts: Fact[]): void {
  const cell = ws.getRow(1).getCell(1);
  cell.value = neutralise(title);
  cell.font = { bold: true, size: 14 };
  ws.getRow(1).commit();
  facts.forEach(([label, value, fmt], i) => {
    const row = ws.getRow(2 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  });
}

export function tableWidths(cols: Col[], rows: CellValue[][], widths: number[] = []): number[] {
  cols.forEach((c, i) => {
    let w = Math.max(widths[i] ?? 0, Math.min(c.header.length + 2, 30));
    for (const r of rows) w = Math.max(w, Math.min(displayLength(c.type, r[i]) + 2, c.max ?? 60));
    widths[i] = w;
  });
  return widths;
}

/**
 * A sheet of the streaming writer: widths and the frozen header are set before the first row is
 * committed (the writer cannot go back), rows are committed one by one so memory stays flat.
 */
export function addSheet(wb: WorkbookWriter, name: string, widths: number[], frozenRow: number): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: frozenRow, topLeftCell: `A${frozenRow + 1}`, activeCell: `A${frozenRow + 1}` }],
  });
  ws.columns = widths.map((w) => ({ width: Math.max(10, w) }));
  return ws;
}

/** Write a table at `startRow` (header there, data below): typed cells, bold header, autofilter. */
/** A sheet that is one table: header frozen, columns as wide as the rows need, written and committed. */
export function tableSheet(wb: WorkbookWriter, name: string, cols: Col[], rows: CellValue[][]): void {
  const ws = addSheet(wb, name, tableWidths(cols, rows), 1);
  writeTable(ws, 1, cols, rows);
  ws.commit();
}

export function writeTable(ws: Worksheet, startRow: number, cols: Col[], rows: CellValue[][]): number {
  return writeTableOf(ws, startRow, cols, rows.length, (r) => rows[r]);
}

/**
 * writeTable for `count` rows made one at a time by `rowAt` (a long list need not exist as cell
 * arrays first); rows beyond the sheet's limit are not written. Returns the last row written.
 */
export function writeTableOf(ws: Worksheet, startRow: number, cols: Col[], count: number, rowAt: (r: number) => CellValue[]): number {
  const header = ws.getRow(startRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3F8' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  header.commit();
  const limit = Math.min(count, XLSX_MAX_ROWS - startRow + 1);
  for (let r = 0; r < limit; r++) {
    const row = ws.getRow(startRow + 1 + r);
    const values = rowAt(r);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(c.type, values[i]);
      if (c.type === 'pct') cell.numFmt = PCT;
      else if (c.type === 'date') cell.numFmt = dateFormat();
      else if (c.type === 'int') cell.numFmt = '0';
    });
    row.commit();
  }
  ws.autoFilter = { from: { row: startRow, column: 1 }, to: { row: startRow + Math.max(limit, 0), column: cols.length } };
  return startRow + limit;
}

function countValues(c: Counts, cells: CellPolicy = ALL_CELLS): (number | string)[] {
  return [c.applicable, ...STATUS_COLS.map((s) => c[s])].map((n) => cells.value(n));
}

function groupSheet(wb: WorkbookWriter, name: string, firstCol: string, groups: Record<string, GroupSummary>, withDeelregio: boolean, ruleIds: string[], cells: CellPolicy): void {
  const cols: Col[] = [
    { header: firstCol, type: 'text' },
    ...(withDeelregio ? [{ header: t('col.deelregio'), type: 'text' as const }] : []),
    { header: t('col.cases'), type: 'int' },
    { header: t('col.applicable'), type: 'int' },
    ...STATUS_COLS.map((s) => ({ header: t(`status.${s}`), type: 'int' as const })),
    { header: t('col.compliance'), type: 'pct' },
    // compliance per rule, so an auditor can filter a gemeente's weakest rule
    ...ruleIds.map((id) => ({ header: t('rep.xlsx.ruleCompliance', { id }), type: 'pct' as const })),
  ];
  const rows = Object.entries(groups).map(([key, g]) => [
    key,
    ...(withDeelregio ? [g.deelregio ?? ''] : []),
    cells.value(g.cases),
    ...countValues(g, cells),
    cells.compliance(g),
    ...ruleIds.map((id) => (g.rules[id] ? cells.compliance(g.rules[id]) : null)),
  ]);
  tableSheet(wb, name, cols, rows);
}

/**
 * A streaming workbook whose bytes go to `onChunk` as the zip is written. Reproducible bytes
 * (issue 16.2): the workbook's created/modified dates and every zip entry's timestamp are `stamp`
 * (the peildatum at 00:00 UTC), not the time of the run. archiver stamps an entry with the current
 * time unless its append() is given a date, and the writer's constructor already appends the
 * theme and the package rels: so the zip is stamped in the first method the constructor calls
 * (addThemes), before any entry. `finished` resolves when the last byte has been handed over.
 */
export async function openWorkbook(stamp: Date, creator: string, onChunk: (chunk: Buffer) => void): Promise<{ wb: WorkbookWriter; finished: Promise<void> }> {
  const { default: ExcelJS } = await import('exceljs');
  const sink = new PassThrough();
  sink.on('data', onChunk);
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  type Zip = { append(source: unknown, data: Record<string, unknown>): unknown };
  const Base = ExcelJS.stream.xlsx.WorkbookWriter as unknown as new (o: object) => { zip: Zip; addThemes(): Promise<void> };
  class StampedWriter extends Base {
    override addThemes(): Promise<void> {
      const append = this.zip.append.bind(this.zip);
      this.zip.append = (source, data) => append(source, { ...data, date: stamp });
      return super.addThemes();
    }
  }
  // the streaming writer: rows go out as they are committed, so a workbook with 100.000 findings
  // does not hold a cell object per value in memory
  const wb = new StampedWriter({ stream: sink, useStyles: true, useSharedStrings: false }) as unknown as WorkbookWriter;
  wb.creator = creator;
  wb.created = stamp;
  wb.modified = stamp;
  return { wb, finished };
}

/** The peildatum (yyyy-mm-dd) at 00:00 UTC: the timestamp of a reproducible workbook. */
export function workbookStamp(peildatum: string): Date {
  return new Date((parseIsoDay(peildatum) ?? 0) * 86_400_000);
}

/** The sheet "Herkomst": what the workbook was made from. */
export function provenanceSheet(wb: WorkbookWriter, provenance: Provenance): void {
  const cols: Col[] = [
    { header: t('prov.col.what'), type: 'text', max: 70 },
    { header: t('prov.col.value'), type: 'text', max: 90 },
  ];
  const rows = provenanceRows(provenance).map((r) => [r.what, r.value]);
  tableSheet(wb, t('prov.title'), cols, rows);
}

export async function formatXlsx(report: Report): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const { wb, finished } = await openWorkbook(workbookStamp(report.peildatum), `${report.tool.name} ${report.tool.version}`, (c) => chunks.push(c));
  const ruleIds = report.summary.rules.map((r) => r.rule_id);
  const cells = reportCells(report);
  const totals = report.summary.totals;

  // ---- Samenvatting: the header facts, then the per-rule table, the routes and the notes
  {
    const facts: Fact[] = [
      [t('report.profile'), neutralise(`${report.profile.id} ${report.profile.version}${report.profile.chain.length > 1 ? ` (extends ${report.profile.chain.slice(1).join(' → ')})` : ''}`)],
      report.input.peildatum_given === false
        ? [t('report.peildatum'), neutralise(peildatumText(report, getLang() === 'nl' ? report.peildatum.split('-').reverse().join('-') : report.peildatum))]
        : [t('report.peildatum'), isoToExcelDate(report.peildatum), dateFormat()],
      [t('report.files'), neutralise(report.input.files.map(baseName).join(', '))],
      [t('rep.col.read'), report.input.rows_read, '0'],
      [t('rep.col.checked'), report.input.rows_checked, '0'],
      [t('rep.col.rejected'), report.input.rows_rejected, '0'],
      // the figures that matter, before any table
      ...xlsxFacts(
        [
          [t('rep.xlsx.total'), cells.compliance(totals), PCT],
          [t('status.overdue'), cells.value(totals.overdue), '0'],
          [t('status.late'), cells.value(totals.late), '0'],
          [t('status.missing'), cells.value(totals.missing), '0'],
        ],
      ),
    ];
    if (totals.implausible) facts.push(...xlsxFacts([[t('status.implausible'), cells.value(totals.implausible), '0']]));
    facts.push([t('period.label'), neutralise(periodText(report))]);
    if (report.input.rows_outside_period > 0) facts.push([t('period.label'), neutralise(t('period.outside', { count: report.input.rows_outside_period }))]);
    if (report.options.pseudonymized) facts.push([t('col.dossier'), t('rep.pseudonymized')]);
    if (report.input.gemeenten) facts.push([t('rep.gemeenten'), neutralise(report.input.gemeenten.join(', ') + outsideText(report))]);
    if (report.input.newest_date) facts.push([t('rep.newestDate'), isoToExcelDate(report.input.newest_date), dateFormat()]);
    if (report.input.dates_after_peildatum) facts.push([t('rep.datesAfterPeildatum'), report.input.dates_after_peildatum, '0']);
    for (const n of noticeLines(report)) facts.push([t('rep.warnings'), neutralise(n)]);
    for (const c of report.input.pii_columns) facts.push([t('rep.piiColumns'), neutralise(`${baseName(c.file)}: ${c.column} (${c.kind})`)]);
    const withNorm = hasNorm(report);
    const withImplausible = hasImplausible(report);
    const withAnchorMissing = hasAnchorMissing(report);
    const anyUnjudged = report.summary.rules.some((r) => notAssessableFields(report, r.rule_id));
    const headerRow = 2 + facts.length + 1;
    const cols: Col[] = [
      { header: t('col.rule'), type: 'text' },
      { header: t('col.title'), type: 'text', max: 70 },
      { header: t('col.severity'), type: 'text' },
      { header: t('col.applicable'), type: 'int' },
      ...STATUS_COLS.map((s) => ({ header: t(`status.${s}`), type: 'int' as const })),
      ...(withImplausible ? [{ header: t('status.implausible'), type: 'int' as const }] : []),
      ...(withAnchorMissing ? [{ header: t('col.anchorMissing'), type: 'int' as const }] : []),
      { header: t('col.compliance'), type: 'pct' },
      ...(withNorm ? [{ header: t('col.norm'), type: 'pct' as const }, { header: t('rep.xlsx.meetsNorm'), type: 'text' as const }] : []),
      { header: t('col.source'), type: 'text', max: 40 },
      ...(anyUnjudged ? [{ header: t('rep.xlsx.note'), type: 'text' as const, max: 70 }] : []),
    ];
    const rows = report.summary.rules.map((r) => {
      const missing = notAssessableFields(report, r.rule_id);
      // a rule the export cannot judge gets no figures, only the reason
      const figure = <T,>(v: T): T | null => (missing ? null : v);
      return [
        r.rule_id,
        localized(r.title),
        t(`severity.${r.severity}`),
        ...countValues(r, cells).map(figure),
        ...(withImplausible ? [figure(cells.value(r.implausible))] : []),
        ...(withAnchorMissing ? [figure(cells.value(r.not_applicable_anchor_missing))] : []),
        figure(cells.compliance(r)),
        ...(withNorm ? [r.norm, normVerdict(r, cells.compliance(r) === HIDDEN_SHARE)] : []),
        sourceLabel(report, r.source),
        ...(anyUnjudged ? [missing ? t('rep.notAssessableCell', { fields: missing.join(', ') }) : ''] : []),
      ];
    });
    const widths = tableWidths(cols, rows);
    widths[0] = Math.max(widths[0], 16, ...facts.map(([label]) => label.length + 2));
    const ws = addSheet(wb, t('rep.sheet.summary'), widths, headerRow);
    writeSummaryHead(ws, reportTitle(report), facts);
    let next = writeTable(ws, headerRow, cols, rows) + 2;
    const line = (text: string, font?: { bold?: boolean; italic?: boolean }, value?: string) => {
      const row = ws.getRow(next++);
      row.getCell(1).value = neutralise(text);
      if (font) row.getCell(1).font = font;
      if (value !== undefined) row.getCell(2).value = neutralise(value);
      row.commit();
    };
    line(t('report.legend'), { italic: true });
    const legend = sourceLegend(report);
    if (legend.length) {
      next++;
      line(t('rep.sources'), { bold: true });
      for (const l of legend) line(l.name, undefined, l.title);
    }
    next++;
    // the route mix, below the rules (no autofilter: a sheet has one)
    line(t('report.routes'), { bold: true });
    {
      const row = ws.getRow(next++);
      [t('col.route'), t('col.count'), t('col.share')].forEach((h, i) => {
        row.getCell(i + 1).value = h;
        row.getCell(i + 1).font = { bold: true };
      });
      row.commit();
    }
    const total = report.summary.totals.cases;
    for (const [route, n] of Object.entries(report.summary.routes)) {
      const row = ws.getRow(next++);
      row.getCell(1).value = routeLabel(route === 'onbekend' ? undefined : route);
      row.getCell(2).value = cells.value(n);
      row.getCell(2).numFmt = '0';
      row.getCell(3).value = cells.share(n, total);
      row.getCell(3).numFmt = PCT;
      row.commit();
    }
    const md = report.summary.monitoring_duration;
    if (md) {
      next++;
      line(
        t('report.monitoring'),
        { bold: true },
        meanMonitoringHidden(md, cells) || cells.hides(md.open)
          ? monitoringHiddenText(md, cells)
          : md.mean_months === null
          ? t('report.monitoringNone', { open: md.open, target: md.target_months, source: sourceLabel(report, md.source) })
          : t('report.monitoringLine', { mean: String(md.mean_months), closed: md.closed, target: md.target_months, source: sourceLabel(report, md.source), open: md.open }),
      );
    }
    if (report.profile.inactive_rules.length) {
      next++;
      line(
        t('report.inactive', {
          list: report.profile.inactive_rules
            .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
            .join(', '),
        }),
      );
    }
    ws.commit();
  }

  // ---- Bevindingen (all of them: a work file); --aggregate-only leaves the sheet out
  if (!report.options.aggregate_only) {
    const cols: Col[] = [
      { header: t('col.dossier'), type: 'text' },
      { header: t('col.rule'), type: 'text' },
      { header: t('col.gemeente'), type: 'text' },
      { header: t('col.deelregio'), type: 'text' },
      { header: t('col.status'), type: 'text' },
      { header: t('col.severity'), type: 'text' },
      { header: t('col.due'), type: 'date' },
      { header: t('col.actual'), type: 'date' },
      { header: t('col.daysLate'), type: 'int' },
      { header: t('col.message'), type: 'text', max: 90 },
      { header: t('col.source'), type: 'text', max: 40 },
    ];
    // grouped by rule, then gemeente, as in the HTML and Markdown reports
    const ordered = groupFindings(report.findings).flatMap((g) => g.gemeenten.flatMap((gem) => gem.findings));
    const rows = ordered.map((f) => [f.dossier_id, f.rule_id, f.gemeente, f.deelregio ?? '', t(`status.${f.status}`), t(`severity.${f.severity}`), f.due_date, f.actual_date, f.days_late, f.message, sourceLabel(report, f.source)]);
    tableSheet(wb, t('rep.sheet.findings'), cols, rows);
  }

  // ---- Per gemeente
  const hasDeelregios = Object.keys(report.summary.by_deelregio).length > 0;
  groupSheet(wb, t('rep.sheet.gemeenten'), t('col.gemeente'), report.summary.by_gemeente, hasDeelregios, ruleIds, cells);

  // ---- Afgewezen rijen (not with --aggregate-only)
  if (!report.options.aggregate_only) {
    const cols: Col[] = [
      { header: t('col.file'), type: 'text' },
      { header: t('col.row'), type: 'int' },
      { header: t('col.column'), type: 'text' },
      { header: t('col.reason'), type: 'text', max: 90 },
    ];
    const rows = report.rejected.map((r) => [baseName(r.file), r.row, r.column, r.reason]);
    tableSheet(wb, t('rep.sheet.rejected'), cols, rows);
  }

  if (hasDeelregios) groupSheet(wb, t('rep.sheet.deelregios'), t('col.deelregio'), report.summary.by_deelregio, false, ruleIds, cells);
  const unit = report.summary.period_unit;
  groupSheet(wb, unit === 'month' ? t('rep.sheet.months') : periodTitle(unit), periodColumn(unit), report.summary.by_period, false, ruleIds, cells);

  // ---- Doorlooptijden: one row per group and deadline rule (all, gemeente, deelregio, period)
  const lt = report.summary.lead_times;
  if (lt.rules.length) {
    const cols: Col[] = [
      { header: t('lead.col.groupKind'), type: 'text' },
      { header: t('lead.col.group'), type: 'text' },
      { header: t('col.rule'), type: 'text' },
      { header: t('lead.col.unit'), type: 'text' },
      { header: t('lead.col.term'), type: 'int' },
      { header: t('lead.col.done'), type: 'int' },
      { header: t('lead.col.median'), type: 'int' },
      { header: t('lead.col.p90'), type: 'int' },
      { header: t('lead.col.max'), type: 'int' },
      { header: t('lead.col.open'), type: 'int' },
      { header: t('lead.col.openMedian'), type: 'int' },
      { header: t('lead.col.openMax'), type: 'int' },
    ];
    const units = new Map(lt.rules.map((r) => [r.rule_id, r]));
    const row = (kind: string, group: string, id: string, l: LeadTime): CellValue[] => {
      const r = units.get(id)!;
      // --min-cell: a count below N is "<N", a median, P90 or maximum over it "*" (text cells)
      const d = l.done;
      const o = l.open;
      return [
        kind,
        group,
        id,
        t(`lead.unit.${r.unit}`),
        r.term,
        cells.value(d.count),
        cells.stat(d.median, d.count),
        cells.stat(d.p90, d.count),
        cells.stat(d.max, d.count),
        cells.value(o.count),
        cells.stat(o.median, o.count),
        cells.stat(o.max, o.count),
      ];
    };
    const groups = (kind: string, map: Record<string, Record<string, LeadTime>>) =>
      Object.entries(map).flatMap(([name, byRule]) => lt.rules.map((r) => row(kind, name, r.rule_id, byRule[r.rule_id])));
    const rows = [
      ...lt.rules.map((r) => row(t('lead.group.all'), t('lead.group.all'), r.rule_id, r)),
      ...groups(t('lead.group.gemeente'), lt.by_gemeente),
      ...groups(t('lead.group.deelregio'), lt.by_deelregio),
      ...groups(t('lead.group.period'), lt.by_period),
    ];
    tableSheet(wb, t('lead.sheet'), cols, rows);
  }

  // ---- Werkvoorraad: per rule (all gemeenten), then per rule and gemeente, oldest first
  const w = report.summary.werkvoorraad;
  if (w.rules.length) {
    const cols: Col[] = [
      { header: t('col.rule'), type: 'text' },
      { header: t('col.gemeente'), type: 'text' },
      { header: t('col.deelregio'), type: 'text' },
      { header: t('stock.col.open'), type: 'int' },
      { header: t('stock.col.over20'), type: 'int' },
      { header: t('stock.col.6to20'), type: 'int' },
      { header: t('stock.col.upTo5'), type: 'int' },
      { header: t('stock.col.notDue'), type: 'int' },
      { header: t('stock.col.oldest'), type: 'int' },
    ];
    const stockCells = (c: (typeof w.rules)[number]) => [
      ...[c.open, c.overdue_over_20, c.overdue_6_20, c.overdue_1_5, c.not_due].map((n) => cells.value(n)),
      cells.stat(c.oldest_overdue_werkdagen, overdueOf(c)),
    ];
    const rows = [
      ...w.rules.map((r) => [r.rule_id, t('lead.group.all'), '', ...stockCells(r)]),
      ...w.rows.map((r) => [r.rule_id, r.gemeente, r.deelregio ?? '', ...stockCells(r)]),
    ];
    tableSheet(wb, t('stock.sheet'), cols, rows);
  }

  // ---- Zicht op veiligheid: counts per gemeente (and the total), the seed quotes below; the
  // unclear dossiers (ids only) on their own sheet
  const zicht = report.summary.zicht_op_veiligheid;
  if (zicht) {
    const counts = zichtCountTable(zicht);
    const cols: Col[] = [{ header: counts.head[0], type: 'text' }, ...counts.head.slice(1).map((h): Col => ({ header: h, type: 'int' }))];
    const zichtCells = (c: ZichtCounts) => [c.cases, ...ZICHT_HOLDERS.map((h) => c[h])].map((n) => cells.value(n));
    const rows: CellValue[][] = zicht.assessable
      ? [...Object.entries(zicht.by_gemeente).map(([g, c]) => [g, ...zichtCells(c)]), [t('zicht.total'), ...zichtCells(zicht.totals)]]
      : [];
    const ws = addSheet(wb, t('zicht.sheet'), tableWidths(cols, rows), 1);
    let next = writeTable(ws, 1, cols, rows) + 2;
    const note = (text: string, bold = false) => {
      const row = ws.getRow(next++);
      row.getCell(1).value = neutralise(text);
      if (bold) row.getCell(1).font = { bold: true };
      row.commit();
    };
    note(zichtIntro(zicht));
    if (!zicht.assessable) note(zichtNotAssessable(zicht), true);
    // --aggregate-only: no sheet of unclear dossiers (ids), only how many there are
    else if (report.options.aggregate_only) note(unclearLeftOutText(zicht, cells), true);
    note(t('zicht.sources'), true);
    for (const q of zichtQuotes(zicht.quotes)) note(q);
    if (zicht.interpretation) note(t('zicht.show.interpretation', { text: zicht.interpretation }));
    ws.commit();
    if (zicht.assessable && !report.options.aggregate_only) {
      const list = zichtUnclearTable(zicht, 0);
      const ucols: Col[] = [
        { header: list.head[0], type: 'text' },
        { header: list.head[1], type: 'text' },
        { header: list.head[2], type: 'text' },
        { header: list.head[3], type: 'date' },
      ];
      const urows = zicht.unclear.map((u, i) => [u.dossier_id, u.gemeente, list.rows[i][2], u.term_end]);
      tableSheet(wb, t('zicht.sheetUnclear'), ucols, urows);
    }
  }

  // ---- Herkomst: what the workbook was made from
  provenanceSheet(wb, report.provenance);

  await wb.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
