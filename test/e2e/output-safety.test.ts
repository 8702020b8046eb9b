/**
 * Issue 16 point 9, the writing side: a full disk during --output fails with one line and exit 2
 * and keeps the earlier file; --output onto a device writes to it instead of replacing it; a run
 * stopped by SIGINT, SIGTERM or SIGHUP leaves no temporary file of case data; `giacheck … | head`
 * ends without a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, giacheck, ROOT } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const BASE = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const dir = mkdtempSync(join(tmpdir(), 'giacheck-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 16 KiB tmpfs: big enough for the earlier report, too small for any report of the demo. */
const small = join(dir, 'klein');
mkdirSync(small);
const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', small]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [small]);
});

describe.skipIf(!mounted)('a full disk during --output (a 16 KiB tmpfs; needs root to mount)', () => {
  const earlier = 'het rapport van vorige maand\n';
  const cases: [string, string[]][] = [
    ['rapport.html', ['check', DEMO, ...BASE]],
    ['rapport.md', ['check', DEMO, ...BASE]],
    ['rapport.json', ['check', DEMO, ...BASE]],
    ['rapport.xlsx', ['check', DEMO, ...BASE]],
    ['rapport.jsonl', ['check', DEMO, ...BASE, '--include-passed']],
    ['rapport.csv', ['check', DEMO, ...BASE, '--include-passed']],
    ['agenda.ics', ['agenda', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--days', '3650', '--ics']],
    ['export.csv', ['generate', '--cases', '5000', '--seed', 'vol', '--region', 'zuid-limburg']],
  ];
  it.each(cases)('%s: exit 2, one line "de schijf is vol", the earlier file kept, no temporary file', async (name, args) => {
    const file = join(small, name);
    writeFileSync(file, earlier);
    // agenda writes its calendar with --ics <file>; the others with --output <file>
    const argv = args.at(-1) === '--ics' ? [...args, file] : [...args, '--output', file];
    try {
      const r = await giacheck(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`giacheck: ${file}: kan niet schrijven: de schijf is vol; maak ruimte vrij of kies een andere plek (een eerder bestand met deze naam is niet aangeraakt)\n`);
      expect(readFileSync(file, 'utf8')).toBe(earlier);
      expect(readdirSync(small)).toEqual([name]);
    } finally {
      for (const f of readdirSync(small)) rmSync(join(small, f));
    }
  });
});

describe('--output onto a device', () => {
  // a private null device (mknod needs root): a test run against a build with the defect must not
  // replace the machine's own /dev/null
  const device = join(dir, 'null');
  const haveDevice = spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status === 0;
  it.skipIf(!haveDevice)('a character device (a null device made with mknod) is written to, not replaced', async () => {
    const before = statSync(device);
    expect(before.isCharacterDevice()).toBe(true);
    const r = await giacheck(['check', DEMO, ...BASE, '--format', 'json', '--output', device]);
    expect(r.code).toBe(0);
    const after = statSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
    expect(readdirSync(dir).filter((f) => f.startsWith('.null.'))).toEqual([]);
  });

  it('a named pipe (FIFO) gets the report as a stream', async () => {
    const fifo = join(dir, 'pijp');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // the reader copies into a file, not into this process: the in-process run writes the FIFO
    // synchronously, and a reader whose output waited for this event loop would never drain a
    // report larger than the pipe and socket buffers
    const copy = join(dir, 'uit-pijp.json');
    const fd = openSync(copy, 'w');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', fd, 'ignore'] });
    closeSync(fd);
    const closed = new Promise((done) => reader.on('close', done));
    const r = await giacheck(['check', DEMO, ...BASE, '--format', 'json', '--output', fifo]);
    await closed;
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(copy, 'utf8')).input.rows_read).toBe(400);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('stopped by a signal during --output', () => {
  let big: string;
  beforeAll(async () => {
    big = join(dir, 'groot.csv');
    const r = await giacheck(['generate', '--cases', '200000', '--seed', 'signaal', '--region', 'zuid-limburg', '--output', big, '--quiet']);
    expect(r.code).toBe(0);
  }, 120_000);

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: the process ends by the signal and leaves no temporary file', async (signal) => {
    const out = mkdtempSync(join(dir, 'sig-'));
    const child = spawn(process.execPath, [BIN, 'check', big, ...BASE, '--format', 'jsonl', '--include-passed', '--quiet', '--output', join(out, 'rapport.jsonl')], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', GIACHECK_LANG: '' },
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
    // wait until the temporary file holds case data, then stop the run
    const started = Date.now();
    for (;;) {
      const tmp = readdirSync(out).find((f) => f.endsWith('.tmp'));
      if (tmp && statSync(join(out, tmp)).size > 0) break;
      if (Date.now() - started > 60_000) throw new Error('no temporary file appeared within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill(signal);
    const end = await ended;
    expect(end).toEqual({ code: null, signal });
    expect(readdirSync(out)).toEqual([]);
  }, 90_000);
});

describe('a reader that stops early', () => {
  it.each([
    ['check … --format csv', `check ${DEMO} ${BASE.join(' ')} --format csv --include-passed`],
    ['generate --cases 20000', 'generate --cases 20000 --seed pijp --region zuid-limburg --quiet'],
  ])('giacheck %s | head -1: exit 0, no stack trace, no EPIPE', (_name, args) => {
    const err = join(dir, 'head.err');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args} 2>"$ERR" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ERR: err, GIACHECK_LANG: '' },
    });
    expect(r.stdout.trim()).toBe('0');
    // the rejected rows of the csv stream are on stderr, each one line; nothing else
    const stderr = readFileSync(err, 'utf8');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |Error/);
    for (const line of stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^giacheck: /);
  });
});
