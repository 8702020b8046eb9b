/**
 * Issue 13.14: `validate --format json|csv|xlsx` list every problem (file, row, column, code,
 * severity, reason), never cut; table and md show the first --max-examples per code and say how
 * many were left out. A wrong gemeente is shown through the quote policy, a dossier id never.
 * Issue 16.5 (validate half): the fill rates in csv (--csv-rows fill) and xlsx, and --min-cell /
 * --aggregate-only with check's cell policy (src/report/cells.ts) in every format.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';
import { openInput } from '../../src/ingest/readers.js';
import { setLang } from '../../src/i18n/index.js';
import { FIELDS } from '../../src/model/fields.js';

afterEach(() => setLang('nl'));

const dir = mkdtempSync(join(tmpdir(), 'giacheck-vlist-'));
const EXPORT = join(dir, 'export.csv');
// ids ZX-47.. must never reach an output; "Jan Zwanenburg" (a name) and a formula typed as gemeente
// are described, "Maastrich" (a place, mistyped) is quoted
writeFileSync(
  EXPORT,
  [
    'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;triage_besluit;melder_anoniem',
    'ZX-4711;Heerlen;2026-09-01;2026-09-03;onderzoek;nee',
    'ZX-4712;Maastrich;2026-09-02;;onderzoek;',
    'ZX-4713;Jan Zwanenburg;2026-09-03;;;ja',
    'ZX-4714;"=HYPERLINK(""http://x"")";31-02-2026;;;',
    'ZX-4715;Kerkrade;32-01-2026;;;',
    'ZX-4716;Kerkrade;2026-10-02;2026-09-01;;',
    'ZX-4711;Heerlen;2026-10-03;;;',
    'ZX-4717;Kerkrade;2026-12-24;;;',
  ].join('\r\n') + '\r\n',
);
const RUN = ['validate', EXPORT, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];

/** The problems of rows, in reading order (the 23 missing-rule-column warnings of the file come first). */
const ROW_PROBLEMS = [
  ['unknown-gemeente', 'error', 3, 'gemeente', 'gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?'],
  ['unknown-gemeente', 'error', 4, 'gemeente', 'gemeente (onleesbare waarde, 14 tekens, niet getoond) hoort niet bij profiel Zuid-Limburg'],
  ['impossible-date', 'error', 5, 'melding_datum', 'datum bestaat niet: "31-02-2026"'],
  ['unknown-gemeente', 'error', 5, 'gemeente', 'gemeente (onleesbare waarde, 22 tekens, niet getoond) hoort niet bij profiel Zuid-Limburg'],
  ['impossible-date', 'error', 6, 'melding_datum', 'datum bestaat niet: "32-01-2026"'],
  ['date-order', 'warning', 7, 'veiligheidsbeoordeling_datum', 'veiligheidsbeoordeling (01-09-2026) ligt vóór melding (02-10-2026)'],
  ['duplicate-id', 'error', 8, 'dossier_id', 'dossier_id komt dubbel voor (eerder in rij 2); alleen de eerste telt'],
  ['future-date', 'warning', 9, 'melding_datum', 'datum 24-12-2026 ligt na de peildatum 01-11-2026'],
] as const;

/** A sheet of a workbook read back with giacheck's own reader: header and rows. */
async function sheet(file: string, name: string): Promise<{ header: string[]; rows: unknown[][] }> {
  const input = await openInput(file, { encoding: 'auto', sheet: name });
  const rows: unknown[][] = [];
  for await (const b of input.batches) for (const r of b) rows.push(r.values);
  return { header: input.header, rows };
}

const SECRETS = ['ZX-47', 'Zwanenburg', 'HYPERLINK', 'http://x'];
function expectNoSecrets(what: string, text: string): void {
  for (const s of SECRETS) expect(text.includes(s), `${what} shows ${s}`).toBe(false);
}

describe('validate lists every problem in json, csv and xlsx', () => {
  it('json: "problems" holds every problem with row, column, code and reason; the same bytes streamed to a file', async () => {
    const r = await giacheck([...RUN, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['tool', 'profile', 'peildatum', 'problems', 'input', 'columns', 'issues', 'pii', 'fill', 'options', 'provenance']);
    expect(j.problems).toHaveLength(31);
    expect(j.issues).toMatchObject({ errors: 6, warnings: 25, by_code: { 'missing-rule-column': 23, 'unknown-gemeente': 3, 'impossible-date': 2, 'duplicate-id': 1, 'future-date': 1, 'date-order': 1 } });
    const head = j.problems.slice(0, 23);
    expect(new Set(head.map((p: { code: string; row: null }) => `${p.code} ${p.row}`))).toEqual(new Set(['missing-rule-column null']));
    expect(head[0]).toEqual({ code: 'missing-rule-column', severity: 'warning', file: 'export.csv', row: null, column: 'melder_geinformeerd_datum', message: 'kolom ontbreekt; regel(s) LV-01 lezen dit veld en zien het dan bij elk dossier als leeg' });
    expect(j.problems.slice(23).map((p: Record<string, unknown>) => [p.code, p.severity, p.row, p.column, p.message])).toEqual(ROW_PROBLEMS);
    // pretty-printed as JSON.stringify(…, null, 2) would
    expect(r.stdout).toBe(JSON.stringify(j, null, 2) + '\n');
    // into a file the list is streamed: the same bytes
    const out = join(dir, 'problemen.json');
    const f = await giacheck([...RUN, '--output', out]);
    expect(f.code).toBe(0);
    expect(f.stderr).toBe(`giacheck: Rapport geschreven naar ${out} (json, 31 meldingen)\n`);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    expectNoSecrets('json', r.stdout);
  });

  it('json: never cut, 3,000 problems of rows are 3,000 entries', async () => {
    const big = join(dir, 'big.csv');
    const rows = ['dossier_id;gemeente;melding_datum'];
    for (let i = 0; i < 3000; i++) rows.push(`Q-${i};Heerlen;31-02-2026`);
    writeFileSync(big, rows.join('\n') + '\n');
    const r = await giacheck(['validate', big, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
    const j = JSON.parse(r.stdout);
    const dated = j.problems.filter((p: { code: string }) => p.code === 'impossible-date');
    expect(dated).toHaveLength(3000);
    expect(dated.at(-1)).toMatchObject({ row: 3001, column: 'melding_datum', message: 'datum bestaat niet: "31-02-2026"' });
    expect(j.problems).toHaveLength(j.issues.errors + j.issues.warnings);
    const csv = await giacheck(['validate', big, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--fail-on', 'never']);
    expect(csv.stdout.split('\r\n').filter((l) => l.includes(';impossible-date;'))).toHaveLength(3000);
  });

  it('csv under nl: the Dutch-Excel form of check (BOM, ;, Dutch headers), the provenance on stderr', async () => {
    const r = await giacheck([...RUN, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFBestand;Rij;Kolom;Code;Ernst;Reden;Verwacht');
    expect(lines[1]).toBe('export.csv;;melder_geinformeerd_datum;missing-rule-column;waarschuwing;"kolom ontbreekt; regel(s) LV-01 lezen dit veld en zien het dan bij elk dossier als leeg";');
    expect(lines.slice(24)).toEqual([
      'export.csv;3;gemeente;unknown-gemeente;fout;"gemeente ""Maastrich"" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?";',
      'export.csv;4;gemeente;unknown-gemeente;fout;gemeente (onleesbare waarde, 14 tekens, niet getoond) hoort niet bij profiel Zuid-Limburg;',
      'export.csv;5;melding_datum;impossible-date;fout;"datum bestaat niet: ""31-02-2026""";',
      'export.csv;5;gemeente;unknown-gemeente;fout;gemeente (onleesbare waarde, 22 tekens, niet getoond) hoort niet bij profiel Zuid-Limburg;',
      'export.csv;6;melding_datum;impossible-date;fout;"datum bestaat niet: ""32-01-2026""";',
      'export.csv;7;veiligheidsbeoordeling_datum;date-order;waarschuwing;veiligheidsbeoordeling (01-09-2026) ligt vóór melding (02-10-2026);',
      'export.csv;8;dossier_id;duplicate-id;fout;"dossier_id komt dubbel voor (eerder in rij 2); alleen de eerste telt";',
      'export.csv;9;melding_datum;future-date;waarschuwing;datum 24-12-2026 ligt na de peildatum 01-11-2026;',
      '',
    ]);
    expect(lines).toHaveLength(1 + 31 + 1);
    const err = r.stderr.split('\n');
    expect(err[0]).toBe('giacheck: 6 fout(en) en 25 waarschuwing(en): los de fouten op vóór de controle.');
    expect(err[1]).toMatch(/^giacheck: herkomst: \{/);
    const prov = JSON.parse(err[1].slice('giacheck: herkomst: '.length));
    const json = JSON.parse((await giacheck([...RUN, '--format', 'json'])).stdout);
    expect(prov).toEqual(json.provenance);
    expect(err).toHaveLength(3);
    expectNoSecrets('csv', r.stdout + r.stderr);
  });

  it('csv under --lang en: the machine form (, no BOM, codes); the type a column expects in its own column', async () => {
    const r = await giacheck([...RUN, '--format', 'csv', '--lang', 'en']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('file,row,column,code,severity,message,expected');
    expect(lines[24]).toBe('export.csv,3,gemeente,unknown-gemeente,error,"gemeente ""Maastrich"" does not belong to profile Zuid-Limburg; did you mean Maastricht?",');
    expect(lines[31]).toBe('export.csv,9,melding_datum,future-date,warning,date 2026-12-24 is after the reference date 2026-11-01,');
    expect(r.stderr.split('\n')[1]).toMatch(/^giacheck: provenance: \{"giacheck":/);
    const typed = join(dir, 'typed.csv');
    writeFileSync(typed, 'dossier_id;gemeente;melding_datum;melder_anoniem\nA-1;Heerlen;2026-09-01;misschien\n');
    const t = await giacheck(['validate', typed, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--lang', 'en', '--fail-on', 'never']);
    expect(t.stdout.split('\r\n').filter((l) => l.includes('type-error'))).toEqual(['typed.csv,2,melder_anoniem,type-error,error,"not a yes/no value: ""misschien""",bool']);
    const nl = await giacheck(['validate', typed, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--fail-on', 'never']);
    expect(nl.stdout.split('\r\n').filter((l) => l.includes('type-error'))).toEqual(['typed.csv;2;melder_anoniem;type-error;fout;"geen ja/nee-waarde: ""misschien""";ja/nee']);
  });

  it('--output x.csv and x.xlsx pick the format by extension; xlsx read back with giacheck\'s reader', async () => {
    const csv = join(dir, 'lijst.csv');
    const c = await giacheck([...RUN, '--output', csv]);
    expect(c.code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe((await giacheck([...RUN, '--format', 'csv'])).stdout);
    const xlsx = join(dir, 'lijst.xlsx');
    const x = await giacheck([...RUN, '--output', xlsx]);
    expect(x.code).toBe(0);
    expect(x.stderr).toBe(`giacheck: Rapport geschreven naar ${xlsx} (xlsx, 31 meldingen)\n`);
    const p = await sheet(xlsx, 'Problemen');
    expect(p.header).toEqual(['Bestand', 'Rij', 'Kolom', 'Code', 'Ernst', 'Reden', 'Verwacht']);
    expect(p.rows).toHaveLength(31);
    expect(p.rows[0]).toEqual(['export.csv', undefined, 'melder_geinformeerd_datum', 'missing-rule-column', 'waarschuwing', 'kolom ontbreekt; regel(s) LV-01 lezen dit veld en zien het dan bij elk dossier als leeg', undefined]);
    // the row a number cell, each problem as json has it
    expect(p.rows.slice(23).map((r) => [r[3], r[4], r[1], r[2], r[5]])).toEqual(ROW_PROBLEMS.map(([code, sev, row, col, msg]) => [code, sev === 'error' ? 'fout' : 'waarschuwing', row, col, msg]));
    const fill = await sheet(xlsx, 'Vulgraad per gemeente');
    expect(fill.header.slice(0, 4)).toEqual(['Gemeente', 'Rijen', 'dossier_id', 'gemeente']);
    expect(fill.header.slice(2)).toEqual([...FIELDS]);
    const col = (f: string) => fill.header.indexOf(f);
    expect(fill.rows.map((r) => [r[0], r[1], r[col('veiligheidsbeoordeling_datum')], r[col('melder_anoniem')], r[col('overdracht_datum')]])).toEqual([
      ['Totaal', 3, 2 / 3, 1 / 3, undefined],
      ['Heerlen', 1, 1, 1, undefined],
      ['Kerkrade', 2, 0.5, 0, undefined],
    ]);
    const month = await sheet(xlsx, 'Vulgraad per maand');
    expect(month.rows.map((r) => [r[0], r[1]])).toEqual([['Totaal', 3], ['2026-09', 1], ['2026-10', 1], ['2026-12', 1]]);
    const prov = await sheet(xlsx, 'Herkomst');
    expect(prov.header).toEqual(['Wat', 'Waarde']);
    expect(prov.rows.map((r) => r[0])).toContain('Peildatum');
    const bad = await giacheck([...RUN, '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('giacheck: --format xlsx schrijft een binair bestand; geef --output <bestand>\n');
  });

  it('a dossier id and a name typed as gemeente reach no output: table, md, json, csv, xlsx, fill csv', async () => {
    const outs: string[] = [];
    for (const f of ['table', 'md', 'json', 'csv']) {
      const r = await giacheck([...RUN, '--format', f]);
      outs.push(r.stdout, r.stderr);
    }
    const fill = await giacheck([...RUN, '--format', 'csv', '--csv-rows', 'fill']);
    outs.push(fill.stdout, fill.stderr);
    const x = join(dir, 'geheim.xlsx');
    await giacheck([...RUN, '--output', x]);
    const wb = await import('exceljs');
    const book = new wb.default.Workbook();
    await book.xlsx.readFile(x);
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => outs.push(String(cell.text)))));
    expectNoSecrets('every output', outs.join('\n'));
    // the mistyped place is shown: a gemeente is not personal data
    expect(outs.join('\n')).toContain('gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg');
  });
});

describe('validate --max-examples', () => {
  const examples = (text: string) => text.slice(text.indexOf('Voorbeelden'), text.indexOf('Vulgraad per veld'));

  it('1: the first example of every code, and how many more', async () => {
    const r = await giacheck([...RUN, '--max-examples', '1', '--width', '100']);
    expect(examples(r.stdout)).toBe(
      [
        'Voorbeelden missing-rule-column (kolom die regels nodig hebben ontbreekt): 1 van 23',
        'Rij  Kolom                      Reden',
        '-'.repeat(100),
        'kop  melder_geinformeerd_datum  kolom ontbreekt; regel(s) LV-01 lezen dit veld en zien het dan bij',
        '                                elk dossier als leeg',
        'En nog 22 niet getoond (--max-examples 1); --format csv, json of xlsx geeft elk probleem.',
        '',
        'Voorbeelden impossible-date (datum bestaat niet): 1 van 2',
        'Rij  Kolom          Reden',
        '-'.repeat(52),
        '5    melding_datum  datum bestaat niet: "31-02-2026"',
        'En nog 1 niet getoond (--max-examples 1); --format csv, json of xlsx geeft elk probleem.',
        '',
        'Voorbeelden unknown-gemeente (onbekende gemeente): 1 van 3',
        'Rij  Kolom     Reden',
        '-'.repeat(95),
        '3    gemeente  gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?',
        'En nog 2 niet getoond (--max-examples 1); --format csv, json of xlsx geeft elk probleem.',
        '',
        'Voorbeelden duplicate-id (dossiernummer dubbel): 1 van 1',
        'Rij  Kolom       Reden',
        '-'.repeat(85),
        '8    dossier_id  dossier_id komt dubbel voor (eerder in rij 2); alleen de eerste telt',
        '',
        'Voorbeelden future-date (datum na de peildatum): 1 van 1',
        'Rij  Kolom          Reden',
        '-'.repeat(68),
        '9    melding_datum  datum 24-12-2026 ligt na de peildatum 01-11-2026',
        '',
        'Voorbeelden date-order (datums in onmogelijke volgorde): 1 van 1',
        'Rij  Kolom                         Reden',
        '-'.repeat(100),
        '7    veiligheidsbeoordeling_datum  veiligheidsbeoordeling (01-09-2026) ligt vóór melding',
        '                                   (02-10-2026)',
        'Rij = rijnummer zoals een spreadsheet het toont (kopregel = 1).',
        '',
        '',
      ].join('\n'),
    );
  });

  it('3: up to three per code; the default is 5', async () => {
    const r = await giacheck([...RUN, '--max-examples', '3', '--width', '100']);
    const text = examples(r.stdout);
    expect(text).toContain('Voorbeelden unknown-gemeente (onbekende gemeente): 3 van 3');
    expect(text).toContain('Voorbeelden missing-rule-column (kolom die regels nodig hebben ontbreekt): 3 van 23');
    expect(text).toContain('En nog 20 niet getoond (--max-examples 3); --format csv, json of xlsx geeft elk probleem.');
    expect(text).not.toContain('En nog 0');
    expect(text.match(/^En nog/gm)).toHaveLength(1);
    const unknown = text.slice(text.indexOf('Voorbeelden unknown-gemeente'), text.indexOf('Voorbeelden duplicate-id'));
    expect(unknown.split('\n').slice(3, 6)).toEqual([
      '3    gemeente  gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?',
      '4    gemeente  gemeente (onleesbare waarde, 14 tekens, niet getoond) hoort niet bij profiel',
      '               Zuid-Limburg',
    ]);
    const plain = await giacheck([...RUN, '--width', '100']);
    expect(examples(plain.stdout)).toContain('Voorbeelden missing-rule-column (kolom die regels nodig hebben ontbreekt): 5 van 23');
    expect(examples(plain.stdout)).toContain('En nog 18 niet getoond (--max-examples 5)');
  });

  it('0: counts only, no examples; md the same; json still lists every problem', async () => {
    const r = await giacheck([...RUN, '--max-examples', '0', '--width', '100']);
    expect(r.stdout).not.toContain('Voorbeelden');
    expect(r.stdout).toContain('\nGeen voorbeelden getoond (--max-examples 0); --format csv, json of xlsx geeft elk probleem met rij\nen kolom.\n');
    expect(r.stdout).toContain('missing-rule-column  waarschuwing  23      kolom die regels nodig hebben ontbreekt');
    const md = await giacheck([...RUN, '--max-examples', '0', '--format', 'md']);
    expect(md.stdout).not.toContain('## Voorbeelden');
    expect(md.stdout).toContain('- Geen voorbeelden getoond (--max-examples 0); --format csv, json of xlsx geeft elk probleem met rij en kolom.\n');
    const j = JSON.parse((await giacheck([...RUN, '--max-examples', '0', '--format', 'json'])).stdout);
    expect(j.problems).toHaveLength(31);
    for (const bad of ['-1', 'veel', '1.5']) {
      const e = await giacheck([...RUN, '--max-examples', bad]);
      expect(e.code).toBe(2);
      expect(e.stderr).toBe(`giacheck: --max-examples "${bad}": kies uit 0, 1, 2, …\n`);
    }
  });
});

describe('validate fill rates in csv; --min-cell and --aggregate-only', () => {
  it('--csv-rows fill: one row per field and group (total, gemeenten, months), nl and en', async () => {
    const r = await giacheck([...RUN, '--format', 'csv', '--csv-rows', 'fill']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNiveau;Groep;Veld;Rijen;Gevuld;Vulgraad');
    expect(lines).toHaveLength(1 + FIELDS.length * (1 + 2 + 3) + 1);
    expect(lines.filter((l) => l.includes(';veiligheidsbeoordeling_datum;'))).toEqual([
      'totaal;;veiligheidsbeoordeling_datum;3;2;66,7%',
      'gemeente;Heerlen;veiligheidsbeoordeling_datum;1;1;100,0%',
      'gemeente;Kerkrade;veiligheidsbeoordeling_datum;2;1;50,0%',
      'maand;2026-09;veiligheidsbeoordeling_datum;1;1;100,0%',
      'maand;2026-10;veiligheidsbeoordeling_datum;1;1;100,0%',
      'maand;2026-12;veiligheidsbeoordeling_datum;1;0;0,0%',
    ]);
    // no column: no rate (unknown, not 0)
    expect(lines[1 + FIELDS.indexOf('overdracht_datum')]).toBe('totaal;;overdracht_datum;3;;');
    const en = await giacheck([...RUN, '--format', 'csv', '--csv-rows', 'fill', '--lang', 'en']);
    const e = en.stdout.split('\r\n');
    expect(e[0]).toBe('scope,group,field,rows,filled,rate');
    expect(e.filter((l) => l.includes(',melder_anoniem,'))).toEqual([
      'total,,melder_anoniem,3,1,0.3333',
      'gemeente,Heerlen,melder_anoniem,1,1,1',
      'gemeente,Kerkrade,melder_anoniem,2,0,0',
      'month,2026-09,melder_anoniem,1,1,1',
      'month,2026-10,melder_anoniem,1,0,0',
      'month,2026-12,melder_anoniem,1,0,0',
    ]);
    const wrong = await giacheck([...RUN, '--format', 'json', '--csv-rows', 'fill']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('giacheck: --csv-rows geldt alleen voor --format csv\n');
  });

  it('--min-cell 3: a group with fewer than 3 usable rows is "<3", a share that would give one away "*", in every format', async () => {
    const j = JSON.parse((await giacheck([...RUN, '--min-cell', '3', '--format', 'json'])).stdout);
    expect(j.options).toEqual({ min_cell: 3, aggregate_only: false });
    expect(j.provenance.options.min_cell).toBe(3);
    expect(j.fill.rows).toBe(3);
    expect(j.fill.rate).toMatchObject({ dossier_id: 1, veiligheidsbeoordeling_datum: '*', melder_anoniem: '*', overdracht_datum: null });
    expect(j.fill.filled).toMatchObject({ dossier_id: 3, veiligheidsbeoordeling_datum: '<3', melder_anoniem: '<3', overdracht_datum: 0 });
    expect(j.fill.by_gemeente.map((g: { gemeente: string; rows: unknown; rate: Record<string, unknown> }) => [g.gemeente, g.rows, g.rate.dossier_id, g.rate.melder_anoniem])).toEqual([
      ['Heerlen', '<3', '*', '*'],
      ['Kerkrade', '<3', '*', '*'],
    ]);
    // the problems themselves have no small-count cells: still every one
    expect(j.problems).toHaveLength(31);
    const csv = (await giacheck([...RUN, '--min-cell', '3', '--format', 'csv', '--csv-rows', 'fill'])).stdout.split('\r\n');
    expect(csv.filter((l) => l.includes(';veiligheidsbeoordeling_datum;'))).toEqual([
      'totaal;;veiligheidsbeoordeling_datum;3;<3;*',
      'gemeente;Heerlen;veiligheidsbeoordeling_datum;<3;<3;*',
      'gemeente;Kerkrade;veiligheidsbeoordeling_datum;<3;<3;*',
      'maand;2026-09;veiligheidsbeoordeling_datum;<3;<3;*',
      'maand;2026-10;veiligheidsbeoordeling_datum;<3;<3;*',
      'maand;2026-12;veiligheidsbeoordeling_datum;<3;0;*',
    ]);
    const md = (await giacheck([...RUN, '--min-cell', '3', '--format', 'md'])).stdout;
    expect(md).toContain('| rijen | 3 | &lt;3 | &lt;3 |');
    expect(md).toContain('| veiligheidsbeoordeling_datum | * | * | * |');
    expect(md).toContain('| dossier_id | 100,0% | * | * |');
    expect(md).toContain('- Kleine aantallen beschermd (--min-cell 3): in de vulgraad staan aantallen van 1 tot en met 2 als &lt;3, percentages die zo\'n aantal zouden verraden als *.');
    const table = (await giacheck([...RUN, '--min-cell', '3', '--width', '100'])).stdout;
    // nor the lowest group: which one it is would give its share away
    expect(table).toContain('melder_anoniem                *       *                    *\n');
    expect(table).toContain('Herkomst: giacheck');
    expect(table).toContain('--min-cell 3');
    const x = join(dir, 'klein.xlsx');
    await giacheck([...RUN, '--min-cell', '3', '--output', x]);
    const fill = await sheet(x, 'Vulgraad per gemeente');
    const col = (f: string) => fill.header.indexOf(f);
    expect(fill.rows.map((r) => [r[0], r[1], r[col('dossier_id')], r[col('veiligheidsbeoordeling_datum')], r[col('overdracht_datum')]])).toEqual([
      ['Totaal', 3, 1, '*', undefined],
      ['Heerlen', '<3', '*', '*', undefined],
      ['Kerkrade', '<3', '*', '*', undefined],
    ]);
    for (const bad of ['1', '0', 'x', '1001']) {
      const e = await giacheck([...RUN, '--min-cell', bad]);
      expect(e.code).toBe(2);
      expect(e.stderr).toBe(`giacheck: --min-cell "${bad}": kies uit 2 … 1000\n`);
    }
  });

  it('--aggregate-only: problems of rows are counted, not listed or shown; those of the file are', async () => {
    const j = JSON.parse((await giacheck([...RUN, '--aggregate-only', '--format', 'json'])).stdout);
    expect(j.options).toEqual({ min_cell: null, aggregate_only: true });
    expect(j.issues.errors + j.issues.warnings).toBe(31);
    expect(j.problems).toHaveLength(23);
    expect(j.problems.every((p: { row: null }) => p.row === null)).toBe(true);
    const csv = (await giacheck([...RUN, '--aggregate-only', '--format', 'csv'])).stdout.split('\r\n');
    expect(csv).toHaveLength(1 + 23 + 1);
    const table = (await giacheck([...RUN, '--aggregate-only', '--width', '100'])).stdout;
    expect(table).toContain('Alleen totalen (--aggregate-only): problemen per rij zijn geteld, niet getoond of opgesomd.');
    expect(table).toContain('unknown-gemeente     fout          3       onbekende gemeente');
    expect(table).not.toContain('Voorbeelden unknown-gemeente');
    expect(table).toContain('Voorbeelden missing-rule-column');
    const x = join(dir, 'totaal.xlsx');
    await giacheck([...RUN, '--aggregate-only', '--output', x]);
    expect((await sheet(x, 'Problemen')).rows).toHaveLength(23);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('validate xlsx and json are reproducible', () => {
  it('two runs give the same bytes (the workbook stamped with the peildatum, issue 16.2)', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await giacheck([...RUN, '--min-cell', '3', '--output', a]);
    // a zip entry time has two-second steps: a run stamped with the clock would differ
    await new Promise((r) => setTimeout(r, 2100));
    await giacheck([...RUN, '--min-cell', '3', '--output', b]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const j1 = await giacheck([...RUN, '--format', 'json']);
    const j2 = await giacheck([...RUN, '--format', 'json']);
    expect(j1.stdout).toBe(j2.stdout);
  });
});
