/**
 * Issue 16.5 (check half): per rule, the cases that were not applicable because the rule's anchor
 * date was empty, so "100 % on time" on a few judged cases shows as such. Counted independently
 * here from the demo export itself: ZL-05, ZL-08 and ZL-09 apply to the routes V&V and Onderzoek
 * and are anchored on the first of warme_overdracht_datum / overdracht_datum (ZL-08 and ZL-09 also
 * need monitoring_niet_nodig not true, so a case without handover date on those routes counts for
 * them only when monitoring is needed).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const BASE = ['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never', '--quiet'];

interface RuleOut {
  rule_id: string;
  not_applicable: number;
  not_applicable_anchor_missing: number;
  anchor_fields: string[];
}

async function report() {
  const r = await giacheck([...BASE, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { summary: { rules: RuleOut[] }; rejected: { row: number }[] };
}

/** The demo's checked rows on the service routes without a handover date, counted from the file. */
function expectedFromFile(rejectedRows: Set<number>): { all: number; monitoringNeeded: number } {
  const [head, ...lines] = readFileSync(DEMO, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  const col = Object.fromEntries(head.split(';').map((c, i) => [c, i]));
  let all = 0;
  let monitoringNeeded = 0;
  lines.forEach((line, i) => {
    if (rejectedRows.has(i + 2)) return; // row 1 is the header
    const v = line.split(';');
    if (!['voorwaarden_en_vervolg', 'onderzoek'].includes(v[col.triage_besluit])) return;
    if (v[col.warme_overdracht_datum] || v[col.overdracht_datum]) return;
    all++;
    if (v[col.monitoring_niet_nodig] !== 'ja') monitoringNeeded++;
  });
  return { all, monitoringNeeded };
}

describe('check: not applicable because the anchor date is empty', () => {
  it('json: a count and the anchor fields per rule, equal to the count made from the file', async () => {
    const r = await report();
    const expected = expectedFromFile(new Set(r.rejected.map((x) => x.row)));
    expect(expected.all).toBeGreaterThan(0);
    const byId = Object.fromEntries(r.summary.rules.map((x) => [x.rule_id, x]));
    expect(byId['ZL-05'].not_applicable_anchor_missing).toBe(expected.all);
    expect(byId['ZL-08'].not_applicable_anchor_missing).toBe(expected.monitoringNeeded);
    expect(byId['ZL-09'].not_applicable_anchor_missing).toBe(expected.monitoringNeeded);
    expect(byId['ZL-05'].anchor_fields).toEqual(['warme_overdracht_datum', 'overdracht_datum']);
    expect(byId['ZL-01'].anchor_fields).toEqual(['melding_datum']);
    // the exact demo figures, and none where the anchor is always there or the rule has none
    expect(r.summary.rules.map((x) => [x.rule_id, x.not_applicable_anchor_missing])).toEqual([
      ['LV-01', 0],
      ['LV-04', 0],
      ['ZL-01', 0],
      ['ZL-02', 0],
      ['ZL-03', 0],
      ['ZL-04', 0],
      ['ZL-05', 8],
      ['ZL-06', 0],
      ['ZL-07', 0],
      ['ZL-08', 8],
      ['ZL-09', 8],
      ['ZL-10', 0],
      ['ZL-11', 0],
    ]);
    expect(byId['ZL-04'].anchor_fields).toEqual([]);
    // part of the not-applicable count, never more
    for (const x of r.summary.rules) expect(x.not_applicable_anchor_missing).toBeLessThanOrEqual(x.not_applicable);
  });

  it('--include-passed: the not-applicable findings list no missing items', async () => {
    const r = await giacheck([...BASE, '--format', 'json', '--include-passed']);
    const findings = JSON.parse(r.stdout).findings as { rule_id: string; status: string; missing?: string[] }[];
    const na = findings.filter((f) => f.rule_id === 'ZL-05' && f.status === 'not_applicable');
    expect(na.length).toBe(393 - 80);
    expect(na.filter((f) => f.missing !== undefined)).toEqual([]);
  });

  it('table (80, 120 and 200 columns), md and html say it under the rule table, in Dutch and English', async () => {
    const nl = 'Niet van toepassing omdat de ankerdatum leeg is: ZL-05 8 (warme_overdracht_datum / overdracht_datum); ZL-08 8';
    for (const width of ['80', '120', '200']) {
      const table = await giacheck([...BASE, '--width', width]);
      expect(table.stdout.split('\n').every((l) => l.length <= Number(width))).toBe(true);
      expect(table.stdout.replace(/\s+/g, ' ')).toContain(nl);
    }
    const md = await giacheck([...BASE, '--format', 'md']);
    // md escapes the underscores of the field names
    expect(md.stdout).toContain(`_${nl.replaceAll('_', '\\_')}`);
    const html = await giacheck([...BASE, '--format', 'html']);
    expect(html.stdout).toContain(`<p class="legend anchor-missing">${nl}`);
    const en = await giacheck([...BASE, '--format', 'md', '--lang', 'en']);
    expect(en.stdout).toContain('_Not applicable because the anchor date is empty: ZL-05 8 (warme\\_overdracht\\_datum / overdracht\\_datum)');
  });

  it('xlsx: a column "Zonder ankerdatum" in the summary sheet with the count per rule', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'giacheck-anchor-')), 'r.xlsx');
    const r = await giacheck([...BASE, '--format', 'xlsx', '--output', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    let header = 0;
    let col = 0;
    ws.eachRow((row, n) => {
      row.eachCell((c, k) => {
        if (c.value === 'Zonder ankerdatum') [header, col] = [n, k];
      });
    });
    expect(header).toBeGreaterThan(0);
    const values: Record<string, unknown> = {};
    for (let n = header + 1; n <= header + 13; n++) values[String(ws.getRow(n).getCell(1).value)] = ws.getRow(n).getCell(col).value;
    expect(values['ZL-05']).toBe(8);
    expect(values['ZL-09']).toBe(8);
    expect(values['ZL-01']).toBe(0);
  });

  it('a rule without the column stays not assessable with no count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-anchor-'));
    const lines = readFileSync(DEMO, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    const cols = lines[0].split(';');
    const drop = cols.indexOf('warme_overdracht_datum');
    const cut = lines.map((l) => l.split(';').filter((_, i) => i !== drop).join(';')).join('\n') + '\n';
    const file = join(dir, 'zonder-warme.csv');
    writeFileSync(file, cut);
    const r = await giacheck(['check', file, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never', '--quiet', '--format', 'json']);
    const rules = JSON.parse(r.stdout).summary.rules as (RuleOut & { assessable: boolean })[];
    const zl05 = rules.find((x) => x.rule_id === 'ZL-05')!;
    expect(zl05.assessable).toBe(false);
    expect(zl05.not_applicable_anchor_missing).toBe(0);
  });
});
