/**
 * The report a formatter receives: everything it may print, as plain data. Formatters never
 * re-read input or rules. The JSON format is this object as it stands (SPEC §8).
 */
import type { Counts, Summary } from './aggregate.js';
import type { ByteBuffer } from './bytes.js';
import type { Finding } from './findings.js';
import type { RowError } from '../ingest/normalize.js';
import type { InputFormat } from '../ingest/readers.js';

/** The row accounting of one input file: read = checked + rejected. */
export interface InputAccount {
  file: string;
  format: InputFormat;
  encoding?: string;
  delimiter?: string;
  rows_read: number;
  rows_checked: number;
  rows_rejected: number;
  /** rows whose melding lies outside --from/--to */
  rows_outside_period: number;
  /** --gemeente: valid rows of other gemeenten, not checked (only with the option) */
  rows_outside_filter?: number;
}

/** A rule that could not be judged: a field it reads has no column in the export (after mapping). */
export interface NotAssessable {
  rule_id: string;
  /** the canonical fields without a column */
  fields: string[];
  /** the input files that lack them */
  files: string[];
}

/** A column whose name says it holds personal data (never its values): check does not read it. */
export interface PiiColumn {
  file: string;
  column: string;
  /** the kind, in the run's language (naam, BSN, telefoon, …) */
  kind: string;
}

/** Something every format says at the top of the report, in the run's language. */
export interface ReportWarning {
  code:
    | 'outside-period'
    | 'not-assessable'
    | 'rejected-majority'
    | 'pii-columns'
    | 'peildatum-today'
    | 'stale-export'
    | 'future-dates'
    | 'implausible-dates'
    | 'no-besluit'
    | 'min-cell'
    | 'aggregate-only'
    | 'pseudonymized';
  message: string;
}

export interface ReportInput {
  files: string[];
  rows_read: number;
  rows_checked: number;
  rows_rejected: number;
  per_file: InputAccount[];
  /** rules left out of every figure because the export lacks a field they read */
  not_assessable: NotAssessable[];
  /** columns named like personal data; not read, listed so the export can be trimmed (validate) */
  pii_columns: PiiColumn[];
  /** dates after the peildatum (not after the day of the run): the pairs were judged as of the peildatum */
  dates_after_peildatum: number;
  /** the newest date anywhere in the checked rows (yyyy-mm-dd), null without any */
  newest_date: string | null;
  /** the peildatum came from --as-of (false: today) */
  peildatum_given: boolean;
  /** --gemeente: the official names the run was limited to (null: all gemeenten) */
  gemeenten: string[] | null;
  /** --from/--to on melding_datum (yyyy-mm-dd, bounds included; null: open-ended) */
  period: { from: string | null; to: string | null };
  /** rows whose melding lies outside the period: read, not judged (read = checked + rejected + outside) */
  rows_outside_period: number;
  /** --gemeente: rows of other gemeenten, read and valid but not checked (0 without the option) */
  rows_outside_filter: number;
}

/**
 * Where a report comes from (issue 16.1): what was read, with what, as of when. Hashes are
 * SHA-256 in lower-case hex; `sha256sum <file>` of an input gives its `sha256`.
 */
export interface Provenance {
  giacheck: { version: string };
  /** each input as read, before decoding: size in bytes and SHA-256 (null when not read to its end) */
  inputs: { file: string; format: string; bytes: number; sha256: string | null }[];
  /**
   * `sha256`: of the resolved profile, the canonical form of its chain (`canonical`); `documents`:
   * each profile of the chain, this one first, with the SHA-256 of its file as read
   */
  profile: { id: string; version: string; sha256: string; canonical: 'rfc8785-chain'; documents: { id: string; file: string; sha256: string }[] };
  /** the --mapping file and the SHA-256 of its text, null without one */
  mapping: { file: string; sha256: string } | null;
  peildatum: string;
  /** true: --as-of; false: the day of the run */
  peildatum_given: boolean;
  /** the options that change what a report says (reading, selection, privacy, language) */
  options: ProvenanceOptions;
}

export interface ProvenanceOptions {
  encoding: string;
  delimiter: string | null;
  sheet: string | null;
  /** --gemeente: the official names the run was limited to; null: all */
  gemeenten: string[] | null;
  /** --from / --to on melding_datum (yyyy-mm-dd); null: open */
  from: string | null;
  to: string | null;
  /** --period of the period table (month, quarter, half-year, year); null: the command has none */
  period: string | null;
  include_passed: boolean;
  pseudonymized: boolean;
  min_cell: number | null;
  aggregate_only: boolean;
  lang: 'nl' | 'en';
}

export interface Rejected {
  file: string;
  row: number;
  column: string;
  reason: string;
}

export interface InactiveRule {
  id: string;
  reason: 'off' | 'replaced';
  by?: string;
  origin: string;
}

export interface Report {
  tool: { name: string; version: string };
  profile: {
    id: string;
    version: string;
    name: { nl: string; en: string };
    chain: string[];
    inactive_rules: InactiveRule[];
    deelregios: Record<string, string[]>;
    /** the documents rules cite, by the key a rule's source starts with: full title, short name */
    sources: Record<string, { title: string; short?: string }>;
  };
  peildatum: string;
  input: ReportInput;
  summary: Summary;
  findings: Finding[];
  /** findings counted before any limit, per status */
  findings_total: number;
  rejected: Rejected[];
  /** what every format opens with: not-assessable rules, most rows rejected, personal-data columns, … */
  warnings: ReportWarning[];
  /** min_cell (--min-cell): every format asks reportCells(report) (cells.ts) before it prints an aggregate */
  options: { include_passed: boolean; pseudonymized: boolean; lang: 'nl' | 'en'; min_cell?: number | null; aggregate_only?: boolean };
  provenance: Provenance;
}

export interface RenderOptions {
  color: boolean;
  maxFindings: number;
  width?: number;
}

export type Rendered = string | Uint8Array;

/** Where a streamed format writes: the run's output, with back-pressure. */
export interface StreamOut {
  write(text: string | Uint8Array): void;
  /** resolves when buffered output has been handed to the OS */
  drain(): Promise<void>;
}

/** A streamed format during one run (src/engine/check.ts drives it). */
export interface FindingStream {
  /** where the finding writer puts each finding: bytes (jsonl) or a CSV row */
  target: { bytes: ByteBuffer } | { csv: (row: string) => void };
  begin(): void;
  /** after each checked row's findings */
  afterRow(): void;
  rejected(r: Rejected): void;
  /** after each batch of rows */
  drain(): Promise<void>;
  /** after the last row, with the run's report (its findings list is empty) */
  end(report: Report): void;
}

export type { Counts, Finding, RowError };
