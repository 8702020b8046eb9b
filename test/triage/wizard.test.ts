/**
 * The prompt flow, driven through @inquirer/testing's virtual screen: no answer preselected, help,
 * "vorige vraag", the melding date, and Ctrl-C.
 */
import { screen } from '@inquirer/testing/vitest';
import { input, select } from '@inquirer/prompts';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { setLang } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { treeOf } from '../../src/triage/load.js';
import { runWizard } from '../../src/triage/wizard.js';

const zl = loadProfile({ region: 'zuid-limburg' });
const zlTree = treeOf(zl);

function start(lang: 'nl' | 'en' = 'nl') {
  setLang(lang);
  const written: string[] = [];
  const done = runWizard(
    { profile: zl, tree: zlTree, defaultMelding: parseIsoDay('2026-03-02') as number, color: false },
    { select, input, write: (s) => void written.push(s), columns: 100 },
  );
  return { done, written };
}

afterEach(() => setLang('nl'));

describe('triage wizard (Zuid-Limburg)', () => {
  it('asks the melding date first, then one question at a time, no answer preselected; the common answers reach the direct handover', async () => {
    const { done } = start();
    expect(screen.getScreen()).toContain('Datum van de melding');
    expect(screen.getScreen()).toContain('2026-03-02');
    screen.keypress('enter');
    await screen.next();
    const first = screen.getScreen();
    expect(first).toContain('Is er een vermoeden van een crisissituatie?');
    expect(first).toContain('ℹ Uitleg bij deze vraag');
    expect(first).toContain('← Vorige vraag');
    // no answer is preselected (issue 13.16): the cursor is on a line that cannot be chosen
    expect(first).toMatch(/❯ \(kies een antwoord met ↓\)/);
    expect(first).not.toMatch(/❯ (Ja|Nee)/);
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('kies eerst een antwoord met ↓ of ↑, dan ⏎');
    expect(screen.getScreen()).toContain('Is er een vermoeden van een crisissituatie?');
    const asked: string[] = [];
    // Ja is one ↓, Nee two: nee, nee, nee, ja, nee, nee, ja
    const downs = [2, 2, 2, 1, 2, 2, 1];
    for (let i = 0; i < 20; i++) {
      asked.push(screen.getScreen().split('\n')[0]);
      for (let d = 0; d < downs[i]; d++) screen.keypress('down');
      screen.keypress('enter');
      const settled = await Promise.race([done.then(() => true), screen.next().then(() => false)]);
      if (settled) break;
    }
    const { walk, melding } = await done;
    expect(asked).toHaveLength(7);
    expect(asked[6]).toMatch(/^\? Kan de casus wat betreft aard/);
    expect(melding).toBe(parseIsoDay('2026-03-02'));
    expect(walk.outcome).toBe('uitkomst_lv');
    expect(walk.path.map((p) => (p.kind === 'question' ? `${p.node}=${p.answer}` : p.node))).toEqual([
      'crisis=nee',
      'gezinsvoogd=nee',
      'anoniem=nee',
      'vermoeden=ja',
      'onveiligheid=nee',
      'directbetrokkene=nee',
      'lokaal_veld=ja',
    ]);
    expect(walk.facts).toEqual({ gi_betrokken: false, melder_anoniem: false });
  });

  it('shows the help text with its source and asks the same question again', async () => {
    const { done, written } = start();
    screen.keypress('enter'); // date
    await screen.next();
    for (let d = 0; d < 3; d++) screen.keypress('down'); // Ja, Nee, separator skipped → help
    screen.keypress('enter');
    await screen.next();
    const help = written.join('');
    expect(help).toContain('crisishulp jeugd');
    expect(help).toContain('bron: 000 Bijlage 3a.2–3');
    expect(screen.getScreen()).toContain('Is er een vermoeden van een crisissituatie?');
    // answer Ja, then "binnen kantoortijden": the crisis step is printed, then the gezinsvoogd question
    expect(screen.getScreen()).toMatch(/❯ \(kies een antwoord met ↓\)/);
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('binnen of buiten kantoortijden');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(written.join('')).toContain('Stap: Crisis binnen kantoortijden');
    expect(screen.getScreen()).toContain('gezinsvoogd');
    // gezinsvoogd: Ja → outcome GI
    screen.keypress('down');
    screen.keypress('enter');
    const { walk } = await done;
    expect(walk.outcome).toBe('uitkomst_gi');
    expect(walk.path.map((p) => p.node)).toEqual(['crisis', 'crisis_kantoortijd', 'crisis_binnen', 'gezinsvoogd']);
  });

  it('"vorige vraag" goes back one question and drops the steps passed since; back from the first question returns to the date', async () => {
    const { done } = start();
    screen.keypress('enter'); // date 2026-03-02
    await screen.next();
    // crisis: Ja → buiten kantoortijden
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('gezinsvoogd');
    // back: to the office-hours question, with the earlier answer (buiten) preselected
    for (let i = 0; i < 5; i++) screen.keypress('down');
    expect(screen.getScreen()).toMatch(/❯ ← Vorige vraag/);
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('binnen of buiten kantoortijden');
    expect(screen.getScreen()).toMatch(/❯ Buiten kantoortijden/);
    // back again: the crisis question; back once more: the date
    for (let i = 0; i < 3; i++) screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Is er een vermoeden van een crisissituatie?');
    expect(screen.getScreen()).toMatch(/❯ Ja/);
    for (let i = 0; i < 4; i++) screen.keypress('down');
    expect(screen.getScreen()).toMatch(/❯ ← Vorige vraag \(datum van de melding\)/);
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Datum van de melding');
    // a new date, in Dutch notation; an impossible one is refused (and cleared) first
    screen.type('31-02-2026');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('geef een bestaande datum');
    screen.type('09-03-2026');
    screen.keypress('enter');
    await screen.next();
    // the earlier answer (Ja) is remembered; choose Nee, then gezinsvoogd: Ja
    expect(screen.getScreen()).toMatch(/❯ Ja/);
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/❯ \(kies een antwoord met ↓\)/);
    screen.keypress('down');
    screen.keypress('enter');
    const { walk, melding } = await done;
    expect(melding).toBe(parseIsoDay('2026-03-09'));
    expect(walk.path.map((p) => (p.kind === 'question' ? `${p.node}=${p.answer}` : p.node))).toEqual([
      'crisis=nee',
      'gezinsvoogd=ja',
    ]);
    expect(walk.outcome).toBe('uitkomst_gi');
  });

  it('speaks English with --lang en', async () => {
    const { done } = start('en');
    expect(screen.getScreen()).toContain('Date of the melding');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Is a crisis situation suspected?');
    expect(screen.getScreen()).toContain('Help on this question');
    expect(screen.getScreen()).toContain('navigate');
    expect(screen.getScreen()).toContain('(choose an answer with ↓)');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter'); // No
    await screen.next();
    screen.keypress('down'); // gezinsvoogd: Yes
    screen.keypress('enter');
    expect((await done).walk.outcome).toBe('uitkomst_gi');
  });

  it('Ctrl-C rejects with ExitPromptError (the command turns it into exit 130)', async () => {
    const { done } = start();
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('triage wizard at 80 columns', () => {
  it('wraps a long question on word boundaries, continuation lines indented under the text', async () => {
    setLang('nl');
    const done = runWizard(
      { profile: zl, tree: zlTree, defaultMelding: parseIsoDay('2026-03-02') as number, color: false },
      { select, input, write: () => {}, columns: 80 },
    );
    screen.keypress('enter'); // date
    await screen.next();
    // crisis: Nee, gezinsvoogd: Nee, anoniem: Nee → the long "vermoeden" question
    for (let i = 0; i < 3; i++) {
      screen.keypress('down');
      screen.keypress('down');
      screen.keypress('enter');
      await screen.next();
    }
    const lines = screen.getScreen().split('\n');
    const q = lines.slice(0, lines.findIndex((l) => l.startsWith('❯')));
    expect(q.length).toBeGreaterThan(1);
    for (const l of q) expect(l.length, l).toBeLessThanOrEqual(79);
    expect(q[0]).toMatch(/^\? \S/);
    for (const l of q.slice(1)) expect(l).toMatch(/^ {2}\S/);
    // every line ends on a whole word: the words read back as the question
    const tree = zlTree.nodes.get('vermoeden') as { question: { nl: string } };
    expect(q.map((l) => l.slice(2)).join(' ')).toBe(tree.question.nl.replace(/\s+/g, ' ').trim());
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
