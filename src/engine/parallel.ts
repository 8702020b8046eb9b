/**
 * Both cores: an ingest worker (ingest-worker.ts) reads, decodes, parses and normalises while this
 * thread evaluates the rules, aggregates and writes the findings. On a million-row export the two
 * halves cost about the same, so the wall time drops towards the larger half (docs/performance.md
 * has the figures). Small inputs and standard input stay on one thread: starting a worker costs
 * ~40 ms and stdin is already buffered in this thread.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { seaAsset } from '../profile/bundled.js';
import { keepYoungGenerationSmall } from './heap.js';
import type { FileOpened, FileRead, IngestHandler, IngestJob } from './ingest.js';
import type { PackedBatch } from './packed.js';

export type WorkerMessage =
  | FileOpened
  | FileRead
  | PackedBatch
  | { t: 'end' }
  | { t: 'error'; message: string; stack?: string; user: boolean; exitCode: number };

/** Inputs at least this large (in total) are worth a worker. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/** The worker script: a SEA asset in the standalone binary, else the compiled file next to this one. */
function workerScript(): { code: string } | { url: URL } | undefined {
  const code = seaAsset('ingest-worker.cjs');
  if (code !== undefined) return { code };
  const url = new URL('./ingest-worker.js', import.meta.url);
  // under vitest this module is TypeScript and there is no compiled worker: stay on one thread
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? { url } : undefined;
}

/**
 * Use a worker? GIACHECK_WORKER=0 forces one thread, =1 a worker whenever possible (tests, the
 * benchmark); otherwise only for files of WORKER_MIN_BYTES or more together.
 */
export function useWorker(inputs: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GIACHECK_WORKER === '0' || inputs.includes('-')) return false;
  if (!workerScript()) return false;
  if (env.GIACHECK_WORKER === '1') return true;
  let total = 0;
  for (const path of inputs) {
    try {
      total += statSync(path).size;
    } catch {
      return false; // let the one-thread path report the unreadable file
    }
  }
  return total >= WORKER_MIN_BYTES;
}

/** Options of `check` that take a value which is a file but not an input. */
const NOT_INPUT = new Set(['--output', '--mapping', '--profile']);

let prestarted: Worker | undefined;

function spawn(script: { code: string } | { url: URL }, workerData: unknown): Worker {
  // The worker streams: its live data is a few batches, the id set lives outside the heap. A small
  // young generation and a capped old one keep V8 from letting garbage pile up to ~100 MB before
  // collecting it (the main thread cannot be limited once started).
  const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };
  const worker =
    'code' in script
      ? new Worker(script.code, { eval: true, workerData, resourceLimits })
      : new Worker(script.url, { workerData, resourceLimits });
  // a new worker resets V8's flags for the whole process (heap.ts)
  worker.once('online', keepYoungGenerationSmall);
  return worker;
}

/**
 * Start the ingest worker at once, before `check` has loaded its modules and the profile (~0.4 s
 * on a million-row run, during which the worker boots on the other core instead of after it):
 * when the arguments name input files large enough for a worker (useWorker), a worker is started
 * that loads its modules and waits for its job (ingestInWorker). Unused, it does not keep the
 * process alive. `args` are the arguments after the command name.
 */
export function prestartIngestWorker(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  if (prestarted || env.GIACHECK_WORKER === '0') return;
  const inputs = inputArguments(args);
  if (!inputs.length || !useWorker(inputs, env)) return;
  const script = workerScript();
  if (!script) return;
  prestarted = spawn(script, { prestarted: true });
  prestarted.on('error', () => {}); // reported, if it is used, by ingestInWorker
  prestarted.unref();
}

/** The arguments of `check` that are existing files and not the value of --output, --mapping or --profile. */
export function inputArguments(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('-') && !NOT_INPUT.has(args[i - 1] ?? '') && isFile(a));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Start the ingest worker and hand its messages over in order; the promise rejects with the
 * worker's error. `cancel()` stops the worker (when this thread fails first).
 */
export function ingestInWorker(job: IngestJob, handler: IngestHandler): Promise<void> & { cancel(): void } {
  const script = workerScript();
  if (!script) return Object.assign(Promise.reject(new Error('ingest worker not available')), { cancel() {} });
  // Batches handled so far, shared with the worker, which waits on it when too many are in flight.
  // A counter in shared memory, not an acknowledgement per batch: a message to the worker cost
  // this thread ~0.7 s per million rows (measured, whether every batch or every 4th was acknowledged).
  const handled = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  if (prestarted) {
    worker = prestarted;
    prestarted = undefined;
    worker.removeAllListeners('error');
    worker.ref();
    worker.postMessage({ t: 'job', job, handled: handled.buffer });
  } else worker = spawn(script, { job, handled: handled.buffer });
  const promise = new Promise<void>((resolve, reject) => {
    let done = false;
    let chain = Promise.resolve();
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      void worker.terminate();
      reject(e);
    };
    worker.on('message', (m: WorkerMessage) => {
      // handle messages strictly one after another, even when a batch handler awaits
      chain = chain.then(async () => {
        if (done) return;
        switch (m.t) {
          case 'file':
            handler.file(m);
            break;
          case 'read':
            handler.read?.(m);
            break;
          case 'batch':
            await handler.batch(m);
            Atomics.add(handled, 0, 1);
            Atomics.notify(handled, 0);
            break;
          case 'end':
            done = true;
            worker.unref();
            resolve();
            break;
          case 'error': {
            const e = m.user ? new UserError(m.message, m.exitCode) : new Error(m.message);
            if (m.stack) e.stack = m.stack;
            fail(e);
            break;
          }
        }
      }).catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      // Messages posted before the worker exited are delivered before 'exit', but their handlers
      // run one after another on `chain` (a batch handler awaits the output): the 'end' message may
      // still be waiting there. Judge the exit only after every queued message was handled.
      chain = chain.then(() => {
        if (!done) fail(new Error(`ingest worker stopped (exit code ${code})`));
      });
    });
  });
  return Object.assign(promise, {
    cancel() {
      promise.catch(() => {});
      void worker.terminate();
    },
  });
}

/**
 * Size the duplicate-id set for the input up front: growing it at 70 % load holds the old and the
 * new table at once (1.5× its final size) and rehashes every id. A row of an export with the
 * canonical columns takes ~150–160 bytes; sized for bytes / 140 rows, the set holds a million-row
 * export in ~22 MB without growing (the capacity need not be a power of two, see idset.ts), and a
 * file of shorter rows still grows the set as before.
 */
export function idCapacityFor(inputs: string[]): number {
  let bytes = 0;
  for (const path of inputs) {
    try {
      if (path !== '-') bytes += statSync(path).size;
    } catch {
      /* reported when the file is opened */
    }
  }
  const rows = Math.min(bytes / 140, 8_000_000);
  return Math.max(1 << 12, Math.ceil(rows / 0.7));
}
