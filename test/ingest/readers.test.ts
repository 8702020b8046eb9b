import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { openInput, ReadOptions } from '../../src/ingest/readers.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import { STRIDE } from '../../src/model/row.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { loadProfile } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';

const zl = loadProfile({ region: 'zuid-limburg' });

function file(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-in-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

async function readAll(path: string, opts: Partial<ReadOptions> = {}) {
  const input = await openInput(path, { encoding: 'auto', ...opts });
  const n = new Normalizer(zl, EMPTY_MAPPING);
  n.begin(input);
  const row = new Int32Array(STRIDE);
  const cases: { dossierId: string }[] = [];
  const rejected = [];
  let read = 0;
  for await (const batch of input.batches) {
    for (const rec of batch) {
      read++;
      const c = n.normalize(rec, row, 0);
      if (c === true) cases.push({ dossierId: n.spanRow.dossierId });
      else rejected.push(...c);
    }
  }
  return { input, cases, rejected, read };
}

describe('reading exports', () => {
  it('Windows-1252 is detected and decoded (é, ë in a gemeente-free column)', async () => {
    const text = 'dossier_id;gemeente;melding_datum;opmerking\r\nA;Heerlen;01-09-2026;café met één ë\r\n';
    const r = await readAll(file('w.csv', iconv.encode(text, 'win1252')));
    expect(r.input.encoding).toBe('windows-1252');
    expect(r.cases).toHaveLength(1);
  });

  it('--encoding forces a decoder', async () => {
    const text = 'dossier_id;gemeente;melding_datum\r\nA;Heerlen;01-09-2026\r\n';
    const r = await readAll(file('w.csv', iconv.encode(text, 'win1252')), { encoding: 'windows-1252' });
    expect(r.input.encoding).toBe('windows-1252');
  });

  it('UTF-8 with BOM and a UTF-16 export with BOM', async () => {
    const text = 'dossier_id,gemeente,melding_datum\nA,Heerlen,2026-09-01\n';
    const a = await readAll(file('a.csv', '\uFEFF' + text));
    expect(a.input.header[0]).toBe('dossier_id');
    expect(a.cases).toHaveLength(1);
    const b = await readAll(file('b.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(b.input.encoding).toBe('utf-16le');
    expect(b.cases.map((c) => c.dossierId)).toEqual(['A']);
  });

  it('invalid UTF-8 after a valid start is an error naming the file, not replaced silently', async () => {
    const head = 'dossier_id,gemeente,melding_datum\n' + 'A,Heerlen,2026-09-01\n'.repeat(20);
    const f = file('bad.csv', Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    await expect(readAll(f, { chunkSize: 64 })).rejects.toThrowError(/ongeldige UTF-8 rond byte \d+; probeer --encoding windows-1252/);
  });

  it('a binary file is refused with one line', async () => {
    await expect(readAll(file('x.csv', Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff])))).rejects.toThrowError(UserError);
  });

  it('tab-delimited and comma files are detected', async () => {
    const tab = await readAll(file('t.tsv', 'dossier_id\tgemeente\tmelding_datum\nA\tHeerlen\t2026-09-01\n'));
    expect(tab.input.delimiter).toBe('\t');
    expect(tab.cases).toHaveLength(1);
  });

  it('short and long rows are rejected with the counts', async () => {
    const r = await readAll(file('s.csv', 'dossier_id,gemeente,melding_datum\nA,Heerlen\nB,Heerlen,2026-09-01,extra\nC,Heerlen,2026-09-01\n'));
    expect(r.rejected.map((e) => [e.row, e.code, e.reason])).toEqual([
      [2, 'column-count', 'rij heeft 2 velden, de kopregel 3'],
      [3, 'column-count', 'rij heeft 4 velden, de kopregel 3'],
    ]);
    expect(r.cases.map((c) => c.dossierId)).toEqual(['C']);
    expect(r.read).toBe(3);
  });

  it('gives every problem of a row, with file, row and column', async () => {
    const r = await readAll(file('p.csv', 'dossier_id,gemeente,melding_datum,gi_betrokken\n,Heerlen,30-02-2026,soms\n'));
    expect(r.rejected.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'melding_datum', 'impossible-date'],
      [2, 'gi_betrokken', 'type-error'],
      [2, 'dossier_id', 'missing-required'],
    ]);
  });

  it('row numbers stay right across chunk boundaries and quoted line breaks', async () => {
    const rows = ['dossier_id,gemeente,melding_datum,opmerking'];
    for (let i = 0; i < 50; i++) rows.push(`R-${i},Heerlen,2026-09-01,"regel\r\nmet breuk"`);
    rows.push('R-x,Heerlen,31-02-2026,');
    const r = await readAll(file('c.csv', rows.join('\r\n') + '\r\n'), { chunkSize: 7 });
    expect(r.cases).toHaveLength(50);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 52, column: 'melding_datum', code: 'impossible-date' })]);
  });

  it('JSON: a syntax error names file, line and column', async () => {
    await expect(readAll(file('x.json', '[\n {"dossier_id": "A",}\n]'))).rejects.toThrowError(/x\.json:2:\d+: geen geldige JSON/);
  });

  it('JSON Lines: a broken line is a rejected row, the rest is read', async () => {
    const r = await readAll(file('x.jsonl', '{"dossier_id":"A","gemeente":"Heerlen","melding_datum":"2026-09-01"}\n{oops}\n\n{"dossier_id":"B","gemeente":"Heerlen","melding_datum":"2026-09-02"}\n'));
    expect(r.cases.map((c) => c.dossierId)).toEqual(['A', 'B']);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 2, code: 'unreadable-row' })]);
    expect(r.read).toBe(3);
  });

  it('an empty file is unusable (exit 2 material)', async () => {
    await expect(readAll(file('e.csv', ''))).rejects.toThrowError(/leeg bestand/);
  });
});

describe('JSON parse errors never quote the input', () => {
  it('a broken JSON Lines row is rejected without its content', async () => {
    const r = await readAll(file('leak.jsonl', '{"dossier_id":"A","gemeente":"Heerlen","melding_datum":"2026-09-01"}\nJan Jansen 111222333\n'));
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].reason).toMatch(/^geen geldige JSON: Unexpected token/);
    expect(r.rejected[0].reason).not.toMatch(/Jan|111222333/);
  });
  it('a broken JSON file is refused without its content', async () => {
    await expect(readAll(file('leak.json', '[{"naam": Jan Jansen 111222333}]'))).rejects.toThrowError(/^(?!.*(Jansen|111222333)).*geen geldige JSON/);
  });
});
