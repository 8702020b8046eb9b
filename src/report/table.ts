/**
 * The default format: a Dutch compliance report for the terminal. Summary per rule with
 * compliance, then per gemeente, per deelregio, per month, the route mix, the monitoring duration,
 * the findings (most urgent first) and the rejected rows.
 */
import Table from 'cli-table3';
import { Chalk, ChalkInstance } from 'chalk';
import { formatNumber, formatPercent, localized, t } from '../i18n/index.js';
import { parseIsoDay } from '../calendar/days.js';
import type { Counts, GroupSummary } from './aggregate.js';
import { displayDate, routeLabel } from './messages.js';
import type { Report } from './model.js';
import { provenanceLine } from './provenance.js';
import { ALL_CELLS, CellPolicy, HIDDEN_SHARE, monitoringHiddenText, reportCells } from './cells.js';
import { anchorMissingNote, baseName, hasNorm, headline, normCell, noticeLines, outsideText, peildatumText, reportTitle } from './overview.js';
import '../i18n/catalog/usage.js';
import { Grid, leadGrids, periodColumn, periodText, periodTitle, stockGrids } from './stats-view.js';
import { ZICHT_HOLDERS, type ZichtSummary } from './zicht.js';
import { notAssessableText as zichtNotAssessable, unclearLeftOutText, zichtCountTable, zichtIntro, zichtUnclearTable } from './zicht-format.js';
import '../i18n/catalog/report.js';

export interface TableOptions {
  color: boolean;
  /** how many findings to print (0 = all) */
  maxFindings: number;
  /** terminal width (100 when not known); below COMPACT_BELOW the compact layout */
  width?: number;
}

/** Below this width the report uses the compact layout: fewer columns, texts cut, no borders. */
export const COMPACT_BELOW = 160;

/** The compact findings list cuts a gemeente name to this many characters ("Valkenburg aan…"). */
const COMPACT_GEMEENTE = 14;

/** `text` cut to `width` characters, ending in "…" when cut. */
export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 0 ? '' : text.slice(0, width - 1) + '…';
}

/** Words wrapped into lines of at most `width` characters (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = cut(word, width);
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of at most `width` characters, broken between words; a longer word (a path) is broken too, never cut. */
export function wrapFull(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let word of para.split(' ')) {
      if (!word) continue;
      if (line && line.length + 1 + word.length <= w) {
        line += ' ' + word;
        continue;
      }
      if (line) lines.push(line);
      while (word.length > w) {
        lines.push(word.slice(0, w));
        word = word.slice(w);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

export interface CompactColumn {
  head: string;
  right?: boolean;
  /** takes the room left over (at most one column); its texts are cut with "…" (or wrapped: `wrap`) */
  flex?: boolean;
  /** a text too wide for the column goes on to the next lines instead of being cut (nothing is lost) */
  wrap?: boolean;
  /** colours a padded cell (after cutting, so colour codes never count for the width) */
  paint?: (padded: string, row: number) => string;
}

/** A wrapping flexible column keeps at least this many characters (or its widest cell) before others give way. */
const MIN_WRAP_FLEX = 24;

/**
 * A table without borders that fits `width` exactly: every column as wide as its widest cell,
 * the flexible column what is left (cut with "…", or wrapped onto more lines when it `wrap`s),
 * two spaces between columns, a rule of dashes under the heads. No line is longer than `width`.
 */
export function compactTable(columns: CompactColumn[], rows: string[][], width: number, bold: (s: string) => string = (s) => s): string {
  const gap = 2;
  // a loop, not Math.max(...rows): a spread of 300,000 rows overflows the call stack
  const widths = columns.map((c) => c.head.length);
  for (const r of rows) for (let i = 0; i < widths.length; i++) if ((r[i] ?? '').length > widths[i]) widths[i] = (r[i] ?? '').length;
  const flex = columns.findIndex((c) => c.flex);
  const fixed = widths.reduce((a, w, i) => (i === flex ? a : a + w), 0) + gap * (columns.length - 1);
  const minFlex = flex >= 0 && columns[flex].wrap ? Math.min(widths[flex], MIN_WRAP_FLEX) : 1;
  if (flex >= 0) widths[flex] = Math.max(minFlex, Math.min(widths[flex], width - fixed));
  // still too wide (a very narrow terminal): shrink the widest columns; beside a wrapping flexible
  // column, first the other wrapping columns (nothing is lost), then the flexible one, then any
  let total = widths.reduce((a, w) => a + w, 0) + gap * (columns.length - 1);
  while (total > width) {
    let i = -1;
    if (minFlex > 1) {
      for (let k = 0; k < widths.length; k++) if (k !== flex && columns[k].wrap && widths[k] > 8 && (i < 0 || widths[k] > widths[i])) i = k;
      if (i < 0 && widths[flex] > 8) i = flex;
    }
    if (i < 0) i = widths.indexOf(Math.max(...widths));
    if (widths[i] <= 1) break;
    widths[i]--;
    total--;
  }
  const pad = (text: string, i: number) => (columns[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[], paint: boolean, row: number): string[] => {
    const parts = cells.map((cell, i) => (columns[i].wrap ? wrapFull(cell ?? '', widths[i]) : [cut(cell ?? '', widths[i])]));
    const height = Math.max(1, ...parts.map((p) => p.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      lines.push(
        parts
          .map((p, i) => {
            const padded = pad(p[k] ?? '', i);
            return paint && columns[i].paint ? columns[i].paint!(padded, row) : padded;
          })
          .join(' '.repeat(gap))
          .trimEnd(),
      );
    }
    return lines;
  };
  const out = [...line(columns.map((c) => c.head), false, -1).map(bold), '-'.repeat(Math.min(total, width))];
  rows.forEach((r, i) => out.push(...line(r, true, i)));
  return out.join('\n');
}

function makeTable(head: string[], chalk: ChalkInstance, colWidths?: (number | null)[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    ...(colWidths ? { colWidths: colWidths as number[] } : {}),
  });
}

/**
 * The small-count policy of the report being formatted (report/cells.ts); formatTable sets it
 * before anything is printed, and the functions below ask it for every aggregate.
 */
let cells: CellPolicy = ALL_CELLS;

function pct(share: number | null | typeof HIDDEN_SHARE, chalk: ChalkInstance, norm?: number | null): string {
  const text = cells.percent(share);
  if (share === null || share === HIDDEN_SHARE) return chalk.dim(text);
  const target = norm ?? 0.9;
  return share >= target ? chalk.green(text) : share >= target - 0.15 ? chalk.yellow(text) : chalk.red(text);
}

function isoToDisplay(iso: string | null): string {
  if (!iso) return '';
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

function worstRule(g: GroupSummary): string {
  let worst: [string, number] | undefined;
  for (const [id, c] of Object.entries(g.rules)) {
    const share = cells.compliance(c);
    if (share !== null && share !== HIDDEN_SHARE && (!worst || share < worst[1])) worst = [id, share];
  }
  return worst ? `${worst[0]} ${formatPercent(worst[1], 0)}` : '–';
}

function countCells(c: Counts): string[] {
  return [c.applicable, c.on_time, c.late, c.overdue, c.pending, c.missing, c.early, c.violated].map((n) => cells.count(n));
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** The widest line of a rendered block, colour codes not counted. */
function widest(block: string): number {
  let max = 0;
  for (const line of block.split('\n')) max = Math.max(max, line.replace(ANSI, '').length);
  return max;
}

/**
 * The layout of a report for a terminal `width` columns wide (100 when not known, at least 40): the
 * bordered tables from COMPACT_BELOW columns when they fit, otherwise the compact layout.
 */
export function fittingLayout(width: number | undefined, bordered: () => string, compact: (width: number) => string): string {
  const w = Math.max(40, width ?? 100);
  if (w >= COMPACT_BELOW) {
    const wide = bordered();
    if (widest(wide) <= w) return wide;
  }
  return compact(w);
}

/** A bordered table rendered with its flexible column narrowed until the table fits `width`. */
/** Above this many findings the wide layout lists them without borders (see the findings table). */
const BORDERED_MAX_ROWS = 2000;

function fitted(width: number, flex: number, render: (flex: number) => string): string {
  let block = render(flex);
  for (let i = 0; i < 3; i++) {
    const over = widest(block) - width;
    if (over <= 0 || flex <= 12) break;
    flex = Math.max(12, flex - over);
    block = render(flex);
  }
  return block;
}

const STATUS_HEADS = ['on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'];

export function formatTable(report: Report, opts: TableOptions): string {
  cells = reportCells(report);
  const requested = opts.width ?? 100;
  if (requested < COMPACT_BELOW) return formatCompact(report, opts, Math.max(40, requested));
  const wide = formatWide(report, opts, requested);
  // a bordered table that still does not fit (many gemeenten, long sources): the compact layout
  return widest(wide) > requested ? formatCompact(report, opts, requested) : wide;
}

function formatWide(report: Report, opts: TableOptions, requested: number): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(80, Math.min(requested, 220));
  const out: string[] = [];
  const heading = (s: string) => out.push('', chalk.bold.underline(s));
  const statusHeads = STATUS_HEADS.map((s) => t(`status.${s}`));

  for (const line of headerLines(report, width, chalk)) out.push(line);

  heading(t('report.perRule'));
  out.push(
    fitted(width, Math.max(30, Math.min(60, width - 110)), (titleWidth) => {
      const rules = makeTable(
        [t('col.rule'), t('col.title'), t('col.severity'), t('col.applicable'), ...statusHeads, t('col.compliance'), t('col.source')],
        chalk,
        [null, titleWidth, null, null, null, null, null, null, null, null, null, null, null],
      );
      for (const r of report.summary.rules) {
        const shown = cells.compliance(r);
        const compliance = pct(shown, chalk, r.norm) + (r.norm !== null ? chalk.dim(` / ${t('col.norm').toLowerCase()} ${normCell(r, shown === HIDDEN_SHARE)}`) : '');
        rules.push([r.rule_id, localized(r.title), t(`severity.${r.severity}`), ...countCells(r), compliance, r.source]);
      }
      return rules.toString();
    }),
  );
  out.push(chalk.dim(t('report.legend')));
  const anchorNote = anchorMissingNote(report);
  if (anchorNote) for (const l of wrapWords(anchorNote, width)) out.push(chalk.dim(l));

  const groupTable = (title: string, firstCol: string, groups: Record<string, GroupSummary>, withDeelregio: boolean) => {
    const entries = Object.entries(groups);
    if (!entries.length) return;
    heading(title);
    const tbl = makeTable(
      [firstCol, ...(withDeelregio ? [t('col.deelregio')] : []), t('col.cases'), t('col.applicable'), ...statusHeads, t('col.compliance'), t('col.worst')],
      chalk,
    );
    for (const [name, g] of entries) {
      tbl.push([name, ...(withDeelregio ? [g.deelregio ?? '–'] : []), cells.count(g.cases), ...countCells(g), pct(cells.compliance(g), chalk), worstRule(g)]);
    }
    out.push(tbl.toString());
  };
  const hasDeelregios = Object.keys(report.summary.by_deelregio).length > 0;
  groupTable(t('report.perGemeente'), t('col.gemeente'), report.summary.by_gemeente, hasDeelregios);
  if (hasDeelregios) groupTable(t('report.perDeelregio'), t('col.deelregio'), report.summary.by_deelregio, false);
  groupTable(periodTitle(report.summary.period_unit), periodColumn(report.summary.period_unit), report.summary.by_period, false);

  heading(t('report.routes'));
  const routes = makeTable([t('col.route'), t('col.count'), t('col.share')], chalk);
  const totalCases = report.summary.totals.cases;
  for (const [route, n] of Object.entries(report.summary.routes)) {
    routes.push([routeLabel(route === 'onbekend' ? undefined : route), cells.count(n), cells.percent(cells.share(n, totalCases))]);
  }
  out.push(routes.toString());

  const md = report.summary.monitoring_duration;
  if (md) {
    heading(t('report.monitoring'));
    out.push(
      monitoringText(md),
    );
  }

  const wideGrid = (g: Grid) => {
    out.push('', chalk.bold(g.title));
    const tbl = makeTable(g.columns.map((c) => c.head), chalk);
    for (const r of g.rows) tbl.push(r.map((cell, i) => (g.columns[i].right ? { content: cell, hAlign: 'right' as const } : cell)));
    out.push(tbl.toString());
    if (g.note) for (const l of wrapWords(g.note, width)) out.push(chalk.dim(l));
  };
  const lead = leadGrids(report);
  if (lead.length) {
    heading(t('lead.title'));
    lead.forEach(wideGrid);
  }
  const stock = stockGrids(report);
  if (stock.length) {
    heading(t('stock.title'));
    stock.forEach(wideGrid);
  }

  const zicht = report.summary.zicht_op_veiligheid;
  if (zicht) {
    heading(t('zicht.title'));
    out.push(...zichtLines(zicht, width, chalk, opts.maxFindings, Boolean(report.options.aggregate_only)));
  }

  heading(t('report.findings'));
  if (report.options.aggregate_only) out.push(t('rep.aggregateOnlyFindings'));
  else if (report.findings.length === 0) out.push(t('report.noFindings'));
  else {
    const shown = opts.maxFindings > 0 ? report.findings.slice(0, opts.maxFindings) : report.findings;
    const colour = (status: string, text: string) =>
      status === 'overdue' || status === 'violated' ? chalk.red(text) : status === 'pending' ? chalk.cyan(text) : chalk.yellow(text);
    out.push(
      // cli-table3 takes minutes for a few hundred thousand rows (--max-findings 0): a long list
      // gets the borderless layout, which is linear in the number of rows
      shown.length > BORDERED_MAX_ROWS
        ? compactTable(
            [
              { head: t('col.dossier') },
              { head: t('col.gemeente') },
              { head: t('col.rule') },
              { head: t('col.status'), paint: (p, row) => colour(shown[row].status, p) },
              { head: t('col.severity') },
              { head: t('col.due') },
              { head: t('col.actual') },
              { head: t('col.message'), flex: true },
            ],
            shown.map((f) => [f.dossier_id, f.gemeente, f.rule_id, t(`status.${f.status}`), t(`severity.${f.severity}`), isoToDisplay(f.due_date), isoToDisplay(f.actual_date), f.message]),
            width,
            (s) => chalk.bold(s),
          )
        : fitted(width, Math.max(30, width - 100), (msgWidth) => {
        const tbl = makeTable(
          [t('col.dossier'), t('col.gemeente'), t('col.rule'), t('col.status'), t('col.severity'), t('col.due'), t('col.actual'), t('col.message')],
          chalk,
          [null, null, null, null, null, null, null, msgWidth],
        );
        for (const f of shown) {
          tbl.push([
            f.dossier_id,
            f.gemeente,
            f.rule_id,
            colour(f.status, t(`status.${f.status}`)),
            t(`severity.${f.severity}`),
            isoToDisplay(f.due_date),
            isoToDisplay(f.actual_date),
            f.message,
          ]);
        }
        return tbl.toString();
      }),
    );
    if (shown.length < report.findings.length) {
      out.push(chalk.dim(t('report.findingsShown', { shown: formatNumber(shown.length), total: formatNumber(report.findings.length) })));
    }
  }

  if (report.rejected.length) {
    heading(t('report.rejected'));
    const limit = 50;
    const tbl = makeTable([t('col.file'), t('col.row'), t('col.column'), t('col.reason')], chalk);
    for (const r of report.rejected.slice(0, limit)) tbl.push([baseName(r.file), String(r.row), r.column, r.reason]);
    out.push(tbl.toString());
    if (report.rejected.length > limit) {
      out.push(chalk.dim(t('report.rejectedShown', { shown: limit, total: formatNumber(report.rejected.length) })));
    }
  }

  if (report.profile.inactive_rules.length) {
    out.push(
      '',
      chalk.dim(
        t('report.inactive', {
          list: report.profile.inactive_rules
            .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
            .join(', '),
        }),
      ),
    );
  }
  out.push('', ...wrapWords(provenanceLine(report.provenance), width).map((l) => chalk.dim(l)));
  return out.join('\n') + '\n';
}

/**
 * Compliance in the compact rule table, with the norm where the rule has one and no room for a
 * column: "89,5% < 90%" (below), "87,5% ≥ 80%" (met), "– / 90%" (nothing judged: not below).
 */
function compactCompliance(r: Counts & { norm: number | null; meets_norm: boolean | null }): string {
  const shown = cells.compliance(r);
  const share = cells.percent(shown);
  if (r.norm === null) return share;
  // a hidden share hides which side of the norm it lies on too
  const sign = r.meets_norm === null || shown === HIDDEN_SHARE ? '/' : r.meets_norm ? '≥' : '<';
  return `${share} ${sign} ${formatPercent(r.norm, 0)}`;
}

/**
 * The report for a terminal narrower than COMPACT_BELOW (a laptop console of 80–120 columns):
 * per rule only rule, short title, applicable, late+overdue, missing and compliance; the groups
 * the same; findings with a cut message; every line at most `width` characters.
 */
function formatCompact(report: Report, opts: TableOptions, width: number): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const para = (text: string, paint: (s: string) => string = (s) => s) => {
    for (const l of wrapWords(text, width)) out.push(paint(l));
  };
  const heading = (s: string) => out.push('', chalk.bold.underline(cut(s, width)));
  const bold = (s: string) => chalk.bold(s);
  const compliancePaint = (shares: (number | null | typeof HIDDEN_SHARE)[], norms: (number | null | undefined)[]) => (padded: string, row: number) => {
    const share = shares[row];
    if (share === null || share === HIDDEN_SHARE) return chalk.dim(padded);
    const target = norms[row] ?? 0.9;
    return share >= target ? chalk.green(padded) : share >= target - 0.15 ? chalk.yellow(padded) : chalk.red(padded);
  };

  for (const line of headerLines(report, width, chalk)) out.push(line);

  const countColumns = (): CompactColumn[] => [
    { head: t('col.applicable'), right: true },
    { head: t('table.lateOverdue'), right: true },
    { head: t('table.missing'), right: true },
  ];
  const counts = (c: Counts) => [cells.count(c.applicable), cells.count(c.late + c.overdue), cells.count(c.missing)];

  heading(t('report.perRule'));
  const rules = report.summary.rules;
  const withNorm = hasNorm(report);
  out.push(
    compactTable(
      [
        { head: t('col.rule') },
        { head: t('col.title'), flex: true },
        ...countColumns(),
        { head: t('col.compliance'), right: true, paint: compliancePaint(rules.map((r) => cells.compliance(r)), rules.map((r) => r.norm)) },
      ],
      rules.map((r) => [r.rule_id, localized(r.title), ...counts(r), compactCompliance(r)]),
      width,
      bold,
    ),
  );
  if (withNorm) para(t('table.normLegend'), chalk.dim);
  const anchorNote = anchorMissingNote(report);
  if (anchorNote) para(anchorNote, chalk.dim);

  const groupTable = (title: string, firstCol: string, groups: Record<string, GroupSummary>) => {
    const entries = Object.entries(groups);
    if (!entries.length) return;
    heading(title);
    out.push(
      compactTable(
        [
          { head: firstCol, flex: true },
          { head: t('col.cases'), right: true },
          ...countColumns(),
          { head: t('col.compliance'), right: true, paint: compliancePaint(entries.map(([, g]) => cells.compliance(g)), []) },
        ],
        entries.map(([name, g]) => [name, cells.count(g.cases), ...counts(g), cells.percent(cells.compliance(g))]),
        width,
        bold,
      ),
    );
  };
  groupTable(t('report.perGemeente'), t('col.gemeente'), report.summary.by_gemeente);
  if (Object.keys(report.summary.by_deelregio).length) groupTable(t('report.perDeelregio'), t('col.deelregio'), report.summary.by_deelregio);
  groupTable(periodTitle(report.summary.period_unit), periodColumn(report.summary.period_unit), report.summary.by_period);

  heading(t('report.routes'));
  const totalCases = report.summary.totals.cases;
  out.push(
    compactTable(
      [{ head: t('col.route'), flex: true }, { head: t('col.count'), right: true }, { head: t('col.share'), right: true }],
      Object.entries(report.summary.routes).map(([route, n]) => [
        routeLabel(route === 'onbekend' ? undefined : route),
        cells.count(n),
        cells.percent(cells.share(n, totalCases)),
      ]),
      width,
      bold,
    ),
  );

  const md = report.summary.monitoring_duration;
  if (md) {
    heading(t('report.monitoring'));
    para(
      monitoringText(md),
    );
  }

  const compactGrid = (g: Grid) => {
    out.push('', chalk.bold(cut(g.title, width)));
    for (const block of gridChunks(g, width)) out.push(compactTable(block.columns.map((c) => ({ head: c.head, right: c.right })), block.rows, width, bold));
    if (g.note) para(g.note, (s) => chalk.dim(s));
  };
  const lead = leadGrids(report);
  if (lead.length) {
    heading(t('lead.title'));
    lead.forEach(compactGrid);
  }
  const stock = stockGrids(report);
  if (stock.length) {
    heading(t('stock.title'));
    stock.forEach(compactGrid);
  }

  const zicht = report.summary.zicht_op_veiligheid;
  if (zicht) {
    heading(cut(t('zicht.title'), width));
    out.push(...zichtLines(zicht, width, chalk, opts.maxFindings, Boolean(report.options.aggregate_only)));
  }

  heading(t('report.findings'));
  if (report.options.aggregate_only) para(t('rep.aggregateOnlyFindings'));
  else if (report.findings.length === 0) para(t('report.noFindings'));
  else {
    const shown = opts.maxFindings > 0 ? report.findings.slice(0, opts.maxFindings) : report.findings;
    const colour = (status: string, text: string) =>
      status === 'overdue' || status === 'violated' ? chalk.red(text) : status === 'pending' ? chalk.cyan(text) : chalk.yellow(text);
    out.push(
      compactTable(
        [
          { head: t('col.dossier') },
          { head: t('col.gemeente') },
          { head: t('col.rule') },
          { head: t('col.status'), paint: (p, row) => colour(shown[row].status, p) },
          { head: t('col.due') },
          { head: t('col.message'), flex: true },
        ],
        // a long gemeente name is cut so the message keeps some room at 80 columns
        shown.map((f) => [f.dossier_id, cut(f.gemeente, COMPACT_GEMEENTE), f.rule_id, t(`status.${f.status}`), isoToDisplay(f.due_date), f.message]),
        width,
        bold,
      ),
    );
    if (shown.length < report.findings.length) {
      para(t('report.findingsShown', { shown: formatNumber(shown.length), total: formatNumber(report.findings.length) }), (s) => chalk.dim(s));
    }
  }

  if (report.rejected.length) {
    heading(t('report.rejected'));
    const limit = 50;
    out.push(
      compactTable(
        [{ head: t('col.file') }, { head: t('col.row'), right: true }, { head: t('col.column') }, { head: t('col.reason'), flex: true }],
        report.rejected.slice(0, limit).map((r) => [baseName(r.file), String(r.row), r.column, r.reason]),
        width,
        bold,
      ),
    );
    if (report.rejected.length > limit) para(t('report.rejectedShown', { shown: limit, total: formatNumber(report.rejected.length) }), (s) => chalk.dim(s));
  }

  if (report.profile.inactive_rules.length) {
    out.push('');
    para(
      t('report.inactive', {
        list: report.profile.inactive_rules
          .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
          .join(', '),
      }),
      (s) => chalk.dim(s),
    );
  }
  out.push('', ...wrapWords(provenanceLine(report.provenance), width).map((l) => chalk.dim(l)));
  return out.join('\n') + '\n';
}

/**
 * The zicht-op-veiligheid section, the same in both layouts: the counts per gemeente (short holder
 * heads, explained below the table) and the unclear dossiers, the oldest term first.
 */
function zichtLines(z: ZichtSummary, width: number, chalk: ChalkInstance, maxItems: number, aggregateOnly: boolean): string[] {
  const out = wrapWords(zichtIntro(z), width);
  if (!z.assessable) return [...out, ...wrapWords(zichtNotAssessable(z), width).map((l) => chalk.yellow(l))];
  const counts = zichtCountTable(z, cells);
  const columns: CompactColumn[] = [{ head: counts.head[0], flex: true }, { head: counts.head[1], right: true }, ...ZICHT_HOLDERS.map((h) => ({ head: t(`zicht.short.${h}`), right: true }))];
  out.push(compactTable(columns, counts.rows, width, (s) => chalk.bold(s)));
  out.push(...wrapWords(t('zicht.legend'), width).map((l) => chalk.dim(l)));
  if (aggregateOnly) return [...out, '', ...wrapWords(unclearLeftOutText(z, cells), width)];
  out.push('', chalk.bold(cut(t('zicht.unclear', { count: formatNumber(z.unclear.length) }), width)));
  if (!z.unclear.length) out.push(t('zicht.noneUnclear'));
  else {
    const list = zichtUnclearTable(z, maxItems);
    out.push(compactTable([{ head: list.head[0] }, { head: list.head[1] }, { head: list.head[2], flex: true }, { head: list.head[3] }], list.rows, width, (s) => chalk.bold(s)));
    if (list.rows.length < z.unclear.length) out.push(chalk.dim(cut(t('zicht.shown', { shown: formatNumber(list.rows.length), total: formatNumber(z.unclear.length) }), width)));
  }
  return out;
}

/** The monitoring-duration sentence, the same in both layouts. */
function monitoringText(md: NonNullable<Report['summary']['monitoring_duration']>): string {
  if (cells.hides(md.closed) || cells.hides(md.open)) return monitoringHiddenText(md, cells);
  return md.mean_months === null
    ? t('report.monitoringNone', { open: md.open, target: md.target_months, source: md.source })
    : t('report.monitoringLine', {
        mean: formatNumber(md.mean_months),
        closed: formatNumber(md.closed),
        target: md.target_months,
        source: md.source,
        open: formatNumber(md.open),
      });
}

/**
 * A grid too wide for `width` split into blocks of columns that fit, each with the first (or, with
 * two leading text columns, the first two) repeated, so no number is ever cut.
 */
export function gridChunks(g: Grid, width: number): Grid[] {
  const colWidth = (i: number) => Math.max(g.columns[i].head.length, ...g.rows.map((r) => (r[i] ?? '').length));
  const lead = g.columns.findIndex((c) => c.right);
  const keep = lead < 0 ? g.columns.length : Math.max(1, lead);
  const fixed = Array.from({ length: keep }, (_, i) => colWidth(i) + 2).reduce((a, b) => a + b, 0);
  const chunks: number[][] = [];
  let cur: number[] = [];
  let used = fixed;
  for (let i = keep; i < g.columns.length; i++) {
    const w = colWidth(i) + 2;
    if (cur.length && used + w > width) {
      chunks.push(cur);
      cur = [];
      used = fixed;
    }
    cur.push(i);
    used += w;
  }
  if (cur.length || !chunks.length) chunks.push(cur);
  const head = Array.from({ length: keep }, (_, i) => i);
  return chunks.map((cols) => {
    const idx = [...head, ...cols];
    return { ...g, columns: idx.map((i) => g.columns[i]), rows: g.rows.map((r) => idx.map((i) => r[i])) };
  });
}

/**
 * What both layouts open with, wrapped to `width`: title (with the --gemeente limit), profile and
 * peildatum ("vandaag" without --as-of), files by base name, rows, the headline and the warnings.
 */
function headerLines(report: Report, width: number, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  const para = (text: string, paint: (s: string) => string = (s) => s) => {
    for (const l of wrapWords(text, width)) out.push(paint(l));
  };
  para(reportTitle(report), (s) => chalk.bold(s));
  para(
    `${t('report.profile')}: ${report.profile.id} ${report.profile.version}` +
      (report.profile.chain.length > 1 ? ` (extends ${report.profile.chain.slice(1).join(' → ')})` : '') +
      ` · ${t('report.peildatum')}: ${peildatumText(report, isoToDisplay(report.peildatum))}`,
  );
  para(`${t('report.files')}: ${report.input.files.map(baseName).join(', ')}`);
  para(
    t('report.rows', {
      read: formatNumber(report.input.rows_read),
      checked: formatNumber(report.input.rows_checked),
      rejected: formatNumber(report.input.rows_rejected),
    }),
  );
  if (report.input.gemeenten) {
    para(`${t('rep.gemeenten')}: ${report.input.gemeenten.join(', ')}` + outsideText(report));
  }
  para(`${t('period.label')}: ${periodText(report)}`);
  if (report.input.rows_outside_period > 0) para(t('period.outside', { count: formatNumber(report.input.rows_outside_period) }));
  out.push('');
  para(headline(report), (s) => chalk.bold(s));
  const notices = noticeLines(report);
  if (notices.length) {
    para(`${t('rep.warnings')}:`, (s) => chalk.bold(s));
    for (const n of notices) for (const [i, l] of wrapWords(n, width - 2).entries()) out.push((i === 0 ? '- ' : '  ') + l);
  }
  return out;
}

