/**
 * The trend over two or more check runs (e.g. every month of a year): per rule, per gemeente and
 * per deelregio the compliance at each run, and per deadline rule the median lead time when the
 * saved report carries it. Pure: saved reports in, one Trend out.
 *
 * The runs are put in the order of their peildatum (the order on the command line does not
 * matter; the report says when it changed it). Runs that differ in what they measure (another
 * profile, another mapping, another period or selection of gemeenten) are warned about, not refused:
 * a coordinator may well want to see the effect of a new profile version, but must know it.
 */
import { baseName } from '../report/overview.js';
import { provenanceMappingText, provenanceOptionsKey, type SavedReport } from './load.js';
import { HIDDEN_SHARE, type CellPolicy } from '../report/cells.js';

export interface TrendRun {
  file: string;
  peildatum: string;
  profile: { id: string; version: string };
  /** what the run's provenance says it was made with; undefined for a report without provenance */
  giacheck_version: string;
  profile_sha256: string | undefined;
  options: string | undefined;
  rows_checked: number;
  /** findings of the run; "<N" under --min-cell */
  findings: number | string;
  /** the mapping the run used, from its provenance: "file (first 12 hex digits of its SHA-256)"; null = none; undefined when the report does not say */
  mapping: string | null | undefined;
  /** the period the run was limited to, "from – to"; null = none; undefined when the report does not say */
  period: string | null | undefined;
  /** the gemeenten the run was limited to (null = all) */
  gemeenten: string | null;
}

export interface LeadTime {
  median: number;
  /** 'workdays' or 'days' */
  unit: string;
  /** the cases done the median is over, when the report says (check's reports do) */
  count?: number;
}

/** A count as the trend shows it: the number, or "<N" under --min-cell. */
export type TrendCount = number | string;

export interface TrendPoint {
  applicable: TrendCount;
  on_time: TrendCount;
  overdue: TrendCount;
  pending: TrendCount;
  /** "*" under --min-cell when it would give a small count away */
  compliance: number | null | typeof HIDDEN_SHARE;
  /** undefined: the run's report has no lead times at all; null: it has them, not for this rule; "*": over fewer than --min-cell cases */
  lead_time?: LeadTime | null | typeof HIDDEN_SHARE;
}

export interface TrendSeries {
  key: string;
  title?: string;
  deelregio?: string;
  norm?: number | null;
  /** one per run, in run order; null where the run has no such rule / gemeente */
  points: (TrendPoint | null)[];
  /** compliance of the last run − the first run that has one (a share); "*" when either is hidden (--min-cell) */
  delta: number | null | typeof HIDDEN_SHARE;
}

/** One value some of the runs share: null = none (no mapping, no period), undefined = the report does not say. */
export interface WarningGroup {
  value: string | null | undefined;
  /** run numbers, 1-based, in peildatum order */
  runs: number[];
}

export type TrendWarning =
  | { code: 'profiles' | 'mappings' | 'periods' | 'gemeenten' | 'versions' | 'profileHashes' | 'options'; groups: WarningGroup[] }
  | { code: 'samePeildatum'; peildatum: string; runs: number[] };

export interface Trend {
  /** --min-cell of the compare run (null: every count shown) */
  min_cell: number | null;
  runs: TrendRun[];
  /** the order of the files on the command line was not the order of their peildatum */
  reordered: boolean;
  warnings: TrendWarning[];
  /** runs whose report carries lead times (0: "niet beschikbaar") */
  lead_time_runs: number;
  totals: TrendSeries;
  rules: TrendSeries[];
  gemeenten: TrendSeries[];
  deelregios: TrendSeries[];
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);

interface CountsIn {
  applicable: number;
  on_time: number;
  overdue: number;
  pending: number;
  compliance: number | null;
}

const point = (c: CountsIn | undefined, lead?: LeadTime | null): TrendPoint | null =>
  c ? { applicable: c.applicable, on_time: c.on_time, overdue: c.overdue, pending: c.pending, compliance: c.compliance, ...(lead !== undefined ? { lead_time: lead } : {}) } : null;

/** The points that have a compliance, the first and the last of which the delta is between. */
const judgedPoints = (points: (TrendPoint | null)[]) => points.filter((p): p is TrendPoint & { compliance: number } => p !== null && typeof p.compliance === 'number');

function delta(points: (TrendPoint | null)[]): number | null {
  const judged = judgedPoints(points);
  if (judged.length < 2) return null;
  return judged[judged.length - 1].compliance - judged[0].compliance;
}

/** A number out of a loosely shaped object: the first of `keys` that holds one. */
function numberAt(o: Loose, keys: string[]): number | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * The per-rule lead-time entries of a saved report, by rule id; undefined when the report has
 * none (a report of a giacheck without lead times). Read loosely: `summary.lead_times` as a list of
 * per-rule entries or an object by rule id, the overall median under `median` or under
 * `done` (what check writes) or `all`/`overall`/`total`.
 */
export function leadTimesOf(report: SavedReport): Map<string, LeadTime | null> | undefined {
  const summary = report.summary as Loose;
  const raw = summary.lead_times;
  let entries: [string, unknown][];
  if (Array.isArray(raw)) entries = raw.filter(isObj).map((e) => [String(e.rule_id ?? ''), e]);
  else if (isObj(raw)) entries = Object.entries(isObj(raw.rules) ? raw.rules : Array.isArray(raw.rules) ? Object.fromEntries((raw.rules as Loose[]).filter(isObj).map((e) => [String(e.rule_id ?? ''), e])) : raw);
  else return undefined;
  const out = new Map<string, LeadTime | null>();
  for (const [id, e] of entries) {
    if (!id || !isObj(e)) continue;
    // check's own shape (src/report/leadtime.ts): the median of the cases done under `done`
    const overall = [e.done, e, e.all, e.overall, e.total].find((x): x is Loose => isObj(x) && numberAt(x, ['median', 'p50']) !== undefined);
    const median = overall ? numberAt(overall, ['median', 'p50']) : undefined;
    const unit = typeof e.unit === 'string' ? e.unit : overall && typeof overall.unit === 'string' ? overall.unit : 'days';
    const count = overall ? numberAt(overall, ['count', 'n']) : undefined;
    out.set(id, median === undefined ? null : { median, unit: unit === 'werkdagen' ? 'workdays' : unit === 'dagen' ? 'days' : unit, ...(count !== undefined ? { count } : {}) });
  }
  return out;
}

/** The period a run was limited to (--from/--to), "–" when none; undefined when the report does not say. */
function periodOf(report: SavedReport): string | null | undefined {
  const input = report.input as Loose;
  const range = (p: Loose): string | null => {
    const from = typeof p.from === 'string' ? p.from : null;
    const to = typeof p.to === 'string' ? p.to : null;
    return from === null && to === null ? null : `${from ?? '…'} – ${to ?? '…'}`;
  };
  for (const p of [input.period, (report as Loose).period]) {
    if (p === null) return null;
    if (isObj(p) && ('from' in p || 'to' in p)) return range(p);
  }
  if ('from' in input || 'to' in input) return range(input);
  return undefined;
}

/**
 * The mapping a run used, as its provenance states it (the one definition, report.provenance):
 * "file (first 12 hex digits of its SHA-256)"; null = none; undefined: the report has no provenance.
 */
function mappingOf(report: SavedReport): string | null | undefined {
  return report.provenance ? provenanceMappingText(report.provenance) : undefined;
}

/** The distinct values with the run numbers that have them; [] when all runs agree. */
function differing(runs: TrendRun[], value: (r: TrendRun) => string | null | undefined): WarningGroup[] {
  const groups = new Map<string | null | undefined, number[]>();
  runs.forEach((r, i) => {
    const v = value(r);
    groups.set(v, [...(groups.get(v) ?? []), i + 1]);
  });
  return groups.size < 2 ? [] : [...groups].map(([v, ns]) => ({ value: v, runs: ns }));
}

function seriesOfGroups(reports: SavedReport[], pick: (r: SavedReport) => Record<string, CountsIn & { deelregio?: string }> | undefined): TrendSeries[] {
  // the last run's order (gemeenten alphabetical, deelregio's as in the profile), then the rest
  const keys: string[] = [];
  const seen = new Set<string>();
  for (let i = reports.length - 1; i >= 0; i--) {
    for (const k of Object.keys(pick(reports[i]) ?? {})) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  return keys.map((k) => {
    const points = reports.map((r) => point(pick(r)?.[k]));
    const deelregio = reports.map((r) => pick(r)?.[k]?.deelregio).find((d) => d !== undefined);
    return { key: k, ...(deelregio ? { deelregio } : {}), points, delta: delta(points) };
  });
}

export interface TrendInput {
  file: string;
  report: SavedReport;
}

const gemeentenOf = (r: SavedReport): string | null => {
  const g = (r.input as Loose).gemeenten;
  return Array.isArray(g) ? g.map(String).join(', ') : null;
};

export function trendReports(inputs: TrendInput[]): Trend {
  const order = inputs.map((x, i) => ({ ...x, i }));
  // stable: runs with the same peildatum keep their command-line order
  order.sort((a, b) => a.report.peildatum.localeCompare(b.report.peildatum) || a.i - b.i);
  const reordered = order.some((x, i) => x.i !== i);
  const reports = order.map((x) => x.report);
  const runs: TrendRun[] = order.map(({ file, report }) => ({
    // the base name only: a path can hold a user's name (issue 13.10)
    file: baseName(file),
    peildatum: report.peildatum,
    profile: { id: report.profile.id, version: report.profile.version },
    giacheck_version: report.provenance?.giacheck.version ?? report.tool.version,
    profile_sha256: report.provenance?.profile.sha256,
    options: report.provenance ? provenanceOptionsKey(report.provenance) : undefined,
    rows_checked: report.input.rows_checked,
    findings: report.findings.filter((f) => f.status !== 'on_time' && f.status !== 'not_applicable').length,
    mapping: mappingOf(report),
    period: periodOf(report),
    gemeenten: gemeentenOf(report),
  }));

  const warnings: TrendWarning[] = [];
  const profiles = differing(runs, (r) => `${r.profile.id} ${r.profile.version}`);
  if (profiles.length) warnings.push({ code: 'profiles', groups: profiles });
  // a report that does not record its mapping or period (an older giacheck) is only "unknown"
  // when another run does record one
  if (runs.some((r) => r.mapping !== undefined)) {
    const mappings = differing(runs, (r) => r.mapping);
    if (mappings.length) warnings.push({ code: 'mappings', groups: mappings });
  }
  if (runs.some((r) => r.period !== undefined)) {
    const periods = differing(runs, (r) => r.period);
    if (periods.length) warnings.push({ code: 'periods', groups: periods });
  }
  // what the provenance says the runs were made with: another giacheck, a profile edited without
  // a new version (its hash), other options (a report without provenance raises none of these)
  const versions = differing(runs, (r) => r.giacheck_version);
  if (versions.length) warnings.push({ code: 'versions', groups: versions });
  if (!profiles.length) {
    // the same id and version with other content: a hand-edited profile
    const known = new Set(runs.map((r) => r.profile_sha256).filter((h) => h !== undefined));
    if (known.size > 1) warnings.push({ code: 'profileHashes', groups: differing(runs, (r) => r.profile_sha256?.slice(0, 12)) });
  }
  if (new Set(runs.map((r) => r.options).filter((o) => o !== undefined)).size > 1) warnings.push({ code: 'options', groups: differing(runs, (r) => r.options) });
  const gemeenten = differing(runs, (r) => r.gemeenten);
  if (gemeenten.length) warnings.push({ code: 'gemeenten', groups: gemeenten });
  const byDate = new Map<string, number[]>();
  runs.forEach((r, i) => byDate.set(r.peildatum, [...(byDate.get(r.peildatum) ?? []), i + 1]));
  for (const [peildatum, ns] of byDate) if (ns.length > 1) warnings.push({ code: 'samePeildatum', peildatum, runs: ns });

  const leads = reports.map(leadTimesOf);
  // rules in the last run's order, then rules only earlier runs had
  const ruleIds: string[] = [];
  const seen = new Set<string>();
  for (let i = reports.length - 1; i >= 0; i--) {
    for (const r of reports[i].summary.rules) {
      if (seen.has(r.rule_id)) continue;
      seen.add(r.rule_id);
      ruleIds.push(r.rule_id);
    }
  }
  const rules: TrendSeries[] = ruleIds.map((id) => {
    const perRun = reports.map((r) => r.summary.rules.find((x) => x.rule_id === id));
    const points = perRun.map((r, i) => point(r, leads[i] === undefined ? undefined : (leads[i]!.get(id) ?? null)));
    const last = [...perRun].reverse().find((r) => r !== undefined)!;
    return { key: id, title: last.title, norm: last.norm ?? null, points, delta: delta(points) };
  });
  const totalPoints = reports.map((r) => point(r.summary.totals));
  return {
    min_cell: null,
    runs,
    reordered,
    warnings,
    lead_time_runs: leads.filter((l) => l !== undefined).length,
    totals: { key: 'totals', points: totalPoints, delta: delta(totalPoints) },
    rules,
    gemeenten: seriesOfGroups(reports, (r) => r.summary.by_gemeente),
    deelregios: seriesOfGroups(reports, (r) => r.summary.by_deelregio),
  };
}

/**
 * The trend under --min-cell (issue 16.4), the one policy of report/cells.ts: every count of a
 * point from 1 to N−1 is "<N", a compliance that would give such a count away is "*", and so is
 * a change between two runs when either end is hidden, and a median lead time over fewer than N
 * cases (or over an unknown number of them). Zero stays.
 */
export function trendWithMinCell(tr: Trend, cells: CellPolicy): Trend {
  if (cells.minCell === null) return tr;
  const shown = (p: TrendPoint | null): TrendPoint | null => {
    if (p === null) return null;
    const n = (v: TrendCount) => (typeof v === 'number' ? cells.value(v) : v);
    const judged = Number(p.applicable) - Number(p.pending);
    const lead = p.lead_time;
    return {
      applicable: n(p.applicable),
      on_time: n(p.on_time),
      overdue: n(p.overdue),
      pending: n(p.pending),
      compliance: typeof p.compliance === 'number' && cells.hidesShare(Number(p.on_time), judged) ? HIDDEN_SHARE : p.compliance,
      ...(lead !== undefined ? { lead_time: lead && lead !== HIDDEN_SHARE && (lead.count === undefined || cells.hides(lead.count)) ? HIDDEN_SHARE : lead } : {}),
    };
  };
  const series = (s: TrendSeries): TrendSeries => {
    const points = s.points.map(shown);
    // the change is between the first and the last run with a compliance: hidden with either
    const ends = judgedPoints(s.points);
    const hidden = ends.length >= 2 && [ends[0], ends[ends.length - 1]].some((p) => points[s.points.indexOf(p)]?.compliance === HIDDEN_SHARE);
    return { ...s, points, delta: hidden ? HIDDEN_SHARE : s.delta };
  };
  return {
    ...tr,
    min_cell: cells.minCell,
    runs: tr.runs.map((r) => ({ ...r, findings: typeof r.findings === 'number' ? cells.value(r.findings) : r.findings })),
    totals: series(tr.totals),
    rules: tr.rules.map(series),
    gemeenten: tr.gemeenten.map(series),
    deelregios: tr.deelregios.map(series),
  };
}
