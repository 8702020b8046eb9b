/**
 * Never crash on XLSX (issue 16.7): workbooks built part by part from random cells of every type
 * Excel knows (shared and inline strings, numbers with and without a date format, booleans, error
 * values, ISO dates, formulas with and without a stored value), rows with gaps up to row
 * 1,048,576, 1900 and 1904 date systems — then damaged: cut short, bytes flipped, a part stored
 * instead of deflated, a part that lies about its size. `check`'s reading path and `validate` give
 * a UserError or account for every row; `giacheck check` exits 0–2 without a stack trace.
 * The memory bound is in xlsx-memory.test.ts. Cases: see harness.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runValidation } from '../../src/validate/validate.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { parseIsoDay } from '../../src/calendar/days.js';
import { book, esc, Part } from '../helpers/xlsx-build.js';
import { UserError } from '../../src/errors.js';
import { checkLike, cliHolds, FULL_HEADER, onlyUserErrors, runs, SEED, writeInput, zl } from './harness.js';

const RUNS = runs(250);
const CLI_RUNS = runs(40);
const TIMEOUT = 60_000 + RUNS * 200;

const colName = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const STRINGS = ['Heerlen', 'Vaals', 'Maastricht', 'Apeldoorn', '2026-04-28', '28-04-2026', '31-02-2026', 'ja', 'nee', 'V&V', 'veilig_thuis', '', ' ', '111222333', 'A-1', 'A-2', '<&>"', '\u00e9'];
const text = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
const numberText = fc.oneof(
  fc.constantFrom('46140', '44678', '60', '0', '-1', '1', '2958465', '2958466', '46140.75', '12345678901234567891', '1E+300', 'abc', '', '1e400'),
  fc.integer({ min: -100, max: 200_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);

/** one cell's XML at column `ref` (without the row number), given the shared-string count */
const cell = (strings: number) =>
  fc.oneof(
    text.map((s) => (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`),
    fc.nat({ max: strings + 2 }).map((i) => (ref: string) => `<c r="${ref}" t="s"><v>${i}</v></c>`),
    fc.tuple(numberText, fc.nat({ max: 3 })).map(([v, s]) => (ref: string) => `<c r="${ref}" s="${s}"><v>${esc(v)}</v></c>`),
    fc.constantFrom('0', '1', 'true', 'x').map((v) => (ref: string) => `<c r="${ref}" t="b"><v>${v}</v></c>`),
    fc.constantFrom('#N/A', '#DIV/0!', '').map((v) => (ref: string) => `<c r="${ref}" t="e"><v>${esc(v)}</v></c>`),
    fc.constantFrom('2026-04-28', '2026-04-28T10:00:00', '1850-01-01', 'x').map((v) => (ref: string) => `<c r="${ref}" t="d"><v>${v}</v></c>`),
    fc.tuple(fc.constantFrom('', 't="str"', 't="b"', 't="s"', 's="1"'), fc.option(fc.constantFrom('46140', 'A-9', '1', '0'), { nil: undefined })).map(
      ([attr, v]) =>
        (ref: string) =>
          `<c r="${ref}" ${attr}><f>TODAY()</f>${v === undefined ? '' : `<v>${v}</v>`}</c>`,
    ),
    fc.constant((ref: string) => `<c r="${ref}" s="1"/>`),
  );

const workbook = fc
  .record({
    // a shared string longer than a cell can be now and then: refused at the cell that uses it
    strings: fc.array(fc.oneof({ weight: 12, arbitrary: text }, { weight: 1, arbitrary: fc.constant('x'.repeat(32_768)) }), { maxLength: 6 }),
    header: fc.oneof({ weight: 3, arbitrary: fc.constant(FULL_HEADER.slice(0, 12)) }, { weight: 1, arbitrary: fc.shuffledSubarray(FULL_HEADER.slice(0, 12)) }),
    date1904: fc.boolean(),
    fullCalcOnLoad: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    numFmts: fc.constantFrom<Record<number, string>>({}, { 164: 'dd-mm-yyyy' }, { 164: '[Red]0.00' }, { 164: '"dag "d' }, { 164: 'General' }),
    rowGaps: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 1_000_000 }) }), { maxLength: 12 }),
    explicitRefs: fc.boolean(),
  })
  .chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      cells: fc.array(fc.array(cell(spec.strings.length), { maxLength: spec.header.length + 2 }), { minLength: spec.rowGaps.length, maxLength: spec.rowGaps.length }),
      required: fc.array(fc.tuple(fc.constantFrom('A-1', 'A-2', 'A-3', '4', 'A-1'), fc.constantFrom('Heerlen', 'Vaals', 'Maastrich'), fc.constantFrom('2026-04-28', '46140', '28-04-2026')), {
        minLength: spec.rowGaps.length,
        maxLength: spec.rowGaps.length,
      }),
    }),
  )
  .map(({ spec, cells, required }) => {
    const head = `<row r="1">${spec.header.map((h, i) => `<c r="${colName(i)}1" t="inlineStr"><is><t>${esc(h)}</t></is></c>`).join('')}</row>`;
    let r = 1;
    const rows = spec.rowGaps.map((gap, k) => {
      r = Math.min(1_048_576, r + gap);
      const [id, g, d] = required[k];
      const fixed = [`<c r="A${r}" t="inlineStr"><is><t>${id}</t></is></c>`, `<c r="B${r}" t="inlineStr"><is><t>${g}</t></is></c>`, /^\d+$/.test(d) ? `<c r="C${r}" s="1"><v>${d}</v></c>` : `<c r="C${r}" t="inlineStr"><is><t>${d}</t></is></c>`];
      const rest = cells[k].map((f, j) => f(spec.explicitRefs ? `${colName(j + 3)}${r}` : ''));
      return `<row r="${r}">${fixed.join('')}${rest.join('').replace(/ r=""/g, '')}</row>`;
    });
    // rows past 1,048,576 collapse onto it: keep them in order by dropping repeats
    const seen = new Set<string>();
    const body = rows.filter((x) => {
      const n = /<row r="(\d+)"/.exec(x)![1];
      if (seen.has(n)) return false;
      seen.add(n);
      return true;
    });
    return book({ sheets: { Export: head + body.join('') }, sharedStrings: spec.strings, date1904: spec.date1904, fullCalcOnLoad: spec.fullCalcOnLoad, numFmts: spec.numFmts, cellXfs: [0, Object.keys(spec.numFmts).length ? 164 : 14, 14, 0] });
  });

/** damage: cut short, flipped bytes, a part stored, a part that says it is smaller */
const damaged = fc.tuple(workbook, fc.option(fc.nat(), { nil: undefined, freq: 3 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([b, cut, flips]) => {
  const out = Buffer.from(b);
  for (const [at, v] of flips) out[at % out.length] = v;
  return cut === undefined ? out : out.subarray(0, cut % out.length);
});

const lying = fc.tuple(fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'), fc.boolean(), fc.nat({ max: 50 })).map(([name, store, claim]) =>
  book({
    sheets: { Export: `<row r="1"><c r="A1" t="inlineStr"><is><t>dossier_id</t></is></c></row>` },
    sharedStrings: ['x'],
    edit: (p: Part) => (p.name === name ? { ...p, store, claimUnpacked: claim } : p),
  }),
);

/**
 * What an XLSX refusal says after the file name: where in the workbook (a part, a sheet with its
 * row or cell) and then what to do — or a problem of the whole file, or of its header.
 */
const LOCATED = new RegExp(
  '^(?:' +
    [
      String.raw`(?:onderdeel [^ :]+|werkblad (?:"[^"]*"|\(niet getoond\))(?: \([^)]+\)|, (?:na )?rij \d+|, cel [A-Z]+\d+)): [^;]+; .*\b(?:exporteer|sla|kort)\b.*`,
      String.raw`geen volledig XLSX-bestand .*; exporteer het bestand opnieuw`,
      String.raw`geen XLSX-bestand .*`,
      String.raw`het XLSX-bestand is versleuteld .*`,
      String.raw`leeg bestand.*`,
      String.raw`werkblad ".*" bestaat niet .*`,
      String.raw`verplichte kolom ontbreekt: .*`,
    ].join('|') +
    ')$',
);

const xlsxCase = fc.oneof({ weight: 4, arbitrary: workbook }, { weight: 4, arbitrary: damaged }, { weight: 1, arbitrary: lying });

describe('fuzz: XLSX', () => {
  it(`check's reading path throws nothing but a UserError and accounts for every row (${RUNS} runs)`, async () => {
    const outcomes = { ok: 0, 'user-error': 0 };
    await fc.assert(
      fc.asyncProperty(xlsxCase, async (bytes) => {
        const path = writeInput('.xlsx', bytes);
        const outcome = await onlyUserErrors(async () => {
          try {
            const r = await checkLike(path);
            expect(r.read).toBe(r.checked + r.rejected);
          } catch (e) {
            if (e instanceof UserError) expect(e.message.slice(path.length + 2), e.message).toMatch(LOCATED);
            throw e;
          }
        });
        outcomes[outcome]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(outcomes.ok).toBeGreaterThan(RUNS / 4);
    expect(outcomes['user-error']).toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);

  it(`validate throws nothing but a UserError and rows read = valid + with errors (${RUNS} runs)`, async () => {
    const peildatum = parseIsoDay('2026-07-01')!;
    await fc.assert(
      fc.asyncProperty(xlsxCase, async (bytes) => {
        const path = writeInput('.xlsx', bytes);
        await onlyUserErrors(async () => {
          const r = await runValidation({ profile: zl, mapping: EMPTY_MAPPING, read: { encoding: 'auto' }, peildatum, inputs: [path] });
          expect(r.input.rows_read).toBe(r.input.rows_valid + r.input.rows_with_errors);
          expect(JSON.stringify(r)).not.toMatch(/\[object |\[(array|error|formula|stale)\]|Invalid Date/);
        });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it(`giacheck check exits 0–2 without a stack trace and lists every rejected row (${CLI_RUNS} runs)`, async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(xlsxCase, async (bytes) => {
        codes.add(await cliHolds(writeInput('.xlsx', bytes)));
      }),
      { numRuns: CLI_RUNS, seed: SEED },
    );
    expect(codes.has(2)).toBe(true);
    expect(codes.size).toBeGreaterThan(1);
  }, TIMEOUT);
});
