/**
 * `giacheck triage --explain`: the whole tree as text, every node with its help, interpretation
 * and source (document title, section and quote), so a trainer can prepare a session and a
 * coordinator can check every criterion against the werkafspraken.
 */
import { basename } from 'node:path';
import { Chalk } from 'chalk';
import { localized, t } from '../i18n/index.js';
import type { Profile } from '../profile/load.js';
import { routeLabel } from '../report/messages.js';
import '../i18n/catalog/triage.js';
import type { SourceRef } from './outcome.js';
import type { TimelineEntrySpec, Tree } from './schema.js';

function sourceLines(profile: Profile, s: SourceRef, indent: string): string[] {
  const title = profile.sources[s.document]?.title;
  const lines = [`${indent}${t('triage.explain.source')}: ${s.document} ${s.section}${title ? ` — ${title}` : ''}`];
  if (s.quote) lines.push(`${indent}  “${s.quote}”`);
  return lines;
}

function timelineLines(entries: TimelineEntrySpec[] | undefined, indent: string): string[] {
  return (entries ?? []).map((e) => {
    const note = e.note ? ` — ${localized(e.note)}` : '';
    return `${indent}${t('triage.explain.timeline')}: ${localized(e.label)}${note}`;
  });
}

export function explainTree(profile: Profile, tree: Tree, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(t('triage.explain.title', { title: localized(tree.title), version: tree.version })));
  out.push(t('triage.explain.meta', { profile: localized(profile.name), file: basename(tree.file), start: tree.start }));
  if (tree.description) out.push(localized(tree.description));
  if (tree.sections?.length) {
    out.push(t('triage.explain.sections', { sections: tree.sections.map((s) => `${s.id} (${localized(s.title)})`).join(', ') }));
  }
  for (const [id, n] of tree.nodes) {
    out.push('');
    if (n.kind === 'question') {
      out.push(c.bold(`[${id}] ${t('triage.explain.question')}: ${localized(n.question)}`));
      out.push(`  ${t('triage.explain.help')}: ${localized(n.help)}`);
      if (n.interpretation) out.push(`  ${t('triage.explain.interpretation')}: ${localized(n.interpretation)}`);
      out.push(...sourceLines(profile, n.source, '  '));
      out.push(`  ${t('triage.explain.answers')}:`);
      for (const a of n.answers) {
        out.push(`    ${a.id}: ${localized(a.label)} → ${a.next}`);
        if (a.help) out.push(`      ${localized(a.help)}`);
      }
    } else if (n.kind === 'step') {
      out.push(c.bold(`[${id}] ${t('triage.explain.step')}: ${localized(n.title)}`));
      out.push(`  ${localized(n.text)}`);
      if (n.interpretation) out.push(`  ${t('triage.explain.interpretation')}: ${localized(n.interpretation)}`);
      out.push(...sourceLines(profile, n.source, '  '));
      out.push(...timelineLines(n.timeline, '  '));
      out.push(`  → ${n.next}`);
    } else {
      out.push(c.bold(`[${id}] ${t('triage.explain.outcome')}: ${routeLabel(n.route)} (${n.route})`));
      if (n.title) out.push(`  ${localized(n.title)}`);
      if (n.note) out.push(`  ${localized(n.note)}`);
      const regie = profile.regie[n.route];
      if (regie) out.push(`  ${t('triage.out.regie')}: ${localized(regie)}`);
      if (n.interpretation) out.push(`  ${t('triage.explain.interpretation')}: ${localized(n.interpretation)}`);
      out.push(...sourceLines(profile, n.source, '  '));
      out.push(...timelineLines(n.timeline, '  '));
    }
  }
  return out.join('\n') + '\n';
}

/** --explain --format json: the tree as data, nodes in file order. */
export function treeJson(profile: Profile, tree: Tree): Record<string, unknown> {
  return {
    profile: { id: profile.id, version: profile.version },
    tree: {
      file: basename(tree.file),
      version: tree.version,
      title: tree.title,
      description: tree.description ?? null,
      start: tree.start,
      sections: tree.sections ?? [],
      nodes: [...tree.nodes].map(([id, n]) => ({ id, ...n })),
    },
  };
}
