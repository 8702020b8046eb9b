#!/usr/bin/env node
/**
 * `npm run build`: src/*.ts → dist/*.js, one file for each, by esbuild (a transform, no bundle).
 * The types are checked by `npm run typecheck` (tsc over src/, test/ and scripts/, no output),
 * which `npm test` runs beside this; tsc emitting dist/ as well checked src/ a second time
 * (~17 s of CPU of every `npm test` and `npm ci`, against ~0.2 s here). A dist/*.js whose source
 * is gone is removed, so dist/ never runs code that src/ no longer has.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));

await build({
  entryPoints: sources.map((f) => join(src, f)),
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
  // calendar/werkdagen.ts asks for `require` only where it exists (the CommonJS bundle of the binary)
  logOverride: { 'unsupported-require-call': 'silent' },
});

// outputs of sources that no longer exist (dist/sea and the binaries are not .js files of src/)
const wanted = new Set(sources.map((f) => f.replace(/\.ts$/, '.js')));
for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (f.endsWith('.js') && !f.startsWith('sea') && !wanted.has(f)) rmSync(join(dist, f));
}
