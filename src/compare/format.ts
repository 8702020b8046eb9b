/**
 * The comparison as a terminal table, Markdown or JSON. Changes in compliance are percentage
 * points ("+3,2 pp"); counts as "old → new".
 */
import Table from 'cli-table3';
import { Chalk, ChalkInstance } from 'chalk';
import { formatNumber, formatPercent, getLang, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { parseIsoDay } from '../calendar/days.js';
import { displayDate } from '../report/messages.js';
import { mdEscape, mdTable } from '../report/md.js';
import { fittingLayout, compactTable, wrapFull } from '../report/table.js';
import type { Change, CompareProvenance, CompareWarning, Comparison, CountsLite } from './compare.js';
import type { Provenance } from '../report/model.js';
import { baseName } from '../report/overview.js';
import { hashGroups, provenanceLine, provenanceRows, shortHash } from '../report/provenance.js';

export function warningText(w: CompareWarning): string {
  switch (w.code) {
    case 'profile':
      return t('compare.warn.profile', { old: w.old, new: w.new });
    case 'order':
      return t('compare.warn.order', { old: isoToDisplay(w.old), new: isoToDisplay(w.new) });
    case 'noOverlap':
      return t('compare.warn.noOverlap');
    case 'provenance':
      return t('compare.warn.provenance', { what: t(`compare.prov.${w.what}`), old: w.old, new: w.new });
    case 'noProvenance':
      return t('compare.warn.noProvenance', { file: baseName(w.file) });
  }
}

/** Each run's provenance line (as the check table prints it), then compare's own. */
function provenanceLines(c: Comparison): string[] {
  const run = (label: string, r: Comparison['old']) => `${label}: ${r.provenance ? provenanceLine(r.provenance as Provenance) : t('compare.prov.none')}`;
  const lines = [run(t('compare.prov.old'), c.old), run(t('compare.prov.new'), c.new)];
  if (c.provenance) lines.push(ownProvenanceLine(c.provenance));
  return lines;
}

/** "Herkomst van deze vergelijking: giacheck 0.1.0 · oud.json 1a2b… · nieuw.json 3c4d… · --lang nl" */
function ownProvenanceLine(p: CompareProvenance): string {
  const parts = [`giacheck ${p.giacheck.version}`, ...p.inputs.map((i) => `${i.file} ${shortHash(i.sha256)}`), `${p.options.pseudonymized ? '--pseudonymize ' : ''}--lang ${p.options.lang}`];
  return t('compare.prov.own', { parts: parts.join(' · ') });
}

/** The Markdown "Herkomst": both runs' rows (hashes in groups of four) and compare's own inputs. */
function provenanceMarkdown(c: Comparison): string[] {
  const out: string[] = [];
  for (const [label, r] of [[t('compare.prov.old'), c.old], [t('compare.prov.new'), c.new]] as const) {
    out.push('', `### ${mdEscape(`${label}: ${baseName(r.file)}`)}`, '');
    if (!r.provenance) out.push(mdEscape(t('compare.prov.none')));
    else out.push(mdTable([t('prov.col.what'), t('prov.col.value')], provenanceRows(r.provenance as Provenance).map((row) => [row.what, row.value])));
  }
  if (c.provenance) {
    out.push('', `### ${mdEscape(t('compare.prov.ownTitle'))}`, '');
    out.push(
      mdTable(
        [t('prov.col.what'), t('prov.col.value')],
        [
          [t('prov.giacheck'), c.provenance.giacheck.version],
          ...c.provenance.inputs.map((i) => [t('prov.input', { file: i.file, bytes: formatNumber(i.bytes), format: i.format }), hashGroups(i.sha256)]),
          [t('prov.options'), `${c.provenance.options.pseudonymized ? '--pseudonymize ' : ''}--lang ${c.provenance.options.lang}`],
        ],
      ),
    );
  }
  return out;
}

function isoToDisplay(iso: string | null): string {
  if (!iso) return '';
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

/** 0.032 → "+3,2 pp"; null → "–" */
export function formatDelta(delta: number | null): string {
  if (delta === null) return '–';
  const v = Math.round(delta * 1000) / 10;
  const s = (v > 0 ? '+' : '') + v.toFixed(1);
  return t('compare.pp', { value: getLang() === 'nl' ? s.replace('.', ',') : s });
}

const arrow = (o: number | undefined, n: number | undefined): string =>
  `${o === undefined ? '–' : formatNumber(o)} → ${n === undefined ? '–' : formatNumber(n)}`;

const pick = (c: CountsLite | null, k: keyof CountsLite): number | undefined => (c ? (c[k] as number | undefined) : undefined);

function colourDelta(chalk: ChalkInstance, delta: number | null): string {
  const text = formatDelta(delta);
  if (delta === null || Math.abs(delta) < 0.0005) return text;
  return delta > 0 ? chalk.green(text) : chalk.red(text);
}

interface Sections {
  head: string[];
  ruleHead: string[];
  ruleRows: (chalk: ChalkInstance) => string[][];
  groupHead: (first: string, withDeelregio: boolean) => string[];
  groupRows: (groups: Change[], withDeelregio: boolean, chalk: ChalkInstance) => string[][];
  overdueHead: string[];
  overdueRows: (limit: number) => string[][];
  resolvedHead: string[];
  resolvedRows: (limit: number) => string[][];
}

function sections(c: Comparison): Sections {
  const oldDate = isoToDisplay(c.old.peildatum);
  const newDate = isoToDisplay(c.new.peildatum);
  const status = (s: string | null) => (s === null ? t('compare.notFinding') : t(`status.${s}`));
  return {
    head: [
      t('compare.title', { old: oldDate, new: newDate }),
      t('compare.run', { which: t('compare.old'), file: c.old.file, profile: `${c.old.profile.id} ${c.old.profile.version}`, date: oldDate, checked: formatNumber(c.old.rows_checked), findings: formatNumber(c.old.findings) }),
      t('compare.run', { which: t('compare.new'), file: c.new.file, profile: `${c.new.profile.id} ${c.new.profile.version}`, date: newDate, checked: formatNumber(c.new.rows_checked), findings: formatNumber(c.new.findings) }),
      t('compare.totals', { old: formatPercent(c.totals.old?.compliance ?? null), new: formatPercent(c.totals.new?.compliance ?? null), delta: formatDelta(c.totals.delta) }),
    ],
    ruleHead: [
      t('col.rule'),
      t('col.title'),
      t('col.applicable'),
      t('status.overdue'),
      t('status.pending'),
      t('compare.col.compliance', { date: oldDate }),
      t('compare.col.compliance', { date: newDate }),
      t('compare.col.delta'),
    ],
    ruleRows: (chalk) =>
      c.rules.map((r) => [
        r.key,
        r.title ?? '',
        arrow(pick(r.old, 'applicable'), pick(r.new, 'applicable')),
        arrow(pick(r.old, 'overdue'), pick(r.new, 'overdue')),
        arrow(pick(r.old, 'pending'), pick(r.new, 'pending')),
        formatPercent(r.old?.compliance ?? null),
        formatPercent(r.new?.compliance ?? null),
        colourDelta(chalk, r.delta),
      ]),
    groupHead: (first, withDeelregio) => [
      first,
      ...(withDeelregio ? [t('col.deelregio')] : []),
      t('col.cases'),
      t('status.overdue'),
      t('compare.col.compliance', { date: oldDate }),
      t('compare.col.compliance', { date: newDate }),
      t('compare.col.delta'),
    ],
    groupRows: (groups, withDeelregio, chalk) =>
      groups.map((g) => [
        g.key,
        ...(withDeelregio ? [g.deelregio ?? '–'] : []),
        arrow(pick(g.old, 'cases'), pick(g.new, 'cases')),
        arrow(pick(g.old, 'overdue'), pick(g.new, 'overdue')),
        formatPercent(g.old?.compliance ?? null),
        formatPercent(g.new?.compliance ?? null),
        colourDelta(chalk, g.delta),
      ]),
    overdueHead: [t('col.dossier'), t('col.rule'), t('compare.col.oldStatus'), t('col.due'), t('col.daysLate')],
    overdueRows: (limit) =>
      (limit > 0 ? c.newly_overdue.slice(0, limit) : c.newly_overdue).map((f) => [
        f.dossier_id,
        f.rule_id,
        status(f.old_status),
        isoToDisplay(f.due_date),
        f.days_late === null ? '' : formatNumber(f.days_late),
      ]),
    resolvedHead: [t('col.dossier'), t('col.rule'), t('compare.col.oldStatus'), t('col.due'), t('compare.col.newStatus')],
    resolvedRows: (limit) =>
      (limit > 0 ? c.resolved.slice(0, limit) : c.resolved).map((f) => [f.dossier_id, f.rule_id, status(f.old_status), isoToDisplay(f.old_due_date), status(f.new_status)]),
  };
}

export interface CompareTableOptions {
  color: boolean;
  maxItems: number;
  /** terminal width (100 when not known); below COMPACT_BELOW, or when the bordered tables do not fit, the compact layout */
  width?: number;
}

export function formatCompareTable(c: Comparison, opts: CompareTableOptions): string {
  return fittingLayout(opts.width, () => formatCompareBordered(c, opts), (width) => formatCompareCompact(c, opts, width));
}

function formatCompareBordered(c: Comparison, opts: { color: boolean; maxItems: number }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const s = sections(c);
  const out: string[] = [chalk.bold(s.head[0]), ...s.head.slice(1)];
  const table = (head: string[], rows: string[][], colWidths?: (number | null)[]) => {
    const tbl = new Table({
      head: head.map((h) => chalk.bold(h)),
      style: { head: [], border: [], compact: true },
      wordWrap: true,
      ...(colWidths ? { colWidths: colWidths as number[] } : {}),
    });
    for (const r of rows) tbl.push(r);
    return tbl.toString();
  };
  const heading = (text: string) => out.push('', chalk.bold.underline(text));
  heading(t('compare.perRule'));
  // the title wraps, so the numbers stay on one screen
  out.push(table(s.ruleHead, s.ruleRows(chalk), [null, 42, null, null, null, null, null, null]));
  const withDeelregio = c.deelregios.length > 0;
  if (c.gemeenten.length) {
    heading(t('report.perGemeente'));
    out.push(table(s.groupHead(t('col.gemeente'), withDeelregio), s.groupRows(c.gemeenten, withDeelregio, chalk)));
  }
  if (withDeelregio) {
    heading(t('report.perDeelregio'));
    out.push(table(s.groupHead(t('col.deelregio'), false), s.groupRows(c.deelregios, false, chalk)));
  }
  const list = (title: string, none: string, head: string[], rows: string[][], total: number) => {
    heading(`${title} (${formatNumber(total)})`);
    if (!total) out.push(none);
    else {
      out.push(table(head, rows));
      if (rows.length < total) out.push(chalk.dim(t('compare.shown', { shown: formatNumber(rows.length), total: formatNumber(total) })));
    }
  };
  list(t('compare.newlyOverdue'), t('compare.noneNewlyOverdue'), s.overdueHead, s.overdueRows(opts.maxItems), c.newly_overdue.length);
  list(t('compare.resolved'), t('compare.noneResolved'), s.resolvedHead, s.resolvedRows(opts.maxItems), c.resolved.length);
  heading(t('prov.title'));
  out.push(...provenanceLines(c).map((l) => chalk.dim(l)));
  return out.join('\n') + '\n';
}

/**
 * The comparison for a terminal narrower than COMPACT_BELOW (issue 13.8): no borders, every line
 * at most `width` characters; compliance old and new in one column ("89,6% → 89,5%"), titles and
 * deelregio names wrap onto the next lines instead of being cut.
 */
/** Below this width the compact rule table leaves out the pending counts (and says so). */
const NARROW = 100;

function formatCompareCompact(c: Comparison, opts: { color: boolean; maxItems: number }, width: number): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const s = sections(c);
  const out: string[] = [...wrapFull(s.head[0], width).map((l) => chalk.bold(l)), ...s.head.slice(1).flatMap((l) => wrapFull(l, width))];
  const bold = (x: string) => chalk.bold(x);
  const heading = (text: string) => out.push('', ...wrapFull(text, width).map((l) => chalk.bold.underline(l)));
  const pctArrow = (o: CountsLite | null, n: CountsLite | null) => `${formatPercent(o?.compliance ?? null)} → ${formatPercent(n?.compliance ?? null)}`;
  const deltas = (list: Change[]) => (padded: string, row: number) => {
    const d = list[row]?.delta ?? null;
    if (d === null || Math.abs(d) < 0.0005) return padded;
    return d > 0 ? chalk.green(padded) : chalk.red(padded);
  };
  heading(t('compare.perRule'));
  // below NARROW the pending counts give way, so a title keeps room to wrap between words
  const withPending = width >= NARROW;
  out.push(
    compactTable(
      [
        { head: t('col.rule') },
        { head: t('col.title'), flex: true, wrap: true },
        { head: t('col.applicable'), right: true },
        { head: t('status.overdue'), right: true },
        ...(withPending ? [{ head: t('status.pending'), right: true }] : []),
        { head: t('col.compliance'), right: true },
        { head: t('compare.col.delta'), right: true, paint: deltas(c.rules) },
      ],
      c.rules.map((r) => [
        r.key,
        r.title ?? '',
        arrow(pick(r.old, 'applicable'), pick(r.new, 'applicable')),
        arrow(pick(r.old, 'overdue'), pick(r.new, 'overdue')),
        ...(withPending ? [arrow(pick(r.old, 'pending'), pick(r.new, 'pending'))] : []),
        pctArrow(r.old, r.new),
        formatDelta(r.delta),
      ]),
      width,
      bold,
    ),
  );
  if (!withPending) out.push(...wrapFull(t('compare.pendingLeftOut', { width: NARROW }), width).map((l) => chalk.dim(l)));
  const withDeelregio = c.deelregios.length > 0;
  // a gemeente with its deelregio in one wrapping column: "Valkenburg aan de Geul (Maastricht-Heuvelland)"
  const groupTable = (groups: Change[], first: string) =>
    compactTable(
      [
        { head: first, flex: true, wrap: true },
        { head: t('col.cases'), right: true },
        { head: t('status.overdue'), right: true },
        { head: t('col.compliance'), right: true },
        { head: t('compare.col.delta'), right: true, paint: deltas(groups) },
      ],
      groups.map((g) => [
        g.deelregio ? `${g.key} (${g.deelregio})` : g.key,
        arrow(pick(g.old, 'cases'), pick(g.new, 'cases')),
        arrow(pick(g.old, 'overdue'), pick(g.new, 'overdue')),
        pctArrow(g.old, g.new),
        formatDelta(g.delta),
      ]),
      width,
      bold,
    );
  if (c.gemeenten.length) {
    heading(t('report.perGemeente'));
    out.push(groupTable(c.gemeenten, withDeelregio ? t('compare.col.gemeenteDeelregio') : t('col.gemeente')));
  }
  if (withDeelregio) {
    heading(t('report.perDeelregio'));
    out.push(groupTable(c.deelregios, t('col.deelregio')));
  }
  const list = (title: string, none: string, head: string[], rows: string[][], total: number) => {
    heading(`${title} (${formatNumber(total)})`);
    if (!total) out.push(...wrapFull(none, width));
    else {
      out.push(compactTable(head.map((h) => ({ head: h, wrap: true })), rows, width, bold));
      if (rows.length < total) out.push(...wrapFull(t('compare.shown', { shown: formatNumber(rows.length), total: formatNumber(total) }), width).map((l) => chalk.dim(l)));
    }
  };
  list(t('compare.newlyOverdue'), t('compare.noneNewlyOverdue'), s.overdueHead, s.overdueRows(opts.maxItems), c.newly_overdue.length);
  list(t('compare.resolved'), t('compare.noneResolved'), s.resolvedHead, s.resolvedRows(opts.maxItems), c.resolved.length);
  heading(t('prov.title'));
  out.push(...provenanceLines(c).flatMap((l) => wrapFull(l, width)).map((l) => chalk.dim(l)));
  return out.join('\n') + '\n';
}

export function formatCompareMarkdown(c: Comparison, opts: { maxItems: number }): string {
  const plain = new Chalk({ level: 0 });
  const s = sections(c);
  const out: string[] = [`# ${mdEscape(s.head[0])}`, '', ...s.head.slice(1).map((l) => `- ${mdEscape(l)}`)];
  for (const w of c.warnings) out.push(`- **${mdEscape(t('compare.warningLabel'))}:** ${mdEscape(warningText(w))}`);
  const heading = (text: string) => out.push('', `## ${mdEscape(text)}`, '');
  heading(t('compare.perRule'));
  out.push(mdTable(s.ruleHead, s.ruleRows(plain)));
  const withDeelregio = c.deelregios.length > 0;
  if (c.gemeenten.length) {
    heading(t('report.perGemeente'));
    out.push(mdTable(s.groupHead(t('col.gemeente'), withDeelregio), s.groupRows(c.gemeenten, withDeelregio, plain)));
  }
  if (withDeelregio) {
    heading(t('report.perDeelregio'));
    out.push(mdTable(s.groupHead(t('col.deelregio'), false), s.groupRows(c.deelregios, false, plain)));
  }
  const list = (title: string, none: string, head: string[], rows: string[][], total: number) => {
    heading(`${title} (${formatNumber(total)})`);
    if (!total) out.push(mdEscape(none));
    else {
      out.push(mdTable(head, rows));
      if (rows.length < total) out.push('', `_${mdEscape(t('compare.shown', { shown: formatNumber(rows.length), total: formatNumber(total) }))}_`);
    }
  };
  list(t('compare.newlyOverdue'), t('compare.noneNewlyOverdue'), s.overdueHead, s.overdueRows(opts.maxItems), c.newly_overdue.length);
  list(t('compare.resolved'), t('compare.noneResolved'), s.resolvedHead, s.resolvedRows(opts.maxItems), c.resolved.length);
  heading(t('prov.title'));
  out.push(mdEscape(t('compare.prov.intro')));
  out.push(...provenanceMarkdown(c));
  return out.join('\n') + '\n';
}

export function compareJson(c: Comparison, tool: { name: string; version: string }) {
  const group = (name: string) => (g: Change) => ({
    [name]: g.key,
    ...(g.deelregio ? { deelregio: g.deelregio } : {}),
    ...(g.title !== undefined ? { title: g.title } : {}),
    old: g.old,
    new: g.new,
    compliance_delta: g.delta === null ? null : Math.round(g.delta * 10000) / 10000,
  });
  return {
    tool,
    old: c.old,
    new: c.new,
    warnings: c.warnings.map((w) => ({ ...w, message: warningText(w) })),
    totals: { old: c.totals.old, new: c.totals.new, compliance_delta: c.totals.delta === null ? null : Math.round(c.totals.delta * 10000) / 10000 },
    rules: c.rules.map(group('rule_id')),
    gemeenten: c.gemeenten.map(group('gemeente')),
    deelregios: c.deelregios.map(group('deelregio')),
    newly_overdue: c.newly_overdue,
    resolved: c.resolved,
    provenance: c.provenance ?? null,
  };
}

export function formatCompareJson(c: Comparison, tool: { name: string; version: string }): string {
  return JSON.stringify(compareJson(c, tool), null, 2) + '\n';
}
