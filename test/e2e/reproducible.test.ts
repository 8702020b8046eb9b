/**
 * Issue 16.2: the same inputs, profile, mapping, options and peildatum give byte-identical output
 * in every format, on one thread and in the ingest worker. Runs are spread over more than two
 * seconds (a zip timestamp's resolution), so a clock in the output would show. The one-thread runs
 * are in this process, the worker run in a process of its own (its own start, clock and time zone
 * state), so the bytes are also the same across processes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheck, giacheckProcess } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const RUN = ['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never', '--quiet'];
const FORMATS = ['table', 'json', 'jsonl', 'csv', 'md', 'html', 'xlsx'] as const;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-repro-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { bytes: Buffer; stderr: string };
const args = (format: string, out: string) => [...RUN, '--format', format, '--output', out, '--width', '200'];

/** One run's bytes in `format` on one thread, in this process: the --output file, and standard error (csv's provenance line). */
async function run(format: (typeof FORMATS)[number], name: string): Promise<Run> {
  const out = join(dir, `${name}.${format}`);
  const r = await giacheck(args(format, out), { env: { GIACHECK_WORKER: '0' } });
  expect(r.code, r.stderr).toBe(0);
  return { bytes: readFileSync(out), stderr: r.stderr };
}

/** The same in a process of its own, with the ingest worker. */
function runInWorker(format: (typeof FORMATS)[number]): Run {
  const out = join(dir, `c.${format}`);
  const r = giacheckProcess(args(format, out), { env: { GIACHECK_WORKER: '1' } });
  expect(r.code, r.stderr).toBe(0);
  return { bytes: readFileSync(out), stderr: r.stderr };
}

describe('byte-identical output', () => {
  // the first run of every format, then one pause for all of them (not one per format)
  const first = new Map<(typeof FORMATS)[number], Run>();
  beforeAll(async () => {
    for (const format of FORMATS) first.set(format, await run(format, 'a'));
    await pause(2100);
  }, 120_000);

  for (const format of FORMATS) {
    it(`${format}: twice on one thread, more than two seconds apart, and once in a process with the worker`, async () => {
      const one = first.get(format)!;
      const second = await run(format, 'b');
      const worker = runInWorker(format);
      expect(one.bytes.length).toBeGreaterThan(500);
      expect(second.bytes.equals(one.bytes)).toBe(true);
      expect(worker.bytes.equals(one.bytes)).toBe(true);
      expect(second.stderr).toBe(one.stderr);
      expect(worker.stderr).toBe(one.stderr);
    }, 120_000);
  }
});
