/**
 * What every fuzz test of an input format asks (issue 5, issue 16.7): whatever the bytes, `check`
 * and `validate` end with a report or with one line (a UserError, exit 2) — never a stack trace, an
 * "interne fout" or an exit code outside 0–2 — and every row read is either checked or listed as
 * rejected.
 *
 * GIACHECK_FUZZ_RUNS scales the number of cases (the default run is sized for `npm test`);
 * GIACHECK_FUZZ_SEED replays another seed (the default one is fixed, so a failure in CI is a
 * failure on every machine; fast-check prints the seed and path of a failing case).
 */
import { expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInput } from '../../src/ingest/readers.js';
import { Normalizer } from '../../src/ingest/normalize.js';
import { STRIDE } from '../../src/model/row.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { IdSet } from '../../src/ingest/idset.js';
import type { EncodingChoice } from '../../src/ingest/decode.js';
import { loadProfile } from '../../src/profile/load.js';
import { UserError } from '../../src/errors.js';
import { giacheck, ROOT } from '../helpers/cli.js';

/** Scale a default number of cases by GIACHECK_FUZZ_RUNS (its default, 1500, is scale 1). */
export function runs(base: number): number {
  const scale = Number(process.env.GIACHECK_FUZZ_RUNS ?? 1500) / 1500;
  return Math.max(1, Math.round(base * scale));
}

export const SEED = Number(process.env.GIACHECK_FUZZ_SEED ?? 16_07);

export const zl = loadProfile({ region: 'zuid-limburg' });

const dir = mkdtempSync(join(tmpdir(), 'giacheck-fuzz-'));
let n = 0;

export function writeInput(ext: string, bytes: Uint8Array | string): string {
  const f = join(dir, `in-${process.pid}-${n++ % 8}${ext}`);
  writeFileSync(f, bytes);
  return f;
}

export interface Accounting {
  read: number;
  checked: number;
  rejected: number;
}

/** What `check` does with an input: rows read, checked and rejected — or a UserError. */
export async function checkLike(path: string, encoding: EncodingChoice = 'auto', chunkSize?: number): Promise<Accounting> {
  const input = await openInput(path, { encoding, chunkSize });
  const norm = new Normalizer(zl, EMPTY_MAPPING, { ids: new IdSet() });
  norm.begin(input);
  let read = 0;
  let checked = 0;
  let rejected = 0;
  const packed = new Int32Array(STRIDE);
  for await (const batch of input.batches) {
    for (const rec of batch) {
      read++;
      const r = norm.normalize(rec, packed, 0);
      if (r !== true) {
        rejected++;
        expect(r.length).toBeGreaterThan(0);
        for (const e of r) {
          expect(e.row).toBeGreaterThan(0);
          expect(e.reason).not.toMatch(/\[object |undefined|NaN/);
        }
      } else checked++;
    }
  }
  return { read, checked, rejected };
}

/** Run `fn`; a UserError (one line) is an outcome, anything else fails the test. */
export async function onlyUserErrors(run: () => Promise<void>): Promise<'ok' | 'user-error'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (e instanceof UserError) {
      expect(e.message).not.toContain('\n');
      return 'user-error';
    }
    throw e;
  }
}

/**
 * `giacheck check <file> --format json` in this process: exit 0–2, no stack trace or internal
 * error on stderr, and with a report, rows read = checked + rejected with every rejected row
 * listed. Returns the exit code.
 */
export async function cliHolds(path: string, extra: string[] = []): Promise<number> {
  const r = await giacheck(['check', path, '--region', 'zuid-limburg', '--as-of', '2026-07-01', '--format', 'json', '--fail-on', 'never', ...extra]);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/interne fout|internal error|\n\s+at |Error:/);
  if (r.code === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  } else {
    const report = JSON.parse(r.stdout) as { input: { rows_read: number; rows_checked: number; rows_rejected: number }; rejected: unknown[] };
    expect(report.input.rows_read).toBe(report.input.rows_checked + report.input.rows_rejected);
    expect(report.rejected).toHaveLength(report.input.rows_rejected);
  }
  return r.code!;
}

/** The header of the demo export (every field the zuid-limburg rules read). */
export const FULL_HEADER = readFileSync(join(ROOT, 'fixtures/demo/zuid-limburg-demo.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(';');
