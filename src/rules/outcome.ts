/**
 * Packed outcomes (kind.ts OUT ints per rule) back as Results, for what lists a finding, an agenda
 * item or a timeline entry: one Result object per rule, overwritten row after row, and the
 * missing-item lists made once per bit mask. Counting never needs this.
 */
import { EMPTY_CELL } from '../model/row.js';
import type { FieldName } from '../model/fields.js';
import { OUT, O_ACTUAL, O_ANCHOR, O_DAYS, O_DUE, O_MISSING, O_WINDOW_END, O_WINDOW_START, S } from './kind.js';
import { kindOf, RuleDef } from './registry.js';
import { Result, STATUSES } from './types.js';

/** A packed day or number, or undefined for an empty one. */
const v = (x: number): number | undefined => (x === EMPTY_CELL ? undefined : x);

export class OutcomeResults {
  /**
   * Every Result has the same fields in the same order (absent ones undefined): objects of one
   * shape keep the reads of the finding writer monomorphic.
   */
  readonly results: Result[];
  private readonly missingLists: Map<number, FieldName[]>[];

  constructor(private readonly defs: RuleDef[]) {
    this.results = defs.map(() => ({
      status: 'not_applicable',
      due: undefined,
      actual: undefined,
      daysLate: undefined,
      windowStart: undefined,
      windowEnd: undefined,
      missing: undefined,
      anchor: undefined,
    }));
    this.missingLists = defs.map(() => new Map());
  }

  /** Fill results[i] from out[i * OUT…] and return it (valid until the next fill of rule i). */
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
    // a not_applicable pair's mask only says why (its anchor was missing): no missing items
    r.missing = mask === 0 || out[o] === S.not_applicable ? undefined : this.missing(i, mask);
    r.anchor = v(out[o + O_ANCHOR]);
    return r;
  }

  private missing(i: number, mask: number): FieldName[] {
    let list = this.missingLists[i].get(mask);
    if (list === undefined) {
      const spec = this.defs[i].spec;
      list = kindOf(spec).missingItems(spec, mask);
      this.missingLists[i].set(mask, list);
    }
    return list;
  }
}
