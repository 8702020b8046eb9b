/**
 * `giacheck validate <file...>`: the data-quality report of exports (src/validate). Same input
 * options as `check`; formats table, md (examples per code) and json, csv, xlsx (every problem); exit 1 when errors are present (a personal-data
 * column is an error), 0 when clean, 2 when the input cannot be read at all.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { DEFAULT_EXAMPLES, runValidation } from '../validate/validate.js';
import { formatValidation, LIST_FORMATS, VALIDATE_FORMATS, ValidateFormat, validationJsonHead, validationJsonRest } from '../validate/format.js';
import { CSV_ROWS, csvWriter, type CsvRows, jsonWriter, type ProblemWriter, xlsxWriter } from '../validate/list.js';
import type { Profile } from '../profile/load.js';
import { isoDate, type Day } from '../calendar/days.js';
import { addGlobalOptions, addInputOptions, failOnLevel, InputOptions, resolveInput, useColor } from './common.js';
import { checkOutputTarget, chooseFormat, openOutput, type Output, writesFile, writtenLine } from './output.js';
import { TOOL } from './version.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type Run } from './io.js';

export interface ValidateCliOptions extends InputOptions {
  format?: string;
  output?: string;
  failOn?: string;
  width?: string;
  maxExamples?: string;
  csvRows?: string;
  minCell?: string;
  aggregateOnly?: boolean;
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('validate')
    .description(t('cmd.validate'))
    .argument('<bestand...>', t('arg.files'))
    .addOption(new Option('--format <formaat>', t('opt.validateFormat')))
    .option('--output <bestand>', t('opt.output'))
    .option('--width <n>', t('opt.width'))
    .option('--max-examples <n>', t('opt.maxExamples'))
    .addOption(new Option('--csv-rows <wat>', t('opt.csvRows')).choices([...CSV_ROWS]))
    .option('--min-cell <n>', t('opt.validateMinCell'))
    .option('--aggregate-only', t('opt.validateAggregateOnly'))
    .addOption(new Option('--fail-on <niveau>', t('opt.validateFailOn')).choices(['error', 'warning', 'never']).default('error'));
  addInputOptions(cmd);
  addGlobalOptions(cmd);
  cmd.action(async (files: string[], opts: ValidateCliOptions) => {
    run.exitCode = await runValidate(files, opts, run.io);
  });
}

export async function runValidate(files: string[], opts: ValidateCliOptions, io: Io = processIo()): Promise<number> {
  const format = chooseFormat(opts.format, opts.output, VALIDATE_FORMATS) as ValidateFormat;
  if (!VALIDATE_FORMATS.includes(format)) {
    throw new UserError(t('error.option', { option: '--format', value: String(opts.format), choices: VALIDATE_FORMATS.join(', ') }));
  }
  if (format === 'xlsx' && !writesFile(opts.output)) throw new UserError(t('error.binaryToStdout', { format }));
  if (opts.csvRows !== undefined && format !== 'csv') throw new UserError(t('error.csvRowsFormat'));
  const maxExamples = opts.maxExamples === undefined ? DEFAULT_EXAMPLES : Number(opts.maxExamples);
  if (opts.maxExamples !== undefined && (!/^\d+$/.test(String(opts.maxExamples).trim()) || !Number.isSafeInteger(maxExamples))) {
    throw new UserError(t('error.option', { option: '--max-examples', value: String(opts.maxExamples), choices: '0, 1, 2, …' }));
  }
  const minCell = parseMinCell(opts.minCell);
  const aggregateOnly = Boolean(opts.aggregateOnly);
  const failOn = failOnLevel(opts.failOn);
  const width = parseWidth(opts.width);
  checkOutputTarget(opts.output);
  const resolved = await resolveInput(files, opts);
  if (resolved.inferred && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('cli.regionInferred', { region: localized(resolved.profile.name) }) + '\n');
  }
  const out = openOutput(opts.output, io.stdout);
  try {
    const writer = LIST_FORMATS.includes(format) ? lazily(listWriter(format, out, io, resolved, opts)) : undefined;
    const report = await runValidation({
      ...resolved,
      tool: TOOL,
      examplesPerCode: maxExamples,
      minCell,
      aggregateOnly,
      ...(writer ? { onProblem: (i) => writer.problem(i), onBatch: () => writer.drain() } : {}),
    });
    report.tool = TOOL;
    if (writer) await writer.end(report);
    else out.write(formatValidation(report, format as 'table' | 'md', { color: useColor(opts, out.isTTY, io.env), width: outputWidth(width, out, io.stdout) }));
    await out.close();
    if (writesFile(opts.output) && !opts.quiet) {
      io.stderr.write('giacheck: ' + writtenLine(opts.output, format, 'issues', report.issues.errors + report.issues.warnings) + '\n');
    }
    const failing =
      failOn === 'never' ? false : failOn === 'warning' ? report.issues.errors + report.issues.warnings > 0 : report.issues.errors > 0;
    return failing ? 1 : 0;
  } catch (e) {
    out.abort();
    throw e;
  }
}

/** The writer of a format that lists every problem (src/validate/list.ts). */
function listWriter(format: ValidateFormat, out: Output, io: Io, resolved: { profile: Profile; peildatum: Day }, opts: ValidateCliOptions): ProblemWriter {
  if (format === 'csv') return csvWriter(out, io.stderr, (opts.csvRows as CsvRows | undefined) ?? 'problems');
  if (format === 'xlsx') return xlsxWriter(out);
  const { profile } = resolved;
  return jsonWriter(out, validationJsonHead({ tool: TOOL, profile: { id: profile.id, version: profile.version, name: profile.name }, peildatum: isoDate(resolved.peildatum) }), validationJsonRest, !writesFile(opts.output));
}

/** --min-cell N: 2 … 1000, as check takes it. */
function parseMinCell(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(String(value).trim()) || !Number.isInteger(n) || n < 2 || n > 1000) {
    throw new UserError(t('error.option', { option: '--min-cell', value: String(value), choices: '2 … 1000' }));
  }
  return n;
}

/**
 * A writer that begins at its first problem, batch or end: an input that cannot be read at all
 * (opened before any problem is found) leaves the output empty, as table and md do.
 */
function lazily(w: ProblemWriter): ProblemWriter {
  let begun = false;
  const begin = () => {
    if (!begun) w.begin();
    begun = true;
  };
  return {
    begin,
    problem(i) {
      begin();
      w.problem(i);
    },
    drain() {
      begin();
      return w.drain();
    },
    end(report) {
      begin();
      return w.end(report);
    },
  };
}
