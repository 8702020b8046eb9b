/**
 * `when`, `unless` and `require` conditions of a profile: their schema, the fields they read, how
 * they read in `rules show`, and their one evaluator, compiled once into a predicate over a packed
 * row (src/model/row.ts). Flags: `{ x: true }` holds only for an explicit ja; `{ x: false }` holds
 * for nee and for an empty cell, because unknown is not yes.
 */
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { FIELD_INDEX, FIELD_TYPES, FieldName, ROUTES, RouteCode } from '../model/fields.js';
import { EMPTY_CELL } from '../model/row.js';
import { BoolFieldSchema, FieldNameSchema, RouteSchema } from '../model/schema.js';

export interface ConditionSpec {
  route?: RouteCode[];
  route_not?: RouteCode[];
  present?: FieldName[];
  present_any?: FieldName[];
  absent?: FieldName[];
  flags?: Partial<Record<FieldName, boolean>>;
  any?: ConditionSpec[];
  not?: ConditionSpec;
}

export const ConditionSchema: z.ZodType<ConditionSpec> = z.lazy(() =>
  z.strictObject({
    route: z.array(RouteSchema).min(1).optional(),
    route_not: z.array(RouteSchema).min(1).optional(),
    present: z.array(FieldNameSchema).min(1).optional(),
    present_any: z.array(FieldNameSchema).min(1).optional(),
    absent: z.array(FieldNameSchema).min(1).optional(),
    flags: z.partialRecord(BoolFieldSchema, z.boolean()).optional(),
    any: z.array(ConditionSchema).min(1).optional(),
    not: ConditionSchema.optional(),
  }),
);

/** The fields a condition reads, added to `out`. */
export function conditionFields(c: ConditionSpec | undefined, out: Set<FieldName>): Set<FieldName> {
  if (!c) return out;
  if (c.route || c.route_not) out.add('triage_besluit');
  for (const f of [...(c.present ?? []), ...(c.present_any ?? []), ...(c.absent ?? [])]) out.add(f);
  for (const f of Object.keys(c.flags ?? {})) out.add(f as FieldName);
  for (const a of c.any ?? []) conditionFields(a, out);
  conditionFields(c.not, out);
  return out;
}

/** A condition in words, with canonical field names (rules show). */
export function conditionText(c: ConditionSpec): string {
  const parts: string[] = [];
  if (c.route) parts.push(`triage_besluit ∈ {${c.route.join(', ')}}`);
  if (c.route_not) parts.push(`triage_besluit ∉ {${c.route_not.join(', ')}}`);
  if (c.present) parts.push(t('rules.present', { fields: c.present.join(', ') }));
  if (c.present_any) parts.push(t('rules.presentAny', { fields: c.present_any.join(', ') }));
  if (c.absent) parts.push(t('rules.absent', { fields: c.absent.join(', ') }));
  for (const [field, wanted] of Object.entries(c.flags ?? {})) parts.push(t(wanted ? 'rules.flagTrue' : 'rules.flagFalse', { field }));
  if (c.any) parts.push(t('rules.any', { list: c.any.map((a) => `(${conditionText(a)})`).join(t('rules.or')) }));
  if (c.not) parts.push(t('rules.not', { cond: conditionText(c.not) }));
  return parts.join(t('rules.and'));
}

/** A predicate over the packed row at ints[base…]. */
export type Predicate = (ints: Int32Array, base: number) => boolean;

const ALWAYS: Predicate = () => true;

const IS_FLAG = (f: FieldName) => FIELD_TYPES[f] === 'bool' || FIELD_TYPES[f] === 'item';

/**
 * Is the field present? A flag or handover item only when ja ("nee" is a missing item), any other
 * field when its cell is not empty.
 */
export function presentFn(field: FieldName): Predicate {
  const i = FIELD_INDEX[field];
  return IS_FLAG(field) ? (ints, b) => ints[b + i] === 1 : (ints, b) => ints[b + i] !== EMPTY_CELL;
}

/** The fields of a presence test as packed-row indices: flags and items (present when ja) apart from the other cells (present when not empty), as presentFn reads them. */
function presence(fields: FieldName[]): { flags: Int32Array; cells: Int32Array } {
  return {
    flags: Int32Array.from(fields.filter(IS_FLAG), (f) => FIELD_INDEX[f]),
    cells: Int32Array.from(fields.filter((f) => !IS_FLAG(f)), (f) => FIELD_INDEX[f]),
  };
}

/**
 * Compile a condition once into a predicate. Plain loops and comparisons instead of every/some
 * callbacks and Sets: these predicates run for every rule on every row (twelve million calls on a
 * million rows).
 */
export function compileCondition(spec: ConditionSpec | undefined): Predicate {
  if (!spec) return ALWAYS;
  const parts: Predicate[] = [];
  const ROUTE = FIELD_INDEX.triage_besluit;
  const routeSet = (routes: readonly string[]) => Uint8Array.from(ROUTES, (r) => (routes.includes(r) ? 1 : 0));
  if (spec.route) {
    const set = routeSet(spec.route);
    parts.push((ints, b) => {
      const v = ints[b + ROUTE];
      return v !== EMPTY_CELL && set[v] === 1;
    });
  }
  if (spec.route_not) {
    const set = routeSet(spec.route_not);
    parts.push((ints, b) => {
      const v = ints[b + ROUTE];
      return v === EMPTY_CELL || set[v] === 0;
    });
  }
  // present / present_any / absent read field indices in loops of their own, not a predicate per
  // field: these run for most rules on every row (~0.2 s of a million-row check's main thread)
  if (spec.present) {
    const { flags, cells } = presence(spec.present);
    parts.push((ints, b) => {
      for (let k = 0; k < flags.length; k++) if (ints[b + flags[k]] !== 1) return false;
      for (let k = 0; k < cells.length; k++) if (ints[b + cells[k]] === EMPTY_CELL) return false;
      return true;
    });
  }
  if (spec.present_any) {
    const { flags, cells } = presence(spec.present_any);
    parts.push((ints, b) => {
      for (let k = 0; k < flags.length; k++) if (ints[b + flags[k]] === 1) return true;
      for (let k = 0; k < cells.length; k++) if (ints[b + cells[k]] !== EMPTY_CELL) return true;
      return false;
    });
  }
  if (spec.absent) {
    const { flags, cells } = presence(spec.absent);
    parts.push((ints, b) => {
      for (let k = 0; k < flags.length; k++) if (ints[b + flags[k]] === 1) return false;
      for (let k = 0; k < cells.length; k++) if (ints[b + cells[k]] !== EMPTY_CELL) return false;
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
    const alternatives = spec.any.map(compileCondition);
    parts.push((ints, b) => {
      for (let k = 0; k < alternatives.length; k++) if (alternatives[k](ints, b)) return true;
      return false;
    });
  }
  if (spec.not) {
    const inner = compileCondition(spec.not);
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

/** The first date present among the fields (SPEC §5: the first date present is the anchor), or EMPTY_CELL. */
export function compileAnchor(from: FieldName | FieldName[]): (ints: Int32Array, base: number) => number {
  const fields = (Array.isArray(from) ? from : [from]).map((f) => FIELD_INDEX[f]);
  if (fields.length === 1) {
    const i = fields[0];
    return (ints, b) => ints[b + i];
  }
  return (ints, b) => {
    for (let k = 0; k < fields.length; k++) {
      const v = ints[b + fields[k]];
      if (v !== EMPTY_CELL) return v;
    }
    return EMPTY_CELL;
  };
}
