/**
 * kind: moment — the `to` date must fall in a window around `from` + duration (SPEC §5), bounds
 * included: early before it, on_time inside, late after it; not done: overdue once the window has
 * closed before the peildatum, pending until then. The window is the rule's own or the profile's
 * `moment_window`.
 */
import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { FIELD_INDEX } from '../../model/fields.js';
import { EMPTY_CELL } from '../../model/row.js';
import { AnchorSchema, DateFieldSchema, DurationSchema, WindowSchema } from '../../model/schema.js';
import { compileAnchor, compileCondition } from '../conditions.js';
import { anchorText, defineKind, durationText, implausible, ruleBase, S, termFields, write } from '../kind.js';
import { dueDateFn } from '../types.js';

export const moment = defineKind({
  schema: z.strictObject({
    kind: z.literal('moment'),
    ...ruleBase,
    from: AnchorSchema,
    duration: DurationSchema,
    to: DateFieldSchema,
    window: WindowSchema.optional(),
  }),
  term: true,
  fields: termFields,
  messages: {
    on_time: 'msg.onTime',
    early: 'msg.moment.early',
    late: 'msg.moment.late',
    overdue: 'msg.moment.overdue',
    pending: 'msg.moment.pending',
    implausible: 'msg.implausible',
    not_applicable: 'msg.notApplicable',
  },
  missingItems: () => [],
  anchor: (spec) => [spec.from].flat(),
  parameters: (spec, ctx) => {
    const w = spec.window ?? ctx.momentWindow;
    return [
      `${spec.to} ≈ ${anchorText(spec.from)} + ${durationText(spec.duration)}`,
      t(spec.window ? 'rules.window' : 'rules.windowDefault', { before: w.before, after: w.after }),
    ];
  },
  compile(def, ctx) {
    const spec = def.spec;
    const when = compileCondition(spec.when);
    const anchor = compileAnchor(spec.from);
    const dueOf = dueDateFn(ctx.calendar, spec.duration);
    const to = FIELD_INDEX[spec.to];
    const { before, after } = spec.window ?? ctx.momentWindow;
    const { peildatum, today } = ctx;
    return (ints, b, out, o) => {
      if (!when(ints, b)) return write(out, o, S.not_applicable);
      const a = anchor(ints, b);
      if (a === EMPTY_CELL) return write(out, o, S.not_applicable, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, 1);
      let actual = ints[b + to];
      if (implausible(a, actual, today)) {
        return write(out, o, S.implausible, EMPTY_CELL, a > today ? a : actual, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, 0, a);
      }
      // not yet begun at the peildatum, or done after it: judged as it stood at the peildatum
      if (a > peildatum) return write(out, o, S.not_applicable);
      if (actual > peildatum) actual = EMPTY_CELL;
      const due = dueOf(a);
      const ws = due - before;
      const we = due + after;
      if (actual !== EMPTY_CELL) {
        if (actual < ws) return write(out, o, S.early, due, actual, EMPTY_CELL, ws, we);
        if (actual <= we) return write(out, o, S.on_time, due, actual, EMPTY_CELL, ws, we);
        return write(out, o, S.late, due, actual, actual - we, ws, we);
      }
      return we < peildatum
        ? write(out, o, S.overdue, due, EMPTY_CELL, peildatum - we, ws, we)
        : write(out, o, S.pending, due, EMPTY_CELL, EMPTY_CELL, ws, we);
    };
  },
});
