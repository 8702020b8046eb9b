/**
 * Batches of packed rows (src/model/row.ts), as the ingest loop (ingest.ts) fills them and the
 * evaluating side reads them, on one thread or across the worker boundary: every value of a batch
 * is in one Int32Array (transferred to the main thread, not copied) and its dossier ids in one
 * string. A rejected row keeps its place in the order (kinds[k] = 1) and carries its RowErrors as
 * objects (rare, so cloning them is fine).
 */
import { FIELD_INDEX, ROUTES, RouteCode } from '../model/fields.js';
import { EMPTY_CELL, FILE, PLACE, Place, ROW, RowRef, STRIDE } from '../model/row.js';
import type { RowError, SpanRow } from '../ingest/normalize.js';

const ROUTE_FIELD = FIELD_INDEX.triage_besluit;

/** One batch (plain data: typed arrays are transferred, the rest cloned). */
export interface PackedBatch {
  t: 'batch';
  count: number;
  kinds: Uint8Array;
  ints: Int32Array;
  /** the dossier ids of the batch's cases, concatenated; idEnds[i] is where case i's id ends */
  ids: string;
  idEnds: Uint32Array;
  /** places first used in this batch, appended to the receiver's table */
  newPlaces: Place[];
  rejected: RowError[][];
}

/** Fills batches: the normaliser writes a row's ints at rowInts[rowBase…], then addRow completes it. */
export class BatchPacker {
  /** place per official gemeente name (with its deelregio, checked on every use) */
  private readonly placeIndex = new Map<string, { index: number; deelregio: string | undefined }>();
  private readonly placeByKey = new Map<string, number>();
  private placeCount = 0;
  private kinds!: Uint8Array;
  private ints!: Int32Array;
  private ids = '';
  private idEnds!: Uint32Array;
  private cases = 0;
  private newPlaces: Place[] = [];
  private rejected: RowError[][] = [];
  private count = 0;

  start(capacity: number): void {
    this.kinds = new Uint8Array(capacity);
    this.ints = new Int32Array(capacity * STRIDE);
    this.ids = '';
    this.idEnds = new Uint32Array(capacity);
    this.cases = 0;
    this.newPlaces = [];
    this.rejected = [];
    this.count = 0;
  }

  private place(gemeente: string, deelregio: string | undefined): number {
    const hit = this.placeIndex.get(gemeente);
    if (hit !== undefined && hit.deelregio === deelregio) return hit.index;
    // a gemeente with another deelregio than before cannot come from one profile; still exact
    const key = gemeente + '\u0000' + (deelregio ?? '');
    let index = this.placeByKey.get(key);
    if (index === undefined) {
      index = this.placeCount++;
      this.placeByKey.set(key, index);
      this.newPlaces.push({ gemeente, deelregio });
    }
    if (hit === undefined) this.placeIndex.set(gemeente, { index, deelregio });
    return index;
  }

  addRejected(errors: RowError[]): void {
    this.kinds[this.count++] = 1;
    this.rejected.push(errors);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Where the next row's fields go. A row the normaliser refuses is simply overwritten by the next
   * row (or left unused by addRejected, which does not advance into it).
   */
  get rowInts(): Int32Array {
    return this.ints;
  }

  get rowBase(): number {
    return this.count * STRIDE;
  }

  /** Complete the row the normaliser filled at rowBase: its id, row, place and file. */
  addRow(r: SpanRow, row: number, fileIndex: number): void {
    const base = this.count++ * STRIDE;
    const ints = this.ints;
    this.ids += r.dossierId;
    this.idEnds[this.cases++] = this.ids.length;
    ints[base + ROW] = row;
    ints[base + PLACE] = this.place(r.gemeente, r.deelregio);
    ints[base + FILE] = fileIndex;
  }

  finish(): PackedBatch {
    return {
      t: 'batch',
      count: this.count,
      kinds: this.kinds.subarray(0, this.count),
      ints: this.ints.subarray(0, this.count * STRIDE),
      ids: this.ids,
      idEnds: this.idEnds.subarray(0, this.cases),
      newPlaces: this.newPlaces,
      rejected: this.rejected,
    };
  }
}

/**
 * A packed row as it is: its ints at ints[base…], its place, and its dossier id and route when a
 * finding needs them. One object, moved from row to row (BatchUnpacker.eachRow): whoever keeps
 * something of a row copies it.
 */
export class PackedRow implements RowRef {
  ints: Int32Array = new Int32Array(0);
  base = 0;
  place!: Place;
  file = '';
  private ids = '';
  private idStart = 0;
  private idEnd = 0;

  set(ints: Int32Array, base: number, place: Place, file: string, ids: string, idStart: number, idEnd: number): void {
    this.ints = ints;
    this.base = base;
    this.place = place;
    this.file = file;
    this.ids = ids;
    this.idStart = idStart;
    this.idEnd = idEnd;
  }

  get row(): number {
    return this.ints[this.base + ROW];
  }

  get dossierId(): string {
    return this.ids.slice(this.idStart, this.idEnd);
  }

  get route(): RouteCode | undefined {
    const v = this.ints[this.base + ROUTE_FIELD];
    return v === EMPTY_CELL ? undefined : ROUTES[v];
  }
}

/** Reads batches in their original order: every checked row as a PackedRow, every rejection as is. */
export class BatchUnpacker {
  private readonly places: Place[] = [];
  private readonly packedRow = new PackedRow();

  constructor(private readonly files: string[]) {}

  eachRow(batch: PackedBatch, onRow: (row: PackedRow) => void, onRejected: (errors: RowError[]) => void): void {
    for (const p of batch.newPlaces) this.places.push(p);
    const { kinds, ints, ids, idEnds, count } = batch;
    const row = this.packedRow;
    let id = 0;
    let rejected = 0;
    for (let k = 0; k < count; k++) {
      if (kinds[k] === 1) {
        onRejected(batch.rejected[rejected++]);
        continue;
      }
      const base = k * STRIDE;
      row.set(ints, base, this.places[ints[base + PLACE]], this.files[ints[base + FILE]], ids, id === 0 ? 0 : idEnds[id - 1], idEnds[id]);
      id++;
      onRow(row);
    }
  }
}
