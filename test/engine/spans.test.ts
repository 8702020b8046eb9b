/**
 * Round 2 of issue 8 (docs/performance.md) must change nothing but the speed:
 * - CsvParser spans mode gives, record for record, what push() gives, for any chunking;
 * - Normalizer.normalizeSpan + BatchPacker give, after unpacking, exactly the packed rows and
 *   RowErrors of normalize();
 * - IdSet (interleaved, any capacity, growing) finds exactly the duplicates a Set finds;
 * - the ASCII fast path of decodeStream keeps UTF-8 errors, mojibake and its line numbers exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchPacker, BatchUnpacker } from '../../src/engine/packed.js';
import { CsvParser, CsvRecord } from '../../src/ingest/csv.js';
import { decodeStream } from '../../src/ingest/decode.js';
import { FIELDS } from '../../src/model/fields.js';
import { STRIDE } from '../../src/model/row.js';
import { IdSet } from '../../src/ingest/idset.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer, RowError } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { loadProfile } from '../../src/profile/load.js';
import { CellValues, spoiltRows } from '../helpers/rows.js';

function chunked(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let last = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(text.slice(last, c));
    last = c;
  }
  out.push(text.slice(last));
  return out;
}

/** Records of spans mode, as push() would give them (span → split fields). */
function viaSpans(text: string, d: ';' | ',', cuts: number[]): CsvRecord[] {
  const p = new CsvParser(d);
  const out: CsvRecord[] = [];
  const take = (b: ReturnType<CsvParser['pushSpans']>) => {
    let special = 0;
    for (let k = 0; k < b.count; k++) {
      if (b.starts[k] >= 0) {
        const line = b.text.slice(b.starts[k], b.ends[k]);
        out.push({ fields: line.length ? line.split(d) : [''], row: b.firstRow + k, line: 0 });
      } else {
        const r = b.records[special++];
        expect(r.row).toBe(b.firstRow + k);
        out.push({ ...r, line: 0 });
      }
    }
  };
  for (const c of chunked(text, cuts)) take(p.pushSpans(c));
  take(p.endSpans());
  return out;
}

function viaPush(text: string, d: ';' | ',', cuts: number[]): CsvRecord[] {
  const p = new CsvParser(d);
  const out: CsvRecord[] = [];
  for (const c of chunked(text, cuts)) out.push(...p.push(c));
  out.push(...p.end());
  return out.map((r) => ({ ...r, line: 0 }));
}

describe('CsvParser spans mode', () => {
  const cell = fc.constantFrom('', 'a', 'Heerlen', '28-04-2026', 'ja', ' x ', 'é', '"q"', '"a;b"', '"line\r\nbreak"', '"x""y"', 'x"y');
  const csv = fc.tuple(
    fc.constantFrom<';' | ','>(';', ','),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  );

  it('gives the records of push(), for any chunking', () => {
    fc.assert(
      fc.property(csv, fc.array(fc.nat(), { maxLength: 6 }), ([d, rows, eol, finalEol], cutsRaw) => {
        const text = '\uFEFF' + rows.map((r) => r.join(d)).join(eol) + (finalEol ? eol : '');
        const cuts = cutsRaw.map((c) => c % (text.length + 1));
        let normal: CsvRecord[];
        try {
          normal = viaPush(text, d, cuts);
        } catch (e) {
          expect(() => viaSpans(text, d, cuts)).toThrow((e as Error).message);
          return;
        }
        expect(viaSpans(text, d, cuts)).toEqual(normal);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Normalizer.normalizeSpan', () => {
  const profile = loadProfile({ region: 'zuid-limburg' });
  const header = [...FIELDS, 'opmerking'];
  const clean: CellValues = {
    date: ['', '28-04-2026', '2026-04-28', '01-01-2025', '29-02-2028'],
    bool: ['', 'ja', 'nee', 'Ja', 'NEE'],
    item: ['', 'ja', 'nee', 'Nee'],
    route: ['', 'overdracht_lokaal_veld', 'V&V', 'directe overdracht', 'geen_vervolg'],
    dossier: ['@id', '@id', '@id', 'VT-1'], // @id: a fresh dossier number; VT-1 repeats
    gemeente: ['Heerlen', 'Sittard Geleen', 'SITTARD-GELEEN', 'Valkenburg', 'Vaals', 'Maastricht'],
    free: ['', 'vrije tekst', 'x'],
  };
  const tricky: CellValues = {
    date: ['31-02-2026', '28-4-2026', ' 28-04-2026', '28-04-26', 'morgen', '01-01-1899', '31-12-1969'],
    bool: ['j', 'n', 'jo', 'nex', 'ne', 'true', ' ja', 'jaa'],
    item: ['no', 'ok', 'nea', ' ', '1'],
    route: [' onderzoek', 'onbekend', 'v&v', 'overdracht_lokaal_veld '],
    dossier: ['', ' VT-9', 'VT-9 ', 'É-1'],
    gemeente: ['', 'Maastrich', ' Heerlen', 'Élo', 'Heerle', 'Heerlenn', 'Amsterdam'],
    free: ['   ', 'é'],
  };
  const row = spoiltRows(header, clean, tricky);

  it('packs the rows and RowErrors of normalize()', () => {
    const lines = fc.sample(row, { numRuns: 4000, seed: 42 }).map((cells, i) => cells.map((c) => (c === '@id' ? `VT-${i}` : c)).join(';'));
    const input = { file: 'x.csv', format: 'csv', header, delimiter: ';' } as unknown as OpenedInput;
    const slow = new Normalizer(profile, EMPTY_MAPPING, { ids: new IdSet() });
    slow.begin(input);
    const ints = new Int32Array(STRIDE);
    const expected = lines.map((line, i) => {
      const r = slow.normalize({ row: i + 2, values: line.split(';') }, ints, 0);
      return r === true ? { row: i + 2, ints: [...ints.subarray(0, FIELDS.length)], id: slow.spanRow.dossierId, place: { gemeente: slow.spanRow.gemeente, deelregio: slow.spanRow.deelregio } } : r;
    });

    // the ingest loop (src/engine/ingest.ts) over one text holding all lines, in batches of 500
    const fast = new Normalizer(profile, EMPTY_MAPPING, { ids: new IdSet(16) });
    fast.begin(input);
    const text = lines.join('\n') + '\n';
    const packer = new BatchPacker();
    const unpacker = new BatchUnpacker(['x.csv']);
    const got: unknown[] = [];
    let pos = 0;
    let spans = 0;
    for (let b = 0; b < lines.length; b += 500) {
      packer.start(500);
      for (let i = b; i < Math.min(lines.length, b + 500); i++) {
        const end = pos + lines[i].length;
        const rowNo = i + 2;
        if (fast.normalizeSpan(text, pos, end, rowNo, packer.rowInts, packer.rowBase)) {
          packer.addRow(fast.spanRow, rowNo, 0);
          spans++;
        } else {
          const r = fast.normalize({ row: rowNo, values: end > pos ? text.slice(pos, end).split(';') : [''] }, packer.rowInts, packer.rowBase);
          if (r === true) packer.addRow(fast.spanRow, rowNo, 0);
          else packer.addRejected(r);
        }
        pos = end + 1;
      }
      unpacker.eachRow(
        structuredClone(packer.finish()),
        (r) => got.push({ row: r.row, ints: [...r.ints.subarray(r.base, r.base + FIELDS.length)], id: r.dossierId, place: { ...r.place } }),
        (e: RowError[]) => got.push(e),
      );
    }
    expect(got).toEqual(expected);
    expect(spans).toBeGreaterThan(300); // rows the span path decided itself
    expect(expected.filter(Array.isArray).length).toBeGreaterThan(300);
  });
});

describe('IdSet', () => {
  it('finds exactly the duplicates a Set finds, across files, growing from any capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 3000 }), fc.nat({ max: 2 })), { maxLength: 3000 }), fc.integer({ min: 1, max: 5000 }), (ids, capacity) => {
        const set = new IdSet(capacity);
        const first = new Map<string, { row: number; file: number }>();
        ids.forEach(([n, file], row) => {
          const id = `VT-${n}`;
          const got = set.addOrGet(id, row, file);
          const seen = first.get(id);
          if (seen) {
            expect(got).toBe(seen.row);
            expect(set.lastFile).toBe(seen.file);
          } else {
            expect(got).toBe(-1);
            first.set(id, { row, file });
          }
        });
        expect(set.size).toBe(first.size);
      }),
      { numRuns: 60 },
    );
  });
});

describe('decodeStream ASCII fast path', () => {
  async function decode(chunks: Buffer[]): Promise<string> {
    let out = '';
    for await (const t of decodeStream((async function* () { yield* chunks; })(), 'x.csv', 'auto')) out += t;
    return out;
  }
  const b = (s: string) => Buffer.from(s, 'utf8');

  it('a UTF-8 character cut by a chunk edge, then ASCII chunks', async () => {
    const all = b('a;é\nb;ë\n');
    const at = all.indexOf(0xc3) + 1; // inside é
    expect(await decode([all.subarray(0, at), all.subarray(at, at + 3), all.subarray(at + 3)])).toBe('a;é\nb;ë\n');
  });

  it('an unfinished UTF-8 character followed by an ASCII chunk is still an error', async () => {
    await expect(decode([b('a;b\n'), b('x;é').subarray(0, 3), b('ok\n')])).rejects.toThrow(/UTF-8/);
  });

  it('mojibake after ASCII chunks is found, on the right line', async () => {
    await expect(decode([b('a;b\r'), b('\nc;d\n'), b('e;f\n'), b('g;Ã«\n')])).rejects.toThrow(/regel 4/);
  });

  it('ASCII chunks of a Windows-1252 file', async () => {
    const head = Buffer.from([0x61, 0x3b, 0xeb, 0x0a]); // "a;ë\n" in Windows-1252
    expect(await decode([head, b('b;c\n')])).toBe('a;ë\nb;c\n');
  });
});
