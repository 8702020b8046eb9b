/**
 * The ingest worker: runs the ingest loop (ingest.ts) on the second core while the main thread
 * evaluates, aggregates and writes (parallel.ts). It sends the packed batches in input order and
 * keeps at most MAX_IN_FLIGHT of them unacknowledged, so a slow consumer (a pipe, a full disk)
 * holds the reader back instead of filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { setLang } from '../i18n/index.js';
import { ingest, IngestJob } from './ingest.js';
import type { WorkerMessage } from './parallel.js';

/**
 * Batches sent but not yet handled by the main thread (it counts them in shared memory). At 4 the
 * worker waited ~0.1 s per million rows for the main thread (which starts cold: JIT, first
 * allocations); at 16 (~4 MB of packed rows at most) it never waited in the runs measured.
 */
const MAX_IN_FLIGHT = 16;

async function run({ job, handled }: WorkerJob, port: NonNullable<typeof parentPort>): Promise<void> {
  setLang(job.lang);
  const done = new Int32Array(handled);
  let sent = 0;
  // a waiting Atomics.waitAsync does not keep the thread alive; a listening port does
  const keepAlive = () => {};
  port.on('message', keepAlive);
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  await ingest(job, {
    file: (m) => post(m),
    read: (m) => post(m),
    // the batch's arrays are transferred, not copied; wait while too many are unacknowledged
    async batch(packed) {
      post(packed, [packed.kinds.buffer as ArrayBuffer, packed.ints.buffer as ArrayBuffer, packed.idEnds.buffer as ArrayBuffer]);
      sent++;
      for (let seen = Atomics.load(done, 0); sent - seen >= MAX_IN_FLIGHT; seen = Atomics.load(done, 0)) {
        const wait = waitAsync(done, 0, seen);
        if (wait.async) await wait.value;
      }
    },
  });
  post({ t: 'end' });
  port.off('message', keepAlive);
  port.unref();
}

/** Atomics.waitAsync (Node >= 16); typed here because the ES2023 lib the project targets lacks it. */
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

/** A job and the count of batches the main thread has handled (an Int32 in shared memory). */
interface WorkerJob {
  job: IngestJob;
  handled: SharedArrayBuffer;
}

/** The job: in workerData, or, for a worker started ahead (prestartIngestWorker), the first message. */
function job(port: NonNullable<typeof parentPort>): Promise<WorkerJob> {
  if (!(workerData as { prestarted?: boolean }).prestarted) return Promise.resolve(workerData as WorkerJob);
  return new Promise((resolve) => port.once('message', (m: { t: 'job' } & WorkerJob) => resolve(m)));
}

if (parentPort) {
  const port = parentPort;
  job(port).then((j) => run(j, port)).catch((e: unknown) => {
    const err = e as Error;
    port.postMessage({
      t: 'error',
      message: String(err?.message ?? err),
      stack: err?.stack,
      user: e instanceof UserError,
      exitCode: e instanceof UserError ? e.exitCode : 2,
    } satisfies WorkerMessage);
    port.unref();
  });
}
