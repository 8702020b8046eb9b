/**
 * Profiles and mapping files from the outside world: random and mutated YAML never makes the
 * loaders throw anything but located problems or a UserError, and YAML bombs (billion laughs with
 * aliases, deep nesting) end with a problem instead of eating the machine.
 *
 * Runs per property: GIACHECK_FUZZ_RUNS (default 1500).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadProfileFile, bundledProfilePath } from '../../src/profile/load.js';
import { loadMapping } from '../../src/ingest/mapping.js';
import { lintProfile } from '../../src/validate/lint.js';
import { UserError } from '../../src/errors.js';

const RUNS = Number(process.env.GIACHECK_FUZZ_RUNS ?? 1500);
/** more runs (GIACHECK_FUZZ_RUNS) need more time than vitest's default */
const TIMEOUT = 30_000 + RUNS * 40;
const dir = mkdtempSync(join(tmpdir(), 'giacheck-fuzz-yaml-'));
let n = 0;
function write(text: string): string {
  const f = join(dir, `p-${n++ % 8}.yaml`);
  writeFileSync(f, text);
  return f;
}

const ZL = readFileSync(bundledProfilePath('zuid-limburg'), 'utf8');
const CUSTOM = `id: mijn-regio
version: "1"
name: { nl: Mijn regio, en: My region }
extends: zuid-limburg
rules:
  ZL-10: off
  ZL-03: { severity: warning }
  MR-01:
    kind: deadline
    title: { nl: Contact, en: Contact }
    severity: error
    from: [warme_overdracht_datum, overdracht_datum]
    duration: { workdays: 5 }
    to: lokaal_team_contact_datum
    when: { route: [voorwaarden_en_vervolg], flags: { melder_anoniem: false } }
    source: { document: "000", section: "§2 j" }
`;
const MAPPING = `columns:
  dossier_id: Dossiernummer
  melding_datum: Datum melding
routes:
  "V&V": voorwaarden_en_vervolg
date_format: dd-MM-yyyy
delimiter: ";"
`;

/** Line-level damage: delete, duplicate, swap, re-indent, splice in YAML syntax, truncate. */
const mutated = (base: string) =>
  fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'dedent', 'insert', 'replace'),
          fc.nat(),
          fc.constantFrom('&a [1,2]', '*a', '*b', '<<: *a', '!!binary x', '? ', '- ', ': ', '{', '}', '[', ']', '"', "'", '#', '|', '>', '%YAML 1.2', '---', '...', '\t', 'kind: moment', 'extends: .', 'extends: zuid-limburg', 'extends: ../p.yaml', 'from: nope', '~', 'null', '1e999', '\u0000', '\ufeff'),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      fc.option(fc.nat(), { freq: 4 }),
    )
    .map(([edits, cut]) => {
      const lines = base.split('\n');
      for (const [op, at, text] of edits) {
        const i = lines.length ? at % lines.length : 0;
        if (op === 'delete') lines.splice(i, 1);
        else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
        else if (op === 'swap' && lines.length > 1) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length], lines[i]];
        else if (op === 'indent') lines[i] = '  ' + (lines[i] ?? '');
        else if (op === 'dedent') lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '');
        else if (op === 'insert') lines.splice(i, 0, text);
        else if (op === 'replace') lines[i] = (lines[i] ?? '').replace(/:.*$/, ': ' + text);
      }
      const text = lines.join('\n');
      return cut === null ? text : text.slice(0, cut % (text.length + 1));
    });

/** Any data, written as YAML: the schema has to reject it politely. */
const randomDoc = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc.dictionary(fc.constantFrom('id', 'version', 'name', 'extends', 'rules', 'calendar', 'deelregios', 'triage', 'columns', 'routes', 'date_format', 'x'), fc.jsonValue({ maxDepth: 3 })).map((v) => stringify(v)),
  fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '&', '*', '!', '[', ']', '{', '}', '"', '#', '|', '>', '%', '@', '`', '\t'), maxLength: 80 }),
);

function onlyProblemsOrUserErrors(run: () => void): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.message).not.toContain('\n');
  }
}

describe('fuzz: profiles and mappings', () => {
  // a profile load parses its parents too (~15 ms): a third of the runs keeps the suite short
  const PROFILE_RUNS = Math.ceil(RUNS / 3);
  it(`mutated and random profiles give located problems or a profile, nothing else (${PROFILE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(mutated(ZL), mutated(CUSTOM), randomDoc), (text) => {
        const f = write(text);
        // lintProfile = loadProfileFile + the triage check
        onlyProblemsOrUserErrors(() => {
          const r = lintProfile(f);
          expect(Boolean(r.profile) !== r.problems.length > 0).toBe(true);
          for (const p of r.problems) {
            expect(typeof p.message).toBe('string');
            expect(p.message).not.toContain('\n');
          }
        });
      }),
      { numRuns: PROFILE_RUNS },
    );
  }, TIMEOUT);

  it(`mutated and random mapping files give a mapping or a UserError (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(mutated(MAPPING), randomDoc), (text) => {
        const f = write(text);
        onlyProblemsOrUserErrors(() => {
          const m = loadMapping(f);
          expect(typeof m.columns).toBe('object');
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('YAML bombs', () => {
  const laughs = (depth: number) =>
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: depth }, (_, i) => {
      const prev = String.fromCharCode(97 + i);
      const name = String.fromCharCode(98 + i);
      return `${name}: &${name} [${new Array(9).fill('*' + prev).join(',')}]`;
    })].join('\n') + '\n';

  it('billion laughs in a profile is one problem, not a billion strings', () => {
    const r = loadProfileFile(write('id: x\nversion: "1"\nname: { nl: x, en: x }\n' + laughs(9)));
    expect(r.profile).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/alias/i);
  });

  it('billion laughs in a mapping file is a UserError naming the file', () => {
    const f = write(laughs(9).replace(/^a:/m, 'x_a:'));
    expect(() => loadMapping(f)).toThrowError(UserError);
    expect(() => loadMapping(f)).toThrowError(new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('anchors and merge keys in a profile are fine when small', () => {
    const text = CUSTOM.replace('  MR-01:\n', '  MR-01: &base\n') + '  MR-02:\n    <<: *base\n    title: { nl: Twee, en: Two }\n';
    const r = loadProfileFile(write(text));
    // `<<` is not a merge key in YAML 1.2 core: an unknown key, reported with its place
    expect(r.problems.map((p) => p.line)).toEqual([expect.any(Number)]);
  });

  it('deep nesting is a problem, not a stack overflow', () => {
    const deep = 'id: x\nrules: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n';
    const r = loadProfileFile(write(deep));
    expect(r.profile).toBeUndefined();
    expect(r.problems.length).toBeGreaterThan(0);
    const deepCondition =
      'id: x\nversion: "1"\nname: { nl: x, en: x }\nrules:\n  A:\n    kind: consistency\n    title: { nl: a, en: b }\n    severity: error\n    source: { document: a, section: b }\n    require: ' +
      '{not: '.repeat(3000) +
      '{}' +
      '}'.repeat(3000) +
      '\n';
    const c = loadProfileFile(write(deepCondition));
    expect(c.problems.length + (c.profile ? 1 : 0)).toBeGreaterThan(0);
  });
});
