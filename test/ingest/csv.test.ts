/**
 * The hand-written CSV parser against csv-parse (the reference the design card names) on the
 * inputs that break fast parsers: BOM, CRLF, quoted delimiters and line breaks, "" escapes, and
 * every possible chunk boundary.
 */
import { describe, expect, it } from 'vitest';
import { parse as csvParseSync } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvParser, CsvSyntaxError, detectDelimiter } from '../../src/ingest/csv.js';

function parseAll(text: string, chunkSize: number, delimiter?: ',' | ';' | '\t') {
  const p = new CsvParser(delimiter);
  const out = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...p.push(text.slice(i, i + chunkSize)));
  out.push(...p.end());
  return out;
}

function oracle(text: string, delimiter: string): string[][] {
  return csvParseSync(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
}

const tricky = [
  'a;b;c\r\n1;2;3\r\n',
  '\uFEFFdossier_id;gemeente\r\nA;Heerlen\r\nB;"Sittard-Geleen"\r\n',
  'a,b\n"x, y","line\nbreak"\n"quote ""inside""",z\n',
  'a;b\r\n"semi;colon";"cr\r\nlf inside"\r\nlast;row',
  'a\tb\n1\t2\n',
  'a;b\r\n;\r\n"";""\r\n',
  'a;b\r\n"x";y\r\n"";""',
];

describe('CsvParser', () => {
  it.each(tricky.map((t, i) => [i, t]))('case %i matches csv-parse at every chunk size', (_i, text) => {
    const delim = detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]);
    const expected = oracle(text as string, delim);
    for (let size = 1; size <= (text as string).length; size++) {
      expect(parseAll(text as string, size).map((r) => r.fields)).toEqual(expected);
    }
  });

  it('numbers rows as a spreadsheet does (header = 1) and tracks the starting line', () => {
    const recs = parseAll('h1;h2\r\n"multi\r\nline";x\r\nnext;y\r\n', 3);
    expect(recs.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b')).toBe(',');
  });

  it('reports an unbalanced quote with its line and row', () => {
    const p = new CsvParser();
    p.push('a,b\n1,2\n"open,3\n4,5\n');
    expect(() => p.end()).toThrowError(CsvSyntaxError);
    try {
      const q = new CsvParser();
      q.push('a,b\n1,2\n"open,3\n4,5\n');
      q.end();
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
      expect((e as CsvSyntaxError).row).toBe(3);
    }
  });

  it('reports text after a closing quote', () => {
    expect(() => parseAll('a,b\n"x"y,2\n', 100)).toThrowError(/aanhalingsteken/);
  });

  it('keeps short and long rows as they are (the normaliser rejects them by count)', () => {
    expect(parseAll('a;b;c\n1;2\n1;2;3;4\n', 4).map((r) => r.fields.length)).toEqual([3, 2, 4]);
  });

  it('turns an over-long line into a row error instead of holding it', () => {
    const long = 'x'.repeat(1_000_001);
    const recs = parseAll(`a;b\n${long};1\nok;2\n`, 65536);
    expect(recs[1]).toMatchObject({ row: 2, fields: [], error: expect.stringMatching(/langer dan/) });
    expect(recs[2].fields).toEqual(['ok', '2']);
  });

  it('matches csv-parse on generated inputs split at random chunk sizes', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.string({ unit: fc.constantFrom('a', ';', '"', '\n', '\r', ' ', 'é'), maxLength: 8 }).map((s) => '"' + s.replace(/"/g, '""') + '"'),
    );
    const row = fc.array(field, { minLength: 3, maxLength: 3 }).map((fs) => fs.join(';'));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 40 }), (rows, eol, size) => {
        const text = ['h1;h2;h3', ...rows].join(eol) + eol;
        const expected = oracle(text, ';');
        expect(parseAll(text, size, ';').map((r) => r.fields)).toEqual(expected);
      }),
      { numRuns: Number(process.env.GIACHECK_FUZZ_RUNS ?? 500) },
    );
  });
});
