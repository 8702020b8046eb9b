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

export interface TableOptions {
  color: boolean;
  /** how many findings to print (0 = all) */
  maxFindings: number;
  /** terminal width for wrapping long texts */
  width?: number;
}

function makeTable(head: string[], chalk: ChalkInstance, colWidths?: (number | null)[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    ...(colWidths ? { colWidths: colWidths as number[] } : {}),
  });
}

function pct(share: number | null, chalk: ChalkInstance, norm?: number | null): string {
  const text = formatPercent(share);
  if (share === null) return chalk.dim(text);
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
    if (c.compliance !== null && (!worst || c.compliance < worst[1])) worst = [id, c.compliance];
  }
  return worst ? `${worst[0]} ${formatPercent(worst[1], 0)}` : '–';
}

function countCells(c: Counts): string[] {
  return [c.applicable, c.on_time, c.late, c.overdue, c.pending, c.missing, c.early, c.violated].map((n) => formatNumber(n));
}

const STATUS_HEADS = ['on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'];

export function formatTable(report: Report, opts: TableOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(80, Math.min(opts.width ?? 170, 220));
  const out: string[] = [];
  const heading = (s: string) => out.push('', chalk.bold.underline(s));
  const statusHeads = STATUS_HEADS.map((s) => t(`status.${s}`));

  out.push(chalk.bold(t('report.title', { profile: localized(report.profile.name) })));
  out.push(
    `${t('report.profile')}: ${report.profile.id} ${report.profile.version}` +
      (report.profile.chain.length > 1 ? ` (extends ${report.profile.chain.slice(1).join(' → ')})` : '') +
      ` · ${t('report.peildatum')}: ${isoToDisplay(report.peildatum)}`,
  );
  out.push(`${t('report.files')}: ${report.input.files.join(', ')}`);
  out.push(
    t('report.rows', {
      read: formatNumber(report.input.rows_read),
      checked: formatNumber(report.input.rows_checked),
      rejected: formatNumber(report.input.rows_rejected),
    }),
  );

  heading(t('report.perRule'));
  const titleWidth = Math.max(30, Math.min(60, width - 110));
  const rules = makeTable(
    [t('col.rule'), t('col.title'), t('col.severity'), t('col.applicable'), ...statusHeads, t('col.compliance'), t('col.source')],
    chalk,
    [null, titleWidth, null, null, null, null, null, null, null, null, null, null, null],
  );
  for (const r of report.summary.rules) {
    const compliance = pct(r.compliance, chalk, r.norm) + (r.norm !== null ? chalk.dim(` / ${t('col.norm').toLowerCase()} ${formatPercent(r.norm, 0)}`) : '');
    rules.push([r.rule_id, localized(r.title), t(`severity.${r.severity}`), ...countCells(r), compliance, r.source]);
  }
  out.push(rules.toString());
  out.push(chalk.dim(t('report.legend')));

  const groupTable = (title: string, firstCol: string, groups: Record<string, GroupSummary>, withDeelregio: boolean) => {
    const entries = Object.entries(groups);
    if (!entries.length) return;
    heading(title);
    const tbl = makeTable(
      [firstCol, ...(withDeelregio ? [t('col.deelregio')] : []), t('col.cases'), t('col.applicable'), ...statusHeads, t('col.compliance'), t('col.worst')],
      chalk,
    );
    for (const [name, g] of entries) {
      tbl.push([name, ...(withDeelregio ? [g.deelregio ?? '–'] : []), formatNumber(g.cases), ...countCells(g), pct(g.compliance, chalk), worstRule(g)]);
    }
    out.push(tbl.toString());
  };
  const hasDeelregios = Object.keys(report.summary.by_deelregio).length > 0;
  groupTable(t('report.perGemeente'), t('col.gemeente'), report.summary.by_gemeente, hasDeelregios);
  if (hasDeelregios) groupTable(t('report.perDeelregio'), t('col.deelregio'), report.summary.by_deelregio, false);
  groupTable(t('report.perMonth'), t('col.month'), report.summary.by_month, false);

  heading(t('report.routes'));
  const routes = makeTable([t('col.route'), t('col.count'), t('col.share')], chalk);
  const totalCases = report.summary.totals.cases;
  for (const [route, n] of Object.entries(report.summary.routes)) {
    routes.push([routeLabel(route === 'onbekend' ? undefined : route), formatNumber(n), formatPercent(totalCases ? n / totalCases : null)]);
  }
  out.push(routes.toString());

  const md = report.summary.monitoring_duration;
  if (md) {
    heading(t('report.monitoring'));
    out.push(
      md.mean_months === null
        ? t('report.monitoringNone', { open: md.open, target: md.target_months, source: md.source })
        : t('report.monitoringLine', {
            mean: formatNumber(md.mean_months),
            closed: formatNumber(md.closed),
            target: md.target_months,
            source: md.source,
            open: formatNumber(md.open),
          }),
    );
  }

  heading(t('report.findings'));
  if (report.findings.length === 0) out.push(t('report.noFindings'));
  else {
    const shown = opts.maxFindings > 0 ? report.findings.slice(0, opts.maxFindings) : report.findings;
    const msgWidth = Math.max(30, width - 75);
    const tbl = makeTable(
      [t('col.dossier'), t('col.rule'), t('col.status'), t('col.severity'), t('col.due'), t('col.actual'), t('col.message')],
      chalk,
      [null, null, null, null, null, null, msgWidth],
    );
    const colour = (status: string, text: string) =>
      status === 'overdue' || status === 'violated' ? chalk.red(text) : status === 'pending' ? chalk.cyan(text) : chalk.yellow(text);
    for (const f of shown) {
      tbl.push([
        f.dossier_id,
        f.rule_id,
        colour(f.status, t(`status.${f.status}`)),
        t(`severity.${f.severity}`),
        isoToDisplay(f.due_date),
        isoToDisplay(f.actual_date),
        f.message,
      ]);
    }
    out.push(tbl.toString());
    if (shown.length < report.findings.length) {
      out.push(chalk.dim(t('report.findingsShown', { shown: formatNumber(shown.length), total: formatNumber(report.findings.length) })));
    }
  }

  if (report.rejected.length) {
    heading(t('report.rejected'));
    const limit = 50;
    const tbl = makeTable([t('col.file'), t('col.row'), t('col.column'), t('col.reason')], chalk);
    for (const r of report.rejected.slice(0, limit)) tbl.push([r.file, String(r.row), r.column, r.reason]);
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
  return out.join('\n') + '\n';
}
