/**
 * Issue 16 point 9: a column of burgerservicenummers mapped as dossier_id under a name that does
 * not say so ("Nummer") was printed in every finding. Its values are checked now, as validate does:
 * exit 2 and one line naming the column, before any finding is written, in every format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/model/fields.js';
import { elfproef } from '../../src/privacy/bsn.js';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-bsnid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The n-th nine-digit number from 100000000 up that passes (or fails) the elfproef. */
function nineDigits(count: number, passing: boolean): string[] {
  const out: string[] = [];
  for (let n = 100_000_000; out.length < count; n += 1) if (elfproef(String(n)) === passing) out.push(String(n));
  return out;
}

function exportWith(ids: string[]): string {
  const header = FIELDS.map((f) => (f === 'dossier_id' ? 'Nummer' : f));
  const row = (id: string) => FIELDS.map((f) => (f === 'dossier_id' ? id : f === 'gemeente' ? 'Heerlen' : f === 'melding_datum' ? '2026-10-01' : '')).join(',');
  return [header.join(','), ...ids.map(row)].join('\n') + '\n';
}

const mapping = join(dir, 'mapping.yaml');
writeFileSync(mapping, 'columns:\n  dossier_id: Nummer\n');
const ARGS = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--mapping', mapping, '--fail-on', 'never'];

describe('burgerservicenummers as dossier ids', () => {
  const bsns = nineDigits(25, true);
  const file = join(dir, 'bsn.csv');
  writeFileSync(file, exportWith(bsns));

  it.each(['table', 'json', 'jsonl', 'csv', 'md', 'html'])('%s: exit 2, one line, no id anywhere', async (format) => {
    const r = await giacheck(['check', file, ...ARGS, '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${file}: kolom "Nummer" (gekoppeld aan dossier_id) lijkt burgerservicenummer (BSN) te bevatten; giacheck leest geen persoonsgegevens, koppel een kolom zonder persoonsgegevens\n`);
    for (const id of bsns) expect(r.stdout).not.toContain(id);
  });

  it('nine-digit ids that are not BSNs (one in eleven passes by chance) are read as ids', async () => {
    const ids = nineDigits(30, false);
    // three that happen to pass, among thirty: far below eight in ten
    ids.splice(5, 3, ...nineDigits(3, true));
    const plain = join(dir, 'ids.csv');
    writeFileSync(plain, exportWith(ids));
    const r = await giacheck(['check', plain, ...ARGS, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.input.rows_checked).toBe(30);
    expect(new Set(json.findings.map((f: { dossier_id: string }) => f.dossier_id))).toContain(ids[0]);
  });

  it('validate still reads the file and reports the column itself', async () => {
    const r = await giacheck(['validate', file, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--mapping', mapping, '--format', 'json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/Nummer/);
    for (const id of bsns) expect(r.stdout + r.stderr).not.toContain(id);
  });
});
