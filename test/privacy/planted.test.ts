/**
 * Issue 16.6, as a careless export would have it: names, BSNs, phone numbers, e-mail addresses and
 * sentences about a family typed into every column (the canonical ones and a column of our own)
 * of every input format (csv, json, jsonl, xlsx). None of them may reach any output channel of
 * check (every format), validate (every format; nor a dossier id), agenda (with --ics), compare or
 * --debug: stdout, stderr and every file written. The planted values are drawn by fast-check; a cell that has the shape its column
 * expects is the only thing a reason may quote (src/privacy/quote.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FIELD_TYPES, FIELDS, FieldName } from '../../src/model/fields.js';
import { elfproef } from '../../src/privacy/bsn.js';
import { giacheck } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'giacheck-planted-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A planted value and the pieces of it that must not appear anywhere. */
interface Plant {
  value: string;
  /** written as a number where the format allows (a BSN in a JSON or XLSX cell) */
  numeric?: number;
  secrets: string[];
  /**
   * A lone surname: it is also what a header (`Opmerking`) or a place (Zwanenburg is a village)
   * looks like, so as a column name or a --gemeente value it may be repeated; only as a cell it is not.
   */
  placeLike?: boolean;
}

const FIRST = ['Klaas', 'Petra', 'Fatima', 'Jan', 'Ingrid'];
const SURNAMES = ['Zwanenburg', 'Kortenhoeve', 'Brouwersma', 'Amrani', 'Wolterbeek'];

const bsnArb = fc.integer({ min: 100_000_000, max: 999_999_999 }).map(String).filter(elfproef);
const eight = fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String);
const nameArb = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...SURNAMES)).map(([f, s]) => ({ first: f, surname: s }));

const plantArb: fc.Arbitrary<Plant> = fc.oneof(
  nameArb.map(({ first, surname }) => ({ value: `${first} ${surname}`, secrets: [`${first} ${surname}`, surname] })),
  nameArb.map(({ surname }) => ({ value: surname, secrets: [surname], placeLike: true })),
  fc.tuple(nameArb, bsnArb).map(([{ first, surname }, bsn]) => ({ value: `${first} ${surname} ${bsn}`, secrets: [surname, bsn] })),
  bsnArb.map((bsn) => ({ value: bsn, numeric: Number(bsn), secrets: [bsn] })),
  fc.tuple(bsnArb, fc.constantFrom(' ', '.')).map(([bsn, sep]) => {
    const v = `${bsn.slice(0, 3)}${sep}${bsn.slice(3, 6)}${sep}${bsn.slice(6)}`;
    return { value: v, secrets: [v] };
  }),
  eight.map((d) => ({ value: `06-${d}`, secrets: [`06-${d}`, `06${d}`] })),
  eight.map((d) => ({ value: `+31 6 ${d}`, secrets: [`+31 6 ${d}`, d] })),
  fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b]) => ({ value: `045 ${a} ${b}`, secrets: [`045 ${a} ${b}`, `045${a}${b}`] })),
  nameArb.map(({ first, surname }) => {
    const mail = `${first.toLowerCase()}.${surname.toLowerCase()}@voorbeeld.nl`;
    return { value: mail, secrets: [mail, surname.toLowerCase()] };
  }),
  nameArb.map(({ first, surname }) => {
    const s = `${first} ${surname} vader sloeg kind met riem`;
    return { value: s, secrets: [surname, 'sloeg kind', 'riem'] };
  }),
  fc.constant<Plant>({ value: 'moeder drinkt, kinderen alleen thuis', secrets: ['drinkt', 'alleen thuis'] }),
);

const COLUMNS = [...FIELDS, 'opmerking'] as const;
/** a column of our own whose NAME is the planted value (a header typed over, a headerless export) */
const PLANTED_COLUMN = '\u0000planted';

function base(n: number): Record<string, string> {
  const row: Record<string, string> = {};
  for (const f of COLUMNS) {
    const type = f === 'opmerking' ? 'text' : FIELD_TYPES[f as FieldName];
    row[f] = type === 'date' ? '2026-09-10' : type === 'bool' ? 'nee' : type === 'item' ? 'ja' : type === 'route' ? 'onderzoek' : '';
  }
  row.dossier_id = `ZL-${String(n).padStart(4, '0')}`;
  row.gemeente = 'Heerlen';
  row.melding_datum = '2026-09-01';
  row.opmerking = 'geen';
  return row;
}

/** Clean rows first, then one row per column holding the planted value. */
function rows(plant: Plant, header: boolean): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [base(1), base(2), base(3)];
  COLUMNS.forEach((c, i) => {
    const row: Record<string, string | number> = base(10 + i);
    row[c] = plant.value;
    out.push(row);
  });
  if (header) for (const r of out) r[PLANTED_COLUMN] = 'x';
  return out;
}

/** The columns of the export: ours, and (unless the plant is a lone surname) one named by the plant. */
function headerOf(plant: Plant): string[] {
  return plant.placeLike ? [...COLUMNS] : [...COLUMNS, PLANTED_COLUMN];
}

async function writeInput(dir: string, format: string, plant: Plant): Promise<string> {
  const data = rows(plant, !plant.placeLike);
  const columns = headerOf(plant);
  const name = (c: string) => (c === PLANTED_COLUMN ? plant.value : c);
  const file = join(dir, `export.${format}`);
  const typed = (r: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [name(k), v === plant.value && plant.numeric !== undefined ? plant.numeric : v]));
  if (format === 'csv') {
    const esc = (v: string | number) => (/[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    writeFileSync(file, [columns.map((c) => esc(name(c))).join(';'), ...data.map((r) => columns.map((c) => esc(r[c])).join(';'))].join('\r\n') + '\r\n');
  } else if (format === 'json') {
    writeFileSync(file, JSON.stringify(data.map(typed), null, 1));
  } else if (format === 'jsonl') {
    // and a broken line that holds the value, as a truncated export would
    writeFileSync(file, data.map((r) => JSON.stringify(typed(r))).join('\n') + `\n{"dossier_id": "${plant.value}", "gemeente": "Heer\n`);
  } else {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(columns.map(name));
    for (const r of data) ws.addRow(columns.map((c) => typed(r)[name(c)]));
    await wb.xlsx.writeFile(file);
  }
  return file;
}

/** The text of every file in `dir` except the inputs; XLSX read cell by cell. */
async function filesText(dir: string, inputs: Set<string>): Promise<string> {
  let all = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (inputs.has(path)) continue;
    if (name.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      wb.eachSheet((ws) => {
        all += ws.name + '\n';
        ws.eachRow((row) => row.eachCell((cell) => (all += String(cell.text) + '\t')));
      });
    } else all += readFileSync(path, 'utf8') + '\n';
  }
  return all;
}

/** The dossier ids of the planted export (ZL-0001 …): validate never repeats one. */
const ID_PLANT: Plant = { value: 'ZL-0001', secrets: ['ZL-00'] };

function expectClean(channel: string, text: string, plant: Plant): void {
  for (const s of plant.secrets) {
    if (text.includes(s)) {
      const at = text.indexOf(s);
      throw new Error(`${channel} shows "${s}" (planted "${plant.value}"): …${text.slice(Math.max(0, at - 120), at + s.length + 40)}…`);
    }
  }
}

const RUN = ['--as-of', '2026-11-01', '--fail-on', 'never'];

async function everyChannel(format: string, plant: Plant): Promise<void> {
  const dir = mkdtempSync(join(root, `${format}-`));
  const input = await writeInput(dir, format, plant);
  const broken = join(dir, 'kapot.json');
  writeFileSync(broken, `[{"dossier_id": "${plant.value}", "gemeente": "Heerlen", "melding_datum": "${plant.value}"`);
  const inputs = new Set([input, broken]);
  const runs: [string, string[]][] = [];
  for (const f of ['table', 'json', 'jsonl', 'csv', 'md', 'html']) {
    runs.push([`check ${f}`, ['check', input, '--region', 'zuid-limburg', ...RUN, '--include-passed', '--format', f]]);
  }
  runs.push(['check xlsx', ['check', input, '--region', 'zuid-limburg', ...RUN, '--format', 'xlsx', '--output', join(dir, 'out.xlsx')]]);
  runs.push(['check landelijk', ['check', input, '--region', 'landelijk', ...RUN, '--include-passed', '--format', 'json']]);
  // --gemeente (rows of other gemeenten counted outside the filter) and a period with its own table
  for (const f of ['table', 'json', 'md', 'html', 'csv']) {
    runs.push([`check gemeente ${f}`, ['check', input, '--region', 'zuid-limburg', ...RUN, '--gemeente', 'heerlen', '--gemeente', 'Kerkrade', '--include-passed', '--format', f]]);
    runs.push([`check period ${f}`, ['check', input, '--region', 'zuid-limburg', ...RUN, '--from', '2026-09-01', '--to', '30-09-2026', '--period', 'quarter', '--format', f]]);
  }
  runs.push(['check gemeente xlsx', ['check', input, '--region', 'zuid-limburg', ...RUN, '--gemeente', 'Heerlen', '--format', 'xlsx', '--output', join(dir, 'gemeente.xlsx')]]);
  runs.push(['check gemeente none', ['check', input, '--region', 'zuid-limburg', ...RUN, '--gemeente', 'Vaals']]);
  runs.push(['check en', ['check', input, '--region', 'zuid-limburg', ...RUN, '--lang', 'en', '--include-passed', '--format', 'md']]);
  // the planted text typed as the option's value itself
  if (!plant.placeLike) runs.push(['check --gemeente planted', ['check', input, '--region', 'zuid-limburg', ...RUN, '--gemeente', plant.value]]);
  runs.push(['check debug', ['check', input, '--region', 'zuid-limburg', ...RUN, '--debug', '--format', 'csv']]);
  runs.push(['check broken debug', ['check', broken, '--region', 'zuid-limburg', ...RUN, '--debug']]);
  for (const f of ['table', 'json', 'md']) {
    runs.push([`agenda ${f}`, ['agenda', input, '--region', 'zuid-limburg', '--as-of', '2026-09-01', '--days', '400', '--format', f]]);
  }
  // validate in every format (json, csv and xlsx list every problem, issue 13.14): no planted value
  // and no dossier id (ZL-0001 …) in any of them
  const validates: [string, string[]][] = [];
  for (const f of ['table', 'json', 'md', 'csv']) {
    validates.push([`validate ${f}`, ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', f]]);
  }
  validates.push(['validate fill csv', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--csv-rows', 'fill']]);
  validates.push(['validate en csv', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--lang', 'en']]);
  validates.push(['validate max-examples', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--max-examples', '100']]);
  const vdir = mkdtempSync(join(root, 'validate-'));
  validates.push(['validate xlsx', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--output', join(vdir, 'validate.xlsx')]]);
  validates.push(['validate json file', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--output', join(vdir, 'validate.json')]]);
  for (const [name, args] of validates) {
    const r = await giacheck(args);
    expect(r.code, `${name}: ${r.stderr}`).toBeLessThanOrEqual(2);
    expectClean(`${name} stdout`, r.stdout, ID_PLANT);
    expectClean(`${name} stderr`, r.stderr, ID_PLANT);
    expectClean(`${name} stdout`, r.stdout, plant);
    expectClean(`${name} stderr`, r.stderr, plant);
  }
  const validateFiles = await filesText(vdir, new Set());
  expectClean('validate files', validateFiles, ID_PLANT);
  expectClean('validate files', validateFiles, plant);
  runs.push(['agenda ics', ['agenda', input, '--region', 'zuid-limburg', '--as-of', '2026-09-01', '--days', '400', '--ics', join(dir, 'agenda.ics')]]);
  runs.push(['validate debug', ['validate', broken, '--region', 'zuid-limburg', '--debug']]);
  for (const [name, args] of runs) {
    const r = await giacheck(args);
    expect(r.code, `${name}: ${r.stderr}`).toBeLessThanOrEqual(2);
    expectClean(`${name} stdout`, r.stdout, plant);
    expectClean(`${name} stderr`, r.stderr, plant);
  }
  // compare: two saved runs of the planted export, a month apart
  for (const asOf of ['2026-10-01', '2026-11-01']) {
    const r = await giacheck(['check', input, '--region', 'zuid-limburg', '--as-of', asOf, '--fail-on', 'never', '--format', 'json', '--output', join(dir, `run-${asOf}.json`)]);
    expect(r.code).toBe(0);
  }
  const r3 = await giacheck(['check', input, '--region', 'zuid-limburg', '--as-of', '2026-12-01', '--fail-on', 'never', '--gemeente', 'Heerlen', '--format', 'json', '--output', join(dir, 'run-2026-12-01.json')]);
  expect(r3.code, r3.stderr).toBe(0);
  const saved = ['2026-10-01', '2026-11-01'].map((d) => join(dir, `run-${d}.json`));
  const compares: [string, string[]][] = [];
  for (const f of ['table', 'json', 'md', 'html']) {
    compares.push([`compare ${f}`, ['compare', ...saved, '--format', f]]);
    // three runs (the last under --gemeente): the trend
    compares.push([`compare trend ${f}`, ['compare', ...saved, join(dir, 'run-2026-12-01.json'), '--format', f]]);
  }
  compares.push(['compare --trend', ['compare', ...saved, '--trend', '--format', 'table']]);
  compares.push(['compare html file', ['compare', ...saved, join(dir, 'run-2026-12-01.json'), '--output', join(dir, 'verloop.html')]]);
  for (const [name, args] of compares) {
    const r = await giacheck(args);
    expect(r.code, `${name}: ${r.stderr}`).toBeLessThanOrEqual(1);
    expectClean(`${name} stdout`, r.stdout, plant);
    expectClean(`${name} stderr`, r.stderr, plant);
  }
  expectClean('files', await filesText(dir, inputs), plant);
}

describe('planted personal data never reaches an output channel', () => {
  it.each(['csv', 'json', 'jsonl', 'xlsx'])('%s input', async (format) => {
    await fc.assert(
      fc.asyncProperty(plantArb, async (plant) => {
        await everyChannel(format, plant);
      }),
      { numRuns: 3, seed: 16_06, endOnFailure: true },
    );
  });

  it('every planted row is accounted for: rejected with a described reason, or read without its value', async () => {
    const plant: Plant = { value: 'Jan Zwanenburg 111222333', secrets: ['Zwanenburg', '111222333'] };
    const dir = mkdtempSync(join(root, 'exact-'));
    const input = await writeInput(dir, 'csv', plant);
    const r = await giacheck(['check', input, '--region', 'zuid-limburg', ...RUN, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const byColumn = Object.fromEntries(json.rejected.map((x: { column: string; reason: string }) => [x.column, x.reason]));
    expect(byColumn).toMatchObject({
      dossier_id: 'geen dossiernummer maar vrije tekst: waarde die op een burgerservicenummer lijkt, niet getoond',
      gemeente: 'gemeente (waarde die op een burgerservicenummer lijkt, niet getoond) hoort niet bij profiel Zuid-Limburg',
      melding_datum: 'geen datum: waarde die op een burgerservicenummer lijkt, niet getoond (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)',
      melder_anoniem: 'geen ja/nee-waarde: waarde die op een burgerservicenummer lijkt, niet getoond',
      triage_besluit: 'onbekend triagebesluit: waarde die op een burgerservicenummer lijkt, niet getoond',
    });
    // read = checked + rejected; the handover items and our own column hold text and are read
    expect(json.input.rows_read).toBe(3 + COLUMNS.length);
    expect(json.input.rows_checked + json.input.rows_rejected).toBe(json.input.rows_read);
    const sentence = await giacheck(['check', await writeInput(mkdtempSync(join(root, 's-')), 'csv', { value: 'Klaas Zwanenburg vader sloeg kind', secrets: [] }), '--region', 'zuid-limburg', ...RUN, '--format', 'json']);
    const reasons = JSON.parse(sentence.stdout).rejected.map((x: { reason: string }) => x.reason);
    expect(reasons).toContain('onbekend triagebesluit: onleesbare waarde, 33 tekens, niet getoond');
    expect(reasons).toContain('geen datum: onleesbare waarde, 33 tekens, niet getoond (verwacht jjjj-mm-dd, dd-mm-jjjj of dd/mm/jjjj)');
  });
});

/**
 * Column and sheet names reach messages (validate's column lists, check's personal-data columns,
 * the column of a rejected row, mapping errors, the list of sheets): a header typed over with a
 * name, a BSN or a sentence, or holding terminal control characters, is named by its position only.
 */
describe('planted column and sheet names never reach an output channel', () => {
  const HEADERS = [
    'Klaas Zwanenburg vader sloeg kind met riem',
    'moeder drinkt, kinderen alleen thuis',
    'Jan Zwanenburg 111222333',
    'Telefoon 0612345678',
    'Petra Kortenhoeve',
    '\u001b[2Jopmerking',
    'Opmerking\u202eZwanenburg',
    'toelichting\u200bextra',
    '\u009b31mrood',
    'ingrid.amrani@voorbeeld.nl',
  ];
  const SECRETS = ['Zwanenburg', 'sloeg', 'drinkt', '111222333', '0612345678', 'Kortenhoeve', 'amrani', '\u001b', '\u202e', '\u200b', '\u009b'];
  const clean = (channel: string, text: string) => expectClean(channel, text, { value: HEADERS.join(' | '), secrets: SECRETS });
  const header = [...COLUMNS, ...HEADERS];
  const data = [base(1), base(2), { ...base(3), melding_datum: 'gisteren' }].map((r) => [...COLUMNS.map((c) => r[c]), ...HEADERS.map(() => 'x')]);

  async function inputs(dir: string): Promise<string[]> {
    const csv = join(dir, 'kolommen.csv');
    writeFileSync(csv, [header, ...data].map((r) => r.map((v) => (/[;"]/.test(v) ? `"${v}"` : v)).join(';')).join('\n') + '\n');
    const json = join(dir, 'kolommen.json');
    writeFileSync(json, JSON.stringify(data.map((r) => Object.fromEntries(r.map((v, i) => [header[i], v])))));
    const xlsx = join(dir, 'kolommen.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(header);
    for (const r of data) ws.addRow(r);
    // sheets named by a person and a sentence, listed when --sheet names none of them
    wb.addWorksheet('Klaas Zwanenburg').addRow(['a']);
    wb.addWorksheet('vader sloeg kind, 111222333').addRow(['a']);
    await wb.xlsx.writeFile(xlsx);
    return [csv, json, xlsx];
  }

  it('check (every format), validate, agenda, a mapping onto such a column, a missing sheet', async () => {
    const dir = mkdtempSync(join(root, 'columns-'));
    const files = await inputs(dir);
    const mapping = join(dir, 'mapping.yaml');
    // the melding date read from a column named like a person, and one typed over with a sentence
    writeFileSync(mapping, 'columns:\n  melding_datum: "Petra Kortenhoeve"\n  overdracht_datum: "Klaas Zwanenburg vader sloeg kind met riem"\n');
    for (const input of files) {
      const runs: [string, string[]][] = [];
      for (const f of ['table', 'json', 'jsonl', 'csv', 'md', 'html']) {
        runs.push([`check ${f}`, ['check', input, '--region', 'zuid-limburg', ...RUN, '--format', f]]);
        runs.push([`check mapping ${f}`, ['check', input, '--region', 'zuid-limburg', ...RUN, '--mapping', mapping, '--format', f]]);
      }
      runs.push(['check xlsx', ['check', input, '--region', 'zuid-limburg', ...RUN, '--format', 'xlsx', '--output', `${input}.out.xlsx`]]);
      runs.push(['check mapping xlsx', ['check', input, '--region', 'zuid-limburg', ...RUN, '--mapping', mapping, '--format', 'xlsx', '--output', `${input}.mapped.xlsx`]]);
      runs.push(['validate csv', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv']]);
      runs.push(['validate xlsx', ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--output', `${input}.validate.xlsx`]]);
      for (const f of ['table', 'json', 'md']) {
        runs.push([`validate ${f}`, ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', f]]);
        runs.push([`validate mapping ${f}`, ['validate', input, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--mapping', mapping, '--format', f]]);
        runs.push([`agenda ${f}`, ['agenda', input, '--region', 'zuid-limburg', '--as-of', '2026-09-01', '--days', '400', '--format', f]]);
      }
      if (input.endsWith('.xlsx')) runs.push(['check --sheet', ['check', input, '--region', 'zuid-limburg', ...RUN, '--sheet', 'Overzicht']]);
      for (const [name, args] of runs) {
        const r = await giacheck(args);
        expect(r.code, `${name}: ${r.stderr}`).toBeLessThanOrEqual(2);
        clean(`${input} ${name} stdout`, r.stdout);
        clean(`${input} ${name} stderr`, r.stderr);
      }
    }
    clean('files', await filesText(dir, new Set([...files, mapping])));
  });

  it('names the hidden columns by position, the rest by name', async () => {
    const dir = mkdtempSync(join(root, 'columns-exact-'));
    const [csv, , xlsx] = await inputs(dir);
    const v = JSON.parse((await giacheck(['validate', csv, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json'])).stdout);
    const n = COLUMNS.length;
    expect(v.columns.unknown).toEqual([
      'opmerking',
      `(kolom ${n + 1}, naam niet getoond)`,
      `(kolom ${n + 2}, naam niet getoond)`,
      `(kolom ${n + 3}, naam niet getoond)`,
      `(kolom ${n + 4}: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)`,
      `(kolom ${n + 5}: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)`,
      `(kolom ${n + 6}, naam niet getoond)`,
      `(kolom ${n + 7}, naam niet getoond)`,
      `(kolom ${n + 8}, naam niet getoond)`,
      `(kolom ${n + 9}, naam niet getoond)`,
      `(kolom ${n + 10}: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)`,
    ]);
    const c = JSON.parse((await giacheck(['check', csv, '--region', 'zuid-limburg', ...RUN, '--format', 'json'])).stdout);
    expect(c.input.pii_columns).toEqual([{ file: 'kolommen.csv', column: `(kolom ${n + 4}, naam niet getoond)`, kind: 'telefoonnummers' }]);
    const sheet = await giacheck(['check', xlsx, '--region', 'zuid-limburg', ...RUN, '--sheet', 'Overzicht']);
    expect(sheet.stderr).toBe(`giacheck: ${xlsx}: werkblad "Overzicht" bestaat niet (werkbladen: Export, (werkblad 2, naam niet getoond), (werkblad 3, naam niet getoond))\n`);
  });
});
