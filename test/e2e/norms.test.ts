/**
 * Norms (issue 14.2): LV-03 90 % and LV-04 80 % (LNVT ambition 2019), shown with whether they are
 * met in every format, and `check --fail-on below-norm`, alone or with a severity level.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withAllColumns } from '../helpers/cases.js';
import { giacheck } from '../helpers/cli.js';

// ten meldingen on Mon 1 June 2026, due Mon 8 June: 8 beoordelingen on time, 2 late (LV-03 80 %);
// five V&V, beoordeling Wed 3 June + 10 weeks = Wed 12 August: 4 finished on time, 1 late (LV-04 80 %)
function exportCsv(lateBeoordelingen = 2): string {
  const rows = ['dossier_id,gemeente,melding_datum,veiligheidsbeoordeling_datum,triage_besluit,dienst_afgerond_datum'];
  for (let i = 1; i <= 10; i++) {
    const vb = i > 10 - lateBeoordelingen ? '2026-06-10' : '2026-06-03';
    const vv = i <= 5;
    rows.push(`N-${i},Utrecht,2026-06-01,${vb},${vv ? 'voorwaarden_en_vervolg' : 'geen_vervolg'},${vv ? (i === 5 ? '2026-08-20' : '2026-08-01') : ''}`);
  }
  return withAllColumns(rows.join('\n') + '\n');
}
const ARGS = ['check', '-', '--region', 'landelijk', '--as-of', '2026-11-01'];
const run = (extra: string[], input = exportCsv()) => giacheck([...ARGS, ...extra], { input });

describe('norms in the report', () => {
  it('json: norm, norm_source and meets_norm per rule; rules without a norm have null', async () => {
    const r = await run(['--format', 'json']);
    const rules = JSON.parse(r.stdout).summary.rules.map((x: any) => [x.rule_id, x.compliance, x.norm, x.norm_source, x.meets_norm]);
    expect(rules).toEqual([
      ['LV-01', 0, null, null, null],
      ['LV-02', 0, null, null, null],
      ['LV-03', 0.8, 0.9, 'LNVT ambitie 2019: 90 % van de meldingen binnen 5 werkdagen beoordeeld', false],
      ['LV-04', 0.8, 0.8, 'LNVT ambitie 2019: 80 % van de onderzoeken binnen 10 weken afgerond', true],
    ]);
  });

  it('jsonl: the summary line carries the same', async () => {
    const lines = (await run(['--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const summary = lines.at(-1);
    expect(summary.type).toBe('summary');
    expect(summary.rules.filter((x: any) => x.norm !== null).map((x: any) => [x.rule_id, x.norm, x.meets_norm])).toEqual([
      ['LV-03', 0.9, false],
      ['LV-04', 0.8, true],
    ]);
  });

  it('csv (findings only): the norms are said on stderr, in Dutch and in English', async () => {
    const nl = await run(['--format', 'csv']);
    expect(nl.stderr.split('\n').filter((l) => l.includes('norm'))).toEqual([
      'giacheck: LV-03: naleving 80,0%, onder de norm 90% (LNVT ambitie 2019: 90 % van de meldingen binnen 5 werkdagen beoordeeld)',
      'giacheck: LV-04: naleving 80,0%, norm 80% gehaald (LNVT ambitie 2019: 80 % van de onderzoeken binnen 10 weken afgerond)',
    ]);
    const en = await run(['--format', 'csv', '--lang', 'en']);
    expect(en.stderr.split('\n').filter((l) => l.includes('norm'))).toEqual([
      'giacheck: LV-03: compliance 80.0%, below the norm 90% (LNVT ambitie 2019: 90 % van de meldingen binnen 5 werkdagen beoordeeld)',
      'giacheck: LV-04: compliance 80.0%, norm 80% met (LNVT ambitie 2019: 80 % van de onderzoeken binnen 10 weken afgerond)',
    ]);
  });

  it('md and html: a norm column with met / not met; – for a rule without a norm', async () => {
    const md = (await run(['--format', 'md'])).stdout;
    const row = (id: string) => md.split('\n').find((l) => l.startsWith(`| ${id} `))!;
    expect(row('LV-03')).toMatch(/\| 80,0% \| 90% \(niet gehaald\) \|/);
    expect(row('LV-04')).toMatch(/\| 80,0% \| 80% \(gehaald\) \|/);
    expect(row('LV-01')).toMatch(/\| 0,0% \| – \|/);
    const html = (await run(['--format', 'html'])).stdout;
    expect(html).toContain('<td class="num">90% (niet gehaald)</td>');
    expect(html).toContain('<td class="num">80% (gehaald)</td>');
  });

  it('table, wide and at 80 columns: the norm and whether it is met', async () => {
    const wide = (await run(['--width', '200'])).stdout;
    expect(wide).toContain('80,0% / norm 90% (niet gehaald)');
    expect(wide).toContain('80,0% / norm 80% (gehaald)');
    const narrow = (await run(['--width', '80'])).stdout;
    expect(narrow.split('\n').find((l) => l.startsWith('LV-03'))).toMatch(/ 80,0% < 90%$/);
    expect(narrow.split('\n').find((l) => l.startsWith('LV-04'))).toMatch(/ 80,0% ≥ 80%$/);
    expect(narrow.split('\n').find((l) => l.startsWith('LV-01'))).toMatch(/ 0,0%$/);
    expect(narrow).toContain('Naleving met norm: 89,5% < 90% = onder de norm;');
  });

  it('xlsx: the norm as a percentage cell and the verdict beside it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'giacheck-norm-')), 'r.xlsx');
    expect((await run(['--format', 'xlsx', '--output', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values: unknown[][] = [];
    wb.getWorksheet('Samenvatting')!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const lv03 = values.find((v) => v[0] === 'LV-03')!;
    expect(lv03).toContain(0.9);
    expect(lv03).toContain('niet gehaald');
    expect(values.find((v) => v[0] === 'LV-04')).toContain('gehaald');
  });
});

describe('check --fail-on below-norm', () => {
  it.each([
    [[], 0], // the default, error: landelijk rules are warnings
    [['--fail-on', 'below-norm'], 1],
    [['--fail-on', 'error,below-norm'], 1],
    [['--fail-on', 'below-norm,error'], 1],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'never'], 0],
  ])('%j → exit %i when LV-03 is below its norm', async (args, code) => {
    expect((await run([...(args as string[]), '--quiet'])).code).toBe(code);
  });

  it('0 with below-norm when every norm is met (LV-03 100 %, LV-04 80 %)', async () => {
    expect((await run(['--fail-on', 'below-norm', '--quiet'], exportCsv(0))).code).toBe(0);
    expect((await run(['--fail-on', 'error,below-norm', '--quiet'], exportCsv(0))).code).toBe(0);
  });

  it('a rule that cannot be judged is not below its norm: exit 0, and the report says so', async () => {
    // no veiligheidsbeoordeling_datum column: LV-03 and LV-04 are not assessable (LV-02 is)
    const csv = 'dossier_id,gemeente,melding_datum,triage_besluit,directbetrokkenen_geinformeerd_datum\nN-1,Utrecht,2026-06-01,geen_vervolg,2026-06-02\n';
    expect((await run(['--fail-on', 'below-norm', '--quiet'], csv)).code).toBe(0);
    const json = JSON.parse((await run(['--format', 'json', '--quiet'], csv)).stdout);
    expect(json.summary.rules.filter((x: any) => x.norm !== null).map((x: any) => [x.rule_id, x.assessable, x.meets_norm])).toEqual([
      ['LV-03', false, null],
      ['LV-04', false, null],
    ]);
    const err = (await run(['--format', 'csv'], csv)).stderr;
    expect(err).toContain('giacheck: LV-03: norm 90% niet te beoordelen (geen beoordeelde dossiers of niet te beoordelen regel; telt niet als onder de norm)\n');
  });

  it.each([['sometimes'], ['never,below-norm'], ['error,warning'], ['below-norm,below-norm']])('%s is a usage error, exit 2', async (value) => {
    const r = await run(['--fail-on', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: optie '--fail-on <niveau>': '${value}' kan niet; kies uit error, warning, never, below-norm (zie giacheck --help)\n`);
  });
});

describe('rules show', () => {
  it('shows the norm with its source, apart from the seed source', async () => {
    const r = await giacheck(['rules', 'show', 'LV-04', '--region', 'landelijk']);
    const lines = r.stdout.split('\n').map((l) => l.trim());
    expect(lines).toContain('bron: 004 Veiligheidsbeoordeling (Veilig Thuis verbetert werkwijze (landelijk, november 2018))');
    expect(lines).toContain(
      'norm: 80% (LNVT ambitie 2019: 80 % van de onderzoeken binnen 10 weken afgerond; Landelijk Netwerk Veilig Thuis, ambities voor de doorlooptijden (gepubliceerd 2019, bij de cijfers over het vierde kwartaal van 2018))',
    );
    const [zl] = JSON.parse((await giacheck(['rules', 'show', 'ZL-01', '--region', 'zuid-limburg', '--format', 'json'])).stdout);
    expect([zl.norm, zl.norm_source]).toEqual([0.9, { document: 'LNVT', section: 'ambitie 2019: 90 % van de meldingen binnen 5 werkdagen beoordeeld' }]);
  });
});
