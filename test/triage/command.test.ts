/** runTriage without a terminal: exit codes and the interactive choice of region. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTriage, TriageIo } from '../../src/cli/triage.js';

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

function io(select: (cfg: { message: string; choices: unknown[] }) => Promise<string>, tty = true) {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += String(d)));
  let out = '';
  const value: TriageIo = {
    select: select as unknown as TriageIo['select'],
    input: (async () => '2026-03-02') as unknown as TriageIo['input'],
    write: (s) => void (out += s),
    stdinIsTTY: tty,
    stdout: new PassThrough(),
    stderr,
    env: {},
  };
  return { value, err: () => err, out: () => out };
}

describe('runTriage', () => {
  it('Ctrl-C in a prompt (ExitPromptError) → exit 130 with one line, no stack', async () => {
    const t = io(async () => {
      throw new ExitPromptError('User force closed the prompt with SIGINT');
    });
    expect(await runTriage({ region: 'zuid-limburg' }, t.value)).toBe(130);
    expect(t.err()).toBe('\ngiacheck: triage afgebroken\n');
  });

  it('other errors are not swallowed', async () => {
    const t = io(async () => {
      throw new TypeError('boom');
    });
    await expect(runTriage({ region: 'zuid-limburg' }, t.value)).rejects.toThrow('boom');
  });

  it('without --region in a terminal it asks for a region with a tree (not landelijk)', async () => {
    const asked: { message: string; choices: unknown[] }[] = [];
    const t = io(async (cfg) => {
      asked.push(cfg);
      if (cfg.message === 'Voor welke regio?') return 'noord-oost-gelderland';
      throw new ExitPromptError('stop');
    });
    expect(await runTriage({}, t.value)).toBe(130);
    expect(asked[0].choices).toEqual([
      { value: 'noord-oost-gelderland', name: 'Noord Oost Gelderland' },
      { value: 'zuid-limburg', name: 'Zuid-Limburg' },
    ]);
    expect(asked[1].message).toBe('Heeft het gezin (extra) hulp of bemoeienis van buitenaf nodig?');
    expect(t.out()).toContain('Stap: Veiligheidsbeoordeling en telefonisch contact met het gezin');
  });

  it('without a terminal: a one-line usage error', async () => {
    const t = io(async () => 'nee', false);
    await expect(runTriage({ region: 'zuid-limburg' }, t.value)).rejects.toMatchObject({
      name: 'UserError',
      exitCode: 2,
      message: 'de triagewizard vraagt een terminal; gebruik --answers <yaml> om antwoorden af te spelen, of --explain',
    });
  });
});
