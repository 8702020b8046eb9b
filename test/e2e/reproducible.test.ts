/**
 * Issue 16.2: the same inputs, profile, mapping, options and peildatum give byte-identical output
 * in every format, on one thread and in the ingest worker. Runs are spread over more than two
 * seconds (a zip timestamp's resolution), so a clock in the output would show.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheckProcess } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const RUN = ['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never', '--quiet'];
const FORMATS = ['table', 'json', 'jsonl', 'csv', 'md', 'html', 'xlsx'] as const;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-repro-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One run's bytes in `format`: the --output file, and standard error (csv's provenance line). */
function run(format: (typeof FORMATS)[number], name: string, worker: '0' | '1'): { bytes: Buffer; stderr: string } {
  const out = join(dir, `${name}.${format}`);
  const r = giacheckProcess([...RUN, '--format', format, '--output', out, '--width', '200'], { env: { GIACHECK_WORKER: worker } });
  expect(r.code, r.stderr).toBe(0);
  return { bytes: readFileSync(out), stderr: r.stderr };
}

describe('byte-identical output', () => {
  for (const format of FORMATS) {
    it(`${format}: twice on one thread and once in the worker`, async () => {
      const first = run(format, 'a', '0');
      await pause(2100);
      const second = run(format, 'b', '0');
      const worker = run(format, 'c', '1');
      expect(first.bytes.length).toBeGreaterThan(500);
      expect(second.bytes.equals(first.bytes)).toBe(true);
      expect(worker.bytes.equals(first.bytes)).toBe(true);
      expect(second.stderr).toBe(first.stderr);
      expect(worker.stderr).toBe(first.stderr);
    }, 120_000);
  }
});
