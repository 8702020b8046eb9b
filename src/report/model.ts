/**
 * The report a formatter receives: everything it may print, as plain data. Formatters never
 * re-read input or rules. The JSON format is this object as it stands (SPEC §8).
 */
import type { Counts, Summary } from './aggregate.js';
import type { Finding } from './findings.js';
import type { RowError } from '../ingest/normalize.js';
import type { InputAccount } from '../engine/run.js';

export interface ReportInput {
  files: string[];
  rows_read: number;
  rows_checked: number;
  rows_rejected: number;
  per_file: InputAccount[];
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
  };
  peildatum: string;
  input: ReportInput;
  summary: Summary;
  findings: Finding[];
  /** findings counted before any limit, per status */
  findings_total: number;
  rejected: Rejected[];
  options: { include_passed: boolean; pseudonymized: boolean; lang: 'nl' | 'en' };
}

export type { Counts, Finding, RowError };
