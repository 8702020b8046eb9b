/**
 * The ingest worker: reads, decodes, parses and normalises the inputs on the second core while
 * the main thread evaluates, aggregates and writes (src/engine/parallel.ts). It sends packed
 * batches (packed.ts) in input order and keeps at most MAX_IN_FLIGHT of them unacknowledged, so a
 * slow consumer (a pipe, a full disk) holds the reader back instead of filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { setLang } from '../i18n/index.js';
import { IdSet } from '../ingest/idset.js';
import { Normalizer } from '../ingest/normalize.js';
import { openInput, RawRecord } from '../ingest/readers.js';
import { BatchPacker } from './packed.js';
import type { IngestJob, WorkerMessage } from './parallel.js';

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
  const normalizer = new Normalizer(job.profile, job.mapping, { ids: new IdSet(job.idCapacity) });
  const packer = new BatchPacker();
  /** A record through the general path: a Case or its row errors into the batch. */
  const pack = (rec: RawRecord, fileIndex: number) => {
    const c = normalizer.normalize(rec);
    if (Array.isArray(c)) packer.addRejected(c);
    else packer.addCase(c, fileIndex);
  };
  /** Send the finished batch (its arrays transferred, not copied); wait while too many are unacknowledged. */
  const send = async () => {
    const packed = packer.finish();
    post(packed, [packed.kinds.buffer as ArrayBuffer, packed.ints.buffer as ArrayBuffer, packed.idEnds.buffer as ArrayBuffer]);
    if (++inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  };
  for (let fileIndex = 0; fileIndex < job.inputs.length; fileIndex++) {
    // spans: CSV records arrive as places in the decoded text (csv.ts SpanBatch) and most rows
    // go from there straight into the packed batch (Normalizer.normalizeSpan), with no string,
    // record, values array or Case per row; other formats come as records (`batches`)
    const input = await openInput(job.inputs[fileIndex], { ...job.read, wantedColumns: job.wantedColumns, lines: true, spans: true });
    normalizer.begin(input);
    post({ t: 'file', file: input.file, format: input.format, encoding: input.encoding, delimiter: input.delimiter });
    if (input.spanBatches) {
      for await (const batch of input.spanBatches) {
        const { text, starts, ends, records, count, firstRow } = batch;
        packer.start(count - batch.first);
        let special = 0;
        for (let k = batch.first; k < count; k++) {
          const row = firstRow + k;
          const start = starts[k];
          let rec: RawRecord;
          if (start >= 0) {
            const end = ends[k];
            if (normalizer.normalizeSpan(text, start, end, row, packer.rowInts, packer.rowBase)) {
              packer.addSpanRow(normalizer.spanRow, row, fileIndex);
              continue;
            }
            // the general path, exactly as the lines mode hands the row over (empty: as fields)
            rec = end > start ? { row, values: [], line: text.slice(start, end) } : { row, values: [''] };
          } else {
            const r = records[special++];
            rec = r.error ? { row, values: [], error: r.error } : { row, values: r.fields };
          }
          pack(rec, fileIndex);
        }
        await send();
      }
      continue;
    }
    for await (const batch of input.batches) {
      packer.start(batch.length);
      for (const rec of batch) pack(rec, fileIndex);
      await send();
    }
  }
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
