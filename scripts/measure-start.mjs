#!/usr/bin/env node
/**
 * Start-up of the standalone binary against `node -e 0`, both under `env -i` (this machine's
 * NODE_EXTRA_CA_CERTS alone adds ~80 ms to every Node start). Runs are interleaved, so load from
 * other work on the machine hits both alike; prints median and minimum and their ratios.
 *
 *   node scripts/measure-start.mjs [--runs 40] [binary] [args...]
 *   (default: dist/giacheck-<host target> --version)
 */
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostTarget, TARGETS } from './lib/node-package.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
let runs = 40;
if (argv[0] === '--runs') {
  runs = Number(argv[1]);
  argv.splice(0, 2);
}
const host = hostTarget();
const [bin = join(root, 'dist', `giacheck-${host}${TARGETS[host]?.exe ?? ''}`), ...args] = argv;
const cases = [
  ['node -e 0', process.execPath, '-e', '0'],
  [[bin, ...(args.length ? args : ['--version'])].join(' '), bin, ...(args.length ? args : ['--version'])],
];
const times = cases.map(() => []);
const once = ([, cmd, ...a]) => {
  const start = process.hrtime.bigint();
  spawnSync('/usr/bin/env', ['-i', cmd, ...a], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
};
for (let i = 0; i < runs + 3; i++) {
  cases.forEach((c, j) => {
    const t = once(c);
    if (i >= 3) times[j].push(t); // the first runs warm the page cache
  });
}
const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
const min = (t) => Math.min(...t);
for (const [j, c] of cases.entries()) {
  const m = median(times[j]);
  const n = min(times[j]);
  console.log(`${c[0]}: median ${m.toFixed(1)} ms (${(m / median(times[0])).toFixed(2)}×), min ${n.toFixed(1)} ms (${(n / min(times[0])).toFixed(2)}×)`);
}
