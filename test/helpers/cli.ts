/** Run the real CLI (bin/giacheck.js → dist/) as a user would. Requires `npm run build`. */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = resolve(ROOT, 'bin', 'giacheck.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function giacheck(args: string[], opts: SpawnSyncOptions & { input?: string | Buffer } = {}): CliResult {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.FORCE_COLOR;
  const env = { ...base, NO_COLOR: '1', LANG: 'C', GIACHECK_LANG: '', ...(opts.env ?? {}) };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
    env,
  });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
