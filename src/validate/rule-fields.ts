/**
 * Which canonical fields the active rules of a profile read: a column the export lacks makes
 * those rules report `missing` or `overdue` for every case, which validate warns about.
 */
import type { FieldName } from '../ingest/fields.js';
import type { Profile } from '../profile/load.js';
import type { ConditionSpec, RuleSpec } from '../profile/schema.js';

function conditionFields(c: ConditionSpec | undefined, out: Set<FieldName>): void {
  if (!c) return;
  if (c.route || c.route_not) out.add('triage_besluit');
  for (const f of [...(c.present ?? []), ...(c.present_any ?? []), ...(c.absent ?? [])]) out.add(f);
  for (const f of Object.keys(c.flags ?? {})) out.add(f as FieldName);
  for (const a of c.any ?? []) conditionFields(a, out);
  conditionFields(c.not, out);
}

export function ruleFields(spec: RuleSpec): Set<FieldName> {
  const out = new Set<FieldName>();
  conditionFields(spec.when, out);
  switch (spec.kind) {
    case 'deadline':
    case 'moment':
      for (const f of [spec.from].flat()) out.add(f);
      out.add(spec.to);
      break;
    case 'required_items':
      for (const item of spec.items) {
        if (typeof item === 'string') out.add(item);
        else {
          out.add(item.field);
          conditionFields(item.when, out);
          conditionFields(item.unless, out);
        }
      }
      break;
    case 'consistency':
      conditionFields(spec.require, out);
      break;
  }
  return out;
}

/** field → ids of the active rules that read it */
export function fieldsUsedByRules(profile: Profile): Map<FieldName, string[]> {
  const used = new Map<FieldName, string[]>();
  for (const r of profile.rules) {
    for (const f of ruleFields(r.spec)) {
      const ids = used.get(f);
      if (ids) ids.push(r.id);
      else used.set(f, [r.id]);
    }
  }
  return used;
}
