/**
 * The XLSX limits end to end (issue 16.7): `check` and `validate` refuse a workbook past a limit
 * with exit 2 and one line naming the file, the sheet with the row or cell, and what to do — in
 * Dutch, and in English with --lang en; the same from the ingest worker of a real process.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { book, headerRow, row, str } from '../helpers/xlsx-build.js';
import { giacheck, giacheckProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-xlsx-limits-'));
const data = (r: number, id: string) => row(r, [str(`A${r}`, id), str(`B${r}`, 'Heerlen'), str(`C${r}`, '2026-04-28'), str(`D${r}`, 'voorwaarden_en_vervolg'), str(`E${r}`, '2026-04-30')]);
const header = headerRow('triage_besluit', 'veiligheidsbeoordeling_datum');

function write(name: string, bytes: Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

const files = {
  'long-cell.xlsx': book({ sheets: { Meldingen: header + data(2, 'A-1') + row(3, [str('A3', 'A-2'), str('B3', 'x'.repeat(32_768))]) } }),
  'row-order.xlsx': book({ sheets: { Meldingen: header + data(4, 'A-1') + data(3, 'A-2') } }),
  'bomb.xlsx': book({ sheets: { Meldingen: header + data(2, 'A-1') + `<row r="3"><c r="F3" t="inlineStr"><is><t>${' '.repeat(8 * 1024 * 1024)}</t></is></c></row>` } }),
};

const NL: Record<keyof typeof files, string> = {
  'long-cell.xlsx': 'werkblad "Meldingen", cel B3: meer dan 32.767 tekens, de grens van een Excel-cel; kort de cel in of exporteer als CSV',
  'row-order.xlsx': 'werkblad "Meldingen", rij 3: staat na rij 4; een Excel-werkmap heeft de rijen op volgorde, exporteer het bestand opnieuw',
  'bomb.xlsx':
    'werkblad "Meldingen" (xl/worksheets/sheet1.xml): pakt uit tot meer dan 100 keer zijn gecomprimeerde grootte (een zip-bom?) en wordt niet gelezen; sla het bestand opnieuw op in Excel of exporteer als CSV',
};

describe.each(['check', 'validate'])('giacheck %s on an XLSX past a limit', (command) => {
  it.each(Object.keys(files) as (keyof typeof files)[])('%s: exit 2, one line with the file, the place and the next step', async (name) => {
    const f = write(name, files[name]);
    const r = await giacheck([command, f, '--region', 'zuid-limburg', '--as-of', '2026-07-01', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`giacheck: ${f}: ${NL[name]}\n`);
  });
});

describe('XLSX limits in English and from the worker', () => {
  it('--lang en says the same in English', async () => {
    const f = write('long-cell-en.xlsx', files['long-cell.xlsx']);
    const r = await giacheck(['check', f, '--region', 'zuid-limburg', '--as-of', '2026-07-01', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${f}: sheet "Meldingen", cell B3: more than 32,767 characters, the limit of an Excel cell; shorten the cell or export as CSV\n`);
  });

  it('a sheet damaged after its first rows, read by the ingest worker of a real process: exit 2 and the one line', () => {
    let rows = '';
    for (let r = 2; r < 3002; r++) rows += data(r, `A-${r}`);
    const bytes = book({ sheets: { Meldingen: header + rows }, edit: (p) => (p.name.includes('sheet1') ? { ...p, store: true } : p) });
    const at = bytes.lastIndexOf('A-2999');
    bytes[at + 2] = '7'.charCodeAt(0);
    const f = write('damaged.xlsx', bytes);
    const r = giacheckProcess(['check', f, '--region', 'zuid-limburg', '--as-of', '2026-07-01', '--format', 'json'], { env: { GIACHECK_WORKER: '1' } });
    expect(r.stderr).toBe(`giacheck: ${f}: werkblad "Meldingen", na rij 3001: beschadigd (de uitgepakte grootte of de controlesom klopt niet); exporteer het bestand opnieuw\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
