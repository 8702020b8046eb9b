#!/usr/bin/env node
/**
 * `npm run release`: dist/release/ with what an IT department hands out —
 *
 *   giacheck-<version>-linux-x64, -win-x64.exe, -darwin-arm64, -darwin-x64  (npm run build:bin -- --target all)
 *   LEESMIJ.txt    short Dutch instructions for coordinators (docs/release/LEESMIJ.txt)
 *   BUILDINFO.txt  per binary: the Node package it was built from, its integrity, code cache or not
 *   SHA256SUMS     `sha256sum -c SHA256SUMS` format, for every file above
 *
 * The version comes from package.json; before anything is written the host binary must answer
 * `--version` with it and name it in the footer of a report, so the file names, `--version` and
 * the report footer agree. Options are passed on to build-bin (e.g. --cache <dir>); --no-build
 * packs binaries that are already in dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostTarget, TARGETS } from './lib/node-package.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'release');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const log = (msg) => process.stderr.write(`release: ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`release: ${msg}\n`);
  process.exit(2);
};
const args = process.argv.slice(2).filter((a) => a !== '--no-build');

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-bin.mjs'), '--target', 'all', ...args], { stdio: 'inherit' });
}
const info = existsSync(join(dist, 'binaries.json')) ? JSON.parse(readFileSync(join(dist, 'binaries.json'), 'utf8')) : {};
for (const target of Object.keys(TARGETS)) {
  const file = join(dist, `giacheck-${target}${TARGETS[target].exe}`);
  if (!existsSync(file)) fail(`${file} is missing: run npm run build:bin -- --target all`);
  if (info[target]?.version !== version) fail(`${file} was built for version ${info[target]?.version ?? '?'}, not ${version}: build it again`);
}

// the host binary: --version and the report footer say the version of the file names
const host = hostTarget();
if (host) {
  const bin = join(dist, `giacheck-${host}${TARGETS[host].exe}`);
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8', env: {} });
  if (v.stdout !== version + '\n') fail(`${bin} --version says ${JSON.stringify(v.stdout)}, not ${version}`);
  const tmp = mkdtempSync(join(tmpdir(), 'giacheck-release-'));
  try {
    const report = join(tmp, 'r.html');
    spawnSync(bin, ['check', join(root, 'fixtures', 'demo', 'zuid-limburg-demo.csv'), '--format', 'html', '--output', report, '--as-of', '2026-11-01'], { env: {} });
    const html = existsSync(report) ? readFileSync(report, 'utf8') : '';
    const footer = html.includes('<footer>') ? html.slice(html.indexOf('<footer>')) : '';
    if (!footer.includes(`giacheck ${version}`)) fail(`the report footer of ${bin} does not name giacheck ${version}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(`${host}: --version and the report footer say ${version}`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = [];
const buildinfo = [`giacheck ${version}`, ''];
for (const target of Object.keys(TARGETS)) {
  const name = `giacheck-${version}-${target}${TARGETS[target].exe}`;
  copyFileSync(join(dist, `giacheck-${target}${TARGETS[target].exe}`), join(out, name));
  files.push(name);
  const b = info[target];
  buildinfo.push(
    `${name}`,
    `  Node.js ${b.node.split('@')[1]} uit het npm-pakket ${b.node} (${b.integrity})`,
    `  code cache: ${b.codeCache ? 'ja (gebouwd op dit platform)' : 'nee (op een ander platform gebouwd)'}`,
    '',
  );
}
const crlf = (s) => s.replace(/\r?\n/g, '\r\n');
// UTF-8 with a byte order mark and CRLF: Kladblok on every Windows version shows it right
writeFileSync(join(out, 'LEESMIJ.txt'), '\ufeff' + crlf(readFileSync(join(root, 'docs', 'release', 'LEESMIJ.txt'), 'utf8').replaceAll('{version}', version)));
writeFileSync(join(out, 'BUILDINFO.txt'), crlf(buildinfo.join('\n')));
files.push('LEESMIJ.txt', 'BUILDINFO.txt');
const sums = files.map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}`);
writeFileSync(join(out, 'SHA256SUMS'), sums.join('\n') + '\n');
for (const f of files) log(`${f} ${(statSync(join(out, f)).size / 1e6).toFixed(1)} MB`);
log(`dist/release/ (${files.length} files and SHA256SUMS)`);
