/**
 * The outcome of a walk: the route, who holds regie op veiligheid, the handover items the route
 * requires and a timeline of due dates from the melding date. Items and deadlines come from the
 * same profile rules `check` evaluates, so the wizard can never promise what `check` does not ask.
 *
 * The timeline assumes every step happens on its due date, which then anchors the next rule.
 * Where no rule or tree entry fixes an anchor (the warme overdracht after a service of unknown
 * length, the overdracht in a region without a handover term) the entry stays relative
 * ("5 werkdagen na warme overdracht") instead of inventing a date.
 */
import { addMonths, Day, weekday } from '../calendar/days.js';
import type { Duration, WerkdagCalendar } from '../calendar/werkdagen.js';
import type { FieldName, RouteCode } from '../model/fields.js';
import { getLang, localized, t } from '../i18n/index.js';
import { calendarOf, Profile } from '../profile/load.js';
import type { ConditionSpec } from '../rules/conditions.js';
import type { RuleSpec } from '../rules/registry.js';
import { displayDate, fieldLabel, routeLabel } from '../report/messages.js';
import '../i18n/catalog/triage.js';
import type { OutcomeNode, TimelineEntrySpec, Tree } from './schema.js';
import { answerOf, Facts, nodeOf, outcomeOf, Walk } from './walk.js';

export interface SourceRef {
  document: string;
  section: string;
  quote?: string;
}

export interface HandoverItem {
  rule_id: string;
  rule_title: string;
  field: FieldName;
  label: string;
  /** required on this path, required only under `condition`, or not needed on this path */
  status: 'required' | 'conditional' | 'not_required';
  condition?: string;
}

export interface TimelineItem {
  /** the profile rule behind the date, or the tree node whose step/outcome adds it */
  rule_id?: string;
  node?: string;
  /** the id of the tree's timeline entry (a node may add several) */
  entry?: string;
  kind: 'deadline' | 'moment' | 'step';
  label: string;
  due?: Day;
  window?: { start: Day; end: Day };
  /** the term in words when the anchor is not fixed: "5 werkdagen na warme overdracht" */
  relative?: string;
  /** how the date follows: "5 werkdagen na melding (02-03-2026)" */
  basis: string;
  /** the feestdagen (on a weekday) the term skipped or was moved past, in date order */
  skipped?: { day: Day; name: string }[];
  note?: string;
  condition?: string;
  source: SourceRef;
}

export interface PathItem {
  node: string;
  kind: 'question' | 'step';
  question: string;
  answer?: string;
  answer_label?: string;
  source: SourceRef;
}

export interface Outcome {
  profile: Profile;
  tree: Tree;
  walk: Walk;
  melding: Day;
  outcomeNode: string;
  node: OutcomeNode;
  route: RouteCode;
  regie?: string;
  path: PathItem[];
  handover: HandoverItem[];
  timeline: TimelineItem[];
}

type Tri = boolean | undefined;
interface Known {
  route: RouteCode;
  facts: Facts;
}

const and3 = (xs: Tri[]): Tri => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
const or3 = (xs: Tri[]): Tri => (xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);
const not3 = (x: Tri): Tri => (x === undefined ? undefined : !x);

/**
 * A rule condition on a path that has not happened yet: the route is known, flags are known when an
 * answer established them, and dates are assumed to be registered (each step happens).
 */
export function evalCondition(spec: ConditionSpec | undefined, k: Known): Tri {
  if (!spec) return true;
  const parts: Tri[] = [];
  if (spec.route) parts.push(spec.route.includes(k.route));
  if (spec.route_not) parts.push(!spec.route_not.includes(k.route));
  if (spec.absent) parts.push(undefined);
  if (spec.flags) {
    for (const [field, wanted] of Object.entries(spec.flags)) {
      const v = k.facts[field as FieldName];
      parts.push(v === undefined ? undefined : v === wanted);
    }
  }
  if (spec.any) parts.push(or3(spec.any.map((s) => evalCondition(s, k))));
  if (spec.not) parts.push(not3(evalCondition(spec.not, k)));
  return and3(parts);
}

interface Phrases {
  need: string[];
  unless: string[];
}

/** The parts of a condition still open on this path, as "alleen bij …" and "tenzij …" phrases. */
function openParts(spec: ConditionSpec | undefined, k: Known | undefined, negate: boolean, out: Phrases): void {
  if (!spec) return;
  const put = (positive: boolean, text: string) => (positive !== negate ? out.need : out.unless).push(text);
  if (spec.route && (!k || !spec.route.includes(k.route))) put(true, spec.route.map(routeLabel).join(' / '));
  if (spec.route_not && (!k || spec.route_not.includes(k.route))) put(false, spec.route_not.map(routeLabel).join(' / '));
  for (const [field, wanted] of Object.entries(spec.flags ?? {})) {
    if (k && k.facts[field as FieldName] !== undefined) continue;
    put(wanted === true, fieldLabel(field as FieldName));
  }
  if (spec.any && (!k || evalCondition({ any: spec.any }, k) === undefined)) {
    const alts = spec.any.map((s) => {
      const p: Phrases = { need: [], unless: [] };
      openParts(s, k, false, p);
      return [...p.need, ...p.unless.map((u) => t('triage.cond.not', { what: u }))].join(' ' + t('triage.cond.and') + ' ');
    });
    put(true, alts.filter(Boolean).join(' ' + t('triage.cond.or') + ' '));
  }
  if (spec.not) openParts(spec.not, k, !negate, out);
}

function phrasesText(p: Phrases): string | undefined {
  const parts: string[] = [];
  if (p.need.length) parts.push(t('triage.cond.only', { what: p.need.join(' ' + t('triage.cond.and') + ' ') }));
  if (p.unless.length) parts.push(t('triage.cond.unless', { what: p.unless.join(' ' + t('triage.cond.or') + ' ') }));
  return parts.length ? parts.join('; ') : undefined;
}

function openText(when: (ConditionSpec | undefined)[], unless: ConditionSpec | undefined, k: Known): string | undefined {
  const p: Phrases = { need: [], unless: [] };
  for (const w of when) openParts(w, k, false, p);
  openParts(unless, k, true, p);
  return phrasesText(p);
}

/** Why an item is not needed on this path: the decided part of its condition. */
function decidedText(when: ConditionSpec | undefined, unless: ConditionSpec | undefined, k: Known): string | undefined {
  if (evalCondition(when, k) === false) {
    const p: Phrases = { need: [], unless: [] };
    openParts(when, undefined, false, p);
    return phrasesText(p);
  }
  if (unless && evalCondition(unless, k) === true) {
    // the fact that makes it unnecessary, e.g. "melder anoniem"
    const p: Phrases = { need: [], unless: [] };
    openParts(unless, undefined, false, p);
    return [...p.need, ...p.unless.map((u) => t('triage.cond.not', { what: u }))].join(' ' + t('triage.cond.and') + ' ');
  }
  return undefined;
}

/** Does a rule concern this route? Its `when.route` names it, or it has no route condition. */
function concernsRoute(spec: RuleSpec, k: Known): Tri {
  return evalCondition(spec.when, k);
}

export function handoverItems(profile: Profile, k: Known): HandoverItem[] {
  const out: HandoverItem[] = [];
  for (const rule of profile.rules) {
    const spec = rule.spec;
    if (spec.kind !== 'required_items') continue;
    const ruleWhen = concernsRoute(spec, k);
    if (ruleWhen === false) continue;
    for (const item of spec.items) {
      const it = typeof item === 'string' ? { field: item } : item;
      const when = and3([ruleWhen, evalCondition(it.when, k)]);
      const unless = it.unless ? evalCondition(it.unless, k) : false;
      let status: HandoverItem['status'];
      let condition: string | undefined;
      if (when === false || unless === true) {
        status = 'not_required';
        condition = decidedText(it.when, it.unless, k);
      } else if (when === true && unless === false) {
        status = 'required';
      } else {
        status = 'conditional';
        condition = openText([spec.when, it.when], it.unless, k);
      }
      out.push({
        rule_id: rule.id,
        rule_title: localized(spec.title),
        field: it.field,
        label: fieldLabel(it.field),
        status,
        ...(condition ? { condition } : {}),
      });
    }
  }
  return out;
}

function durationText(d: Duration): string {
  if ('workdays' in d) return t(d.workdays === 1 ? 'triage.dur.workday' : 'triage.dur.workdays', { n: d.workdays });
  if ('days' in d) return d.days === 0 ? t('triage.dur.sameDay') : t(d.days === 1 ? 'triage.dur.day' : 'triage.dur.days', { n: d.days });
  if ('weeks' in d) return t(d.weeks === 1 ? 'triage.dur.week' : 'triage.dur.weeks', { n: d.weeks });
  return t(d.months === 1 ? 'triage.dur.month' : 'triage.dur.months', { n: d.months });
}

function relativeText(d: Duration, from: FieldName[]): string {
  const anchors = from.map(fieldLabel).join(' ' + t('triage.cond.or') + ' ');
  if ('days' in d && d.days === 0) return t('triage.rel.sameDay', { anchor: anchors });
  return t('triage.rel.after', { duration: durationText(d), anchor: anchors });
}

/**
 * The closed weekdays a term passed over: for werkdagen every closed Monday–Friday after the
 * anchor up to the due date; for a calendar term moved off a closed day (Atw art. 1, when the
 * profile extends calendar terms), the closed days it was moved past. Weekends are not named.
 */
export function skippedFeestdagen(cal: WerkdagCalendar, anchor: Day, d: Duration, due: Day): { day: Day; name: string }[] {
  let from: Day;
  if ('workdays' in d) from = anchor + 1;
  else if ('days' in d) from = anchor + d.days;
  else if ('weeks' in d) from = anchor + 7 * d.weeks;
  else from = addMonths(anchor, d.months);
  // a werkdagen term counts up to its due date; a moved calendar term passes the days before it
  const last = 'workdays' in d ? due : due - 1;
  const out: { day: Day; name: string }[] = [];
  for (let day = from; day <= last; day++) {
    const wd = weekday(day);
    if (wd === 0 || wd === 6) continue;
    const name = cal.closedReason(day, getLang());
    if (name !== undefined && !cal.isWerkdag(day)) out.push({ day, name });
  }
  return out;
}

interface Pending {
  item: Omit<TimelineItem, 'due' | 'window' | 'relative' | 'basis'>;
  from: FieldName[];
  duration: Duration;
  sets?: FieldName;
  window?: { before: number; after: number };
}

function entryPending(node: string, e: TimelineEntrySpec, fallback: SourceRef): Pending {
  return {
    item: {
      node,
      entry: e.id,
      kind: 'step',
      label: localized(e.label),
      ...(e.note ? { note: localized(e.note) } : {}),
      source: e.source ?? fallback,
    },
    from: [e.from],
    duration: e.duration,
    sets: e.sets,
  };
}

export function timeline(profile: Profile, tree: Tree, walk: Walk, melding: Day, k: Known): TimelineItem[] {
  const cal = calendarOf(profile);
  const pending: Pending[] = [];
  for (const p of walk.path) {
    const n = nodeOf(tree, p.node);
    if (n.kind === 'step') for (const e of n.timeline ?? []) pending.push(entryPending(p.node, e, n.source));
  }
  const out = outcomeOf(tree, walk.outcome);
  for (const e of out.timeline ?? []) pending.push(entryPending(walk.outcome, e, out.source));
  for (const rule of profile.rules) {
    const spec = rule.spec;
    if (spec.kind !== 'deadline' && spec.kind !== 'moment') continue;
    const applies = concernsRoute(spec, k);
    if (applies === false) continue;
    pending.push({
      item: {
        rule_id: rule.id,
        kind: spec.kind,
        label: localized(spec.title),
        ...(applies === undefined ? { condition: openText([spec.when], undefined, k) } : {}),
        source: spec.source,
      },
      from: [spec.from].flat(),
      duration: spec.duration,
      sets: spec.to,
      window: spec.kind === 'moment' ? (spec.window ?? profile.momentWindow) : undefined,
    });
  }

  // Fixed point: a date becomes an anchor as soon as it is known. The first field of a `from`
  // list decides: a later one would only count if the earlier date were never registered.
  const known = new Map<FieldName, Day>([['melding_datum', melding]]);
  const done = new Map<Pending, TimelineItem>();
  /** when each date became known: an anchor sorts before what it anchors on the same day */
  const order = new Map<TimelineItem, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of pending) {
      if (done.has(p)) continue;
      const anchor = known.get(p.from[0]);
      if (anchor === undefined) continue;
      const due = cal.addDuration(anchor, p.duration);
      const basis = t('triage.basis', {
        term: relativeText(p.duration, [p.from[0]]),
        date: displayDate(anchor),
      });
      const skipped = skippedFeestdagen(cal, anchor, p.duration, due);
      const item: TimelineItem = {
        ...p.item,
        due,
        ...(p.window ? { window: { start: due - p.window.before, end: due + p.window.after } } : {}),
        basis,
        ...(skipped.length ? { skipped } : {}),
      };
      done.set(p, item);
      order.set(item, order.size);
      if (p.sets && !known.has(p.sets)) known.set(p.sets, due);
      changed = true;
    }
  }
  const dated = pending.filter((p) => done.has(p)).map((p) => done.get(p) as TimelineItem);
  dated.sort((a, b) => (a.due as Day) - (b.due as Day) || (order.get(a) as number) - (order.get(b) as number));
  const relative = pending
    .filter((p) => !done.has(p))
    .map((p) => {
      const rel = relativeText(p.duration, p.from);
      return { ...p.item, relative: rel, basis: rel } as TimelineItem;
    });
  return [...dated, ...relative];
}

function pathItems(tree: Tree, walk: Walk): PathItem[] {
  return walk.path.map((p) => {
    const n = nodeOf(tree, p.node);
    if (n.kind === 'question' && p.kind === 'question') {
      const a = answerOf(n, p.answer);
      return {
        node: p.node,
        kind: 'question',
        question: localized(n.question),
        answer: p.answer,
        answer_label: a ? localized(a.label) : p.answer,
        source: n.source,
      };
    }
    return { node: p.node, kind: 'step', question: n.kind === 'step' ? localized(n.title) : p.node, source: n.source };
  });
}

export function buildOutcome(profile: Profile, tree: Tree, walk: Walk, melding: Day): Outcome {
  const node = outcomeOf(tree, walk.outcome);
  const k: Known = { route: node.route, facts: walk.facts };
  const regie = profile.regie[node.route];
  return {
    profile,
    tree,
    walk,
    melding,
    outcomeNode: walk.outcome,
    node,
    route: node.route,
    ...(regie ? { regie: localized(regie) } : {}),
    path: pathItems(tree, walk),
    handover: handoverItems(profile, k),
    timeline: timeline(profile, tree, walk, melding, k),
  };
}
