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
}

export function renderOutcome(o: Outcome, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  const h = (text: string) => lines.push('', c.bold(text));
  lines.push(c.bold.inverse(` ${t('triage.out.title')} `) + ' ' + c.bold(routeLabel(o.route)));
  lines.push(
    '  ' +
      t('triage.out.meta', {
        profile: localized(o.profile.name),
        version: o.tree.version,
        date: dayText(o.melding),
      }),
  );
  if (o.node.title) lines.push('  ' + localized(o.node.title));
  lines.push('  ' + c.dim(t('triage.out.source', { source: sourceText(o.node.source) })));
  if (o.node.note) lines.push('  ' + localized(o.node.note));
  if (opts.expected && opts.expected !== o.route) {
    lines.push('  ' + c.red(t('triage.out.expectedMismatch', { expected: routeLabel(opts.expected) })));
  }

  h(t('triage.out.regie'));
  lines.push('  ' + (o.regie ?? t('triage.out.regieUnknown')));

  h(t('triage.out.path'));
  let q = 0;
  for (const p of o.path) {
    if (p.kind === 'question') {
      q++;
      lines.push(`  ${String(q).padStart(2)}. ${p.question}`);
      lines.push(`      → ${c.bold(p.answer_label ?? '')}  ${c.dim('· ' + sourceText(p.source))}`);
    } else {
      lines.push(`   ▸ ${c.cyan(t('triage.out.step', { title: p.question }))}  ${c.dim('· ' + sourceText(p.source))}`);
    }
  }

  h(t('triage.out.items'));
  if (!o.handover.length) lines.push('  ' + t('triage.out.noItems'));
  let rule = '';
  for (const it of o.handover) {
    if (it.rule_id !== rule) {
      rule = it.rule_id;
      lines.push(`  ${c.bold(it.rule_id)} ${it.rule_title}`);
    }
    if (it.status === 'required') lines.push(`    ${c.green('✓')} ${it.label}`);
    else if (it.status === 'conditional') lines.push(`    ${c.yellow('?')} ${it.label} (${it.condition})`);
    else lines.push(c.dim(`    – ${it.label}: ${t('triage.out.notNeeded')}${it.condition ? ` (${it.condition})` : ''}`));
  }

  h(t('triage.out.timeline'));
  lines.push('  ' + c.dim(t('triage.out.timelineNote')));
  lines.push(`  ${dayText(o.melding).padEnd(16)}  ${t('triage.out.melding')}`);
  const dated = o.timeline.filter((i) => i.due !== undefined);
  const relative = o.timeline.filter((i) => i.due === undefined);
  for (const i of dated) {
    const id = i.rule_id ?? '';
    lines.push(`  ${c.bold(whenText(i).padEnd(16))}  ${id ? c.bold(id) + ' ' : ''}${i.label}`);
    const extra = [i.basis, i.note, i.condition].filter(Boolean).join('; ');
    lines.push(`  ${' '.repeat(16)}    ${c.dim(extra + ' · ' + sourceText(i.source))}`);
  }
  if (relative.length) {
    lines.push('', '  ' + t('triage.out.relative'));
    for (const i of relative) {
      const id = i.rule_id ?? '';
      lines.push(`  ${' '.repeat(16)}  ${id ? c.bold(id) + ' ' : ''}${i.label}`);
      const extra = [i.relative, i.note, i.condition].filter(Boolean).join('; ');
      lines.push(`  ${' '.repeat(16)}    ${c.dim(extra + ' · ' + sourceText(i.source))}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function outcomeJson(o: Outcome, extra: { expected?: string } = {}): Record<string, unknown> {
  return {
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
      note: i.note ?? null,
      condition: i.condition ?? null,
      source: i.source,
    })),
  };
}
