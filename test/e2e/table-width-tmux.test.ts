/**
 * Issue 13 point 8: the check table fits the terminal. tmux runs `giacheck check` in a real
 * terminal of 80, 120 and 200 columns; the pane (joined, so a too-long line would show as one)
 * has no line longer than the width, with the compact layout below 160 columns. Outside a
 * terminal the width is 100 unless --width says otherwise.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, giacheck } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `giacheck-width-${process.pid}`;
const ARGS = 'check fixtures/demo/zuid-limburg-demo.csv --region zuid-limburg --as-of 2026-11-01 --fail-on never --max-findings 8';

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

async function runAt(width: number): Promise<string[]> {
  const session = `w${width}`;
  const env = 'env -u FORCE_COLOR NO_COLOR=1 GIACHECK_LANG= LANG=C.UTF-8';
  tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '40', '-c', ROOT,
    `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${ARGS}; echo "GIACHECK_EXIT=$?"; sleep 60`);
  for (let i = 0; i < 300; i++) {
    const text = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
    if (text.includes('GIACHECK_EXIT=')) return text.split('\n').filter((l) => !l.startsWith('GIACHECK_EXIT='));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tmux: no exit at width ${width}`);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!hasTmux)(hasTmux ? 'check table in tmux' : 'check table in tmux (skipped: tmux is not on PATH)', () => {
  it.each([80, 120, 200])('at %i columns no line is longer than the terminal', async (width) => {
    const lines = await runAt(width);
    expect(lines.join('\n')).toContain('Naleving per regel');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(width);
    const compact = lines.some((l) => /^Regel\s+Omschrijving\s+Toepasbaar\s+laat\+verlopen\s+ontbreekt\s+Naleving$/.test(l));
    expect(compact).toBe(width < 160);
    if (width < 160) {
      // descriptions cut with "…", no box-drawing borders
      expect(lines.some((l) => /^ZL-0\d {2}.*…/.test(l))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/[┌│└─]/);
      const zl01 = lines.find((l) => l.startsWith('ZL-01 '))!;
      expect(zl01).toMatch(/\s393\s+41\s+0\s+89,5% < 90%$/);
    }
  }, 60_000);
});

describe('width outside a terminal', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
  it('is 100 in a pipe, or --width', async () => {
    const base = ARGS.split(' ');
    expect(widest((await giacheck(base)).stdout)).toBe(100);
    expect(widest((await giacheck([...base, '--width', '90'])).stdout)).toBeLessThanOrEqual(90);
    const wide = (await giacheck([...base, '--width', '200'])).stdout;
    expect(widest(wide)).toBeLessThanOrEqual(200);
    expect(wide).toContain('┌');
    const bad = await giacheck([...base, '--width', 'breed']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('giacheck: --width "breed": kies uit 40 … 1000\n');
  });
});
