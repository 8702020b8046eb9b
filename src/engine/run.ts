/**
 * The engine: run a profile over the inputs. The ingest loop (ingest.ts) turns rows into batches
 * of packed rows, on this thread or in the ingest worker (parallel.ts); each checked row is
 * evaluated by every rule's kernel (src/rules) into an outcome array, and the row and its outcomes
 * go to a sink. Nothing here prints; row accounting (read = checked + rejected) is kept here.
 */
import { Day, todayDay } from '../calendar/days.js';
import { getLang } from '../i18n/index.js';
import type { Mapping } from '../ingest/mapping.js';
import type { RowError } from '../ingest/normalize.js';
import type { ReadOptions } from '../ingest/readers.js';
import type { InputAccount } from '../report/model.js';
import { FIELD_INDEX, FIELDS } from '../model/fields.js';
import { calendarOf, Profile } from '../profile/load.js';
import { compileRule, Kernel, OUT, RuleContext, RuleDef } from '../rules/index.js';
import { ingest, IngestHandler, IngestJob } from './ingest.js';
import { BatchUnpacker, PackedRow } from './packed.js';
import { idCapacityFor, ingestInWorker, useWorker } from './parallel.js';

export type { InputAccount };

export interface EngineOptions {
  profile: Profile;
  inputs: string[];
  mapping: Mapping;
  peildatum: Day;
  read: ReadOptions;
  /** called every few thousand rows with the running count (progress on a TTY) */
  onProgress?: (rowsRead: number) => void;
  /** the rules to evaluate (default: every rule of the profile) */
  rules?: RuleDef[];
  /**
   * Run the ingest loop in a worker thread while this thread evaluates (parallel.ts). Default:
   * decided by useWorker (large files, not stdin; GIACHECK_WORKER=0/1 overrides).
   */
  parallel?: boolean;
  /**
   * --from/--to: only rows whose melding_datum lies in [from, to] are evaluated; the others are
   * read and counted as outside the period (rows_outside_period), never silently dropped.
   */
  period?: { from?: Day; to?: Day };
  /** --gemeente: only rows whose official gemeente passes are checked; the others are counted as outside */
  gemeenteFilter?: (gemeente: string) => boolean;
}

export interface EngineSink {
  /**
   * Every checked row with its outcomes, rule r's at outcomes[r * OUT…] (src/rules/kind.ts). The
   * row and the outcome array are overwritten for the next row: a sink copies what it keeps.
   */
  onRow(row: PackedRow, outcomes: Int32Array, rules: RuleDef[]): void;
  onRejected(errors: RowError[]): void;
  /** awaited after every batch of rows (back-pressure of a streamed output) */
  afterBatch?: () => Promise<void>;
}

/** The bytes of one input as read: size and SHA-256 (null when the file was not read to its end). */
export interface InputDigest {
  file: string;
  format: InputAccount['format'];
  bytes: number;
  sha256: string | null;
}

export interface EngineResult {
  rules: RuleDef[];
  files: InputAccount[];
  /** per input, in input order: what was read, hashed while reading (one thread or the worker) */
  digests: InputDigest[];
  rowsRead: number;
  rowsChecked: number;
  rowsRejected: number;
  rowsOutsidePeriod: number;
  /** rows read and valid but of a gemeente outside --gemeente (0 without it) */
  rowsOutsideFilter: number;
}

/**
 * The rules' context. `today` is the day of the run, but never before the peildatum: a run as of
 * a day to come judges the dates up to that day.
 */
export function ruleContext(profile: Profile, peildatum: Day, today: Day = todayDay()): RuleContext {
  return { peildatum, today: Math.max(today, peildatum), calendar: calendarOf(profile), momentWindow: profile.momentWindow };
}

/** How long a run may keep the event loop waiting (signals, timers) between two batches. */
const TURN_EVERY_MS = 100;

export async function runEngine(opts: EngineOptions, sink: EngineSink): Promise<EngineResult> {
  const rules = opts.rules ?? opts.profile.rules;
  const files: InputAccount[] = [];
  const digests: InputDigest[] = [];
  const names: string[] = [];
  const unpacker = new BatchUnpacker(names);
  let account: InputAccount | undefined;
  let rowsRead = 0;
  let nextProgress = 50_000;
  let kernels: Kernel[] = [];
  const outcomes = new Int32Array(rules.length * OUT);
  const from = opts.period?.from ?? -Infinity;
  const to = opts.period?.to ?? Infinity;
  const melding = FIELD_INDEX.melding_datum;
  const filter = opts.gemeenteFilter;
  const onRow = (row: PackedRow) => {
    account!.rows_read++;
    if (filter && !filter(row.place.gemeente)) {
      account!.rows_outside_filter = (account!.rows_outside_filter ?? 0) + 1;
      return;
    }
    const { ints, base } = row;
    const m = ints[base + melding];
    if (m < from || m > to) {
      account!.rows_outside_period++;
      return;
    }
    account!.rows_checked++;
    for (let i = 0; i < kernels.length; i++) kernels[i](ints, base, outcomes, i * OUT);
    sink.onRow(row, outcomes, rules);
  };
  const onRejected = (errors: RowError[]) => {
    account!.rows_read++;
    account!.rows_rejected++;
    sink.onRejected(errors);
  };
  let nextTurn = performance.now() + TURN_EVERY_MS;
  const handler: IngestHandler = {
    file(m) {
      if (account) rowsRead += account.rows_read;
      account = { file: m.file, format: m.format, encoding: m.encoding, delimiter: m.delimiter, rows_read: 0, rows_checked: 0, rows_rejected: 0, rows_outside_period: 0 };
      if (filter) account.rows_outside_filter = 0;
      files.push(account);
      names.push(m.file);
    },
    read(m) {
      digests.push({ file: account!.file, format: account!.format, bytes: m.bytes, sha256: m.sha256 });
    },
    async batch(b) {
      unpacker.eachRow(b, onRow, onRejected);
      if (sink.afterBatch) await sink.afterBatch();
      // Awaiting resolved promises never leaves the microtask queue: give the event loop a turn
      // now and then, so a signal (Ctrl-C: remove the temporary output file) or a progress
      // timer is handled during a long run and not only after it
      if (performance.now() >= nextTurn) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        nextTurn = performance.now() + TURN_EVERY_MS;
      }
      if (opts.onProgress && rowsRead + account!.rows_read >= nextProgress) {
        opts.onProgress(rowsRead + account!.rows_read);
        nextProgress += 50_000;
      }
    },
  };
  const job: IngestJob = {
    idCapacity: idCapacityFor(opts.inputs),
    profile: opts.profile,
    mapping: opts.mapping,
    inputs: opts.inputs,
    read: opts.read,
    wantedColumns: [...Object.values(opts.mapping.columns), ...FIELDS],
    lang: getLang(),
  };
  const compile = () => {
    const ctx = ruleContext(opts.profile, opts.peildatum);
    kernels = rules.map((r) => compileRule(r, ctx));
  };
  if (opts.parallel ?? useWorker(opts.inputs)) {
    const running = ingestInWorker(job, handler);
    // compile the rules while the worker loads its modules and opens the first file
    try {
      compile();
    } catch (e) {
      running.cancel();
      throw e;
    }
    await running;
  } else {
    compile();
    await ingest(job, handler);
  }
  const sum = (k: 'rows_read' | 'rows_checked' | 'rows_rejected' | 'rows_outside_period' | 'rows_outside_filter') => files.reduce((n, f) => n + (f[k] ?? 0), 0);
  return {
    rules,
    files,
    digests,
    rowsRead: sum('rows_read'),
    rowsChecked: sum('rows_checked'),
    rowsRejected: sum('rows_rejected'),
    rowsOutsidePeriod: sum('rows_outside_period'),
    rowsOutsideFilter: sum('rows_outside_filter'),
  };
}
