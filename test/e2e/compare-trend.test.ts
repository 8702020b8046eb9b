/**
 * `giacheck compare` over three runs, as a user runs it: three `check --format json` reports of
 * one small export with three peildatums, named out of order; the trend in table (80 and 120
 * columns), md, json and html; warnings for another mapping; the two-run comparison unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';
import { withAllColumns } from '../helpers/cases.js';

const ENV = { LANG: 'nl_NL.UTF-8' };
const run = (args: string[]) => giacheck(args, { env: ENV });

const HEAD = 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;directbetrokkenen_geinformeerd_datum;triage_besluit';
/**
 * A-1 (Heerlen) melding Monday 02-11-2026, beoordeeld 06-11 only in the later exports; B-1
 * (Maastricht) melding 01-10-2026, never beoordeeld; C-1 (Kerkrade) melding Monday 04-05-2026,
 * beoordeeld and letter on Friday 08-05 (5 mei is a feestdag: due 12-05, on time).
 */
const OCT = [HEAD, 'A-1;Heerlen;02-11-2026;;;', 'B-1;Maastricht;01-10-2026;;;', 'C-1;Kerkrade;04-05-2026;08-05-2026;08-05-2026;geen_vervolg'].join('\n') + '\n';
const NOV = [HEAD, 'A-1;Heerlen;02-11-2026;06-11-2026;;geen_vervolg', 'B-1;Maastricht;01-10-2026;;;', 'C-1;Kerkrade;04-05-2026;08-05-2026;08-05-2026;geen_vervolg'].join('\n') + '\n';

let dir: string;
const runs: Record<string, string> = {};
const KEEP = process.env.TREND_KEEP;

async function check(csvText: string, asOf: string, name: string, extra: string[] = []): Promise<string> {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, withAllColumns(csvText));
  const out = join(dir, `${name}.json`);
  const r = await run(['check', csv, '--region', 'zuid-limburg', '--as-of', asOf, '--format', 'json', '--output', out, '--fail-on', 'never', '--quiet', ...extra]);
  expect(r.code).toBe(0);
  return out;
}

const rule = (j: { rules: { rule_id: string }[] }, id: string) => j.rules.find((r) => r.rule_id === id) as unknown as { points: Record<string, unknown>[]; compliance_delta: number | null };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-trend-'));
  runs.oct = await check(OCT, '2026-11-04', 'run-04-11');
  runs.nov = await check(NOV, '2026-11-20', 'run-20-11');
  runs.dec = await check(NOV, '2026-12-01', 'run-01-12');
  const mapping = join(dir, 'mapping.yaml');
  writeFileSync(mapping, 'columns:\n  dossier_id: dossier_id\n');
  runs.mapped = await check(NOV, '2026-12-01', 'run-01-12-mapping', ['--mapping', mapping]);
  // the same mapping under another path is the same mapping
  mkdirSync(join(dir, 'elders'));
  writeFileSync(join(dir, 'elders', 'mapping.yaml'), 'columns:\n  dossier_id: dossier_id\n');
  runs.mappedElsewhere = await check(NOV, '2026-12-10', 'run-10-12-mapping', ['--mapping', join(dir, 'elders', 'mapping.yaml')]);
});
afterAll(() => { if (!KEEP) rmSync(dir, { recursive: true, force: true }); });

describe('compare with three runs', () => {
  it('json: the runs in order of peildatum whatever the order named, per rule, gemeente and deelregio', async () => {
    const r = await run(['compare', runs.dec, runs.oct, runs.nov, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('trend');
    expect(j.sorted_by).toBe('peildatum');
    expect(j.reordered).toBe(true);
    expect(j.runs.map((x: { run: number; file: string; peildatum: string }) => [x.run, x.file, x.peildatum])).toEqual([
      // base names only: a path can hold a user's name (issue 13.10)
      [1, 'run-04-11.json', '2026-11-04'],
      [2, 'run-20-11.json', '2026-11-20'],
      [3, 'run-01-12.json', '2026-12-01'],
    ]);
    expect(j.runs[0]).toMatchObject({ profile: { id: 'zuid-limburg' }, rows_checked: 3, mapping: null, gemeenten: null });
    expect(j.warnings).toEqual([]);
    // ZL-01 (5 werkdagen): 04-11 C-1 on time, B-1 overdue, A-1 pending (due 09-11) → 1 of 2;
    // 20-11 and 01-12 A-1 on time → 2 of 3
    expect(rule(j, 'ZL-01').points).toEqual([
      { peildatum: '2026-11-04', present: true, applicable: 3, on_time: 1, overdue: 1, pending: 1, compliance: 0.5, lead_time_median: 3, lead_time_unit: 'workdays' },
      { peildatum: '2026-11-20', present: true, applicable: 3, on_time: 2, overdue: 1, pending: 0, compliance: 2 / 3, lead_time_median: 3, lead_time_unit: 'workdays' },
      { peildatum: '2026-12-01', present: true, applicable: 3, on_time: 2, overdue: 1, pending: 0, compliance: 2 / 3, lead_time_median: 3, lead_time_unit: 'workdays' },
    ]);
    expect(rule(j, 'ZL-01').compliance_delta).toBe(0.1667);
    // ZL-02 (letter within 5 werkdagen): only C-1 ever got one: 1 of 2 → 1 of 3 → 1 of 3
    expect(rule(j, 'ZL-02').points.map((p) => p.compliance)).toEqual([0.5, 1 / 3, 1 / 3]);
    expect(rule(j, 'ZL-02').compliance_delta).toBe(-0.1667);
    // the per-rule figures are the check reports' own
    const reports = [runs.oct, runs.nov, runs.dec].map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(j.rules.map((x: { rule_id: string }) => x.rule_id)).toEqual(reports[2].summary.rules.map((x: { rule_id: string }) => x.rule_id));
    for (const x of j.rules) {
      expect(x.points.map((p: { compliance: number | null }) => p.compliance)).toEqual(reports.map((rep) => rep.summary.rules.find((y: { rule_id: string }) => y.rule_id === x.rule_id).compliance));
    }
    const gem = (g: string) => j.gemeenten.find((x: { gemeente: string }) => x.gemeente === g);
    // Heerlen: nothing judged on 04-11, then ZL-01 on time, ZL-02 overdue
    expect(gem('Heerlen').deelregio).toBe('Parkstad');
    expect(gem('Heerlen').points.map((p: { compliance: number | null }) => p.compliance)).toEqual([null, 0.5, 0.5]);
    // the change runs from the first run with a figure to the last
    expect(gem('Heerlen').compliance_delta).toBe(0);
    expect(gem('Kerkrade').points.map((p: { compliance: number | null }) => p.compliance)).toEqual([1, 1, 1]);
    expect(j.gemeenten).toHaveLength(16);
    expect(j.deelregios.map((d: { deelregio: string }) => d.deelregio)).toEqual(['Parkstad', 'Westelijke Mijnstreek', 'Maastricht-Heuvelland']);
    // check's summary.lead_times: ZL-01 done in 3 werkdagen (C-1, 04-05 → 08-05 over 5 mei; A-1 later 4) → median 3 (nearest rank)
    expect(j.lead_times).toEqual({ available_runs: 3 });
    expect(j.totals.points.map((p: { compliance: number | null }) => p.compliance)).toEqual(reports.map((rep) => rep.summary.totals.compliance));
  });

  it('table: says it sorted, one column per peildatum, never wider than 80 or 120 columns', async () => {
    const r80 = await run(['compare', runs.dec, runs.oct, runs.nov, '--width', '80']);
    expect(r80.code).toBe(0);
    const lines = r80.stdout.split('\n');
    expect(lines[0]).toBe('Verloop over 3 runs: 04-11-2026 → 01-12-2026');
    expect(lines.slice(1, 3)).toEqual(['De runs staan op volgorde van peildatum (niet in de volgorde waarin de bestanden', 'zijn genoemd).']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const row = (key: string, text = r80.stdout) => text.split('\n').find((l) => l.startsWith(`${key} `))?.trim().split(/\s{2,}/);
    // the norm column: ZL-01 keeps the 90 % of LV-03, which it replaces
    expect(row('ZL-01')).toEqual(['ZL-01', 'Veiligheidsbeoordeli…', '90%', '50,0%', '66,7%', '66,7%', '+16,7 pp']);
    expect(lines).toContain('Mediane doorlooptijd per regel per run');
    expect(lines).toContain('ZL-01        3 wd        3 wd        3 wd');
    expect(row('Heerlen')).toEqual(['Heerlen', '–', '50,0%', '50,0%', '0,0 pp']);
    const r120 = await run(['compare', runs.oct, runs.nov, runs.dec, '--width', '120']);
    for (const l of r120.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(120);
    expect(r120.stdout.split('\n')[1]).toBe('De runs staan op volgorde van peildatum.');
    expect(row('ZL-01', r120.stdout)).toEqual(['ZL-01', 'Veiligheidsbeoordeling binnen 5 werkdagen na de melding', '90%', '50,0%', '66,7%', '66,7%', '+16,7 pp']);
    // the deelregio column fits at 120
    expect(row('Heerlen', r120.stdout)).toEqual(['Heerlen', 'Parkstad', '–', '50,0%', '50,0%', '0,0 pp']);
  });

  it('table at 80 columns with eight runs: the runs spread over two tables, the change in the last', async () => {
    const files = [runs.oct, runs.nov, runs.dec];
    for (const d of ['2026-12-10', '2026-12-20', '2027-01-05', '2027-01-20', '2027-02-01']) files.push(await check(NOV, d, `run-${d}`));
    const r = await run(['compare', ...files, '--width', '80']);
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const zl01 = lines.filter((l) => l.startsWith('ZL-01 ')).map((l) => l.trim().split(/\s{2,}/));
    expect(zl01).toEqual([
      ['ZL-01', '90%', '50,0%', '66,7%', '66,7%', '66,7%', '66,7%'],
      ['ZL-01', '90%', '66,7%', '66,7%', '66,7%', '+16,7 pp'],
      ['ZL-01', '3 wd', '3 wd', '3 wd', '3 wd', '3 wd', '3 wd'],
      ['ZL-01', '3 wd', '3 wd'],
    ]);
  });

  it('md and html: the same figures; html with a line chart per rule, no script', async () => {
    const md = await run(['compare', runs.oct, runs.nov, runs.dec, '--format', 'md']);
    expect(md.stdout.startsWith('# Verloop over 3 runs: 04-11-2026 → 01-12-2026\n')).toBe(true);
    expect(md.stdout).toContain('| ZL-01 | Veiligheidsbeoordeling binnen 5 werkdagen na de melding | 90% | 50,0% | 66,7% | 66,7% | +16,7 pp |');
    expect(md.stdout).toContain('| Regel | Omschrijving | Norm | 04-11-2026 | 20-11-2026 | 01-12-2026 | Verschil |');
    const out = join(dir, 'trend.html');
    const h = await run(['compare', runs.oct, runs.nov, runs.dec, '--output', out]);
    expect(h.code).toBe(0);
    expect(h.stderr).toBe(`giacheck: Rapport geschreven naar ${out} (html, 3 runs)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    const rules = JSON.parse((await run(['compare', runs.oct, runs.nov, runs.dec, '--format', 'json'])).stdout).rules.length;
    // one chart over all rules, one per rule, one per gemeente (16), one per deelregio (3), and the
    // lead-time medians of ZL-01 and ZL-02 (the rules with a lead time in the reports)
    expect(html.match(/<svg /g)?.length).toBe(1 + rules + 16 + 3 + 2);
    const zl01 = html.slice(html.indexOf('<title id="trend-4-t">'));
    expect(zl01.startsWith('<title id="trend-4-t">ZL-01 · Veiligheidsbeoordeling binnen 5 werkdagen na de melding</title>')).toBe(true);
    const chart = zl01.slice(0, zl01.indexOf('</svg>'));
    expect(chart.match(/<circle /g)?.length).toBe(3);
    expect([...chart.matchAll(/<g class="point" data-label="([^"]+)"><title>([^<]+)<\/title>/g)].map((m) => m[2])).toEqual(['04-11-2026: 50,0%', '20-11-2026: 66,7%', '01-12-2026: 66,7%']);
    expect(html).toContain('<td class="num">50,0%</td><td class="num">66,7%</td><td class="num">66,7%</td><td class="num">+16,7 pp</td>');
    const en = await giacheck(['compare', runs.oct, runs.nov, runs.dec, '--format', 'html', '--lang', 'en'], { env: ENV });
    expect(en.stdout).toContain('<h1>Trend over 3 runs: 2026-11-04 → 2026-12-01</h1>');
    expect(en.stdout).toContain('Median lead time per rule per run');
  });

  it('warns on stderr and in the report when the runs used another mapping', async () => {
    const r = await run(['compare', runs.oct, runs.nov, runs.mapped, '--format', 'md']);
    // the one definition: the mapping's SHA-256 in the run's provenance (its first 12 hex digits)
    const saved = JSON.parse(readFileSync(runs.mapped, 'utf8'));
    expect(saved.input.mapping).toBeUndefined();
    expect(saved.provenance.mapping).toEqual({ file: 'mapping.yaml', sha256: createHash('sha256').update('columns:\n  dossier_id: dossier_id\n').digest('hex') });
    const digest = saved.provenance.mapping.sha256.slice(0, 12);
    const line = `waarschuwing: de runs gebruiken verschillende mappings: geen (run 1, 2); mapping.yaml (${digest}) (run 3); kolommen kunnen anders gelezen zijn`;
    expect(r.stderr).toBe(`giacheck: ${line}\n`);
    expect(r.stdout).toContain(`- **${line.replace(': de', ':** de')}`);
    const j = JSON.parse((await run(['compare', runs.oct, runs.nov, runs.mapped, '--format', 'json', '--quiet'])).stdout);
    expect(j.warnings).toEqual([{ code: 'mappings', groups: [{ value: null, runs: [1, 2] }, { value: `mapping.yaml (${digest})`, runs: [3] }], message: line.replace('waarschuwing: ', '') }]);
    expect(j.runs[2].mapping).toBe(`mapping.yaml (${digest})`);
    const same = await run(['compare', runs.mapped, runs.mappedElsewhere, '--trend']);
    expect(same.stderr).toBe('');
  });

  it('two runs stay the two-run comparison; --trend shows the trend for two', async () => {
    const two = await run(['compare', runs.oct, runs.nov]);
    expect(two.stdout.split('\n')[0]).toBe('Vergelijking van twee runs: 04-11-2026 → 20-11-2026');
    const trend = await run(['compare', runs.oct, runs.nov, '--trend', '--format', 'json']);
    expect(JSON.parse(trend.stdout).runs).toHaveLength(2);
  });
});
