/**
 * Issue 13 point 7: findings carry gemeente and deelregio in every format, and `--gemeente`
 * (repeatable, alias- and case-aware) limits check and agenda to those gemeenten; the other
 * gemeenten's rows are counted as rows_outside_filter and said in the report; an unknown name is a
 * usage error listing the profile's gemeenten. Point 10: reports name files by base name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, giacheck } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
// an absolute path: no format may show it
const ABS = resolve(ROOT, DEMO);
const BASE = ['check', ABS, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const dir = mkdtempSync(join(tmpdir(), 'giacheck-gemeente-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonFinding {
  dossier_id: string;
  gemeente: string;
  deelregio: string | null;
  rule_id: string;
  status: string;
}

async function json(args: string[]) {
  const r = await giacheck([...BASE, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('--gemeente on check', () => {
  it('keeps exactly the rows of the named gemeenten (an alias and any case), and counts the others', async () => {
    const all = await json([]);
    const some = await json(['--gemeente', 'HEERLEN', '--gemeente', 'valkenburg']);
    expect(some.input.gemeenten).toEqual(['Heerlen', 'Valkenburg aan de Geul']);
    const kept = (f: JsonFinding) => f.gemeente === 'Heerlen' || f.gemeente === 'Valkenburg aan de Geul';
    const key = (f: JsonFinding) => `${f.dossier_id} ${f.rule_id} ${f.status}`;
    expect(some.findings.map(key)).toEqual(all.findings.filter(kept).map(key));
    // (two of them LV-04 pending items, the 10-week rule of issue 14)
    expect(some.findings.length).toBe(12);
    // the per-gemeente figures of the filtered run are those of the full run
    expect(Object.keys(some.summary.by_gemeente)).toEqual(['Heerlen', 'Valkenburg aan de Geul']);
    expect(some.summary.by_gemeente.Heerlen).toEqual(all.summary.by_gemeente.Heerlen);
    expect(Object.keys(some.summary.by_deelregio)).toEqual(['Parkstad', 'Maastricht-Heuvelland']);
    const cases = all.summary.by_gemeente.Heerlen.cases + all.summary.by_gemeente['Valkenburg aan de Geul'].cases;
    expect(some.input.rows_checked).toBe(cases);
    expect(some.input.rows_checked).toBe(20);
    expect(some.input.rows_rejected).toBe(7);
    expect(some.input.rows_outside_filter).toBe(400 - 20 - 7);
    expect(some.input.per_file[0]).toMatchObject({ file: 'zuid-limburg-demo.csv', rows_read: 400, rows_checked: 20, rows_rejected: 7, rows_outside_filter: 373 });
    expect(all.input.rows_outside_filter).toBe(0);
    expect(all.input.gemeenten).toBeNull();
  });

  it('says the filter in the title and the header of the table, md, html and xlsx', async () => {
    const args = ['--gemeente', 'Heerlen'];
    const table = await giacheck([...BASE, ...args, '--width', '200']);
    expect(table.stdout.split('\n')[0]).toBe('Nalevingsrapport Zuid-Limburg — Heerlen');
    expect(table.stdout).toContain('Beperkt tot gemeenten: Heerlen (382 rijen van andere gemeenten niet meegeteld)');
    const md = await giacheck([...BASE, ...args, '--format', 'md']);
    expect(md.stdout.split('\n')[0]).toBe('# Nalevingsrapport Zuid-Limburg — Heerlen');
    expect(md.stdout).toContain('- **Beperkt tot gemeenten:** Heerlen (382 rijen van andere gemeenten niet meegeteld)');
    const html = await giacheck([...BASE, ...args, '--format', 'html']);
    expect(html.stdout).toContain('<title>Nalevingsrapport Zuid-Limburg — Heerlen · 01-11-2026</title>');
    expect(html.stdout).toContain('<dd>Heerlen (382 rijen van andere gemeenten niet meegeteld)</dd>');
    const out = join(dir, 'heerlen.xlsx');
    expect((await giacheck([...BASE, ...args, '--output', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Samenvatting')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Nalevingsrapport Zuid-Limburg — Heerlen');
    const a = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1).getCell(1).value);
    expect(ws.getRow(a.indexOf('Beperkt tot gemeenten') + 1).getCell(2).value).toBe('Heerlen (382 rijen van andere gemeenten niet meegeteld)');
  });

  it('streams only the chosen gemeente in jsonl and csv, with gemeente and deelregio on every finding', async () => {
    const jsonl = await giacheck([...BASE, '--gemeente', 'heerlen', '--format', 'jsonl', '--lang', 'en']);
    const records = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const findings = records.filter((r) => r.type === 'finding');
    // four findings and two pending items of one dossier (LV-01 and LV-04)
    expect(findings.map((f) => f.status)).toEqual(['late', 'late', 'missing', 'missing', 'pending', 'pending']);
    const summary = records.at(-1);
    expect(summary.type).toBe('summary');
    expect(summary.input).toMatchObject({ files: ['zuid-limburg-demo.csv'], gemeenten: ['Heerlen'], rows_checked: 11, rows_outside_filter: 382 });
    for (const r of records.filter((x) => x.type === 'rejected')) expect(r.file).toBe('zuid-limburg-demo.csv');
    for (const f of findings) expect([f.gemeente, f.deelregio]).toEqual(['Heerlen', 'Parkstad']);
    const csv = await giacheck([...BASE, '--gemeente', 'heerlen', '--format', 'csv']);
    const lines = csv.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const head = lines[0].split(';');
    const g = head.indexOf('Gemeente');
    const d = head.indexOf('Deelregio');
    expect(g).toBeGreaterThanOrEqual(0);
    expect(lines.length - 1).toBe(6);
    for (const l of lines.slice(1)) expect([l.split(';')[g], l.split(';')[d]]).toEqual(['Heerlen', 'Parkstad']);
  });

  it('an unknown gemeente is a usage error naming the profile\'s gemeenten', async () => {
    const r = await giacheck([...BASE, '--gemeente', 'Amsterdam']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'giacheck: --gemeente "Amsterdam": geen gemeente van profiel Zuid-Limburg; kies uit: Beekdaelen, Brunssum, Heerlen, Kerkrade, Landgraaf, Simpelveld, Voerendaal, Beek, Sittard-Geleen, Stein, Eijsden-Margraten, Gulpen-Wittem, Maastricht, Meerssen, Vaals, Valkenburg aan de Geul\n',
    );
    const en = await giacheck([...BASE, '--gemeente', 'Amsterdam', '--lang', 'en']);
    expect(en.stderr).toMatch(/^giacheck: --gemeente "Amsterdam": not a gemeente of profile Zuid-Limburg; choose from: Beekdaelen, /);
  });

  it('a value that is no place is described, not repeated (issue 16.6)', async () => {
    const bsn = await giacheck([...BASE, '--gemeente', 'Jan Zwanenburg 111222333']);
    expect(bsn.code).toBe(2);
    expect(bsn.stderr).toMatch(/^giacheck: --gemeente waarde die op een burgerservicenummer lijkt, niet getoond: geen gemeente van profiel Zuid-Limburg; kies uit: Beekdaelen, /);
    const name = await giacheck([...BASE, '--gemeente', 'Petra Zwanenburg', '--lang', 'en']);
    expect(name.stderr).toMatch(/^giacheck: --gemeente unreadable value, 16 characters, not shown: not a gemeente of profile Zuid-Limburg; /);
  });
});

describe('the table names gemeente per finding and files by base name', () => {
  it.each([80, 200])('at width %i', async (width) => {
    const r = await giacheck([...BASE, '--width', String(width), '--max-findings', '3']);
    expect(r.stdout).not.toContain(ROOT);
    expect(r.stdout).toContain('Bestanden: zuid-limburg-demo.csv\n');
    const lines = r.stdout.split('\n');
    const head = lines.find((l) => /Dossier\s.*Gemeente\s.*Regel/.test(l));
    expect(head, r.stdout).toBeDefined();
    // the rejected rows name the file by its base name too
    expect(r.stdout).toMatch(/\n[│ ]*zuid-limburg-demo\.csv\s+[│ ]*\s*73\s/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
  });
});
