/**
 * validate's memory is bounded (issue 16.5, 13.14): the fill rates are counters (one per field per
 * gemeente and per month), and the full list of problems is streamed by csv and by json into a
 * file. Measured as the peak RSS of a child process (test/helpers/peak.ts), not as a time.
 * On the machine this was written on: 97 MB for a generated 20,000-row export and 125 MB for
 * 200,000 rows (fill counters only: ten times the rows, +28 MB); 126–131 MB for 200,000 problems
 * in json (file or standard output) and csv, 248 MB in xlsx (which holds the list, README).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWithPeak } from '../helpers/peak.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-vmem-'));
const RUN = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];

describe('validate: memory stays bounded', () => {
  it('a generated 200,000-row export: every fill rate, at a peak RSS under 160 MB', () => {
    const file = join(dir, 'gen-200k.csv');
    const gen = cliWithPeak(['generate', '--cases', '200000', '--seed', '7', '--region', 'zuid-limburg', '--until', '2026-10-31', '--format', 'csv', '--output', file]);
    expect(gen.code).toBe(0);
    const out = join(dir, 'fill.json');
    const run = cliWithPeak(['validate', file, ...RUN, '--output', out]);
    if (process.env.GIACHECK_DEBUG_RSS) console.log(`validate of 200k rows: peak RSS ${run.rssMb} MB`);
    expect(run.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.input).toMatchObject({ rows_read: 200_000, rows_valid: 200_000 });
    expect(j.fill.rows).toBe(200_000);
    expect(j.fill.by_gemeente.reduce((n: number, g: { rows: number }) => n + g.rows, 0)).toBe(200_000);
    expect(j.fill.by_month.reduce((n: number, g: { rows: number }) => n + g.rows, 0)).toBe(200_000);
    expect(run.rssMb).toBeLessThan(160);
  }, 300_000);

  it('200,000 problems listed in csv and in a json file: streamed, at a peak RSS under 160 MB', () => {
    const file = join(dir, 'bad-200k.csv');
    const rows = ['dossier_id;gemeente;melding_datum'];
    for (let i = 0; i < 200_000; i++) rows.push(`Q-${i};Heerlen;31-02-2026`);
    writeFileSync(file, rows.join('\n') + '\n');
    for (const format of ['csv', 'json']) {
      const out = join(dir, `problemen.${format}`);
      const run = cliWithPeak(['validate', file, ...RUN, '--output', out]);
      if (process.env.GIACHECK_DEBUG_RSS) console.log(`validate ${format} of 200k problems: peak RSS ${run.rssMb} MB`);
      expect(run.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      if (format === 'csv') expect(text.split('\r\n').filter((l) => l.includes(';impossible-date;'))).toHaveLength(200_000);
      else expect(JSON.parse(text).problems.filter((p: { code: string }) => p.code === 'impossible-date')).toHaveLength(200_000);
      expect(run.rssMb).toBeLessThan(160);
    }
  }, 300_000);
});
