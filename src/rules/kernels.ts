/**
 * The rules once more, over packed rows: an Int32Array row as the ingest worker packs it
 * (src/engine/packed.ts: a day number per date, 1/0 for ja/nee, the index in ROUTES for a route,
 * NONE for an empty cell) instead of a Case. A million-row check on two cores spent most of the
 * main thread's time turning packed rows back into Cases and the results into objects; a kernel
 * reads the ints where they are and writes its outcome as ints (status index, dates, days late,
 * window, missing items as a bit mask). The Case evaluators (deadline.ts, moment.ts, …) stay the
 * reference: test/rules/kernels.test.ts runs both over generated and random rows of every bundled
 * profile and of condition-heavy test profiles, and requires the same outcome for every rule.
 */
import { FIELD_INDEX, FIELD_TYPES, FieldName, ROUTES } from '../ingest/fields.js';
import { EMPTY_CELL } from '../ingest/normalize.js';
import type { ConditionSpec } from '../profile/schema.js';
import type { RuleDef } from '../profile/load.js';
import { dueDateFn, result, Result, RuleContext, Status, STATUSES } from './types.js';

/** An empty cell in a packed row (the one constant of normalize.ts, also packed.ts NONE). */
export const NONE = EMPTY_CELL;

/** Ints per rule outcome in a kernel's output row. */
export const OUT = 7;
export const O_STATUS = 0;
export const O_DUE = 1;
export const O_ACTUAL = 2;
export const O_DAYS = 3;
export const O_WINDOW_START = 4;
export const O_WINDOW_END = 5;
/** required_items: bit k set when item k (in the rule's order) is missing; deadline: 1 when the anchor is */
export const O_MISSING = 6;

const S = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

export type IntPredicate = (ints: Int32Array, base: number) => boolean;
/** Writes a rule's outcome for the row at ints[base…] to out[o…o+OUT). */
export type Kernel = (ints: Int32Array, base: number, out: Int32Array, o: number) => void;

const ALWAYS: IntPredicate = () => true;

const IS_FLAG = (f: FieldName) => FIELD_TYPES[f] === 'bool' || FIELD_TYPES[f] === 'item';

/** isPresent (conditions.ts) of a packed cell: a flag only when ja, anything else when not empty. */
function presentFn(field: FieldName): IntPredicate {
  const i = FIELD_INDEX[field];
  return IS_FLAG(field) ? (ints, b) => ints[b + i] === 1 : (ints, b) => ints[b + i] !== NONE;
}

/** compileCondition (conditions.ts) over packed rows. */
export function compileIntCondition(spec: ConditionSpec | undefined): IntPredicate {
  if (!spec) return ALWAYS;
  const parts: IntPredicate[] = [];
  const ROUTE = FIELD_INDEX.triage_besluit;
  const routeSet = (routes: readonly string[]) => Uint8Array.from(ROUTES, (r) => (routes.includes(r) ? 1 : 0));
  if (spec.route) {
    const set = routeSet(spec.route);
    parts.push((ints, b) => {
      const v = ints[b + ROUTE];
      return v !== NONE && set[v] === 1;
    });
  }
  if (spec.route_not) {
    const set = routeSet(spec.route_not);
    parts.push((ints, b) => {
      const v = ints[b + ROUTE];
      return v === NONE || set[v] === 0;
    });
  }
  if (spec.present) {
    const tests = spec.present.map(presentFn);
    parts.push((ints, b) => {
      for (let k = 0; k < tests.length; k++) if (!tests[k](ints, b)) return false;
      return true;
    });
  }
  if (spec.present_any) {
    const tests = spec.present_any.map(presentFn);
    parts.push((ints, b) => {
      for (let k = 0; k < tests.length; k++) if (tests[k](ints, b)) return true;
      return false;
    });
  }
  if (spec.absent) {
    const tests = spec.absent.map(presentFn);
    parts.push((ints, b) => {
      for (let k = 0; k < tests.length; k++) if (tests[k](ints, b)) return false;
      return true;
    });
  }
  if (spec.flags) {
    for (const [field, wanted] of Object.entries(spec.flags)) {
      const i = FIELD_INDEX[field as FieldName];
      parts.push(wanted ? (ints, b) => ints[b + i] === 1 : (ints, b) => ints[b + i] !== 1);
    }
  }
  if (spec.any) {
    const alternatives = spec.any.map(compileIntCondition);
    parts.push((ints, b) => {
      for (let k = 0; k < alternatives.length; k++) if (alternatives[k](ints, b)) return true;
      return false;
    });
  }
  if (spec.not) {
    const inner = compileIntCondition(spec.not);
    parts.push((ints, b) => !inner(ints, b));
  }
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [p, q] = parts;
    return (ints, b) => p(ints, b) && q(ints, b);
  }
  return (ints, b) => {
    for (let k = 0; k < parts.length; k++) if (!parts[k](ints, b)) return false;
    return true;
  };
}

/** anchorFn (types.ts) over packed rows: the first date present among the fields, or NONE. */
export function intAnchorFn(from: FieldName | FieldName[]): (ints: Int32Array, base: number) => number {
  const fields = (Array.isArray(from) ? from : [from]).map((f) => FIELD_INDEX[f]);
  if (fields.length === 1) {
    const i = fields[0];
    return (ints, b) => ints[b + i];
  }
  return (ints, b) => {
    for (let k = 0; k < fields.length; k++) {
      const v = ints[b + fields[k]];
      if (v !== NONE) return v;
    }
    return NONE;
  };
}

function write(out: Int32Array, o: number, status: number, due = NONE, actual = NONE, days = NONE, ws = NONE, we = NONE, missing = 0): void {
  out[o] = status;
  out[o + O_DUE] = due;
  out[o + O_ACTUAL] = actual;
  out[o + O_DAYS] = days;
  out[o + O_WINDOW_START] = ws;
  out[o + O_WINDOW_END] = we;
  out[o + O_MISSING] = missing;
}

function deadlineKernel(def: RuleDef, ctx: RuleContext): Kernel {
  const spec = def.spec;
  if (spec.kind !== 'deadline') throw new Error(`${def.id} is not a deadline`);
  const when = compileIntCondition(spec.when);
  const anchor = intAnchorFn(spec.from);
  const dueOf = dueDateFn(ctx.calendar, spec.duration);
  const to = FIELD_INDEX[spec.to];
  const required = Boolean(spec.anchor_required);
  const peildatum = ctx.peildatum;
  return (ints, b, out, o) => {
    if (!when(ints, b)) return write(out, o, S.not_applicable);
    const a = anchor(ints, b);
    if (a === NONE) return write(out, o, required ? S.missing : S.not_applicable, NONE, NONE, NONE, NONE, NONE, required ? 1 : 0);
    const due = dueOf(a);
    const actual = ints[b + to];
    if (actual !== NONE) return actual <= due ? write(out, o, S.on_time, due, actual) : write(out, o, S.late, due, actual, actual - due);
    return due < peildatum ? write(out, o, S.overdue, due, NONE, peildatum - due) : write(out, o, S.pending, due);
  };
}

function momentKernel(def: RuleDef, ctx: RuleContext): Kernel {
  const spec = def.spec;
  if (spec.kind !== 'moment') throw new Error(`${def.id} is not a moment`);
  const when = compileIntCondition(spec.when);
  const anchor = intAnchorFn(spec.from);
  const dueOf = dueDateFn(ctx.calendar, spec.duration);
  const to = FIELD_INDEX[spec.to];
  const { before, after } = spec.window ?? ctx.momentWindow;
  const peildatum = ctx.peildatum;
  return (ints, b, out, o) => {
    if (!when(ints, b)) return write(out, o, S.not_applicable);
    const a = anchor(ints, b);
    if (a === NONE) return write(out, o, S.not_applicable);
    const due = dueOf(a);
    const ws = due - before;
    const we = due + after;
    const actual = ints[b + to];
    if (actual !== NONE) {
      if (actual < ws) return write(out, o, S.early, due, actual, NONE, ws, we);
      if (actual <= we) return write(out, o, S.on_time, due, actual, NONE, ws, we);
      return write(out, o, S.late, due, actual, actual - we, ws, we);
    }
    return we < peildatum ? write(out, o, S.overdue, due, NONE, peildatum - we, ws, we) : write(out, o, S.pending, due, NONE, NONE, ws, we);
  };
}

function requiredItemsKernel(def: RuleDef): Kernel {
  const spec = def.spec;
  if (spec.kind !== 'required_items') throw new Error(`${def.id} is not required_items`);
  if (spec.items.length > 30) throw new Error(`${def.id}: more than 30 items`);
  const when = compileIntCondition(spec.when);
  const items = spec.items.map((item) => {
    const field: FieldName = typeof item === 'string' ? item : item.field;
    return {
      present: presentFn(field),
      when: typeof item === 'string' || !item.when ? undefined : compileIntCondition(item.when),
      unless: typeof item === 'string' || !item.unless ? undefined : compileIntCondition(item.unless),
    };
  });
  return (ints, b, out, o) => {
    if (!when(ints, b)) return write(out, o, S.not_applicable);
    let missing = 0;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item.when && !item.when(ints, b)) continue;
      if (item.unless && item.unless(ints, b)) continue;
      if (!item.present(ints, b)) missing |= 1 << k;
    }
    write(out, o, missing ? S.missing : S.on_time, NONE, NONE, NONE, NONE, NONE, missing);
  };
}

function consistencyKernel(def: RuleDef): Kernel {
  const spec = def.spec;
  if (spec.kind !== 'consistency') throw new Error(`${def.id} is not a consistency rule`);
  const when = compileIntCondition(spec.when);
  const require = compileIntCondition(spec.require);
  return (ints, b, out, o) => write(out, o, !when(ints, b) ? S.not_applicable : require(ints, b) ? S.on_time : S.violated);
}

export function compileKernel(def: RuleDef, ctx: RuleContext): Kernel {
  switch (def.spec.kind) {
    case 'deadline':
      return deadlineKernel(def, ctx);
    case 'moment':
      return momentKernel(def, ctx);
    case 'required_items':
      return requiredItemsKernel(def);
    case 'consistency':
      return consistencyKernel(def);
  }
}

/** A packed day or number, or undefined for an empty one. */
const v = (x: number): number | undefined => (x === NONE ? undefined : x);

/**
 * Kernel outcomes back as Results, for what reports a finding (FindingWriter): one Result object
 * per rule, overwritten row after row, and the missing-item lists made once per bit mask.
 */
export class OutcomeResults {
  readonly results: Result[];
  private readonly missingLists: Map<number, FieldName[]>[];

  constructor(private readonly defs: RuleDef[]) {
    this.results = defs.map(() => result('not_applicable'));
    this.missingLists = defs.map(() => new Map());
  }

  /** Fill results[i] from out[i * OUT…]. */
  fill(out: Int32Array, i: number): Result {
    const o = i * OUT;
    const r = this.results[i];
    r.status = STATUSES[out[o]];
    r.due = v(out[o + O_DUE]);
    r.actual = v(out[o + O_ACTUAL]);
    r.daysLate = v(out[o + O_DAYS]);
    r.windowStart = v(out[o + O_WINDOW_START]);
    r.windowEnd = v(out[o + O_WINDOW_END]);
    const mask = out[o + O_MISSING];
    r.missing = mask === 0 ? undefined : this.missing(i, mask);
    return r;
  }

  private missing(i: number, mask: number): FieldName[] {
    let list = this.missingLists[i].get(mask);
    if (list === undefined) {
      const spec = this.defs[i].spec;
      if (spec.kind === 'deadline') list = [spec.from].flat();
      else if (spec.kind === 'required_items') {
        list = spec.items.map((item) => (typeof item === 'string' ? item : item.field)).filter((_f, k) => mask & (1 << k));
      } else list = [];
      this.missingLists[i].set(mask, list);
    }
    return list;
  }
}
