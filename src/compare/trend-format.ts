/**
 * The trend over runs as a terminal table, Markdown, JSON or HTML (with inline SVG line charts).
 * One column per run (its peildatum), the change from the first to the last run at the end. The
 * terminal table never gets wider than the terminal: the rule title is cut first, then dropped,
 * then the runs are spread over several tables that each repeat the row label.
 */
import { Chalk, ChalkInstance } from 'chalk';
import { formatNumber, formatPercent, getLang, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import '../i18n/catalog/trend.js';
import { parseIsoDay } from '../calendar/days.js';
import { displayDate } from '../report/messages.js';
import { mdEscape, mdTable } from '../report/md.js';
import { esc } from '../report/svg.js';
import { compactTable, CompactColumn } from '../report/table.js';
import { formatDelta as formatShareDelta } from './format.js';
import { HIDDEN_SHARE } from '../report/cells.js';
import '../i18n/catalog/provenance.js';
import { lineChart, LinePoint } from './trend-svg.js';
import type { LeadTime, Trend, TrendPoint, TrendSeries, TrendWarning, WarningGroup } from './trend.js';

function isoToDisplay(iso: string): string {
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

function groupsText(groups: WarningGroup[]): string {
  return groups
    .map((g) => t('trend.warn.group', { value: g.value === null ? t('trend.none') : g.value === undefined ? t('trend.unknown') : g.value, runs: g.runs.join(', ') }))
    .join('; ');
}

export function trendWarningText(w: TrendWarning): string {
  if (w.code === 'samePeildatum') return t('trend.warn.samePeildatum', { date: isoToDisplay(w.peildatum), runs: w.runs.join(', ') });
  return t(`trend.warn.${w.code}`, { values: groupsText(w.groups) });
}

const pct = (p: TrendPoint | null): string => (p === null ? t('trend.absent') : p.compliance === HIDDEN_SHARE ? HIDDEN_SHARE : formatPercent(p.compliance));

/** The change between two runs in percentage points; "*" when hidden (--min-cell). */
const formatDelta = (d: number | null | typeof HIDDEN_SHARE): string => (d === HIDDEN_SHARE ? HIDDEN_SHARE : formatShareDelta(d));

/** A count of the trend as text: the number, or "<N" (--min-cell). */
const count = (n: number | string): string => (typeof n === 'number' ? formatNumber(n) : n);

/** A lead time of a point as a number for a chart: none when hidden. */
const leadMedian = (l: TrendPoint['lead_time']): number | null => (l && l !== HIDDEN_SHARE ? l.median : null);

function leadText(l: LeadTime | null | undefined | typeof HIDDEN_SHARE): string {
  if (l === undefined || l === null) return t('trend.notAvailable');
  if (l === HIDDEN_SHARE) return HIDDEN_SHARE;
  const v = Math.round(l.median * 10) / 10;
  const s = getLang() === 'nl' ? String(v).replace('.', ',') : String(v);
  return t(l.unit === 'workdays' ? 'trend.unit.workdays' : 'trend.unit.days', { n: s });
}

/** Rules that measure a term: those with a lead time in some run (or, without any, none). */
const leadRules = (tr: Trend): TrendSeries[] => tr.rules.filter((r) => r.points.some((p) => p?.lead_time));

function headLines(tr: Trend): string[] {
  const first = isoToDisplay(tr.runs[0].peildatum);
  const last = isoToDisplay(tr.runs[tr.runs.length - 1].peildatum);
  return [
    t('trend.title', { n: tr.runs.length, first, last }),
    t(tr.reordered ? 'trend.sortedChanged' : 'trend.sorted'),
    ...(tr.min_cell !== null ? [t('run.minCell', { n: tr.min_cell, below: tr.min_cell - 1 })] : []),
    ...tr.runs.map((r, i) =>
      t('trend.run', { n: i + 1, file: r.file, profile: `${r.profile.id} ${r.profile.version}`, date: isoToDisplay(r.peildatum), checked: formatNumber(r.rows_checked), findings: count(r.findings) }),
    ),
    t('trend.totals', { values: tr.totals.points.map(pct).join(' → '), delta: formatDelta(tr.totals.delta) }),
  ];
}

function leadNote(tr: Trend): string {
  if (tr.lead_time_runs === 0) return t('trend.leadTimesNone');
  if (tr.lead_time_runs < tr.runs.length) return t('trend.leadTimesSome', { n: tr.lead_time_runs, total: tr.runs.length });
  return '';
}

interface Grid {
  /** the row-label columns (id, title …) */
  label: CompactColumn[];
  labelRows: string[][];
  /** the flexible column (the title) may be dropped when even cut it does not fit */
  dropFlex: boolean;
  runHeads: string[];
  runRows: string[][];
  /** change first → last run, null: no such column */
  deltas: (number | null | typeof HIDDEN_SHARE)[] | null;
}

/** One or more compact tables, together no wider than `width`. */
function fitGrid(g: Grid, width: number, chalk: ChalkInstance): string {
  const gap = 2;
  const colW = (head: string, cells: string[]) => Math.max(head.length, ...cells.map((c) => c.length));
  const runW = g.runHeads.map((h, i) => colW(h, g.runRows.map((r) => r[i])));
  const deltaHead = t('compare.col.delta');
  const deltaCells = g.deltas?.map(formatDelta) ?? [];
  const deltaW = g.deltas ? colW(deltaHead, deltaCells) : 0;
  let label = g.label;
  let labelRows = g.labelRows;
  const labelW = () =>
    label.reduce((a, c, i) => a + (c.flex ? Math.min(16, colW(c.head, labelRows.map((r) => r[i]))) : colW(c.head, labelRows.map((r) => r[i]))) + gap, 0);
  const allRuns = runW.reduce((a, w) => a + w + gap, 0) + (g.deltas ? deltaW + gap : 0);
  if (labelW() + allRuns - gap > width && g.dropFlex) {
    const keep = label.map((c, i) => (c.flex ? -1 : i)).filter((i) => i >= 0);
    label = keep.map((i) => label[i]);
    labelRows = labelRows.map((r) => keep.map((i) => r[i]));
  }
  // split the runs into consecutive chunks that fit next to the label columns
  const room = width - labelW();
  const chunks: number[][] = [];
  let cur: number[] = [];
  let used = 0;
  runW.forEach((w, i) => {
    const extra = i === runW.length - 1 && g.deltas ? deltaW + gap : 0;
    if (cur.length && used + w + gap + extra > room) {
      chunks.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(i);
    used += w + gap;
  });
  if (cur.length) chunks.push(cur);
  const paintDelta = (padded: string, row: number): string => {
    const d = g.deltas?.[row] ?? null;
    if (typeof d !== 'number' || Math.abs(d) < 0.0005) return padded;
    return d > 0 ? chalk.green(padded) : chalk.red(padded);
  };
  return chunks
    .map((chunk, ci) => {
      const withDelta = g.deltas !== null && ci === chunks.length - 1;
      const columns: CompactColumn[] = [...label, ...chunk.map((i) => ({ head: g.runHeads[i], right: true })), ...(withDelta ? [{ head: deltaHead, right: true, paint: paintDelta }] : [])];
      const rows = labelRows.map((r, ri) => [...r, ...chunk.map((i) => g.runRows[ri][i]), ...(withDelta ? [deltaCells[ri]] : [])]);
      return compactTable(columns, rows, width, (s) => chalk.bold(s));
    })
    .join('\n\n');
}

function runHeads(tr: Trend): string[] {
  return tr.runs.map((r) => isoToDisplay(r.peildatum));
}

const normText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : formatPercent(n, 0));

/** Lines of at most `width` characters, broken between words; a longer word (a path) is broken too, never cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    if (line && line.length + 1 + word.length <= width) {
      line += ' ' + word;
      continue;
    }
    if (line) lines.push(line);
    while (word.length > width) {
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    line = word;
  }
  lines.push(line);
  return lines;
}

export function formatTrendTable(tr: Trend, opts: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width ?? 80;
  const head = headLines(tr);
  const out: string[] = [...wrap(head[0], width).map((l) => chalk.bold(l)), ...head.slice(1).flatMap((l) => wrap(l, width))];
  for (const w of tr.warnings) out.push(...wrap(`${t('compare.warningLabel')}: ${trendWarningText(w)}`, width).map((l) => chalk.yellow(l)));
  const heading = (text: string) => out.push('', chalk.bold.underline(text));
  const heads = runHeads(tr);
  const hasNorm = tr.rules.some((r) => r.norm !== null && r.norm !== undefined);
  heading(t('trend.perRule'));
  out.push(
    fitGrid(
      {
        label: [{ head: t('col.rule') }, { head: t('col.title'), flex: true }, ...(hasNorm ? [{ head: t('trend.col.norm'), right: true }] : [])],
        labelRows: tr.rules.map((r) => [r.key, r.title ?? '', ...(hasNorm ? [normText(r.norm)] : [])]),
        dropFlex: true,
        runHeads: heads,
        runRows: tr.rules.map((r) => r.points.map(pct)),
        deltas: tr.rules.map((r) => r.delta),
      },
      width,
      chalk,
    ),
  );
  heading(t('trend.leadTimes'));
  const note = leadNote(tr);
  if (note) out.push(...wrap(note, width));
  const lr = leadRules(tr);
  if (lr.length) {
    out.push(
      fitGrid(
        { label: [{ head: t('col.rule') }], labelRows: lr.map((r) => [r.key]), dropFlex: false, runHeads: heads, runRows: lr.map((r) => r.points.map((p) => leadText(p?.lead_time))), deltas: null },
        width,
        chalk,
      ),
    );
  }
  const withDeelregio = tr.deelregios.length > 0;
  if (tr.gemeenten.length) {
    heading(t('trend.perGemeente'));
    out.push(
      fitGrid(
        {
          label: [{ head: t('col.gemeente') }, ...(withDeelregio ? [{ head: t('col.deelregio'), flex: true }] : [])],
          labelRows: tr.gemeenten.map((g) => [g.key, ...(withDeelregio ? [g.deelregio ?? '–'] : [])]),
          dropFlex: true,
          runHeads: heads,
          runRows: tr.gemeenten.map((g) => g.points.map(pct)),
          deltas: tr.gemeenten.map((g) => g.delta),
        },
        width,
        chalk,
      ),
    );
  }
  if (withDeelregio) {
    heading(t('trend.perDeelregio'));
    out.push(
      fitGrid(
        { label: [{ head: t('col.deelregio') }], labelRows: tr.deelregios.map((d) => [d.key]), dropFlex: false, runHeads: heads, runRows: tr.deelregios.map((d) => d.points.map(pct)), deltas: tr.deelregios.map((d) => d.delta) },
        width,
        chalk,
      ),
    );
  }
  return out.join('\n') + '\n';
}

export function formatTrendMarkdown(tr: Trend): string {
  const head = headLines(tr);
  const out: string[] = [`# ${mdEscape(head[0])}`, '', ...head.slice(1).map((l) => `- ${mdEscape(l)}`)];
  for (const w of tr.warnings) out.push(`- **${mdEscape(t('compare.warningLabel'))}:** ${mdEscape(trendWarningText(w))}`);
  const heading = (text: string) => out.push('', `## ${mdEscape(text)}`, '');
  const heads = runHeads(tr);
  const hasNorm = tr.rules.some((r) => r.norm !== null && r.norm !== undefined);
  heading(t('trend.perRule'));
  out.push(
    mdTable(
      [t('col.rule'), t('col.title'), ...(hasNorm ? [t('trend.col.norm')] : []), ...heads, t('compare.col.delta')],
      tr.rules.map((r) => [r.key, r.title ?? '', ...(hasNorm ? [normText(r.norm)] : []), ...r.points.map(pct), formatDelta(r.delta)]),
    ),
  );
  heading(t('trend.leadTimes'));
  const note = leadNote(tr);
  if (note) out.push(mdEscape(note));
  const lr = leadRules(tr);
  if (lr.length) {
    if (note) out.push('');
    out.push(mdTable([t('col.rule'), ...heads], lr.map((r) => [r.key, ...r.points.map((p) => leadText(p?.lead_time))])));
  }
  const withDeelregio = tr.deelregios.length > 0;
  if (tr.gemeenten.length) {
    heading(t('trend.perGemeente'));
    out.push(
      mdTable(
        [t('col.gemeente'), ...(withDeelregio ? [t('col.deelregio')] : []), ...heads, t('compare.col.delta')],
        tr.gemeenten.map((g) => [g.key, ...(withDeelregio ? [g.deelregio ?? '–'] : []), ...g.points.map(pct), formatDelta(g.delta)]),
      ),
    );
  }
  if (withDeelregio) {
    heading(t('trend.perDeelregio'));
    out.push(mdTable([t('col.deelregio'), ...heads, t('compare.col.delta')], tr.deelregios.map((d) => [d.key, ...d.points.map(pct), formatDelta(d.delta)])));
  }
  return out.join('\n') + '\n';
}

const round4 = (d: number | null | typeof HIDDEN_SHARE): number | null | typeof HIDDEN_SHARE => (d === null || d === HIDDEN_SHARE ? d : Math.round(d * 10000) / 10000);

export function trendJson(tr: Trend, tool: { name: string; version: string }) {
  const points = (s: TrendSeries) =>
    s.points.map((p, i) =>
      p === null
        ? { peildatum: tr.runs[i].peildatum, present: false }
        : {
            peildatum: tr.runs[i].peildatum,
            present: true,
            applicable: p.applicable,
            on_time: p.on_time,
            overdue: p.overdue,
            pending: p.pending,
            compliance: p.compliance,
          },
    );
  return {
    tool,
    kind: 'trend',
    // --min-cell: counts below it are "<N", shares, changes and lead times that would give one away "*"
    min_cell: tr.min_cell,
    runs: tr.runs.map((r, i) => ({ run: i + 1, ...r })),
    sorted_by: 'peildatum',
    reordered: tr.reordered,
    warnings: tr.warnings.map((w) => ({ ...w, message: trendWarningText(w) })),
    lead_times: { available_runs: tr.lead_time_runs, ...(tr.lead_time_runs < tr.runs.length ? { note: leadNote(tr) } : {}) },
    totals: { points: points(tr.totals), compliance_delta: round4(tr.totals.delta) },
    rules: tr.rules.map((r) => ({
      rule_id: r.key,
      title: r.title,
      norm: r.norm ?? null,
      points: points(r).map((p, i) => {
        const l = r.points[i]?.lead_time;
        return { ...p, lead_time_median: l === HIDDEN_SHARE ? HIDDEN_SHARE : (l?.median ?? null), lead_time_unit: l && l !== HIDDEN_SHARE ? l.unit : null };
      }),
      compliance_delta: round4(r.delta),
    })),
    gemeenten: tr.gemeenten.map((g) => ({ gemeente: g.key, ...(g.deelregio ? { deelregio: g.deelregio } : {}), points: points(g), compliance_delta: round4(g.delta) })),
    deelregios: tr.deelregios.map((d) => ({ deelregio: d.key, points: points(d), compliance_delta: round4(d.delta) })),
  };
}

export function formatTrendJson(tr: Trend, tool: { name: string; version: string }): string {
  return JSON.stringify(trendJson(tr, tool), null, 2) + '\n';
}

// ---- HTML ----

const CSS = `
* { box-sizing: border-box; }
body { font-family: system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 24px; max-width: 1100px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 0 0 10px; border-bottom: 2px solid #1f5f99; padding-bottom: 4px; }
h3 { font-size: 14px; margin: 0 0 2px; }
section { margin: 28px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.scroll { overflow-x: auto; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; vertical-align: top; text-align: left; }
thead th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 8px 16px; }
figure { margin: 0; }
figcaption { font-size: 12px; color: #555; }
.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 8px; }
.note { color: #555; font-size: 12px; }
.warnings { border: 1px solid #c62828; border-left-width: 4px; padding: 4px 10px; margin: 10px 0; }
.warnings ul { margin: 2px 0 4px; padding-left: 18px; }
footer { margin-top: 32px; color: #555; font-size: 12px; }
@media print { body { padding: 0; max-width: none; font-size: 11px; } section { break-before: page; } section.first { break-before: auto; } figure, tr { break-inside: avoid; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

const th = (text: string, cls = ''): string => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${esc(text)}</th>`;
const td = (text: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;

function htmlTable(caption: string, head: string[], rows: string[][], numFrom: number): string {
  return (
    `<div class="scroll"><table><caption class="sr-only">${esc(caption)}</caption><thead><tr>${head.map((h, i) => th(h, i >= numFrom ? 'num' : '')).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th>${r.slice(1).map((c, i) => td(c, i + 1 >= numFrom ? 'num' : '')).join('')}</tr>`).join('') +
    '</tbody></table></div>'
  );
}

function chartPoints(tr: Trend, s: TrendSeries, value: (p: TrendPoint | null) => number | null, text: (p: TrendPoint | null) => string): LinePoint[] {
  return s.points.map((p, i) => ({ label: isoToDisplay(tr.runs[i].peildatum), day: parseIsoDay(tr.runs[i].peildatum) ?? i, value: value(p), valueText: text(p) }));
}

let chartSeq = 0;
function shareChart(tr: Trend, s: TrendSeries, title: string): string {
  const id = `trend-${++chartSeq}`;
  return (
    `<figure>${lineChart(
      chartPoints(tr, s, (p) => (typeof p?.compliance === 'number' ? p.compliance : null), pct),
      { id, title, desc: t('trend.chartDesc', { n: tr.runs.length }), yMax: 1, yTick: (v) => formatPercent(v, 0), share: true, norm: s.norm ?? null, normText: s.norm != null ? t('rep.normMarker', { norm: formatPercent(s.norm, 0) }) : undefined },
    )}<figcaption>${esc(title)}</figcaption></figure>`
  );
}

function leadChart(tr: Trend, s: TrendSeries): string {
  const id = `trend-${++chartSeq}`;
  const values = s.points.map((p) => leadMedian(p?.lead_time) ?? 0);
  const max = Math.max(1, ...values);
  // a round top: 5, 10, 20, 50 …
  const top = [5, 10, 20, 25, 50, 100, 200, 500, 1000].find((v) => v >= max) ?? Math.ceil(max);
  const title = t('trend.chartLead', { rule: s.key });
  return (
    `<figure>${lineChart(
      chartPoints(tr, s, (p) => leadMedian(p?.lead_time), (p) => leadText(p?.lead_time)),
      { id, title, desc: t('trend.chartLeadDesc', { n: tr.runs.length }), yMax: top, yTick: (v) => formatNumber(Math.round(v)) },
    )}<figcaption>${esc(title)}</figcaption></figure>`
  );
}

export function formatTrendHtml(tr: Trend, tool: { name: string; version: string }): string {
  chartSeq = 0;
  const head = headLines(tr);
  const heads = runHeads(tr);
  const hasNorm = tr.rules.some((r) => r.norm !== null && r.norm !== undefined);
  const parts: string[] = [];
  parts.push(`<header><h1>${esc(head[0])}</h1><p>${esc(head[1])}</p>`);
  // --min-cell: said before any figure
  if (tr.min_cell !== null) parts.push(`<p class="note">${esc(t('run.minCell', { n: tr.min_cell, below: tr.min_cell - 1 }))}</p>`);
  parts.push(
    htmlTable(
      t('trend.runsCaption'),
      [t('trend.col.run'), t('trend.col.file'), t('trend.col.profile'), t('trend.col.peildatum'), t('col.cases'), t('trend.col.findings')],
      tr.runs.map((r, i) => [String(i + 1), r.file, `${r.profile.id} ${r.profile.version}`, isoToDisplay(r.peildatum), formatNumber(r.rows_checked), count(r.findings)]),
      4,
    ),
  );
  parts.push(`<p>${esc(head[head.length - 1])}</p>`);
  if (tr.warnings.length) parts.push(`<div class="warnings" role="note"><strong>${esc(t('compare.warningLabel'))}</strong><ul>${tr.warnings.map((w) => `<li>${esc(trendWarningText(w))}</li>`).join('')}</ul></div>`);
  parts.push('</header>');
  parts.push(`<section class="first"><h2>${esc(t('trend.overall'))}</h2><div class="charts">${shareChart(tr, tr.totals, t('trend.overall'))}</div></section>`);
  parts.push(
    `<section><h2>${esc(t('trend.perRule'))}</h2>` +
      htmlTable(
        t('trend.perRule'),
        [t('col.rule'), t('col.title'), ...(hasNorm ? [t('trend.col.norm')] : []), ...heads, t('compare.col.delta')],
        tr.rules.map((r) => [r.key, r.title ?? '', ...(hasNorm ? [normText(r.norm)] : []), ...r.points.map(pct), formatDelta(r.delta)]),
        hasNorm ? 2 : 2,
      ) +
      `<div class="charts">${tr.rules.map((r) => shareChart(tr, r, `${r.key} · ${r.title ?? ''}`)).join('')}</div></section>`,
  );
  const lr = leadRules(tr);
  const note = leadNote(tr);
  parts.push(
    `<section><h2>${esc(t('trend.leadTimes'))}</h2>` +
      (note ? `<p class="note">${esc(note)}</p>` : '') +
      (lr.length
        ? htmlTable(t('trend.leadTimes'), [t('col.rule'), ...heads], lr.map((r) => [r.key, ...r.points.map((p) => leadText(p?.lead_time))]), 1) +
          `<div class="charts">${lr.map((r) => leadChart(tr, r)).join('')}</div>`
        : '') +
      '</section>',
  );
  const withDeelregio = tr.deelregios.length > 0;
  if (tr.gemeenten.length) {
    parts.push(
      `<section><h2>${esc(t('trend.perGemeente'))}</h2>` +
        htmlTable(
          t('trend.perGemeente'),
          [t('col.gemeente'), ...(withDeelregio ? [t('col.deelregio')] : []), ...heads, t('compare.col.delta')],
          tr.gemeenten.map((g) => [g.key, ...(withDeelregio ? [g.deelregio ?? '–'] : []), ...g.points.map(pct), formatDelta(g.delta)]),
          withDeelregio ? 2 : 1,
        ) +
        `<div class="charts">${tr.gemeenten.map((g) => shareChart(tr, g, g.key)).join('')}</div></section>`,
    );
  }
  if (withDeelregio) {
    parts.push(
      `<section><h2>${esc(t('trend.perDeelregio'))}</h2>` +
        htmlTable(t('trend.perDeelregio'), [t('col.deelregio'), ...heads, t('compare.col.delta')], tr.deelregios.map((d) => [d.key, ...d.points.map(pct), formatDelta(d.delta)]), 1) +
        `<div class="charts">${tr.deelregios.map((d) => shareChart(tr, d, d.key)).join('')}</div></section>`,
    );
  }
  parts.push(`<footer>${esc(t('trend.footer', { tool: tool.name, version: tool.version }))}</footer>`);
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${getLang()}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(head[0])}</title><style>${CSS}</style></head><body>` +
    parts.join('\n') +
    '</body></html>\n'
  );
}
