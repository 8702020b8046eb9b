/**
 * Normalised rows packed for the trip from the ingest worker to the main thread. Structured
 * cloning a million Case objects would cost more than normalising them; instead every value goes
 * into one Int32Array per batch (transferred, not copied) and the texts into one string:
 *
 *   ints[k * STRIDE + f]  field f of record k: a day number, 0/1 for a flag or handover item, the
 *                         index in ROUTES for a route, the index in the text table for a text
 *                         (the gemeente as written: a handful of spellings), NONE when empty;
 *                         the dossier id, different on every row, goes into one string `ids`
 *   ints[k * STRIDE + ROW]    row number
 *   ints[k * STRIDE + PLACE]  official gemeente + deelregio (index in the place table)
 *   ints[k * STRIDE + FILE]   file index
 *
 * A rejected row keeps its place in the order (kinds[k] = 1) and carries its RowErrors as objects
 * (rare, so cloning them is fine). Unpacking gives Cases equal to what the Normalizer returned
 * (test/engine/packed.test.ts).
 */
import { Case, FIELD_INDEX, FIELD_TYPES, FIELDS, ROUTES, RouteCode, Value } from '../ingest/fields.js';
import { EMPTY_CELL, RowError, SpanRow } from '../ingest/normalize.js';

export const NONE = EMPTY_CELL;
const NF = FIELDS.length;
const ROW = NF;
const PLACE = NF + 1;
const FILE = NF + 2;
export const STRIDE = NF + 3;

const T_DATE = 1;
const T_FLAG = 2;
const T_ROUTE = 3;
const T_TEXT = 4;
const TYPE = Uint8Array.from(FIELDS.map((f) => {
  const t = FIELD_TYPES[f];
  return t === 'date' ? T_DATE : t === 'bool' || t === 'item' ? T_FLAG : t === 'route' ? T_ROUTE : T_TEXT;
}));
const ROUTE_INDEX = new Map<string, number>(ROUTES.map((r, i) => [r, i]));
const ID = FIELD_INDEX.dossier_id;
const GEMEENTE = FIELD_INDEX.gemeente;
const ROUTE_FIELD = FIELD_INDEX.triage_besluit;
const MELDING = FIELD_INDEX.melding_datum;

export interface Place {
  gemeente: string;
  deelregio: string | undefined;
}

/** One batch on the wire (plain data: typed arrays are transferred, the rest cloned). */
export interface PackedBatch {
  t: 'batch';
  count: number;
  kinds: Uint8Array;
  ints: Int32Array;
  /** the dossier ids of the batch's cases, concatenated; idEnds[i] is where case i's id ends */
  ids: string;
  idEnds: Uint32Array;
  /** texts and places first used in this batch, appended to the receiver's tables */
  newTexts: string[];
  newPlaces: Place[];
  rejected: RowError[][];
}

/** Worker side: collects Cases and rejections of one input batch. */
export class BatchPacker {
  /** place per official gemeente name (with its deelregio, checked on every use) */
  private readonly placeIndex = new Map<string, { index: number; deelregio: string | undefined }>();
  private readonly placeByKey = new Map<string, number>();
  private placeCount = 0;
  private readonly textIndex = new Map<string, number>();
  private kinds!: Uint8Array;
  private ints!: Int32Array;
  private ids = '';
  private idEnds!: Uint32Array;
  private cases = 0;
  private newTexts: string[] = [];
  private newPlaces: Place[] = [];
  private rejected: RowError[][] = [];
  private count = 0;

  start(capacity: number): void {
    this.kinds = new Uint8Array(capacity);
    this.ints = new Int32Array(capacity * STRIDE);
    this.ids = '';
    this.idEnds = new Uint32Array(capacity);
    this.cases = 0;
    this.newTexts = [];
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

  private text(s: string): number {
    let i = this.textIndex.get(s);
    if (i === undefined) {
      i = this.textIndex.size;
      this.textIndex.set(s, i);
      this.newTexts.push(s);
    }
    return i;
  }

  addRejected(errors: RowError[]): void {
    this.kinds[this.count++] = 1;
    this.rejected.push(errors);
  }

  addCase(c: Case, fileIndex: number): void {
    const k = this.count++;
    const ints = this.ints;
    const base = k * STRIDE;
    const values = c.values;
    for (let f = 0; f < NF; f++) {
      const v = values[f];
      if (v === undefined) {
        ints[base + f] = NONE;
        continue;
      }
      switch (TYPE[f]) {
        case T_DATE:
          ints[base + f] = v as number;
          break;
        case T_FLAG:
          ints[base + f] = v ? 1 : 0;
          break;
        case T_ROUTE:
          ints[base + f] = ROUTE_INDEX.get(v as string)!;
          break;
        default:
          if (f === ID) {
            this.ids += v as string;
            this.idEnds[this.cases] = this.ids.length;
            ints[base + f] = 0;
          } else ints[base + f] = this.text(v as string);
      }
    }
    this.cases++;
    ints[base + ROW] = c.row;
    ints[base + PLACE] = this.place(c.gemeente, c.deelregio);
    ints[base + FILE] = fileIndex;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Where the next record's fields go: Normalizer.normalizeSpan writes them straight into this
   * row (the same encoding as addCase), then addSpanRow completes it. A row normalizeSpan
   * refuses is simply overwritten by the next record's addCase or addRejected.
   */
  get rowInts(): Int32Array {
    return this.ints;
  }

  get rowBase(): number {
    return this.count * STRIDE;
  }

  /** Complete the row normalizeSpan filled at rowBase: ids, gemeente text, row, place, file. */
  addSpanRow(r: SpanRow, row: number, fileIndex: number): void {
    const base = this.count++ * STRIDE;
    const ints = this.ints;
    this.ids += r.dossierId;
    this.idEnds[this.cases++] = this.ids.length;
    ints[base + GEMEENTE] = this.text(r.gemeenteText);
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
      newTexts: this.newTexts,
      newPlaces: this.newPlaces,
      rejected: this.rejected,
    };
  }
}

/**
 * A packed row as it is, for the kernels (src/rules/kernels.ts): its ints at ints[base…], its
 * place, and its dossier id and route when a finding needs them. One object, moved from row to row
 * (BatchUnpacker.eachRow).
 */
export class PackedRow {
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
    return v === NONE ? undefined : ROUTES[v];
  }
}

/** Main side: turns batches back into Cases (and rejections), in their original order. */
export class BatchUnpacker {
  private readonly places: Place[] = [];
  private readonly texts: string[] = [];

  /**
   * With `reuse`, one Case and one values array serve every row (overwritten in place): the
   * consumer promises to keep nothing of a Case after onCase returns (EngineSink.transient). A
   * million rows then cost no million Cases and values arrays, which was most of the main
   * thread's garbage (docs/performance.md).
   */
  private readonly cursor: Case = cursorCase();

  constructor(
    private readonly files: string[],
    private readonly reuse = false,
  ) {}

  private readonly packedRow = new PackedRow();

  /** each() without unpacking: every checked row as a PackedRow (overwritten for the next one). */
  eachRow(batch: PackedBatch, onRow: (row: PackedRow) => void, onRejected: (errors: RowError[]) => void): void {
    this.tables(batch);
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

  private tables(batch: PackedBatch): void {
    for (const p of batch.newPlaces) this.places.push(p);
    for (const t of batch.newTexts) this.texts.push(t);
  }

  each(batch: PackedBatch, onCase: (c: Case) => void, onRejected: (errors: RowError[]) => void): void {
    const texts = this.texts;
    this.eachRow(
      batch,
      (row) => {
        const { ints, base } = row;
        // a fresh Case per row, or the one cursor overwritten in place (see `cursor`)
        const c: Case = this.reuse
          ? this.cursor
          : { dossierId: '', gemeente: '', deelregio: undefined, route: undefined, meldingDatum: 0, values: new Array(NF), file: '', row: 0 };
        const values = c.values;
        for (let f = 0; f < NF; f++) {
          const v = ints[base + f];
          if (v === NONE) {
            values[f] = undefined;
            continue;
          }
          switch (TYPE[f]) {
            case T_DATE:
              values[f] = v;
              break;
            case T_FLAG:
              values[f] = v === 1;
              break;
            case T_ROUTE:
              values[f] = ROUTES[v];
              break;
            default:
              values[f] = f === ID ? row.dossierId : texts[v];
          }
        }
        c.dossierId = values[ID] as string;
        c.gemeente = row.place.gemeente;
        c.deelregio = row.place.deelregio;
        c.route = values[ROUTE_FIELD] as RouteCode | undefined;
        c.meldingDatum = values[MELDING] as number;
        c.file = row.file;
        c.row = row.row;
        onCase(c);
      },
      onRejected,
    );
  }
}

/** A Case to be overwritten row after row (EngineSink.transient). */
export function cursorCase(): Case {
  return { dossierId: '', gemeente: '', deelregio: undefined, route: undefined, meldingDatum: 0, values: Array.from({ length: NF }, () => undefined), file: '', row: 0 };
}
