/**
 * The engine: run a profile over a stream of cases. Files are read one after another, rows are
 * normalised, each Case is evaluated against every compiled rule, and the results go to a sink.
 * Nothing here prints; row accounting (read = checked + rejected) is kept here.
 */
import type { Day } from '../calendar/days.js';
import { Case, FIELDS } from '../ingest/fields.js';
import { IdSet } from '../ingest/idset.js';
import type { Mapping } from '../ingest/mapping.js';
import { Normalizer, RowError } from '../ingest/normalize.js';
import { openInput, ReadOptions, InputFormat } from '../ingest/readers.js';
import { calendarOf, Profile } from '../profile/load.js';
import { compileProfile, CompiledRule, Result, RuleContext } from '../rules/index.js';
import { getLang } from '../i18n/index.js';
import { BatchUnpacker, PackedRow } from './packed.js';
import { compileKernel, Kernel, OUT } from '../rules/kernels.js';
import { idCapacityFor, ingestInWorker, useWorker } from './parallel.js';

export interface EngineOptions {
  profile: Profile;
  inputs: string[];
  mapping: Mapping;
  peildatum: Day;
  read: ReadOptions;
  /** called every few thousand rows with the running count (progress on a TTY) */
  onProgress?: (rowsRead: number) => void;
  /**
   * Read and normalise in a worker thread while this thread evaluates (parallel.ts). Default:
   * decided by useWorker (large files, not stdin; GIACHECK_WORKER=0/1 overrides).
   */
  parallel?: boolean;
}

export interface EngineSink {
  /** every checked case with one result per rule (same order as `rules`) */
  onCase(c: Case, results: Result[], rules: CompiledRule[]): void;
  onRejected(errors: RowError[]): void;
  /** awaited after every batch of rows (back-pressure of a streamed output) */
  afterBatch?: () => Promise<void>;
  /**
   * With the ingest worker, a sink that has this takes every checked row packed (no Case, no
   * Results): the row and its outcomes, rule r's at outcomes[r * OUT…] (src/rules/kernels.ts).
   * Same rows, same order as onCase; onCase still serves the one-thread path.
   */
  onPacked?(row: PackedRow, outcomes: Int32Array, rules: CompiledRule[]): void;
  /**
   * onCase keeps nothing of the Case, its values or the results array once it returns (it
   * copies what it needs), so the engine may overwrite them for the next row: no Case, values
   * array or results array per row on the worker path (packed.ts BatchUnpacker).
   */
  transient?: boolean;
}

export interface InputAccount {
  file: string;
  format: InputFormat;
  encoding?: string;
  delimiter?: string;
  rows_read: number;
  rows_checked: number;
  rows_rejected: number;
}

export interface EngineResult {
  rules: CompiledRule[];
  files: InputAccount[];
  rowsRead: number;
  rowsChecked: number;
  rowsRejected: number;
}

export function ruleContext(profile: Profile, peildatum: Day): RuleContext {
  return { peildatum, calendar: calendarOf(profile), momentWindow: profile.momentWindow };
}

export async function runEngine(opts: EngineOptions, sink: EngineSink): Promise<EngineResult> {
  const { profile, mapping } = opts;
  if (opts.parallel ?? useWorker(opts.inputs)) return runWithWorker(opts, sink);
  const rules = compileProfile(profile, ruleContext(profile, opts.peildatum));
  const evaluators = rules.map((r) => r.evaluate);
  const normalizer = new Normalizer(profile, mapping, { ids: new IdSet(idCapacityFor(opts.inputs)) });
  const wantedColumns = [...Object.values(mapping.columns), ...FIELDS];
  const files: InputAccount[] = [];
  let rowsRead = 0;
  let rowsChecked = 0;
  let rowsRejected = 0;
  let nextProgress = 50_000;
  for (const path of opts.inputs) {
    // lines: CSV rows without quotes arrive as text and are parsed by the normaliser's fast path
    const input = await openInput(path, { ...opts.read, wantedColumns, lines: true });
    normalizer.begin(input);
    const account: InputAccount = {
      file: input.file,
      format: input.format,
      encoding: input.encoding,
      delimiter: input.delimiter,
      rows_read: 0,
      rows_checked: 0,
      rows_rejected: 0,
    };
    files.push(account);
    for await (const batch of input.batches) {
      for (const rec of batch) {
        account.rows_read++;
        const c = normalizer.normalize(rec);
        if (Array.isArray(c)) {
          account.rows_rejected++;
          sink.onRejected(c);
          continue;
        }
        account.rows_checked++;
        const results = new Array<Result>(evaluators.length);
        for (let i = 0; i < evaluators.length; i++) results[i] = evaluators[i](c);
        sink.onCase(c, results, rules);
      }
      if (sink.afterBatch) await sink.afterBatch();
      if (opts.onProgress && rowsRead + account.rows_read >= nextProgress) {
        opts.onProgress(rowsRead + account.rows_read);
        nextProgress += 50_000;
      }
    }
    rowsRead += account.rows_read;
    rowsChecked += account.rows_checked;
    rowsRejected += account.rows_rejected;
  }
  return { rules, files, rowsRead, rowsChecked, rowsRejected };
}

/**
 * The same run with reading and normalising in the ingest worker: identical sink calls in the
 * same order (test/engine/parallel.test.ts), only spread over two cores.
 */
async function runWithWorker(opts: EngineOptions, sink: EngineSink): Promise<EngineResult> {
  // assigned right after the worker is started (below), before any of its messages is handled
  let rules: CompiledRule[] = [];
  let evaluators: ((c: Case) => Result)[] = [];
  const files: InputAccount[] = [];
  const names: string[] = [];
  const transient = Boolean(sink.transient);
  const unpacker = new BatchUnpacker(names, transient);
  let account: InputAccount | undefined;
  let rowsRead = 0;
  let nextProgress = 50_000;
  let shared: Result[] | undefined;
  const onCase = (c: Case) => {
    account!.rows_read++;
    account!.rows_checked++;
    const results = transient ? (shared ??= new Array<Result>(evaluators.length)) : new Array<Result>(evaluators.length);
    for (let i = 0; i < evaluators.length; i++) results[i] = evaluators[i](c);
    sink.onCase(c, results, rules);
  };
  let kernels: Kernel[] = [];
  let outcomes = new Int32Array(0);
  const packedSink = sink.onPacked?.bind(sink);
  const onPacked = packedSink
    ? (row: PackedRow) => {
        account!.rows_read++;
        account!.rows_checked++;
        const { ints, base } = row;
        for (let i = 0; i < kernels.length; i++) kernels[i](ints, base, outcomes, i * OUT);
        packedSink(row, outcomes, rules);
      }
    : undefined;
  const onRejected = (errors: RowError[]) => {
    account!.rows_read++;
    account!.rows_rejected++;
    sink.onRejected(errors);
  };
  const ingest = ingestInWorker(
    {
      idCapacity: idCapacityFor(opts.inputs),
      profile: opts.profile,
      mapping: opts.mapping,
      inputs: opts.inputs,
      read: opts.read,
      wantedColumns: [...Object.values(opts.mapping.columns), ...FIELDS],
      lang: getLang(),
    },
    {
      file(m) {
        if (account) rowsRead += account.rows_read;
        account = { file: m.file, format: m.format, encoding: m.encoding, delimiter: m.delimiter, rows_read: 0, rows_checked: 0, rows_rejected: 0 };
        files.push(account);
        names.push(m.file);
      },
      async batch(b) {
        if (onPacked) unpacker.eachRow(b, onPacked, onRejected);
        else unpacker.each(b, onCase, onRejected);
        if (sink.afterBatch) await sink.afterBatch();
        if (opts.onProgress && rowsRead + account!.rows_read >= nextProgress) {
          opts.onProgress(rowsRead + account!.rows_read);
          nextProgress += 50_000;
        }
      },
    },
  );
  // compile the rules while the worker loads its modules and opens the first file
  try {
    const ctx = ruleContext(opts.profile, opts.peildatum);
    rules = compileProfile(opts.profile, ctx);
    evaluators = rules.map((r) => r.evaluate);
    if (packedSink) {
      kernels = rules.map((r) => compileKernel(r.def, ctx));
      outcomes = new Int32Array(rules.length * OUT);
    }
  } catch (e) {
    ingest.cancel();
    throw e;
  }
  await ingest;
  const sum = (k: 'rows_read' | 'rows_checked' | 'rows_rejected') => files.reduce((n, f) => n + f[k], 0);
  return { rules, files, rowsRead: sum('rows_read'), rowsChecked: sum('rows_checked'), rowsRejected: sum('rows_rejected') };
}
