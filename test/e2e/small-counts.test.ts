/**
 * Issue 16.4: `--min-cell N` shows every aggregate count from 1 to N−1 as "<N" and hides the
 * percentages that would give one away ("*"), in every format; `--aggregate-only` leaves out every
 * dossier-level row; both are stated at the top; a pseudonymised report says it still holds
 * personal data. The expected values are worked out here from the full report, apart from
 * src/report/cells.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const RUN = ['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const N = 5;
const COUNTS = ['applicable', 'on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated', 'not_applicable', 'implausible', 'cases'];
/** a dossier id of the demo export */
const DOSSIER = /VT-20\d\d-\d{6}/;

type Obj = Record<string, unknown>;
const small = (n: unknown) => typeof n === 'number' && n > 0 && n < N;
function expectedCounts(c: Obj): Obj {
  const out: Obj = { ...c };
  for (const k of COUNTS) if (typeof c[k] === 'number') out[k] = small(c[k]) ? `<${N}` : c[k];
  const judged = ['on_time', 'late', 'overdue', 'missing', 'violated', 'early'].reduce((s, k) => s + (c[k] as number), 0);
  const onTime = c.on_time as number;
  if (c.compliance !== null && (judged < N || small(onTime) || small(judged - onTime))) {
    out.compliance = '*';
    if ('meets_norm' in c) out.meets_norm = '*';
  }
  if (c.rules && typeof c.rules === 'object') out.rules = Object.fromEntries(Object.entries(c.rules as Obj).map(([k, v]) => [k, expectedCounts(v as Obj)]));
  return out;
}
const each = (o: Obj, f: (v: Obj) => Obj) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as Obj)]));

let dir: string;
let full: Obj;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-small-'));
  full = JSON.parse((await giacheck([...RUN, '--format', 'json'])).stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--min-cell', () => {
  it('json: every aggregate below N is "<N", every share that would give one away "*", the rest as it was', async () => {
    const r = await giacheck([...RUN, '--format', 'json', '--min-cell', String(N)]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const s = full.summary as Obj;
    expect(j.summary.rules).toEqual((s.rules as Obj[]).map(expectedCounts));
    expect(j.summary.totals).toEqual(expectedCounts(s.totals as Obj));
    expect(j.summary.by_gemeente).toEqual(each(s.by_gemeente as Obj, expectedCounts));
    expect(j.summary.by_deelregio).toEqual(each(s.by_deelregio as Obj, expectedCounts));
    expect(j.summary.by_month).toEqual(each(s.by_month as Obj, expectedCounts));
    expect(j.summary.routes).toEqual(Object.fromEntries(Object.entries(s.routes as Obj).map(([k, n]) => [k, small(n) ? `<${N}` : n])));
    // the test would prove nothing on a report without small cells
    expect(JSON.stringify(j.summary.by_month)).toContain('"<5"');
    expect(JSON.stringify(j.summary.by_gemeente)).toContain('"*"');
    expect(j.findings).toEqual(full.findings);
    expect(j.warnings.find((w: Obj) => w.code === 'min-cell').message).toBe(
      'Kleine aantallen beschermd (--min-cell 5): aantallen van 1 tot en met 4 staan als <5, percentages die zo\'n aantal zouden verraden als *; 0 blijft zichtbaar.',
    );
    expect(j.provenance.options.min_cell).toBe(5);
    expect(r.stderr).toContain('giacheck: Kleine aantallen beschermd (--min-cell 5)');
  });

  it('jsonl: the summary line holds the same suppressed rule counts', async () => {
    const j = JSON.parse((await giacheck([...RUN, '--format', 'json', '--min-cell', '5'])).stdout);
    const lines = (await giacheck([...RUN, '--format', 'jsonl', '--min-cell', '5'])).stdout.trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    expect(last.rules).toEqual(j.summary.rules);
    expect(last.warnings.map((w: Obj) => w.code)).toEqual(['min-cell']);
  });

  it('csv: its rows are findings, not aggregates; the option is stated in the provenance on stderr', async () => {
    const plain = await giacheck([...RUN, '--format', 'csv']);
    const r = await giacheck([...RUN, '--format', 'csv', '--min-cell', '5']);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toContain('"min_cell":5');
    expect(r.stderr).toContain('giacheck: Kleine aantallen beschermd (--min-cell 5)');
  });

  it('table, md and html show "<5" and "*" where json has them, and say so at the top', async () => {
    const j = JSON.parse((await giacheck([...RUN, '--format', 'json', '--min-cell', '5'])).stdout);
    const [month, g] = Object.entries(j.summary.by_month as Record<string, Obj>).find(([, v]) => v.compliance === '*' && Object.values(v).includes('<5'))!;
    const col = ['cases', 'applicable', 'on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'].find((k) => g[k] === '<5')!;
    const at = ['cases', 'applicable', 'on_time', 'late', 'overdue', 'pending', 'missing', 'early', 'violated'].indexOf(col) + 2;
    const table = (await giacheck([...RUN, '--min-cell', '5', '--width', '250'])).stdout;
    expect(table.split('\n').slice(0, 12).join('\n')).toContain('Kleine aantallen beschermd (--min-cell 5)');
    const row = table.split('\n').find((l) => l.includes(`│ ${month} `))!.split('│').map((c) => c.trim());
    expect(row[at]).toBe('<5');
    expect(row[11]).toBe('*');
    const md = (await giacheck([...RUN, '--format', 'md', '--min-cell', '5'])).stdout;
    // Markdown escapes < and *
    const mdRow = md.split('\n').find((l) => l.startsWith(`| ${month} |`))!.split('|').map((c) => c.trim());
    expect(mdRow[at]).toBe('\\<5');
    expect(mdRow[11]).toBe('\\*');
    expect(md).toContain('- Kleine aantallen beschermd (--min-cell 5)');
    const html = (await giacheck([...RUN, '--format', 'html', '--min-cell', '5'])).stdout;
    const htmlRow = html.slice(html.indexOf(`<tr><th scope="row">${month}</th>`)).split('</tr>')[0];
    expect(htmlRow).toContain('<td class="num">&lt;5</td>');
    expect(htmlRow).toMatch(/<td class="num pct"[^>]*>\*<\/td>/);
    expect(html).toContain('<li>Kleine aantallen beschermd (--min-cell 5)');
    // the compact layout asks the same policy
    const compact = (await giacheck([...RUN, '--min-cell', '5', '--width', '100'])).stdout;
    expect(compact.split('\n').find((l) => l.startsWith(month))!.trim().split(/\s+/).at(-1)).toBe('*');
  });

  it('xlsx: the same cells as text, the rest as numbers', async () => {
    const j = JSON.parse((await giacheck([...RUN, '--format', 'json', '--min-cell', '5'])).stdout);
    const out = join(dir, 'min.xlsx');
    expect((await giacheck([...RUN, '--min-cell', '5', '--output', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Per maand')!;
    const got: Record<string, unknown[]> = {};
    ws.eachRow((row, n) => {
      if (n > 1) got[String(row.getCell(1).value)] = [row.getCell(2).value, row.getCell(11).value];
    });
    for (const [month, g] of Object.entries(j.summary.by_month as Record<string, Obj>)) expect(got[month]).toEqual([g.cases, g.compliance]);
  });
});

describe('--aggregate-only', () => {
  it('json: no findings and no rejected rows, the same figures, stated at the top; --fail-on still counts', async () => {
    expect((full.findings as unknown[]).length).toBeGreaterThan(0);
    expect((full.rejected as unknown[]).length).toBeGreaterThan(0);
    const r = await giacheck([...RUN.slice(0, -2), '--format', 'json', '--aggregate-only']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.findings).toEqual([]);
    expect(j.rejected).toEqual([]);
    expect(j.summary).toEqual(full.summary);
    expect(j.input.rows_rejected).toBe((full.input as Obj).rows_rejected);
    expect(j.warnings.map((w: Obj) => w.code)).toContain('aggregate-only');
    expect(r.stdout).not.toMatch(DOSSIER);
  });

  it('jsonl and csv: no finding or rejected line, on stdout or stderr', async () => {
    const jsonl = await giacheck([...RUN, '--format', 'jsonl', '--aggregate-only']);
    const lines = jsonl.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).type).toBe('summary');
    const csv = await giacheck([...RUN, '--format', 'csv', '--aggregate-only']);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(1);
    for (const r of [jsonl, csv]) {
      expect(r.stdout + r.stderr).not.toMatch(DOSSIER);
      expect(r.stderr).toContain('Alleen totalen (--aggregate-only)');
    }
  });

  it('table, md, html and xlsx: no dossier id anywhere, the findings section says why it is empty', async () => {
    for (const format of ['table', 'md', 'html']) {
      const r = await giacheck([...RUN, '--format', format, '--aggregate-only', '--include-passed']);
      expect(r.stdout, format).not.toMatch(DOSSIER);
      expect(r.stdout, format).toContain('Weggelaten: dit rapport bevat alleen totalen (--aggregate-only).');
      expect(r.stdout, format).toContain('Alleen totalen (--aggregate-only)');
    }
    const html = (await giacheck([...RUN, '--format', 'html', '--aggregate-only'])).stdout;
    expect(html).toContain('Dit rapport bevat alleen totalen, geen dossiernummers.');
    const out = join(dir, 'agg.xlsx');
    await giacheck([...RUN, '--aggregate-only', '--output', out, '--quiet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Per gemeente', 'Per deelregio', 'Per maand', 'Herkomst']);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(DOSSIER)));
  });

  it('a report with either option cannot be compared', async () => {
    const a = join(dir, 'a.json');
    await giacheck([...RUN, '--min-cell', '5', '--output', a, '--quiet']);
    const r = await giacheck(['compare', a, a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${a}: een rapport met --min-cell of --aggregate-only is niet te vergelijken (aantallen of dossiers zijn weggelaten); vergelijk de volledige rapporten\n`);
  });
});

describe('--pseudonymize', () => {
  it('every format says the report still holds personal data', async () => {
    const env = { GIACHECK_PSEUDO_KEY: 'een-lange-geheime-sleutel-voor-de-test' };
    const says = 'Dossiernummers zijn gepseudonimiseerd, maar dit rapport bevat nog steeds persoonsgegevens (AVG)';
    for (const format of ['table', 'json', 'jsonl', 'md', 'html']) {
      const r = await giacheck([...RUN, '--format', format, '--pseudonymize'], { env });
      expect(r.stdout, format).toContain(says);
    }
    const csv = await giacheck([...RUN, '--format', 'csv', '--pseudonymize'], { env });
    expect(csv.stderr).toContain(says);
  });
});
