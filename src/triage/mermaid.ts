/**
 * `giacheck triage --format mermaid`: the tree as a Mermaid flowchart for slides. Questions are
 * diamonds, steps parallelograms, outcomes subroutine boxes. With a replayed walk the path taken
 * is drawn bold, so a trainer can show one scenario on the whole tree. A tree's sections are drawn
 * as subgraphs; `--section <id>` draws one section alone (its exits to other sections as dashed
 * stubs), and `--direction LR` draws left to right, so a part fits a wide slide (issue 13.16).
 */
import { localized } from '../i18n/index.js';
import { routeLabel } from '../report/messages.js';
import type { Tree, TreeNode } from './schema.js';
import type { Walk } from './walk.js';

export const DIRECTIONS = ['TD', 'LR', 'BT', 'RL'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface MermaidOptions {
  /** TD (top-down, the default) or LR (left to right) … */
  direction?: Direction;
  /** draw only this section of the tree (an id from the tree's `sections`) */
  section?: string;
}

/** Text inside a quoted Mermaid label: quotes and angle brackets as entities, no line breaks. */
function label(text: string): string {
  return (
    '"' +
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/#/g, '#35;')
      .replace(/"/g, '#quot;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;') +
    '"'
  );
}

/** Node ids are prefixed so that a tree node called `end` or `graph` cannot break the chart. */
const mid = (id: string) => `n_${id}`;

function shortText(n: TreeNode): string {
  if (n.kind === 'question') return localized(n.short ?? n.question);
  if (n.kind === 'step') return localized(n.short ?? n.title);
  return n.short ? localized(n.short) : routeLabel(n.route);
}

function shape(id: string, n: TreeNode): string {
  const text = label(shortText(n));
  if (n.kind === 'question') return `${mid(id)}{${text}}`;
  if (n.kind === 'step') return `${mid(id)}[/${text}/]`;
  return `${mid(id)}[[${text}]]`;
}

export function mermaidTree(tree: Tree, walk?: Walk, opts: MermaidOptions = {}): string {
  const lines = [`flowchart ${opts.direction ?? 'TD'}`];
  const section = opts.section === undefined ? undefined : tree.sections?.find((s) => s.id === opts.section);
  if (opts.section !== undefined && !section) throw new Error(`mermaid: no section ${opts.section}`);
  const drawn = new Set(section ? section.nodes : tree.nodes.keys());
  const sectionOf = new Map<string, string>();
  for (const s of tree.sections ?? []) for (const n of s.nodes) sectionOf.set(n, s.id);

  const edges: string[] = [];
  const taken = new Set<string>();
  const takenEdges: number[] = [];
  if (walk) {
    const seq = [...walk.path.map((p) => p.node), walk.outcome];
    seq.forEach((n, i) => {
      taken.add(n);
      if (i > 0) taken.add(`${seq[i - 1]}→${n}`);
    });
  }
  const answered = new Map(walk?.path.flatMap((p) => (p.kind === 'question' ? [[p.node, p.answer]] : [])) ?? []);
  const steps: string[] = [];
  const outcomes: string[] = [];
  /** nodes of another section an edge of the drawn part leads to */
  const stubs: string[] = [];
  const defs = new Map<string, string>();
  for (const [id, n] of tree.nodes) {
    if (!drawn.has(id)) continue;
    defs.set(id, shape(id, n));
    const out = (to: string, text?: string) => {
      if (!drawn.has(to) && !stubs.includes(to)) stubs.push(to);
      edges.push(`  ${mid(id)} -->${text ? `|${label(text)}|` : ''} ${mid(to)}`);
    };
    if (n.kind === 'question') {
      for (const a of n.answers) {
        if (walk && answered.get(id) === a.id) takenEdges.push(edges.length);
        out(a.next, localized(a.label));
      }
    } else if (n.kind === 'step') {
      steps.push(mid(id));
      if (walk && taken.has(`${id}→${n.next}`)) takenEdges.push(edges.length);
      out(n.next);
    } else outcomes.push(mid(id));
  }
  if (section) {
    lines.push(`  subgraph s_${section.id}[${label(localized(section.title))}]`);
    for (const d of defs.values()) lines.push(`    ${d}`);
    lines.push('  end');
  } else if (tree.sections?.length) {
    for (const s of tree.sections) {
      lines.push(`  subgraph s_${s.id}[${label(localized(s.title))}]`);
      for (const n of s.nodes) lines.push(`    ${defs.get(n)}`);
      lines.push('  end');
    }
    for (const [id, d] of defs) if (!sectionOf.has(id)) lines.push(`  ${d}`);
  } else for (const d of defs.values()) lines.push(`  ${d}`);
  // an exit to another section: a rounded box naming where it goes
  for (const id of stubs) {
    const n = tree.nodes.get(id) as TreeNode;
    const where = sectionOf.get(id);
    const title = where ? tree.sections?.find((s) => s.id === where)?.title : undefined;
    lines.push(`  ${mid(id)}(${label(`→ ${shortText(n)}${title ? ` (${localized(title)})` : ''}`)})`);
  }
  lines.push(...edges);
  lines.push('  classDef step fill:#e3f2fd,stroke:#1565c0');
  lines.push('  classDef outcome fill:#e8f5e9,stroke:#2e7d32,font-weight:bold');
  if (steps.length) lines.push(`  class ${steps.join(',')} step`);
  if (outcomes.length) lines.push(`  class ${outcomes.join(',')} outcome`);
  if (stubs.length) {
    lines.push('  classDef elsewhere fill:#ffffff,stroke:#757575,stroke-dasharray:4 3,color:#555555');
    lines.push(`  class ${stubs.map(mid).join(',')} elsewhere`);
  }
  if (walk) {
    const hit = [...tree.nodes.keys()].filter((id) => taken.has(id) && drawn.has(id));
    lines.push('  classDef taken stroke:#c62828,stroke-width:3px');
    if (hit.length) lines.push(`  class ${hit.map(mid).join(',')} taken`);
    if (takenEdges.length) lines.push(`  linkStyle ${takenEdges.join(',')} stroke:#c62828,stroke-width:3px`);
  }
  return lines.join('\n') + '\n';
}
