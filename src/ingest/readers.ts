/**
 * Readers per format, yielding raw records with their row numbers. CSV and JSON Lines stream;
 * a JSON array is read whole (it has to be parsed whole). `-` reads standard input, its format
 * sniffed from the first bytes. Ingest knows nothing of rules.
 */
import { closeSync, createReadStream, openSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/usage.js';
import '../i18n/catalog/yaml.js';
import { CsvParser, CsvSyntaxError, SpanBatch } from './csv.js';
import { decodeStream, DecodeInfo } from './decode.js';
import { ByteDigest, digesting } from '../model/digest.js';

export type { InputFormat, OpenedInput, RawRecord, ReadOptions } from './input.js';
import { PREVIEW_ROWS, UnreadableCell } from './input.js';
import type { InputFormat, OpenedInput, RawRecord, ReadOptions } from './input.js';

export function formatFromName(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/** Read the first chunk of a byte stream and give it back together with the rest. */
async function peek(source: AsyncIterable<Buffer>): Promise<{ first: Buffer | undefined; rest: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const r = await it.next();
  const first = r.done ? undefined : r.value;
  const rest = {
    async *[Symbol.asyncIterator]() {
      if (first) yield first;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    },
  };
  return { first, rest };
}

function sniffFormat(first: Buffer | undefined): InputFormat {
  if (!first) return 'csv';
  if (first[0] === 0x50 && first[1] === 0x4b) return 'xlsx'; // "PK": a zip container
  let i = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  while (i < first.length && (first[i] === 0x20 || first[i] === 0x0a || first[i] === 0x0d || first[i] === 0x09)) i++;
  if (first[i] === 0x5b) return 'json';
  if (first[i] === 0x7b) return 'jsonl';
  return 'csv';
}

let stdinSource: (() => AsyncIterable<Buffer>) | undefined;
let stdinCache: Buffer | undefined;

/**
 * Where "-" reads from during one run of the CLI, with nothing of it buffered yet. main() calls
 * this at the start of every run, so a run in the same process as an earlier one (the tests call
 * main in-process) neither reads the other's input nor its buffered copy. Without a source, "-"
 * is this process's standard input. A function, because process.stdin is created when first read.
 */
export function useStdin(source: (() => AsyncIterable<Buffer>) | undefined): void {
  stdinSource = source;
  stdinCache = undefined;
}

function stdin(): AsyncIterable<Buffer> {
  return stdinSource ? stdinSource() : (process.stdin as AsyncIterable<Buffer>);
}

/**
 * Read all of standard input into memory, so it can be read twice (region inference, then the
 * check itself). Only used when a second pass is needed.
 */
export async function bufferStdin(stream: AsyncIterable<Buffer> = stdin()): Promise<void> {
  if (stdinCache) return;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  stdinCache = Buffer.concat(chunks);
}

/**
 * Bytes read at a time (and so the text the decoder, the parser and a worker batch take at
 * once). 64 KB rather than Node's 256 KB default for files (measured on the 1M-row check,
 * docs/performance.md): every 256 KB chunk became strings and packed batches large enough for V8's
 * large-object space and mmap, page faults on each; at 64 KB the ingest worker's system time
 * fell from ~0.3 s to ~0.12 s and peak RSS by ~10 MB. The first chunk also decides the encoding.
 */
export const READ_CHUNK = 64 * 1024;

function openBytes(path: string, chunkSize?: number): AsyncIterable<Buffer> {
  if (path === '-') {
    if (stdinCache) {
      const buf = stdinCache;
      const size = chunkSize ?? READ_CHUNK;
      return (async function* () {
        for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
      })();
    }
    return stdin();
  }
  if (basename(path).startsWith('~$')) throw new UserError(t('error.excelLockFile', { file: path }));
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(t('error.isDirectory', { file: path }));
    // open it now: a file Excel holds open (EBUSY on Windows) or without read permission fails
    // here with a next step, not later inside the read stream
    closeSync(openSync(path, 'r'));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(openErrorMessage(path, e as NodeJS.ErrnoException));
  }
  return createReadStream(path, { highWaterMark: chunkSize ?? READ_CHUNK });
}

/** The one-line message for a file that cannot be opened, with the next step where one is known. */
export function openErrorMessage(path: string, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return t('error.notFound', { file: path });
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
    case 'ETXTBSY':
      return t('error.locked', { file: path, code: e.code });
    default:
      return t('file.unreadable', { file: path, code: e.code ?? e.name });
  }
}

export async function openInput(path: string, opts: ReadOptions): Promise<OpenedInput> {
  // the bytes are hashed as they are read, before decoding (the report's provenance)
  const digest: ByteDigest = { bytes: 0 };
  const input = await openDigested(path, opts, digesting(openBytes(path, opts.chunkSize), digest));
  input.digest = digest;
  return input;
}

async function openDigested(path: string, opts: ReadOptions, source: AsyncIterable<Buffer>): Promise<OpenedInput> {
  const file = path === '-' ? 'stdin' : path;
  let format = opts.format ?? (path === '-' ? undefined : formatFromName(path));
  let bytes = source;
  if (!format) {
    const p = await peek(bytes);
    format = sniffFormat(p.first);
    bytes = p.rest;
  }
  if (format === 'xlsx') {
    const { openXlsx } = await import('./xlsx.js');
    return openXlsx(path, bytes, file, opts);
  }
  const info: Partial<DecodeInfo> = {};
  const text = decodeStream(bytes, file, opts.encoding, info);
  if (format === 'json') return openJson(text, file, info);
  if (format === 'jsonl') return openJsonLines(text, file, info, opts);
  return openCsv(text, file, info, opts);
}

function csvError(file: string, e: unknown): unknown {
  if (e instanceof CsvSyntaxError) {
    return new UserError(t('error.csvSyntax', { file, line: e.line, row: e.row, message: e.message }));
  }
  return e;
}

/**
 * CSV has one reading mode: the parser's spans (csv.ts SpanBatch). The engine takes the spans
 * (ReadOptions.spans) and normalises most rows straight from the text; every other reader
 * (validate, the tests) gets records, made here from the same spans.
 */
async function openCsv(text: AsyncGenerator<string>, file: string, info: Partial<DecodeInfo>, opts: ReadOptions): Promise<OpenedInput> {
  const parser = new CsvParser(opts.delimiter);
  async function* spans(): AsyncGenerator<SpanBatch> {
    try {
      for await (const chunk of text) {
        const b = parser.pushSpans(chunk);
        if (b.count) yield b;
      }
      const last = parser.endSpans();
      if (last.count) yield last;
    } catch (e) {
      throw csvError(file, e);
    }
  }
  const it = spans();
  let first: SpanBatch | undefined;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    if (r.value.count) {
      first = r.value;
      break;
    }
  }
  if (!first) throw new UserError(t('error.emptyFile', { file }));
  let header: string[];
  if (first.starts[0] >= 0) header = first.text.slice(first.starts[0], first.ends[0]).split(parser.detectedDelimiter!);
  else {
    const rec = first.records[0];
    if (rec.error) throw new UserError(t('error.csvSyntax', { file, line: 1, row: 1, message: rec.error }));
    header = rec.fields;
    first.records.shift();
  }
  const preview = csvPreview(first.text, parser.detectedDelimiter!);
  first.first = 1;
  const head = first;
  async function* spanBatches(): AsyncGenerator<SpanBatch> {
    if (head.count > 1) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const delimiter = parser.detectedDelimiter!;
  async function* batches(): AsyncGenerator<RawRecord[]> {
    for await (const b of spanBatches()) {
      const out: RawRecord[] = [];
      let special = 0;
      for (let k = b.first; k < b.count; k++) out.push(spanRecord(b, k, b.starts[k] < 0 ? b.records[special++] : undefined, delimiter));
      yield out;
    }
  }
  async function* none(): AsyncGenerator<RawRecord[]> {}
  return opts.spans
    ? { file, format: 'csv', header, encoding: info.encoding, delimiter, preview, batches: none(), spanBatches: spanBatches() }
    : { file, format: 'csv', header, encoding: info.encoding, delimiter, preview, batches: batches() };
}

/**
 * The first lines of a CSV as cells, each split at whichever delimiter gives it the most fields
 * (a title line above the header has none, so the file's detected delimiter may be wrong for the
 * header below it). Quotes around a cell are dropped; this is only to find a header row.
 */
export function csvPreview(text: string, detected: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r\n|\n|\r/, PREVIEW_ROWS)) {
    let best = line.split(detected);
    for (const d of [';', ',', '\t']) {
      const cells = line.split(d);
      if (cells.length > best.length) best = cells;
    }
    rows.push(best.map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  }
  return rows;
}

/**
 * Record k of a SpanBatch as a RawRecord: a quote-free record split at the delimiter (an empty
 * line is one empty field), any other the parser's own fields or error (`special`, the next of
 * batch.records).
 */
export function spanRecord(b: SpanBatch, k: number, special: SpanBatch['records'][number] | undefined, delimiter: string): RawRecord {
  const row = b.firstRow + k;
  if (special) return special.error ? { row, values: [], error: special.error } : { row, values: special.fields };
  const start = b.starts[k];
  const end = b.ends[k];
  return { row, values: end > start ? b.text.slice(start, end).split(delimiter) : [''] };
}

/**
 * V8 quotes the offending input in JSON.parse errors (`Unexpected token 'J', "Jan Jansen …" is not
 * valid JSON`): that may be personal data, so only the kind of error and its position are kept.
 */
export function safeJsonError(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split('\n')[0]
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/, '')
    .replace(/^Unexpected token '.*?'/, 'Unexpected token');
}

/** "Unexpected token } in JSON at position 120" → line and column of that position. */
function jsonErrorLocation(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `:${line}:${col}`;
}

/**
 * Numbers JSON.parse cannot keep: an integer of more than 15 digits that is not a safe integer
 * (a long numeric dossier id, 123456789012345678901, would become 123456789012345680000 and
 * collide with its neighbours) and a number beyond the double range (1e400 becomes Infinity).
 * Such number tokens are turned into strings holding their text before parsing, so an id keeps
 * every digit and a date cell shows what it held. Outside strings only; a quick test skips the
 * scan for texts without such a token.
 */
export function quoteUnsafeNumbers(text: string): string {
  if (!/\d{16}|\d[eE][+-]?\d{3}/.test(text)) return text;
  let out = '';
  let from = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) i++;
        else break;
      }
      const token = text.slice(start, i);
      const v = Number(token);
      const unsafe = Number.isNaN(v) ? false : !Number.isFinite(v) || (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(v));
      if (unsafe) {
        out += text.slice(from, start) + '"' + token + '"';
        from = i;
      }
    } else i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A JSON value as a cell: objects and arrays are not cell values (see UnreadableCell). */
function jsonCell(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  return new UnreadableCell(Array.isArray(v) ? 'array' : 'object');
}

/** The cells of a JSON object in header order: own keys only (a missing "toString" is not Object.prototype's). */
function jsonCells(header: string[], o: Record<string, unknown>): unknown[] {
  return header.map((k) => (Object.hasOwn(o, k) ? jsonCell(o[k]) : undefined));
}

async function openJson(text: AsyncGenerator<string>, file: string, info: Partial<DecodeInfo>): Promise<OpenedInput> {
  let all = '';
  for await (const chunk of text) {
    all += chunk;
    if (all.length > 512 * 1024 * 1024) throw new UserError(t('error.jsonTooLarge', { file }));
  }
  if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(quoteUnsafeNumbers(all));
  } catch (first) {
    // the position of the error in the file as written, not in the text with quoted numbers
    let e = first;
    try {
      JSON.parse(all);
    } catch (original) {
      e = original;
    }
    throw new UserError(t('error.jsonSyntax', { file: file + jsonErrorLocation(all, e as Error), message: safeJsonError(e) }));
  }
  if (!Array.isArray(data)) throw new UserError(t('error.jsonNotArray', { file }));
  const header: string[] = [];
  const seen = new Set<string>();
  for (const el of data) {
    if (el && typeof el === 'object' && !Array.isArray(el)) {
      for (const k of Object.keys(el)) if (!seen.has(k)) { seen.add(k); header.push(k); }
    }
  }
  const rows = data as unknown[];
  async function* batches(): AsyncGenerator<RawRecord[]> {
    const size = 4096;
    for (let i = 0; i < rows.length; i += size) {
      const out: RawRecord[] = [];
      for (let j = i; j < Math.min(rows.length, i + size); j++) {
        const el = rows[j];
        if (el && typeof el === 'object' && !Array.isArray(el)) {
          out.push({ row: j + 1, values: jsonCells(header, el as Record<string, unknown>) });
        } else {
          out.push({ row: j + 1, values: [], error: t('error.jsonNotObject') });
        }
      }
      yield out;
    }
  }
  return { file, format: 'json', header, encoding: info.encoding, batches: batches() };
}

async function openJsonLines(text: AsyncGenerator<string>, file: string, info: Partial<DecodeInfo>, opts: ReadOptions): Promise<OpenedInput> {
  const header: string[] = [];
  const index = new Map<string, number>();
  const wanted = new Set((opts.wantedColumns ?? []).map((c) => c.toLowerCase()));
  let first = true;
  const toRecord = (line: string, lineNo: number): RawRecord | undefined => {
    const s = line.trim();
    if (!s) return undefined;
    let obj: unknown;
    try {
      obj = JSON.parse(quoteUnsafeNumbers(s));
    } catch (e) {
      return { row: lineNo, values: [], error: t('error.jsonLine', { message: safeJsonError(e) }) };
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { row: lineNo, values: [], error: t('error.jsonNotObject') };
    const o = obj as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!index.has(k) && (first || wanted.has(k.toLowerCase()))) {
        index.set(k, header.length);
        header.push(k);
      }
    }
    first = false;
    return { row: lineNo, values: jsonCells(header, o) };
  };
  let lineNo = 0;
  let carry = '';
  async function* lines(): AsyncGenerator<RawRecord[]> {
    // the text of a line not yet ended, in pieces: a long line read in small chunks is joined
    // once, not copied again with every chunk
    const pending: string[] = [];
    let pendingLength = 0;
    for await (const chunk of text) {
      if (chunk.indexOf('\n') < 0) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (carry.length + pendingLength > 16 * 1024 * 1024) throw new UserError(t('error.lineTooLong', { file, line: lineNo + 1 }));
        continue;
      }
      const buf = carry + pending.join('') + chunk;
      pending.length = 0;
      pendingLength = 0;
      const parts = buf.split('\n');
      carry = parts.pop() ?? '';
      if (carry.length > 16 * 1024 * 1024) throw new UserError(t('error.lineTooLong', { file, line: lineNo + 1 }));
      const out: RawRecord[] = [];
      for (const p of parts) {
        lineNo++;
        const r = toRecord(lineNo === 1 ? p.replace(/^\uFEFF/, '') : p, lineNo);
        if (r) out.push(r);
      }
      if (out.length) yield out;
    }
    carry += pending.join('');
    if (carry.trim()) {
      lineNo++;
      const r = toRecord(lineNo === 1 ? carry.replace(/^\uFEFF/, '') : carry, lineNo);
      if (r) yield [r];
    }
  }
  // Prime the first batch so the header is known before the caller resolves columns.
  const it = lines();
  const firstBatch = await it.next();
  async function* batches(): AsyncGenerator<RawRecord[]> {
    if (!firstBatch.done) yield firstBatch.value;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  if (firstBatch.done) throw new UserError(t('error.emptyFile', { file }));
  return { file, format: 'jsonl', header, encoding: info.encoding, batches: batches() };
}
