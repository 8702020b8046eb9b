/**
 * giacheck without a command, as a coordinator meets it on Windows:
 *
 * - an export dropped on the executable (Windows starts `giacheck.exe <path>`), or
 *   `giacheck <export>` typed: run check with the region inferred from the gemeenten, write
 *   `<export>-naleving-<peildatum>.html` next to the export (a free name: `-2`, `-3`, … rather than
 *   overwrite), and say in a few lines where it is and what it found;
 * - no arguments at all (a double-click): a short start screen instead of commander's usage.
 *
 * A window that Windows opened just for this run closes as soon as the program ends, so in that
 * case the message (or the error) waits for Enter. See ownConsole for how that case is told
 * apart; GIACHECK_PAUSE=1 or 0 forces the choice.
 *
 * main.ts calls startRequest before commander: it returns undefined for anything that is not one
 * of these cases, so every command and every usage error behaves as before.
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, win32 } from 'node:path';
import { UserError } from '../errors.js';
import { formatNumber, formatPercent, localized, t } from '../i18n/index.js';
import { COMMANDS } from './commands.js';
import { TOOL } from './version.js';
import { processIo, type Io } from './io.js';
import { debugTrace, internalMessage } from './debug.js';

/** What the start screen and the drop mode read and write: the run's io (io.ts). */
export type StartIo = Io;

export type StartRequest =
  | { kind: 'screen'; debug: boolean }
  | { kind: 'drop'; file: string; asOf?: string; region?: string; debug: boolean }
  | { kind: 'notOne'; files: string[]; debug: boolean };

/** Options accepted beside a dropped export (what a shortcut or a script may add). */
const VALUE_OPTIONS = ['--lang', '--as-of', '--region'];
const FLAG_OPTIONS = ['--quiet', '--no-color', '--debug'];

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What argv asks for when it names no command: the start screen (no arguments, or only --lang),
 * one dropped export, or several existing files or a folder (the error of the drop mode);
 * undefined otherwise (commands, --help, unknown options, a name that is no file).
 */
export function startRequest(argv: string[]): StartRequest | undefined {
  const args = argv.slice(2);
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_OPTIONS.includes(name)) {
      const value = eq > 0 && name !== a ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return undefined;
      values[name] = value;
    } else if (FLAG_OPTIONS.includes(a)) {
      values[a] = 'true';
    } else if (a.startsWith('-') && a !== '-') {
      return undefined;
    } else {
      positional.push(a);
    }
  }
  const debug = values['--debug'] === 'true';
  if (positional.length === 0) {
    return values['--as-of'] || values['--region'] ? undefined : { kind: 'screen', debug };
  }
  if (COMMANDS.some((c) => c.name === positional[0])) return undefined;
  const kinds = positional.map(kindOf);
  // a single name that looks like a file (a dot or a path separator) is taken as one even when
  // it is not there: "bestand niet gevonden" rather than "unknown command"
  const pathLike = positional.length === 1 && /[./\\]/.test(positional[0]);
  if (kinds.some((k) => k === undefined) && !pathLike) return undefined;
  if (positional.length === 1 && (kinds[0] === 'file' || kinds[0] === undefined)) {
    return { kind: 'drop', file: positional[0], asOf: values['--as-of'], region: values['--region'], debug };
  }
  return { kind: 'notOne', files: positional, debug };
}

/**
 * Did Windows open a console window just for this process (a double-click, or a file dropped on
 * the executable)? Node cannot call GetConsoleProcessList, so this reads the console title:
 * Windows titles a console it creates for a program with that program's path (STARTUPINFO
 * lpTitle is NULL when Explorer starts it), while cmd.exe, PowerShell and Windows Terminal set
 * their own title ("Opdrachtprompt - giacheck …", "Windows PowerShell", …). Only on Windows and
 * only with a console on standard input; GIACHECK_PAUSE=1/0 overrides the guess.
 */
export function ownConsole(title: string, execPath: string): boolean {
  const norm = (s: string) => s.trim().replace(/^"|"$/g, '').replace(/\//g, '\\').toLowerCase();
  const tl = norm(title);
  const exe = norm(execPath);
  return tl !== '' && (tl === exe || tl === win32.basename(exe) || tl === exe.replace(/\.exe$/, ''));
}

export function shouldPause(
  io: Pick<StartIo, 'env' | 'stdin'>,
  platform: string = process.platform,
  title: string = process.title,
  execPath: string = process.execPath,
): boolean {
  const forced = io.env.GIACHECK_PAUSE;
  if (forced === '1') return true;
  if (forced === '0') return false;
  return platform === 'win32' && Boolean(io.stdin.isTTY) && ownConsole(title, execPath);
}

/** Resolves at the first line break on stdin, at its end, or on an error. */
function waitForEnter(stdin: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer | string) => {
      if (/[\r\n]/.test(String(chunk))) done();
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.off('end', done);
      stdin.off('error', done);
      stdin.pause();
      resolve();
    };
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.once('error', done);
    stdin.resume();
  });
}

/** How the program is called in the texts: the executable's name in the binary, else giacheck. */
async function programNames(): Promise<{ exe: string; cmd: string }> {
  const { isStandaloneBinary } = await import('../profile/bundled.js');
  if (!isStandaloneBinary()) return { exe: 'giacheck', cmd: 'giacheck' };
  const exe = basename(process.execPath);
  return { exe, cmd: exe.replace(/\.exe$/i, '') };
}

/** `<dir>/<stem>-naleving-<peildatum>.html`, or the first of `-2`, `-3`, … that does not exist. */
export function reportPath(exportFile: string, peildatum: string, exists: (p: string) => boolean = (p) => kindOf(p) !== undefined): string {
  const dir = dirname(exportFile);
  const ext = extname(exportFile);
  const stem = basename(exportFile, ext) || basename(exportFile);
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${stem}-naleving-${peildatum}${n === 1 ? '' : `-${n}`}.html`);
    if (!exists(candidate)) return candidate;
  }
}

interface DropResult {
  lines: string[];
  code: number;
}

async function runDrop(file: string, opts: { asOf?: string; region?: string }, io: StartIo): Promise<DropResult> {
  const [{ resolveInput }, { check, buildReport }, { FORMATS }, { openOutput }, { progressReporter, progressWanted }, { displayDate }, { parseIsoDay }] =
    await Promise.all([
      import('./common.js'),
      import('../engine/check.js'),
      import('../report/formats.js'),
      import('./output.js'),
      import('./progress.js'),
      import('../report/messages.js'),
      import('../calendar/days.js'),
    ]);
  const resolved = await resolveInput([file], { region: opts.region, asOf: opts.asOf });
  const progress = progressReporter(io.stderr, progressWanted(io.stderr, false, io.env));
  let run;
  try {
    run = await check(resolved, { includePassed: false, failOn: 'error', onProgress: progress.update });
  } finally {
    progress.done();
  }
  const report = buildReport(run, { includePassed: false, pseudonymized: false, tool: TOOL });
  const html = FORMATS.html;
  if (html.kind !== 'collect') throw new Error('html is not a collected format');
  const target = reportPath(resolve(file), report.peildatum);
  const out = openOutput(target, io.stdout);
  try {
    // every finding: the report is the coordinator's work list
    out.write(await html.render(report, { color: false, maxFindings: 0 }));
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }

  const totals = report.summary.totals;
  const judged = totals.on_time + totals.late + totals.overdue + totals.missing + totals.violated + totals.early;
  const overdueDossiers = new Set(report.findings.filter((f) => f.status === 'overdue').map((f) => f.dossier_id)).size;
  const day = parseIsoDay(report.peildatum);
  const lines = [
    t('drop.title', { version: TOOL.version, profile: localized(report.profile.name), peildatum: day === undefined ? report.peildatum : displayDate(day) }),
    '',
    t('drop.export', { file: resolve(file) }),
    t('drop.rows', {
      read: formatNumber(report.input.rows_read),
      checked: formatNumber(report.input.rows_checked),
      rejected: formatNumber(report.input.rows_rejected),
    }),
    t('drop.report', { file: target }),
    '',
    judged
      ? t('drop.compliance', { percent: formatPercent(totals.compliance), onTime: formatNumber(totals.on_time), judged: formatNumber(judged) })
      : t('drop.complianceNone'),
    totals.overdue
      ? t('drop.overdue', { count: formatNumber(totals.overdue), dossiers: formatNumber(overdueDossiers) })
      : t('drop.overdueNone'),
  ];
  if (resolved.inferred) lines.push(t('drop.regionInferred', { profile: localized(report.profile.name) }));
  if (report.input.rows_rejected) lines.push(t('drop.rejected', { count: formatNumber(report.input.rows_rejected) }));
  lines.push('', t('drop.open'));
  return { lines, code: run.failing ? 1 : 0 };
}


/** Run a start request; the exit code as `check` has it (0, 1 findings at error level, 2 could not run). */
export async function runStart(req: StartRequest, io: StartIo = processIo()): Promise<number> {
  let code = 0;
  if (req.kind === 'screen') {
    const names = await programNames();
    io.stdout.write(t('start.screen', { version: TOOL.version, ...names }) + '\n');
  } else {
    let message: string | undefined;
    let failure: unknown;
    try {
      if (req.kind === 'notOne') {
        const dirs = req.files.filter((f) => kindOf(f) === 'dir');
        message = req.files.length === 1 && dirs.length === 1 ? t('drop.directory', { file: req.files[0] }) : t('drop.oneFile', { count: req.files.length });
        code = 2;
      } else {
        const r = await runDrop(req.file, req, io);
        io.stdout.write(r.lines.join('\n') + '\n');
        code = r.code;
      }
    } catch (e) {
      failure = e;
      code = e instanceof UserError ? e.exitCode : 2;
      const text = e instanceof UserError ? e.message : t('error.internal', { message: internalMessage(e) });
      message = t('drop.error', { file: req.kind === 'drop' ? resolve(req.file) : '', message: text });
    }
    if (message !== undefined) {
      io.stderr.write('giacheck: ' + message + '\n');
      if (req.kind === 'drop') io.stderr.write(t('drop.errorHint') + '\n');
      if (req.debug && failure instanceof Error) io.stderr.write(debugTrace(failure, failure instanceof UserError ? failure.message : undefined) + '\n');
    }
  }
  if (shouldPause(io)) {
    io.stdout.write('\n' + t('start.pause') + '\n');
    await waitForEnter(io.stdin);
  }
  return code;
}
