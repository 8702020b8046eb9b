/** Issue 13 point 12: commander's own texts in Dutch or English, defaults once, examples in every --help. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giacheck } from '../helpers/cli.js';

const COMMANDS = [[], ['check'], ['validate'], ['triage'], ['rules'], ['rules', 'list'], ['rules', 'show'], ['rules', 'lint'], ['agenda'], ['kalender'], ['compare'], ['generate']];

async function help(cmd: string[], lang: 'nl' | 'en') {
  const r = await giacheck([...cmd, '--help', '--lang', lang]);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || 'giacheck', c]))('%s: Dutch titles, defaults once, 2–4 examples at the end', async (_name, cmd) => {
    const text = await help(cmd as string[], 'nl');
    expect(text).toMatch(/^Gebruik: giacheck/);
    expect(text).toContain('\nOpties:\n');
    expect(text).toContain('toon de hulp bij deze opdracht');
    for (const english of ['Usage:', 'Options:', 'Arguments:', 'Commands:', 'default:', 'choices:', 'display help', '[options]']) {
      expect(text).not.toContain(english);
    }
    // an option whose description names its default does not get "(standaard: …)" as well
    const joined = text.replace(/\n\s{10,}/g, ' ');
    for (const line of joined.split('\n')) if (line.includes('standaard: ')) expect(line.match(/standaard/g)).toHaveLength(1);
    const examples = text.trimEnd().split('\nVoorbeelden:\n');
    expect(examples).toHaveLength(2);
    const lines = examples[1].split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const l of lines) expect(l).toMatch(/^ {2}giacheck /);
  });

  it('in English with --lang en', async () => {
    const text = await help(['check'], 'en');
    expect(text).toMatch(/^Usage: giacheck check \[options\] <bestand\.\.\.>/);
    expect(text).toContain('\nArguments:\n');
    expect(text).toContain('display help for this command');
    expect(text).toContain('(default: error)');
    expect(text).toMatch(/\nExamples:\n {2}giacheck check /);
    expect(text).not.toContain('Gebruik');
  });

  it('shows a default once: --fail-on lists its choices in the text and gets only its default', async () => {
    const line = (await help(['check'], 'nl')).replace(/\n\s{10,}/g, ' ').split('\n').find((l) => l.includes('--fail-on'))!;
    expect(line).toContain('(error, warning, never) en/of bij een regel onder zijn norm (below-norm); combineer met een komma, bijvoorbeeld error,below-norm (standaard: error)');
    expect(line).not.toContain('keuze uit');
  });
});

describe("commander's errors", () => {
  const cases: [string[], string, string][] = [
    [['chek'], "giacheck: onbekende opdracht 'chek'; bedoelde u check? (zie giacheck --help)", "giacheck: unknown command 'chek'; did you mean check? (see giacheck --help)"],
    [['check'], "giacheck: argument 'bestand' ontbreekt (zie giacheck --help)", "giacheck: missing required argument 'bestand' (see giacheck --help)"],
    [['check', 'x.csv', '--as-of'], "giacheck: optie '--as-of <datum>' mist een waarde (zie giacheck --help)", "giacheck: option '--as-of <datum>' argument missing (see giacheck --help)"],
    [['check', 'x.csv', '--fail-on', 'altijd'], "giacheck: optie '--fail-on <niveau>': 'altijd' kan niet; kies uit error, warning, never, below-norm (zie giacheck --help)", "giacheck: option '--fail-on <niveau>': 'altijd' is not allowed; choose from error, warning, never, below-norm (see giacheck --help)"],
    [['check', 'x.csv', '--regio', 'x'], "giacheck: onbekende optie '--regio'; bedoelde u --region? (zie giacheck --help)", "giacheck: unknown option '--regio'; did you mean --region? (see giacheck --help)"],
    // (compare takes two or more reports since the trend over runs)
    [['kalender', '2026', '2027'], 'giacheck: te veel argumenten: 1 verwacht, 2 gekregen (zie giacheck --help)', 'giacheck: too many arguments: expected 1, got 2 (see giacheck --help)'],
  ];
  it.each(cases)('%j: one line in Dutch and in English, exit 2', async (args, nl, en) => {
    const d = await giacheck(args, { env: { GIACHECK_LANG: 'nl' } });
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(nl + '\n');
    const e = await giacheck(args, { env: { GIACHECK_LANG: 'en' } });
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(en + '\n');
  });
});

describe('--region takes the display name; parser texts follow --lang', () => {
  it('--region "Zuid-Limburg", "ZUID LIMBURG" and "noord oost gelderland"', async () => {
    for (const [name, id] of [['Zuid-Limburg', 'zuid-limburg'], ['ZUID LIMBURG', 'zuid-limburg'], ['noord oost gelderland', 'noord-oost-gelderland']]) {
      const r = await giacheck(['rules', 'list', '--region', name, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`"${id}"`);
    }
    const bad = await giacheck(['rules', 'list', '--region', 'Utrecht']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Utrecht');
  });

  it('a CSV syntax error is English under --lang en and Dutch by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-lang-'));
    const file = join(dir, 'quote.csv');
    writeFileSync(file, 'dossier_id;gemeente;melding_datum\nD-1;"Heerlen;01-11-2026\n');
    const en = await giacheck(['check', file, '--region', 'zuid-limburg', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('quote not closed before the end of the file');
    const nl = await giacheck(['check', file, '--region', 'zuid-limburg']);
    expect(nl.stderr).toContain('aanhalingsteken wordt niet gesloten voor het einde van het bestand');
  });
});
