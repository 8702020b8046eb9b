/**
 * `giacheck validate`: the data quality of exports, without running any rule. Builds on the same
 * readers and Normalizer as `check` (so a row with an error here is a row check rejects), and adds
 * what only an auditor asks: every problem of a row instead of the first, columns that are
 * missing, unknown or doubled, dates after the peildatum or in an impossible order, gemeenten of
 * another region, and columns of personal data that should not be in the export at all.
 *
 * Nothing here prints. The report holds counts, the first examples per code and, for personal
 * data, the column and the kind only, never a value or a dossier id.
 */
import type { Day } from '../calendar/days.js';
import { isoDate } from '../calendar/days.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { FIELD_TYPES, FIELDS, FieldName, FieldType } from '../model/fields.js';
import { IdSet } from '../ingest/idset.js';
import type { Mapping } from '../ingest/mapping.js';
import { headerKey, resolveColumns } from '../ingest/columns.js';
import { Normalizer, RowError } from '../ingest/normalize.js';
import { InputFormat, openInput, ReadOptions } from '../ingest/readers.js';
import { suggest } from '../ingest/suggest.js';
import { parseDateText } from '../model/values.js';
import { PiiKind, piiBitsOfValue, piiKindOfColumnName, PiiSampler } from '../privacy/pii.js';
import { isShownColumnName, shownColumnName } from '../privacy/quote.js';
import { bundledProfileIds, gemeenteResolver, loadProfile, Profile } from '../profile/load.js';
import { displayDate } from '../report/messages.js';
import { baseName } from '../report/overview.js';
import { ISSUE_CODES, IssueCode, IssueSeverity, SEVERITY } from './codes.js';
import { implausibilities } from './plausibility.js';
import { fieldsUsedByRules } from '../rules/registry.js';
import { STRIDE } from '../model/row.js';
import { provenanceOf } from '../engine/provenance.js';
import type { InputDigest } from '../engine/run.js';
import type { Provenance } from '../report/model.js';
import { allGemeenten } from '../profile/lookup.js';
import { FillCounter, FillReport } from './fill.js';

/** Examples per code in the table and Markdown when --max-examples is not given. */
export const DEFAULT_EXAMPLES = 5;

export interface ValidateOptions {
  profile: Profile;
  mapping: Mapping;
  read: ReadOptions;
  peildatum: Day;
  inputs: string[];
  /** first examples kept per code (--max-examples; 0: none) */
  examplesPerCode?: number;
  /** every problem, as it is found (--format json, csv, xlsx list them all) */
  onProblem?: (issue: Issue) => void;
  /** after every batch of rows: a writer of the full list waits for its output here */
  onBatch?: () => Promise<void>;
  /** --min-cell N (report/cells.ts): the fill counts and rates follow it in every format */
  minCell?: number;
  /** --aggregate-only: no problem of a row is kept or listed (they are still counted) */
  aggregateOnly?: boolean;
  /** non-empty values sampled per column for personal data */
  piiSample?: number;
  /** the peildatum came from --as-of (the provenance says so) */
  peildatumGiven?: boolean;
  tool?: { version: string };
}

export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  file: string;
  /** row as a spreadsheet counts it; null for a problem of the whole file */
  row: number | null;
  column: string;
  message: string;
  /** the type the column should hold, for type problems */
  expected?: FieldType;
}

export interface PiiColumn {
  file: string;
  column: string;
  kind: PiiKind;
  /** recognised by the column name or by its values */
  basis: 'naam' | 'waarden';
}

export interface FileAccount {
  file: string;
  format: InputFormat;
  encoding?: string;
  delimiter?: string;
  rows_read: number;
  rows_valid: number;
  rows_with_errors: number;
}

export interface ValidationReport {
  tool?: { name: string; version: string };
  profile: { id: string; version: string; name: { nl: string; en: string } };
  peildatum: string;
  input: {
    files: string[];
    rows_read: number;
    rows_valid: number;
    rows_with_errors: number;
    rows_with_warnings: number;
    per_file: FileAccount[];
  };
  columns: {
    found: string[];
    mapped: Partial<Record<FieldName, string>>;
    unknown: string[];
    missing: FieldName[];
    missing_for_rules: FieldName[];
  };
  issues: {
    errors: number;
    warnings: number;
    by_code: Partial<Record<IssueCode, number>>;
    by_column: Record<string, Partial<Record<IssueCode, number>>>;
  };
  /** the first --max-examples problems per code (all problems: the writers of src/validate/list.ts) */
  examples: Issue[];
  pii: PiiColumn[];
  /** --max-examples: examples kept per code */
  examples_per_code: number;
  /** --min-cell and --aggregate-only, as check's report holds them (report/cells.ts reportCells) */
  options: { min_cell: number | null; aggregate_only: boolean };
  /** how full each canonical field is over the usable rows, per gemeente and per month (issue 16.5) */
  fill: FillReport;
  /** what was read, with what (issue 16.1), the same object as check's */
  provenance: Provenance;
}

/**
 * For a gemeente the profile does not know: is it a gemeente of another bundled region? Gives the
 * reason for gemeente-outside-region (the official name and the region, never the text as typed).
 */
const bundled = new Map<string, Profile>();
function bundledProfile(id: string): Profile {
  let p = bundled.get(id);
  if (!p) bundled.set(id, (p = loadProfile({ region: id })));
  return p;
}

export function outsideRegionResolver(profile: Profile): (text: string) => string | undefined {
  if (!Object.keys(profile.deelregios).length) return () => undefined;
  const others = bundledProfileIds()
    .filter((id) => !profile.chain.includes(id))
    .map(bundledProfile)
    .filter((p) => Object.keys(p.deelregios).length > 0)
    .map((p) => ({ name: p.name, resolve: gemeenteResolver(p) }));
  return (text) => {
    for (const o of others) {
      const hit = o.resolve(text);
      if (hit) {
        return t('validate.outsideRegion', { gemeente: hit.gemeente, region: localized(o.name), profile: localized(profile.name) });
      }
    }
    return undefined;
  };
}

/**
 * How an unmapped column is named in the report. An export without a header row makes its first
 * row the header: a "column name" that looks like a BSN, a name, a phone number, a date or a
 * number, a sentence or holds a control character is not repeated, only its position
 * (src/privacy/quote.ts).
 */
function shownName(header: string, index: number): string {
  const name = header.trim();
  if (!name) return t('validate.unnamedColumn', { n: index + 1 });
  const date = parseDateText(name);
  if (piiBitsOfValue(name, { foreign: true }) || (date.ok && date.value !== undefined) || /^[\d\s.,+-]+$/.test(name)) {
    return t('validate.hiddenColumn', { n: index + 1 });
  }
  if (!isShownColumnName(name)) return t('quote.column', { n: index + 1 });
  return name;
}

class Collector {
  readonly byCode = new Map<IssueCode, number>();
  readonly byColumn = new Map<string, Map<IssueCode, number>>();
  readonly examples = new Map<IssueCode, Issue[]>();
  errors = 0;
  warnings = 0;

  constructor(
    private readonly perCode: number,
    private readonly sink?: (issue: Issue) => void,
    /** --aggregate-only: problems of a row are counted only */
    private readonly countRowsOnly = false,
  ) {}

  add(issue: Omit<Issue, 'severity'>): IssueSeverity {
    const severity = SEVERITY[issue.code];
    if (severity === 'error') this.errors++;
    else this.warnings++;
    this.byCode.set(issue.code, (this.byCode.get(issue.code) ?? 0) + 1);
    if (issue.column) {
      let col = this.byColumn.get(issue.column);
      if (!col) this.byColumn.set(issue.column, (col = new Map()));
      col.set(issue.code, (col.get(issue.code) ?? 0) + 1);
    }
    if (this.countRowsOnly && issue.row !== null) return severity;
    let list = this.examples.get(issue.code);
    if (!list) this.examples.set(issue.code, (list = []));
    const full = { ...issue, severity };
    if (list.length < this.perCode) list.push(full);
    this.sink?.(full);
    return severity;
  }
}

interface ColumnInfo {
  field?: FieldName;
  label: string;
  sampler?: PiiSampler;
}

export async function runValidation(opts: ValidateOptions): Promise<ValidationReport> {
  const { profile, mapping, peildatum } = opts;
  const collector = new Collector(opts.examplesPerCode ?? DEFAULT_EXAMPLES, opts.onProblem, opts.aggregateOnly);
  const normalizer = new Normalizer(profile, mapping, { ids: new IdSet(), outsideRegion: outsideRegionResolver(profile) });
  const usedByRules = fieldsUsedByRules(profile.rules);
  /** the packed row each record is normalised into (src/model/row.ts) */
  const row = new Int32Array(STRIDE);
  const wantedColumns = [...Object.values(mapping.columns), ...FIELDS];
  const sampleSize = opts.piiSample ?? 1000;
  const perFile: FileAccount[] = [];
  const digests: InputDigest[] = [];
  const pii: PiiColumn[] = [];
  const found: string[] = [];
  const foundSet = new Set<string>();
  const mapped: Partial<Record<FieldName, string>> = {};
  const unknown: string[] = [];
  const missingAll = new Set<FieldName>();
  const missingForRules = new Set<FieldName>();
  let rowsWithWarnings = 0;
  const fill = new FillCounter();

  for (const path of opts.inputs) {
    const input = await openInput(path, { ...opts.read, wantedColumns });
    // the base name only: a path can hold a user's name (issue 13.10)
    const file = baseName(input.file);
    const missing = new Set(normalizer.begin(input, { lenient: true }));
    const account: FileAccount = {
      file,
      format: input.format,
      encoding: input.encoding,
      delimiter: input.delimiter,
      rows_read: 0,
      rows_valid: 0,
      rows_with_errors: 0,
    };
    perFile.push(account);
    const fileIssue = (code: IssueCode, column: string, message: string) => collector.add({ code, file, row: null, column, message });

    // ---- the columns of this file
    let columns: ColumnInfo[] = [];
    const labelToField = new Map<string, FieldName>();
    const piiByName = new Map<number, PiiKind>();
    const describeColumns = () => {
      const byIndex = resolveColumns(input.header, mapping);
      const fieldAt = new Map<number, FieldName>();
      FIELDS.forEach((f, fi) => {
        if (byIndex[fi] >= 0) fieldAt.set(byIndex[fi], f);
      });
      const next: ColumnInfo[] = input.header.map((h, i) => {
        const field = fieldAt.get(i);
        const label = field ? normalizer.columnLabel(field) : shownName(h, i);
        if (field) labelToField.set(label, field);
        const old = columns[i];
        if (old && old.field === field) return old;
        const type = field ? FIELD_TYPES[field] : undefined;
        const sampler =
          type === 'date' || type === 'bool' || type === 'route'
            ? undefined
            : new PiiSampler({ foreign: !field, places: field === 'gemeente' }, sampleSize);
        return { field, label, sampler };
      });
      columns = next;
    };
    describeColumns();

    for (const f of missing) {
      missingAll.add(f);
      fileIssue('missing-column', normalizer.columnLabel(f), t('validate.missingColumn'));
    }
    const present = new Set(normalizer.presentFields());
    for (const [f, rules] of usedByRules) {
      if (present.has(f) || missing.has(f)) continue;
      missingForRules.add(f);
      fileIssue('missing-rule-column', normalizer.columnLabel(f), t('validate.missingRuleColumn', { rules: rules.join(', ') }));
    }
    const seenNames = new Map<string, number>();
    input.header.forEach((h) => seenNames.set(headerKey(h), (seenNames.get(headerKey(h)) ?? 0) + 1));
    const reportedDup = new Set<string>();
    /** reported after the rows: a column whose values turn out to be personal data is pii-column only */
    const unknownColumns: { i: number; message: string }[] = [];
    columns.forEach((c, i) => {
      const name = input.header[i];
      const key = headerKey(name);
      const shown = c.field ? shownColumnName(name, c.field) : c.label;
      if (!foundSet.has(shown)) {
        foundSet.add(shown);
        found.push(shown);
      }
      if (key && (seenNames.get(key) ?? 0) > 1) {
        // the first of equal names is read; the others are only the duplicate-column warning
        if (reportedDup.has(key)) return;
        reportedDup.add(key);
        fileIssue('duplicate-column', c.label, t('validate.duplicateColumn', { count: seenNames.get(key)! }));
      }
      if (c.field) {
        mapped[c.field] ??= shownColumnName(name, c.field);
        // a field mapped onto a column of personal data (handover items may hold text)
        const kind = FIELD_TYPES[c.field] === 'item' || !mapping.columns[c.field] ? undefined : piiKindOfColumnName(name);
        if (kind) piiByName.set(i, kind);
        return;
      }
      if (!unknown.includes(c.label)) unknown.push(c.label);
      const kind = piiKindOfColumnName(name);
      if (kind) piiByName.set(i, kind); // reported as pii-column, not also as unknown-column
      else {
        const near = c.label === name.trim() ? suggest(name, FIELDS) : undefined;
        unknownColumns.push({ i, message: near ? t('validate.unknownColumnSuggest', { field: near }) : t('validate.unknownColumn') });
      }
    });
    for (const [i, kind] of piiByName) {
      pii.push({ file, column: columns[i].label, kind, basis: 'naam' });
      fileIssue('pii-column', columns[i].label, t('validate.piiColumn', { kind: t(`pii.${kind}`), basis: t('validate.basis.naam') }));
    }

    // ---- the rows
    let sampling = columns.some((c) => c.sampler);
    for await (const batch of input.batches) {
      if (columns.length !== input.header.length) {
        describeColumns(); // JSON Lines: a wanted column appeared later
        sampling = columns.some((c) => c.sampler && !c.sampler.full);
      }
      for (const rec of batch) {
        account.rows_read++;
        if (sampling) {
          let open = false;
          const values = rec.values;
          for (let i = 0; i < columns.length; i++) {
            const s = columns[i].sampler;
            if (!s || s.full) continue;
            s.add(values[i]);
            open ||= !s.full;
          }
          sampling = open;
        }
        const result = normalizer.normalize(rec, row, 0);
        if (result !== true) {
          account.rows_with_errors++;
          for (const e of result) {
            // a missing required column is reported once for the file, not on every row
            if (e.code === 'missing-required' && aboutMissingColumn(e, normalizer, missing)) continue;
            const field = labelToField.get(e.column);
            const expected = (e.code === 'type-error' || e.code === 'invalid-date') && field ? FIELD_TYPES[field] : undefined;
            collector.add({ code: e.code, file, row: e.row, column: e.column, message: e.reason, ...(expected ? { expected } : {}) });
          }
          continue;
        }
        account.rows_valid++;
        fill.add(row, 0, normalizer.spanRow.gemeente);
        const odd = implausibilities(row, 0, peildatum);
        if (odd.length) rowsWithWarnings++;
        for (const p of odd) {
          const column = normalizer.columnLabel(p.field);
          const message =
            p.code === 'future-date'
              ? t('validate.futureDate', { date: displayDate(p.value), peildatum: displayDate(peildatum) })
              : t('validate.dateOrder', {
                  field: t(`field.${p.field}`),
                  date: displayDate(p.value),
                  before: t(`field.${p.before}`),
                  beforeDate: displayDate(p.beforeValue),
                });
          collector.add({ code: p.code, file, row: rec.row, column, message });
        }
      }
      if (opts.onBatch) await opts.onBatch();
    }

    fill.columns(normalizer.presentFields());

    // ---- personal data found in the values
    const flagged = new Set<number>();
    columns.forEach((c, i) => {
      if (!c.sampler) return;
      const byName = piiByName.get(i);
      for (const kind of c.sampler.kinds()) {
        flagged.add(i);
        if (kind === byName) continue;
        pii.push({ file, column: c.label, kind, basis: 'waarden' });
        fileIssue('pii-column', c.label, t('validate.piiColumn', { kind: t(`pii.${kind}`), basis: t('validate.basis.waarden') }));
      }
    });
    for (const u of unknownColumns) if (!flagged.has(u.i)) fileIssue('unknown-column', columns[u.i].label, u.message);
    digests.push({ file, format: input.format, bytes: input.digest?.bytes ?? 0, sha256: input.digest?.sha256 ?? null });
  }

  const files = perFile.map((f) => f.file);
  const sum = (k: 'rows_read' | 'rows_valid' | 'rows_with_errors') => perFile.reduce((n, f) => n + f[k], 0);
  const byCode: Partial<Record<IssueCode, number>> = {};
  for (const code of ISSUE_CODES) {
    const n = collector.byCode.get(code);
    if (n) byCode[code] = n;
  }
  const byColumn: Record<string, Partial<Record<IssueCode, number>>> = {};
  for (const [col, counts] of collector.byColumn) {
    byColumn[col] = {};
    for (const code of ISSUE_CODES) {
      const n = counts.get(code);
      if (n) byColumn[col][code] = n;
    }
  }
  const examples = ISSUE_CODES.flatMap((code) => collector.examples.get(code) ?? []);
  return {
    profile: { id: profile.id, version: profile.version, name: profile.name },
    peildatum: isoDate(peildatum),
    input: {
      files,
      rows_read: sum('rows_read'),
      rows_valid: sum('rows_valid'),
      rows_with_errors: sum('rows_with_errors'),
      rows_with_warnings: rowsWithWarnings,
      per_file: perFile,
    },
    columns: {
      found,
      mapped,
      unknown,
      missing: FIELDS.filter((f) => missingAll.has(f)),
      missing_for_rules: FIELDS.filter((f) => missingForRules.has(f)),
    },
    issues: { errors: collector.errors, warnings: collector.warnings, by_code: byCode, by_column: byColumn },
    examples,
    pii,
    examples_per_code: opts.examplesPerCode ?? DEFAULT_EXAMPLES,
    options: { min_cell: opts.minCell ?? null, aggregate_only: opts.aggregateOnly ?? false },
    fill: fill.report(allGemeenten(profile)),
    provenance: provenanceOf({ ...opts, peildatumGiven: opts.peildatumGiven ?? true }, digests, opts.tool ?? { version: 'unknown' }, {
      minCell: opts.minCell,
      aggregateOnly: opts.aggregateOnly,
    }),
  };
}

/** Is a row error about one of the file's missing columns? */
function aboutMissingColumn(e: RowError, normalizer: Normalizer, missing: Set<FieldName>): boolean {
  for (const f of missing) if (normalizer.columnLabel(f) === e.column) return true;
  return false;
}

