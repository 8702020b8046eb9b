/** Tree validation: schema, dead ends, cycles, unreachable nodes, each named by YAML line. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { bundledProfileIds, loadProfile } from '../../src/profile/load.js';
import { formatProblem } from '../../src/yaml/file.js';
import { outcomes, readTree, treeOf } from '../../src/triage/load.js';

afterEach(() => setLang('nl'));

const SRC = '{ document: "000", section: "§1" }';
function tree(nodes: string, start = 'q1'): string {
  return `version: "1"
title: { nl: Test, en: Test }
start: ${start}
nodes:
${nodes}`;
}
const Q1 = (ja: string, nee: string, extra = '') => `  q1:
    kind: question
    question: { nl: Vraag?, en: Question? }
    help: { nl: Uitleg, en: Help }
    source: ${SRC}${extra}
    answers:
      - { id: ja, label: { nl: Ja, en: "Yes" }, next: ${ja} }
      - { id: nee, label: { nl: Nee, en: "No" }, next: ${nee} }
`;
const OUT = (id: string, route: string) => `  ${id}:
    kind: outcome
    route: ${route}
    source: ${SRC}
`;

/** 1-based line of the first line containing `needle` (after `after`, when given). */
function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

function problems(text: string) {
  const r = readTree('tree.yaml', text);
  expect(r.tree).toBeUndefined();
  return r.problems;
}

describe('triage tree validation', () => {
  it('accepts a small valid tree', () => {
    const r = readTree('tree.yaml', tree(Q1('a', 'b') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg')));
    expect(r.problems).toEqual([]);
    expect([...(r.tree?.nodes.keys() ?? [])]).toEqual(['q1', 'a', 'b']);
  });

  it('a next that names no node is a dead end, at the line of that next', () => {
    const text = tree(Q1('a', 'nergens') + OUT('a', 'onderzoek'));
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p.line).toBe(lineOf(text, 'next: nergens'));
    expect(formatProblem(p)).toBe(`tree.yaml:${p.line}:${p.col}: nodes.q1: doodlopend: volgende knoop "nergens" bestaat niet`);
  });

  it('a cycle is reported at the next that closes it', () => {
    const step = `  s1:
    kind: step
    title: { nl: Stap, en: Step }
    text: { nl: Tekst, en: Text }
    source: ${SRC}
    next: q1
`;
    const text = tree(Q1('a', 's1') + step + OUT('a', 'onderzoek'));
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p.message).toBe('kringloop in de boom: q1 → s1 → q1');
    expect(p.line).toBe(lineOf(text, 'next: q1'));
  });

  it('an outcome nobody points to is unreachable, at the first line of its node', () => {
    const text = tree(Q1('a', 'a') + OUT('a', 'onderzoek') + OUT('wees', 'geen_vervolg'));
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p.message).toBe('nodes.wees: uitkomst niet bereikbaar vanaf start');
    expect(p.line).toBe(lineOf(text, 'kind: outcome', 'wees:'));
  });

  it('a missing source, an unknown key and an unknown route are schema errors at their lines', () => {
    const noSource = tree(Q1('a', 'b') + OUT('a', 'onderzoek') + '  b:\n    kind: outcome\n    route: geen_vervolg\n');
    expect(problems(noSource)[0]).toMatchObject({ line: lineOf(noSource, 'kind: outcome', '  b:'), path: ['nodes', 'b', 'source'] });

    const typo = tree(Q1('a', 'b', '\n    helptext: oeps') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg'));
    const [p] = problems(typo);
    expect(p.line).toBe(lineOf(typo, 'helptext'));
    expect(p.message).toContain('helptext');

    const route = tree(Q1('a', 'b') + OUT('a', 'onderzoek') + OUT('b', 'naar_de_maan'));
    expect(problems(route)[0]).toMatchObject({ line: lineOf(route, 'naar_de_maan'), path: ['nodes', 'b', 'route'] });
  });

  it('sections: an unknown node, a node in two sections and a section twice are named with their line', () => {
    const base = Q1('a', 'b') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg');
    const withSections = (yaml: string) => tree(base).replace('nodes:\n', `sections:\n${yaml}nodes:\n`);
    const unknown = withSections('  - { id: s1, title: { nl: S, en: S }, nodes: [q1, q9] }\n');
    expect(problems(unknown).map((p) => p.message)).toEqual(['sections.s1: knoop "q9" bestaat niet']);
    expect(problems(unknown)[0].line).toBe(lineOf(unknown, 'nodes: [q1, q9]'));
    const twice = withSections('  - { id: s1, title: { nl: S, en: S }, nodes: [q1] }\n  - { id: s1, title: { nl: T, en: T }, nodes: [a] }\n  - { id: s3, title: { nl: U, en: U }, nodes: [q1] }\n');
    expect(problems(twice).map((p) => p.message)).toEqual([
      'sections: sectie "s1" staat er twee keer in',
      'sections.s3: knoop "q1" hoort al bij sectie "s1"',
    ]);
    const ok = readTree('tree.yaml', withSections('  - { id: s1, title: { nl: S, en: S }, nodes: [q1, a, b] }\n'));
    expect(ok.problems).toEqual([]);
    expect(ok.tree?.sections).toEqual([{ id: 's1', title: { nl: 'S', en: 'S' }, nodes: ['q1', 'a', 'b'] }]);
  });

  it('an unknown kind, a default (no answer is preselected any more), a duplicate answer and a missing start are named', () => {
    const kind = tree(Q1('a', 'b') + OUT('a', 'onderzoek') + '  b:\n    kind: uitkomst\n');
    expect(problems(kind)[0]).toMatchObject({ line: lineOf(kind, 'kind: uitkomst') });
    expect(problems(kind)[0].message).toContain('onbekende soort "uitkomst"');

    const dflt = tree(Q1('a', 'b', '\n    default: misschien') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg'));
    expect(problems(dflt)[0]).toMatchObject({ line: lineOf(dflt, 'default: misschien') });

    const twice = tree(Q1('a', 'b').replace('{ id: nee', '{ id: ja') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg'));
    expect(problems(twice)[0].message).toBe('nodes.q1: antwoord "ja" komt twee keer voor');

    const start = tree(Q1('a', 'b') + OUT('a', 'onderzoek') + OUT('b', 'geen_vervolg'), 'begin');
    expect(problems(start)[0]).toMatchObject({ line: lineOf(start, 'start: begin'), message: 'start: er is geen knoop "begin"' });
  });

  it('speaks English with --lang en', () => {
    setLang('en');
    const text = tree(Q1('a', 'nergens') + OUT('a', 'onderzoek'));
    expect(problems(text)[0].message).toBe('nodes.q1: dead end: next node "nergens" does not exist');
  });

  it('a YAML syntax error names its line', () => {
    const [p] = problems('version: "1"\nnodes:\n  q1: [unclosed\n');
    expect(p.line).toBeGreaterThanOrEqual(3);
  });
});

describe('bundled trees', () => {
  it.each(bundledProfileIds().filter((id) => loadProfile({ region: id }).triage))('%s loads without problems and every node has a source', (region) => {
    const t = treeOf(loadProfile({ region }));
    for (const [, n] of t.nodes) {
      expect(n.source.document).toMatch(/^00[0-4]$/);
      expect(n.source.section.length).toBeGreaterThan(0);
    }
  });

  it('landelijk has no tree: a clear usage error', () => {
    expect(() => treeOf(loadProfile({ region: 'landelijk' }))).toThrowError(/profiel landelijk heeft geen triageboom/);
  });

  it('outcomes are listed in file order', () => {
    const t = treeOf(loadProfile({ region: 'noord-oost-gelderland' }));
    expect(outcomes(t).map(([, n]) => n.route)).toEqual(['overdracht_lokaal_veld', 'voorwaarden_en_vervolg', 'onderzoek', 'geen_vervolg']);
  });
});
