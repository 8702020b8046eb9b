/**
 * The ingest loop: read, decode, parse and normalise the inputs into batches of packed rows
 * (packed.ts), in input order. The same code runs on this thread for small inputs and standard
 * input, and in the ingest worker (ingest-worker.ts) for large files: the worker only moves it to
 * another thread.
 */
import type { Lang } from '../i18n/index.js';
import { IdSet } from '../ingest/idset.js';
import type { Mapping } from '../ingest/mapping.js';
import { Normalizer } from '../ingest/normalize.js';
import { InputFormat, OpenedInput, openInput, RawRecord, ReadOptions, spanRecord } from '../ingest/readers.js';
import type { Profile } from '../profile/load.js';
import { BatchPacker, PackedBatch } from './packed.js';

export interface IngestJob {
  /** initial capacity of the duplicate-id set (see idCapacityFor in parallel.ts) */
  idCapacity: number;
  profile: Profile;
  mapping: Mapping;
  inputs: string[];
  read: ReadOptions;
  wantedColumns: string[];
  lang: Lang;
}

export interface FileOpened {
  t: 'file';
  file: string;
  format: InputFormat;
  encoding?: string;
  delimiter?: string;
}

/** A file read to its end: the SHA-256 and size of its bytes as read (the report's provenance). */
export interface FileRead {
  t: 'read';
  sha256: string | null;
  bytes: number;
}

export interface IngestHandler {
  file(m: FileOpened): void;
  /** after the last record of the file opened last */
  read?(m: FileRead): void;
  /** awaited before the next batch is read (back-pressure reaches the reader) */
  batch(b: PackedBatch): Promise<void> | void;
}

export async function ingest(job: IngestJob, handler: IngestHandler): Promise<void> {
  const normalizer = new Normalizer(job.profile, job.mapping, { ids: new IdSet(job.idCapacity) });
  const packer = new BatchPacker();
  /** A record through the general path: a packed row or its row errors into the batch. */
  const pack = (rec: RawRecord, fileIndex: number) => {
    const ok = normalizer.normalize(rec, packer.rowInts, packer.rowBase);
    if (ok === true) packer.addRow(normalizer.spanRow, rec.row, fileIndex);
    else packer.addRejected(ok);
  };
  for (let fileIndex = 0; fileIndex < job.inputs.length; fileIndex++) {
    const input = await openInput(job.inputs[fileIndex], { ...job.read, wantedColumns: job.wantedColumns, spans: true });
    normalizer.begin(input);
    handler.file({ t: 'file', file: input.file, format: input.format, encoding: input.encoding, delimiter: input.delimiter });
    if (input.spanBatches) {
      // CSV: most rows go from their place in the decoded text straight into the packed batch
      // (Normalizer.normalizeSpan), with no string, record or values array per row
      const delimiter = input.delimiter ?? ',';
      for await (const batch of input.spanBatches) {
        const { text, starts, ends, records, count, firstRow } = batch;
        packer.start(count - batch.first);
        let special = 0;
        for (let k = batch.first; k < count; k++) {
          const start = starts[k];
          if (start >= 0 && normalizer.normalizeSpan(text, start, ends[k], firstRow + k, packer.rowInts, packer.rowBase)) {
            packer.addRow(normalizer.spanRow, firstRow + k, fileIndex);
            continue;
          }
          pack(spanRecord(batch, k, start < 0 ? records[special++] : undefined, delimiter), fileIndex);
        }
        await handler.batch(packer.finish());
      }
      handler.read?.(readOf(input));
      continue;
    }
    for await (const batch of input.batches) {
      packer.start(batch.length);
      for (const rec of batch) pack(rec, fileIndex);
      await handler.batch(packer.finish());
    }
    handler.read?.(readOf(input));
  }
}

function readOf(input: OpenedInput): FileRead {
  return { t: 'read', sha256: input.digest?.sha256 ?? null, bytes: input.digest?.bytes ?? 0 };
}
