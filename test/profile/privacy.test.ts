/**
 * Issue 16 part 8: a custom profile may point `extends:` (or `triage:`) at any file, so no message
 * may turn that file into output. Only a key or value that looks like an identifier is quoted;
 * everything else is named by its line and column.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile, loadProfileFile } from '../../src/profile/load.js';
import { formatProblem, readYaml } from '../../src/yaml/file.js';
import { lintProfile } from '../../src/validate/lint.js';
import { UserError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { giacheck } from '../helpers/cli.js';

const SECRETS = ['Jan Zwanenburg', '111222333', 'Petra de Vries', '999888777', 'root:', 'geheim'];

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'giacheck-privacy-'));
}

function put(d: string, name: string, text: string): string {
  const f = join(d, name);
  writeFileSync(f, text);
  return f;
}

const head = (ext: string) => `id: mijn-regio\nversion: "1"\nname: { nl: Mijn regio, en: My region }\nextends: ${ext}\n`;

function expectNoSecrets(messages: string[]): void {
  const all = messages.join('\n');
  for (const s of SECRETS) expect(all).not.toContain(s);
}

describe('extends takes a bundled id or a .yaml/.yml file, nothing else', () => {
  it('extends: /etc/passwd is refused without opening the file', async () => {
    const d = dir();
    const f = put(d, 'p.yaml', head('/etc/passwd'));
    const { profile, problems } = loadProfileFile(f);
    expect(profile).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toBe(
      `${f}:4:10: extends: alleen een gebundeld profiel (landelijk, noord-oost-gelderland, zuid-limburg) of een .yaml/.yml-bestand; het bestand is niet geopend`,
    );
    expectNoSecrets(problems.map(formatProblem));
    // a path that does not exist gets the same answer: the file system was not asked
    const g = put(d, 'q.yaml', head('./bestaat-niet.txt'));
    expect(loadProfileFile(g).problems[0].message).toMatch(/^extends: alleen een gebundeld profiel/);
  });

  it('loadProfile (check --profile) turns it into one line, exit 2', async () => {
    const f = put(dir(), 'p.yaml', head('/etc/shadow'));
    expect(() => loadProfile({ profile: f })).toThrowError(UserError);
    try {
      loadProfile({ profile: f });
    } catch (e) {
      expect((e as UserError).exitCode).toBe(2);
      expect((e as Error).message).not.toContain('\n');
      expectNoSecrets([(e as Error).message]);
    }
  });

  it('a bundled id and a relative .yml path still work', async () => {
    const d = dir();
    put(d, 'basis.yml', head('zuid-limburg').replace('mijn-regio', 'basis'));
    const f = put(d, 'p.yaml', head('./basis.yml'));
    const { profile, problems } = loadProfileFile(f);
    expect(problems).toEqual([]);
    expect(profile!.chain).toEqual(['mijn-regio', 'basis', 'zuid-limburg', 'landelijk']);
  });

  it('triage: must be a .yaml/.yml file too; rules lint does not open another', async () => {
    const d = dir();
    const f = put(d, 'p.yaml', head('landelijk') + 'triage: /etc/shadow\n');
    const { problems } = loadProfileFile(f);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '5:9 triage: alleen een .yaml/.yml-bestand; het bestand is niet geopend',
    ]);
    expect(lintProfile(f).problems).toHaveLength(1);
  });
});

describe('a file that is not a profile is named by line and column, not quoted', () => {
  const PEOPLE = `# cliëntenlijst
Jan Zwanenburg 111222333: "geheim adres"
Petra de Vries 999888777:
  adres: geheim
kleur: rood
`;

  it('an extended YAML file with a name and BSN as key: the key is not shown, an identifier key is', async () => {
    const d = dir();
    put(d, 'mensen.yaml', PEOPLE);
    const f = put(d, 'p.yaml', head('./mensen.yaml'));
    const { problems } = loadProfileFile(f);
    const lines = problems.map(formatProblem);
    expectNoSecrets(lines);
    expect(lines).toContain(`${join(d, 'mensen.yaml')}:2:27: onbekende keys: "kleur" en 2 niet getoond`);
    expect(lines.some((l) => l.endsWith(': id: verplicht veld ontbreekt'))).toBe(true);
  });

  it('one unknown key that is no identifier: "onbekende key (niet getoond)", in English "unknown key (not shown)"', async () => {
    const f = put(dir(), 'p.yaml', head('landelijk') + '"Jan Zwanenburg 111222333": 1\n');
    expect(loadProfileFile(f).problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual(['5:29 onbekende key (niet getoond)']);
    setLang('en');
    try {
      expect(loadProfileFile(f).problems[0].message).toBe('unknown key (not shown)');
    } finally {
      setLang('nl');
    }
  });

  it('record keys in a path and enum values are shown only when they look like an identifier', async () => {
    const f = put(
      dir(),
      'p.yaml',
      head('landelijk') +
        `deelregios:
  "Jan Zwanenburg 111222333": [12]
rules:
  X-01:
    kind: deadline
    title: { nl: a, en: b }
    severity: error
    from: melding_datum
    duration: { workdays: 5 }
    to: Petra de Vries 999888777
    source: { document: x, section: y }
`,
    );
    const messages = loadProfileFile(f).problems.map((p) => p.message);
    expectNoSecrets(messages);
    expect(messages).toContain('deelregios.(niet getoond).0: Ongeldige invoer: verwacht string, ontving getal');
    expect(messages).toContain('rules.X-01.to: onbekende waarde (niet getoond)');
  });

  it('a long rule id or unknown kind from the raw file is not echoed', async () => {
    const f = put(dir(), 'p.yaml', head('landelijk') + 'rules:\n  X-01:\n    kind: "Jan Zwanenburg 111222333"\n');
    const messages = loadProfileFile(f).problems.map((p) => p.message);
    expectNoSecrets(messages);
    expect(messages[0]).toMatch(/^rules\.X-01\.kind: onbekende soort regel "\(niet getoond\)"/);
  });
});

describe('YAML syntax errors quote nothing of the file', () => {
  it('a syntax error names line and column only, not the neighbouring lines', async () => {
    const d = dir();
    put(d, 'kapot.yaml', 'naam: Jan Zwanenburg\nbsn: 111222333\nlijst: [open\nadres: geheim 999888777\n');
    const f = put(d, 'p.yaml', head('./kapot.yaml'));
    const { problems } = loadProfileFile(f);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.message).not.toContain('\n');
    }
    expectNoSecrets(problems.map(formatProblem));
  });

  it('a token quoted by the parser, an alias name and a doubled key are shown only as identifiers', async () => {
    const cases: [string, RegExp][] = [
      ['a: b: Jan Zwanenburg 111222333\n', /^een lijst of map op de plek van een key; /],
      ['"Jan Zwanenburg 111222333": 1\n"Jan Zwanenburg 111222333": 2\n', /^dubbele key: \(niet getoond\)$/],
      ['a: *Jan_Zwanenburg_111222333_with_a_very_long_alias_name\n', /^alias zonder anker: het anker \(&naam\) moet vóór de alias \(\*naam\) staan$/],
      ['x: 1\nMR-02: 1\nMR-02: 2\n', /^dubbele key: MR-02$/],
    ];
    for (const [text, expected] of cases) {
      const { problems } = readYaml(text, 'f.yaml');
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0].message).toMatch(expected);
      expectNoSecrets(problems.map((p) => p.message));
    }
  });
});

describe('CLI', () => {
  it('rules lint and check --profile on a profile extending /etc/passwd: one line, nothing of the file', async () => {
    const f = put(dir(), 'p.yaml', head('/etc/passwd'));
    const lint = await giacheck(['rules', 'lint', f]);
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toContain('extends: alleen een gebundeld profiel');
    expectNoSecrets([lint.stdout, lint.stderr]);
    const check = await giacheck(['check', 'fixtures/zl-small.csv', '--profile', f, '--as-of', '2026-11-01']);
    expect(check.code).toBe(2);
    expect(check.stderr.trim().split('\n')).toHaveLength(1);
    expectNoSecrets([check.stdout, check.stderr]);
  });
});
