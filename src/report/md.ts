/**
 * `--format md`: the compliance report as Markdown tables, to paste into meeting notes. The same
 * content as the terminal table, but with every finding (per rule, then gemeente): --max-findings
 * does not apply. Every cell is escaped, so a dossier id or message can neither
 * break a table (`|`, line breaks) nor smuggle HTML or links into a rendered page.
 */
import { formatNumber, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { provenanceRows } from './provenance.js';
import { CellPolicy, HIDDEN_SHARE, meanMonitoringHidden, monitoringHiddenText, reportCells } from './cells.js';
import { parseIsoDay } from '../calendar/days.js';
import type { Counts, GroupSummary } from './aggregate.js';
import { displayDate, routeLabel } from './messages.js';
import type { Report } from './model.js';
import { Grid, leadGrids, periodColumn, periodText, periodTitle, stockGrids } from './stats-view.js';
import { notAssessableText as zichtNotAssessable, unclearLeftOutText, zichtCountTable, zichtIntro, zichtQuotes, zichtUnclearTable } from './zicht-format.js';
import { printable } from '../model/text.js';
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

const STATUS_COLS = ['on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'] as const;
const REJECTED_LIMIT = 50;

/**
 * Escape the Markdown punctuation that could change a cell: emphasis, code, links, raw HTML, table
 * pipes and character references (CommonMark allows a backslash before any ASCII punctuation).
 * Parentheses, `#` and `+` only matter at a line start or after `]`, which cannot occur in a cell.
 *
 * A backslash is itself escaped only where it would escape something: before ASCII punctuation
 * (including a backslash, or a character escaped here) and at the end, where it could become a
 * hard line break. Before a letter, digit or space CommonMark keeps it literally, so a Windows
 * path `Z:\exports\mei.csv` stays as it is instead of showing every backslash doubled.
 */
export function mdEscape(text: string): string {
  return printable(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/\\(?=[!-/:-@[-`{-~]|$)|[`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

export interface MdColumn {
  head: string;
  right?: boolean;
}

/** A GFM table; cells are escaped here. */
export function mdTable(columns: (string | MdColumn)[], rows: string[][]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { head: c } : c));
  const line = (cells: string[]) => '| ' + cells.join(' | ') + ' |';
  return [
    line(cols.map((c) => mdEscape(c.head))),
    line(cols.map((c) => (c.right ? '---:' : '---'))),
    ...rows.map((r) => line(r.map((cell) => (cell === '' ? ' ' : mdEscape(cell))))),
  ].join('\n');
}

function isoToDisplay(iso: string | null): string {
  if (!iso) return '';
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

function countCells(c: Counts, cells: CellPolicy): string[] {
  return [c.applicable, ...STATUS_COLS.map((s) => c[s])].map((n) => cells.count(n));
}


export function formatMarkdown(report: Report): string {
  const out: string[] = [];
  const cells = reportCells(report);
  const statusCols = STATUS_COLS.map((s) => ({ head: t(`status.${s}`), right: true }));
  const num = (head: string): MdColumn => ({ head, right: true });
  const heading = (s: string) => out.push('', `## ${mdEscape(s)}`, '');

  out.push(`# ${mdEscape(reportTitle(report))}`, '');
  out.push(
    `- **${mdEscape(t('report.profile'))}:** ${mdEscape(`${report.profile.id} ${report.profile.version}`)}` +
      (report.profile.chain.length > 1 ? mdEscape(` (extends ${report.profile.chain.slice(1).join(' → ')})`) : ''),
  );
  out.push(`- **${mdEscape(t('report.peildatum'))}:** ${mdEscape(peildatumText(report, isoToDisplay(report.peildatum)))}`);
  out.push(`- **${mdEscape(t('report.files'))}:** ${mdEscape(report.input.files.map(baseName).join(', '))}`);
  out.push(
    `- **${mdEscape(t('rep.rowsLabel'))}:** ` +
      mdEscape(t('rep.rowsValue', { read: formatNumber(report.input.rows_read), checked: formatNumber(report.input.rows_checked), rejected: formatNumber(report.input.rows_rejected) })),
  );
  out.push(`- **${mdEscape(t('period.label'))}:** ${mdEscape(periodText(report))}`);
  if (report.input.rows_outside_period > 0) out.push(`- ${mdEscape(t('period.outside', { count: formatNumber(report.input.rows_outside_period) }))}`);
  if (report.options.pseudonymized) out.push(`- ${mdEscape(t('rep.pseudonymized'))}`);
  if (report.input.gemeenten) out.push(`- **${mdEscape(t('rep.gemeenten'))}:** ${mdEscape(report.input.gemeenten.join(', ') + outsideText(report))}`);
  if (report.input.newest_date) out.push(`- **${mdEscape(t('rep.newestDate'))}:** ${mdEscape(isoToDisplay(report.input.newest_date))}`);
  if (report.input.dates_after_peildatum) {
    out.push(`- **${mdEscape(t('rep.datesAfterPeildatum'))}:** ${mdEscape(t('rep.datesAfterPeildatumValue', { count: formatNumber(report.input.dates_after_peildatum) }))}`);
  }
  out.push('', `**${mdEscape(headline(report))}**`);
  const notices = noticeLines(report);
  if (notices.length) out.push('', `**${mdEscape(t('rep.warnings'))}:**`, '', ...notices.map((n) => `- ${mdEscape(n)}`));
  if (report.input.pii_columns.length) {
    out.push('', `**${mdEscape(t('rep.piiColumns'))}:**`, '');
    out.push(mdTable([t('col.file'), t('col.column'), t('rep.col.kind')], report.input.pii_columns.map((c) => [baseName(c.file), c.column, c.kind])));
  }
  const unjudged = notAssessableIds(report);
  const withNorm = hasNorm(report);
  const withImplausible = hasImplausible(report);

  heading(t('report.perRule'));
  out.push(
    mdTable(
      [
        t('col.rule'),
        t('col.title'),
        t('col.severity'),
        num(t('col.applicable')),
        ...statusCols,
        ...(withImplausible ? [num(t('status.implausible'))] : []),
        num(t('col.compliance')),
        ...(withNorm ? [num(t('col.norm'))] : []),
        t('col.source'),
      ],
      report.summary.rules.map((r) => {
        const missing = notAssessableFields(report, r.rule_id);
        const figures = missing
          ? [...countCells(r, cells).map(() => '–'), ...(withImplausible ? ['–'] : []), t('rep.notAssessableCell', { fields: missing.join(', ') }), ...(withNorm ? [normCell(r)] : [])]
          : [
              ...countCells(r, cells),
              ...(withImplausible ? [cells.count(r.implausible)] : []),
              cells.percent(cells.compliance(r)),
              ...(withNorm ? [normCell(r, cells.compliance(r) === HIDDEN_SHARE)] : []),
            ];
        return [r.rule_id, localized(r.title), t(`severity.${r.severity}`), ...figures, sourceLabel(report, r.source)];
      }),
    ),
  );
  out.push('', `_${mdEscape(t('report.legend'))}_`);
  const anchorNote = anchorMissingNote(report);
  if (anchorNote) out.push('', `_${mdEscape(anchorNote)}_`);
  const legend = sourceLegend(report);
  if (legend.length) out.push('', `**${mdEscape(t('rep.sources'))}:**`, '', ...legend.map((l) => `- **${mdEscape(l.name)}**: ${mdEscape(l.title)}`));

  const groupTable = (title: string, firstCol: string, groups: Record<string, GroupSummary>, withDeelregio: boolean) => {
    const entries = Object.entries(groups);
    if (!entries.length) return;
    heading(title);
    out.push(
      mdTable(
        [firstCol, ...(withDeelregio ? [t('col.deelregio')] : []), num(t('col.cases')), num(t('col.applicable')), ...statusCols, num(t('col.compliance')), t('col.worst')],
        entries.map(([name, g]) => [name, ...(withDeelregio ? [g.deelregio ?? '–'] : []), cells.count(g.cases), ...countCells(g, cells), cells.percent(cells.compliance(g)), worstRuleText(g, unjudged, cells)]),
      ),
    );
    out.push('', `_${mdEscape(worstNote())}_`);
  };
  const hasDeelregios = Object.keys(report.summary.by_deelregio).length > 0;
  groupTable(t('report.perGemeente'), t('col.gemeente'), report.summary.by_gemeente, hasDeelregios);
  if (hasDeelregios) groupTable(t('report.perDeelregio'), t('col.deelregio'), report.summary.by_deelregio, false);
  groupTable(periodTitle(report.summary.period_unit), periodColumn(report.summary.period_unit), report.summary.by_period, false);

  heading(t('report.routes'));
  const total = report.summary.totals.cases;
  out.push(
    mdTable(
      [t('col.route'), num(t('col.count')), num(t('col.share'))],
      Object.entries(report.summary.routes).map(([route, n]) => [routeLabel(route === 'onbekend' ? undefined : route), cells.count(n), cells.percent(cells.share(n, total))]),
    ),
  );

  const md = report.summary.monitoring_duration;
  if (md) {
    heading(t('report.monitoring'));
    out.push(
      mdEscape(
        meanMonitoringHidden(md, cells) || cells.hides(md.open)
          ? monitoringHiddenText(md, cells)
          : md.mean_months === null
          ? t('report.monitoringNone', { open: md.open, target: md.target_months, source: sourceLabel(report, md.source) })
          : t('report.monitoringLine', { mean: formatNumber(md.mean_months), closed: formatNumber(md.closed), target: md.target_months, source: sourceLabel(report, md.source), open: formatNumber(md.open) }),
      ),
    );
  }

  const grid = (g: Grid) => {
    out.push('', `### ${mdEscape(g.title)}`, '');
    out.push(mdTable(g.columns, g.rows));
    if (g.note) out.push('', `_${mdEscape(g.note)}_`);
  };
  const lead = leadGrids(report);
  if (lead.length) {
    heading(t('lead.title'));
    lead.forEach(grid);
  }
  const stock = stockGrids(report);
  if (stock.length) {
    heading(t('stock.title'));
    stock.forEach(grid);
  }

  const zicht = report.summary.zicht_op_veiligheid;
  if (zicht) {
    heading(t('zicht.title'));
    out.push(mdEscape(zichtIntro(zicht)));
    if (!zicht.assessable) out.push('', `**${mdEscape(zichtNotAssessable(zicht))}**`);
    else {
      const counts = zichtCountTable(zicht, cells);
      out.push('', mdTable([counts.head[0], ...counts.head.slice(1).map(num)], counts.rows));
      // every unclear dossier (a meeting format, like the findings); none with --aggregate-only
      if (report.options.aggregate_only) out.push('', mdEscape(unclearLeftOutText(zicht, cells)));
      else {
        out.push('', `### ${mdEscape(t('zicht.unclear', { count: formatNumber(zicht.unclear.length) }))}`, '');
        out.push(zicht.unclear.length ? mdTable(zichtUnclearTable(zicht, 0).head, zichtUnclearTable(zicht, 0).rows) : mdEscape(t('zicht.noneUnclear')));
      }
    }
    out.push('', `_${mdEscape(t('zicht.sources'))}:_`, '', ...zichtQuotes(zicht.quotes).map((q) => `- ${mdEscape(q)}`));
    if (zicht.interpretation) out.push('', `_${mdEscape(t('zicht.show.interpretation', { text: zicht.interpretation }))}_`);
  }

  heading(t('report.findings'));
  if (report.options.aggregate_only) out.push(mdEscape(t('rep.aggregateOnlyFindings')));
  else if (report.findings.length === 0) out.push(mdEscape(t('report.noFindings')));
  else {
    // all findings (a meeting format), per rule, within a rule by gemeente
    const titles = new Map(report.summary.rules.map((r) => [r.rule_id, localized(r.title)]));
    out.push(mdEscape(t('rep.findingsByRule')));
    for (const g of groupFindings(report.findings)) {
      out.push('', `### ${mdEscape(`${g.rule_id}${titles.has(g.rule_id) ? ' · ' + titles.get(g.rule_id)! : ''} (${t('rep.findingsCount', { count: formatNumber(g.count) })})`)}`, '');
      out.push(
        mdTable(
          [t('col.dossier'), t('col.gemeente'), t('col.deelregio'), t('col.status'), t('col.severity'), t('col.due'), t('col.actual'), num(t('col.daysLate')), t('col.message')],
          g.gemeenten.flatMap((gem) =>
            gem.findings.map((f) => [
              f.dossier_id,
              f.gemeente,
              f.deelregio ?? '–',
              t(`status.${f.status}`),
              t(`severity.${f.severity}`),
              isoToDisplay(f.due_date),
              isoToDisplay(f.actual_date),
              f.days_late === null ? '' : formatNumber(f.days_late),
              f.message,
            ]),
          ),
        ),
      );
    }
  }

  if (report.rejected.length) {
    heading(t('report.rejected'));
    out.push(
      mdTable(
        [t('col.file'), num(t('col.row')), t('col.column'), t('col.reason')],
        report.rejected.slice(0, REJECTED_LIMIT).map((r) => [baseName(r.file), String(r.row), r.column, r.reason]),
      ),
    );
    if (report.rejected.length > REJECTED_LIMIT) {
      out.push('', `_${mdEscape(t('report.rejectedShown', { shown: REJECTED_LIMIT, total: formatNumber(report.rejected.length) }))}_`);
    }
  }

  if (report.profile.inactive_rules.length) {
    out.push(
      '',
      mdEscape(
        t('report.inactive', {
          list: report.profile.inactive_rules
            .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
            .join(', '),
        }),
      ),
    );
  }
  heading(t('prov.title'));
  out.push(mdEscape(t('prov.intro')), '');
  out.push(mdTable([t('prov.col.what'), t('prov.col.value')], provenanceRows(report.provenance).map((r) => [r.what, r.value])));
  return out.join('\n') + '\n';
}
