/**
 * Peak memory of a CLI run, measured where it shows: `node bin/giacheck.js <args>` as a child (with
 * the ingest worker) and that child's own VmHWM from /proc/self/status, written by a hook loaded
 * with --import when it exits (not process.resourceUsage().maxRSS, which on Linux carries the RSS
 * of the vitest worker it was forked from across exec). Needs `npm run build` (dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-peak-'));
const peakHook = join(dir, 'peak-hook.mjs');
writeFileSync(
  peakHook,
  `import { readFileSync, writeFileSync } from 'node:fs';
   import { isMainThread } from 'node:worker_threads';
   if (isMainThread) process.on('exit', () => writeFileSync(process.env.PEAK_FILE, /^VmHWM:\\s+(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]));`,
);

let runs = 0;
export function cliWithPeak(args: string[]): { code: number | null; stdout: string; stderr: string; rssMb: number } {
  const peakFile = join(dir, `peak-${process.pid}-${runs++}.txt`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C', GIACHECK_LANG: '', GIACHECK_WORKER: '1', PEAK_FILE: peakFile };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(peakHook).href, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, rssMb: Math.round(Number(readFileSync(peakFile, 'utf8')) / 1024) };
}
