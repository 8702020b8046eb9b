/**
 * `giacheck compare <old.json> <new.json> [more.json…]`: with two check runs saved with `--format
 * json`, the compliance change between them and the cases that changed (month over month); with
 * three or more (or `--trend`, or `--format html`), the trend over the runs in order of peildatum.
 * Warnings (another profile, mapping or period, dates in the wrong order) go to stderr and into
 * the md/json/html output.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { compareReports, Comparison } from '../compare/compare.js';
import { formatCompareJson, formatCompareMarkdown, formatCompareTable, warningText } from '../compare/format.js';
import { loadSavedReport, ReadDigest } from '../compare/load.js';
import { baseName } from '../report/overview.js';
import { trendReports, trendWithMinCell } from '../compare/trend.js';
import { cellPolicy } from '../report/cells.js';
import { formatTrendHtml, formatTrendJson, formatTrendMarkdown, formatTrendTable, trendWarningText } from '../compare/trend-format.js';
import '../i18n/catalog/trend.js';
import { makePseudonymizer } from '../report/pseudonymize.js';
import { addGlobalOptions, GlobalOptions, parseMinCell, useColor } from './common.js';
import { checkOutputTarget, chooseFormat, openOutput, writesFile, writtenLine } from './output.js';
import { TOOL } from './version.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type Run } from './io.js';

export interface CompareOptions extends GlobalOptions {
  format?: string;
  output?: string;
  maxFindings?: string;
  pseudonymize?: boolean;
  trend?: boolean;
  width?: string;
  minCell?: string;
}

const FORMATS = ['table', 'md', 'json', 'html'];

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('compare')
    .description(t('cmd.compare'))
    .argument('<oud.json>', t('arg.compareOld'))
    .argument('<nieuw.json>', t('arg.compareNew'))
    .argument('[meer.json...]', t('arg.compareMore'))
    .addOption(new Option('--format <formaat>', t('opt.compareFormat')))
    .option('--trend', t('opt.compareTrend'))
    .option('--width <n>', t('opt.width'))
    .option('--output <bestand>', t('opt.output'))
    .option('--max-findings <n>', t('opt.compareMax'), '100')
    .option('--pseudonymize', t('opt.pseudonymize'))
    .option('--min-cell <n>', t('opt.compareMinCell'));
  addGlobalOptions(cmd);
  cmd.action(async (oldFile: string, newFile: string, more: string[], opts: CompareOptions) => {
    // the per-case lists need exactly two runs; the trend (and any HTML) takes two or more
    run.exitCode = more.length || opts.trend || chooseFormat(opts.format, opts.output, FORMATS) === 'html'
      ? await runTrend([oldFile, newFile, ...more], opts, run.io)
      : await runCompare(oldFile, newFile, opts, run.io);
  });
}

/** The trend over two or more runs (in order of peildatum). */
export async function runTrend(files: string[], opts: CompareOptions, io: Io = processIo()): Promise<number> {
  const format = chooseFormat(opts.format, opts.output, FORMATS);
  if (!FORMATS.includes(format)) throw new UserError(t('error.formatUnsupported', { format, choices: FORMATS.join(', ') }));
  const width = parseWidth(opts.width);
  const minCell = parseMinCell(opts.minCell);
  checkOutputTarget(opts.output);
  // the trend lists no dossier ids, so --pseudonymize has nothing to hash here; --min-cell hides
  // its small counts (report/cells.ts, the policy check uses)
  const trend = trendWithMinCell(trendReports(files.map((file) => ({ file, report: loadSavedReport(file) }))), cellPolicy(minCell ?? null));
  if (!opts.quiet) {
    for (const w of trend.warnings) io.stderr.write('giacheck: ' + t('compare.warningLabel') + ': ' + trendWarningText(w) + '\n');
  }
  const out = openOutput(opts.output, io.stdout);
  try {
    out.write(
      format === 'json'
        ? formatTrendJson(trend, TOOL)
        : format === 'md'
          ? formatTrendMarkdown(trend)
          : format === 'html'
            ? formatTrendHtml(trend, TOOL)
            : formatTrendTable(trend, { color: useColor(opts, out.isTTY, io.env), width: outputWidth(width, out, io.stdout) }),
    );
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  if (writesFile(opts.output) && !opts.quiet) {
    io.stderr.write('giacheck: ' + writtenLine(opts.output, format, 'runs', trend.runs.length) + '\n');
  }
  return 0;
}

export async function runCompare(oldFile: string, newFile: string, opts: CompareOptions, io: Io = processIo()): Promise<number> {
  const format = chooseFormat(opts.format, opts.output, FORMATS);
  if (!FORMATS.includes(format)) throw new UserError(t('error.formatUnsupported', { format, choices: FORMATS.join(', ') }));
  if (format === 'html' || opts.trend) return runTrend([oldFile, newFile], opts, io);
  // the two-run comparison lists dossiers (newly overdue, resolved): small counts beside them protect nobody
  if (opts.minCell !== undefined) throw new UserError(t('compare.error.minCellTwoRuns'));
  const maxItems = Number(opts.maxFindings ?? '100');
  if (!Number.isInteger(maxItems) || maxItems < 0) {
    throw new UserError(t('error.option', { option: '--max-findings', value: String(opts.maxFindings), choices: '0, 1, 2, …' }));
  }
  const width = parseWidth(opts.width);
  const pseudo = opts.pseudonymize ? makePseudonymizer(io.env.GIACHECK_PSEUDO_KEY) : undefined;
  checkOutputTarget(opts.output);
  const read: ReadDigest[] = [];
  const comparison: Comparison = compareReports(oldFile, loadSavedReport(oldFile, (d) => read.push(d)), newFile, loadSavedReport(newFile, (d) => read.push(d)));
  comparison.provenance = {
    giacheck: { version: TOOL.version },
    inputs: read.map((d) => ({ file: baseName(d.file), format: 'json', bytes: d.bytes, sha256: d.sha256 })),
    options: { pseudonymized: Boolean(pseudo), lang: getLang() },
  };
  if (pseudo) {
    for (const f of comparison.newly_overdue) f.dossier_id = pseudo(f.dossier_id);
    for (const f of comparison.resolved) f.dossier_id = pseudo(f.dossier_id);
  }
  if (!opts.quiet) {
    for (const w of comparison.warnings) io.stderr.write('giacheck: ' + t('compare.warningLabel') + ': ' + warningText(w) + '\n');
  }
  const out = openOutput(opts.output, io.stdout);
  try {
    out.write(
      format === 'json'
        ? formatCompareJson(comparison, TOOL)
        : format === 'md'
          ? formatCompareMarkdown(comparison, { maxItems })
          : formatCompareTable(comparison, { color: useColor(opts, out.isTTY, io.env), maxItems, width: outputWidth(width, out, io.stdout) }),
    );
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  if (writesFile(opts.output) && !opts.quiet) {
    io.stderr.write('giacheck: ' + writtenLine(opts.output, format, 'changes', comparison.newly_overdue.length + comparison.resolved.length) + '\n');
  }
  return 0;
}
