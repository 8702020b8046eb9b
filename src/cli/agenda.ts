/**
 * `giacheck agenda <file...> --days N`: what falls due in the next N days from the peildatum
 * (deadlines and monitoring moments of open cases), overdue items on top, grouped per ISO week and
 * gemeente; `--ics <file>` also writes a calendar.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import { runEngine } from '../engine/run.js';
import { assessable, failIfNothingJudged, notAssessableText } from '../engine/check.js';
import { causeOf, RejectionCause } from '../engine/nothing-checked.js';
import { ExportDates, peildatumWarnings } from '../engine/peildatum.js';
import { AgendaCollector, groupAgenda } from '../agenda/agenda.js';
import { AgendaReport, formatAgendaJson, formatAgendaMarkdown, formatAgendaTable } from '../agenda/format.js';
import { agendaIcs } from '../agenda/ics.js';
import { makePseudonymizer } from '../report/pseudonymize.js';
import { baseName } from '../report/overview.js';
import { addGemeenteOption, addGlobalOptions, addInputOptions, addPeriodOptions, InputOptions, PeriodOptions, resolveInput, resolvePeriod, useColor } from './common.js';
import { isoDate } from '../calendar/days.js';
import { checkOutputTarget, chooseFormat, openOutput, writesFile, writtenLine } from './output.js';
import { progressReporter, progressWanted } from './progress.js';
import { TOOL } from './version.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type Run } from './io.js';

export interface AgendaOptions extends InputOptions, Omit<PeriodOptions, 'period'> {
  days?: string;
  ics?: string;
  format?: string;
  output?: string;
  pseudonymize?: boolean;
  width?: string;
}

const FORMATS = ['table', 'md', 'json'];
export const MAX_DAYS = 3660;

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('agenda')
    .description(t('cmd.agenda'))
    .argument('<bestand...>', t('arg.files'))
    .option('--days <n>', t('opt.days'), '14')
    .option('--ics <bestand>', t('opt.ics'))
    .addOption(new Option('--format <formaat>', t('opt.agendaFormat')))
    .option('--output <bestand>', t('opt.output'))
    .option('--width <n>', t('opt.width'))
    .option('--pseudonymize', t('opt.pseudonymize'));
  addInputOptions(cmd);
  addPeriodOptions(cmd, false);
  addGemeenteOption(cmd);
  addGlobalOptions(cmd);
  cmd.action(async (files: string[], opts: AgendaOptions) => {
    run.exitCode = await runAgenda(files, opts, run.io);
  });
}

export function parseDays(value: string | undefined): number {
  const v = value ?? '14';
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n > MAX_DAYS) {
    throw new UserError(t('error.option', { option: '--days', value: v, choices: `0 … ${MAX_DAYS}` }));
  }
  return n;
}

export async function runAgenda(files: string[], opts: AgendaOptions, io: Io = processIo()): Promise<number> {
  const format = chooseFormat(opts.format, opts.output, FORMATS);
  if (!FORMATS.includes(format)) throw new UserError(t('error.formatUnsupported', { format, choices: FORMATS.join(', ') }));
  const days = parseDays(opts.days);
  const width = parseWidth(opts.width);
  if (opts.ics && opts.output && opts.ics === opts.output) {
    throw new UserError(t('agenda.error.sameFile', { file: opts.ics }));
  }
  const pseudo = opts.pseudonymize ? makePseudonymizer(io.env.GIACHECK_PSEUDO_KEY) : undefined;
  checkOutputTarget(opts.output);
  checkOutputTarget(opts.ics);
  const period = resolvePeriod(opts);
  const resolved = { ...(await resolveInput(files, opts)), period };
  if (resolved.inferred && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('cli.regionInferred', { region: localized(resolved.profile.name) }) + '\n');
  }
  const collector = new AgendaCollector(resolved.peildatum, days, pseudo);
  const progress = progressReporter(io.stderr, progressWanted(io.stderr, opts.quiet, io.env));
  const { notAssessable: blocked, rules } = await assessable(resolved);
  if (!opts.quiet) for (const b of blocked) io.stderr.write('giacheck: ' + notAssessableText(b) + '\n');
  const causes = new Map<RejectionCause, number>();
  const dates = new ExportDates(resolved.peildatum);
  let engine;
  try {
    engine = await runEngine(
      { profile: resolved.profile, rules, inputs: resolved.inputs, mapping: resolved.mapping, peildatum: resolved.peildatum, read: resolved.read, onProgress: progress.update, period },
      {
        onRow: (row, outcomes, rules) => {
          dates.add(row);
          collector.add(row, outcomes, rules);
        },
        onRejected: (errors) => {
          const cause = causeOf(errors[0]);
          causes.set(cause, (causes.get(cause) ?? 0) + 1);
        },
      },
    );
  } finally {
    progress.done();
  }
  await failIfNothingJudged(resolved, { rules, notAssessable: blocked, engine, causes });
  const p = resolved.profile;
  // the same as check: today as peildatum is said, and then an export that looks stale
  const warnings = peildatumWarnings(resolved.peildatum, resolved.peildatumGiven, dates.newestDate);
  if (!opts.quiet) for (const w of warnings) io.stderr.write('giacheck: ' + w.message + '\n');
  const report: AgendaReport = {
    tool: TOOL,
    profile: { id: p.id, version: p.version, name: p.name },
    peildatum: resolved.peildatum,
    peildatum_given: resolved.peildatumGiven,
    days,
    horizon: collector.horizon,
    input: {
      files: engine.files.map((f) => baseName(f.file)),
      rows_read: engine.rowsRead,
      rows_checked: engine.rowsChecked,
      rows_rejected: engine.rowsRejected,
      period: { from: period.from === undefined ? null : isoDate(period.from), to: period.to === undefined ? null : isoDate(period.to) },
      rows_outside_period: engine.rowsOutsidePeriod,
      newest_date: dates.newestDate === undefined ? null : isoDate(dates.newestDate),
    },
    warnings,
    groups: groupAgenda(collector.items),
    total: collector.items.length,
    pseudonymized: Boolean(pseudo),
  };
  // the calendar first: if it cannot be written, nothing is printed as if all went well
  if (opts.ics) {
    const ics = openOutput(opts.ics, io.stdout);
    try {
      // events in the order of the printed agenda
      const ordered = report.groups.flatMap((g) => g.gemeenten.flatMap((gm) => gm.items));
      ics.write(agendaIcs(ordered, { profileName: localized(p.name), peildatum: resolved.peildatum, notes: warnings.map((w) => w.message) }));
      await ics.close();
    } catch (e) {
      ics.abort();
      throw e;
    }
  }
  const out = openOutput(opts.output, io.stdout);
  try {
    const color = useColor(opts, out.isTTY, io.env);
    out.write(format === 'json' ? formatAgendaJson(report) : format === 'md' ? formatAgendaMarkdown(report) : formatAgendaTable(report, { color, width: outputWidth(width, out, io.stdout) }));
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  if (writesFile(opts.output) && !opts.quiet) {
    io.stderr.write('giacheck: ' + writtenLine(opts.output, format, 'items', report.total) + '\n');
  }
  if (opts.ics && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('agenda.icsWritten', { file: opts.ics, count: report.total }) + '\n');
  }
  return 0;
}
