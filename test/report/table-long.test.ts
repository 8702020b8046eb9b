/**
 * Issue 16 point 9: `--format table --max-findings 0` on a few hundred thousand findings. The
 * bordered layout (cli-table3) took minutes there and the borderless one overflowed the call stack
 * measuring its columns; now every finding is listed, in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactTable } from '../../src/report/table.js';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a table of every finding', () => {
  it('compactTable lays out 300,000 rows (widths measured without a spread)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`D-${i}`, 'ZL-01', i % 7 === 0 ? 'verlopen en nog wat langer' : 'te laat']);
    const text = compactTable([{ head: 'Dossier' }, { head: 'Regel' }, { head: 'Status', flex: true }], rows, 80);
    const lines = text.split('\n');
    expect(lines).toHaveLength(300_002);
    expect(lines[0]).toBe('Dossier   Regel  Status');
    expect(lines[2]).toBe('D-0       ZL-01  verlopen en nog wat langer');
    expect(lines[3]).toBe('D-1       ZL-01  te laat');
    expect(lines.at(-1)).toBe('D-299999  ZL-01  verlopen en nog wat langer');
  });

  it('--max-findings 0 at 200 columns lists every finding of 30,000 cases, one line each', async () => {
    const file = join(dir, 'export.csv');
    expect((await giacheck(['generate', '--cases', '30000', '--seed', 'lang', '--region', 'zuid-limburg', '--output', file, '--quiet'])).code).toBe(0);
    const args = ['check', file, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
    const json = JSON.parse((await giacheck([...args, '--format', 'json'])).stdout);
    expect(json.findings.length).toBeGreaterThan(2000);
    const table = (await giacheck([...args, '--max-findings', '0', '--width', '200'])).stdout;
    const ids = new Set((json.findings as { dossier_id: string }[]).map((f) => f.dossier_id));
    // the findings section (the zicht-op-veiligheid list above it has dossier ids too)
    const listed = table.slice(table.indexOf('\nBevindingen')).split('\n').filter((l) => ids.has(l.split(' ')[0]));
    expect(listed).toHaveLength(json.findings.length);
    expect(Math.max(...table.split('\n').map((l) => l.length))).toBeLessThanOrEqual(200);
    expect(table).not.toContain('bevindingen getoond');
  }, 120_000);
});
