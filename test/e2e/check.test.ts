import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withAllColumns } from '../helpers/cases.js';
import { giacheck } from '../helpers/cli.js';

const FIXTURE = 'fixtures/zuid-limburg-excel.csv';
const AS_OF = ['--as-of', '2026-11-01'];

async function json(args: string[] = []) {
  const r = await giacheck(['check', FIXTURE, ...AS_OF, '--format', 'json', ...args]);
  return { ...r, report: JSON.parse(r.stdout) };
}

describe('giacheck check on a Dutch-Excel export (BOM, ;, CRLF, dd-mm-yyyy)', () => {
  let code: number | null;
  let report: any;
  let stderr: string;
  beforeAll(async () => {
    ({ code, report, stderr } = await json());
  });

  it('accounts for every row: read = checked + rejected', async () => {
    expect(report.input).toMatchObject({ files: ['zuid-limburg-excel.csv'], rows_read: 16, rows_checked: 10, rows_rejected: 6 });
  });

  it('infers the region from the gemeenten and says so on stderr', async () => {
    expect(report.profile).toMatchObject({ id: 'zuid-limburg', extends: ['landelijk'] });
    expect(stderr).toBe('giacheck: regio afgeleid uit de gemeenten: Zuid-Limburg\n');
  });

  it('exits 1: there are error findings (--fail-on error is the default)', async () => {
    expect(code).toBe(1);
  });

  it('lists exactly the expected findings, most urgent first', async () => {
    expect(report.findings.map((f: any) => [f.dossier_id, f.rule_id, f.status, f.due_date, f.actual_date, f.days_late])).toEqual([
      ['D-002', 'ZL-02', 'overdue', '2026-05-04', null, 181],
      ['D-002', 'ZL-03', 'overdue', '2026-05-28', null, 157],
      ['D-006', 'ZL-01', 'overdue', '2026-10-27', null, 5],
      ['D-006', 'ZL-02', 'overdue', '2026-10-27', null, 5],
      ['D-004', 'LV-01', 'overdue', '2026-03-23', null, 223],
      ['D-004', 'LV-04', 'overdue', '2026-03-23', null, 223],
      ['D-005', 'LV-01', 'overdue', '2026-10-23', null, 9],
      ['D-005', 'LV-04', 'overdue', '2026-10-23', null, 9],
      ['D-004', 'ZL-05', 'late', '2026-03-23', '2026-03-30', 7],
      ['D-002', 'ZL-01', 'late', '2026-05-04', '2026-05-06', 2],
      ['D-010', 'LV-04', 'late', '2026-05-15', '2026-05-29', 14],
      ['D-002', 'ZL-04', 'missing', null, null, null],
      ['D-002', 'ZL-06', 'missing', null, null, null],
      ['D-004', 'ZL-07', 'missing', null, null, null],
      ['D-005', 'ZL-11', 'violated', null, null, null],
      ['D-012', 'ZL-10', 'violated', null, null, null],
      ['D-004', 'ZL-08', 'early', '2026-06-16', '2026-06-01', null],
      ['D-007', 'ZL-01', 'pending', '2026-11-04', null, null],
      ['D-007', 'ZL-02', 'pending', '2026-11-04', null, null],
      ['D-004', 'ZL-09', 'pending', '2027-03-16', null, null],
      ['D-003', 'ZL-09', 'pending', '2027-05-20', null, null],
    ]);
  });

  it('gives every finding the exact SPEC §8 fields, its severity and its source', async () => {
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(['dossier_id', 'gemeente', 'deelregio', 'rule_id', 'status', 'severity', 'due_date', 'actual_date', 'days_late', 'message', 'source']);
    }
    const zl06 = report.findings.find((f: any) => f.rule_id === 'ZL-06');
    expect(zl06).toMatchObject({ severity: 'error', source: '000 §5.1.3', message: 'ontbreekt: contactgegevens melder' });
    const lv01 = report.findings.find((f: any) => f.rule_id === 'LV-01');
    expect(lv01).toMatchObject({ severity: 'warning', source: '004 Veiligheidsbeoordeling' });
  });

  it('lists rejected rows with file, row, column and reason', async () => {
    expect(report.rejected).toEqual([
      { file: 'zuid-limburg-excel.csv', row: 9, column: 'melding_datum', reason: 'datum bestaat niet: "31-02-2026"' },
      { file: 'zuid-limburg-excel.csv', row: 10, column: 'gemeente', reason: 'gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?' },
      { file: 'zuid-limburg-excel.csv', row: 11, column: 'dossier_id', reason: 'dossier_id komt dubbel voor (eerder in rij 2); alleen de eerste telt' },
      { file: 'zuid-limburg-excel.csv', row: 12, column: '', reason: 'lege rij' },
      { file: 'zuid-limburg-excel.csv', row: 16, column: 'triage_besluit', reason: 'onbekend triagebesluit: onleesbare waarde, 26 tekens, niet getoond' },
      { file: 'zuid-limburg-excel.csv', row: 17, column: 'melder_anoniem', reason: 'geen ja/nee-waarde: "misschien"' },
    ]);
  });

  it('summarises per rule with compliance = on_time / judged', async () => {
    const zl01 = report.summary.rules.find((r: any) => r.rule_id === 'ZL-01');
    expect(zl01).toMatchObject({ applicable: 10, on_time: 7, late: 1, overdue: 1, pending: 1, missing: 0, early: 0, violated: 0, severity: 'error', source: '000 §5.1.1' });
    expect(zl01.compliance).toBeCloseTo(7 / 9, 10);
    const zl08 = report.summary.rules.find((r: any) => r.rule_id === 'ZL-08');
    expect(zl08).toMatchObject({ applicable: 2, on_time: 1, early: 1, compliance: 0.5 });
    expect(report.summary.rules.map((r: any) => r.rule_id)).toEqual(['LV-01', 'LV-04', 'ZL-01', 'ZL-02', 'ZL-03', 'ZL-04', 'ZL-05', 'ZL-06', 'ZL-07', 'ZL-08', 'ZL-09', 'ZL-10', 'ZL-11']);
  });

  it('aggregates per gemeente, deelregio and month; lists every gemeente of the region', async () => {
    expect(Object.keys(report.summary.by_gemeente)).toHaveLength(16);
    expect(report.summary.by_gemeente['Sittard-Geleen']).toMatchObject({ deelregio: 'Westelijke Mijnstreek', cases: 1 });
    expect(report.summary.by_gemeente['Valkenburg aan de Geul']).toMatchObject({ cases: 1 });
    expect(report.summary.by_gemeente['Stein']).toMatchObject({ cases: 0, compliance: null });
    expect(report.summary.by_deelregio.Parkstad.cases).toBe(4); // Heerlen, Kerkrade, Landgraaf, Brunssum
    expect(report.summary.period_unit).toBe('month');
    expect(report.summary.by_period['2026-04'].cases).toBe(2);
    expect(report.summary.routes).toMatchObject({ overdracht_lokaal_veld: 3, voorwaarden_en_vervolg: 3, onderzoek: 1, geen_vervolg: 1, onbekend: 2 });
    expect(report.summary.monitoring_duration).toEqual({ target_months: 18, closed: 0, mean_months: null, open: 2, source: '004 Langer volgen' });
  });

  it('never echoes columns it does not need', async () => {
    const all = (await giacheck(['check', FIXTURE, ...AS_OF, '--include-passed', '--format', 'json'])).stdout + (await giacheck(['check', FIXTURE, ...AS_OF])).stdout;
    expect(all).not.toMatch(/Jansen|0612345678|opmerking/);
  });
});

describe('check: the cases named in the issue', () => {
  it('melding Friday 24 April 2026, beoordeling Monday 4 May 2026: ZL-01 on time', async () => {
    const r = await json(['--include-passed', '--region', 'zuid-limburg']);
    expect(r.report.findings.find((f: any) => f.dossier_id === 'D-001' && f.rule_id === 'ZL-01')).toMatchObject({ status: 'on_time', due_date: '2026-05-04', actual_date: '2026-05-04' });
  });

  it('handover 13 November 2026 without confirmation: NOG-02 overdue at 1 December 2026', async () => {
    const csv = withAllColumns('dossier_id,gemeente,melding_datum,triage_besluit,overdracht_datum\nN-1,Oost-Gelre,2026-11-06,overdracht_lokaal_veld,2026-11-13\n');
    const r = await giacheck(['check', '-', '--as-of', '2026-12-01', '--format', 'json'], { input: csv });
    const report = JSON.parse(r.stdout);
    expect(report.profile.id).toBe('noord-oost-gelderland');
    expect(report.findings.find((f: any) => f.rule_id === 'NOG-02')).toMatchObject({ status: 'overdue', due_date: '2026-11-20', days_late: 11, severity: 'warning' });
    // NOG rules are warnings: the default --fail-on error does not fail the run
    expect(r.code).toBe(0);
    expect((await giacheck(['check', '-', '--as-of', '2026-12-01', '--fail-on', 'warning', '--quiet'], { input: csv })).code).toBe(1);
  });
});

describe('check: exit codes', () => {
  it('0 with --fail-on never', async () => {
    expect((await giacheck(['check', FIXTURE, ...AS_OF, '--fail-on', 'never', '--quiet'])).code).toBe(0);
  });
  it('0 when only pending and info findings remain', async () => {
    const csv = withAllColumns('dossier_id,gemeente,melding_datum\nX-1,Heerlen,2026-10-30\n');
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json'], { input: csv });
    expect(JSON.parse(r.stdout).findings.map((f: any) => f.status)).toEqual(['pending', 'pending']);
    expect(r.code).toBe(0);
  });
  it.each([
    [['check', 'fixtures/does-not-exist.csv', '--region', 'zuid-limburg'], /^giacheck: fixtures\/does-not-exist\.csv: bestand niet gevonden\n$/],
    [['check', FIXTURE, '--region', 'utrecht'], /^giacheck: onbekende regio "utrecht"; kies uit: landelijk, noord-oost-gelderland, zuid-limburg\n$/],
    [['check', FIXTURE, '--as-of', '2026-02-31'], /^giacheck: --as-of "2026-02-31": verwacht een bestaande datum als jjjj-mm-dd of dd-mm-jjjj\n$/],
    [['check', FIXTURE, '--format', 'pdf'], /^giacheck: --format "pdf": kies uit /],
    [['check', FIXTURE, '--fail-on', 'sometimes'], /^giacheck: optie '--fail-on <niveau>': 'sometimes' kan niet; kies uit error, warning, never/],
    [['check'], /^giacheck: argument 'bestand' ontbreekt/],
  ])('2 for unusable input or usage: %j', async (args, message) => {
    const r = await giacheck(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('2 when a required column is missing, naming file and column', async () => {
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg'], { input: 'dossier_id;gemeente\nA;Heerlen\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('giacheck: stdin: verplichte kolom ontbreekt: melding_datum (gebruik --mapping om kolomnamen te koppelen)\n');
  });
  it('2 for an unbalanced quote, naming the line', async () => {
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg'], { input: 'dossier_id,gemeente,melding_datum\nA,"Heerlen,2026-01-05\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('giacheck: stdin: regel 2 (rij 2): aanhalingsteken wordt niet gesloten voor het einde van het bestand\n');
  });
  it('--debug adds the stack trace', async () => {
    const r = await giacheck(['check', 'fixtures/nope.csv', '--region', 'zuid-limburg', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
  it('2 when the region cannot be inferred', async () => {
    const r = await giacheck(['check', '-'], { input: 'dossier_id,gemeente,melding_datum\nA,Utrecht,2026-01-05\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^giacheck: regio niet af te leiden: geen enkele gemeente hoort bij een gebundelde regio; geef --region/);
  });
  it('2 when gemeenten of two regions are mixed', async () => {
    const r = await giacheck(['check', '-'], { input: 'dossier_id,gemeente,melding_datum\nA,Heerlen,2026-01-05\nB,Apeldoorn,2026-01-05\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/meer dan één regio \(Zuid-Limburg, Noord Oost Gelderland\)/);
  });
});

describe('check: output formats', () => {
  it('table: Dutch compliance table without colours when not a TTY', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg']);
    expect(r.stdout).toMatch(/^Nalevingsrapport Zuid-Limburg\nProfiel: zuid-limburg 2026\.11 \(extends landelijk\) · Peildatum: 01-11-2026\n/);
    expect(r.stdout).toContain('Rijen: 16 gelezen, 10 gecontroleerd, 6 afgewezen');
    for (const heading of ['Naleving per regel', 'Per gemeente', 'Per deelregio', 'Per maand van melding', 'Routes na de veiligheidsbeoordeling', 'Bevindingen (meest urgent eerst)', 'Afgewezen rijen']) {
      expect(r.stdout).toContain(heading);
    }
    // not a terminal: 100 columns, the compact layout (test/e2e/table-width-tmux.test.ts)
    // compliance against the norm in the compact layout: below 90 %
    expect(r.stdout).toMatch(/^ZL-01 +Veiligheidsbeoordeling binnen 5 werkdagen… +10 +2 +0 +77,8% < 90%$/m);
    expect(r.stdout).toContain('77,8%');
    expect(r.stdout).toContain('Niet actief in dit profiel: LV-03 (vervangen door ZL-01), LV-02 (vervangen door ZL-02)');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('table in English with --lang en', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--lang', 'en']);
    expect(r.stdout).toMatch(/^Compliance report Zuid-Limburg\n/);
    expect(r.stdout).toContain('Rows: 16 read, 10 checked, 6 rejected');
    expect(r.stdout).toContain('77.8%');
    expect(r.stdout).toContain('2026-05-04');
  });

  it('colours only when forced (FORCE_COLOR) and never with NO_COLOR or --no-color', async () => {
    const forced = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toMatch(/\x1b\[/);
    const off = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(off.stdout).not.toMatch(/\x1b\[/);
  });

  it('--max-findings limits the table and says how many there are', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--max-findings', '3']);
    expect(r.stdout).toContain('3 van 21 bevindingen getoond');
  });

  it('jsonl streams findings, rejected rows and a final summary line', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'jsonl']);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'finding')).toHaveLength(21);
    expect(lines.filter((l) => l.type === 'rejected')).toHaveLength(6);
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ type: 'summary', peildatum: '2026-11-01', input: { rows_read: 16, rows_checked: 10, rows_rejected: 6 } });
    expect(lines.find((l) => l.type === 'finding' && l.dossier_id === 'D-002' && l.rule_id === 'ZL-01')).toEqual({
      type: 'finding', dossier_id: 'D-002', gemeente: 'Sittard-Geleen', deelregio: 'Westelijke Mijnstreek', rule_id: 'ZL-01', status: 'late', severity: 'error', due_date: '2026-05-04', actual_date: '2026-05-06', days_late: 2,
      message: 'veiligheidsbeoordeling op 06-05-2026, 2 dag(en) na de uiterste datum 04-05-2026', source: '000 §5.1.1',
    });
    expect(r.stderr).toBe('giacheck: fixtures/zuid-limburg-excel.csv: 16 rijen gelezen, 10 gecontroleerd, 6 afgewezen\n');
  });

  it('csv streams findings with a header; rejected rows go to stderr', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'csv', '--lang', 'en']);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('dossier_id,gemeente,deelregio,rule_id,status,severity,due_date,actual_date,days_late,message,source');
    expect(rows).toHaveLength(22);
    expect(rows).toContain("D-002,Sittard-Geleen,Westelijke Mijnstreek,ZL-06,missing,error,,,,missing: melder's contact details,000 §5.1.3");
    expect(r.stderr.split('\n').filter((l) => l.includes('row 9')).length).toBe(1);
  });

  it('csv in Dutch opens in Dutch Excel: BOM, semicolons, dd-mm-jjjj, Dutch headers and status words', async () => {
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'csv', '--lang', 'nl']);
    expect(r.stdout.startsWith('\uFEFFDossier;Gemeente;Deelregio;Regel;Status;Ernst;Uiterlijk;Gedaan;Dagen te laat;Toelichting;Bron\r\n')).toBe(true);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(22);
    expect(rows).toContain('D-002;Sittard-Geleen;Westelijke Mijnstreek;ZL-06;ontbreekt;fout;;;;ontbreekt: contactgegevens melder;000 §5.1.3');
    expect(rows.some((l) => /;verlopen;fout;\d\d-\d\d-2026;;\d+;/.test(l))).toBe(true);
    expect(r.stderr.split('\n').filter((l) => l.includes('rij 9'))).toEqual(['giacheck: fixtures/zuid-limburg-excel.csv: rij 9, kolom melding_datum: datum bestaat niet: "31-02-2026"']);
  });

  it('csv neutralises formula injection in text cells', async () => {
    const csv = withAllColumns('dossier_id,gemeente,melding_datum\n=HYPERLINK("x"),Heerlen,2026-10-01\n');
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--lang', 'en'], { input: csv });
    expect(r.stdout).toContain('"\'=HYPERLINK(""x"")",Heerlen,Parkstad,ZL-01,overdue');
    const nl = await giacheck(['check', '-', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv'], { input: csv });
    expect(nl.stdout).toContain('"\'=HYPERLINK(""x"")";Heerlen;Parkstad;ZL-01;verlopen');
  });

  it('--output writes atomically with mode 0600 and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-out-'));
    const target = join(dir, 'rapport.json');
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'json', '--output', target]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).input.rows_read).toBe(16);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['rapport.json']);
  });

  it('--include-passed lists on_time and not_applicable results too', async () => {
    const { report } = await json(['--include-passed', '--region', 'zuid-limburg']);
    expect(report.findings).toHaveLength(10 * 13);
    expect(report.findings.filter((f: any) => f.status === 'not_applicable').length).toBeGreaterThan(0);
  });
});

describe('check: JSON and JSON Lines input, mapping', () => {
  it('reads a JSON array and JSON Lines with the same results as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-json-'));
    const cases = [
      { dossier_id: 'J-1', gemeente: 'Heerlen', melding_datum: '2026-04-24', veiligheidsbeoordeling_datum: '2026-05-04', melder_anoniem: false },
      { dossier_id: 'J-2', gemeente: 'Heerlen', melding_datum: '24-04-2026', veiligheidsbeoordeling_datum: '05-05-2026', melder_anoniem: 'nee' },
    ];
    writeFileSync(join(dir, 'a.json'), JSON.stringify(cases));
    writeFileSync(join(dir, 'a.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    for (const f of ['a.json', 'a.jsonl']) {
      const r = await giacheck(['check', join(dir, f), '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json']);
      const rep = JSON.parse(r.stdout);
      expect(rep.input.rows_checked).toBe(2);
      expect(rep.findings.filter((x: any) => x.rule_id === 'ZL-01').map((x: any) => [x.dossier_id, x.status])).toEqual([['J-2', 'late']]);
    }
  });

  it('maps a foreign export through --mapping (columns, route spellings, date format)', async () => {
    const r = await giacheck(['check', 'fixtures/mapping/regsys-export.csv', '--mapping', 'fixtures/mapping/regsys.yaml', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json']);
    const rep = JSON.parse(r.stdout);
    expect(rep.input).toMatchObject({ rows_read: 3, rows_checked: 2, rows_rejected: 1 });
    expect(rep.rejected).toEqual([{ file: 'regsys-export.csv', row: 4, column: 'Datum melding (melding_datum)', reason: 'datum past niet bij date_format dd-MM-yyyy: "2026-04-24"' }]);
    expect(rep.summary.routes).toMatchObject({ voorwaarden_en_vervolg: 1, overdracht_lokaal_veld: 1 });
    expect(rep.findings.find((f: any) => f.dossier_id === '2026-0002' && f.rule_id === 'ZL-01')).toMatchObject({ status: 'late', days_late: 1 });
  });
});

describe('check: a year without a Besluit gelijkstelling (issue 16.3)', () => {
  it('a run with a peildatum in 2029 warns once, on stderr and in the report; 2026 does not', async () => {
    const csv = withAllColumns('dossier_id;gemeente;melding_datum\nA-1;Heerlen;02-01-2029\n');
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg', '--as-of', '2029-02-01', '--format', 'json'], { input: csv });
    const message = 'geen Besluit gelijkstelling dagen bekend voor 2029: termijnen in werkdagen tellen daar alleen de feestdagen van de Algemene termijnenwet art. 3 (lid 1 en 2); een later gepubliceerd Besluit kan dagen toevoegen';
    expect(r.stderr.split('\n').filter((l) => l.includes('Besluit'))).toEqual([`giacheck: ${message}`]);
    expect(JSON.parse(r.stdout).warnings).toContainEqual({ code: 'no-besluit', message });
    const now = await giacheck(['check', '-', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json'], { input: withAllColumns('dossier_id;gemeente;melding_datum\nA-1;Heerlen;02-10-2026\n') });
    expect(JSON.parse(now.stdout).warnings.filter((w: { code: string }) => w.code === 'no-besluit')).toEqual([]);
  });
});
