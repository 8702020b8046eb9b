import { afterEach, describe, expect, it } from 'vitest';
import { formatValidation, validationJson, fitWidths, clean } from '../../src/validate/format.js';
import type { ValidationReport } from '../../src/validate/validate.js';
import { setLang } from '../../src/i18n/index.js';
import { sampleProvenance } from '../helpers/provenance.js';
import { FIELDS, FieldName } from '../../src/model/fields.js';

function report(over: Partial<ValidationReport> = {}): ValidationReport {
  return {
    tool: { name: 'giacheck', version: '0.1.0' },
    profile: { id: 'zuid-limburg', version: '2026.11', name: { nl: 'Zuid-Limburg', en: 'Zuid-Limburg' } },
    peildatum: '2026-07-01',
    input: { files: ['e.csv'], rows_read: 3, rows_valid: 2, rows_with_errors: 1, rows_with_warnings: 0, per_file: [] },
    columns: { found: ['dossier_id', 'gemeente', 'melding_datum', 'BSN'], mapped: { dossier_id: 'dossier_id' }, unknown: ['BSN'], missing: [], missing_for_rules: [] },
    issues: { errors: 2, warnings: 0, by_code: { 'pii-column': 1, 'impossible-date': 1 }, by_column: { BSN: { 'pii-column': 1 }, melding_datum: { 'impossible-date': 1 } } },
    examples: [
      { code: 'pii-column', severity: 'error', file: 'e.csv', row: null, column: 'BSN', message: 'kolom bevat burgerservicenummer (BSN) (herkend aan de kolomnaam); …' },
      { code: 'impossible-date', severity: 'error', file: 'e.csv', row: 3, column: 'melding_datum', message: 'datum bestaat niet: "31-02-2026"' },
    ],
    pii: [{ file: 'e.csv', column: 'BSN', kind: 'bsn', basis: 'naam' }],
    // no usable row counted: no fill section (test/validate/fill.test.ts has them)
    fill: { rows: 0, filled: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<FieldName, number>, no_column: [], by_gemeente: [], by_month: [] },
    examples_per_code: 5,
    options: { min_cell: null, aggregate_only: false },
    provenance: sampleProvenance(),
    ...over,
  };
}

afterEach(() => setLang('nl'));

describe('validate formats', () => {
  it('json: the documented shape, profile name in the current language', () => {
    const j = JSON.parse(JSON.stringify(validationJson(report(), report().examples)));
    expect(Object.keys(j)).toEqual(['tool', 'profile', 'peildatum', 'problems', 'input', 'columns', 'issues', 'pii', 'fill', 'options', 'provenance']);
    expect(j.profile).toEqual({ id: 'zuid-limburg', version: '2026.11', name: 'Zuid-Limburg' });
    expect(Object.keys(j.input)).toEqual(['files', 'rows_read', 'rows_valid', 'rows_with_errors', 'rows_with_warnings', 'per_file']);
    expect(Object.keys(j.columns)).toEqual(['found', 'mapped', 'unknown', 'missing', 'missing_for_rules']);
    expect(Object.keys(j.issues)).toEqual(['errors', 'warnings', 'by_code', 'by_column']);
    expect(j.problems[1]).toEqual({ code: 'impossible-date', severity: 'error', file: 'e.csv', row: 3, column: 'melding_datum', message: 'datum bestaat niet: "31-02-2026"' });
    expect(j.pii).toEqual([{ file: 'e.csv', column: 'BSN', kind: 'bsn', basis: 'naam' }]);
    expect(j.options).toEqual({ min_cell: null, aggregate_only: false });
  });

  it('table: Dutch headings, personal data first, the verdict last', () => {
    const text = formatValidation(report(), 'table', { color: false, width: 200 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Datakwaliteit export, profiel Zuid-Limburg');
    expect(lines[1]).toBe('Profiel: Zuid-Limburg (zuid-limburg 2026.11) · Peildatum: 01-07-2026');
    expect(lines[3]).toBe('Rijen: 3 gelezen, 2 bruikbaar, 1 met fouten (0 met waarschuwingen)');
    expect(lines[4]).toBe('Kolommen: 4 gevonden, 1 gekoppeld; onbekend: BSN; verplicht maar ontbrekend: –');
    expect(text.indexOf('Persoonsgegevens die niet in de export horen')).toBeLessThan(text.indexOf('Problemen per soort'));
    expect(text).toContain('│ e.csv   │ BSN   │ burgerservicenummer (BSN) │ de kolomnaam │');
    expect(lines.at(-2)).toBe('2 fout(en) en 0 waarschuwing(en): los de fouten op vóór de controle.');
    expect(text).not.toMatch(/\x1b\[/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(200);
    // the examples per kind, each saying how many of how many
    expect(text).toContain('Voorbeelden impossible-date (datum bestaat niet): 1 van 1');
  });

  it('table below 160 columns: compact, no borders, a long reason wraps instead of being cut', () => {
    const long = 'kolom bevat burgerservicenummer (BSN) (herkend aan de kolomnaam); persoonsgegevens horen niet in een export voor deze controle: verwijder de kolom';
    const r = report({ examples: [{ ...report().examples[0], message: long }, report().examples[1]], issues: { ...report().issues, by_code: { 'pii-column': 3, 'impossible-date': 1 } } });
    const text = formatValidation(r, 'table', { color: false, width: 80 });
    const lines = text.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/[┌│└]/);
    const at = lines.indexOf('Voorbeelden pii-column (kolom met persoonsgegevens): 1 van 3');
    expect(lines.slice(at, at + 8)).toEqual([
      'Voorbeelden pii-column (kolom met persoonsgegevens): 1 van 3',
      'Rij  Kolom  Reden',
      '-'.repeat(80),
      'kop  BSN    kolom bevat burgerservicenummer (BSN) (herkend aan de kolomnaam);',
      '            persoonsgegevens horen niet in een export voor deze controle:',
      '            verwijder de kolom',
      'En nog 2 niet getoond (--max-examples 5); --format csv, json of xlsx geeft elk',
      'probleem.',
    ]);
    // every word of the reason is there
    expect(lines.slice(at + 3, at + 6).map((l) => l.slice(12)).join(' ')).toBe(long);
  });

  it('table in English; a clean report says so', () => {
    setLang('en');
    const clean = report({ issues: { errors: 0, warnings: 0, by_code: {}, by_column: {} }, examples: [], pii: [] });
    const text = formatValidation(clean, 'table', { color: false });
    expect(text.split('\n')[0]).toBe('Export data quality, profile Zuid-Limburg');
    expect(text).toContain('Reference date: 2026-07-01');
    expect(text.trimEnd().split('\n').at(-1)).toBe('No problems found.');
    expect(text).not.toContain('Problems by kind');
  });

  it('md: tables with escaped cells; a hostile column name cannot break out', () => {
    const evil = 'x|y<script>\u001b[31m';
    const r = report({ examples: [{ code: 'unknown-column', severity: 'warning', file: 'e.csv', row: null, column: evil, message: 'm' }], issues: { errors: 0, warnings: 1, by_code: { 'unknown-column': 1 }, by_column: { [evil]: { 'unknown-column': 1 } } }, pii: [] });
    const md = formatValidation(r, 'md', { color: false });
    expect(md.split('\n')[0]).toBe('# Datakwaliteit export, profiel Zuid-Limburg');
    expect(md).toContain('| Code | Ernst | Aantal | Omschrijving |\n| --- | --- | --- | --- |\n| unknown-column | waarschuwing | 1 | onbekende kolom (genegeerd) |');
    expect(md).toContain('x\\|y&lt;script&gt;?[31m');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('\u001b');
    expect(md.trimEnd().split('\n').at(-1)).toBe('**Geen fouten; 1 waarschuwing(en).**');
  });

  it('clean() removes control characters; fitWidths shrinks the widest column first', () => {
    expect(clean('a\tb\r\nc\u0000\u009b')).toBe('a?b??c??');
    expect(fitWidths([['aaaa', 'b'.repeat(200)]], 80)).toEqual([6, 71]);
    expect(fitWidths([['a', 'b']], 80)).toEqual([3, 3]);
  });
});
