/**
 * The rule kinds (src/rules/kinds/*.ts, one compiled evaluator each over packed rows) against the
 * reference model of test/helpers/reference-rules.ts (an interpreter over plain values): every
 * rule of every bundled profile, and of a test profile that uses every kind of condition, must give
 * the same outcome on the same row (status, due date, actual date, days late, window, missing
 * items), through the outcome adapter that findings and the agenda use.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { ruleContext } from '../../src/engine/run.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { FIELD_TYPES, FIELDS, ROUTES, Value } from '../../src/model/fields.js';
import { STRIDE } from '../../src/model/row.js';
import { IdSet } from '../../src/ingest/idset.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { bundledProfileIds, loadProfile, Profile } from '../../src/profile/load.js';
import { compileRule, OUT, OutcomeResults, Result } from '../../src/rules/index.js';
import { csvLine } from '../../src/generate/writers.js';
import { dutchDate } from '../../src/calendar/days.js';
import { packValues, referenceResult, unpackValues } from '../helpers/reference-rules.js';

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
  return [...bundledProfileIds().map((id): [string, Profile] => [id, loadProfile({ region: id })]), ['kernel-test', loadProfile({ profile: file })]];
}

const PEILDATUM = parseIsoDay('2026-11-01')!;
/** the day of the run: the random dates reach past it (implausible) and lie between it and the peildatum */
const TODAY = parseIsoDay('2026-12-15')!;
const day0 = parseIsoDay('2024-01-01')!;

/** Random values of a case: every field empty or a value of its type, dates around one another. */
function randomValues(gemeente: string): fc.Arbitrary<Value[]> {
  const value = (f: (typeof FIELDS)[number]): fc.Arbitrary<Value> => {
    switch (FIELD_TYPES[f]) {
      case 'date':
        return f === 'melding_datum'
          ? fc.integer({ min: day0, max: day0 + 1100 })
          : fc.option(fc.integer({ min: day0, max: day0 + 1100 }), { nil: undefined });
      case 'bool':
      case 'item':
        return fc.option(fc.boolean(), { nil: undefined });
      case 'route':
        return fc.option(fc.constantFrom(...ROUTES), { nil: undefined });
      default:
        return fc.constant(f === 'dossier_id' ? 'VT-1' : gemeente);
    }
  };
  return fc.tuple(...FIELDS.map(value));
}

const plain = (r: Result) => ({
  status: r.status,
  ...(r.due !== undefined ? { due: r.due } : {}),
  ...(r.actual !== undefined ? { actual: r.actual } : {}),
  ...(r.daysLate !== undefined ? { daysLate: r.daysLate } : {}),
  ...(r.windowStart !== undefined ? { windowStart: r.windowStart } : {}),
  ...(r.windowEnd !== undefined ? { windowEnd: r.windowEnd } : {}),
  ...(r.missing ? { missing: [...r.missing] } : {}),
  ...(r.anchor !== undefined ? { anchor: r.anchor } : {}),
});

/** Every rule's kernel on each case's packed row, against the reference model on its values. */
function compare(profile: Profile, cases: Value[][]): void {
  const ctx = ruleContext(profile, PEILDATUM, TODAY);
  const rules = profile.rules;
  const kernels = rules.map((r) => compileRule(r, ctx));
  const results = new OutcomeResults(rules);
  const out = new Int32Array(rules.length * OUT);
  const ints = new Int32Array(STRIDE);
  for (const values of cases) {
    packValues(values, ints);
    for (let i = 0; i < kernels.length; i++) kernels[i](ints, 0, out, i * OUT);
    for (let i = 0; i < rules.length; i++) {
      expect({ rule: rules[i].id, ...plain(results.fill(out, i)) }).toEqual({ rule: rules[i].id, ...plain(referenceResult(rules[i], values, ctx)) });
    }
  }
}

describe('rule kinds = the reference model', () => {
  for (const [name, profile] of profiles()) {
    // landelijk has no gemeenten to generate cases for; its rules are in every regional profile
    if (name !== 'landelijk') it(`${name}: generated exports (every route, mostly plausible dates)`, () => {
      const synth = new CaseSynthesizer({ profile, cases: 4000, seed: `kernels-${name}`, until: parseIsoDay('2026-10-31')!, months: 30, invalid: 0 });
      const normalizer = new Normalizer(profile, EMPTY_MAPPING, { ids: new IdSet() });
      normalizer.begin({ file: 'a.csv', format: 'csv', header: [...FIELDS], delimiter: ';' } as unknown as OpenedInput);
      const cases: Value[][] = [];
      const ints = new Int32Array(STRIDE);
      let row = 1;
      for (const r of synth.rows()) {
        if (normalizer.normalize({ row: ++row, values: csvLine(r, dutchDate).slice(0, -2).split(';') }, ints, 0) === true) {
          cases.push(unpackValues(ints, 0, { dossierId: normalizer.spanRow.dossierId, gemeente: normalizer.spanRow.gemeente }));
        }
      }
      expect(cases.length).toBeGreaterThan(3900);
      compare(profile, cases);
    });

    it(`${name}: random rows (any field empty or any value)`, () => {
      const gemeente = Object.values(profile.deelregios).flat()[0] ?? 'Heerlen';
      fc.assert(
        fc.property(fc.array(randomValues(gemeente), { minLength: 1, maxLength: 40 }), (cases) => {
          compare(profile, cases);
        }),
        { numRuns: 150 },
      );
    });
  }
});
