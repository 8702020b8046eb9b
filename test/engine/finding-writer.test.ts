/**
 * FindingWriter (compiled messages, JSON fragments and byte writing) must give exactly the
 * bytes of findingLine(toFinding(…)) / findingCsvRow(toFinding(…)) for every result of every
 * rule, in both languages, including the statuses that are only printed with --include-passed.
 * toFinding here is the plain reading of the catalogue (t() with the message's parameters).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Day, isoDate, parseIsoDay } from '../../src/calendar/days.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { csvLine } from '../../src/generate/writers.js';
import { dutchDate } from '../../src/calendar/days.js';
import { localized, setLang, t } from '../../src/i18n/index.js';
import { CsvParser } from '../../src/ingest/csv.js';
import { FIELD_INDEX, FIELDS, ROUTES } from '../../src/model/fields.js';
import { EMPTY_CELL, Place, STRIDE } from '../../src/model/row.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { loadProfile, regionalProfileIds } from '../../src/profile/load.js';
import { findingCsvRow } from '../../src/report/csv.js';
import { ByteBuffer } from '../../src/report/bytes.js';
import { FindingWriter } from '../../src/report/finding-writer.js';
import { Finding, FindingRow, isFinding } from '../../src/report/findings.js';
import { findingLine } from '../../src/report/jsonl.js';
import { displayDate, fieldLabel, routeLabel } from '../../src/report/messages.js';
import { sourceText } from '../../src/report/aggregate.js';
import { compileRule, OUT, OutcomeResults, Result, RuleDef } from '../../src/rules/index.js';
import { ruleContext } from '../../src/engine/run.js';

/** The message of a result, read from the catalogue as the SPEC describes each status. */
function findingMessage(c: FindingRow, def: RuleDef, r: Result): string {
  const spec = def.spec;
  const to = 'to' in spec ? fieldLabel(spec.to) : '';
  const d = (x: Day | undefined) => (x === undefined ? '' : displayDate(x));
  const common = { to, due: d(r.due), actual: d(r.actual), days: r.daysLate ?? 0, start: d(r.windowStart), end: d(r.windowEnd) };
  switch (r.status) {
    case 'on_time':
      return spec.kind === 'deadline' || spec.kind === 'moment' ? t('msg.onTime', common) : t('msg.complete');
    case 'not_applicable':
      return t('msg.notApplicable');
    case 'missing':
      return t('msg.missing', { items: (r.missing ?? []).map(fieldLabel).join(', ') });
    case 'violated':
      return t('msg.violated', { title: localized(spec.title), route: routeLabel(c.route) });
    default:
      return t(`msg.${spec.kind === 'moment' ? 'moment' : 'deadline'}.${r.status}`, common);
  }
}

function toFinding(c: FindingRow, def: RuleDef, r: Result): Finding {
  return {
    dossier_id: c.dossierId,
    gemeente: c.place.gemeente,
    deelregio: c.place.deelregio ?? null,
    rule_id: def.id,
    status: r.status,
    severity: def.spec.severity,
    due_date: r.due === undefined ? null : isoDate(r.due),
    actual_date: r.actual === undefined ? null : isoDate(r.actual),
    days_late: r.daysLate ?? null,
    message: findingMessage(c, def, r),
    source: sourceText(def.spec.source),
  };
}

afterEach(() => setLang('nl'));

function casesOf(region: string, n: number) {
  const profile = loadProfile({ region });
  const until = parseIsoDay('2026-10-31')!;
  const synth = new CaseSynthesizer({ profile, cases: n, seed: 'writer-' + region, until, months: 30, invalid: 0 });
  let text = '';
  for (const row of synth.rows()) text += csvLine(row, dutchDate);
  const header = FIELDS.join(';');
  const parser = new CsvParser(';');
  const records = [...parser.push(header + '\r\n' + text), ...parser.end()];
  const input = { file: 'x.csv', format: 'csv', header: records[0].fields } as unknown as OpenedInput;
  const normalizer = new Normalizer(profile, EMPTY_MAPPING);
  normalizer.begin(input);
  const cases: { row: FindingRow; ints: Int32Array }[] = [];
  // one place object per gemeente, as the engine hands them out
  const places = new Map<string, Place>();
  const placeOf = (gemeente: string, deelregio: string | undefined): Place => {
    let p = places.get(gemeente);
    if (!p) places.set(gemeente, (p = { gemeente, deelregio }));
    return p;
  };
  for (const r of records.slice(1)) {
    const ints = new Int32Array(STRIDE);
    if (normalizer.normalize({ row: r.row, values: r.fields }, ints, 0) !== true) continue;
    const route = ints[FIELD_INDEX.triage_besluit];
    cases.push({ ints, row: { dossierId: normalizer.spanRow.dossierId, place: placeOf(normalizer.spanRow.gemeente, normalizer.spanRow.deelregio), route: route === EMPTY_CELL ? undefined : ROUTES[route] } });
  }
  return { profile, cases };
}

describe.each(regionalProfileIds())('FindingWriter on %s', (region) => {
  it.each(['nl', 'en'] as const)('matches toFinding + findingLine/findingCsvRow byte for byte (%s)', (lang) => {
    setLang(lang);
    const { profile, cases } = casesOf(region, 1500);
    expect(cases.length).toBe(1500);
    const rules = profile.rules;
    const ctx = ruleContext(profile, parseIsoDay('2026-11-01')!, parseIsoDay('2026-12-01')!);
    const kernels = rules.map((r) => compileRule(r, ctx));
    const results = new OutcomeResults(rules);
    const out = new Int32Array(rules.length * OUT);
    const writer = new FindingWriter(rules);
    const seen = new Set<string>();
    const buffer = new ByteBuffer(256); // small, so it has to grow
    const bytes: string[] = [];
    for (const { row: c, ints } of cases) {
      kernels.forEach((k, i) => k(ints, 0, out, i * OUT));
      rules.forEach((rule, i) => {
        const r = results.fill(out, i);
        seen.add(`${rule.id}:${r.status}`);
        const f = toFinding(c, rule, r);
        expect(writer.finding(c, i, r)).toEqual(f);
        expect(writer.jsonLine(c, i, r)).toBe(findingLine(f));
        expect(findingCsvRow(writer.finding(c, i, r))).toBe(findingCsvRow(f));
        const pseudo = { ...f, dossier_id: 'P-"quoted"' };
        expect(writer.jsonLine(c, i, r, 'P-"quoted"')).toBe(findingLine(pseudo));
        if (isFinding(r.status)) {
          bytes.push(findingLine(f));
          writer.jsonLineInto(buffer, c, i, r);
        }
      });
    }
    expect(buffer.take().toString('utf8')).toBe(bytes.join(''));
    // the generated data reach every status a rule kind can have
    const statuses = new Set([...seen].map((s) => s.split(':')[1]));
    expect([...statuses].sort()).toEqual(['early', 'late', 'missing', 'not_applicable', 'on_time', 'overdue', 'pending', 'violated']);
  });
});

describe('ByteBuffer.jsonString', () => {
  it('writes what JSON.stringify writes, for plain, escaped, non-ASCII and surrogate text', () => {
    const samples = ['VT-2026-000001', 'a"b', 'back\\slash', 'tab\tx', 'é€✓', '😀', 'lone \ud800 x', '\u2028', ''];
    const b = new ByteBuffer(4);
    for (const s of samples) b.jsonString(s);
    b.ascii('12-03-2026');
    expect(b.take().toString('utf8')).toBe(samples.map((s) => JSON.stringify(s)).join('') + '12-03-2026');
  });
});
