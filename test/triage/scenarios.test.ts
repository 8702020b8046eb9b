/**
 * The scenario library (fixtures/scenarios): every scenario replays to the route the seeds lead
 * to, both regions are covered and every route of each tree appears at least once.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledProfileIds, loadProfile } from '../../src/profile/load.js';
import { loadAnswers, replayAnswers } from '../../src/triage/answers.js';
import { outcomes, treeOf } from '../../src/triage/load.js';
import { buildOutcome } from '../../src/triage/outcome.js';

const DIR = resolve(__dirname, '../../fixtures/scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
/** the bundled profiles with a triage tree */
const TREE_REGIONS = bundledProfileIds().filter((id) => loadProfile({ region: id }).triage);

describe('scenario library', () => {
  it('holds at least 8 scenarios covering every region with a triage tree', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const regions = new Set(files.map((f) => loadAnswers(join(DIR, f)).spec.profile));
    expect(regions).toEqual(new Set(TREE_REGIONS));
  });

  it.each(files)('%s replays to its expected route', (file) => {
    const loaded = loadAnswers(join(DIR, file));
    const { spec } = loaded;
    expect(spec.story, 'a scenario tells a story').toBeTruthy();
    expect(spec.expected?.route, 'a scenario names the route the seeds lead to').toBeTruthy();
    expect(loaded.melding, 'a scenario fixes its melding date').toBeDefined();
    const profile = loadProfile({ region: spec.profile });
    const tree = treeOf(profile);
    const walk = replayAnswers(tree, loaded);
    const o = buildOutcome(profile, tree, walk, loaded.melding as number);
    expect(o.route).toBe(spec.expected?.route);
  });

  it.each(TREE_REGIONS)('every route of the %s tree appears in a scenario', (region) => {
    const tree = treeOf(loadProfile({ region }));
    const wanted = new Set(outcomes(tree).map(([, n]) => n.route));
    const covered = new Set(
      files.map((f) => loadAnswers(join(DIR, f)).spec).filter((s) => s.profile === region).map((s) => s.expected?.route),
    );
    for (const r of wanted) expect(covered.has(r), r).toBe(true);
  });
});
