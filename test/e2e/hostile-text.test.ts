/**
 * Issue 16.9: text from an export must not steer the terminal or a spreadsheet. Dossier ids of
 * demo cases that have findings are replaced by hostile ones; every format is then read for what
 * must not be there. And a pseudonymisation key must be a key.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { giacheck, ROOT } from '../helpers/cli.js';

const DEMO = join(ROOT, 'fixtures/demo/zuid-limburg-demo.csv');
const ARGS = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never', '--max-findings', '0'];

/** ids that try to move the cursor, retitle the window, reverse text, overwrite a line, or start a formula */
const HOSTILE = {
  esc: '\x1b[2J\x1b]0;pwned\x07ESC-1',
  csi: '\u009b31mCSI-2',
  bidi: 'RTL-\u202e3-FDP',
  cr: 'OVER\rWRITE-4',
  fullwidthEquals: '\uff1d1+1-5',
  zeroWidth: '\u200b=cmd-6',
  quote: '"=evil-7',
  pipe: '|calc-8',
  nul: '\u0000=nul-9',
};
const FORMULA_IDS = ['fullwidthEquals', 'zeroWidth', 'quote', 'pipe', 'nul'] as const;

let file = '';
beforeAll(async () => {
  const json = JSON.parse((await giacheck(['check', DEMO, ...ARGS, '--format', 'json'])).stdout) as { findings: { dossier_id: string }[] };
  const ids = [...new Set(json.findings.map((f) => f.dossier_id))].slice(0, Object.keys(HOSTILE).length);
  let text = readFileSync(DEMO, 'utf8');
  Object.values(HOSTILE).forEach((hostile, i) => {
    const quoted = '"' + hostile.replace(/"/g, '""') + '"';
    expect(text.split(ids[i]).length).toBe(2); // the id occurs once: in its own row
    text = text.replace(ids[i], quoted);
  });
  file = join(mkdtempSync(join(tmpdir(), 'giacheck-hostile-')), 'export.csv');
  writeFileSync(file, text);
});

describe('control and bidi characters from cells never reach a report', () => {
  for (const format of ['table', 'md', 'html', 'csv', 'jsonl']) {
    it(`${format}: no ESC, CSI, bidi override, lone CR or NUL`, async () => {
      const r = await giacheck(['check', file, ...ARGS, '--format', format]);
      expect(r.code).toBe(0);
      // the ids are still there, recognisable, their controls replaced by U+FFFD
      // (Markdown escapes the brackets)
      expect(r.stdout).toContain(format === 'md' ? '\ufffd\\[2J\ufffd\\]0;pwned\ufffdESC-1' : '\ufffd[2J\ufffd]0;pwned\ufffdESC-1');
      expect(r.stdout).toContain('RTL-\ufffd3-FDP');
      const body = format === 'csv' ? r.stdout.replace(/\r\n/g, '\n') : r.stdout;
      expect(body).not.toMatch(/[\x1b\u009b\u202e\r\u0000]/);
      expect(r.stderr).not.toMatch(/[\x1b\u009b\u202e\u0000]/);
    });
  }
});

describe('formula look-alikes are neutralised in CSV and XLSX', () => {
  it('csv: every cell that a spreadsheet could read as a formula starts with an apostrophe', async () => {
    const r = await giacheck(['check', file, ...ARGS, '--format', 'csv', '--lang', 'en']);
    const firstCells = r.stdout.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    for (const key of FORMULA_IDS) {
      const shown = HOSTILE[key].replace('\u0000', '\ufffd');
      const cells = firstCells.filter((c) => c.includes(shown.slice(1).replace(/"/g, '""')));
      expect(cells.length, key).toBeGreaterThan(0);
      for (const c of cells) expect(c.replace(/^"/, ''), key).toMatch(/^'/);
    }
  });
});

describe('a pseudonymisation key must be a key', () => {
  for (const [what, key] of [
    ['16 spaces', ' '.repeat(16)],
    ['one repeated character', 'a'.repeat(20)],
    ['15 characters and a space', 'abcdefghijklmno '],
  ]) {
    it(`refuses ${what}: exit 2, one line naming GIACHECK_PSEUDO_KEY`, async () => {
      const r = await giacheck(['check', DEMO, ...ARGS, '--pseudonymize'], { env: { GIACHECK_PSEUDO_KEY: key } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('GIACHECK_PSEUDO_KEY');
      expect(r.stderr).toContain('8 verschillende');
    });
  }
  it('accepts a real key', async () => {
    const r = await giacheck(['check', DEMO, ...ARGS, '--pseudonymize', '--format', 'json'], { env: { GIACHECK_PSEUDO_KEY: 'k3y-for-the-tests-0123' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0].dossier_id).toMatch(/^P-[0-9a-f]{16}$/);
  });
});
