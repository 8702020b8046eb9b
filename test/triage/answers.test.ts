/** Answers files: replay problems with YAML locations, and --record output that replays. */
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { loadProfile } from '../../src/profile/load.js';
import { answersYaml, readAnswers, replayAnswers } from '../../src/triage/answers.js';
import { treeOf } from '../../src/triage/load.js';
import { allWalks } from '../../src/triage/walk.js';

const nog = treeOf(loadProfile({ region: 'noord-oost-gelderland' }));

function replayText(text: string) {
  return () => replayAnswers(nog, readAnswers('a.yaml', text));
}

describe('replaying an answers file', () => {
  it('replays to the outcome and reads the melding date', () => {
    const loaded = readAnswers('a.yaml', 'profile: noord-oost-gelderland\nmelding_datum: "2026-03-09"\nanswers:\n  hulp_nodig: nee\n');
    expect(loaded.melding).toBe(parseIsoDay('2026-03-09'));
    expect(replayAnswers(nog, loaded).outcome).toBe('uitkomst_einde');
  });

  it('an unknown answer names its line and the choices', () => {
    expect(replayText('answers:\n  hulp_nodig: ja\n  anoniem: misschien\n')).toThrowError(
      'a.yaml:3:12: answers.anoniem: onbekend antwoord "misschien"; kies uit: ja, nee',
    );
  });

  it('a question on the path without an answer is named with its text', () => {
    expect(replayText('answers:\n  hulp_nodig: ja\n')).toThrowError(
      /^a\.yaml:2:3: geen antwoord op vraag anoniem \("Wil de melder anoniem blijven\?"\); kies uit: ja, nee$/,
    );
  });

  it('an answer to a question this path does not ask, or to no question at all, is an error', () => {
    expect(replayText('answers:\n  hulp_nodig: nee\n  letsel: nee\n')).toThrowError(
      'a.yaml:3:11: answers.letsel: deze vraag wordt op dit pad niet gesteld',
    );
    expect(replayText('answers:\n  hulp_nodig: nee\n  onbekend: nee\n')).toThrowError(
      'a.yaml:3:13: answers.onbekend: de boom heeft geen vraag onbekend',
    );
  });

  it('schema problems: an impossible date, an unknown key', () => {
    expect(() => readAnswers('a.yaml', 'melding_datum: "2026-02-31"\nanswers: {}\n')).toThrowError(
      /^a\.yaml:1:16: melding_datum: geen bestaande datum: "2026-02-31"$/,
    );
    expect(() => readAnswers('a.yaml', 'answers: {}\nantwoorden: {}\n')).toThrowError(/^a\.yaml:2:\d+: .*antwoorden/);
  });
});

describe('recording', () => {
  it('writes profile, date and the answers in the order asked, each with its question as a comment, and replays', () => {
    const walk = allWalks(nog).find((w) => w.outcome === 'uitkomst_vv' && w.path.some((p) => p.node === 'letsel'))!;
    const text = answersYaml({ profile: 'noord-oost-gelderland', melding: parseIsoDay('2026-05-13') as number, walk, tree: nog });
    expect(text).toContain('profile: noord-oost-gelderland\nmelding_datum: "2026-05-13"\nanswers:\n  hulp_nodig: ja # Heeft het gezin (extra) hulp of bemoeienis van buitenaf nodig?\n');
    expect(text).toContain('  letsel: ja # Is er letsel?\n  dienst: nee #');
    const again = readAnswers('rec.yaml', text);
    expect(again.melding).toBe(parseIsoDay('2026-05-13'));
    expect(replayAnswers(nog, again)).toEqual(walk);
  });
});
