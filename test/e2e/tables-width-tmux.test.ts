/**
 * Issue 13 point 8 for the other tables: `agenda`, `validate` and `compare` fit the terminal.
 * tmux runs each in a real terminal of 80, 120 and 200 columns; the pane (joined, so a too-long
 * line would show as one) has no line longer than the width, the compact layout (no borders)
 * below 160 columns, and what the user needs is there whole: every dossier id, the wrapped
 * reasons and titles word for word. Outside a terminal the width is 100 unless --width says
 * otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, giacheck } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `giacheck-tables-${process.pid}`;
const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const BASE = ['--region', 'zuid-limburg'];

let dir: string;
let oct: string;
let nov: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-tables-'));
  oct = join(dir, 'oktober.json');
  nov = join(dir, 'november.json');
  for (const [asOf, out] of [['2026-10-01', oct], ['2026-11-01', nov]]) {
    const r = await giacheck(['check', DEMO, ...BASE, '--as-of', asOf, '--format', 'json', '--output', out, '--fail-on', 'never', '--quiet']);
    expect(r.code).toBe(0);
  }
});

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

let sessions = 0;
async function runAt(width: number, args: string[]): Promise<string[]> {
  const session = `t${sessions++}`;
  const env = 'env -u FORCE_COLOR NO_COLOR=1 GIACHECK_LANG= LANG=C.UTF-8';
  tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '50', '-c', ROOT,
    `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}; echo "GIACHECK_EXIT=$?"; sleep 60`);
  for (let i = 0; i < 300; i++) {
    const text = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
    if (text.includes('GIACHECK_EXIT=')) {
      const lines = text.split('\n');
      expect(lines.find((l) => l.startsWith('GIACHECK_EXIT='))).toMatch(/^GIACHECK_EXIT=[01]$/);
      return lines.filter((l) => !l.startsWith('GIACHECK_EXIT='));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tmux: no exit at width ${width}`);
}

const fits = (lines: string[], width: number) => {
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(width);
};
const bordered = (lines: string[]) => lines.some((l) => /[┌│└]/.test(l));

describe.skipIf(!hasTmux)(hasTmux ? 'agenda, validate and compare tables in tmux' : 'tables in tmux (skipped: tmux is not on PATH)', () => {
  it.each([80, 120, 200])('agenda at %i columns: no line longer than the terminal, every item listed', async (width) => {
    const lines = await runAt(width, ['agenda', DEMO, ...BASE, '--as-of', '2026-11-01']);
    const text = lines.join('\n');
    fits(lines, width);
    expect(text).toContain('Verlopen (30)');
    expect(bordered(lines)).toBe(width >= 160);
    // all 30 + 13 items (dossier ids whole, never wrapped or cut)
    expect(text.match(/VT-20\d\d-\d{6}/g)).toHaveLength(43);
    if (width < 160) {
      expect(lines.some((l) => /^Dossier {9}Regel {2}Te registreren {2,}Uiterlijk {5}Over tijd {2}Ernst$/.test(l))).toBe(true);
      // a monitoring moment carries its window, whole (wrapped at 80 columns)
      if (width === 120) expect(text).toContain('VT-2026-000038  ZL-08  monitoring na 3 maanden (venster 18-07-2026 – 15-08-2026)  01-08-2026');
      else expect(lines.slice(lines.findIndex((l) => l.startsWith('VT-2026-000038  ZL-08  monitoring na 3 maanden  ')) + 1).slice(0, 2)).toEqual([`${' '.repeat(23)}(venster 18-07-2026 –`, `${' '.repeat(23)}15-08-2026)`]);
    }
  }, 60_000);

  it.each([80, 120, 200])('validate at %i columns: no line longer than the terminal, the reasons whole', async (width) => {
    const lines = await runAt(width, ['validate', DEMO, ...BASE, '--as-of', '2026-11-01']);
    fits(lines, width);
    expect(bordered(lines)).toBe(width >= 160);
    expect(lines).toContain('7 fout(en) en 0 waarschuwing(en): los de fouten op vóór de controle.');
    if (width < 160) {
      const at = lines.indexOf('Voorbeelden duplicate-id (dossiernummer dubbel): 1 van 1');
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^Rij {2}Kolom {7}Reden$/);
      // the reason wraps, word for word
      const parts = [lines[at + 3]];
      for (let k = at + 4; lines[k].startsWith(' '.repeat(17)); k++) parts.push(lines[k]);
      expect(parts.length).toBe(width === 80 ? 2 : 1);
      const reason = parts.map((l) => l.slice(17).trim()).join(' ');
      expect(reason).toBe('dossier_id komt dubbel voor (eerder in rij 264); alleen de eerste telt');
    }
  }, 60_000);

  it.each([80, 120, 200])('compare at %i columns: no line longer than the terminal, base names, every rule', async (width) => {
    const lines = await runAt(width, ['compare', oct, nov, '--max-findings', '0']);
    const text = lines.join('\n');
    fits(lines, width);
    expect(bordered(lines)).toBe(width >= 160);
    expect(text).not.toContain(dir);
    expect(text).toContain('oktober.json (profiel zuid-limburg');
    for (const rule of ['LV-01', 'LV-04', 'ZL-01', 'ZL-02', 'ZL-03', 'ZL-04', 'ZL-05', 'ZL-06', 'ZL-07', 'ZL-08', 'ZL-09', 'ZL-10', 'ZL-11']) {
      expect(lines.some((l) => l.startsWith(rule) || l.startsWith(`│ ${rule}`)), rule).toBe(true);
    }
    if (width === 80) {
      expect(lines).toContain('Regel  Omschrijving                Toepasbaar  verlopen       Naleving  Verschil');
      expect(lines).toContain('ZL-01  Veiligheidsbeoordeling       378 → 393     8 → 8  89,6% → 89,5%   -0,1 pp');
      expect(text).toContain('Het aantal open termijnen staat in deze tabel vanaf 100 tekens breed');
      // a gemeente with its deelregio, wrapped between words
      const v = lines.indexOf('Valkenburg aan de Geul                  9 → 9     1 → 1  90,0% → 90,9%   +0,9 pp');
      expect(lines[v + 1]).toBe('(Maastricht-Heuvelland)');
    }
    if (width === 120) {
      expect(lines).toContain('ZL-01  Veiligheidsbeoordeling binnen 5 werkdagen na de melding     378 → 393     8 → 8    3 → 2  89,6% → 89,5%   -0,1 pp');
    }
  }, 60_000);
});

describe('agenda, validate and compare widths outside a terminal', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
  it('100 in a pipe, or --width; a bad --width is a usage error', async () => {
    const runs: string[][] = [
      ['agenda', DEMO, ...BASE, '--as-of', '2026-11-01'],
      ['validate', DEMO, ...BASE, '--as-of', '2026-11-01', '--fail-on', 'never'],
      ['compare', oct, nov],
    ];
    for (const args of runs) {
      const pipe = (await giacheck(args)).stdout;
      expect(widest(pipe), args[0]).toBeLessThanOrEqual(100);
      expect(pipe, args[0]).not.toMatch(/[┌│└]/);
      expect(widest((await giacheck([...args, '--width', '90'])).stdout), args[0]).toBeLessThanOrEqual(90);
      const wide = (await giacheck([...args, '--width', '200'])).stdout;
      expect(widest(wide), args[0]).toBeLessThanOrEqual(200);
      expect(wide, args[0]).toContain('┌');
      const bad = await giacheck([...args, '--width', 'breed']);
      expect(bad.code, args[0]).toBe(2);
      expect(bad.stderr).toBe('giacheck: --width "breed": kies uit 40 … 1000\n');
    }
  }, 60_000);
});
