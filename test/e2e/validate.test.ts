/**
 * `giacheck validate` as a user runs it (in-process, test/helpers/cli.ts). The done-criterion of issue 5: a Dutch-Excel export
 * (Windows-1252, `;`, CRLF, dd-mm-yyyy) with a BSN column, an empty gemeente, a 31-02 date and a
 * duplicate id yields exactly those four findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliResult, giacheck } from '../helpers/cli.js';

const FIXTURE = 'fixtures/validate/dutch-excel.csv';
const AS_OF = ['--as-of', '2026-07-01'];

function tmp(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-e2e-val-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

describe('giacheck validate on a Dutch-Excel export', () => {
  let r: CliResult;
  let report: any;
  beforeAll(async () => {
    r = await giacheck(['validate', FIXTURE, ...AS_OF, '--format', 'json']);
    report = JSON.parse(r.stdout);
  });

  it('yields exactly the BSN column, the empty gemeente, the 31-02 date and the duplicate id', () => {
    // every problem, in reading order: the header, then the rows
    expect(report.problems.map((e: any) => [e.code, e.severity, e.row, e.column, e.message])).toEqual([
      ['pii-column', 'error', null, 'BSN', 'kolom bevat burgerservicenummer (BSN) (herkend aan de kolomnaam); persoonsgegevens horen niet in een export voor deze controle: verwijder de kolom'],
      ['missing-required', 'error', 4, 'gemeente', 'verplicht veld is leeg'],
      ['impossible-date', 'error', 5, 'melding_datum', 'datum bestaat niet: "31-02-2026"'],
      ['duplicate-id', 'error', 6, 'dossier_id', 'dossier_id komt dubbel voor (eerder in rij 2); alleen de eerste telt'],
    ]);
    expect(report.issues).toEqual({
      errors: 4,
      warnings: 0,
      by_code: { 'pii-column': 1, 'missing-required': 1, 'impossible-date': 1, 'duplicate-id': 1 },
      by_column: { BSN: { 'pii-column': 1 }, gemeente: { 'missing-required': 1 }, melding_datum: { 'impossible-date': 1 }, dossier_id: { 'duplicate-id': 1 } },
    });
    expect(report.pii).toEqual([{ file: 'dutch-excel.csv', column: 'BSN', kind: 'bsn', basis: 'naam' }]);
  });

  it('reads Windows-1252 and accounts for every row', () => {
    expect(report.input).toMatchObject({ files: ['dutch-excel.csv'], rows_read: 6, rows_valid: 3, rows_with_errors: 3 });
    expect(report.input.per_file[0]).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(report.profile).toEqual({ id: 'zuid-limburg', version: '2026.11', name: 'Zuid-Limburg' });
    expect(report.peildatum).toBe('2026-07-01');
  });

  it('exits 1 (errors), says on stderr that the region was inferred, and never prints a BSN or dossier id', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('giacheck: regio afgeleid uit de gemeenten: Zuid-Limburg\n');
    for (const secret of ['111222333', '123456782', '400000003', 'ZL-0001', 'ZL-0003']) expect(r.stdout).not.toContain(secret);
  });

  it('rows_with_errors equals what check rejects', async () => {
    const check = JSON.parse((await giacheck(['check', FIXTURE, ...AS_OF, '--format', 'json', '--fail-on', 'never'])).stdout);
    expect(check.input.rows_rejected).toBe(report.input.rows_with_errors);
    expect(check.rejected.map((x: any) => x.row)).toEqual([4, 5, 6]);
    expect(JSON.stringify(check)).not.toContain('111222333'); // check never reads the BSN column
  });
});

describe('giacheck validate: formats, exit codes, output', () => {
  const clean = tmp('clean.csv', 'dossier_id;gemeente;melding_datum\nA-1;Heerlen;01-06-2026\n');

  it('table is the default, in Dutch; md for a handout', async () => {
    const t = await giacheck(['validate', FIXTURE, ...AS_OF, '--region', 'zuid-limburg']);
    expect(t.code).toBe(1);
    expect(t.stdout.split('\n')[0]).toBe('Datakwaliteit export, profiel Zuid-Limburg');
    expect(t.stdout).toContain('Persoonsgegevens die niet in de export horen');
    expect(t.stdout.trimEnd().split('\n').at(-1)).toBe('4 fout(en) en 0 waarschuwing(en): los de fouten op vóór de controle.');
    const md = await giacheck(['validate', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'md', '--lang', 'en']);
    expect(md.stdout.split('\n')[0]).toBe('# Export data quality, profile Zuid-Limburg');
    expect(md.stdout).toContain('| pii-column | error | 1 | column with personal data |');
  });

  it('exit 0 when clean; warnings fail only with --fail-on warning', async () => {
    const ok = await giacheck(['validate', clean, ...AS_OF, '--region', 'zuid-limburg', '--format', 'json']);
    const j = JSON.parse(ok.stdout);
    expect(j.issues.errors).toBe(0);
    expect(j.issues.warnings).toBeGreaterThan(0); // the rules' columns are missing
    expect(ok.code).toBe(0);
    expect((await giacheck(['validate', clean, ...AS_OF, '--region', 'zuid-limburg', '--fail-on', 'warning'])).code).toBe(1);
    expect((await giacheck(['validate', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--fail-on', 'never'])).code).toBe(0);
  });

  it('--output writes the report atomically with mode 0600', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'giacheck-out-')), 'kwaliteit.json');
    const r = await giacheck(['validate', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8')).issues.errors).toBe(4);
  });

  it('exit 2 with one line for usage errors and unreadable input', async () => {
    for (const args of [
      ['validate', FIXTURE, '--format', 'xlsx', '--region', 'zuid-limburg'],
      ['validate', 'fixtures/validate/nope.csv', '--region', 'zuid-limburg'],
      ['validate', FIXTURE, '--region', 'utrecht'],
    ]) {
      const r = await giacheck(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('gemeente of another region and a near miss, end to end', async () => {
    const f = tmp('mix.csv', 'dossier_id;gemeente;melding_datum\nA-1;Heerlen;01-06-2026\nA-2;Apeldoorn;01-06-2026\nA-3;Maastrich;01-06-2026\nA-4;Sittard Geleen;01-06-2026\n');
    const j = JSON.parse((await giacheck(['validate', f, ...AS_OF, '--region', 'zuid-limburg', '--format', 'json'])).stdout);
    expect(j.problems.filter((e: any) => e.severity === 'error').map((e: any) => [e.code, e.row, e.message])).toEqual([
      ['gemeente-outside-region', 3, 'gemeente Apeldoorn hoort bij Noord Oost Gelderland, niet bij profiel Zuid-Limburg'],
      ['unknown-gemeente', 4, 'gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?'],
    ]);
  });
});

describe('check refuses to read personal data through a mapping', () => {
  it('a mapping of dossier_id onto a BSN column is exit 2, naming file and column', async () => {
    const mapping = tmp('m.yaml', 'columns:\n  dossier_id: BSN\n');
    const r = await giacheck(['check', FIXTURE, ...AS_OF, '--region', 'zuid-limburg', '--mapping', mapping]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${FIXTURE}: kolom "BSN" (gekoppeld aan dossier_id) lijkt burgerservicenummer (BSN) te bevatten; giacheck leest geen persoonsgegevens, koppel een kolom zonder persoonsgegevens\n`);
    expect(r.stdout).toBe('');
  });
});
