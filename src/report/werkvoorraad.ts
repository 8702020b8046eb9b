/**
 * Werkvoorraad at the peildatum (issue 14.4): the open items (pending and overdue) of every term
 * rule (deadline, moment) per rule and gemeente, by age: not yet due, overdue up to 5, 6–20 and
 * more than 20 werkdagen. "Overdue by n werkdagen" counts the werkdagen in (due date, peildatum]
 * (SPEC §4), for a moment from the end of its window; an item due on a Friday is overdue on the
 * Saturday peildatum with 0 werkdagen and counts in the first bucket ("≤ 5"). This is the number
 * that grows when a region falls behind, so the rows come oldest first.
 */
import type { Day } from '../calendar/days.js';
import type { WerkdagCalendar } from '../calendar/werkdagen.js';
import { EMPTY_CELL } from '../model/row.js';
import { O_DUE, O_WINDOW_END, OUT, S } from '../rules/kind.js';
import { kindOf, RuleDef } from '../rules/registry.js';

export const WERKVOORRAAD_BUCKETS = ['not_due', 'overdue_1_5', 'overdue_6_20', 'overdue_over_20'] as const;
export type WerkvoorraadBucket = (typeof WERKVOORRAAD_BUCKETS)[number];

export interface WerkvoorraadCounts extends Record<WerkvoorraadBucket, number> {
  /** pending + overdue */
  open: number;
  /** werkdagen past due of the oldest overdue item; null without overdue items */
  oldest_overdue_werkdagen: number | null;
}

export interface WerkvoorraadRow extends WerkvoorraadCounts {
  rule_id: string;
  gemeente: string;
  deelregio: string | null;
}

export interface WerkvoorraadSummary {
  peildatum: string;
  /** the term rules counted, with their totals, in profile order */
  rules: (WerkvoorraadCounts & { rule_id: string })[];
  /** per rule and gemeente with open items, oldest first */
  rows: WerkvoorraadRow[];
}

const B = WERKVOORRAAD_BUCKETS.length;

/** A gemeente's open items: per term rule the bucket counts and the oldest overdue. */
export class WerkvoorraadGroup {
  readonly counts: Int32Array;
  readonly oldest: Int32Array;
  constructor(n: number) {
    this.counts = new Int32Array(n * B);
    this.oldest = new Int32Array(n).fill(-1);
  }
}

function countsOf(counts: Int32Array, oldest: number, k: number): WerkvoorraadCounts {
  const c = Object.fromEntries(WERKVOORRAAD_BUCKETS.map((b, j) => [b, counts[k * B + j]])) as Record<WerkvoorraadBucket, number>;
  return { open: WERKVOORRAAD_BUCKETS.reduce((s, b) => s + c[b], 0), ...c, oldest_overdue_werkdagen: oldest < 0 ? null : oldest };
}

/** Sorts the open items of the term rules of a run into their age buckets. */
export class Werkvoorraad {
  readonly ruleIndex: number[];
  readonly ruleIds: string[];

  constructor(
    rules: RuleDef[],
    private readonly calendar: WerkdagCalendar,
    private readonly peildatum: Day,
  ) {
    const picked = rules.map((r, i) => [r, i] as const).filter(([r]) => kindOf(r.spec).term);
    this.ruleIndex = picked.map(([, i]) => i);
    this.ruleIds = picked.map(([r]) => r.id);
  }

  newGroup(): WerkvoorraadGroup {
    return new WerkvoorraadGroup(this.ruleIndex.length);
  }

  /** Count one case's open items in its gemeente's group. */
  add(group: WerkvoorraadGroup, out: Int32Array): void {
    for (let k = 0; k < this.ruleIndex.length; k++) {
      const o = this.ruleIndex[k] * OUT;
      const status = out[o];
      if (status === S.pending) group.counts[k * B]++;
      else if (status === S.overdue) {
        const due = out[o + O_WINDOW_END] !== EMPTY_CELL ? out[o + O_WINDOW_END] : out[o + O_DUE];
        const wd = Math.max(0, this.calendar.werkdagenTussen(due, this.peildatum));
        group.counts[k * B + (wd <= 5 ? 1 : wd <= 20 ? 2 : 3)]++;
        if (wd > group.oldest[k]) group.oldest[k] = wd;
      }
    }
  }

  summary(gemeenten: { gemeente: string; deelregio: string | undefined; group: WerkvoorraadGroup }[], peildatum: string): WerkvoorraadSummary {
    const n = this.ruleIndex.length;
    const total = new Int32Array(n * B);
    const oldest = new Int32Array(n).fill(-1);
    const rows: WerkvoorraadRow[] = [];
    for (const g of gemeenten) {
      for (let i = 0; i < total.length; i++) total[i] += g.group.counts[i];
      for (let k = 0; k < n; k++) {
        oldest[k] = Math.max(oldest[k], g.group.oldest[k]);
        const c = countsOf(g.group.counts, g.group.oldest[k], k);
        if (c.open > 0) rows.push({ rule_id: this.ruleIds[k], gemeente: g.gemeente, deelregio: g.deelregio ?? null, ...c });
      }
    }
    // oldest first: the oldest overdue item, then the most long-overdue, then the most open
    rows.sort(
      (a, b) =>
        (b.oldest_overdue_werkdagen ?? -1) - (a.oldest_overdue_werkdagen ?? -1) ||
        b.overdue_over_20 - a.overdue_over_20 ||
        b.overdue_6_20 - a.overdue_6_20 ||
        b.overdue_1_5 - a.overdue_1_5 ||
        b.open - a.open ||
        a.rule_id.localeCompare(b.rule_id) ||
        a.gemeente.localeCompare(b.gemeente, 'nl'),
    );
    return { peildatum, rules: this.ruleIds.map((rule_id, k) => ({ rule_id, ...countsOf(total, oldest[k], k) })), rows };
  }
}
