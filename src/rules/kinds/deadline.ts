/**
 * kind: deadline — the `to` date must fall on or before `from` + duration (SPEC §5). on_time /
 * late when done; overdue when not done and the due date is strictly before the peildatum; pending
 * when not yet due (due on the peildatum itself is still pending). Without an anchor date the rule
 * does not apply, unless it has `anchor_required`: then the anchor itself is `missing`.
 */
import { z } from 'zod';
import { FIELD_INDEX } from '../../model/fields.js';
import { EMPTY_CELL } from '../../model/row.js';
import { AnchorSchema, DateFieldSchema, DurationSchema } from '../../model/schema.js';
import { compileAnchor, compileCondition } from '../conditions.js';
import { anchorText, defineKind, durationText, implausible, ruleBase, S, termFields, write } from '../kind.js';
import { dueDateFn } from '../types.js';

export const deadline = defineKind({
  schema: z.strictObject({
    kind: z.literal('deadline'),
    ...ruleBase,
    from: AnchorSchema,
    duration: DurationSchema,
    to: DateFieldSchema,
    /** the rule that requires its own anchor date reports `missing` instead of not_applicable */
    anchor_required: z.boolean().optional(),
  }),
  term: true,
  fields: termFields,
  messages: {
    on_time: 'msg.onTime',
    late: 'msg.deadline.late',
    overdue: 'msg.deadline.overdue',
    pending: 'msg.deadline.pending',
    missing: 'msg.missing',
    implausible: 'msg.implausible',
    not_applicable: 'msg.notApplicable',
  },
  missingItems: (spec) => [spec.from].flat(),
  anchor: (spec) => [spec.from].flat(),
  parameters: (spec) => [`${spec.to} ≤ ${anchorText(spec.from)} + ${durationText(spec.duration)}`],
  compile(def, ctx) {
    const spec = def.spec;
    const when = compileCondition(spec.when);
    const anchor = compileAnchor(spec.from);
    const dueOf = dueDateFn(ctx.calendar, spec.duration);
    const to = FIELD_INDEX[spec.to];
    const required = Boolean(spec.anchor_required);
    const { peildatum, today } = ctx;
    return (ints, b, out, o) => {
      if (!when(ints, b)) return write(out, o, S.not_applicable);
      const a = anchor(ints, b);
      if (a === EMPTY_CELL) {
        return write(out, o, required ? S.missing : S.not_applicable, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, 1);
      }
      let actual = ints[b + to];
      if (implausible(a, actual, today)) {
        return write(out, o, S.implausible, EMPTY_CELL, a > today ? a : actual, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, 0, a);
      }
      // not yet begun at the peildatum, or done after it: judged as it stood at the peildatum
      if (a > peildatum) return write(out, o, S.not_applicable);
      if (actual > peildatum) actual = EMPTY_CELL;
      const due = dueOf(a);
      if (actual !== EMPTY_CELL) return actual <= due ? write(out, o, S.on_time, due, actual) : write(out, o, S.late, due, actual, actual - due);
      return due < peildatum ? write(out, o, S.overdue, due, EMPTY_CELL, peildatum - due) : write(out, o, S.pending, due);
    };
  },
});
