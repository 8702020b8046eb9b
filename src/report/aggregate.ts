/**
 * Counters per rule, per gemeente, per deelregio and per month of melding; the route mix; the
 * monitoring duration. Summaries are counters, never lists of findings, so memory does not grow
 * with the number of rows.
 */
import type { ZichtSummary } from './zicht.js';
import { Day, isoDate, todayDay } from '../calendar/days.js';
import { periodKey, PeriodUnit } from '../calendar/periods.js';
import { FIELD_INDEX, ROUTES } from '../model/fields.js';
import { EMPTY_CELL, Place as RowPlace, RowRef } from '../model/row.js';
import { calendarOf, type Profile } from '../profile/load.js';
import { compileAnchor, compileCondition, Predicate } from '../rules/conditions.js';
import { anchorFields, O_MISSING, OUT, RuleDef, S, Status, STATUSES } from '../rules/index.js';
import { LeadTimeGroup, LeadTimes, LeadTimeSummary } from './leadtime.js';
import { Werkvoorraad, WerkvoorraadGroup, WerkvoorraadSummary } from './werkvoorraad.js';

const ROUTE_FIELD = FIELD_INDEX.triage_besluit;
const MELDING_FIELD = FIELD_INDEX.melding_datum;

const STATUS_INDEX: Record<Status, number> = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;


export interface Counts {
  applicable: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
  missing: number;
  early: number;
  violated: number;
  not_applicable: number;
  /** dates that cannot be right (a completion before its anchor, a date after the day of the run) */
  implausible: number;
  /** on_time / (on_time + late + overdue + missing + violated + early); null when nothing to judge */
  compliance: number | null;
}

export interface GroupSummary extends Counts {
  cases: number;
  deelregio?: string;
  rules: Record<string, Counts>;
}

export interface RuleSummary extends Counts {
  rule_id: string;
  title: { nl: string; en: string };
  severity: string;
  kind: string;
  source: string;
  /** the share that should comply (0.9 = 90 %), or null */
  norm: number | null;
  /** where the norm comes from ("LNVT ambitie 2019: …"), distinct from the rule's source; null without a norm */
  norm_source: string | null;
  /** compliance ≥ norm; null without a norm, without judged cases or when not assessable */
  meets_norm: boolean | null;
  /** false when the export lacks a field the rule reads: no findings, no figures (all 0, compliance null) */
  assessable: boolean;
  /** the fields without a column (empty when assessable) */
  missing_fields: string[];
  /**
   * of the not-applicable cases, those where the rule's anchor date was empty (a term rule only;
   * 0 for the others): "100 % on time" on 12 of 400 cases shows why 388 were not judged
   */
  not_applicable_anchor_missing: number;
  /** the term's anchor fields (the first present counts); empty for a rule without an anchor */
  anchor_fields: string[];
}

export interface MonitoringDurationSummary {
  target_months: number;
  closed: number;
  mean_months: number | null;
  open: number;
  source: string;
}

export interface Summary {
  rules: RuleSummary[];
  totals: Counts & { cases: number };
  by_gemeente: Record<string, GroupSummary>;
  by_deelregio: Record<string, GroupSummary>;
  /** what the period table groups by (--period; default month) */
  period_unit: PeriodUnit;
  /** per period of melding (month 2026-04, quarter 2026-Q2, half-year 2026-H1, year 2026) */
  by_period: Record<string, GroupSummary>;
  routes: Record<string, number>;
  monitoring_duration?: MonitoringDurationSummary;
  /** the actual terms of the deadline rules (leadtime.ts) */
  lead_times: LeadTimeSummary;
  /** the open items at the peildatum by age (werkvoorraad.ts) */
  werkvoorraad: WerkvoorraadSummary;
  /** who holds the zicht op veiligheid per case at the peildatum (src/report/zicht.ts) */
  zicht_op_veiligheid?: ZichtSummary;
}

export interface AggregateOptions {
  /** default: today */
  peildatum?: Day;
  /** default: month */
  period?: PeriodUnit;
  /** --gemeente: only these gemeenten (and their deelregios) appear */
  only?: readonly string[];
}

export function countsFrom(raw: ArrayLike<number>): Counts {
  const get = (s: Status) => raw[STATUS_INDEX[s]];
  const judged = get('on_time') + get('late') + get('overdue') + get('missing') + get('violated') + get('early');
  const total = STATUSES.reduce((sum, s) => sum + get(s), 0);
  return {
    applicable: total - get('not_applicable'),
    on_time: get('on_time'),
    late: get('late'),
    overdue: get('overdue'),
    pending: get('pending'),
    missing: get('missing'),
    early: get('early'),
    violated: get('violated'),
    not_applicable: get('not_applicable'),
    implausible: get('implausible'),
    compliance: judged ? get('on_time') / judged : null,
  };
}

export function sourceText(source: { document: string; section: string }): string {
  return `${source.document} ${source.section}`;
}

class Group {
  cases = 0;
  readonly counts: Int32Array;
  /**
   * the lead-time histograms of the group's cases; a (gemeente, period) combination has none: a
   * case's terms go to its period's group and its place's (Place.lead, added to all, gemeente and
   * deelregio in summary()), so a run holds histograms for ~50 groups, not for every combination
   * (~400 on two years of sixteen gemeenten, each up to 16 KB per rule)
   */
  readonly lead: LeadTimeGroup | undefined;
  /** a gemeente's open items (only gemeente groups count them) */
  stock: WerkvoorraadGroup | undefined;
  constructor(
    readonly ruleCount: number,
    readonly deelregio: string | undefined,
    leadTimes: LeadTimes | undefined,
  ) {
    this.counts = new Int32Array(ruleCount * STATUSES.length);
    this.lead = leadTimes?.newGroup();
  }
  /** Count a case by its slots (rule × status), computed once per case for all its groups. */
  addSlots(slots: Int32Array): void {
    this.cases++;
    const counts = this.counts;
    for (let r = 0; r < slots.length; r++) counts[slots[r]]++;
  }
  /** Add another group's cases and counts to this one. */
  merge(other: Group): void {
    this.cases += other.cases;
    const counts = this.counts;
    const more = other.counts;
    for (let i = 0; i < counts.length; i++) counts[i] += more[i];
    if (this.lead && other.lead) this.lead.merge(other.lead);
  }
  summary(rules: RuleDef[]): GroupSummary {
    const n = STATUSES.length;
    const total = new Int32Array(n);
    const perRule: Record<string, Counts> = {};
    rules.forEach((rule, r) => {
      const slice = this.counts.subarray(r * n, (r + 1) * n);
      perRule[rule.id] = countsFrom(slice);
      for (let i = 0; i < n; i++) total[i] += slice[i];
    });
    return { cases: this.cases, ...(this.deelregio ? { deelregio: this.deelregio } : {}), ...countsFrom(total), rules: perRule };
  }
}

interface Place {
  deelregio: string | undefined;
  gemeente: Group;
  region: Group | undefined;
  /** this place's cases per period (index in Aggregator.monthGroups), added up in summary() */
  combos: (Group | undefined)[];
  /** the lead times of this place's cases, added to all, gemeente and deelregio in summary() */
  lead: LeadTimeGroup | undefined;
}

export class Aggregator {
  private readonly all: Group;
  private readonly gemeenten = new Map<string, Group>();
  private readonly deelregios = new Map<string, Group>();
  private readonly months = new Map<string, Group>();
  /** cases per route code (index in ROUTES); the last slot counts cases without a route */
  private readonly routeCounts = new Int32Array(ROUTES.length + 1);
  private readonly monthOf = new Map<Day, string>();
  /** month (group and index) per melding day: one lookup instead of day → key → group */
  private readonly monthGroupOf = new Map<Day, { group: Group; index: number }>();
  private monthCount = 0;
  private readonly slots: Int32Array;
  /** per rule: not applicable because the anchor date was empty */
  private readonly anchorMissing: Int32Array;
  /**
   * Why combinations: a case counts in four groups (all, gemeente, deelregio, month), 48 counter
   * increments for twelve rules. Counting it once in the group of its (gemeente, month) pair and
   * adding those pairs up in summary() gives the same numbers with 12 (~0.2 s per million rows).
   */
  private readonly places = new Map<string, Place>();
  /** every place, also one for a gemeente seen with another deelregio (not in `places`) */
  private readonly allPlaces: Place[] = [];
  private readonly otherPlaces = new Map<string, Place>();
  private readonly monthGroups: Group[] = [];
  /** the profile's monitoring_duration: its condition and anchor over a packed row */
  private readonly monitoring?: {
    when: Predicate;
    from: (ints: Int32Array, base: number) => number;
    to: number;
    closed: number;
    sumDays: number;
    open: number;
  };

  private readonly leadTimes: LeadTimes;
  private readonly werkvoorraad: Werkvoorraad;
  private readonly peildatum: Day;
  readonly period: PeriodUnit;

  constructor(
    readonly profile: Profile,
    readonly rules: RuleDef[],
    opts: AggregateOptions = {},
  ) {
    this.peildatum = opts.peildatum ?? todayDay();
    this.period = opts.period ?? 'month';
    const calendar = calendarOf(profile);
    this.leadTimes = new LeadTimes(rules, calendar, this.peildatum);
    this.werkvoorraad = new Werkvoorraad(rules, calendar, this.peildatum);
    this.all = this.group();
    this.slots = new Int32Array(rules.length);
    this.anchorMissing = new Int32Array(rules.length);
    // every gemeente and deelregio of the profile appears, also with zero cases (under --gemeente:
    // the chosen gemeenten and their deelregios)
    const shown = opts.only ? new Set(opts.only) : undefined;
    for (const [deelregio, gemeenten] of Object.entries(profile.deelregios)) {
      const kept = shown ? gemeenten.filter((g) => shown.has(g)) : gemeenten;
      if (shown && !kept.length) continue;
      this.deelregios.set(deelregio, this.group());
      for (const g of kept) this.gemeenten.set(g, this.group(deelregio));
    }
    const md = profile.monitoringDuration;
    if (md) {
      this.monitoring = {
        when: compileCondition(md.when),
        from: compileAnchor(md.from),
        to: FIELD_INDEX[md.to],
        closed: 0,
        sumDays: 0,
        open: 0,
      };
    }
  }

  private placeOf(gemeente: string, deelregio: string | undefined): Place {
    // one lookup for both the gemeente's and its deelregio's group (a gemeente has one deelregio
    // in a profile; should a case say otherwise, the groups are looked up as such)
    const first = this.places.get(gemeente);
    if (first !== undefined && first.deelregio === deelregio) return first;
    const key = gemeente + '\u0000' + (deelregio ?? '');
    let place = first === undefined ? undefined : this.otherPlaces.get(key);
    if (place !== undefined) return place;
    let g = this.gemeenten.get(gemeente);
    if (!g) {
      g = this.group(deelregio);
      this.gemeenten.set(gemeente, g);
    }
    place = { deelregio, gemeente: g, region: deelregio ? this.deelregios.get(deelregio) : undefined, combos: [], lead: undefined };
    this.allPlaces.push(place);
    if (first === undefined) this.places.set(gemeente, place);
    else this.otherPlaces.set(key, place);
    return place;
  }

  /**
   * Count a checked row (src/model/row.ts) by its outcomes, rule r's status at out[r * OUT]. The
   * row's place is one object per gemeente and deelregio for a whole run.
   */
  add(row: RowRef, out: Int32Array): void {
    const slots = this.slots;
    const n = STATUSES.length;
    const na = S.not_applicable;
    for (let r = 0; r < slots.length; r++) {
      const status = out[r * OUT];
      slots[r] = r * n + status;
      if (status === na && out[r * OUT + O_MISSING] !== 0) this.anchorMissing[r]++;
    }
    let p = this.rowPlaces.get(row.place);
    if (p === undefined) this.rowPlaces.set(row.place, (p = this.placeOf(row.place.gemeente, row.place.deelregio)));
    const { ints, base } = row;
    const route = ints[base + ROUTE_FIELD];
    const lead = this.leadTimes.size > 0 && this.leadTimes.measure(ints, base, out);
    this.count(p, ints[base + MELDING_FIELD], route === EMPTY_CELL ? ROUTES.length : route, lead);
    if (this.werkvoorraad.ruleIndex.length) this.werkvoorraad.add((p.gemeente.stock ??= this.werkvoorraad.newGroup()), out);
    const mon = this.monitoring;
    if (mon && mon.when(ints, base)) {
      const from = mon.from(ints, base);
      if (from !== EMPTY_CELL) {
        const to = ints[base + mon.to];
        this.monitored(from, to === EMPTY_CELL ? undefined : to);
      }
    }
  }

  private group(deelregio?: string): Group {
    return new Group(this.rules.length, deelregio, this.leadTimes);
  }

  /** A monitored case from `from`: closed on `to`, or still open. */
  private monitored(from: Day, to: Day | undefined): void {
    const mon = this.monitoring!;
    if (to !== undefined) {
      mon.closed++;
      mon.sumDays += to - from;
    } else mon.open++;
  }

  private readonly rowPlaces = new Map<RowPlace, Place>();

  /** Count a case (its slots in this.slots) in its (gemeente, month) group, and its route. */
  private count(place: Place, meldingDatum: Day, route: number, lead: boolean): void {
    const slots = this.slots;
    let m = this.monthGroupOf.get(meldingDatum);
    if (m === undefined) {
      let month = this.monthOf.get(meldingDatum);
      if (month === undefined) {
        month = periodKey(meldingDatum, this.period);
        this.monthOf.set(meldingDatum, month);
      }
      let group = this.months.get(month);
      if (!group) {
        group = this.group();
        this.months.set(month, group);
        this.monthGroups[this.monthCount++] = group;
      }
      m = { group, index: this.monthGroups.indexOf(group) };
      this.monthGroupOf.set(meldingDatum, m);
    }
    let combo = place.combos[m.index];
    if (combo === undefined) {
      // fill any gap first, so the combos array stays dense
      while (place.combos.length < m.index) place.combos.push(undefined);
      combo = place.combos[m.index] = new Group(this.rules.length, undefined, undefined);
    }
    combo.addSlots(slots);
    if (lead) {
      // into two groups, not four: the place's histograms are added to all, its gemeente and its
      // deelregio once, in summary() (~0.1 s per million rows)
      const { values, open } = this.leadTimes;
      (place.lead ??= this.leadTimes.newGroup()).addCase(values, open);
      m.group.lead!.addCase(values, open);
    }
    this.routeCounts[route]++;
  }

  /** Add the (gemeente, month) counts to the groups they belong to, and start them afresh. */
  private flush(): void {
    for (const place of this.allPlaces) {
      for (let mi = 0; mi < place.combos.length; mi++) {
        const combo = place.combos[mi];
        if (combo === undefined) continue;
        this.all.merge(combo);
        place.gemeente.merge(combo);
        place.region?.merge(combo);
        this.monthGroups[mi].merge(combo);
      }
      place.combos = [];
      if (place.lead) {
        this.all.lead!.merge(place.lead);
        place.gemeente.lead!.merge(place.lead);
        place.region?.lead!.merge(place.lead);
        place.lead = undefined;
      }
    }
  }

  summary(): Summary {
    this.flush();
    const rules = this.rules;
    const all = this.all.summary(rules);
    const ruleSummaries: RuleSummary[] = rules.map((r, i) => {
      const counts = all.rules[r.id];
      const norm = r.spec.norm ?? null;
      return {
        rule_id: r.id,
        title: r.spec.title,
        severity: r.spec.severity,
        kind: r.spec.kind,
        source: sourceText(r.spec.source),
        ...counts,
        norm,
        norm_source: r.spec.norm_source ? sourceText(r.spec.norm_source) : null,
        meets_norm: norm === null || counts.compliance === null ? null : counts.compliance >= norm,
        assessable: true,
        missing_fields: [],
        not_applicable_anchor_missing: this.anchorMissing[i],
        anchor_fields: anchorFields(r.spec),
      };
    });
    const groups = (map: Map<string, Group>, sort = true) => {
      const keys = [...map.keys()];
      if (sort) keys.sort((a, b) => a.localeCompare(b, 'nl'));
      return Object.fromEntries(keys.map((k) => [k, map.get(k)!.summary(rules)]));
    };
    const routes: Record<string, number> = {};
    ROUTES.forEach((r, i) => (routes[r] = this.routeCounts[i]));
    if (this.routeCounts[ROUTES.length]) routes.onbekend = this.routeCounts[ROUTES.length];
    const { rules: _r, deelregio: _d, ...totals } = all;
    const ids = this.leadTimes.ruleIds;
    const leadOf = (map: Map<string, Group>, sort = true) => {
      const keys = [...map.keys()];
      if (sort) keys.sort((a, b) => a.localeCompare(b, 'nl'));
      return Object.fromEntries(keys.map((k) => [k, map.get(k)!.lead!.summary(ids)]));
    };
    const lead_times: LeadTimeSummary = {
      method: 'nearest-rank',
      rules: this.leadTimes.ruleSummaries(this.all.lead!),
      by_gemeente: leadOf(this.gemeenten),
      by_deelregio: leadOf(this.deelregios, false),
      by_period: leadOf(this.months),
    };
    const stocks = [...this.gemeenten]
      .sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .flatMap(([gemeente, g]) => (g.stock ? [{ gemeente, deelregio: g.deelregio, group: g.stock }] : []));
    const werkvoorraad = this.werkvoorraad.summary(stocks, isoDate(this.peildatum));
    const mon = this.monitoring;
    const md = this.profile.monitoringDuration;
    return {
      rules: ruleSummaries,
      totals,
      by_gemeente: groups(this.gemeenten),
      by_deelregio: groups(this.deelregios, false),
      period_unit: this.period,
      by_period: groups(this.months),
      routes,
      ...(mon && md
        ? {
            monitoring_duration: {
              target_months: md.average_months,
              closed: mon.closed,
              mean_months: mon.closed ? Math.round((mon.sumDays / mon.closed / (365.2425 / 12)) * 10) / 10 : null,
              open: mon.open,
              source: sourceText(md.source),
            },
          }
        : {}),
      lead_times,
      werkvoorraad,
    };
  }
}
