/**
 * Issue 16.8 for the other YAML files a user names: a mapping (--mapping) and a triage answers
 * file (--answers) may be any file, so their messages quote a key or value only when it looks like
 * an identifier, and never more of the file than its line and column. The profile side is in
 * test/profile/privacy.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const SECRETS = ['Jan Zwanenburg', 'Zwanenburg', '111222333', 'root:x', 'vader sloeg'];
const dir = mkdtempSync(join(tmpdir(), 'giacheck-yamlfiles-'));

function put(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

function expectNoSecrets(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

const CHECK = ['check', 'fixtures/zl-small.csv', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];

describe('--mapping', () => {
  it.each([
    ['a key that is no identifier', '"Jan Zwanenburg 111222333": ja\n', 'm1.yaml:1:29: onbekende key (niet getoond)'],
    ['an unknown field under columns', 'columns:\n  "Jan Zwanenburg 111222333": Nummer\n', 'm2.yaml:2:31: columns: onbekende key (niet getoond)'],
    ['a column mapped twice', 'columns:\n  dossier_id: "Jan Zwanenburg 111222333"\n  gemeente: "jan zwanenburg 111222333"\n', 'm3.yaml:3:13: kolom (niet getoond) is al gekoppeld aan dossier_id'],
    ['a date_format that is no format', 'date_format: "Jan Zwanenburg 111222333"\n', 'm4.yaml:1:14: date_format (niet getoond) is geen bruikbaar datumformaat (bijv. dd-MM-yyyy)'],
    ['a route spelling mapped to a sentence', 'routes:\n  "V&V": "vader sloeg kind"\n', 'm5.yaml:2:10: routes.(niet getoond): onbekende waarde (niet getoond)'],
  ])('%s: one line with line and column, nothing of the file', async (_name, text, expected) => {
    const name = `m${['1', '2', '3', '4', '5'].find((n) => expected.startsWith(`m${n}.`))}.yaml`;
    const f = put(name, text);
    const r = await giacheck([...CHECK, '--mapping', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${join(dir, expected)}\n`);
    expectNoSecrets(r.stdout + r.stderr);
  });

  it('an identifier-like column and a real format are still named', async () => {
    const f = put('ok.yaml', 'columns:\n  dossier_id: Nummer\n  gemeente: nummer\n');
    const r = await giacheck([...CHECK, '--mapping', f]);
    expect(r.stderr).toBe(`giacheck: ${f}:3:13: kolom "nummer" is al gekoppeld aan dossier_id\n`);
    const g = put('fmt.yaml', 'date_format: "dd/MM"\n');
    expect((await giacheck([...CHECK, '--mapping', g])).stderr).toBe(`giacheck: ${g}:1:14: date_format "dd/MM" is geen bruikbaar datumformaat (bijv. dd-MM-yyyy)\n`);
  });

  it('/etc/passwd as a mapping: nothing of it', async () => {
    const r = await giacheck([...CHECK, '--mapping', '/etc/passwd']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectNoSecrets(r.stdout + r.stderr);
  });
});

describe('--answers', () => {
  const TRIAGE = ['triage', '--region', 'zuid-limburg', '--as-of', '2026-11-01'];

  it('an answer that is no identifier is not quoted', async () => {
    const f = put('a1.yaml', 'answers:\n  crisis: "Jan Zwanenburg 111222333"\n');
    const r = await giacheck([...TRIAGE, '--answers', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^giacheck: ${f}:2:11: answers\\.crisis: onbekend antwoord \\(niet getoond\\); kies uit: `));
    expectNoSecrets(r.stdout + r.stderr);
  });

  it('a question that is no identifier is not quoted', async () => {
    const f = put(
      'a2.yaml',
      'answers:\n  crisis: nee\n  gezinsvoogd: nee\n  anoniem: ja\n  vermoeden: ja\n  onveiligheid: nee\n  directbetrokkene: nee\n  lokaal_veld: ja\n  "Klaas vader sloeg kind": ja\n',
    );
    const r = await giacheck([...TRIAGE, '--answers', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\.\(niet getoond\): /);
    expect(r.stderr).not.toContain('vader');
    expectNoSecrets(r.stdout + r.stderr);
  });

  it('a profile that is no region id, and an impossible melding date', async () => {
    const f = put('a3.yaml', 'profile: "Jan Zwanenburg 111222333"\nanswers:\n  crisis: nee\n');
    const r = await giacheck(['triage', '--answers', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^giacheck: onbekende regio \(niet getoond\); kies uit: /);
    expectNoSecrets(r.stdout + r.stderr);
    const g = put('a4.yaml', 'melding_datum: "2026-02-30"\nanswers:\n  crisis: nee\n');
    expect((await giacheck([...TRIAGE, '--answers', g])).stderr).toBe(`giacheck: ${g}:1:16: melding_datum: geen bestaande datum: "2026-02-30"\n`);
  });
});
