/**
 * Progress (issue 4 item 7): rows read and rate on stderr when stderr is a TTY, nothing in pipes,
 * never on stdout. A fake TTY stream stands in for the terminal.
 */
import { withAllColumns } from '../helpers/cases.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { progressReporter, progressWanted } from '../../src/cli/progress.js';
import { setLang } from '../../src/i18n/index.js';
import { testIo } from '../helpers/io.js';

class FakeStream extends Writable {
  chunks: string[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(String(chunk));
    cb();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

let dir: string;
let big: string;
/** past the first progress report at 50.000 rows: enough to show that none is written */
let over50k: string;

beforeAll(() => {
  setLang('nl');
  dir = mkdtempSync(join(tmpdir(), 'giacheck-progress-'));
  big = join(dir, 'groot.csv');
  over50k = join(dir, 'middel.csv');
  // every case on time (directbetrokkenen informed the day after the veiligheidsbeoordeling): the
  // progress is what these runs are about, and 120,000 findings kept, sorted and written as json
  // took 8–10 s of the suite
  const lines = ['dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;directbetrokkenen_geinformeerd_datum'];
  for (let i = 0; i < 120_000; i++) lines.push(`D-${i};Heerlen;02-11-2026;04-11-2026;05-11-2026`);
  writeFileSync(big, withAllColumns(lines.join('\n') + '\n'));
  writeFileSync(over50k, withAllColumns(lines.slice(0, 60_001).join('\n') + '\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('progressReporter', () => {
  it('writes rows and rate on one line and clears it when done', () => {
    const tty = new FakeStream(true);
    let now = 1_000;
    const p = progressReporter(tty, true, () => now);
    now += 2_000;
    p.update(50_000);
    now += 2_000;
    p.update(100_000);
    p.done();
    expect(tty.chunks).toEqual([
      '\r\x1b[K50.000 rijen gelezen (25.000 rijen/s)',
      '\r\x1b[K100.000 rijen gelezen (25.000 rijen/s)',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when disabled, and done() without update() writes nothing', () => {
    const s = new FakeStream(true);
    const off = progressReporter(s, false);
    off.update(10);
    off.done();
    progressReporter(s, true).done();
    expect(s.chunks).toEqual([]);
  });
});

describe('progress in a real run', () => {
  it('shows progress on a TTY stderr, cleared at the end, and keeps the report file clean', async () => {
    const stderr = new FakeStream(true);
    const out = join(dir, 'r1.json');
    const code = await runCheck([big], { region: 'zuid-limburg', asOf: '2026-11-20', format: 'json', output: out, failOn: 'never' }, testIo({ stderr }));
    expect(code).toBe(0);
    // the progress lines, cleared, then the one "Rapport geschreven naar …" line
    expect(stderr.chunks.at(-1)).toMatch(/^giacheck: Rapport geschreven naar .*r1\.json \(json, [\d.]+ bevindingen\)\n$/);
    stderr.chunks.pop();
    const lines = stderr.chunks.filter((c) => c !== '\r\x1b[K');
    // the engine reports after the batch that passes each 50.000 rows: twice for 120.000 rows
    const counts = lines.map((l) => Number(/^\r\x1b\[K([\d.]+) rijen gelezen \([\d.]+ rijen\/s\)$/.exec(l)?.[1].replace(/\./g, '')));
    expect(counts).toHaveLength(2);
    expect(counts[0]).toBeGreaterThanOrEqual(50_000);
    expect(counts[1]).toBeGreaterThanOrEqual(100_000);
    expect(counts[1]).toBeLessThanOrEqual(120_000);
    expect(stderr.chunks.at(-1)).toBe('\r\x1b[K');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.input.rows_read).toBe(120_000);
    expect(report.summary.totals).toMatchObject({ cases: 120_000, on_time: 240_000, late: 0, overdue: 0 });
  }, 120_000);

  it('shows nothing when stderr is a pipe, or with --quiet', async () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const stderr = new FakeStream(tty);
      const out = join(dir, `r-${tty}-${quiet}.json`);
      await runCheck([over50k], { region: 'zuid-limburg', asOf: '2026-11-20', format: 'json', output: out, failOn: 'never', quiet }, testIo({ stderr }));
      expect(stderr.text).not.toContain('rijen gelezen');
      expect(stderr.text).not.toContain('\r');
    }
  }, 120_000);
});

describe('progressWanted', () => {
  it('only for a TTY stderr, without --quiet, and never under CI', () => {
    expect(progressWanted({ isTTY: true }, false, {})).toBe(true);
    expect(progressWanted({ isTTY: false }, false, {})).toBe(false);
    expect(progressWanted({ isTTY: true }, true, {})).toBe(false);
    expect(progressWanted({ isTTY: true }, false, { CI: 'true' })).toBe(false);
    expect(progressWanted({ isTTY: true }, false, { CI: '1' })).toBe(false);
    expect(progressWanted({ isTTY: true }, false, { CI: 'false' })).toBe(true);
  });
});
