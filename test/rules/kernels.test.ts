/**
 * The kernels (src/rules/kernels.ts) are the rules a second time, over packed rows: every rule of
 * every bundled profile, and of a test profile that uses every kind of condition, must give the
 * same outcome as its Case evaluator on the same row (status, due date, actual date, days late,
 * window, missing items), and Aggregator.addPacked must count exactly what add() counts.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { BatchPacker, BatchUnpacker, PackedRow } from '../../src/engine/packed.js';
import { ruleContext } from '../../src/engine/run.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { Case, FIELD_TYPES, FIELDS, ROUTES, Value } from '../../src/ingest/fields.js';
import { IdSet } from '../../src/ingest/idset.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { loadProfile, Profile } from '../../src/profile/load.js';
import { Aggregator } from '../../src/report/aggregate.js';
import { compileProfile, Result } from '../../src/rules/index.js';
import { compileKernel, OUT, OutcomeResults } from '../../src/rules/kernels.js';
import { csvLine } from '../../src/generate/writers.js';
import { dutchDate } from '../../src/calendar/days.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-kernels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every kind of condition, item conditions, several anchors, anchor_required, a rule window. */
const CONDITIONS_YAML = `
id: kernel-test
version: "1"
extends: zuid-limburg
name: { nl: Kerneltest, en: Kernel test }
monitoring_duration:
  from: [warme_overdracht_datum, overdracht_datum]
  to: monitoring_afgesloten_datum
  when: { any: [{ route: [onderzoek] }, { not: { present: [gi_betrokken] } }] }
  average_months: 12
  source: { document: "test", section: "1" }
rules:
  T-01:
    kind: deadline
    title: { nl: a, en: a }
    severity: warning
    from: [overdracht_bevestigd_datum, overdracht_datum, melding_datum]
    anchor_required: true
    duration: { days: 10 }
    to: lokaal_team_contact_datum
    when: { route_not: [geen_vervolg, overdracht_gi], present_any: [overdracht_datum, warme_overdracht_datum] }
    source: { document: "test", section: "1" }
  T-02:
    kind: deadline
    title: { nl: b, en: b }
    severity: info
    from: [warme_overdracht_datum, overdracht_datum]
    anchor_required: true
    duration: { months: 3 }
    to: monitoring_3m_datum
    when: { any: [{ flags: { melder_anoniem: true } }, { absent: [contact_gezin_datum] }, { not: { route: [onderzoek, voorwaarden_en_vervolg, overdracht_lokaal_veld, geen_vervolg] } }] }
    source: { document: "test", section: "2" }
  T-03:
    kind: moment
    title: { nl: c, en: c }
    severity: error
    from: [dienst_afgerond_datum, warme_overdracht_datum]
    duration: { weeks: 6 }
    window: { before: 3, after: 9 }
    to: monitoring_12m_datum
    when: { flags: { monitoring_niet_nodig: false, gi_betrokken: true }, present: [overdracht_datum] }
    source: { document: "test", section: "3" }
  T-04:
    kind: required_items
    title: { nl: d, en: d }
    severity: error
    when: { present: [triage_besluit] }
    items:
      - ov_inhoud_melding
      - { field: ov_oordeel_vt, when: { route: [onderzoek] } }
      - { field: ov_contactgegevens_melder, unless: { flags: { melder_anoniem: true } } }
      - { field: ov_veiligheidsplan, when: { present_any: [warme_overdracht_datum] }, unless: { route: [geen_vervolg] } }
      - overdracht_via_triagetafel
    source: { document: "test", section: "4" }
  T-05:
    kind: consistency
    title: { nl: e, en: e }
    severity: warning
    when: { flags: { gi_betrokken: true } }
    require: { any: [{ route: [overdracht_gi] }, { not: { present_any: [overdracht_datum, veiligheidsbeoordeling_datum] } }] }
    source: { document: "test", section: "5" }
`;

function profiles(): [string, Profile][] {
  const file = join(dir, 'kernel-test.yaml');
  writeFileSync(file, CONDITIONS_YAML);
  return [
    ['zuid-limburg', loadProfile({ region: 'zuid-limburg' })],
    ['noord-oost-gelderland', loadProfile({ region: 'noord-oost-gelderland' })],
    ['landelijk', loadProfile({ region: 'landelijk' })],
    ['kernel-test', loadProfile({ profile: file })],
  ];
}

const PEILDATUM = parseIsoDay('2026-11-01')!;
const day0 = parseIsoDay('2024-01-01')!;

/** A random Case: every field empty or a value of its type, dates around one another. */
function randomCase(gemeente: string): fc.Arbitrary<Case> {
  const value = (f: (typeof FIELDS)[number]): fc.Arbitrary<Value> => {
    switch (FIELD_TYPES[f]) {
      case 'date':
        return fc.option(fc.integer({ min: day0, max: day0 + 1100 }), { nil: undefined });
      case 'bool':
      case 'item':
        return fc.option(fc.boolean(), { nil: undefined });
      case 'route':
        return fc.option(fc.constantFrom(...ROUTES), { nil: undefined });
      default:
        return fc.constant(f === 'dossier_id' ? 'VT-1' : gemeente);
    }
  };
  return fc.tuple(...FIELDS.map(value)).map((values) => ({
    dossierId: 'VT-1',
    gemeente,
    deelregio: undefined,
    route: values[FIELDS.indexOf('triage_besluit')] as Case['route'],
    meldingDatum: (values[FIELDS.indexOf('melding_datum')] as number | undefined) ?? day0,
    values: values.map((v, i) => (FIELDS[i] === 'melding_datum' ? (v ?? day0) : v)),
    file: 'a.csv',
    row: 2,
  }));
}

const plain = (r: Result) => ({ ...r, missing: r.missing ? [...r.missing] : undefined });

/** Both evaluations of a list of Cases: per rule, the Case evaluator's and the kernel's Result. */
function compare(profile: Profile, cases: Case[]): void {
  const ctx = ruleContext(profile, PEILDATUM);
  const rules = compileProfile(profile, ctx);
  const kernels = rules.map((r) => compileKernel(r.def, ctx));
  const results = new OutcomeResults(rules.map((r) => r.def));
  const out = new Int32Array(rules.length * OUT);
  const packer = new BatchPacker();
  packer.start(cases.length);
  for (const c of cases) packer.addCase(c, 0);
  const batch = packer.finish();
  const fromCases = new Aggregator(profile, rules);
  const fromRows = new Aggregator(profile, rules);
  let k = 0;
  new BatchUnpacker(['a.csv']).eachRow(
    batch,
    (row: PackedRow) => {
      const c = cases[k++];
      for (let i = 0; i < kernels.length; i++) kernels[i](row.ints, row.base, out, i * OUT);
      const expected = rules.map((r) => r.evaluate(c));
      for (let i = 0; i < rules.length; i++) {
        expect({ rule: rules[i].def.id, ...plain(results.fill(out, i)) }).toEqual({ rule: rules[i].def.id, ...plain(expected[i]) });
      }
      expect(row.dossierId).toBe(c.dossierId);
      expect(row.route).toBe(c.route);
      fromCases.add(c, expected);
      fromRows.addPacked(row.ints, row.base, row.place, out);
    },
    () => {
      throw new Error('no rejected rows here');
    },
  );
  expect(k).toBe(cases.length);
  expect(fromRows.summary()).toEqual(fromCases.summary());
}

describe('kernels = Case evaluators', () => {
  for (const [name, profile] of profiles()) {
    // landelijk has no gemeenten to generate cases for; its rules are in every regional profile
    if (name !== 'landelijk') it(`${name}: generated exports (every route, mostly plausible dates)`, () => {
      const synth = new CaseSynthesizer({ profile, cases: 4000, seed: `kernels-${name}`, until: parseIsoDay('2026-10-31')!, months: 30, invalid: 0 });
      const normalizer = new Normalizer(profile, EMPTY_MAPPING, { ids: new IdSet() });
      normalizer.begin({ file: 'a.csv', format: 'csv', header: [...FIELDS], delimiter: ';' } as unknown as OpenedInput);
      const cases: Case[] = [];
      let row = 1;
      for (const r of synth.rows()) {
        const c = normalizer.normalize({ row: ++row, values: csvLine(r, dutchDate).slice(0, -2).split(';') });
        if (!Array.isArray(c)) cases.push(c);
      }
      expect(cases.length).toBeGreaterThan(3900);
      compare(profile, cases);
    });

    it(`${name}: random rows (any field empty or any value)`, () => {
      const gemeente = Object.values(profile.deelregios).flat()[0] ?? 'Heerlen';
      fc.assert(
        fc.property(fc.array(randomCase(gemeente), { minLength: 1, maxLength: 40 }), (cases) => {
          compare(profile, cases);
        }),
        { numRuns: 150 },
      );
    });
  }
});
