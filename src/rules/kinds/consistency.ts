/**
 * kind: consistency — when `when` holds, `require` must hold too: on_time ("compleet") or
 * violated (e.g. an anonymous melding handed over directly, which the region's afspraken rule out).
 */
import { z } from 'zod';
import { t } from '../../i18n/index.js';
import type { FieldName } from '../../model/fields.js';
import { compileCondition, conditionFields, ConditionSchema, conditionText } from '../conditions.js';
import { defineKind, ruleBase, S, write } from '../kind.js';

export const consistency = defineKind({
  schema: z.strictObject({
    kind: z.literal('consistency'),
    ...ruleBase,
    require: ConditionSchema,
  }),
  term: false,
  fields: (spec) => conditionFields(spec.require, conditionFields(spec.when, new Set<FieldName>())),
  messages: { on_time: 'msg.complete', violated: 'msg.violated', not_applicable: 'msg.notApplicable' },
  missingItems: () => [],
  parameters: (spec) => [t('rules.require', { cond: conditionText(spec.require) })],
  compile(def) {
    const when = compileCondition(def.spec.when);
    const require = compileCondition(def.spec.require);
    return (ints, b, out, o) => write(out, o, !when(ints, b) ? S.not_applicable : require(ints, b) ? S.on_time : S.violated);
  },
});
