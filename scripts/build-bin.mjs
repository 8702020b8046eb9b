#!/usr/bin/env node
/**
 * `npm run build:bin`: a standalone giacheck binary for this platform, dist/giacheck-<os>-<arch>
 * (.exe on Windows), built offline with Node's single executable applications (SEA):
 *
 *   1. compile src/ (tsc), bundle the CLI and the ingest worker into CommonJS files (esbuild);
 *   2. write sea-config.json with the bundled profiles and triage trees (rules/**.yaml) and the
 *      worker as assets, and let this Node build the preparation blob;
 *   3. copy this Node executable, strip its symbols (Linux), inject the blob (postject).
 *
 * The binary runs with an empty environment (`env -i dist/giacheck-linux-x64 --version`) and needs
 * no files beside it. pkg is not used: it downloads Node base binaries at build time and fails
 * offline (docs/binary.md). Building for another OS needs that OS's Node: run this script there.
 *
 * `--compiled`: dist/ is compiled already, skip step 1's tsc (test/e2e/binary.test.ts: npm test
 * has just run `npm run build`, and tsc costs seconds even when there is nothing to do).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'sea');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const exe = process.platform === 'win32' ? '.exe' : '';
const target = join(root, 'dist', `giacheck-${process.platform}-${process.arch}${exe}`);
const quiet = process.argv.includes('--quiet');
const compiled = process.argv.includes('--compiled');
const log = (msg) => quiet || process.stderr.write(`build:bin: ${msg}\n`);
const started = Date.now();

// 1. compile and bundle
if (!compiled) {
  log('tsc');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // esbuild leaves import.meta.url empty in CommonJS: give it the file's URL (in a single
  // executable __filename is the executable itself)
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl', __GIACHECK_VERSION__: JSON.stringify(pkg.version) },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'error',
};
log('esbuild');
await build({ ...common, entryPoints: [join(root, 'scripts', 'sea-entry.mjs')], outfile: join(out, 'giacheck.cjs') });
// the worker runs from a string (`new Worker(code, { eval: true })`): a single executable has no
// worker file on disk
await build({ ...common, entryPoints: [join(root, 'dist', 'engine', 'ingest-worker.js')], outfile: join(out, 'ingest-worker.cjs') });

// 2. the preparation blob, with the bundled files as assets
function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
const assets = { 'ingest-worker.cjs': join(out, 'ingest-worker.cjs') };
for (const file of yamlFiles(join(root, 'rules'))) {
  assets['rules/' + relative(join(root, 'rules'), file).split(/[\\/]/).join('/')] = file;
}
const config = {
  main: join(out, 'giacheck.cjs'),
  output: join(out, 'sea-prep.blob'),
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
  assets,
};
writeFileSync(join(out, 'sea-config.json'), JSON.stringify(config, null, 2));
log(`sea blob (${Object.keys(assets).length} assets)`);
execFileSync(process.execPath, ['--experimental-sea-config', join(out, 'sea-config.json')], { stdio: quiet ? 'ignore' : 'inherit' });

// 3. a fresh copy of this Node (injecting twice into one copy fails), stripped, with the blob
rmSync(target, { force: true });
copyFileSync(process.execPath, target);
chmodSync(target, 0o755);
if (process.platform === 'linux') {
  try {
    execFileSync('strip', ['--strip-all', target], { stdio: 'ignore' });
  } catch {
    log('strip not available; the binary keeps its symbols');
  }
}
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', target]);
log('postject');
const { inject } = await import('postject');
// postject warns "Can't find string offset for section name" on ELF builds; that is harmless
const warn = console.warn;
console.warn = () => {};
try {
  await inject(target, 'NODE_SEA_BLOB', readFileSync(config.output), {
    sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
    machoSegmentName: process.platform === 'darwin' ? 'NODE_SEA' : undefined,
  });
} finally {
  console.warn = warn;
}
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', target]);
if (!existsSync(target)) throw new Error(`build:bin: ${target} was not written`);
log(`${relative(root, target)} (${(statSync(target).size / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
