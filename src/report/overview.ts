/**
 * What the meeting formats (HTML, Markdown, XLSX) share beyond the Report itself: the findings
 * grouped by rule and then gemeente, and the weakest rule of a group. Plain data; each format
 * lays it out.
 */
import type { GroupSummary } from './aggregate.js';
import type { Finding, Report } from './model.js';

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
export function worstRule(g: GroupSummary, notAssessable: ReadonlySet<string> = new Set()): WorstRule | null {
  let worst: WorstRule | null = null;
  for (const [id, c] of Object.entries(g.rules)) {
    if (c.compliance === null || c.applicable < WORST_MIN_APPLICABLE || notAssessable.has(id)) continue;
    if (!worst || c.compliance < worst.compliance) worst = { rule_id: id, compliance: c.compliance, applicable: c.applicable };
  }
  return worst;
}

/** The ids of the rules the report lists as not assessable. */
export function notAssessableIds(report: Report): Set<string> {
  return new Set((report.input.not_assessable ?? []).map((n) => n.rule_id));
}
