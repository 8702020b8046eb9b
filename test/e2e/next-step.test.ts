/** Issue 13 point 13: the usual mistakes end in one Dutch line with the next step, exit 2. */
import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, giacheck } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const BASE = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const dir = mkdtempSync(join(tmpdir(), 'giacheck-next-'));
const rows = readFileSync(DEMO, 'utf8').trim().split(/\r?\n/).slice(0, 6);
const delimiter = rows[0].includes(';') ? ';' : ',';

/** The CLI as root without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH (util-linux setpriv). */
function withoutDacOverride(args: string[]) {
  const r = spawnSync(
    'setpriv',
    ['--bounding-set', '-dac_override,-dac_read_search', process.execPath, BIN, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', GIACHECK_LANG: '' } },
  );
  expect(r.error, 'setpriv (util-linux) is needed to test an unreadable file as root').toBeUndefined();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(r: { code: number | null; stderr: string }) {
  expect(r.code).toBe(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr.trimEnd();
}

async function workbook(file: string, sheets: { name: string; rows: string[][] }[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

describe('next steps for the usual mistakes', () => {
  it('a file that cannot be opened (locked by Excel, no permission): close it in Excel', async () => {
    const file = join(dir, 'vergrendeld.csv');
    copyFileSync(DEMO, file);
    chmodSync(file, 0o000);
    // root reads anything: without the capabilities that override file modes, root is refused
    // the way a coordinator without access is (running as nobody instead fails on checkouts
    // nobody cannot reach, such as a CI's 0700 temp dir)
    const line = oneLine(process.getuid?.() === 0 ? withoutDacOverride(['check', file, ...BASE]) : await giacheck(['check', file, ...BASE]));
    expect(line).toBe(`giacheck: ${file}: kan het bestand niet openen (EACCES: in gebruik of geen leesrechten); sluit het bestand in Excel en probeer het opnieuw`);
  });

  it("Excel's ~$ lock file is named as such", async () => {
    const file = join(dir, '~$export.xlsx');
    writeFileSync(file, Buffer.alloc(165));
    const line = oneLine(await giacheck(['check', file, ...BASE]));
    expect(line).toContain('dit is het tijdelijke vergrendelbestand dat Excel maakt');
    expect(line).toContain('zonder ~$');
  });

  it('data on another sheet: says which one and lists the sheets', async () => {
    const file = join(dir, 'twee-bladen.xlsx');
    await workbook(file, [
      { name: 'Toelichting', rows: [['Export Veilig Thuis'], ['gemaakt op 1-11-2026']] },
      { name: 'Data', rows: rows.map((r) => r.split(delimiter)) },
    ]);
    const line = oneLine(await giacheck(['check', file, ...BASE]));
    expect(line).toMatch(/verplichte kolom ontbreekt: .*; de gegevens staan op werkblad "Data": gebruik --sheet "Data" \(werkbladen: Toelichting, Data\)$/);
    const ok = await giacheck(['check', file, ...BASE, '--sheet', 'Data', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).input.rows_read).toBe(5);
  });

  it('an empty first sheet beside the data sheet points at the data sheet', async () => {
    const file = join(dir, 'leeg-eerst.xlsx');
    await workbook(file, [
      { name: 'Blad1', rows: [] },
      { name: 'Export', rows: rows.map((r) => r.split(delimiter)) },
    ]);
    expect(oneLine(await giacheck(['check', file, ...BASE]))).toContain('gebruik --sheet "Export" (werkbladen: Blad1, Export)');
  });

  it('title rows above the header (CSV and XLSX): names the header row', async () => {
    const csv = join(dir, 'titels.csv');
    writeFileSync(csv, ['Rapportage Veilig Thuis', 'Periode: oktober 2026', '', ...rows].join('\r\n') + '\r\n');
    expect(oneLine(await giacheck(['check', csv, ...BASE]))).toMatch(/; de kopregel staat op rij 4; verwijder de 3 regel\(s\) met titels erboven en probeer het opnieuw$/);
    const xlsx = join(dir, 'titels.xlsx');
    await workbook(xlsx, [{ name: 'Export', rows: [['Rapportage Veilig Thuis'], [], ...rows.map((r) => r.split(delimiter))] }]);
    expect(oneLine(await giacheck(['check', xlsx, ...BASE]))).toContain('de kopregel staat op rij 3; verwijder de 2 regel(s)');
  });

  it('no header row in the first 10 rows: says so', async () => {
    const csv = join(dir, 'geen-kop.csv');
    writeFileSync(csv, Array.from({ length: 12 }, (_, i) => `regel ${i};iets;anders`).join('\n') + '\n');
    expect(oneLine(await giacheck(['check', csv, ...BASE]))).toContain('in de eerste 10 rijen staat geen kopregel met deze kolommen');
  });

  it('compare given an export, a jsonl stream or a validate report names what it got', async () => {
    const report = join(dir, 'rapport.json');
    expect((await giacheck(['check', DEMO, ...BASE, '--output', report, '--quiet'])).code).toBe(0);
    expect(oneLine(await giacheck(['compare', DEMO, report]))).toContain(`${DEMO}: geen giacheck-rapport (maak het met giacheck check --format json): dit is geen JSON`);
    const jsonl = join(dir, 'bevindingen.jsonl');
    await giacheck(['check', DEMO, ...BASE, '--output', jsonl, '--quiet']);
    expect(oneLine(await giacheck(['compare', report, jsonl]))).toContain('dit is uitvoer van --format jsonl; gebruik --format json');
    const val = join(dir, 'validatie.json');
    await giacheck(['validate', DEMO, ...BASE, '--output', val, '--quiet']);
    expect(oneLine(await giacheck(['compare', report, val]))).toContain('dit is een validate-rapport, geen check-rapport');
  });

  it('in English with --lang en', async () => {
    const csv = join(dir, 'titels.csv');
    expect(oneLine(await giacheck(['check', csv, ...BASE, '--lang', 'en']))).toContain('the header row is row 4; delete the 3 title row(s) above it');
  });
});
