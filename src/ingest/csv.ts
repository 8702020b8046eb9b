/**
 * A streaming CSV parser (RFC 4180 plus the habits of Dutch Excel): delimiter `,` `;` or tab
 * detected from the header line, quoted fields with `""` escapes and line breaks inside quotes,
 * CRLF, LF or CR line ends, records split across chunk boundaries anywhere (even between CR and
 * LF or inside a quote). Each record carries its row number (header = row 1, as a spreadsheet
 * counts) and the line it starts on.
 *
 * Why not csv-parse: it is correct but ~5× slower than the fastest correct parsers here
 * (shared/notes/csv-parsers.md), and papaparse/udsv lose row numbers or corrupt rows at chunk
 * edges. This parser takes the fast path (`split`) for lines without quotes and a state machine
 * for the rest; test/ingest/csv.test.ts checks it against csv-parse as the oracle.
 */
import { t } from '../i18n/index.js';
import '../i18n/catalog/usage.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  fields: string[];
  /** record number, header = 1 */
  row: number;
  /** physical line the record starts on (differs from row after quoted line breaks) */
  line: number;
  /** set when the record cannot be used (e.g. a line over MAX_FIELD_LENGTH); fields is then empty */
  error?: string;
}

/**
 * The records of one push() in `spans` mode (the ingest worker): a quote-free record is only its
 * place in `text` (starts[k]…ends[k]), with no string or object per record; a record that needs
 * the state machine (quotes) or cannot be used (too long) comes as a CsvRecord in `records`,
 * marked by starts[k] = -1, in order. Record k has row firstRow + k (every record counts one row).
 * A million-row export has a million records: not creating a line string, a CsvRecord and a
 * RawRecord for each saves the allocation and most of the garbage collection of the worker.
 */
export interface SpanBatch {
  text: string;
  firstRow: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  records: CsvRecord[];
  /** index of the first record the consumer has not taken yet (the header is taken by the reader) */
  first: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly row: number,
  ) {
    super(message);
  }
}

/** Count candidate delimiters outside quotes in the header line; the most frequent wins. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < headerLine.length; i++) {
    const ch = headerLine[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t', ','] as Delimiter[]) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Longest field we accept; a longer one is almost certainly a runaway quote or binary data. */
export const MAX_FIELD_LENGTH = 1_000_000;
/** Text we are willing to hold while waiting for a line end. */
const MAX_PENDING = 16 * MAX_FIELD_LENGTH;

export class CsvParser {
  private buf = '';
  private delimiter: Delimiter | undefined;
  private row = 0;
  private line = 1;
  private started = false;

  /** spans mode: collecting the current SpanBatch (see pushSpans) */
  private spans: SpanBatch | undefined;

  constructor(delimiter?: Delimiter) {
    this.delimiter = delimiter;
  }

  /**
   * push() in spans mode: the same records, as a SpanBatch (quote-free records as places in the
   * text). The batch's text is this parser's buffer, so record k reads text.slice(starts[k],
   * ends[k]); splitting that at the delimiter gives exactly the fields push() would give.
   */
  pushSpans(chunk: string): SpanBatch {
    if (!this.started) {
      if (chunk.length === 0) return this.spanStart(0);
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.started = true;
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    return this.drainSpans(false);
  }

  /** end() in spans mode. */
  endSpans(): SpanBatch {
    const out = this.drainSpans(true);
    this.buf = '';
    return out;
  }

  private spanStart(expected: number): SpanBatch {
    const capacity = Math.max(16, expected);
    return { text: this.buf, firstRow: this.row + 1, count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), records: [], first: 0 };
  }

  private drainSpans(final: boolean): SpanBatch {
    // ~150 characters a row in a typical export; the arrays grow when a batch holds more
    const batch = this.spanStart((this.buf.length / 64) | 0);
    this.spans = batch;
    try {
      this.drain(final); // records that are not spans go to the batch in order (emit)
    } finally {
      this.spans = undefined;
    }
    return batch;
  }

  /** A record that is not a span: into the SpanBatch in spans mode, else into the output. */
  private emit(out: CsvRecord[], rec: CsvRecord): void {
    if (this.spans) this.addSpan(-1, -1, rec);
    else out.push(rec);
  }

  private addSpan(start: number, end: number, rec: CsvRecord | undefined): void {
    const b = this.spans!;
    if (b.count === b.starts.length) {
      const starts = new Int32Array(b.count * 2);
      const ends = new Int32Array(b.count * 2);
      starts.set(b.starts);
      ends.set(b.ends);
      b.starts = starts;
      b.ends = ends;
    }
    b.starts[b.count] = start;
    b.ends[b.count] = end;
    b.count++;
    if (rec) b.records.push(rec);
  }

  get detectedDelimiter(): Delimiter | undefined {
    return this.delimiter;
  }

  /** Feed decoded text; returns the complete records it contains. */
  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      if (chunk.length === 0) return [];
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.started = true;
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    return this.drain(false);
  }

  /** End of input: the last record may lack a line end; an open quote is an error. */
  end(): CsvRecord[] {
    const out = this.drain(true);
    this.buf = '';
    return out;
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    if (this.delimiter === undefined) {
      const eol = firstLineEnd(buf, 0);
      if (eol < 0 && !final) {
        if (n > MAX_FIELD_LENGTH) throw new CsvSyntaxError(t('csv.headerTooLong', { max: MAX_FIELD_LENGTH }), 1, 1);
        return out;
      }
      this.delimiter = detectDelimiter(buf.slice(0, eol < 0 ? n : eol));
    }
    const delim = this.delimiter;
    const delimCode = delim.charCodeAt(0);
    // Next CR and quote positions are cached: searching them afresh for every record would scan
    // the rest of the buffer each time (quadratic on files without CR or without quotes).
    let nl = -2;
    let cr = -2;
    let q = -2;
    while (pos < n) {
      // Fast path: the record has no quote before its line end.
      if (nl !== -1 && nl < pos) nl = buf.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
      if (q !== -1 && q < pos) q = buf.indexOf('"', pos);
      let end: number;
      let next: number;
      if (nl < 0 && cr < 0) {
        if (!final) {
          if (n - pos > MAX_PENDING) {
            throw new CsvSyntaxError(t('csv.lineTooLong', { max: MAX_PENDING }), this.line, this.row + 1);
          }
          break;
        }
        end = n;
        next = n;
      } else if (cr >= 0 && (nl < 0 || cr < nl)) {
        // CR or CRLF; a CR at the very end of the buffer may be followed by LF in the next chunk
        if (cr + 1 === n && !final) break;
        end = cr;
        next = buf.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        end = nl;
        next = nl + 1;
      }
      if (q < 0 || q >= end) {
        this.row++;
        if (end - pos > MAX_FIELD_LENGTH) {
          this.emit(out, { fields: [], row: this.row, line: this.line, error: t('csv.recordTooLong', { max: MAX_FIELD_LENGTH }) });
        } else if (this.spans) {
          this.addSpan(pos, end, undefined);
        } else {
          const text = end === pos ? '' : buf.slice(pos, end);
          out.push({ fields: text.length === 0 ? [''] : text.split(delim), row: this.row, line: this.line });
        }
        this.line++;
        pos = next;
        continue;
      }
      // Slow path: a state machine from the record start.
      const r = parseQuotedRecord(buf, pos, delimCode, final);
      if (!r) {
        if (n - pos > MAX_FIELD_LENGTH * 2) {
          throw new CsvSyntaxError(t('csv.quoteTooLong'), this.line, this.row + 1);
        }
        if (final) {
          throw new CsvSyntaxError(t('csv.quoteAtEnd'), this.line, this.row + 1);
        }
        break;
      }
      if (r.error) throw new CsvSyntaxError(r.error, this.line + r.errorLineOffset, this.row + 1);
      this.row++;
      const tooLong = r.fields.some((f) => f.length > MAX_FIELD_LENGTH);
      this.emit(
        out,
        tooLong
          ? { fields: [], row: this.row, line: this.line, error: t('csv.fieldTooLong', { max: MAX_FIELD_LENGTH }) }
          : { fields: r.fields, row: this.row, line: this.line },
      );
      this.line += r.lines;
      pos = r.next;
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
    return out;
  }
}

function firstLineEnd(buf: string, from: number): number {
  const nl = buf.indexOf('\n', from);
  const cr = buf.indexOf('\r', from);
  if (nl < 0) return cr;
  if (cr < 0) return nl;
  return Math.min(nl, cr);
}

interface QuotedResult {
  fields: string[];
  next: number;
  lines: number;
  error?: string;
  errorLineOffset: number;
}

/**
 * Parse one record that contains a quote, starting at `start`. Returns undefined when the buffer
 * ends before the record does (need more input), unless `final`.
 */
function parseQuotedRecord(buf: string, start: number, delim: number, final: boolean): QuotedResult | undefined {
  const fields: string[] = [];
  const n = buf.length;
  let i = start;
  let lines = 1;
  for (;;) {
    // start of a field
    if (i < n && buf.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let segStart = i + 1;
      let j = segStart;
      for (;;) {
        const q = buf.indexOf('"', j);
        if (q < 0) return undefined;
        // count line breaks inside the quoted part for line numbers
        if (q + 1 < n && buf.charCodeAt(q + 1) === 34) {
          value += buf.slice(segStart, q + 1);
          j = segStart = q + 2;
          continue;
        }
        if (q + 1 === n && !final) return undefined;
        value += buf.slice(segStart, q);
        lines += countLineBreaks(buf, i, q);
        i = q + 1;
        break;
      }
      // after the closing quote: delimiter, line end or end of input
      if (i >= n) {
        if (!final) return undefined;
        fields.push(value);
        return { fields, next: n, lines, errorLineOffset: 0 };
      }
      const c = buf.charCodeAt(i);
      if (c === delim) {
        fields.push(value);
        i++;
        continue;
      }
      if (c === 10 || c === 13) {
        fields.push(value);
        if (c === 13) {
          if (i + 1 === n && !final) return undefined;
          if (buf.charCodeAt(i + 1) === 10) i++;
        }
        return { fields, next: i + 1, lines, errorLineOffset: 0 };
      }
      return {
        fields,
        next: i,
        lines,
        error: t('csv.textAfterQuote', { field: fields.length + 1 }),
        errorLineOffset: lines - 1,
      };
    }
    // unquoted field: up to delimiter or line end; a quote inside it is kept literally
    let j = i;
    while (j < n) {
      const c = buf.charCodeAt(j);
      if (c === delim || c === 10 || c === 13) break;
      j++;
    }
    if (j >= n) {
      if (!final) return undefined;
      fields.push(buf.slice(i, j));
      return { fields, next: n, lines, errorLineOffset: 0 };
    }
    fields.push(buf.slice(i, j));
    const c = buf.charCodeAt(j);
    if (c === delim) {
      i = j + 1;
      continue;
    }
    if (c === 13) {
      if (j + 1 === n && !final) return undefined;
      if (buf.charCodeAt(j + 1) === 10) j++;
    }
    return { fields, next: j + 1, lines, errorLineOffset: 0 };
  }
}

function countLineBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = buf.charCodeAt(k);
    if (c === 10) count++;
    else if (c === 13 && buf.charCodeAt(k + 1) !== 10) count++;
  }
  return count;
}
