/**
 * The standalone binary (`npm run build:bin`, Node single executable application): built once
 * here from the compiled dist/ (`npm run build` first), then run as a coordinator on a
 * locked-down laptop would — an empty environment, another working directory, no rules/ or
 * node_modules beside it. Its report must equal the one of `node bin/giacheck.js`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheckProcess, ROOT } from '../helpers/cli.js';

const BINARY = join(ROOT, 'dist', `giacheck-${process.platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`);
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
let dir: string;

function bin(args: string[], env: NodeJS.ProcessEnv = {}, cwd = dir) {
  const r = spawnSync(BINARY, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // from the dist/ that npm test has just compiled
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-bin.mjs'), '--quiet', '--compiled'], { cwd: ROOT, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'giacheck-binary-'));
  copyFileSync(join(ROOT, 'fixtures', 'demo', 'zuid-limburg-demo.csv'), join(dir, 'export.csv'));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('standalone binary', () => {
  it('was built for this platform', () => {
    expect(existsSync(BINARY)).toBe(true);
  });

  it('env -i <binary> --version', () => {
    const r = bin(['--version']);
    expect(r).toEqual({ code: 0, stdout: VERSION + '\n', stderr: '' });
  });

  it('checks a fixture from another directory with an empty environment, like node bin/giacheck.js', () => {
    const args = ['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'json'];
    const r = bin(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const viaNode = giacheckProcess(args, { cwd: dir });
    expect(r.stdout).toBe(viaNode.stdout);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'giacheck', version: VERSION });
    expect(report.profile.id).toBe('zuid-limburg');
    expect(report.input).toEqual({ files: ['export.csv'], rows_read: 400, rows_checked: 393, rows_rejected: 7 });
  });

  it('bundled profiles and the ingest worker come from the embedded assets', () => {
    const table = bin(['check', 'export.csv', '--region', 'noord-oost-gelderland', '--as-of', '2026-11-01', '--fail-on', 'never']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Nalevingsrapport Noord Oost Gelderland');
    const args = ['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--format', 'jsonl'];
    const worker = bin(args, { GIACHECK_WORKER: '1' });
    expect(worker.code).toBe(1);
    expect(worker).toEqual(bin(args, { GIACHECK_WORKER: '0' }));
  });

  it('triage trees come from the assets too; no developer warnings (xlsx through the bundled zip library)', () => {
    const tree = bin(['triage', '--region', 'zuid-limburg', '--explain']);
    expect(tree.stderr).toBe('');
    expect(tree.code).toBe(0);
    expect(tree.stdout).toBe(giacheckProcess(['triage', '--region', 'zuid-limburg', '--explain'], { cwd: dir }).stdout);
    const xlsx = bin(['generate', '--cases', '20', '--region', 'zuid-limburg', '--format', 'xlsx', '--output', 'demo.xlsx']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toBe('giacheck: 20 synthetische meldingen (zuid-limburg, seed 1, 01-11-2024 t/m 31-10-2026) geschreven naar demo.xlsx\n');
  });

  it('runs the work without NODE_OPTIONS even when the environment sets it; exit codes pass through', () => {
    // a preload that announces itself: it runs once in the outer process, not in the real run
    writeFileSync(join(dir, 'preload.cjs'), 'process.stderr.write("preload " + JSON.stringify(process.env.NODE_OPTIONS ?? null) + "\\n");');
    const r = bin(['check', 'missing.csv', '--region', 'zuid-limburg'], { NODE_OPTIONS: `--require ${join(dir, 'preload.cjs')}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`preload "--require ${join(dir, 'preload.cjs')}"\ngiacheck: missing.csv: bestand niet gevonden\n`);
  });
});
