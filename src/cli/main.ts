/**
 * Entry point: language first (so --help is translated), then commander. Errors the user can fix
 * are one line on stderr with exit 2; a stack trace only with --debug.
 */
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { resolveLang, setLang, t } from '../i18n/index.js';
import { TOOL } from './version.js';
import { keepYoungGenerationSmall } from '../engine/heap.js';
import { processIo, type Io, type OutStream, type Run } from './io.js';

function optionValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** Commander's colour convention (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE), read from the run's environment. */
function hasColors(stream: OutStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return Boolean(stream.isTTY && stream.hasColors?.());
}

/**
 * The commands are imported only here, when a command runs: `giacheck --version` then loads
 * nothing but this file, the messages and package.json (start-up close to `node -e 0`).
 */
export async function buildProgram(argv: string[] = [], run: Run = { io: processIo(), exitCode: 0 }): Promise<Command> {
  const [{ Command }, { loadCommands }, { commanderErrorText, localizeHelp }] = await Promise.all([
    import('commander'),
    import('./commands.js'),
    import('./help.js'),
  ]);
  const registers = await loadCommands(argv);
  const { stdout, stderr, env } = run.io;
  // help, version and usage errors go to the run's streams (subcommands inherit this)
  const program = new Command('giacheck')
    .description(t('cli.description'))
    .version(TOOL.version, '-V, --version', t('help.version'))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (str) => stdout.write(str),
      writeErr: (str) => stderr.write(str),
      // commander's own default: a terminal's width, else 80
      getOutHelpWidth: () => (stdout.isTTY && stdout.columns) || 80,
      getErrHelpWidth: () => (stderr.isTTY && stderr.columns) || 80,
      getOutHasColors: () => hasColors(stdout, env),
      getErrHasColors: () => hasColors(stderr, env),
      outputError: (str, write) => write('giacheck: ' + commanderErrorText(str) + '\n'),
    });
  for (const register of registers) register(program, run);
  for (const cmd of program.commands) cmd.exitOverride();
  localizeHelp(program);
  return program;
}

/**
 * Run the CLI once and return its exit code (0 fine, 1 findings at --fail-on, 2 unusable input
 * or usage, 130 an interrupted wizard). Without `io` it is this process's run (bin/giacheck.js);
 * the tests pass captured streams and an environment and call it many times in one process.
 */
export async function main(argv: string[], io?: Io): Promise<number> {
  // Tuning for the process that runs giacheck itself, not for a caller's process: a V8 setting
  // that holds process-wide, and a worker started ahead that a later run in the same process
  // would inherit if this one ended before using it
  const ownProcess = !io;
  if (ownProcess) {
    keepYoungGenerationSmall();
    // `giacheck … | head`: the reader has what it wanted; stop quietly instead of a stack trace
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        throw e;
      });
    }
  }
  const run: Run = { io: io ?? processIo(), exitCode: 0 };
  const { stderr, env } = run.io;
  const debug = argv.includes('--debug');
  setLang(resolveLang(optionValue(argv, '--lang'), env));
  // the fastest path: nothing but the version
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    run.io.stdout.write(TOOL.version + '\n');
    return 0;
  }
  // no command: the start screen, or an export dropped on the executable (start.ts)
  const { startRequest, runStart } = await import('./start.js');
  const start = startRequest(argv);
  if (start) return runStart(start, run.io);
  try {
    // "-" reads this run's standard input, none of an earlier run's buffered copy
    const { useStdin } = await import('../ingest/readers.js');
    useStdin(() => run.io.stdin as AsyncIterable<Buffer>);
    if (ownProcess && argv[2] === 'check') {
      // boot the ingest worker on the other core while this one loads check and the profile
      const { prestartIngestWorker } = await import('../engine/parallel.js');
      prestartIngestWorker(argv.slice(3), env);
    }
    await (await buildProgram(argv, run)).parseAsync(argv);
    return run.exitCode;
  } catch (e) {
    const { CommanderError } = await import('commander');
    if (e instanceof CommanderError) {
      // help and version exit 0; a usage error has already been printed as one line
      return e.exitCode === 0 ? 0 : 2;
    }
    // nothing of the input in a library's message or a stack trace (issue 16.6)
    const { debugTrace, internalMessage } = await import('./debug.js');
    if (e instanceof UserError) {
      stderr.write('giacheck: ' + e.message + '\n');
      if (debug) stderr.write(debugTrace(e, e.message) + '\n');
      return e.exitCode;
    }
    stderr.write('giacheck: ' + t('error.internal', { message: internalMessage(e) }) + '\n');
    if (debug) stderr.write(debugTrace(e) + '\n');
    return 2;
  }
}
