/**
 * The memory bound of the XLSX reader (issue 16.7, 16.9), measured where it shows: in a process of
 * its own, reading through the compiled reader (dist/, so `npm run build` first, as `npm test`
 * does). The peak is the child's own VmHWM from /proc/self/status, read when it exits: not
 * process.resourceUsage().maxRSS, which on Linux carries the RSS of the process it was forked from
 * (the vitest worker, often 150 MB and more) across exec. Before the streaming reader, a zip bomb took 1–5 GB,
 * a 3 KB workbook with one cell in row 1,048,576 ran out of memory, and `check` could not read its
 * own XLSX export above ~4 MB in its worker (256 MB heap cap).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { book, headerRow, row, str } from '../helpers/xlsx-build.js';
import { giacheck, ROOT } from '../helpers/cli.js';
import { cliWithPeak } from '../helpers/peak.js';

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
    const { readFileSync } = await import('node:fs');
    out.rssMb = Math.round(Number(/^VmHWM:\\s+(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024);
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, f], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { rows?: number; message?: string; rssMb: number };
  if (process.env.GIACHECK_DEBUG_RSS) console.log(`${name}: peak RSS ${out.rssMb} MB`);
  return out;
}

const data = (r: number, id: string) => row(r, [str(`A${r}`, id), str(`B${r}`, 'Heerlen'), str(`C${r}`, '2026-04-28')]);

describe('XLSX: memory stays bounded', () => {
  it('a zip bomb (64 MiB of one byte in a 64 KB part) is refused at a peak RSS under 150 MB', () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>${'a'.repeat(64 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    const r = readInProcess('bomb.xlsx', book({ sheets: { Export: '' }, extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet }] }));
    expect(r.message).toMatch(/bomb\.xlsx: werkblad "Export" \(xl\/worksheets\/sheet1\.xml\): pakt uit tot meer dan 100 keer/);
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

  it('a shared-string bomb (2.35 million strings, 98 MiB unpacked, at the limits): read at a peak RSS under 350 MB, and `check` reads it in its worker', () => {
    // measured 224–228 MB and 308–314 MB; before the strings were kept as bytes outside the heap, 622 MB and 1,103 MB
    const rnd = randomBytes(21 * 2_350_000).toString('base64');
    const si: string[] = [];
    for (let i = 0; i < 2_350_000; i++) si.push(`<si><t>${rnd.slice(i * 28, i * 28 + 28)}</t></si>`);
    let rows = '';
    for (let r = 2; r < 2002; r++) rows += row(r, [`<c r="A${r}" t="s"><v>${r}</v></c>`, str(`B${r}`, 'Heerlen'), str(`C${r}`, '2026-04-28'), str(`D${r}`, 'voorwaarden_en_vervolg'), str(`E${r}`, '2026-04-30')]);
    const bytes = book({ sharedStrings: si.join(''), sheets: { Export: headerRow('triage_besluit', 'veiligheidsbeoordeling_datum') + rows } });
    const read = readInProcess('ss-bomb.xlsx', bytes);
    expect(read).toMatchObject({ rows: 2000 });
    expect(read.rssMb).toBeLessThan(350);
    const run = cliWithPeak(['check', join(dir, 'ss-bomb.xlsx'), '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
    if (process.env.GIACHECK_DEBUG_RSS) console.log(`check of ss-bomb.xlsx: peak RSS ${run.rssMb} MB`);
    // (stderr holds the rules that cannot be judged on five columns)
    expect(run.stderr).not.toMatch(/interne fout|heap|memory|\n\s+at /i);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { input: { rows_read: number } }).input.rows_read).toBe(2000);
    expect(run.rssMb).toBeLessThan(500);
  }, 300_000);

  it("check reads generate's own 100,000-row XLSX in its worker (256 MB heap cap): the reader alone peaks under 300 MB (measured 175–215), the whole check under 400 MB (measured 263)", () => {
    const file = join(dir, 'gen-100k.xlsx');
    const gen = cliWithPeak(['generate', '--cases', '100000', '--seed', '7', '--region', 'zuid-limburg', '--until', '2026-10-31', '--format', 'xlsx', '--output', file]);
    expect(gen.code).toBe(0);
    const read = readInProcess('gen-100k.xlsx', readFileSync(file));
    expect(read).toMatchObject({ rows: 100_000 });
    const run = cliWithPeak(['check', file, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
    if (process.env.GIACHECK_DEBUG_RSS) console.log(`check of gen-100k.xlsx: peak RSS ${run.rssMb} MB`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const input = (JSON.parse(run.stdout) as { input: { rows_read: number; rows_checked: number; rows_rejected: number } }).input;
    expect(input).toMatchObject({ rows_read: 100_000, rows_checked: 100_000, rows_rejected: 0 });
    expect(read.rssMb).toBeLessThan(300);
    expect(run.rssMb).toBeLessThan(400);
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
