/**
 * `rules lint`: every problem of a custom profile at once, each with YAML line and column. The
 * classes of issue 5: unknown field names in `when`, unknown rule kind, duplicate rule id, bad
 * duration, missing source; plus the triage tree the profile points at.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintProfile } from '../../src/validate/lint.js';
import { formatProblem } from '../../src/yaml/file.js';
import { bundledProfileIds, loadProfile } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';
import { giacheck } from '../helpers/cli.js';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'giacheck-lint-'));
}
function write(d: string, name: string, text: string): string {
  const f = join(d, name);
  writeFileSync(f, text);
  return f;
}

const BAD = `id: mijn-regio
version: "1"
name: { nl: Mijn regio, en: My region }
extends: zuid-limburg
triage: triage/mijn-regio.yaml
kleur: blauw
rules:
  MR-01:
    kind: deadline
    title: { nl: Contact binnen 5 werkdagen, en: Contact within 5 werkdagen }
    severity: error
    from: melding_datum
    duration: { werkdagen: 5 }
    to: contact_gezin_datum
    when: { route: [overdracht_lokaal_veld], present: [overdracht_datm] }
  MR-02:
    kind: termijn
    title: { nl: x, en: x }
  MR-03:
    kind: required_items
    title: { nl: Items, en: Items }
    severity: warning
    items: [ov_inhoud_melding]
  ZL-01:
    kind: deadline
    title: { nl: Dubbel, en: Double }
    severity: error
    from: melding_datum
    duration: { workdays: 3 }
    to: veiligheidsbeoordeling_datum
    source: { document: "000", section: "§5.1.1" }
  MR-02:
    kind: consistency
    title: { nl: y, en: y }
    severity: info
    source: { document: "000", section: "§1" }
    require: { route: [overdracht_gi] }
`;

describe('rules lint', () => {
  it('reports every problem at once, sorted by line, each with line and column', () => {
    const d = dir();
    const f = write(d, 'mijn-regio.yaml', BAD);
    const r = lintProfile(f);
    expect(r.profile).toBeUndefined();
    expect(r.problems.map((p) => formatProblem(p).slice(f.length + 1))).toEqual([
      '5:9: triage: bestand triage/mijn-regio.yaml niet gevonden',
      '6:8: onbekende key: "kleur"',
      '9:5: rules.MR-01.source: verplicht veld ontbreekt', // a missing key: where its map starts
      '13:15: rules.MR-01.duration: verwacht precies één duur: {workdays: n}, {days: n}, {weeks: n} of {months: n} (geheel getal)',
      '15:56: rules.MR-01.when.present.0: onbekende waarde "overdracht_datm"; bedoelde u overdracht_datum?',
      '20:5: rules.MR-03.source: verplicht veld ontbreekt',
      '32:3: dubbele key: MR-02',
    ]);
  });

  it('a rule id that the parent already has, and an unknown kind, once the rest is right', () => {
    const d = dir();
    const f = write(
      d,
      'p.yaml',
      `id: p
version: "1"
name: { nl: P, en: P }
extends: zuid-limburg
rules:
  ZL-01:
    kind: deadline
    title: { nl: Dubbel, en: Double }
    severity: error
    from: melding_datum
    duration: { workdays: 3 }
    to: veiligheidsbeoordeling_datum
    source: { document: "000", section: "§5.1.1" }
  P-01:
    kind: termijn
    title: { nl: x, en: x }
  ZL-03: { severity: warning, window: { before: 1, after: 1 } }
`,
    );
    expect(lintProfile(f).problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '7:5: rules.ZL-01: bestaat al in zuid-limburg; pas alleen severity/off aan of gebruik een nieuwe id met replaces',
      '15:11: rules.P-01.kind: onbekende soort regel "termijn" (deadline, moment, required_items, consistency)',
      '17:39: rules.ZL-03.window: alleen voor regels van soort moment',
    ]);
  });

  it('a clean custom profile passes and gives the loaded profile', () => {
    const d = dir();
    const f = write(
      d,
      'ok.yaml',
      `id: ok
version: "1"
name: { nl: Ok, en: Ok }
extends: zuid-limburg
rules:
  ZL-10: off
  ZL-03: { severity: warning }
`,
    );
    const r = lintProfile(f);
    expect(r.problems).toEqual([]);
    expect(r.profile?.chain).toEqual(['ok', 'zuid-limburg', 'landelijk']);
    expect(r.profile?.rules.find((x) => x.id === 'ZL-03')?.spec.severity).toBe('warning');
  });

  it('the profile’s triage tree is validated through the triage loader', () => {
    const d = dir();
    write(d, 'boom.yaml', 'start: begin\nnodes: {}\nkleur: rood\n');
    const f = write(d, 'p.yaml', 'id: p\nversion: "1"\nname: { nl: P, en: P }\nextends: zuid-limburg\ntriage: boom.yaml\n');
    const problems = lintProfile(f).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file.endsWith('boom.yaml') && p.line !== undefined)).toBe(true);
  });

  it('the bundled profiles lint clean', () => {
    for (const id of bundledProfileIds()) {
      expect(lintProfile(loadProfile({ region: id }).file).problems, id).toEqual([]);
    }
  });

  it('an unreadable file is a UserError (exit 2), not a lint result', () => {
    expect(() => lintProfile(join(dir(), 'nope.yaml'))).toThrow(UserError);
    expect(() => lintProfile(dir())).toThrow(/is een map/);
  });

  it('CLI: exit 1 with one line per problem and a count; 0 when clean; json on request', async () => {
    const d = dir();
    const f = write(d, 'mijn-regio.yaml', BAD);
    const r = await giacheck(['rules', 'lint', f]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(`${f}:5:9: triage: bestand triage/mijn-regio.yaml niet gevonden`);
    expect(lines.at(-1)).toBe(`${f}: 7 probleem/problemen`);
    const j = JSON.parse((await giacheck(['rules', 'lint', f, '--format', 'json'])).stdout);
    expect(j.ok).toBe(false);
    expect(j.problems[1]).toEqual({ file: f, line: 6, col: 8, message: 'onbekende key: "kleur"' });
    const ok = await giacheck(['rules', 'lint', 'rules/zuid-limburg.yaml']);
    expect(ok).toMatchObject({ code: 0, stdout: 'rules/zuid-limburg.yaml: in orde (13 actieve regels, extends landelijk)\n' });
    const missing = await giacheck(['rules', 'lint', join(d, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`giacheck: ${join(d, 'nope.yaml')}: bestand niet gevonden\n`);
  });

  it('CLI in English: zod and lint messages follow --lang', async () => {
    const d = dir();
    const f = write(d, 'p.yaml', 'id: p\nversion: "1"\nname: { nl: P, en: P }\nextends: zuid-limburg\nrules:\n  P-1:\n    kind: deadline\n    title: { nl: x, en: x }\n    severity: error\n    from: melding_datum\n    duration: { weeks: 2 }\n    to: overdracht_datum\n');
    const r = await giacheck(['rules', 'lint', f, '--lang', 'en']);
    expect(r.stdout).toBe(`${f}:7:5: rules.P-1.source: required field missing\n${f}: 1 problem(s)\n`);
  });
});
