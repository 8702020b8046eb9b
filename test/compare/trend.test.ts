import { afterEach, describe, expect, it } from 'vitest';
import type { SavedReport } from '../../src/compare/load.js';
import { leadTimesOf, trendReports } from '../../src/compare/trend.js';
import { formatTrendMarkdown, formatTrendTable, trendJson, trendWarningText } from '../../src/compare/trend-format.js';
import { setLang } from '../../src/i18n/index.js';
import { sampleProvenance as fullProvenance } from '../helpers/provenance.js';

/** A provenance as a saved report holds it (loosely typed JSON). */
const sampleProvenance = (over: Parameters<typeof fullProvenance>[0] = {}) => fullProvenance(over) as unknown as NonNullable<SavedReport['provenance']>;

afterEach(() => setLang('nl'));

const counts = (on_time: number, late: number, overdue: number, pending = 0) => {
  const judged = on_time + late + overdue;
  return { applicable: judged + pending, on_time, late, overdue, pending, missing: 0, early: 0, violated: 0, compliance: judged ? on_time / judged : null };
};

/** A saved report with two rules, one gemeente; `extra` lands in input / summary. */
function report(peildatum: string, zl01: [number, number, number], opts: { version?: string; input?: Record<string, unknown>; summary?: Record<string, unknown>; withZl02?: boolean } = {}): SavedReport {
  const rules = [{ rule_id: 'ZL-01', title: 'Veiligheidsbeoordeling', severity: 'error', norm: 0.9, ...counts(...zl01) }];
  if (opts.withZl02 !== false) rules.push({ rule_id: 'ZL-02', title: 'Brief', severity: 'error', norm: null as unknown as number, ...counts(1, 0, 1) });
  return {
    tool: { name: 'giacheck', version: '0.1.0' },
    profile: { id: 'zuid-limburg', version: opts.version ?? '2026.11' },
    peildatum,
    input: { files: ['x.csv'], rows_read: 10, rows_checked: 10, rows_rejected: 0, gemeenten: null, ...opts.input },
    summary: { rules, totals: { cases: 10, ...counts(5, 1, 1) }, by_gemeente: { Heerlen: { cases: 10, deelregio: 'Parkstad', ...counts(...zl01) } }, ...opts.summary },
    findings: [],
  } as SavedReport;
}

describe('trendReports', () => {
  it('orders by peildatum, keeps one point per run, the change from the first to the last figure', () => {
    const tr = trendReports([
      { file: 'c.json', report: report('2026-12-01', [9, 1, 0]) },
      { file: 'a.json', report: report('2026-10-01', [6, 2, 2]) },
      { file: 'b.json', report: report('2026-11-01', [8, 1, 1], { withZl02: false }) },
    ]);
    expect(tr.runs.map((r) => r.file)).toEqual(['a.json', 'b.json', 'c.json']);
    expect(tr.reordered).toBe(true);
    expect(tr.warnings).toEqual([]);
    const zl01 = tr.rules.find((r) => r.key === 'ZL-01')!;
    expect(zl01.points.map((p) => p?.compliance)).toEqual([0.6, 0.8, 0.9]);
    expect(zl01.delta).toBeCloseTo(0.3, 10);
    expect(zl01.norm).toBe(0.9);
    // ZL-02 is absent from run 2: a hole, not a zero
    const zl02 = tr.rules.find((r) => r.key === 'ZL-02')!;
    expect(zl02.points.map((p) => p?.compliance ?? 'absent')).toEqual([0.5, 'absent', 0.5]);
    expect(tr.gemeenten[0]).toMatchObject({ key: 'Heerlen', deelregio: 'Parkstad' });
    expect(tr.lead_time_runs).toBe(0);
    expect(zl01.points[0]!.lead_time).toBeUndefined();
    const md = formatTrendMarkdown(tr);
    expect(md).toContain('| Regel | Omschrijving | Norm | 01-10-2026 | 01-11-2026 | 01-12-2026 | Verschil |');
    expect(md).toContain('| ZL-01 | Veiligheidsbeoordeling | 90% | 60,0% | 80,0% | 90,0% | +30,0 pp |');
    expect(md).toContain('| ZL-02 | Brief |   | 50,0% | ontbreekt | 50,0% | 0,0 pp |');
  });

  it('warns when profiles, mappings, periods or gemeenten differ, and when two runs share a peildatum', () => {
    const tr = trendReports([
      { file: 'a.json', report: { ...report('2026-10-01', [6, 2, 2], { input: { period: { from: '2026-01-01', to: '2026-06-30' } } }), provenance: sampleProvenance() } },
      {
        file: 'b.json',
        report: { ...report('2026-10-01', [6, 2, 2], { input: { period: null } }), provenance: sampleProvenance({ mapping: { file: 'm.yaml', sha256: 'abcdef012345' + '6'.repeat(52) } }) },
      },
      { file: 'c.json', report: report('2026-12-01', [9, 1, 0], { version: '2027.01', input: { gemeenten: ['Heerlen'] } }) },
    ]);
    expect(tr.reordered).toBe(false);
    expect(tr.warnings.map(trendWarningText)).toEqual([
      'de runs gebruiken verschillende profielen: zuid-limburg 2026.11 (run 1, 2); zuid-limburg 2027.01 (run 3); regels en termijnen kunnen verschillen',
      'de runs gebruiken verschillende mappings: geen (run 1); m.yaml (abcdef012345) (run 2); niet vermeld in het rapport (run 3); kolommen kunnen anders gelezen zijn',
      'de runs beslaan verschillende perioden van melding: 2026-01-01 – 2026-06-30 (run 1); geen (run 2); niet vermeld in het rapport (run 3); de cijfers gaan over andere meldingen',
      'de runs gaan over verschillende gemeenten: geen (run 1, 2); Heerlen (run 3)',
      'runs 1, 2 hebben dezelfde peildatum (01-10-2026); is een bestand dubbel genoemd?',
    ]);
    // reports that say nothing about mapping or period (an older giacheck) raise no warning
    const old = trendReports([
      { file: 'a.json', report: report('2026-10-01', [6, 2, 2]) },
      { file: 'b.json', report: report('2026-11-01', [6, 2, 2]) },
    ]);
    expect(old.warnings).toEqual([]);
  });

  it('warns from the provenance when the giacheck version, the profile content or the options differ', () => {
    const withProv = (peildatum: string, over: Parameters<typeof sampleProvenance>[0]) => ({ ...report(peildatum, [6, 2, 2]), provenance: sampleProvenance(over) });
    const base = fullProvenance();
    const tr = trendReports([
      { file: 'a.json', report: withProv('2026-10-01', {}) },
      { file: 'b.json', report: withProv('2026-11-01', { giacheck: { version: '0.2.0' }, profile: { ...base.profile, sha256: 'e'.repeat(64) } }) },
      { file: 'c.json', report: withProv('2026-12-01', { options: { ...base.options, include_passed: true } }) },
      // a report without provenance: its version from `tool`, no profile hash, no options known
      { file: 'd.json', report: report('2027-01-01', [6, 2, 2]) },
    ]);
    expect(tr.runs.map((r) => [r.giacheck_version, r.profile_sha256?.slice(0, 4), r.mapping])).toEqual([
      ['0.1.0', 'bbbb', null],
      ['0.2.0', 'eeee', null],
      ['0.1.0', 'bbbb', null],
      ['0.1.0', undefined, undefined],
    ]);
    expect(tr.warnings.map(trendWarningText)).toEqual([
      'de runs gebruiken verschillende mappings: geen (run 1, 2, 3); niet vermeld in het rapport (run 4); kolommen kunnen anders gelezen zijn',
      'de runs zijn met verschillende giacheck-versies gemaakt: 0.1.0 (run 1, 3, 4); 0.2.0 (run 2); uitkomsten kunnen verschillen',
      'de runs gebruiken hetzelfde profiel met een andere inhoud (SHA-256): bbbbbbbbbbbb (run 1, 3); eeeeeeeeeeee (run 2); niet vermeld in het rapport (run 4); regels en termijnen kunnen verschillen',
      'de runs zijn met andere opties gemaakt: encoding=auto delimiter=- sheet=- period=month include-passed=false pseudonymize=false min-cell=- aggregate-only=false lang=nl (run 1, 2); encoding=auto delimiter=- sheet=- period=month include-passed=true pseudonymize=false min-cell=- aggregate-only=false lang=nl (run 3); niet vermeld in het rapport (run 4)',
    ]);
  });

  it('reads the lead-time median where the report has one; "niet beschikbaar" where not', () => {
    const withLead = (median: number) => ({ summary: { lead_times: [{ rule_id: 'ZL-01', unit: 'workdays', median, p90: 9, max: 20 }] } });
    expect(leadTimesOf(report('2026-10-01', [1, 0, 0], withLead(4)))).toEqual(new Map([['ZL-01', { median: 4, unit: 'workdays' }]]));
    expect(leadTimesOf(report('2026-10-01', [1, 0, 0], { summary: { lead_times: { 'ZL-01': { unit: 'days', all: { median: 12 } } } } }))).toEqual(new Map([['ZL-01', { median: 12, unit: 'days' }]]));
    expect(leadTimesOf(report('2026-10-01', [1, 0, 0]))).toBeUndefined();
    const tr = trendReports([
      { file: 'a.json', report: report('2026-10-01', [6, 2, 2], withLead(4)) },
      { file: 'b.json', report: report('2026-11-01', [8, 1, 1]) },
      { file: 'c.json', report: report('2026-12-01', [9, 1, 0], withLead(3.5)) },
    ]);
    expect(tr.lead_time_runs).toBe(2);
    const j = trendJson(tr, { name: 'giacheck', version: 'x' });
    expect(j.lead_times).toEqual({ available_runs: 2, note: 'Mediane doorlooptijd: 2 van de 3 rapporten bevatten doorlooptijden; bij de andere staat "niet beschikbaar".' });
    expect(j.rules[0].points.map((p) => [p.lead_time_median, p.lead_time_unit])).toEqual([[4, 'workdays'], [null, null], [3.5, 'workdays']]);
    // ZL-02 has no lead time in any run, so it has no row in the lead-time table
    expect(formatTrendMarkdown(tr)).toContain('| Regel | 01-10-2026 | 01-11-2026 | 01-12-2026 |\n| --- | --- | --- | --- |\n| ZL-01 | 4 wd | niet beschikbaar | 3,5 wd |\n\n##');
    const table = formatTrendTable(tr, { color: false, width: 80 });
    expect(table).toContain('ZL-01        4 wd  niet beschikbaar      3,5 wd');
  });
});
