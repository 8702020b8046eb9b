/**
 * Compare two check runs (e.g. October and November): per rule, per gemeente and per deelregio the
 * change in compliance and counts; which (dossier, rule) pairs became overdue; which old findings
 * are gone. Pure: two parsed reports in, one Comparison out.
 *
 * - newly overdue: overdue in the new run and not overdue in the old one (it may have been pending,
 *   or not a finding at all);
 * - resolved: a finding of the old run (any status but on_time / not_applicable) that is no
 *   finding in the new run.
 */
import { baseName } from '../report/overview.js';
import { provenanceMappingText, provenanceOptionsKey, type SavedFinding, type SavedProvenance, type SavedReport } from './load.js';
import type { Counts } from '../report/aggregate.js';

/** The counters of a saved report that a comparison uses (a saved JSON need not carry n/a counts). */
export type CountsLite = Omit<Counts, 'not_applicable' | 'implausible'> & { implausible?: number; cases?: number };

export interface Change {
  key: string;
  title?: string;
  deelregio?: string;
  old: CountsLite | null;
  new: CountsLite | null;
  /** new compliance − old compliance (a share; ×100 = percentage points); null when either is null */
  delta: number | null;
}

export interface RunInfo {
  file: string;
  peildatum: string;
  profile: { id: string; version: string; name?: string };
  rows_checked: number;
  findings: number;
  /** the run's provenance as its report states it; null for a report without one */
  provenance: SavedProvenance | null;
}

export interface NewlyOverdue {
  dossier_id: string;
  rule_id: string;
  /** status in the old run's findings, null when it was no finding then */
  old_status: string | null;
  due_date: string | null;
  days_late: number | null;
}

export interface Resolved {
  dossier_id: string;
  rule_id: string;
  old_status: string;
  old_due_date: string | null;
  /** on_time / not_applicable when the new run listed passed results too, else null */
  new_status: string | null;
}

export type CompareWarning =
  | { code: 'profile'; old: string; new: string }
  | { code: 'order'; old: string; new: string }
  | { code: 'noOverlap' }
  /** the runs differ in what they were made with (giacheck version, profile, mapping, options) */
  | { code: 'provenance'; what: 'version' | 'profile' | 'mapping' | 'options'; old: string; new: string }
  /** a report without provenance (made before giacheck reported it): differences cannot be seen */
  | { code: 'noProvenance'; file: string };

/** compare's own provenance: the two reports as read, the version, the options */
export interface CompareProvenance {
  giacheck: { version: string };
  inputs: { file: string; format: 'json'; bytes: number; sha256: string }[];
  options: { pseudonymized: boolean; lang: 'nl' | 'en' };
}

export interface Comparison {
  provenance?: CompareProvenance;
  old: RunInfo;
  new: RunInfo;
  warnings: CompareWarning[];
  totals: Change;
  rules: Change[];
  gemeenten: Change[];
  deelregios: Change[];
  newly_overdue: NewlyOverdue[];
  resolved: Resolved[];
}

const isFindingStatus = (s: string): boolean => s !== 'on_time' && s !== 'not_applicable';
const key = (f: { dossier_id: string; rule_id: string }): string => `${f.dossier_id}\u0000${f.rule_id}`;

function lite(c: CountsLite | undefined): CountsLite | null {
  if (!c) return null;
  const out: CountsLite = {
    applicable: c.applicable,
    on_time: c.on_time,
    late: c.late,
    overdue: c.overdue,
    pending: c.pending,
    missing: c.missing,
    early: c.early,
    violated: c.violated,
    compliance: c.compliance,
  };
  if (typeof c.cases === 'number') out.cases = c.cases;
  return out;
}

function change(k: string, o: CountsLite | null, n: CountsLite | null, extra: Partial<Change> = {}): Change {
  const delta = o?.compliance != null && n?.compliance != null ? n.compliance - o.compliance : null;
  return { key: k, ...extra, old: o, new: n, delta };
}

function groupChanges(
  o: Record<string, CountsLite & { deelregio?: string }> | undefined,
  n: Record<string, CountsLite & { deelregio?: string }> | undefined,
): Change[] {
  // the new report's order (gemeenten alphabetical, deelregio's as in the profile), then the rest
  const keys = [...new Set([...Object.keys(n ?? {}), ...Object.keys(o ?? {})])];
  return keys.map((k) => {
    const deelregio = n?.[k]?.deelregio ?? o?.[k]?.deelregio;
    return change(k, lite(o?.[k]), lite(n?.[k]), deelregio ? { deelregio } : {});
  });
}

function runInfo(file: string, r: SavedReport): RunInfo {
  return {
    // the base name only: a path can hold a user's name (issue 13.10)
    file: baseName(file),
    peildatum: r.peildatum,
    profile: r.profile,
    rows_checked: r.input.rows_checked,
    findings: r.findings.filter((f) => isFindingStatus(f.status)).length,
    provenance: r.provenance ?? null,
  };
}

/** Where two runs' provenance differs in what decides a result: one warning per difference. */
function provenanceWarnings(oldFile: string, o: SavedProvenance | undefined, newFile: string, n: SavedProvenance | undefined, profileWarned: boolean): CompareWarning[] {
  if (!o || !n) return [...(o ? [] : [{ code: 'noProvenance' as const, file: oldFile }]), ...(n ? [] : [{ code: 'noProvenance' as const, file: newFile }])];
  const out: CompareWarning[] = [];
  if (o.giacheck.version !== n.giacheck.version) out.push({ code: 'provenance', what: 'version', old: o.giacheck.version, new: n.giacheck.version });
  if (!profileWarned && o.profile.sha256 !== n.profile.sha256) {
    out.push({ code: 'provenance', what: 'profile', old: o.profile.sha256.slice(0, 12), new: n.profile.sha256.slice(0, 12) });
  }
  // the same mapping under another name or path is the same mapping: its hash decides
  const m = (p: SavedProvenance) => provenanceMappingText(p) ?? '–';
  if ((o.mapping?.sha256 ?? null) !== (n.mapping?.sha256 ?? null)) out.push({ code: 'provenance', what: 'mapping', old: m(o), new: m(n) });
  if (provenanceOptionsKey(o) !== provenanceOptionsKey(n)) out.push({ code: 'provenance', what: 'options', old: provenanceOptionsKey(o), new: provenanceOptionsKey(n) });
  return out;
}

export function compareReports(oldFile: string, oldR: SavedReport, newFile: string, newR: SavedReport): Comparison {
  const warnings: CompareWarning[] = [];
  if (oldR.profile.id !== newR.profile.id || oldR.profile.version !== newR.profile.version) {
    warnings.push({ code: 'profile', old: `${oldR.profile.id} ${oldR.profile.version}`, new: `${newR.profile.id} ${newR.profile.version}` });
  }
  if (newR.peildatum <= oldR.peildatum) warnings.push({ code: 'order', old: oldR.peildatum, new: newR.peildatum });
  warnings.push(...provenanceWarnings(oldFile, oldR.provenance, newFile, newR.provenance, warnings.some((w) => w.code === 'profile')));

  // rules in the new run's order, then rules only the old run had
  const oldRules = new Map(oldR.summary.rules.map((r) => [r.rule_id, r]));
  const newRules = new Map(newR.summary.rules.map((r) => [r.rule_id, r]));
  const ruleIds = [...new Set([...newRules.keys(), ...oldRules.keys()])];
  const rules = ruleIds.map((id) => change(id, lite(oldRules.get(id)), lite(newRules.get(id)), { title: newRules.get(id)?.title ?? oldRules.get(id)?.title }));

  const oldByKey = new Map<string, SavedFinding>();
  for (const f of oldR.findings) oldByKey.set(key(f), f);
  const newByKey = new Map<string, SavedFinding>();
  for (const f of newR.findings) newByKey.set(key(f), f);

  const newly_overdue: NewlyOverdue[] = [];
  for (const f of newR.findings) {
    if (f.status !== 'overdue') continue;
    const before = oldByKey.get(key(f));
    if (before?.status === 'overdue') continue;
    newly_overdue.push({ dossier_id: f.dossier_id, rule_id: f.rule_id, old_status: before && isFindingStatus(before.status) ? before.status : null, due_date: f.due_date, days_late: f.days_late });
  }
  newly_overdue.sort((a, b) => (a.due_date ?? '').localeCompare(b.due_date ?? '') || a.dossier_id.localeCompare(b.dossier_id) || a.rule_id.localeCompare(b.rule_id));

  const resolved: Resolved[] = [];
  for (const f of oldR.findings) {
    if (!isFindingStatus(f.status)) continue;
    const now = newByKey.get(key(f));
    if (now && isFindingStatus(now.status)) continue;
    resolved.push({ dossier_id: f.dossier_id, rule_id: f.rule_id, old_status: f.status, old_due_date: f.due_date, new_status: now ? now.status : null });
  }
  resolved.sort((a, b) => a.rule_id.localeCompare(b.rule_id) || a.dossier_id.localeCompare(b.dossier_id));

  // two runs over the same caseload share dossier ids; none in common usually means one of them was
  // pseudonymised (or with another key), which makes newly overdue / resolved meaningless
  const oldIds = new Set(oldR.findings.map((f) => f.dossier_id));
  if (oldIds.size && newR.findings.length && !newR.findings.some((f) => oldIds.has(f.dossier_id))) warnings.push({ code: 'noOverlap' });

  return {
    old: runInfo(oldFile, oldR),
    new: runInfo(newFile, newR),
    warnings,
    totals: change('totals', lite(oldR.summary.totals), lite(newR.summary.totals)),
    rules,
    gemeenten: groupChanges(oldR.summary.by_gemeente, newR.summary.by_gemeente),
    deelregios: groupChanges(oldR.summary.by_deelregio, newR.summary.by_deelregio),
    newly_overdue,
    resolved,
  };
}
