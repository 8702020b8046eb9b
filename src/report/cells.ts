/**
 * Small counts (issue 16.4): one policy every format asks before it prints an aggregate. In a
 * gemeente with 12 dossiers a month a table per gemeente × month is a list of families, so with
 * `--min-cell N` a count from 1 to N−1 is shown as "<N" (CBS suppresses small cells in its Veilig
 * Thuis tables the same way), and a percentage is hidden ("*") when it would give such a count
 * away: its denominator is below N, or its numerator or the rest (denominator − numerator) is a
 * hidden count. Zero is shown: an empty cell names nobody. A new section of a report asks the
 * same policy (`report.cells`), so it needs no rule of its own.
 */
import { formatNumber, formatPercent, t } from '../i18n/index.js';
import '../i18n/catalog/provenance.js';
import type { Counts, MonitoringDurationSummary, Summary } from './aggregate.js';
import type { Report } from './model.js';
import type { LeadTime, LeadTimeSummary, Spread } from './leadtime.js';
import { WERKVOORRAAD_BUCKETS, type WerkvoorraadCounts } from './werkvoorraad.js';
import { ZICHT_HOLDERS, type ZichtCounts, type ZichtSummary } from './zicht.js';

/** How a hidden percentage is shown, in every format (json too). */
export const HIDDEN_SHARE = '*';

export interface CellPolicy {
  /** N of --min-cell; null: every count is shown */
  readonly minCell: number | null;
  /** is this count shown as "<N"? */
  hides(n: number): boolean;
  /** a count as a text format prints it: "12" or "<5" */
  count(n: number): string;
  /** a count as a data format (json, xlsx) holds it: the number, or the text "<5" */
  value(n: number): number | string;
  /** is the share num / den hidden (it would give a hidden count away)? */
  hidesShare(num: number, den: number): boolean;
  /** a share for a data format: the share, null (nothing to judge) or HIDDEN_SHARE */
  share(num: number, den: number): number | null | typeof HIDDEN_SHARE;
  /** compliance of a set of counts (on_time / judged) for a data format, as share() */
  compliance(c: Counts): number | null | typeof HIDDEN_SHARE;
  /** a percentage as a text format prints it: "83,3%", "–" or "*" */
  percent(share: number | null | typeof HIDDEN_SHARE, digits?: number): string;
  /**
   * a statistic over `of` cases (a lead time's median, P90 or maximum, the oldest overdue item)
   * for a data format: hidden ("*") when `of` is a hidden count, since a median of three names
   * three families' terms
   */
  stat(v: number | null, of: number): number | null | typeof HIDDEN_SHARE;
  /** the same for a text format: "12", "–" or "*" */
  statText(v: number | null, of: number): string;
}

/** The judged cases of a set of counts: the denominator of its compliance. */
export function judgedOf(c: Counts): number {
  return c.on_time + c.late + c.overdue + c.missing + c.violated + c.early;
}

export function cellPolicy(minCell: number | null = null): CellPolicy {
  const hides = (n: number) => minCell !== null && n > 0 && n < minCell;
  const hidesShare = (num: number, den: number) => minCell !== null && den > 0 && (den < minCell || hides(num) || hides(den - num));
  const share = (num: number, den: number) => (den === 0 ? null : hidesShare(num, den) ? HIDDEN_SHARE : num / den);
  return {
    minCell,
    hides,
    count: (n) => (hides(n) ? `<${minCell}` : formatNumber(n)),
    value: (n) => (hides(n) ? `<${minCell}` : n),
    hidesShare,
    share,
    compliance: (c) => (c.compliance === null ? null : share(c.on_time, judgedOf(c)) === HIDDEN_SHARE ? HIDDEN_SHARE : c.compliance),
    percent: (s, digits) => (s === HIDDEN_SHARE ? HIDDEN_SHARE : formatPercent(s, digits)),
    stat: (v, of) => (v !== null && hides(of) ? HIDDEN_SHARE : v),
    statText: (v, of) => (v === null ? '–' : hides(of) ? HIDDEN_SHARE : formatNumber(v)),
  };
}

/** Every count shown as it is (no --min-cell). */
export const ALL_CELLS: CellPolicy = cellPolicy(null);

/** The policy of a report: its --min-cell (report.options.min_cell), the one source every format asks. */
export function reportCells(report: { options: Pick<Report['options'], 'min_cell'> }): CellPolicy {
  const n = report.options.min_cell ?? null;
  return n === null ? ALL_CELLS : cellPolicy(n);
}

const COUNT_KEYS = ['applicable', 'on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated', 'not_applicable', 'implausible', 'cases', 'not_applicable_anchor_missing'] as const;

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** A set of counts as a data format shows it: each count a number or "<N", compliance a share, null or "*". */
export function shownCounts<T extends Counts>(c: T, cells: CellPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(c as object) };
  for (const k of COUNT_KEYS) {
    const v = (c as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') out[k] = cells.value(v);
  }
  out.compliance = cells.compliance(c);
  if ('meets_norm' in c && out.compliance === HIDDEN_SHARE) out.meets_norm = HIDDEN_SHARE;
  const rules = (c as { rules?: unknown }).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) out.rules = mapValues(rules as Record<string, Counts>, (r) => shownCounts(r, cells));
  return out;
}

/** The mean monitoring duration is hidden with its closed count: a mean of few is a few durations. */
export function meanMonitoringHidden(md: MonitoringDurationSummary, cells: CellPolicy): boolean {
  return cells.hides(md.closed);
}

/** A lead-time spread for a data format: its count, and its median, P90 and maximum hidden with it. */
export function shownSpread(s: Spread, cells: CellPolicy): Record<string, unknown> {
  return { count: cells.value(s.count), median: cells.stat(s.median, s.count), p90: cells.stat(s.p90, s.count), max: cells.stat(s.max, s.count) };
}

const shownLeadTime = (l: LeadTime, cells: CellPolicy) => ({ done: shownSpread(l.done, cells), open: shownSpread(l.open, cells) });

/** summary.lead_times through the policy: every count, every statistic over a hidden count, every histogram column. */
export function shownLeadTimes(lt: LeadTimeSummary, cells: CellPolicy): object {
  const pairs = (h: [number, number][]) => h.map(([v, n]) => [v, cells.value(n)]);
  const groups = (g: Record<string, Record<string, LeadTime>>) => mapValues(g, (byRule) => mapValues(byRule, (l) => shownLeadTime(l, cells)));
  return {
    ...lt,
    rules: lt.rules.map((r) => ({ ...r, ...shownLeadTime(r, cells), histogram: { done: pairs(r.histogram.done), open: pairs(r.histogram.open) } })),
    by_gemeente: groups(lt.by_gemeente),
    by_deelregio: groups(lt.by_deelregio),
    by_period: groups(lt.by_period),
  };
}

/** The overdue items of a werkvoorraad row: what its oldest overdue item is one of. */
export const overdueOf = (c: WerkvoorraadCounts): number => c.overdue_1_5 + c.overdue_6_20 + c.overdue_over_20;

/** A werkvoorraad row for a data format: its counts, and the oldest overdue hidden with a hidden number of overdue items. */
export function shownStock<T extends WerkvoorraadCounts>(c: T, cells: CellPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(c as object) };
  for (const k of [...WERKVOORRAAD_BUCKETS, 'open'] as const) out[k] = cells.value(c[k]);
  out.oldest_overdue_werkdagen = cells.stat(c.oldest_overdue_werkdagen, overdueOf(c));
  return out;
}

/** A zicht-op-veiligheid count row for a data format. */
export function shownZichtCounts<T extends ZichtCounts>(c: T, cells: CellPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(c as object) };
  for (const k of ['cases', ...ZICHT_HOLDERS] as const) out[k] = cells.value(c[k]);
  return out;
}

/**
 * The zicht-op-veiligheid section for a data format: its counts through the policy; with
 * --aggregate-only no unclear dossiers (a list of dossier ids), only how many there are.
 */
export function shownZicht(z: ZichtSummary, cells: CellPolicy, aggregateOnly: boolean): object {
  return {
    ...z,
    totals: shownZichtCounts(z.totals, cells),
    by_gemeente: mapValues(z.by_gemeente, (c) => shownZichtCounts(c, cells)),
    by_deelregio: mapValues(z.by_deelregio, (c) => shownZichtCounts(c, cells)),
    ...(aggregateOnly ? { unclear: [], unclear_count: cells.value(z.unclear.length) } : {}),
  };
}

/** The summary as the json and jsonl formats write it: every aggregate through the policy. */
export function shownSummary(s: Summary, cells: CellPolicy, aggregateOnly = false): object {
  const zicht = s.zicht_op_veiligheid;
  if (cells.minCell === null) return aggregateOnly && zicht ? { ...s, zicht_op_veiligheid: shownZicht(zicht, cells, true) } : s;
  const md = s.monitoring_duration;
  return {
    ...s,
    rules: s.rules.map((r) => shownCounts(r, cells)),
    totals: shownCounts(s.totals, cells),
    by_gemeente: mapValues(s.by_gemeente, (g) => shownCounts(g, cells)),
    by_deelregio: mapValues(s.by_deelregio, (g) => shownCounts(g, cells)),
    by_period: mapValues(s.by_period, (g) => shownCounts(g, cells)),
    routes: mapValues(s.routes, (n) => cells.value(n)),
    ...(md
      ? { monitoring_duration: { ...md, closed: cells.value(md.closed), open: cells.value(md.open), mean_months: meanMonitoringHidden(md, cells) ? HIDDEN_SHARE : md.mean_months } }
      : {}),
    lead_times: shownLeadTimes(s.lead_times, cells),
    werkvoorraad: { ...s.werkvoorraad, rules: s.werkvoorraad.rules.map((r) => shownStock(r, cells)), rows: s.werkvoorraad.rows.map((r) => shownStock(r, cells)) },
    ...(zicht ? { zicht_op_veiligheid: shownZicht(zicht, cells, aggregateOnly) } : {}),
  };
}

/** The monitoring-duration sentence when its counts are small: the counts as "<N", no mean. */
export function monitoringHiddenText(md: MonitoringDurationSummary, cells: CellPolicy): string {
  return t('rep.monitoringHidden', { closed: cells.count(md.closed), open: cells.count(md.open), target: md.target_months });
}
