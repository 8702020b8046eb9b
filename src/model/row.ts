/**
 * The packed row: how one normalised export row is held from the normaliser to the report. Every
 * input format and every file size goes through this one representation (src/ingest/normalize.ts
 * writes it, src/rules reads it, src/report/aggregate.ts counts it):
 *
 *   ints[base + f]      field f (index in FIELDS): a day number for a date, 1/0 for ja/nee (a flag
 *                       or a handover item), the index in ROUTES for a route, 0 for a text that is
 *                       there (the dossier id travels beside the ints as a string, the gemeente as
 *                       its place), EMPTY_CELL for an empty cell
 *   ints[base + ROW]    row number in its file
 *   ints[base + PLACE]  official gemeente + deelregio (index in the place table)
 *   ints[base + FILE]   file index
 */
import { FIELDS, fieldsOfType, RouteCode } from './fields.js';

/** An empty cell (no day number, flag or index comes near it). */
export const EMPTY_CELL = -2147483648;

/**
 * The text fields: their strings travel beside the ints (the dossier id as itself, the gemeente as
 * its official name in the place table). A new text field needs a place there first, so it fails loudly here.
 */
export const TEXT_FIELDS = ['dossier_id', 'gemeente'] as const;
if (fieldsOfType('text').join() !== TEXT_FIELDS.join()) throw new Error('src/model/row.ts: a text field without a place in the packed row');

const NF = FIELDS.length;
export const ROW = NF;
export const PLACE = NF + 1;
export const FILE = NF + 2;
/** Ints per packed row. */
export const STRIDE = NF + 3;

/** Where a case belongs: its official gemeente and that gemeente's deelregio. */
export interface Place {
  gemeente: string;
  deelregio: string | undefined;
}

/**
 * What a report needs of a checked row beyond its ints: the dossier id and route for a finding,
 * the place for grouping. src/engine/packed.ts PackedRow is the one implementation.
 */
export interface RowRef {
  readonly ints: Int32Array;
  readonly base: number;
  readonly place: Place;
  readonly file: string;
  readonly row: number;
  readonly dossierId: string;
  readonly route: RouteCode | undefined;
}
