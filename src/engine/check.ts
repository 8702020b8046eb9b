/**
 * The check pipeline: run the engine over the inputs, count every row (aggregate.ts), turn the
 * results worth reporting into findings (finding-writer.ts) and hand them to a report or, for a
 * streamed format, write them as they come. `src/cli/check.ts` only turns options into a
 * CheckRequest, calls this and picks the formatter.
 */
import { isoDate, Day } from '../calendar/days.js';
import type { PeriodUnit } from '../calendar/periods.js';
import { getLang, t } from '../i18n/index.js';
import type { Mapping } from '../ingest/mapping.js';
import type { RowError } from '../ingest/normalize.js';
import type { ReadOptions } from '../ingest/readers.js';
import type { Profile } from '../profile/load.js';
import { anchorFields, OUT, OutcomeResults, STATUSES } from '../rules/index.js';
import { Aggregator } from '../report/aggregate.js';
import { ZichtCounter, zichtFields } from '../report/zicht.js';
import { calendarOf } from '../profile/load.js';
import { emitFinding, FindingTarget, FindingWriter } from '../report/finding-writer.js';
import { compareFindings, Finding, isFinding } from '../report/findings.js';
import type { FindingStream, Rejected, Report } from '../report/model.js';
import type { Pseudonymizer } from '../report/pseudonymize.js';
import { EngineResult, runEngine } from './run.js';
import { causeOf, nothingCheckedReason, RejectionCause } from './nothing-checked.js';
import { FileSurvey, notAssessable, surveyInputs } from './survey.js';
import { UserError } from '../errors.js';
import type { RuleSummary } from '../report/aggregate.js';
import type { NotAssessable, ReportWarning } from '../report/model.js';
import { displayDate } from '../report/messages.js';
import '../i18n/catalog/stats.js';
import { lookupKey } from '../profile/lookup.js';
import { noBesluitWarning, yearsWithoutBesluit } from '../calendar/besluiten.js';
import { provenanceOf } from './provenance.js';
import { ExportDates, peildatumWarnings } from './peildatum.js';

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
  /** --from/--to (on melding_datum, bounds included) and --period; absent: every row, per month */
  period?: RunPeriod;
  /** --gemeente: the official names the run is limited to (undefined: every gemeente) */
  gemeenten?: string[];
}

/** The period a run is limited to and the unit of its period table (issue 14.5). */
export interface RunPeriod {
  from?: Day;
  to?: Day;
  unit: PeriodUnit;
}

/** The rows --gemeente keeps: their official gemeente is one of the names (case and spelling as lookupKey). */
export function gemeenteFilter(resolved: ResolvedInput): ((gemeente: string) => boolean) | undefined {
  if (!resolved.gemeenten) return undefined;
  const wanted = new Set(resolved.gemeenten.map(lookupKey));
  const seen = new Map<string, boolean>();
  return (gemeente) => {
    let ok = seen.get(gemeente);
    if (ok === undefined) seen.set(gemeente, (ok = wanted.has(lookupKey(gemeente))));
    return ok;
  };
}

export interface CheckOptions {
  includePassed: boolean;
  failOn: 'error' | 'warning' | 'never';
  pseudo?: Pseudonymizer;
  /** a streamed format: findings and rejected rows are written as they come and not kept */
  stream?: FindingStream;
  /** --aggregate-only: no finding and no rejected row is written or kept (they still count) */
  aggregateOnly?: boolean;
  onProgress?: (rows: number) => void;
}

export interface CheckRun {
  resolved: ResolvedInput;
  engine: EngineResult;
  aggregator: Aggregator;
  /** who holds the zicht op veiligheid per case (when the profile has the block) */
  zicht?: ZichtCounter;
  /** the findings, sorted (empty when streamed) */
  findings: Finding[];
  rejected: Rejected[];
  /** a finding counts for --fail-on */
  failing: boolean;
  /** what the headers say: fields present and personal-data columns, per input */
  surveys: FileSurvey[];
  /** rules that read a field the export lacks: not evaluated */
  notAssessable: NotAssessable[];
  /** the first problem of each rejected row, counted by cause */
  causes: Map<RejectionCause, number>;
  /** dates after the peildatum but not after today: judged as of the peildatum */
  datesAfterPeildatum: number;
  newestDate: Day | undefined;
  oldestDate: Day | undefined;
}

/** Which rules the exports can carry, from their headers. */
export async function assessable(resolved: ResolvedInput): Promise<{ surveys: FileSurvey[]; notAssessable: NotAssessable[]; rules: Profile['rules'] }> {
  const surveys = await surveyInputs(resolved.inputs, resolved.mapping, resolved.read);
  const blocked = notAssessable(resolved.profile.rules, surveys);
  const list = [...blocked].map(([rule_id, b]) => ({ rule_id, fields: b.fields, files: b.files }));
  return { surveys, notAssessable: list, rules: resolved.profile.rules.filter((r) => !blocked.has(r.id)) };
}

/**
 * After the rows were read (so a broken file or a missing required column is reported as such
 * first): a run that could judge no rule, or no row, is a failed run (exit 2) with its reason.
 */
export async function failIfNothingJudged(
  resolved: ResolvedInput,
  run: { rules: Profile['rules']; notAssessable: NotAssessable[]; engine: EngineResult; causes: Map<RejectionCause, number> },
): Promise<void> {
  if (run.rules.length === 0) {
    throw new UserError(t('run.noRuleAssessable', { fields: [...new Set(run.notAssessable.flatMap((b) => b.fields))].join(', ') }));
  }
  if (run.engine.rowsChecked === 0 && resolved.gemeenten && run.engine.rowsOutsideFilter > 0) {
    throw new UserError(t('run.nothingInFilter', { gemeenten: resolved.gemeenten.join(', '), outside: run.engine.rowsOutsideFilter }));
  }
  if (run.engine.rowsChecked === 0 && run.engine.rowsOutsidePeriod > 0 && run.engine.rowsRejected === 0) {
    throw new UserError(t('error.allOutsidePeriod', { read: run.engine.rowsRead, period: periodRange(resolved.period) }));
  }
  if (run.engine.rowsChecked === 0) throw new UserError(await nothingCheckedReason(run.causes, run.engine.rowsRead, resolved));
}

/** "ZL-02 niet te beoordelen: kolom directbetrokkenen_geinformeerd_datum ontbreekt" */
export function notAssessableText(b: NotAssessable): string {
  return t(b.fields.length === 1 ? 'run.notAssessable.one' : 'run.notAssessable.many', { rule: b.rule_id, fields: b.fields.join(', ') });
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
  const { surveys, notAssessable: blocked, rules } = await assessable(resolved);
  const causes = new Map<RejectionCause, number>();
  const dates = new ExportDates(resolved.peildatum);
  const aggregator = new Aggregator(resolved.profile, rules, { peildatum: resolved.peildatum, period: resolved.period?.unit, only: resolved.gemeenten });
  const zichtSpec = resolved.profile.zicht;
  const zicht = zichtSpec
    ? new ZichtCounter(
        zichtSpec,
        resolved.profile,
        calendarOf(resolved.profile),
        resolved.peildatum,
        zichtFields(zichtSpec).filter((f) => surveys.some((s) => !s.present.has(f))),
        opts.pseudo,
      )
    : undefined;
  const writer = new FindingWriter(rules);
  const results = new OutcomeResults(rules);
  const stream = opts.stream;
  const target: FindingTarget = {
    includePassed: opts.includePassed,
    failOn: opts.failOn,
    pseudo: opts.pseudo,
    // --aggregate-only: no target at all, so a finding is only counted for --fail-on
    ...(opts.aggregateOnly ? {} : stream ? stream.target : { collect: findings }),
  };
  stream?.begin();
  const engine = await runEngine(
    {
      profile: resolved.profile,
      inputs: resolved.inputs,
      mapping: resolved.mapping,
      peildatum: resolved.peildatum,
      read: resolved.read,
      rules,
      period: resolved.period,
      onProgress: opts.onProgress,
      gemeenteFilter: gemeenteFilter(resolved),
    },
    {
      onRow(row, outcomes) {
        aggregator.add(row, outcomes);
        zicht?.add(row);
        // the dates a run as of the peildatum sets aside, and the newest date of the export
        dates.add(row);
        for (let i = 0; i < rules.length; i++) {
          // only a finding needs the dossier id (a string cut from the batch's ids) and a Result
          if (!opts.includePassed && !isFinding(STATUSES[outcomes[i * OUT]])) continue;
          if (emitFinding(writer, rules, row, i, results.fill(outcomes, i), target)) failing = true;
        }
        stream?.afterRow();
      },
      onRejected(errors) {
        const cause = causeOf(errors[0]);
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
        if (opts.aggregateOnly) return;
        const r = rejectedOf(errors);
        if (stream) stream.rejected(r);
        else rejected.push(r);
      },
      afterBatch: stream ? () => stream.drain() : undefined,
    },
  );
  await failIfNothingJudged(resolved, { rules, notAssessable: blocked, engine, causes });
  if (!stream) findings.sort(compareFindings);
  return {
    resolved,
    engine,
    aggregator,
    ...(zicht ? { zicht } : {}),
    findings,
    rejected,
    failing,
    surveys,
    notAssessable: blocked,
    causes,
    datesAfterPeildatum: dates.afterPeildatum,
    newestDate: dates.newestDate,
    oldestDate: dates.oldestDate,
  };
}

/** The Report of a run (SPEC §8): what every collected format prints. */
export interface ReportChoices {
  includePassed: boolean;
  pseudonymized: boolean;
  tool: { name: string; version: string };
  /** --min-cell N: counts from 1 to N−1 are shown as "<N" (report/cells.ts) */
  minCell?: number;
  /** --aggregate-only: the report holds no dossier-level rows */
  aggregateOnly?: boolean;
}

export function buildReport(run: Omit<CheckRun, 'failing'>, opts: ReportChoices): Report {
  const { resolved, engine, aggregator } = run;
  const p = resolved.profile;
  const summary = aggregator.summary();
  if (run.zicht) summary.zicht_op_veiligheid = run.zicht.summary();
  // the rules that could not be judged stand in the rule list as such, with no figures
  const blocked = new Map(run.notAssessable.map((b) => [b.rule_id, b]));
  const judged = new Map(summary.rules.map((r) => [r.rule_id, r]));
  summary.rules = p.rules.map((def): RuleSummary => {
    const r = judged.get(def.id);
    if (r) return r;
    const zero = { applicable: 0, on_time: 0, late: 0, overdue: 0, pending: 0, missing: 0, early: 0, violated: 0, not_applicable: 0, implausible: 0, compliance: null };
    return {
      rule_id: def.id,
      title: def.spec.title,
      severity: def.spec.severity,
      kind: def.spec.kind,
      source: `${def.spec.source.document} ${def.spec.source.section}`,
      ...zero,
      norm: def.spec.norm ?? null,
      norm_source: def.spec.norm_source ? `${def.spec.norm_source.document} ${def.spec.norm_source.section}` : null,
      meets_norm: null,
      assessable: false,
      missing_fields: blocked.get(def.id)?.fields ?? [],
      not_applicable_anchor_missing: 0,
      anchor_fields: anchorFields(def.spec),
    };
  });
  const pii = run.surveys.flatMap((s) => s.pii.map((c) => ({ file: s.file, column: c.column, kind: t(`pii.${c.kind}`) })));
  const warnings: ReportWarning[] = [
    ...(engine.rowsOutsidePeriod > 0
      ? [{ code: 'outside-period' as const, message: t('warn.outsidePeriod', { count: engine.rowsOutsidePeriod, read: engine.rowsRead, period: periodRange(resolved.period) }) }]
      : []),
    ...run.notAssessable.map((b): ReportWarning => ({ code: 'not-assessable', message: notAssessableText(b) })),
    ...(engine.rowsRejected * 2 > engine.rowsRead
      ? [{ code: 'rejected-majority' as const, message: t('run.rejectedMajority', { rejected: engine.rowsRejected, read: engine.rowsRead }) }]
      : []),
    ...(pii.length ? [{ code: 'pii-columns' as const, message: piiColumnsText(pii) }] : []),
  ];
  const day = (d: Day) => displayDate(d);
  if (summary.totals.implausible > 0) warnings.push({ code: 'implausible-dates', message: t('run.implausible', { count: summary.totals.implausible }) });
  if (run.datesAfterPeildatum > 0) {
    warnings.push({ code: 'future-dates', message: t('run.futureDates', { count: run.datesAfterPeildatum, peildatum: day(resolved.peildatum) }) });
  }
  // werkdagen terms (a few weeks at most) from the oldest date to just past the peildatum or the
  // newest date: a year there without a Besluit gelijkstelling counts only the Atw feestdagen
  const last = Math.max(resolved.peildatum, run.newestDate ?? resolved.peildatum) + 31;
  const noBesluit = noBesluitWarning(yearsWithoutBesluit(p.calendarSpec, run.oldestDate ?? resolved.peildatum, last));
  if (noBesluit) warnings.push({ code: 'no-besluit', message: noBesluit });
  // what the reader must know before reading any figure: small counts hidden, no dossier rows,
  // pseudonymised ids that are still personal data (issue 16.4)
  if (opts.minCell !== undefined) warnings.push({ code: 'min-cell', message: t('run.minCell', { n: opts.minCell, below: opts.minCell - 1 }) });
  if (opts.aggregateOnly) warnings.push({ code: 'aggregate-only', message: t('run.aggregateOnly') });
  if (opts.pseudonymized && !opts.aggregateOnly) warnings.push({ code: 'pseudonymized', message: t('run.pseudonymized') });
  warnings.push(...peildatumWarnings(resolved.peildatum, resolved.peildatumGiven, run.newestDate));
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
      not_assessable: run.notAssessable,
      pii_columns: pii,
      dates_after_peildatum: run.datesAfterPeildatum,
      newest_date: run.newestDate === undefined ? null : isoDate(run.newestDate),
      peildatum_given: resolved.peildatumGiven,
      gemeenten: resolved.gemeenten ?? null,
      rows_outside_filter: engine.rowsOutsideFilter,
      period: {
        from: resolved.period?.from === undefined ? null : isoDate(resolved.period.from),
        to: resolved.period?.to === undefined ? null : isoDate(resolved.period.to),
      },
      rows_outside_period: engine.rowsOutsidePeriod,
    },
    summary,
    findings: run.findings,
    findings_total: run.findings.length,
    rejected: run.rejected,
    warnings,
    options: {
      include_passed: opts.includePassed,
      pseudonymized: opts.pseudonymized,
      lang: getLang(),
      min_cell: opts.minCell ?? null,
      aggregate_only: Boolean(opts.aggregateOnly),
    },
    provenance: provenanceOf(resolved, engine.digests, opts.tool, {
      includePassed: opts.includePassed,
      pseudonymized: opts.pseudonymized,
      minCell: opts.minCell,
      aggregateOnly: opts.aggregateOnly,
    }),
  };
}

/** One line naming the personal-data columns (and their kind, never values), pointing to validate. */
export function piiColumnsText(pii: { column: string; kind: string }[]): string {
  return t('run.piiColumns', { columns: pii.map((c) => `${c.column} (${c.kind})`).join(', ') });
}

/** "01-01-2026 – 30-06-2026" (an open end as …) */
function periodRange(p: RunPeriod | undefined): string {
  const d = (x: Day | undefined) => (x === undefined ? '…' : displayDate(x));
  return `${d(p?.from)} – ${d(p?.to)}`;
}

