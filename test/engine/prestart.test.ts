/**
 * `check` starts its ingest worker before loading the profile (parallel.ts prestartIngestWorker),
 * guessing the input files from the raw arguments: existing files, not the value of --output,
 * --mapping or --profile. A wrong guess costs only an idle worker; the worker outputs are the same
 * (parallel.test.ts runs the CLI, prestarted worker included).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputArguments } from '../../src/engine/parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-prestart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputArguments', () => {
  it('keeps existing files in input position and nothing else', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const map = join(dir, 'map.yaml');
    const out = join(dir, 'out.jsonl');
    for (const f of [a, b, map, out]) writeFileSync(f, 'x');
    const args = [a, '--region', 'zuid-limburg', '--mapping', map, '--output', out, b, join(dir, 'missing.csv'), '--format', 'jsonl', dir];
    expect(inputArguments(args)).toEqual([a, b]);
    expect(inputArguments(['--profile', a, '-'])).toEqual([]);
  });
});
