/**
 * The rule kinds. A new kind is a module in ./kinds and one line in KINDS; the profile schema's
 * rule union, RULE_KINDS, the fields each rule reads, the parameter texts, the message keys and
 * the evaluators all come from here.
 */
import { z } from 'zod';
import type { FieldName } from '../model/fields.js';
import type { Kernel, RuleDefOf, RuleKind } from './kind.js';
import { consistency } from './kinds/consistency.js';
import { deadline } from './kinds/deadline.js';
import { moment } from './kinds/moment.js';
import { requiredItems } from './kinds/required-items.js';
import type { RuleContext, Status } from './types.js';

export const KINDS = {
  deadline,
  moment,
  required_items: requiredItems,
  consistency,
};

type Kinds = typeof KINDS;
export type RuleKindName = keyof Kinds;
/** A rule's keys as a profile gives them, per kind. */
export type RuleSpec = { [K in RuleKindName]: z.infer<Kinds[K]['schema']> }[RuleKindName];
export type RuleDef = RuleDefOf<RuleSpec>;

export const RULE_KINDS = Object.keys(KINDS) as RuleKindName[];

export const RuleSchema = z.discriminatedUnion(
  'kind',
  Object.values(KINDS).map((k) => k.schema) as unknown as [Kinds['deadline']['schema'], ...Kinds[RuleKindName]['schema'][]],
) as unknown as z.ZodType<RuleSpec>;

/** The module of a rule's kind (typed for any spec: the kind and its spec belong together). */
export function kindOf(spec: RuleSpec): RuleKind<z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>> & {
  fields(spec: RuleSpec): Set<FieldName>;
  missingItems(spec: RuleSpec, mask: number): FieldName[];
  parameters(spec: RuleSpec, ctx: { momentWindow: { before: number; after: number } }): string[];
  compile(def: RuleDef, ctx: RuleContext): Kernel;
} {
  return KINDS[spec.kind] as never;
}

/** A term rule's anchor fields (the first present counts); [] for a rule without an anchor. */
export function anchorFields(spec: RuleSpec): FieldName[] {
  return kindOf(spec).anchor?.(spec as never) ?? [];
}

/** The canonical fields a rule reads (from, to, items, conditions, anchors). */
export function ruleFields(spec: RuleSpec): Set<FieldName> {
  return kindOf(spec).fields(spec);
}

/** field → ids of the active rules that read it, fields in the order the rules read them */
export function fieldsUsedByRules(rules: RuleDef[]): Map<FieldName, string[]> {
  const used = new Map<FieldName, string[]>();
  for (const r of rules) {
    for (const f of ruleFields(r.spec)) {
      const ids = used.get(f);
      if (ids) ids.push(r.id);
      else used.set(f, [r.id]);
    }
  }
  return used;
}

export function compileRule(def: RuleDef, ctx: RuleContext): Kernel {
  return kindOf(def.spec).compile(def, ctx);
}

/** The message key of a status of this rule's kind. */
export function messageKey(spec: RuleSpec, status: Status): string {
  const key = kindOf(spec).messages[status];
  if (key === undefined) throw new Error(`${spec.kind} has no status ${status}`);
  return key;
}
