/**
 * Encodings: Windows-1252 is detected, and mojibake (UTF-8 that was read as Windows-1252 along the
 * way, or replacement characters) is an error naming file and line, never accepted silently.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeStream, EncodingChoice } from '../../src/ingest/decode.js';
import { openInput } from '../../src/ingest/readers.js';
import { UserError } from '../../src/errors.js';

async function decode(chunks: (Buffer | string)[], choice: EncodingChoice = 'auto') {
  const info = {};
  let text = '';
  for await (const t of decodeStream((async function* () { yield* chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)); })(), 'x.csv', choice, info)) text += t;
  return { text, info };
}

/** Split a buffer into pieces of `size` bytes, as a stream with a small highWaterMark would. */
function pieces(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

const HEADER = 'dossier_id;gemeente;melding_datum;opmerking\r\n';
/** "ë" written as UTF-8, then read as Windows-1252 and saved as UTF-8 again. */
const doubleEncoded = (s: string) => Buffer.from(iconv.decode(Buffer.from(s, 'utf8'), 'win1252'), 'utf8');

describe('decoding exports', () => {
  it('detects Windows-1252 and decodes é, ë, € and the en dash', async () => {
    const bytes = iconv.encode(HEADER + 'A;Heerlen;01-09-2026;café – ëën € \r\n', 'win1252');
    const r = await decode([bytes]);
    expect(r.info).toEqual({ encoding: 'windows-1252', bom: false });
    expect(r.text).toContain('café – ëën €');
  });

  it('reads UTF-8 with Dutch diacritics without complaint', async () => {
    const r = await decode([Buffer.from('\ufeff' + HEADER + 'A;Heerlen;01-09-2026;geïnformeerd, één, café\r\n')]);
    expect(r.info).toEqual({ encoding: 'utf-8', bom: true });
    expect(r.text).toContain('geïnformeerd, één, café');
  });

  it('mojibake in a UTF-8 file is an error naming file and line', async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + 'A;Heerlen;01-09-2026;goed\r\nB;Vaals;02-09-2026;goed\r\n'), Buffer.from('C;Stein;03-09-2026;'), doubleEncoded('geïnformeerd'), Buffer.from('\r\n')]);
    await expect(decode([bytes])).rejects.toThrowError(/^x\.csv: regel 4: tekst lijkt verminkt \(UTF-8 ooit als Windows-1252 gelezen/);
    await expect(decode([bytes])).rejects.toBeInstanceOf(UserError);
  });

  it.each([['’', 'â€™'], ['–', 'â€“'], ['é', 'Ã©'], ['ë', 'Ã«'], ['ü', 'Ã¼'], ['à', 'Ã\u00a0'], ['€', 'â‚¬']])(
    'recognises %s garbled as %s',
    async (good, garbled) => {
      expect(doubleEncoded(good).toString('utf8')).toBe(garbled);
      await expect(decode([Buffer.from(HEADER + `A;Heerlen;01-09-2026;x${garbled}x\n`)])).rejects.toThrowError(/regel 2: tekst lijkt verminkt/);
    },
  );

  it('finds mojibake split over two chunks and counts lines across chunks (CRLF split too)', async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + 'A;Heerlen;01-09-2026;ok\r\n'.repeat(30) + 'B;Vaals;01-09-2026;'), doubleEncoded('ë'), Buffer.from('\r\n')]);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      await expect(decode(pieces(bytes, size)), `chunk ${size}`).rejects.toThrowError(/^x\.csv: regel 32: /);
    }
  });

  it('a file forced to Windows-1252 that is really UTF-8 gets the hint to use utf-8', async () => {
    const bytes = Buffer.from(HEADER + 'A;Heerlen;01-09-2026;geïnformeerd\n');
    await expect(decode([bytes], 'windows-1252')).rejects.toThrowError(/regel 2: .*--encoding windows-1252.*probeer --encoding utf-8/);
  });

  it('replacement characters (lost in an earlier conversion) are an error too', async () => {
    await expect(decode([Buffer.from(HEADER + 'A;Heerlen;01-09-2026;ge\ufffdnformeerd\n')])).rejects.toThrowError(/regel 2: tekst bevat vervangingstekens/);
    // Windows-1252 has no character for 0x81: never passed on as U+FFFD
    await expect(decode([Buffer.from([...Buffer.from(HEADER + 'A;Heerlen;01-09-2026;x'), 0x81, 0x0a])])).rejects.toThrowError(/vervangingstekens/);
  });

  it('Dutch text that merely contains Ã or â is not mojibake', async () => {
    const r = await decode([Buffer.from(HEADER + 'A;Heerlen;01-09-2026;JOÃO en crème brûlée â la carte\n')]);
    expect(r.text).toContain('JOÃO en crème brûlée â la carte');
  });

  it('refuses a binary file also when an 8-bit encoding is forced', async () => {
    await expect(decode([Buffer.from([0x50, 0x00, 0x01, 0x02, 0x00])], 'windows-1252')).rejects.toThrowError(/binair/);
  });

  it('through openInput: the English message names the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-enc-'));
    const f = join(dir, 'export.csv');
    writeFileSync(f, Buffer.concat([Buffer.from(HEADER + 'A;Heerlen;01-09-2026;'), doubleEncoded('één'), Buffer.from('\n')]));
    const { setLang } = await import('../../src/i18n/index.js');
    setLang('en');
    try {
      const input = await openInput(f, { encoding: 'auto' }).catch((e) => e);
      const err = input instanceof Error ? input : await (async () => { for await (const _ of input.batches); })().catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toBe(`${f}: line 2: text looks garbled (UTF-8 once read as Windows-1252, e.g. "Ã«" for "ë"); export again as UTF-8`);
    } finally {
      setLang('nl');
    }
  });
});
