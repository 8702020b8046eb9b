/**
 * `giacheck triage --format mermaid`: the tree as a Mermaid flowchart for slides. Questions are
 * diamonds, steps parallelograms, outcomes subroutine boxes. With a replayed walk the path taken
 * is drawn bold, so a trainer can show one scenario on the whole tree.
 */
import { localized } from '../i18n/index.js';
import { routeLabel } from '../report/messages.js';
import type { Tree } from './schema.js';
import type { Walk } from './walk.js';

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

export function mermaidTree(tree: Tree, walk?: Walk): string {
  const lines = ['flowchart TD'];
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
  for (const [id, n] of tree.nodes) {
    if (n.kind === 'question') {
      lines.push(`  ${mid(id)}{${label(localized(n.short ?? n.question))}}`);
      for (const a of n.answers) {
        if (walk && answered.get(id) === a.id) takenEdges.push(edges.length);
        edges.push(`  ${mid(id)} -->|${label(localized(a.label))}| ${mid(a.next)}`);
      }
    } else if (n.kind === 'step') {
      lines.push(`  ${mid(id)}[/${label(localized(n.short ?? n.title))}/]`);
      steps.push(mid(id));
      if (walk && taken.has(`${id}→${n.next}`)) takenEdges.push(edges.length);
      edges.push(`  ${mid(id)} --> ${mid(n.next)}`);
    } else {
      const text = n.short ? localized(n.short) : routeLabel(n.route);
      lines.push(`  ${mid(id)}[[${label(text)}]]`);
      outcomes.push(mid(id));
    }
  }
  lines.push(...edges);
  lines.push('  classDef step fill:#e3f2fd,stroke:#1565c0');
  lines.push('  classDef outcome fill:#e8f5e9,stroke:#2e7d32,font-weight:bold');
  if (steps.length) lines.push(`  class ${steps.join(',')} step`);
  if (outcomes.length) lines.push(`  class ${outcomes.join(',')} outcome`);
  if (walk) {
    lines.push('  classDef taken stroke:#c62828,stroke-width:3px');
    lines.push(`  class ${[...tree.nodes.keys()].filter((id) => taken.has(id)).map(mid).join(',')} taken`);
    if (takenEdges.length) lines.push(`  linkStyle ${takenEdges.join(',')} stroke:#c62828,stroke-width:3px`);
  }
  return lines.join('\n') + '\n';
}
