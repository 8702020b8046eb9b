/**
 * Lead-time spread (issue 14.3): for every deadline rule, how long the actual term took, as the
 * Inspectie reports it ("van dagen tot weken, uitschieters van meerdere maanden"): median, 90th
 * percentile and maximum, per rule, gemeente, deelregio and period.
 *
 * - The term is counted in the rule's own unit: werkdagen for a werkdagen rule (werkdagen in
 *   (anchor, done], SPEC §4, so done on the 5th werkdag after the melding is 5), calendar days for
 *   a days/weeks/months rule (done − anchor).
 * - A case that was done (on_time, late) counts its term in `done`; a case still open at the
 *   peildatum (pending, overdue) counts the term so far (anchor → peildatum) in `open`, apart: an
 *   open case has not finished, so its age is a lower bound and never mixed into the done figures.
 *   Implausible, missing and not-applicable pairs have no term.
 * - Percentiles are nearest-rank: the p-th percentile of n values is the value at rank ⌈p·n⌉
 *   (1-based) in ascending order; the median is the 50th (of 1, 2, 3, 4 it is 2).
 * - Streaming-safe: a histogram of counts per term value, never a list of cases, so memory stays
 *   bounded by the number of distinct values however many rows there are.
 */
import type { Day } from '../calendar/days.js';
import type { WerkdagCalendar } from '../calendar/werkdagen.js';
import { EMPTY_CELL } from '../model/row.js';
import { compileAnchor } from '../rules/conditions.js';
import { O_ACTUAL, OUT, S } from '../rules/kind.js';
import type { RuleDef } from '../rules/registry.js';

export type LeadTimeUnit = 'werkdagen' | 'dagen';

/** Count, median, 90th percentile and maximum (nearest-rank); null without values. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** A rule's lead times in one group: done (term taken) and open at the peildatum (term so far). */
export interface LeadTime {
  done: Spread;
  open: Spread;
}

export interface LeadTimeRule extends LeadTime {
  rule_id: string;
  unit: LeadTimeUnit;
  /** the rule's term in its unit (5 werkdagen, 70 days for 10 weeks); null for months (varies) */
  term: number | null;
  /** the distribution over the whole run: [value, count] pairs, ascending (the HTML chart) */
  histogram: { done: [number, number][]; open: [number, number][] };
}

export interface LeadTimeSummary {
  method: 'nearest-rank';
  rules: LeadTimeRule[];
  by_gemeente: Record<string, Record<string, LeadTime>>;
  by_deelregio: Record<string, Record<string, LeadTime>>;
  by_period: Record<string, Record<string, LeadTime>>;
}

/** Values at or above this are kept in a map: a few stray old dates do not grow the dense array. */
const DENSE_LIMIT = 1 << 12;

/** Counts per non-negative integer value. */
export class Histogram {
  private dense = new Int32Array(16);
  private sparse: Map<number, number> | undefined;
  count = 0;

  add(v: number, times = 1): void {
    this.count += times;
    // the common case first: a value the dense array already holds
    if (v < this.dense.length) {
      this.dense[v] += times;
      return;
    }
    if (v < DENSE_LIMIT) {
      if (v >= this.dense.length) {
        let n = this.dense.length;
        while (n <= v) n *= 2;
        const grown = new Int32Array(Math.min(n, DENSE_LIMIT));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[v] += times;
    } else {
      this.sparse ??= new Map();
      this.sparse.set(v, (this.sparse.get(v) ?? 0) + times);
    }
  }

  merge(other: Histogram): void {
    const d = other.dense;
    for (let v = 0; v < d.length; v++) if (d[v]) this.add(v, d[v]);
    if (other.sparse) for (const [v, c] of other.sparse) this.add(v, c);
  }

  /** [value, count] pairs, ascending. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    const d = this.dense;
    for (let v = 0; v < d.length; v++) if (d[v]) out.push([v, d[v]]);
    if (this.sparse) out.push(...[...this.sparse].sort((a, b) => a[0] - b[0]));
    return out;
  }

  /** The nearest-rank p-quantile (0 < p ≤ 1): the value at rank ⌈p·n⌉. */
  quantile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(p * this.count - 1e-9));
    let seen = 0;
    for (const [v, c] of this.entries()) {
      seen += c;
      if (seen >= rank) return v;
    }
    return null;
  }

  spread(): Spread {
    const entries = this.entries();
    return {
      count: this.count,
      median: this.quantile(0.5),
      p90: this.quantile(0.9),
      max: entries.length ? entries[entries.length - 1][0] : null,
    };
  }
}

/** The lead-time histograms of one group (a gemeente, a month, …): done and open per deadline rule. */
export class LeadTimeGroup {
  readonly done: Histogram[];
  readonly open: Histogram[];
  constructor(n: number) {
    this.done = Array.from({ length: n }, () => new Histogram());
    this.open = Array.from({ length: n }, () => new Histogram());
  }
  /** One case's terms, as LeadTimes.measure left them in `values` (−1: none). */
  addCase(values: Int32Array, open: Uint8Array): void {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v < 0) continue;
      if (open[k]) this.open[k].add(v);
      else this.done[k].add(v);
    }
  }
  merge(other: LeadTimeGroup): void {
    for (let k = 0; k < this.done.length; k++) {
      this.done[k].merge(other.done[k]);
      this.open[k].merge(other.open[k]);
    }
  }
  summary(ruleIds: string[]): Record<string, LeadTime> {
    return Object.fromEntries(ruleIds.map((id, k) => [id, { done: this.done[k].spread(), open: this.open[k].spread() }]));
  }
}

/** What a deadline rule's term is counted in, and its length in that unit. */
export function leadTimeUnit(def: RuleDef): { unit: LeadTimeUnit; term: number | null } {
  if (def.spec.kind !== 'deadline') throw new Error(`${def.id} is not a deadline rule`);
  const d = def.spec.duration;
  if ('workdays' in d) return { unit: 'werkdagen', term: d.workdays };
  if ('days' in d) return { unit: 'dagen', term: d.days };
  if ('weeks' in d) return { unit: 'dagen', term: 7 * d.weeks };
  return { unit: 'dagen', term: null };
}

/**
 * Measures one case's terms for the deadline rules of a run, from its packed row and outcomes, into
 * `values` (per deadline rule; −1 where the rule gave no term) and `open`.
 */
export class LeadTimes {
  /** index of each deadline rule in the run's rule list */
  readonly ruleIndex: number[];
  readonly ruleIds: string[];
  readonly values: Int32Array;
  readonly open: Uint8Array;
  private readonly anchors: ((ints: Int32Array, base: number) => number)[];
  private readonly werkdagen: boolean[];

  constructor(
    readonly rules: RuleDef[],
    private readonly calendar: WerkdagCalendar,
    private readonly peildatum: Day,
  ) {
    const picked = rules.map((r, i) => [r, i] as const).filter(([r]) => r.spec.kind === 'deadline');
    this.ruleIndex = picked.map(([, i]) => i);
    this.ruleIds = picked.map(([r]) => r.id);
    this.anchors = picked.map(([r]) => compileAnchor((r.spec as { from: Parameters<typeof compileAnchor>[0] }).from));
    this.werkdagen = picked.map(([r]) => leadTimeUnit(r).unit === 'werkdagen');
    this.values = new Int32Array(picked.length);
    this.open = new Uint8Array(picked.length);
  }

  get size(): number {
    return this.ruleIndex.length;
  }

  newGroup(): LeadTimeGroup {
    return new LeadTimeGroup(this.ruleIndex.length);
  }

  /** Fill values/open for one case; true when any deadline rule gave a term. */
  measure(ints: Int32Array, base: number, out: Int32Array): boolean {
    let any = false;
    for (let k = 0; k < this.ruleIndex.length; k++) {
      const o = this.ruleIndex[k] * OUT;
      const status = out[o];
      let end: number;
      if (status === S.on_time || status === S.late) {
        end = out[o + O_ACTUAL];
        this.open[k] = 0;
      } else if (status === S.pending || status === S.overdue) {
        end = this.peildatum;
        this.open[k] = 1;
      } else {
        this.values[k] = -1;
        continue;
      }
      const a = this.anchors[k](ints, base);
      if (a === EMPTY_CELL || end === EMPTY_CELL || end < a) {
        this.values[k] = -1;
        continue;
      }
      this.values[k] = this.werkdagen[k] ? this.calendar.werkdagenTussen(a, end) : end - a;
      any = true;
    }
    return any;
  }

  /** The run's rules with their spread and distribution. */
  ruleSummaries(all: LeadTimeGroup): LeadTimeRule[] {
    return this.ruleIndex.map((i, k) => ({
      rule_id: this.ruleIds[k],
      ...leadTimeUnit(this.rules[i]),
      done: all.done[k].spread(),
      open: all.open[k].spread(),
      histogram: { done: all.done[k].entries(), open: all.open[k].entries() },
    }));
  }
}
