/**
 * Entry point: language first (so --help is translated), then commander. Errors the user can fix
 * are one line on stderr with exit 2; a stack trace only with --debug.
 */
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { resolveLang, setLang, t } from '../i18n/index.js';
import { TOOL } from './version.js';
import { keepYoungGenerationSmall } from '../engine/heap.js';

function optionValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * The commands are imported only here, when a command runs: `giacheck --version` then loads
 * nothing but this file, the messages and package.json (start-up close to `node -e 0`).
 */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const [{ Command }, { loadCommands }, { commanderErrorText, localizeHelp }] = await Promise.all([
    import('commander'),
    import('./commands.js'),
    import('./help.js'),
  ]);
  const registers = await loadCommands(argv);
  const program = new Command('giacheck')
    .description(t('cli.description'))
    .version(TOOL.version, '-V, --version', t('help.version'))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write('giacheck: ' + commanderErrorText(str) + '\n'),
    });
  for (const register of registers) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  localizeHelp(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  keepYoungGenerationSmall();
  const debug = argv.includes('--debug');
  setLang(resolveLang(optionValue(argv, '--lang')));
  // the fastest path: nothing but the version
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(TOOL.version + '\n');
    return 0;
  }
  // no command: the start screen, or an export dropped on the executable (start.ts)
  const { startRequest, runStart } = await import('./start.js');
  const start = startRequest(argv);
  if (start) return runStart(start);
  process.exitCode = undefined;
  try {
    if (argv[2] === 'check') {
      // boot the ingest worker on the other core while this one loads check and the profile
      const { prestartIngestWorker } = await import('../engine/parallel.js');
      prestartIngestWorker(argv.slice(3));
    }
    await (await buildProgram(argv)).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    const { CommanderError } = await import('commander');
    if (e instanceof CommanderError) {
      // help and version exit 0; a usage error has already been printed as one line
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UserError) {
      process.stderr.write('giacheck: ' + e.message + '\n');
      if (debug) process.stderr.write((e.stack ?? '') + '\n');
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write('giacheck: ' + t('error.internal', { message: String(err?.message ?? err).split('\n')[0] }) + '\n');
    if (debug) process.stderr.write((err?.stack ?? '') + '\n');
    return 2;
  }
}
