/**
 * `giacheck validate <file...>`: the data-quality report of exports (src/validate). Same input
 * options as `check`; formats table, json and md; exit 1 when errors are present (a personal-data
 * column is an error), 0 when clean, 2 when the input cannot be read at all.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { runValidation } from '../validate/validate.js';
import { formatValidation, VALIDATE_FORMATS, ValidateFormat } from '../validate/format.js';
import { addGlobalOptions, addInputOptions, failOnLevel, InputOptions, resolveInput, useColor } from './common.js';
import { checkOutputTarget, chooseFormat, openOutput, writesFile, writtenLine } from './output.js';
import { TOOL } from './version.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type Run } from './io.js';

export interface ValidateCliOptions extends InputOptions {
  format?: string;
  output?: string;
  failOn?: string;
  width?: string;
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('validate')
    .description(t('cmd.validate'))
    .argument('<bestand...>', t('arg.files'))
    .addOption(new Option('--format <formaat>', t('opt.validateFormat')))
    .option('--output <bestand>', t('opt.output'))
    .option('--width <n>', t('opt.width'))
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
  const failOn = failOnLevel(opts.failOn);
  const width = parseWidth(opts.width);
  checkOutputTarget(opts.output);
  const resolved = await resolveInput(files, opts);
  if (resolved.inferred && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('cli.regionInferred', { region: localized(resolved.profile.name) }) + '\n');
  }
  const report = await runValidation({ ...resolved, tool: TOOL });
  report.tool = TOOL;
  const out = openOutput(opts.output, io.stdout);
  try {
    out.write(formatValidation(report, format, { color: useColor(opts, out.isTTY, io.env), width: outputWidth(width, out, io.stdout) }));
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  if (writesFile(opts.output) && !opts.quiet) {
    io.stderr.write('giacheck: ' + writtenLine(opts.output, format, 'issues', report.issues.errors + report.issues.warnings) + '\n');
  }
  const failing =
    failOn === 'never' ? false : failOn === 'warning' ? report.issues.errors + report.issues.warnings > 0 : report.issues.errors > 0;
  return failing ? 1 : 0;
}
