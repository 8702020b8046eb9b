/**
 * The readable reports, agenda and compare as a user runs them: the CLI (in-process,
 * test/helpers/cli.ts), real files, exit codes and one-line errors; an XLSX through a real pipe
 * into the real process.
 */
import { withAllColumns } from '../helpers/cases.js';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZlSmallXlsx } from '../report/xlsx-fixture.js';
import { giacheck, giacheckProcess, ROOT } from '../helpers/cli.js';

const DEMO = join(ROOT, 'fixtures', 'demo', 'zuid-limburg-demo.csv');
const SMALL = join(ROOT, 'fixtures', 'zl-small.csv');
/** a spawned process on a loaded CI machine needs more than the default 30 s */
const SLOW = 120_000;

const ENV = { LANG: 'nl_NL.UTF-8' };
const run = (args: string[]) => giacheck(args, { env: ENV });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-e2e-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check --format md|html|xlsx', () => {
  it('md and html go to stdout; html switches language with --lang en', async () => {
    const md = await run(['check', SMALL, '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'md', '--fail-on', 'never']);
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# Nalevingsrapport Zuid-Limburg\n')).toBe(true);
    expect(md.stdout).toContain('| ZL-01 | Veiligheidsbeoordeling binnen 5 werkdagen na de melding | fout | 2 | 1 | 1 |');
    const html = await run(['check', SMALL, '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'html', '--lang', 'en']);
    expect(html.code).toBe(1); // findings at error level
    expect(html.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.stdout).toContain('<h2 id="rules-h">Compliance per rule</h2>');
  });

  it('md and html list every finding whatever --max-findings says (a meeting format is complete)', async () => {
    const args = ['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
    const json = JSON.parse((await run([...args, '--format', 'json'])).stdout);
    expect(json.findings.length).toBeGreaterThan(100);
    const html = (await run([...args, '--format', 'html', '--max-findings', '1'])).stdout;
    expect(html.match(/<tr class="st-/g)).toHaveLength(json.findings.length);
    const perRule = new Map<string, number>();
    for (const f of json.findings as { rule_id: string }[]) perRule.set(f.rule_id, (perRule.get(f.rule_id) ?? 0) + 1);
    for (const [id, n] of perRule) expect(html).toContain(`<a href="#findings-${id}">${id}</a> <span class="badge">${n.toLocaleString('nl-NL')} bevinding(en)</span>`);
    const md = (await run([...args, '--format', 'md', '--max-findings', '1'])).stdout;
    const dossiers = new Set((json.findings as { dossier_id: string }[]).map((f) => f.dossier_id));
    // the findings section (the zicht-op-veiligheid list above it has dossier ids too)
    const findingsPart = md.slice(md.indexOf('\n## Bevindingen'));
    expect(findingsPart.split('\n').filter((l) => dossiers.has(l.split(' | ')[0].slice(2)))).toHaveLength(json.findings.length);
  }, SLOW);

  it('xlsx needs --output; the file is written with mode 0600 and has the four sheets', async () => {
    const bad = await run(['check', SMALL, '--region', 'zuid-limburg', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('giacheck: --format xlsx schrijft een binair bestand; geef --output <bestand>\n');
    expect(bad.stdout).toBe('');
    const out = join(dir, 'rapport.xlsx');
    const r = await run(['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'xlsx', '--output', out, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Samenvatting', 'Bevindingen', 'Per gemeente', 'Afgewezen rijen']);
    const json = JSON.parse((await run(['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json'])).stdout);
    expect(wb.getWorksheet('Bevindingen')!.rowCount).toBe(1 + json.findings.length);
    expect(wb.getWorksheet('Afgewezen rijen')!.rowCount).toBe(1 + json.rejected.length);
    const summary = wb.getWorksheet('Samenvatting')!;
    expect(summary.getCell('B5').value).toBe(json.input.rows_read);
  });
});

describe('XLSX input through the CLI', () => {
  let book: string;
  let csvFindings: unknown;
  beforeAll(async () => {
    book = join(dir, 'export.xlsx');
    await writeZlSmallXlsx(book);
    csvFindings = JSON.parse((await run(['check', SMALL, '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'json'])).stdout).findings;
  });

  it('reads the first sheet like the CSV', async () => {
    const first = JSON.parse((await run(['check', book, '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'json'])).stdout);
    expect(first.input).toMatchObject({ files: ['export.xlsx'], rows_read: 4, rows_checked: 2, rows_rejected: 2 });
    expect(first.findings).toEqual(csvFindings);
  });

  it('--sheet picks the second sheet; an unknown sheet is a one-line error', async () => {
    const second = await run(['check', book, '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'json', '--sheet', 'Oud']);
    expect(JSON.parse(second.stdout).findings.map((f: { dossier_id: string; rule_id: string; status: string }) => `${f.dossier_id} ${f.rule_id} ${f.status}`)).toEqual([
      '2026000123 ZL-01 overdue',
      '2026000123 ZL-02 overdue',
    ]);
    const missing = await run(['check', book, '--region', 'zuid-limburg', '--sheet', 'Nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`giacheck: ${book}: werkblad "Nope" bestaat niet (werkbladen: Export, Oud)\n`);
  });

  it('reads an XLSX from standard input: binary through a real pipe into the real process', async () => {
    const stdin = giacheckProcess(['check', '-', '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--format', 'json'], { input: readFileSync(book), env: ENV });
    expect(stdin.code).toBe(1);
    expect(JSON.parse(stdin.stdout).findings).toEqual(csvFindings);
  }, SLOW);
});

describe('agenda and compare on two runs of the demo export', () => {
  it('agenda --days with --ics; compare October with November', async () => {
    const ics = join(dir, 'agenda.ics');
    const agenda = await run(['agenda', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--days', '30', '--format', 'json', '--ics', ics]);
    expect(agenda.code).toBe(0);
    const items = JSON.parse(agenda.stdout);
    expect(items.until).toBe('2026-12-01');
    expect(agenda.stderr).toBe(`giacheck: ${ics}: ${items.total} afspraken geschreven\n`);
    expect(readFileSync(ics, 'utf8').match(/BEGIN:VEVENT/g)?.length ?? 0).toBe(items.total);
    // overdue on top, then weeks in order
    const weeks = items.items.map((i: { week: string }) => i.week);
    expect(weeks).toEqual([...weeks].sort((a: string, b: string) => (a === 'overdue' ? -1 : b === 'overdue' ? 1 : a.localeCompare(b))));
    for (const i of items.items) if (i.week !== 'overdue') expect(i.status).toBe('pending');

    const oct = join(dir, 'oktober.json');
    const nov = join(dir, 'november.json');
    expect((await run(['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-10-01', '--format', 'json', '--output', oct, '--fail-on', 'never'])).code).toBe(0);
    expect((await run(['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--output', nov, '--fail-on', 'never'])).code).toBe(0);
    const cmp = await run(['compare', oct, nov, '--format', 'json']);
    expect(cmp.code).toBe(0);
    expect(cmp.stderr).toBe('');
    const c = JSON.parse(cmp.stdout);
    const octR = JSON.parse(readFileSync(oct, 'utf8'));
    const novR = JSON.parse(readFileSync(nov, 'utf8'));
    expect(c.old.peildatum).toBe('2026-10-01');
    expect(c.new.peildatum).toBe('2026-11-01');
    expect(c.rules.map((r: { rule_id: string }) => r.rule_id)).toEqual(novR.summary.rules.map((r: { rule_id: string }) => r.rule_id));
    for (const r of c.rules) {
      const o = octR.summary.rules.find((x: { rule_id: string }) => x.rule_id === r.rule_id);
      const n = novR.summary.rules.find((x: { rule_id: string }) => x.rule_id === r.rule_id);
      expect(r.old.compliance).toBe(o.compliance);
      expect(r.new.compliance).toBe(n.compliance);
      expect(r.compliance_delta).toBe(o.compliance === null || n.compliance === null ? null : Math.round((n.compliance - o.compliance) * 10000) / 10000);
    }
    // every newly overdue pair is overdue in November and not overdue in October
    const key = (f: { dossier_id: string; rule_id: string }) => `${f.dossier_id}/${f.rule_id}`;
    const octOverdue = new Set(octR.findings.filter((f: { status: string }) => f.status === 'overdue').map(key));
    const novOverdue = new Set(novR.findings.filter((f: { status: string }) => f.status === 'overdue').map(key));
    expect(c.newly_overdue.length).toBe([...novOverdue].filter((k) => !octOverdue.has(k)).length);
    const table = await run(['compare', oct, nov]);
    expect(table.stdout.split('\n')[0]).toBe('Vergelijking van twee runs: 01-10-2026 → 01-11-2026');
    const swapped = await run(['compare', nov, oct, '--format', 'md']);
    expect(swapped.stderr).toContain('giacheck: waarschuwing: de peildatum van het nieuwe rapport (01-10-2026) ligt niet na die van het oude (01-11-2026)');
  });

  it('compare refuses a file that is not a JSON report, with one line naming it', async () => {
    const r = await run(['compare', SMALL, SMALL]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^giacheck: .*zl-small\.csv: geen giacheck-rapport \(maak het met giacheck check --format json\): dit is geen JSON/);
  }, SLOW);

  it('--help lists agenda and compare after check', async () => {
    const help = (await run(['--help'])).stdout;
    const order = ['check', 'agenda', 'compare'].map((c) => help.search(new RegExp(`^  ${c} `, 'm')));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('progress', () => {
  it('never shows in a pipe: stderr holds no progress line, stdout only the report', async () => {
    const big = join(dir, 'groot.csv');
    const lines = ['dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum'];
    for (let i = 0; i < 60_000; i++) lines.push(`D-${i};Heerlen;02-11-2026;04-11-2026`);
    writeFileSync(big, withAllColumns(lines.join('\n') + '\n'));
    const r = await run(['check', big, '--region', 'zuid-limburg', '--as-of', '2026-11-20', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).input.rows_read).toBe(60_000);
  });
});
