/**
 * What the meeting formats (HTML, Markdown, XLSX) share beyond the Report itself: the findings
 * grouped by rule and then gemeente, and the weakest rule of a group. Plain data; each format
 * lays it out.
 */
import { formatNumber, formatPercent, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import type { GroupSummary } from './aggregate.js';
import type { Finding, Report } from './model.js';
import { ALL_CELLS, CellPolicy, HIDDEN_SHARE, reportCells } from './cells.js';

export interface GemeenteFindings {
  gemeente: string;
  deelregio: string | null;
  findings: Finding[];
}

export interface RuleFindings {
  rule_id: string;
  /** every finding of the rule in the report */
  count: number;
  gemeenten: GemeenteFindings[];
}

/**
 * Every finding of the report, grouped by rule (the rule with the most urgent finding first: the
 * list is sorted overdue first) and within a rule by gemeente (alphabetical), most urgent first.
 */
export function groupFindings(findings: readonly Finding[]): RuleFindings[] {
  const byRule = new Map<string, Map<string, GemeenteFindings>>();
  const counts = new Map<string, number>();
  for (const f of findings) {
    let byGemeente = byRule.get(f.rule_id);
    if (!byGemeente) byRule.set(f.rule_id, (byGemeente = new Map()));
    const key = f.gemeente + '\u0000' + (f.deelregio ?? '');
    let g = byGemeente.get(key);
    if (!g) byGemeente.set(key, (g = { gemeente: f.gemeente, deelregio: f.deelregio, findings: [] }));
    g.findings.push(f);
    counts.set(f.rule_id, (counts.get(f.rule_id) ?? 0) + 1);
  }
  return [...byRule].map(([rule_id, byGemeente]) => ({
    rule_id,
    count: counts.get(rule_id)!,
    gemeenten: [...byGemeente.values()].sort((a, b) => a.gemeente.localeCompare(b.gemeente, 'nl') || (a.deelregio ?? '').localeCompare(b.deelregio ?? '', 'nl')),
  }));
}

/** A rule counts for "laagste naleving" only with at least this many applicable cases. */
export const WORST_MIN_APPLICABLE = 5;

export interface WorstRule {
  rule_id: string;
  compliance: number;
  /** the rule's applicable cases in the group */
  applicable: number;
}

/** The group's rule with the lowest compliance, among rules with ≥ WORST_MIN_APPLICABLE applicable cases. */
export function worstRule(g: GroupSummary, notAssessable: ReadonlySet<string> = new Set(), cells: CellPolicy = ALL_CELLS): WorstRule | null {
  let worst: WorstRule | null = null;
  for (const [id, c] of Object.entries(g.rules)) {
    // a share --min-cell hides cannot be the one named (its n would be printed beside it)
    const share = cells.compliance(c);
    if (share === null || share === HIDDEN_SHARE || c.applicable < WORST_MIN_APPLICABLE || notAssessable.has(id)) continue;
    if (!worst || share < worst.compliance) worst = { rule_id: id, compliance: share, applicable: c.applicable };
  }
  return worst;
}

/** The ids of the rules the report lists as not assessable. */
export function notAssessableIds(report: Report): Set<string> {
  return new Set((report.input.not_assessable ?? []).map((n) => n.rule_id));
}

/** "ZL-02 niet te beoordelen: kolom … ontbreekt", one line per not-assessable rule. */
export function notAssessableLines(report: Report): string[] {
  return (report.input.not_assessable ?? []).map((n) =>
    t(n.fields.length === 1 ? 'rep.notAssessableOne' : 'rep.notAssessableMany', { id: n.rule_id, fields: n.fields.join(', ') }),
  );
}

/**
 * What the report opens with, above every table: the run's warnings (already in the run's
 * language), and the not-assessable rules when no warning says so already.
 */
export function noticeLines(report: Report): string[] {
  const lines = (report.warnings ?? []).map((w) => w.message);
  if (!(report.warnings ?? []).some((w) => w.code === 'not-assessable')) lines.push(...notAssessableLines(report));
  return lines;
}

/** The headline: overall compliance and the counts that matter (overdue now, late, missing). */
export function headline(report: Report): string {
  const c = report.summary.totals;
  const cells = reportCells(report);
  let text = t('rep.headline', { compliance: cells.percent(cells.compliance(c)), overdue: cells.count(c.overdue), late: cells.count(c.late), missing: cells.count(c.missing) });
  if (c.implausible) text += ' · ' + t('rep.headlineImplausible', { count: cells.count(c.implausible) });
  return text;
}

/** The peildatum as the report shows it, saying "vandaag" when --as-of was not given. */
export function peildatumText(report: Report, display: string): string {
  return report.input.peildatum_given === false ? t('rep.peildatumToday', { date: display }) : display;
}

/** The rule's not-assessable fields, or null when it could be judged. */
export function notAssessableFields(report: Report, ruleId: string): string[] | null {
  return (report.input.not_assessable ?? []).find((n) => n.rule_id === ruleId)?.fields ?? null;
}

/** Any rule with an implausible pair: only then does a format show that column. */
export function hasImplausible(report: Report): boolean {
  return report.summary.rules.some((r) => (r.implausible ?? 0) > 0);
}

/** Any rule that was not applicable to some cases because their anchor date was empty. */
export function hasAnchorMissing(report: Report): boolean {
  return report.summary.rules.some((r) => (r.not_applicable_anchor_missing ?? 0) > 0);
}

/**
 * The note under every rule table (issue 16.5, CBS's spiegelrapport): per rule how many cases were
 * not applicable because the anchor date was empty, so a high compliance on few cases shows as such;
 * null when there were none.
 */
export function anchorMissingNote(report: Report): string | null {
  // a small count is a count like the others (--min-cell: "<N")
  const cells = reportCells(report);
  const list = report.summary.rules
    .filter((r) => (r.not_applicable_anchor_missing ?? 0) > 0)
    .map((r) => t('rep.anchorMissingItem', { rule: r.rule_id, count: cells.count(r.not_applicable_anchor_missing), fields: (r.anchor_fields ?? []).join(' / ') }));
  return list.length ? t('rep.anchorMissing', { list: list.join('; ') }) : null;
}

/** Any rule with a norm: only then does a format show the norm column. */
export function hasNorm(report: Report): boolean {
  return report.summary.rules.some((r) => r.norm !== null);
}

/**
 * Whether a rule meets its norm, in words: gehaald, niet gehaald, or niet te beoordelen (no judged
 * cases, or the rule is not assessable: that is not "below the norm"); '' without a norm.
 */
export function normVerdict(r: { norm: number | null; meets_norm: boolean | null }, hidden = false): string {
  if (r.norm === null || hidden) return '';
  return t(r.meets_norm === null ? 'rep.normNotJudged' : r.meets_norm ? 'rep.normMet' : 'rep.normNotMet');
}

/**
 * The norm cell of a rule table: "90% (niet gehaald)", or – without a norm. `hidden`: the
 * compliance is hidden by --min-cell, and so is the verdict (it would tell on which side it lies).
 */
export function normCell(r: { norm: number | null; meets_norm: boolean | null }, hidden = false): string {
  return r.norm === null ? '–' : hidden ? formatPercent(r.norm, 0) : `${formatPercent(r.norm, 0)} (${normVerdict(r)})`;
}

/** The document key a source text starts with ("000 §5.1.1" → "000"), if the profile has it. */
function sourceKey(report: Report, source: string): string | undefined {
  const sources = report.profile.sources ?? {};
  return Object.keys(sources)
    .sort((a, b) => b.length - a.length)
    .find((k) => source === k || source.startsWith(k + ' '));
}

/** A source with the document's short name: "000 §5.1.1" → "ZL-afspraken §5.1.1". */
export function sourceLabel(report: Report, source: string): string {
  const key = sourceKey(report, source);
  const short = key === undefined ? undefined : report.profile.sources[key].short;
  return key === undefined || !short ? source : short + source.slice(key.length);
}

/** The documents the rules cite, for the legend: short name (or key) and full title. */
export function sourceLegend(report: Report): { name: string; title: string }[] {
  const keys = new Set<string>();
  for (const r of report.summary.rules) {
    const k = sourceKey(report, r.source);
    if (k !== undefined) keys.add(k);
  }
  if (report.summary.monitoring_duration) {
    const k = sourceKey(report, report.summary.monitoring_duration.source);
    if (k !== undefined) keys.add(k);
  }
  return [...keys].sort().map((k) => {
    const s = report.profile.sources[k];
    return { name: s.short ? `${s.short} (${k})` : k, title: s.title };
  });
}

/** "ZL-01 50% (n=6)" or "–": the weakest rule of a group as the formats print it. */
export function worstRuleText(g: GroupSummary, notAssessable: ReadonlySet<string>, cells: CellPolicy = ALL_CELLS): string {
  const w = worstRule(g, notAssessable, cells);
  return w ? t('rep.worstValue', { id: w.rule_id, share: formatPercent(w.compliance, 0), n: cells.count(w.applicable) }) : '–';
}

/** The note under every table with a "laagste naleving" column. */
export function worstNote(): string {
  return t('rep.worstNote', { min: WORST_MIN_APPLICABLE });
}

/** A file as reports name it: its base name (a full path can hold a user's name). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

/** What a reader must know before any figure (issue 16.4): small counts hidden, totals only, pseudonymised ids still personal data. */
export function privacyNotices(report: Report): string[] {
  return (report.warnings ?? []).filter((w) => w.code === 'min-cell' || w.code === 'aggregate-only' || w.code === 'pseudonymized').map((w) => w.message);
}

/** The report's title; under --gemeente it names the gemeenten it is limited to. */
export function reportTitle(report: Pick<Report, 'profile' | 'input'>): string {
  const profile = localized(report.profile.name);
  const gemeenten = report.input.gemeenten;
  return gemeenten ? t('report.titleGemeenten', { profile, gemeenten: gemeenten.join(', ') }) : t('report.title', { profile });
}

/** " (312 rijen van andere gemeenten niet meegeteld)" under --gemeente; '' without such rows. */
export function outsideText(report: Pick<Report, 'input'>): string {
  const n = report.input.rows_outside_filter ?? 0;
  return n > 0 ? ' ' + t('rep.outsideFilter', { count: formatNumber(n) }) : '';
}
