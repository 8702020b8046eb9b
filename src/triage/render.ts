/**
 * The outcome screen (text) and its JSON form. Both read an Outcome only; neither computes.
 */
import { basename } from 'node:path';
import { Chalk } from 'chalk';
import { Day, isoDate, weekday } from '../calendar/days.js';
import { localized, t } from '../i18n/index.js';
import { displayDate, routeLabel } from '../report/messages.js';
import '../i18n/catalog/triage.js';
import type { Outcome, SourceRef, TimelineItem } from './outcome.js';
import { answersOf } from './walk.js';
import { wrapWords } from '../report/table.js';

export function sourceText(s: SourceRef): string {
  return `${s.document} ${s.section}`;
}

/** "ma 02-03-2026" / "Mon 2026-03-02" */
export function dayText(d: Day): string {
  return `${t(`triage.wd.${weekday(d)}`)} ${displayDate(d)}`;
}

function whenText(item: TimelineItem): string {
  if (item.due === undefined) return '';
  if (item.window) {
    return t('triage.tl.around', { date: dayText(item.due), start: displayDate(item.window.start), end: displayDate(item.window.end) });
  }
  return dayText(item.due);
}

export interface RenderOptions {
  color: boolean;
  /** a scenario's expected route, to flag a mismatch on screen */
  expected?: string;
  /** the line width texts are wrapped to (100 when not known) */
  width?: number;
  /**
   * the summary for a terminal (issue 13.16): the timeline one line per date (with the feestdagen
   * skipped), the path with the questions' short labels, no source lines
   */
  compact?: boolean;
  /** a replayed scenario: its title and story open the screen */
  scenario?: { title?: string; story?: string };
}

/** One block of the outcome screen; a pager keeps a section on one page where it can. */
export interface OutcomeSection {
  id: 'story' | 'head' | 'regie' | 'items' | 'note' | 'timeline' | 'path';
  title: string;
  lines: string[];
}

/** "Koningsdag en 5 mei (Bevrijdingsdag) overgeslagen" */
export function skippedText(item: TimelineItem): string | undefined {
  if (!item.skipped?.length) return undefined;
  const names = item.skipped.map((s) => s.name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${t('triage.cond.and')} ${names[names.length - 1]}`;
  return t('triage.tl.skipped', { names: list });
}

/**
 * The outcome screen as sections, in the order a coordinator needs them: the route, who holds
 * regie, the handover items; then the timeline and the path taken. Every line fits `width`
 * (words wrapped, continuation lines indented).
 */
export function outcomeSections(o: Outcome, opts: RenderOptions): OutcomeSection[] {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(40, opts.width ?? 100);
  /** `text` wrapped under `indent`, continuation lines `hang` further in */
  const para = (text: string, indent: number, hang = 0, paint: (s: string) => string = (x) => x): string[] =>
    wrapWords(text, width - indent - hang).map((l, i) => ' '.repeat(i === 0 ? indent : indent + hang) + paint(l));
  const sections: OutcomeSection[] = [];

  if (opts.scenario?.title || opts.scenario?.story) {
    const lines: string[] = [];
    if (opts.scenario.title) lines.push(c.bold(t('triage.out.scenario', { title: opts.scenario.title })));
    if (opts.scenario.story) lines.push(...para(opts.scenario.story, 2));
    lines.push('');
    sections.push({ id: 'story', title: t('triage.out.scenarioHead'), lines });
  }

  const head: string[] = [];
  head.push(c.bold.inverse(` ${t('triage.out.title')} `) + ' ' + c.bold(routeLabel(o.route)));
  head.push(...para(t('triage.out.meta', { profile: localized(o.profile.name), version: o.tree.version, date: dayText(o.melding) }), 2, 2));
  const src = t('triage.out.source', { source: sourceText(o.node.source) });
  if (o.node.title) head.push(...para(`${localized(o.node.title)} · ${src}`, 2, 2));
  else head.push(...para(src, 2, 2, c.dim));
  // the summary keeps route, regie and items on one screen: the note follows the items there
  if (o.node.note && !opts.compact) head.push(...para(localized(o.node.note), 2));
  if (opts.expected && opts.expected !== o.route) {
    head.push(...para(t('triage.out.expectedMismatch', { expected: routeLabel(opts.expected) }), 2, 2, c.red));
  }
  sections.push({ id: 'head', title: t('triage.out.title'), lines: head });

  sections.push({ id: 'regie', title: t('triage.out.regie'), lines: ['', c.bold(t('triage.out.regie')), ...para(o.regie ?? t('triage.out.regieUnknown'), 2)] });

  const items = ['', c.bold(t('triage.out.items'))];
  if (!o.handover.length) items.push(...para(t('triage.out.noItems'), 2));
  let rule = '';
  for (const it of o.handover) {
    if (it.rule_id !== rule) {
      rule = it.rule_id;
      items.push(...para(`${it.rule_id} ${it.rule_title}`, 2, 7, c.bold));
    }
    // a required item is something still to do: a bullet, never a "done" tick
    if (it.status === 'required') items.push(...para(`• ${it.label}`, 4, 2));
    else if (it.status === 'conditional') items.push(...para(`? ${it.label} (${it.condition})`, 4, 2, c.yellow));
    else items.push(...para(`– ${it.label}: ${t('triage.out.notNeeded')}${it.condition ? ` (${it.condition})` : ''}`, 4, 2, c.dim));
  }
  if (o.handover.length) items.push(...para(t(opts.compact ? 'triage.out.itemsLegendShort' : 'triage.out.itemsLegend'), 2, 2, c.dim));
  sections.push({ id: 'items', title: t('triage.out.items'), lines: items });
  if (o.node.note && opts.compact) {
    sections.push({ id: 'note', title: t('triage.out.note'), lines: ['', c.bold(t('triage.out.note')), ...para(localized(o.node.note), 2)] });
  }

  const tl = ['', c.bold(t('triage.out.timeline')), ...para(t(opts.compact ? 'triage.out.timelineNoteShort' : 'triage.out.timelineNote'), 2, 2, c.dim)];
  const dateCol = 17;
  const entry = (when: string, id: string | undefined, label: string) => {
    const text = `${id ? id + ' ' : ''}${label}`;
    const lines = wrapWords(text, width - 2 - dateCol);
    return lines.map((l, i) => {
      const left = i === 0 ? `  ${c.bold(when.padEnd(dateCol - 1))} ` : ' '.repeat(2 + dateCol);
      return i === 0 && id ? left + c.bold(id) + l.slice(id.length) : left + l;
    });
  };
  const detail = (text: string) => wrapWords(text, width - 4 - dateCol).map((l) => ' '.repeat(4 + dateCol) + c.dim(l));
  tl.push(...entry(dayText(o.melding), undefined, t('triage.out.melding')));
  const dated = o.timeline.filter((i) => i.due !== undefined);
  const relative = o.timeline.filter((i) => i.due === undefined);
  for (const i of dated) {
    tl.push(...entry(opts.compact || !i.window ? dayText(i.due as Day) : whenText(i), i.rule_id, i.label));
    const skipped = skippedText(i);
    if (opts.compact) {
      if (skipped) tl.push(...detail(skipped));
    } else {
      const extra = [i.basis, skipped, i.note, i.condition].filter(Boolean).join('; ');
      tl.push(...detail(`${extra} · ${sourceText(i.source)}`));
    }
  }
  if (relative.length) {
    tl.push(...para(t('triage.out.relative'), 2, 2));
    for (const i of relative) {
      if (opts.compact) tl.push(...para(`${i.rule_id ? i.rule_id + ' ' : ''}${i.label} (${i.relative})`, 4, 2));
      else {
        tl.push(...para(`${i.rule_id ? i.rule_id + ' ' : ''}${i.label}`, 4, 2));
        const extra = [i.relative, i.note, i.condition].filter(Boolean).join('; ');
        tl.push(...para(`${extra} · ${sourceText(i.source)}`, 6, 0, c.dim));
      }
    }
  }
  sections.push({ id: 'timeline', title: t('triage.out.timeline'), lines: tl });

  const path = ['', c.bold(t('triage.out.path'))];
  let q = 0;
  for (const p of o.path) {
    const n = o.tree.nodes.get(p.node);
    const short = opts.compact && n?.short ? localized(n.short) : p.question;
    if (p.kind === 'question') {
      q++;
      // the number right-aligned in the indent (wrapping drops leading spaces)
      const at = q < 10 ? 3 : 2;
      if (opts.compact) path.push(...para(`${q}. ${short} → ${p.answer_label ?? ''}`, at, 6 - at));
      else {
        path.push(...para(`${q}. ${p.question}`, at, 6 - at));
        path.push(...para(`→ ${p.answer_label ?? ''}  · ${sourceText(p.source)}`, 6, 2));
      }
    } else {
      const step = `▸ ${t('triage.out.step', { title: short })}`;
      path.push(...para(opts.compact ? step : `${step}  · ${sourceText(p.source)}`, 3, 2, c.cyan));
    }
  }
  sections.push({ id: 'path', title: t('triage.out.path'), lines: path });
  return sections;
}

export function renderOutcome(o: Outcome, opts: RenderOptions): string {
  return outcomeSections(o, opts).flatMap((s) => s.lines).join('\n') + '\n';
}

/**
 * The sections cut into pages of at most `rows` lines for a terminal: a section goes whole onto
 * the current page when it fits, else onto a fresh page, and is only split when it is longer than
 * a page; the outcome itself (after a scenario's story) starts a page. Leading blank lines of a
 * page are dropped.
 */
export function pages(sections: OutcomeSection[], rows: number): { titles: string[]; lines: string[] }[] {
  const size = Math.max(5, rows);
  const out: { titles: string[]; lines: string[] }[] = [];
  let cur: { titles: string[]; lines: string[] } = { titles: [], lines: [] };
  const flush = () => {
    if (cur.lines.length) out.push(cur);
    cur = { titles: [], lines: [] };
  };
  for (const s of sections) {
    // a scenario's story is a page of its own: the outcome then opens the next one
    if (s.id === 'head') flush();
    // regie and items run on from the route's page; the later sections move to a fresh page
    const runOn = s.id === 'regie' || s.id === 'items';
    let lines = cur.lines.length ? s.lines : dropLeadingBlank(s.lines);
    while (lines.length) {
      const room = size - cur.lines.length;
      if (lines.length <= room) {
        cur.titles.push(s.title);
        cur.lines.push(...lines);
        break;
      }
      if (!runOn && cur.lines.length && lines.length <= size) {
        flush();
        lines = dropLeadingBlank(lines);
        continue;
      }
      // longer than a page: fill this one, go on on the next
      cur.titles.push(s.title);
      cur.lines.push(...lines.slice(0, room));
      lines = dropLeadingBlank(lines.slice(room));
      flush();
    }
  }
  flush();
  return out;
}

function dropLeadingBlank(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  return lines.slice(i);
}

export function outcomeJson(o: Outcome, extra: { expected?: string; scenario?: { title?: string; story?: string } } = {}): Record<string, unknown> {
  return {
    ...(extra.scenario ? { scenario: { title: extra.scenario.title ?? null, story: extra.scenario.story ?? null } } : {}),
    profile: { id: o.profile.id, version: o.profile.version },
    tree: { file: basename(o.tree.file), version: o.tree.version },
    melding_datum: isoDate(o.melding),
    route: o.route,
    route_label: routeLabel(o.route),
    outcome_node: o.outcomeNode,
    regie: o.regie ?? null,
    source: o.node.source,
    note: o.node.note ? localized(o.node.note) : null,
    ...(extra.expected ? { expected_route: extra.expected, matches_expected: extra.expected === o.route } : {}),
    path: o.path.map((p) => ({
      node: p.node,
      kind: p.kind,
      question: p.question,
      answer: p.answer ?? null,
      answer_label: p.answer_label ?? null,
      source: p.source,
    })),
    answers: answersOf(o.walk),
    facts: o.walk.facts,
    handover_items: o.handover.map((i) => ({
      rule_id: i.rule_id,
      field: i.field,
      label: i.label,
      status: i.status,
      condition: i.condition ?? null,
    })),
    timeline: o.timeline.map((i) => ({
      rule_id: i.rule_id ?? null,
      node: i.node ?? null,
      entry: i.entry ?? null,
      kind: i.kind,
      label: i.label,
      ...(i.due !== undefined ? { due_date: isoDate(i.due) } : { relative: i.relative }),
      ...(i.window ? { window_start: isoDate(i.window.start), window_end: isoDate(i.window.end) } : {}),
      basis: i.basis,
      skipped_feestdagen: (i.skipped ?? []).map((s) => ({ date: isoDate(s.day), name: s.name })),
      note: i.note ?? null,
      condition: i.condition ?? null,
      source: i.source,
    })),
  };
}
