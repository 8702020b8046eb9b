/**
 * FindingWriter (the fast path of streamed findings) must give exactly the bytes of
 * findingLine(toFinding(…)) / findingCsvRow(toFinding(…)) for every result of every rule,
 * in both languages, including the statuses that are only printed with --include-passed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { csvLine } from '../../src/generate/writers.js';
import { dutchDate } from '../../src/calendar/days.js';
import { setLang } from '../../src/i18n/index.js';
import { CsvParser } from '../../src/ingest/csv.js';
import { FIELDS } from '../../src/ingest/fields.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { loadProfile } from '../../src/profile/load.js';
import { findingCsvRow } from '../../src/report/csv.js';
import { ByteBuffer, FindingWriter, isFinding, toFinding } from '../../src/report/findings.js';
import { findingLine } from '../../src/report/jsonl.js';
import { compileProfile } from '../../src/rules/index.js';
import { ruleContext } from '../../src/engine/run.js';

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
  const cases = records.slice(1).map((r) => normalizer.normalize({ row: r.row, values: r.fields }));
  return { profile, cases: cases.filter((c) => !Array.isArray(c)) as Exclude<(typeof cases)[number], unknown[]>[] };
}

describe.each(['zuid-limburg', 'noord-oost-gelderland'])('FindingWriter on %s', (region) => {
  it.each(['nl', 'en'] as const)('matches toFinding + findingLine/findingCsvRow byte for byte (%s)', (lang) => {
    setLang(lang);
    const { profile, cases } = casesOf(region, 1500);
    expect(cases.length).toBe(1500);
    const rules = compileProfile(profile, ruleContext(profile, parseIsoDay('2026-11-01')!));
    const writer = new FindingWriter(rules.map((r) => r.def));
    const seen = new Set<string>();
    const buffer = new ByteBuffer(256); // small, so it has to grow
    const bytes: string[] = [];
    for (const c of cases) {
      rules.forEach((rule, i) => {
        const r = rule.evaluate(c);
        seen.add(`${rule.def.id}:${r.status}`);
        const f = toFinding(c, rule.def, r);
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
