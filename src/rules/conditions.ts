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
  if (spec.route) {
    const routes = new Set<RouteCode>(spec.route);
    parts.push((c) => c.route !== undefined && routes.has(c.route));
  }
  if (spec.route_not) {
    const routes = new Set<RouteCode>(spec.route_not);
    parts.push((c) => c.route === undefined || !routes.has(c.route));
  }
  if (spec.present) {
    const fields = idx(spec.present);
    parts.push((c) => fields.every((i) => isPresent(c.values[i])));
  }
  if (spec.present_any) {
    const fields = idx(spec.present_any);
    parts.push((c) => fields.some((i) => isPresent(c.values[i])));
  }
  if (spec.absent) {
    const fields = idx(spec.absent);
    parts.push((c) => fields.every((i) => !isPresent(c.values[i])));
  }
  if (spec.flags) {
    for (const [field, wanted] of Object.entries(spec.flags)) {
      const i = FIELD_INDEX[field as FieldName];
      parts.push(wanted ? (c) => c.values[i] === true : (c) => c.values[i] !== true);
    }
  }
  if (spec.any) {
    const alternatives = spec.any.map(compileCondition);
    parts.push((c) => alternatives.some((p) => p(c)));
  }
  if (spec.not) {
    const inner = compileCondition(spec.not);
    parts.push((c) => !inner(c));
  }
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0];
  return (c) => {
    for (const p of parts) if (!p(c)) return false;
    return true;
  };
}

/** A value counts as present when the cell had content; a handover item "nee" is stored as false. */
export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== false && v !== '';
}
