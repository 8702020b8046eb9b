/**
 * The check pipeline: run the engine over the inputs, count every row (aggregate.ts), turn the
 * results worth reporting into findings (finding-writer.ts) and hand them to a report or, for a
 * streamed format, write them as they come. `src/cli/check.ts` only turns options into a
 * CheckRequest, calls this and picks the formatter.
 */
import { isoDate, Day } from '../calendar/days.js';
import { getLang, t } from '../i18n/index.js';
import type { Mapping } from '../ingest/mapping.js';
import type { RowError } from '../ingest/normalize.js';
import type { ReadOptions } from '../ingest/readers.js';
import type { Profile } from '../profile/load.js';
import { OUT, OutcomeResults, STATUSES } from '../rules/index.js';
import { Aggregator } from '../report/aggregate.js';
import { emitFinding, FindingTarget, FindingWriter } from '../report/finding-writer.js';
import { compareFindings, Finding, isFinding } from '../report/findings.js';
import type { FindingStream, Rejected, Report } from '../report/model.js';
import type { Pseudonymizer } from '../report/pseudonymize.js';
import { EngineResult, runEngine } from './run.js';

/** What a run is about: profile, mapping, reading options, peildatum and the inputs. */
export interface ResolvedInput {
  profile: Profile;
  mapping: Mapping;
  read: ReadOptions;
  peildatum: Day;
  inputs: string[];
  /** the region was inferred from the gemeente column */
  inferred: boolean;
  /** the peildatum came from --as-of (false: today) */
  peildatumGiven: boolean;
}

export interface CheckOptions {
  includePassed: boolean;
  failOn: 'error' | 'warning' | 'never';
  pseudo?: Pseudonymizer;
  /** a streamed format: findings and rejected rows are written as they come and not kept */
  stream?: FindingStream;
  onProgress?: (rows: number) => void;
}

export interface CheckRun {
  resolved: ResolvedInput;
  engine: EngineResult;
  aggregator: Aggregator;
  /** the findings, sorted (empty when streamed) */
  findings: Finding[];
  rejected: Rejected[];
  /** a finding counts for --fail-on */
  failing: boolean;
}

function rejectedOf(errors: RowError[]): Rejected {
  const [first] = errors;
  const more = errors.length > 1 ? ' ' + t('reject.more', { count: errors.length - 1 }) : '';
  return { file: first.file, row: first.row, column: first.column, reason: first.reason + more };
}

/** Evaluate the inputs: every row counted, every finding collected (sorted) or streamed. */
export async function check(resolved: ResolvedInput, opts: CheckOptions): Promise<CheckRun> {
  const findings: Finding[] = [];
  const rejected: Rejected[] = [];
  let failing = false;
  const rules = resolved.profile.rules;
  const aggregator = new Aggregator(resolved.profile, rules);
  const writer = new FindingWriter(rules);
  const results = new OutcomeResults(rules);
  const stream = opts.stream;
  const target: FindingTarget = {
    includePassed: opts.includePassed,
    failOn: opts.failOn,
    pseudo: opts.pseudo,
    ...(stream ? stream.target : { collect: findings }),
  };
  stream?.begin();
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
      onRow(row, outcomes) {
        aggregator.add(row, outcomes);
        for (let i = 0; i < rules.length; i++) {
          // only a finding needs the dossier id (a string cut from the batch's ids) and a Result
          if (!opts.includePassed && !isFinding(STATUSES[outcomes[i * OUT]])) continue;
          if (emitFinding(writer, rules, row, i, results.fill(outcomes, i), target)) failing = true;
        }
        stream?.afterRow();
      },
      onRejected(errors) {
        const r = rejectedOf(errors);
        if (stream) stream.rejected(r);
        else rejected.push(r);
      },
      afterBatch: stream ? () => stream.drain() : undefined,
    },
  );
  if (!stream) findings.sort(compareFindings);
  return { resolved, engine, aggregator, findings, rejected, failing };
}

/** The Report of a run (SPEC §8): what every collected format prints. */
export function buildReport(run: Omit<CheckRun, 'failing'>, opts: { includePassed: boolean; pseudonymized: boolean; tool: { name: string; version: string } }): Report {
  const { resolved, engine, aggregator } = run;
  const p = resolved.profile;
  return {
    tool: opts.tool,
    profile: { id: p.id, version: p.version, name: p.name, chain: p.chain, inactive_rules: p.inactive, deelregios: p.deelregios, sources: p.sources },
    peildatum: isoDate(resolved.peildatum),
    input: {
      files: engine.files.map((f) => f.file),
      rows_read: engine.rowsRead,
      rows_checked: engine.rowsChecked,
      rows_rejected: engine.rowsRejected,
      per_file: engine.files,
      not_assessable: [],
      pii_columns: [],
      dates_after_peildatum: 0,
      newest_date: null,
      peildatum_given: resolved.peildatumGiven,
      gemeenten: null,
    },
    summary: aggregator.summary(),
    findings: run.findings,
    findings_total: run.findings.length,
    rejected: run.rejected,
    warnings: [],
    options: { include_passed: opts.includePassed, pseudonymized: opts.pseudonymized, lang: getLang() },
  };
}
