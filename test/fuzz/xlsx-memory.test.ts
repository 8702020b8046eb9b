/**
 * The memory bound of the XLSX reader (issue 16.7, 16.9), measured where it shows: in a process of
 * its own (peak RSS from process.resourceUsage()), reading through the compiled reader (dist/, so
 * `npm run build` first, as `npm test` does). Before the streaming reader, a zip bomb took 1–5 GB,
 * a 3 KB workbook with one cell in row 1,048,576 ran out of memory, and `check` could not read its
 * own XLSX export above ~4 MB in its worker (256 MB heap cap).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { book, headerRow, row, str } from '../helpers/xlsx-build.js';
import { giacheck, giacheckProcess, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-xlsx-mem-'));
const readers = pathToFileURL(join(ROOT, 'dist/ingest/readers.js')).href;

/** Read a workbook to the end in a fresh process: records read and peak RSS in MB, or the message. */
function readInProcess(name: string, bytes: Buffer): { rows?: number; message?: string; rssMb: number } {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  const script = `
    import { openInput } from ${JSON.stringify(readers)};
    let out;
    try {
      const input = await openInput(process.argv[1], { encoding: 'auto' });
      let rows = 0;
      for await (const b of input.batches) rows += b.length;
      out = { rows };
    } catch (e) { out = { message: e.message }; }
    out.rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, f], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { rows?: number; message?: string; rssMb: number };
}

const data = (r: number, id: string) => row(r, [str(`A${r}`, id), str(`B${r}`, 'Heerlen'), str(`C${r}`, '2026-04-28')]);

/** a workbook shaped like `generate --format xlsx`: text cells t="str", dates as serials with a date style */
function exportLike(rows: number): Buffer {
  const parts: string[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="str"><v>VT-2026-${String(r).padStart(6, '0')}</v></c><c r="B${r}" t="str"><v>Heerlen</v></c><c r="C${r}" s="1"><v>${46000 + (r % 300)}</v></c><c r="D${r}" t="str"><v>nee</v></c><c r="E${r}" t="str"><v>ja</v></c><c r="F${r}" s="1"><v>${46003 + (r % 300)}</v></c><c r="G${r}" s="1"/><c r="H${r}" t="str"><v>overdracht_lopende_hulpverlening</v></c></row>`,
    );
  }
  const header = row(1, ['dossier_id', 'gemeente', 'melding_datum', 'melder_anoniem', 'gi_betrokken', 'veiligheidsbeoordeling_datum', 'contact_gezin_datum', 'triage_besluit'].map((h, i) => str(`${String.fromCharCode(65 + i)}1`, h)));
  return book({ cellXfs: [0, 164], numFmts: { 164: 'dd-mm-yyyy' }, sheets: { Export: header + parts.join('') } });
}

describe('XLSX: memory stays bounded', () => {
  it('a zip bomb (64 MiB of one byte in a 64 KB part) is refused at a peak RSS under 150 MB', () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>${'a'.repeat(64 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    const r = readInProcess('bomb.xlsx', book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet }] }));
    expect(r.message).toMatch(/bomb\.xlsx: onderdeel xl\/worksheets\/sheet1\.xml pakt uit tot meer dan 100 keer/);
    expect(r.rssMb).toBeLessThan(150);
  });

  it('one cell in row 1,048,576 and a million empty rows: read at a peak RSS under 200 MB', () => {
    const sparse = readInProcess('sparse.xlsx', book({ sheets: { Export: headerRow() + data(1_048_576, 'A-1') } }));
    expect(sparse).toMatchObject({ rows: 1 });
    expect(sparse.rssMb).toBeLessThan(200);
    let empty = '';
    for (let i = 3; i < 1_000_003; i++) empty += `<row r="${i}"/>`;
    const rows = readInProcess('empty-rows.xlsx', book({ sheets: { Export: headerRow() + data(2, 'A-1') + empty + data(1_000_003, 'A-2') } }));
    expect(rows).toMatchObject({ rows: 2 });
    expect(rows.rssMb).toBeLessThan(200);
  });

  it('a 100,000-row export (48 MB of sheet XML) reads at a peak RSS under 250 MB, and `check` reads it in its worker (256 MB heap cap)', () => {
    const bytes = exportLike(100_000);
    const r = readInProcess('export-100k.xlsx', bytes);
    expect(r).toMatchObject({ rows: 100_000 });
    if (process.env.DBG) console.log('rss', r.rssMb, bytes.length);
    expect(r.rssMb).toBeLessThan(250);
    const run = giacheckProcess(['check', join(dir, 'export-100k.xlsx'), '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never'], { env: { GIACHECK_WORKER: '1' } });
    expect(run.stderr).not.toMatch(/interne fout|heap|memory|\n\s+at /i);
    expect(run.code).toBe(0);
    const input = (JSON.parse(run.stdout) as { input: { rows_read: number; rows_checked: number; rows_rejected: number } }).input;
    expect(input).toMatchObject({ rows_read: 100_000, rows_checked: 100_000, rows_rejected: 0 });
  }, 300_000);

  it("check reads generate's own XLSX (exceljs's writer) to the same rows as its CSV", async () => {
    const xlsx = join(dir, 'gen.xlsx');
    const csv = join(dir, 'gen.csv');
    const args = ['--cases', '500', '--seed', '7', '--region', 'zuid-limburg', '--until', '2026-10-31'];
    expect((await giacheck(['generate', ...args, '--format', 'xlsx', '--output', xlsx])).code).toBe(0);
    expect((await giacheck(['generate', ...args, '--output', csv])).code).toBe(0);
    const check = async (f: string) => JSON.parse((await giacheck(['check', f, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never'])).stdout) as { input: { rows_read: number }; summary: unknown; findings: unknown };
    const [a, b] = [await check(xlsx), await check(csv)];
    expect(a.input.rows_read).toBe(500);
    expect(a.summary).toEqual(b.summary);
    expect((a as unknown as { findings_total: number }).findings_total).toBe((b as unknown as { findings_total: number }).findings_total);
  });
});
