/**
 * `giacheck check <file...>`: run a profile's rules over exports and print the compliance report.
 * Table, JSON and the other collected formats sort the findings; jsonl and csv stream them as
 * they are found, in constant memory.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { formatNumber, getLang, localized, t } from '../i18n/index.js';
import { isoDate } from '../calendar/days.js';
import { runEngine, EngineResult } from '../engine/run.js';
import { Aggregator } from '../report/aggregate.js';
import { ByteBuffer, compareFindings, emitFinding, emitFindings, Finding, FindingTarget, FindingWriter, isFinding } from '../report/findings.js';
import { OutcomeResults, OUT } from '../rules/kernels.js';
import { STATUSES } from '../rules/index.js';
import { cursorCase } from '../engine/packed.js';
import type { Case } from '../ingest/fields.js';
import { FORMATS } from '../report/formats.js';
import { csvHeader } from '../report/csv.js';
import { rejectedLine, summaryLine } from '../report/jsonl.js';
import type { Rejected, Report } from '../report/model.js';
import { makePseudonymizer, Pseudonymizer } from '../report/pseudonymize.js';
import type { RowError } from '../ingest/normalize.js';
import { openOutput, Output } from './output.js';
import {
  addGlobalOptions,
  addInputOptions,
  failOnLevel,
  InputOptions,
  OutputOptions,
  resolveInput,
  ResolvedInput,
  useColor,
} from './common.js';
import { TOOL } from './version.js';
import { progressReporter, progressWanted } from './progress.js';
import { processIo, type Io, type Run } from './io.js';

export interface CheckOptions extends InputOptions, OutputOptions {
  includePassed?: boolean;
  maxFindings?: string;
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('check')
    .description(t('cmd.check'))
    .argument('<bestand...>', t('arg.files'))
    .addOption(new Option('--format <formaat>', t('opt.format')).default('table'))
    .option('--output <bestand>', t('opt.output'))
    .addOption(new Option('--fail-on <niveau>', t('opt.failOn')).choices(['error', 'warning', 'never']).default('error'))
    .option('--include-passed', t('opt.includePassed'))
    .option('--max-findings <n>', t('opt.maxFindings'), '100')
    .option('--pseudonymize', t('opt.pseudonymize'));
  addInputOptions(cmd);
  addGlobalOptions(cmd);
  cmd.action(async (files: string[], opts: CheckOptions) => {
    run.exitCode = await runCheck(files, opts, run.io);
  });
}

function rejectedOf(errors: RowError[]): Rejected {
  const [first] = errors;
  const more = errors.length > 1 ? ' ' + t('reject.more', { count: errors.length - 1 }) : '';
  return { file: first.file, row: first.row, column: first.column, reason: first.reason + more };
}

export function rejectedText(r: Rejected): string {
  return `${r.file}: ${t('col.row').toLowerCase()} ${r.row}${r.column ? `, ${t('col.column').toLowerCase()} ${r.column}` : ''}: ${r.reason}`;
}

export interface CheckRun {
  resolved: ResolvedInput;
  engine: EngineResult;
  aggregator: Aggregator;
  findings: Finding[];
  rejected: Rejected[];
  failing: boolean;
}

export function buildReport(run: Omit<CheckRun, 'failing'>, opts: { includePassed: boolean; pseudonymized: boolean }): Report {
  const { resolved, engine, aggregator } = run;
  const p = resolved.profile;
  return {
    tool: TOOL,
    profile: { id: p.id, version: p.version, name: p.name, chain: p.chain, inactive_rules: p.inactive, deelregios: p.deelregios },
    peildatum: isoDate(resolved.peildatum),
    input: {
      files: engine.files.map((f) => f.file),
      rows_read: engine.rowsRead,
      rows_checked: engine.rowsChecked,
      rows_rejected: engine.rowsRejected,
      per_file: engine.files,
    },
    summary: aggregator.summary(),
    findings: run.findings,
    findings_total: run.findings.length,
    rejected: run.rejected,
    options: { include_passed: opts.includePassed, pseudonymized: opts.pseudonymized, lang: getLang() },
  };
}

/**
 * Evaluate the inputs. With `stream`, findings and rejected rows are written as they come and not
 * kept; otherwise they are collected (and sorted) for a Report.
 */
export async function evaluate(
  resolved: ResolvedInput,
  opts: {
    includePassed: boolean;
    failOn: 'error' | 'warning' | 'never';
    pseudo?: Pseudonymizer;
    stream?: { out: Output; format: 'jsonl' | 'csv'; stderr: NodeJS.WritableStream };
    onProgress?: (rows: number) => void;
  },
): Promise<CheckRun> {
  const findings: Finding[] = [];
  const rejected: Rejected[] = [];
  let failing = false;
  let aggregator: Aggregator | undefined;
  let writer: FindingWriter | undefined;
  let results: OutcomeResults | undefined;
  // the Case a packed row's findings are written for: FindingWriter reads its dossier id and route
  const cursor = cursorCase();
  const stream = opts.stream;
  if (stream?.format === 'csv') stream.out.write(csvHeader());
  // jsonl findings are encoded straight into bytes (FindingWriter.jsonLineInto)
  const bytes = stream?.format === 'jsonl' ? new ByteBuffer() : undefined;
  const target: FindingTarget = {
    includePassed: opts.includePassed,
    failOn: opts.failOn,
    pseudo: opts.pseudo,
    bytes,
    csv: stream?.format === 'csv' ? (row) => stream.out.write(row) : undefined,
    collect: stream ? undefined : findings,
  };
  const engine = await runEngine(
    {
      profile: resolved.profile,
      inputs: resolved.inputs,
      mapping: resolved.mapping,
      peildatum: resolved.peildatum,
      read: resolved.read,
      onProgress: opts.onProgress,
    },
    {
      onCase(c, results, rules) {
        aggregator ??= new Aggregator(resolved.profile, rules);
        // compiled messages and JSON fragments: the same bytes as toFinding + findingLine, ~5× faster
        writer ??= new FindingWriter(rules.map((r) => r.def));
        aggregator.add(c, results);
        if (emitFindings(writer, rules, c, results, target)) failing = true;
        if (bytes && bytes.length >= 1 << 16) stream!.out.write(bytes.take());
      },
      onPacked(row, outcomes, rules) {
        aggregator ??= new Aggregator(resolved.profile, rules);
        writer ??= new FindingWriter(rules.map((r) => r.def));
        results ??= new OutcomeResults(rules.map((r) => r.def));
        aggregator.addPacked(row.ints, row.base, row.place, outcomes);
        let c: Case | undefined;
        for (let i = 0; i < rules.length; i++) {
          if (!opts.includePassed && !isFinding(STATUSES[outcomes[i * OUT]])) continue;
          // only a finding needs the dossier id (a string cut from the batch's ids) and route
          if (!c) {
            c = cursor;
            c.dossierId = row.dossierId;
            c.route = row.route;
            c.file = row.file;
            c.row = row.row;
          }
          if (emitFinding(writer, rules, c, i, results.fill(outcomes, i), target)) failing = true;
        }
        if (bytes && bytes.length >= 1 << 16) stream!.out.write(bytes.take());
      },
      onRejected(errors) {
        const r = rejectedOf(errors);
        if (!stream) rejected.push(r);
        else if (bytes) {
          if (bytes.length) stream.out.write(bytes.take()); // keep the order of the lines
          stream.out.write(rejectedLine(r));
        }
        else stream.stderr.write('giacheck: ' + rejectedText(r) + '\n');
      },
      afterBatch: stream ? () => stream.out.drain() : undefined,
      // onCase copies what it keeps (the aggregator counts, findings copy their fields)
      transient: true,
    },
  );
  if (bytes?.length) stream!.out.write(bytes.take());
  aggregator ??= new Aggregator(resolved.profile, engine.rules);
  if (!stream) findings.sort(compareFindings);
  return { resolved, engine, aggregator, findings, rejected, failing };
}

export async function runCheck(files: string[], opts: CheckOptions, io: Io = processIo()): Promise<number> {
  const formatName = opts.format ?? 'table';
  const format = FORMATS[formatName];
  if (!format) {
    throw new UserError(t('error.option', { option: '--format', value: formatName, choices: Object.keys(FORMATS).join(', ') }));
  }
  if (format.kind === 'collect' && format.binary && !opts.output) {
    throw new UserError(t('error.binaryToStdout', { format: formatName }));
  }
  const failOn = failOnLevel(opts.failOn);
  const includePassed = Boolean(opts.includePassed);
  const maxFindings = Number(opts.maxFindings ?? '100');
  if (!Number.isInteger(maxFindings) || maxFindings < 0) {
    throw new UserError(t('error.option', { option: '--max-findings', value: String(opts.maxFindings), choices: '0, 1, 2, …' }));
  }
  const pseudo = opts.pseudonymize ? makePseudonymizer(io.env.GIACHECK_PSEUDO_KEY) : undefined;
  const resolved = await resolveInput(files, opts);
  if (resolved.inferred && !opts.quiet) {
    io.stderr.write('giacheck: ' + t('cli.regionInferred', { region: localized(resolved.profile.name) }) + '\n');
  }
  const out = openOutput(opts.output, io.stdout);
  const progress = progressReporter(io.stderr, progressWanted(io.stderr, opts.quiet, io.env));
  try {
    const run = await evaluate(resolved, {
      includePassed,
      failOn,
      pseudo,
      stream: format.kind === 'stream' ? { out, format: formatName as 'jsonl' | 'csv', stderr: io.stderr } : undefined,
      onProgress: progress.update,
    });
    progress.done();
    if (format.kind === 'stream') {
      if (formatName === 'jsonl') {
        const report = buildReport(run, { includePassed, pseudonymized: Boolean(pseudo) });
        out.write(summaryLine({ peildatum: report.peildatum, profile: { id: report.profile.id, version: report.profile.version }, input: report.input, rules: report.summary.rules.map((r) => ({ ...r, title: localized(r.title) })) }));
      }
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
      }
    } else {
      const report = buildReport(run, { includePassed, pseudonymized: Boolean(pseudo) });
      const color = useColor(opts, out.isTTY, io.env);
      out.write(await format.render(report, { color, maxFindings, width: out.isTTY ? io.stdout.columns : undefined }));
    }
    await out.close();
    return run.failing ? 1 : 0;
  } catch (e) {
    progress.done();
    out.abort();
    throw e;
  }
}
