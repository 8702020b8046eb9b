/** Build cases and evaluate single rules of a bundled profile, for rule tables. */
import { isoDate, parseIsoDay } from '../../src/calendar/days.js';
import { FIELD_INDEX, FIELD_TYPES, FIELDS, FieldName, Value } from '../../src/model/fields.js';

export { packValues };
import { loadProfile, Profile } from '../../src/profile/load.js';
import { compileRule, OUT, OutcomeResults, Result } from '../../src/rules/index.js';
import { ruleContext } from '../../src/engine/run.js';
import { packValues } from './reference-rules.js';

export type CaseInput = Partial<Record<FieldName, string | boolean>>;

const profiles = new Map<string, Profile>();
export function profile(region: string): Profile {
  let p = profiles.get(region);
  if (!p) {
    p = loadProfile({ region });
    profiles.set(region, p);
  }
  return p;
}

/** A case's values from readable values: dates as yyyy-mm-dd, booleans, items as true/false, route codes. */
export function caseValues(input: CaseInput): Value[] {
  const values: Value[] = new Array(FIELDS.length).fill(undefined);
  for (const [field, v] of Object.entries(input) as [FieldName, string | boolean][]) {
    if (v === undefined) continue;
    const type = FIELD_TYPES[field];
    if (type === 'date') {
      const d = parseIsoDay(String(v));
      if (d === undefined) throw new Error(`bad test date ${v}`);
      values[FIELD_INDEX[field]] = d;
    } else values[FIELD_INDEX[field]] = v;
  }
  values[FIELD_INDEX.dossier_id] ??= 'T-1';
  values[FIELD_INDEX.gemeente] ??= 'Heerlen';
  return values;
}

export interface Outcome {
  status: Result['status'];
  due?: string;
  actual?: string;
  daysLate?: number;
  windowStart?: string;
  windowEnd?: string;
  missing?: string[];
  anchor?: string;
}

/** Evaluate one rule of a bundled profile at a peildatum; dates come back as yyyy-mm-dd. */
export function evaluateRule(region: string, ruleId: string, input: CaseInput, peildatum: string, today = peildatum): Outcome {
  const p = profile(region);
  const def = p.rules.find((r) => r.id === ruleId);
  if (!def) throw new Error(`${ruleId} is not active in ${region}`);
  // the rule's one evaluator over the packed row, through the adapter findings use
  // today is the peildatum unless a table says otherwise: no table depends on the day it runs
  const kernel = compileRule(def, ruleContext(p, parseIsoDay(peildatum)!, parseIsoDay(today)!));
  const outcome = new Int32Array(OUT);
  kernel(packValues(caseValues(input)), 0, outcome, 0);
  const r = new OutcomeResults([def]).fill(outcome, 0);
  const out: Outcome = { status: r.status };
  if (r.due !== undefined) out.due = isoDate(r.due);
  if (r.actual !== undefined) out.actual = isoDate(r.actual);
  if (r.daysLate !== undefined) out.daysLate = r.daysLate;
  if (r.windowStart !== undefined) out.windowStart = isoDate(r.windowStart);
  if (r.windowEnd !== undefined) out.windowEnd = isoDate(r.windowEnd);
  if (r.missing) out.missing = r.missing;
  if (r.anchor !== undefined) out.anchor = isoDate(r.anchor);
  return out;
}

/**
 * A small CSV export with every canonical column: the columns the text lacks are added, empty.
 * A column that is missing makes the rules that read it not assessable (issue 13.1); a test about
 * one rule's outcome gives the others their columns, empty.
 */
export function withAllColumns(csv: string, delimiter = csv.includes(';') ? ';' : ','): string {
  const [head, ...rows] = csv.split('\n');
  const have = new Set(head.split(delimiter).map((h) => h.trim()));
  const extra = FIELDS.filter((f) => !have.has(f));
  const pad = extra.map(() => delimiter).join('');
  return [head + extra.map((f) => delimiter + f).join(''), ...rows.map((r) => (r ? r + pad : r))].join('\n');
}
