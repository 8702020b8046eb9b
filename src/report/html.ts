/**
 * `--format html`: one self-contained report to hand out at the werkprocessenoverleg. Inline CSS
 * and inline SVG charts only; a Content-Security-Policy that forbids every load and every script,
 * so the file opens offline and an id or text smuggled into the export cannot run anything. The
 * same content as the terminal table (header and row accounting, compliance per rule with its
 * source and norm, per gemeente, per deelregio, per month, routes, monitoring duration, findings,
 * rejected rows, inactive rules), laid out for A4 with a page break between sections. Real tables
 * with headers; every chart's values are also printed as text. Unlike the table, every finding is
 * listed (grouped by rule, then gemeente, in open <details>): --max-findings does not apply.
 */
import { formatNumber, formatPercent, getLang, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { parseIsoDay } from '../calendar/days.js';
import type { Counts, GroupSummary } from './aggregate.js';
import { displayDate, routeLabel } from './messages.js';
import type { Report } from './model.js';
import { provenanceRows } from './provenance.js';
import { CellPolicy, HIDDEN_SHARE, meanMonitoringHidden, monitoringHiddenText, reportCells } from './cells.js';
import {
  baseName,
  groupFindings,
  hasImplausible,
  hasNorm,
  normCell,
  headline,
  noticeLines,
  notAssessableFields,
  notAssessableIds,
  peildatumText,
  sourceLabel,
  sourceLegend,
  worstNote,
  worstRuleText,
  reportTitle,
  outsideText,
  anchorMissingNote,
} from './overview.js';
import { ZICHT_HOLDERS } from './zicht.js';
import { holderLabel, notAssessableText as zichtNotAssessable, unclearLeftOutText, zichtCountTable, zichtIntro, zichtUnclearTable } from './zicht-format.js';
import { complianceBarChart, complianceColour, complianceColumnChart, countBarChart, esc } from './svg.js';
import { distributionChart } from './leadtime-chart.js';
import { Grid, leadGrids, periodColumn, periodText, periodTitle, stockGrids } from './stats-view.js';

const STATUS_COLS = ['on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'] as const;
const REJECTED_LIMIT = 50;

function isoToDisplay(iso: string | null): string {
  if (!iso) return '';
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

/** An id attribute value from any text (rule ids come from profiles). */
function anchor(prefix: string, text: string): string {
  return prefix + '-' + text.replace(/[^A-Za-z0-9_-]/g, (c) => '_' + c.charCodeAt(0).toString(16));
}

const th = (text: string, attrs = ''): string => `<th scope="col"${attrs}>${esc(text)}</th>`;
const td = (text: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
const tdNum = (n: number): string => `<td class="num">${esc(formatNumber(n))}</td>`;
/** An aggregate count: through the report's small-count policy ("<5"). */
const tdCount = (n: number, cells: CellPolicy): string => `<td class="num">${esc(cells.count(n))}</td>`;

function pctCell(share: number | null | typeof HIDDEN_SHARE, norm?: number | null): string {
  const colour = complianceColour(share === HIDDEN_SHARE ? null : share, norm);
  return `<td class="num pct" style="color:${colour}">${esc(share === HIDDEN_SHARE ? HIDDEN_SHARE : formatPercent(share))}</td>`;
}

function countCells(c: Counts, cells: CellPolicy): string {
  return [c.applicable, ...STATUS_COLS.map((s) => c[s])].map((n) => tdCount(n, cells)).join('');
}

/** A share for a chart: null when hidden (no bar), with the text to show instead. */
function chartShare(share: number | null | typeof HIDDEN_SHARE): { share: number | null; hiddenText?: string } {
  return share === HIDDEN_SHARE ? { share: null, hiddenText: HIDDEN_SHARE } : { share };
}


/**
 * A real table with a caption for screen readers; the caption is shown only when no heading above
 * already says the same. Wrapped so a wide table scrolls on a narrow screen instead of overflowing.
 */
function table(caption: string, head: string[], rows: string[], cls = '', showCaption = false): string {
  return (
    `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}><caption${showCaption ? '' : ' class="sr-only"'}>${esc(caption)}</caption>` +
    `<thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4;
  color: #1a1a1a; background: #fff; margin: 0 auto; padding: 24px; max-width: 1100px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 0 0 10px; border-bottom: 2px solid #1f5f99; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
section { margin: 28px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 12px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
nav ol { columns: 2; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; caption-side: top; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.scroll { overflow-x: auto; }
tbody th { font-weight: 600; }
table.findings tbody th, td.nowrap { white-space: nowrap; }
table.rules td.rule-title { min-width: 14em; }
.source { color: #555; font-size: 11px; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; vertical-align: top; text-align: left; }
thead th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
td.pct { font-weight: 600; }
td.date { white-space: nowrap; }
tr.st-overdue td.status, tr.st-violated td.status { color: #c62828; font-weight: 600; }
tr.st-late td.status, tr.st-missing td.status, tr.st-early td.status { color: #a15c00; font-weight: 600; }
tr.st-pending td.status { color: #1f5f99; }
.chart { display: block; max-width: 100%; height: auto; margin: 6px 0 10px; }
.note, .legend { color: #555; font-size: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #eef3f8; font-size: 12px; }
details > summary { cursor: pointer; }
details.rule-findings { margin: 14px 0 6px; }
details.rule-findings > summary h3 { display: inline; margin: 0; }
details.gemeente-findings { margin: 4px 0 0 14px; }
details.gemeente-findings > summary { font-weight: 600; margin: 6px 0 2px; }
.headline { font-size: 16px; font-weight: 600; margin: 10px 0; padding: 6px 10px; background: #eef3f8; border-left: 4px solid #1f5f99; }
.warnings { border: 1px solid #c62828; border-left-width: 4px; padding: 4px 10px; margin: 10px 0; }
.warnings-h { font-weight: 700; color: #c62828; margin: 2px 0; }
.warnings ul { margin: 2px 0 4px; padding-left: 18px; }
td.not-assessable { color: #a15c00; font-style: italic; }
dl.sources { font-size: 12px; color: #555; margin: 4px 0; }
dl.sources dt { font-weight: 600; }
dl.sources dd { margin: 0 0 0 12px; }
figure.leadtime { margin: 8px 0; }
figure.leadtime figcaption { font-weight: 600; font-size: 12.5px; }
footer { margin-top: 32px; color: #555; font-size: 12px; }
.provenance code { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { padding: 0; max-width: none; font-size: 11px; }
  table { font-size: 10px; }
  nav { display: none; }
  /* sections follow one another (a forced page per section left pages with a few lines, issue
     13.10); a heading never ends a page */
  section { break-before: auto; margin: 0 0 16px; }
  thead { display: table-header-group; }
  tr, .chart, dl.meta { break-inside: avoid; }
  .scroll { overflow: visible; }
  /* headers wrap between words only: no hyphenation, no break inside a word */
  thead th { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
  /* row labels (a month 2026-08, a dossier id, a gemeente) are never broken at their hyphen */
  tbody th { white-space: nowrap; hyphens: manual; }
  th, td { padding: 2px 4px; }
  h2, h3, summary { break-after: avoid; }
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

interface Part {
  id: string;
  title: string;
  html: string;
}

export function formatHtml(report: Report): string {
  const parts: Part[] = [];
  const cells = reportCells(report);
  const unjudged = notAssessableIds(report);
  const withNorm = hasNorm(report);
  const withImplausible = hasImplausible(report);
  const statusHeads = STATUS_COLS.map((s) => th(t(`status.${s}`), ' class="num"'));
  const title = reportTitle(report);

  // ---- compliance per rule
  {
    const rules = report.summary.rules;
    const chart = complianceBarChart(
      rules.map((r) => ({
        label: r.rule_id,
        title: localized(r.title),
        note: `${t('col.source')}: ${sourceLabel(report, r.source)}`,
        ...chartShare(cells.compliance(r)),
        norm: r.norm,
        valueText: cells.percent(cells.compliance(r)),
        normText: r.norm !== null ? t('rep.normMarker', { norm: formatPercent(r.norm, 0) }) : undefined,
      })),
      { id: 'chart-rules', title: t('rep.chartRules'), desc: t('rep.chartRulesDesc'), noValueText: t('rep.noJudged') },
    );
    const statusCount = STATUS_COLS.length + 1 + (withImplausible ? 1 : 0);
    const rows = rules.map((r) => {
      const head =
        `<tr id="${anchor('rule', r.rule_id)}"><th scope="row">${esc(r.rule_id)}</th>` +
        `<td class="rule-title">${esc(localized(r.title))}<br><span class="source">${esc(t('col.source'))}: ${esc(sourceLabel(report, r.source))}</span></td>${td(t(`severity.${r.severity}`))}`;
      const missing = notAssessableFields(report, r.rule_id);
      if (missing) {
        // no figures for a rule the export cannot judge
        // its norm stays in view, "niet te beoordelen": not judged is not below the norm
        return (
          head +
          `<td class="not-assessable" colspan="${statusCount + 1}">${esc(t('rep.notAssessableCell', { fields: missing.join(', ') }))}</td>` +
          (withNorm ? td(normCell(r), 'num') : '') +
          '</tr>'
        );
      }
      return (
        head +
        countCells(r, cells) +
        (withImplausible ? tdCount(r.implausible, cells) : '') +
        pctCell(cells.compliance(r), r.norm) +
        (withNorm ? td(normCell(r, cells.compliance(r) === HIDDEN_SHARE), 'num') : '') +
        '</tr>'
      );
    });
    const legend = sourceLegend(report);
    const anchorNote = anchorMissingNote(report);
    parts.push({
      id: 'rules',
      title: t('report.perRule'),
      html:
        chart +
        table(
          t('report.perRule'),
          [
            th(t('col.rule')),
            th(t('rep.col.titleSource')),
            th(t('col.severity')),
            th(t('col.applicable'), ' class="num"'),
            ...statusHeads,
            ...(withImplausible ? [th(t('status.implausible'), ' class="num"')] : []),
            th(t('col.compliance'), ' class="num"'),
            ...(withNorm ? [th(t('col.norm'), ' class="num"')] : []),
          ],
          rows,
          'rules',
        ) +
        `<p class="legend">${esc(t('report.legend'))}</p>` +
        (anchorNote ? `<p class="legend anchor-missing">${esc(anchorNote)}</p>` : '') +
        `<p class="legend colours">${esc(t('rep.colourLegend'))}</p>` +
        (legend.length
          ? `<dl class="sources"><dt class="sources-h">${esc(t('rep.sources'))}</dt>${legend.map((l) => `<dd><b>${esc(l.name)}</b>: ${esc(l.title)}</dd>`).join('')}</dl>`
          : ''),
    });
  }

  // ---- per gemeente, per deelregio
  const groupTable = (caption: string, firstCol: string, groups: Record<string, GroupSummary>, withDeelregio: boolean, cls: string): string => {
    const rows = Object.entries(groups).map(
      ([name, g]) =>
        `<tr><th scope="row">${esc(name)}</th>${withDeelregio ? td(g.deelregio ?? '–') : ''}${tdCount(g.cases, cells)}${countCells(g, cells)}${pctCell(cells.compliance(g))}${td(worstRuleText(g, unjudged, cells))}</tr>`,
    );
    return table(
      caption,
      [th(firstCol), ...(withDeelregio ? [th(t('col.deelregio'))] : []), th(t('col.cases'), ' class="num"'), th(t('col.applicable'), ' class="num"'), ...statusHeads, th(t('col.compliance'), ' class="num"'), th(t('col.worst'))],
      rows,
      cls,
    ) + `<p class="legend">${esc(worstNote())}</p>`;
  };
  const hasDeelregios = Object.keys(report.summary.by_deelregio).length > 0;
  parts.push({
    id: 'gemeenten',
    title: t('report.perGemeente'),
    html: groupTable(t('report.perGemeente'), t('col.gemeente'), report.summary.by_gemeente, hasDeelregios, 'gemeenten'),
  });
  if (hasDeelregios) {
    parts.push({
      id: 'deelregios',
      title: t('report.perDeelregio'),
      html: groupTable(t('report.perDeelregio'), t('col.deelregio'), report.summary.by_deelregio, false, 'deelregios'),
    });
  }

  // ---- per period (month unless --period)
  {
    const unit = report.summary.period_unit;
    const months = Object.entries(report.summary.by_period);
    const chart = months.length
      ? complianceColumnChart(
          months.map(([m, g]) => ({ label: m, ...chartShare(cells.compliance(g)), valueText: cells.percent(cells.compliance(g), 0) })),
          unit === 'month'
            ? { id: 'chart-months', title: t('rep.chartMonths'), desc: t('rep.chartMonthsDesc') }
            : { id: 'chart-months', title: periodTitle(unit), desc: periodTitle(unit) },
        )
      : '';
    parts.push({
      id: 'maanden',
      title: periodTitle(unit),
      html: chart + groupTable(periodTitle(unit), periodColumn(unit), report.summary.by_period, false, 'months'),
    });
  }

  // ---- routes and monitoring duration
  {
    const total = report.summary.totals.cases;
    const routes = Object.entries(report.summary.routes).map(([route, n]) => ({
      label: routeLabel(route === 'onbekend' ? undefined : route),
      count: n,
      share: cells.share(n, total),
    }));
    const chart = countBarChart(
      // a hidden count draws no bar: its length would give the count away
      routes.map((r) => ({ label: r.label, count: cells.hides(r.count) ? 0 : r.count, valueText: `${cells.count(r.count)} (${cells.percent(r.share)})` })),
      { id: 'chart-routes', title: t('rep.chartRoutes'), desc: t('rep.chartRoutesDesc') },
    );
    let html =
      chart +
      table(
        t('report.routes'),
        [th(t('col.route')), th(t('col.count'), ' class="num"'), th(t('col.share'), ' class="num"')],
        routes.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${tdCount(r.count, cells)}${td(cells.percent(r.share), 'num')}</tr>`),
        'routes',
      );
    const md = report.summary.monitoring_duration;
    if (md) {
      const line =
        meanMonitoringHidden(md, cells) || cells.hides(md.open)
          ? monitoringHiddenText(md, cells)
          : md.mean_months === null
          ? t('report.monitoringNone', { open: md.open, target: md.target_months, source: sourceLabel(report, md.source) })
          : t('report.monitoringLine', { mean: formatNumber(md.mean_months), closed: formatNumber(md.closed), target: md.target_months, source: sourceLabel(report, md.source), open: formatNumber(md.open) });
      html += `<h3>${esc(t('report.monitoring'))}</h3><p class="monitoring">${esc(line)}</p>`;
    }
    parts.push({ id: 'routes', title: t('report.routes'), html });
  }

  // ---- lead times (a distribution chart per rule) and werkvoorraad
  {
    const grid = (g: Grid) =>
      `<h3 id="${g.id}">${esc(g.title)}</h3>` +
      table(
        g.title,
        g.columns.map((c) => th(c.head, c.right ? ' class="num"' : '')),
        g.rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${esc(cell)}</th>` : td(cell, g.columns[i].right ? 'num' : ''))).join('')}</tr>`),
        g.id,
      ) +
      (g.note ? `<p class="note">${esc(g.note)}</p>` : '');
    const lead = leadGrids(report);
    if (lead.length) {
      // --min-cell: no distribution (each column is the count of a few cases, its axis the maximum)
      const charts =
        cells.minCell !== null
          ? `<p class="note">${esc(t('rep.chartsHidden'))}</p>`
          : report.summary.lead_times.rules
              .map((r) =>
                distributionChart({
                  id: anchor('chart-lead', r.rule_id),
                  title: t('lead.chartTitle', { rule: r.rule_id }),
                  desc: t('lead.chartDesc', { unit: t(`lead.unit.${r.unit}`) }),
                  histogram: r.histogram.done,
                  term: r.term,
                  unit: t(`lead.unit.${r.unit}`),
                }),
              )
              .map((svg, i) => (svg ? `<figure class="leadtime"><figcaption>${esc(t('lead.chartTitle', { rule: report.summary.lead_times.rules[i].rule_id }))}</figcaption>${svg}</figure>` : ''))
              .join('');
      const [first, ...rest] = lead;
      parts.push({ id: 'doorlooptijden', title: t('lead.title'), html: grid(first) + charts + rest.map(grid).join('') });
    }
    const stock = stockGrids(report);
    if (stock.length) parts.push({ id: 'werkvoorraad', title: t('stock.title'), html: stock.map(grid).join('') });
  }

  // ---- zicht op veiligheid at the peildatum: counts per gemeente, the unclear dossiers, the quotes
  {
    const z = report.summary.zicht_op_veiligheid;
    if (z) {
      let html = `<p>${esc(zichtIntro(z))}</p>`;
      if (!z.assessable) html += `<p class="not-assessable"><strong>${esc(zichtNotAssessable(z))}</strong></p>`;
      else {
        html += countBarChart(
          // a hidden count draws no bar: its length would give the count away
          ZICHT_HOLDERS.map((h) => ({
            label: holderLabel(h),
            count: cells.hides(z.totals[h]) ? 0 : z.totals[h],
            valueText: `${cells.count(z.totals[h])} (${cells.percent(cells.share(z.totals[h], z.totals.cases))})`,
          })),
          { id: 'chart-zicht', title: t('zicht.title'), desc: t('zicht.chartDesc') },
        );
        const counts = zichtCountTable(z, cells);
        html += table(
          t('zicht.title'),
          counts.head.map((h, i) => th(h, i ? ' class="num"' : '')),
          counts.rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th>${r.slice(1).map((c) => td(c, 'num')).join('')}</tr>`),
          'zicht',
        );
        // the unclear dossiers by id; with --aggregate-only only how many
        if (report.options.aggregate_only) html += `<p>${esc(unclearLeftOutText(z, cells))}</p>`;
        else if (!z.unclear.length) html += `<h3>${esc(t('zicht.unclear', { count: formatNumber(0) }))}</h3><p>${esc(t('zicht.noneUnclear'))}</p>`;
        else {
          html += `<h3>${esc(t('zicht.unclear', { count: formatNumber(z.unclear.length) }))}</h3>`;
          const list = zichtUnclearTable(z, 0);
          html += table(
            t('zicht.unclear', { count: formatNumber(z.unclear.length) }),
            list.head.map((h) => th(h)),
            list.rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th>${td(r[1])}${td(r[2])}${td(r[3], 'date')}</tr>`),
            'zicht-unclear',
          );
        }
      }
      // the legend: the seed quotes the section rests on, and its reading
      html +=
        `<dl class="sources zicht-sources"><dt class="sources-h">${esc(t('zicht.sources'))}</dt>` +
        z.quotes.map((q) => `<dd><b>${esc(`${q.document} ${q.section}`)}</b>: “${esc(q.text)}”</dd>`).join('') +
        '</dl>' +
        (z.interpretation ? `<p class="legend">${esc(t('zicht.show.interpretation', { text: z.interpretation }))}</p>` : '');
      parts.push({ id: 'zicht', title: t('zicht.title'), html });
    }
  }

  // ---- findings: all of them (a meeting format), grouped by rule, then gemeente; collapsible
  {
    let html = '';
    if (report.options.aggregate_only) html = `<p>${esc(t('rep.aggregateOnlyFindings'))}</p>`;
    else if (report.findings.length === 0) html = `<p>${esc(t('report.noFindings'))}</p>`;
    else {
      const groups = groupFindings(report.findings);
      const titles = new Map(report.summary.rules.map((r) => [r.rule_id, localized(r.title)]));
      html += `<p class="note">${esc(t('rep.findingsByRule'))}</p>`;
      html +=
        '<ul class="finding-index">' +
        groups.map((g) => `<li><a href="#${anchor('findings', g.rule_id)}">${esc(g.rule_id)}</a> <span class="badge">${esc(t('rep.findingsCount', { count: formatNumber(g.count) }))}</span></li>`).join('') +
        '</ul>';
      for (const g of groups) {
        const id = g.rule_id;
        html +=
          `<details class="rule-findings" open><summary><h3 id="${anchor('findings', id)}">${esc(id)}${titles.has(id) ? ' · ' + esc(titles.get(id)!) : ''}` +
          ` <span class="badge">${esc(t('rep.findingsCount', { count: formatNumber(g.count) }))}</span></h3></summary>`;
        for (const gem of g.gemeenten) {
          const place = gem.deelregio ? `${gem.gemeente} (${gem.deelregio})` : gem.gemeente;
          const rows = gem.findings.map(
            (f) =>
              `<tr class="st-${esc(f.status)}"><th scope="row">${esc(f.dossier_id)}</th>${td(f.gemeente)}${td(t(`status.${f.status}`), 'status')}${td(t(`severity.${f.severity}`))}` +
              `${td(isoToDisplay(f.due_date), 'date')}${td(isoToDisplay(f.actual_date), 'date')}${f.days_late === null ? td('') : tdNum(f.days_late)}${td(f.message)}</tr>`,
          );
          html +=
            `<details class="gemeente-findings" open><summary>${esc(place)} <span class="badge">${esc(t('rep.findingsCount', { count: formatNumber(gem.findings.length) }))}</span></summary>` +
            table(
              `${id} · ${place}: ${t('rep.findingsCount', { count: formatNumber(gem.findings.length) })}`,
              [th(t('col.dossier')), th(t('col.gemeente')), th(t('col.status')), th(t('col.severity')), th(t('col.due')), th(t('col.actual')), th(t('col.daysLate'), ' class="num"'), th(t('col.message'))],
              rows,
              'findings',
            ) +
            '</details>';
        }
        html += '</details>';
      }
    }
    parts.push({ id: 'bevindingen', title: t('report.findings'), html });
  }

  // ---- rejected rows
  if (report.rejected.length) {
    const rows = report.rejected
      .slice(0, REJECTED_LIMIT)
      .map((r) => `<tr>${td(baseName(r.file))}${tdNum(r.row)}${td(r.column)}${td(r.reason)}</tr>`);
    let html = table(t('report.rejected'), [th(t('col.file')), th(t('col.row'), ' class="num"'), th(t('col.column')), th(t('col.reason'))], rows, 'rejected');
    if (report.rejected.length > REJECTED_LIMIT) {
      html += `<p class="note">${esc(t('report.rejectedShown', { shown: REJECTED_LIMIT, total: formatNumber(report.rejected.length) }))}</p>`;
    }
    parts.push({ id: 'afgewezen', title: t('report.rejected'), html });
  }

  // ---- header
  const filesRows = report.input.per_file.map(
    (f) => `<tr><th scope="row">${esc(baseName(f.file))}</th>${td(f.format)}${tdNum(f.rows_read)}${tdNum(f.rows_checked)}${tdNum(f.rows_rejected)}</tr>`,
  );
  const notices = noticeLines(report);
  const header =
    `<header><h1>${esc(title)}</h1><dl class="meta">` +
    `<dt>${esc(t('report.profile'))}</dt><dd>${esc(`${report.profile.id} ${report.profile.version}`)}${report.profile.chain.length > 1 ? esc(` (extends ${report.profile.chain.slice(1).join(' → ')})`) : ''}</dd>` +
    `<dt>${esc(t('report.peildatum'))}</dt><dd>${esc(peildatumText(report, isoToDisplay(report.peildatum)))}</dd>` +
    `<dt>${esc(t('report.files'))}</dt><dd>${esc(report.input.files.map(baseName).join(', '))}</dd>` +
    `<dt>${esc(t('rep.rowsLabel'))}</dt><dd class="rows">${esc(t('rep.rowsValue', { read: formatNumber(report.input.rows_read), checked: formatNumber(report.input.rows_checked), rejected: formatNumber(report.input.rows_rejected) }))}</dd>` +
    `<dt>${esc(t('period.label'))}</dt><dd class="period">${esc(periodText(report))}${report.input.rows_outside_period > 0 ? '<br>' + esc(t('period.outside', { count: formatNumber(report.input.rows_outside_period) })) : ''}</dd>` +
    (report.options.pseudonymized ? `<dt>${esc(t('col.dossier'))}</dt><dd>${esc(t('rep.pseudonymized'))}</dd>` : '') +
    (report.input.gemeenten ? `<dt>${esc(t('rep.gemeenten'))}</dt><dd>${esc(report.input.gemeenten.join(', ') + outsideText(report))}</dd>` : '') +
    (report.input.newest_date ? `<dt>${esc(t('rep.newestDate'))}</dt><dd>${esc(isoToDisplay(report.input.newest_date))}</dd>` : '') +
    (report.input.dates_after_peildatum
      ? `<dt>${esc(t('rep.datesAfterPeildatum'))}</dt><dd>${esc(t('rep.datesAfterPeildatumValue', { count: formatNumber(report.input.dates_after_peildatum) }))}</dd>`
      : '') +
    `</dl>` +
    `<p class="headline"><span class="sr-only">${esc(t('rep.headlineLabel'))}: </span>${esc(headline(report))}</p>` +
    (notices.length
      ? `<div class="warnings" role="note"><p class="warnings-h">${esc(t('rep.warnings'))}</p><ul>${notices.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></div>`
      : '') +
    (report.input.pii_columns.length
      ? table(
          t('rep.piiColumns'),
          [th(t('col.file')), th(t('col.column')), th(t('rep.col.kind'))],
          report.input.pii_columns.map((c) => `<tr>${td(baseName(c.file))}${td(c.column)}${td(c.kind)}</tr>`),
          'pii',
          true,
        )
      : '') +
    (filesRows.length
      ? table(t('rep.filesTable'), [th(t('col.file')), th(t('rep.col.format')), th(t('rep.col.read'), ' class="num"'), th(t('rep.col.checked'), ' class="num"'), th(t('rep.col.rejected'), ' class="num"')], filesRows, 'files', true)
      : '') +
    `<nav aria-label="${esc(t('rep.toc'))}"><ol>${parts.map((p) => `<li><a href="#${p.id}">${esc(p.title)}</a></li>`).join('')}</ol></nav></header>`;

  const inactive = report.profile.inactive_rules.length
    ? `<p class="inactive">${esc(
        t('report.inactive', {
          list: report.profile.inactive_rules
            .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
            .join(', '),
        }),
      )}</p>`
    : '';

  const body = parts
    .map((p, i) => `<section id="${p.id}" aria-labelledby="${p.id}-h"${i === 0 ? ' class="first"' : ''}><h2 id="${p.id}-h">${esc(p.title)}</h2>${p.html}</section>`)
    .join('\n');

  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${getLang()}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">` +
    `<title>${esc(`${title} · ${isoToDisplay(report.peildatum)}`)}</title><style>${CSS}</style></head>\n<body>\n` +
    header +
    '\n<main>\n' +
    body +
    '\n</main>\n' +
    `<footer>${inactive}<p>${esc(t(report.options.aggregate_only ? 'rep.generatedAggregate' : report.options.pseudonymized ? 'rep.generatedPseudo' : 'rep.generated', { tool: report.tool.name, version: report.tool.version, profile: `${report.profile.id} ${report.profile.version}` }))}</p>${provenanceHtml(report)}</footer>\n` +
    '</body></html>\n'
  );
}

/** The footer's "Herkomst": version, each file's SHA-256 in groups of four, profile, mapping, peildatum, options. */
function provenanceHtml(report: Report): string {
  const rows = provenanceRows(report.provenance)
    .map((r) => `<tr><th scope="row">${esc(r.what)}</th><td>${r.hash ? `<code>${esc(r.value)}</code>` : esc(r.value)}</td></tr>`)
    .join('');
  return (
    `<section class="provenance" aria-labelledby="herkomst-h"><h2 id="herkomst-h">${esc(t('prov.title'))}</h2>` +
    `<p>${esc(t('prov.intro'))}</p>` +
    `<table><thead><tr><th scope="col">${esc(t('prov.col.what'))}</th><th scope="col">${esc(t('prov.col.value'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}
