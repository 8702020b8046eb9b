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
  code: 'not-assessable' | 'rejected-majority' | 'pii-columns' | 'peildatum-today' | 'stale-export' | 'future-dates' | 'implausible-dates' | 'no-besluit';
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
  /** --gemeente: rows of other gemeenten, read and valid but not checked (0 without the option) */
  rows_outside_filter: number;
  /** the --mapping the run used: its base name and a digest of what it maps (null: none), so compare can tell runs apart */
  mapping: { file: string; digest: string } | null;
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
  options: { include_passed: boolean; pseudonymized: boolean; lang: 'nl' | 'en' };
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
