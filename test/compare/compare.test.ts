import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { withAllColumns } from '../helpers/cases.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { runCompare, CompareOptions } from '../../src/cli/compare.js';
import { formatDelta } from '../../src/compare/format.js';
import { parseSavedReport } from '../../src/compare/load.js';
import { UserError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { testIo } from '../helpers/io.js';

/** The "Rapport geschreven naar …" line every --output run ends with (tested in test/e2e/output-by-name.test.ts). */
const withoutWrittenLine = (text: string) => text.replace(/^giacheck: Rapport geschreven naar .*\n/m, '');

const HEAD = 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;directbetrokkenen_geinformeerd_datum;triage_besluit;overdracht_datum;overdracht_bevestigd_datum;lokaal_team_contact_datum;dienst_afgerond_datum;warme_overdracht_datum;melder_geinformeerd_datum;ov_inhoud_melding;ov_contactgegevens_melder;ov_contactgegevens_directbetrokkenen;ov_oordeel_vt;ov_veiligheidsvoorwaarden;ov_consequenties;ov_veiligheidsplan;ov_afspraken_monitoring';
const C1 = 'C-1;Kerkrade;04-05-2026;08-05-2026;08-05-2026;V&V;;20-08-2026;21-08-2026;19-08-2026;20-08-2026;01-06-2026;ja;ja;ja;ja;ja;ja;ja;ja';
/** October export, checked on 04-11-2026 */
const OLD = [HEAD, 'A-1;Heerlen;02-11-2026;;;;;;;;;;;;;;;;;', 'B-1;Maastricht;01-10-2026;;;;;;;;;;;;;;;;;', C1, 'D-1;Heerlen;04-11-2026;;;;;;;;;;;;;;;;;'].join('\n') + '\n';
/** November export, checked on 20-11-2026: A-1 got its veiligheidsbeoordeling in time, nothing else changed */
const NEW = [HEAD, 'A-1;Heerlen;02-11-2026;06-11-2026;;;;;;;;;;;;;;;;', 'B-1;Maastricht;01-10-2026;;;;;;;;;;;;;;;;;', C1, 'D-1;Heerlen;04-11-2026;;;;;;;;;;;;;;;;;'].join('\n') + '\n';

class Sink extends Writable {
  text = '';
  isTTY = false;
  override _write(c: Buffer | string, _e: BufferEncoding, cb: () => void): void {
    this.text += String(c);
    cb();
  }
}

let dir: string;
let oldJson: string;
let newJson: string;
let newPassed: string;

async function check(csvText: string, asOf: string, name: string, extra: { includePassed?: boolean; pseudonymize?: boolean } = {}): Promise<string> {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, withAllColumns(csvText));
  const output = join(dir, `${name}.json`);
  await runCheck([csv], { region: 'zuid-limburg', asOf, format: 'json', output, failOn: 'never', ...extra }, testIo({ env: { GIACHECK_PSEUDO_KEY: 'sleutel-van-minstens-16-tekens' } }));
  return output;
}

async function compare(a: string, b: string, opts: Partial<CompareOptions> = {}): Promise<{ out: string; stderr: string }> {
  const output = join(dir, `cmp-${Math.random().toString(36).slice(2)}.txt`);
  const stderr = new Sink();
  await runCompare(a, b, { output, ...opts }, testIo({ stderr, env: { GIACHECK_PSEUDO_KEY: 'sleutel-van-minstens-16-tekens' } }));
  return { out: readFileSync(output, 'utf8'), stderr: withoutWrittenLine(stderr.text) };
}

beforeAll(async () => {
  setLang('nl');
  dir = mkdtempSync(join(tmpdir(), 'giacheck-compare-'));
  oldJson = await check(OLD, '2026-11-04', 'oktober');
  newJson = await check(NEW, '2026-11-20', 'november');
  newPassed = await check(NEW, '2026-11-20', 'november-alles', { includePassed: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLang('nl'));

describe('formatDelta', () => {
  it('writes percentage points with a sign', () => {
    expect(formatDelta(0.032)).toBe('+3,2 pp');
    expect(formatDelta(-0.25)).toBe('-25,0 pp');
    expect(formatDelta(0)).toBe('0,0 pp');
    expect(formatDelta(null)).toBe('–');
    setLang('en');
    expect(formatDelta(0.1)).toBe('+10.0 pp');
  });
});

describe('giacheck compare', () => {
  it('JSON: per rule and per gemeente old, new and the change; newly overdue; resolved', async () => {
    const { out, stderr } = await compare(oldJson, newJson, { format: 'json' });
    expect(stderr).toBe('');
    const j = JSON.parse(out);
    // base names only: a path can hold a user's name (issue 13.10)
    expect(j.old).toMatchObject({ file: 'oktober.json', peildatum: '2026-11-04', profile: { id: 'zuid-limburg' }, rows_checked: 4, findings: 9 });
    expect(JSON.stringify(j)).not.toContain(dir);
    expect(j.new).toMatchObject({ file: 'november.json', peildatum: '2026-11-20', rows_checked: 4, findings: 8 });
    expect(j.warnings).toEqual([]);
    const rule = (id: string) => j.rules.find((r: { rule_id: string }) => r.rule_id === id);
    // ZL-01: C-1 on time and B-1 overdue, A-1 and D-1 pending → A-1 on time, D-1 overdue: 50 % both times
    expect(rule('ZL-01')).toMatchObject({ old: { applicable: 4, on_time: 1, overdue: 1, pending: 2, compliance: 0.5 }, new: { applicable: 4, on_time: 2, overdue: 2, pending: 0, compliance: 0.5 }, compliance_delta: 0 });
    // ZL-02: A-1 and D-1 became overdue: 1/2 → 1/4
    expect(rule('ZL-02')).toMatchObject({ old: { on_time: 1, overdue: 1, compliance: 0.5 }, new: { on_time: 1, overdue: 3, compliance: 0.25 }, compliance_delta: -0.25 });
    expect(j.rules.map((r: { rule_id: string }) => r.rule_id)).toEqual(['LV-01', 'LV-04', 'ZL-01', 'ZL-02', 'ZL-03', 'ZL-04', 'ZL-05', 'ZL-06', 'ZL-07', 'ZL-08', 'ZL-09', 'ZL-10', 'ZL-11']);
    const gem = (g: string) => j.gemeenten.find((x: { gemeente: string }) => x.gemeente === g);
    // Heerlen: all four results pending before (nothing judged), now 1 on time of 4
    expect(gem('Heerlen')).toMatchObject({ deelregio: 'Parkstad', old: { cases: 2, pending: 4, compliance: null }, new: { cases: 2, on_time: 1, overdue: 3, compliance: 0.25 }, compliance_delta: null });
    expect(gem('Maastricht')).toMatchObject({ old: { overdue: 2, compliance: 0 }, new: { overdue: 2, compliance: 0 }, compliance_delta: 0 });
    expect(j.gemeenten).toHaveLength(16);
    expect(j.deelregios.map((d: { deelregio: string }) => d.deelregio).sort()).toEqual(['Maastricht-Heuvelland', 'Parkstad', 'Westelijke Mijnstreek']);
    expect(j.newly_overdue).toEqual([
      { dossier_id: 'A-1', rule_id: 'ZL-02', old_status: 'pending', due_date: '2026-11-09', days_late: 11 },
      { dossier_id: 'D-1', rule_id: 'ZL-01', old_status: 'pending', due_date: '2026-11-11', days_late: 9 },
      { dossier_id: 'D-1', rule_id: 'ZL-02', old_status: 'pending', due_date: '2026-11-11', days_late: 9 },
    ]);
    expect(j.resolved).toEqual([{ dossier_id: 'A-1', rule_id: 'ZL-01', old_status: 'pending', old_due_date: '2026-11-09', new_status: null }]);
    // totals: old 6 on time of 8 judged … recomputed from the per-rule counts
    const sum = (side: 'old' | 'new', k: string) => j.rules.reduce((s: number, r: Record<string, Record<string, number>>) => s + (r[side]?.[k] ?? 0), 0);
    expect(j.totals.old.on_time).toBe(sum('old', 'on_time'));
    expect(j.totals.new.overdue).toBe(sum('new', 'overdue'));
  });

  it('a new run with --include-passed shows what a resolved finding became', async () => {
    const j = JSON.parse((await compare(oldJson, newPassed, { format: 'json' })).out);
    expect(j.resolved).toEqual([{ dossier_id: 'A-1', rule_id: 'ZL-01', old_status: 'pending', old_due_date: '2026-11-09', new_status: 'on_time' }]);
    expect(j.newly_overdue).toHaveLength(3);
  });

  it('table: per rule with compliance old/new and the change, the lists below', async () => {
    // the bordered layout (160 columns and more); the compact one below
    const { out } = await compare(oldJson, newJson, { format: 'table', width: '200' });
    const lines = out.split('\n');
    expect(out).not.toContain(dir);
    expect(lines.slice(0, 4)).toEqual([
      'Vergelijking van twee runs: 04-11-2026 → 20-11-2026',
      `Oud: oktober.json (profiel zuid-limburg 2026.11, peildatum 04-11-2026, 4 dossiers gecontroleerd, 9 bevindingen)`,
      `Nieuw: november.json (profiel zuid-limburg 2026.11, peildatum 20-11-2026, 4 dossiers gecontroleerd, 8 bevindingen)`,
      expect.stringMatching(/^Naleving over alle regels: [\d,]+% → [\d,]+% \([-+]?[\d,]+ pp\)$/),
    ]);
    const row = (key: string) => lines.find((l) => l.startsWith(`│ ${key} `))?.split('│').slice(1, -1).map((c) => c.trim());
    expect(row('ZL-02')).toEqual(['ZL-02', 'Brief aan de directbetrokkenen binnen 5', '4 → 4', '1 → 3', '2 → 0', '50,0%', '25,0%', '-25,0 pp']);
    expect(lines).toContain('Nieuw verlopen (3)');
    expect(row('D-1')).toEqual(['D-1', 'ZL-01', 'open', '11-11-2026', '9']);
    expect(lines).toContain('Opgelost (bevinding van de vorige run, nu niet meer) (1)');
    expect(row('A-1')).toEqual(['A-1', 'ZL-02', 'open', '09-11-2026', '11']);
    expect(out).toContain('│ A-1     │ ZL-01 │ open              │ 09-11-2026 │ geen bevinding │');
  });

  it('Markdown and --max-findings', async () => {
    const { out } = await compare(oldJson, newJson, { format: 'md', maxFindings: '1' });
    expect(out).toContain('| ZL-02 | Brief aan de directbetrokkenen binnen 5 werkdagen na de melding | 4 → 4 | 1 → 3 | 2 → 0 | 50,0% | 25,0% | -25,0 pp |');
    expect(out).toContain('## Nieuw verlopen (3)\n\n| Dossier | Regel | Status vorige run | Uiterlijk | Dagen te laat |\n| --- | --- | --- | --- | --- |\n| A-1 | ZL-02 | open | 09-11-2026 | 11 |\n\n_1 van 3 getoond; --max-findings 0 toont alles_');
  });

  it('warns when the profiles differ, when the dates are in the wrong order, and when no id is shared', async () => {
    const other = JSON.parse(readFileSync(newJson, 'utf8'));
    other.profile.version = '2027.01';
    const otherFile = join(dir, 'ander-profiel.json');
    writeFileSync(otherFile, JSON.stringify(other));
    const a = await compare(oldJson, otherFile, { format: 'json' });
    expect(a.stderr).toBe('giacheck: waarschuwing: de runs gebruiken een ander profiel (zuid-limburg 2026.11 en zuid-limburg 2027.01); regels en termijnen kunnen verschillen\n');
    expect(JSON.parse(a.out).warnings).toEqual([{ code: 'profile', old: 'zuid-limburg 2026.11', new: 'zuid-limburg 2027.01', message: expect.stringContaining('ander profiel') }]);
    const b = await compare(newJson, oldJson, { format: 'md' });
    expect(b.stderr).toContain('de peildatum van het nieuwe rapport (04-11-2026) ligt niet na die van het oude (20-11-2026); zijn de bestanden verwisseld?');
    expect(b.out).toContain('- **waarschuwing:** de peildatum van het nieuwe rapport');
    const pseudo = await check(NEW, '2026-11-20', 'november-pseudo', { pseudonymize: true });
    const c = await compare(oldJson, pseudo, { format: 'json', quiet: true });
    expect(c.stderr).toBe('');
    // the pseudonymised run differs in its options too, and says so (issue 16.1)
    const cw = JSON.parse(c.out).warnings;
    expect(cw.map((w: { code: string }) => w.code)).toEqual(['provenance', 'noOverlap']);
    expect(cw[0]).toMatchObject({ what: 'options', old: expect.stringContaining('pseudonymize=false'), new: expect.stringContaining('pseudonymize=true') });
  });

  it('--pseudonymize hashes the dossier ids in the lists', async () => {
    const j = JSON.parse((await compare(oldJson, newJson, { format: 'json', pseudonymize: true })).out);
    expect(j.newly_overdue.map((f: { dossier_id: string }) => f.dossier_id).every((id: string) => /^P-[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(JSON.stringify(j)).not.toMatch(/"[ABD]-1"/);
  });

  it('a file that is not a giacheck JSON report is a UserError naming the file', async () => {
    const notReport = join(dir, 'iets.json');
    writeFileSync(notReport, JSON.stringify({ hello: 'world' }));
    await expect(compare(notReport, newJson)).rejects.toThrow(`${notReport}: geen giacheck-rapport (maak het met giacheck check --format json): tool: `);
    const broken = join(dir, 'kapot.json');
    writeFileSync(broken, '{"tool": ');
    await expect(compare(oldJson, broken)).rejects.toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: geen giacheck-rapport \\(maak het met giacheck check --format json\\): dit is geen JSON`));
    await expect(compare(join(dir, 'bestaat-niet.json'), newJson)).rejects.toThrow('bestaat-niet.json: bestand niet gevonden');
    // a jsonl stream is not a report
    const jsonl = join(dir, 'stroom.jsonl');
    writeFileSync(jsonl, '{"type":"finding"}\n{"type":"finding"}\n');
    await expect(compare(oldJson, jsonl)).rejects.toThrow(UserError);
    // (html is the trend over the runs since compare takes more than two: test/e2e/compare-trend.test.ts)
    await expect(compare(oldJson, newJson, { format: 'csv' })).rejects.toThrow('--format csv wordt door dit commando niet ondersteund');
  });

  it('parseSavedReport names the first problem with its path', () => {
    const r = JSON.parse(readFileSync(oldJson, 'utf8'));
    r.findings[0].status = 'kwijt';
    expect(() => parseSavedReport(JSON.stringify(r), 'x.json')).toThrow(/^x\.json: geen giacheck-rapport .*: findings\.0\.status: /);
  });
});
