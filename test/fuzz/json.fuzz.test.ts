/**
 * Never crash on JSON or JSON Lines (issue 16.7, 16.9): exports written as text token by token, so
 * that they can hold what JSON.stringify never writes — integers of 20 digits, 1e400, a 10,000-deep
 * array or an object with a `toString` key in a date or yes/no cell, keys named like Object's
 * methods, NUL (escaped, and raw), a BOM, CR/LF, non-object elements, truncation.
 * Cases: see harness.ts (GIACHECK_FUZZ_RUNS, GIACHECK_FUZZ_SEED).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runValidation } from '../../src/validate/validate.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { parseIsoDay } from '../../src/calendar/days.js';
import { checkLike, cliHolds, FULL_HEADER, onlyUserErrors, runs, SEED, writeInput, zl } from './harness.js';

const RUNS = runs(400);
const CLI_RUNS = runs(60);
const TIMEOUT = 60_000 + RUNS * 150;

const KEYS = [...FULL_HEADER.slice(0, 12), 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '', 'BSN', 'Opmerking'];
const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });

const str = (s: string) => JSON.stringify(s);
/** A JSON value as text, including what JSON.stringify would never write. */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('"2026-04-28"', '"28-04-2026"', '"31-02-2026"', '"ja"', '"nee"', '"Heerlen"', '"Vaals"', '"V&V"', '"veilig_thuis"', '""', 'null', 'true', 'false', '0', '1', '46140', '"111222333"') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map(str) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map(str) },
  { weight: 1, arbitrary: fc.constantFrom('"a\\u0000b"', '"\\u0000"', '"2026-04-28\\u0000"', '"\\ud800"', '"\u0000"') },
  // numbers JSON.parse cannot keep, and ones it can
  { weight: 2, arbitrary: fc.constantFrom('123456789012345678901', '123456789012345678902', '-98765432109876543210', '1e400', '-1e400', '1E-400', '9007199254740993', '9007199254740992', '1.5', '-0', '2958466', '45000.999') },
  { weight: 1, arbitrary: fc.double().filter(Number.isFinite).map(String) },
  // objects and arrays in a cell
  { weight: 2, arbitrary: fc.constantFrom('{"toString":"x"}', '{"toString":1}', '{"valueOf":{}}', '{}', '[]', '["2026-04-28"]', '[1,[2,[3]]]', '{"a":{"b":null}}') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
);

const object = fc.array(fc.tuple(key, value), { maxLength: 14 }).map((kv) => '{' + kv.map(([k, v]) => `${str(k)}:${v}`).join(',') + '}');
/** a record: mostly an object with the three required fields, now and then anything */
const element = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(value, fc.constantFrom('"Heerlen"', '"Vaals"', '"Maastricht"', '"Apeldoorn"'), value, object)
      .map(([id, g, d, rest]) => `{"dossier_id":${id},"gemeente":${g},"melding_datum":${d}${rest === '{}' ? '}' : ',' + rest.slice(1)}`),
  },
  { weight: 2, arbitrary: object },
  { weight: 1, arbitrary: value },
);

const eol = fc.constantFrom('\n', '\r\n', '\n\n', ' \n');
/** an element with every column of the demo export, empty: a header the rules can work with */
const FULL = '{' + FULL_HEADER.map((k) => `${str(k)}:""`).join(',') + '}';
const elements = fc.tuple(fc.array(element, { maxLength: 12 }), fc.boolean()).map(([els, full]) => (full ? [FULL, ...els] : els));
const jsonArray = fc.tuple(elements, fc.constantFrom(',', ',\n', ' ,\r\n')).map(([els, sep]) => '[' + els.join(sep) + ']');
const jsonLines = fc.tuple(elements, eol).map(([els, e]) => els.join(e));

/** bytes: a BOM now and then, cut short now and then, a stray byte now and then */
const bytes = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.boolean(), fc.option(fc.nat(), { nil: undefined, freq: 4 }), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { nil: undefined, freq: 6 })).map(([t, bom, cut, stray]) => {
    let b = Buffer.from((bom ? '\ufeff' : '') + t, 'utf8');
    if (stray && b.length) b[stray[0] % b.length] = stray[1];
    if (cut !== undefined && b.length) b = b.subarray(0, cut % (b.length + 1));
    return new Uint8Array(b);
  });

const jsonCase = fc.oneof(
  fc.record({ bytes: bytes(jsonArray), ext: fc.constantFrom('.json', '') }),
  fc.record({ bytes: bytes(jsonLines), ext: fc.constantFrom('.jsonl', '.ndjson', '') }),
);

describe('fuzz: JSON and JSON Lines', () => {
  it(`check's reading path throws nothing but a UserError and accounts for every row (${RUNS} runs)`, async () => {
    const outcomes = { ok: 0, 'user-error': 0 };
    await fc.assert(
      fc.asyncProperty(jsonCase, fc.integer({ min: 16, max: 4096 }), async ({ bytes, ext }, chunkSize) => {
        const path = writeInput(ext, bytes);
        const outcome = await onlyUserErrors(async () => {
          const r = await checkLike(path, 'auto', chunkSize);
          expect(r.read).toBe(r.checked + r.rejected);
        });
        outcomes[outcome]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // both ends are reached: exports that are read and ones that are refused
    expect(outcomes.ok).toBeGreaterThan(RUNS / 8);
    expect(outcomes['user-error']).toBeGreaterThan(RUNS / 50);
  }, TIMEOUT);

  it(`validate throws nothing but a UserError and rows read = valid + with errors (${RUNS} runs)`, async () => {
    const peildatum = parseIsoDay('2026-07-01')!;
    await fc.assert(
      fc.asyncProperty(jsonCase, async ({ bytes, ext }) => {
        const path = writeInput(ext, bytes);
        await onlyUserErrors(async () => {
          const r = await runValidation({ profile: zl, mapping: EMPTY_MAPPING, read: { encoding: 'auto' }, peildatum, inputs: [path] });
          expect(r.input.rows_read).toBe(r.input.rows_valid + r.input.rows_with_errors);
          expect(JSON.stringify(r)).not.toMatch(/\[object |\[(array|error|formula)\]/);
        });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it(`giacheck check exits 0–2 without a stack trace and lists every rejected row (${CLI_RUNS} runs)`, async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(jsonCase, async ({ bytes, ext }) => {
        codes.add(await cliHolds(writeInput(ext, bytes)));
      }),
      { numRuns: CLI_RUNS, seed: SEED },
    );
    expect([...codes].sort()).toContain(2);
    expect(codes.size).toBeGreaterThan(1);
  }, TIMEOUT);
});
