/** What a reader gives: an opened input with its header and its records (readers.ts, xlsx.ts). */
import type { Delimiter, SpanBatch } from './csv.js';
import type { EncodingChoice } from './decode.js';
import type { ByteDigest } from '../model/digest.js';

/** Rows looked at for a header row below title rows (issue 13: "within the first 10 rows"). */
export const PREVIEW_ROWS = 10;

export type InputFormat = 'csv' | 'json' | 'jsonl' | 'xlsx';

/**
 * A cell a reader cannot turn into a plain value: a JSON object or array (a date or yes/no cell
 * holding `{"toString": …}` or a 10,000-deep array), an XLSX error value (#N/A) or a formula
 * without a value Excel computed, or any formula of a workbook that asks to be recalculated. The normaliser rejects the row naming the column and the kind,
 * never the content; `String()` of it is safe (no user code, no recursion).
 */
export class UnreadableCell {
  constructor(readonly kind: 'object' | 'array' | 'error' | 'formula' | 'stale') {}
  toString(): string {
    return `[${this.kind}]`;
  }
}

export interface RawRecord {
  /** row number as a spreadsheet shows it (CSV/XLSX header = 1), JSON element number, JSONL line */
  row: number;
  values: unknown[];
  /** the record could not be read (bad JSON line, over-long line); values is empty */
  error?: string;
}

export interface OpenedInput {
  /** the name used in messages ("-" is shown as "stdin") */
  file: string;
  format: InputFormat;
  /** column names; for JSON Lines it may grow as new keys appear */
  header: string[];
  encoding?: string;
  delimiter?: Delimiter;
  batches: AsyncGenerator<RawRecord[]>;
  /**
   * The first rows of the file as text, header included (at most PREVIEW_ROWS), to find a header
   * row below title rows when the required columns are missing.
   */
  preview?: string[][];
  /** XLSX: the workbook counts its serial dates from 1904 (Mac Excel before 2011), not 1900 */
  date1904?: boolean;
  /** XLSX: every sheet's name and the first rows of each, to point at the sheet holding the data */
  sheets?: { name: string; preview: string[][] }[];
  /**
   * With ReadOptions.spans, a CSV input gives its records here as SpanBatches (csv.ts) instead of
   * in `batches` (which then yields nothing): the ingest worker's allocation-free fast path.
   */
  spanBatches?: AsyncGenerator<SpanBatch>;
  /** SHA-256 and size of the bytes as read (openInput), complete once the records are read to the end */
  digest?: ByteDigest;
}

export interface ReadOptions {
  encoding: EncodingChoice;
  delimiter?: Delimiter;
  sheet?: string | number;
  format?: InputFormat;
  /** column names a JSON Lines reader should pick up even when the first object lacks them */
  wantedColumns?: string[];
  /** bytes per read; tests use small chunks to exercise chunk boundaries */
  chunkSize?: number;
  /** CSV records as SpanBatches in OpenedInput.spanBatches (see SpanBatch) */
  spans?: boolean;
}

