/**
 * `giacheck check <file...>`: options → a run of the check pipeline (src/engine/check.ts) → the
 * chosen format. Table, JSON and the other collected formats sort the findings; jsonl and csv
 * stream them as they are found, in constant memory.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { formatNumber, formatPercent, localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { buildReport, check } from '../engine/check.js';
import { FORMATS } from '../report/formats.js';
import { makePseudonymizer } from '../report/pseudonymize.js';
import type { Report } from '../report/model.js';
import { HIDDEN_SHARE, reportCells } from '../report/cells.js';
import { checkOutputTarget, chooseFormat, openOutput, writesFile, writtenLine } from './output.js';
import {
  addGemeenteOption,
  addGlobalOptions,
  addInputOptions,
  addPeriodOptions,
  FailOn,
  InputOptions,
  OutputOptions,
  parseFailOn,
  parseMinCell,
  PeriodOptions,
  resolveInput,
  resolvePeriod,
  useColor,
} from './common.js';
import { TOOL } from './version.js';
import '../i18n/catalog/provenance.js';
import { progressReporter, progressWanted } from './progress.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type Run } from './io.js';

export interface CheckOptions extends Omit<InputOptions, 'failOn'>, Omit<OutputOptions, 'failOn'>, PeriodOptions {
  /** parsed by parseFailOn (a string when runCheck is called directly) */
  failOn?: FailOn | string;
  includePassed?: boolean;
  maxFindings?: string;
  width?: string;
  minCell?: string;
  aggregateOnly?: boolean;
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('check')
    .description(t('cmd.check'))
    .argument('<bestand...>', t('arg.files'))
    .addOption(new Option('--format <formaat>', t('opt.format')))
    .option('--output <bestand>', t('opt.output'))
    .addOption(new Option('--fail-on <niveau>', t('opt.failOn')).argParser(parseFailOn).default(parseFailOn('error'), 'error'))
    .option('--include-passed', t('opt.includePassed'))
    .option('--max-findings <n>', t('opt.maxFindings'), '100')
    .option('--width <n>', t('opt.width'))
    .option('--pseudonymize', t('opt.pseudonymize'))
    .option('--min-cell <n>', t('opt.minCell'))
    .option('--aggregate-only', t('opt.aggregateOnly'));
  addInputOptions(cmd);
  addPeriodOptions(cmd);
  addGemeenteOption(cmd);
  addGlobalOptions(cmd);
  cmd.action(async (files: string[], opts: CheckOptions) => {
    run.exitCode = await runCheck(files, opts, run.io);
  });
}

export async function runCheck(files: string[], opts: CheckOptions, io: Io = processIo()): Promise<number> {
  const formatName = chooseFormat(opts.format, opts.output, Object.keys(FORMATS));
  const format = FORMATS[formatName];
  if (!format) {
    throw new UserError(t('error.option', { option: '--format', value: formatName, choices: Object.keys(FORMATS).join(', ') }));
  }
  if (format.kind === 'collect' && format.binary && !opts.output) {
    throw new UserError(t('error.binaryToStdout', { format: formatName }));
  }
  const failOn = typeof opts.failOn === 'object' ? opts.failOn : parseFailOnOption(opts.failOn ?? 'error');
  const includePassed = Boolean(opts.includePassed);
  const maxFindings = Number(opts.maxFindings ?? '100');
  if (!Number.isInteger(maxFindings) || maxFindings < 0) {
    throw new UserError(t('error.option', { option: '--max-findings', value: String(opts.maxFindings), choices: '0, 1, 2, …' }));
  }
  const width = parseWidth(opts.width);
  const minCell = parseMinCell(opts.minCell);
  const aggregateOnly = Boolean(opts.aggregateOnly);
  const pseudo = opts.pseudonymize ? makePseudonymizer(io.env.GIACHECK_PSEUDO_KEY) : undefined;
  checkOutputTarget(opts.output);
  const period = resolvePeriod(opts);
  const resolved = { ...(await resolveInput(files, opts)), period };
  if (resolved.inferred && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('cli.regionInferred', { region: localized(resolved.profile.name) }) + '\n');
  }
  const out = openOutput(opts.output, io.stdout);
  const progress = progressReporter(io.stderr, progressWanted(io.stderr, opts.quiet, io.env));
  try {
    const stream = format.kind === 'stream' ? await format.open(out, io.stderr) : undefined;
    const run = await check(resolved, { includePassed, failOn: failOn.level, pseudo, stream, aggregateOnly, onProgress: progress.update });
    progress.done();
    const report = buildReport(run, { includePassed, pseudonymized: Boolean(pseudo), tool: TOOL, minCell, aggregateOnly });
    // what the report opens with is said on stderr too: a streamed format has no top
    if (!opts.quiet) for (const w of report.warnings) io.stderr.write('giacheck: ' + w.message + '\n');
    if (format.kind === 'stream') {
      stream!.end(report);
      if (!opts.quiet) {
        io.stderr.write(
          'giacheck: ' +
            t('summary.stderr', {
              file: run.engine.files.map((f) => f.file).join(', '),
              read: formatNumber(run.engine.rowsRead),
              checked: formatNumber(run.engine.rowsChecked),
              rejected: formatNumber(run.engine.rowsRejected),
            }) +
            '\n',
        );
        // csv rows are findings only: the norms of the run are said here, as the table opens with them
        if (formatName === 'csv') for (const line of normLines(report)) io.stderr.write('giacheck: ' + line + '\n');
      }
    } else {
      const color = useColor(opts, out.isTTY, io.env);
      out.write(await format.render(report, { color, maxFindings, width: outputWidth(width, out, io.stdout) }));
    }
    await out.close();
    if (writesFile(opts.output) && !opts.quiet) {
      io.stderr.write('giacheck: ' + writtenLine(opts.output, formatName, 'findings', findingCount(report, includePassed)) + '\n');
    }
    // a rule that could not be judged (not assessable, nothing applicable) is not below its norm
    const belowNorm = failOn.belowNorm && report.summary.rules.some((r) => r.meets_norm === false);
    return run.failing || belowNorm ? 1 : 0;
  } catch (e) {
    progress.done();
    out.abort();
    throw e;
  }
}

/** One line per rule with a norm: its compliance against the norm, met or not, or not judged. */
function normLines(report: Report): string[] {
  const cells = reportCells(report);
  return report.summary.rules
    .filter((r) => r.norm !== null)
    .map((r) =>
      // --min-cell: a hidden compliance hides on which side of the norm it lies too
      t(r.meets_norm === null ? 'rep.normLineNotJudged' : cells.compliance(r) === HIDDEN_SHARE ? 'rep.normLineHidden' : r.meets_norm ? 'rep.normLineMet' : 'rep.normLineNotMet', {
        rule: r.rule_id,
        norm: formatPercent(r.norm, 0),
        compliance: formatPercent(r.compliance),
        source: r.norm_source ?? '',
      }),
    );
}

/** --fail-on given to runCheck as text (not through commander): a wrong value is a UserError. */
function parseFailOnOption(value: string): FailOn {
  try {
    return parseFailOn(value);
  } catch {
    throw new UserError(t('error.option', { option: '--fail-on', value, choices: 'error, warning, never, below-norm' }));
  }
}

/** The findings a report holds; a streamed report keeps none, so count them from the summary. */
function findingCount(report: Report, includePassed: boolean): number {
  if (report.findings_total > 0 || report.findings.length > 0) return report.findings_total;
  let n = 0;
  for (const r of report.summary.rules) n += r.applicable - r.on_time + (includePassed ? r.on_time + r.not_applicable : 0);
  return n;
}
