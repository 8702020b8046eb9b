/**
 * Reading in the ingest worker must not change a single byte of any output: the real CLI with
 * GIACHECK_WORKER=1 (a process: the worker exists only in the compiled dist/, so `npm run build`
 * first) gives the same stdout, stderr and exit code as the one-thread run (in-process, where
 * there is no worker) on the same inputs — findings in order, rejected rows, row accounting,
 * errors mid-file, duplicates across files, both languages. Also the packing on its own:
 * BatchPacker → BatchUnpacker gives back the Normalizer's Cases and rejections in their order.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/calendar/days.js';
import { CaseSynthesizer } from '../../src/generate/model.js';
import { csvLine } from '../../src/generate/writers.js';
import { dutchDate } from '../../src/calendar/days.js';
import { BatchPacker, BatchUnpacker } from '../../src/engine/packed.js';
import { FIELDS } from '../../src/model/fields.js';
import { STRIDE } from '../../src/model/row.js';
import { IdSet } from '../../src/ingest/idset.js';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.js';
import { Normalizer, RowError } from '../../src/ingest/normalize.js';
import type { OpenedInput } from '../../src/ingest/readers.js';
import { loadProfile } from '../../src/profile/load.js';
import { giacheck, giacheckProcess, ROOT } from '../helpers/cli.js';

const ROOT_DIST = join(ROOT, 'dist');

let dir: string;
let big: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-parallel-'));
  big = join(dir, 'big.csv');
  const r = await giacheck(['generate', '--cases', '30000', '--seed', 'parallel', '--region', 'zuid-limburg', '--invalid', '0.01', '--output', big, '--quiet']);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(args: string[], env: NodeJS.ProcessEnv = {}) {
  const one = await giacheck(args, { env: { ...env, GIACHECK_WORKER: '0' } });
  const two = giacheckProcess(args, { env: { ...env, GIACHECK_WORKER: '1' } });
  return { one, two };
}

describe('check with and without the ingest worker', () => {
  it('jsonl: the same findings, rejections and summary line, in the same order', async () => {
    const { one, two } = await both(['check', big, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'jsonl']);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    const lines = one.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10000);
    expect(lines.filter((l) => l.startsWith('{"type":"rejected"')).length).toBeGreaterThan(100);
    expect(JSON.parse(lines[lines.length - 1]).input.rows_read).toBe(30000);
  });

  it('csv (rejections on stderr) and English', async () => {
    const { one, two } = await both(['check', big, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'csv', '--lang', 'en', '--fail-on', 'never']);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('giacheck: ');
    expect(two).toEqual(one);
  });

  it('--include-passed and --pseudonymize (findings of every status, ids replaced)', async () => {
    const env = { GIACHECK_PSEUDO_KEY: 'a-test-key-of-sufficient-length' };
    const small = join(dir, 'small.csv');
    const lines = readFileSync(big, 'utf8').split('\r\n');
    writeFileSync(small, [lines[0], ...lines.slice(-6001)].join('\r\n')); // the latest meldingen: some still pending
    const args = ['check', small, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'jsonl', '--include-passed', '--pseudonymize'];
    const { one, two } = await both(args, env);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    const statuses = new Set(one.stdout.split('\n').filter((l) => l.startsWith('{"type":"finding"')).map((l) => JSON.parse(l).status));
    expect([...statuses].sort()).toEqual(['early', 'late', 'missing', 'not_applicable', 'on_time', 'overdue', 'pending', 'violated']);
    expect(one.stdout).not.toMatch(/"dossier_id":"VT-/);
  });

  it('table: the same report (summary counts, sorted findings)', async () => {
    const { one, two } = await both(['check', big, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--lang', 'en']);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
  });

  it('json of two files: duplicates across files, per-file accounting', async () => {
    const second = join(dir, 'second.csv');
    const text = readFileSync(big, 'utf8').split('\r\n');
    writeFileSync(second, [text[0], ...text.slice(1, 50), ...text.slice(29_990)].join('\r\n'));
    const { one, two } = await both(['check', big, second, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
    expect(one.code).toBe(0);
    expect(two).toEqual(one);
    const report = JSON.parse(one.stdout);
    expect(report.input.rows_read).toBe(30060);
    expect(report.input.files).toEqual(['big.csv', 'second.csv']);
    expect(report.rejected.filter((r: { file: string; reason: string }) => r.file === 'second.csv' && /dubbel/.test(r.reason)).length).toBeGreaterThan(50);
  });

  it('an error in the middle of a file: same findings before it, same one-line error, exit 2', async () => {
    const broken = join(dir, 'broken.csv');
    const text = readFileSync(big, 'utf8').split('\r\n');
    writeFileSync(broken, [...text.slice(0, 20000), 'VT-X;Heerlen;"01-01-2026;ja', ...text.slice(20000)].join('\r\n'));
    const { one, two } = await both(['check', broken, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'jsonl']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^giacheck: .*broken\.csv: regel 20001 \(rij 20001\): /);
    expect(two).toEqual(one);
  });

  it('a file without a required column: the same one-line error', async () => {
    const nocol = join(dir, 'nocol.csv');
    const text = readFileSync(big, 'utf8').replace(/^\uFEFFdossier_id;/, '\uFEFFnummer;');
    writeFileSync(nocol, text);
    const { one, two } = await both(['check', nocol, '--region', 'zuid-limburg', '--as-of', '2026-11-01']);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe(`giacheck: ${nocol}: verplichte kolom ontbreekt: dossier_id (gebruik --mapping om kolomnamen te koppelen)\n`);
    expect(two).toEqual(one);
  });
});

describe('BatchPacker → BatchUnpacker', () => {
  it('gives back the rows and rejections of the Normalizer, in order', () => {
    const profile = loadProfile({ region: 'noord-oost-gelderland' });
    const synth = new CaseSynthesizer({ profile, cases: 3000, seed: 'pack', until: parseIsoDay('2026-10-31')!, months: 24, invalid: 0.05 });
    const normalizer = new Normalizer(profile, EMPTY_MAPPING, { ids: new IdSet() });
    normalizer.begin({ file: 'a.csv', format: 'csv', header: [...FIELDS], delimiter: ';' } as unknown as OpenedInput);
    const expected: unknown[] = [];
    const packer = new BatchPacker();
    const batches = [];
    const ints = new Int32Array(STRIDE);
    let row = 1;
    let inBatch = 0;
    packer.start(700);
    for (const r of synth.rows()) {
      const line = csvLine(r, dutchDate).slice(0, -2);
      const rec = { row: ++row, values: line.split(';') };
      const c = normalizer.normalize(rec, ints, 0);
      if (c === true) {
        const s = normalizer.spanRow;
        expected.push({ row, ints: [...ints.subarray(0, FIELDS.length)], id: s.dossierId, place: { gemeente: s.gemeente, deelregio: s.deelregio }, file: 'a.csv' });
        packer.rowInts.set(ints.subarray(0, FIELDS.length), packer.rowBase);
        packer.addRow(s, row, 0);
      } else {
        expected.push(c);
        packer.addRejected(c);
      }
      if (++inBatch === 700) {
        batches.push(packer.finish());
        packer.start(700);
        inBatch = 0;
      }
    }
    batches.push(packer.finish());
    const got: unknown[] = [];
    const unpacker = new BatchUnpacker(['a.csv']);
    // through structured clone, as postMessage does
    for (const b of batches) {
      unpacker.eachRow(
        structuredClone(b),
        (r) => got.push({ row: r.row, ints: [...r.ints.subarray(r.base, r.base + FIELDS.length)], id: r.dossierId, place: { ...r.place }, file: r.file }),
        (e: RowError[]) => got.push(e),
      );
    }
    expect(got).toHaveLength(3000);
    expect(got.filter(Array.isArray).length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
  });
});

describe('the ingest worker and a slow consumer', () => {
  it('finishes when the worker exits while batches and its end message still wait in the queue', async () => {
    // The compiled worker lives in dist/ (npm test builds first); under vitest's TypeScript there is
    // none, so import the compiled module. A consumer that takes its time per batch lets the worker
    // post its last batches and 'end', and exit, long before they are handled: the exit used to be
    // judged before 'end' was seen ("ingest worker stopped (exit code 0)", output cut short).
    const { ingestInWorker } = await import(join(ROOT_DIST, 'engine', 'parallel.js'));
    const profile = loadProfile({ region: 'zuid-limburg' });
    let rows = 0;
    await ingestInWorker(
      { idCapacity: 1 << 16, profile, mapping: EMPTY_MAPPING, inputs: [big], read: { encoding: 'auto' }, wantedColumns: [...FIELDS], lang: 'nl' },
      {
        file() {},
        async batch(b: { count: number }) {
          rows += b.count;
          await new Promise((r) => setTimeout(r, 40));
        },
      },
    );
    expect(rows).toBe(30000);
  }, 60_000);
});
