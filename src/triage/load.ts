/**
 * Loading and validating a triage tree. Beyond the schema, a tree must be walkable from its start
 * to an outcome on every path: every `next` names a node (no dead ends), no path returns to a node
 * it passed (no cycles), and every node, every outcome in particular, is reachable from the start.
 * Each problem names the YAML file, line and column.
 */
import { readTextFile } from '../profile/bundled.js';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { bundledProfileIds, loadProfile, Profile } from '../profile/load.js';
import { fileErrorMessage, formatProblem, readYaml, shownKey, YamlFile, YamlProblem, zodProblems } from '../yaml/file.js';
import '../i18n/catalog/triage.js';
import { NODE_ID, NODE_KINDS, NodeSchema, Tree, TreeNode, TreeSchema } from './schema.js';

export interface TreeLoad {
  tree?: Tree;
  problems: YamlProblem[];
}

type Path = (string | number)[];

/** The edges leaving a node, each with the YAML path of its `next`. */
export function edgesOf(id: string, node: TreeNode): { to: string; at: Path; answer?: string }[] {
  if (node.kind === 'question') {
    return node.answers.map((a, i) => ({ to: a.next, at: ['nodes', id, 'answers', i, 'next'], answer: a.id }));
  }
  if (node.kind === 'step') return [{ to: node.next, at: ['nodes', id, 'next'] }];
  return [];
}

/** Validate a tree read from `text`; `file` names it in problems. */
export function readTree(file: string, text: string): TreeLoad {
  z.config(getLang() === 'en' ? z.locales.en() : z.locales.nl());
  const { yaml, problems } = readYaml(text, file);
  if (!yaml) return { problems };
  const parsed = TreeSchema.safeParse(yaml.data);
  if (!parsed.success) return { problems: zodProblems(yaml, parsed.error) };
  const spec = parsed.data;
  const out: YamlProblem[] = [];
  const nodes = new Map<string, TreeNode>();
  for (const [id, value] of Object.entries(spec.nodes)) {
    if (!NODE_ID.test(id)) {
      out.push(yaml.problemAt(['nodes', id], t('triage.tree.nodeId', { id: shownKey(id) })));
      continue;
    }
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (value && typeof value === 'object' && !NODE_KINDS.includes(kind as never)) {
      out.push(
        yaml.problemAt(['nodes', id, 'kind'], t('triage.tree.kind', { id, kind: shownKey(String(kind)), kinds: NODE_KINDS.join(', ') })),
      );
      continue;
    }
    const r = NodeSchema.safeParse(value);
    if (r.success) nodes.set(id, r.data);
    else out.push(...zodProblems(yaml, r.error, ['nodes', id]));
  }
  if (out.length) return { problems: out };
  out.push(...checkStructure(yaml, spec.start, nodes));
  out.push(...checkSections(yaml, spec.sections ?? [], nodes));
  if (out.length) return { problems: out };
  return {
    tree: { file, version: spec.version, title: spec.title, description: spec.description, start: spec.start, ...(spec.sections ? { sections: spec.sections } : {}), nodes },
    problems: [],
  };
}

/** Sections name nodes of the tree, each node in one section at most, each id once. */
function checkSections(yaml: YamlFile, sections: { id: string; nodes: string[] }[], nodes: Map<string, TreeNode>): YamlProblem[] {
  const out: YamlProblem[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  sections.forEach((s, i) => {
    if (ids.has(s.id)) out.push(yaml.problemAt(['sections', i, 'id'], t('triage.tree.sectionTwice', { section: s.id })));
    ids.add(s.id);
    s.nodes.forEach((n, j) => {
      if (!nodes.has(n)) out.push(yaml.problemAt(['sections', i, 'nodes', j], t('triage.tree.sectionNode', { section: s.id, id: n })));
      else if (owner.has(n)) out.push(yaml.problemAt(['sections', i, 'nodes', j], t('triage.tree.sectionNodeTwice', { section: s.id, id: n, other: owner.get(n) as string })));
      else owner.set(n, s.id);
    });
  });
  return out;
}

function checkStructure(yaml: YamlFile, start: string, nodes: Map<string, TreeNode>): YamlProblem[] {
  const out: YamlProblem[] = [];
  if (!nodes.has(start)) return [yaml.problemAt(['start'], t('triage.tree.noStart', { id: start }))];

  for (const [id, node] of nodes) {
    if (node.kind === 'question') {
      const seen = new Set<string>();
      node.answers.forEach((a, i) => {
        if (seen.has(a.id)) out.push(yaml.problemAt(['nodes', id, 'answers', i, 'id'], t('triage.tree.answerTwice', { id, answer: a.id })));
        seen.add(a.id);
      });
    }
    for (const e of edgesOf(id, node)) {
      if (!nodes.has(e.to)) out.push(yaml.problemAt(e.at, t('triage.tree.deadEnd', { id, next: e.to })));
    }
  }
  if (out.length) return out;

  // depth-first from the start: a grey node met again closes a cycle
  const state = new Map<string, 'grey' | 'black'>();
  const trail: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'grey');
    trail.push(id);
    for (const e of edgesOf(id, nodes.get(id) as TreeNode)) {
      const s = state.get(e.to);
      if (s === 'grey') {
        const cycle = [...trail.slice(trail.indexOf(e.to)), e.to].join(' → ');
        out.push(yaml.problemAt(e.at, t('triage.tree.cycle', { cycle })));
      } else if (s === undefined) visit(e.to);
    }
    trail.pop();
    state.set(id, 'black');
  };
  visit(start);
  for (const [id, node] of nodes) {
    if (!state.has(id)) {
      out.push(yaml.problemAt(['nodes', id], t(node.kind === 'outcome' ? 'triage.tree.outcomeUnreachable' : 'triage.tree.unreachable', { id })));
    }
  }
  return out;
}

export function loadTreeFile(file: string): TreeLoad {
  let text: string;
  try {
    text = readTextFile(file); // bundled trees come from the standalone binary's assets there
  } catch (e) {
    throw new UserError(fileErrorMessage(file, e));
  }
  return readTree(file, text);
}

function orThrow(load: TreeLoad): Tree {
  if (load.tree) return load.tree;
  const [first, ...rest] = load.problems;
  throw new UserError(formatProblem(first) + (rest.length ? ' ' + t('triage.tree.more', { count: rest.length }) : ''));
}

export function loadTree(file: string): Tree {
  return orThrow(loadTreeFile(file));
}

/** The bundled profiles that hold a triage tree, for messages and the region question. */
export function profilesWithTree(): Profile[] {
  return bundledProfileIds()
    .map((id) => loadProfile({ region: id }))
    .filter((p) => p.triage);
}

/** "a of b" in the current language. */
export function regionList(): string {
  const ids = profilesWithTree().map((p) => p.id);
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} ${t('triage.cond.or')} ${ids.at(-1)}` : ids.join('');
}

/** The tree of a profile; a profile without one (the base profile) is a usage error. */
export function treeOf(profile: Profile): Tree {
  if (!profile.triage) throw new UserError(t('triage.noTree', { profile: profile.id, regions: regionList() }));
  return loadTree(profile.triage);
}

/** Outcome nodes in file order. */
export function outcomes(tree: Tree): [string, Extract<TreeNode, { kind: 'outcome' }>][] {
  return [...tree.nodes].filter((e): e is [string, Extract<TreeNode, { kind: 'outcome' }>] => e[1].kind === 'outcome');
}
