/**
 * `giacheck kalender <jaar>`: the closed days of a year (no werkdag) with their legal basis:
 * feestdag of the Algemene termijnenwet art. 3 lid 1 or 2, gelijkgesteld by which Besluit, or
 * closed by a regional profile. For a year without a Besluit gelijkstelling it says so.
 */
import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/calendar.js';
import { parseIsoDay } from '../calendar/days.js';
import { buildKalender, Kalender, kalenderHeadLines, KALENDER_MAX_YEAR, KALENDER_MIN_YEAR, longDate } from '../calendar/kalender.js';
import { baseProfileId, bundledProfileList, calendarOf, loadProfile, regionalProfileIds } from '../profile/load.js';
import { csvHeader, csvRow } from '../report/csv.js';
import { wrapFull } from '../report/table.js';
import { addGlobalOptions, GlobalOptions, useColor } from './common.js';
import { openOutput } from './output.js';
import { TOOL } from './version.js';
import { processIo, type Io, type Run } from './io.js';

export interface KalenderOptions extends GlobalOptions {
  region?: string;
  profile?: string;
  format?: string;
  output?: string;
}

const FORMATS = ['table', 'json', 'csv'];

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('kalender')
    .description(t('cmd.kalender'))
    .argument('<jaar>', t('arg.jaar'))
    .option('--region <id>', t('opt.kalenderRegion', { regions: bundledProfileList(), base: baseProfileId() }))
    .option('--profile <pad>', t('opt.profile'))
    .addOption(new Option('--format <formaat>', t('opt.kalenderFormat')).default('table'))
    .option('--output <bestand>', t('opt.output'));
  addGlobalOptions(cmd);
  cmd.addHelpText('after', '\n' + t('kalender.examples', { region: regionalProfileIds().at(-1) ?? baseProfileId() }));
  cmd.action(async (jaar: string, opts: KalenderOptions) => {
    run.exitCode = await runKalender(jaar, opts, run.io);
  });
}

/** "2026" → 2026; anything else is one Dutch (or English) line and exit 2. */
export function parseYear(value: string): number {
  const v = value.trim();
  const year = Number(v);
  if (!/^\d{4}$/.test(v) || year < KALENDER_MIN_YEAR || year > KALENDER_MAX_YEAR) {
    const shown = value.length > 20 ? value.slice(0, 20) + '…' : value;
    throw new UserError(t('kalender.badYear', { value: shown.replace(/[\u0000-\u001f\u007f]/g, ' '), min: KALENDER_MIN_YEAR, max: KALENDER_MAX_YEAR }));
  }
  return year;
}

/** A line of prose broken between words into lines of at most `width` (its indent kept on each); as it is without a width. */
function fit(line: string, width: number | undefined): string[] {
  if (!width || line.length <= width) return [line];
  const indent = /^ */.exec(line)![0];
  return wrapFull(line.slice(indent.length), Math.max(20, width - indent.length)).map((l) => indent + l);
}

/**
 * `width`: the terminal's width; the lines above the table (the Besluit with its dates, its
 * address) are broken between words to fit it, name and legal basis wrapped in their cells.
 * Without it (a pipe, a file) nothing is wrapped.
 */
export function formatKalenderTable(k: Kalender, opts: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const [title, ...rest] = kalenderHeadLines(k);
  const prose = opts.width ? opts.width - 1 : undefined;
  const out = [
    ...fit(title, prose).map((l) => chalk.bold(l)),
    ...rest.flatMap((l) => fit(l, prose).map((part) => (l === k.note ? chalk.yellow(part) : part))),
    '',
  ];
  const head = [t('kalender.col.date'), t('kalender.col.weekday'), t('kalender.col.name'), t('kalender.col.basis')];
  const rows = k.days.map((d) => [longDate(parseIsoDay(d.date) as number), d.weekday, d.name, d.basis]);
  // each column as wide as its widest cell plus padding (2) and a border (1)
  const natural = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 3);
  let colWidths: number[] | undefined;
  const room = opts.width ? opts.width - 1 - natural[0] - natural[1] : 0;
  if (opts.width && natural.reduce((a, b) => a + b, 1) > opts.width && room >= 30) {
    const name = Math.min(natural[2], Math.max(12, Math.floor(room * 0.4)));
    colWidths = [natural[0] - 1, natural[1] - 1, name - 1, room - name - 1];
  }
  const tbl = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
  for (const r of rows) tbl.push(r);
  out.push(k.days.length ? tbl.toString() : t('kalender.none'), '', t('kalender.werkdagen', { year: k.year, count: k.werkdagen }));
  return out.join('\n') + '\n';
}

export function formatKalenderJson(k: Kalender): string {
  return JSON.stringify({ tool: TOOL, ...k }, null, 2) + '\n';
}

const CSV_COLUMNS = ['date', 'weekday', 'name', 'kind', 'basis', 'besluit'];

export function formatKalenderCsv(k: Kalender): string {
  return csvHeader(CSV_COLUMNS) + k.days.map((d) => csvRow([d.date, d.weekday, d.name, d.kind, d.basis, d.besluit])).join('');
}

export async function runKalender(jaar: string, opts: KalenderOptions, io: Io = processIo()): Promise<number> {
  const year = parseYear(jaar);
  const format = opts.format ?? 'table';
  if (!FORMATS.includes(format)) throw new UserError(t('error.formatUnsupported', { format, choices: FORMATS.join(', ') }));
  if (opts.region && opts.profile) throw new UserError(t('error.regionAndProfile'));
  const profile = loadProfile({ region: opts.region, profile: opts.profile });
  const k = buildKalender(calendarOf(profile), profile, year);
  const out = openOutput(opts.output, io.stdout);
  try {
    out.write(format === 'json' ? formatKalenderJson(k) : format === 'csv' ? formatKalenderCsv(k) : formatKalenderTable(k, { color: useColor(opts, out.isTTY, io.env), width: out.isTTY ? io.stdout.columns : undefined }));
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  // the table says it itself; csv has no place for it, json has it in `note`
  if (k.note && format !== 'table' && !opts.quiet) io.stderr.write('giacheck: ' + k.note + '\n');
  return 0;
}
