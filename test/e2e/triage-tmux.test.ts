/**
 * The wizard in a real terminal: tmux runs `giacheck triage --region zuid-limburg` in a detached
 * session on a private socket; we press Enter on every default until the outcome screen appears,
 * then read the pane. Skipped (with the reason) only when tmux is not installed.
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

async function waitFor(session: string, ok: (text: string) => boolean, what: string, tries = 200): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const text = pane(session);
    if (ok(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tmux: gave up waiting for ${what}:\n${pane(session)}`);
}

function start(session: string, args: string): void {
  const env = `env -u FORCE_COLOR NO_COLOR=1 GIACHECK_LANG= LANG=C.UTF-8`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '60', '-c', ROOT,
    `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} triage ${args}; echo "GIACHECK_EXIT=$?"; sleep 120`);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!hasTmux)(hasTmux ? 'giacheck triage in tmux' : 'giacheck triage in tmux (skipped: tmux is not on PATH)', () => {
  it('Enter on every default from the start reaches the outcome screen with dates, exit 0; --record saves the session', async () => {
    const rec = join(mkdtempSync(join(tmpdir(), 'giacheck-tmux-')), 'sessie.yaml');
    start('defaults', `--region zuid-limburg --record ${JSON.stringify(rec)}`);
    let text = await waitFor('defaults', (s) => s.includes('Datum van de melding'), 'the date prompt');
    for (let i = 0; i < 30 && !text.includes('GIACHECK_EXIT='); i++) {
      const before = text;
      tmux('send-keys', '-t', 'defaults', 'Enter');
      // the next question is ready when its key help is the last line (a finished select drops it)
      text = await waitFor(
        'defaults',
        (s) => s !== before && (s.includes('GIACHECK_EXIT=') || s.trimEnd().endsWith('⏎ bevestigen')),
        'the next question',
      );
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
    await waitFor('ctrlc', (s) => s.includes('Heeft het gezin geen (extra) hulp') && s.trimEnd().endsWith('⏎ bevestigen'), 'the first question');
    tmux('send-keys', '-t', 'ctrlc', 'C-c');
    const text = await waitFor('ctrlc', (s) => s.includes('GIACHECK_EXIT='), 'the exit status');
    expect(text).toContain('▸ Stap: Veiligheidsbeoordeling en telefonisch contact met het gezin');
    expect(text).toContain('giacheck: triage afgebroken');
    expect(text).toContain('GIACHECK_EXIT=130');
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain('ExitPromptError');
  });
});
