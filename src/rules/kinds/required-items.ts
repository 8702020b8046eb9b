/**
 * kind: required_items — every listed item must be present (a handover item "nee" or empty is
 * missing); an item may apply only `when` a condition holds, or not apply `unless` one does.
 * on_time ("compleet") when all are there, else missing with the list of missing items.
 */
import { z } from 'zod';
import { t } from '../../i18n/index.js';
import type { FieldName } from '../../model/fields.js';
import { FieldNameSchema } from '../../model/schema.js';
import { compileCondition, conditionFields, ConditionSchema, conditionText, presentFn } from '../conditions.js';
import { defineKind, ruleBase, S, write } from '../kind.js';

/** Items are a bit mask in the outcome (kind.ts O_MISSING). */
const MAX_ITEMS = 30;

const ItemSchema = z.union([
  FieldNameSchema,
  z.strictObject({
    field: FieldNameSchema,
    unless: ConditionSchema.optional(),
    when: ConditionSchema.optional(),
  }),
]);

const itemField = (item: z.infer<typeof ItemSchema>): FieldName => (typeof item === 'string' ? item : item.field);

export const requiredItems = defineKind({
  schema: z.strictObject({
    kind: z.literal('required_items'),
    ...ruleBase,
    items: z.array(ItemSchema).min(1).max(MAX_ITEMS),
  }),
  term: false,
  fields: (spec) => {
    const out = conditionFields(spec.when, new Set<FieldName>());
    for (const item of spec.items) {
      if (typeof item === 'string') out.add(item);
      else {
        out.add(item.field);
        conditionFields(item.when, out);
        conditionFields(item.unless, out);
      }
    }
    return out;
  },
  messages: { on_time: 'msg.complete', missing: 'msg.missing', not_applicable: 'msg.notApplicable' },
  missingItems: (spec, mask) => spec.items.map(itemField).filter((_f, k) => mask & (1 << k)),
  parameters: (spec) => [
    t('rules.items', {
      items: spec.items
        .map((item) => {
          if (typeof item === 'string') return item;
          const extra = [
            item.when ? t('rules.onlyWhen', { cond: conditionText(item.when) }) : '',
            item.unless ? t('rules.unless', { cond: conditionText(item.unless) }) : '',
          ].filter(Boolean);
          return extra.length ? `${item.field} (${extra.join('; ')})` : item.field;
        })
        .join(', '),
    }),
  ],
  compile(def) {
    const spec = def.spec;
    const when = compileCondition(spec.when);
    const items = spec.items.map((item) => ({
      present: presentFn(itemField(item)),
      when: typeof item === 'string' || !item.when ? undefined : compileCondition(item.when),
      unless: typeof item === 'string' || !item.unless ? undefined : compileCondition(item.unless),
    }));
    return (ints, b, out, o) => {
      if (!when(ints, b)) return write(out, o, S.not_applicable);
      let missing = 0;
      for (let k = 0; k < items.length; k++) {
        const item = items[k];
        if (item.when && !item.when(ints, b)) continue;
        if (item.unless && item.unless(ints, b)) continue;
        if (!item.present(ints, b)) missing |= 1 << k;
      }
      write(out, o, missing ? S.missing : S.on_time, undefined, undefined, undefined, undefined, undefined, missing);
    };
  },
});
