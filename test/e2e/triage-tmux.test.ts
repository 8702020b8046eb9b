/**
 * The wizard in a real terminal: tmux runs `giacheck triage --region zuid-limburg` in a detached
 * session on a private socket; we answer each question (none is preselected) until the outcome
 * screen appears, page through it, then read the pane. On a projector's terminal (100×30, 80×24)
 * every page of a replayed scenario fits: story first, then route, regie and handover items
 * together, then the timeline. Skipped (with the reason) only when tmux is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dutchDate, isoDate, todayDay } from '../../src/calendar/days.js';
import { calendarOf, loadProfile } from '../../src/profile/load.js';
import { BIN, ROOT } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `giacheck-test-${process.pid}`;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
  return r.stdout;
}
const pane = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', session);
/** what is on the screen now (no scrollback, lines as the terminal shows them) */
const visible = (session: string) => tmux('capture-pane', '-p', '-t', session);
const PAGER = /\(pagina \d+ van \d+\)$/;
const settledPrompt = (s: string) => s.includes('GIACHECK_EXIT=') || s.trimEnd().endsWith('⏎ bevestigen') || PAGER.test(s.trimEnd());

async function waitFor(session: string, ok: (text: string) => boolean, what: string, tries = 200): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const text = pane(session);
    if (ok(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tmux: gave up waiting for ${what}:\n${pane(session)}`);
}

function start(session: string, args: string, size: [number, number] = [200, 60]): void {
  const env = `env -u FORCE_COLOR NO_COLOR=1 GIACHECK_LANG= LANG=C.UTF-8`;
  tmux('new-session', '-d', '-s', session, '-x', String(size[0]), '-y', String(size[1]), '-c', ROOT,
    `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} triage ${args}; echo "GIACHECK_EXIT=$?"; sleep 120`);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!hasTmux)(hasTmux ? 'giacheck triage in tmux' : 'giacheck triage in tmux (skipped: tmux is not on PATH)', () => {
  it('no answer preselected; the common answers from the start reach the outcome screen with dates, exit 0; --record saves the session', async () => {
    const rec = join(mkdtempSync(join(tmpdir(), 'giacheck-tmux-')), 'sessie.yaml');
    start('defaults', `--region zuid-limburg --record ${JSON.stringify(rec)}`);
    let text = await waitFor('defaults', (s) => s.includes('Datum van de melding'), 'the date prompt');
    tmux('send-keys', '-t', 'defaults', 'Enter');
    text = await waitFor('defaults', (s) => s.trimEnd().endsWith('⏎ bevestigen'), 'the first question');
    // Enter before choosing chooses nothing: the cursor is not on an answer
    expect(text).toContain('❯ (kies een antwoord met ↓)');
    tmux('send-keys', '-t', 'defaults', 'Enter');
    text = await waitFor('defaults', (s) => s.includes('kies eerst een antwoord met ↓ of ↑, dan ⏎'), 'the hint');
    // Ja is one ↓, Nee two: crisis nee, gezinsvoogd nee, anoniem nee, vermoeden ja, onveiligheid nee,
    // directbetrokkene nee, lokaal veld ja
    for (const downs of [2, 2, 2, 1, 2, 2, 1]) {
      const before = text;
      for (let d = 0; d < downs; d++) tmux('send-keys', '-t', 'defaults', 'Down');
      tmux('send-keys', '-t', 'defaults', 'Enter');
      // the next question is ready when its key help is the last line (a finished select drops it)
      text = await waitFor('defaults', (s) => s !== before && settledPrompt(s), 'the next question');
    }
    // the outcome screen, a page at a time
    for (let i = 0; i < 10 && !text.includes('GIACHECK_EXIT='); i++) {
      const before = text;
      tmux('send-keys', '-t', 'defaults', 'Enter');
      text = await waitFor('defaults', (s) => s !== before && settledPrompt(s), 'the next page');
    }
    text = await waitFor('defaults', (s) => s.includes('GIACHECK_EXIT='), 'the exit status');
    const today = todayDay();
    const cal = calendarOf(loadProfile({ region: 'zuid-limburg' }));
    expect(text).toContain('Uitkomst  directe overdracht lokale veld');
    expect(text).toContain(`melding bij Veilig Thuis`);
    expect(text).toContain(dutchDate(today));
    expect(text).toMatch(new RegExp(`${dutchDate(cal.addWerkdagen(today, 5))}\\s+ZL-01 `));
    expect(text).toMatch(new RegExp(`${dutchDate(cal.addWerkdagen(today, 5) + 21)}\\s+ZL-03 `));
    expect(text).toContain('GIACHECK_EXIT=0');
    expect(text).toContain(`antwoorden bewaard in ${rec}`);
    expect(statSync(rec).mode & 0o777).toBe(0o600);
    const recorded = readFileSync(rec, 'utf8');
    expect(recorded).toContain(`melding_datum: "${isoDate(today)}"`);
    expect(recorded).toContain('lokaal_veld: ja #');
  });

  it('Ctrl-C leaves cleanly: exit 130, no stack trace', async () => {
    start('ctrlc', '--region noord-oost-gelderland --as-of 2026-03-02');
    await waitFor('ctrlc', (s) => s.includes('Datum van de melding'), 'the date prompt');
    tmux('send-keys', '-t', 'ctrlc', 'Enter');
    await waitFor('ctrlc', (s) => s.includes('Heeft het gezin (extra) hulp') && s.trimEnd().endsWith('⏎ bevestigen'), 'the first question');
    tmux('send-keys', '-t', 'ctrlc', 'C-c');
    const text = await waitFor('ctrlc', (s) => s.includes('GIACHECK_EXIT='), 'the exit status');
    expect(text).toContain('▸ Stap: Veiligheidsbeoordeling en telefonisch contact met het gezin');
    expect(text).toContain('giacheck: triage afgebroken');
    expect(text).toContain('GIACHECK_EXIT=130');
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain('ExitPromptError');
  });

  it.each([
    [100, 30],
    [80, 24],
  ])('a replayed scenario at %i×%i: the story, then route, regie and items on one screen, then the timeline; nothing wider than the terminal', async (cols, rows) => {
    const session = `proj${cols}`;
    start(session, '--answers fixtures/scenarios/zl-02-crisis-avond-vv.yaml', [cols, rows]);
    const screens: string[] = [];
    let text = await waitFor(session, (s) => settledPrompt(s), 'the first page');
    for (let i = 0; i < 10; i++) {
      screens.push(visible(session));
      if (text.includes('GIACHECK_EXIT=')) break;
      const before = text;
      tmux('send-keys', '-t', session, 'Enter');
      text = await waitFor(session, (s) => s !== before && settledPrompt(s), 'the next page');
    }
    expect(text).toContain('GIACHECK_EXIT=0');
    for (const sc of screens) {
      const lines = sc.replace(/\n$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(cols);
    }
    // page 1: the story; page 2: route, regie and the handover items (the last item and the legend too)
    expect(screens[0]).toMatch(/^Scenario: /m);
    expect(screens[0].trimEnd()).toMatch(/⏎ verder: Uitkomst \(pagina 2 van \d\)$/);
    const outcome = screens[1];
    expect(outcome).toMatch(/^ Uitkomst {2}Voorwaarden & Vervolg$/m);
    expect(outcome).toContain('Regie op veiligheid');
    expect(outcome).toContain('Overdracht: vereiste onderdelen');
    expect(outcome).toContain('    • afspraken veiligheidsplan');
    expect(outcome).toContain('• nodig · ? onder voorwaarde · – niet nodig');
    expect(outcome).not.toContain('✓');
    // later: the timeline with the feestdag it skipped (melding Friday 24 April 2026), the path
    const rest = screens.slice(2).join('\n');
    expect(rest).toMatch(/ma 04-05-2026 {4}ZL-01 /);
    expect(rest).toContain('Koningsdag overgeslagen');
    expect(rest).toContain('Gevolgd pad');
  }, 60_000);
});
