/**
 * `when`, `unless` and `require` conditions of a profile, compiled once into predicates over a
 * Case. Flags: `{ x: true }` holds only for an explicit ja; `{ x: false }` holds for nee and for an
 * empty cell, because unknown is not yes.
 */
import { Case, FIELD_INDEX, FieldName, RouteCode } from '../ingest/fields.js';
import type { ConditionSpec } from '../profile/schema.js';

export type Predicate = (c: Case) => boolean;

const ALWAYS: Predicate = () => true;

export function compileCondition(spec: ConditionSpec | undefined): Predicate {
  if (!spec) return ALWAYS;
  const parts: Predicate[] = [];
  const idx = (fields: FieldName[]) => fields.map((f) => FIELD_INDEX[f]);
  // Plain loops and comparisons instead of every/some callbacks and Sets: these predicates run
  // for every rule on every case (twelve million calls on a million rows).
  if (spec.route) {
    const has = routeTest(spec.route);
    parts.push((c) => c.route !== undefined && has(c.route));
  }
  if (spec.route_not) {
    const has = routeTest(spec.route_not);
    parts.push((c) => c.route === undefined || !has(c.route));
  }
  if (spec.present) {
    const fields = idx(spec.present);
    parts.push((c) => {
      for (let k = 0; k < fields.length; k++) if (!isPresent(c.values[fields[k]])) return false;
      return true;
    });
  }
  if (spec.present_any) {
    const fields = idx(spec.present_any);
    parts.push((c) => {
      for (let k = 0; k < fields.length; k++) if (isPresent(c.values[fields[k]])) return true;
      return false;
    });
  }
  if (spec.absent) {
    const fields = idx(spec.absent);
    parts.push((c) => {
      for (let k = 0; k < fields.length; k++) if (isPresent(c.values[fields[k]])) return false;
      return true;
    });
  }
  if (spec.flags) {
    for (const [field, wanted] of Object.entries(spec.flags)) {
      const i = FIELD_INDEX[field as FieldName];
      parts.push(wanted ? (c) => c.values[i] === true : (c) => c.values[i] !== true);
    }
  }
  if (spec.any) {
    const alternatives = spec.any.map(compileCondition);
    parts.push((c) => {
      for (let k = 0; k < alternatives.length; k++) if (alternatives[k](c)) return true;
      return false;
    });
  }
  if (spec.not) {
    const inner = compileCondition(spec.not);
    parts.push((c) => !inner(c));
  }
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [a, b] = parts;
    return (c) => a(c) && b(c);
  }
  if (parts.length === 3) {
    const [a, b, d] = parts;
    return (c) => a(c) && b(c) && d(c);
  }
  return (c) => {
    for (let k = 0; k < parts.length; k++) if (!parts[k](c)) return false;
    return true;
  };
}

/** Membership of a route in a short list: one or two comparisons, a Set only for long lists. */
function routeTest(routes: RouteCode[]): (r: RouteCode) => boolean {
  if (routes.length === 1) {
    const [a] = routes;
    return (r) => r === a;
  }
  if (routes.length === 2) {
    const [a, b] = routes;
    return (r) => r === a || r === b;
  }
  if (routes.length === 3) {
    const [a, b, d] = routes;
    return (r) => r === a || r === b || r === d;
  }
  const set = new Set(routes);
  return (r) => set.has(r);
}

/** A value counts as present when the cell had content; a handover item "nee" is stored as false. */
export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== false && v !== '';
}
