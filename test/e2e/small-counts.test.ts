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
    expect(j.summary.by_period).toEqual(each(s.by_period as Obj, expectedCounts));
    expect(j.summary.routes).toEqual(Object.fromEntries(Object.entries(s.routes as Obj).map(([k, n]) => [k, small(n) ? `<${N}` : n])));
    // the test would prove nothing on a report without small cells
    expect(JSON.stringify(j.summary.by_period)).toContain('"<5"');
    expect(JSON.stringify(j.summary.by_gemeente)).toContain('"*"');
    expect(j.findings).toEqual(full.findings);
    expect(j.warnings.find((w: Obj) => w.code === 'min-cell').message).toBe(
      'Kleine aantallen beschermd (--min-cell 5): aantallen van 1 tot en met 4 staan als <5, percentages die zo\'n aantal zouden verraden als *, en ook doorlooptijden (mediaan, P90, maximum) en de oudste achterstand over minder dan 5 zaken; 0 blijft zichtbaar.',
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
    const [month, g] = Object.entries(j.summary.by_period as Record<string, Obj>).find(([, v]) => v.compliance === '*' && Object.values(v).includes('<5'))!;
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
    for (const [month, g] of Object.entries(j.summary.by_period as Record<string, Obj>)) expect(got[month]).toEqual([g.cases, g.compliance]);
  });
});

/** What the policy must make of a lead-time spread, worked out here apart from src/report/cells.ts. */
const spread = (x: Obj): Obj => (small(x.count) ? { count: `<${N}`, median: x.median === null ? null : '*', p90: x.p90 === null ? null : '*', max: x.max === null ? null : '*' } : x);
const lead = (l: Obj): Obj => ({ done: spread(l.done as Obj), open: spread(l.open as Obj) });
const leadGroups = (g: Obj) => each(g, (byRule) => each(byRule, lead));
const stock = (c: Obj): Obj => {
  const out: Obj = { ...c };
  for (const k of ['open', 'not_due', 'overdue_1_5', 'overdue_6_20', 'overdue_over_20']) out[k] = small(c[k]) ? `<${N}` : c[k];
  const overdue = (c.overdue_1_5 as number) + (c.overdue_6_20 as number) + (c.overdue_over_20 as number);
  if (c.oldest_overdue_werkdagen !== null && small(overdue)) out.oldest_overdue_werkdagen = '*';
  return out;
};
const zichtCounts = (c: Obj): Obj => {
  const out: Obj = { ...c };
  for (const k of ['cases', 'vt', 'lokaal_veld', 'gi', 'directbetrokkene', 'geen', 'onduidelijk']) out[k] = small(c[k]) ? `<${N}` : c[k];
  return out;
};

describe('--min-cell on the steering sections: lead times, werkvoorraad, zicht op veiligheid', () => {
  let j: Obj;
  beforeAll(async () => {
    j = JSON.parse((await giacheck([...RUN, '--format', 'json', '--min-cell', String(N)])).stdout);
  });

  it('json: every count below N is "<N"; a median, P90, maximum or oldest over fewer than N cases "*"', () => {
    const s = full.summary as Obj;
    const lt = s.lead_times as Obj;
    const got = (j.summary as Obj).lead_times as Obj;
    expect(got.rules).toEqual(
      (lt.rules as Obj[]).map((r) => {
        const h = r.histogram as { done: [number, number][]; open: [number, number][] };
        const pairs = (p: [number, number][]) => p.map(([v, n]) => [v, small(n) ? `<${N}` : n]);
        return { ...r, ...lead(r), histogram: { done: pairs(h.done), open: pairs(h.open) } };
      }),
    );
    expect(got.by_gemeente).toEqual(leadGroups(lt.by_gemeente as Obj));
    expect(got.by_deelregio).toEqual(leadGroups(lt.by_deelregio as Obj));
    expect(got.by_period).toEqual(leadGroups(lt.by_period as Obj));
    const w = s.werkvoorraad as Obj;
    expect((j.summary as Obj).werkvoorraad).toEqual({ ...w, rules: (w.rules as Obj[]).map(stock), rows: (w.rows as Obj[]).map(stock) });
    const z = s.zicht_op_veiligheid as Obj;
    expect((j.summary as Obj).zicht_op_veiligheid).toEqual({ ...z, totals: zichtCounts(z.totals as Obj), by_gemeente: each(z.by_gemeente as Obj, zichtCounts), by_deelregio: each(z.by_deelregio as Obj, zichtCounts) });
    // not a test of nothing: each section has hidden cells, and ZL-05's open items are exact
    for (const k of ['lead_times', 'werkvoorraad', 'zicht_op_veiligheid']) expect(JSON.stringify((j.summary as Obj)[k]), k).toContain('"<5"');
    for (const k of ['lead_times', 'werkvoorraad']) expect(JSON.stringify((j.summary as Obj)[k]), k).toContain('"*"');
    expect((got.rules as Obj[]).find((r) => r.rule_id === 'ZL-05')!.open).toEqual({ count: '<5', median: '*', p90: '*', max: '*' });
  });

  it('jsonl: the summary line carries the same sections', async () => {
    const last = JSON.parse((await giacheck([...RUN, '--format', 'jsonl', '--min-cell', '5'])).stdout.trimEnd().split('\n').at(-1)!);
    const s = j.summary as Obj;
    expect(last.lead_times).toEqual(s.lead_times);
    expect(last.werkvoorraad).toEqual(s.werkvoorraad);
    expect(last.zicht_op_veiligheid).toEqual(s.zicht_op_veiligheid);
  });

  it('table: the exact cells of the lead-time, werkvoorraad and zicht tables', async () => {
    const out = (await giacheck([...RUN, '--min-cell', '5', '--width', '160'])).stdout;
    const row = (start: string, after = 0) => out.slice(after).split('\n').find((l) => l.startsWith(start))!.trim().split(/\s{2,}/);
    expect(row('ZL-05  werkdagen')).toEqual(['ZL-05', 'werkdagen', '5', '77', '3', '5', '17', '<5', '*', '*']);
    expect(row('Beek  ', out.indexOf('Doorlooptijden per gemeente'))).toEqual(['Beek', '*', '*', '2 / 5 / 8', '4 / 5 / 14', '*', '*']);
    expect(row('LV-01  ', out.indexOf('Werkvoorraad op de peildatum'))).toEqual(['LV-01', '11', '<5', '0', '0', '8', '*']);
    expect(row('ZL-02  Vaals', out.indexOf('Werkvoorraad op de peildatum'))).toEqual(['ZL-02', 'Vaals', '<5', '<5', '0', '0', '0', '*']);
    expect(row('Beek  ', out.indexOf('Zicht op veiligheid op de peildatum'))).toEqual(['Beek', '12', '<5', '6', '<5', '<5', '<5', '<5']);
    expect(out).toContain('*: over minder dan 5 zaken, niet getoond (--min-cell).');
  });

  it('md: the same cells, escaped', async () => {
    const md = (await giacheck([...RUN, '--format', 'md', '--min-cell', '5'])).stdout;
    expect(md).toContain('\n| ZL-05 | werkdagen | 5 | 77 | 3 | 5 | 17 | \\<5 | \\* | \\* |\n');
    expect(md).toContain('\n| Beek | \\* | \\* | 2 / 5 / 8 | 4 / 5 / 14 | \\* | \\* |\n');
    expect(md).toContain('\n| LV-01 | 11 | \\<5 | 0 | 0 | 8 | \\* |\n');
    expect(md).toContain('\n| Beek | 12 | \\<5 | 6 | \\<5 | \\<5 | \\<5 | \\<5 |\n');
    expect(md).toContain('\n| Totaal | 393 | 16 | 278 | 17 | 18 | 47 | 17 |\n');
  });

  it('html: the same cells; no distribution chart (its columns are counts), a note instead', async () => {
    const html = (await giacheck([...RUN, '--format', 'html', '--min-cell', '5'])).stdout;
    const num = (cells: string[]) => cells.map((c) => `<td class="num">${c}</td>`).join('');
    expect(html).toContain(`<tr><th scope="row">ZL-05</th><td>werkdagen</td>${num(['5', '77', '3', '5', '17', '&lt;5', '*', '*'])}</tr>`);
    const gem = html.slice(html.indexOf('id="lead-gemeenten"'));
    expect(gem).toContain(`<tr><th scope="row">Beek</th>${num(['*', '*', '2 / 5 / 8', '4 / 5 / 14', '*', '*'])}</tr>`);
    expect(html).toContain(`<tr><th scope="row">LV-01</th>${num(['11', '&lt;5', '0', '0', '8', '*'])}</tr>`);
    expect(html).toContain(`<tr><th scope="row">Beek</th>${num(['12', '&lt;5', '6', '&lt;5', '&lt;5', '&lt;5', '&lt;5'])}</tr>`);
    expect(html).not.toContain('class="chart leadtime"');
    expect(html).toContain('Verdeling per regel niet getekend (--min-cell): een staaf van enkele zaken zou die zaken verraden.');
    const plain = (await giacheck([...RUN, '--format', 'html'])).stdout;
    expect(plain).toContain('class="chart leadtime"');
  });

  it('xlsx: Doorlooptijden, Werkvoorraad and Zicht op veiligheid hold "<5" and "*" as text', async () => {
    const out = join(dir, 'steer.xlsx');
    expect((await giacheck([...RUN, '--min-cell', '5', '--output', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = (name: string) => {
      const got: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => got.push((r.values as unknown[]).slice(1)));
      return got;
    };
    expect(rows('Doorlooptijden').find((r) => r[0] === 'alle' && r[2] === 'ZL-05')).toEqual(['alle', 'alle', 'ZL-05', 'werkdagen', 5, 77, 3, 5, 17, '<5', '*', '*']);
    expect(rows('Doorlooptijden').find((r) => r[0] === 'gemeente' && r[1] === 'Beek' && r[2] === 'LV-01')!.slice(5, 9)).toEqual(['<5', '*', '*', '*']);
    expect(rows('Werkvoorraad').find((r) => r[0] === 'LV-01' && r[1] === 'alle')).toEqual(['LV-01', 'alle', undefined, 11, '<5', 0, 0, 8, '*']);
    expect(rows('Zicht op veiligheid').find((r) => r[0] === 'Beek')).toEqual(['Beek', 12, '<5', 6, '<5', '<5', '<5', '<5']);
  });

  it('csv: the zicht counts on stderr through the same policy', async () => {
    const r = await giacheck([...RUN, '--format', 'csv', '--min-cell', '50']);
    expect(r.stderr).toContain('giacheck: zicht op veiligheid op de peildatum: Veilig Thuis <50, Lokale veld 278, GI <50, Directbetrokkenen zelf <50, Niemand (einde bemoeienis) <50, Onduidelijk <50\n');
  });
});

describe('compare --min-cell: the trend through the same policy', () => {
  const runs: string[] = [];
  beforeAll(async () => {
    for (const asOf of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      const out = join(dir, `run-${asOf}.json`);
      expect((await giacheck(['check', DEMO, '--region', 'zuid-limburg', '--as-of', asOf, '--fail-on', 'never', '--quiet', '--output', out])).code).toBe(0);
      runs.push(out);
    }
  });

  it('json: counts "<5", shares, changes and lead times that would give one away "*"', async () => {
    const plain = JSON.parse((await giacheck(['compare', ...runs, '--format', 'json'])).stdout);
    const r = await giacheck(['compare', ...runs, '--format', 'json', '--min-cell', '5']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(plain.min_cell).toBeNull();
    expect(j.min_cell).toBe(5);
    const point = (p: Obj): Obj => {
      if (!p.present) return p;
      const out: Obj = { ...p };
      for (const k of ['applicable', 'on_time', 'overdue', 'pending']) out[k] = small(p[k]) ? '<5' : p[k];
      const judged = (p.applicable as number) - (p.pending as number);
      const onTime = p.on_time as number;
      if (p.compliance !== null && (judged < N || small(onTime) || small(judged - onTime))) out.compliance = '*';
      return out;
    };
    const hiddenDelta = (points: Obj[], delta: unknown) => {
      const judged = points.filter((p) => p.present && p.compliance !== null);
      return judged.length >= 2 && [judged[0], judged.at(-1)!].some((p) => point(p).compliance === '*') ? '*' : delta;
    };
    const series = (s: Obj) => ({ ...s, points: (s.points as Obj[]).map(point), compliance_delta: hiddenDelta(s.points as Obj[], s.compliance_delta) });
    expect(j.gemeenten).toEqual(plain.gemeenten.map(series));
    expect(j.deelregios).toEqual(plain.deelregios.map(series));
    expect(j.totals).toEqual(series(plain.totals));
    // lead times: the median over the cases done, hidden under N of them (ZL-05 is done 77 times, LV-01 as often)
    expect(j.rules.map((x: Obj) => (x.points as Obj[]).map((p) => p.lead_time_median))).toEqual(plain.rules.map((x: Obj) => (x.points as Obj[]).map((p) => p.lead_time_median)));
    expect(JSON.stringify(j.gemeenten)).toContain('"<5"');
    expect(JSON.stringify(j.gemeenten)).toContain('"*"');
  });

  it('table, md and html: "*" where json has it, the policy stated at the top', async () => {
    const j = JSON.parse((await giacheck(['compare', ...runs, '--format', 'json', '--min-cell', '5'])).stdout);
    const g = (j.gemeenten as Obj[]).find((x) => (x.points as Obj[]).some((p) => p.compliance === '*'))!;
    const says = 'Kleine aantallen beschermd (--min-cell 5)';
    const table = (await giacheck(['compare', ...runs, '--min-cell', '5', '--width', '200'])).stdout;
    expect(table).toContain(says);
    const cells = table.slice(table.indexOf('Naleving per gemeente per run')).split('\n').find((l) => l.startsWith(`${g.gemeente as string} `))!.trim().split(/\s{2,}/);
    expect(cells.filter((c) => c === '*').length).toBe((g.points as Obj[]).filter((p) => p.compliance === '*').length + (g.compliance_delta === '*' ? 1 : 0));
    const md = (await giacheck(['compare', ...runs, '--format', 'md', '--min-cell', '5'])).stdout;
    expect(md).toContain(`- ${says}`);
    expect(md.split('\n').find((l) => l.startsWith(`| ${g.gemeente as string} |`))).toContain('| \\* |');
    const html = (await giacheck(['compare', ...runs, '--format', 'html', '--min-cell', '5'])).stdout;
    expect(html).toContain(says);
    expect(html.slice(html.indexOf(`<th scope="row">${g.gemeente as string}</th>`)).split('</tr>')[0]).toContain('<td class="num">*</td>');
  });

  it('the two-run comparison names cases: --min-cell there is refused (exit 2) and points to --trend', async () => {
    const r = await giacheck(['compare', runs[0], runs[1], '--min-cell', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('giacheck: --min-cell geldt voor de trend (--trend, drie of meer runs, of --format html); de vergelijking van twee runs noemt dossiers. Voeg --trend toe\n');
    expect((await giacheck(['compare', runs[0], runs[1], '--min-cell', '5', '--trend'])).code).toBe(0);
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
    // the same figures; of zicht op veiligheid only how many dossiers are unclear, not which
    const zicht = (full.summary as Obj).zicht_op_veiligheid as Obj;
    expect(j.summary).toEqual({ ...(full.summary as Obj), zicht_op_veiligheid: { ...zicht, unclear: [], unclear_count: (zicht.unclear as unknown[]).length } });
    expect((zicht.unclear as unknown[]).length).toBe(17);
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
    expect(csv.stderr).toContain('giacheck: Onduidelijk: 17 dossiers; de lijst is weggelaten (--aggregate-only).\n');
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
      // zicht op veiligheid: the unclear dossiers by number only
      expect(r.stdout, format).toContain('Onduidelijk: 17 dossiers; de lijst is weggelaten (--aggregate-only).');
    }
    const html = (await giacheck([...RUN, '--format', 'html', '--aggregate-only'])).stdout;
    expect(html).toContain('Dit rapport bevat alleen totalen, geen dossiernummers.');
    const out = join(dir, 'agg.xlsx');
    await giacheck([...RUN, '--aggregate-only', '--output', out, '--quiet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Per gemeente', 'Per deelregio', 'Per maand', 'Doorlooptijden', 'Werkvoorraad', 'Zicht op veiligheid', 'Herkomst']);
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
