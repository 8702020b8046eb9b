/**
 * Lead times, werkvoorraad and periods (issue 14.3–14.5) end to end, on a hand-computed export:
 * fixtures/stats/zl-lead-times.csv, ZL-01 (veiligheidsbeoordeling within 5 werkdagen of the
 * melding), peildatum Wednesday 20 May 2026. The werkdagen skip Koningsdag (Mon 27 April),
 * 5 mei (Tue), Hemelvaart (Thu 14 May) and the gelijkgestelde Friday 15 May 2026.
 *
 * Done terms (werkdagen in (melding, beoordeling]):
 *   H 22/4→22/4 0 · A 22/4→23/4 1 · C Fri 24/4→Tue 28/4 1 (27/4 closed) · B 22/4→24/4 2 ·
 *   K 22/4→28/4 3 · O 30/3→2/4 3 · I 22/4→29/4 4 · E 1/5→8/5 4 (5/5 closed) · D 20/4→30/4 7 ·
 *   J 22/4→6/5 8 · L 22/4→13/5 13
 *   sorted 0 1 1 2 3 3 4 4 7 8 13 (n = 11): median rank ⌈5.5⌉ = 6 → 3; P90 rank ⌈9.9⌉ = 10 → 8; max 13.
 * Open at the peildatum (no beoordeling; melding → 20/5):
 *   F 11/5 5 (due 20/5: pending) · G 4/5 9 (due 12/5, overdue 4 wd) · N 22/4 16 (due 30/4,
 *   overdue 11 wd) · M 1/4 29 (due 10/4 after Goede Vrijdag and 2e Paasdag, overdue 24 wd)
 *   sorted 5 9 16 29: median rank 2 → 9; P90 rank ⌈3.6⌉ = 4 → 29; max 29.
 * Maastricht done: 0 1 1 2 3 3 4 4 7 8 → median 3 (rank 5), P90 7 (rank 9), max 8; Heerlen: L only (13).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const FIXTURE = 'fixtures/stats/zl-lead-times.csv';
const BASE = ['check', FIXTURE, '--region', 'zuid-limburg', '--as-of', '2026-05-20', '--fail-on', 'never', '--quiet'];

async function json(args: string[] = []) {
  const r = await giacheck([...BASE, '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const spread = (count: number, median: number | null, p90: number | null, max: number | null) => ({ count, median, p90, max });
const NONE = spread(0, null, null, null);

describe('check: lead-time spread (summary.lead_times)', () => {
  it('per rule: unit, term, the done and open spreads and the distribution', async () => {
    const lt = (await json()).summary.lead_times;
    expect(lt.method).toBe('nearest-rank');
    expect(lt.rules).toEqual([
      {
        rule_id: 'ZL-01',
        unit: 'werkdagen',
        term: 5,
        done: spread(11, 3, 8, 13),
        open: spread(4, 9, 29, 29),
        histogram: {
          done: [[0, 1], [1, 2], [2, 1], [3, 2], [4, 2], [7, 1], [8, 1], [13, 1]],
          open: [[5, 1], [9, 1], [16, 1], [29, 1]],
        },
      },
    ]);
  });

  it('per gemeente, deelregio and period (every gemeente of the profile, also without cases)', async () => {
    const lt = (await json(['--period', 'quarter'])).summary.lead_times;
    expect(lt.by_gemeente.Maastricht['ZL-01']).toEqual({ done: spread(10, 3, 7, 8), open: spread(2, 16, 29, 29) });
    expect(lt.by_gemeente.Heerlen['ZL-01']).toEqual({ done: spread(1, 13, 13, 13), open: spread(2, 5, 9, 9) });
    expect(lt.by_gemeente.Vaals['ZL-01']).toEqual({ done: NONE, open: NONE });
    expect(Object.keys(lt.by_gemeente)).toHaveLength(16);
    expect(lt.by_deelregio['Maastricht-Heuvelland']['ZL-01'].done).toEqual(spread(10, 3, 7, 8));
    expect(lt.by_deelregio.Parkstad['ZL-01'].done).toEqual(spread(1, 13, 13, 13));
    expect(lt.by_period).toEqual({
      '2026-Q1': { 'ZL-01': { done: spread(1, 3, 3, 3), open: NONE } },
      '2026-Q2': { 'ZL-01': { done: spread(10, 3, 8, 13), open: spread(4, 9, 29, 29) } },
    });
  });

  it('the jsonl summary line carries the same figures', async () => {
    const r = await giacheck([...BASE, '--format', 'jsonl']);
    const last = JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!);
    expect(last.type).toBe('summary');
    expect(last.lead_times.rules[0].done).toEqual(spread(11, 3, 8, 13));
    expect(last.werkvoorraad.rules[0].open).toBe(4);
    expect(last.period_unit).toBe('month');
  });
});

describe('check: werkvoorraad at the peildatum (summary.werkvoorraad)', () => {
  it('open items per rule and gemeente by age in werkdagen, oldest first', async () => {
    const w = (await json()).summary.werkvoorraad;
    expect(w.peildatum).toBe('2026-05-20');
    expect(w.rules).toEqual([{ rule_id: 'ZL-01', open: 4, not_due: 1, overdue_1_5: 1, overdue_6_20: 1, overdue_over_20: 1, oldest_overdue_werkdagen: 24 }]);
    expect(w.rows).toEqual([
      { rule_id: 'ZL-01', gemeente: 'Maastricht', deelregio: 'Maastricht-Heuvelland', open: 2, not_due: 0, overdue_1_5: 0, overdue_6_20: 1, overdue_over_20: 1, oldest_overdue_werkdagen: 24 },
      { rule_id: 'ZL-01', gemeente: 'Heerlen', deelregio: 'Parkstad', open: 2, not_due: 1, overdue_1_5: 1, overdue_6_20: 0, overdue_over_20: 0, oldest_overdue_werkdagen: 4 },
    ]);
  });
});

describe('check: periods (--from, --to, --period)', () => {
  it('--period half-year groups the period table per half-year and says so', async () => {
    const r = await json(['--period', 'half-year']);
    expect(r.summary.period_unit).toBe('half-year');
    expect(Object.keys(r.summary.by_period)).toEqual(['2026-H1']);
    expect(r.summary.by_period['2026-H1'].cases).toBe(15);
    expect(r.input.period).toEqual({ from: null, to: null });
  });

  it('--from/--to (dd-mm-jjjj or jjjj-mm-dd) limit the run; rows outside are counted, never dropped', async () => {
    const r = await giacheck([...BASE, '--format', 'json', '--from', '01-04-2026', '--to', '2026-05-04']);
    const report = JSON.parse(r.stdout);
    // O (30 March) and F (11 May) lie outside: 13 of 15 rows judged
    expect(report.input).toMatchObject({ rows_read: 15, rows_checked: 13, rows_rejected: 0, rows_outside_period: 2, period: { from: '2026-04-01', to: '2026-05-04' } });
    expect(report.input.per_file[0]).toMatchObject({ rows_read: 15, rows_checked: 13, rows_outside_period: 2 });
    expect(report.summary.totals.cases).toBe(13);
    expect(report.summary.lead_times.rules[0].done).toEqual(spread(10, 3, 8, 13));
    expect(report.summary.lead_times.rules[0].open).toEqual(spread(3, 16, 29, 29));
    expect(report.warnings).toContainEqual({ code: 'outside-period', message: '2 van 15 rijen hebben een melding buiten de periode (01-04-2026 – 04-05-2026) en zijn niet beoordeeld' });
  });

  it('the warning goes to stderr too, and the table states the period', async () => {
    const r = await giacheck(['check', FIXTURE, '--region', 'zuid-limburg', '--as-of', '2026-05-20', '--fail-on', 'never', '--from', '2026-04-01', '--period', 'quarter']);
    expect(r.stderr).toContain('giacheck: 1 van 15 rijen hebben een melding buiten de periode (01-04-2026 – …) en zijn niet beoordeeld\n');
    expect(r.stdout).toContain('Periode: meldingen vanaf 01-04-2026; periodetabel per kwartaal\n');
    expect(r.stdout).toContain('1 rijen met een melding buiten de periode zijn niet beoordeeld');
    expect(r.stdout).toContain('\nPer kwartaal van melding\n');
  });

  it('refuses an impossible date and a reversed range (exit 2, one line)', async () => {
    const bad = await giacheck([...BASE, '--from', '31-02-2026']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('giacheck: --from 31-02-2026 is geen datum: gebruik jjjj-mm-dd of dd-mm-jjjj, bijvoorbeeld 2026-01-01\n');
    const reversed = await giacheck([...BASE, '--from', '2026-06-01', '--to', '2026-01-01']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toBe('giacheck: --from 2026-06-01 ligt na --to 2026-01-01: draai ze om\n');
    const none = await giacheck([...BASE, '--from', '2027-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('giacheck: geen van de 15 rijen heeft een melding in de periode 01-01-2027 – …: kies een andere --from/--to\n');
    const unit = await giacheck([...BASE, '--period', 'week']);
    expect(unit.code).toBe(2);
  });
});

describe('check: the sections in every readable format', () => {
  it('table (80 columns): lead times per rule and per gemeente, werkvoorraad oldest first', async () => {
    const r = await giacheck([...BASE, '--width', '80']);
    const out = r.stdout;
    expect(out).toContain(
      [
        'Per regel',
        'Regel  Eenheid    Termijn  Afgerond  Mediaan  P90  Max  Open  Open mediaan',
        '--------------------------------------------------------------------------',
        'ZL-01  werkdagen        5        11        3    8   13     4             9',
      ].join('\n'),
    );
    expect(out).toContain(['Gemeente           ZL-01', '------------------------', 'Heerlen     13 / 13 / 13', 'Maastricht     3 / 7 / 8'].join('\n'));
    expect(out).toContain(['Maand          ZL-01', '--------------------', '2026-03    3 / 3 / 3', '2026-04  3 / 13 / 13', '2026-05    4 / 4 / 4'].join('\n'));
    expect(out).toMatch(/Werkvoorraad op de peildatum\n\nPer regel\n/);
    expect(out).toMatch(/ZL-01  Maastricht\s+2\s+1\s+1\s+0\s+0\s+24\nZL-01  Heerlen\s+2\s+0\s+0\s+1\s+1\s+4\n/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('table (wide): the same figures in bordered tables', async () => {
    const r = await giacheck([...BASE, '--width', '200']);
    expect(r.stdout).toMatch(/│ ZL-01 │ werkdagen │\s+5 │\s+11 │\s+3 │\s+8 │\s+13 │\s+4 │\s+9 │\s+29 │/);
    expect(r.stdout).toMatch(/│ Maastricht │\s+3 \/ 7 \/ 8 │/);
  });

  it('md: lead-time and werkvoorraad tables', async () => {
    const md = (await giacheck([...BASE, '--format', 'md'])).stdout;
    expect(md).toContain('## Doorlooptijden');
    expect(md).toContain('| ZL-01 | werkdagen | 5 | 11 | 3 | 8 | 13 | 4 | 9 | 29 |');
    expect(md).toContain('| Maastricht | 3 / 7 / 8 |');
    // April: 0 1 1 2 3 4 7 8 13 (n = 9): median rank 5 → 3, P90 rank ⌈8.1⌉ = 9 → 13
    expect(md).toContain('| 2026-04 | 3 / 13 / 13 |');
    expect(md).toContain('## Werkvoorraad op de peildatum');
    expect(md).toContain('| ZL-01 | Maastricht | 2 | 1 | 1 | 0 | 0 | 24 |');
    expect(md).toContain('- **Periode:** alle meldingen; periodetabel per maand');
  });

  it('html: the sections, a distribution chart per rule (inline SVG, no script)', async () => {
    const html = (await giacheck([...BASE, '--format', 'html'])).stdout;
    expect(html).toContain('<section id="doorlooptijden"');
    expect(html).toContain('<section id="werkvoorraad"');
    const svg = /<svg[^>]*class="chart leadtime"[\s\S]*?<\/svg>/.exec(html)![0];
    // 14 columns 0…13 (one per werkdag value), 8 of them with cases; 7, 8 and 13 lie past the 5-werkdagen term
    expect(svg.match(/<rect /g)).toHaveLength(8);
    expect(svg).toContain('<title>13 werkdagen: 1</title>');
    expect(svg).toContain('<title>1 werkdagen: 2</title>');
    expect(svg.match(/fill="#c62828"/g)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<th scope="row">ZL-01</th><td>werkdagen</td><td class="num">5</td><td class="num">11</td><td class="num">3</td><td class="num">8</td><td class="num">13</td>');
  });

  it('xlsx: a Doorlooptijden and a Werkvoorraad sheet with numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-stats-'));
    const file = join(dir, 'r.xlsx');
    const r = await giacheck([...BASE, '--format', 'xlsx', '--output', file]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const lead = wb.getWorksheet('Doorlooptijden')!;
    const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(lead, 1)).toEqual(['Soort', 'Groep', 'Regel', 'Eenheid', 'Termijn', 'Afgerond', 'Mediaan', 'P90', 'Max', 'Open', 'Open mediaan', 'Open max']);
    expect(values(lead, 2)).toEqual(['alle', 'alle', 'ZL-01', 'werkdagen', 5, 11, 3, 8, 13, 4, 9, 29]);
    const rows = lead.getSheetValues().slice(2).map((v) => (v as unknown[]).slice(1));
    expect(rows).toContainEqual(['gemeente', 'Maastricht', 'ZL-01', 'werkdagen', 5, 10, 3, 7, 8, 2, 16, 29]);
    expect(rows).toContainEqual(['periode', '2026-04', 'ZL-01', 'werkdagen', 5, 9, 3, 13, 13, 2, 16, 29]);
    const stock = wb.getWorksheet('Werkvoorraad')!;
    expect(values(stock, 2)).toEqual(['ZL-01', 'alle', undefined, 4, 1, 1, 1, 1, 24]);
    expect(values(stock, 3)).toEqual(['ZL-01', 'Maastricht', 'Maastricht-Heuvelland', 2, 1, 1, 0, 0, 24]);
  });

  it('English with --lang en', async () => {
    const out = (await giacheck([...BASE, '--width', '100', '--lang', 'en'])).stdout;
    expect(out).toContain('Lead times');
    expect(out).toContain('Werkvoorraad at the reference date');
    expect(out).toContain('Period: all meldingen; period table per month');
  });
});

describe('agenda: --from/--to', () => {
  it('limits the agenda to meldingen in the period and counts the others', async () => {
    const r = await giacheck(['agenda', FIXTURE, '--region', 'zuid-limburg', '--as-of', '2026-05-20', '--days', '14', '--format', 'json', '--quiet', '--from', '2026-05-01']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    // melding on or after 1 May: E, F, G (open: F pending due 20 May, G overdue)
    expect(a.input).toMatchObject({ rows_read: 15, rows_checked: 3, rows_outside_period: 12, period: { from: '2026-05-01', to: null } });
    expect(a.items.map((i: any) => [i.dossier_id, i.rule_id, i.status])).toEqual([
      ['G', 'ZL-01', 'overdue'],
      ['F', 'ZL-01', 'pending'],
    ]);
    const table = (await giacheck(['agenda', FIXTURE, '--region', 'zuid-limburg', '--as-of', '2026-05-20', '--quiet', '--from', '2026-05-01'])).stdout;
    expect(table).toContain('Periode: meldingen vanaf 01-05-2026\n12 rijen met een melding buiten de periode zijn niet beoordeeld');
  });
});
