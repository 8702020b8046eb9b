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
 * Batches sent but not yet handled by the main thread. At 4 the worker waited ~0.1 s per
 * million rows for the main thread (which starts cold: JIT, first allocations); at 16 (~4 MB of
 * packed rows at most) it never waited in the runs measured.
 */
const MAX_IN_FLIGHT = 16;

async function run(job: IngestJob, port: NonNullable<typeof parentPort>): Promise<void> {
  setLang(job.lang);
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', (m: { t: string }) => {
    if (m.t === 'ack') {
      inFlight--;
      const w = wake;
      wake = undefined;
      w?.();
    }
  });
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  await ingest(job, {
    file: (m) => post(m),
    read: (m) => post(m),
    // the batch's arrays are transferred, not copied; wait while too many are unacknowledged
    async batch(packed) {
      post(packed, [packed.kinds.buffer as ArrayBuffer, packed.ints.buffer as ArrayBuffer, packed.idEnds.buffer as ArrayBuffer]);
      if (++inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    },
  });
  post({ t: 'end' });
  port.removeAllListeners('message');
  port.unref();
}

/** The job: in workerData, or, for a worker started ahead (prestartIngestWorker), the first message. */
function job(port: NonNullable<typeof parentPort>): Promise<IngestJob> {
  if (!(workerData as { prestarted?: boolean }).prestarted) return Promise.resolve(workerData as IngestJob);
  return new Promise((resolve) => port.once('message', (m: { t: 'job'; job: IngestJob }) => resolve(m.job)));
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
