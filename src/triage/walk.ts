/**
 * Walking a tree: from a node through any steps to the next question or outcome, and replaying a
 * set of answers to an outcome. Pure: the wizard and `--answers` share it, so a recorded session
 * replays to exactly the outcome the wizard showed.
 */
import type { FieldName } from '../model/fields.js';
import type { AnswerSpec, OutcomeNode, QuestionNode, StepNode, Tree, TreeNode } from './schema.js';

export type Facts = Partial<Record<FieldName, boolean>>;

export type PathEntry =
  | { node: string; kind: 'question'; answer: string }
  | { node: string; kind: 'step' };

export interface Walk {
  path: PathEntry[];
  outcome: string;
  facts: Facts;
}

export function nodeOf(tree: Tree, id: string): TreeNode {
  const n = tree.nodes.get(id);
  if (!n) throw new Error(`triage: no node ${id}`);
  return n;
}

export function questionOf(tree: Tree, id: string): QuestionNode {
  const n = nodeOf(tree, id);
  if (n.kind !== 'question') throw new Error(`triage: ${id} is not a question`);
  return n;
}

export function outcomeOf(tree: Tree, id: string): OutcomeNode {
  const n = nodeOf(tree, id);
  if (n.kind !== 'outcome') throw new Error(`triage: ${id} is not an outcome`);
  return n;
}

export function answerOf(node: QuestionNode, answerId: string): AnswerSpec | undefined {
  return node.answers.find((a) => a.id === answerId);
}

/** From `id`, pass the steps until a question or an outcome (validation rules out cycles). */
export function runThrough(tree: Tree, id: string): { steps: string[]; stop: string } {
  const steps: string[] = [];
  let at = id;
  for (let n = nodeOf(tree, at); n.kind === 'step'; n = nodeOf(tree, at)) {
    steps.push(at);
    at = (n as StepNode).next;
  }
  return { steps, stop: at };
}

/** The facts established along a path (later answers win). */
export function factsOf(tree: Tree, path: PathEntry[]): Facts {
  const facts: Facts = {};
  for (const p of path) {
    const n = nodeOf(tree, p.node);
    const sets = n.kind === 'question' ? answerOf(n, (p as { answer: string }).answer)?.sets : n.kind === 'step' ? n.sets : undefined;
    Object.assign(facts, sets ?? {});
  }
  return facts;
}

export type ReplayProblem =
  | { kind: 'missing'; node: string }
  | { kind: 'unknownAnswer'; node: string; answer: string }
  | { kind: 'unknownNode'; node: string }
  | { kind: 'unused'; node: string };

/**
 * Replay answers (question id → answer id) from the start. Every question on the path needs an
 * answer; an answer to a question the path does not ask is a problem too, because a scenario that
 * carries one does not go where its author thought.
 */
export function replay(tree: Tree, answers: Record<string, string>): { walk?: Walk; problems: ReplayProblem[] } {
  const path: PathEntry[] = [];
  const used = new Set<string>();
  let { steps, stop } = runThrough(tree, tree.start);
  for (;;) {
    for (const s of steps) path.push({ node: s, kind: 'step' });
    const node = nodeOf(tree, stop);
    if (node.kind === 'outcome') break;
    const q = node as QuestionNode;
    const given = answers[stop];
    if (given === undefined) return { problems: [{ kind: 'missing', node: stop }] };
    const a = answerOf(q, given);
    if (!a) return { problems: [{ kind: 'unknownAnswer', node: stop, answer: given }] };
    used.add(stop);
    path.push({ node: stop, kind: 'question', answer: a.id });
    ({ steps, stop } = runThrough(tree, a.next));
  }
  const problems: ReplayProblem[] = [];
  for (const id of Object.keys(answers)) {
    if (used.has(id)) continue;
    const n = tree.nodes.get(id);
    problems.push(n && n.kind === 'question' ? { kind: 'unused', node: id } : { kind: 'unknownNode', node: id });
  }
  if (problems.length) return { problems };
  return { walk: { path, outcome: stop, facts: factsOf(tree, path) }, problems: [] };
}

/** Every path from the start, as answers; for tests and the scenario coverage check. */
export function allWalks(tree: Tree): Walk[] {
  const out: Walk[] = [];
  const go = (id: string, path: PathEntry[]) => {
    const { steps, stop } = runThrough(tree, id);
    const p = [...path, ...steps.map((s) => ({ node: s, kind: 'step' as const }))];
    const n = nodeOf(tree, stop);
    if (n.kind === 'outcome') {
      out.push({ path: p, outcome: stop, facts: factsOf(tree, p) });
      return;
    }
    for (const a of (n as QuestionNode).answers) go(a.next, [...p, { node: stop, kind: 'question', answer: a.id }]);
  };
  go(tree.start, []);
  return out;
}

export function answersOf(walk: Walk): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of walk.path) if (p.kind === 'question') out[p.node] = p.answer;
  return out;
}
