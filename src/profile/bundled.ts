/**
 * Files that ship with giacheck: the bundled profiles and triage trees under rules/. From a
 * checkout or an npm install they are read from disk; in the standalone binary (Node's single
 * executable application, scripts/build-bin.mjs) there is no rules/ directory, and the same files
 * come from the executable's embedded assets ("rules/<relative path>"). Everything that reads a
 * bundled file goes through readTextFile/fileExists so both cases behave the same, including the
 * ENOENT error of a file that is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

interface SeaApi {
  isSea(): boolean;
  getAsset(key: string, encoding: string): string;
}

let sea: SeaApi | null | undefined;

/** node:sea when running as a single executable application, else null. */
function seaApi(): SeaApi | null {
  if (sea === undefined) {
    try {
      const api = createRequire(import.meta.url)('node:sea') as SeaApi;
      sea = api.isSea() ? api : null;
    } catch {
      sea = null; // Node without node:sea (< 20.12): never a single executable
    }
  }
  return sea;
}

export function isStandaloneBinary(): boolean {
  return seaApi() !== null;
}

/** An embedded asset as text, or undefined (not a standalone binary, or no such asset). */
export function seaAsset(key: string): string | undefined {
  const api = seaApi();
  if (!api) return undefined;
  try {
    return api.getAsset(key, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Where the bundled files live. In the binary this is a virtual directory next to the executable:
 * it only appears in messages (e.g. a YAML location), files under it are served from the assets.
 */
export const BUNDLED_DIR = isStandaloneBinary()
  ? resolve(dirname(process.execPath), 'rules')
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

/** The asset key of a path under BUNDLED_DIR ("rules/triage/x.yaml"), else undefined. */
export function bundledAssetKey(file: string): string | undefined {
  const rel = relative(BUNDLED_DIR, resolve(file));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return 'rules/' + rel.split(sep).join('/');
}

function notFound(file: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`ENOENT: no such file or directory, open '${file}'`);
  e.code = 'ENOENT';
  return e;
}

/** readFileSync(file, 'utf8'), except that bundled files come from the binary's assets there. */
export function readTextFile(file: string): string {
  const key = isStandaloneBinary() ? bundledAssetKey(file) : undefined;
  if (key !== undefined) {
    const text = seaAsset(key);
    if (text === undefined) throw notFound(file);
    return text;
  }
  return readFileSync(file, 'utf8');
}

/** existsSync, aware of the binary's assets. */
export function fileExists(file: string): boolean {
  const key = isStandaloneBinary() ? bundledAssetKey(file) : undefined;
  return key !== undefined ? seaAsset(key) !== undefined : existsSync(file);
}
