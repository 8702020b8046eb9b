/**
 * The steering sections (lead times, werkvoorraad, the period) as plain grids of text, so table,
 * Markdown, HTML and XLSX show the same rows and headings from one place; each format only draws.
 */
import { parseIsoDay } from '../calendar/days.js';
import type { PeriodUnit } from '../calendar/periods.js';
import { formatNumber, t } from '../i18n/index.js';
import '../i18n/catalog/stats.js';
import type { LeadTime, LeadTimeRule, Spread } from './leadtime.js';
import { displayDate } from './messages.js';
import type { Report } from './model.js';
import type { WerkvoorraadCounts } from './werkvoorraad.js';
import { ALL_CELLS, type CellPolicy, overdueOf, reportCells } from './cells.js';

export interface GridColumn {
  head: string;
  right?: boolean;
}

export interface Grid {
  /** a stable id (HTML anchors, sheet names) */
  id: string;
  title: string;
  columns: GridColumn[];
  rows: string[][];
  note?: string;
}

export function periodTitle(unit: PeriodUnit): string {
  return t(`period.title.${unit}`);
}

export function periodColumn(unit: PeriodUnit): string {
  return t(`period.col.${unit}`);
}

const iso = (s: string) => displayDate(parseIsoDay(s)!);

/** "meldingen van 01-01-2026 tot en met 30-06-2026; periodetabel per halfjaar" */
export function periodText(report: Report): string {
  const p = report.input.period;
  const range =
    p.from && p.to
      ? t('period.range', { from: iso(p.from), to: iso(p.to) })
      : p.from
        ? t('period.fromOnly', { from: iso(p.from) })
        : p.to
          ? t('period.toOnly', { to: iso(p.to) })
          : t('period.all');
  return `${range}; ${t('period.tableBy', { unit: t(`period.unit.${report.summary.period_unit}`) })}`;
}

const n = (v: number | null) => (v === null ? '–' : formatNumber(v));
const unitText = (r: LeadTimeRule) => t(`lead.unit.${r.unit}`);

/** --min-cell: a statistic over fewer than N cases is "*", said under every grid that has one. */
function cellNote(note: string, cells: CellPolicy, hasStats: boolean): string {
  return cells.minCell !== null && hasStats ? `${note} ${t('lead.hiddenNote', { n: cells.minCell })}` : note;
}

export function leadRuleGrid(report: Report, cells: CellPolicy = reportCells(report)): Grid {
  const lt = report.summary.lead_times;
  return {
    id: 'lead-rules',
    title: t('lead.perRule'),
    columns: [
      { head: t('col.rule') },
      { head: t('lead.col.unit') },
      { head: t('lead.col.term'), right: true },
      { head: t('lead.col.done'), right: true },
      { head: t('lead.col.median'), right: true },
      { head: t('lead.col.p90'), right: true },
      { head: t('lead.col.max'), right: true },
      { head: t('lead.col.open'), right: true },
      { head: t('lead.col.openMedian'), right: true },
      { head: t('lead.col.openMax'), right: true },
    ],
    rows: lt.rules.map((r) => [
      r.rule_id,
      unitText(r),
      r.term === null ? t('lead.termVaries') : formatNumber(r.term),
      cells.count(r.done.count),
      cells.statText(r.done.median, r.done.count),
      cells.statText(r.done.p90, r.done.count),
      cells.statText(r.done.max, r.done.count),
      cells.count(r.open.count),
      cells.statText(r.open.median, r.open.count),
      cells.statText(r.open.max, r.open.count),
    ]),
    note: cellNote(t('lead.intro'), cells, true),
  };
}

/** "3 / 5 / 12", or – without a case done; "*" over a hidden count of cases (--min-cell) */
export function spreadCell(s: Spread, cells: CellPolicy = ALL_CELLS): string {
  if (s.count === 0) return '–';
  return cells.hides(s.count) ? '*' : `${n(s.median)} / ${n(s.p90)} / ${n(s.max)}`;
}

/** Groups × deadline rules, each cell the spread of the cases done; groups without any left out. */
function leadMatrix(id: string, title: string, first: string, groups: Record<string, Record<string, LeadTime>>, ruleIds: string[], cells: CellPolicy): Grid {
  const rows = Object.entries(groups)
    .filter(([, byRule]) => ruleIds.some((r) => byRule[r]?.done.count))
    .map(([name, byRule]) => [name, ...ruleIds.map((r) => spreadCell(byRule[r].done, cells))]);
  return { id, title, columns: [{ head: first }, ...ruleIds.map((r) => ({ head: r, right: true }))], rows, note: cellNote(t('lead.matrixNote'), cells, true) };
}

/** The lead-time sections: per rule, then per gemeente, deelregio and period. */
export function leadGrids(report: Report): Grid[] {
  const lt = report.summary.lead_times;
  if (!lt.rules.length) return [];
  const cells = reportCells(report);
  const ids = lt.rules.map((r) => r.rule_id);
  const unit = report.summary.period_unit;
  const grids = [leadRuleGrid(report, cells), leadMatrix('lead-gemeenten', t('lead.perGemeente'), t('col.gemeente'), lt.by_gemeente, ids, cells)];
  if (Object.keys(lt.by_deelregio).length) grids.push(leadMatrix('lead-deelregios', t('lead.perDeelregio'), t('col.deelregio'), lt.by_deelregio, ids, cells));
  grids.push(leadMatrix('lead-periods', t('lead.perPeriod', { unit: t(`period.unit.${unit}`) }), periodColumn(unit), lt.by_period, ids, cells));
  return grids;
}

const stockColumns = (): GridColumn[] => [
  { head: t('stock.col.open'), right: true },
  { head: t('stock.col.over20'), right: true },
  { head: t('stock.col.6to20'), right: true },
  { head: t('stock.col.upTo5'), right: true },
  { head: t('stock.col.notDue'), right: true },
  { head: t('stock.col.oldest'), right: true },
];

const stockCells = (c: WerkvoorraadCounts, cells: CellPolicy) => [
  cells.count(c.open),
  cells.count(c.overdue_over_20),
  cells.count(c.overdue_6_20),
  cells.count(c.overdue_1_5),
  cells.count(c.not_due),
  cells.statText(c.oldest_overdue_werkdagen, overdueOf(c)),
];

/** The werkvoorraad: totals per rule, then per rule and gemeente, oldest first. */
export function stockGrids(report: Report): Grid[] {
  const w = report.summary.werkvoorraad;
  if (!w.rules.length) return [];
  const cells = reportCells(report);
  const row = (c: WerkvoorraadCounts) => stockCells(c, cells);
  return [
    {
      id: 'stock-rules',
      title: t('stock.perRule'),
      columns: [{ head: t('col.rule') }, ...stockColumns()],
      rows: w.rules.map((r) => [r.rule_id, ...row(r)]),
      note: cellNote(t('stock.intro', { peildatum: iso(w.peildatum) }), cells, true),
    },
    {
      id: 'stock-gemeenten',
      title: t('stock.perGemeente'),
      columns: [{ head: t('col.rule') }, { head: t('col.gemeente') }, ...stockColumns()],
      rows: w.rows.map((r) => [r.rule_id, r.gemeente, ...row(r)]),
    },
  ];
}
