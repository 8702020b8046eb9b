/** Name and version of the tool, from package.json (read once, without importing anything heavy). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by the standalone-binary build (esbuild --define), which has no package.json beside it. */
declare const __GIACHECK_VERSION__: string | undefined;

function readVersion(): string {
  if (typeof __GIACHECK_VERSION__ === 'string') return __GIACHECK_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return '0.0.0';
  }
}

export const TOOL = { name: 'giacheck', version: readVersion() };
