/**
 * Run the CLI as a user would. `giacheck()` runs `main(argv, io)` in this process with captured
 * streams: the same arguments, environment, standard input, output and exit code as a run of
 * `bin/giacheck.js`, without starting Node for every run. The sources run as vitest compiles them,
 * so there is no ingest worker (parallel.ts finds no compiled worker beside itself): every run here
 * is one thread, whatever GIACHECK_WORKER says. `giacheckProcess()` spawns the real binary
 * (requires `npm run build`): for what only a process shows — bin/giacheck.js itself, the worker
 * thread, a real pipe on stdin, exit codes as the shell sees them, signals, another directory.
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { getLang, setLang } from '../../src/i18n/index.js';
import { Capture, stdinOf } from './io.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = resolve(ROOT, 'bin', 'giacheck.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** on top of the test defaults NO_COLOR=1, LANG=C, GIACHECK_LANG='' (and no FORCE_COLOR) */
  env?: NodeJS.ProcessEnv;
  /** standard input; without it an empty pipe, as spawnSync gives */
  input?: string | Buffer;
}

function cliEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.FORCE_COLOR;
  return { ...base, NO_COLOR: '1', LANG: 'C', GIACHECK_LANG: '', ...(extra ?? {}) };
}

/**
 * Variables that act on the process rather than on a run: in-process they would be ignored and
 * the test would silently check less than it says (there is no worker under vitest; TZ, the
 * locale and NODE_OPTIONS are read when Node starts).
 */
const PROCESS_ONLY = ['TZ', 'LC_ALL', 'NODE_OPTIONS'];

/** `giacheck <args>` in this process; relative paths are relative to the project root, as for giacheckProcess. */
export async function giacheck(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  if (process.cwd() !== ROOT) throw new Error(`giacheck(): tests run from ${ROOT}, not ${process.cwd()}`);
  const processOnly = PROCESS_ONLY.filter((k) => opts.env?.[k] !== undefined);
  if (opts.env?.GIACHECK_WORKER === '1') processOnly.push('GIACHECK_WORKER=1');
  if (processOnly.length) throw new Error(`giacheck(): ${processOnly.join(', ')} only acts on a process: use giacheckProcess()`);
  const stdout = new Capture();
  const stderr = new Capture();
  // main sets the language of its run; the test file's own language is put back afterwards
  const lang = getLang();
  try {
    const code = await main(['node', BIN, ...args], { stdout, stderr, stdin: stdinOf(opts.input), env: cliEnv(opts.env) });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    setLang(lang);
  }
}

/** `node bin/giacheck.js <args>` as a child process (requires `npm run build`). */
export function giacheckProcess(args: string[], opts: SpawnSyncOptions & { input?: string | Buffer } = {}): CliResult {
  const env = cliEnv(opts.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
    env,
  });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
