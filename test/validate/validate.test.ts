/**
 * runValidation on small exports: one test per code of the taxonomy, the row accounting, the
 * examples and the privacy rule that no value or dossier id is ever repeated.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidation, ValidationReport } from '../../src/validate/validate.js';
import { ISSUE_CODES, SEVERITY } from '../../src/validate/codes.js';
import { implausibilities } from '../../src/validate/plausibility.js';
import { fieldsUsedByRules } from '../../src/rules/registry.js';
import { EMPTY_MAPPING, Mapping } from '../../src/ingest/mapping.js';
import { loadProfile } from '../../src/profile/load.js';
import { parseIsoDay } from '../../src/calendar/days.js';
import { caseValues, packValues } from '../helpers/cases.js';

const zl = loadProfile({ region: 'zuid-limburg' });
const nog = loadProfile({ region: 'noord-oost-gelderland' });
const AS_OF = parseIsoDay('2026-07-01')!;

function file(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-val-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

/** All canonical columns the Zuid-Limburg rules read, so no missing-rule-column noise. */
const RULE_COLUMNS = [...fieldsUsedByRules(zl.rules).keys()].filter((f) => !['dossier_id', 'gemeente', 'melding_datum'].includes(f));
const HEAD = ['dossier_id', 'gemeente', 'melding_datum', ...RULE_COLUMNS];

/** A CSV with the full header; rows give only the first columns, the rest stay empty. */
function csv(rows: string[][], extra: string[] = []): string {
  const header = [...HEAD, ...extra];
  return [header, ...rows.map((r) => [...r, ...new Array(header.length - r.length).fill('')])].map((r) => r.join(';')).join('\n') + '\n';
}

async function validate(content: string | Buffer | string[], opts: { profile?: typeof zl; mapping?: Mapping; name?: string; examples?: number } = {}): Promise<ValidationReport> {
  const inputs = Array.isArray(content) ? content : [file(opts.name ?? 'export.csv', content)];
  return runValidation({ profile: opts.profile ?? zl, mapping: opts.mapping ?? EMPTY_MAPPING, read: { encoding: 'auto' }, peildatum: AS_OF, inputs, examplesPerCode: opts.examples });
}

const codes = (r: ValidationReport) => r.examples.map((e) => [e.code, e.row, e.column]);

describe('validate: the taxonomy', () => {
  it('a clean export has no issues and every row usable', async () => {
    const r = await validate(csv([['A-1', 'Heerlen', '01-06-2026'], ['A-2', 'Sittard Geleen', '2026-06-02'], ['A-3', 'valkenburg', '3-6-2026']]));
    expect(r.issues).toEqual({ errors: 0, warnings: 0, by_code: {}, by_column: {} });
    expect(r.input).toMatchObject({ rows_read: 3, rows_valid: 3, rows_with_errors: 0, rows_with_warnings: 0 });
    expect(r.pii).toEqual([]);
  });

  it('every problem of a row is reported, not only the first', async () => {
    const r = await validate(csv([['', 'Maastrich', '31-02-2026']]));
    expect(codes(r)).toEqual([
      ['missing-required', 2, 'dossier_id'],
      ['impossible-date', 2, 'melding_datum'],
      ['unknown-gemeente', 2, 'gemeente'],
    ]);
    expect(r.examples.find((e) => e.code === 'unknown-gemeente')!.message).toBe('gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?');
    expect(r.input).toMatchObject({ rows_read: 1, rows_valid: 0, rows_with_errors: 1 });
  });

  it('"Sittard Geleen" matches Sittard-Geleen (SPEC §3); "Sitard-Geleen" gets a suggestion', async () => {
    const r = await validate(csv([['A-1', 'Sittard Geleen', '01-06-2026'], ['A-2', 'Sitard-Geleen', '01-06-2026']]));
    expect(r.examples.map((e) => [e.row, e.message])).toEqual([[3, 'gemeente "Sitard-Geleen" hoort niet bij profiel Zuid-Limburg; bedoelde u Sittard-Geleen?']]);
  });

  it('a gemeente of another bundled region is gemeente-outside-region, naming the region', async () => {
    const r = await validate(csv([['A-1', 'Apeldoorn', '01-06-2026'], ['A-2', 'oost gelre', '01-06-2026']]));
    expect(r.examples.map((e) => [e.code, e.message])).toEqual([
      ['gemeente-outside-region', 'gemeente Apeldoorn hoort bij Noord Oost Gelderland, niet bij profiel Zuid-Limburg'],
      ['gemeente-outside-region', 'gemeente Oost Gelre hoort bij Noord Oost Gelderland, niet bij profiel Zuid-Limburg'],
    ]);
    const back = await validate('dossier_id;gemeente;melding_datum\nA-1;Heerlen;01-06-2026\n', { profile: nog });
    expect(back.examples.find((e) => e.code === 'gemeente-outside-region')!.message).toBe('gemeente Heerlen hoort bij Zuid-Limburg, niet bij profiel Noord Oost Gelderland');
  });

  it('type errors say which type the column expects', async () => {
    const r = await validate(csv([['A-1', 'Heerlen', '01-06-2026', 'misschien']]).replace('dossier_id;gemeente;melding_datum;' + RULE_COLUMNS[0], 'dossier_id;gemeente;melding_datum;melder_anoniem'));
    const e = r.examples.find((x) => x.code === 'type-error')!;
    expect(e).toMatchObject({ row: 2, column: 'melder_anoniem', expected: 'bool', message: 'geen ja/nee-waarde: "misschien"' });
    const d = (await validate(csv([['A-1', 'Heerlen', 'morgen']]))).examples[0];
    expect(d).toMatchObject({ code: 'invalid-date', expected: 'date' });
  });

  it('duplicate ids across files name the earlier file and row', async () => {
    const a = file('a.csv', csv([['A-1', 'Heerlen', '01-06-2026']]));
    const b = file('b.csv', csv([['A-2', 'Heerlen', '01-06-2026'], ['A-1', 'Vaals', '02-06-2026']]));
    const r = await validate([a, b]);
    expect(r.examples).toEqual([
      { code: 'duplicate-id', severity: 'error', file: 'b.csv', row: 3, column: 'dossier_id', message: 'dossier_id komt dubbel voor (eerder in a.csv, rij 2); alleen de eerste telt' },
    ]);
    expect(r.input.per_file.map((f) => [f.rows_read, f.rows_valid, f.rows_with_errors])).toEqual([[1, 1, 0], [2, 1, 1]]);
  });

  it('blank rows, short rows and unknown routes', async () => {
    const text = csv([['A-1', 'Heerlen', '01-06-2026']]) + ';'.repeat(HEAD.length - 1) + '\nA-2;Heerlen\n' + csv([['A-3', 'Heerlen', '01-06-2026', 'ja']]).split('\n')[1].replace(/^([^;]*;[^;]*;[^;]*;)/, '$1') + '\n';
    const withRoute = text.replace('A-3;Heerlen;01-06-2026;ja', 'A-3;Heerlen;01-06-2026;ja');
    const r = await validate(withRoute);
    expect(r.issues.by_code).toMatchObject({ 'blank-row': 1, 'column-count': 1 });
    const route = await validate('dossier_id;gemeente;melding_datum;triage_besluit\nA-1;Heerlen;01-06-2026;misschien later\n');
    expect(route.examples.find((e) => e.code === 'unknown-route')).toMatchObject({ row: 2, column: 'triage_besluit', message: 'onbekend triagebesluit: onleesbare waarde, 15 tekens, niet getoond' });
  });

  it('a missing required column is one file-level error; the rows still count as unusable', async () => {
    const r = await validate('dossier_id;melding_datum\nA-1;01-06-2026\nA-2;02-06-2026\n');
    expect(r.examples.filter((e) => e.code === 'missing-column')).toEqual([
      { code: 'missing-column', severity: 'error', file: r.input.files[0], row: null, column: 'gemeente', message: 'verplichte kolom ontbreekt (gebruik --mapping om kolomnamen te koppelen)' },
    ]);
    expect(r.issues.by_code['missing-required']).toBeUndefined();
    expect(r.input).toMatchObject({ rows_read: 2, rows_valid: 0, rows_with_errors: 2 });
    expect(r.columns.missing).toEqual(['gemeente']);
  });

  it('a column the rules need but the export lacks is a warning naming the rules', async () => {
    const r = await validate('dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum\nA-1;Heerlen;01-06-2026;02-06-2026\n', { examples: 100 });
    const w = r.examples.find((e) => e.column === 'warme_overdracht_datum')!;
    expect(w).toMatchObject({ code: 'missing-rule-column', severity: 'warning', row: null });
    expect(w.message).toBe('kolom ontbreekt; regel(s) ZL-05, ZL-07, ZL-08, ZL-09 lezen dit veld en zien het dan bij elk dossier als leeg');
    expect(r.columns.missing_for_rules).toContain('warme_overdracht_datum');
    expect(r.columns.missing_for_rules).not.toContain('veiligheidsbeoordeling_datum');
    expect(r.issues.errors).toBe(0);
  });

  it('unknown and doubled columns are warnings; a near miss gets a suggestion', async () => {
    const r = await validate(csv([['A-1', 'Heerlen', '01-06-2026']], ['Opmerkingen', 'Meldingdatum', 'gemeente']));
    expect(r.examples.filter((e) => e.severity === 'warning').map((e) => [e.code, e.column, e.message])).toEqual([
      ['unknown-column', 'Opmerkingen', 'geen veld van giacheck; de kolom wordt genegeerd (koppel hem met --mapping als hij wel een veld bevat)'],
      ['unknown-column', 'Meldingdatum', 'geen veld van giacheck; bedoelde u melding_datum? (koppel hem met --mapping)'],
      ['duplicate-column', 'gemeente', 'kolomnaam komt 2 keer voor; alleen de eerste wordt gelezen'],
    ]);
    expect(r.columns.unknown).toEqual(['Opmerkingen', 'Meldingdatum']);
  });

  it('future dates and dates in an impossible order are warnings on usable rows', async () => {
    const header = 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;overdracht_datum;dienst_afgerond_datum;warme_overdracht_datum\n';
    const r = await validate(header + 'A-1;Heerlen;10-06-2026;12-06-2026;05-06-2026;;\nA-2;Heerlen;01-06-2026;02-06-2026;;20-06-2026;18-06-2026\nA-3;Heerlen;01-06-2026;15-07-2026;;;\n');
    const plausibility = r.examples.filter((e) => e.code === 'future-date' || e.code === 'date-order').map((e) => [e.code, e.row, e.column, e.message]);
    expect(plausibility).toEqual([
      ['future-date', 4, 'veiligheidsbeoordeling_datum', 'datum 15-07-2026 ligt na de peildatum 01-07-2026'],
      ['date-order', 2, 'overdracht_datum', 'overdracht (05-06-2026) ligt vóór melding (10-06-2026)'],
      ['date-order', 3, 'warme_overdracht_datum', 'warme overdracht (18-06-2026) ligt vóór dienst afgerond (20-06-2026)'],
    ]);
    expect(r.input).toMatchObject({ rows_valid: 3, rows_with_errors: 0, rows_with_warnings: 3 });
  });

  it('keeps five examples per code but counts them all, per code and per column', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`A-${i}`, 'Heerlen', '31-02-2026']);
    const r = await validate(csv(rows));
    expect(r.issues.by_code).toEqual({ 'impossible-date': 8 });
    expect(r.issues.by_column).toEqual({ melding_datum: { 'impossible-date': 8 } });
    expect(r.examples.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reports columns as the export names them, with the canonical field', async () => {
    const mapping: Mapping = { columns: { dossier_id: 'Dossiernummer', melding_datum: 'Datum melding' }, routes: {} };
    const r = await validate('Dossiernummer;gemeente;Datum melding\nD-1;Heerlen;30-02-2026\n', { mapping });
    expect(r.examples.find((e) => e.code === 'impossible-date')!.column).toBe('Datum melding (melding_datum)');
    expect(r.columns.mapped).toMatchObject({ dossier_id: 'Dossiernummer', melding_datum: 'Datum melding', gemeente: 'gemeente' });
  });

  it('every code has a severity; row codes are errors, plausibility codes warnings', () => {
    expect(ISSUE_CODES.every((c) => SEVERITY[c] === 'error' || SEVERITY[c] === 'warning')).toBe(true);
    expect(ISSUE_CODES.filter((c) => SEVERITY[c] === 'warning')).toEqual(['missing-rule-column', 'unknown-column', 'duplicate-column', 'future-date', 'date-order']);
  });
});

describe('validate: personal data', () => {
  const piiExport =
    'dossier_id;gemeente;melding_datum;Naam kind;Telefoon;Contact;Info;Geboren op;Adresregel\n' +
    'A-1;Heerlen;01-06-2026;Emma Jansen;06-12345678;ouder1@example.nl;Jan de Vries;14-03-2012;Hoofdstraat 12\n' +
    'A-2;Vaals;02-06-2026;Sem Bakker;045-1234567;ouder2@example.nl;Piet Smit;01-01-1980;Kerkweg 3a\n';

  it('names the column and the kind, by name or by values, never the values', async () => {
    const r = await validate(piiExport);
    expect(r.pii.map((p) => [p.column, p.kind, p.basis])).toEqual([
      ['Naam kind', 'naam', 'naam'],
      ['Telefoon', 'telefoon', 'naam'],
      ['Geboren op', 'geboortedatum', 'naam'],
      ['Adresregel', 'adres', 'naam'],
      ['Contact', 'email', 'waarden'],
      ['Info', 'naam', 'waarden'],
    ]);
    expect(r.issues.by_code['pii-column']).toBe(6);
    expect(r.issues.by_code['unknown-column']).toBeUndefined();
    const text = JSON.stringify(r);
    for (const v of ['Emma', 'Jansen', '06-12345678', 'ouder1@example.nl', 'Jan de Vries', '14-03-2012', 'Hoofdstraat', 'A-1', 'A-2']) {
      expect(text, v).not.toContain(v);
    }
  });

  it('a BSN used as dossier_id is found by its values', async () => {
    const r = await validate('dossier_id;gemeente;melding_datum\n111222333;Heerlen;01-06-2026\n123456782;Heerlen;01-06-2026\n');
    expect(r.pii).toEqual([{ file: r.input.files[0], column: 'dossier_id', kind: 'bsn', basis: 'waarden' }]);
  });

  it('a mapping that points a field at a personal-data column is reported, not refused', async () => {
    const mapping: Mapping = { columns: { dossier_id: 'BSN' }, routes: {} };
    const r = await validate('BSN;gemeente;melding_datum\n111222333;Heerlen;01-06-2026\n', { mapping });
    expect(r.pii.map((p) => [p.column, p.kind, p.basis])).toEqual([['BSN (dossier_id)', 'bsn', 'naam']]);
  });

  it('phone numbers typed into a handover item are found (items should say ja/nee)', async () => {
    const r = await validate('dossier_id;gemeente;melding_datum;ov_contactgegevens_melder\nA-1;Heerlen;01-06-2026;06-12345678\nA-2;Heerlen;01-06-2026;ja\n');
    expect(r.pii.map((p) => [p.column, p.kind, p.basis])).toEqual([['ov_contactgegevens_melder', 'telefoon', 'waarden']]);
  });
});

describe('plausibility pairs', () => {
  it('reports only the first broken pair of a later field', () => {
    const c = packValues(caseValues({ dossier_id: 'X', melding_datum: '2026-06-10', veiligheidsbeoordeling_datum: '2026-06-12', overdracht_datum: '2026-06-01' }));
    expect(implausibilities(c, 0, AS_OF).map((p) => [p.code, p.field, p.code === 'date-order' ? p.before : ''])).toEqual([['date-order', 'overdracht_datum', 'melding_datum']]);
  });

  it('the same day is fine', () => {
    const c = packValues(caseValues({ dossier_id: 'X', melding_datum: '2026-06-10', veiligheidsbeoordeling_datum: '2026-06-10', dienst_afgerond_datum: '2026-06-20', warme_overdracht_datum: '2026-06-20' }));
    expect(implausibilities(c, 0, parseIsoDay('2026-06-20')!)).toEqual([]);
  });
});

describe('validate: an export without a header row', () => {
  it('does not repeat first-row values that look like personal data as column names', async () => {
    const r = await validate('D-001;Heerlen;Jan Jansen;111222333;01-06-2026\nD-002;Vaals;Piet Smit;123456782;02-06-2026\n');
    const text = JSON.stringify(r);
    for (const v of ['Jan Jansen', '111222333', '01-06-2026']) expect(text, v).not.toContain(v);
    expect(r.columns.unknown).toEqual([
      'D-001',
      'Heerlen',
      '(kolom 3: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)',
      '(kolom 4: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)',
      '(kolom 5: naam niet getoond, lijkt een waarde uit een rij; ontbreekt de kopregel?)',
    ]);
    expect(r.columns.missing).toEqual(['dossier_id', 'gemeente', 'melding_datum']);
  });
});

describe('validate: XLSX input', () => {
  it('finds personal data in typed cells (numbers, dates) and reports Excel row numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['dossier_id', 'gemeente', 'melding_datum', 'Nummer', 'Datum 2']);
    ws.addRow(['A-1', 'Heerlen', new Date(Date.UTC(2026, 5, 1)), 111222333, new Date(Date.UTC(1984, 2, 14))]);
    ws.addRow(['A-2', 'Vaals', '31-02-2026', 123456782, new Date(Date.UTC(1990, 6, 2))]);
    const f = file('export.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await validate([f]);
    expect(r.pii.map((p) => [p.column, p.kind, p.basis])).toEqual([
      ['Nummer', 'bsn', 'waarden'],
      ['Datum 2', 'geboortedatum', 'waarden'],
    ]);
    expect(r.examples.find((e) => e.code === 'impossible-date')).toMatchObject({ row: 3, column: 'melding_datum' });
    expect(r.input.per_file[0]).toMatchObject({ format: 'xlsx', rows_read: 2, rows_valid: 1, rows_with_errors: 1 });
  });
});
