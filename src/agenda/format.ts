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
import type { AgendaGroup, AgendaItem } from './agenda.js';

export interface AgendaReport {
  tool: { name: string; version: string };
  profile: { id: string; version: string; name: { nl: string; en: string } };
  peildatum: Day;
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
  };
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
    `${t('report.files')}: ${r.input.files.join(', ')}`,
    t('report.rows', { read: formatNumber(r.input.rows_read), checked: formatNumber(r.input.rows_checked), rejected: formatNumber(r.input.rows_rejected) }),
    ...(r.input.period.from || r.input.period.to ? [`${t('period.label')}: ${meldingRange(r.input.period)}`] : []),
    ...(r.input.rows_outside_period > 0 ? [t('period.outside', { count: formatNumber(r.input.rows_outside_period) })] : []),
  ];
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

export function formatAgendaTable(r: AgendaReport, opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const [title, ...rest] = headLines(r);
  const out: string[] = [chalk.bold(title), ...rest];
  if (r.pseudonymized) out.push(t('rep.pseudonymized'));
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

export function formatAgendaMarkdown(r: AgendaReport): string {
  const [title, ...rest] = headLines(r);
  const out: string[] = [`# ${mdEscape(title)}`, '', ...rest.map((l) => `- ${mdEscape(l)}`)];
  if (r.pseudonymized) out.push(`- ${mdEscape(t('rep.pseudonymized'))}`);
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
    days: r.days,
    until: isoDate(r.horizon),
    input: r.input,
    total: r.total,
    items: r.groups.flatMap((g) => g.gemeenten.flatMap((gm) => gm.items.map((it) => item(it, g.key)))),
  };
}

export function formatAgendaJson(r: AgendaReport): string {
  return JSON.stringify(agendaJson(r), null, 2) + '\n';
}
