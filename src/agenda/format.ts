/**
 * The agenda as text: a terminal table, Markdown, or JSON. Overdue items on top, then one block
 * per ISO week, gemeente by gemeente. Only what a coordinator needs to act: dossier id, rule, what
 * to register, the due date (and window), the status.
 */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { isoDate, parseIsoDay, type Day } from '../calendar/days.js';
import { formatNumber, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import '../i18n/catalog/stats.js';
import { displayDate, fieldLabel } from '../report/messages.js';
import { mdEscape, mdTable } from '../report/md.js';
import { fittingLayout, compactTable, CompactColumn, wrapFull } from '../report/table.js';
import type { AgendaGroup, AgendaItem } from './agenda.js';
import type { ReportWarning } from '../report/model.js';

export interface AgendaReport {
  tool: { name: string; version: string };
  profile: { id: string; version: string; name: { nl: string; en: string } };
  peildatum: Day;
  /** false: --as-of was not given, today was used */
  peildatum_given: boolean;
  days: number;
  horizon: Day;
  input: {
    files: string[];
    rows_read: number;
    rows_checked: number;
    rows_rejected: number;
    /** --from/--to on melding_datum (yyyy-mm-dd; null: open-ended) */
    period: { from: string | null; to: string | null };
    /** rows whose melding lies outside the period: read, not on the agenda */
    rows_outside_period: number;
    /** the newest date of the checked rows (yyyy-mm-dd), what the stale-export warning compares */
    newest_date: string | null;
  };
  /** what the agenda opens with: today as peildatum, a stale export (engine/peildatum.ts) */
  warnings: ReportWarning[];
  groups: AgendaGroup[];
  total: number;
  pseudonymized: boolean;
}

function groupTitle(g: AgendaGroup): string {
  if (g.overdue) return t('agenda.overdueGroup', { count: formatNumber(g.count) });
  const w = g.week!;
  return t('agenda.weekGroup', { week: w.week, year: w.year, from: displayDate(w.monday), to: displayDate(w.sunday), count: formatNumber(g.count) });
}

function whenText(it: AgendaItem): string {
  return it.window_start !== undefined && it.window_end !== undefined
    ? t('agenda.window', { start: displayDate(it.window_start), end: displayDate(it.window_end) })
    : '';
}

function statusText(it: AgendaItem): string {
  return it.status === 'overdue' && it.days_late !== undefined
    ? `${t('status.overdue')} (${t('agenda.daysLate', { days: it.days_late })})`
    : t(`status.${it.status}`);
}

function headLines(r: AgendaReport): string[] {
  return [
    t('agenda.title', { profile: localized(r.profile.name) }),
    t('agenda.period', { from: displayDate(r.peildatum), to: displayDate(r.horizon), days: r.days }),
    ...weekLines(r),
    `${t('report.files')}: ${r.input.files.join(', ')}`,
    t('report.rows', { read: formatNumber(r.input.rows_read), checked: formatNumber(r.input.rows_checked), rejected: formatNumber(r.input.rows_rejected) }),
    ...(r.input.period.from || r.input.period.to ? [`${t('period.label')}: ${meldingRange(r.input.period)}`] : []),
    ...(r.input.rows_outside_period > 0 ? [t('period.outside', { count: formatNumber(r.input.rows_outside_period) })] : []),
  ];
}

/** The ISO weeks listed below the overdue block: first and last, with their Monday and Sunday (issue 13.15). */
export function weekRange(r: Pick<AgendaReport, 'groups'>): { first: string; last: string; from: Day; to: Day } | null {
  const weeks = r.groups.filter((g) => !g.overdue && g.week);
  if (!weeks.length) return null;
  const a = weeks[0];
  const b = weeks[weeks.length - 1];
  return { first: a.key, last: b.key, from: a.week!.monday, to: b.week!.sunday };
}

/**
 * What the weeks below cover, so the header matches the list: the week of the peildatum starts
 * on its Monday, and a monitoring moment whose window opens within the horizon is listed in the
 * week of its own date, which may lie after the horizon; the header says how far that goes.
 */
function weekLines(r: AgendaReport): string[] {
  const range = weekRange(r);
  if (!range) return [];
  const weeks = r.groups.filter((g) => !g.overdue && g.week).map((g) => g.week!);
  const a = weeks[0];
  const b = weeks[weeks.length - 1];
  const lines = [
    a.year === b.year && a.week === b.week
      ? t('agenda.weeksOne', { week: a.week, year: a.year, from: displayDate(range.from), to: displayDate(range.to) })
      : t('agenda.weeks', { first: a.week, firstYear: a.year, last: b.week, lastYear: b.year, from: displayDate(range.from), to: displayDate(range.to) }),
  ];
  let latest: Day | undefined;
  for (const g of r.groups) for (const gm of g.gemeenten) for (const it of gm.items) if (!g.overdue && it.due > r.horizon && (latest === undefined || it.due > latest)) latest = it.due;
  if (latest !== undefined) lines.push(t('agenda.momentsLater', { horizon: displayDate(r.horizon), latest: displayDate(latest) }));
  return lines;
}

function meldingRange(p: { from: string | null; to: string | null }): string {
  const d = (iso: string) => displayDate(parseIsoDay(iso)!);
  return p.from && p.to ? t('period.range', { from: d(p.from), to: d(p.to) }) : p.from ? t('period.fromOnly', { from: d(p.from) }) : t('period.toOnly', { to: d(p.to!) });
}

const COLS = () => [t('col.gemeente'), t('col.dossier'), t('col.rule'), t('agenda.col.what'), t('col.due'), t('agenda.col.window'), t('col.status'), t('col.severity')];

function itemCells(it: AgendaItem): string[] {
  return [it.dossier_id, it.rule_id, fieldLabel(it.field), displayDate(it.due), whenText(it), statusText(it), t(`severity.${it.severity}`)];
}

function rowsOf(g: AgendaGroup): string[][] {
  const rows: string[][] = [];
  for (const gm of g.gemeenten) gm.items.forEach((it, i) => rows.push([i === 0 ? gm.gemeente : '', ...itemCells(it)]));
  return rows;
}

/** cli-table3 takes quadratic time in the number of rows: long blocks are printed in parts. */
const TABLE_CHUNK = 100;

export interface AgendaTableOptions {
  color: boolean;
  /** terminal width (100 when not known); below COMPACT_BELOW, or when the bordered tables do not fit, the compact layout */
  width?: number;
}

export function formatAgendaTable(r: AgendaReport, opts: AgendaTableOptions): string {
  return fittingLayout(opts.width, () => formatAgendaBordered(r, opts), (width) => formatAgendaCompact(r, opts, width));
}

function formatAgendaBordered(r: AgendaReport, opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const [title, ...rest] = headLines(r);
  const out: string[] = [chalk.bold(title), ...rest];
  if (r.pseudonymized) out.push(t('rep.pseudonymized'));
  if (r.warnings.length) out.push('', chalk.bold(`${t('rep.warnings')}:`), ...r.warnings.map((w) => `- ${w.message}`));
  if (!r.total) {
    out.push('', t('agenda.empty', { days: r.days }));
    return out.join('\n') + '\n';
  }
  const head = COLS().slice(1).map((h) => chalk.bold(h));
  for (const g of r.groups) {
    const heading = groupTitle(g);
    out.push('', g.overdue ? chalk.bold.red(heading) : chalk.bold.underline(heading));
    for (const gm of g.gemeenten) {
      out.push(chalk.bold(`${gm.gemeente} (${formatNumber(gm.items.length)})`));
      for (let i = 0; i < gm.items.length; i += TABLE_CHUNK) {
        const tbl = new Table({ head, style: { head: [], border: [], compact: true }, wordWrap: true });
        for (const it of gm.items.slice(i, i + TABLE_CHUNK)) tbl.push(itemCells(it));
        out.push(tbl.toString());
      }
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The agenda for a terminal narrower than COMPACT_BELOW (issue 13.8): no borders, every line at
 * most `width` characters, nothing cut: what to register wraps onto the next lines and carries
 * the window of a monitoring moment; the overdue block says how long overdue, the weeks (all
 * open) need no status column.
 */
function formatAgendaCompact(r: AgendaReport, opts: { color: boolean }, width: number): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const [title, ...rest] = headLines(r);
  const out: string[] = [...wrapFull(title, width).map((l) => chalk.bold(l)), ...rest.flatMap((l) => wrapFull(l, width))];
  if (r.pseudonymized) out.push(...wrapFull(t('rep.pseudonymized'), width));
  if (r.warnings.length) out.push('', chalk.bold(`${t('rep.warnings')}:`), ...r.warnings.flatMap((w) => wrapFull(`- ${w.message}`, width)));
  if (!r.total) {
    out.push('', ...wrapFull(t('agenda.empty', { days: r.days }), width));
    return out.join('\n') + '\n';
  }
  const bold = (s: string) => chalk.bold(s);
  for (const g of r.groups) {
    const heading = wrapFull(groupTitle(g), width);
    out.push('', ...heading.map((l) => (g.overdue ? chalk.bold.red(l) : chalk.bold.underline(l))));
    const columns: CompactColumn[] = [
      { head: t('col.dossier') },
      { head: t('col.rule') },
      { head: t('agenda.col.what'), flex: true, wrap: true },
      { head: t('col.due') },
      ...(g.overdue ? [{ head: t('agenda.col.late'), right: true }] : []),
      { head: t('col.severity') },
    ];
    for (const gm of g.gemeenten) {
      out.push(...wrapFull(`${gm.gemeente} (${formatNumber(gm.items.length)})`, width).map(bold));
      const rows = gm.items.map((it) => {
        const what = fieldLabel(it.field) + (whenText(it) ? ` (${whenText(it)})` : '');
        return [
          it.dossier_id,
          it.rule_id,
          what,
          displayDate(it.due),
          ...(g.overdue ? [it.days_late === undefined ? '' : t('agenda.lateBy', { days: it.days_late })] : []),
          t(`severity.${it.severity}`),
        ];
      });
      out.push(compactTable(columns, rows, width, bold));
    }
  }
  return out.join('\n') + '\n';
}

export function formatAgendaMarkdown(r: AgendaReport): string {
  const [title, ...rest] = headLines(r);
  const out: string[] = [`# ${mdEscape(title)}`, '', ...rest.map((l) => `- ${mdEscape(l)}`)];
  if (r.pseudonymized) out.push(`- ${mdEscape(t('rep.pseudonymized'))}`);
  if (r.warnings.length) out.push('', `**${mdEscape(t('rep.warnings'))}:**`, '', ...r.warnings.map((w) => `- ${mdEscape(w.message)}`));
  if (!r.total) {
    out.push('', mdEscape(t('agenda.empty', { days: r.days })));
    return out.join('\n') + '\n';
  }
  for (const g of r.groups) {
    out.push('', `## ${mdEscape(groupTitle(g))}`, '', mdTable(COLS(), rowsOf(g)));
  }
  return out.join('\n') + '\n';
}

export function agendaJson(r: AgendaReport) {
  const item = (it: AgendaItem, week: string) => ({
    week,
    gemeente: it.gemeente,
    deelregio: it.deelregio ?? null,
    dossier_id: it.dossier_id,
    rule_id: it.rule_id,
    title: localized(it.title),
    kind: it.kind,
    field: it.field,
    status: it.status,
    severity: it.severity,
    due_date: isoDate(it.due),
    window_start: it.window_start === undefined ? null : isoDate(it.window_start),
    window_end: it.window_end === undefined ? null : isoDate(it.window_end),
    days_late: it.days_late ?? null,
    source: it.source,
  });
  return {
    tool: r.tool,
    profile: { id: r.profile.id, version: r.profile.version, name: localized(r.profile.name) },
    peildatum: isoDate(r.peildatum),
    peildatum_given: r.peildatum_given,
    days: r.days,
    until: isoDate(r.horizon),
    weeks: ((w) => (w ? { first: w.first, last: w.last, from: isoDate(w.from), to: isoDate(w.to) } : null))(weekRange(r)),
    input: r.input,
    warnings: r.warnings,
    total: r.total,
    items: r.groups.flatMap((g) => g.gemeenten.flatMap((gm) => gm.items.map((it) => item(it, g.key)))),
  };
}

export function formatAgendaJson(r: AgendaReport): string {
  return JSON.stringify(agendaJson(r), null, 2) + '\n';
}
