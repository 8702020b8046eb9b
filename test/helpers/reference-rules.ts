/**
 * A reference model of the rule kinds for tests: a plain interpreter over a case's values (a date
 * as a day number, a flag or handover item as a boolean, a route as its code, undefined for an
 * empty cell), written from SPEC §5 apart from src/rules (which compiles kernels over packed
 * rows). test/rules/kinds.test.ts requires both to agree on generated and random rows.
 */
import type { Day } from '../../src/calendar/days.js';
import { FIELD_INDEX, FIELD_TYPES, FIELDS, FieldName, ROUTES, Value } from '../../src/model/fields.js';
import { EMPTY_CELL, STRIDE } from '../../src/model/row.js';
import type { ConditionSpec } from '../../src/rules/conditions.js';
import type { RuleDef } from '../../src/rules/registry.js';
import type { Result, RuleContext } from '../../src/rules/types.js';

const get = (values: Value[], f: FieldName) => values[FIELD_INDEX[f]];
/** A field is present when its cell had content; a handover item or flag "nee" is not. */
const present = (v: Value) => v !== undefined && v !== false && v !== '';

export function holds(c: ConditionSpec | undefined, values: Value[]): boolean {
  if (!c) return true;
  const route = get(values, 'triage_besluit') as string | undefined;
  if (c.route && !(route !== undefined && c.route.includes(route as never))) return false;
  if (c.route_not && route !== undefined && c.route_not.includes(route as never)) return false;
  if (c.present && !c.present.every((f) => present(get(values, f)))) return false;
  if (c.present_any && !c.present_any.some((f) => present(get(values, f)))) return false;
  if (c.absent && c.absent.some((f) => present(get(values, f)))) return false;
  for (const [f, wanted] of Object.entries(c.flags ?? {})) {
    const isYes = get(values, f as FieldName) === true;
    if (wanted ? !isYes : isYes) return false;
  }
  if (c.any && !c.any.some((a) => holds(a, values))) return false;
  if (c.not && holds(c.not, values)) return false;
  return true;
}

function anchor(from: FieldName | FieldName[], values: Value[]): Day | undefined {
  for (const f of [from].flat()) {
    const v = get(values, f);
    if (v !== undefined) return v as Day;
  }
  return undefined;
}

/**
 * A term's dates as they stood at the peildatum: a completion before the anchor, or any date after
 * today, cannot be right; an anchor after the peildatum had not begun; a completion after the
 * peildatum (not after today) had not happened yet.
 */
function asOfPeildatum(a: Day, actual: Day | undefined, ctx: RuleContext): 'implausible' | 'not-begun' | { actual: Day | undefined } {
  if (a > ctx.today || (actual !== undefined && (actual < a || actual > ctx.today))) return 'implausible';
  if (a > ctx.peildatum) return 'not-begun';
  return { actual: actual !== undefined && actual > ctx.peildatum ? undefined : actual };
}

function implausibleResult(a: Day, actual: Day | undefined, ctx: RuleContext): Result {
  return { status: 'implausible', actual: a > ctx.today ? a : actual, anchor: a };
}

/** The outcome of one rule for one case, as the rule kinds define it. */
export function referenceResult(def: RuleDef, values: Value[], ctx: RuleContext): Result {
  const spec = def.spec;
  const na: Result = { status: 'not_applicable' };
  if (!holds(spec.when, values)) return na;
  switch (spec.kind) {
    case 'deadline': {
      const a = anchor(spec.from, values);
      if (a === undefined) return spec.anchor_required ? { status: 'missing', missing: [spec.from].flat() } : na;
      const seen = asOfPeildatum(a, get(values, spec.to) as Day | undefined, ctx);
      if (seen === 'implausible' || seen === 'not-begun') return seen === 'not-begun' ? na : implausibleResult(a, get(values, spec.to) as Day | undefined, ctx);
      const due = ctx.calendar.addDuration(a, spec.duration);
      const actual = seen.actual;
      if (actual !== undefined) return actual <= due ? { status: 'on_time', due, actual } : { status: 'late', due, actual, daysLate: actual - due };
      return due < ctx.peildatum ? { status: 'overdue', due, daysLate: ctx.peildatum - due } : { status: 'pending', due };
    }
    case 'moment': {
      const a = anchor(spec.from, values);
      if (a === undefined) return na;
      const seen = asOfPeildatum(a, get(values, spec.to) as Day | undefined, ctx);
      if (seen === 'implausible' || seen === 'not-begun') return seen === 'not-begun' ? na : implausibleResult(a, get(values, spec.to) as Day | undefined, ctx);
      const due = ctx.calendar.addDuration(a, spec.duration);
      const { before, after } = spec.window ?? ctx.momentWindow;
      const windowStart = due - before;
      const windowEnd = due + after;
      const actual = seen.actual;
      if (actual !== undefined) {
        if (actual < windowStart) return { status: 'early', due, actual, windowStart, windowEnd };
        if (actual <= windowEnd) return { status: 'on_time', due, actual, windowStart, windowEnd };
        return { status: 'late', due, actual, daysLate: actual - windowEnd, windowStart, windowEnd };
      }
      return windowEnd < ctx.peildatum
        ? { status: 'overdue', due, daysLate: ctx.peildatum - windowEnd, windowStart, windowEnd }
        : { status: 'pending', due, windowStart, windowEnd };
    }
    case 'required_items': {
      const missing = spec.items
        .filter((item) => typeof item === 'string' || ((!item.when || holds(item.when, values)) && !(item.unless && holds(item.unless, values))))
        .map((item) => (typeof item === 'string' ? item : item.field))
        .filter((f) => !present(get(values, f)));
      return missing.length ? { status: 'missing', missing } : { status: 'on_time' };
    }
    case 'consistency':
      return holds(spec.require, values) ? { status: 'on_time' } : { status: 'violated' };
  }
}

/** A case's values as a packed row (src/model/row.ts), the way the normaliser writes them. */
export function packValues(values: Value[], ints = new Int32Array(STRIDE), base = 0): Int32Array {
  FIELDS.forEach((f, i) => {
    const v = values[i];
    if (v === undefined) ints[base + i] = EMPTY_CELL;
    else if (FIELD_TYPES[f] === 'date') ints[base + i] = v as number;
    else if (FIELD_TYPES[f] === 'bool' || FIELD_TYPES[f] === 'item') ints[base + i] = v ? 1 : 0;
    else if (FIELD_TYPES[f] === 'route') ints[base + i] = ROUTES.indexOf(v as (typeof ROUTES)[number]);
    else ints[base + i] = 0;
  });
  return ints;
}

/** A packed row's values back (texts as given). */
export function unpackValues(ints: Int32Array, base: number, texts: { dossierId: string; gemeente: string }): Value[] {
  return FIELDS.map((f, i) => {
    const v = ints[base + i];
    if (v === EMPTY_CELL) return undefined;
    switch (FIELD_TYPES[f]) {
      case 'date':
        return v;
      case 'bool':
      case 'item':
        return v === 1;
      case 'route':
        return ROUTES[v];
      default:
        return f === 'dossier_id' ? texts.dossierId : texts.gemeente;
    }
  });
}
