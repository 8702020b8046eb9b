/** Every route of each tree is reachable, and every path builds an outcome with dated steps. */
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { loadProfile } from '../../src/profile/load.js';
import { outcomes, treeOf } from '../../src/triage/load.js';
import { buildOutcome } from '../../src/triage/outcome.js';
import { allWalks, answersOf, replay } from '../../src/triage/walk.js';

const ZL_ROUTES = [
  'overdracht_lokaal_veld',
  'voorwaarden_en_vervolg',
  'onderzoek',
  'overdracht_lopende_hulpverlening',
  'overdracht_multidisciplinair',
  'overdracht_directbetrokkene',
  'overdracht_gi',
  'geen_vervolg',
];
const NOG_ROUTES = ['overdracht_lokaal_veld', 'voorwaarden_en_vervolg', 'onderzoek', 'geen_vervolg'];

describe.each([
  ['zuid-limburg', ZL_ROUTES],
  ['noord-oost-gelderland', NOG_ROUTES],
])('%s tree', (region, routes) => {
  const profile = loadProfile({ region });
  const tree = treeOf(profile);
  const walks = allWalks(tree);

  it('reaches exactly the routes of its seed', () => {
    expect(new Set(walks.map((w) => buildOutcome(profile, tree, w, 0).route))).toEqual(new Set(routes));
  });

  it('reaches every outcome node', () => {
    const reached = new Set(walks.map((w) => w.outcome));
    for (const [id] of outcomes(tree)) expect(reached.has(id), id).toBe(true);
  });

  it('every path replays from its answers to the same outcome, and dates the melding-anchored deadlines', () => {
    const melding = parseIsoDay('2026-03-02') as number;
    for (const w of walks) {
      const r = replay(tree, answersOf(w));
      expect(r.walk?.outcome).toBe(w.outcome);
      const o = buildOutcome(profile, tree, w, melding);
      const dated = o.timeline.filter((i) => i.due !== undefined);
      expect(dated.length).toBeGreaterThan(0);
      for (const i of dated) expect(i.due as number).toBeGreaterThanOrEqual(melding);
    }
  });
});

describe('paths through the Zuid-Limburg tree (SPEC §7)', () => {
  const tree = treeOf(loadProfile({ region: 'zuid-limburg' }));
  const walks = allWalks(tree);
  const route = (w: { outcome: string }) => (tree.nodes.get(w.outcome) as { route: string }).route;

  it('crisis is a step after which the tree goes on: every route stays reachable after either crisis step', () => {
    for (const step of ['crisis_binnen', 'crisis_buiten']) {
      const after = walks.filter((w) => w.path.some((p) => p.node === step));
      expect(new Set(after.map(route))).toEqual(new Set(ZL_ROUTES));
    }
  });

  it('an anonymous melding passes the triagetafel and goes on to the §5.1 criteria (every route but the GI)', () => {
    const anon = walks.filter((w) => w.path.some((p) => p.node === 'triagetafel'));
    const routes = new Set(anon.map(route));
    expect(routes).toEqual(new Set(ZL_ROUTES.filter((r) => r !== 'overdracht_gi')));
    for (const w of anon) expect(w.facts.melder_anoniem).toBe(true);
  });

  it('a gezinsvoogd leads straight to the GI, before the anonymity question', () => {
    const gi = walks.filter((w) => w.path.some((p) => p.kind === 'question' && p.node === 'gezinsvoogd' && p.answer === 'ja'));
    expect(gi.length).toBe(3); // no crisis, crisis in office hours, crisis outside them
    for (const w of gi) {
      expect(w.outcome).toBe('uitkomst_gi');
      expect(w.path.at(-1)).toEqual({ node: 'gezinsvoogd', kind: 'question', answer: 'ja' });
    }
  });
});

describe('paths through the Noord Oost Gelderland tree (001 §1)', () => {
  const tree = treeOf(loadProfile({ region: 'noord-oost-gelderland' }));
  const walks = allWalks(tree);
  const route = (w: { outcome: string }) => (tree.nodes.get(w.outcome) as { route: string }).route;
  // the tenzij bullets asked plainly: the answer that makes the exception hold (issue 13.16)
  const TENZIJ = ['anoniem', 'onveilig', 'duidelijk', 'geen_hulp_gewenst', 'letsel', 'ongeboren_kind', 'acute_psychiatrie', 'maatregelen'];
  const HOLDS: Record<string, string> = { duidelijk: 'nee' };
  const holds = (q: string) => HOLDS[q] ?? 'ja';
  const fails = (q: string) => (holds(q) === 'ja' ? 'nee' : 'ja');

  it('direct handover only when none of the nine tenzij bullets holds', () => {
    const direct = walks.filter((w) => route(w) === 'overdracht_lokaal_veld');
    expect(direct).toHaveLength(1);
    expect(answersOf(direct[0])).toEqual({ hulp_nodig: 'ja', ...Object.fromEntries(TENZIJ.map((q) => [q, fails(q)])) });
  });

  it('"no (extra) help needed" ends the involvement', () => {
    const einde = walks.filter((w) => route(w) === 'geen_vervolg');
    expect(einde.map(answersOf)).toEqual([{ hulp_nodig: 'nee' }]);
  });

  it('unclear HG/KM or a family refusing help → Onderzoek; any other tenzij → a service chosen on the same criterion', () => {
    for (const q of TENZIJ) {
      const hits = walks.filter((w) => answersOf(w)[q] === holds(q));
      const routes = new Set(hits.map(route));
      if (q === 'duidelijk' || q === 'geen_hulp_gewenst') expect(routes, q).toEqual(new Set(['onderzoek']));
      else {
        expect(routes, q).toEqual(new Set(['onderzoek', 'voorwaarden_en_vervolg']));
        for (const w of hits) expect(route(w)).toBe(answersOf(w).dienst === 'ja' ? 'onderzoek' : 'voorwaarden_en_vervolg');
      }
    }
  });
});
