/**
 * Never crash on any bytes (issue 5): generated and mutated exports — quotes, delimiters, CR/LF,
 * NUL, invalid UTF-8, Windows-1252, mojibake, truncation at random points, random chunk sizes —
 * go through the readers and the Normalizer (as `check` does) and through `validate`. Whatever
 * happens is either a UserError (exit 2 with one line) or a run in which every row is accounted
 * for: rows read = checked + rejected.
 *
 * Runs per property: GIACHECK_FUZZ_RUNS (default 1500); seed: GIACHECK_FUZZ_SEED (harness.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { EncodingChoice } from '../../src/ingest/decode.js';
import { loadProfile } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';
import { runValidation } from '../../src/validate/validate.js';
import { parseIsoDay } from '../../src/calendar/days.js';
import { checkLike, SEED } from './harness.js';

const RUNS = Number(process.env.GIACHECK_FUZZ_RUNS ?? 1500);
/** more runs (GIACHECK_FUZZ_RUNS) need more time than vitest's default */
const TIMEOUT = 30_000 + RUNS * 40;
const zl = loadProfile({ region: 'zuid-limburg' });
const dir = mkdtempSync(join(tmpdir(), 'giacheck-fuzz-'));
let n = 0;

function writeInput(ext: string, bytes: Uint8Array): string {
  const f = join(dir, `in-${n++ % 8}${ext}`);
  writeFileSync(f, bytes);
  return f;
}

const HEADERS = ['dossier_id', 'gemeente', 'melding_datum', 'triage_besluit', 'melder_anoniem', 'ov_inhoud_melding', 'BSN', 'Opmerking', ''];

const cellText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'Heerlen', 'Sittard Geleen', 'Maastrich', 'Apeldoorn', '2026-04-28', '28-4-2026', '31-02-2026', '28/04/26', 'ja', 'nee', 'V&V', 'directe overdracht', '111222333', 'A-1', 'A-1', 'é', 'Ã«', '\ufffd', ' ') },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '-', '"', ';', ',', '\t', '\r', '\n', '\u0000', 'é', '€', ' '), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);
const field = fc.oneof(cellText, cellText.map((c) => '"' + c.replace(/"/g, '""') + '"'));

/** A CSV text: a header of (mostly) canonical names, then records of random width. */
const csvText = fc
  .tuple(
    fc.constantFrom(';', ',', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.oneof(
      { weight: 4, arbitrary: fc.shuffledSubarray(HEADERS.slice(3)).map((rest) => [...HEADERS.slice(0, 3), ...rest]) },
      { weight: 1, arbitrary: fc.shuffledSubarray(HEADERS) },
    ),
    fc.array(fc.array(field, { maxLength: 8 }), { maxLength: 25 }),
    fc.boolean(),
  )
  .map(([d, eol, header, records, bom]) => (bom ? '\ufeff' : '') + [header.join(d), ...records.map((r) => r.join(d))].join(eol));

/** A JSON (array) or JSON Lines export, possibly broken. */
const jsonText = fc.oneof(
  fc.array(fc.dictionary(fc.constantFrom(...HEADERS), fc.oneof(cellText, fc.integer(), fc.boolean(), fc.constant(null), fc.double())), { maxLength: 10 }).map((a) => JSON.stringify(a)),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 10 }).map((a) => a.map((x) => JSON.stringify(x)).join('\n')),
  fc.jsonValue({ maxDepth: 4 }).map((x) => JSON.stringify(x)),
);

/** Turn text into bytes and (sometimes) damage them: encoding, truncation, inserted bytes. */
const bytesOf = (text: fc.Arbitrary<string>, damage = true) =>
  fc
    .tuple(
      text,
      damage ? fc.constantFrom<'utf8' | 'latin1' | 'utf16le'>('utf8', 'utf8', 'utf8', 'latin1', 'utf16le') : fc.constant<'utf8'>('utf8'),
      damage ? fc.option(fc.nat(), { nil: undefined, freq: 3 }) : fc.constant(undefined),
      damage ? fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 3 }) : fc.constant([]),
    )
    .map(([t, enc, cut, inserts]) => {
      let b = Buffer.from(t, enc);
      for (const [at, bytes] of inserts) {
        const i = b.length ? at % (b.length + 1) : 0;
        b = Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
      }
      if (cut !== undefined && b.length) b = b.subarray(0, cut % (b.length + 1));
      return new Uint8Array(b);
    });

const chunkSize = fc.integer({ min: 1, max: 300 });
const inputCase = fc.oneof(
  // exports as they come, now and then cut short
  {
    weight: 3,
    arbitrary: fc.record({
      bytes: bytesOf(csvText, false).chain((b) => fc.option(fc.nat(), { freq: 4 }).map((cut) => (cut === null || !b.length ? b : b.subarray(0, cut % (b.length + 1))))),
      ext: fc.constantFrom('.csv', '.txt', ''),
      encoding: fc.constantFrom<EncodingChoice>('auto', 'auto', 'utf-8'),
      chunkSize,
    }),
  },
  { weight: 1, arbitrary: fc.record({ bytes: bytesOf(jsonText, false), ext: fc.constantFrom('.json', '.jsonl', ''), encoding: fc.constant<EncodingChoice>('auto'), chunkSize }) },
  // anything goes: damaged bytes, the wrong extension, a forced encoding, binary
  {
    weight: 3,
    arbitrary: fc.record({
      bytes: fc.oneof({ weight: 5, arbitrary: bytesOf(csvText) }, { weight: 2, arbitrary: bytesOf(jsonText) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) }),
      ext: fc.constantFrom('.csv', '.csv', '.txt', '.json', '.jsonl', '', '.dat'),
      encoding: fc.constantFrom<EncodingChoice>('auto', 'auto', 'auto', 'utf-8', 'windows-1252', 'latin1', 'utf-16le'),
      chunkSize,
    }),
  },
);


async function onlyUserErrors(run: () => Promise<void>): Promise<'ok' | 'user-error'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (e instanceof UserError) {
      expect(e.message).not.toContain('\n');
      return 'user-error';
    }
    throw e;
  }
}

describe('fuzz: any bytes as input', () => {
  const outcomes = { ok: 0, 'user-error': 0 };

  it(`check's reading path never throws anything but a UserError, and accounts for every row (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(inputCase, async ({ bytes, ext, encoding, chunkSize }) => {
        const path = writeInput(ext, bytes);
        const outcome = await onlyUserErrors(async () => {
          const r = await checkLike(path, encoding, chunkSize);
          expect(r.read).toBe(r.checked + r.rejected);
        });
        outcomes[outcome]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // the generator reaches both ends: readable exports and refused ones
    expect(outcomes.ok).toBeGreaterThan(RUNS / 10);
    expect(outcomes['user-error']).toBeGreaterThan(RUNS / 50);
  }, TIMEOUT);

  it(`validate never throws anything but a UserError, and rows read = valid + with errors (${RUNS} runs)`, async () => {
    const peildatum = parseIsoDay('2026-07-01')!;
    await fc.assert(
      fc.asyncProperty(inputCase, async ({ bytes, ext, encoding, chunkSize }) => {
        const path = writeInput(ext, bytes);
        await onlyUserErrors(async () => {
          const r = await runValidation({ profile: zl, mapping: EMPTY_MAPPING, read: { encoding, chunkSize }, peildatum, inputs: [path] });
          expect(r.input.rows_read).toBe(r.input.rows_valid + r.input.rows_with_errors);
          expect(r.issues.errors + r.issues.warnings).toBe(Object.values(r.issues.by_code).reduce((a, b) => a + (b ?? 0), 0));
          // values are echoed only for date, boolean and route columns (SPEC §3, issue 5): a BSN
          // anywhere else in the export never reaches the report (also not through a JSON parse
          // error, whose V8 message quotes the input: see safeJsonError)
          const echoing = new Set(['invalid-date', 'impossible-date', 'type-error', 'unknown-route', 'future-date', 'date-order']);
          const rest = { ...r, examples: r.examples.map((e) => (echoing.has(e.code) ? { ...e, message: '' } : e)) };
          expect(JSON.stringify(rest)).not.toContain('111222333');
        });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it('the same bytes read in different chunk sizes give the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(bytesOf(csvText), fc.integer({ min: 1, max: 64 }), async (bytes, chunkSize) => {
        const path = writeInput('.csv', bytes);
        const whole = await checkLike(path, 'auto', 1 << 16).catch((e) => (e instanceof UserError ? 'user-error' : Promise.reject(e)));
        const small = await checkLike(path, 'auto', chunkSize).catch((e) => (e instanceof UserError ? 'user-error' : Promise.reject(e)));
        // a decoding decision is made on the first chunk, so only compare when both read the file
        if (whole !== 'user-error' && small !== 'user-error') expect(small).toEqual(whole);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  }, TIMEOUT);
});

describe('fuzz: damaged XLSX', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['dossier_id', 'gemeente', 'melding_datum']);
    ws.addRow(['A-1', 'Heerlen', new Date(Date.UTC(2026, 3, 24))]);
    ws.addRow(['A-2', 'Vaals', '31-02-2026']);
    xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it('a truncated or bit-flipped workbook is a UserError or a full account of its rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.boolean(), async (cut, flips, truncate) => {
        const b = Buffer.from(xlsx);
        for (const [at, v] of flips) b[at % b.length] = v;
        const bytes = truncate ? b.subarray(0, cut % b.length) : b;
        const path = writeInput('.xlsx', bytes);
        await onlyUserErrors(async () => {
          const r = await checkLike(path, 'auto', 4096);
          expect(r.read).toBe(r.checked + r.rejected);
        });
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED },
    );
  }, TIMEOUT);
});
